// Stand-in for office-addin-manifest under jest: office-addin-mock imports it only for
// usage telemetry helpers it never calls in tests.
module.exports = {};
