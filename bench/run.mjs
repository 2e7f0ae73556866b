// perf-gate benchmark: `npm run bench` (node bench/run.mjs).
//
// 1. Starts bench/target.mjs (Node http, 127.0.0.1, 1 KiB body, keep-alive) in a child process.
// 2. Closed model, 50 connections, 10 s: autocannon and perf-gate alternate, one at a time, each in
//    its own child process, BENCH_ROUNDS rounds (default 3, at least 2). Records req/s, p50, p99
//    and the perf-gate ÷ autocannon ratio (median over rounds).
// 3. Open model, 2000/s for 60 s (perf-gate only): samples the perf-gate process's VmRSS from
//    /proc/PID/status once a second, and the size of the report.json it writes.
//    BENCH_QUICK=1 skips this part.
// 4. Cold start: spawn-to-exit of `node dist/cli.js --version` and `node dist/index.js` (no inputs),
//    beside bare `node -e ""`, 11 interleaved launches each (median, min, max).
// 5. Prints a markdown table and writes bench/RESULTS.md (overwritten on each run, except for the
//    gate-calibration section that bench/gate.mjs writes: it is kept, after this script's content).
//
// Everything runs against 127.0.0.1 only; every child has a hard time limit and is stopped at the end.
// Env: BENCH_ROUNDS (default 3), BENCH_QUICK=1, BENCH_WARMUP_S (default 3; 0 = no warm-up).
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
const CONNECTIONS = 50; // fixed: bench/plans/closed-50.yml has vus: 50
const DURATION_S = 10; // fixed: bench/plans/closed-50.yml has duration: 10s
const CLOSED_PLAN = 'bench/plans/closed-50.yml';
const OPEN_PLAN = 'bench/plans/open-2k-60s.yml';
const OPEN_RATE = 2000;
const OPEN_DURATION_S = 60;
const ROUNDS = Math.max(2, Number.parseInt(process.env.BENCH_ROUNDS ?? '3', 10) || 3);
const QUICK = process.env.BENCH_QUICK === '1';
const WARMUP_S = Math.max(0, Number.parseInt(process.env.BENCH_WARMUP_S ?? '3', 10) || 0);
const AUTOCANNON = 'node_modules/autocannon/autocannon.js';
const CLI = 'dist/cli.js';

const children = new Set();
let target;

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Start the target in its own process; resolves with its URL once it listens. */
function startTarget() {
  // Lifetime bound: the whole benchmark with generous slack; the target also exits on disconnect.
  const maxS = 120 + ROUNDS * 2 * (DURATION_S + 30) + (QUICK ? 0 : OPEN_DURATION_S + 60) + WARMUP_S;
  const child = fork(path.join(ROOT, 'bench', 'target.mjs'), [], {
    cwd: ROOT,
    env: { ...process.env, BENCH_TARGET_MAX_S: String(maxS) },
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

/** Counters kept by the target: connections accepted and requests answered so far. */
function targetStats() {
  const child = target.child;
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

/** Whole-machine CPU counters (all cores) from /proc/stat, to see how busy the host was. */
function hostCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    return { total: f.reduce((a, b) => a + b, 0), idle };
  } catch {
    return undefined;
  }
}

/** Run one generator and add what the target and the host saw meanwhile. */
async function observed(run) {
  const s0 = await targetStats();
  const c0 = hostCpu();
  const r = await run();
  const c1 = hostCpu();
  const s1 = await targetStats();
  if (s0 && s1) {
    r.targetConnections = s1.connections - s0.connections;
    r.targetRequests = s1.requests - s0.requests;
  }
  if (c0 && c1 && c1.total > c0.total) r.hostBusyPct = (100 * (1 - (c1.idle - c0.idle) / (c1.total - c0.total)));
  return r;
}

function readProcStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
      return m ? Number(m[1]) : undefined;
    };
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return undefined; // process gone
  }
}

/**
 * Run `node ARGS...` in ROOT, one at a time; capture output; sample VmRSS once a second.
 * Hard limit: SIGTERM after `timeoutMs`, SIGKILL 5 s later.
 */
