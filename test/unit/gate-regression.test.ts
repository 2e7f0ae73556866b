import { describe, it, expect } from 'vitest';
import { evaluateRegressions, regressionCheck } from '../../src/gate/regression.js';
import { seededRandom } from '../../src/gate/statistics.js';
import type { Metric, RegressionRule } from '../../src/plan/types.js';
import type { StageReport } from '../../src/model/report.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import { stage } from '../helpers/reports.js';

/** `n` steady 1-s windows: p95 and rps each within ±noise (relative) of the given values. */
function timeline(n: number, p95: number, rps: number, noise = 0.02, seed = 1): TimelineWindow[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, t) => {
    const l = p95 * (1 + noise * (2 * r() - 1));
    const q = Math.round(rps * (1 + noise * (2 * r() - 1)));
    return {
      t,
      rps: q,
      p50: l * 0.4,
      p90: l * 0.8,
      p95: l,
      p99: l * 2,
      max: l * 3,
      mean: l * 0.5,
      requests: q,
      errors: 0,
      active: 3,
      late_sends: 0,
      loop_lag_ms: 0,
    };
  });
}

/** A stage whose whole-run p95 and rps match its timeline. */
function steady(p95: number, rps: number, opts: { windows?: number; noise?: number; seed?: number } = {}): StageReport {
  const n = opts.windows ?? 20;
  return stage({
    rps,
    requests: rps * n,
    latency_ms: { min: p95 * 0.1, mean: p95 * 0.5, p50: p95 * 0.4, p90: p95 * 0.8, p95, p99: p95 * 2, p999: p95 * 3, max: p95 * 3 },
    timeline: timeline(n, p95, rps, opts.noise ?? 0.02, opts.seed ?? 1),
  });
}

const pct = (metric: Metric, amount: number, direction: 'increase' | 'decrease' = 'increase'): RegressionRule => ({
  metric,
  direction,
  unit: 'pct',
  amount,
  raw: `${direction === 'increase' ? '+' : '-'}${amount}%`,
});
const pp = (amount: number): RegressionRule => ({ metric: 'error_rate', direction: 'increase', unit: 'pp', amount: amount / 100, raw: `+${amount}pp` });

