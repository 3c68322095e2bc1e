// End-to-end tests of issue 17 (from scorecard to proposal) against the release build in dist/:
// the budget with and without a config file (and hidden by `show_budget: false`), each what-if
// opened and closed, and an earlier answers file compared with the current answers (which stay).
// Figures are checked against the command-line scorer's numbers for the same fixture.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../scripts/lib/static-server.mjs';
import {
  appMounted,
  distDir,
  expectText,
  launchChromium,
  repoRoot,
  seedStorage,
  shot,
  watchErrors,
} from './support.mjs';

const STORAGE_KEY = 'carryover.answers';

function fixturePath(name) {
  return join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`);
}

function cli(...args) {
  return execFileSync(
    'cargo',
    ['run', '--quiet', '--locked', '-p', 'carryover-engine', '--bin', 'carryover', '--', ...args],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Money as the engine rounds it: to 100 below 10,000, else to 1,000; en grouping. */
function money(x, symbol) {
  const step = x < 10_000 ? 100 : 1_000;
  const n = Math.round(x / step) * step;
  return `${symbol}${n.toLocaleString('en-US')}`;
}

/** The summary's short form: thousands as k, millions as M (one decimal) from 10,000 up. */
function short(x, symbol) {
  if (x < 10_000) return money(x, symbol);
  if (x >= 1_000_000) return `${symbol}${Math.round(x / 100_000) / 10}M`;
  return `${symbol}${Math.round(x / 1_000)}k`;
}

/** Serves a copy of dist/ with the given carryover.config.json. */
async function serveWithConfig(config) {
  const copy = mkdtempSync(join(tmpdir(), 'carryover-proposal-'));
  cpSync(distDir, copy, { recursive: true });
  writeFileSync(join(copy, 'carryover.config.json'), JSON.stringify(config));
  const server = await startServer(copy, 0);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

describe('from scorecard to proposal', () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function openResults(url, fixture, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport });
    await seedStorage(context, STORAGE_KEY, readFileSync(fixturePath(fixture), 'utf8'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${url}#results`);
    await appMounted(page);
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor({ timeout: 15_000 }).catch(() => {});
    return { context, page, errors };
  }

  it('shows the budget from the config file, explained in its part', async () => {
    const fixture = 'soc2-type2-only';
    const effort = JSON.parse(cli('score', fixturePath(fixture))).assessment.effort;
    const server = await serveWithConfig({ day_rate: 1000, currency: 'EUR', audit_fee: [15000, 30000] });
    try {
      const { context, page, errors } = await openResults(server.url, fixture);
      const low = money(effort.days_low * 1000 + 15000, '€');
      const high = money(effort.days_high * 1000 + 30000, '€');
      const lowShort = short(effort.days_low * 1000 + 15000, '€');
      const highShort = short(effort.days_high * 1000 + 30000, '€');
      const line = page.getByRole('link', { name: `≈ ${lowShort}–${highShort} in year one` });
      await line.waitFor({ timeout: 15_000 });
      await line.click();
      const part = page.locator('details#results-budget');
      assert.equal(await part.getAttribute('open'), '', 'the link opens the budget part');
      await expectText(part.getByRole('heading', { name: 'Budget' }), 'Budget');
      await expectText(part.getByTestId('budget-total'), `${low}–${high}`);
      await expectText(part.getByRole('rowheader', { name: /Your team's time/ }), `× €1,000 a day`);
      await expectText(part.getByRole('rowheader', { name: /Certification audit/ }), 'stage 1');
      await shot(page, 'proposal-budget-1280');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('uses the sourced defaults without a config file, and hides money with show_budget: false', async () => {
    const fixture = 'nothing-in-place';
    const effort = JSON.parse(cli('score', fixturePath(fixture))).assessment.effort;
    const plain = await serveWithConfig({});
    try {
      const { context, page, errors } = await openResults(plain.url, fixture);
      // Defaults (content/budget.toml): $800 a day, stage 1 + 2 audit $20,000–$45,000.
      const low = short(effort.days_low * 800 + 20000, '$');
      const high = short(effort.days_high * 800 + 45000, '$');
      await page.getByRole('link', { name: `≈ ${low}–${high} in year one` }).waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { name: 'Budget' }).click();
      await expectText(
        page.getByTestId('budget-total'),
        `${money(effort.days_low * 800 + 20000, '$')}–${money(effort.days_high * 800 + 45000, '$')}`,
      );
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await plain.close();
    }
    const hidden = await serveWithConfig({ show_budget: false, day_rate: 900 });
    try {
      const { context, page, errors } = await openResults(hidden.url, fixture);
      await page.getByTestId('glance-months').waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { name: 'What if: other ways to get there' }).waitFor();
      assert.equal(await page.getByRole('link', { name: /in year one/ }).count(), 0, 'no budget line');
      assert.equal(await page.locator('#results-budget').count(), 0, 'no budget part');
      assert.equal(await page.getByText(/\$\d/).count(), 0, 'no money anywhere');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await hidden.close();
    }
  });

  it('opens and closes each what-if, side by side, with what would have to differ', async () => {
    const server = await serveWithConfig({});
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
        const { context, page, errors } = await openResults(server.url, 'soc2-type2-only', viewport);
        await page.getByRole('heading', { name: 'What if: other ways to get there' }).click();
        const cases = [
          ['Compare: Extend your ISMS or run a separate AI management system', ['Extend the ISMS', 'Separate AI management system']],
          ['Compare: With the biggest wins done first', ['As answered', 'Biggest wins done']],
          ['Compare: ISO 27001 first, then ISO 42001, or ISO 42001 directly', ['ISO 42001 directly', 'ISO 27001 first, then ISO 42001']],
        ];
        for (const [name, columns] of cases) {
          const details = page.locator('details.whatif').filter({
            has: page.locator('summary', { hasText: name }),
          });
          const summary = details.locator('> summary');
          assert.equal(await details.getAttribute('open'), null, `${name} starts closed`);
          await summary.click();
          assert.equal(await details.getAttribute('open'), '', `${name} opens`);
          const table = details.getByRole('table');
          for (const c of columns) {
            await table.getByRole('columnheader', { name: new RegExp(c.replace(/[()]/g, '.')) }).waitFor();
          }
          await table.getByRole('rowheader', { name: 'Readiness' }).waitFor();
          await details.getByRole('heading', { name: /What you would need to answer differently/ }).first().waitFor();
          if (name.includes('ISO 27001 first')) {
            await expectText(details, "Where do you stand with ISO/IEC 27001? — We don't follow it → Certified");
            await shot(page, `proposal-whatif-${viewport.width}`);
          }
          await summary.click();
          assert.equal(await details.getAttribute('open'), null, `${name} closes`);
        }
        assert.deepEqual(errors, []);
        await context.close();
      }
    } finally {
      await server.close();
    }
  });

  it('compares an earlier answers file with the current answers without replacing them', async () => {
    const server = await serveWithConfig({});
    const earlier = 'nothing-in-place';
    const current = 'soc2-type2-only';
    const diff = JSON.parse(cli('diff', fixturePath(earlier), fixturePath(current), '--json')).diff;
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
        const { context, page, errors } = await openResults(server.url, current, viewport);
        const before = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
        await page.getByRole('heading', { name: 'Compare with an earlier assessment' }).click();
        await page.getByLabel('Earlier answers file').setInputFiles(fixturePath(earlier));
        const result = page.getByRole('status').filter({ hasText: 'Since nothing-in-place.json' });
        await result.waitFor({ timeout: 15_000 });
        await expectText(result, `Readiness: ${diff.readiness.before} → ${diff.readiness.after}`);
        const [bl, bh] = diff.days_range.before;
        const [al, ah] = diff.days_range.after;
        await expectText(result, `Person-days: ${bl}–${bh} → ${al}–${ah}`);
        await expectText(result, `Requirements whose status changed (${diff.statuses.length})`);
        await expectText(result, `Answers that changed (${diff.answers.length})`);
        assert.equal(await result.locator('[data-testid="compare-statuses"] li').count(), diff.statuses.length);
        await shot(page, `proposal-compare-${viewport.width}`);
        // The current answers are untouched: same stored document, same results.
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), before);
        await result.getByRole('button', { name: 'Clear the comparison' }).click();
        assert.equal(await page.getByTestId('compare-result').count(), 0);
        // A file that is not an answers document is refused with the reason; nothing changes.
        await page.getByLabel('Earlier answers file').setInputFiles({
          name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]'),
        });
        await expectText(page.getByRole('alert').filter({ hasText: 'notes.json' }), 'could not be compared');
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), before);
        assert.deepEqual(errors, []);
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});
