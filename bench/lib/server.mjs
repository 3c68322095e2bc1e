// A static server for benchmarks: serves ROOT from 127.0.0.1 with compression chosen by
// Accept-Encoding (brotli q11, else gzip -9, else identity), as a CDN would, with `Vary:
// Accept-Encoding`. Compressed bodies are made once per file and kept in memory, so compression
// time never shows up in a timing. scripts/lib/static-server.mjs (used by serve and tests) stays as it is.
//
// As a module: `const s = await startCompressedServer(root)` → { url, close() }.
// As a command: node bench/lib/server.mjs ROOT [PORT]

import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt']);

export function startCompressedServer(root, port = 0) {
  const absRoot = resolve(root);
  const cache = new Map(); // file → { mtime, identity, br, gzip }
  const bodies = (file) => {
    const mtime = statSync(file).mtimeMs;
    let entry = cache.get(file);
    if (!entry || entry.mtime !== mtime) {
      const identity = readFileSync(file);
      entry = { mtime, identity };
      if (COMPRESSIBLE.has(extname(file))) {
        entry.br = brotliCompressSync(identity, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
        });
        entry.gzip = gzipSync(identity, { level: 9 });
      }
      cache.set(file, entry);
    }
    return entry;
  };
  const server = createServer((req, res) => {
    const headers = { 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(absRoot, path));
    let entry;
    try {
      if (!file.startsWith(absRoot + sep) || !statSync(file).isFile()) throw new Error('no');
      entry = bodies(file);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let body = entry.identity;
    if (entry.br && /\bbr\b/.test(accept)) {
      body = entry.br;
      headers['Content-Encoding'] = 'br';
    } else if (entry.gzip && /\bgzip\b/.test(accept)) {
      body = entry.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((closed) => { server.closeAllConnections?.(); server.close(() => closed()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startCompressedServer(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 0));
  console.log(`serving ${process.argv[2] ?? 'dist'}/ compressed at ${url}`);
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(0));
}
