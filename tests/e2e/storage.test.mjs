// End-to-end tests of storage trouble against the served release build: unreadable saved answers
// (kept under a backup key, read-only until the user chooses), storage that refuses writes, and
// two tabs on the same answers (merged per question). The full fault matrix is keep.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appMounted,
  expectText,
  servedApp,
  shot,
  watchErrors,
} from './support.mjs';

const KEY = 'carryover.answers';

describe('storage trouble', () => {
  const app = servedApp();

  /** Opens the app with `stored` under the answers key (set before the app starts). */
  async function openWith(stored) {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await appMounted(page);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, stored]);
    await page.reload();
    await appMounted(page);
    return { context, page, errors };
  }

  for (const [kind, stored] of [
    ['damaged', '{"format":"carryover-answers","version":1,"answers":'],
    ['from a future version', '{"format":"carryover-answers","version":99,"answers":{"soc2":"type2"}}'],
  ]) {
    it(`keeps unreadable saved answers (${kind}) under a backup key, read-only until the user chooses`, async () => {
      const { context, page, errors } = await openWith(stored);
      await expectText(page.getByTestId('storage-notice'), 'could not be read');
      await expectText(page.getByTestId('storage-notice'), 'carryover.answers.backup.1');
      assert.equal(await page.evaluate(() => localStorage.getItem('carryover.answers.backup.1')), stored);
      await shot(page, `storage-unreadable-${kind.replace(/ /g, '-')}`);

      await page.getByRole('link', { name: 'Start' }).click();
      await page.getByRole('radio', { name: 'Type I report' }).check();
      await expectText(page.getByTestId('save-status'), 'waiting for your choice');
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), stored, 'not written over');
      await page.getByRole('button', { name: 'Save here anyway' }).click();
      await expectText(page.getByTestId('save-status'), 'Saved on this device');
      assert.equal(await page.evaluate(() => localStorage.getItem('carryover.answers.backup.1')), stored);
      const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
      assert.equal(saved.answers.soc2, 'type1');
      assert.equal(saved.position, 'intake');
      assert.match(saved.saved_at, /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(errors.filter((e) => !e.includes('unreadable')), []);
      await context.close();
    });
  }

  it('keeps working when storage refuses writes (quota), and says so', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 800 } });
    await context.addInitScript((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    }, KEY);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await appMounted(page);
    await page.getByRole('link', { name: 'Start' }).click();
    const choice = page.getByRole('radio', { name: 'Type II report' });
    await choice.check();
    await expectText(page.getByTestId('save-status'), 'Not saved');
    await expectText(page.getByTestId('storage-notice'), 'storage for this site is full');
    assert.equal(await choice.isChecked(), true);
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await page.getByTestId('back').click();
    assert.equal(await choice.isChecked(), true, 'answers stay in memory');
    await shot(page, 'storage-write-refused');
    assert.deepEqual(errors.filter((e) => !e.includes('could not write')), []);
    await context.close();
  });

  it('follows another tab quietly, and merges when this tab has changes of its own', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 800 } });
    const a = await context.newPage();
    const b = await context.newPage();
    const errors = [...watchErrors(a), ...watchErrors(b)];
    await a.goto(`${app.url}#q/intake`);
    await appMounted(a);
    await a.getByRole('radio', { name: 'Type II report' }).check();
    await expectText(a.getByTestId('save-status'), 'Saved on this device');

    await b.goto(`${app.url}#q/intake`);
    await appMounted(b);
    assert.equal(await b.getByRole('radio', { name: 'Type II report' }).isChecked(), true);

    // A changes an answer; B has no changes of its own, so it follows.
    await a.getByRole('radio', { name: 'Certified', exact: true }).check();
    await b.waitForFunction(() => document.querySelector('input[name=iso27001][value=certified]')?.checked);
    await expectText(b.getByTestId('storage-notice'), 'updated from another tab');

    // B cannot save (quota) and changes something; then A changes another answer: B keeps both.
    await b.evaluate((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    }, KEY);
    await b.getByRole('radio', { name: 'Yes, across our AI systems' }).check();
    await expectText(b.getByTestId('save-status'), 'Not saved');
    await a.getByRole('radio', { name: 'We follow it but are not certified' }).check();
    await b.waitForFunction(() => document.querySelector('input[name=iso27001][value=aligned]')?.checked);
    assert.equal(
      await b.getByRole('radio', { name: 'Yes, across our AI systems' }).isChecked(),
      true,
      "B's own unsaved change survives A's",
    );
    // Now A changes the same question later: the later change wins, and B can take its own back.
    await a.getByRole('radio', { name: /^Partly/ }).check();
    await b.waitForFunction(() => document.querySelector('input[name=airmf][value=partial]')?.checked);
    await expectText(b.getByTestId('undo-notice'), 'changed 1 of the same answers');
    await shot(b, 'storage-two-tabs-merged');
    await b.getByTestId('undo-notice').getByRole('button', { name: "Keep this tab's answers" }).click();
    await b.waitForFunction(() => document.querySelector('input[name=airmf][value=adopted]')?.checked);
    assert.deepEqual(errors.filter((e) => !e.includes('could not write')), []);
    await context.close();
  });
});
