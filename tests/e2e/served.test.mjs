// End-to-end tests against the release build in dist/, served over http on a free port.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  appMounted,
  expectText,
  servedApp,
  shot,
  startAndAnswer,
  watchErrors,
} from './support.mjs';

describe('served release build', () => {
  const app = servedApp();

  async function openPage(options = {}) {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
    const page = await context.newPage();
    const errors = watchErrors(page);
    return { context, page, errors };
  }

  it('shows the start page, and Start leads to a question whose answer survives reload', async () => {
    const { context, page, errors } = await openPage();
    await page.goto(app.url);
    await appMounted(page);
    await shot(page, 'served-start');
    const choice = await startAndAnswer(page, page);
    await shot(page, 'served-question-answered');

    await page.reload();
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'About your organisation');
    assert.equal(await choice.isChecked(), true, 'the answer is still selected after reload');
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 1);

    await page.getByRole('link', { name: 'Back' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Carryover');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('paints the start page from the static skeleton with no layout shift when the app mounts', async () => {
    const boxes = async (page) =>
      page.evaluate(() =>
        ['.eyebrow', 'h1', '.promise', '.duration', '.button-primary', '.fineprint', '.offline-download'].map((selector) => {
          const r = document.querySelector(selector).getBoundingClientRect();
          return [selector, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        }),
      );

    const noJs = await openPage({ javaScriptEnabled: false });
    await noJs.page.goto(app.url);
    await expectText(noJs.page.getByRole('heading', { level: 1 }), 'Carryover');
    const skeleton = await boxes(noJs.page);
    await shot(noJs.page, 'served-skeleton-no-js');
    await noJs.context.close();

    const live = await openPage();
    await live.page.goto(app.url);
    await appMounted(live.page);
    assert.deepEqual(await boxes(live.page), skeleton);
    const shift = await live.page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) =>
            resolve(list.getEntries().reduce((sum, e) => sum + e.value, 0)),
          ).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    assert.equal(shift, 0, 'cumulative layout shift');
    await live.context.close();
  });

  it('fetches only the document, lang.js and the stylesheets before the skeleton paints', async () => {
    // The app's loader waits in <template id="boot"> until lang.js sees the first paint; a wasm
    // or script request before it would compete with the paint (and Lighthouse counts it in).
    const { context, page, errors } = await openPage();
    await page.goto(app.url);
    await appMounted(page);
    const { paint, requests } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      requests: performance
        .getEntriesByType('resource')
        .map((e) => [e.name.replace(/^.*\//, ''), e.startTime]),
    }));
    assert.ok(paint > 0, 'the skeleton painted');
    const early = requests.filter(([, start]) => start < paint).map(([name]) => name);
    const allowed = /^(lang\.js|(screen|print|report)-[0-9a-f]+\.css|favicon-[0-9a-f]+\.svg)$/;
    assert.deepEqual(early.filter((name) => !allowed.test(name)), [], `requested before the first paint: ${early}`);
    assert.ok(early.some((name) => name.startsWith('screen-')), `the stylesheet loads before the paint: ${early}`);
    const loader = requests.find(([name]) => name.startsWith('carryover-loader-'));
    assert.ok(loader && loader[1] >= paint, 'the loader starts after the first paint');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('offers the offline single file for download', async () => {
    const { context, page } = await openPage();
    await page.goto(app.url);
    const link = page.getByRole('link', { name: 'Download offline copy' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const response = await page.request.get(new URL(href, app.url).href);
    assert.equal(response.status(), 200);
    const body = await response.text();
    assert.match(body, /<html lang="en" data-build="offline" data-built="\d{4}-\d{2}-\d{2}">/);
    assert.ok(body.length > 50_000, 'the file embeds the wasm');
    await context.close();
  });

  it('has no axe accessibility violations on the start page and the question', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await openPage({ colorScheme });
      await page.goto(app.url);
      await appMounted(page);
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
      const start = await new AxeBuilder({ page }).withTags(tags).analyze();
      assert.deepEqual(start.violations.map((v) => `${v.id}: ${v.help}`), [], `start (${colorScheme})`);

      await page.getByRole('link', { name: 'Start' }).click();
      await page.getByRole('radio', { name: 'No SOC 2 report' }).check();
      await expectText(page.getByTestId('save-status'), 'Saved on this device');
      const question = await new AxeBuilder({ page }).withTags(tags).analyze();
      assert.deepEqual(question.violations.map((v) => `${v.id}: ${v.help}`), [], `question (${colorScheme})`);
      if (colorScheme === 'dark') await shot(page, 'served-question-dark');
      // A practice section (the maturity scale) too.
      await page.getByTestId('next').click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
      await page.getByTestId('next').click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
      await page.locator('input[value=effective_not_provable]').first().check();
      const scale = await new AxeBuilder({ page }).withTags(tags).analyze();
      assert.deepEqual(scale.violations.map((v) => `${v.id}: ${v.help}`), [], `practice (${colorScheme})`);
      // And the confirmation dialog.
      await page.getByTestId('start-over').click();
      await page.getByTestId('reset-dialog').waitFor({ state: 'visible' });
      const dialog = await new AxeBuilder({ page }).withTags(tags).analyze();
      assert.deepEqual(dialog.violations.map((v) => `${v.id}: ${v.help}`), [], `dialog (${colorScheme})`);
      await context.close();
    }
  });

  it('moves focus to the new heading when the screen changes', async () => {
    const { context, page } = await openPage();
    await page.goto(app.url);
    await appMounted(page);
    await page.getByRole('link', { name: 'Start' }).focus();
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('heading', { level: 1 }), 'About your organisation');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    // Next by keyboard: focus the link, Enter; focus lands on the new section's heading.
    await page.getByTestId('next').focus();
    await page.keyboard.press('Enter');
    // The optional AI system register comes first; its heading takes focus too.
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Your AI systems');
    await page.getByTestId('next').focus();
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Your existing program');
    // Arrow keys move within a radio group (native radios).
    const first = page.locator('fieldset').first().locator('input[type=radio]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(
      await page.locator('fieldset').first().locator('input[type=radio]').nth(1).isChecked(),
      true,
      'ArrowDown checks the next level',
    );
    await context.close();
  });

  it('runs in a sandboxed iframe, where storage is blocked, and says answers are not saved', async () => {
    const { context, page, errors } = await openPage();
    await page.setContent(
      `<iframe sandbox="allow-scripts" src="${app.url}" title="Carryover" style="width:100%;height:700px;border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await startAndAnswer(page, frame, { expectSaved: false });
    await expectText(frame.getByTestId('storage-notice'), 'not letting Carryover save');
    await shot(page, 'served-sandboxed-iframe');
    assert.deepEqual(errors.filter((e) => !e.includes('storage unavailable')), []);
    await context.close();
  });
});
