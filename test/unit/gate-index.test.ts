import { describe, it, expect } from 'vitest';
import { DEFAULT_REGRESSION, gate, rulesForStage, type GateRules } from '../../src/gate/index.js';
import { stage, steadyStage } from '../helpers/reports.js';

const steady = steadyStage;

const rules: GateRules = {
  thresholds: {
    '*': [{ metric: 'error_rate', op: '<', value: 0.01, raw: '< 1%' }],
    load: [{ metric: 'p95', op: '<', value: 200, raw: '< 200ms' }],
  },
  regression: undefined, // the defaults of each stage's kind
};

describe('DEFAULT_REGRESSION', () => {
  it('for load stages is the SPEC example: p50 +10%, p95 +15%, p99 +25%, error_rate +0.5pp, rps -10%', () => {
    expect(DEFAULT_REGRESSION.load!.map((r) => [r.metric, r.direction, r.unit, r.amount, r.raw])).toEqual([
      ['p50', 'increase', 'pct', 10, '+10%'],
      ['p95', 'increase', 'pct', 15, '+15%'],
      ['p99', 'increase', 'pct', 25, '+25%'],
      ['error_rate', 'increase', 'pp', 0.005, '+0.5pp'],
      ['rps', 'decrease', 'pct', 10, '-10%'],
    ]);
  });

  it('per kind: latency for baseline, errors and recovery for spikes, errors for bursts', () => {
    const kinds = (kind: string) => rulesForStage(undefined, kind).map((r) => `${r.metric} ${r.raw}`);
    expect(kinds('baseline')).toEqual(['p50 +10%', 'p95 +15%', 'p99 +25%', 'error_rate +0.5pp']);
    expect(kinds('spike')).toEqual(['error_rate +0.5pp', 'recovery +50%']);
    expect(kinds('burst')).toEqual(['error_rate +0.5pp']);
    // A plan's own rules apply to every kind as written.
    expect(rulesForStage([DEFAULT_REGRESSION.load![1]!], 'spike').map((r) => r.metric)).toEqual(['p95']);
  });
});

describe('gate', () => {
  it('without a baseline only thresholds are checked', () => {
    const result = gate(rules, [steady(1, 1)]);
    expect(result.checks.map((c) => [c.kind, c.metric, c.verdict])).toEqual([
      ['threshold', 'error_rate', 'pass'],
      ['threshold', 'p95', 'pass'],
    ]);
    expect(result.verdict).toBe('pass');
  });

  it('an unchanged run against its baseline passes every check', () => {
    const result = gate(rules, [steady(1, 2)], { baseline: [steady(1, 1)] });
    expect(result.checks.map((c) => [c.kind, c.metric, c.verdict])).toEqual([
      ['threshold', 'error_rate', 'pass'],
      ['threshold', 'p95', 'pass'],
      ['regression', 'p50', 'pass'],
      ['regression', 'p95', 'pass'],
      ['regression', 'p99', 'pass'],
      ['regression', 'error_rate', 'pass'],
      ['regression', 'rps', 'pass'],
    ]);
    expect(result.verdict).toBe('pass');
  });

  it('a +60 % latency regression fails the gate even though the thresholds pass', () => {
    const result = gate(rules, [steady(1.6, 2)], { baseline: [steady(1, 1)] });
    const failing = result.checks.filter((c) => c.verdict === 'fail').map((c) => c.metric);
    expect(failing).toEqual(['p50', 'p95', 'p99']);
    expect(result.checks.find((c) => c.kind === 'regression' && c.metric === 'p95')!.delta_pct).toBe(60);
    expect(result.verdict).toBe('fail');
  });

  it('a threshold failure fails the gate without a baseline', () => {
    const result = gate(rules, [stage({ errors: 30, error_rate: 0.03 })]);
    expect(result.checks[0]).toMatchObject({ metric: 'error_rate', current: 0.03, verdict: 'fail' });
    expect(result.verdict).toBe('fail');
  });

  // +60 % at every percentile: p50 4 → 6.4 ms, p95 10 → 16 ms, p99 20 → 32 ms.
  const reference = (extra: number) => ({
    requests: 300,
    p50: 0.5 + extra,
    p90: 0.5 + extra,
    p95: 0.5 + extra,
    p99: 0.5 + extra,
    mean: 0.5 + extra,
    idle: { p50: 0.5, p95: 0.5, p99: 0.5 },
  });
  const hot = (extra: number) =>
    steady(1.6, 2, {
      generator_saturated: true,
      generator: { late_sends: 500, dropped: 0, loop_lag_p99_ms: 90, loop_lag_max_ms: 300, saturated: true, reason: 'event-loop lag p99 90 ms', cpu_pct: 98 },
      reference: reference(extra),
    });

  it('a saturated generator that added as much as the change turns those failures into warnings, saying how much', () => {
    const result = gate(rules, [hot(12)], { baseline: [steady(1, 1, { reference: reference(0) })] });
    expect(result.checks.some((c) => c.verdict === 'fail')).toBe(false);
    const p95 = result.checks.find((c) => c.kind === 'regression' && c.metric === 'p95')!;
    expect(p95).toMatchObject({ verdict: 'warn', untrusted: 'generator-saturated', excuse: { runner_ms: 12 } });
    expect(p95.note).toMatch(
      /^excused: the load generator was saturated \(event-loop lag p99 90 ms\) using 98 % of a core: perf-gate itself was the bottleneck; perf-gate's reference server answered 12\.0 ms slower at p95/,
    );
    expect(result.verdict).toBe('warn');
  });

  it('A/B (excuse: false): base and head shared the runner, so its failures carry no excuse talk', () => {
    const result = gate(rules, [hot(12)], { baseline: [steady(1, 1, { reference: reference(0) })], excuse: false });
    expect(result.checks.filter((c) => c.verdict === 'fail').map((c) => c.metric)).toEqual(['p50', 'p95', 'p99']);
    expect(result.checks.every((c) => c.excuse === undefined && c.untrusted === undefined)).toBe(true);
  });

  it('a saturated generator that added less than the change leaves the failures standing', () => {
    const result = gate(rules, [hot(1)], { baseline: [steady(1, 1, { reference: reference(0) })] });
    const failing = result.checks.filter((c) => c.verdict === 'fail').map((c) => c.metric);
    expect(failing).toEqual(['p50', 'p95', 'p99']);
    expect(result.verdict).toBe('fail');
  });

  it('a failure in a healthy stage still fails when another stage is saturated', () => {
    const hot = { ...steady(1, 3), name: 'spike', kind: 'spike', generator_saturated: true };
    const result = gate(rules, [steady(1.6, 2), hot], { baseline: [steady(1, 1), { ...steady(1, 4), name: 'spike', kind: 'spike' }] });
    expect(result.checks.filter((c) => c.verdict === 'fail').every((c) => c.stage === 'load')).toBe(true);
    expect(result.verdict).toBe('fail');
  });

  it('dropped sends make an otherwise passing run warn', () => {
    expect(gate(rules, [steady(1, 1, { dropped: 12 })]).verdict).toBe('warn');
  });

  it('no rules at all pass', () => {
    expect(gate({ thresholds: {}, regression: [] }, [stage()], { baseline: [stage()] })).toEqual({ checks: [], verdict: 'pass' });
  });
});
