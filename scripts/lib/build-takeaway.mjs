// Places Carryover's second wasm module (crates/takeaway: the file writers) beside Trunk's build.
// Trunk 0.21 builds one wasm module per page and cannot split one, so scripts/build compiles the
// take-away crate itself (cargo → wasm-bindgen --target web → wasm-opt -Oz) into a staging
// directory, and this script:
//   - copies its glue and wasm into dist/ under names that carry their content hash
//     (carryover-takeaway-<hash>.js, carryover-takeaway-<hash>_bg.wasm);
//   - writes a loader, carryover-takeaway-loader-<hash>.js, that defines
//     window.carryoverTakeAway(): nothing is fetched until the app calls it (src/takeaway.rs, when
//     the results are on screen), then it imports the glue, instantiates the wasm and resolves to
//     the module's exports; a failed load can be retried;
//   - adds the loader to dist/index.html as <script type="module" src integrity crossorigin>
//     just before Trunk's loader (module scripts run in document order, so the function exists
//     before the app starts), like externalize-loader.mjs does for Trunk's, for the strict CSP.
// The offline builder (build-offline.mjs) replaces that tag with the glue and the wasm inline.
// Anything unexpected is an error, not a guess.
//
// Usage: node scripts/lib/build-takeaway.mjs <stagingDir> [distDir]

import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentHash as hash, moduleScript } from './hashed.mjs';

const staging = resolve(process.argv[2] ?? 'target/takeaway');
const distDir = resolve(process.argv[3] ?? 'dist');

function fail(message) {
  console.error(`build-takeaway: ${message}`);
  process.exit(1);
}


const glue = readFileSync(join(staging, 'carryover_takeaway.js'), 'utf8');
const wasm = readFileSync(join(staging, 'carryover_takeaway_bg.wasm'));
if (wasm.subarray(0, 4).toString('latin1') !== '\0asm') fail('carryover_takeaway_bg.wasm is not a wasm module');
if (!/__wbg_init as default/.test(glue) || !/export function make\(/.test(glue) || !/export function install\(/.test(glue)) {
  fail('the glue does not export init, install and make (was it built with wasm-bindgen --target web?)');
}
if (/from\s+['"]\.\/snippets\//.test(glue)) fail('the glue imports JS snippets, which the offline builder cannot inline');

const indexPath = join(distDir, 'index.html');
if (!existsSync(indexPath)) fail(`${indexPath} not found; run trunk build --release first`);
let html = readFileSync(indexPath, 'utf8');
if (/carryover-takeaway-loader-/.test(html)) fail('dist/index.html already has the take-away loader (run trunk build first)');

// Earlier builds' files would otherwise pile up in dist/ (Trunk cleans only what it made).
for (const name of readdirSync(distDir)) {
  if (/^carryover-takeaway-/.test(name)) unlinkSync(join(distDir, name));
}

const stem = `carryover-takeaway-${hash(Buffer.concat([Buffer.from(glue), wasm]))}`;
writeFileSync(join(distDir, `${stem}.js`), glue);
writeFileSync(join(distDir, `${stem}_bg.wasm`), wasm);

const loader = `// Carryover's take-away module (scripts/lib/build-takeaway.mjs): fetched only when the app asks.
let loading;
window.carryoverTakeAway = () =>
  (loading ??= import('./${stem}.js')
    .then(async (m) => {
      await m.default({ module_or_path: new URL('./${stem}_bg.wasm', import.meta.url) });
      return m;
    })
    .catch((error) => {
      loading = undefined;
      throw error;
    }));
`;
const loaderName = `carryover-takeaway-loader-${hash(loader)}.js`;
writeFileSync(join(distDir, loaderName), loader);
const tag = moduleScript(loaderName, loader);

// Trunk's loader: inline as Trunk writes it (externalize-loader.mjs runs later).
const trunkLoader = /<script type="module">/.exec(html);
if (!trunkLoader) fail("Trunk's inline loader <script type=\"module\"> not found in dist/index.html");
html = `${html.slice(0, trunkLoader.index)}${tag}\n${html.slice(trunkLoader.index)}`;
writeFileSync(indexPath, html);
console.log(`build-takeaway: wrote ${stem}.js, ${stem}_bg.wasm (${wasm.length} bytes) and ${loaderName}`);
