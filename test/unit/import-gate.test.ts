/** The gate on imported stages (compare --from): point comparisons, figures the tool did not report, fingerprints. */
import { describe, expect, it } from 'vitest';
import { gate } from '../../src/gate/index.js';
import { importFingerprint } from '../../src/baseline/fingerprint.js';
import type { LatencySummary } from '../../src/metrics/histogram.js';
import type { RegressionRule } from '../../src/plan/types.js';
import type { StageReport } from '../../src/report/types.js';
import { stage } from '../helpers/reports.js';

const k6 = (latency: Partial<LatencySummary>, overrides: Partial<StageReport> = {}): StageReport =>
  stage({
    name: 'k6',
    latency_ms: { min: 1, mean: 5, p50: 4, p90: 8, p95: 10, p99: null, p999: null, max: 40, ...latency } as unknown as LatencySummary,
    imported: { tool: 'k6', missing: ['p99', 'p999'] },
    ...overrides,
  });
const rule = (metric: RegressionRule['metric'], amount: number, raw: string, direction: RegressionRule['direction'] = 'increase'): RegressionRule => ({ metric, direction, unit: 'pct', amount, raw });

describe('regressions on imported stages: one figure per run, judged as measured', () => {
  it.each<[number, 'pass' | 'fail']>([
    [10, 'pass'],
    [11.4, 'pass'], // +14 %: within +15 %
    [11.6, 'fail'], // +16 %
  ])('p95 10 ms → %d ms against +15%%: %s, method "point (imported)", never significant', (p95, verdict) => {
    const { checks } = gate({ thresholds: {}, regression: [rule('p95', 15, '+15%')] }, [k6({ p95 })], { baseline: [k6({})] });
    expect(checks).toEqual([
      expect.objectContaining({ metric: 'p95', baseline: 10, current: p95, method: 'point (imported)', significant: false, verdict, note: expect.stringMatching(/^point comparison: k6 results hold one summary per run/) }),
    ]);
  });

  it('a perf-gate baseline against an imported run is a point comparison too (no windows on one side)', () => {
    const { checks } = gate({ thresholds: {}, regression: [rule('rps', 10, '-10%', 'decrease')] }, [k6({}, { rps: 80 })], { baseline: [stage({ name: 'k6' })] });
    expect(checks[0]).toMatchObject({ method: 'point (imported)', delta_pct: -20, verdict: 'fail', note: expect.stringContaining('k6 results hold one summary per run') });
  });

  it('error_rate keeps its two-proportion interval: it needs only the counts', () => {
    const { checks } = gate({ thresholds: {}, regression: [{ metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' }] }, [k6({}, { errors: 50, error_rate: 0.05 })], { baseline: [k6({})] });
    expect(checks[0]).toMatchObject({ method: 'two-proportion', verdict: 'fail', significant: true });
  });

  it('default rules skip what neither summary has (p99), and judge the rest', () => {
    const { checks } = gate({ thresholds: {} }, [k6({})], { baseline: [k6({})] });
    expect(checks.map((c) => c.metric)).toEqual(['p50', 'p95', 'error_rate', 'rps']);
  });

  it('a rule the gate file asks for on a figure k6 did not report warns, saying how to get it', () => {
    const { checks, verdict } = gate({ thresholds: {}, regression: [rule('p99', 25, '+25%')] }, [k6({})], { baseline: [k6({})] });
    expect(verdict).toBe('warn');
    expect(checks).toEqual([
      expect.objectContaining({ metric: 'p99', verdict: 'warn', current: null, note: 'the k6 summary has no p99: add "p(99)" to k6\'s summaryTrendStats option to gate on it' }),
    ]);
  });

  it('a threshold on an absent figure warns with that note; one with no requests keeps the usual note', () => {
    const p99 = { metric: 'p99' as const, op: '<' as const, value: 100, raw: '< 100ms' };
    expect(gate({ thresholds: { '*': [p99] } }, [k6({})]).checks[0]).toMatchObject({ verdict: 'warn', note: expect.stringContaining('summaryTrendStats') });
    expect(gate({ thresholds: { '*': [p99] } }, [k6({}, { requests: 0 })]).checks[0]).toMatchObject({ verdict: 'warn', note: 'no requests completed: nothing to check' });
  });
});

describe('importFingerprint: like with like', () => {
  const s = (name: string, endpoints: string[]) => ({ name, endpoints: endpoints.map((e) => ({ name: e })) });
  it('same tool, stage and endpoint names (in any order) match; another tool, stage or endpoint set does not', () => {
    const a = importFingerprint('k6', [s('k6', ['a', 'b'])]);
    expect(importFingerprint('k6', [s('k6', ['b', 'a'])])).toBe(a);
    expect(importFingerprint('locust', [s('k6', ['a', 'b'])])).not.toBe(a);
    expect(importFingerprint('k6', [s('checkout', ['a', 'b'])])).not.toBe(a);
    expect(importFingerprint('k6', [s('k6', ['a'])])).not.toBe(a);
  });
});
