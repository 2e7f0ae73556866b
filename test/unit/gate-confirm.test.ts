import { describe, it, expect } from 'vitest';
import { confirmChecks, stagesToConfirm } from '../../src/gate/confirm.js';
import { acceptRegressions } from '../../src/gate/verdict.js';
import { gate } from '../../src/gate/index.js';
import type { Check } from '../../src/model/report.js';
import { steadyStage } from '../helpers/reports.js';

const check = (over: Partial<Check>): Check => ({
  stage: 'load',
  metric: 'p95',
  kind: 'regression',
  baseline: 10,
  current: 13,
  delta_pct: 30,
  limit: '+15%',
  interval_pct: [22, 38],
  method: 'bootstrap-windows',
  verdict: 'fail',
  ...over,
});

describe('confirm before failing', () => {
  it('only stages with a failed regression are run again', () => {
    const checks = [check({}), check({ stage: 'other', verdict: 'pass' }), check({ stage: 'spike', kind: 'threshold', verdict: 'fail' })];
    expect([...stagesToConfirm(checks)]).toEqual(['load']);
  });

  it('a re-run that fails the same rule confirms the failure', () => {
    const [c] = confirmChecks([check({})], [check({ current: 12.8, delta_pct: 28 })]);
    expect(c).toMatchObject({ verdict: 'fail', confirmation: { verdict: 'fail', delta_pct: 28 } });
    expect(c!.note).toBe('confirmed: a re-run of the stage also failed (+28.0%)');
  });

  it('a re-run that passes turns the failure into a visible "not confirmed" warning', () => {
    const [c] = confirmChecks([check({})], [check({ current: 10.2, delta_pct: 2, interval_pct: [-3, 7], verdict: 'pass' })]);
    expect(c).toMatchObject({ verdict: 'warn', confirmation: { verdict: 'pass', delta_pct: 2 } });
    expect(c!.note).toBe('not confirmed: failed at +30.0%, but a re-run of the stage measured +2.0% (pass)');
  });

  it('an error-rate failure is confirmed in percentage points', () => {
    const first = check({ metric: 'error_rate', delta_pct: null, delta_pp: 2.5, limit: '+0.5pp' });
    const [c] = confirmChecks([first], [{ ...first, delta_pp: 2.4 }]);
    expect(c!.note).toBe('confirmed: a re-run of the stage also failed (+2.40pp)');
  });

  it('a re-run that measured nothing comparable, or whose generator was saturated, clears nothing', () => {
    expect(confirmChecks([check({})], [check({ metric: 'p99', verdict: 'pass' })])[0]!.verdict).toBe('fail');
    expect(confirmChecks([check({})], [check({ verdict: 'pass', delta_pct: 1 })], new Set(['load']))[0]).toEqual(check({}));
  });

  it('gate(): a re-run with a saturated generator leaves the failure standing', () => {
    const rules = { thresholds: {}, regression: [{ metric: 'p95' as const, direction: 'increase' as const, unit: 'pct' as const, amount: 15, raw: '+15%' }] };
    const hot = steadyStage(1.01, 3, {
      generator_saturated: true,
      generator: { late_sends: 900, dropped: 0, loop_lag_p99_ms: 90, loop_lag_max_ms: 200, saturated: true, reason: 'lag' },
    });
    expect(gate(rules, [steadyStage(1.6, 2)], { baseline: [steadyStage(1, 1)] }, { again: [hot] }).verdict).toBe('fail');
  });

  it('checks that passed, thresholds, and stages that did not run again are left as they were', () => {
    const first = [check({ verdict: 'pass' }), check({ kind: 'threshold', verdict: 'fail' }), check({ stage: 'spike' })];
    expect(confirmChecks(first, [check({ verdict: 'pass' })])).toEqual(first);
  });

  it('gate(): a failure stands only when the re-run fails too', () => {
    const rules = { thresholds: {}, regression: [{ metric: 'p95' as const, direction: 'increase' as const, unit: 'pct' as const, amount: 15, raw: '+15%' }] };
    const baseline = [steadyStage(1, 1)];
    expect(gate(rules, [steadyStage(1.6, 2)], { baseline }).verdict).toBe('fail');
    const fluke = gate(rules, [steadyStage(1.6, 2)], { baseline }, { again: [steadyStage(1.01, 3)] });
    expect(fluke.verdict).toBe('warn');
    expect(fluke.checks[0]!.note).toMatch(/^not confirmed/);
    const real = gate(rules, [steadyStage(1.6, 2)], { baseline }, { again: [steadyStage(1.55, 3)] });
    expect(real.verdict).toBe('fail');
    expect(real.checks[0]!.note).toMatch(/^confirmed/);
    const accepted = gate(rules, [steadyStage(1.6, 2)], { baseline }, { again: [steadyStage(1.55, 3)], accept: 'label perf-gate:accept' });
    expect(accepted.verdict).toBe('warn');
    expect(accepted.checks[0]).toMatchObject({ accepted: true, verdict: 'warn' });
  });
});

describe('accepting regressions', () => {
  it('failed regressions become accepted warnings; thresholds still fail', () => {
    const out = acceptRegressions([check({}), check({ kind: 'threshold', limit: '< 12ms' }), check({ verdict: 'pass' })], 'label perf-gate:accept');
    expect(out.map((c) => [c.kind, c.verdict, c.accepted ?? false])).toEqual([
      ['regression', 'warn', true],
      ['threshold', 'fail', false],
      ['regression', 'pass', false],
    ]);
    expect(out[0]!.note).toBe('accepted (label perf-gate:accept)');
  });
});
