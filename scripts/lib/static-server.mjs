// A tiny static file server for dist/: used by scripts/serve and by the end-to-end tests.
// Binds 127.0.0.1 only. Sends Access-Control-Allow-Origin: * so the build also loads inside a
// sandboxed iframe (whose origin is "null"), and no-cache so a rebuild is picked up at once.
//
// As a module: `const server = await startServer(root, port, { csp })` → { url, close() }.
// As a command: node scripts/lib/static-server.mjs ROOT [PORT]   (PORT 0 = any free port)
// `csp` (or CSP=... for the command) sends that Content-Security-Policy header with every
// response; CSP=strict sends the policy docs/embedding.md recommends (STRICT_CSP below).

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The policy the app runs under (docs/embedding.md). `frameAncestors` is the host page's origin
 * (or a space-separated list); without it the app may not be framed at all.
 */
export function strictCsp(frameAncestors = "'none'") {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

function handler(root, { csp } = {}) {
  return (req, res) => {
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
    if (csp) headers['Content-Security-Policy'] = csp;
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    let stat;
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside root');
      stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/** Serves `root` on 127.0.0.1:`port` (0 = any free port; a busy port falls back to any free one). */
export function startServer(root, port = 0, options = {}) {
  const absRoot = resolve(root);
  return new Promise((resolvePromise, reject) => {
    const server = createServer(handler(absRoot, options));
    const listening = () => {
      const { port: bound } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${bound}/`,
        close: () => new Promise((done) => server.close(() => done())),
        server,
      });
    };
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        server.listen(0, '127.0.0.1', listening);
      } else {
        reject(error);
      }
    });
    server.listen(port, '127.0.0.1', listening);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const csp = process.env.CSP === 'strict' ? strictCsp(process.env.FRAME_ANCESTORS) : process.env.CSP;
  const { url } = await startServer(root, port, { csp });
  console.log(`Carryover is being served from ${root}/ at ${url}  (Ctrl+C to stop)`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
