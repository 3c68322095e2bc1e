/* Carryover: the language of the page, chosen before its first paint (docs/embedding.md).
 * The same choice as src/language.rs, less carryover.config.json, which the app applies once it
 * has arrived: ?lang=, then ?host_lang= (the embed snippet's data-lang), then the browser's
 * languages, then English. style/app.css shows the skeleton's spans of that language only. */
(function () {
  'use strict';
  var known = ['en', 'fr'];
  var query = new URLSearchParams(window.location.search);
  var tags = [query.get('lang'), query.get('host_lang')]
    .concat(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  for (var i = 0; i < tags.length; i++) {
    var primary = String(tags[i] || '').toLowerCase().split(/[-_]/)[0];
    if (known.indexOf(primary) >= 0) {
      document.documentElement.lang = primary;
      return;
    }
  }
})();
