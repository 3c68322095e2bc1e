// Shared set-up for the end-to-end tests: paths, the Chromium launch, and small assertions that
// wait (playwright-core has no `expect`).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, strictCsp } from '../../scripts/lib/static-server.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = resolve(process.env.CARRYOVER_DIST ?? join(repoRoot, 'dist'));
export const offlineFile = resolve(
  process.env.CARRYOVER_OFFLINE ?? join(repoRoot, 'dist-offline/carryover.html'),
);
export const artifacts = join(repoRoot, 'tests/e2e/artifacts');

/** The text of a persona fixture (`crates/engine/tests/fixtures/<name>.json`), as a person saved it. */
export function fixture(name) {
  return readFileSync(join(repoRoot, 'crates/engine/tests/fixtures', `${name}.json`), 'utf8');
}
mkdirSync(artifacts, { recursive: true });

/** Debian's Chromium, never a downloaded one. The flags keep it off the network and work as root. */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    ...options,
  });
}

/**
 * Serves dist/ on a free port and launches Chromium for the enclosing `describe` block (registers
 * its `before`/`after` hooks). Use `app.url` and `app.browser` inside the tests.
 */
export function servedApp() {
  const app = { url: undefined, browser: undefined, server: undefined };
  before(async () => {
    app.server = await startServer(distDir, 0);
    app.url = app.server.url;
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Makes `context`'s local storage start with `text` under `key` once (on its first page load
 *  only, so reloads and later navigations see what the app saved). */
/** Two local origins for embedding tests: a host site serving `dir` (a fresh, empty temporary
 *  directory the test writes its host pages into) and the widget serving dist/ under the strict
 *  CSP that lets that host frame it (docs/embedding.md). `close()` stops both and removes `dir`. */
export async function hostAndWidget(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const host = await startServer(dir, 0);
  const widget = await startServer(distDir, 0, { csp: strictCsp(new URL(host.url).origin) });
  return {
    dir,
    host,
    widget,
    async close() {
      await host.close();
      await widget.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function seedStorage(context, key, text) {
  return context.addInitScript(
    ([k, v]) => {
      if (window.sessionStorage.getItem('seeded') === null) {
        window.localStorage.setItem(k, v);
        window.sessionStorage.setItem('seeded', '1');
      }
    },
    [key, text],
  );
}

/** Collects console errors and uncaught page errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Waits until `locator` is visible and its text contains `text`. */
export async function expectText(locator, text, timeout = 10_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  let actual = '';
  while (Date.now() < deadline) {
    actual = (await locator.first().textContent()) ?? '';
    if (actual.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`expected ${JSON.stringify(text)} in ${JSON.stringify(actual)}`);
}

/** Resolves once the app has mounted: `start()` boots in several tasks after the wasm loads
 *  and marks `<html data-app="mounted">` when the app has replaced the skeleton. */
export async function appMounted(page, timeout = 15_000) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'mounted', null, { timeout });
}

/** Resolves once `<html data-takeaway>` (the take-away module's progress: idle, loading, ready,
 *  failed; see src/takeaway.rs) is `state`. */
export async function takeAwayIs(page, state, timeout = 15_000) {
  await page.waitForFunction((s) => document.documentElement.dataset.takeaway === s, state, { timeout });
}

export function shot(page, name) {
  return page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * The user journey every build must support: start page → Start → first section → choose →
 * the save indicator says whether it was kept. `within` is a page or a frame locator.
 */
export async function startAndAnswer(page, within, { expectSaved = true } = {}) {
  await expectText(within.getByRole('heading', { level: 1 }), 'Carryover');
  await expectText(within.locator('.promise'), 'ISO/IEC 42001');
  await within.getByRole('link', { name: 'Start' }).click();
  await expectText(within.getByRole('heading', { level: 1 }), 'About your organisation');
  const choice = within.getByRole('radio', { name: 'Type II report' });
  assert.equal(await choice.isChecked(), false, 'nothing is chosen before the user chooses');
  await choice.check();
  await expectText(
    within.getByTestId('save-status'),
    expectSaved ? 'Saved on this device' : 'Not saved — storage unavailable',
  );
  return choice;
}

/**
 * Answers every unanswered question on the current section, generically from the DOM: the
 * third radio of a group (or the last, if fewer), the first checkbox of a checkbox group.
 * Repeats until nothing is left, since answers can reveal more questions.
 */
export async function answerSection(within) {
  for (let round = 0; round < 5; round += 1) {
    const sets = within.locator('form.questions fieldset');
    const n = await sets.count();
    let changed = false;
    for (let i = 0; i < n; i += 1) {
      const set = sets.nth(i);
      if ((await set.locator('input:checked').count()) > 0) continue;
      const radios = set.locator('input[type=radio]');
      const count = await radios.count();
      if (count > 0) await radios.nth(Math.min(2, count - 1)).check();
      else await set.locator('input[type=checkbox]').first().check();
      changed = true;
    }
    if (!changed) return;
  }
}

/** A screenshot of what the viewport shows (what a user sees first), beside the full-page one. */
export function shotTop(page, name) {
  return page.screenshot({ path: join(artifacts, `${name}-top.png`) });
}

/**
 * Opens every closed part of the results (the summary shows first; the parts are `<details>`), so
 * tests that read the detail can see it. Waits until the readiness score in "Readiness by area"
 * is visible and every part, the lazy ones included, has its content.
 */
export async function openParts(page) {
  await page.locator('details.part').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.evaluate(() => document.querySelectorAll('details.part').forEach((d) => { d.open = true; }));
  await page.locator('[data-testid="readiness"]').waitFor({ state: 'visible', timeout: 15_000 });
  // A lazy part (roadmap, net-new, what-if) builds its content on its `toggle` event, which comes
  // in a later task than `open`: wait until every part has content.
  await page.waitForFunction(
    () => [...document.querySelectorAll('details.part > .part-body')].every((b) => b.firstElementChild !== null),
    null,
    { timeout: 15_000 },
  );
}

/** From the results, opens the task plan's own view and waits for its list. */
export async function showTasks(page) {
  await page.getByTestId('tasks-link').click();
  await page.locator('[data-testid="task-list"]').waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Answers every section (see `answerSection`) and follows Next to the results: no result is shown
 * before the intake and enough practices are answered (issue 11).
 */
export async function answerAll(within) {
  for (let section = 0; section < 10; section += 1) {
    await answerSection(within);
    const next = within.getByTestId('next');
    const label = (await next.textContent()) ?? '';
    await next.click();
    if (label.includes('See results')) return;
  }
  throw new Error('no "See results" after ten sections');
}
