/**
 * The stress and soak stages through the real engine, against loopback targets whose capacity,
 * latency drift and memory are known.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, planText, type TestTarget } from '../helpers/target.js';
import { runText } from '../helpers/run.js';
import { runGate } from '../helpers/gate.js';
import { outcomeNote } from '../../src/report/stage-outcomes.js';

/** Service time of the one-at-a-time server: capacity 1000 / 5 = 200 requests per second. */
const SERVICE_MS = 5;
const CAPACITY = 1000 / SERVICE_MS;

let target: TestTarget;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

/**
 * One request at a time, each taking exactly SERVICE_MS: a request is answered when the one
 * before it is done plus SERVICE_MS, on a virtual clock (timer lateness never adds up), so the
 * capacity is 200/s whatever the machine's load.
 */
function serialServer(): void {
  let freeAt = 0;
  target.set({
    route: (_req, res) => {
      const t = performance.now();
      freeAt = Math.max(t, freeAt) + SERVICE_MS;
      setTimeout(() => res.end('ok'), freeAt - t);
      return true;
    },
  });
}

describe('stress', () => {
  it('finds the breaking point of a target with a known capacity within one step, and stops after the break', async () => {
    serialServer();
    const before = target.served();
    const [s] = await runText(
      planText(['{ name: capacity, kind: stress, rate: { from: 60/s, step: 60/s, max: 600/s }, every: 2s, until: { p95: "< 50ms", error_rate: "< 1%" } }']),
      target.url,
    );
    const stress = s!.stress!;
    if (process.env.SHOW_STRESS)
      console.log(
        JSON.stringify({
          requests: s!.requests,
          duration_s: s!.duration_s,
          steps: stress.steps.map((x) => [x.level, x.requests, x.errors, x.latency_ms.p95, x.duration_s, x.passed, x.ended_early, x.broke]),
          bp: stress.breaking_point,
          broke_at: stress.broke_at,
        }),
      );
    expect(stress.unit).toBe('rps');
    expect(stress.until).toEqual(['p95 < 50ms', 'error_rate < 1%']);
    // 60, 120, 180 run under the 200/s capacity; 240 queues 40 more each second than it serves.
    expect(stress.breaking_point).not.toBeNull();
    expect(Math.abs(stress.breaking_point! - CAPACITY)).toBeLessThanOrEqual(stress.step);
    expect(stress.breaking_point!).toBeLessThanOrEqual(CAPACITY);
    expect(stress.broke_at).toBe(stress.breaking_point! + stress.step);
    expect(stress.reached_max).toBe(false);
    const last = stress.steps[stress.steps.length - 1]!;
    expect(last.passed).toBe(false);
    expect(last.broke!.some((b) => b.startsWith('p95 < 50ms (was '))).toBe(true);
    // The broken step stopped sending once more than 5 % of its 480 requests were over 50 ms: well before its 2 s.
    expect(last.ended_early).toBe(true);
    expect(last.requests).toBeLessThan(480);
    expect(last.duration_s).toBeLessThan(2);
    for (const step of stress.steps.slice(0, -1)) {
      expect(step.passed).toBe(true);
      // Each step's own numbers: its rate, about level × 2 s of requests.
      expect(Math.abs(step.requests - step.level * 2)).toBeLessThanOrEqual(2);
      expect(step.latency_ms.p95).toBeLessThan(50);
    }
    // Stopped after the break: no step past broke_at, so at most (60 + … + 240) × 2 s requests, far below the 6600 of all ten steps.
    expect(stress.steps.map((x) => x.level)).toEqual([60, 120, 180, 240].slice(0, stress.steps.length));
    const bound = stress.steps.reduce((a, x) => a + x.level * 2, 0);
    expect(s!.requests).toBeLessThanOrEqual(bound);
    expect(target.served() - before).toBeLessThanOrEqual(bound);
    // The stage's totals stay those of any stage: every step's requests; what it scheduled is what
    // its steps asked for, the broken one only up to where it stopped.
    expect(s!.requests).toBe(stress.steps.reduce((a, x) => a + x.requests, 0));
    expect(s!.scheduled).toBe(s!.requests);
  }, 20_000);

  it('breaks on errors: a token bucket answering 503 past 100/s, stepped by users', async () => {
    // 100 tokens a second, at most 10 saved up: past 100 requests a second, the rest get 503.
    let tokens = 10;
    let last = performance.now();
    target.set({
      route: (_req, res) => {
        const t = performance.now();
        tokens = Math.min(10, tokens + ((t - last) / 1000) * 100);
        last = t;
        if (tokens >= 1) {
          tokens--;
          setTimeout(() => res.end('ok'), 2);
        } else {
          res.writeHead(503).end();
        }
        return true;
      },
    });
    // Each user sends about every 50 ms (think 48 ms + 2 ms): 20/s per user, so the bucket holds up to 5 users.
    const [s] = await runText(
      planText(['{ name: users, kind: stress, vus: { from: 2, step: 2, max: 40 }, every: 1500ms, think: 48ms, until: { error_rate: "< 2%" } }']),
      target.url,
    );
    const stress = s!.stress!;
    if (process.env.SHOW_STRESS)
      console.log(
        JSON.stringify({
          requests: s!.requests,
          duration_s: s!.duration_s,
          steps: stress.steps.map((x) => [x.level, x.requests, x.errors, x.latency_ms.p95, x.duration_s, x.passed, x.ended_early, x.broke]),
          bp: stress.breaking_point,
          broke_at: stress.broke_at,
        }),
      );
    expect(stress.unit).toBe('vus');
    expect(stress.breaking_point).not.toBeNull();
    // 5 users is the capacity (100/s ÷ 20/s); within one step (2 users).
    expect(Math.abs(stress.breaking_point! - 5)).toBeLessThanOrEqual(stress.step);
    expect(stress.steps[stress.steps.length - 1]!.broke![0]).toMatch(/^error_rate < 2% \(was /);
    expect(stress.steps.length).toBeLessThanOrEqual(4);
  }, 20_000);
});

describe('stress with listed levels', () => {
  it('vus: [1, 3, 6, 12, 24] runs those users in that order, and breaks at the first level the target cannot hold', async () => {
    // A closed-model user has one request in flight, so the server sees at most `level` at once;
    // it refuses what arrives beyond 8 at once: 1, 3 and 6 users pass, 12 break.
    let inFlight = 0;
    const seen: number[] = [];
    target.set({
      route: (_req, res) => {
        if (inFlight >= 8) {
          res.writeHead(503).end();
          return true;
        }
        inFlight++;
        seen.push(inFlight);
        setTimeout(() => {
          inFlight--;
          res.end('ok');
        }, 20);
        return true;
      },
    });
    const [s] = await runText(planText(['{ name: sweep, kind: stress, vus: [1, 3, 6, 12, 24], every: 700ms, until: { error_rate: "< 1%" } }']), target.url);
    const stress = s!.stress!;
    expect(stress).toMatchObject({ unit: 'vus', from: 1, max: 24, levels: [1, 3, 6, 12, 24], breaking_point: 6, broke_at: 12, reached_max: false });
    // In order, and none after the break.
    expect(stress.steps.map((x) => [x.level, x.passed])).toEqual([
      [1, true],
      [3, true],
      [6, true],
      [12, false],
    ]);
    // Each step ran its own number of users: about level × (1000 / 20 ms) requests per second.
    for (const step of stress.steps.slice(0, 3)) {
      expect(step.rps / step.level, `level ${step.level}`).toBeGreaterThan(20);
      expect(step.rps / step.level, `level ${step.level}`).toBeLessThan(55);
    }
    expect(Math.max(...seen)).toBe(8);
    expect(outcomeNote(s!)).toMatch(
      /^\*\*sweep\*\*: breaking point \*\*6 users\*\* \(broke at 12 users: .*\); levels 1 user, 3 users, 6 users, 12 users, 24 users every 0\.7 s, judged on `error_rate < 1%`\.$/,
    );
  }, 20_000);
});

describe('stress under abort_when', () => {
  it('a rule that ends the stage mid-step leaves that step unjudged; the gate fails on the abort, and breaking_point has nothing to check', async () => {
    target.set({ errorRate: 1 });
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-stress-'));
    try {
      await writeFile(
        path.join(dir, 'plan.yml'),
        planText(
          ['{ name: users, kind: stress, vus: { from: 2, step: 2, max: 10 }, every: 10s, think: 20ms, until: { p95: "< 1s" } }'],
          'abort_when:\n  - { metric: error_rate, op: ">", value: 50%, for: 1s }\nthresholds:\n  users: { breaking_point: "> 4" }\n',
        ),
      );
      const t0 = Date.now();
      const report = await runGate({ dir, targetUrl: target.url, out: path.join(dir, 'out') });
      expect(Date.now() - t0).toBeLessThan(8000);
      const s = report.stages[0]!;
      expect(s.aborted).toBeDefined();
      expect(s.stress).toMatchObject({ steps: [], breaking_point: null, broke_at: null, reached_max: false });
      expect(report.checks.map((c) => [c.metric, c.verdict])).toEqual([
        ['breaking_point', 'warn'],
        ['abort_when', 'fail'],
      ]);
      expect(report.verdict).toBe('fail');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe('stress against a target that falls over', () => {
  it('judged on p95 only, a target refusing connections past 100/s gets a breaking point, not a target_down abort', async () => {
    // Serves until more than 100 requests arrive within one second, then stops listening: every
    // later request is refused at once (a fast failure that p95 alone would pass).
    const arrivals: number[] = [];
    let down = false;
    const server = http.createServer((_req, res) => {
      const t = performance.now();
      arrivals.push(t);
      while (arrivals[0]! < t - 1000) arrivals.shift();
      res.end('ok');
      if (arrivals.length > 100 && !down) {
        down = true;
        server.close();
        server.closeAllConnections();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const [s] = await runText(
        planText(['{ name: cap, kind: stress, rate: { from: 50/s, step: 100/s, max: 450/s }, every: 3s, until: { p95: "< 200ms" } }']),
        url,
      );
      const stress = s!.stress!;
      expect(down).toBe(true);
      expect(s!.aborted).toBeUndefined();
      expect(stress).toMatchObject({ breaking_point: 50, broke_at: 150, reached_max: false });
      const last = stress.steps[stress.steps.length - 1]!;
      expect(last.broke).toHaveLength(1);
      expect(last.broke![0]).toMatch(/^errors \d+% \(a step with half its requests failing always breaks\)$/);
      // It stopped once half its 450 planned requests had failed, before 3 s of refusals could trip target_down.
      expect(last.ended_early).toBe(true);
    } finally {
      if (!down) server.close();
    }
  }, 20_000);
});

describe('soak', () => {
  it('reports and gates the drift of a target slowing down and the growth of its memory', async () => {
    // Latency grows 3 ms per second of the stage; the resident memory 2 MB per second.
    let t0: number | undefined;
    const elapsedS = (): number => (performance.now() - (t0 ??= performance.now())) / 1000;
    target.set({
      route: (req, res) => {
        if (req.url === '/metrics') {
          const bytes = 100e6 + elapsedS() * 2e6;
          res.end(
            `# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes ${bytes.toExponential(6)}\n`,
          );
          return true;
        }
        setTimeout(() => res.end('ok'), 2 + elapsedS() * 3);
        return true;
      },
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-soak-'));
    try {
      await writeFile(
        path.join(dir, 'plan.yml'),
        planText(
          ['{ name: overnight, kind: soak, rate: 40/s, duration: 10s, metrics: /metrics }'],
          'thresholds:\n  overnight: { drift: "< 20%", memory_growth: "< 10%", p95: "< 1s" }\n',
        ),
      );
      const report = await runGate({ dir, targetUrl: target.url, out: path.join(dir, 'out') });
      const s = report.stages[0]!;
      const soak = s.soak!;
      // First tenth ~2–5 ms, last tenth ~29–32 ms.
      expect(soak.drift.first_p95).toBeLessThan(12);
      expect(soak.drift.last_p95).toBeGreaterThan(25);
      expect(soak.drift.delta_pct!).toBeGreaterThan(100);
      // 100 MB at the first read, about 120 MB at the last: ~20 %.
      expect(soak.memory).toMatchObject({ url: `${target.url}/metrics` });
      expect(soak.memory!.before_bytes!).toBeCloseTo(100e6, -6);
      expect(soak.memory!.growth_pct!).toBeGreaterThan(15);
      expect(soak.memory!.growth_pct!).toBeLessThan(30);
      expect(soak.memory!.error).toBeUndefined();
      // It is still a load stage: 40/s for 10 s.
      expect(s.requests).toBe(400);
      const checks = report.checks.filter((c) => c.kind === 'threshold').map((c) => [c.metric, c.verdict]);
      expect(checks).toEqual([
        ['drift', 'fail'],
        ['memory_growth', 'fail'],
        ['p95', 'pass'],
      ]);
      expect(report.verdict).toBe('fail');
      const summary = await readFile(path.join(dir, 'out', 'summary.md'), 'utf8');
      expect(summary).toMatch(
        /\*\*overnight\*\*: p95 drift \+\d+\.\d% \(first tenth .* → last tenth .*\); resident memory 100\.0 MB → 1\d\d\.\d MB \(\+\d+\.\d%\) from `http:\/\/127\.0\.0\.1:\d+\/metrics`\./,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('a metrics page that cannot be read is shown, and only warns a memory_growth rule', async () => {
    target.set({});
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-soak-'));
    try {
      await writeFile(
        path.join(dir, 'plan.yml'),
        planText(
          ['{ name: steady, kind: soak, rate: 20/s, duration: 10s, metrics: /nope }'],
          'thresholds:\n  steady: { memory_growth: "< 10%", drift: "< 500%" }\n',
        ),
      );
      target.set({ route: (req, res) => (req.url === '/nope' ? (res.writeHead(404).end('not here'), true) : false) });
      const report = await runGate({ dir, targetUrl: target.url, out: path.join(dir, 'out') });
      const s = report.stages[0]!;
      expect(s.soak!.memory).toMatchObject({ before_bytes: null, after_bytes: null, growth_pct: null, error: 'before: GET /nope answered 404' });
      expect(s.errors).toBe(0);
      expect(report.checks.filter((c) => c.kind === 'threshold').map((c) => [c.metric, c.verdict])).toEqual([
        ['memory_growth', 'warn'],
        ['drift', 'pass'],
      ]);
      expect(report.verdict).toBe('warn');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
