// Turns Trunk's release output (dist/) into one self-contained HTML file that works from file://
// and inside <iframe sandbox="allow-scripts">.
//
// What it does to dist/index.html, and nothing else:
//   - inlines the stylesheet(s) as <style>, the icon as a data: URL and lang.js as a <script>;
//   - removes Trunk's <link rel="modulepreload|preload"> tags if any (Trunk.toml turns them off) and
//     its loader <script type="module">;
//   - adds a loader that imports the wasm-bindgen JS glue from a Blob URL and hands it the wasm
//     bytes (decoded from base64) instead of a URL to fetch;
//   - does the same for the take-away module (build-takeaway.mjs): its loader tag becomes an inline
//     window.carryoverTakeAway() holding that module's glue and wasm, decoded only when called;
//   - replaces each language part's <meta name="carryover-lang-<id>"> (build-lang.mjs) with its bytes
//     as base64 in an inert <script type="application/octet-stream" id="carryover-lang-<id>">,
//     which lang.js reads instead of fetching (the file stays one file with every language);
//   - adds a Content-Security-Policy <meta> that forbids any network request but a https logo;
//   - marks <html data-build="offline" data-built="YYYY-MM-DD"> (the CSS hides "Download offline
//     copy" there; the start page shows "Offline copy, built <date>").
// The glue is treated as opaque text: it is embedded unchanged, never edited, so a new
// wasm-bindgen formatting cannot break this step. Anything unexpected is an error, not a guess.
//
// Usage: node scripts/lib/build-offline.mjs [distDir] [outFile]
// Writes outFile (default dist-offline/carryover.html) and a copy at dist/carryover-offline.html,
// which the hosted app links to as "Download offline copy".

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const distDir = resolve(process.argv[2] ?? 'dist');
const outFile = resolve(process.argv[3] ?? 'dist-offline/carryover.html');
const hostedCopy = join(distDir, 'carryover-offline.html');

function fail(message) {
  console.error(`build-offline: ${message}`);
  process.exit(1);
}

if (!existsSync(join(distDir, 'index.html'))) fail(`${distDir}/index.html not found; run trunk build --release first`);
if (existsSync(join(distDir, 'snippets'))) {
  fail(`${distDir}/snippets/ exists: the glue imports JS snippets, which this builder does not inline`);
}

let html = readFileSync(join(distDir, 'index.html'), 'utf8');

/** Reads a file referenced from index.html as "./name" (no sub-directories, no escaping dist). */
function distFile(href, encoding) {
  const match = /^\.\/([A-Za-z0-9._-]+)$/.exec(href);
  if (!match) fail(`unexpected asset reference ${JSON.stringify(href)}`);
  const path = join(distDir, match[1]);
  if (!existsSync(path)) fail(`${path} is referenced by index.html but missing`);
  return readFileSync(path, encoding);
}

function attr(tag, name) {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? match[1] : undefined;
}

// 1. Trunk's loader: exactly one module script, naming the glue and the wasm. It is inline as
//    Trunk writes it, or in a file once scripts/lib/externalize-loader.mjs has moved it.
const loaders = [
  ...html.matchAll(/<script type="module">([\s\S]*?)<\/script>|<script type="module" src="(\.\/carryover-loader-[0-9a-f]+\.js)"[^>]*><\/script>/g),
];
if (loaders.length !== 1) fail(`expected 1 Trunk loader script, found ${loaders.length}`);
const loader = loaders[0];
const loaderText = loader[1] ?? distFile(loader[2], 'utf8');
const gluePath = /from\s+'(\.\/[^']+\.js)'/.exec(loaderText)?.[1];
const wasmPath = /module_or_path:\s*'(\.\/[^']+\.wasm)'/.exec(loaderText)?.[1];
if (!gluePath || !wasmPath) fail('could not find the glue and wasm names in the Trunk loader');
const glue = distFile(gluePath, 'utf8');
const wasm = distFile(wasmPath);
if (wasm.subarray(0, 4).toString('latin1') !== '\0asm') fail(`${wasmPath} is not a wasm module`);

// Inline <script> text: escaping "<" keeps "</script>" and "<!--" inside the glue harmless.
const scriptString = (text) => JSON.stringify(text).replace(/</g, '\\u003c');
const offlineLoader = `<script type="module">
// Offline build: the wasm and its JS glue are embedded below (see scripts/lib/build-offline.mjs).
const wasmBase64 = "${wasm.toString('base64')}";
const glue = ${scriptString(glue)};
const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
const url = URL.createObjectURL(new Blob([glue], { type: "text/javascript" }));
try {
  const bindings = await import(url);
  const wasm = await bindings.default({ module_or_path: bytes });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} finally {
  URL.revokeObjectURL(url);
}
</script>`;
html = html.slice(0, loader.index) + offlineLoader + html.slice(loader.index + loader[0].length);

