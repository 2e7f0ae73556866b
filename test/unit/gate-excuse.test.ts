/**
 * Excuses in proportion (src/gate/excuse.ts): the milliseconds the runner added, measured on
 * perf-gate's reference server, come off a failed check, and the rest is judged by the same rule.
 * Known answers, each with its arithmetic.
 */
import { describe, it, expect } from 'vitest';
import { excuseInProportion, runnerEffects, SLOWER_RUNNER_RATIO, type JudgedRules } from '../../src/gate/excuse.js';
import type { ReferenceLatency } from '../../src/load/reference.js';
import type { RegressionRule, ThresholdRule } from '../../src/plan/types.js';
import type { Check, StageReport } from '../../src/model/report.js';
import { stage } from '../helpers/reports.js';

/** Reference figures whose every percentile is `base` + `extra` ms (idle: `base`). */
const ref = (extra: number, base = 0.5): ReferenceLatency => ({
  requests: 300,
  p50: base + extra,
  p90: base + extra,
  p95: base + extra,
  p99: base + extra,
  mean: base + extra,
  idle: { p50: base, p95: base, p99: base },
});
const withRef = (extra: number | undefined, overrides: Partial<StageReport> = {}, base = 0.5): StageReport =>
  stage({ ...(extra === undefined ? {} : { reference: ref(extra, base) }), ...overrides });

