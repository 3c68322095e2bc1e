// Names and checks for the files the build adds beside Trunk's own (the loader, the take-away
// module, each language's texts): a content hash in the file name (16 hex digits of SHA-256, which
// build-offline.mjs and the tests match), and Subresource Integrity for the module scripts that
// load them (the strict CSP in docs/embedding.md allows no inline script).

import { createHash } from 'node:crypto';

/** 16 hex digits of the SHA-256 of `bytes` (a string or a Buffer), for a file name. */
export const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The tag that loads `./<name>`, whose text is `text`, as a module script checked against it. */
export function moduleScript(name, text) {
  const integrity = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  return `<script type="module" src="./${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
}
