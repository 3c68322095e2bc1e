// End-to-end tests of the French build (issue 15), by accessible names in French, against the
// release build in dist/: French from the first paint (the skeleton too) with ?lang=fr, the
// browser's language and the embed snippet's data-lang; start → answers → results → every
// download checked for French text, at 360 and 1280 px, axe with 0 violations; the language
// switch keeps the answers, the screen and the reading position; the printed report in French
// (tests/e2e/artifacts/french-report-*.pdf, and PNG pages when pdftoppm is installed).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { pathToFileURL } from 'node:url';
import { startServer, strictCsp } from '../../scripts/lib/static-server.mjs';
import {
  answerSection,
  appMounted,
  artifacts,
  distDir,
  expectText,
  hostAndWidget,
  launchChromium,
  offlineFile,
  openParts,
  servedApp,
  shot,
  shotTop,
  watchErrors,
} from './support.mjs';

/** Words of the English build that must not show in the French one. */
const ENGLISH = [
  'readiness scorecard',
  'Your results',
  'Statement of Applicability',
  'person-days',
  'Download',
  'Not in place',
  'Start over',
  'requirements',
];

/** Fails when `text` has any of the English words above. */
function assertFrench(text, what) {
  const found = ENGLISH.filter((w) => text.includes(w));
  assert.deepEqual(found, [], `${what} has English: ${found.join(', ')}`);
}

/** Holds the wasm back until `release()`: what shows meanwhile is the static skeleton. */
async function holdWasm(context) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** The skeleton shows French only, with <html lang="fr">. */
async function skeletonIsFrench(frame) {
  const seen = await frame.evaluate(() => ({
    lang: document.documentElement.lang,
    mounted: document.documentElement.dataset.app ?? null,
    promise: document.querySelector('.promise').innerText,
    start: document.querySelector('.button-primary').innerText,
    english: [...document.querySelectorAll('[data-sk="en"]')].some((el) => el.offsetParent !== null),
  }));
  assert.equal(seen.mounted, null, 'the app has not mounted: this is the skeleton');
  assert.equal(seen.lang, 'fr');
  assert.match(seen.promise, /Voyez quelle part de l.ISO\/IEC 42001/);
  assert.equal(seen.start, 'Commencer');
  assert.equal(seen.english, false, 'no English span is shown');
}

async function axeClean(page, what) {
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    [],
    `axe on ${what}`,
  );
}

/** Answers every section in French and follows « Suivant » to « Voir les résultats ». */
async function answerAllInFrench(page) {
  for (let section = 0; section < 10; section += 1) {
    await answerSection(page);
    const next = page.getByTestId('next');
    const label = (await next.textContent()) ?? '';
    assert.ok(/Suivant|Continuer|Voir les résultats/.test(label), `next is French: ${label}`);
    await next.click();
    if (label.includes('Voir les résultats')) return;
  }
  throw new Error('no « Voir les résultats » after ten sections');
}