describe('latency regressions (bootstrap over windows)', () => {
  it('p95 +60 % with steady windows fails against "+15%"', () => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { seed: 1 }), steady(16, 100, { seed: 2 }))!;
    expect(check).toMatchObject({
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      baseline: 10,
      current: 16,
      delta_pct: 60,
      limit: '+15%',
      method: 'bootstrap-windows(mean of window p95s: the baseline has no window histograms)',
      significant: true,
      verdict: 'fail',
    });
    const [lo, hi] = check.interval_pct!;
    expect(lo).toBeGreaterThan(15);
    expect(lo).toBeLessThan(60);
    expect(hi).toBeGreaterThan(60);
    expect(hi - lo).toBeLessThan(5);
  });

  it('p95 +2 % with steady windows passes against "+15%"', () => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { seed: 1 }), steady(10.2, 100, { seed: 2 }))!;
    expect(check.verdict).toBe('pass');
    expect(check.delta_pct).toBe(2);
    expect(check.interval_pct![1]).toBeLessThanOrEqual(15);
    expect(check.interval_pct![0]).toBeLessThan(2);
    expect(check.interval_pct![1]).toBeGreaterThan(2);
  });

  it('p95 +20 % with very noisy windows is inconclusive (warn), not a failure', () => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { noise: 0.6, seed: 3 }), steady(12, 100, { noise: 0.6, seed: 4 }))!;
    expect(check.delta_pct).toBe(20);
    expect(check.interval_pct![0]).toBeLessThanOrEqual(15);
    expect(check.interval_pct![1]).toBeGreaterThan(15);
    expect(check.verdict).toBe('warn');
  });

  it('a faster run (p95 −40 %) passes and is significant', () => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { seed: 1 }), steady(6, 100, { seed: 2 }))!;
    expect(check).toMatchObject({ delta_pct: -40, significant: true, verdict: 'pass' });
  });

  it('the interval is centred on the whole-run change, not the window means', () => {
    // Windows say +0 %, the whole-run histograms say +60 %: the interval follows the histograms.
    const before = steady(10, 100, { seed: 1 });
    const after = { ...steady(10, 100, { seed: 1 }), latency_ms: { ...before.latency_ms, p95: 16 } };
    const check = regressionCheck(pct('p95', 15), before, after)!;
    const [lo, hi] = check.interval_pct!;
    expect(lo).toBeLessThan(60);
    expect(hi).toBeGreaterThan(60);
    expect(hi - lo).toBeLessThan(2);
    expect(check.verdict).toBe('fail');
  });

  it('the ramp-up and drain windows (first and last) are left out when there are 5 or more', () => {
    const noisyEdges = (s: StageReport): StageReport => {
      const tl = s.timeline.map((w) => ({ ...w }));
      tl[0] = { ...tl[0]!, p95: 200, requests: 1000 };
      tl[tl.length - 1] = { ...tl[tl.length - 1]!, p95: 0.5, requests: 1000 };
      return { ...s, timeline: tl };
    };
    const check = regressionCheck(pct('p95', 15), noisyEdges(steady(10, 100, { seed: 1 })), noisyEdges(steady(16, 100, { seed: 2 })))!;
    expect(check.verdict).toBe('fail');
    expect(check.interval_pct![1] - check.interval_pct![0]).toBeLessThan(5);
  });

  it('windows without requests are ignored', () => {
    const withGaps = (s: StageReport): StageReport => ({
      ...s,
      timeline: s.timeline.map((w, i) => (i % 3 === 0 ? { ...w, requests: 0, rps: 0, p95: 0 } : w)),
    });
    const check = regressionCheck(pct('p95', 15), withGaps(steady(10, 100, { seed: 1 })), withGaps(steady(16, 100, { seed: 2 })))!;
    expect(check.verdict).toBe('fail');
    expect(check.interval_pct![0]).toBeGreaterThan(50);
  });

  // These windows carry no histograms (a baseline stored before they were kept): percentiles fall
  // back to the spread of the windows' own figures, and the method says so.
  const fallback = (column: string): string => `bootstrap-windows(mean of window ${column}s: the baseline has no window histograms)`;
  it.each<[Metric, string]>([
    ['p50', fallback('p50')],
    ['p90', fallback('p90')],
    ['p99', fallback('p99')],
    ['mean', 'bootstrap-windows'],
    ['max', fallback('max')],
    ['p999', fallback('p99')],
    ['min', fallback('p50')],
  ])('%s +60 %% fails with method %s', (metric, method) => {
    const check = regressionCheck(pct(metric, 15), steady(10, 100, { seed: 1 }), steady(16, 100, { seed: 2 }))!;
    expect(check).toMatchObject({ metric, method, verdict: 'fail' });
    expect(check.delta_pct).toBeCloseTo(60, 6);
  });
});

describe('too few windows: the point estimate', () => {
  it.each<[number, number, 'pass' | 'warn']>([
    [16, 60, 'warn'], // would fail, only warns
    [10.2, 2, 'pass'],
    [11.5, 15, 'pass'], // at the limit
  ])('2 windows per run, p95 10 → %d (%d %%) → %s', (after, delta, verdict) => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { windows: 2 }), steady(after, 100, { windows: 2 }))!;
    expect(check).toMatchObject({ method: 'point-estimate', delta_pct: delta, verdict });
    expect(check.note).toContain('too few samples to measure the noise');
    expect(check.interval_pct).toBeUndefined();
  });

  it('metrics without a window column (requests) are judged on the point estimate', () => {
    const rule: RegressionRule = { metric: 'requests', direction: 'decrease', unit: 'pct', amount: 10, raw: '-10%' };
    const check = regressionCheck(rule, stage({ requests: 1000 }), stage({ requests: 500 }))!;
    expect(check).toMatchObject({ method: 'point-estimate', delta_pct: -50, verdict: 'warn' });
  });
});

