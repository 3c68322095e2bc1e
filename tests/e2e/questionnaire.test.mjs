// End-to-end tests of the questionnaire against the served release build: a full run answering
// every question, conditional questions, resume after leaving, reset with confirmation, and the
// layout at phone, iframe and desktop widths (screenshots in tests/e2e/artifacts/).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerSection,
  appMounted,
  expectText,
  servedApp,
  shot,
  shotTop,
  watchErrors,
} from './support.mjs';

describe('questionnaire', () => {
  const app = servedApp();

  async function openPage(viewport = { width: 1280, height: 900 }) {
    const context = await app.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await appMounted(page);
    return { context, page, errors };
  }

  it('answers every question of a full run and reaches the results', async () => {
    const { context, page, errors } = await openPage();
    await page.getByRole('link', { name: 'Start' }).click();
    const titles = [];
    for (let step = 0; step < 12; step += 1) {
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      titles.push(await h1.textContent());
      await answerSection(page);
      const next = page.getByTestId('next');
      const label = (await next.textContent()) ?? '';
      if (label.includes('See results')) {
        const progress = (await page.getByTestId('progress').textContent()) ?? '';
        const [, answered, total] = progress.match(/(\d+) of (\d+)/) ?? [];
        assert.ok(Number(total) > 30, progress);
        assert.equal(answered, total, `every visible question answered: ${progress}`);
        await shot(page, 'questionnaire-last-section');
        await next.click();
        break;
      }
      await next.click();
    }
    assert.deepEqual(titles, [
      'About your organisation',
      'Your AI systems',
      'Your existing program',
      'AI governance',
      'AI lifecycle and data',
      'People affected, customers and suppliers',
    ].slice(0, titles.length));
    assert.equal(titles.length, 6, `five sections and the optional AI system register: ${titles.join(' / ')}`);
    await page.waitForFunction(() => location.hash === '#results');
    await page.locator('main h1').waitFor();
    await shot(page, 'questionnaire-results');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows and hides conditional questions live, keeping hidden answers', async () => {
    const { context, page, errors } = await openPage();
    await page.getByRole('link', { name: 'Start' }).click();
    const lifecycle = page.locator('.nav-item').nth(3).locator('.nav-count');
    await page.getByRole('checkbox', { name: /^User:/ }).check();
    await expectText(lifecycle, '0 of 4 answered');
    await page.getByRole('checkbox', { name: /^Provider:/ }).check();
    await expectText(lifecycle, '0 of 7 answered');
    // Answer a provider-only question, hide it, show it again: the answer is still there.
    await page.locator('.nav-item').nth(3).getByRole('link').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'AI lifecycle and data');
    const gated = page.locator('fieldset[data-question=lifecycle] input[value=effective_and_provable]');
    await gated.check();
    await page.locator('.nav-item').first().getByRole('link').click();
    await page.getByRole('checkbox', { name: /^Provider:/ }).uncheck();
    await expectText(lifecycle, '0 of 4 answered');
    await page.getByRole('checkbox', { name: /^Provider:/ }).check();
    await expectText(lifecycle, '1 of 7 answered');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('offers to resume after leaving, resumes where the user was, and survives reload', async () => {
    const { context, page, errors } = await openPage();
    await page.getByRole('link', { name: 'Start' }).click();
    await answerSection(page);
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    const practice = page.locator('fieldset[data-question=risk_management] input[value=in_place_not_effective]');
    await practice.check();
    await expectText(page.getByTestId('save-status'), 'Saved on this device');

    await page.reload();
    await appMounted(page);
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    assert.equal(await practice.isChecked(), true, 'reload keeps the answer');

    // A new visit to the plain address: the start page offers to resume.
    await page.goto(app.url.replace(/#.*$/, ''));
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    await page.reload();
    await appMounted(page);
    await expectText(page.getByTestId('resume'), 'Resume where you left off');
    await page.getByRole('button', { name: 'Start over' }).waitFor();
    await shot(page, 'questionnaire-resume-offer');
    await page.getByTestId('resume').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    assert.equal(await practice.isChecked(), true, 'resumed with the answer');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('start over asks for confirmation, and only then clears everything', async () => {
    const { context, page, errors } = await openPage();
    await page.getByRole('link', { name: 'Start' }).click();
    const choice = page.getByRole('radio', { name: 'Type II report' });
    await choice.check();
    await expectText(page.getByTestId('save-status'), 'Saved on this device');

    await page.getByTestId('start-over').click();
    const dialog = page.getByRole('dialog', { name: 'Start over?' });
    await dialog.waitFor();
    // One answer is "1 answer" (counted with the language's plural rule, unit.answers).
    await expectText(dialog, 'This clears the 1 answer on this device.');
    await shot(page, 'questionnaire-reset-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await choice.isChecked(), true, 'cancel keeps the answers');

    await page.getByTestId('start-over').click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await choice.isChecked(), true, 'Escape keeps the answers');

    await page.getByTestId('start-over').click();
    await dialog.getByRole('button', { name: 'Clear my answers' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => !document.querySelector('form.questions input:checked'));
    // Start over is a replace like any other: an empty document is stored (it wins over other
    // tabs' older answers) and the previous answers are kept as an earlier version.
    assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('carryover.answers'))).answers, {});
    assert.ok(await page.evaluate(() => localStorage.getItem('carryover.answers.snapshot.1')));
    await expectText(page.getByTestId('progress'), '0 of');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [name, viewport] of [
    ['phone-360', { width: 360, height: 780 }],
    ['iframe-768', { width: 768, height: 900 }],
    ['desktop-1280', { width: 1280, height: 900 }],
  ]) {
    it(`looks right at ${name}: start, intake and a practice section without horizontal scroll`, async () => {
      const { context, page, errors } = await openPage(viewport);
      await shot(page, `layout-${name}-start`);
      await shotTop(page, `layout-${name}-start`);
      await page.getByRole('link', { name: 'Start' }).click();
      await page.getByRole('radio', { name: 'Type II report' }).check();
      await shot(page, `layout-${name}-intake`);
      await shotTop(page, `layout-${name}-intake`);
      await page.getByTestId('next').click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
      await page.getByTestId('next').click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
      await page.locator('input[value=effective_not_provable]').first().check();
      await shot(page, `layout-${name}-practice`);
      await shotTop(page, `layout-${name}-practice`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px too wide)`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
