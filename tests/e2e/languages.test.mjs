// Each language's text on demand (issue 14, "what would close the size miss", item 1): the first
// wasm module holds English only; French is a file of its own (carryover-lang-fr-<hash>.bin), fetched
// when French is chosen and never otherwise, inside the offline file. What a visitor must get: an
// English visit never asks for it; a French first visit shows French in the first painted app (the
// app waits for the file; lang.js starts it beside the wasm); the switch fetches it once, says it
// is loading meanwhile, and when it cannot be had says why, stays usable in English and tries again
// on the next click; the take-away module gets the bytes the app holds; the offline file switches
// with the network blocked; a sandboxed iframe under the strict CSP switches too.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  appMounted,
  artifacts,
  expectText,
  fixture,
  hostAndWidget,
  launchChromium,
  offlineFile,
  openParts,
  seedStorage,
  servedApp,
  shot,
  watchErrors,
} from './support.mjs';

const FRENCH_FILE = /\/carryover-lang-fr-[0-9a-f]+\.bin$/;

/** Records the requests for the French file made by `page`. */
function frenchRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    if (FRENCH_FILE.test(new URL(request.url()).pathname)) seen.push(request.url());
  });
  return seen;
}

/** Resolves once `<html data-lang-load>` (src/language.rs) says `state`. */
async function languageLoadIs(page, state, timeout = 15_000) {
  await page.waitForFunction((s) => document.documentElement.dataset.langLoad === s, state, { timeout });
}

/** Holds requests matching `pattern` until the returned function is called. */
async function hold(context, pattern) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** What the page showed when the app mounted: recorded in the task that mounts it (a
 *  MutationObserver on `<html data-app>`), before anything later could change it. */
async function recordFirstApp(context) {
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement?.dataset.app !== 'mounted') return;
      observer.disconnect();
      window.firstApp = {
        lang: document.documentElement.lang,
        text: document.querySelector('main')?.innerText ?? '',
      };
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
  });
}

