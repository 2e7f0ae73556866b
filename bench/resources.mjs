// perf-gate resources calibration: `npm run bench:resources` (node bench/resources.mjs).
//
// How noisy is the app's CPU time per request (cpu_per_request) from run to run, beside p95, quiet
// and with a busy neighbour? And does the gate catch +20 % CPU work per request whose latency
// change is under 5 %? Against bench/gate-target.mjs with fixed CPU work per request
// (GATE_CPU_ITERS rounds of an integer hash, about BENCH_CPU_MS ms; the iterations are measured
// once at the start and then fixed, so every target does the same work) on top of its usual noisy
// delay (4 ms + Exp(2 ms), rare 20-ms stalls). One open-model stage, BENCH_RATE/s (default 200) for
// BENCH_DURATION (default 10s) after a 1-s ramp; the app's figures are read from a PID file
// (target.process: { pid_file }), which this script points at the target of each trial.
//
// 1. One `run --save-baseline` against the base target.
// 2. BENCH_TRIALS (default 10) trials of `run --baseline` per scenario, in rounds (trial i of every
//    scenario, order rotated each round): "unchanged" (a twin of the base target, quiet),
//    "unchanged, busy" (the twin, with bench/cpu-busy.mjs spinning 70 % of a core beside it),
//    "+20 % CPU" (a target doing extra hash rounds worth 20 % of the baseline's whole CPU per
//    request, HTTP handling included, quiet) and "+20 % CPU, busy".
// Regression rules: cpu_per_request "+10%", p95 "+15%". A trial counts as a false failure when the
// unchanged target fails on cpu_per_request, as a detection when the heavier one does.
//
// Prints the tables and writes them into bench/RESULTS.md between <!-- resources-calibration:start -->
// and <!-- resources-calibration:end --> (appended when missing). Uses a copy of dist/cli.js.
// Loopback only; targets and neighbours end with this process (IPC disconnect) and have a lifetime bound.
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { busyPct, hostCpu, machine, median, runNode, ROOT } from './lib.mjs';

const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
const SECTION = 'resources-calibration';
const TRIALS = Math.max(1, Number(process.env.BENCH_TRIALS ?? 10));
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CPU_MS = Number(process.env.BENCH_CPU_MS ?? 0.4);
const children = new Set();
const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/** The same loop as gate-target.mjs's work(): iterations for CPU_MS ms, measured on this process's CPU time. */
let msPerIter;
function calibrateIters() {
  const work = (n) => {
    let h = 0x9e3779b9;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i;
    return h;
  };
  work(1e6); // warm the JIT
  const n = 2_000_000;
  const best = [];
  for (let k = 0; k < 5; k++) {
    const c0 = process.cpuUsage();
    work(n);
    const c = process.cpuUsage(c0);
    best.push((c.user + c.system) / 1000);
  }
  msPerIter = Math.min(...best) / n;
  return Math.round(CPU_MS / msPerIter);
}

function startTarget(iters) {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      GATE_BASE_MS: '4',
      GATE_JITTER_MS: '2',
      GATE_STALL_P: String(1 / 40000),
      GATE_STALL_MS: '20',
      GATE_CPU_ITERS: String(iters),
      BENCH_TARGET_MAX_S: '1800',
    };
    const child = fork(path.join(ROOT, 'bench', 'gate-target.mjs'), [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.add(child);
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('error', reject);
  });
}

