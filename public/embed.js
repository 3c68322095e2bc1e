/*! Carryover embed snippet. No framework, no tracking, no storage. See docs/embedding.md.
 *
 *   <script src="https://scorecard.example/embed.js" data-src="https://scorecard.example/"
 *           data-company="Acme Advisory" data-color="#0b6e4f" async></script>
 *
 * or any number of placeholders plus the script once:
 *
 *   <div data-carryover data-src="https://scorecard.example/"></div>
 *
 * It creates the iframe, keeps its height equal to the widget's content (no inner scrollbar), and
 * re-dispatches each widget message as a bubbling DOM event `carryover:<type>` on the container,
 * with the message as `event.detail`. Only messages from that iframe's window and origin count.
 */
(() => {
  'use strict';
  // data-* on the container → the widget's URL parameters (validated again by the widget).
  const PARAMS = {
    color: 'color',
    logo: 'logo',
    company: 'company',
    cta: 'cta',
    ctaLabel: 'cta_label',
    ctaParams: 'cta_params',
    ctaTarget: 'cta_target',
    // The host page's language: the widget's own `lang` (URL or config file) comes first.
    lang: 'host_lang',
  };

  function widgetUrl(el) {
    const url = new URL(el.dataset.src || '', document.baseURI);
    url.searchParams.set('embed', '1');
    // The host's own origin: the widget posts only there and accepts pings only from it.
    if (window.location.origin && window.location.origin !== 'null') {
      url.searchParams.set('origin', window.location.origin);
    }
    for (const [data, param] of Object.entries(PARAMS)) {
      if (el.dataset[data]) url.searchParams.set(param, el.dataset[data]);
    }
    for (const attr of el.attributes) {
      const m = /^data-prefill-(.+)$/.exec(attr.name);
      if (m) url.searchParams.set(`prefill.${m[1]}`, attr.value);
    }
    return url;
  }

  function mount(el) {
    if (!el.dataset.src || el.querySelector('iframe[data-carryover-frame]')) return;
    const url = widgetUrl(el);
    const frame = document.createElement('iframe');
    frame.src = url.href;
    const french = /^fr\b/i.test(el.dataset.lang || '');
    frame.title = el.dataset.title || (french ? 'Évaluation de préparation à l’ISO/IEC 42001' : 'ISO/IEC 42001 readiness scorecard');
    frame.loading = el.dataset.loading === 'eager' ? 'eager' : 'lazy';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('data-carryover-frame', '');
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = `${Number(el.dataset.height) || 640}px`;
    el.appendChild(frame);

    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow || event.origin !== url.origin) return;
      const data = event.data;
      if (!data || data.source !== 'carryover' || data.version !== 1 || typeof data.type !== 'string') {
        return;
      }
      if (data.type === 'height') {
        const height = Number(data.height);
        if (!(height > 0 && height < 100000)) return;
        frame.style.height = `${Math.ceil(height)}px`;
      }
      el.dispatchEvent(new CustomEvent(`carryover:${data.type}`, { detail: data, bubbles: true }));
    });
  }

  const script = document.currentScript;
  if (script && script.dataset.src) {
    const el = document.createElement('div');
    for (const attr of script.attributes) {
      if (attr.name.startsWith('data-')) el.setAttribute(attr.name, attr.value);
    }
    el.setAttribute('data-carryover', '');
    script.after(el);
  }
  const start = () => document.querySelectorAll('[data-carryover]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