describe('error_rate regressions (two proportions)', () => {
  it('0 % → 3 % over 1000 requests fails against "+0.5pp"', () => {
    const check = regressionCheck(pp(0.5), stage({ errors: 0, error_rate: 0 }), stage({ errors: 30, error_rate: 0.03 }))!;
    expect(check).toEqual({
      stage: 'load',
      metric: 'error_rate',
      kind: 'regression',
      baseline: 0,
      current: 0.03,
      limit: '+0.5pp',
      delta_pct: null,
      delta_pp: 3,
      interval_pp: [1.943, 4.057],
      method: 'two-proportion',
      significant: true,
      verdict: 'fail',
    });
  });

  it.each<[number, number, 'pass' | 'warn' | 'fail', number | null]>([
    [0, 0, 'pass', null],
    // 1 % → 1 % over 1000 requests each: the Wald interval (±0.87 pp) is wider than the 0.5 pp rule,
    // but it spans 0 and the measured change is 0: no evidence of any change, so pass.
    [10, 10, 'pass', 0],
    [1, 2, 'pass', 100],
    [10, 14, 'pass', 40], // +0.4 pp measured, within the rule, not distinguishable from 0
    [10, 17, 'warn', 70], // +0.7 pp measured, beyond the rule, but the noise cannot confirm it
    [10, 40, 'fail', 300],
    [30, 5, 'pass', -83.33],
  ])('%d/1000 → %d/1000 against "+0.5pp" → %s (delta_pct %j)', (eb, ea, verdict, deltaPct) => {
    const check = regressionCheck(pp(0.5), stage({ errors: eb, error_rate: eb / 1000 }), stage({ errors: ea, error_rate: ea / 1000 }))!;
    expect(check.verdict).toBe(verdict);
    expect(check.delta_pct).toBe(deltaPct);
    expect(check.delta_pp).toBeCloseTo((ea - eb) / 10, 3);
  });

  it('an unchanged 1 % error rate passes once the runs are large enough to tell', () => {
    const big = (errors: number) => stage({ requests: 100_000, errors, error_rate: errors / 100_000 });
    const check = regressionCheck(pp(0.5), big(1000), big(1000))!;
    expect(check.verdict).toBe('pass');
    expect(check.interval_pp).toEqual([-0.087, 0.087]);
    expect(check.significant).toBe(false);
  });

  it('a relative rule on error_rate ("+50%") compares the interval relative to the baseline rate', () => {
    const rule: RegressionRule = { metric: 'error_rate', direction: 'increase', unit: 'pct', amount: 50, raw: '+50%' };
    // 1 % → 3 %: interval ≈ [+0.78, +3.22] pp = [+78 %, +322 %] of 1 %: fully beyond +50 %.
    expect(regressionCheck(rule, stage({ errors: 10, error_rate: 0.01 }), stage({ errors: 30, error_rate: 0.03 }))!.verdict).toBe('fail');
    // 1 % → 1.2 %: +20 % measured, within the rule and not distinguishable from no change.
    expect(regressionCheck(rule, stage({ errors: 10, error_rate: 0.01 }), stage({ errors: 12, error_rate: 0.012 }))!.verdict).toBe('pass');
    // 1 % → 1.8 %: +80 % measured, beyond the rule, but the interval reaches below +50 %: inconclusive.
    expect(regressionCheck(rule, stage({ errors: 10, error_rate: 0.01 }), stage({ errors: 18, error_rate: 0.018 }))!.verdict).toBe('warn');
    // from 0 %, any significant rise fails
    expect(regressionCheck(rule, stage({ errors: 0, error_rate: 0 }), stage({ errors: 30, error_rate: 0.03 }))!.verdict).toBe('fail');
  });
});

describe('throughput regressions', () => {
  it('rps −30 % fails against "-10%"', () => {
    const check = regressionCheck(pct('rps', 10, 'decrease'), steady(10, 100, { seed: 1 }), steady(10, 70, { seed: 2 }))!;
    expect(check).toMatchObject({ metric: 'rps', baseline: 100, current: 70, delta_pct: -30, limit: '-10%', method: 'bootstrap-windows', verdict: 'fail' });
    expect(check.interval_pct![1]).toBeLessThan(-10);
  });

  it.each<[number, 'pass' | 'fail']>([
    [95, 'pass'],
    [100, 'pass'],
    [130, 'pass'],
    [80, 'fail'],
  ])('rps 100 → %d against "-10%%" → %s', (after, verdict) => {
    expect(regressionCheck(pct('rps', 10, 'decrease'), steady(10, 100, { seed: 1 }), steady(10, after, { seed: 2 }))!.verdict).toBe(verdict);
  });
});

