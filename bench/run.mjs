// perf-gate benchmark: `npm run bench` (node bench/run.mjs).
//
// Against loopback targets only (127.0.0.1), every generator in its own child process, one at a time:
//
// 0. Tools: nginx and wrk (Debian's nginx-light and wrk; `apt-get install -y nginx-light wrk` when
//    missing and running as root; if they are still missing, the nginx and wrk parts are skipped
//    with a note). `workers: auto` (a stage key): probed with `perf-gate validate` on
//    bench/plans/closed-50-workers.yml; when this build refuses it, the workers rows are skipped
//    with the note "workers not available in this build".
// 1. Closed model, 50 connections, 10 s, BENCH_ROUNDS rounds (default 3, at least 2), against two
//    targets: bench/target.mjs (Node http, fork()ed) and nginx (a generated config in a temp dir,
//    1 KiB file, keep-alive without a request cap). Per round, in an order rotated each round:
//    autocannon, wrk (-t<cores> -c50 -d10s --latency), the bare undici loop (bench/undici-loop.mjs,
//    a reference: the ceiling of an undici-based client), perf-gate with one worker
//    (bench/plans/closed-50.yml) and with workers: auto (bench/plans/closed-50-workers.yml).
//    Ratios perf-gate ÷ autocannon and ÷ wrk per round (median over rounds), and the client
//    overhead: perf-gate p50 − wrk p50 of the same round.
// 2. Open model, perf-gate against the Node target, BENCH_OPEN_S s a run (default 15, the first
//    second a ramp up to the rate; achieved ÷ asked = requests ÷ scheduled sends): 2k, 5k and
//    10k/s, then up a ladder (15k, 20k, 25k, 30k, 40k, 50k) until a rate falls short (achieved
//    < 99 % of asked, or the generator saturated, or sends dropped), then one step between the last
//    rate met and the first short one. One worker, and workers: auto when available.
// 3. Memory: perf-gate at 2000/s for BENCH_SOAK_S s (default 600) against the Node target, VmRSS of
//    its process sampled each second: RSS at 60 s and at the end, growth, report.json size.
//    BENCH_QUICK=1 skips this part.
// 4. Cold start: spawn-to-exit of `node dist/cli.js --version` and `node dist/index.js` (no inputs),
//    beside bare `node -e ""`, 11 interleaved launches each (median, min, max).
// 5. Prints the done-when summary and writes bench/RESULTS.md (overwritten on each run, except for
//    the gate-calibration sections that bench/gate.mjs writes: they are kept, after this content).
//
// Every child has a hard time limit (SIGTERM, SIGKILL 5 s later); the targets end with this process
// (IPC disconnect; nginx runs under `timeout` in its own process group, killed as a group).
// Env: BENCH_ROUNDS (default 3), BENCH_QUICK=1 (no soak), BENCH_WARMUP_S (default 3; 0 = no
// warm-up), BENCH_SOAK_S (default 600, at least 60), BENCH_OPEN_S (default 15, at least 5),
// BENCH_NGINX / BENCH_WRK (paths of the binaries; default /usr/sbin/nginx, /usr/bin/wrk or $PATH),
// BENCH_JSON=FILE (also write every figure as JSON), BENCH_RENDER=FILE (write RESULTS.md again from
// such a file, measuring nothing).
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, busyPct, hostCpu, machine, median, runCmd, runNode } from './lib.mjs';
import { ensureTools, nginxConfig, startNginx, toolVersions } from './nginx.mjs';

const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
const CONNECTIONS = 50; // fixed: the closed-50 plans have vus: 50
const DURATION_S = 10; // fixed: the closed-50 plans have duration: 10s
const CLOSED_PLAN = 'bench/plans/closed-50.yml';
const CLOSED_WORKERS_PLAN = 'bench/plans/closed-50-workers.yml';
const OPEN_PLAN = 'bench/plans/open-rate.yml';
const OPEN_WORKERS_PLAN = 'bench/plans/open-rate-workers.yml';
const OPEN_RATES = [2000, 5000, 10000]; // always run
const OPEN_LADDER = [15000, 20000, 25000, 30000, 40000, 50000]; // then up to the first short rate
const OPEN_SHORT_SHARE = 0.99; // achieved below 99 % of asked = falls short
const SOAK_RATE = 2000;

// BENCH_RENDER: the settings are those of the run that wrote the file.
const RENDER = process.env.BENCH_RENDER ? JSON.parse(readFileSync(path.resolve(process.env.BENCH_RENDER), 'utf8')) : undefined;
const ENV = RENDER ? RENDER.env : Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_')));
const intEnv = (name, dflt, min) => {
  const v = Number.parseInt(ENV[name] ?? '', 10);
  return Number.isFinite(v) ? Math.max(min, v) : dflt;
};
const ROUNDS = intEnv('BENCH_ROUNDS', 3, 2);
const QUICK = ENV.BENCH_QUICK === '1';
const WARMUP_S = intEnv('BENCH_WARMUP_S', 3, 0);
const SOAK_S = intEnv('BENCH_SOAK_S', 600, 60);
const OPEN_S = intEnv('BENCH_OPEN_S', 15, 5);
const WRK_THREADS = os.availableParallelism();
const AUTOCANNON = 'node_modules/autocannon/autocannon.js';
const CLI = 'dist/cli.js';

/** The issue's done-when targets. */
const GOAL = { closedVsAutocannon: 1.0, closedVsWrk: 0.7, openWithin: 0.01, openUpTo: 5000, rssGrowthPct: 10, coldStartMs: 300 };

const children = new Set(); // generator processes running now
let target; // { child, url }
let nginx; // handle from startNginx

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// Targets

/** Start bench/target.mjs in its own process; resolves with its URL once it listens. */
function startTarget(lifetimeS) {
  const child = fork(path.join(ROOT, 'bench', 'target.mjs'), [], {
    cwd: ROOT,
    env: { ...process.env, BENCH_TARGET_MAX_S: String(lifetimeS) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('target did not start within 10 s')), 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve({ child, url: `http://127.0.0.1:${m.port}/` });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`target exited early (${code})`));
    });
  });
}

/** Counters kept by the Node target: connections accepted and requests answered so far. */
function targetStats() {
  const child = target?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(undefined);
    }, 2000);
    const onMessage = (m) => {
      if (!m?.stats) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m.stats);
    };
    child.on('message', onMessage);
    child.send({ cmd: 'stats' });
  });
}

