// A static file server for the browser tests: serves one built site folder
// on 127.0.0.1 at a port the system picks, as a docs host would.
//
//   const server = await startServer('/path/to/site-out');
//   server.url('/en/')        → 'http://127.0.0.1:PORT/en/'
//   await server.close();
//
// - GET and HEAD only; a folder serves its index.html (a folder URL without
//   its final slash is redirected to it, so relative links resolve);
// - a missing file answers 404 with the site's 404.html;
// - single byte ranges (`Range: bytes=…`) answer 206, as Chromium's media
//   stack asks for video;
// - paths that would leave the folder (`..`, encoded or not, or a symbolic
//   link pointing out) are refused with 403;
// - nothing is cached (`Cache-Control: no-store`): tests rebuild and reload.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// The byte range a `Range` header asks of a file of `size` bytes:
// {start, end} (inclusive), 'unsatisfiable', or null to send the whole file
// (no header, a unit other than bytes, several ranges, or a malformed one,
// all of which a server may answer with the whole file).
export function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start;
  let end;
  if (match[1] === '') {
    // bytes=-N: the last N bytes
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return null;  // invalid: ignore it
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

// Inside `root` (both real paths), or the folder itself.
function isInside(root, file) {
  return file === root || file.startsWith(root + path.sep);
}

async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

export async function startServer(folder) {
  const root = await realpath(folder);

  // What a request path names: {file, size}; {redirect} for a folder named
  // without its final slash; {forbidden} for a path that tries to leave the
  // folder; null when there is nothing to serve.
  async function resolve(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;  // malformed percent-encoding
    }
    if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return { forbidden: true };
    let file = path.resolve(root, '.' + decoded);
    if (!isInside(root, file)) return { forbidden: true };
    let info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
      file = path.join(file, 'index.html');
      info = await statOrNull(file);
    }
    if (!info?.isFile()) return null;
    // A symbolic link inside the folder must not lead out of it.
    if (!isInside(root, await realpath(file))) return { forbidden: true };
    return { file, size: info.size };
  }

  async function send(req, res, found, status) {
    const headers = {
      'Content-Type': contentType(found.file),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
    };
    let range = status === 200 ? parseRange(req.headers.range, found.size) : null;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${found.size}` });
      res.end();
      return;
    }
    if (range) {
      status = 206;
      headers['Content-Range'] = `bytes ${range.start}-${range.end}/${found.size}`;
    } else {
      range = { start: 0, end: found.size - 1 };
    }
    headers['Content-Length'] = String(range.end - range.start + 1);
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || found.size === 0) {
      res.end();
      return;
    }
    const stream = createReadStream(found.file, { start: range.start, end: range.end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (!urlPath.startsWith('/')) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad request\n');
      return;
    }
    const found = await resolve(urlPath);
    if (found?.forbidden) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('forbidden: the path leaves the served folder\n');
      return;
    }
    if (found?.redirect) {
      res.writeHead(301, { Location: found.redirect, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (found?.file) {
      await send(req, res, found, 200);
      return;
    }
    const notFound = await resolve('/404.html');
    if (notFound?.file) {
      await send(req, res, notFound, 404);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${error}\n`);
    });
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
