/* Builds the add-in for a shared runtime: one page (taskpane.html) hosts the task pane
 * and the custom functions; custom-functions-metadata-plugin writes functions.json
 * from the functions' JSDoc and adds their CustomFunctions.associate calls.
 *
 * Production host: ADDIN_BASE_URL=https://your.host/awards/ npm run build rewrites
 * every https://localhost:3000/ in the manifest to that base URL.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const OUTPUT = path.resolve(__dirname, 'dist', 'addin');

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_BASE_URL;
  if (!/^https:\/\/[^\s]+\/$/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https URL ending in '/': ${url}`);
  }
  return url;
}

async function devServerHttps() {
  // office-addin-dev-certs makes (once, on request) a localhost certificate trusted by Office.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (_env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const base = baseUrl();
  return {
    devtool: production ? false : 'source-map',
    entry: {
      boot: './src/taskpane/boot.ts',
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
    },
    output: { path: OUTPUT, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020' } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['boot'],
        inject: 'head',
        scriptLoading: 'blocking',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE_URL).join(base),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: OUTPUT },
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving && process.env.AWARDS_HTTP !== '1' ? { type: 'https', options: await devServerHttps() } : 'http',
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