describe('no comparison possible', () => {
  it('a baseline value of 0 gives a pass with a note, not a division by zero', () => {
    const zero = stage({ latency_ms: { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 } });
    expect(regressionCheck(pct('p95', 15), zero, stage())).toEqual({
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      baseline: 0,
      current: 10,
      limit: '+15%',
      delta_pct: null,
      method: 'none',
      verdict: 'pass',
      note: 'baseline value is 0: no relative change to judge',
    });
  });

  it('no check when either side has no requests (latency) or no spike (recovery)', () => {
    expect(regressionCheck(pct('p95', 15), stage({ requests: 0 }), stage())).toBeUndefined();
    expect(regressionCheck(pct('p95', 15), stage(), stage({ requests: 0 }))).toBeUndefined();
    expect(regressionCheck(pct('recovery', 15), stage(), stage())).toBeUndefined();
  });
});

describe('evaluateRegressions', () => {
  it('compares stages by name; a stage the baseline does not have gets one warning, not silence', () => {
    const baseline = [steady(10, 100, { seed: 1 }), { ...steady(5, 50, { seed: 3 }), name: 'gone' }];
    const current = [steady(16, 100, { seed: 2 }), { ...steady(5, 50, { seed: 4 }), name: 'new' }];
    const checks = evaluateRegressions([pct('p95', 15), pp(0.5), pct('rps', 10, 'decrease')], baseline, current);
    expect(checks.map((c) => [c.stage, c.metric, c.verdict])).toEqual([
      ['load', 'p95', 'fail'],
      ['load', 'error_rate', 'pass'],
      ['load', 'rps', 'pass'],
      ['new', 'baseline', 'warn'],
    ]);
    expect(checks[3]!.note).toBe('the baseline has no stage "new": nothing to compare (baseline stages: load, gone)');
  });

  it('no rules → no checks; no matching stage → a warning per unmatched stage', () => {
    expect(evaluateRegressions([], [stage()], [stage()])).toEqual([]);
    expect(evaluateRegressions([pct('p95', 15)], [stage({ name: 'a' })], [stage({ name: 'b' })]).map((c) => [c.stage, c.verdict])).toEqual([['b', 'warn']]);
  });
});

describe('spike recovery against the baseline (window resolution)', () => {
  const spiky = (recovery_ms: number | null) => stage({ name: 'spike', kind: 'spike', spike: { pre_p95_ms: 5, peak_p95_ms: 80, recovery_ms } });
  const rule: RegressionRule = { metric: 'recovery', direction: 'increase', unit: 'pct', amount: 50, raw: '+50%' };

  it.each([
    [4000, 5000, 'pass'], // +25 %
    [4000, 8000, 'fail'], // +100 %, still +75 % one window earlier
    [4000, 6500, 'warn'], // +62.5 %, but +37.5 % one window earlier: within the resolution
    [0, 1000, 'pass'], // one window, the resolution itself
    [0, 3000, 'fail'], // an instant recovery that now takes 3 s
  ] as const)('%d ms → %d ms: %s', (before, after, verdict) => {
    expect(regressionCheck(rule, spiky(before), spiky(after))!.verdict).toBe(verdict);
  });

  it('never recovering when the baseline did fails, with the reason', () => {
    const check = regressionCheck(rule, spiky(2000), spiky(null))!;
    expect(check).toMatchObject({ verdict: 'fail', method: 'window-resolution', current: null });
    expect(check.note).toBe('p95 never returned within 20% of its pre-spike value (the baseline recovered in 2 s)');
  });

  it('a stage that is no spike has no recovery to compare', () => {
    expect(regressionCheck(rule, stage(), stage())).toBeUndefined();
  });
});

describe('inconclusive checks say why', () => {
  it('an interval straddling the rule warns with the size of the noise', () => {
    const check = regressionCheck(pct('p95', 15), steady(10, 100, { noise: 0.6, seed: 3 }), steady(12, 100, { noise: 0.6, seed: 4 }))!;
    expect(check.verdict).toBe('warn');
    expect(check.note).toMatch(/^inconclusive: noise ±\d+\.\d% around \+20\.0% straddles \+15%$/);
  });
});

describe('a drop to nothing', () => {
  it('rps down to 0 fails a decrease rule without an interval; an increase rule passes', () => {
    const check = regressionCheck(pct('rps', 10, 'decrease'), steady(10, 100, { seed: 1 }), stage({ rps: 0 }))!;
    expect(check).toMatchObject({ verdict: 'fail', delta_pct: -100, method: 'none', note: 'dropped from 100 to 0' });
    expect(regressionCheck(pct('rps', 10), steady(10, 100, { seed: 1 }), stage({ rps: 0 }))!.verdict).toBe('pass');
  });
});
