// End-to-end checks of issue 11 against the release build in dist/: a direct "not in place" answer
// wins over a neighbouring security practice (the head start is explained and its credit is the
// stated share), and the baseline (ISO 27001 / SOC 2) changes the suggestions, the flags and the
// published figures shown — while no result is shown before enough is answered.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { appMounted, expectText, openParts, repoRoot, seedStorage, servedApp, shot, watchErrors } from './support.mjs';

const STORAGE_KEY = 'carryover.answers';
const INTAKE = ['soc2', 'iso27001', 'airmf', 'roles', 'subjects', 'ai_systems', 'consequential', 'eu', 'driver', 'integration', 'cert_body'];

function fixturePath(name) {
  return join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`);
}

function fixture(name) {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8'));
}

/** The CLI's assessment for an answers document (written to a temporary file). */
function cliScore(doc) {
  const out = execFileSync(
    'cargo',
    ['run', '--quiet', '--locked', '-p', 'carryover-engine', '--bin', 'carryover', '--', 'score', '-'],
    { cwd: repoRoot, encoding: 'utf8', input: JSON.stringify(doc), maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out).assessment;
}

async function go(page, hash) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

describe('issue 11: direct answers win, the baseline counts', () => {
  const app = servedApp();

  async function open(doc, hash, viewport = { width: 1280, height: 900 }) {
    const context = await app.browser.newContext({ viewport });
    await seedStorage(context, STORAGE_KEY, JSON.stringify(doc));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}${hash}`);
    await appMounted(page);
    return { context, page, errors };
  }

  it('AI policy not in place beside a provable security policy: 5.2 explains a head start at its stated share', async () => {
    const doc = fixture('mature-iso27001-no-ai-governance');
    assert.equal(doc.answers.ai_policy, 'not_in_place');
    assert.equal(doc.answers.security_governance, 'effective_and_provable');
    const a = cliScore(doc);
    const r = a.requirements.find((x) => x.id === '5.2');
    const best = r.support[r.best];
    assert.equal(best.question, 'security_governance');
    assert.equal(best.relation, 'partial');
    assert.equal(r.credit, best.share, 'the credit is the stated share');

    const { context, page, errors } = await open(doc, '#results');
    await openParts(page);
    const row = page.locator('.req[data-requirement="5.2"]');
    await row.locator('summary').click();
    const why = row.locator('.req-why');
    await expectText(why, 'Head start from');
    await expectText(why, `at most ${Math.round(best.share * 100)}% of this requirement`);
    await expectText(why, 'approval, publication and review');
    const bestRow = row.getByRole('row').filter({ has: page.locator('.best-mark') });
    assert.equal(await bestRow.count(), 1);
    await expectText(bestRow.getByRole('cell').last(), best.share.toFixed(2));
    await shot(page, 'model-head-start');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('suggestions follow the baseline, count only once confirmed, and no result is shown before enough is answered', async () => {
    const full = fixture('mature-iso27001-no-ai-governance');
    const answers = Object.fromEntries(INTAKE.map((k) => [k, full.answers[k]]));
    assert.equal(answers.iso27001, 'certified');
    const doc = { ...full, answers };
    const { context, page, errors } = await open(doc, '#q/program');
    const audit = page.locator('fieldset[data-question="internal_audit"]');
    await expectText(audit, 'Suggested from your ISO 27001 certification — confirm or change');
    await expectText(audit, 'does not count until you confirm it');
    const radio = audit.getByRole('radio', { name: /^Effective and provable/ });
    assert.equal(await radio.isChecked(), false, 'a suggestion is not an answer');
    await shot(page, 'model-suggestion');
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    await audit.getByRole('button', { name: 'Confirm: Effective and provable' }).click();
    await page.waitForFunction(
      () => document.querySelector('fieldset[data-question="internal_audit"] input[value="effective_and_provable"]')?.checked,
    );
    assert.equal(await audit.locator('.suggestion').count(), 0, 'confirmed: the note goes');
    // Autosave writes in the next task, after the screen has updated: wait for the stored answer.
    await page.waitForFunction(
      (k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers?.internal_audit === 'effective_and_provable',
      STORAGE_KEY,
      { timeout: 5000 },
    ).catch(() => {});
    assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).answers.internal_audit, 'effective_and_provable');

    // One practice answered is not enough for a result: the results say what is missing.
    await go(page, '#results');
    await expectText(page.getByRole('heading', { level: 1 }), 'Not enough answers for a result yet');
    assert.equal(await page.locator('[data-testid="readiness"]').count(), 0, 'no score');
    await expectText(page.getByRole('main'), 'Practice questions answered: 1 of the');
    assert.ok((await page.getByRole('link', { name: 'Your existing program' }).count()) > 0, 'links to what is missing');

    // Switch the baseline to SOC 2 Type II only: suggestions come from the SOC 2 report, and only
    // for practices that name SOC 2 criteria.
    await go(page, '#q/intake');
    await page.locator('fieldset[data-question="iso27001"] input[value="none"]').check();
    await page.locator('fieldset[data-question="soc2"] input[value="type2"]').check();
    await go(page, '#q/program');
    await expectText(
      page.locator('fieldset[data-question="change_management"]'),
      'Suggested from your SOC 2 Type II report — confirm or change',
    );
    assert.equal(
      await page.locator('fieldset[data-question="document_control"] .suggestion').count(),
      0,
      'document control names no SOC 2 criterion',
    );
    // A certified or attested organisation confirms the section in one step.
    await page.getByRole('button', { name: /^Confirm all \d+ suggested answers in this section$/ }).click();
    await page.waitForFunction(
      () => document.querySelector('fieldset[data-question="change_management"] input[value="effective_and_provable"]')?.checked,
    );
    assert.equal(await page.locator('form.questions .suggestion').count(), 0, 'every suggestion confirmed');
    assert.equal(
      await page.locator('fieldset[data-question="document_control"] input:checked').count(),
      0,
      'nothing was suggested there, so nothing was answered',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the baseline switches the flags, the confidence and the published figures shown', async () => {
    const doc = fixture('mature-iso27001-no-ai-governance');
    doc.answers.internal_audit = 'in_place_not_effective';
    const { context, page, errors } = await open(doc, '#results');
    await openParts(page);
    const score = (await page.locator('[data-testid="readiness"] .readiness-number').textContent()).trim();
    await expectText(page.locator('.warning[data-warning="certified_inconsistent"]'), 'Your certificate and your answers disagree');
    assert.equal(await page.locator('#results-overlap .published li').count(), 3);
    await expectText(page.locator('#results-confidence'), 'Externally attested');
    assert.equal(await page.locator('#results-confidence [data-confidence="self_assessed"]').count(), 0);

    // SOC 2 Type II only: no certificate, so no inconsistency; only figures about SOC 2, with the
    // note; practices without SOC 2 criteria are self-assessed. The score does not move.
    await go(page, '#q/intake');
    await page.locator('fieldset[data-question="iso27001"] input[value="none"]').check();
    await page.locator('fieldset[data-question="soc2"] input[value="type2"]').check();
    await go(page, '#results');
    await openParts(page);
    assert.equal(await page.locator('.warning[data-warning="certified_inconsistent"]').count(), 0);
    assert.equal(await page.locator('#results-overlap .published li').count(), 1);
    await expectText(page.locator('#results-overlap'), 'Few published figures are about SOC 2 alone');
    await expectText(page.locator('#results-confidence [data-confidence="self_assessed"]'), 'document control');
    assert.equal((await page.locator('[data-testid="readiness"] .readiness-number').textContent()).trim(), score);

    // The method is a part of the results like the others (openParts opened it).
    await expectText(page.getByRole('main').getByRole('heading', { name: 'How this estimate is made' }), 'How this estimate is made');
    await expectText(page.locator('#results-method'), 'What this tool cannot know');
    await shot(page, 'model-baseline-soc2');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const width of [360, 1280]) {
    it(`the new parts fit a ${width} px wide screen`, async () => {
      const doc = fixture('mature-iso27001-no-ai-governance');
      const { context, page, errors } = await open(doc, '#results', { width, height: 800 });
      await openParts(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      await page.locator('#results-confidence').screenshot({ path: join(repoRoot, 'tests/e2e/artifacts', `model-confidence-${width}.png`) });
      await page.locator('#results-method').screenshot({ path: join(repoRoot, 'tests/e2e/artifacts', `model-method-${width}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
