// Browser half of scripts/bench: Lighthouse (3× mobile, 3× desktop) and in-browser timings for
// Carryover's dist/ and the SurveyJS comparison page, both served by bench/lib/server.mjs
// (brotli/gzip by Accept-Encoding). Prints the medians side by side with ratios Carryover / SurveyJS
// and writes everything to target/bench/latest.json. Numbers only: no pass/fail.
//
// node bench/lib/run.mjs CARRYOVER_DIR SURVEYJS_DIR
// Environment: BENCH_RUNS (Lighthouse runs per form factor, default 3), BENCH_ROUNDS (answer-click
// rounds, default 3), BENCH_LOADS (navigation → first question loads, default 5), BENCH_SKIP_LH=1.

import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startCompressedServer } from './server.mjs';

const run = promisify(execFile);
const [carryoverDir = 'dist', surveyDir = 'target/bench/surveyjs'] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const QUIET_CHROME = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'];

const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

// ── Lighthouse ──────────────────────────────────────────────────────────────────────────────────
async function lighthouse(url, preset) {
  const out = join(tmpdir(), `carryover-lh-${process.pid}-${Date.now()}.json`);
  const args = [url, '--output=json', `--output-path=${out}`, '--quiet',
    '--only-categories=performance,accessibility',
    `--chrome-flags=--headless=new ${QUIET_CHROME.join(' ')}`];
  if (preset === 'desktop') args.push('--preset=desktop');
  await run('./node_modules/.bin/lighthouse', args, {
    env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20, timeout: 180_000,
  });
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const a = (id) => lhr.audits[id]?.numericValue;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    fcp: a('first-contentful-paint'),
    lcp: a('largest-contentful-paint'),
    tbt: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    transfer: a('total-byte-weight'),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
  };
}

const METRICS = [
  ['performance', 'performance score', (v) => v.toFixed(0)],
  ['fcp', 'FCP (ms)', (v) => v.toFixed(0)],
  ['lcp', 'LCP (ms)', (v) => v.toFixed(0)],
  ['tbt', 'TBT (ms)', (v) => v.toFixed(0)],
  ['cls', 'CLS', (v) => v.toFixed(3)],
  ['transfer', 'transfer (bytes)', (v) => v.toFixed(0)],
  ['accessibility', 'accessibility score', (v) => v.toFixed(0)],
];

const ratio = (a, b) => (b === 0 ? (a === 0 ? '—' : '∞') : `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×`);

function table(title, colA, colB, rows) {
  const lines = [title, `${''.padEnd(26)}${colA.padStart(12)}${colB.padStart(12)}${'ratio'.padStart(10)}`];
  for (const [label, a, b, fmt, r = true] of rows) {
    lines.push(`${label.padEnd(26)}${fmt(a).padStart(12)}${fmt(b).padStart(12)}${(r ? ratio(a, b) : '').padStart(10)}`);
  }
  return lines.join('\n');
}

// ── In-browser timings ──────────────────────────────────────────────────────────────────────────
const READY = () => [...document.querySelectorAll('input[type=radio]')]
  .some((i) => !i.disabled && i.getClientRects().length > 0);

