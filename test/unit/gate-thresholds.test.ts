import { describe, it, expect } from 'vitest';
import { evaluateThresholds } from '../../src/gate/thresholds.js';
import type { Comparison, Metric, ThresholdRule } from '../../src/plan/types.js';
import { stage } from '../helpers/reports.js';

const rule = (metric: Metric, op: Comparison, value: number, raw = `${op} ${value}`): ThresholdRule => ({ metric, op, value, raw });

describe('evaluateThresholds', () => {
  it.each<[Metric, Comparison, number, 'pass' | 'fail']>([
    ['p95', '<', 200, 'pass'],
    ['p95', '<', 10, 'fail'], // equal is not below
    ['p95', '<=', 10, 'pass'],
    ['p95', '<', 9.99, 'fail'],
    ['p99', '<', 500, 'pass'],
    ['p99', '<', 15, 'fail'],
    ['min', '>=', 1, 'pass'],
    ['mean', '<', 5.01, 'pass'],
    ['p50', '<', 4, 'fail'],
    ['p90', '<=', 7.9, 'fail'],
    ['p999', '<', 31, 'pass'],
    ['max', '<', 40, 'fail'],
    ['rps', '>', 99, 'pass'],
    ['rps', '>', 100, 'fail'],
    ['rps', '>=', 100, 'pass'],
    ['requests', '>=', 1000, 'pass'],
    ['requests', '>', 1000, 'fail'],
    ['errors', '<', 1, 'pass'],
  ])('%s %s %d on p95=10 ms, rps=100, 1000 requests → %s', (metric, op, value, verdict) => {
    const [check] = evaluateThresholds({ load: [rule(metric, op, value)] }, [stage()]);
    expect(check!.verdict).toBe(verdict);
  });

  it('a check carries the stage, the metric, the raw rule and the current value', () => {
    expect(evaluateThresholds({ load: [rule('p95', '<', 200, '< 200ms')] }, [stage()])).toEqual([
      { stage: 'load', metric: 'p95', kind: 'threshold', limit: '< 200ms', method: 'absolute', current: 10, verdict: 'pass' },
    ]);
  });

  it.each<[number, number, 'pass' | 'fail']>([
    [0, 0, 'pass'],
    [9, 0.009, 'pass'],
    [10, 0.01, 'fail'],
    [30, 0.03, 'fail'],
  ])('error_rate < 1%%: %d errors (%d) → %s', (errors, rate, verdict) => {
    const [check] = evaluateThresholds({ '*': [rule('error_rate', '<', 0.01, '< 1%')] }, [stage({ errors, error_rate: rate })]);
    expect(check).toMatchObject({ metric: 'error_rate', current: rate, verdict });
  });

  it('"*" rules apply to every stage; named rules only to their stage; "*" rules come first', () => {
    const thresholds = {
      '*': [rule('error_rate', '<', 0.01, '< 1%')],
      load: [rule('p95', '<', 200, '< 200ms'), rule('rps', '>', 190, '> 190')],
      other: [rule('p99', '<', 1, '< 1ms')],
    };
    const checks = evaluateThresholds(thresholds, [stage({ name: 'baseline', kind: 'baseline' }), stage({ name: 'load', rps: 199.8 })]);
    expect(checks.map((c) => [c.stage, c.metric, c.limit, c.verdict])).toEqual([
      ['baseline', 'error_rate', '< 1%', 'pass'],
      ['load', 'error_rate', '< 1%', 'pass'],
      ['load', 'p95', '< 200ms', 'pass'],
      ['load', 'rps', '> 190', 'pass'],
    ]);
  });

  it('the same metric under "*" and the stage gives two checks (both must hold)', () => {
    const checks = evaluateThresholds({ '*': [rule('p95', '<', 100)], load: [rule('p95', '<', 5)] }, [stage()]);
    expect(checks.map((c) => c.verdict)).toEqual(['pass', 'fail']);
  });

  it('no rules → no checks; rules for an absent stage → no checks', () => {
    expect(evaluateThresholds({}, [stage()])).toEqual([]);
    expect(evaluateThresholds({ spike: [rule('p95', '<', 1)] }, [stage()])).toEqual([]);
    expect(evaluateThresholds({ '*': [rule('p95', '<', 1)] }, [])).toEqual([]);
  });

  describe('recovery', () => {
    const spike = (recovery_ms: number | null) => stage({ name: 'spike', kind: 'spike', spike: { pre_p95_ms: 5, peak_p95_ms: 80, recovery_ms } });

    it.each<[number | null, 'pass' | 'fail']>([
      [3_000, 'pass'],
      [9_999, 'pass'],
      [10_000, 'fail'],
      [25_000, 'fail'],
      [0, 'pass'],
    ])('spike recovered in %j ms against "< 10s" → %s', (recovery, verdict) => {
      const [check] = evaluateThresholds({ spike: [rule('recovery', '<', 10_000, '< 10s')] }, [spike(recovery)]);
      expect(check).toMatchObject({ stage: 'spike', metric: 'recovery', current: recovery, verdict });
    });

    it('a spike that never recovered (null) fails with a note', () => {
      expect(evaluateThresholds({ spike: [rule('recovery', '<', 10_000, '< 10s')] }, [spike(null)])).toEqual([
        {
          stage: 'spike',
          metric: 'recovery',
          kind: 'threshold',
          limit: '< 10s',
          method: 'absolute',
          current: null,
          verdict: 'fail',
          note: 'p95 never returned within 20% of its pre-spike value',
        },
      ]);
    });

    it('a "*" recovery rule only reaches spike stages', () => {
      const checks = evaluateThresholds({ '*': [rule('recovery', '<', 10_000, '< 10s')] }, [
        stage({ name: 'baseline', kind: 'baseline' }),
        stage({ name: 'load' }),
        spike(4_000),
      ]);
      expect(checks.map((c) => [c.stage, c.verdict])).toEqual([['spike', 'pass']]);
    });

    it('a recovery rule named for a non-spike stage gives no check', () => {
      expect(evaluateThresholds({ load: [rule('recovery', '<', 10_000)] }, [stage()])).toEqual([]);
    });
  });

  it('a stage without completed requests warns on latency rules instead of judging zeros', () => {
    const empty = stage({ requests: 0, rps: 0, latency_ms: { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 } });
    const checks = evaluateThresholds({ load: [rule('p95', '<', 200, '< 200ms'), rule('rps', '>', 190, '> 190')] }, [empty]);
    expect(checks).toEqual([
      {
        stage: 'load',
        metric: 'p95',
        kind: 'threshold',
        limit: '< 200ms',
        method: 'absolute',
        current: null,
        verdict: 'warn',
        note: 'no requests completed: nothing to check',
      },
      { stage: 'load', metric: 'rps', kind: 'threshold', limit: '> 190', method: 'absolute', current: 0, verdict: 'fail' },
    ]);
  });
});