/** Run one generator and add what the host (and the Node target, if `withStats`) saw meanwhile. */
async function observed(run, withStats) {
  const s0 = withStats ? await targetStats() : undefined;
  const c0 = hostCpu();
  const r = await run();
  const c1 = hostCpu();
  const s1 = withStats ? await targetStats() : undefined;
  if (s0 && s1) {
    r.targetConnections = s1.connections - s0.connections;
    r.targetRequests = s1.requests - s0.requests;
  }
  r.hostBusyPct = busyPct(c0, c1);
  return r;
}

async function stopTarget() {
  if (!target) return;
  const child = target.child;
  target = undefined;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(t);
}

async function stopNginx() {
  const n = nginx;
  nginx = undefined;
  await n?.stop();
}

// ---------------------------------------------------------------------------------------------
// The generators

const run = (cmd, args, timeoutMs, env) => runCmd(cmd, args, timeoutMs, { children, sampleRss: true, env });
const lastLines = (s, n = 2) =>
  s
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(-n)
    .join(' / ');

function maxRss(r) {
  const sampled = r.samples.reduce((m, s) => Math.max(m, s.rssKb), 0);
  return Math.max(sampled, r.hwmKb ?? 0) || undefined;
}

function autocannonArgs(url, durationS) {
  return [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(durationS), '--json', url];
}

async function runAutocannon(url, durationS = DURATION_S) {
  const r = await run(process.execPath, autocannonArgs(url, durationS), (durationS + 30) * 1000);
  const line = r.stdout
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'));
  if (!line)
    return { tool: 'autocannon', failed: `autocannon printed no JSON (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}): ${lastLines(r.stderr)}` };
  const j = JSON.parse(line);
  return {
    tool: 'autocannon',
    rps: j.requests.total / j.duration,
    rpsAvgOfSeconds: j.requests.average,
    p50: j.latency.p50,
    p99: j.latency.p99,
    requests: j.requests.total,
    errors: j.errors + j.timeouts + j.non2xx,
    durationS: j.duration,
    maxRssKb: maxRss(r),
    wallS: r.wallS,
  };
}

/** The bare undici loop (bench/undici-loop.mjs): what perf-gate's HTTP client is built on, with nothing on top. */
async function runUndiciLoop(url) {
  const r = await run(process.execPath, ['bench/undici-loop.mjs', url, String(CONNECTIONS), String(DURATION_S)], (DURATION_S + 30) * 1000);
  const line = r.stdout
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'));
  if (!line)
    return { tool: 'undici', failed: `undici loop printed no JSON (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}): ${lastLines(r.stderr)}` };
  const j = JSON.parse(line);
  return {
    tool: 'undici',
    rps: j.requests / j.durationS,
    p50: NaN,
    p99: NaN,
    requests: j.requests,
    errors: j.errors,
    durationS: j.durationS,
    maxRssKb: maxRss(r),
    wallS: r.wallS,
  };
}

function wrkArgs(url) {
  return [`-t${WRK_THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--latency', url];
}

/** wrk prints times as 612.00us, 1.04ms, 1.20s, 2.00m. */
function wrkMs(text) {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text ?? '');
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2]];
}

function parseWrk(out) {
  const dist = Object.fromEntries([...out.matchAll(/^\s+(50|75|90|99)%\s+(\S+)\s*$/gm)].map((m) => [m[1], wrkMs(m[2])]));
  const total = /^\s*(\d+) requests in (\S+),/m.exec(out);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const avg = /^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(out);
  return {
    rps: rps ? Number(rps[1]) : NaN,
    p50: dist['50'],
    p75: dist['75'],
    p90: dist['90'],
    p99: dist['99'],
    max: avg ? wrkMs(avg[3]) : NaN,
    requests: total ? Number(total[1]) : NaN,
    durationS: total ? wrkMs(total[2]) / 1000 : NaN,
    errors: (sock ? sock.slice(1).reduce((a, x) => a + Number(x), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
  };
}

async function runWrk(wrk, url) {
  const r = await run(wrk, wrkArgs(url), (DURATION_S + 30) * 1000);
  const p = parseWrk(r.stdout);
  if (r.code !== 0 || !Number.isFinite(p.rps) || !Number.isFinite(p.p50)) {
    return {
      tool: 'wrk',
      failed: `wrk exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}, no Requests/sec or 50% line: ${lastLines(r.stderr || r.stdout)}`,
    };
  }
  return { tool: 'wrk', ...p, maxRssKb: maxRss(r), wallS: r.wallS };
}

/**
 * One `perf-gate run PLAN --target URL --out TMP --quiet`; the first stage of report.json.
 * Never throws: a run without a report is { failed }.
 */
async function runPerfGate(url, plan, timeoutMs, env = {}) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-bench-'));
  try {
    const r = await run(process.execPath, [CLI, 'run', plan, '--target', url, '--out', out, '--quiet'], timeoutMs, { ...process.env, ...env });
    const reportPath = path.join(out, 'report.json');
    if (!existsSync(reportPath)) {
      return {
        tool: 'perf-gate',
        failed: `perf-gate wrote no report (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}): ${lastLines(r.stderr)}`,
        exitCode: r.code,
      };
    }
    const reportBytes = statSync(reportPath).size;
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const s = report.stages[0];
    return {
      tool: 'perf-gate',
      exitCode: r.code,
      timedOut: r.timedOut,
      stderr: r.stderr.trim(),
      rps: s.rps,
      p50: s.latency_ms.p50,
      p99: s.latency_ms.p99,
      max: s.latency_ms.max,
      requests: s.requests,
      scheduled: s.scheduled,
      errors: s.errors,
      errorsByKind: s.errors_by_kind,
      durationS: s.duration_s,
      saturated: s.generator_saturated ?? s.generator?.saturated,
      saturatedReason: s.generator?.reason,
      lateSends: s.late_sends ?? s.generator?.late_sends,
      dropped: s.dropped ?? s.generator?.dropped,
      loopLagP99: s.generator?.loop_lag_p99_ms,
      loopLagMax: s.generator?.loop_lag_max_ms,
      timeline: (s.timeline ?? []).map((w) => ({ t: w.t, requests: w.requests, p50: w.p50, p99: w.p99, max: w.max, active: w.active })),
      maxRssKb: maxRss(r),
      wallS: r.wallS,
      samples: r.samples,
      hwmKb: r.hwmKb,
      reportBytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Whether this build of perf-gate takes `workers: auto` (validate of the workers plans). */
async function probeWorkers() {
  const env = { ...process.env, BENCH_RATE: '2000', BENCH_DURATION_S: '10' };
  for (const plan of [CLOSED_WORKERS_PLAN, OPEN_WORKERS_PLAN]) {
    const r = await runNode([CLI, 'validate', plan], 30_000, { children, env });
    if (r.code !== 0)
      return {
        ok: false,
        why: `workers not available in this build (\`perf-gate validate ${plan}\`: exit ${r.code ?? r.signal}: ${lastLines(r.stderr || r.stdout, 1)})`,
      };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Numbers and formatting

