// The static file server the browser tests serve sites with (server.mjs),
// over real HTTP on 127.0.0.1: types, folders, 404, byte ranges, and that no
// request reaches a file outside the served folder.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { parseRange, startServer } from './server.mjs';

let base;    // temp folder: served/ inside it, and a secret file beside it
let server;

before(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'skiff-server-test-'));
  const served = path.join(base, 'served');
  await mkdir(path.join(served, 'en', 'guide'), { recursive: true });
  await mkdir(path.join(served, 'videos'));
  await writeFile(path.join(base, 'secret.txt'), 'outside the served folder\n');
  await writeFile(path.join(served, 'index.html'), '<!doctype html><title>root</title>');
  await writeFile(path.join(served, '404.html'), '<!doctype html><title>not found page</title>');
  await writeFile(path.join(served, 'en', 'guide', 'index.html'), '<!doctype html><title>guide</title>');
  await writeFile(path.join(served, 'site.css'), 'body {}');
  await writeFile(path.join(served, 'app.js'), 'void 0;');
  await writeFile(path.join(served, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(served, 'sitemap.xml'), '<urlset/>');
  await writeFile(path.join(served, 'data.json'), '{}');
  // 1000 bytes: byte i is i % 256, so any range's content is predictable.
  await writeFile(path.join(served, 'videos', 'clip.mp4'),
                  Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  await symlink(path.join(base, 'secret.txt'), path.join(served, 'link-out.txt'));
  server = await startServer(served);
});

after(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

// A request with the path sent exactly as given (fetch() would normalise
// `..` away before it leaves the client).
function get(rawPath, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 at a port the system chose', () => {
  assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.port, 0);
});

test('answers each file type with its Content-Type', async () => {
  const expected = {
    '/index.html': 'text/html; charset=utf-8',
    '/site.css': 'text/css; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/logo.svg': 'image/svg+xml',
    '/videos/clip.mp4': 'video/mp4',
    '/sitemap.xml': 'application/xml',
    '/data.json': 'application/json',
  };
  for (const [urlPath, type] of Object.entries(expected)) {
    const res = await get(urlPath);
    assert.equal(res.status, 200, urlPath);
    assert.equal(res.headers['content-type'], type, urlPath);
  }
});

test('a folder serves its index.html; without the final slash it redirects', async () => {
  const root = await get('/');
  assert.equal(root.status, 200);
  assert.match(root.body.toString(), /<title>root<\/title>/);
  const guide = await get('/en/guide/?from=test');
  assert.equal(guide.status, 200);
  assert.match(guide.body.toString(), /<title>guide<\/title>/);
  const bare = await get('/en/guide');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, '/en/guide/');
});

test('a missing file answers 404 with the site\'s 404.html', async () => {
  for (const urlPath of ['/no-such-page/', '/en/missing.css', '/en/']) {
    const res = await get(urlPath);
    assert.equal(res.status, 404, urlPath);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', urlPath);
    assert.match(res.body.toString(), /not found page/, urlPath);
  }
});

test('a byte range answers 206 with exactly those bytes', async () => {
  const whole = await get('/videos/clip.mp4');
  assert.equal(whole.headers['accept-ranges'], 'bytes');
  assert.equal(whole.body.length, 1000);

  const cases = [
    ['bytes=0-1', 0, 1],        // what Chromium asks first
    ['bytes=100-299', 100, 299],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=900-5000', 900, 999],
  ];
  for (const [range, start, end] of cases) {
    const res = await get('/videos/clip.mp4', { headers: { Range: range } });
    assert.equal(res.status, 206, range);
    assert.equal(res.headers['content-range'], `bytes ${start}-${end}/1000`, range);
    assert.equal(res.headers['content-length'], String(end - start + 1), range);
    assert.equal(res.headers['content-type'], 'video/mp4', range);
    const expected = Buffer.from(Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 256));
    assert.deepEqual(res.body, expected, range);
  }
});

test('a range past the end answers 416; one it cannot use gets the whole file', async () => {
  const past = await get('/videos/clip.mp4', { headers: { Range: 'bytes=1000-' } });
  assert.equal(past.status, 416);
  assert.equal(past.headers['content-range'], 'bytes */1000');
  for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=5-2']) {
    const res = await get('/videos/clip.mp4', { headers: { Range: range } });
    assert.equal(res.status, 200, range);
    assert.equal(res.body.length, 1000, range);
  }
  assert.equal(parseRange(undefined, 10), null);
  assert.equal(parseRange('bytes=-0', 10), 'unsatisfiable');
});

test('HEAD sends the headers only', async () => {
  const res = await get('/site.css', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-length'], '7');
  assert.equal(res.body.length, 0);
});

test('other methods are refused', async () => {
  const res = await get('/index.html', { method: 'POST' });
  assert.equal(res.status, 405);
});

test('no path leads out of the served folder', async () => {
  const attempts = [
    '/../secret.txt',
    '/en/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/en/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link-out.txt',          // a symbolic link pointing out
    '/index.html%00.css',
  ];
  for (const rawPath of attempts) {
    const res = await get(rawPath);
    assert.equal(res.status, 403, rawPath);
    assert.doesNotMatch(res.body.toString(), /outside the served folder/, rawPath);
  }
  const malformed = await get('/%E0%A4%A');
  assert.equal(malformed.status, 404);
});