const pctRule = (metric: RegressionRule['metric'], amount: number, direction: RegressionRule['direction'] = 'increase'): RegressionRule => ({
  metric,
  direction,
  unit: 'pct',
  amount,
  raw: `${direction === 'increase' ? '+' : '-'}${amount}%`,
});
const rules: JudgedRules = {
  thresholds: {
    load: [{ metric: 'p95', op: '<', value: 50, raw: '< 50ms' } as ThresholdRule, { metric: 'error_rate', op: '<', value: 0.01, raw: '< 1%' } as ThresholdRule],
  },
  regression: [
    pctRule('p50', 10),
    pctRule('p95', 10),
    pctRule('rps', 10, 'decrease'),
    { metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' },
  ],
};

const regression = (metric: string, baseline: number, current: number, interval: [number, number], limit = '+10%'): Check => ({
  stage: 'load',
  metric,
  kind: 'regression',
  baseline,
  current,
  delta_pct: ((current - baseline) / baseline) * 100,
  interval_pct: interval,
  limit,
  method: 'bootstrap-windows(percentile)',
  significant: true,
  verdict: 'fail',
});

const excuse = (checks: Check[], current: StageReport[], baseline?: StageReport[], history?: StageReport[][]): Check[] =>
  excuseInProportion(checks, current, runnerEffects(current, baseline, history), rules);

describe("latency regressions: the runner's milliseconds come off, the rest is judged", () => {
  it('+140 % p50 on a runner that added 0.4 ms still fails, and says what it took off', () => {
    // 3.5 → 8.5 ms (json-server --delay 5 beside a busy neighbour, the CPU probe 1.5× slower): 0.4 ms is 11.4 % of 3.5 ms.
    const [c] = excuse([regression('p50', 3.5, 8.5, [120, 160])], [withRef(0.4, { cpu_probe_ms: 51 })], [withRef(0, { cpu_probe_ms: 34 })]);
    expect(c!.verdict).toBe('fail');
    expect(c!.untrusted).toBeUndefined();
    expect(c!.excuse).toEqual({ by: 'runner-slower', runner_ms: 0.4, explained_pct: 11.43, remaining_pct: 131.43, remaining_interval_pct: [108.57, 148.57] });
    expect(c!.note).toBe(
      "the runner was 1.50× slower than when the baseline was measured (CPU probe 51 ms against 34 ms); perf-gate's reference server answered 0.40 ms slower at p50 than in the baseline run (0.50 ms → 0.90 ms), which accounts for +11.4% of the +142.9%; the rest is +131.4% [+108.6, +148.6]: still beyond +10%",
    );
  });

  it('without another sign of a busy runner, a reference that did not double (or rose under 0.25 ms) is its own noise: nothing comes off', () => {
    const failed = regression('p95', 2, 2.4, [12, 28]);
    expect(excuse([failed], [withRef(0.3)], [withRef(0)])).toEqual([failed]); // 0.5 → 0.8 ms: not doubled
    expect(excuse([failed], [withRef(0.2, {}, 0.1)], [withRef(0, {}, 0.1)])).toEqual([failed]); // 0.1 → 0.3 ms: doubled, but 0.2 ms
    expect(excuse([failed], [withRef(0.6)], [withRef(0)])[0]).toMatchObject({ verdict: 'warn', excuse: { runner_ms: 0.6 } }); // 0.5 → 1.1 ms
  });

  it('a decrease rule on latency, or an increase rule on rps, is not what a busy runner does: never excused', () => {
    const slow = withRef(3, { cpu_probe_ms: 60 });
    const calm = withRef(0, { cpu_probe_ms: 34 });
    const faster: Check = { ...regression('p50', 10, 7.5, [-30, -20], '-20%') };
    const custom: JudgedRules = { ...rules, regression: [pctRule('p50', 20, 'decrease'), pctRule('rps', 10, 'increase')] };
    const [c] = excuseInProportion([faster], [slow], runnerEffects([slow], [calm]), custom);
    expect(c).toMatchObject({ verdict: 'fail' });
    expect(c!.excuse).toBeUndefined();
    expect(c!.note).toMatch(/a drop of p50 is not what the runner's delay does: judged as measured$/);
    const [up] = excuseInProportion([regression('rps', 100, 130, [20, 40], '+10%')], [slow], runnerEffects([slow], [calm]), custom);
    expect(up!.verdict).toBe('fail');
  });

  it('a reference figure a stored report holds as a non-number sizes nothing', () => {
    const damaged = withRef(0, { reference: { ...ref(0), p95: Number.NaN } });
    const [c] = excuse([regression('p95', 10, 15, [40, 60])], [withRef(3, { cpu_probe_ms: 60 })], [{ ...damaged, cpu_probe_ms: 34 }]);
    expect(c!.verdict).toBe('fail');
    expect(c!.excuse).toBeUndefined();
  });

  it('+12 % p95 of which the runner explains 10 %: a warning, with the arithmetic', () => {
    const [c] = excuse([regression('p95', 10, 11.2, [11, 13])], [withRef(1)], [withRef(0)]);
    expect(c).toMatchObject({
      verdict: 'warn',
      untrusted: 'runner-busier',
      excuse: { runner_ms: 1, explained_pct: 10, remaining_pct: 2, remaining_interval_pct: [1, 3] },
    });
    expect(c!.note).toMatch(
      /^excused: the runner was busier .*accounts for \+10\.0% of the \+12\.0%; the rest is \+2\.0% \[\+1\.0, \+3\.0\]: within \+10% once that is taken off$/,
    );
  });

  it('+50 % p95 on a runner 1.5× slower by the CPU probe, which added 0.6 ms of it, still fails', () => {
    const slow = withRef(0.6, { cpu_probe_ms: 51 });
    const calm = withRef(0, { cpu_probe_ms: 34 });
    const [big] = excuse([regression('p95', 10, 15, [40, 60])], [slow], [calm]);
    expect(big).toMatchObject({ verdict: 'fail', excuse: { by: 'runner-slower', remaining_pct: 44 } });
    expect(big!.note).toContain('the runner was 1.50× slower than when the baseline was measured (CPU probe 51 ms against 34 ms)');
  });

  it('the runner added nothing at that percentile: the failure stands, saying so', () => {
    const [c] = excuse([regression('p95', 10, 15, [40, 60])], [withRef(0, { cpu_probe_ms: 60 })], [withRef(0.2, { cpu_probe_ms: 34 })]);
    expect(c!.verdict).toBe('fail');
    expect(c!.excuse).toBeUndefined();
    expect(c!.note).toMatch(/no slower than in the baseline run \(p95 0\.50 ms against 0\.70 ms\): nothing to take off$/);
  });

  it('a baseline without reference figures (stored before they were measured): judged as measured', () => {
    const [c] = excuse([regression('p95', 10, 15, [40, 60])], [withRef(3, { cpu_probe_ms: 60 })], [withRef(undefined, { cpu_probe_ms: 34 })]);
    expect(c!.verdict).toBe('fail');
    expect(c!.note).toMatch(/the baseline has no reference-server figures to size that by: judged as measured$/);
  });

  it('a failure with no sign of a busy runner is left as it is: no excuse talk (A/B rounds, a quiet runner)', () => {
    const failed = regression('p95', 10, 15, [40, 60]);
    expect(excuse([failed], [withRef(undefined)], [withRef(undefined)])).toEqual([failed]);
    expect(excuse([failed], [withRef(0.02)], [withRef(0)])).toEqual([failed]); // under 0.05 ms: the reference's own noise
  });

  it('an excuse larger than the change leaves a pass-sized rest: a warning, never a pass in silence', () => {
    const [c] = excuse([regression('p95', 10, 12, [15, 25])], [withRef(5)], [withRef(0)]);
    expect(c).toMatchObject({ verdict: 'warn', untrusted: 'runner-busier', excuse: { remaining_pct: -30 } });
  });

  it('only failed checks are looked at, and the checks given are not changed', () => {
    const checks = [{ ...regression('p95', 10, 10.5, [-2, 9]), verdict: 'pass' as const }, regression('p95', 10, 15, [40, 60])];
    const copy = structuredClone(checks);
    const out = excuse(checks, [withRef(3)], [withRef(0)]);
    expect(out[0]).toEqual(checks[0]);
    expect(checks).toEqual(copy);
  });

  it('with no baseline, the median reference of the past runs is what it is compared with', () => {
    const band: Check = {
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      current: 15,
      limit: '+3σ',
      method: 'history-band',
      verdict: 'fail',
      band: { n: 5, median: 10, sigma: 0.5, lo: 8.5, hi: 11.5 },
    };
    const history = [0, 0.1, 0.2, 5, 0.1].map((x) => [withRef(x, { cpu_probe_ms: 34 })]);
    const bandRules: JudgedRules = { ...rules, regression: [{ metric: 'p95', direction: 'increase', unit: 'sigma', amount: 3, raw: '+3σ' }] };
    const excuse = (checks: Check[], current: StageReport[], _b: undefined, past: StageReport[][]): Check[] =>
      excuseInProportion(checks, current, runnerEffects(current, undefined, past), bandRules);
    const [excused] = excuse([band], [withRef(4, { cpu_probe_ms: 34 })], undefined, history);
    expect(excused).toMatchObject({ verdict: 'warn', excuse: { runner_ms: 3.9, remaining: 11.1 } });
    expect(excused!.note).toContain('than in the median of 5 past runs (0.60 ms → 4.50 ms)');
    const [stands] = excuse([band], [withRef(1, { cpu_probe_ms: 60 })], undefined, history);
    expect(stands).toMatchObject({ verdict: 'fail', excuse: { remaining: 14.1 } });
  });

  it('a band on the low side (a decrease rule) is not what a busy runner does: never excused', () => {
    const low: Check = {
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      current: 7,
      limit: '-3σ',
      method: 'history-band',
      verdict: 'fail',
      band: { n: 5, median: 10, sigma: 0.5, lo: 8.5, hi: 11.5 },
    };
    const history = [0, 0.1, 0.2, 0.1, 0.1].map((x) => [withRef(x)]);
    const lowRules: JudgedRules = { ...rules, regression: [{ metric: 'p95', direction: 'decrease', unit: 'sigma', amount: 3, raw: '-3σ' }] };
    const current = [withRef(4)];
    const [c] = excuseInProportion([low], current, runnerEffects(current, undefined, history), lowRules);
    expect(c!.verdict).toBe('fail');
    expect(c!.excuse).toBeUndefined();
  });

  it('a run without the reference timed (A/B, the probe turned off): a threshold says nothing was measured, never "no delay"', () => {
    const saturatedNoRef = withRef(undefined, {
      generator_saturated: true,
      generator: { late_sends: 900, dropped: 0, loop_lag_p99_ms: 80, loop_lag_max_ms: 200, saturated: true, reason: 'lag', cpu_pct: 97 },
    });
    const [c] = excuse(
      [{ stage: 'load', metric: 'p95', kind: 'threshold', current: 55, limit: '< 50ms', method: 'absolute', verdict: 'fail' }],
      [saturatedNoRef],
    );
    expect(c!.verdict).toBe('fail');
    expect(c!.note).toMatch(/reference server was not timed in this stage, so nothing can be sized: judged as measured$/);
  });
});

describe('throughput of a closed-model stage', () => {
  const closed = (rps: number, extra: number): StageReport =>
    withRef(extra, {
      rps,
      timeline: Array.from({ length: 6 }, (_, t) => ({
        t,
        rps,
        p50: 1,
        p90: 1,
        p95: 1,
        p99: 1,
        max: 1,
        mean: 1,
        requests: rps,
        errors: 0,
        active: 10,
        late_sends: 0,
        loop_lag_ms: 0,
        users: 10,
      })),
    });

  it("10 users at 12.5 ms a request instead of 10 ms, 2.5 ms of it the runner's: excused", () => {
    const [c] = excuse([regression('rps', 1000, 800, [-25, -15], '-10%')], [closed(800, 2.5)], [closed(1000, 0)]);
    expect(c).toMatchObject({ verdict: 'warn', excuse: { runner_ms: 2.5, explained_pct: -20, remaining_pct: 0 } });
  });

  it("the same drop with 0.5 ms of it the runner's still fails", () => {
    const [c] = excuse([regression('rps', 1000, 800, [-25, -15], '-10%')], [closed(800, 0.5)], [closed(1000, 0)]);
    expect(c!.verdict).toBe('fail');
    // 12.5 ms less 0.5 ms is 12 ms a request: 833.3/s, so −20 % less 3.33 % explained.
    expect(c!.excuse!.remaining_pct).toBeCloseTo(-16.67, 2);
  });

  it('an open-model stage sends on schedule: nothing explained', () => {
    const [c] = excuse([regression('rps', 1000, 800, [-25, -15], '-10%')], [withRef(2.5, { rps: 800 })], [withRef(0)]);
    expect(c!.verdict).toBe('fail');
    expect(c!.note).toMatch(/open-model stage sends on schedule/);
  });
});

describe('thresholds judge the run alone: only a generator that fell behind excuses part of them', () => {
  const threshold = (metric: string, current: number, limit: string): Check => ({
    stage: 'load',
    metric,
    kind: 'threshold',
    current,
    limit,
    method: 'absolute',
    verdict: 'fail',
  });
  const saturated = (extra: number, cpu: number, overrides: Partial<StageReport> = {}): StageReport =>
    withRef(extra, {
      generator_saturated: true,
      generator: {
        late_sends: 900,
        dropped: 0,
        loop_lag_p99_ms: 80,
        loop_lag_max_ms: 200,
        saturated: true,
        reason: '900 of 12000 sends left more than 10 ms late',
        cpu_pct: cpu,
      },
      ...overrides,
    });

  it('a busy runner alone excuses no threshold', () => {
    const [c] = excuse([threshold('p95', 55, '< 50ms')], [withRef(8)], [withRef(0)]);
    expect(c).toEqual(threshold('p95', 55, '< 50ms'));
  });

  it('p95 55 ms against "< 50ms" with a generator that added 8 ms: 47 ms, a warning', () => {
    const [c] = excuse([threshold('p95', 55, '< 50ms')], [saturated(8, 97)]);
    expect(c).toMatchObject({ verdict: 'warn', untrusted: 'generator-saturated', excuse: { runner_ms: 8, remaining: 47 } });
    expect(c!.note).toContain('perf-gate itself was the bottleneck');
    expect(c!.note).toContain('than its idle figures just before the stage (0.50 ms → 8.50 ms); p95 without it is 47.0 ms');
  });

  it('p95 80 ms with the same 8 ms: still fails', () => {
    expect(excuse([threshold('p95', 80, '< 50ms')], [saturated(8, 97)])[0]).toMatchObject({ verdict: 'fail', excuse: { remaining: 72 } });
  });

  it('a generator that fell behind on a machine busy with others names the machine, not itself', () => {
    const [c] = excuse([threshold('p95', 55, '< 50ms')], [saturated(8, 30)]);
    expect(c!.untrusted).toBe('runner-busier');
    expect(c!.note).toContain('while using only 30 % of a core: the whole machine was busy, the target included');
  });

  it("error rate: a bottlenecked generator's timeouts come off, other errors stay", () => {
    const errors = (timeouts: number, http5xx: number) => ({
      errors: timeouts + http5xx,
      error_rate: (timeouts + http5xx) / 1000,
      errors_by_kind: { ...stage().errors_by_kind, timeout: timeouts, http_5xx: http5xx },
    });
    const [ok] = excuse([threshold('error_rate', 0.03, '< 1%')], [saturated(8, 97, errors(28, 2))]);
    expect(ok).toMatchObject({ verdict: 'warn', excuse: { remaining: 0.002 } });
    const [bad] = excuse([threshold('error_rate', 0.05, '< 1%')], [saturated(8, 97, errors(28, 22))]);
    expect(bad).toMatchObject({ verdict: 'fail', excuse: { remaining: 0.022 } });
    const [notBound] = excuse([threshold('error_rate', 0.03, '< 1%')], [saturated(8, 30, errors(28, 2))]);
    expect(notBound!.verdict).toBe('fail');
    expect(notBound!.note).toMatch(/a busy machine does not make a target answer errors: judged as measured$/);
  });
});

describe('the reason named', () => {
  it.each([
    [34, 'runner-busier'],
    [34 * SLOWER_RUNNER_RATIO, 'runner-slower'],
  ] as const)('CPU probe %d ms against 34 ms → %s', (probe, reason) => {
    const [c] = excuse([regression('p95', 10, 12, [15, 25])], [withRef(5, { cpu_probe_ms: probe })], [withRef(0, { cpu_probe_ms: 34 })]);
    expect(c!.untrusted).toBe(reason);
  });
});