const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const signed3 = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(3)}` : 'n/a');
const pct = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} %` : 'n/a');
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(1) : 'n/a');
const rateK = (r) => `${r % 1000 === 0 ? r / 1000 : (r / 1000).toFixed(1)}k/s`;
const met = (ok) => (ok ? '**met**' : '**not met**');

function nearestSample(samples, t, notAfter = Infinity) {
  let best;
  for (const s of samples) if (s.t <= notAfter + 0.5 && (!best || Math.abs(s.t - t) < Math.abs(best.t - t))) best = s;
  return best;
}

function sha256(file) {
  try {
    return createHash('sha256')
      .update(readFileSync(path.join(ROOT, file)))
      .digest('hex')
      .slice(0, 12);
  } catch {
    return 'missing';
  }
}

// ---------------------------------------------------------------------------------------------
// Part 1: closed model

/** The generators of the closed part, for one target. */
function closedTools(tools, workers) {
  const list = [
    { id: 'ac', label: 'autocannon', run: (url) => runAutocannon(url) },
    tools.wrk && { id: 'wrk', label: `wrk (${WRK_THREADS} threads)`, run: (url) => runWrk(tools.wrk, url) },
    { id: 'undici', label: 'bare undici loop (reference)', run: (url) => runUndiciLoop(url) },
    { id: 'pg1', label: 'perf-gate, 1 worker', run: (url) => runPerfGate(url, CLOSED_PLAN, (DURATION_S + 60) * 1000) },
    workers.ok && { id: 'pgAuto', label: 'perf-gate, workers: auto', run: (url) => runPerfGate(url, CLOSED_WORKERS_PLAN, (DURATION_S + 60) * 1000) },
  ];
  return list.filter(Boolean);
}

async function closedPart(name, url, tools, workers, withStats) {
  const list = closedTools(tools, workers);
  if (WARMUP_S > 0) {
    log(`${name}: warm-up, autocannon ${WARMUP_S} s (not recorded)`);
    await runAutocannon(url, WARMUP_S);
  }
  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const round = { round: i, order: [] };
    for (let k = 0; k < list.length; k++) {
      const t = list[(i - 1 + k) % list.length];
      if (t.id === 'pgAuto' && !workers.ok) continue; // refused by an earlier run
      log(`${name} round ${i}/${ROUNDS}: ${t.label}`);
      const r = await observed(() => t.run(url), withStats);
      round[t.id] = r;
      round.order.push(t.id);
      if (r.failed) {
        log(`  FAILED: ${r.failed}`);
        if (t.id === 'pgAuto' && r.exitCode === 2 && /workers/i.test(r.failed)) {
          workers.ok = false;
          workers.why = `workers not available in this build (perf-gate run refused ${CLOSED_WORKERS_PLAN}: ${r.failed})`;
        }
      } else {
        log(`  ${f0(r.rps)} req/s, p50 ${f3(r.p50)} ms, p99 ${f3(r.p99)} ms, errors ${r.errors}`);
      }
    }
    rounds.push(round);
  }
  return { name, url, tools: list, rounds };
}

const ratio = (a, b) => (a && b && !a.failed && !b.failed ? a.rps / b.rps : NaN);
const p50Diff = (a, b) => (a && b && !a.failed && !b.failed ? a.p50 - b.p50 : NaN);

function closedRatios(part) {
  const per = (fn) => part.rounds.map(fn);
  return {
    pg1Ac: median(per((r) => ratio(r.pg1, r.ac))),
    undiciAc: median(per((r) => ratio(r.undici, r.ac))),
    pg1Undici: median(per((r) => ratio(r.pg1, r.undici))),
    pg1Wrk: median(per((r) => ratio(r.pg1, r.wrk))),
    autoAc: median(per((r) => ratio(r.pgAuto, r.ac))),
    autoWrk: median(per((r) => ratio(r.pgAuto, r.wrk))),
    pg1Over: median(per((r) => p50Diff(r.pg1, r.wrk))),
    autoOver: median(per((r) => p50Diff(r.pgAuto, r.wrk))),
  };
}

