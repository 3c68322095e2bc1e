// Start-up A/B: Lighthouse mobile (the bench's settings: simulated throttling, Moto G Power / slow
// 4G) on Carryover builds only, runs alternated A B A B so machine load hits every build alike.
// Prints each run's FCP, LCP, TBT and long tasks (simulated ms), then medians. With LANTERN=1 it
// also prints, per run, the requests and main-thread tasks Lighthouse's simulated LCP was made of
// (its optimistic graph, from the run's saved artifacts), which says *why* an LCP is what it is.
//
// node bench/lib/startup-ab.mjs RUNS label=distDir [label=distDir ...]
// Environment: BENCH_PRESET=desktop for the desktop preset; BENCH_AB_OUT (default target/bench/ab)
// keeps every run's report and artifacts.

import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCompressedServer } from './server.mjs';

const run = promisify(execFile);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const QUIET_CHROME = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'];
const [runsArg, ...pairs] = process.argv.slice(2);
const RUNS = Number(runsArg);
if (!RUNS || !pairs.length) {
  console.error('usage: node bench/lib/startup-ab.mjs RUNS label=distDir [label=distDir ...]');
  process.exit(2);
}
const OUT = process.env.BENCH_AB_OUT ?? 'target/bench/ab';
mkdirSync(OUT, { recursive: true });

const targets = [];
for (const pair of pairs) {
  const [label, dir] = pair.split('=');
  const server = await startCompressedServer(dir);
  // Compress every file once now: the first brotli-11 of the wasm takes seconds, which Lighthouse
  // would otherwise read as server response time.
  for (const f of readdirSync(dir)) {
    await fetch(server.url + f, { headers: { 'accept-encoding': 'br, gzip' } }).then((r) => r.arrayBuffer());
  }
  targets.push({ label, server, runs: [] });
}

async function lanternLcp(artifactsDir) {
  const { loadArtifacts } = await import('lighthouse/core/lib/asset-saver.js');
  const { LanternLargestContentfulPaint } = await import('lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js');
  const constants = await import('lighthouse/core/config/constants.js');
  const artifacts = await loadArtifacts(artifactsDir);
  const settings = { ...constants.defaultSettings, ...(artifacts.settings ?? {}) };
  const data = { trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog, gatherContext: artifacts.GatherContext,
    settings, URL: artifacts.URL, SourceMaps: artifacts.SourceMaps, simulator: null };
  const result = await LanternLargestContentfulPaint.request(data, { computedCache: new Map(), settings });
  const rows = [...result.optimisticEstimate.nodeTimings.entries()].sort((a, b) => a[1].startTime - b[1].startTime);
  const t0 = Math.min(...rows.map(([node]) => node.startTime));
  return rows.map(([node, t]) => {
    const what = node.type === 'network'
      ? `request ${node.request.url.replace(/^.*\//, '') || '(document)'} (${node.request.priority})`
      : `task, ${(node.duration / 1000).toFixed(1)} ms unthrottled at ${((node.startTime - t0) / 1000).toFixed(0)} ms`;
    return `      ${t.startTime.toFixed(0).padStart(5)}–${t.endTime.toFixed(0).padStart(5)} ms  ${what}`;
  }).join('\n');
}

for (let i = 0; i < RUNS; i++) {
  for (const t of targets) {
    const report = join(OUT, `${t.label}-${i}.json`);
    const args = [t.server.url, '--output=json', `--output-path=${report}`, '--quiet',
      '--only-categories=performance', `--chrome-flags=--headless=new ${QUIET_CHROME.join(' ')}`,
      `-GA=${join(OUT, `${t.label}-${i}-artifacts`)}`];
    if (process.env.BENCH_PRESET === 'desktop') args.push('--preset=desktop');
    await run('./node_modules/.bin/lighthouse', args,
      { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20, timeout: 180_000 });
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    const a = (id) => lhr.audits[id]?.numericValue;
    const r = { fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time') };
    t.runs.push(r);
    const long = (lhr.audits['long-tasks']?.details?.items ?? [])
      .map((x) => `${x.url.replace(/^.*\//, '') || '?'}@${Math.round(x.startTime)}:${Math.round(x.duration)}`);
    console.log(`${t.label} run ${i + 1}: FCP ${r.fcp.toFixed(0)} LCP ${r.lcp.toFixed(0)} TBT ${r.tbt.toFixed(1)}`
      + ` | long tasks (simulated start:ms): ${long.join(' ') || 'none'}`);
    if (process.env.LANTERN === '1') console.log(await lanternLcp(join(OUT, `${t.label}-${i}-artifacts`)));
  }
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const t of targets) {
  const list = (k) => t.runs.map((r) => r[k].toFixed(k === 'tbt' ? 1 : 0)).join(', ');
  console.log(`${t.label}: median FCP ${median(t.runs.map((r) => r.fcp)).toFixed(0)}, LCP ${median(t.runs.map((r) => r.lcp)).toFixed(0)}`
    + ` (${list('lcp')}), TBT ${median(t.runs.map((r) => r.tbt)).toFixed(1)} (${list('tbt')})`);
  await t.server.close();
}
