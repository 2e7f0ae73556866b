// perf-gate gate-calibration benchmark: `npm run bench:gate` (node bench/gate.mjs).
//
// How often does the gate fail an unchanged target (false failures), and how often does it catch
// an injected regression (detections)? Against loopback targets with injected jitter
// (bench/gate-target.mjs, one fork()ed process per configuration), with the plan
// bench/plans/gate-calibration.yml (one open-model stage, 2000/s for 6 s after a 1-s ramp,
// regression rules only):
//
// 1. Stored-baseline mode ("stored"): one `run --save-baseline` against the base target, then N
//    trials of `run --baseline FILE --confirm` per scenario. `--confirm` is left out (and the output
//    says so) when this build of the CLI does not know it.
// 2. A/B mode ("ab"): N trials of `ab --base-url BASE --head-url HEAD` per scenario. Skipped, with a
//    line saying so, when this build answers `ab` with "not available" / "not implemented".
//
// Scenarios: unchanged; +10 %, +20 %, +50 % latency (the whole per-request delay × 1.1, 1.2, 1.5);
// +1 pp and +3 pp errors (HTTP 500 with that probability; the base error rate is 0); "runner busy":
// unchanged and +20 % with a neighbour process spinning part of a core during the trial. The head of
// every trial is a different process from the one that made the baseline (A/B: from the base
// side): "unchanged" runs against a twin of the base target with the same configuration.
// Trials run in rounds (trial i of every scenario, in an order rotated each round), so drift of the
// machine spreads over all scenarios. Each trial is bounded (BENCH_TRIAL_TIMEOUT_S, default 120 s:
// SIGTERM, SIGKILL 5 s later) and then counted as an error.
//
// A trial's outcome: exit 1 = the gate failed, exit 0 = pass or warn (report.json's verdict); any
// other exit, a timeout or a missing report.json is an error. A regression trial counts as detected
// only when a failed check is the injected metric (p95 for latency, error_rate for errors).
//
// Prints a markdown table and writes it into bench/RESULTS.md between
// <!-- gate-calibration:start --> and <!-- gate-calibration:end --> (the section is appended when
// missing, replaced otherwise; the rest of the file is left as it is).
//
// The CLI (dist/cli.js + dist/package.json) is copied to a temp dir at the start and that copy runs
// every trial, so a rebuild of dist/ during the benchmark cannot mix two builds in one result.
// Everything runs against 127.0.0.1 only; targets end when this process ends (IPC disconnect), on
// error and on SIGINT/SIGTERM too, and have a lifetime bound besides.
//
// Env: BENCH_TRIALS (default 20), BENCH_MODES (default "stored,ab"), BENCH_AB_ROUNDS (passed to
// `ab --rounds`; default: the CLI's own), BENCH_TRIAL_TIMEOUT_S (default 120), BENCH_WARMUP=0 (no
// warm-up requests to the targets), BENCH_GATE_JSON=FILE (also write every trial's record as JSON),
// BENCH_CLI=FILE (another bundled CLI to calibrate instead of dist/cli.js).
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { busyPct, hostCpu, machine, median, runNode as runNodeIn } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
// BENCH_PLAN: another calibration plan (e.g. bench/plans/gate-calibration-long.yml, twice the requests).
const PLAN = process.env.BENCH_PLAN ?? 'bench/plans/gate-calibration.yml';
const TARGET_SCRIPT = path.join(ROOT, 'bench', 'gate-target.mjs');
// BENCH_SECTION: the name of the RESULTS.md section to write (default gate-calibration).
const SECTION = process.env.BENCH_SECTION ?? 'gate-calibration';
const SECTION_START = `<!-- ${SECTION}:start -->`;
const SECTION_END = `<!-- ${SECTION}:end -->`;
const SECTION_RE = new RegExp(`${SECTION_START}[\\s\\S]*?${SECTION_END}`);

const intEnv = (name, dflt, min) => {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(v) && v >= min ? v : dflt;
};
const TRIALS = intEnv('BENCH_TRIALS', 20, 1);
const TRIAL_TIMEOUT_S = intEnv('BENCH_TRIAL_TIMEOUT_S', 120, 10);
const AB_ROUNDS = process.env.BENCH_AB_ROUNDS ? intEnv('BENCH_AB_ROUNDS', undefined, 1) : undefined;
const WARMUP = process.env.BENCH_WARMUP !== '0';
const JSON_OUT = process.env.BENCH_GATE_JSON;
const CLI_SOURCE = path.resolve(ROOT, process.env.BENCH_CLI ?? 'dist/cli.js');
const MODES_ASKED = (process.env.BENCH_MODES ?? 'stored,ab')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);

/** The noise model of every target (bench/gate-target.mjs reads these; the doc below describes them). */
// Rare stalls (one per ~20 s at 2000/s, ~50 requests each: ~0.1 % of requests) sit in the far tail
// (p999, max), as GC pauses do; stalls every 2 s would put 1.3 % of requests there and make p95 a
// count of stalls in the trial (±15 % per trial whatever the method).
const NOISE = { GATE_BASE_MS: 4, GATE_JITTER_MS: 2, GATE_STALL_P: 1 / 40000, GATE_STALL_MS: 20 };

/**
 * The CPU-work family: an endpoint of about 4 ms whose time is mostly computation on the target's
 * one thread (2.5 ms), then a short timer; no stalls. A busy runner slows it as it slows a real app.
 */
const CPU_NOISE = { GATE_BASE_MS: 1, GATE_JITTER_MS: 0.5, GATE_STALL_P: 0, GATE_STALL_MS: 0, GATE_CPU_MS: 2.5 };
const CPU_PLAN = 'bench/plans/gate-calibration-cpu.yml';
/** Each family: its plan, its base target (the stored baseline is measured against it) and its noise model. */
const FAMILIES = {
  timer: { plan: PLAN, base: 'base', noise: NOISE },
  cpu: { plan: CPU_PLAN, base: 'cpuBase', noise: CPU_NOISE },
};