function closedTable(part) {
  const rows = [
    '| round | generator | req/s | p50 ms | p99 ms | requests | errors | max RSS MB | connections | host CPU busy |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const label = Object.fromEntries(part.tools.map((t) => [t.id, t.label]));
  for (const r of part.rounds) {
    for (const id of r.order) {
      const x = r[id];
      if (x.failed) rows.push(`| ${r.round} | ${label[id]} | failed | | | | | | | ${pct(x.hostBusyPct)} |`);
      else
        rows.push(
          `| ${r.round} | ${label[id]} | ${f0(x.rps)} | ${f3(x.p50)} | ${f3(x.p99)} | ${f0(x.requests)} | ${x.errors} | ${mb(x.maxRssKb)} | ${x.targetConnections ?? 'n/a'} | ${pct(x.hostBusyPct)} |`,
        );
    }
  }
  for (const t of part.tools) {
    const xs = part.rounds.map((r) => r[t.id]).filter((x) => x && !x.failed);
    if (xs.length === 0) continue;
    rows.push(
      `| median | ${t.label} | ${f0(median(xs.map((x) => x.rps)))} | ${f3(median(xs.map((x) => x.p50)))} | ${f3(median(xs.map((x) => x.p99)))} | | | | | |`,
    );
  }
  return rows.join('\n');
}

function ratioTable(part, workers, tools) {
  const rows = [
    '| round | perf-gate 1 worker ÷ autocannon | perf-gate 1 worker ÷ wrk | perf-gate workers: auto ÷ autocannon | perf-gate workers: auto ÷ wrk | bare undici ÷ autocannon | perf-gate 1 worker ÷ bare undici |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of part.rounds) {
    rows.push(
      `| ${r.round} | ${f3(ratio(r.pg1, r.ac))} | ${f3(ratio(r.pg1, r.wrk))} | ${f3(ratio(r.pgAuto, r.ac))} | ${f3(ratio(r.pgAuto, r.wrk))} | ${f3(ratio(r.undici, r.ac))} | ${f3(ratio(r.pg1, r.undici))} |`,
    );
  }
  const q = closedRatios(part);
  rows.push(
    `| **median** | **${f3(q.pg1Ac)}** | **${f3(q.pg1Wrk)}** | **${f3(q.autoAc)}** | **${f3(q.autoWrk)}** | **${f3(q.undiciAc)}** | **${f3(q.pg1Undici)}** |`,
  );
  rows.push(
    `| done-when | ≥ ${GOAL.closedVsAutocannon.toFixed(1)}: ${verdictClosedAc(part).text} | – | – | ≥ ${GOAL.closedVsWrk}: ${verdictClosedWrk(part, workers, tools).text} | (reference) | (reference) |`,
  );
  return rows.join('\n');
}

function overheadTable(part) {
  const rows = [
    '| round | wrk p50 ms | perf-gate 1 worker p50 ms | overhead (1 worker − wrk) ms | perf-gate workers: auto p50 ms | overhead (auto − wrk) ms | wrk p99 ms | perf-gate 1 worker p99 ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const p = (x, k) => (x && !x.failed ? x[k] : NaN);
  for (const r of part.rounds) {
    rows.push(
      `| ${r.round} | ${f3(p(r.wrk, 'p50'))} | ${f3(p(r.pg1, 'p50'))} | ${signed3(p50Diff(r.pg1, r.wrk))} | ${f3(p(r.pgAuto, 'p50'))} | ${signed3(p50Diff(r.pgAuto, r.wrk))} | ${f3(p(r.wrk, 'p99'))} | ${f3(p(r.pg1, 'p99'))} |`,
    );
  }
  const q = closedRatios(part);
  rows.push(`| **median** | | | **${signed3(q.pg1Over)}** | | **${signed3(q.autoOver)}** | | |`);
  return rows.join('\n');
}

function verdictClosedAc(part) {
  const x = closedRatios(part).pg1Ac;
  return Number.isFinite(x) ? { text: met(x >= GOAL.closedVsAutocannon), figure: `${f3(x)}×` } : { text: 'not measured', figure: 'n/a' };
}

function verdictClosedWrk(part, workers, tools) {
  if (!tools.wrk) return { text: 'not measured (wrk not available)', figure: 'n/a' };
  if (!workers.ok) return { text: 'not measured (workers not available in this build)', figure: 'n/a' };
  const x = closedRatios(part).autoWrk;
  return Number.isFinite(x) ? { text: met(x >= GOAL.closedVsWrk), figure: `${f3(x)}×` } : { text: 'not measured (runs failed)', figure: 'n/a' };
}

// ---------------------------------------------------------------------------------------------
// Part 2: open model

function fallsShort(o) {
  if (o.failed) return `run failed: ${o.failed}`;
  const why = [];
  if (o.share < OPEN_SHORT_SHARE) why.push(`achieved ${(100 * o.share).toFixed(1)} % of asked`);
  if (o.saturated) why.push(`generator saturated${o.saturatedReason ? ` (${o.saturatedReason})` : ''}`);
  if (o.dropped > 0) why.push(`${o.dropped} sends dropped`);
  return why.join('; ');
}

async function openRun(url, plan, rate) {
  const r = await observed(() => runPerfGate(url, plan, (OPEN_S + 60) * 1000, { BENCH_RATE: String(rate), BENCH_DURATION_S: String(OPEN_S) }), true);
  r.asked = rate;
  // Sent ÷ scheduled: the plans ramp up over their first second (a cold client opening a thousand
  // connections in its first milliseconds measures its own start-up), and the schedule counts the ramp.
  r.share = r.failed ? NaN : r.requests / r.scheduled;
  if (!r.failed) r.rps = r.share * rate;
  r.short = fallsShort(r);
  return r;
}

async function openLadder(label, url, plan) {
  const runs = [];
  const go = async (rate) => {
    log(`open model (${label}): ${rate}/s for ${OPEN_S} s`);
    const r = await openRun(url, plan, rate);
    log(
      r.failed
        ? `  FAILED: ${r.failed}`
        : `  achieved ${f2(r.rps)}/s (${(100 * r.share).toFixed(2)} %), late ${r.lateSends}, dropped ${r.dropped}, saturated ${r.saturated}${r.short ? `: falls short (${r.short})` : ''}`,
    );
    runs.push(r);
    return r;
  };
  for (const rate of OPEN_RATES) await go(rate);
  if (!runs.some((r) => r.short)) {
    for (const rate of OPEN_LADDER) if ((await go(rate)).short) break;
  }
  // One step between the highest rate met below the first short one and that rate.
  const firstShort = runs.filter((r) => r.short).sort((a, b) => a.asked - b.asked)[0];
  if (firstShort && !firstShort.failed) {
    const below = runs.filter((r) => !r.short && r.asked < firstShort.asked).sort((a, b) => b.asked - a.asked)[0];
    if (below && firstShort.asked - below.asked > 1000) {
      const mid = Math.round((below.asked + firstShort.asked) / 2 / 500) * 500;
      if (!runs.some((r) => r.asked === mid)) await go(mid);
    }
  }
  return { label, plan, runs };
}

function openSummary(ladder) {
  const sorted = [...ladder.runs].sort((a, b) => a.asked - b.asked);
  const firstShort = sorted.find((r) => r.short);
  const lastMet = firstShort ? sorted.filter((r) => !r.short && r.asked < firstShort.asked).pop() : sorted.filter((r) => !r.short).pop();
  if (!firstShort)
    return { firstShort: undefined, text: `met at every rate tried, up to ${rateK(lastMet.asked)}: it did not fall short below ${rateK(sorted.at(-1).asked)}` };
  return {
    firstShort,
    text: `first falls short at **${rateK(firstShort.asked)}** (${firstShort.short})${lastMet ? `; highest rate met below it: ${rateK(lastMet.asked)}` : '; already at the lowest rate tried'}`,
  };
}

function verdictOpen(ladder) {
  if (!ladder) return { text: 'not measured', figure: 'n/a' };
  const upTo = ladder.runs.filter((r) => r.asked <= GOAL.openUpTo).sort((a, b) => a.asked - b.asked);
  const ok = upTo.length > 0 && upTo.every((r) => !r.failed && Math.abs(r.share - 1) <= GOAL.openWithin && !r.saturated && !(r.dropped > 0));
  const figure = upTo
    .map(
      (r) =>
        `${rateK(r.asked)}: ${r.failed ? 'failed' : `${f3(r.share)}${r.saturated ? ' (saturated)' : ''}${r.dropped > 0 ? ` (${r.dropped} dropped)` : ''}`}`,
    )
    .join(', ');
  return { text: met(ok), figure };
}

function openTable(ladder) {
  const rows = [
    '| asked req/s | achieved req/s | achieved ÷ asked | scheduled | requests | errors | late sends | dropped | generator saturated | loop lag p99 ms | p50 ms | p99 ms | max RSS MB | connections | host CPU busy | falls short? |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of [...ladder.runs].sort((a, b) => a.asked - b.asked)) {
    if (r.failed) {
      rows.push(`| ${f0(r.asked)} | failed | | | | | | | | | | | | | ${pct(r.hostBusyPct)} | ${r.short} |`);
      continue;
    }
    rows.push(
      `| ${f0(r.asked)} | ${f2(r.rps)} | ${f3(r.share)} | ${f0(r.scheduled)} | ${f0(r.requests)} | ${r.errors} | ${r.lateSends} | ${r.dropped} | ${r.saturated}${r.saturatedReason ? ` (${r.saturatedReason})` : ''} | ${f3(r.loopLagP99)} | ${f3(r.p50)} | ${f3(r.p99)} | ${mb(r.maxRssKb)} | ${r.targetConnections ?? 'n/a'} | ${pct(r.hostBusyPct)} | ${r.short ? `yes: ${r.short}` : 'no'} |`,
    );
  }
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Part 3: memory

function soakFigures(o) {
  const end = nearestSample(o.samples, SOAK_S, SOAK_S);
  const at60 = nearestSample(o.samples, 60);
  const growthPct = at60 && end ? (100 * (end.rssKb - at60.rssKb)) / at60.rssKb : NaN;
  return { at60, end, growthPct };
}

function verdictSoak(o) {
  if (!o) return { text: `not measured (${QUICK ? 'BENCH_QUICK=1' : 'no soak run'})`, figure: 'n/a' };
  if (o.failed) return { text: 'not measured (the run failed)', figure: 'n/a' };
  const { at60, end, growthPct } = soakFigures(o);
  const short = SOAK_S < 600 ? ` (over 60–${SOAK_S} s only: BENCH_SOAK_S=${SOAK_S}, not the 10-min figure)` : '';
  return { text: `${met(growthPct < GOAL.rssGrowthPct)}${short}`, figure: `${f1(growthPct)} % (${mb(at60?.rssKb)} → ${mb(end?.rssKb)} MB)` };
}

function soakSection(o) {
  if (!o) return `Skipped (BENCH_QUICK=1): no soak figures in this run.`;
  if (o.failed) return `**The soak run failed: ${o.failed}**`;
  const { at60, end, growthPct } = soakFigures(o);
  const after60 = o.samples.filter((s) => s.t >= 60);
  const minAfter = after60.reduce((m, s) => Math.min(m, s.rssKb), Infinity);
  const maxAfter = after60.reduce((m, s) => Math.max(m, s.rssKb), 0);
  const at = (s) => (s ? `${mb(s.rssKb)} MB (sample at ${s.t.toFixed(1)} s)` : 'n/a');
  const step = SOAK_S > 120 ? 30 : 5;
  const series = o.samples
    .filter((s, i) => i === 0 || Math.round(s.t) % step === 0)
    .map((s) => `${Math.round(s.t)}s:${mb(s.rssKb)}`)
    .join(' ');
  const worst = [...o.timeline]
    .sort((a, b) => b.p99 - a.p99)
    .slice(0, 3)
    .map((w) => `t=${w.t}: p50 ${f3(w.p50)} / p99 ${f3(w.p99)} / max ${f3(w.max)} ms, ${w.requests} req, active ${w.active}`)
    .join('; ');
  return [
    '| measure | value | done-when |',
    '| --- | --- | --- |',
    `| VmRSS at 60 s | ${at(at60)} | |`,
    `| VmRSS at ${SOAK_S} s | ${at(end)} | |`,
    `| RSS growth, 60 s → ${SOAK_S} s | **${f1(growthPct)} %** | < ${GOAL.rssGrowthPct} % between 1 and 10 min: ${verdictSoak(o).text} |`,
    `| VmRSS min / max of the 1-s samples after 60 s | ${mb(minAfter)} / ${mb(maxAfter)} MB (${o.samples.length} samples in all) | |`,
    `| VmHWM (kernel peak RSS), last read | ${mb(o.hwmKb)} MB | |`,
    `| report.json size | ${f0(o.reportBytes)} bytes | |`,
    `| requests / errors | ${f0(o.requests)} / ${o.errors} | |`,
    `| achieved req/s (stage) | ${f2(o.rps)} (asked ${SOAK_RATE}) | |`,
    `| p50 / p99 / max ms | ${f3(o.p50)} / ${f3(o.p99)} / ${f3(o.max)} | |`,
    `| late sends / dropped / generator saturated | ${o.lateSends} / ${o.dropped} / ${o.saturated} | |`,
    `| event-loop lag p99 / max ms | ${f3(o.loopLagP99)} / ${f3(o.loopLagMax)} | |`,
    `| process wall time / exit code | ${f2(o.wallS)} s / ${o.exitCode} | |`,
    `| connections accepted by the target during the run | ${o.targetConnections ?? 'n/a'} | |`,
    `| host CPU busy during the run (all ${os.cpus().length} cores) | ${pct(o.hostBusyPct)} | |`,
    '',
    `1-s windows with the highest p99 (t = seconds since stage start): ${worst}`,
    '',
    `VmRSS series (MB, seconds since the perf-gate process was spawned, every ${step} s): ${series}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Part 4: cold start

const COLD_RUNS = 11;

/**
 * Start-up as a user meets it: spawn to exit of `node dist/cli.js --version` (the bundle loaded,
 * nothing run) and of `node dist/index.js` with no inputs (loaded, settings read, exit 1 on the
 * missing plan input), beside bare `node -e ""` on the same machine; launches interleaved.
 */
async function coldStarts() {
  const cases = [
    ['bare node (`node -e ""`)', ['-e', ''], false],
    ['`node dist/cli.js --version`', [CLI, '--version'], true],
    ['`node dist/index.js` (no inputs: loads, reads settings, exits 1)', ['dist/index.js'], true],
  ];
  const times = cases.map(() => []);
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [k, [, args]] of cases.entries()) times[k].push((await runNode(args, 30_000, { children })).wallS * 1000);
  }
  return cases.map(([label, , goal], k) => ({ label, goal, ms: times[k] }));
}

function coldSection(cold) {
  const rows = ['| what | median | min | max | done-when (< 300 ms) |', '| --- | ---: | ---: | ---: | --- |'];
  for (const c of cold)
    rows.push(
      `| ${c.label} | **${f0(median(c.ms))}** | ${f0(Math.min(...c.ms))} | ${f0(Math.max(...c.ms))} | ${c.goal ? met(median(c.ms) < GOAL.coldStartMs) : ''} |`,
    );
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------
// RESULTS.md

/**
 * The `<!-- gate-calibration…:start -->…end -->` blocks of the existing RESULTS.md (bench/gate.mjs
 * writes the latest; earlier runs kept beside it have their own suffix), if any.
 */
function keptGateSection() {
  if (!existsSync(RESULTS_FILE)) return undefined;
  const blocks = readFileSync(RESULTS_FILE, 'utf8').match(
    /<!-- (gate-calibration[a-z-]*|request-loop|resources-calibration):start -->[\s\S]*?<!-- \1:end -->/g,
  );
  return blocks ? blocks.join('\n\n') : undefined;
}

function command() {
  const env = [];
  if (QUICK) env.push('BENCH_QUICK=1');
  env.push(`BENCH_ROUNDS=${ROUNDS}`);
  if (ENV.BENCH_WARMUP_S !== undefined) env.push(`BENCH_WARMUP_S=${WARMUP_S}`);
  if (ENV.BENCH_SOAK_S !== undefined && !QUICK) env.push(`BENCH_SOAK_S=${SOAK_S}`);
  if (ENV.BENCH_OPEN_S !== undefined) env.push(`BENCH_OPEN_S=${OPEN_S}`);
  for (const k of ['BENCH_NGINX', 'BENCH_WRK']) if (ENV[k] !== undefined) env.push(`${k}=${ENV[k]}`);
  return `${env.join(' ')} npm run bench`;
}

function summaryTable(res) {
  const rows = ['| done-when target (the issue) | figure in this run | verdict |', '| --- | --- | --- |'];
  for (const part of res.closed) {
    const a = verdictClosedAc(part);
    rows.push(`| closed model ≥ ${GOAL.closedVsAutocannon.toFixed(1)}× autocannon req/s, one worker (${part.name}) | ${a.figure} | ${a.text} |`);
  }
  for (const part of res.closed) {
    const w = verdictClosedWrk(part, res.workers, res.tools);
    rows.push(`| closed model ≥ ${GOAL.closedVsWrk}× wrk req/s, workers: auto (${part.name}) | ${w.figure} | ${w.text} |`);
  }
  if (res.skippedNginx) rows.push(`| closed model against nginx | n/a | not measured (${res.skippedNginx}) |`);
  const o1 = verdictOpen(res.open[0]);
  rows.push(`| open model within 1 % of the asked rate up to 5k/s, one worker (achieved ÷ asked) | ${o1.figure} | ${o1.text} |`);
  if (res.open[1]) {
    const o2 = verdictOpen(res.open[1]);
    rows.push(`| (the same, workers: auto) | ${o2.figure} | ${o2.text} |`);
  }
  const s = verdictSoak(res.soak);
  rows.push(`| RSS growth < ${GOAL.rssGrowthPct} % between 1 and 10 min at 2k/s | ${s.figure} | ${s.text} |`);
  for (const c of res.cold.filter((x) => x.goal))
    rows.push(
      `| cold start < ${GOAL.coldStartMs} ms: ${c.label} | ${f0(median(c.ms))} ms (median of ${c.ms.length}) | ${met(median(c.ms) < GOAL.coldStartMs)} |`,
    );
  return rows.join('\n');
}

function closedSection(part, res) {
  const notes = [];
  for (const r of part.rounds) {
    for (const id of ['pg1', 'pgAuto']) {
      const p = r[id];
      if (!p) continue;
      if (p.failed) {
        notes.push(`- round ${r.round} ${id === 'pg1' ? 'perf-gate 1 worker' : 'perf-gate workers: auto'}: **failed**: ${p.failed}`);
        continue;
      }
      const bits = [
        `exit ${p.exitCode}`,
        `stage ${p.durationS} s`,
        `saturated ${p.saturated}`,
        `loop lag p99 ${f3(p.loopLagP99)} ms / max ${f3(p.loopLagMax)} ms`,
        `max ${f3(p.max)} ms`,
      ];
      if (p.errors > 0) bits.push(`errors_by_kind ${JSON.stringify(p.errorsByKind)}`);
      if (p.stderr) bits.push(`stderr: ${lastLines(p.stderr)}`);
      notes.push(`- round ${r.round} ${id === 'pg1' ? 'perf-gate 1 worker' : 'perf-gate workers: auto'}: ${bits.join('; ')}`);
    }
    for (const id of ['ac', 'wrk', 'undici'])
      if (r[id]?.failed) notes.push(`- round ${r.round} ${{ ac: 'autocannon', wrk: 'wrk', undici: 'bare undici loop' }[id]}: **failed**: ${r[id].failed}`);
  }
  return `### ${part.name}

Generators, per round in this order, rotated by one each round: ${part.tools.map((t) => t.label).join('; ')}.${res.workers.ok ? '' : ` perf-gate with workers: auto: skipped, ${res.workers.why}.`}${res.tools.wrk ? '' : ' wrk: skipped (not available).'}

${closedTable(part)}

Throughput ratios (req/s of the same round):

${ratioTable(part, res.workers, res.tools)}

${notes.join('\n')}`;
}

function overheadSection(res) {
  if (!res.tools.wrk) return 'Not measured: wrk is not available (see Setup).';
  return res.closed
    .map(
      (part) => `### ${part.name}

${overheadTable(part)}`,
    )
    .join('\n\n');
}

function openSection(res) {
  if (res.open.length === 0) return 'Not run.';
  const parts = res.open.map((ladder) => {
    const s = openSummary(ladder);
    const v = verdictOpen(ladder);
    return `### ${ladder.label} (\`${ladder.plan}\`)

${openTable(ladder)}

- Where it falls short: ${s.text}.
- Done-when, within 1 % of the asked rate up to 5k/s: ${v.figure}: ${v.text}.`;
  });
  if (!res.workers.ok) parts.push(`### perf-gate, workers: auto\n\nSkipped: ${res.workers.why}.`);
  return parts.join('\n\n');
}

function setupLine(res) {
  const t = res.tools;
  const found = [t.nginx && `nginx \`${t.nginx}\``, t.wrk && `wrk \`${t.wrk}\``].filter(Boolean);
  return [
    !t.installed && found.length ? `${found.join(' and ')} already installed` : undefined,
    ...t.notes,
    t.wrk ? `wrk threads = available cores = ${WRK_THREADS}` : undefined,
    res.workers.ok ? '`workers: auto` accepted by this build' : res.workers.why,
  ]
    .filter(Boolean)
    .join('; ');
}

function writeResults(res) {
  const m = res.machine;
  const nodeTarget = '`bench/target.mjs` (Node `http`, fork()ed, 127.0.0.1, `GET /` → 200 with a fixed 1024-byte body, keep-alive)';
  const nginxTarget =
    res.nginxInfo && !res.skippedNginx
      ? `nginx (${res.versions.nginx ?? 'version unknown'}, Debian's package, \`${res.tools.nginx}\`) serving a 1024-byte \`index.html\` at \`/\` on 127.0.0.1, started as \`${res.nginxInfo.command}\` under \`timeout\`, with this generated config (PREFIX = a temp dir):\n\n\`\`\`nginx\n${nginxConfig('PREFIX', 'PORT')}\`\`\``
      : `nginx: **not measured: ${res.skippedNginx}**`;
  const distNote =
    res.cliShaStart === res.cliShaEnd
      ? `\`dist/cli.js\` sha256 \`${res.cliShaStart}…\` (unchanged during the run)`
      : `**\`dist/cli.js\` changed during the run (sha256 \`${res.cliShaStart}…\` → \`${res.cliShaEnd}…\`): figures may mix two builds**`;
  const md = `# perf-gate benchmark results

Written by \`bench/run.mjs\`; every figure below was measured by that script in the one run described here.

- Command: \`${command()}\` (from the repository root; \`npm run build\` first)
- Date: ${res.startedAt.toISOString()}; whole run ${f1(res.totalS / 60)} min
- Machine: ${m.cores} cores, ${m.cpu}, ${m.memGb} GiB RAM, ${m.os}, Node ${m.node}; the targets and the generators share these cores, one generator at a time
- perf-gate ${res.version}, ${distNote}; autocannon ${res.versions.autocannon}; ${res.versions.wrk ?? 'wrk not available'}
- Setup: ${setupLine(res)}

## Done-when targets

${summaryTable(res)}

## 1. Closed model: ${CONNECTIONS} connections, ${DURATION_S} s, ${ROUNDS} rounds

- Targets: ${nodeTarget}; ${nginxTarget}
- Each target had an unrecorded ${WARMUP_S}-s autocannon warm-up first${WARMUP_S > 0 ? '' : ' (none: BENCH_WARMUP_S=0)'}.
- \`node ${autocannonArgs('URL', DURATION_S).join(' ')}\`: req/s = \`requests.total / duration\` of its JSON; latencies at 1-ms resolution (whole milliseconds)
- \`wrk ${wrkArgs('URL').join(' ')}\`: req/s = its \`Requests/sec\`, p50/p99 = its latency distribution (microsecond resolution); errors = socket errors + non-2xx${res.tools.wrk ? '' : ' (**not run: wrk not available**)'}
- \`node bench/undici-loop.mjs URL ${CONNECTIONS} ${DURATION_S}\` (reference, not a peer): undici's \`Pool.dispatch\` with ${CONNECTIONS} requests in flight, each response sending the next, nothing recorded: the ceiling of any client built on undici, perf-gate's included; req/s = requests ÷ its own elapsed time
- \`node ${CLI} run ${CLOSED_PLAN} --target URL --out TMPDIR --quiet\` (one worker) and \`node ${CLI} run ${CLOSED_WORKERS_PLAN} …\` (\`workers: auto\`${res.workers.ok ? '' : ': **not run**'}): req/s = \`stages[0].rps\`, p50/p99 = \`stages[0].latency_ms\` of report.json
- Connections = TCP connections the Node target accepted during that run (nginx: not counted). Host CPU busy = share of all ${m.cores} cores not idle during the run (/proc/stat), whoever used them. Max RSS = the larger of the 1-s VmRSS samples and the last VmHWM of the generator process.

${res.closed.map((p) => closedSection(p, res)).join('\n\n')}

## 2. Client overhead: perf-gate p50 − wrk p50, closed model, same target and connections

Same runs as part 1: the p50 perf-gate reported minus the p50 wrk reported in the same round (both measure from the request written to the response read, at microsecond resolution); the median over rounds in bold.

${overheadSection(res)}

## 3. Open model: achieved ÷ asked rate, perf-gate against the Node target

- \`BENCH_RATE=R BENCH_DURATION_S=${OPEN_S} node ${CLI} run ${OPEN_PLAN} --target URL --out TMPDIR --quiet\` (and \`${OPEN_WORKERS_PLAN}\` for \`workers: auto\`), one run per rate, ${OPEN_S} s each, no ramp
- Rates: ${OPEN_RATES.map(rateK).join(', ')}, then ${OPEN_LADDER.map(rateK).join(', ')} until one falls short, then one step between the highest rate met and the first short one.
- Achieved = \`stages[0].rps\` (responses ÷ the planned sending time). A rate falls short when achieved < ${OPEN_SHORT_SHARE * 100} % of asked, or the generator was saturated (\`generator.saturated\`: > 1 % of sends late by more than 10 ms, or event-loop lag p99 > 50 ms), or sends were dropped (max_in_flight reached).
- The done-when "within 1 % up to 5k/s" counts a rate as met when |achieved ÷ asked − 1| ≤ 0.01, the generator was not saturated and nothing was dropped.

${openSection(res)}

## 4. Memory: perf-gate at ${SOAK_RATE}/s for ${SOAK_S} s against the Node target, RSS of its process

\`BENCH_RATE=${SOAK_RATE} BENCH_DURATION_S=${SOAK_S} node ${CLI} run ${OPEN_PLAN} --target URL --out TMPDIR --quiet\`; VmRSS from /proc/PID/status once a second; growth = (RSS at ${SOAK_S} s − RSS at 60 s) ÷ RSS at 60 s.${SOAK_S < 600 && !QUICK ? ` **BENCH_SOAK_S=${SOAK_S}: a shortened soak, not the issue's 10 minutes.**` : ''}

${soakSection(res.soak)}

## 5. Cold start: ${COLD_RUNS} launches each, wall time from spawn to exit (ms)

${coldSection(res.cold)}

Start-up loads only what the command needs: the engine and octokit are chunks (\`dist/<id>.index.js\`, \`dist/<id>.cli.js\`) loaded on first use, and the plan schema is compiled on first use; \`--version\` and an action run with bad inputs load neither.
`;
  // bench/gate.mjs keeps its own sections in the same file: carry them over, after this script's content.
  const gateSection = keptGateSection();
  writeFileSync(RESULTS_FILE, gateSection ? `${md}\n${gateSection}\n` : md);
}

// ---------------------------------------------------------------------------------------------

/** Rough wall time of the whole run (s), and an upper bound from every child's time limit. */
function estimate(nClosedTools, withNginx, workersOk) {
  const closed = (withNginx ? 2 : 1) * (ROUNDS * nClosedTools * (DURATION_S + 2) + WARMUP_S);
  const open = (workersOk ? 2 : 1) * 8 * (OPEN_S + 2);
  const soak = QUICK ? 0 : SOAK_S + 5;
  const expected = closed + open + soak + 20;
  const bound =
    600 +
    (withNginx ? 2 : 1) * ROUNDS * nClosedTools * (DURATION_S + 65) +
    (workersOk ? 2 : 1) * (OPEN_RATES.length + OPEN_LADDER.length + 1) * (OPEN_S + 65) +
    (QUICK ? 0 : SOAK_S + 125);
  return { expected, bound };
}

async function main() {
  if (!existsSync(path.join(ROOT, CLI))) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  if (!existsSync(path.join(ROOT, AUTOCANNON))) throw new Error(`${AUTOCANNON} is missing: run \`npm install\` first`);
  const t0 = performance.now();
  const startedAt = new Date();
  const m = machine();
  const cliShaStart = sha256(CLI);
  const version = (await runNode([CLI, '--version'], 30_000, { children })).stdout.trim() || 'unknown';
  log(
    `machine: ${m.cores} cores, ${m.cpu}, node ${m.node}; perf-gate ${version}; rounds ${ROUNDS}; open runs ${OPEN_S} s; ${QUICK ? 'quick (no soak)' : `soak ${SOAK_S} s`}`,
  );

  const tools = await ensureTools({ log, children });
  for (const n of tools.notes) log(n);
  const versions = {
    ...(await toolVersions(tools)),
    autocannon: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')).version,
  };
  if (tools.wrk) log(`wrk: ${tools.wrk}, ${WRK_THREADS} threads (= available cores)`);
  const workers = await probeWorkers();
  log(workers.ok ? 'workers: auto is accepted by this build' : workers.why);

  const nClosed = closedTools(tools, workers).length;
  const est = estimate(nClosed, Boolean(tools.nginx), workers.ok);
  log(`expect roughly ${Math.ceil(est.expected / 60)} min`);

  target = await startTarget(est.bound);
  log(`Node target ${target.url} (pid ${target.child.pid})`);

  const res = { env: ENV, machine: m, startedAt, version, tools, versions, workers, closed: [], open: [], cliShaStart };

  // 1 + 2: closed model, Node then nginx
  res.closed.push(await closedPart('Node target (bench/target.mjs)', target.url, tools, workers, true));
  if (tools.nginx) {
    try {
      const nginxLifetimeS = 300 + ROUNDS * nClosed * (DURATION_S + 65);
      nginx = await startNginx(tools.nginx, { lifetimeS: nginxLifetimeS, log });
      res.nginxInfo = { command: nginx.command };
      res.closed.push(await closedPart('nginx (Debian package, 1 KiB file)', nginx.url, tools, workers, false));
    } catch (err) {
      res.skippedNginx = `nginx did not start: ${err.message}`;
      log(res.skippedNginx);
    } finally {
      await stopNginx();
    }
  } else {
    res.skippedNginx = `nginx is not available: ${tools.notes.join('; ') || 'not found'}`;
  }

  // 3: open model
  res.open.push(await openLadder('perf-gate, 1 worker', target.url, OPEN_PLAN));
  if (workers.ok) res.open.push(await openLadder('perf-gate, workers: auto', target.url, OPEN_WORKERS_PLAN));

  // 4: memory
  if (!QUICK) {
    log(`memory: perf-gate ${SOAK_RATE}/s for ${SOAK_S} s, sampling VmRSS every second`);
    res.soak = await observed(
      () => runPerfGate(target.url, OPEN_PLAN, (SOAK_S + 120) * 1000, { BENCH_RATE: String(SOAK_RATE), BENCH_DURATION_S: String(SOAK_S) }),
      true,
    );
    if (res.soak.failed) log(`  FAILED: ${res.soak.failed}`);
    else log(`  RSS growth 60 s → ${SOAK_S} s: ${f1(soakFigures(res.soak).growthPct)} %, report.json ${res.soak.reportBytes} bytes`);
  }
  await stopTarget();

  // 5: cold start
  log(`cold start: ${COLD_RUNS} launches each of bare node, dist/cli.js --version, dist/index.js`);
  res.cold = await coldStarts();

  res.cliShaEnd = sha256(CLI);
  res.totalS = (performance.now() - t0) / 1000;
  if (process.env.BENCH_JSON) writeFileSync(path.resolve(process.env.BENCH_JSON), JSON.stringify(res, null, 1));
  writeResults(res);
  process.stdout.write(`\n${summaryTable(res)}\n\nwhole run ${f1(res.totalS / 60)} min; written: ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything this script started ends with it.

function killAll() {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
  target?.child.kill('SIGKILL');
  target = undefined;
  nginx?.kill();
  nginx = undefined;
}

process.on('exit', killAll);
process.on('SIGINT', () => {
  log('interrupted: stopping the generators and the targets');
  killAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killAll();
  process.exit(143);
});

/** BENCH_RENDER=FILE: write RESULTS.md again from the BENCH_JSON file of an earlier run, measuring nothing. */
async function render(file) {
  const res = RENDER;
  res.startedAt = new Date(res.startedAt);
  writeResults(res);
  process.stdout.write(`${summaryTable(res)}\n\nwritten from ${file}: ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

(process.env.BENCH_RENDER ? render(process.env.BENCH_RENDER) : main()).catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
  killAll();
  process.exitCode = 1;
});
