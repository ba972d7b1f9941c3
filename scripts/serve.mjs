#!/usr/bin/env node
/**
 * A tiny static server for the built add-in: `npm run preview` and the task pane's
 * browser tests use it to open the preview build (dist/preview, Office.js served from
 * the same origin) outside Office, in preview mode.
 * node:http only; GET and HEAD; no directory listings; nothing outside the root served.
 *
 *   node scripts/serve.mjs [--root dist/preview] [--port 8080] [--host 127.0.0.1] [--no-cache]
 *
 * Hashed files, and the files of a versioned Office.js copy (office-js/1.1.110/), are
 * kept for good; every other file is kept but asked after on each use
 * (`no-cache` with an ETag, answered 304 while the file is unchanged), so a rebuild is
 * seen at once. --no-cache sends `no-store` for every file, hashed ones too, with no
 * ETag: each visit is a first visit (nothing kept by the browser, nor the code it
 * compiled), as the bench measures it.
 *
 * --port 0 picks a free port; PORT in the environment sets the default. Prints `Serving <root> at http://host:port/` and then the
 * pane's URL on the next line.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A file whose name carries its content's hash (taskpane.1a2b3c4d.js): a new build gives it a new name. */
const HASHED = /\.[0-9a-f]{8}\.(js|json|css)$/;

/**
 * A file of the local Office.js copy, in the folder the build names by the package's
 * version (or a hash of office.js): a new Office.js is a new folder, so no file under
 * the name can change (webpack.config.js, officeJsFolder).
 */
const VERSIONED = /^office-js[\\/](\d+\.\d+\.\d+|[0-9a-f]{8})[\\/]/;

/**
 * Content-hashed files and the versioned Office.js copy may be kept for good (a new
 * build names new files, a new Office.js a new folder), as any static host serves them
 * and as Microsoft's CDN lets browsers keep Office.js for days (office-js issue #3487:
 * a cached Office.js went on working offline for days); so the browser keeps their
 * compiled code between visits and does not ask after them.
 * Everything else (the page, the manifest, icons) may be kept but is asked after on
 * every use (`no-cache`, revalidated by its ETag), as static hosts serve by default: a
 * rebuild is seen at once, and an unchanged file costs a 304. `file` is the path
 * inside the root.
 */
function cacheControl(file, keep = true) {
  if (!keep) return 'no-store';
  return HASHED.test(file) || VERSIONED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** A validator that changes whenever the file is rewritten: its size and modification time. */
function entityTag(stats) {
  return `"${stats.size.toString(16)}-${Math.round(stats.mtimeMs * 1000).toString(16)}"`;
}

/** Whether an If-None-Match header names `tag` (or is `*`): the browser's copy is current. */
function matchesTag(header, tag) {
  if (typeof header !== 'string') return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === tag || value === `W/${tag}`;
  });
}

function parseArgs(argv) {
  const options = { root: 'dist/preview', port: Number(process.env.PORT ?? 8080), host: '127.0.0.1', cache: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--no-cache') {
      options.cache = false;
      continue;
    }
    if (flag === '--root' && value) options.root = value;
    else if (flag === '--port' && value) options.port = Number(value);
    else if (flag === '--host' && value) options.host = value;
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/serve.mjs [--root dist/preview] [--port 8080] [--host 127.0.0.1] [--no-cache]');
      process.exit(0);
    } else {
      console.error(`Unknown option '${flag}'. Try --help.`);
      process.exit(2);
    }
    i++;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not '${options.port}'.`);
    process.exit(2);
  }
  return options;
}

/**
 * The file a request path maps to inside `root`, or null when the path is malformed or
 * would leave the root (`..`, encoded slashes or backslashes, NUL bytes).
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const file = resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

/** Starts serving `root`; resolves with the server and its base URL once listening. */
export function serve({ root, port = 0, host = '127.0.0.1', cache = true }) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(405, 'Method not allowed\n');
    }
    let path;
    try {
      path = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      return send(400, 'Bad request\n');
    }
    const file = resolveInside(base, path === '/' ? '/taskpane.html' : path);
    if (!file) return send(400, 'Bad request\n');
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return send(404, 'Not found\n');
    }
    if (!stats.isFile()) return send(404, 'Not found\n');
    const control = cacheControl(relative(base, file), cache);
    const tag = control === 'no-cache' ? entityTag(stats) : undefined;
    const validator = tag === undefined ? {} : { ETag: tag };
    if (tag !== undefined && matchesTag(request.headers['if-none-match'], tag)) {
      response.writeHead(304, { 'Cache-Control': control, ...validator });
      return response.end();
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stats.size,
      'Cache-Control': control,
      ...validator,
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({ server, url: `http://${shownHost}:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  try {
    statSync(resolve(options.root, 'taskpane.html'));
  } catch {
    console.error(`No taskpane.html in ${options.root}: build first (npx webpack --mode production --env preview).`);
    process.exit(2);
  }
  serve(options).then(
    ({ url }) => {
      console.log(`Serving ${options.root} at ${url}`);
      console.log(`Task pane preview: ${url}taskpane.html`);
      console.log('Press Ctrl+C to stop.');
    },
    (error) => {
      console.error(`Cannot serve on ${options.host}:${options.port}: ${error.message}`);
      process.exit(1);
    },
  );
}