/** Target configurations: the base, its twin, and one per regression (family timer unless named). */
const TARGETS = {
  base: { mult: 1, errorP: 0 },
  twin: { mult: 1, errorP: 0 },
  cpuBase: { mult: 1, errorP: 0, family: 'cpu' },
  cpuTwin: { mult: 1, errorP: 0, family: 'cpu' },
  // +5 ms on every request of the ~4 ms endpoint (as json-server --delay 5 does).
  cpuPlus5: { mult: 1, errorP: 0, family: 'cpu', extraMs: 5 },
  // Latency regressions: a fixed delay added to every request, sized after calibration as a share
  // of the p95 perf-gate measures against the base, so "+20 %" is +20 % at p95 as measured.
  lat10: { mult: 1, errorP: 0, p95Shift: 0.1 },
  lat20: { mult: 1, errorP: 0, p95Shift: 0.2 },
  lat50: { mult: 1, errorP: 0, p95Shift: 0.5 },
  err1: { mult: 1, errorP: 0.01 },
  err3: { mult: 1, errorP: 0.03 },
};

/** injected: the metric that must fail for a detection (unchanged: the metric watched for the table). */
const ALL_SCENARIOS = [
  { id: 'unchanged', label: 'unchanged', target: 'twin', injected: null, watch: 'p95' },
  { id: 'lat10', label: '+10 % latency', target: 'lat10', injected: 'p95', watch: 'p95' },
  { id: 'lat20', label: '+20 % latency', target: 'lat20', injected: 'p95', watch: 'p95' },
  { id: 'lat50', label: '+50 % latency', target: 'lat50', injected: 'p95', watch: 'p95' },
  { id: 'err1', label: '+1 pp errors', target: 'err1', injected: 'error_rate', watch: 'error_rate' },
  { id: 'err3', label: '+3 pp errors', target: 'err3', injected: 'error_rate', watch: 'error_rate' },
];
// The runner busy (a neighbour spinning BENCH_BUSY_DUTY of one core, default 0.7, during the trial
// only): the machine slows, the code does not. The baseline and the A/B base side see it too.
const BUSY_DUTY = Number(process.env.BENCH_BUSY_DUTY ?? 0.7);
// BENCH_BUSY_PROCS neighbours at that duty each (default 1).
const BUSY_PROCS = intEnv('BENCH_BUSY_PROCS', 1, 1);
const busyLabel = `runner busy (${BUSY_PROCS > 1 ? `${BUSY_PROCS} × ` : ''}${Math.round(BUSY_DUTY * 100)} % of a core)`;
// The target frozen once per trial (SIGSTOP, then SIGCONT FREEZE_MS later), FREEZE_AT_MS after
// perf-gate starts (mid-stage): what a GC pause or a descheduled VM does.
const FREEZE_MS = 250;
const FREEZE_AT_MS = 3500;
ALL_SCENARIOS.push(
  { id: 'freeze', label: `unchanged, one ${FREEZE_MS} ms freeze of the target`, target: 'twin', injected: null, watch: 'p95', freeze: true },
  { id: 'busy', label: `unchanged, ${busyLabel}`, target: 'twin', injected: null, watch: 'p95', busy: true },
  { id: 'busy-lat20', label: `+20 % latency, runner busy`, target: 'lat20', injected: 'p95', watch: 'p95', busy: true },
  { id: 'busy-lat50', label: `+50 % latency, runner busy`, target: 'lat50', injected: 'p95', watch: 'p95', busy: true },
  { id: 'cpu', label: 'CPU-work endpoint (~4 ms), unchanged', target: 'cpuTwin', family: 'cpu', injected: null, watch: 'p95' },
  { id: 'cpu-busy', label: `CPU-work endpoint, unchanged, ${busyLabel}`, target: 'cpuTwin', family: 'cpu', injected: null, watch: 'p95', busy: true },
  { id: 'cpu-plus5-busy', label: 'CPU-work endpoint +5 ms, runner busy', target: 'cpuPlus5', family: 'cpu', injected: 'p95', watch: 'p95', busy: true },
);
// BENCH_SCENARIOS=unchanged,lat20,err1 runs only those (ids as above); default: the verdict
// calibration's rows (false failures quiet, with a freeze, busy; detections quiet and busy).
const DEFAULT_SCENARIOS = ['unchanged', 'freeze', 'busy', 'lat20', 'busy-lat50', 'cpu', 'cpu-busy', 'cpu-plus5-busy'];
const SCENARIOS = ALL_SCENARIOS.filter((s) => (process.env.BENCH_SCENARIOS?.split(',') ?? DEFAULT_SCENARIOS).includes(s.id));
const familyOf = (s) => s.family ?? 'timer';
/** The targets the chosen scenarios need: theirs, and each family's base. */
const NEEDED = new Set(SCENARIOS.flatMap((s) => [s.target, FAMILIES[familyOf(s)].base]));

const children = new Set(); // perf-gate processes running now
const targets = new Map(); // name → { child, url }
let tmpRoot;
let cli; // path of the CLI copy every trial runs

function log(msg) {
  process.stderr.write(`[bench:gate] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// Processes

function startTarget(name, cfg, lifetimeS) {
  const child = fork(TARGET_SCRIPT, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(FAMILIES[cfg.family ?? 'timer'].noise).map(([k, v]) => [k, String(v)])),
      GATE_MULT: String(cfg.mult),
      GATE_EXTRA_MS: String(cfg.extraMs ?? 0),
      GATE_ERROR_P: String(cfg.errorP),
      BENCH_TARGET_MAX_S: String(lifetimeS),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  targets.set(name, { child, url: undefined });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`target ${name} did not start within 10 s`)), 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      const url = `http://127.0.0.1:${m.port}/`;
      targets.get(name).url = url;
      resolve(url);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`target ${name} exited early (${code ?? signal})`));
    });
  });
}

/** The "runner busy" neighbour (bench/cpu-busy.mjs), running once it has said so. */
function startBusy() {
  const child = fork(path.join(ROOT, 'bench', 'cpu-busy.mjs'), [], {
    env: { ...process.env, BUSY_DUTY: String(BUSY_DUTY), BUSY_MAX_S: String(TRIAL_TIMEOUT_S + 30) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
  });
}

function targetStats(name) {
  const t = targets.get(name);
  if (!t || t.child.exitCode !== null || t.child.signalCode !== null) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onMessage = (m) => {
      if (!m?.stats) return;
      clearTimeout(timer);
      t.child.off('message', onMessage);
      resolve(m.stats);
    };
    const timer = setTimeout(() => {
      t.child.off('message', onMessage);
      resolve(undefined);
    }, 2000);
    t.child.on('message', onMessage);
    t.child.send({ cmd: 'stats' });
  });
}

