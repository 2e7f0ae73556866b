/**
 * The diagnoses on crafted runs: the real engine and the whole core against loopback targets built
 * to misbehave in one known way (a rate limiter, a fixed capacity, a target that dies mid-stage),
 * and a clean demo-style run that must say nothing.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAndGate, type Outcome } from '../../src/core.js';
import { startDemoServer } from '../../src/demo/server.js';
import type { Diagnosis, Report } from '../../src/model/report.js';
import { planText, startTarget } from '../helpers/target.js';

const quiet = { info: () => {}, warn: () => {} };

/** `plan` through runAndGate (load → gate → reports) into a fresh folder; the report and summary.md. */
async function gateRun(plan: string, targetUrl: string, env: Record<string, string> = {}): Promise<{ report: Report; summary: string; outcome: Outcome }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-diagnose-'));
  await writeFile(path.join(dir, 'plan.yml'), plan);
  const outcome = await runAndGate({ planFile: 'plan.yml', targetUrl, outDir: 'out', env, cwd: dir, log: quiet, runnerProbe: false });
  const written = JSON.parse(await readFile(outcome.reportPath, 'utf8')) as Report;
  return { report: written, summary: await readFile(outcome.summaryPath, 'utf8'), outcome };
}

const find = (r: Report, id: string): Diagnosis => {
  const d = r.diagnoses?.find((x) => x.id === id);
  expect(d, `${id} in ${JSON.stringify(r.diagnoses?.map((x) => x.id))}`).toBeDefined();
  return d!;
};

/**
 * A server that serves one request at a time, each taking exactly `serviceMs`: its capacity is
 * 1000 / serviceMs per second. `degrade`: once more than `above` requests wait at once, every
 * later request takes `toMs` (a target that never recovers from an overload).
 */
