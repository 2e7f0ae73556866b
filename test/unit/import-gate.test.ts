/** The gate on imported stages (compare --from): point comparisons, figures the tool did not report, fingerprints. */
import { describe, expect, it } from 'vitest';
import { gate } from '../../src/gate/index.js';
import { gateImported, parseGateFile } from '../../src/import/index.js';
import { importFingerprint } from '../../src/baseline/fingerprint.js';
import type { LatencySummary } from '../../src/metrics/histogram.js';
import type { RegressionRule } from '../../src/plan/types.js';
import type { StageReport } from '../../src/model/report.js';
import { stage } from '../helpers/reports.js';

const k6 = (latency: Partial<LatencySummary>, overrides: Partial<StageReport> = {}): StageReport =>
  stage({
    name: 'k6',
    latency_ms: { min: 1, mean: 5, p50: 4, p90: 8, p95: 10, p99: null, p999: null, max: 40, ...latency } as unknown as LatencySummary,
    imported: { tool: 'k6', missing: ['p99', 'p999'] },
    ...overrides,
  });
const rule = (metric: RegressionRule['metric'], amount: number, raw: string, direction: RegressionRule['direction'] = 'increase'): RegressionRule => ({
  metric,
  direction,
  unit: 'pct',
  amount,
  raw,
});

