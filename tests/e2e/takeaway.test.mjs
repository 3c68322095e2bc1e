// The take-away module (issue 14 point 4): the file writers are a second wasm module, fetched only
// once the results are on screen. What a visitor must get: a first load without that code, files
// and printing that work as before (hosted, in a sandboxed iframe, and from the offline file, see
// offline.test.mjs), and a clear message, not a silent nothing, when the module cannot be fetched,
// with the next click trying again.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  appMounted,
  artifacts,
  expectText,
  fixture,
  openParts,
  seedStorage,
  servedApp,
  startAndAnswer,
  takeAwayIs,
  watchErrors,
} from './support.mjs';

const STORAGE_KEY = 'carryover.answers';
const MODULE = /\/carryover-takeaway-[0-9a-f]+(_bg\.wasm|\.js)$/;

function takeAwayState(page) {
  return page.evaluate(() => document.documentElement.dataset.takeaway ?? 'idle');
}

async function download(page, within, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), within.getByTestId(`download-${id}`).click()]);
  const path = join(artifacts, `takeaway-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('the take-away module', () => {
  const app = servedApp();

  it('is not part of the first load, and the results screen fetches it once', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const fetched = [];
    page.on('request', (request) => {
      if (MODULE.test(new URL(request.url()).pathname)) fetched.push(new URL(request.url()).pathname);
    });

    await page.goto(app.url);
    await appMounted(page);
    await startAndAnswer(page, page);
    await page.waitForTimeout(500);
    assert.deepEqual(fetched, [], 'no take-away code while answering');
    assert.equal(await takeAwayState(page), 'idle');
    await context.close();

    const seeded = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await seedStorage(seeded, STORAGE_KEY, fixture('soc2-type2-only'));
    const results = await seeded.newPage();
    const resultErrors = watchErrors(results);
    const loaded = [];
    results.on('request', (request) => {
      if (MODULE.test(new URL(request.url()).pathname)) loaded.push(new URL(request.url()).pathname);
    });
    await results.goto(`${app.url}#results`);
    await appMounted(results);
    await takeAwayIs(results, 'ready');
    assert.equal(loaded.filter((p) => p.endsWith('.js')).length, 1, 'the glue once');
    assert.equal(loaded.filter((p) => p.endsWith('_bg.wasm')).length, 1, 'the wasm once');

    await openParts(results);
    const report = await download(results, results, 'report_md');
    assert.equal(report.name, 'carryover-report.md');
    const score = (await results.locator('[data-testid="readiness"] .readiness-number').textContent()).trim();
    assert.match(report.text, new RegExp(`\\b${score}\\b`), 'the report has the score on screen');
    const soa = await download(results, results, 'soa_csv');
    assert.ok(soa.text.split('\n').length > 100, 'a full Statement of Applicability');
    await results.getByTestId('share-make').click();
    const link = await results.getByTestId('share-link').inputValue();
    assert.match(link, /#share=v1\./);
    // A second visit to the results (after the questionnaire) does not fetch it again.
    await results.goto(`${app.url}#q/intake`);
    await results.goto(`${app.url}#results`);
    await takeAwayIs(results, 'ready');
    assert.equal(loaded.length, 2);
    assert.deepEqual(errors, []);
    assert.deepEqual(resultErrors, []);
    await seeded.close();
  });

  it('says so when the module cannot be fetched, prints the screen meanwhile, and tries again', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await seedStorage(context, STORAGE_KEY, fixture('mature-iso27001-no-ai-governance'));
    const page = await context.newPage();
    const blocked = /\/carryover-takeaway-[0-9a-f]+_bg\.wasm$/;
    await page.route(blocked, (route) => route.abort('internetdisconnected'));
    await page.goto(`${app.url}#results`);
    await appMounted(page);
    await takeAwayIs(page, 'failed');
    await openParts(page);

    await page.getByTestId('download-report_md').click();
    const alert = page.locator('.take-away [role="alert"]');
    await expectText(alert, 'could not be loaded');
    await expectText(alert, 'check your connection');
    const part = page.locator('#results-take-away');
    await part.screenshot({ path: join(artifacts, 'takeaway-unavailable-1280.png') });
    await page.setViewportSize({ width: 360, height: 740 });
    await part.screenshot({ path: join(artifacts, 'takeaway-unavailable-360.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Printing before the report can be made shows the screen, not an empty page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('main.results').isVisible(), true, 'the screen prints meanwhile');
    await page.emulateMedia({ media: 'screen' });

    await page.unroute(blocked);
    const file = await download(page, page, 'report_md');
    assert.equal(file.name, 'carryover-report.md');
    assert.equal(await alert.count(), 0, 'the message goes once it worked');
    await takeAwayIs(page, 'ready');
    await page.emulateMedia({ media: 'print' });
    await expectText(page.getByTestId('print-report'), 'Statement of Applicability');
    assert.equal(await page.locator('main.results').isVisible(), false, 'the report replaces the screen');
    await context.close();
  });

  it('loads and makes files inside <iframe sandbox="allow-scripts allow-downloads">', async () => {
    // A share link from a normal page, then opened in a sandboxed frame (opaque origin, no storage).
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await seedStorage(context, STORAGE_KEY, fixture('ai-provider-hiring'));
    const page = await context.newPage();
    await page.goto(`${app.url}#results`);
    await appMounted(page);
    await openParts(page);
    await page.getByTestId('share-make').click();
    const fragment = new URL(await page.getByTestId('share-link').inputValue()).hash;

    // Another context: the seeding script would run inside the frame too.
    const hostContext = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const host = await hostContext.newPage();
    const errors = watchErrors(host);
    await host.setContent(`<!doctype html><title>Host</title><h1>Host page</h1>
      <iframe sandbox="allow-scripts allow-downloads" src="${app.url}${fragment}" title="Carryover"
        style="width:100%;height:800px;border:0"></iframe>`);
    const frame = host.frameLocator('iframe');
    await frame.locator('#results-take-away').waitFor({ state: 'attached', timeout: 20_000 });
    const inner = host.frames().find((f) => f.url().startsWith(app.url));
    await inner.waitForFunction(() => document.documentElement.dataset.takeaway === 'ready', null, { timeout: 15_000 });
    await frame.locator('#results-take-away > summary').click();
    await frame.locator('#results-take-away').screenshot({ path: join(artifacts, 'takeaway-sandboxed-iframe.png') });
    const file = await download(host, frame, 'report_html');
    assert.equal(file.name, 'carryover-report.html');
    assert.match(file.text, /^<!doctype html>/i);
    assert.deepEqual(errors.filter((e) => !e.includes('storage unavailable')), []);
    await hostContext.close();
    await context.close();
  });
});
