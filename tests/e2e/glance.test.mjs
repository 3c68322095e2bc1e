// End-to-end tests of "the answer at a glance" (issue 12) against the release build in dist/:
// the four summary answers inside the first screen for two personas at phone and desktop sizes,
// the phone results at most six screens tall with every part closed, every summary figure opening
// its explanation, Revisit → change → Back to results with focus where it should be, the task
// plan as its own view with per-task field names, the compact questionnaire (stable question
// total, the scale explained once, evidence behind a disclosure), loading feedback after Start,
// and axe. Screenshots of the summary, a question page and each detail part at 360, 768 and
// 1280 px go to tests/e2e/artifacts/glance-*.png; measured heights to glance-heights.json.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { appMounted, artifacts, expectText, repoRoot, seedStorage, servedApp, watchErrors } from './support.mjs';

const STORAGE_KEY = 'carryover.answers';
const PERSONAS = ['ai-provider-hiring', 'mature-iso27001-no-ai-governance'];
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const heights = {};

function fixturePath(name) {
  return join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`);
}

function cliScore(name) {
  const out = execFileSync(
    'cargo',
    ['run', '--quiet', '--locked', '-p', 'carryover-engine', '--bin', 'carryover', '--', 'score', fixturePath(name)],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out).assessment;
}

/** Months as the summary writes them: whole from 10 up, halves below, no trailing `.0`. */
function half(x) {
  const r = x >= 10 ? Math.round(x) : x > 0 ? Math.max(0.5, Math.round(x * 2) / 2) : 0;
  return Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1);
}

async function axeClean(page) {
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
}

/** Waits until focus is inside an element matching the function's test. */
async function waitForFocus(page, test, arg, what) {
  await page.waitForFunction(test, arg, { timeout: 5000 }).catch(() => assert.fail(`focus: ${what}`));
}

describe('the answer at a glance', () => {
  const app = servedApp();

  async function openResults(fixture, viewport) {
    const context = await app.browser.newContext({ viewport });
    await seedStorage(context, STORAGE_KEY, readFileSync(fixturePath(fixture), 'utf8'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}#results`);
    await appMounted(page);
    await page.getByTestId('glance').waitFor({ state: 'visible', timeout: 15_000 });
    return { context, page, errors };
  }

  for (const fixture of PERSONAS) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      it(`answers the four questions in the first screen: ${fixture}, ${size}`, async () => {
        const a = cliScore(fixture);
        const { context, page, errors } = await openResults(fixture, viewport);
        await page.screenshot({ path: join(artifacts, `glance-summary-${fixture}-${viewport.width}.png`) });
        const names = ['How much carries over', 'What is new', 'How long', 'What to do first'];
        for (const name of names) {
          const region = page.getByRole('region', { name, exact: true });
          const box = await region.boundingBox();
          assert.ok(box, `${name} is shown`);
          assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${name} ends at ${box.y + box.height} > ${viewport.height}`);
          assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${name} fits the width`);
        }
        // The numbers are the engine's.
        const carry = (await page.getByTestId('glance-carry-figure').textContent()).trim();
        assert.ok(
          [`${a.overlap.all.inherited_pct}%`, `${a.overlap.all.effort_done_pct}%`].includes(carry),
          `carry ${carry}`,
        );
        const netNew = a.requirements.filter((r) => r.status === 'net_new');
        assert.equal((await page.getByTestId('glance-new-figure').textContent()).trim(), String(netNew.length));
        assert.equal(
          (await page.getByTestId('glance-months').textContent()).trim(),
          `${half(a.effort.months_low)}–${half(a.effort.months_high)} months`,
        );
        assert.equal(
          (await page.getByTestId('glance-days').textContent()).trim(),
          `${a.effort.days_low}–${a.effort.days_high} person-days`,
        );
        await expectText(page.getByRole('region', { name: 'How long', exact: true }), 'compliance lead');
        await expectText(page.getByTestId('glance-published'), '%');
        // What to do first: the first three roadmap items, in order.
        const first = a.roadmap.flatMap((p) => p.items).slice(0, 3).map((i) => i.requirement);
        const shown = await page
          .getByRole('region', { name: 'What to do first', exact: true })
          .getByRole('link')
          .evaluateAll((els) => els.map((el) => el.dataset.requirement));
        assert.deepEqual(shown, first);

        // Everything else is closed: the page stays short.
        assert.equal(await page.locator('details.part[open]').count(), 0);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        heights[`${fixture}-${size}`] = height;
        if (size === 'phone') assert.ok(height <= 6 * viewport.height, `phone results ${height}px > 6 screens`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
        await axeClean(page);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    it(`puts the site owner's call to action right under the summary (${size})`, async () => {
      const context = await app.browser.newContext({ viewport });
      await seedStorage(context, STORAGE_KEY, readFileSync(fixturePath('ai-provider-hiring'), 'utf8'));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${app.url}?cta=${encodeURIComponent('https://book.example/call')}&cta_label=Book%20a%20call#results`);
      await appMounted(page);
      const cta = page.getByRole('link', { name: 'Book a call' });
      await cta.waitFor();
      const summary = await page.getByTestId('glance').boundingBox();
      const box = await cta.boundingBox();
      assert.ok(box.y >= summary.y + summary.height - 1 && box.y - (summary.y + summary.height) <= 24, 'right under the summary');
      if (size === 'desktop') assert.ok(box.y + box.height <= viewport.height, 'in the first screen');
      await page.screenshot({ path: join(artifacts, `glance-cta-${viewport.width}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('opens the explanation of every summary figure', async () => {
    const { context, page, errors } = await openResults('ai-provider-hiring', DESKTOP);
    const targets = [
      ['glance-carry-figure', 'results-overlap', 'What carries over'],
      ['glance-published', 'results-overlap', 'What carries over'],
      ['glance-new-figure', 'results-net-new', 'Net-new work'],
      ['glance-months', 'results-effort', 'Estimated effort'],
      ['glance-days', 'results-effort', 'Estimated effort'],
    ];
    for (const [testid, part, heading] of targets) {
      await page.evaluate(() => document.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open')));
      await page.getByTestId(testid).click();
      const details = page.locator(`details#${part}`);
      assert.equal(await details.getAttribute('open'), '', `${testid} opens ${part}`);
      await expectText(details.getByRole('heading', { level: 2 }), heading);
      await waitForFocus(page, (id) => document.activeElement?.closest('details')?.id === id, part, `${testid} → ${part}`);
    }
    // A "what to do first" item opens its requirement's reasons.
    const item = page.getByRole('region', { name: 'What to do first', exact: true }).getByRole('link').first();
    const id = await item.getAttribute('data-requirement');
    await item.click();
    const row = page.locator(`#results-requirements .req[data-requirement="${id}"] details`);
    assert.equal(await row.getAttribute('open'), '');
    await row.locator('.req-why').waitFor({ state: 'visible' });
    await waitForFocus(page, (rid) => document.activeElement?.closest('.req')?.dataset.requirement === rid, id, 'the row');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('revisits a question, changes it, and comes back to what moved', async () => {
    const a = cliScore('ai-provider-hiring');
    const win = a.wins[0];
    const { context, page, errors } = await openResults('ai-provider-hiring', PHONE);
    await page.getByRole('heading', { name: 'Biggest wins' }).click();
    const first = page.locator('.win').first();
    const questionText = (await first.locator('.win-question').textContent()).trim();
    await first.getByRole('link', { name: 'Revisit this question' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#q/'));
    const question = page.getByRole('group', { name: questionText });
    await question.waitFor();
    // Focus is on the question's choice, and the question is on screen.
    await waitForFocus(
      page,
      (q) => document.activeElement?.closest('fieldset')?.dataset.question === q,
      win.question,
      'the revisited question',
    );
    const box = await question.boundingBox();
    assert.ok(box.y < PHONE.height && box.y + Math.min(box.height, 200) > 0, `question at ${box.y}`);
    await page.screenshot({ path: join(artifacts, 'glance-revisit-360.png') });
    await question.getByRole('radio', { name: 'Effective and provable' }).check();

    // "Back to results" is there on this and any other section.
    const back = page.getByRole('link', { name: 'Back to results' });
    await back.waitFor();
    await page.getByTestId('next').click();
    await page.getByRole('link', { name: 'Back to results' }).click();
    await page.waitForFunction(() => location.hash === '#results');
    await waitForFocus(page, () => document.activeElement?.id === 'results-title', null, 'the results heading');
    const moved = page.getByTestId('moved');
    await expectText(moved, 'Since you last looked');
    const box2 = await moved.boundingBox();
    assert.ok(box2.y + box2.height <= PHONE.height, 'what moved is in the first screen');
    await page.screenshot({ path: join(artifacts, 'glance-moved-360.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('links each answer behind a requirement to its question', async () => {
    const { context, page, errors } = await openResults('soc2-type2-only', DESKTOP);
    await page.getByRole('heading', { name: 'Every requirement' }).click();
    const row = page.locator('.req[data-requirement="6.3"]');
    await row.locator('summary').click();
    const link = row.locator('.why-table a').first();
    const id = await link.getAttribute('data-question');
    await link.click();
    await waitForFocus(page, (q) => document.activeElement?.closest('fieldset')?.dataset.question === q, id, 'the question');
    await page.getByRole('link', { name: 'Back to results' }).click();
    await page.waitForFunction(() => location.hash === '#results');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the task plan as its own view with a name for every field', async () => {
    const { context, page, errors } = await openResults('ai-provider-hiring', PHONE);
    await page.getByTestId('tasks-link').click();
    await page.waitForFunction(() => location.hash === '#tasks');
    await expectText(page.getByRole('heading', { level: 1 }), 'Task plan');
    const owners = page.getByRole('textbox', { name: /^Owner of / });
    const n = await owners.count();
    assert.ok(n > 10, `${n} owner fields`);
    const names = await page.locator('.task-owner').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    assert.equal(new Set(names).size, names.length, 'every owner field has its own name');
    assert.ok(names.every((x) => /^Owner of \d|^Owner of A\./.test(x)), names[0]);
    assert.equal(await page.getByRole('combobox', { name: /^Review of / }).count(), n);
    assert.ok(!(await page.locator('main').textContent()).includes(' 1 days'), 'plural');
    await page.screenshot({ path: join(artifacts, 'glance-tasks-360.png') });
    await axeClean(page);
    await page.getByTestId('tasks-back').click();
    await page.waitForFunction(() => location.hash === '#results');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const viewport of [PHONE, { width: 768, height: 900 }, DESKTOP]) {
    it(`shows each detail part readably at ${viewport.width} px`, async () => {
      const { context, page, errors } = await openResults('ai-provider-hiring', viewport);
      await page.screenshot({ path: join(artifacts, `glance-summary-${viewport.width}.png`) });
      const parts = await page.locator('details.part').evaluateAll((els) => els.map((el) => el.id));
      assert.ok(parts.length >= 9, parts.join(' '));
      for (const id of parts) {
        const part = page.locator(`details#${id}`);
        await part.locator(':scope > summary').click();
        assert.equal(await part.getAttribute('open'), '');
        // A lazy part builds its content on the toggle event, a later task than the click.
        await part.locator(':scope > .part-body > *').first().waitFor();
        // Nothing inside scrolls sideways (the overlap figures included).
        const wide = await part.evaluate((el) =>
          [...el.querySelectorAll('.table-scroll')]
            .filter((s) => s.scrollWidth > s.clientWidth + 1 && !s.closest('.req-why'))
            .map((s) => s.querySelector('caption')?.textContent ?? s.className),
        );
        if (id === 'results-overlap' || viewport.width > 400) assert.deepEqual(wide, [], `${id} scrolls sideways`);
        await part.screenshot({ path: join(artifacts, `glance-part-${id.replace('results-', '')}-${viewport.width}.png`) });
        await part.locator(':scope > summary').click();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the compact questionnaire', () => {
  const app = servedApp();

  it('knows the question total from the start and never grows it', async () => {
    const context = await app.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await appMounted(page);
    const promise = (await page.locator('.duration').textContent()).trim();
    const [, minutes, questions] = promise.match(/About (\d+) minutes: (\d+) questions/) ?? [];
    assert.ok(Number(minutes) > 0 && Number(minutes) <= 15, promise);
    await page.getByRole('link', { name: 'Start' }).click();
    const total = async () => Number(((await page.getByTestId('progress').textContent()) ?? '').match(/of (\d+)/)[1]);
    let last = await total();
    assert.equal(last, Number(questions), 'the first screen knows every question');
    // Intake answers can only rule questions out of the first screen's total (ticking a second
    // role may bring back what the first ruled out, never beyond it).
    for (const name of [/^User:/, /^Provider:/]) {
      await page.getByRole('checkbox', { name }).check();
      const now = await total();
      assert.ok(now <= Number(questions), `total ${now} above the first screen's ${questions}`);
      last = now;
    }
    await page.getByRole('radio', { name: /^No, our AI only affects/ }).check();
    const afterIntake = await total();
    assert.ok(afterIntake < last, 'ruling questions out lowers the total');
    // From the intake on, the total stays put through the sections.
    for (let i = 0; i < 4; i += 1) {
      await page.getByTestId('next').click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.equal(await total(), afterIntake, 'the total does not change after the intake');
    }
    // The top bar is one row on a phone.
    const bar = await page.getByRole('banner').boundingBox();
    assert.ok(bar.height <= 64, `top bar ${bar.height}px tall`);
    await page.screenshot({ path: join(artifacts, 'glance-question-intake-360.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const viewport of [PHONE, { width: 768, height: 900 }, DESKTOP]) {
    it(`explains the scale once and keeps evidence behind a disclosure at ${viewport.width} px`, async () => {
      const context = await app.browser.newContext({ viewport });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${app.url}#q/program`);
      await appMounted(page);
      await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
      assert.equal(await page.getByRole('heading', { name: 'How to rate each practice' }).count(), 1);
      const sets = page.locator('form.questions fieldset');
      const n = await sets.count();
      for (let i = 0; i < n; i += 1) {
        assert.equal(await sets.nth(i).getByRole('radio').count(), 6);
        assert.equal(await sets.nth(i).locator('details.question-more[open]').count(), 0);
      }
      // One idea each: no statement strings three clauses together with "and".
      const legends = await page.locator('form.questions legend').allTextContents();
      for (const legend of legends) assert.ok(legend.split(/\s+/).length <= 18, `long statement: ${legend}`);
      const more = sets.first().locator('details.question-more');
      await more.locator('summary').click();
      await expectText(more, 'Evidence');
      if (viewport.width >= 1000) {
        const tops = await sets.first().getByRole('radio').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, 'the six choices sit in one row');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0);
      heights[`question-program-${viewport.width}`] = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: join(artifacts, `glance-question-${viewport.width}.png`) });
      await page.screenshot({ path: join(artifacts, `glance-question-${viewport.width}-full.png`), fullPage: true });
      await axeClean(page);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('says it is loading when Start is pressed before the app has loaded', async () => {
    const context = await app.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    // Hold the wasm back: the skeleton is all there is.
    await page.route('**/*.wasm', () => {});
    await page.goto(app.url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: 'Start' }).click();
    await expectText(page.getByRole('status'), 'Loading the questions');
    await page.screenshot({ path: join(artifacts, 'glance-loading-360.png') });
    await context.close();
  });

  it('records the measured heights', () => {
    writeFileSync(join(artifacts, 'glance-heights.json'), `${JSON.stringify(heights, null, 2)}\n`);
  });
});