// 1a. The take-away module's loader (build-takeaway.mjs): one module script naming its glue and wasm.
const takeAways = [...html.matchAll(/<script type="module" src="(\.\/carryover-takeaway-loader-[0-9a-f]+\.js)"[^>]*><\/script>/g)];
if (takeAways.length !== 1) fail(`expected 1 take-away loader script, found ${takeAways.length}`);
const takeAway = takeAways[0];
const takeAwayText = distFile(takeAway[1], 'utf8');
const takeAwayGluePath = /import\('(\.\/carryover-takeaway-[0-9a-f]+\.js)'\)/.exec(takeAwayText)?.[1];
const takeAwayWasmPath = /new URL\('(\.\/carryover-takeaway-[0-9a-f]+_bg\.wasm)'/.exec(takeAwayText)?.[1];
if (!takeAwayGluePath || !takeAwayWasmPath) fail('could not find the glue and wasm names in the take-away loader');
const takeAwayWasm = distFile(takeAwayWasmPath);
if (takeAwayWasm.subarray(0, 4).toString('latin1') !== '\0asm') fail(`${takeAwayWasmPath} is not a wasm module`);
const offlineTakeAway = `<script type="module">
// Offline build: the take-away module's wasm and glue, decoded only when the app asks for them.
const takeAwayWasm = "${takeAwayWasm.toString('base64')}";
const takeAwayGlue = ${scriptString(distFile(takeAwayGluePath, 'utf8'))};
let loading;
window.carryoverTakeAway = () =>
  (loading ??= (async () => {
    const url = URL.createObjectURL(new Blob([takeAwayGlue], { type: "text/javascript" }));
    try {
      const m = await import(url);
      await m.default({ module_or_path: Uint8Array.from(atob(takeAwayWasm), (c) => c.charCodeAt(0)) });
      return m;
    } finally {
      URL.revokeObjectURL(url);
    }
  })().catch((error) => {
    loading = undefined;
    throw error;
  }));
</script>`;
html = html.slice(0, takeAway.index) + offlineTakeAway + html.slice(takeAway.index + takeAway[0].length);

// 1a'. Each language's texts (build-lang.mjs): the <meta> naming the file becomes the bytes, inert.
const langMetas = [...html.matchAll(/<meta name="carryover-lang-([a-z]+)" content="(\.\/carryover-lang-[a-z]+-[0-9a-f]+\.bin)">/g)];
if (langMetas.length === 0) fail('no language part named in dist/index.html (build-lang.mjs)');
html = html.replace(/<meta name="carryover-lang-([a-z]+)" content="(\.\/carryover-lang-[a-z]+-[0-9a-f]+\.bin)">/g, (_, id, href) =>
  `<script type="application/octet-stream" id="carryover-lang-${id}">${distFile(href).toString('base64')}</script>`);

// 1b. The language chooser (public/lang.js, a classic script that must run before first paint):
//     inlined where it stands.
html = html.replace(/<script src="\.\/lang\.js"><\/script>/, () => {
  const js = distFile('./lang.js', 'utf8');
  if (/<\/script/i.test(js)) fail('lang.js contains "</script", which cannot be inlined');
  return `<script>\n${js}</script>`;
});

// 2. Link tags: drop preloads, inline stylesheets and icons; anything else is unexpected.
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const rel = attr(tag, 'rel');
  const href = attr(tag, 'href');
  if (rel === 'modulepreload' || rel === 'preload') {
    return '';
  }
  if (rel === 'stylesheet') {
    const css = distFile(href, 'utf8');
    if (/<\/style/i.test(css)) fail(`${href} contains "</style", which cannot be inlined`);
    return `<style>\n${css}\n</style>`;
  }
  if (rel === 'icon') {
    const type = href.endsWith('.svg') ? 'image/svg+xml' : href.endsWith('.png') ? 'image/png' : undefined;
    if (!type) fail(`unsupported icon type ${href}`);
    return `<link rel="icon" href="data:${type};base64,${distFile(href).toString('base64')}">`;
  }
  fail(`unexpected <link> in dist/index.html: ${tag}`);
});

// 3. A policy in the file itself: whatever happens, it cannot fetch, post a form or load a
//    script from anywhere (connect-src 'none'); only a branding logo may come from https.
if (!/<head>/.test(html)) fail('no <head> tag');
html = html.replace(
  '<head>',
  `<head>\n  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; style-src 'unsafe-inline'; img-src data: https:; connect-src 'none'; base-uri 'none'; form-action 'none'">`,
);

// 4. Mark the build, and check nothing still points at a file next to index.html.
if (!/<html\b[^>]*>/.test(html)) fail('no <html> tag');
// The build date, for the start page's "offline copy" note (SOURCE_DATE_EPOCH for reproducible builds).
const built = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now())
  .toISOString()
  .slice(0, 10);
html = html.replace(/<html\b([^>]*)>/, `<html$1 data-build="offline" data-built="${built}">`);
const leftovers = [...html.matchAll(/\s(?:src|href)="\.\/[^"]*"/g)].map((m) => m[0].trim());
if (leftovers.length > 0) fail(`references to dist files remain: ${leftovers.join(', ')}`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, html);
writeFileSync(hostedCopy, html);
console.log(`build-offline: wrote ${outFile} and ${hostedCopy} (${html.length} bytes)`);