describe('regressions on imported stages: one figure per run, judged as measured', () => {
  it.each<[number, 'pass' | 'fail']>([
    [10, 'pass'],
    [11.4, 'pass'], // +14 %: within +15 %
    [11.6, 'fail'], // +16 %
  ])('p95 10 ms → %d ms against +15%%: %s, method "point (imported)", never significant', (p95, verdict) => {
    const { checks } = gate({ thresholds: {}, regression: [rule('p95', 15, '+15%')] }, [k6({ p95 })], { baseline: [k6({})] });
    expect(checks).toEqual([
      expect.objectContaining({
        metric: 'p95',
        baseline: 10,
        current: p95,
        method: 'point (imported)',
        significant: false,
        verdict,
        note: expect.stringMatching(/^point comparison: k6 results hold one summary per run/),
      }),
    ]);
  });

  it('a perf-gate baseline against an imported run is a point comparison too (no windows on one side)', () => {
    const { checks } = gate({ thresholds: {}, regression: [rule('rps', 10, '-10%', 'decrease')] }, [k6({}, { rps: 80 })], {
      baseline: [stage({ name: 'k6' })],
    });
    expect(checks[0]).toMatchObject({
      method: 'point (imported)',
      delta_pct: -20,
      verdict: 'fail',
      note: expect.stringContaining('k6 results hold one summary per run'),
    });
  });

  it('error_rate keeps its two-proportion interval: it needs only the counts', () => {
    const { checks } = gate(
      { thresholds: {}, regression: [{ metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' }] },
      [k6({}, { errors: 50, error_rate: 0.05 })],
      { baseline: [k6({})] },
    );
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
      expect.objectContaining({
        metric: 'p99',
        verdict: 'warn',
        current: null,
        note: 'the k6 summary has no p99: add "p(99)" to k6\'s summaryTrendStats option to gate on it',
      }),
    ]);
  });

  it('a threshold on an absent figure warns with that note; one with no requests keeps the usual note', () => {
    const p99 = { metric: 'p99' as const, op: '<' as const, value: 100, raw: '< 100ms' };
    expect(gate({ thresholds: { '*': [p99] } }, [k6({})]).checks[0]).toMatchObject({ verdict: 'warn', note: expect.stringContaining('summaryTrendStats') });
    expect(gate({ thresholds: { '*': [p99] } }, [k6({}, { requests: 0 })]).checks[0]).toMatchObject({
      verdict: 'warn',
      note: 'no requests completed: nothing to check',
    });
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

describe('k6 custom trends: `trend:NAME` rules in the gate file, judged by gateImported', () => {
  const stages = [{ name: 'k6', kind: 'load' as const }];
  const trends = {
    yarp_latency: { min: 0.05, mean: 1.6, p50: 0.6, p90: 1, p95: 1.64, p99: null, p999: null, max: 196.6 },
    fast_latency: { min: 0.06, mean: 59, p50: 0.75, p90: 93.6, p95: 137.35, p99: null, p999: null, max: 14239.7 },
  };
  const current = [k6({}, { imported: { tool: 'k6', missing: ['p99', 'p999'], trends: trends as unknown as NonNullable<StageReport['imported']>['trends'] } })];

  it('each rule a threshold check on the trend: passed, failed, absent statistic (how to get it), unknown trend (which there are)', () => {
    const rules = parseGateFile(
      'thresholds:\n  k6:\n    p95: "< 200ms"\n    "trend:yarp_latency": { p95: "< 50ms" }\n    "trend:fast_latency": { p95: "< 50ms", p99: "< 100ms" }\n  "*":\n    "trend:ocelot_latency": { max: "< 1s" }\n',
      'gate.yml',
      {},
      stages,
    );
    expect(rules.thresholds.k6!.map((r) => r.raw)).toEqual(['< 200ms']);
    const { checks, verdict } = gateImported(rules, current);
    expect(verdict).toBe('fail');
    expect(checks.map((c) => [c.metric, c.current, c.verdict])).toEqual([
      ['p95', 10, 'pass'],
      ['trend:yarp_latency p95', 1.64, 'pass'],
      ['trend:fast_latency p95', 137.35, 'fail'],
      ['trend:fast_latency p99', null, 'warn'],
      ['trend:ocelot_latency max', null, 'warn'],
    ]);
    expect(checks[4]!.note).toBe('the k6 results have no custom trend "ocelot_latency" (they have yarp_latency, fast_latency): nothing to check');
    expect(checks[3]!.note).toBe('the k6 summary has no p99 of fast_latency: add "p(99)" to k6\'s summaryTrendStats option to gate on it');
  });

  it('problems in trend rules at file:line:col, with the others', () => {
    let err: unknown;
    try {
      parseGateFile(
        'thresholds:\n  k6:\n    "trend:": { p95: "< 1ms" }\n    "trend:db": { rps: "> 1", p95: "fast" }\n    "trend:x": 3\n',
        'gate.yml',
        {},
        stages,
      );
    } catch (e) {
      err = e;
    }
    expect((err as Error).message.split('\n')).toEqual([
      'gate.yml:3:5: thresholds.k6["trend:"]: name the trend, e.g. "trend:yarp_latency"',
      'gate.yml:4:19: thresholds.k6["trend:db"].rps: "rps" is not a statistic of a trend (allowed: min, mean, p50, p90, p95, p99, p999, max)',
      'gate.yml:4:36: thresholds.k6["trend:db"].p95: "fast" is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"',
      'gate.yml:5:16: thresholds.k6["trend:x"]: a mapping of latency rules for the k6 trend, e.g. { p95: "< 50ms" }',
    ]);
  });

  it('regression rules on a trend against the baseline: point comparisons, absent figures warn, the accept label applies', () => {
    const rules = parseGateFile(
      'regression:\n  "trend:yarp_latency": { p95: "+15%", p99: "+25%" }\n  "trend:fast_latency": { p50: "+10%" }\n',
      'gate.yml',
      {},
      stages,
    );
    // A section of trend rules only: the default rules are off, as with any listed rule.
    expect(rules.regression).toEqual([]);
    const slower = { ...trends, yarp_latency: { ...trends.yarp_latency, p95: 2.1 } };
    const after = [k6({}, { imported: { tool: 'k6', missing: [], trends: slower as unknown as NonNullable<StageReport['imported']>['trends'] } })];
    const { checks, verdict } = gateImported(rules, after, { baseline: current });
    expect(verdict).toBe('fail');
    expect(checks.map((c) => [c.metric, c.baseline, c.current, c.delta_pct, c.method, c.verdict])).toEqual([
      ['trend:yarp_latency p95', 1.64, 2.1, 28.05, 'point (imported)', 'fail'],
      ['trend:yarp_latency p99', null, null, undefined, 'none', 'warn'],
      ['trend:fast_latency p50', 0.75, 0.75, 0, 'point (imported)', 'pass'],
    ]);
    expect(gateImported(rules, after, { baseline: current }, { accept: 'known: new gateway' }).checks[0]).toMatchObject({ verdict: 'warn', accepted: true });
    // No baseline: nothing to compare, no check.
    expect(gateImported(rules, after).checks).toEqual([]);
  });

  it('a trend regression limit other than a % change is refused at its line', () => {
    expect(() => parseGateFile('regression:\n  "trend:yarp_latency": { p95: "+3σ" }\n', 'gate.yml', {}, stages)).toThrow(
      'gate.yml:2:32: regression["trend:yarp_latency"].p95: "+3σ": a trend\'s regression limit is a change in percent, e.g. "+15%" (noise bands are not built for trends)',
    );
  });

  it('an error-rate rule on a k6 summary without http_req_failed warns with the reason the reader found', () => {
    const old = k6(
      {},
      {
        errors: null as unknown as number,
        error_rate: null as unknown as number,
        imported: { tool: 'k6', missing: ['error_rate (no http_req_failed metric: k6 before v0.31 did not count failed requests)'] },
      },
    );
    const rule = { metric: 'error_rate' as const, op: '<' as const, value: 0.01, raw: '< 1%' };
    const { checks, verdict } = gateImported(
      { thresholds: { '*': [rule] }, regression: [{ metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' }] },
      [old],
      { baseline: [k6({})] },
    );
    expect(verdict).toBe('warn');
    expect(checks).toEqual([
      expect.objectContaining({
        kind: 'threshold',
        metric: 'error_rate',
        current: null,
        verdict: 'warn',
        note: 'the k6 results hold no error_rate: no http_req_failed metric: k6 before v0.31 did not count failed requests; nothing to check',
      }),
      expect.objectContaining({
        kind: 'regression',
        metric: 'error_rate',
        current: null,
        verdict: 'warn',
        note: 'the k6 results hold no error_rate: no http_req_failed metric: k6 before v0.31 did not count failed requests; nothing to check',
      }),
    ]);
  });
});
