// End-to-end tests of the AI system register (issue 16) against the release build in dist/, by
// roles and accessible names: the step after the intake, three systems added (a hiring screener,
// an internal code assistant, a customer chat bot), each one's triage and priority in the list and
// in the results, reorder and remove by keyboard-reachable buttons, reload and find them, names
// in any Unicode escaped, axe on the step, screenshots at 360 and 1280 px.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  appMounted,
  expectText,
  repoRoot,
  seedStorage,
  servedApp,
  shot,
  watchErrors,
} from './support.mjs';

const STORAGE_KEY = 'carryover.answers';

/** RFC 4180 records (quotes doubled inside quotes, CRLF), after the byte order mark. */
function parseCsv(text) {
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 byte order mark');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; } else if (c !== '\r') field += c;
  }
  return records;
}

function fixture(name) {
  return readFileSync(join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`), 'utf8');
}

const SYSTEMS = [
  {
    name: 'Hiring screener <b>&',
    answers: [
      ['What does it do?', 'Classifies or detects', 'checkbox'],
      ['Our role for this system', 'User: we use it in our own operations', 'checkbox'],
      ['Our role for this system', 'Customer: we buy or license it from a vendor', 'checkbox'],
      ['Do its outputs affect people?', 'Yes', 'radio'],
      ['Does it make or shape decisions in one of these areas?', 'Employment (recruiting, promotion, task allocation, monitoring workers)', 'radio'],
      ['Does it profile people?', 'Yes', 'radio'],
    ],
    category: 'High-risk',
    priority: 'High',
    tier: 'High-risk: Annex III area with profiling',
    articles: 'Art. 6(2), Art. 6(3), Annex III point 4',
  },
  {
    name: 'Internal code assistant — ассистент 🤖',
    answers: [
      ['What does it do?', 'Writes or reviews code', 'checkbox'],
      ['Our role for this system', 'User: we use it in our own operations', 'checkbox'],
      ['Do its outputs affect people?', 'No', 'radio'],
      ['Is it built on a general-purpose AI model?', 'Yes, on a vendor\'s model', 'radio'],
    ],
    category: 'Minimal risk',
    priority: 'Low',
    tier: 'Minimal risk',
    articles: 'Art. 4',
  },
  {
    name: 'Customer chat bot',
    answers: [
      ['What does it do?', 'Answers people in a conversation', 'checkbox'],
      ['Our role for this system', 'Provider: we offer it to others', 'checkbox'],
      ['Do its outputs affect people?', 'Yes', 'radio'],
      ['Do people interact with it, or does it generate content?', 'People interact with it directly (for example a chat bot)', 'checkbox'],
    ],
    category: 'Transparency obligations',
    priority: 'Medium',
    tier: 'Transparency obligations',
    articles: 'Art. 50',
  },
];

describe('the AI system register', () => {
  const app = servedApp();

  async function open(viewport) {
    const context = await app.browser.newContext({ viewport, acceptDownloads: true });
    await seedStorage(context, STORAGE_KEY, fixture('ai-provider-hiring'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}#q/intake`);
    await appMounted(page);
    return { context, page, errors };
  }

  async function addSystem(page, system) {
    await page.getByRole('button', { name: 'Add an AI system' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    // Focus lands in the new system's name field.
    await page.waitForFunction(() => document.activeElement?.dataset?.field === 'name');
    await name.fill(system.name);
    for (const [group, label, role] of system.answers) {
      await page.getByRole('group', { name: group }).getByRole(role, { name: label, exact: true }).check();
    }
    await page.getByRole('button', { name: `Done with ${system.name}` }).click();
  }

  for (const [width, height] of [[1280, 900], [360, 740]]) {
    it(`adds three systems, shows each one's triage and priority, and keeps them (${width} px)`, async () => {
      const { context, page, errors } = await open({ width, height });
      // The step comes right after the intake.
      await page.getByTestId('next').click();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
      await expectText(page.locator('#register-limits'), 'Up to 50 systems; names and owners up to 80 characters.');
      for (const s of SYSTEMS) await addSystem(page, s);
      await expectText(page.locator('.register-count'), '3 of 50 systems listed.');
      for (const s of SYSTEMS) {
        const item = page.getByRole('article', { name: s.name });
        await expectText(item.locator('.register-summary'), `${s.category} · impact-assessment priority ${s.priority}`);
      }
      // Names are text, never markup.
      assert.equal(await page.locator('.register-list b').count(), 0);
      const axe = await new AxeBuilder({ page }).include('main').analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await shot(page, `register-step-${width}`);

      // Reorder by button: the chat bot moves up one place, and focus stays on a move button.
      await page.getByRole('button', { name: 'Move Customer chat bot up' }).click();
      await expectText(page.getByRole('status').filter({ hasText: 'is now number' }), 'Customer chat bot is now number 2 of 3.');
      const order = await page.locator('.register-name').allTextContents();
      assert.deepEqual(order, [SYSTEMS[0].name, SYSTEMS[2].name, SYSTEMS[1].name]);

      // The results: each system with its triage, articles and priority, highest priority first.
      await page.evaluate(() => { window.location.hash = '#results'; });
      const part = page.locator('#results-systems');
      await part.waitFor({ state: 'attached', timeout: 15_000 });
      await page.evaluate(() => { document.getElementById('results-systems').open = true; });
      for (const s of SYSTEMS) {
        const item = part.getByRole('article', { name: s.name });
        await expectText(item, `Impact-assessment priority: ${s.priority}`);
        await expectText(item, s.tier);
        await expectText(item.locator('.system-articles'), `Rests on: ${s.articles}`);
      }
      await expectText(part, 'Preliminary triage, not legal advice.');
      const shown = await part.locator('.system-result h3').allTextContents();
      assert.deepEqual(shown, [SYSTEMS[0].name, SYSTEMS[2].name, SYSTEMS[1].name], 'impact-assessment priority order');
      await expectText(part, 'Per-system work for it');

      // The register CSV: one row per system, parsed back.
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'AI system register (CSV)' }).click(),
      ]);
      assert.equal(file.suggestedFilename(), 'carryover-ai-system-register.csv');
      const rows = parseCsv(readFileSync(await file.path(), 'utf8'));
      assert.equal(rows.length, 4);
      const col = (name) => rows[0].indexOf(name);
      assert.deepEqual(rows.slice(1).map((r) => r[col('AI system')]), [SYSTEMS[0].name, SYSTEMS[2].name, SYSTEMS[1].name]);
      for (const s of SYSTEMS) {
        const row = rows.find((r) => r[col('AI system')] === s.name);
        assert.equal(row[col('Triage category')], s.category);
        assert.equal(row[col('Impact-assessment priority')], s.priority);
        assert.equal(row[col('Preliminary EU AI Act triage')], s.tier);
      }
      await shot(page, `register-results-${width}`);

      // Reload: the systems are still there, in their order.
      await page.reload();
      await appMounted(page);
      await page.evaluate(() => { window.location.hash = '#register'; });
      await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
      const again = await page.locator('.register-name').allTextContents();
      assert.deepEqual(again, [SYSTEMS[0].name, SYSTEMS[2].name, SYSTEMS[1].name]);
      const stored = JSON.parse(await page.evaluate((k) => window.localStorage.getItem(k), STORAGE_KEY));
      assert.equal(stored.register.systems.length, 3);

      // Remove one: announced, and focus goes back to "Add an AI system".
      await page.getByRole('button', { name: `Remove ${SYSTEMS[1].name}` }).click();
      await expectText(page.getByRole('status').filter({ hasText: 'Removed' }), `Removed ${SYSTEMS[1].name}.`);
      await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'register-add');
      await expectText(page.locator('.register-count'), '2 of 50 systems listed.');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('keeps the organisation-level answers working without a register', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 900 });
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await expectText(page.locator('.register-empty'), 'How many AI systems would be in scope?');
    await page.getByTestId('next').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your existing program');
    await page.getByTestId('back').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Your AI systems');
    await page.evaluate(() => { window.location.hash = '#results'; });
    await page.locator('#results-systems').waitFor({ state: 'attached', timeout: 15_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
