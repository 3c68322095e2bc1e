// End-to-end tests of the results screen against the release build in dist/: answers documents
// from the engine's fixtures are put in storage, `#results` is opened, and every headline number
// shown must equal what the command-line scorer (`carryover score FILE`) computes for the same file.
// Also: filter and "why" rows, the jump back to a question, axe, and screenshots at three widths.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  appMounted,
  expectText,
  openParts,
  repoRoot,
  seedStorage,
  servedApp,
  shot,
  watchErrors,
} from './support.mjs';

/** The storage item the app keeps the answers document under (src/storage.rs, `Key::Answers`). */
const STORAGE_KEY = 'carryover.answers';
const FIXTURES = ['soc2-type2-only', 'ai-provider-hiring', 'ai-user-only-dont-know', 'nothing-in-place'];

function fixturePath(name) {
  return join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`);
}

/** The CLI's JSON for a fixture (built by cargo if needed; quick when it is up to date). */
function cliScore(name) {
  const out = execFileSync(
    'cargo',
    ['run', '--quiet', '--locked', '-p', 'carryover-engine', '--bin', 'carryover', '--', 'score', fixturePath(name)],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out).assessment;
}

/** Months as the engine writes them (export/units.rs `months_number`): to the half month. */
function months(x) {
  if (!(x > 0)) return '0';
  const half = Math.round(x * 2) / 2;
  return Number.isInteger(half) ? half.toFixed(0) : half.toFixed(1);
}

/** Person-days as the engine writes them (export/units.rs): whole from 10 up, to the half below,
 * at least a half when above zero. */
function days(x) {
  if (!(x > 0)) return '0';
  let half = Math.round(x * 2) / 2;
  if (half >= 10) return Math.round(x).toFixed(0);
  if (half === 0) half = 0.5;
  return Number.isInteger(half) ? half.toFixed(0) : half.toFixed(1);
}

describe('results screen', () => {
  const app = servedApp();

  async function openResults(fixture, viewport = { width: 1280, height: 900 }) {
    const context = await app.browser.newContext({ viewport });
    const text = readFileSync(fixturePath(fixture), 'utf8');
    await seedStorage(context, STORAGE_KEY, text);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}#results`);
    await appMounted(page);
    await openParts(page);
    return { context, page, errors };
  }

  for (const fixture of FIXTURES) {
    it(`shows the CLI's numbers for ${fixture}`, async () => {
      const a = cliScore(fixture);
      const { context, page, errors } = await openResults(fixture);
      const main = page.getByRole('main');

      await expectText(page.locator('[data-testid="readiness"] .readiness-number'), String(a.readiness.score));
      assert.equal(
        (await page.locator('[data-testid="readiness"] .readiness-number').textContent()).trim(),
        String(a.readiness.score),
      );

      for (const part of ['clauses', 'annex', 'all']) {
        const row = page.locator(`[data-testid="overlap"] tr[data-part="${part}"]`);
        const cell = async (col) => (await row.locator(`[data-col="${col}"]`).textContent()).trim();
        const sp = a.overlap[part];
        assert.equal(await cell('inherited'), `${sp.inherited_pct}%`, `${part} inherited`);
        assert.equal(await cell('extend'), `${sp.extend_pct}%`, `${part} extend`);
        assert.equal(await cell('net_new'), `${sp.net_new_pct}%`, `${part} net-new`);
        assert.equal(await cell('not_applicable'), String(sp.counts.not_applicable), `${part} n/a`);
        assert.equal(await cell('effort_done'), `${sp.effort_done_pct}%`, `${part} effort done`);
      }

      const e = a.effort;
      assert.equal(
        (await page.locator('[data-testid="effort-days"] .figure-number').textContent()).trim(),
        `${e.days_low}–${e.days_high}`,
      );
      assert.equal(
        (await page.locator('[data-testid="effort-months"] .figure-number').textContent()).trim(),
        `${months(e.months_low)}–${months(e.months_high)}`,
      );
      assert.match(await page.locator('[data-testid="effort-systems"]').textContent(), new RegExp(`\\b${e.systems}\\b`));
      for (const line of e.lines) {
        const shown = await page.locator(`tr[data-kind="${line.kind}"] td`).textContent();
        assert.equal(shown.trim(), days(line.days), `effort line ${line.kind}`);
      }

      // Area scores, from the charts' text alternatives.
      const areaRows = await page.locator('[data-chart^="areas-"] table tbody tr').allTextContents();
      assert.equal(areaRows.length, a.areas.length);
      a.areas.forEach((ar, i) => {
        assert.ok(areaRows[i].startsWith(ar.area), `${areaRows[i]} is area ${ar.area}`);
        if (ar.score !== null) assert.ok(areaRows[i].endsWith(String(ar.score)), `${areaRows[i]} ends ${ar.score}`);
      });

      // Every requirement is listed, with the engine's status.
      const reqs = page.locator('.req');
      assert.equal(await reqs.count(), a.requirements.length);
      const statuses = await reqs.evaluateAll((els) => els.map((el) => [el.dataset.requirement, el.dataset.status]));
      assert.deepEqual(statuses, a.requirements.map((r) => [r.id, r.status]));

      // Wins and warnings in the engine's order.
      const wins = await page.locator('.win').evaluateAll((els) => els.map((el) => el.dataset.question));
      assert.deepEqual(wins, a.wins.map((w) => w.question));
      const warnings = await page.locator('.warning').evaluateAll((els) => els.map((el) => el.dataset.warning));
      assert.deepEqual(warnings, a.warnings.map((w) => w.id));

      await expectText(main, 'not a certification');
      const axe = await new AxeBuilder({ page }).include('main').analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('filters requirements by status and opens a row to its reasons', async () => {
    const a = cliScore('soc2-type2-only');
    const { context, page, errors } = await openResults('soc2-type2-only');
    const netNew = a.requirements.filter((r) => r.status === 'net_new');
    await page.getByRole('radio', { name: /Net-new/ }).check();
    await expectText(page.locator('[data-testid="showing"]'), `Showing ${netNew.length} of ${a.requirements.length}`);
    assert.equal(await page.locator('.req').count(), netNew.length);

    // An extend row: the answers behind it, the best row marked, the crosswalk rows.
    await page.getByRole('radio', { name: /^All/ }).check();
    const row = page.locator('.req[data-requirement="6.3"]');
    await row.locator('summary').click();
    await expectText(row.locator('.why-table'), 'In place');
    assert.equal(await row.locator('tr.best').count(), 1);
    await expectText(row.locator('.crosswalk'), 'ISO');

    // A net-new row explains why a security program does not cover it.
    const nn = page.locator(`.req[data-requirement="${netNew[0].id}"]`);
    await nn.locator('summary').click();
    await nn.locator('.req-why').waitFor({ state: 'visible' });
    await shot(page, 'results-row-open');
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('links each win back to its question, and follows a changed answer live', async () => {
    const a = cliScore('soc2-type2-only');
    const win = a.wins[0];
    const { context, page, errors } = await openResults('soc2-type2-only');
    const first = page.locator('.win').first();
    const questionText = (await first.locator('.win-question').textContent()).trim();
    const link = first.getByRole('link');
    assert.match(await link.getAttribute('href'), /^#q\/[a-z0-9_-]+$/);
    await link.click();
    await page.waitForFunction(() => window.location.hash.startsWith('#q/'));
    // The question itself has focus, not just its section.
    await page.waitForFunction(
      (q) => document.activeElement?.closest('fieldset')?.dataset.question === q,
      win.question,
    );

    // Improve that practice to effective and provable, then come back: the headline follows.
    const question = page.getByRole('group', { name: questionText });
    await question.getByRole('radio', { name: /Effective and provable/ }).check();
    await page.goBack();
    await openParts(page);
    const number = page.locator('[data-testid="readiness"] .readiness-number');
    await number.waitFor({ state: 'visible' });
    const expected = Math.round(a.readiness.score + win.readiness_gain);
    const deadline = Date.now() + 5000;
    let shown = '';
    while (Date.now() < deadline) {
      shown = (await number.textContent()).trim();
      if (Number(shown) > a.readiness.score) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(Math.abs(Number(shown) - expected) <= 1, `readiness ${shown}, expected about ${expected}`);
    assert.ok(!(await page.locator('.win').evaluateAll((els) => els.map((el) => el.dataset.question))).includes(win.question));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [name, width] of [['phone', 360], ['tablet', 768], ['desktop', 1280]]) {
    it(`fits a ${width} px wide screen`, async () => {
      const { context, page, errors } = await openResults('ai-provider-hiring', { width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      await shot(page, `results-${name}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
