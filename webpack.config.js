/* Builds the add-in for a shared runtime: one page (taskpane.html) hosts the task pane
 * and the custom functions; custom-functions-metadata-plugin writes functions.json
 * from the functions' JSDoc and adds their CustomFunctions.associate calls.
 *
 * Options (environment variables, or `--env` for the preview):
 * - ADDIN_BASE_URL=https://your.host/awards/ rewrites every https://localhost:3000/ in
 *   the manifest to that base URL (a production host).
 * - OFFICE_JS=cdn (default) references Office.js from Microsoft's CDN, as Microsoft
 *   requires for AppSource; OFFICE_JS=local copies Office.js from the
 *   @microsoft/office-js package into office-js/<version>/ beside the page (the
 *   package's version, so that a host may keep the folder for good: a new version is a
 *   new folder) and references that copy instead (networks that cannot reach the CDN: a
 *   police network behind a firewall). OFFICE_JS_DIR names another folder holding that
 *   package's dist/.
 * - `--env preview` builds the browser preview into dist/preview: Office.js local, so
 *   the page makes no request beyond its own origin.
 *
 * Every bundle's name carries a hash of its content (taskpane.1a2b3c4d.js,
 * functions.5e6f7a8b.js, functions.9c0d1e2f.json), and the manifest names the hashed
 * files, so Excel's cache of an older functions.json or functions.js cannot be mixed
 * with a newer deploy. functions.json is written with allowCustomDataForDataTypeAny
 * off: the functions take ranges of plain values, so a linked data type in a cell
 * arrives as its basic value, never as an object the functions do not expect.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { Compilation, sources } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
/** Office.js on Microsoft's CDN (the unified cloud.microsoft domain, 2026). */
const OFFICE_JS_CDN = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';
/** Hosts the CDN build's page may load scripts from: the CDN, and its legacy name. */
const OFFICE_JS_HOSTS = ['https://officeapis.public.onecdn.static.microsoft', 'https://appsforoffice.microsoft.com'];

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_BASE_URL;
  if (!/^https:\/\/[^\s]+\/$/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https URL ending in '/': ${url}`);
  }
  return url;
}

/** Where the @microsoft/office-js package's dist/ is, for a local copy of Office.js. */
function officeJsDist() {
  const dir = process.env.OFFICE_JS_DIR
    ? path.resolve(process.env.OFFICE_JS_DIR)
    : path.join(path.dirname(require.resolve('@microsoft/office-js/package.json', { paths: [__dirname] })), 'dist');
  if (!fs.existsSync(path.join(dir, 'office.js'))) throw new Error(`no office.js in ${dir}`);
  return dir;
}

/**
 * The folder the local copy of Office.js goes in, named by its version: the package's
 * version beside its dist/ (office-js/1.1.110/), or, for a dist/ with no package.json,
 * a hash of its office.js. Office.js loads its other files from its own folder, so they
 * move with it; the page and the preview server treat the folder as they treat a hashed
 * bundle (kept for good), since its content cannot change under the same name.
 */
function officeJsFolder(dir) {
  const packageJson = path.join(dir, '..', 'package.json');
  if (fs.existsSync(packageJson)) {
    const { name, version } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
    if (name === '@microsoft/office-js' && /^\d+\.\d+\.\d+$/.test(version ?? '')) return `office-js/${version}`;
  }
  return `office-js/${shortHash(fs.readFileSync(path.join(dir, 'office.js')))}`;
}

function localOfficeJs() {
  try {
    return officeJsDist();
  } catch (error) {
    throw new Error(
      'This build serves Office.js from its own origin (OFFICE_JS=local, or the preview), which needs the ' +
        '@microsoft/office-js package: npm install --save-dev @microsoft/office-js (or set OFFICE_JS_DIR to a ' +
        `folder holding its dist/). ${error.message}`,
    );
  }
}

/**
 * The Content-Security-Policy of the page. Office.js loads its host-specific scripts
 * from the folder it was loaded from, so script-src is our own origin plus, in the CDN
 * build, the CDN's two names. Office.js in Excel on the web sets inline styles, hence
 * style-src 'unsafe-inline'. Nothing else: Office.js frames a telemetry proxy
 * (https://telemetryservice.firstpartyapps.oaspapps.com, three seconds after it loads,
 * in Excel or not) and may post to browser.pipe.aria.microsoft.com; both are left
 * blocked (frame-src and connect-src fall back to 'self'), and Office.js carries on
 * without them — so the preview makes no request beyond its own origin.
 */
function contentSecurityPolicy(officeJs) {
  const scripts = ["'self'", ...(officeJs === 'cdn' ? OFFICE_JS_HOSTS : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

async function devServerHttps() {
  // office-addin-dev-certs makes (once, on request) a localhost certificate trusted by Office.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

const shortHash = (content) => crypto.createHash('sha256').update(content).digest('hex').slice(0, 8);

/**
 * After the bundles are named: writes functions.json under a name hashed from its
 * content, with allowCustomDataForDataTypeAny off, and the manifest with the base URL
 * and the hashed names of functions.js and functions.json.
 */
class AddinFilesPlugin {
  constructor(base) {
    this.base = base;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const metadata = JSON.parse(compilation.getAsset('functions.json').source.source().toString());
        metadata.allowCustomDataForDataTypeAny = false;
        const json = JSON.stringify(metadata, null, 2);
        const jsonName = `functions.${shortHash(json)}.json`;
        compilation.deleteAsset('functions.json');
        compilation.emitAsset(jsonName, new sources.RawSource(json));

        const functionsJs = [...compilation.namedChunks.get('functions').files].find((file) => file.endsWith('.js'));
        const manifest = fs
          .readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8')
          .split(`${DEV_BASE_URL}functions.json`).join(`${DEV_BASE_URL}${jsonName}`)
          .split(`${DEV_BASE_URL}functions.js`).join(`${DEV_BASE_URL}${functionsJs}`)
          .split(DEV_BASE_URL).join(this.base);
        compilation.emitAsset('manifest.xml', new sources.RawSource(manifest));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const preview = Boolean(env.preview);
  const officeJs = preview ? 'local' : (process.env.OFFICE_JS ?? 'cdn');
  if (officeJs !== 'cdn' && officeJs !== 'local') throw new Error(`OFFICE_JS must be cdn or local, not '${officeJs}'`);
  const officeJsDir = officeJs === 'local' ? localOfficeJs() : undefined;
  const officeJsCopy = officeJsDir === undefined ? undefined : officeJsFolder(officeJsDir);
  const base = baseUrl();
  const output = path.resolve(__dirname, 'dist', preview ? 'preview' : 'addin');
  return {
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
    },
    output: { path: output, filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020' } } },
        },
        // Fluent UI's styles, precompiled by Fluent (Griffel's `__styles`), are taken out of
        // the scripts into one stylesheet at build time: the browser parses them natively
        // with the page, instead of the first render computing and inserting every rule.
        { test: /\.js$/, include: /[\\/]node_modules[\\/]@fluentui[\\/]/, use: { loader: GriffelCSSExtractionPlugin.loader } },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        // The engine and the workbook layer do nothing when imported (no top-level effects),
        // so a bundle carries only the modules it uses, not every module an index re-exports.
        { test: /[\\/]src[\\/](engine|workbook)[\\/]/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    plugins: [
      new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // The pane's script only: functions.js is loaded once Office.onReady says this is
        // Excel (its CustomFunctions.associate calls need Excel's runtime), by the name
        // the page carries in its <meta name="awards-functions">.
        chunks: ['taskpane'],
        inject: 'head',
        scriptLoading: 'defer',
        templateParameters: (compilation) => ({
          officeJs: officeJsCopy === undefined ? OFFICE_JS_CDN : `${officeJsCopy}/office.js`,
          csp: contentSecurityPolicy(officeJs),
          functionsJs: [...compilation.namedChunks.get('functions').files].find((file) => file.endsWith('.js')),
        }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...(officeJsDir === undefined
            ? []
            : [
                {
                  from: '**/*.js',
                  context: officeJsDir,
                  to: `${officeJsCopy}/[path][name][ext]`,
                  // Microsoft's files as they ship: not minified again (nor slowly).
                  info: { minimized: true },
                  // Office.js and what it loads in Excel; not the debug copies or other hosts' files.
                  globOptions: { ignore: ['**/*.debug.js', '**/office-vsdoc.js', '**/{outlook,word,powerpoint,onenote,visio,project,access}*'] },
                },
              ]),
        ],
      }),
      new AddinFilesPlugin(base),
    ],
    devServer: {
      static: { directory: output },
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving && process.env.AWARDS_HTTP !== '1' ? { type: 'https', options: await devServerHttps() } : 'http',
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};

// For the build's tests.
module.exports.officeJsFolder = officeJsFolder;
