// Places each language's texts beside Trunk's build. The app's wasm holds the content in English
// only (the base bundle); build.rs writes every other language as a part of its own, made for that
// base alone, to its OUT_DIR (<target>/wasm32-unknown-unknown/release/build/carryover-<hash>/out/
// lang-<id>.bin; earlier builds' OUT_DIRs may still be there). This script:
//   - finds, for each language, the part made for the base inside the wasm in dist/ (each part names
//     its base's id; a part from another build would be refused by the app; the newest if several),
//     and fails if there is none;
//   - copies it into dist/ under a name that carries its content hash
//     (carryover-lang-<id>-<hash>.bin), removing earlier builds' parts;
//   - names it in dist/index.html as <meta name="carryover-lang-<id>" content="./…"> just before
//     lang.js, which reads it (public/lang.js: window.carryoverLanguage(id) fetches it when the
//     language is chosen, never before).
// The offline builder (build-offline.mjs) replaces each such <meta> with the bytes inline.
// Anything unexpected is an error, not a guess.
//
// Usage: node scripts/lib/build-lang.mjs <profileDir> [distDir]   (profileDir: …/wasm32-unknown-unknown/release)

import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentHash as hash } from './hashed.mjs';

const profileDir = resolve(process.argv[2] ?? 'target/wasm32-unknown-unknown/release');
const distDir = resolve(process.argv[3] ?? 'dist');

function fail(message) {
  console.error(`build-lang: ${message}`);
  process.exit(1);
}

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

// Every part any build of the app left in its OUT_DIR, by language.
const buildDir = join(profileDir, 'build');
const found = new Map();
for (const dir of existsSync(buildDir) ? readdirSync(buildDir).filter((n) => /^carryover-[0-9a-f]+$/.test(n)) : []) {
  const out = join(buildDir, dir, 'out');
  if (!existsSync(out)) continue;
  for (const name of readdirSync(out)) {
    const m = /^lang-([a-z]+)\.bin$/.exec(name);
    if (m) found.set(m[1], [...(found.get(m[1]) ?? []), join(out, name)]);
  }
}
if (found.size === 0) fail(`no lang-<id>.bin under ${buildDir}/carryover-*/out (does build.rs still write them?)`);

for (const name of readdirSync(distDir)) {
  if (/^carryover-lang-/.test(name)) unlinkSync(join(distDir, name));
}

let metas = '';
for (const id of [...found.keys()].sort()) {
  // The parts made for the base this wasm holds. Two builds with the same English but different
  // translations (another build configuration's OUT_DIR left behind) both match: the part the
  // build script wrote last is the current content's, and the others are named.
  const matching = [];
  for (const path of found.get(id)) {
    const bytes = readFileSync(path);
    if (bytes.length < 20 || !bytes.subarray(0, 4).equals(PART_MAGIC)) fail(`${path} is not a language part`);
    const base = Buffer.concat([BASE_MAGIC, bytes.subarray(12, 20)]);
    if (wasm.indexOf(base) >= 0) matching.push({ path, bytes, written: statSync(path).mtimeMs });
  }
  if (matching.length === 0) fail(`no ${id} part under ${buildDir} was made for the content in ${wasms[0]}`);
  matching.sort((a, b) => b.written - a.written);
  const { path, bytes } = matching[0];
  const digest = hash(bytes);
  for (const other of matching.slice(1)) {
    if (hash(other.bytes) !== digest) console.log(`build-lang: took ${path}, the newest; ignored the older ${other.path}`);
  }
  const file = `carryover-lang-${id}-${digest}.bin`;
  writeFileSync(join(distDir, file), bytes);
  metas += `<meta name="carryover-lang-${id}" content="./${file}">\n  `;
  console.log(`build-lang: wrote ${file} (${bytes.length} bytes)`);
}
html = html.replace(langScript, () => `${metas}${langScript}`);
writeFileSync(indexPath, html);
