/**
 * The limits' backstop against a real loopback target: what no static check can know (how many
 * requests closed-model users send, how long slow responses stretch a burst) is stopped at run time,
 * and the gate fails such a run rather than pass it or keep it as a baseline.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/load/run-plan.js';
import { runGate } from '../helpers/gate.js';
import { planText, startTarget, type TestTarget } from '../helpers/target.js';
import type { Report } from '../../src/model/report.js';

let target: TestTarget;
let dir: string;
beforeAll(async () => {
  target = await startTarget({ delayMs: 2 });
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-run-limits-'));
});
afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

/** Users that would send for 20 s, under a 500-request limit, then a stage that must never start. */
const CLOSED_OVER_MAX_REQUESTS = planText(
  ['{ name: users, kind: load, vus: 4, duration: 20s }', '{ name: after, kind: baseline, duration: 2s }'],
  'limits: { max_requests: 500 }\n',
);

describe('limits at run time', () => {
  it('max_requests stops a closed-model stage near the cap, skips the later stages and says why', async () => {
    target.set({ delayMs: 2 });
    const plan = parsePlan(CLOSED_OVER_MAX_REQUESTS, 'test.yml', {});
    const before = target.served();
    const t0 = Date.now();
    const run = await runPlan(plan, { targetUrl: target.url, cwd: process.cwd(), probe: false });
    const elapsed = Date.now() - t0;
    expect(run.stopped).toMatchObject({ limit: 'max_requests', cap: 500, stage: 'users' });
    expect(run.stopped!.value).toBeGreaterThanOrEqual(500);
    expect(run.stopped!.message).toMatch(/reaching limits\.max_requests \(500\) in stage "users", and was stopped; raise limits\.max_requests/);
    expect(run.stages.map((s) => s.spec.name)).toEqual(['users']);
    const sent = run.stages[0]!.metrics.requests;
    // The backstop looks every 10 ms: at most that long's sends (plus one per user in flight) past the cap.
    expect(sent).toBeGreaterThanOrEqual(500);
    expect(sent).toBeLessThan(500 + 400);
    expect(target.served() - before).toBe(sent);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('max_duration stops a run that its slow responses stretch past the limit', async () => {
    // Planned: two 100-ms pauses (0.2 s, within the 1 s limit); each burst waits 1.5 s for its answers.
    target.set({ delayMs: 1500 });
    const plan = parsePlan(planText(['{ name: slow, kind: burst, size: 5, cycles: 3, pause: 100ms }'], 'limits: { max_duration: 1s }\n'), 'test.yml', {});
    const t0 = Date.now();
    const run = await runPlan(plan, { targetUrl: target.url, cwd: process.cwd(), probe: false });
    const elapsed = Date.now() - t0;
    expect(run.stopped).toMatchObject({ limit: 'max_duration', cap: 1000, stage: 'slow' });
    expect(run.stopped!.message).toMatch(/reached limits\.max_duration \(1s\) in stage "slow" and was stopped/);
    // The burst in flight finishes (1.5 s), the next ones never go: 3 cycles would take 4.7 s.
    expect(run.stages[0]!.cycles).toHaveLength(1);
    expect(elapsed).toBeLessThan(3500);
  });

  it('a run within its limits is not stopped', async () => {
    target.set({ delayMs: 2 });
    const plan = parsePlan(planText(['{ name: users, kind: load, vus: 2, duration: 1s }'], 'limits: { max_requests: 1000000 }\n'), 'test.yml', {});
    const run = await runPlan(plan, { targetUrl: target.url, cwd: process.cwd(), probe: false });
    expect(run.stopped).toBeUndefined();
    expect(run.stages[0]!.metrics.requests).toBeGreaterThan(50);
  });

  it('the gate fails a run stopped by a limit, the report says why, and it is not saved as a baseline', async () => {
    target.set({ delayMs: 2 });
    await writeFile(path.join(dir, 'plan.yml'), CLOSED_OVER_MAX_REQUESTS);
    const report: Report = await runGate({ dir, targetUrl: target.url, out: 'out', save: 'baseline.json' });
    expect(report.verdict).toBe('fail');
    expect(report.cancelled).toBe(false);
    const stop = report.checks.find((c) => c.method === 'run limit');
    expect(stop).toMatchObject({ stage: 'users', metric: 'requests', limit: '< 500 (limits.max_requests)', verdict: 'fail' });
    expect(stop!.note).toMatch(/limits\.max_requests/);
    expect(existsSync(path.join(dir, 'baseline.json'))).toBe(false);
    const summary = await readFile(path.join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary).toContain('limits.max_requests');
  });
});
