/**
 * abort_when against real loopback targets, through the whole core: a stage ends early, later
 * stages are skipped, the gate fails with the reason, and no baseline is saved.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbAndGate, runAndGate, type Logger } from '../../src/core.js';
import { FileStore } from '../../src/baseline/file-store.js';
import { planText, startTarget } from '../helpers/target.js';

async function gateWith(
  plan: string,
  targetUrl: string,
): Promise<{ report: Awaited<ReturnType<typeof runAndGate>>['report']; summary: string; lines: string[]; baseline: string; ms: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-abort-'));
  await writeFile(path.join(dir, 'plan.yml'), plan);
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) };
  const baseline = path.join(dir, 'baseline.json');
  const t0 = Date.now();
  const o = await runAndGate({
    planFile: 'plan.yml',
    targetUrl,
    save: { store: new FileStore({ file: baseline }), commit: 'local', run: 'test' },
    outDir: 'out',
    env: {},
    cwd: dir,
    log,
    runnerProbe: false,
  });
  return { report: o.report, summary: await readFile(o.summaryPath, 'utf8'), lines, baseline, ms: Date.now() - t0 };
}

describe('abort_when', () => {
  it('error_rate > 50% for 2s ends a 20-s stage within seconds, skips the next stage, fails the gate and saves no baseline', async () => {
    const target = await startTarget({ errorRate: 1 });
    try {
      const plan = planText(
        ['{ name: hammer, kind: load, rate: 40/s, duration: 20s }', '{ name: after, kind: baseline, duration: 5s }'],
        'abort_when:\n  - { metric: error_rate, op: ">", value: 50%, for: 2s }\n',
      );
      const { report, summary, lines, baseline, ms } = await gateWith(plan, target.url);
      expect(ms).toBeLessThan(6000);
      expect(report.stages.map((s) => s.name)).toEqual(['hammer']);
      const stage = report.stages[0]!;
      expect(stage.duration_s).toBeLessThan(5);
      expect(stage.requests).toBeGreaterThan(0);
      expect(stage.aborted).toMatchObject({ rule: 'error_rate > 50% for 2s' });
      expect(stage.aborted!.at_s).toBeGreaterThanOrEqual(2);
      expect(stage.aborted!.reason).toMatch(/^error_rate > 50% for 2s held for 2\.\d s \(100 % of \d+ completions in the last second errors\)$/);
      expect(report.verdict).toBe('fail');
      expect(report.checks).toContainEqual(
        expect.objectContaining({ stage: 'hammer', metric: 'abort_when', kind: 'threshold', verdict: 'fail', limit: 'error_rate > 50% for 2s' }),
      );
      expect(summary).toContain('**Stage hammer was aborted**');
      expect(summary).toContain('any later stages were skipped');
      expect(existsSync(baseline)).toBe(false);
      expect(lines.some((l) => l.startsWith('warning: baseline not saved') && l.includes('stage hammer was aborted'))).toBe(true);
      expect(lines[0]).toBe(`perf-gate: load goes to ${target.url} (loopback)`);
    } finally {
      await target.close();
    }
  });

  it('a target that dies 1 s into a 10-s stage ends it by the default target_down rule, with the partial results', async () => {
    const target = await startTarget();
    const closing = new Promise<void>((resolve) => setTimeout(() => void target.close().then(resolve), 1000));
    try {
      const plan = planText(['{ name: doomed, kind: load, rate: 50/s, duration: 10s }', '{ name: never, kind: baseline, duration: 2s }']);
      const { report, summary, baseline, ms } = await gateWith(plan, target.url);
      expect(ms).toBeLessThan(7000);
      expect(report.stages.map((s) => s.name)).toEqual(['doomed']);
      const stage = report.stages[0]!;
      expect(stage.duration_s).toBeLessThan(6.5);
      expect(stage.requests).toBeGreaterThan(stage.errors); // the first second was answered
      expect(stage.errors_by_kind.connect).toBeGreaterThan(0);
      expect(stage.aborted!.rule).toBe('target_down');
      expect(stage.aborted!.reason).toMatch(/^the target stopped answering \(connect errors on ≥ 95 % of requests for [3-9]\.\d s; /);
      expect(report.verdict).toBe('fail');
      expect(report.checks.filter((c) => c.verdict === 'fail').map((c) => c.metric)).toEqual(['abort_when']);
      expect(summary).toContain('by the default target_down rule');
      expect(existsSync(baseline)).toBe(false);
    } finally {
      await closing;
    }
  });

  it('target_down: false keeps a stage running against a dead target to its end', async () => {
    const target = await startTarget();
    const closing = new Promise<void>((resolve) => setTimeout(() => void target.close().then(resolve), 500));
    try {
      const plan = planText(['{ name: stubborn, kind: load, rate: 50/s, duration: 4500ms }'], 'abort_when: { target_down: false }\n');
      const { report } = await gateWith(plan, target.url);
      const stage = report.stages[0]!;
      expect(stage.aborted).toBeUndefined();
      expect(stage.duration_s).toBeGreaterThan(4.3); // the last send is due just before 4.5 s
      expect(stage.errors_by_kind.connect).toBeGreaterThan(100);
      expect(report.checks.some((c) => c.metric === 'abort_when')).toBe(false);
    } finally {
      await closing;
    }
  });

  it('A/B: a round that abort_when ends stops the rounds and the stages; the head fails the gate, the base says why', async () => {
    const base = await startTarget({ errorRate: 1 });
    const head = await startTarget({ errorRate: 1 });
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-abort-ab-'));
      await writeFile(
        path.join(dir, 'plan.yml'),
        planText(
          ['{ name: hammer, kind: load, rate: 40/s, duration: 20s }', '{ name: after, kind: baseline, duration: 4s }'],
          'abort_when:\n  - { metric: error_rate, op: ">", value: 50%, for: 2s }\n',
        ),
      );
      const lines: string[] = [];
      const t0 = Date.now();
      const o = await runAbAndGate({
        planFile: 'plan.yml',
        baseUrl: base.url,
        headUrl: head.url,
        rounds: 2,
        outDir: 'out',
        env: {},
        cwd: dir,
        log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
      });
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(lines[0]).toBe(`perf-gate: load goes to head ${head.url} (loopback) and base ${base.url} (loopback)`);
      expect(o.report.stages.map((st) => st.name)).toEqual(['hammer']);
      expect(o.report.stages[0]!.aborted!.rule).toBe('error_rate > 50% for 2s');
      expect(o.report.ab!.base_stages[0]!.aborted!.rule).toBe('error_rate > 50% for 2s');
      expect(o.report.verdict).toBe('fail');
      const aborts = o.report.checks.filter((c) => c.metric === 'abort_when');
      expect(aborts).toHaveLength(2);
      expect(aborts[1]!.note).toMatch(new RegExp(`^base ${base.url.replace(/\./g, '\\.')}: error_rate > 50% for 2s held`));
    } finally {
      await Promise.all([base.close(), head.close()]);
    }
  });
});