function targetAlive(name) {
  const c = targets.get(name)?.child;
  return c !== undefined && c.exitCode === null && c.signalCode === null;
}

async function stopTargets() {
  const waits = [];
  for (const [name, t] of targets) {
    targets.delete(name);
    const c = t.child;
    if (c.exitCode !== null || c.signalCode !== null) continue;
    waits.push(
      new Promise((resolve) => {
        const k = setTimeout(() => c.kill('SIGKILL'), 3000);
        c.once('exit', () => {
          clearTimeout(k);
          resolve();
        });
        c.kill('SIGTERM');
      }),
    );
  }
  await Promise.all(waits);
}

/** Warm the target's JIT and sockets: `n` requests, `concurrency` at a time, results ignored. */
async function warmUp(url, n = 1000, concurrency = 16) {
  let left = n;
  const worker = async () => {
    while (left-- > 0) {
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
        await r.arrayBuffer();
      } catch {
        // a warm-up error is not a result
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Run `node ARGS...` in ROOT; capture output. Hard limit: SIGTERM after timeoutMs, SIGKILL 5 s later (bench/lib.mjs). */
const runNode = (args, timeoutMs) => runNodeIn(args, timeoutMs, { children });

const lastLine = (s) =>
  s
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(-1)[0] ?? '';

// ---------------------------------------------------------------------------------------------
// The CLI: a frozen copy, and what it supports

function snapshotCli() {
  const dir = path.join(tmpRoot, 'dist');
  mkdirSync(dir, { recursive: true });
  // The CLI loads its engine from chunk files beside it: copy the whole bundle folder.
  for (const f of readdirSync(path.dirname(CLI_SOURCE))) if (f.endsWith('.js')) copyFileSync(path.join(path.dirname(CLI_SOURCE), f), path.join(dir, f));
  copyFileSync(CLI_SOURCE, path.join(dir, 'cli.js'));
  const pkg = path.join(path.dirname(CLI_SOURCE), 'package.json');
  if (existsSync(pkg)) copyFileSync(pkg, path.join(dir, 'package.json'));
  else writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  const bytes = readFileSync(path.join(dir, 'cli.js'));
  return { path: path.join(dir, 'cli.js'), sha: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes: bytes.length };
}

async function probeCli() {
  // A copy taken while dist/ is being rebuilt may be torn: it must at least print its version.
  let snap;
  let version;
  for (let attempt = 1; attempt <= 3; attempt++) {
    snap = snapshotCli();
    const v = await runNode([snap.path, '--version'], 30_000);
    if (v.code === 0 && v.stdout.trim()) {
      version = v.stdout.trim();
      break;
    }
    log(`the copy of dist/cli.js does not run (exit ${v.code}: ${lastLine(v.stderr)}); copying again in 3 s`);
    await new Promise((r) => setTimeout(r, 3000));
  }
  if (!version) throw new Error('dist/cli.js does not run (--version failed three times): run `npm run build`');
  cli = snap.path;
  // Flags are parsed before anything else, so an unknown --confirm is refused before the (bad) URL is.
  const c = await runNode([cli, 'run', PLAN, '--confirm', '--target', 'not-a-url', '--out', path.join(tmpRoot, 'probe')], 30_000);
  const confirm = !/unknown option.*confirm/i.test(c.stderr);
  // A build that confirms by default says so in its help (--no-confirm); an older one needs --confirm.
  const help = await runNode([cli, '--help'], 30_000);
  const confirmDefault = /--no-confirm/.test(help.stdout + help.stderr);
  const a = await runNode([cli, 'ab'], 30_000);
  const abMessage = lastLine(a.stderr) || lastLine(a.stdout);
  const ab = !(a.code === 2 && /not (yet )?(available|implemented)/i.test(abMessage));
  return { version, sha: snap.sha, confirm, confirmDefault, confirmMessage: confirm ? '' : lastLine(c.stderr), ab, abMessage };
}

// ---------------------------------------------------------------------------------------------
// Trials

function readReport(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

const width = (iv) => (Array.isArray(iv) && iv.length === 2 ? iv[1] - iv[0] : NaN);

/** One trial's record: outcome, failed checks, the watched metric's change and interval. */
function classify(mode, scenario, r, report) {
  const rec = { mode, scenario: scenario.id, exit: r.code, signal: r.signal, wallS: r.wallS, timedOut: r.timedOut, hostBusyPct: r.hostBusyPct };
  if (r.timedOut) return { ...rec, outcome: 'error', error: `timed out after ${TRIAL_TIMEOUT_S} s (killed)` };
  if ((r.code !== 0 && r.code !== 1) || !report) {
    return { ...rec, outcome: 'error', error: `exit ${r.code ?? r.signal}${report ? '' : ', no report.json'}: ${lastLine(r.stderr) || lastLine(r.stdout)}` };
  }
  const checks = report.checks ?? [];
  const failed = checks.filter((c) => c.verdict === 'fail');
  const watched = checks.find((c) => c.kind === 'regression' && c.metric === scenario.watch);
  const isPp = scenario.watch === 'error_rate';
  const stages = report.stages ?? [];
  return {
    ...rec,
    outcome: r.code === 1 ? 'fail' : report.verdict === 'warn' ? 'warn' : 'pass',
    verdict: report.verdict,
    mismatch: (r.code === 1) !== (report.verdict === 'fail') ? `exit ${r.code} but verdict ${report.verdict}` : undefined,
    failed: failed.map((c) => (c.kind === 'regression' ? c.metric : `${c.metric} (threshold)`)),
    detected: scenario.injected ? r.code === 1 && failed.some((c) => c.kind === 'regression' && c.metric === scenario.injected) : undefined,
    watch: scenario.watch,
    delta: watched ? (isPp ? watched.delta_pp : watched.delta_pct) : undefined,
    intervalWidth: watched ? width(isPp ? watched.interval_pp : watched.interval_pct) : undefined,
    interval: watched ? (isPp ? watched.interval_pp : watched.interval_pct) : undefined,
    watchVerdict: watched?.verdict,
    method: watched?.method,
    rerun: checks.some((c) => c.confirmation !== undefined),
    unconfirmed: checks.filter((c) => c.confirmation !== undefined && c.verdict !== 'fail').length,
    confirmedMetrics: checks.filter((c) => c.confirmation !== undefined && c.verdict === 'fail').map((c) => c.metric),
    unconfirmedMetrics: checks.filter((c) => c.confirmation !== undefined && c.verdict !== 'fail').map((c) => c.metric),
    saturated: stages.some((s) => s.generator_saturated),
    dropped: stages.reduce((a, s) => a + (s.dropped ?? 0), 0),
    requests: stages.reduce((a, s) => a + (s.requests ?? 0), 0),
    // A/B: the base side's p95 and the rounds, as the report has them.
    baseP95: report.ab?.base_stages?.[0]?.latency_ms?.p95,
    abRounds: report.ab?.rounds ? Object.values(report.ab.rounds)[0] : undefined,
    warnNotes: checks.filter((c) => c.verdict === 'warn' && c.note).map((c) => `${c.metric}: ${c.note}`),
    // Runner speed (CPU probe, ms) and the failures the gate did not trust, with why.
    probeMs: stages[0]?.cpu_probe_ms,
    untrusted: [...new Set(checks.filter((c) => c.untrusted).map((c) => c.untrusted))],
  };
}

/** SIGSTOP the target FREEZE_AT_MS from now and SIGCONT it FREEZE_MS later; the returned function undoes whatever is pending. */
function freezeLater(name) {
  const pid = targets.get(name).child.pid;
  let frozen = false;
  const thaw = () => {
    if (frozen) process.kill(pid, 'SIGCONT');
    frozen = false;
  };
  let thawTimer;
  const freezeTimer = setTimeout(() => {
    process.kill(pid, 'SIGSTOP');
    frozen = true;
    thawTimer = setTimeout(thaw, FREEZE_MS);
  }, FREEZE_AT_MS);
  return () => {
    clearTimeout(freezeTimer);
    clearTimeout(thawTimer);
    thaw();
  };
}

async function runTrial(mode, scenario, ctx) {
  const out = mkdtempSync(path.join(tmpRoot, `${mode}-${scenario.id}-`));
  const head = targets.get(scenario.target).url;
  const family = FAMILIES[familyOf(scenario)];
  // The CLI's defaults: it confirms a failed regression by re-running the stage once (unless
  // this build predates that default and needs --confirm to do so).
  const args =
    mode === 'stored'
      ? [
          cli,
          'run',
          family.plan,
          '--target',
          head,
          '--baseline',
          ctx.baselineFiles[familyOf(scenario)],
          ...(ctx.confirmFlag ? ['--confirm'] : []),
          '--out',
          out,
          '--quiet',
        ]
      : [
          cli,
          'ab',
          family.plan,
          '--base-url',
          targets.get(family.base).url,
          '--head-url',
          head,
          ...(AB_ROUNDS ? ['--rounds', String(AB_ROUNDS)] : []),
          '--out',
          out,
          '--quiet',
        ];
  const neighbours = scenario.busy ? await Promise.all(Array.from({ length: BUSY_PROCS }, startBusy)) : [];
  const c0 = hostCpu();
  const unfreeze = scenario.freeze ? freezeLater(scenario.target) : undefined;
  const r = await runNode(args, TRIAL_TIMEOUT_S * 1000);
  unfreeze?.();
  r.hostBusyPct = busyPct(c0, hostCpu());
  for (const n of neighbours) n.kill('SIGKILL');
  const report = readReport(out);
  rmSync(out, { recursive: true, force: true });
  const rec = classify(mode, scenario, r, report);
  if (rec.outcome === 'error' && !targetAlive(scenario.target)) rec.error += ` (target ${scenario.target} is gone)`;
  return rec;
}

function describeTrial(t) {
  if (t.outcome === 'error') return `ERROR ${t.error}`;
  const d = t.delta === undefined || t.delta === null ? 'n/a' : t.watch === 'error_rate' ? `${fSigned(t.delta, 2)} pp` : `${fSigned(t.delta, 1)} %`;
  const iv = Array.isArray(t.interval) ? ` [${t.interval.map((x) => x.toFixed(t.watch === 'error_rate' ? 2 : 1)).join(', ')}]` : '';
  const bits = [`${t.outcome.toUpperCase()}`, `${t.watch} ${d}${iv} ${t.watchVerdict ?? ''}`.trim()];
  if (t.failed.length) bits.push(`failed: ${t.failed.join(', ')}`);
  if (t.rerun) {
    const c = [
      t.confirmedMetrics.length ? `confirmed ${t.confirmedMetrics.join(', ')}` : '',
      t.unconfirmedMetrics.length ? `not confirmed ${t.unconfirmedMetrics.join(', ')}` : '',
    ];
    bits.push(`confirm re-run: ${c.filter(Boolean).join('; ')}`);
  }
  if (t.saturated) bits.push('generator saturated');
  if (t.untrusted.length) bits.push(`not trusted: ${t.untrusted.join(', ')}`);
  if (t.probeMs !== undefined) bits.push(`CPU probe ${f1(t.probeMs)} ms`);
  return bits.join('; ');
}

/** Trial i of every scenario, then trial i+1; the scenario order rotates each round. */
async function runMode(mode, ctx) {
  const records = [];
  for (let i = 0; i < TRIALS; i++) {
    const order = SCENARIOS.map((_, k) => SCENARIOS[(k + i) % SCENARIOS.length]);
    for (const s of order) {
      const rec = await runTrial(mode, s, ctx);
      rec.trial = i + 1;
      records.push(rec);
      log(`${mode} ${i + 1}/${TRIALS} ${s.label}: ${describeTrial(rec)} (${rec.wallS.toFixed(1)} s)`);
    }
  }
  return records;
}

/**
 * One run against the base target saved as the baseline. A run whose generator was saturated or that
 * dropped sends describes the machine, not the target (the CLI saves it all the same): it is
 * measured again, up to BASELINE_ATTEMPTS runs in all, and the output says how many it took.
 */
const BASELINE_ATTEMPTS = 3;

async function saveBaseline(familyName) {
  const family = FAMILIES[familyName];
  const file = path.join(tmpRoot, `baseline-${familyName}.json`);
  const rejected = [];
  for (let attempt = 1; attempt <= BASELINE_ATTEMPTS; attempt++) {
    rmSync(file, { force: true });
    const out = mkdtempSync(path.join(tmpRoot, 'baseline-run-'));
    const r = await runNode(
      [cli, 'run', family.plan, '--target', targets.get(family.base).url, '--save-baseline', file, '--out', out, '--quiet'],
      TRIAL_TIMEOUT_S * 1000,
    );
    rmSync(out, { recursive: true, force: true });
    if (r.code !== 0 || !existsSync(file)) {
      return { error: `the baseline run failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}): ${lastLine(r.stderr) || lastLine(r.stdout)}` };
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const s = report.stages?.[0];
    const stage = s && {
      requests: s.requests,
      errors: s.errors,
      p50: s.latency_ms?.p50,
      p95: s.latency_ms?.p95,
      p99: s.latency_ms?.p99,
      probeMs: s.cpu_probe_ms,
    };
    const trouble = (report.stages ?? []).flatMap((st) => [
      ...(st.generator_saturated ? [`generator saturated (${st.generator?.reason ?? 'no reason given'})`] : []),
      ...(st.dropped > 0 ? [`${st.dropped} sends dropped`] : []),
    ]);
    if (trouble.length === 0 || attempt === BASELINE_ATTEMPTS) {
      return { file, wallS: r.wallS, stage, attempts: attempt, rejected, trouble: trouble.join('; ') || undefined };
    }
    rejected.push(`p95 ${f3(stage?.p95)} ms: ${trouble.join('; ')}`);
    log(`stored: baseline attempt ${attempt} not kept (${trouble.join('; ')}); measuring again`);
  }
}

/** The p95 perf-gate measures against the base (median of CALIBRATION_RUNS runs of the plan). */
const CALIBRATION_RUNS = 5;

/**
 * `ab` only: measured as A/B measures (base beside the twin, two targets sharing the cores), since
 * the p95 of a base under A/B is higher than alone and a fixed shift is a smaller share of it.
 */
async function calibrateP95(how) {
  const runs = [];
  for (let i = 0; i < (how === 'ab' ? 3 : CALIBRATION_RUNS); i++) {
    const out = mkdtempSync(path.join(tmpRoot, 'calibration-'));
    const args =
      how === 'ab'
        ? [
            cli,
            'ab',
            PLAN,
            '--base-url',
            targets.get('base').url,
            '--head-url',
            targets.get('twin').url,
            '--out',
            out,
            '--quiet',
            ...(AB_ROUNDS ? ['--rounds', String(AB_ROUNDS)] : []),
          ]
        : [cli, 'run', PLAN, '--target', targets.get('base').url, '--out', out, '--quiet'];
    const r = await runNode(args, TRIAL_TIMEOUT_S * 1000);
    const report = existsSync(path.join(out, 'report.json')) ? JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) : undefined;
    const p95 = (how === 'ab' ? report?.ab?.base_stages?.[0] : report?.stages?.[0])?.latency_ms?.p95;
    rmSync(out, { recursive: true, force: true });
    if (!Number.isFinite(p95)) throw new Error(`calibration run ${i + 1} failed (exit ${r.code ?? r.signal}): ${lastLine(r.stderr) || lastLine(r.stdout)}`);
    runs.push(p95);
  }
  return { runs, p95: median(runs) };
}

// ---------------------------------------------------------------------------------------------
// Numbers and formatting

const fSigned = (x, d) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(d)}` : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function countList(items) {
  const m = new Map();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ×${n}`).join(', ');
}

function tableRows(mode, records, modeInfo) {
  const rows = [];
  for (const s of SCENARIOS) {
    const rs = records.filter((r) => r.scenario === s.id);
    const n = rs.length;
    const ok = rs.filter((r) => r.outcome !== 'error');
    const fails = rs.filter((r) => r.outcome === 'fail').length;
    const warns = rs.filter((r) => r.outcome === 'warn').length;
    const errors = n - ok.length;
    const key = s.injected ? `**${rs.filter((r) => r.detected).length}/${n}** detected` : `**${fails}/${n}** false failures`;
    const unit = s.watch === 'error_rate' ? ' pp' : ' %';
    const digits = s.watch === 'error_rate' ? 2 : 1;
    const notConfirmed = rs.filter((r) => r.unconfirmed > 0).length;
    const rerun = modeInfo.confirm ? `${rs.filter((r) => r.rerun).length}/${n}${notConfirmed ? ` (${notConfirmed} not confirmed)` : ''}` : '–';
    rows.push(
      `| ${mode} | ${s.label} | ${key} | ${fails}/${n} | ${warns}/${n} | ${errors}/${n} | ${countList(ok.flatMap((r) => r.failed)) || '–'} | ${s.watch} | ${fSigned(median(ok.map((r) => r.delta)), digits)}${unit} | ${f2(median(ok.map((r) => r.intervalWidth)))}${unit} | ${rerun} | ${f1(median(rs.map((r) => r.wallS)))} s |`,
    );
  }
  return rows;
}

const TABLE_HEAD = [
  '| mode | scenario | false failures / detections | gate failed (exit 1) | inconclusive (warn) | errors | failed checks (count) | metric | median Δ | median 95 % interval width | confirm re-runs | median trial time |',
  '| --- | --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |',
];

function notesFor(mode, records, modeInfo) {
  const notes = [];
  const rounds = [...new Set(records.map((r) => r.abRounds).filter((x) => x !== undefined))];
  if (rounds.length) notes.push(`${mode}: rounds per side in the reports: ${rounds.join(', ')}`);
  for (const r of records.filter((x) => x.outcome === 'error')) notes.push(`${mode} trial ${r.trial}, ${r.scenario}: error, ${r.error}`);
  for (const r of records.filter((x) => x.mismatch)) notes.push(`${mode} trial ${r.trial}, ${r.scenario}: ${r.mismatch}`);
  const sat = records.filter((x) => x.saturated);
  if (sat.length)
    notes.push(`${mode}: ${sat.length} trial(s) with the generator saturated (their failures count as warnings): ${countList(sat.map((r) => r.scenario))}`);
  const dropped = records.filter((x) => x.dropped > 0);
  if (dropped.length) notes.push(`${mode}: ${dropped.length} trial(s) dropped sends (${dropped.reduce((a, r) => a + r.dropped, 0)} in all)`);
  const busy = records.map((r) => r.hostBusyPct).filter(Number.isFinite);
  if (busy.length)
    notes.push(
      `${mode}: host CPU busy during a trial (all ${os.cpus().length} cores, /proc/stat, whoever used them): median ${median(busy).toFixed(0)} %, max ${Math.max(...busy).toFixed(0)} %`,
    );
  const methods = [...new Set(records.map((r) => r.method).filter(Boolean))];
  if (methods.length) notes.push(`${mode}: interval methods of the watched checks: ${methods.join(', ')}`);
  const reqs = records.filter((r) => r.requests > 0).map((r) => r.requests);
  if (reqs.length)
    notes.push(
      `${mode}: requests per trial report (head side): median ${median(reqs).toLocaleString('en-US')}, min ${Math.min(...reqs).toLocaleString('en-US')}`,
    );
  const unchanged = new Set(SCENARIOS.filter((s) => !s.injected).map((s) => s.id));
  const falseFails = records.filter((r) => unchanged.has(r.scenario) && r.outcome === 'fail');
  for (const r of falseFails) notes.push(`${mode} trial ${r.trial}, ${r.scenario}: failed on ${r.failed.join(', ')}`);
  for (const s of SCENARIOS) {
    const rs = records.filter((r) => r.scenario === s.id && r.probeMs !== undefined);
    const ref = modeInfo.baselines?.[familyOf(s)]?.stage?.probeMs;
    if (rs.length === 0) continue;
    const ratios = ref
      ? ` (÷ the baseline's ${f1(ref)} ms: median ${f2(median(rs.map((r) => r.probeMs)) / ref)}×, max ${f2(Math.max(...rs.map((r) => r.probeMs)) / ref)}×)`
      : '';
    const excused = countList(rs.flatMap((r) => r.untrusted));
    notes.push(`${mode}, ${s.id}: CPU probe median ${f1(median(rs.map((r) => r.probeMs)))} ms${ratios}; failures not trusted: ${excused || 'none'}`);
  }
  const otherFails = records.filter((r) => r.outcome === 'fail' && r.detected === false);
  for (const r of otherFails) notes.push(`${mode} trial ${r.trial}, ${r.scenario}: failed, but not on the injected metric (${r.failed.join(', ')})`);
  return notes;
}

/** One sentence on a calibration plan: its stage, request and rules. */
function planLine(file) {
  const plan = parseYaml(readFileSync(path.join(ROOT, file), 'utf8'));
  const stage = plan.stages?.[0] ?? {};
  const rules = plan.regression
    ? Object.entries(plan.regression)
        .map(([k, v]) => `\`${k}: "${v}"\``)
        .join(', ')
    : 'the defaults (no `regression:` in the plan)';
  const thresholds = plan.thresholds ? JSON.stringify(plan.thresholds) : 'none';
  return `\`${file}\`: one open-model \`load\` stage, ${stage.rate}${stage.ramp ? ` after a ${stage.ramp} ramp from 0` : ''}, ${stage.duration} in all${stage.ramp ? ' (`ab` leaves the ramp out and splits the rest into rounds per side)' : ''}, one \`GET /\` expecting 200; thresholds: ${thresholds}; regression rules: ${rules}`;
}

function writeSection(body) {
  const block = `${SECTION_START}\n${body.trim()}\n${SECTION_END}`;
  const text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const next = SECTION_RE.test(text) ? text.replace(SECTION_RE, () => block) : `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${block}\n`;
  writeFileSync(RESULTS_FILE, next);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CLI_SOURCE)) throw new Error(`${path.relative(ROOT, CLI_SOURCE)} is missing: run \`npm run build\` first`);
  const unknownModes = MODES_ASKED.filter((m) => m !== 'stored' && m !== 'ab');
  if (unknownModes.length || MODES_ASKED.length === 0) throw new Error(`BENCH_MODES takes "stored", "ab" or "stored,ab", got "${process.env.BENCH_MODES}"`);
  const modes = ['stored', 'ab'].filter((m) => MODES_ASKED.includes(m));
  const m = machine();
  const startedAt = new Date();
  const t0 = performance.now();
  tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-bench-gate-'));

  const cliInfo = await probeCli();
  log(`machine: ${m.cores} cores, ${m.cpu}, node ${m.node}; perf-gate ${cliInfo.version} (dist/cli.js sha256 ${cliInfo.sha}…, copied)`);
  log(
    `trials ${TRIALS} per scenario; modes ${modes.join(', ')}; --confirm ${cliInfo.confirm ? 'supported' : `NOT supported (${cliInfo.confirmMessage}): stored trials run without it`}; ab ${cliInfo.ab ? 'available' : `NOT available (${cliInfo.abMessage})`}`,
  );

  const estimateS = TRIALS * SCENARIOS.length * ((modes.includes('stored') ? 10 : 0) + (modes.includes('ab') && cliInfo.ab ? 15 : 0));
  log(`expect roughly ${Math.max(1, Math.round(estimateS / 60))} min (a stored trial ~8 s, ~15 s with a confirm re-run; an A/B trial ~15 s)`);
  // Lifetime bound of the targets: every trial of every mode timing out, plus slack. They end at
  // once anyway when this process ends (IPC disconnect).
  const lifetimeS = 600 + TRIALS * SCENARIOS.length * modes.length * (TRIAL_TIMEOUT_S + 10);
  const startAll = async (which) => {
    for (const [name, cfg] of which) {
      const url = await startTarget(name, cfg, lifetimeS);
      log(
        `target ${name}: ${url} (pid ${targets.get(name).child.pid}, latency × ${cfg.mult}${cfg.extraMs ? ` + ${f3(cfg.extraMs)} ms` : ''}, error probability ${cfg.errorP})`,
      );
      if (WARMUP) await warmUp(url);
    }
  };
  const calibrateBy = modes.length === 1 && modes[0] === 'ab' ? 'ab' : 'run';
  // The p95-relative regressions need the base's p95 as perf-gate measures it (and `ab` the twin beside it).
  const shifted = Object.entries(TARGETS).filter(([name, cfg]) => cfg.p95Shift && NEEDED.has(name));
  if (shifted.length > 0) NEEDED.add('base').add(calibrateBy === 'ab' ? 'twin' : 'base');
  await startAll(Object.entries(TARGETS).filter(([name, cfg]) => !cfg.p95Shift && NEEDED.has(name)));
  let calibration = { runs: [], p95: NaN };
  if (shifted.length > 0) {
    calibration = await calibrateP95(calibrateBy);
    log(`calibration (${calibrateBy}): p95 through perf-gate against the base, ${calibration.runs.map(f3).join(', ')} ms → median ${f3(calibration.p95)} ms`);
    for (const [, cfg] of shifted) cfg.extraMs = cfg.p95Shift * calibration.p95;
    await startAll(shifted);
  }
  const statsBefore = Object.fromEntries(await Promise.all([...targets.keys()].map(async (k) => [k, await targetStats(k)])));

  const results = {}; // mode → { records, info, skipped }
  for (const mode of modes) {
    if (mode === 'stored') {
      const baselines = {};
      for (const family of new Set(SCENARIOS.map(familyOf))) {
        log(`stored: saving the ${family} baseline (one run against ${FAMILIES[family].base})`);
        const b = await saveBaseline(family);
        if (b.error) {
          log(`stored: ${b.error}: stored mode skipped`);
          results.stored = { skipped: b.error };
          break;
        }
        log(
          `stored: ${family} baseline saved (attempt ${b.attempts}; ${b.stage.requests} requests, p50 ${f3(b.stage.p50)} ms, p95 ${f3(b.stage.p95)} ms, ${b.wallS.toFixed(1)} s)${b.trouble ? `: WARNING, ${b.trouble}` : ''}`,
        );
        baselines[family] = b;
      }
      if (results.stored?.skipped) continue;
      const confirm = cliInfo.confirmDefault || cliInfo.confirm;
      const baselineFiles = Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.file]));
      const records = await runMode('stored', { baselineFiles, confirmFlag: !cliInfo.confirmDefault && cliInfo.confirm });
      results.stored = { records, info: { confirm, baselines } };
    } else {
      if (!cliInfo.ab) {
        const why = `skipped: this build answers \`perf-gate ab\` with "${cliInfo.abMessage}"`;
        log(`ab: ${why}`);
        results.ab = { skipped: why };
        continue;
      }
      const records = await runMode('ab', {});
      results.ab = { records, info: { confirm: false } };
    }
  }

  const statsAfter = Object.fromEntries(await Promise.all([...targets.keys()].map(async (k) => [k, await targetStats(k)])));
  await stopTargets();
  const totalS = (performance.now() - t0) / 1000;

  // --- the section
  const cmdEnv = [`BENCH_TRIALS=${TRIALS}`, `BENCH_MODES=${modes.join(',')}`];
  if (AB_ROUNDS) cmdEnv.push(`BENCH_AB_ROUNDS=${AB_ROUNDS}`);
  if (process.env.BENCH_PLAN) cmdEnv.push(`BENCH_PLAN=${process.env.BENCH_PLAN}`);
  if (process.env.BENCH_SCENARIOS) cmdEnv.push(`BENCH_SCENARIOS=${process.env.BENCH_SCENARIOS}`);
  if (process.env.BENCH_BUSY_DUTY) cmdEnv.push(`BENCH_BUSY_DUTY=${process.env.BENCH_BUSY_DUTY}`);
  if (process.env.BENCH_BUSY_PROCS) cmdEnv.push(`BENCH_BUSY_PROCS=${process.env.BENCH_BUSY_PROCS}`);
  const cmd = `${cmdEnv.join(' ')} npm run bench:gate`;
  const rows = [...TABLE_HEAD];
  const skippedLines = [];
  const notes = [];
  for (const mode of modes) {
    const r = results[mode];
    if (r.skipped) {
      skippedLines.push(`- **${mode === 'ab' ? 'A/B' : 'Stored-baseline'} mode ${r.skipped.startsWith('skipped') ? '' : 'skipped: '}${r.skipped}.**`);
      continue;
    }
    rows.push(...tableRows(mode, r.records, r.info));
    notes.push(...notesFor(mode, r.records, r.info));
  }
  const served = Object.keys(statsAfter)
    .map((k) => {
      const a = statsAfter[k];
      const b = statsBefore[k];
      if (!a || !b) return `${k} n/a`;
      const req = a.requests - b.requests;
      const err = a.errors - b.errors;
      return `${k} ${req.toLocaleString('en-US')} (${req ? ((100 * err) / req).toFixed(2) : '0.00'} % 500s, ${a.stalls - b.stalls} stalls)`;
    })
    .join('; ');
  const stored = results.stored;
  const confirmWords = cliInfo.confirmDefault
    ? 'No flags but the files: the CLI confirms a failed regression by default (a stage failing a regression rule runs once more and fails only if the re-run agrees; "confirm re-runs" = trials where that happened, "not confirmed" = trials where a failure became a warning because the re-run did not fail).'
    : cliInfo.confirm
      ? '`--confirm` on (this build does not confirm by default).'
      : `**no confirmation: this build refuses --confirm (${cliInfo.confirmMessage}).**`;
  const baselineWords = (family, b) =>
    `${family}: \`node dist/cli.js run ${FAMILIES[family].plan} --target ${FAMILIES[family].base.toUpperCase()} --save-baseline FILE --out TMPDIR --quiet\` (${b.stage.requests.toLocaleString('en-US')} requests, p50 ${f3(b.stage.p50)} ms, p95 ${f3(b.stage.p95)} ms, p99 ${f3(b.stage.p99)} ms)${b.attempts > 1 ? `, measured ${b.attempts} times: ${b.rejected.map((x) => `not kept: ${x}`).join('; ')}` : ''}${b.trouble ? `; **the baseline kept is untrustworthy: ${b.trouble}**` : ''}`;
  const storedLine = !modes.includes('stored')
    ? '- Stored-baseline mode: not run (BENCH_MODES).'
    : stored.skipped
      ? `- **Stored-baseline mode skipped: ${stored.skipped}.**`
      : `- Stored-baseline mode: one baseline run per target family, ${Object.entries(stored.info.baselines)
          .map(([f, b]) => baselineWords(f, b))
          .join(
            '; ',
          )}; then per trial \`node dist/cli.js run PLAN --target HEAD --baseline FILE${!cliInfo.confirmDefault && cliInfo.confirm ? ' --confirm' : ''} --out TMPDIR --quiet\`. ${confirmWords} Every trial of a scenario is compared with the same stored baseline, so the trials are not independent of it.`;
  const abLine = !modes.includes('ab')
    ? '- A/B mode: not run (BENCH_MODES).'
    : results.ab.skipped
      ? `- **A/B mode ${results.ab.skipped}.**`
      : `- A/B mode: per trial \`node dist/cli.js ab ${PLAN} --base-url BASE --head-url HEAD${AB_ROUNDS ? ` --rounds ${AB_ROUNDS}` : ''} --out TMPDIR --quiet\` (${AB_ROUNDS ? `${AB_ROUNDS} rounds` : "the CLI's default rounds"}); BASE is the base target, HEAD the twin (unchanged) or a regressed target.`;

  const section = `## Gate calibration: false failures and detections

Written by \`bench/gate.mjs\` (\`npm run bench:gate\`); every figure below was measured by that script in the run described here.

- Date: ${startedAt.toISOString()}; whole run ${f1(totalS / 60)} min
- Command: \`${cmd}\` (from the repository root; \`npm run build\` first)
- Machine: ${m.cores} cores, ${m.cpu}, ${m.os}, Node ${m.node}; the targets and perf-gate share these cores
- perf-gate: ${cliInfo.version}, \`${path.relative(ROOT, CLI_SOURCE)}\` sha256 \`${cliInfo.sha}…\` (a copy taken at the start ran every trial)
${[...new Set(SCENARIOS.map(familyOf))].map((f) => `- Plan (${f} family): ${planLine(FAMILIES[f].plan)}`).join('\n')}
- Targets: \`bench/gate-target.mjs\` (Node \`http\`, 127.0.0.1, keep-alive), one fork()ed process per configuration: each family's base, a twin of it, and one per regression. Timer family, per request: delay = (${NOISE.GATE_BASE_MS} ms + an exponentially distributed extra with mean ${NOISE.GATE_JITTER_MS} ms), i.e. median ≈ 5.4 ms, p95 ≈ 10.0 ms, p99 ≈ 13.2 ms (a \`setTimeout\`: whole milliseconds, ±1 ms); a stall with probability 1/${Math.round(1 / NOISE.GATE_STALL_P)} per request (about every 20 s at 2000/s) that blocks the target's event loop for ${NOISE.GATE_STALL_MS} ms; HTTP 500 with the scenario's error probability (base: 0). CPU-work family, per request: ${CPU_NOISE.GATE_CPU_MS} ms of computation on the target's one thread, then a ${CPU_NOISE.GATE_BASE_MS} ms + Exp(mean ${CPU_NOISE.GATE_JITTER_MS} ms) timer: an endpoint of about 4 ms whose time is mostly CPU.
- Scenarios${process.env.BENCH_SCENARIOS ? ` (BENCH_SCENARIOS=${process.env.BENCH_SCENARIOS})` : ''}: ${SCENARIOS.map((s) => s.label).join('; ')}. Latency regressions at p95 (timer family): a fixed ${shifted.map(([k, cfg]) => `${f3(cfg.extraMs)} ms (${k})`).join(', ') || '–'} added to every request, i.e. that share of the p95 perf-gate measured against the base before the trials (median of ${calibration.runs.length} ${calibrateBy === 'ab' ? '`ab` runs, base beside the twin, base side' : '`run` runs'}: ${calibration.runs.map(f3).join(', ') || '–'} ms), so the injected change is that share of p95 as measured (more at p50); CPU-work +5 ms: a 5 ms timer added to every request. Freeze: the target process stopped (SIGSTOP) ${FREEZE_AT_MS} ms after perf-gate starts, mid-stage, and continued (SIGCONT) ${FREEZE_MS} ms later, once per trial (a confirm re-run is not frozen). Runner busy: ${BUSY_PROCS} × \`bench/cpu-busy.mjs\` spinning ${Math.round(BUSY_DUTY * 100)} % of one core each (10-ms periods) during the trial only (a confirm re-run included), never during the stored baseline's run (A/B: beside both sides). ${TRIALS} trials each, in rounds (trial i of every scenario, order rotated per round).
${storedLine}
${abLine}
- A trial: exit 1 = gate failed, exit 0 = pass or warn (\`verdict\` of report.json); anything else, or ${TRIAL_TIMEOUT_S} s without an exit (then killed), is an error. A regression counts as detected only when the failed checks include the injected metric (p95 for latency, error_rate for errors).

${rows.join('\n')}

Median Δ and interval width are those of the metric named in the row (p95 in %, error_rate in percentage points), from the trials' report.json checks (with \`--confirm\`, the first run's figures); median trial time is the wall time of the perf-gate process${modes.includes('stored') && cliInfo.confirm ? ' (a confirm re-run adds one stage)' : ''}.
Requests served by the targets during the trials (share answered 500, event-loop stalls): ${served}.
${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;

  writeSection(section);
  if (JSON_OUT) writeFileSync(path.resolve(JSON_OUT), JSON.stringify({ startedAt, cli: cliInfo, results }, null, 2));
  process.stdout.write(
    `\n${skippedLines.join('\n')}${skippedLines.length ? '\n\n' : ''}${rows.join('\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\nwritten: ${path.relative(process.cwd(), RESULTS_FILE)} (section ${SECTION_START})\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything this script started ends with it.

function killAll() {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
  for (const t of targets.values()) t.child.kill('SIGKILL');
  targets.clear();
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

process.on('exit', killAll);
process.on('SIGINT', () => {
  log('interrupted: stopping the trials and the targets');
  killAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killAll();
  process.exit(143);
});

main()
  .then(() => killAll())
  .catch((err) => {
    process.stderr.write(`bench:gate: ${err.message}\n`);
    killAll();
    process.exitCode = 1;
  });