// Bytes the page received over the network (compressed bodies, as served) for the document and
// every resource that had finished loading by `until` (ms since navigation start; all when null).
function bytesLoaded(until) {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  let bytes = 0;
  const files = [];
  for (const e of entries) {
    if (until != null && e.responseEnd > until) continue;
    bytes += e.encodedBodySize || 0;
    files.push([e.name.replace(/^.*\//, '') || 'index.html', e.encodedBodySize || 0]);
  }
  return { bytes, files };
}

// One fresh load: ms from navigation to the first interactive question, the bytes loaded by then
// (first load) and once the page is idle a second later (everything it fetched on its own), and
// Carryover's content decode time (its `carryover:content-decode` performance measure).
async function firstQuestion(browser, url, start) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  if (start) {
    await page.locator('a[href*="#q"], a[href="#question"]').filter({ hasText: /start/i }).first().click();
  }
  await page.waitForFunction(READY, null, { polling: 'raf', timeout: 30_000 });
  const ms = await page.evaluate(() => performance.now());
  const first = await page.evaluate(bytesLoaded, ms);
  await page.waitForTimeout(1000);
  const idle = await page.evaluate(bytesLoaded, null);
  const decode = await page.evaluate(() => performance.getEntriesByName('carryover:content-decode')[0]?.duration ?? null);
  await ctx.close();
  return { ms, firstLoad: first.bytes, firstFiles: first.files, idleLoad: idle.bytes, decode };
}

// Clicks the first radio of every visible, unanswered radio group on the current screen, one at a
// time, and times click → the moment the watched element's text changes (seen by a
// MutationObserver, i.e. after the app has updated the DOM). Returns the times in ms.
function answerScreen(watch) {
  const visibleGroups = () => {
    const seen = new Map();
    for (const i of document.querySelectorAll('input[type=radio]')) {
      if (!i.name || i.disabled || !i.getClientRects().length || seen.has(i.name)) continue;
      seen.set(i.name, i);
    }
    return [...seen].filter(([name]) =>
      !document.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`));
  };
  const clickOnce = (input) => new Promise((resolve) => {
    const before = document.querySelector(watch)?.textContent;
    let t0 = 0;
    const obs = new MutationObserver(() => {
      const w = document.querySelector(watch);
      if (w && w.textContent === before) return;
      const t1 = performance.now();
      obs.disconnect();
      clearTimeout(timer);
      resolve(t1 - t0);
    });
    const timer = setTimeout(() => { obs.disconnect(); resolve(null); }, 2000);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    t0 = performance.now();
    input.click();
  });
  return (async () => {
    const times = [];
    for (let guard = 0; guard < 200; guard++) {
      const groups = visibleGroups();
      if (!groups.length) break;
      const t = await clickOnce(groups[0][1]);
      if (t != null) times.push(t);
      else break; // no visible update: stop rather than loop
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  })();
}

// Times the switch to the results screen after every answer is given: `location.hash` set →
// the whole results screen (engine assessment of all answers, charts, requirement list) is in the
// DOM. Returns ms.
function openResults() {
  return new Promise((resolve) => {
    // A result needs the whole intake; never wait forever (null = the screen did not come).
    setTimeout(() => { obs.disconnect(); resolve(null); }, 15_000);
    const done = () => document.querySelector('[data-testid="readiness"]')
      && document.querySelector('[data-testid="showing"]');
    const obs = new MutationObserver(() => {
      if (!done()) return;
      obs.disconnect();
      resolve(performance.now() - t0);
    });
    obs.observe(document.body, { subtree: true, childList: true });
    const t0 = performance.now();
    location.hash = '#results';
  });
}

async function clicksCarryover(browser, url, sections) {
  const times = [];
  times.results = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    for (const id of sections) {
      await page.evaluate((h) => { location.hash = h; }, `#q/${id}`);
      await page.waitForFunction(READY, null, { polling: 'raf', timeout: 15_000 });
      times.push(...await page.evaluate(answerScreen, '[data-testid="progress"], progress, [role="progressbar"]'));
      // Multi-choice questions (checkboxes) are not timed, but the results need the whole intake.
      await page.evaluate(async () => {
        const groups = new Map();
        for (const i of document.querySelectorAll('input[type=checkbox]')) {
          const key = i.closest('fieldset') ?? i.name;
          if (!i.disabled && i.getClientRects().length && !groups.has(key)) groups.set(key, i);
        }
        for (const [key, i] of groups) {
          const box = key instanceof Element ? key : document;
          if (box.querySelector('input[type=checkbox]:checked')) continue;
          i.click();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }
      });
    }
    await page.waitForTimeout(100);
    times.results.push(await page.evaluate(openResults));
    await ctx.close();
  }
  return times;
}

async function clicksSurvey(browser, url) {
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(READY, null, { polling: 'raf', timeout: 30_000 });
    const pages = await page.evaluate(() => model.visiblePages.length);
    for (let p = 0; p < pages; p++) {
      await page.evaluate((n) => { model.currentPageNo = n; }, p);
      await page.waitForFunction(READY, null, { polling: 'raf', timeout: 15_000 });
      times.push(...await page.evaluate(answerScreen, '.sd-progress__text, .sv-progress__text, [role="progressbar"]'));
    }
    await ctx.close();
  }
  return times;
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────
const sections = [...readFileSync('content/questionnaire.toml', 'utf8')
  .matchAll(/^\[\[section\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
const carry = await startCompressedServer(carryoverDir);
const survey = await startCompressedServer(surveyDir);
const result = { date: new Date().toISOString(), runs: RUNS, lighthouse: {}, browser: {} };
try {
  if (process.env.BENCH_SKIP_LH !== '1') {
    for (const preset of ['mobile', 'desktop']) {
      const raw = { carryover: [], surveyjs: [] };
      for (let i = 0; i < RUNS; i++) {
        // Alternate the two pages so machine load affects both alike.
        raw.carryover.push(await lighthouse(carry.url, preset));
        raw.surveyjs.push(await lighthouse(survey.url, preset));
        process.stderr.write(`lighthouse ${preset} run ${i + 1}/${RUNS} done\n`);
      }
      const med = (side) => Object.fromEntries(METRICS.map(([k]) => [k, median(raw[side].map((r) => r[k]))]));
      result.lighthouse[preset] = { carryover: med('carryover'), surveyjs: med('surveyjs'), raw };
      const { carryover: c, surveyjs: s } = result.lighthouse[preset];
      console.log(`\n${table(`Lighthouse ${preset} (median of ${RUNS}; simulated throttling${preset === 'mobile' ? ', Moto G Power / slow 4G' : ', desktop preset'})`,
        'Carryover', 'SurveyJS', METRICS.map(([k, label, fmt]) => [label, c[k], s[k], fmt]))}`);
    }
  }

  const browser = await chromium.launch({ executablePath: CHROME, args: QUIET_CHROME });
  try {
    const fq = { carryover: [], surveyjs: [] };
    const loads = { carryover: [], surveyjs: [] };
    for (let i = 0; i < LOADS; i++) {
      loads.carryover.push(await firstQuestion(browser, carry.url, true));
      loads.surveyjs.push(await firstQuestion(browser, survey.url, false));
    }
    for (const side of ['carryover', 'surveyjs']) fq[side] = loads[side].map((l) => l.ms);
    const medOf = (side, k) => median(loads[side].map((l) => l[k]));
    const clicks = { carryover: await clicksCarryover(browser, carry.url, sections), surveyjs: await clicksSurvey(browser, survey.url) };
    const f2 = (v) => v.toFixed(2);
    const f0 = (v) => v.toFixed(0);
    result.browser = {
      first_question_ms: { carryover: median(fq.carryover), surveyjs: median(fq.surveyjs), raw: fq },
      answer_update_ms: {
        carryover: { median: median(clicks.carryover), p95: pct(clicks.carryover, 95), n: clicks.carryover.length },
        surveyjs: { median: median(clicks.surveyjs), p95: pct(clicks.surveyjs, 95), n: clicks.surveyjs.length },
        raw: clicks,
      },
      results_screen_ms: { carryover: median(clicks.carryover.results.filter((x) => x != null)), raw: clicks.carryover.results },
      first_load_bytes: { carryover: medOf('carryover', 'firstLoad'), surveyjs: medOf('surveyjs', 'firstLoad'),
        files: { carryover: loads.carryover[0]?.firstFiles, surveyjs: loads.surveyjs[0]?.firstFiles } },
      idle_load_bytes: { carryover: medOf('carryover', 'idleLoad'), surveyjs: medOf('surveyjs', 'idleLoad') },
      content_decode_ms: { carryover: medOf('carryover', 'decode'), raw: loads.carryover.map((l) => l.decode) },
    };
    const a = result.browser.answer_update_ms;
    const b = result.browser;
    console.log(`\n${table('Bytes loaded in the browser (brotli as served; median of ' + LOADS + ' fresh loads)', 'Carryover', 'SurveyJS', [
      ['first load (1st question)', b.first_load_bytes.carryover, b.first_load_bytes.surveyjs, f0],
      ['all, page idle 1 s later', b.idle_load_bytes.carryover, b.idle_load_bytes.surveyjs, f0],
    ])}`);
    console.log('  first load: document + every file finished by the time the first question is interactive');
    console.log(`  (Carryover: ${(b.first_load_bytes.files.carryover ?? []).map(([n, x]) => `${n} ${x}`).join(', ')}).`);
    console.log(`  Carryover content decode in the browser: ${f2(b.content_decode_ms.carryover)} ms (median; performance measure carryover:content-decode).`);
    console.log(`\n${table(`In-browser timings (headless Chromium, unthrottled, this machine)`, 'Carryover', 'SurveyJS', [
      [`navigation → 1st question ms`, median(fq.carryover), median(fq.surveyjs), f0],
      [`answer → update ms, median`, a.carryover.median, a.surveyjs.median, f2],
      [`answer → update ms, p95`, a.carryover.p95, a.surveyjs.p95, f2],
      [`answer clicks measured`, a.carryover.n, a.surveyjs.n, f0, false],
      [`results screen ms`, b.results_screen_ms.carryover, NaN, (v) => (Number.isNaN(v) ? '—' : f2(v)), false],
    ])}`);
    console.log(`  navigation → 1st question: median of ${LOADS} fresh loads; Carryover clicks Start first, SurveyJS opens on the questions.`);
    console.log(`  results screen: median of ${ROUNDS}, every question answered, #results → full assessment rendered`);
    console.log('  (SurveyJS has no results screen).');
    console.log('  answer → update: click on an unanswered radio → the progress text changes. Carryover: the engine');
    console.log('  re-derives progress and which questions show (the full assessment runs when the results are on');
    console.log('  screen; the save is written in the next task).');
  } finally {
    await browser.close();
  }
} finally {
  await carry.close();
  await survey.close();
}
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/latest.json', `${JSON.stringify(result, null, 2)}\n`);