describe('each language on demand', () => {
  const app = servedApp();

  it('an English visit never requests the French file', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const french = frenchRequests(page);
    await page.goto(app.url);
    await appMounted(page);
    await page.getByRole('link', { name: 'Start' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'About your organisation');
    assert.deepEqual(french, [], 'no French file for an English visit');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.langLoad ?? null), null);
    // The page names the file, so the switch can fetch it.
    assert.match(
      await page.evaluate(() => document.querySelector('meta[name="carryover-lang-fr"]').content),
      /^\.\/carryover-lang-fr-[0-9a-f]{16}\.bin$/,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a French first visit waits for the French file and shows French from the first painted app', async () => {
    const context = await app.browser.newContext({ locale: 'fr-CA' });
    await recordFirstApp(context);
    const release = await hold(context, FRENCH_FILE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const french = frenchRequests(page);
    await page.goto(app.url);
    // The content is decoded (the wasm runs), but the app does not mount without French.
    await page.waitForFunction(() => performance.getEntriesByName('carryover:content-ready').length > 0);
    assert.equal(french.length, 1, 'lang.js asked for French before the app needed it');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null, 'not mounted yet');
    release();
    await appMounted(page);
    const first = await page.evaluate(() => window.firstApp);
    assert.equal(first.lang, 'fr');
    assert.match(first.text, /Commencer/);
    for (const english of ['Start', 'readiness scorecard', 'Runs entirely in your browser', 'Download offline copy']) {
      assert.ok(!first.text.includes(english), `the first painted app has English: ${english}`);
    }
    assert.equal(french.length, 1, 'the app used the download lang.js started');
    await page.getByRole('link', { name: 'Commencer' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Votre organisation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the switch fetches French once, says it is loading meanwhile, and the take-away module gets it', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true });
    await seedStorage(context, 'carryover.answers', fixture('soc2-type2-only'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    const french = frenchRequests(page);
    await page.goto(`${app.url}#results`);
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'Your results');
    // The take-away module is loaded in English first, then handed French when it is here.
    await page.waitForFunction(() => document.documentElement.dataset.takeaway === 'ready', null, { timeout: 15_000 });
    assert.deepEqual(french, []);

    const release = await hold(context, FRENCH_FILE);
    await page.getByRole('link', { name: 'Français' }).click();
    await languageLoadIs(page, 'loading');
    await expectText(page.getByRole('status').filter({ hasText: 'Loading French' }), 'Loading French…');
    assert.equal(await page.locator('nav.lang-switch').getAttribute('aria-busy'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'English until French is here');
    await page.getByRole('link', { name: 'Français' }).click(); // a second click while loading changes nothing
    release();
    await languageLoadIs(page, 'ready');
    await expectText(page.getByRole('heading', { level: 1 }), 'Vos résultats');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await page.locator('nav.lang-switch').getAttribute('aria-busy'), null);

    // Back to English and to French again: no new request.
    await page.getByRole('link', { name: 'English' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your results');
    await page.getByRole('link', { name: 'Français' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Vos résultats');
    assert.equal(french.length, 1, 'French fetched once');

    await openParts(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report_md').click()]);
    const path = join(artifacts, `languages-${file.suggestedFilename()}`);
    await file.saveAs(path);
    const report = readFileSync(path, 'utf8');
    assert.match(report, /Rapport de préparation à l.ISO\/IEC 42001/, 'the take-away module writes French');
    assert.equal(french.length, 1, 'the take-away module did not download French again');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('when the French file cannot be had, the switch says so, English stays usable, and the next click retries', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await context.route(FRENCH_FILE, (route) => route.abort());
    await page.goto(app.url);
    await appMounted(page);
    await page.getByRole('link', { name: 'Français' }).click();
    await languageLoadIs(page, 'failed');
    const alert = page.getByRole('alert');
    await expectText(alert, 'Could not load French: the file did not arrive');
    await expectText(alert, 'The page stays in English');
    await shot(page, 'languages-french-failed');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await expectText(page.getByRole('heading', { level: 1 }), 'Carryover');
    await page.getByRole('link', { name: 'Start' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'About your organisation');
    await page.getByRole('radio', { name: 'Type II report' }).check();
    await expectText(page.getByTestId('save-status'), 'Saved on this device');

    await context.unroute(FRENCH_FILE);
    await page.getByRole('link', { name: 'Français' }).click();
    await languageLoadIs(page, 'ready');
    await expectText(page.getByRole('heading', { level: 1 }), 'Votre organisation');
    assert.equal(await page.getByRole('alert').count(), 0, 'the message is gone');
    assert.equal(
      await page.getByRole('radio', { name: 'Rapport de type II (contrôles testés sur une période)' }).isChecked(),
      true,
      'the answer is kept',
    );
    // The blocked requests are the only errors (the browser logs the failed load).
    assert.deepEqual(errors.filter((e) => !/carryover-lang-fr|Failed to fetch|ERR_FAILED|lang\.error/.test(e)), []);
    await context.close();
  });

  it('a French page whose file stalls mounts in English after a while, says so, and switches once the file is there', async () => {
    const context = await app.browser.newContext({ locale: 'fr-CA' });
    const release = await hold(context, FRENCH_FILE);
    const page = await context.newPage();
    await page.goto(app.url);
    // Not mounted while the download may still come (the skeleton, in French, stays)…
    await page.waitForFunction(() => performance.getEntriesByName('carryover:content-ready').length > 0);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null, 'not mounted yet');
    // …then the app in English rather than nothing (src/lib.rs LANGUAGE_WAIT, 8 s).
    await appMounted(page, 20_000);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await expectText(page.getByRole('alert'), 'Could not load French: the file is taking too long to arrive');
    // The stalled download goes on; once it is through, the note goes (the page stays in English,
    // which the person may be reading) and choosing French shows it at once.
    release();
    await languageLoadIs(page, 'ready');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('link', { name: 'Français' }).click();
    await expectText(page.getByRole('link', { name: 'Commencer' }), 'Commencer');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await page.getByRole('alert').count(), 0, 'the message is gone');
    await context.close();
  });

  it('a French page whose file cannot be had starts in English, says why, and the note can be put away', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await context.route(FRENCH_FILE, (route) => route.abort());
    await page.goto(`${app.url}?lang=fr`);
    await appMounted(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const alert = page.getByRole('alert');
    await expectText(alert, 'Could not load French');
    await expectText(page.getByRole('link', { name: 'Start' }), 'Start');
    await page.screenshot({ path: join(artifacts, 'languages-french-failed-360.png') });
    // On a phone the note is fixed over the top of the page: Dismiss takes it away.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    await expectText(page.getByRole('heading', { level: 1 }), 'Carryover');
    await context.close();
  });
});

describe('each language on demand, offline and embedded', () => {
  let browser;
  let host;
  let widget;
  let dir;
  let servers;
  before(async () => {
    browser = await launchChromium();
    servers = await hostAndWidget('carryover-lang-host-');
    ({ host, widget, dir } = servers);
  });
  after(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('the offline file switches to French with the network blocked', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const requests = [];
    await context.route(/^(https?|wss?):/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(offlineFile).href);
    await appMounted(page);
    await page.getByRole('link', { name: 'Français' }).click();
    await languageLoadIs(page, 'ready');
    await expectText(page.locator('.promise'), 'Voyez quelle part');
    assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), [], 'nothing from the network');
    assert.deepEqual(errors.filter((e) => !e.includes('storage')), []);
    await context.close();
  });

  it('in <iframe sandbox="allow-scripts"> under the strict CSP, the switch fetches French', async () => {
    writeFileSync(
      join(dir, 'sandboxed.html'),
      `<!doctype html><title>Sandboxed</title>
       <iframe sandbox="allow-scripts" src="${widget.url}?embed=1" title="Carryover" style="width:100%;height:700px;border:0"></iframe>`,
    );
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const violations = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
    });
    const french = frenchRequests(page);
    await page.goto(`${host.url}sandboxed.html`);
    const frame = page.frameLocator('iframe');
    await expectText(frame.getByRole('heading', { level: 1 }), 'Carryover');
    await frame.getByRole('link', { name: 'Français' }).click();
    await expectText(frame.locator('.promise'), 'Voyez quelle part');
    await expectText(frame.getByRole('link', { name: 'Commencer' }), 'Commencer');
    assert.equal(french.length, 1);
    assert.deepEqual(violations, []);
    await context.close();
  });
});
