// Moves Trunk's inline module loader out of dist/index.html into its own file, so the app runs
// under a Content-Security-Policy without 'unsafe-inline' or a per-build hash in script-src
// (docs/embedding.md). The loader text is kept byte for byte; the file name carries its hash and
// the tag an integrity attribute, like Trunk's own assets. Idempotent: a dist/index.html without
// an inline module script is left alone.
//
// Usage: node scripts/lib/externalize-loader.mjs [distDir]

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentHash, moduleScript } from './hashed.mjs';

const distDir = resolve(process.argv[2] ?? 'dist');
const indexPath = join(distDir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const loaders = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (loaders.length === 0) {
  console.log('externalize-loader: no inline loader (already external)');
  process.exit(0);
}
if (loaders.length !== 1) {
  console.error(`externalize-loader: expected 1 inline module script, found ${loaders.length}`);
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html.replace(loaders[0][0], ''))) {
  console.error('externalize-loader: another inline <script> is left; the CSP would block it');
  process.exit(1);
}
const text = loaders[0][1];
const name = `carryover-loader-${contentHash(text)}.js`;
writeFileSync(join(distDir, name), text);
const tag = moduleScript(name, text);
writeFileSync(indexPath, html.replace(loaders[0][0], tag));
console.log(`externalize-loader: wrote ${name}`);