async function oneAtATime(serviceMs: number, degrade?: { above: number; toMs: number }): Promise<{ url: string; close: () => Promise<void> }> {
  // Each answer is scheduled from when the previous one ends (not from when its timer fired), so
  // the capacity holds whatever the timers' jitter.
  let freeAt = 0;
  let waiting = 0;
  let service = serviceMs;
  const server = http.createServer((req, res) => {
    req.resume();
    const now = performance.now();
    if (degrade && ++waiting > degrade.above) service = degrade.toMs;
    freeAt = Math.max(now, freeAt) + service;
    setTimeout(() => {
      waiting--;
      res.end('{"ok":true}');
    }, freeAt - now);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('diagnoses of crafted runs', () => {
  it('a 429-heavy target: rate-limited, with its share, count, Retry-After range and when it began', async () => {
    // Two of every three requests limited from 1 s after the first one (1 s into the stage); Retry-After 1 or 5 s.
    let n = 0;
    let first: number | undefined;
    const target = await startTarget({
      route: (_req, res) => {
        first ??= Date.now();
        if (Date.now() - first < 1000 || ++n % 3 === 0) return false;
        res.writeHead(429, { 'retry-after': n % 2 ? '1' : '5' });
        res.end();
        return true;
      },
    });
    try {
      const { report, summary } = await gateRun(planText(['{ name: limited, kind: load, rate: 100/s, duration: 3s }']), target.url);
      const s = report.stages[0]!;
      const d = find(report, 'rate-limited');
      expect(d).toMatchObject({ stage: 'limited', severity: 'warn' });
      const count = s.errors_by_kind.rate_limited;
      expect(count / s.requests).toBeGreaterThan(0.3);
      expect(d.evidence[0]).toMatch(
        new RegExp(`^${count} responses were 429 Too Many Requests: \\d+\\.\\d+% of ${s.requests} requests, 100\\.00% of the errors$`),
      );
      expect(d.evidence[1]).toBe(`Retry-After 1–5 s (sent with ${count} of them; perf-gate does not retry)`);
      // Windows are whole seconds by intended start: the limiter switched on in the second second.
      expect(d.at_s).toBe(1);
      expect(d.evidence[2]).toMatch(/^the first 429s came 1 s into the stage; from then on 6\d\.\d+% of requests were limited$/);
      expect(summary).toContain('### What this run says');
      expect(summary).toContain('**limited**: The target rate-limited this load');
      expect(report.diagnoses!.every((x) => x.id !== 'saturation')).toBe(true);
    } finally {
      await target.close();
    }
  }, 20_000);

  it('a target with a known capacity (100 req/s), ramped to twice that: saturation at about 100 req/s', async () => {
    const target = await oneAtATime(10);
    try {
      const plan = planText(['{ name: ramp, kind: load, rate: 200/s, ramp: 6s, duration: 7s }']).replace('timeout: 2s', 'timeout: 10s');
      const { report } = await gateRun(plan, target.url);
      const s = report.stages[0]!;
      const d = find(report, 'saturation');
      expect(d).toMatchObject({ stage: 'ramp', severity: 'warn' });
      const knee = s.timeline.find((w) => w.t === d.at_s)!;
      // The offered rate of the knee's second: the ramp passes 100/s at 3 s; a second is 33 req/s wide.
      expect(knee.rps).toBeGreaterThanOrEqual(80);
      expect(knee.rps).toBeLessThanOrEqual(150);
      expect(d.at_s).toBeGreaterThanOrEqual(2);
      expect(d.at_s).toBeLessThanOrEqual(4);
      expect(d.title).toMatch(/^Saturation: latency grows with the load, p95 bends between \d+ and \d+ req\/s/);
      const [low, high] = d.title
        .match(/between (\d+) and (\d+) req\/s/)!
        .slice(1)
        .map(Number);
      expect(low).toBeLessThanOrEqual(110);
      expect(high).toBeGreaterThanOrEqual(90);
      expect(s.errors).toBe(0);
    } finally {
      await target.close();
    }
  }, 30_000);

  it('a closed model ramping users onto the same target (10 ms a request): throughput flat, saturation within a few users', async () => {
    const target = await oneAtATime(10);
    try {
      const plan = planText(['{ name: users, kind: load, vus: 8, ramp: 4s, duration: 5s }']);
      const { report } = await gateRun(plan, target.url);
      const s = report.stages[0]!;
      // Users running per window, sampled by the stage: the ramp adds 2 a second up to 8.
      expect(s.timeline[0]!.users).toBeLessThanOrEqual(3);
      expect(Math.max(...s.timeline.map((w) => w.users ?? 0))).toBe(8);
      const d = find(report, 'saturation');
      expect(d.title).toMatch(/^Saturation: latency grows with the load, p95 bends (between \d and \d|by \d) users/);
      // One user already takes all 100/s: more users only queue.
      expect(d.evidence.at(-1)).toMatch(/^throughput (9\d|10\d) req\/s at low load, (9\d|10\d) req\/s at the busiest$/);
    } finally {
      await target.close();
    }
  }, 30_000);

  it('the same target with a 300 ms timeout: timeouts climb with the rate', async () => {
    const target = await oneAtATime(10);
    try {
      const plan = planText(['{ name: ramp, kind: load, rate: 200/s, ramp: 5s, duration: 6s }']).replace('timeout: 2s', 'timeout: 300ms');
      const { report } = await gateRun(plan, target.url);
      const s = report.stages[0]!;
      expect(s.errors_by_kind.timeout).toBeGreaterThan(50);
      const d = find(report, 'timeouts-climb');
      expect(d.title).toMatch(/^Timeouts climb with load: \d+\.\d+% of requests in the busiest seconds against 0\.00% in the quietest\.$/);
      expect(d.evidence[0]).toMatch(
        new RegExp(`^${s.errors_by_kind.timeout} timeouts, \\d+\\.\\d+% of ${s.requests} requests, the first [2-4] s into the stage$`),
      );
      expect(d.evidence[1]).toMatch(/^busiest third of the seconds \(about 1[6-9]\d req\/s\): ([5-9]\d|100)\.\d+% timed out$/);
      // Queueing past capacity: the windows show timeouts only once the rate passed 100/s (2.5 s in).
      const first = s.timeline.find((w) => (w.by_kind?.timeout ?? 0) > 0)!;
      expect(first.rps).toBeGreaterThanOrEqual(90);
    } finally {
      await target.close();
    }
  }, 30_000);

  it('a spike that leaves the target degraded: spike-not-recovered, with the p95 before, at the peak and after', async () => {
    // 5 ms a request (200/s) until 50 wait at once, 20 ms from then on: 300/s for 1 s tips it over.
    const target = await oneAtATime(5, { above: 50, toMs: 20 });
    try {
      const plan = planText(['{ name: spike, kind: spike, from: 20/s, to: 300/s, before: 2s, ramp: 200ms, hold: 1s, after: 3s }']).replace(
        'timeout: 2s',
        'timeout: 10s',
      );
      const { report } = await gateRun(plan, target.url);
      const s = report.stages[0]!;
      expect(s.spike).toMatchObject({ recovery_ms: null, drop_s: 3.2 });
      const d = find(report, 'spike-not-recovered');
      expect(d).toMatchObject({ severity: 'warn', at_s: 3.2 });
      expect(d.evidence[0]).toMatch(/^pre-spike p95 [5-9]\.\d\d ms, peak p95 /);
      expect(d.evidence[1]).toMatch(/^after the drop \(3\.2 s in\): median p95 .+ over [2-4] seconds, last .+ \(recovered would be ≤ .+\)$/);
      expect(d.evidence[2]).toBe('no 1-second window after the drop came back within 20 % of the pre-spike p95');
    } finally {
      await target.close();
    }
  }, 30_000);

  it('a target that dies mid-stage: errors-begin and connection errors at about the right second, the target_down abort named', async () => {
    const target = await startTarget({ delayMs: 2 });
    const plan = planText(['{ name: dying, kind: load, rate: 100/s, duration: 8s }']);
    // Dies 2 s in: the listener closes and open connections are dropped.
    const death = setTimeout(() => void target.close(), 2000);
    try {
      const { report } = await gateRun(plan, target.url);
      const s = report.stages[0]!;
      expect(s.aborted?.rule).toBe('target_down');
      const begin = find(report, 'errors-begin');
      expect(begin.at_s).toBeGreaterThanOrEqual(1);
      expect(begin.at_s).toBeLessThanOrEqual(3);
      expect(begin.title).toMatch(/the target went down and the stage was stopped\.$/);
      expect(begin.evidence.some((e) => e.startsWith('the target_down rule stopped the stage'))).toBe(true);
      expect(begin.evidence.some((e) => /ECONNREFUSED/.test(e))).toBe(true);
      const conn = find(report, 'connection-exhaustion');
      expect(conn.title).toMatch(/^The target stopped accepting connections [1-3] s into the stage/);
      expect(conn.at_s).toBe(begin.at_s);
      expect(report.diagnoses!.slice(0, 2).map((x) => x.id)).toEqual(['errors-begin', 'connection-exhaustion']);
    } finally {
      clearTimeout(death);
      await target.close().catch(() => {});
    }
  }, 30_000);

  it('a clean demo-style run (the example plan, shorter stages against the demo target) says nothing', async () => {
    const demo = await startDemoServer();
    try {
      const example = await readFile(path.resolve('examples/plan.yml'), 'utf8');
      const stages = `stages:
  - { name: baseline, kind: baseline, duration: 1s }
  - { name: load, kind: load, rate: 100/s, ramp: 1s, duration: 3s }
  - { name: users, kind: load, vus: 10, think: 50ms, duration: 2s }
  - { name: spike, kind: spike, from: 50/s, to: 300/s, before: 2s, ramp: 1s, hold: 1s, after: 3s }
  - { name: burst, kind: burst, size: 50, cycles: 2, pause: 500ms }
  - { name: ws, kind: load, protocol: ws, connections: 10, rate: 100/s, duration: 2s }
thresholds:`;
      const plan = example.replace(/\nstages:\n[\s\S]*?\nthresholds:/, `\n${stages}`);
      expect(plan).toContain('cycles: 2, pause: 500ms');
      const { report, summary, outcome } = await gateRun(plan, demo.url, { PERF_USER: 'demo', PERF_PASS: 'demo' });
      expect(report.stages.map((s) => s.name)).toEqual(['baseline', 'load', 'users', 'spike', 'burst', 'ws']);
      expect(report.diagnoses?.filter((d) => d.severity === 'warn')).toEqual([]);
      expect(outcome.report.diagnoses).toEqual(report.diagnoses);
      if (report.diagnoses!.length === 0) expect(summary).not.toContain('What this run says');
    } finally {
      await demo.close();
    }
  }, 60_000);
});
