// Request-loop benchmark: `npm run bench:loop` (node bench/loop.mjs). The loop runs millions of
// times, so a change to it is measured beside the loop it replaces, in one run, alternating:
// the base build's dist/ (LOOP_BASE_REV, default HEAD: `git archive` of its committed dist/) and
// this checkout's dist/, each against bench/target.mjs (Node http, fork()ed, 127.0.0.1).
//
// Plans (bench/plans): closed-50.yml (a constant request), loop-templates.yml (path and header
// filled per request from ${seq} and ${vu}), loop-values.yml (${random()}, ${uuid()} and a CSV
// column; only for builds that know them: a base build that refuses the plan is left out).
// Per round (LOOP_ROUNDS, default 3) and plan: base then new, or new then base (alternating by
// round), the runner probe off. Per run: requests/s from report.json, and the CPU time of the
// whole perf-gate process per request (user + system, from /proc of the child on exit).
// Prints the medians and the new ÷ base ratios, and writes them to bench/RESULTS.md between
// `<!-- request-loop:start -->` and `<!-- request-loop:end -->` (bench/run.mjs keeps that block).
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROUNDS = Math.max(1, Number(process.env.LOOP_ROUNDS ?? 3));
const BASE_REV = process.env.LOOP_BASE_REV ?? 'HEAD';
const PLANS = ['closed-50.yml', 'loop-templates.yml', 'loop-values.yml'];
const RUN_LIMIT_MS = 60_000;

function baseDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pg-loop-base-'));
  const tar = execFileSync('git', ['archive', '--format=tar', BASE_REV, 'dist'], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return path.join(dir, 'dist');
}

function startTarget() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, 'bench', 'target.mjs'), [], { stdio: 'ignore' });
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${m.port}`, stop: () => child.kill('SIGTERM') }));
    child.once('error', reject);
  });
}

/** One perf-gate run; its rps and CPU µs per request, or undefined when the build refuses the plan. */
function runOnce(dist, plan, url) {
  const out = mkdtempSync(path.join(tmpdir(), 'pg-loop-run-'));
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(dist, 'cli.js'), 'run', path.join(ROOT, 'bench', 'plans', plan), '--target', url, '--out', out, '--quiet', '--no-confirm'],
      {
        stdio: 'ignore',
        env: { ...process.env, PERF_GATE_RUNNER_PROBE: '0' },
      },
    );
    let cpuTicks = 0;
    // /proc/PID/stat of the child, read until it exits: utime + stime of all its threads.
    const poll = setInterval(() => {
      try {
        const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpuTicks = Number(f[11]) + Number(f[12]);
      } catch {
        // exited
      }
    }, 100);
    const kill = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.on('exit', () => {
      clearInterval(poll);
      clearTimeout(kill);
      const file = path.join(out, 'report.json');
      if (!existsSync(file)) return resolve(undefined);
      const s = JSON.parse(readFileSync(file, 'utf8')).stages[0];
      rmSync(out, { recursive: true, force: true });
      resolve({ rps: s.rps, cpuUsPerRequest: (cpuTicks * 10_000) / s.requests, p50: s.latency_ms.p50 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const base = baseDist();
const head = path.join(ROOT, 'dist');
const target = await startTarget();
const results = Object.fromEntries(PLANS.map((p) => [p, { base: [], new: [] }]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const plan of PLANS) {
      const order = round % 2 === 0 ? ['base', 'new'] : ['new', 'base'];
      for (const side of order) {
        const r = await runOnce(side === 'base' ? base : head, plan, target.url);
        if (r) results[plan][side].push(r);
        console.log(
          `round ${round + 1} ${plan} ${side}: ${r ? `${r.rps.toFixed(0)} req/s, ${r.cpuUsPerRequest.toFixed(1)} µs CPU/request, p50 ${r.p50} ms` : 'refused (this build does not know the plan)'}`,
        );
      }
    }
  }
} finally {
  target.stop();
  rmSync(path.dirname(base), { recursive: true, force: true });
}

const rows = PLANS.map((plan) => {
  const b = results[plan].base;
  const n = results[plan].new;
  const rps = (xs) => median(xs.map((x) => x.rps));
  const cpu = (xs) => median(xs.map((x) => x.cpuUsPerRequest));
  // Ratios per round (the two runs of a round were side by side), then their median.
  const pair = (f) => median(n.slice(0, b.length).map((x, i) => f(x) / f(b[i])));
  return b.length === 0
    ? `| \`${plan}\` | — | ${rps(n).toFixed(0)} | — | — | ${cpu(n).toFixed(1)} | — |`
    : `| \`${plan}\` | ${rps(b).toFixed(0)} | ${rps(n).toFixed(0)} | ${pair((x) => x.rps).toFixed(3)} | ${cpu(b).toFixed(1)} | ${cpu(n).toFixed(1)} | ${pair((x) => x.cpuUsPerRequest).toFixed(3)} |`;
});
const section = [
  '<!-- request-loop:start -->',
  '## Request loop: this build beside the base build, same run',
  '',
  `Command: \`LOOP_BASE_REV=${BASE_REV} LOOP_ROUNDS=${ROUNDS} npm run bench:loop\` (${new Date().toISOString().slice(0, 10)}; ${ROUNDS} rounds, base and new alternating, closed model, 50 users, 10 s, against \`bench/target.mjs\`, runner probe off). Base: \`git archive ${BASE_REV} dist\`. Medians over rounds; ratios are new ÷ base per round, then their median. CPU: the perf-gate process's user + system time per request.`,
  '',
  '| plan | base req/s | new req/s | new ÷ base | base µs CPU/req | new µs CPU/req | new ÷ base |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  '<!-- request-loop:end -->',
].join('\n');
console.log(`\n${section}`);
const resultsFile = path.join(ROOT, 'bench', 'RESULTS.md');
const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const block = /<!-- request-loop:start -->[\s\S]*?<!-- request-loop:end -->/;
writeFileSync(resultsFile, block.test(text) ? text.replace(block, section) : `${text.trimEnd()}\n\n${section}\n`);