function startBusy() {
  return new Promise((resolve) => {
    const child = fork(path.join(ROOT, 'bench', 'cpu-busy.mjs'), [], { env: { ...process.env, BUSY_DUTY: '0.7', BUSY_MAX_S: '120' }, stdio: 'ignore' });
    children.add(child);
    child.once('message', () => resolve(child));
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-bench-res-'));
// A copy of the bundle: a rebuild of dist/ during the benchmark cannot mix two builds in one result.
const cliDir = path.join(dir, 'cli');
(await import('node:fs')).mkdirSync(cliDir);
for (const f of readdirSync(path.join(ROOT, 'dist')))
  if (f.endsWith('.js') || f === 'package.json') copyFileSync(path.join(ROOT, 'dist', f), path.join(cliDir, f));
const cli = path.join(cliDir, 'cli.js');
const pidFile = path.join(dir, 'app.pid');
const plan = path.join(dir, 'plan.yml');
writeFileSync(
  plan,
  `version: 1
target:
  url: http://127.0.0.1:1
  process: { pid_file: ${JSON.stringify(pidFile)} }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: ${RATE}/s, ramp: 1s, duration: ${DURATION} }
regression:
  cpu_per_request: "+10%"
  p95: "+15%"
`,
);

async function trial(target, out, extra) {
  writeFileSync(pidFile, `${target.child.pid}\n`);
  const r = await runNode([cli, 'run', plan, '--target', target.url, '--out', path.join(dir, out), '--quiet', ...extra], 120_000, { cwd: dir, children });
  const reportFile = path.join(dir, out, 'report.json');
  if (!existsSync(reportFile)) return { error: `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}` };
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const s = report.stages[0];
  const check = (m) => report.checks.find((c) => c.metric === m && c.kind === 'regression');
  return {
    code: r.code,
    saturated: s.generator_saturated,
    cpu: s.resources?.cpu_ms_per_request,
    cpuPct: s.resources?.cpu_pct,
    rss: s.resources?.rss_mb_peak,
    p95: s.latency_ms.p95,
    cpuCheck: check('cpu_per_request'),
    p95Check: check('p95'),
  };
}

const t0 = Date.now();
const iters = calibrateIters();
const base = await startTarget(iters);
const twin = await startTarget(iters);
// Warm every target (JIT, sockets) before the baseline: a cold start is not what the gate compares.
for (const t of [base, twin]) await trial(t, `warm-${t.child.pid}`, []);
// Only a complete, passing run becomes a baseline (a saturated generator on a busy machine is not): up to 5 tries.
let saved;
for (let k = 0; k < 5 && !existsSync(path.join(dir, 'baseline.json')); k++)
  saved = await trial(base, `baseline-${k}`, ['--save-baseline', path.join(dir, 'baseline.json')]);
if (!existsSync(path.join(dir, 'baseline.json'))) throw new Error('no baseline could be saved in 5 runs (the generator saturated or a check failed each time)');
// +20 % of the app's whole CPU per request (the HTTP handling included), as extra hash rounds.
const heavyIters = iters + Math.round((0.2 * saved.cpu) / msPerIter);
const heavy = await startTarget(heavyIters);
await trial(heavy, `warm-${heavy.child.pid}`, []);
console.log(
  `baseline: cpu ${saved.cpu} ms/request (${saved.cpuPct}% of a core), p95 ${saved.p95} ms; ${iters} iterations ≈ ${CPU_MS} ms; heavier target ${heavyIters} iterations (+${(0.2 * saved.cpu).toFixed(3)} ms)`,
);

const SCENARIOS = [
  { name: 'unchanged', target: twin, busy: false, injected: false },
  { name: 'unchanged, busy neighbour', target: twin, busy: true, injected: false },
  { name: '+20 % CPU work', target: heavy, busy: false, injected: true },
  { name: '+20 % CPU work, busy neighbour', target: heavy, busy: true, injected: true },
];
const results = new Map(SCENARIOS.map((s) => [s.name, []]));
for (let i = 0; i < TRIALS; i++) {
  const order = SCENARIOS.map((_, k) => SCENARIOS[(k + i) % SCENARIOS.length]);
  for (const s of order) {
    const busy = s.busy ? await startBusy() : undefined;
    const c0 = hostCpu();
    const r = await trial(s.target, `t${i}-${SCENARIOS.indexOf(s)}`, ['--baseline', path.join(dir, 'baseline.json')]);
    r.hostBusy = busyPct(c0, hostCpu());
    busy?.kill('SIGTERM');
    if (busy) children.delete(busy);
    results.get(s.name).push(r);
    process.stdout.write(
      `${s.name} #${i + 1}: ${r.saturated ? '(saturated) ' : ''}cpu ${r.cpu} (${r.cpuCheck?.delta_pct ?? '—'}% ${r.cpuCheck?.verdict ?? r.error}), p95 ${r.p95} (${r.p95Check?.delta_pct ?? '—'}% ${r.p95Check?.verdict ?? ''})\n`,
    );
  }
}
const minutes = ((Date.now() - t0) / 60000).toFixed(1);

const pct = (x) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);
const cv = (xs) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return (100 * sd) / m;
};
const rows = SCENARIOS.map((s) => {
  const rs = results.get(s.name).filter((r) => !r.error);
  const d = (f) => rs.map(f).filter((x) => typeof x === 'number');
  const cpuD = d((r) => r.cpuCheck?.delta_pct);
  const p95D = d((r) => r.p95Check?.delta_pct);
  const fails = rs.filter((r) => r.cpuCheck?.verdict === 'fail').length;
  const p95Fails = rs.filter((r) => r.p95Check?.verdict === 'fail').length;
  const saturated = rs.filter((r) => r.saturated).length;
  const widths = rs.filter((r) => r.cpuCheck?.interval_pct).map((r) => r.cpuCheck.interval_pct[1] - r.cpuCheck.interval_pct[0]);
  return `| ${s.name} | ${rs.length} | ${median(d((r) => r.cpu)).toFixed(3)} ms | ${cv(d((r) => r.cpu)).toFixed(1)} % | ${pct(Math.min(...cpuD))} … ${pct(Math.max(...cpuD))} | ±${(median(widths) / 2).toFixed(1)} % | ${cv(d((r) => r.p95)).toFixed(1)} % | ${pct(Math.min(...p95D))} … ${pct(Math.max(...p95D))} | ${s.injected ? `**${fails}/${rs.length} detected**` : `${fails}/${rs.length} false failures`} | ${p95Fails}/${rs.length} | ${median(d((r) => r.rss)).toFixed(1)} MB, CV ${cv(d((r) => r.rss)).toFixed(1)} % | ${saturated} | ${Math.round(median(d((r) => r.hostBusy)))} % |`;
});
const m = machine();
const table = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu ?? os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}; ${minutes} min in all.`,
  `Command: \`npm run build && BENCH_TRIALS=${TRIALS} node bench/resources.mjs\` (rate ${RATE}/s for ${DURATION} after a 1-s ramp; ${iters} hash rounds ≈ ${CPU_MS} ms of CPU per request, measured once; the heavier target ${heavyIters} rounds, +20 % of the baseline's CPU per request; baseline ${saved.cpu} ms CPU/request, ${saved.cpuPct}% of a core, p95 ${saved.p95} ms; rules cpu_per_request "+10%", p95 "+15%").`,
  '',
  '| scenario | runs | cpu_per_request (median) | its spread (CV) | its change vs baseline (min … max) | its 95 % interval (median half-width) | p95 spread (CV) | p95 change (min … max) | cpu_per_request verdicts | p95 failures | rss_peak (median, spread) | generator saturated | host busy (median) |',
  '|---|---:|---:|---:|---|---:|---:|---|---|---:|---:|---:|---:|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);
const start = `<!-- ${SECTION}:start -->`;
const end = `<!-- ${SECTION}:end -->`;
// The heading inside the block: bench/run.mjs rewrites RESULTS.md and keeps only marked blocks.
const block = `${start}\n## What the app spends: cpu_per_request calibration\n\n${table}\n${end}`;
const text = readFileSync(RESULTS_FILE, 'utf8');
const re = new RegExp(`${start}[\\s\\S]*?${end}`);
writeFileSync(RESULTS_FILE, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
process.exit(0);
