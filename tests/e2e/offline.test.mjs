// End-to-end tests against the single offline file, opened from file:// like a saved page.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  appMounted,
  artifacts,
  expectText,
  fixture,
  launchChromium,
  offlineFile,
  openParts,
  seedStorage,
  shot,
  startAndAnswer,
  watchErrors,
} from './support.mjs';

describe('offline single file via file://', () => {
  let browser;
  let dir;

  before(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'carryover-offline-'));
    // Saved pages live anywhere; a fresh directory also proves nothing next to the file is needed.
    copyFileSync(offlineFile, join(dir, 'carryover.html'));
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the start page and keeps an answer across reload, with no network', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(pathToFileURL(join(dir, 'carryover.html')).href);
    await appMounted(page);
    const download = page.getByRole('link', { name: 'Download offline copy' });
    assert.equal(await download.isVisible(), false, 'the offline file does not offer itself');
    await shot(page, 'offline-start');

    const choice = await startAndAnswer(page, page);
    await page.reload();
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'About your organisation');
    assert.equal(await choice.isChecked(), true, 'the answer is still selected after reload');
    await shot(page, 'offline-question-after-reload');

    const foreign = requests.filter((url) => !/^(file|blob|data):/.test(url));
    assert.deepEqual(foreign, [], 'only file:, blob: and data: URLs are loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('makes every file and the printed report from the take-away module inside the file', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await seedStorage(context, 'carryover.answers', fixture('soc2-type2-only'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${pathToFileURL(join(dir, 'carryover.html')).href}#results`);
    await appMounted(page);
    await page.waitForFunction(() => document.documentElement.dataset.takeaway === 'ready', null, { timeout: 15_000 });
    await openParts(page);
    const files = {};
    for (const id of ['report_html', 'report_md', 'soa_csv', 'tasks_csv', 'tasks_ics', 'answers_json']) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${id}`).click()]);
      const path = join(artifacts, `offline-${file.suggestedFilename()}`);
      await file.saveAs(path);
      files[id] = readFileSync(path, 'utf8');
    }
    assert.match(files.report_html, /^<!doctype html>/i);
    assert.match(files.report_md, /Statement of Applicability/);
    assert.ok(files.soa_csv.split('\n').length > 100);
    assert.match(files.tasks_ics, /^BEGIN:VCALENDAR/);
    assert.equal(JSON.parse(files.answers_json).format, 'carryover-answers');
    await page.emulateMedia({ media: 'print' });
    await expectText(page.getByTestId('print-report'), 'Statement of Applicability (draft)');
    const foreign = requests.filter((url) => !/^(file|blob|data):/.test(url));
    assert.deepEqual(foreign, [], 'only file:, blob: and data: URLs are loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works inside <iframe sandbox="allow-scripts"> (storage blocked, answers noted for the visit)', async () => {
    writeFileSync(
      join(dir, 'host.html'),
      `<!doctype html><title>Host</title><h1>Host page</h1>
       <iframe sandbox="allow-scripts" src="carryover.html" title="Carryover" style="width:100%;height:700px;border:0"></iframe>`,
    );
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(pathToFileURL(join(dir, 'host.html')).href);
    const frame = page.frameLocator('iframe');
    await startAndAnswer(page, frame, { expectSaved: false });
    await expectText(frame.getByTestId('storage-notice'), 'not letting Carryover save');
    await shot(page, 'offline-sandboxed-iframe');
    assert.deepEqual(errors.filter((e) => !e.includes('storage unavailable')), []);
    await context.close();
  });
});
