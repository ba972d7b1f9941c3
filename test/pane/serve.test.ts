/**
 * scripts/serve.mjs, the preview's static server: right content types, nothing served
 * from outside its root, hashed files and the versioned Office.js copy kept by the
 * browser, other files kept but revalidated by their ETag (nothing kept with `--no-cache`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { request } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { serveFolder, type Server } from './browser';

interface Reply {
  status: number;
  type: string;
  cache: string;
  tag: string | undefined;
  body: string;
}

/** Sends the path exactly as written (no normalising of `..` by a URL parser). */
function get(server: Server, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), cache: String(res.headers['cache-control'] ?? ''),
        tag: res.headers.etag, body,
      }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  let outside: string;
  let root: string;
  let server: Server;
  let uncached: Server;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'awards-serve-'));
    root = join(outside, 'root');
    mkdirSync(join(root, 'assets'), { recursive: true });
    for (const folder of ['office-js/1.1.110/en-us', 'office-js/0a1b2c3d', 'office-js/latest']) mkdirSync(join(root, folder), { recursive: true });
    for (const file of ['office-js/1.1.110/office.js', 'office-js/1.1.110/en-us/office_strings.js', 'office-js/0a1b2c3d/office.js', 'office-js/latest/office.js', 'office-js/office.js']) {
      writeFileSync(join(root, file), 'var office;');
    }
    writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>pane</title>');
    writeFileSync(join(root, 'taskpane.js'), 'void 0;');
    writeFileSync(join(root, 'functions.json'), '{}');
    writeFileSync(join(root, 'taskpane.1a2b3c4d.js'), 'void 0;');
    writeFileSync(join(root, 'griffel.1a2b3c4d.css'), '.a{}');
    writeFileSync(join(root, 'assets', 'icon-32.png'), 'png');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    server = await serveFolder(root);
    uncached = await serveFolder(root, ['--no-cache']);
  });

  afterAll(() => {
    server?.stop();
    uncached?.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  it.each([
    ['/taskpane.html', 'text/html; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
    ['/taskpane.js', 'text/javascript; charset=utf-8'],
    ['/functions.json', 'application/json; charset=utf-8'],
    ['/assets/icon-32.png', 'image/png'],
  ])('serves %s as %s', async (path, type) => {
    const reply = await get(server, path);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe(type);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/%00taskpane.html',
    '/%E0%A4%A',
  ])('serves nothing from outside its root for %s', async (path) => {
    const reply = await get(server, path);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('secret');
  });

  it.each([
    ['/taskpane.1a2b3c4d.js', 'public, max-age=31536000, immutable'],
    ['/griffel.1a2b3c4d.css', 'public, max-age=31536000, immutable'],
    ['/office-js/1.1.110/office.js', 'public, max-age=31536000, immutable'],
    ['/office-js/1.1.110/en-us/office_strings.js', 'public, max-age=31536000, immutable'],
    ['/office-js/0a1b2c3d/office.js', 'public, max-age=31536000, immutable'],
    ['/office-js/latest/office.js', 'no-cache'],
    ['/office-js/office.js', 'no-cache'],
    ['/taskpane.js', 'no-cache'],
    ['/taskpane.html', 'no-cache'],
  ])('keeps %s as %s', async (path, cache) => {
    expect((await get(server, path)).cache).toBe(cache);
  });

  it('answers an unhashed file asked after with its ETag 304 while unchanged, and the new file once rewritten', async () => {
    const path = '/office.js';
    writeFileSync(join(root, 'office.js'), 'var first;');
    const first = await get(server, path);
    expect([first.status, first.body]).toEqual([200, 'var first;']);
    expect(first.tag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(server, path, 'GET', { 'If-None-Match': String(first.tag) });
    expect([again.status, again.body, again.tag, again.cache]).toEqual([304, '', first.tag, 'no-cache']);
    expect((await get(server, path, 'GET', { 'If-None-Match': `"other", W/${first.tag}` })).status).toBe(304);
    writeFileSync(join(root, 'office.js'), 'var second, rebuilt;');
    const rebuilt = await get(server, path, 'GET', { 'If-None-Match': String(first.tag) });
    expect([rebuilt.status, rebuilt.body]).toEqual([200, 'var second, rebuilt;']);
    expect(rebuilt.tag).not.toBe(first.tag);
  });

  it.each(['/taskpane.1a2b3c4d.js', '/office-js/1.1.110/office.js'])('sends no ETag for %s (kept for good, never asked after)', async (path) => {
    const reply = await get(server, path);
    expect([reply.status, reply.tag]).toEqual([200, undefined]);
  });

  it('keeps nothing with --no-cache: every visit a first visit', async () => {
    const tag = String((await get(server, '/taskpane.html')).tag);
    for (const path of ['/taskpane.1a2b3c4d.js', '/griffel.1a2b3c4d.css', '/office-js/1.1.110/office.js', '/taskpane.html']) {
      const reply = await get(uncached, path, 'GET', { 'If-None-Match': tag });
      expect([reply.status, reply.cache, reply.tag]).toEqual([200, 'no-store', undefined]);
    }
  });

  it('lists no directories', async () => {
    expect((await get(server, '/assets')).status).toBe(404);
    expect((await get(server, '/assets/')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(server, '/taskpane.html', 'HEAD')).status).toBe(200);
    expect((await get(server, '/taskpane.html', 'POST')).status).toBe(405);
  });
});
