/**
 * The engine against targets that misbehave: huge and endless bodies, 429 storms, and a stopped
 * run against a slow target. (Resets, hangs, 4xx/5xx: engine-http.test.ts "error taxonomy".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTarget, planText, type TestTarget } from '../helpers/target.js';
import { runText } from '../helpers/run.js';
import { startWsTarget } from '../helpers/ws-target.js';
import { parsePlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/load/run-plan.js';
import { stageReport } from '../../src/report/build.js';
import { retryAfterSeconds } from '../../src/metrics/stage-metrics.js';

let target: TestTarget;
beforeAll(async () => {
  target = await startTarget();
  // Warm up (modules, JIT, the first pool) with small bodies, so the memory test sees the bodies only.
  await runText(planText(['{ name: warm, kind: load, rate: 20/s, duration: 1s }']), target.url);
});
afterAll(async () => {
  await target.close();
});

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Writes `bytes` of 'a' with backpressure (so the server side never buffers it either). */
function streamBody(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(bytes) });
  let left = bytes;
  const pump = (): void => {
    while (left > 0) {
      const n = Math.min(left, CHUNK.length);
      left -= n;
      if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

// A forced GC before each sample, so what is measured is memory still held, not garbage the
// collector has not reached yet (RSS moves with the allocator and GC timing, not with retention).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const held = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** The most memory held (heap + buffers, after a GC) while `fn` runs, above what was held before; sampled every 20 ms. */
async function peakHeldGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = held();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, held())), 20);
  try {
    const result = await fn();
    return { result, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('huge and endless bodies', () => {
  it.each([
    ['not read (no body check)', ''],
    ['read for a body check (kept up to 1 MiB)', ', expect: { body: "aaaa" }'],
  ])('a 50 MiB body, %s, is counted as a 200 without being held in memory', async (_name, expectation) => {
    target.set({ route: (_req, res) => (streamBody(res, 50 * MiB), true) });
    const text = `version: 1
target: { url: "http://127.0.0.1:1" }
defaults: { timeout: 20s }
requests:
  - { name: big, path: /big${expectation} }
stages:
  - { name: big, kind: load, rate: 2/s, duration: 1s }
`;
    const { result, growth } = await peakHeldGrowth(() => runText(text, target.url));
    const s = result[0]!;
    expect(s.requests).toBe(2);
    expect(s.errors).toBe(0);
    expect(s.status_codes).toEqual({ '200': 2 });
    // 100 MiB went through; far less than one body's size stayed.
    expect(growth).toBeLessThan(25 * MiB);
  });

  it('an endless chunked body ends at the request timeout, counted as a timeout', async () => {
    let open = 0;
    target.set({
      route: (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        open++;
        const t = setInterval(() => res.write(CHUNK), 5);
        res.once('close', () => {
          clearInterval(t);
          open--;
        });
        return true;
      },
    });
    const text = planText(['{ name: endless, kind: load, rate: 10/s, duration: 1s }']).replace('timeout: 2s', 'timeout: 400ms');
    const [s] = await runText(text, target.url);
    expect(s!.requests).toBe(10);
    expect(s!.errors_by_kind.timeout).toBe(10);
    expect(s!.errors).toBe(10);
    expect(s!.latency_ms.p50).toBeGreaterThanOrEqual(400);
    expect(s!.latency_ms.max).toBeLessThan(600);
    // The timed-out requests' connections were closed: the server stops sending.
    await new Promise((r) => setTimeout(r, 200));
    expect(open).toBe(0);
  });
});

describe('429 storms', () => {
  it('no retry storm: an all-429 target receives exactly the scheduled sends, and the Retry-After range is kept', async () => {
    let n = 0;
    target.set({
      route: (_req, res) => {
        // Retry-After as seconds (1, 30) and as an HTTP date (~10 s ahead).
        const values = ['1', '30', new Date(Date.now() + 10_000).toUTCString()];
        res.writeHead(429, { 'retry-after': values[n++ % values.length]! });
        res.end();
        return true;
      },
    });
    const before = target.served();
    const [s] = await runText(planText(['{ name: storm, kind: load, rate: 50/s, duration: 2s }']), target.url);
    expect(target.served() - before).toBe(100);
    expect(s!.scheduled).toBe(100);
    expect(s!.requests).toBe(100);
    expect(s!.errors_by_kind.rate_limited).toBe(100);
    expect(s!.retry_after_seen).toBe(100);
    expect(s!.retry_after_s?.min).toBe(1);
    expect(s!.retry_after_s?.max).toBe(30);
  });

  it('reads Retry-After as seconds or as an HTTP date; anything else is counted but has no value', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds('-5', now)).toBeUndefined();
  });
});

describe('a stopped run against a slow target', () => {
  const stages: Array<[string, string]> = [
    ['open model', '{ name: s, kind: load, rate: 20/s, duration: 30s }'],
    ['closed model', '{ name: s, kind: load, vus: 5, duration: 30s }'],
    ['burst', '{ name: s, kind: burst, size: 10, cycles: 3, pause: 1s }'],
  ];
  it.each(stages)('%s: requests in flight are cancelled after the grace, unrecorded, and the stage ends within 1 s', async (_name, stage) => {
    target.set({ delayMs: 5000 });
    const text = planText([stage]).replace('timeout: 2s', 'timeout: 10s');
    const controller = new AbortController();
    const run = runPlan(parsePlan(text, 'test.yml', {}), { targetUrl: target.url, cwd: process.cwd(), probe: false, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 800));
    const abortedAt = Date.now();
    controller.abort();
    const result = await run;
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    const s = stageReport(result.stages[0]!);
    // Nothing answered within 5 s, and the cancelled requests are neither successes nor errors.
    expect(s.requests).toBe(0);
    expect(s.errors).toBe(0);
  });

  it('a session step waiting on a slow target is cancelled too', async () => {
    target.set({ delayMs: 5000 });
    const text = planText(['{ name: s, kind: load, rate: 20/s, duration: 30s }'], 'session:\n  - { name: login, method: POST, path: /login }\n').replace(
      'timeout: 2s',
      'timeout: 10s',
    );
    const controller = new AbortController();
    const run = runPlan(parsePlan(text, 'test.yml', {}), { targetUrl: target.url, cwd: process.cwd(), probe: false, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 500));
    const abortedAt = Date.now();
    controller.abort();
    const result = await run;
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect(stageReport(result.stages[0]!).requests).toBe(0);
  });
});

describe('a stopped ws stage against a slow target', () => {
  it('messages waiting for a reply are cancelled after the grace, unrecorded, and the stage ends within 1 s', async () => {
    const ws = await startWsTarget({ delayMs: 5000 });
    try {
      const text = `version: 1
target: { url: "http://127.0.0.1:1" }
websocket:
  path: /ws
  send: '{"id":"\${seq}"}'
  expect_reply: { json_field: id }
  timeout: 10s
stages:
  - { name: s, kind: load, protocol: ws, connections: 3, rate: 20/s, duration: 30s }
`;
      const controller = new AbortController();
      const run = runPlan(parsePlan(text, 'test.yml', {}), { targetUrl: ws.url, cwd: process.cwd(), probe: false, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 800));
      const abortedAt = Date.now();
      controller.abort();
      const result = await run;
      expect(Date.now() - abortedAt).toBeLessThan(1000);
      const s = stageReport(result.stages[0]!);
      expect(s.requests).toBe(0);
      expect(s.errors).toBe(0);
    } finally {
      await ws.close();
    }
  });
});
