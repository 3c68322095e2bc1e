// End-to-end tests of embedding (docs/embedding.md): a host page on one local origin embeds the
// widget served from another (two ports), the widget's server sending the strict CSP from
// scripts/lib/static-server.mjs with the host as the only allowed frame ancestor.

import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, strictCsp } from '../../scripts/lib/static-server.mjs';
import {
  answerAll,
  answerSection,
  distDir,
  expectText,
  hostAndWidget,
  launchChromium,
  offlineFile,
  shot,
  startAndAnswer,
  watchErrors,
} from './support.mjs';

const TYPES = ['ready', 'height', 'started', 'section_completed', 'completed', 'cta_clicked', 'pong'];

/** Reports CSP violations in every frame as console errors (which `watchErrors` collects). */
const REPORT_CSP = () =>
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
  );

describe('embedded widget on another origin', () => {
  let browser;
  let host;
  let widget;
  let dir;
  let servers;

  before(async () => {
    servers = await hostAndWidget('carryover-host-');
    ({ host, widget, dir } = servers);
    copyFileSync(join(distDir, 'demo.html'), join(dir, 'demo.html'));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await servers?.close();
  });

  /** Writes a host page that embeds the widget with the snippet and records its events. */
  function hostPage(name, attributes = '') {
    writeFileSync(
      join(dir, name),
      `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,">
       <h1>Host page</h1>
       <script>
         window.events = [];
         for (const t of ${JSON.stringify(TYPES)}) {
           document.addEventListener('carryover:' + t, (e) => window.events.push(e.detail));
         }
       </script>
       <div id="w" data-carryover data-src="${widget.url}" data-loading="eager" ${attributes}></div>
       <script src="${widget.url}embed.js"></script>`,
    );
    return `${host.url}${name}`;
  }

  async function open(url, viewport = { width: 1100, height: 800 }) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(REPORT_CSP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    return { context, page, errors, requests };
  }

  const events = (page, type) =>
    page.evaluate((t) => window.events.filter((e) => t === undefined || e.type === t), type);

  async function waitForEvent(page, type, count = 1) {
    await page.waitForFunction(
      ([t, n]) => window.events.filter((e) => e.type === t).length >= n,
      [type, count],
      { timeout: 15_000 },
    );
    return events(page, type);
  }

  /** The iframe's height equals the widget's last `height` message and shows all of it. The
   *  widget measures its body in a ResizeObserver (a frame after a change) and the host resizes on
   *  the message (a later task), so a match can be the previous screen's: wait until the frame is
   *  as tall as the widget's body is now. */
  async function frameFitsContent(page) {
    const deadline = Date.now() + 10_000;
    let frameHeight;
    for (;;) {
      await page.waitForFunction(() => {
        const heights = window.events.filter((e) => e.type === 'height');
        const frame = document.querySelector('iframe');
        return heights.length > 0 && frame.getBoundingClientRect().height === heights.at(-1).height;
      });
      frameHeight = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      const body = await page.frames()[1].evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      if (body === frameHeight || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const inner = await page.frames()[1].evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    assert.ok(inner.scroll <= inner.client + 1, `no inner scrollbar: ${JSON.stringify(inner)}`);
    return frameHeight;
  }

  it('full run: height follows the content, the host gets every event, no network, no CSP violation', async () => {
    const { context, page, errors, requests } = await open(hostPage('host.html'));
    await waitForEvent(page, 'ready');
    const frame = page.frameLocator('iframe');
    const startHeight = await frameFitsContent(page);

    await startAndAnswer(page, frame);
    await waitForEvent(page, 'started');
    const intakeHeight = await frameFitsContent(page);
    assert.notEqual(intakeHeight, startHeight, 'the frame grew with the questionnaire');

    // No result without answers: the results screen says what is missing, and the host gets no
    // `completed` (issue 11). Then back to the questionnaire.
    await page.frames()[1].evaluate(() => {
      location.hash = '#results';
    });
    await expectText(frame.getByRole('heading', { level: 1 }), 'Not enough answers for a result yet');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await events(page, 'completed')).length, 0, 'no completed before a result');
    await page.frames()[1].evaluate(() => {
      location.hash = '#q/intake';
    });
    await expectText(frame.getByRole('heading', { level: 1 }), 'About your organisation');

    const heights = [intakeHeight];
    for (let section = 0; section < 10; section += 1) {
      await answerSection(frame);
      const next = frame.getByTestId('next');
      const label = (await next.textContent()) ?? '';
      await next.click();
      if (label.includes('See results')) break;
      await expectText(frame.getByTestId('next'), '');
      heights.push(await frameFitsContent(page));
    }
    const [completed] = await waitForEvent(page, 'completed');
    await expectText(frame.getByTestId('glance'), 'How much carries over');
    const resultsHeight = await frameFitsContent(page);
    heights.push(resultsHeight);
    assert.ok(new Set(heights).size > 2, `the height changed with the sections: ${heights}`);
    await shot(page, 'embed-host-results');

    const sections = (await events(page, 'section_completed')).map((e) => e.section);
    assert.deepEqual(sections.slice(0, 1), ['intake']);
    assert.ok(sections.length >= 4, `section_completed for each section: ${sections}`);
    assert.deepEqual(Object.keys(completed).sort(), ['band', 'days', 'months', 'score', 'source', 'type', 'version']);
    assert.equal(completed.source, 'carryover');
    assert.equal(completed.version, 1);
    assert.equal(typeof completed.score, 'number');
    assert.ok(!('answers' in completed), 'no answers without opt-in');
    assert.equal((await events(page, 'ready')).length, 1);
    assert.equal((await events(page, 'started')).length, 1);

    // The file writers (the second wasm module) load on the results under the strict CSP too.
    const inner = page.frames().find((f) => f.url().startsWith(widget.url));
    await inner.waitForFunction(() => document.documentElement.dataset.takeaway === 'ready', null, { timeout: 15_000 });
    assert.ok(
      requests.some((url) => /\/carryover-takeaway-[0-9a-f]+_bg\.wasm$/.test(new URL(url).pathname)),
      'the take-away module came from the widget origin',
    );

    // Privacy: only the host page and the app's own files were requested.
    const hostOrigin = new URL(host.url).origin;
    const widgetOrigin = new URL(widget.url).origin;
    const foreign = requests.filter((url) => {
      const u = new URL(url);
      if (u.origin === hostOrigin) return u.pathname !== '/host.html';
      if (u.origin === widgetOrigin) return !existsSync(join(distDir, u.pathname === '/' ? 'index.html' : u.pathname));
      return true;
    });
    assert.deepEqual(foreign, [], 'no request beyond the host page and the app’s own files');
    assert.deepEqual(errors, [], 'no console error and no CSP violation');
    await context.close();
  });

  it('ignores messages from unexpected origins or windows, and answers a well-formed ping from the host', async () => {
    const { context, page, errors } = await open(hostPage('ping.html'));
    await waitForEvent(page, 'ready');
    await frameFitsContent(page);
    const before = await page.evaluate(() => document.querySelector('iframe').style.height);

    // Snippet side: a "height" message from the host window itself (not the widget) is ignored.
    await page.evaluate(() =>
      window.postMessage({ source: 'carryover', version: 1, type: 'height', height: 5 }, '*'),
    );
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelector('iframe').style.height), before);
    assert.ok((await events(page, 'height')).every((e) => e.height !== 5));

    // Widget side: a ping of the wrong shape gets nothing; the right one gets a pong.
    const ping = (data) =>
      page.evaluate((d) => document.querySelector('iframe').contentWindow.postMessage(d, '*'), data);
    await ping({ source: 'carryover-host', version: 1, type: 'ping', extra: 1 });
    await ping({ source: 'carryover-host', version: 1, type: 'reset' });
    await page.waitForTimeout(300);
    assert.equal((await events(page, 'pong')).length, 0);
    await ping({ source: 'carryover-host', version: 1, type: 'ping' });
    await waitForEvent(page, 'pong');

    // A host page on an origin other than the configured one is ignored by the widget.
    writeFileSync(
      join(dir, 'other.html'),
      `<!doctype html><title>Other</title>
       <script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));</script>
       <iframe src="${widget.url}?embed=1&origin=http://127.0.0.1:9" title="Carryover"></iframe>`,
    );
    const other = await context.newPage();
    await other.goto(`${host.url}other.html`);
    const otherFrame = other.frameLocator('iframe');
    await expectText(otherFrame.getByRole('heading', { level: 1 }), 'Carryover');
    await other.waitForTimeout(300);
    await other.evaluate(() =>
      document.querySelector('iframe').contentWindow.postMessage({ source: 'carryover-host', version: 1, type: 'ping' }, '*'),
    );
    await other.waitForTimeout(300);
    assert.deepEqual(await other.evaluate(() => window.got), [], 'nothing reaches a host on another origin');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('applies branding parameters, corrects a low-contrast colour, refuses a javascript: CTA, prefills', async () => {
    const url = hostPage(
      'branded.html',
      'data-color="#ffee00" data-company="Acme Advisory" data-logo="favicon.svg" data-cta="javascript:alert(1)" data-prefill-iso27001="certified"',
    );
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(url);
    await waitForEvent(page, 'ready');
    const frame = page.frameLocator('iframe');
    await expectText(frame.getByTestId('brandmark'), 'Acme Advisory');
    // The logo is fetched like any image, after the brandmark is on screen.
    await page.frames()[1].waitForFunction(() => document.querySelector('.brandmark-logo')?.naturalWidth > 0, null, { timeout: 10_000 }).catch(() => {});
    const accent = await page.frames()[1].evaluate(() => ({
      brand: document.documentElement.hasAttribute('data-brand'),
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      logo: document.querySelector('.brandmark-logo')?.naturalWidth ?? 0,
    }));
    assert.equal(accent.brand, true);
    assert.notEqual(accent.accent, '#ffee00', 'the colour was darkened to reach AA');
    assert.match(accent.accent, /^#[0-9a-f]{6}$/);
    assert.ok(accent.logo > 0, 'the logo loaded');
    assert.ok(warnings.some((w) => w.includes('under WCAG AA')), `contrast warning: ${warnings}`);
    assert.ok(warnings.some((w) => w.includes('javascript:alert(1)') && w.includes('refused')), 'CTA refused');
    await shot(page, 'embed-branded-start');

    await frame.getByRole('link', { name: 'Start' }).click();
    assert.equal(await frame.getByRole('radio', { name: 'Certified', exact: true }).isChecked(), true, 'prefilled');
    await context.close();

    // A safe CTA shows on the results with the chosen summary, opens a new tab, and is reported.
    const ctaUrl = hostPage('cta.html', 'data-cta="https://book.example/call?x=1" data-cta-params="score,band" data-cta-label="Book a call"');
    const ctx2 = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    await ctx2.route('https://book.example/**', (route) => route.fulfill({ body: 'booked', contentType: 'text/plain' }));
    const page2 = await ctx2.newPage();
    await page2.goto(ctaUrl);
    await waitForEvent(page2, 'ready');
    const frame2 = page2.frameLocator('iframe');
    await frame2.getByRole('link', { name: 'Start' }).click();
    // No result (and no CTA) without answers: answer the questionnaire first.
    await answerAll(frame2);
    const cta = frame2.getByTestId('cta');
    await expectText(cta, 'Book a call');
    const href = await cta.getAttribute('href');
    assert.match(href, /^https:\/\/book\.example\/call\?x=1&carryover_score=\d+&carryover_band=[a-z_]+$/);
    assert.equal(await cta.getAttribute('target'), '_blank');
    assert.match(await cta.getAttribute('rel'), /noopener/);
    const popup = ctx2.waitForEvent('page');
    await cta.click();
    await (await popup).close();
    const [clicked] = await waitForEvent(page2, 'cta_clicked');
    assert.equal(clicked.href, href);
    await ctx2.close();
  });

  it('reads carryover.config.json: file branding, a pinned origin, and answers only with the file’s opt-in', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'carryover-dist-'));
    cpSync(distDir, copy, { recursive: true });
    const hostOrigin = new URL(host.url).origin;
    writeFileSync(
      join(copy, 'carryover.config.json'),
      JSON.stringify({ company: 'From the file', origin: hostOrigin, include_answers: true }),
    );
    const configured = await startServer(copy, 0, { csp: strictCsp(hostOrigin) });
    try {
      writeFileSync(
        join(dir, 'configured.html'),
        `<!doctype html><title>Configured</title><link rel="icon" href="data:,">
         <script>window.events = []; addEventListener('message', (e) => window.events.push(e.data));</script>
         <iframe src="${configured.url}?embed=1&origin=http://127.0.0.1:9" title="Carryover"></iframe>`,
      );
      const { context, page, errors } = await open(`${host.url}configured.html`);
      await waitForEvent(page, 'ready');
      const frame = page.frameLocator('iframe');
      await expectText(frame.getByTestId('brandmark'), 'From the file');
      await startAndAnswer(page, frame);
      await answerAll(frame);
      const [completed] = await waitForEvent(page, 'completed');
      assert.equal(completed.answers.soc2, 'type2', 'answers, because the file opted in');
      assert.ok(Object.keys(completed.answers).length > 30, 'every answer given');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await configured.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('works in <iframe sandbox="allow-scripts">: answers kept in memory, and the user is told', async () => {
    writeFileSync(
      join(dir, 'sandboxed.html'),
      `<!doctype html><title>Sandboxed</title>
       <iframe sandbox="allow-scripts" src="${widget.url}?embed=1" title="Carryover" style="width:100%;height:700px;border:0"></iframe>`,
    );
    const { context, page, errors } = await open(`${host.url}sandboxed.html`);
    const frame = page.frameLocator('iframe');
    await startAndAnswer(page, frame, { expectSaved: false });
    await expectText(frame.getByTestId('storage-notice'), 'not letting Carryover save');
    await shot(page, 'embed-sandboxed');
    assert.deepEqual(errors.filter((e) => !e.includes('storage unavailable')), []);
    await context.close();
  });

  it('demo host page: the snippet in use with a visible event log', async () => {
    const { context, page, errors } = await open(`${host.url}demo.html?widget=${encodeURIComponent(widget.url)}`, {
      width: 1440,
      height: 1000,
    });
    await expectText(page.locator('#log'), 'carryover:ready');
    const frame = page.frameLocator('iframe');
    await expectText(frame.getByTestId('brandmark'), 'Acme Advisory');
    await shot(page, 'embed-demo-start');
    await startAndAnswer(page, frame);
    await answerSection(frame);
    await expectText(page.locator('#log'), 'carryover:started');
    await shot(page, 'embed-demo-question');
    await answerAll(frame);
    await expectText(frame.getByTestId('cta'), 'Book a readiness call');
    assert.ok(await frame.locator('.brandmark-logo').evaluate((img) => img.naturalWidth > 0), 'logo shown');
    await expectText(page.locator('#log'), 'carryover:completed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'embed-demo-results');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('offline file', () => {
  it('shows the "offline copy" note with its build date, takes URL branding, requests nothing', async () => {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await context.addInitScript(REPORT_CSP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(`${pathToFileURL(offlineFile).href}?company=Acme%20Advisory`);
    await expectText(page.getByTestId('offline-copy'), 'Offline copy, built 20');
    await expectText(page.getByTestId('brandmark'), 'Acme Advisory');
    await shot(page, 'embed-offline-note');
    assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), []);
    assert.deepEqual(errors, [], 'no error and no violation of the file’s own CSP');
    await browser.close();
  });
});
