// Our wrapper around sirv (server.mjs), over real HTTP on 127.0.0.1: what
// the other browser tests count on from it. How sirv serves files is sirv's
// to test.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startServer } from './server.mjs';

let base;    // temp folder: served/ inside it, and a secret file beside it
let served;
let server;

before(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'skiff-server-test-'));
  served = path.join(base, 'served');
  await mkdir(path.join(served, 'en', 'guide'), { recursive: true });
  await mkdir(path.join(served, 'videos'));
  await writeFile(path.join(base, 'secret.txt'), 'outside the served folder\n');
  await writeFile(path.join(served, 'index.html'), '<!doctype html><title>root</title>');
  await writeFile(path.join(served, '404.html'), '<!doctype html><title>not found page</title>');
  await writeFile(path.join(served, 'en', 'guide', 'index.html'), '<!doctype html><title>guide</title>');
  // 1000 bytes: byte i is i % 256, so any range's content is predictable.
  await writeFile(path.join(served, 'videos', 'clip.mp4'),
                  Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  server = await startServer(served);
});

after(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

// A request with the path sent exactly as given (fetch() would normalise
// `..` away before it leaves the client).
function get(rawPath, { port = server.port, headers = {}, agent } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers, agent }, (res) => {
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
  assert.notEqual(server.port, 0);
  assert.equal(server.origin, `http://127.0.0.1:${server.port}`);
  assert.equal(server.url('/en/'), `${server.origin}/en/`);
});

test('a folder serves its index.html', async () => {
  const root = await get('/');
  assert.equal(root.status, 200);
  assert.match(root.body.toString(), /<title>root<\/title>/);
  const guide = await get('/en/guide/?from=test');
  assert.equal(guide.status, 200);
  assert.match(guide.body.toString(), /<title>guide<\/title>/);
});

test('a missing file answers 404 with the site\'s 404.html', async () => {
  for (const urlPath of ['/no-such-page/', '/en/missing.css', '/en/']) {
    const res = await get(urlPath);
    assert.equal(res.status, 404, urlPath);
    assert.match(res.headers['content-type'], /^text\/html/, urlPath);
    assert.match(res.body.toString(), /not found page/, urlPath);
  }
});

test('a video is video/mp4, and a byte range answers 206 with exactly those bytes', async () => {
  // bytes=0- is what Chromium's media stack asks first, then bytes=N-.
  for (const [range, start, end] of [['bytes=0-', 0, 999], ['bytes=100-299', 100, 299]]) {
    const res = await get('/videos/clip.mp4', { headers: { Range: range } });
    assert.equal(res.status, 206, range);
    assert.equal(res.headers['content-type'], 'video/mp4', range);
    assert.equal(res.headers['content-range'], `bytes ${start}-${end}/1000`, range);
    const expected = Buffer.from(Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 256));
    assert.deepEqual(res.body, expected, range);
  }
});

test('no path leads out of the served folder', async () => {
  for (const rawPath of ['/../secret.txt', '/en/../../secret.txt', '/%2e%2e/secret.txt']) {
    const res = await get(rawPath);
    assert.equal(res.status, 404, rawPath);
    assert.doesNotMatch(res.body.toString(), /outside the served folder/, rawPath);
  }
});

test('close() frees the port, even with a connection kept alive', async () => {
  const other = await startServer(served);
  const agent = new Agent({ keepAlive: true });
  try {
    assert.equal((await get('/', { port: other.port, agent })).status, 200);
    await other.close();
  } finally {
    agent.destroy();
  }
  const probe = createServer();
  await new Promise((done, fail) => {
    probe.once('error', fail);
    probe.listen(other.port, '127.0.0.1', done);
  });
  await new Promise((done) => probe.close(done));
});