async function download(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${id}`).click()]);
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('Carryover in French', () => {
  const app = servedApp();

  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    const w = viewport.width;
    it(`start → answers → results → every download in French at ${w} px`, async () => {
      const context = await app.browser.newContext({ viewport, acceptDownloads: true, locale: 'en-US' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const release = await holdWasm(context);
      await page.goto(`${app.url}?lang=fr`);
      await skeletonIsFrench(page);
      await shotTop(page, `french-skeleton-${w}`);
      release();
      await appMounted(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      assert.match(await page.title(), /ISO\/IEC 42001/);
      await expectText(page.getByRole('heading', { level: 1 }), 'Carryover');
      await expectText(page.locator('.duration'), 'questions');
      await axeClean(page, `start ${w}`);
      await shot(page, `french-start-${w}`);

      await page.getByRole('link', { name: 'Commencer' }).click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Votre organisation');
      await page.getByRole('radio', { name: 'Rapport de type II (contrôles testés sur une période)' }).check();
      await expectText(page.getByTestId('save-status'), 'Enregistré sur cet appareil');
      await axeClean(page, `questionnaire ${w}`);
      await shot(page, `french-questionnaire-${w}`);
      await shotTop(page, `french-questionnaire-${w}`);
      await answerAllInFrench(page);

      await expectText(page.getByRole('heading', { level: 1 }), 'Vos résultats');
      await shotTop(page, `french-results-${w}`);
      await openParts(page);
      assertFrench(await page.locator('main').innerText(), 'the results screen');
      await axeClean(page, `results ${w}`);
      await shot(page, `french-results-${w}`);

      // Every download, in French.
      const files = {};
      for (const id of ['report_html', 'report_md', 'soa_csv', 'tasks_csv', 'tasks_ics', 'answers_json']) {
        files[id] = await download(page, id);
      }
      for (const id of ['report_html', 'report_md', 'soa_csv', 'tasks_csv', 'tasks_ics']) {
        // The HTML report's stylesheet has comments in English: read the text, not the CSS.
        // The HTML report is read as text: its stylesheet's comments and its ids are not words.
        const text = id === 'report_html'
          ? files[id].text.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ')
          : files[id].text;
        assertFrench(text, id);
      }
      assert.match(files.report_md.text, /Rapport de préparation à l.ISO\/IEC 42001/);
      assert.match(files.report_md.text, /jours-personnes/);
      assert.match(files.report_html.text, /<html lang="fr"/);
      assert.match(files.report_html.text, /Déclaration d(.|&#39;|&#x27;)applicabilité/);
      assert.match(files.soa_csv.text.split(/\r?\n/)[0], /Mesure|Exigence|Justification/);
      assert.match(files.tasks_ics.text, /SUMMARY:.*(Audit|audit|Revue|revue)/);
      // The answers file has the same ids in every language.
      const answers = JSON.parse(files.answers_json.text);
      assert.equal(answers.answers.soc2, 'type2');

      // The printed report, in French: the same article as the HTML download.
      await page.emulateMedia({ media: 'print' });
      await expectText(page.getByTestId('print-report'), 'Déclaration d');
      assertFrench(await page.getByTestId('print-report').innerText(), 'the printed report');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pdfPath = join(artifacts, `french-report-${w}.pdf`);
      writeFileSync(pdfPath, pdf);
      if (w === 1280 && existsSync('/usr/bin/pdftoppm')) {
        execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', pdfPath, join(artifacts, 'french-report-page')]);
      }
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('the switch keeps the answers, the screen and the reading position', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await appMounted(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('link', { name: 'Start' }).click();
    await answerSection(page);
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    await answerSection(page);
    const checked = () => page.evaluate(() => [...document.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`));
    const before = await checked();
    assert.ok(before.length > 3);
    await page.evaluate(() => window.scrollTo(0, 900));
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 500, `scrolled: ${y}`);

    // Activated where it is (a pointer click would first scroll the top bar into view, so the
    // position to keep would be the top): the switch must keep whatever position it is used at.
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' })
      .evaluate((link) => link.click());
    await expectText(page.getByRole('heading', { level: 1 }), 'Votre programme actuel');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.deepEqual(await checked(), before, 'the same answers');
    assert.match(page.url(), /\?lang=fr#q\/program$/);
    // The position and the focus come back in the frames after the rebuilt screen is in place.
    await page.waitForFunction(
      (y0) => document.activeElement?.closest('.lang-switch') !== null && Math.abs(window.scrollY - y0) < 200,
      y,
      { timeout: 5000 },
    ).catch(() => {});
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - y) < 200, `the reading position is kept: ${y} → ${after}`);
    const focused = await page.evaluate(() => document.activeElement?.closest('.lang-switch') !== null);
    assert.ok(focused, 'focus stays on the switch');
    await shotTop(page, 'french-switched');

    // And back, after a reload that keeps French (the URL remembers it).
    await page.reload();
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'Votre programme actuel');
    assert.deepEqual(await checked(), before);
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    assert.deepEqual(await checked(), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('follows the browser language, and the skeleton link works before the app', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-CA' });
    const page = await context.newPage();
    const release = await holdWasm(context);
    await page.goto(app.url);
    await skeletonIsFrench(page);
    // The skeleton's link to English is a plain link: it reloads in English.
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\?lang=en$/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('.button-primary').innerText(), 'Start');
    release();
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'Carryover');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await context.close();
  });
});

describe('the site owner\'s "lang" in carryover.config.json', () => {
  it('shows French once the file has arrived, unless the URL says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carryover-config-fr-'));
    cpSync(distDir, dir, { recursive: true });
    writeFileSync(join(dir, 'carryover.config.json'), JSON.stringify({ lang: 'fr' }));
    const server = await startServer(dir, 0);
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await appMounted(page);
    await expectText(page.getByRole('link', { name: 'Commencer' }), 'Commencer');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.goto(`${server.url}?lang=en`);
    await appMounted(page);
    await page.waitForTimeout(300);
    await expectText(page.getByRole('link', { name: 'Start' }), 'Start');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(errors, []);
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the offline file in French', () => {
  it('opens from disk in French with ?lang=fr, skeleton and app', async () => {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${pathToFileURL(offlineFile).href}?lang=fr`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await appMounted(page);
    await expectText(page.getByRole('link', { name: 'Commencer' }), 'Commencer');
    await page.getByRole('link', { name: 'Commencer' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Votre organisation');
    assert.deepEqual(errors, []);
    await browser.close();
  });
});

describe('the embed snippet with data-lang="fr"', () => {
  let browser;
  let host;
  let widget;
  let dir;
  let servers;

  before(async () => {
    servers = await hostAndWidget('carryover-host-fr-');
    ({ host, widget, dir } = servers);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('paints French from the first paint, skeleton included, under the strict CSP', async () => {
    writeFileSync(
      join(dir, 'fr.html'),
      `<!doctype html><html lang="fr"><title>Hôte</title><link rel="icon" href="data:,">
       <h1>Page hôte</h1>
       <div id="w" data-carryover data-src="${widget.url}" data-loading="eager" data-lang="fr"></div>
       <script src="${widget.url}embed.js"></script>`,
    );
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US' });
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)),
    );
    const page = await context.newPage();
    const errors = watchErrors(page);
    const release = await holdWasm(context);
    await page.goto(`${host.url}fr.html`);
    const frameElement = page.locator('iframe[data-carryover-frame]');
    await frameElement.waitFor();
    assert.match(await frameElement.getAttribute('src'), /host_lang=fr/);
    assert.match(await frameElement.getAttribute('title'), /Évaluation/);
    const frame = page.frames().find((f) => f.url().startsWith(widget.url));
    await frame.waitForSelector('.promise');
    await skeletonIsFrench(frame);
    await shot(page, 'french-embed-skeleton');
    release();
    await frame.waitForFunction(() => document.documentElement.dataset.app === 'mounted');
    await expectText(frame.getByRole('link', { name: 'Commencer' }), 'Commencer');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'fr');
    await shot(page, 'french-embed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