function runNode(args, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const samples = []; // { t: seconds since spawn, rssKb, hwmKb }
    let lastHwmKb;
    const sample = () => {
      const s = readProcStatus(child.pid);
      if (s?.rssKb === undefined) return;
      lastHwmKb = s.hwmKb ?? lastHwmKb;
      samples.push({ t: (performance.now() - t0) / 1000, rssKb: s.rssKb, hwmKb: s.hwmKb });
    };
    const sampler = setInterval(sample, 1000);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      children.delete(child);
      resolve({ code, signal, timedOut, stdout, stderr, wallS: (performance.now() - t0) / 1000, samples, hwmKb: lastHwmKb });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The generators

function autocannonArgs(url, durationS) {
  return [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(durationS), '--json', url];
}

async function runAutocannon(url, durationS = DURATION_S) {
  const r = await runNode(autocannonArgs(url, durationS), (durationS + 30) * 1000);
  const line = r.stdout.split('\n').reverse().find((l) => l.trim().startsWith('{'));
  if (!line) throw new Error(`autocannon printed no JSON (exit ${r.code}): ${r.stderr.slice(-500)}`);
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

async function runPerfGate(url, plan, timeoutMs) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-bench-'));
  try {
    const args = [CLI, 'run', plan, '--target', url, '--out', out, '--quiet'];
    const r = await runNode(args, timeoutMs);
    const reportPath = path.join(out, 'report.json');
    if (!existsSync(reportPath)) {
      throw new Error(`perf-gate wrote no report (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${r.stderr.slice(-500)}`);
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
      errors: s.errors,
      errorsByKind: s.errors_by_kind,
      durationS: s.duration_s,
      saturated: s.generator_saturated,
      lateSends: s.late_sends,
      dropped: s.dropped ?? s.generator?.dropped,
      loopLagP99: s.generator?.loop_lag_p99_ms,
      loopLagMax: s.generator?.loop_lag_max_ms,
      timelineWindows: s.timeline?.length,
      timeline: (s.timeline ?? []).map((w) => ({ t: w.t, requests: w.requests, p50: w.p50, p99: w.p99, max: w.max, active: w.active })),
      maxRssKb: maxRss(r),
      wallS: r.wallS,
      samples: r.samples,
      hwmKb: r.hwmKb,
      reportBytes,
      runDurationS: report.duration_s,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function maxRss(r) {
  const sampled = r.samples.reduce((m, s) => Math.max(m, s.rssKb), 0);
  return Math.max(sampled, r.hwmKb ?? 0) || undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers and formatting

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const pct = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} %` : 'n/a');
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(1) : 'n/a');

function nearestSample(samples, t) {
  let best;
  for (const s of samples) if (!best || Math.abs(s.t - t) < Math.abs(best.t - t)) best = s;
  return best;
}

function closedTable(rounds) {
  const rows = [
    '| round | tool | req/s | p50 ms | p99 ms | requests | errors | max RSS MB | connections | host CPU busy | perf-gate ÷ autocannon req/s |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rounds) {
    rows.push(`| ${r.round} | autocannon | ${f0(r.ac.rps)} | ${f3(r.ac.p50)} | ${f3(r.ac.p99)} | ${f0(r.ac.requests)} | ${r.ac.errors} | ${mb(r.ac.maxRssKb)} | ${r.ac.targetConnections ?? 'n/a'} | ${pct(r.ac.hostBusyPct)} | |`);
    rows.push(`| ${r.round} | perf-gate | ${f0(r.pg.rps)} | ${f3(r.pg.p50)} | ${f3(r.pg.p99)} | ${f0(r.pg.requests)} | ${r.pg.errors} | ${mb(r.pg.maxRssKb)} | ${r.pg.targetConnections ?? 'n/a'} | ${pct(r.pg.hostBusyPct)} | ${f3(r.pg.rps / r.ac.rps)} |`);
  }
  const acRps = median(rounds.map((r) => r.ac.rps));
  const pgRps = median(rounds.map((r) => r.pg.rps));
  rows.push(`| median | autocannon | ${f0(acRps)} | ${f3(median(rounds.map((r) => r.ac.p50)))} | ${f3(median(rounds.map((r) => r.ac.p99)))} | | | | | | |`);
  rows.push(`| median | perf-gate | ${f0(pgRps)} | ${f3(median(rounds.map((r) => r.pg.p50)))} | ${f3(median(rounds.map((r) => r.pg.p99)))} | | | | | | **${f3(median(rounds.map((r) => r.pg.rps / r.ac.rps)))}** |`);
  return rows.join('\n');
}

function openSection(o) {
  if (!o) return `Skipped (BENCH_QUICK=1): no 60-s figures in this run.`;
  const at = (t) => {
    const s = nearestSample(o.samples, t);
    return s ? `${mb(s.rssKb)} MB (sample at ${s.t.toFixed(1)} s)` : 'n/a';
  };
  const maxSampled = o.samples.reduce((m, s) => Math.max(m, s.rssKb), 0);
  const worst = [...o.timeline]
    .sort((a, b) => b.p99 - a.p99)
    .slice(0, 5)
    .map((w) => `t=${w.t}: p50 ${f3(w.p50)} / p99 ${f3(w.p99)} / max ${f3(w.max)} ms, ${w.requests} req, active ${w.active}`)
    .join('; ');
  const series = o.samples.map((s) => `${Math.round(s.t)}s:${mb(s.rssKb)}`).join(' ');
  return [
    '| measure | value |',
    '| --- | --- |',
    `| VmRSS at ~1 s | ${at(1)} |`,
    `| VmRSS at ~30 s | ${at(30)} |`,
    `| VmRSS at ~60 s | ${at(60)} |`,
    `| VmRSS max of 1-s samples | ${mb(maxSampled)} MB (${o.samples.length} samples) |`,
    `| VmHWM (kernel peak RSS), last read | ${mb(o.hwmKb)} MB |`,
    `| report.json size | ${f0(o.reportBytes)} bytes |`,
    `| requests / errors | ${f0(o.requests)} / ${o.errors} |`,
    `| achieved req/s (stage) | ${f2(o.rps)} (asked ${OPEN_RATE}) |`,
    `| p50 / p99 / max ms | ${f3(o.p50)} / ${f3(o.p99)} / ${f3(o.max)} |`,
    `| late sends / dropped / generator_saturated | ${o.lateSends} / ${o.dropped} / ${o.saturated} |`,
    `| event-loop lag p99 / max ms | ${f3(o.loopLagP99)} / ${f3(o.loopLagMax)} |`,
    `| process wall time / exit code | ${f2(o.wallS)} s / ${o.exitCode} |`,
    `| connections accepted by the target during the run | ${o.targetConnections ?? 'n/a'} |`,
    `| host CPU busy during the run (all ${os.cpus().length} cores) | ${pct(o.hostBusyPct)} |`,
    '',
    `1-s windows with the highest p99 (t = seconds since stage start; active = peak requests in flight): ${worst}`,
    '',
    `VmRSS series (MB, seconds since the perf-gate process was spawned): ${series}`,
  ].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memGb: (os.totalmem() / 2 ** 30).toFixed(1),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(path.join(ROOT, CLI))) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  if (!existsSync(path.join(ROOT, AUTOCANNON))) throw new Error(`${AUTOCANNON} is missing: run \`npm install\` first`);
  const m = machine();
  const startedAt = new Date();
  log(`machine: ${m.cores} cores, ${m.cpu}, node ${m.node}; rounds ${ROUNDS}${QUICK ? ', quick (no 60-s run)' : ''}`);

  target = await startTarget();
  const url = target.url;
  log(`target ${url} (pid ${target.child.pid})`);

  if (WARMUP_S > 0) {
    log(`warm-up: autocannon ${WARMUP_S} s (not recorded)`);
    await runAutocannon(url, WARMUP_S);
  }

  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) {
    log(`round ${i}/${ROUNDS}: autocannon`);
    const ac = await observed(() => runAutocannon(url));
    log(`  autocannon ${f0(ac.rps)} req/s, p50 ${ac.p50} ms, p99 ${ac.p99} ms, errors ${ac.errors}`);
    log(`round ${i}/${ROUNDS}: perf-gate`);
    const pg = await observed(() => runPerfGate(url, CLOSED_PLAN, (DURATION_S + 60) * 1000));
    log(`  perf-gate  ${f0(pg.rps)} req/s, p50 ${pg.p50} ms, p99 ${pg.p99} ms, errors ${pg.errors}, exit ${pg.exitCode}`);
    rounds.push({ round: i, ac, pg });
  }

  let open;
  if (!QUICK) {
    log(`open model: perf-gate ${OPEN_RATE}/s for ${OPEN_DURATION_S} s, sampling VmRSS every second`);
    open = await observed(() => runPerfGate(url, OPEN_PLAN, (OPEN_DURATION_S + 90) * 1000));
    log(`  ${f0(open.requests)} requests, ${open.errors} errors, max VmRSS ${mb(open.maxRssKb)} MB, report.json ${open.reportBytes} bytes`);
  }

  await stopTarget();

  log(`cold start: ${COLD_RUNS} launches each of bare node, dist/cli.js --version, dist/index.js`);
  const cold = await coldStarts();

  const cmd = `${QUICK ? 'BENCH_QUICK=1 ' : ''}BENCH_ROUNDS=${ROUNDS} npm run bench`;
  const table = closedTable(rounds);
  const pgNotes = rounds
    .map((r) => {
      const p = r.pg;
      const bits = [`exit ${p.exitCode}`, `stage ${p.durationS} s`, `saturated ${p.saturated}`, `loop lag p99 ${f3(p.loopLagP99)} ms / max ${f3(p.loopLagMax)} ms`, `max ${f3(p.max)} ms`];
      if (p.errors > 0) bits.push(`errors_by_kind ${JSON.stringify(p.errorsByKind)}`);
      if (p.stderr) bits.push(`stderr: ${p.stderr.split('\n').slice(-2).join(' / ')}`);
      return `- round ${r.round} perf-gate: ${bits.join('; ')}`;
    })
    .join('\n');
  const acNotes = rounds
    .map((r) => `- round ${r.round} autocannon: ${r.ac.durationS} s; mean of per-second samples ${f0(r.ac.rpsAvgOfSeconds)} req/s`)
    .join('\n');

  const md = `# perf-gate benchmark results

Written by \`bench/run.mjs\`; every figure below was measured by that script in the run described here.

- Date: ${startedAt.toISOString()}
- Machine: ${m.cores} cores, ${m.cpu}, ${m.memGb} GiB RAM, ${m.os}, Node ${m.node}
- Command: \`${cmd}\` (from the repository root; \`npm run build\` first)
- Target: \`bench/target.mjs\` (Node \`http\`, 127.0.0.1, \`GET /\` → 200 with a fixed 1024-byte body, keep-alive) in its own process
- Generators, one at a time, each in its own process, alternating autocannon then perf-gate, ${ROUNDS} rounds${WARMUP_S > 0 ? `, after an unrecorded ${WARMUP_S}-s autocannon warm-up of the target` : ''}:
  - \`node ${autocannonArgs('URL', DURATION_S).join(' ')}\`
  - \`node ${CLI} run ${CLOSED_PLAN} --target URL --out TMPDIR --quiet\` (req/s = \`stages[0].rps\`, p50/p99 = \`stages[0].latency_ms\` of report.json)
- The target and both generators share the same ${m.cores} cores.

## Closed model: ${CONNECTIONS} connections, ${DURATION_S} s

${table}

Ratio = perf-gate req/s ÷ autocannon req/s of the same round; the bold figure is the median of those per-round ratios.
autocannon req/s = \`requests.total / duration\` of its JSON; its latencies are recorded at 1-ms resolution (whole milliseconds), perf-gate's at microsecond resolution.
Connections = TCP connections the target accepted during that run. Host CPU busy = share of all ${m.cores} cores not idle during the run (/proc/stat), whoever used them: the target, the generator, and anything else on the machine.
Max RSS = the larger of the 1-s VmRSS samples and the last VmHWM read from /proc/PID/status of the generator process.

${acNotes}
${pgNotes}

## Open model: perf-gate at ${OPEN_RATE}/s for ${OPEN_DURATION_S} s (\`${OPEN_PLAN}\`), RSS of the perf-gate process

${openSection(open)}

## Cold start: ${COLD_RUNS} launches each, wall time from spawn to exit (ms)

${coldSection(cold)}
`;

  // bench/gate.mjs keeps its own section in the same file: carry it over, after this script's content.
  const gateSection = keptGateSection();
  writeFileSync(RESULTS_FILE, gateSection ? `${md}\n${gateSection}\n` : md);
  process.stdout.write(`\n${table}\n\n${openSection(open)}\n\nwritten: ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

const COLD_RUNS = 11;

/**
 * Start-up as a user meets it: spawn to exit of `node dist/cli.js --version` (the bundle loaded,
 * nothing run) and of `node dist/index.js` with no inputs (loaded, settings read, exit 1 on the
 * missing plan input), beside bare `node -e ""` on the same machine; launches interleaved.
 */
async function coldStarts() {
  const cases = [
    ['bare node (`node -e ""`)', ['-e', '']],
    ['`node dist/cli.js --version`', [CLI, '--version']],
    ['`node dist/index.js` (no inputs: loads, reads settings, exits 1)', ['dist/index.js']],
  ];
  const times = cases.map(() => []);
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [k, [, args]] of cases.entries()) times[k].push((await runNode(args, 30_000)).wallS * 1000);
  }
  return cases.map(([label], k) => ({ label, ms: times[k] }));
}

function coldSection(cold) {
  const rows = ['| what | median | min | max |', '| --- | ---: | ---: | ---: |'];
  for (const c of cold) rows.push(`| ${c.label} | **${f0(median(c.ms))}** | ${f0(Math.min(...c.ms))} | ${f0(Math.max(...c.ms))} |`);
  return `${rows.join('\n')}\n\nThe bundles are evaluated whole at start-up (no lazy chunks yet); the plan schema is compiled on first use, not at load.`;
}

/**
 * The `<!-- gate-calibration…:start -->…end -->` blocks of the existing RESULTS.md (bench/gate.mjs
 * writes the latest; earlier runs kept beside it have their own suffix), if any.
 */
function keptGateSection() {
  if (!existsSync(RESULTS_FILE)) return undefined;
  const blocks = readFileSync(RESULTS_FILE, 'utf8').match(/<!-- (gate-calibration[a-z-]*):start -->[\s\S]*?<!-- \1:end -->/g);
  return blocks ? blocks.join('\n\n') : undefined;
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

function killAll() {
  for (const c of children) c.kill('SIGKILL');
  target?.child.kill('SIGKILL');
}

process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killAll();
  process.exit(143);
});

main().catch(async (err) => {
  process.stderr.write(`bench: ${err.message}\n`);
  killAll();
  process.exitCode = 1;
});
