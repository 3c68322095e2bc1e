// Places each language's texts beside Trunk's build. The app's wasm holds the content in English
// only (the base bundle); build.rs writes every other language as a part of its own, made for that
// base alone, to <target>/wasm32-unknown-unknown/release/carryover-lang-<id>.bin. This script:
//   - checks each part (its name and format, and that the wasm in dist/ holds the base it was made
//     for: a part from another build would be refused by the app, so it fails here instead);
//   - copies it into dist/ under a name that carries its content hash
//     (carryover-lang-<id>-<hash>.bin), removing earlier builds' parts;
//   - names it in dist/index.html as <meta name="carryover-lang-<id>" content="./…"> just before
//     lang.js, which reads it (public/lang.js: window.carryoverLanguage(id) fetches it when the
//     language is chosen, never before).
// The offline builder (build-offline.mjs) replaces each such <meta> with the bytes inline.
// Anything unexpected is an error, not a guess.
//
// Usage: node scripts/lib/build-lang.mjs <partsDir> [distDir]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const partsDir = resolve(process.argv[2] ?? 'target/wasm32-unknown-unknown/release');
const distDir = resolve(process.argv[3] ?? 'dist');

function fail(message) {
  console.error(`build-lang: ${message}`);
  process.exit(1);
}

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// crates/engine/src/content/bundle.rs (MAGIC) and lang.rs (PART_MAGIC, the part's layout).
const BASE_MAGIC = Buffer.from('CoB\x02', 'latin1');
const PART_MAGIC = Buffer.from('CoL\x01', 'latin1');

const indexPath = join(distDir, 'index.html');
if (!existsSync(indexPath)) fail(`${indexPath} not found; run trunk build --release first`);
let html = readFileSync(indexPath, 'utf8');
if (/name="carryover-lang-/.test(html)) fail('dist/index.html already names language parts (run trunk build first)');
const langScript = '<script src="./lang.js"></script>';
if (html.split(langScript).length !== 2) fail(`expected one ${langScript} in dist/index.html`);

const wasms = readdirSync(distDir).filter((n) => n.endsWith('_bg.wasm') && !n.startsWith('carryover-takeaway-'));
if (wasms.length !== 1) fail(`expected the app's one wasm in ${distDir}, found ${wasms.length}`);
const wasm = readFileSync(join(distDir, wasms[0]));

const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((n) => /^carryover-lang-[a-z]+\.bin$/.test(n)) : [];
if (parts.length === 0) fail(`no carryover-lang-<id>.bin in ${partsDir} (does build.rs still write them?)`);

for (const name of readdirSync(distDir)) {
  if (/^carryover-lang-/.test(name)) unlinkSync(join(distDir, name));
}

let metas = '';
for (const name of parts.sort()) {
  const id = /^carryover-lang-([a-z]+)\.bin$/.exec(name)[1];
  const bytes = readFileSync(join(partsDir, name));
  if (bytes.length < 20 || !bytes.subarray(0, 4).equals(PART_MAGIC)) fail(`${name} is not a language part`);
  const base = Buffer.concat([BASE_MAGIC, bytes.subarray(12, 20)]);
  if (wasm.indexOf(base) < 0) fail(`${name} was made for another build's content than ${wasms[0]} (stale file?)`);
  const file = `carryover-lang-${id}-${hash(bytes)}.bin`;
  writeFileSync(join(distDir, file), bytes);
  metas += `<meta name="carryover-lang-${id}" content="./${file}">\n  `;
  console.log(`build-lang: wrote ${file} (${bytes.length} bytes)`);
}
html = html.replace(langScript, () => `${metas}${langScript}`);
writeFileSync(indexPath, html);
