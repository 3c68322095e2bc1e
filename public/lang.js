/* Carryover: the language of the page, chosen before its first paint (docs/embedding.md), and the
 * start of the app once that paint is done.
 *
 * Language: the same choice as src/language.rs, less carryover.config.json, which the app applies
 * once it has arrived: ?lang=, then ?host_lang= (the embed snippet's data-lang), then the browser's
 * languages, then English. style/app.css shows the skeleton's spans of that language only.
 *
 * Texts: the wasm holds English only. Each other language's texts are a file of their own, named by
 * <meta name="carryover-lang-<id>" content="./carryover-lang-<id>-<hash>.bin"> (scripts/lib/
 * build-lang.mjs), or inside the offline file as <script type="application/octet-stream"
 * id="carryover-lang-<id>"> holding base64 (build-offline.mjs; nothing is fetched). Both come
 * before this script. window.carryoverLanguage(id) resolves to that file's bytes (one request per
 * language; after a failure the next call tries again); src/language.rs calls it. For a page in
 * another language it is called here when the boot starts (after the first paint), so the file
 * downloads beside the wasm.
 *
 * Start: index.html parks Trunk's loader in <template id="boot">, where it fetches nothing. It is
 * copied into the page (which loads and runs it) just after the skeleton's first paint (in a
 * browser without paint timing, after the next frame), or half a second after the document was
 * parsed when no paint is reported (a hidden page or frame), so the first paint waits for nothing
 * but the document, this file and the stylesheets. */
(function () {
  'use strict';
  var known = ['en', 'fr'];
  var query = new URLSearchParams(window.location.search);
  var tags = [query.get('lang'), query.get('host_lang')]
    .concat(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  var chosen = 'en';
  for (var i = 0; i < tags.length; i++) {
    var primary = String(tags[i] || '').toLowerCase().split(/[-_]/)[0];
    if (known.indexOf(primary) >= 0) {
      chosen = primary;
      break;
    }
  }
  document.documentElement.lang = chosen;

  var parts = {};
  function part(id) {
    var embedded = document.getElementById('carryover-lang-' + id);
    if (embedded) {
      return Promise.resolve().then(function () {
        var text = atob(embedded.textContent.replace(/\s+/g, ''));
        var bytes = new Uint8Array(text.length);
        for (var j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j);
        return bytes;
      });
    }
    var meta = document.querySelector('meta[name="carryover-lang-' + id + '"]');
    if (!meta) return Promise.reject(new Error('no file for the language ' + id + ' in this build'));
    return fetch(new URL(meta.getAttribute('content'), document.baseURI)).then(function (response) {
      if (!response.ok) throw new Error(response.status + ' ' + response.statusText + ' for ' + response.url);
      return response.arrayBuffer();
    });
  }
  window.carryoverLanguage = function (id) {
    if (!parts[id]) {
      parts[id] = part(id).catch(function (error) {
        delete parts[id];
        throw error;
      });
    }
    return parts[id];
  };

  var started = false;
  function start() {
    var boot = document.getElementById('boot');
    if (started || !boot) return;
    started = true;
    document.body.appendChild(document.importNode(boot.content, true));
    /* A page in another language: its texts download beside the wasm, after the first paint
       like the wasm (nothing but the stylesheets competes with that paint). */
    if (chosen !== 'en') window.carryoverLanguage(chosen).catch(function () {});
  }
  function parsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
    else then();
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf('paint') >= 0) {
    new PerformanceObserver(function (entries, observer) {
      observer.disconnect();
      parsed(function () { setTimeout(start, 0); });
    }).observe({ type: 'paint' });
  } else {
    /* No paint timing: the task after the next frame comes after its paint. */
    parsed(function () { requestAnimationFrame(function () { setTimeout(start, 0); }); });
  }
  parsed(function () { setTimeout(start, 500); });
})();
