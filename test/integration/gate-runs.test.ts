/**
 * The gate on real runs: a saved baseline, unchanged re-runs that must pass, a latency regression
 * and an error-rate regression that must fail. Runs the whole core (plan → load → gate → files).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../helpers/gate.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import type { Report } from '../../src/model/report.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 100/s, duration: 4s }
regression:
  p50: "+10%"
  p95: "+15%"
  error_rate: "+0.5pp"
  rps: "-10%"
`;

let target: TestTarget;
let dir: string;

beforeAll(async () => {
  target = await startTarget();
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-gate-'));
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
});
afterAll(async () => {
  await target.close();
});

const run = (out: string, extra: { baseline?: string; save?: string } = {}): Promise<Report> => runGate({ dir, targetUrl: target.url, out, ...extra });

describe('regression gate on real runs', () => {
  it('unchanged re-runs pass; +60 % latency fails; 3 % 5xx fails on error_rate', async () => {
    target.set({ delayMs: 10 });
    const base = await run('base', { save: 'baseline.json' });
    expect(base.verdict).not.toBe('fail');
    const saved = JSON.parse(await readFile(path.join(dir, 'baseline.json'), 'utf8')) as Report;
    expect(saved.stages[0]!.requests).toBe(400);

    for (let i = 0; i < 3; i++) {
      const again = await run(`same-${i}`, { baseline: 'baseline.json' });
      const failed = again.checks.filter((c) => c.verdict === 'fail');
      expect(failed, JSON.stringify(again.checks)).toEqual([]);
      expect(again.checks.some((c) => c.kind === 'regression' && c.metric === 'p95')).toBe(true);
    }

    target.set({ delayMs: 16 });
    const slower = await run('slower', { baseline: 'baseline.json' });
    expect(slower.verdict).toBe('fail');
    const p50 = slower.checks.find((c) => c.metric === 'p50')!;
    expect(p50.verdict).toBe('fail');
    expect(p50.delta_pct!).toBeGreaterThan(40);
    expect(p50.interval_pct![0]).toBeGreaterThan(10);
    expect(p50.method).toBe('bootstrap-windows(percentile)');

    target.set({ delayMs: 10, errorRate: 0.03 });
    const erroring = await run('erroring', { baseline: 'baseline.json' });
    const er = erroring.checks.find((c) => c.metric === 'error_rate')!;
    expect(er.verdict).toBe('fail');
    expect(er.current).toBeCloseTo(0.03, 2);
    expect(er.method).toBe('two-proportion');
    expect(erroring.verdict).toBe('fail');
  });

  it('a failed run never overwrites the saved baseline', async () => {
    target.set({ delayMs: 5 });
    await run('good', { save: 'kept.json' });
    const before = await readFile(path.join(dir, 'kept.json'), 'utf8');
    target.set({ delayMs: 12 });
    const bad = await run('bad', { baseline: 'kept.json', save: 'kept.json' });
    expect(bad.verdict).toBe('fail');
    expect(await readFile(path.join(dir, 'kept.json'), 'utf8')).toBe(before);
  });
});
