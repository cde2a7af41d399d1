// A static file server for the browser tests: serves one built site folder
// on 127.0.0.1 at a port the system picks, as a docs host would.
//
//   const server = await startServer('/path/to/site-out');
//   server.url('/en/')        → 'http://127.0.0.1:PORT/en/'
//   await server.close();
//
// The serving is sirv's (npm): content types, a folder's index.html, byte
// ranges (Chromium's media stack asks for video in ranges), no path out of
// the folder. It runs in its `dev` mode, which looks files up on each
// request and sends `Cache-Control: no-store`, so a rebuilt site is served
// as it is now. Ours: the port, a missing file answered 404 with the site's
// 404.html, and close().
import { readFile, realpath } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

import sirv from 'sirv';

export async function startServer(folder) {
  const root = await realpath(folder);
  const notFoundPage = path.join(root, '404.html');

  async function notFound(req, res) {
    const page = await readFile(notFoundPage).catch(() => null);
    res.writeHead(404, {
      'Content-Type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(page ?? 'not found\n');
  }

  const serve = sirv(root, { dev: true, onNoMatch: (req, res) => void notFound(req, res) });
  const server = createServer((req, res) => {
    try {
      serve(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${error}\n`);
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    root,
    url: (urlPath = '/') => origin + urlPath,
    close() {
      // Chromium keeps connections alive; close() alone would wait for them.
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
