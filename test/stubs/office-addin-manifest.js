// Stand-in for office-addin-manifest under jest: its dependency chain is ESM-only, and
// office-addin-mock needs only its OfficeApp enum (to tell hosts apart).
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
