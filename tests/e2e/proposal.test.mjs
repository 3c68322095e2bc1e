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
  artifacts,
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
    const context = await browser.newContext({ viewport, acceptDownloads: true });
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
      // carryover.config.json arrives after the app mounts; until then the default budget shows.
      await page.getByRole('link', { name: /in year one/ }).waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
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
    const earlier = 'nothing-in-place';
    const current = 'soc2-type2-only';
    // The CLI first: if it fails, no server is left open to keep the test process alive.
    const diff = JSON.parse(cli('diff', fixturePath(earlier), fixturePath(current), '--json')).diff;
    const server = await serveWithConfig({});
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

  /** Downloads one of "Take it with you"'s files by its button's name and returns its text. */
  async function download(page, name) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
    const path = join(artifacts, `proposal-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  it('explains the money in the method, and puts it in the report and the task plan CSV', async () => {
    const fixture = 'soc2-type2-only';
    const effort = JSON.parse(cli('score', fixturePath(fixture))).assessment.effort;
    const server = await serveWithConfig({ day_rate: 1000, currency: 'EUR', audit_fee: [15000, 30000] });
    try {
      const { context, page, errors } = await openResults(server.url, fixture);
      await page.getByRole('heading', { name: 'How this estimate is made' }).click();
      const method = page.locator('details#results-method');
      await expectText(method.getByRole('heading', { name: 'Money' }), 'Money');
      await expectText(method, 'In-house day rate: €1,000 per person-day. Sources: set by the site you are using');
      await expectText(method, 'Surveillance audit, each later year: €9,800–€13,000');
      await expectText(method, 'ISO 42001 certification: frequently asked questions (audit cost) (an accredited');
      await page.getByRole('heading', { name: 'Take it with you' }).click();
      const total = `${money(effort.days_low * 1000 + 15000, '€')}–${money(effort.days_high * 1000 + 30000, '€')}`;
      const md = await download(page, 'Report (Markdown)');
      assert.match(md, /\n## Budget\n/);
      assert.ok(md.includes(`| Total, year one | ${total} |`), 'the report has the year-one total');
      assert.ok(md.includes(`- ≈ ${total.replace('–', '–')} in year one`), 'and the cover line');
      assert.ok(md.includes('### Money'), 'and the method appendix explains it');
      const csv = await download(page, 'Task plan (CSV)');
      const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.ok(header.endsWith(',Cost (EUR)'), header);
      assert.ok(rows.length > 10 && rows.every((r) => /,\d+$/.test(r)), 'each task ends in its cost');
      // The printed report is the same model: the Budget section is on paper too (built when
      // printing: page.pdf fires beforeprint).
      await page.pdf();
      assert.equal(await page.getByTestId('print-report').locator('#budget h2').textContent(), 'Budget');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('names no amount anywhere with show_budget: false: method, report, print and CSV', async () => {
    const server = await serveWithConfig({ show_budget: false, day_rate: 900, include_budget: true });
    try {
      const { context, page, errors } = await openResults(server.url, 'soc2-type2-only');
      await page.getByRole('heading', { name: 'How this estimate is made' }).click();
      const method = page.locator('details#results-method');
      await expectText(method, 'The constants and where they come from');
      // carryover.config.json arrives after the app mounts; until then the default budget shows.
      await method.getByRole('heading', { name: 'Money' }).waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
      assert.equal(await method.getByRole('heading', { name: 'Money' }).count(), 0);
      assert.equal(await method.getByText(/day rate/).count(), 0);
      await page.getByRole('heading', { name: 'Take it with you' }).click();
      const md = await download(page, 'Report (Markdown)');
      assert.ok(!/\$\d|Budget|year one|day rate/.test(md), 'no money in the report');
      const html = await download(page, 'Report (HTML)');
      assert.ok(!/\$\d|id="budget"/.test(html), 'nor in its HTML');
      const csv = await download(page, 'Task plan (CSV)');
      assert.ok(!csv.includes('Cost ('), 'no cost column');
      await page.pdf();
      assert.match(await page.getByTestId('print-report').locator('.report').textContent(), /Statement of Applicability \(draft\)/);
      assert.equal(await page.getByTestId('print-report').locator('#budget').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await server.close();
    }
  });

  /** A host page in the served copy that frames the app and records its messages. */
  async function framedCompleted(config) {
    const copy = mkdtempSync(join(tmpdir(), 'carryover-proposal-host-'));
    cpSync(distDir, copy, { recursive: true });
    writeFileSync(join(copy, 'carryover.config.json'), JSON.stringify(config));
    writeFileSync(
      join(copy, 'host.html'),
      `<!doctype html><title>Host</title><link rel="icon" href="data:,">
       <script>window.events = []; addEventListener('message', (e) => window.events.push(e.data));</script>
       <iframe src="./?embed=1#start" title="Carryover" style="width:100%;height:700px"></iframe>`,
    );
    const server = await startServer(copy, 0);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await seedStorage(context, STORAGE_KEY, readFileSync(fixturePath('soc2-type2-only'), 'utf8'));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${server.url}host.html`);
      await page.waitForFunction(() => window.events.some((e) => e.type === 'ready'), null, { timeout: 15_000 });
      // From the start page to the results: a `completed` message.
      await page.frames()[1].evaluate(() => { window.location.hash = '#results'; });
      await page.waitForFunction(() => window.events.some((e) => e.type === 'completed'), null, { timeout: 15_000 });
      const completed = await page.evaluate(() => window.events.find((e) => e.type === 'completed'));
      assert.deepEqual(errors, []);
      await context.close();
      return completed;
    } finally {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  }

  it('sends the year-one budget in `completed` only when opted in and money is shown', async () => {
    const effort = JSON.parse(cli('score', fixturePath('soc2-type2-only'))).assessment.effort;
    const opted = await framedCompleted({
      include_budget: true, day_rate: 1000, currency: 'EUR', audit_fee: [15000, 30000],
    });
    assert.equal(opted.budget.currency, 'EUR');
    assert.equal(opted.budget.low, Math.round((effort.days_low * 1000 + 15000) / 1000) * 1000);
    assert.equal(opted.budget.high, Math.round((effort.days_high * 1000 + 30000) / 1000) * 1000);
    const plain = await framedCompleted({ day_rate: 1000 });
    assert.ok(!('budget' in plain), 'no budget without include_budget');
    const hidden = await framedCompleted({ include_budget: true, show_budget: false });
    assert.ok(!('budget' in hidden), 'no budget when money is hidden');
  });

  it('compares with a pasted share link, and refuses a bad link with the reason', async () => {
    const earlier = 'nothing-in-place';
    const current = 'soc2-type2-only';
    const diff = JSON.parse(cli('diff', fixturePath(earlier), fixturePath(current), '--json')).diff;
    const fragment = cli('share', fixturePath(earlier)).trim();
    const server = await serveWithConfig({});
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
        const { context, page, errors } = await openResults(server.url, current, viewport);
        const before = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
        await page.getByRole('heading', { name: 'Compare with an earlier assessment' }).click();
        const field = page.getByRole('textbox', { name: 'Or an earlier share link' });
        await field.fill(`https://scorecard.example/carryover/#share=${fragment}`);
        await page.getByRole('button', { name: 'Compare with this link' }).click();
        const result = page.getByRole('status').filter({ hasText: 'Since the shared link:' });
        await result.waitFor({ timeout: 15_000 });
        await expectText(result, `Readiness: ${diff.readiness.before} → ${diff.readiness.after}`);
        await expectText(result, `Requirements whose status changed (${diff.statuses.length})`);
        await expectText(result, `Answers that changed (${diff.answers.length})`);
        await shot(page, `proposal-compare-link-${viewport.width}`);
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), before);
        assert.equal(await page.evaluate(() => window.location.hash), '#results', 'the link is not followed');
        // The bare payload works too (Enter submits).
        await result.getByRole('button', { name: 'Clear the comparison' }).click();
        await field.fill(fragment);
        await field.press('Enter');
        await result.waitFor({ timeout: 15_000 });
        // A link from another version, and a damaged one: refused with the engine's reason.
        await field.fill('https://scorecard.example/#share=v9.abc');
        await page.getByRole('button', { name: 'Compare with this link' }).click();
        const alert = page.getByRole('alert').filter({ hasText: 'The share link could not be compared' });
        await expectText(alert, 'made by a different version of Carryover (format `v9`)');
        await field.fill(`${fragment.slice(0, -12)}`);
        await page.getByRole('button', { name: 'Compare with this link' }).click();
        await expectText(alert, 'Copy the whole link again.');
        assert.equal(await page.getByTestId('compare-result').count(), 0);
        await shot(page, `proposal-compare-link-refused-${viewport.width}`);
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), before);
        assert.deepEqual(errors, []);
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});
