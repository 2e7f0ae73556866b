import { describe, it, expect } from 'vitest';
import { bandPositions, evaluateBandRules, MIN_HISTORY, noiseBand, sigmaFloor } from '../../src/gate/band.js';
import type { Metric, RegressionRule } from '../../src/plan/types.js';
import type { StageReport } from '../../src/model/report.js';
import { stage } from '../helpers/reports.js';

const LATENCY = { min: 1, mean: 5, p50: 4, p90: 8, p95: 10, p99: 20, p999: 30, max: 40 };

/** A stage named `name` whose p95 is `p95`, everything else from the shared helper. */
const withP95 = (p95: number, name = 'load'): StageReport => stage({ name, latency_ms: { ...LATENCY, p95 } });

/** Past runs, newest first, one stage each. */
const runs = (stages: StageReport[]): StageReport[][] => stages.map((s) => [s]);

const sigma = (metric: Metric, amount: number, direction: 'increase' | 'decrease' = 'increase'): RegressionRule => ({
  metric,
  direction,
  unit: 'sigma',
  amount,
  raw: `${direction === 'increase' ? '+' : '-'}${amount}σ`,
});

// median 12; deviations 2, 1, 0, 1, 18 → MAD 1 → σ̂ 1.4826; band at k = 3: 7.5522 – 16.4478.
const P95_HISTORY = [10, 11, 12, 13, 30];
const SIGMA = 1.4826;

describe('noiseBand', () => {
  it('median ± k·1.4826·MAD of a known list, robust to the one outlier', () => {
    const band = noiseBand(P95_HISTORY, 3);
    expect(band).toMatchObject({ n: 5, median: 12, mad: 1, k: 3 });
    expect(band.sigma).toBeCloseTo(SIGMA, 10);
    expect(band.lo).toBeCloseTo(12 - 3 * SIGMA, 10);
    expect(band.hi).toBeCloseTo(12 + 3 * SIGMA, 10);
  });

  it('an even count takes the middle two', () => {
    // median 2.5; deviations 1.5, 0.5, 0.5, 1.5 → MAD 1.
    expect(noiseBand([4, 1, 3, 2], 2)).toMatchObject({ median: 2.5, mad: 1 });
  });

  it('the floor applies when every value is equal (MAD 0)', () => {
    const band = noiseBand([10, 10, 10, 10, 10], 3, 0.1);
    expect(band).toMatchObject({ median: 10, mad: 0, sigma: 0.1 });
    expect(band.hi).toBeCloseTo(10.3, 10);
    expect(band.lo).toBeCloseTo(9.7, 10);
  });

  it('the floor is ignored when the spread is wider', () => {
    expect(noiseBand(P95_HISTORY, 3, 0.5).sigma).toBeCloseTo(SIGMA, 10);
  });

  it('refuses an empty list', () => {
    expect(() => noiseBand([], 3)).toThrow(RangeError);
  });
});

describe('sigmaFloor', () => {
  it.each([
    ['p95', 200, 1000, 2],
    ['p50', -50, 1000, 0.5],
    ['rps', 100, 1000, 1],
    ['requests', 1000, 1000, 0],
    ['errors', 4, 1000, 0],
    ['recovery', 3000, 1000, 1000], // one 1-s window
  ] as const)('%s with median %d → %d', (metric, median, requests, floor) => {
    expect(sigmaFloor(metric, median, requests)).toBeCloseTo(floor, 10);
  });

  it('error_rate: the binomial standard error, with p at least one error in this run', () => {
    expect(sigmaFloor('error_rate', 0.01, 10_000)).toBeCloseTo(Math.sqrt((0.01 * 0.99) / 10_000), 12);
    expect(sigmaFloor('error_rate', 0, 1000)).toBeCloseTo(Math.sqrt((0.001 * 0.999) / 1000), 12);
    expect(sigmaFloor('error_rate', 0, 0)).toBe(0);
  });
});

describe('evaluateBandRules', () => {
  const history = runs(P95_HISTORY.map((v) => withP95(v)));

  it('a value inside the band passes, with the band and the position', () => {
    const [check] = evaluateBandRules([sigma('p95', 3)], history, [withP95(15)]);
    expect(check).toMatchObject({
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      baseline: 12,
      current: 15,
      delta_pct: 25,
      limit: '+3σ',
      method: 'history-band',
      significant: false,
      verdict: 'pass',
      position_sigma: 2.02,
    });
    expect(check!.band).toMatchObject({ n: 5, median: 12 });
    expect(check!.band!.hi).toBeCloseTo(12 + 3 * SIGMA, 10);
    expect(check!.note).toBe('+2.0σ from the median of 5 past runs (band 7.55 ms – 16.4 ms)');
  });

  it('a value beyond +3σ̂ fails', () => {
    const [check] = evaluateBandRules([sigma('p95', 3)], history, [withP95(17)]);
    expect(check).toMatchObject({ verdict: 'fail', significant: true, position_sigma: 3.37, delta_pct: 41.67 });
    expect(check!.note).toMatch(/^\+3\.4σ from the median of 5 past runs/);
  });

  it('a value beyond the band on the better side passes, and is significant', () => {
    const [check] = evaluateBandRules([sigma('p95', 3)], history, [withP95(5)]);
    expect(check).toMatchObject({ verdict: 'pass', significant: true, position_sigma: -4.72 });
  });

  it('"-3σ" on a latency fails when it falls below the band', () => {
    const [check] = evaluateBandRules([sigma('p95', 3, 'decrease')], history, [withP95(5)]);
    expect(check!.verdict).toBe('fail');
  });

  it('k widens the band: +5σ lets 17 pass', () => {
    expect(evaluateBandRules([sigma('p95', 5)], history, [withP95(17)])[0]!.verdict).toBe('pass');
  });

  it('"band" on rps fails when the current value falls below', () => {
    // median 100; deviations 0, 2, 2, 1, 1 → MAD 1 → σ̂ 1.4826 (above the 1 % floor of 1); lo 95.55.
    const rpsHistory = runs([100, 102, 98, 101, 99].map((rps) => stage({ rps })));
    const band: RegressionRule = { metric: 'rps', direction: 'decrease', unit: 'sigma', amount: 3, raw: 'band' };
    const [low] = evaluateBandRules([band], rpsHistory, [stage({ rps: 95 })]);
    expect(low).toMatchObject({ metric: 'rps', baseline: 100, current: 95, delta_pct: -5, limit: 'band', verdict: 'fail', position_sigma: -3.37 });
    expect(evaluateBandRules([band], rpsHistory, [stage({ rps: 110 })])[0]).toMatchObject({ verdict: 'pass', significant: true });
    expect(evaluateBandRules([band], rpsHistory, [stage({ rps: 97 })])[0]).toMatchObject({ verdict: 'pass', significant: false });
  });

  it('an almost constant history does not fail on a tiny change (the 1 % floor)', () => {
    const flat = runs([10, 10, 10, 10, 10].map((v) => withP95(v)));
    // σ̂ = 0.1 ms: 10.2 is +2σ̂, 10.4 is +4σ̂.
    expect(evaluateBandRules([sigma('p95', 3)], flat, [withP95(10.2)])[0]).toMatchObject({ verdict: 'pass', position_sigma: 2 });
    expect(evaluateBandRules([sigma('p95', 3)], flat, [withP95(10.4)])[0]).toMatchObject({ verdict: 'fail', position_sigma: 4 });
  });

  it(`fewer than ${MIN_HISTORY} past values warn and say so`, () => {
    const [check] = evaluateBandRules([sigma('p95', 3)], history.slice(0, 2), [withP95(100)]);
    expect(check).toEqual({
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      current: 100,
      limit: '+3σ',
      method: 'history-band',
      verdict: 'warn',
      note: 'history band needs 5 past runs with this stage, found 2: not judged',
    });
  });

  it('no history at all warns too', () => {
    expect(evaluateBandRules([sigma('p95', 3)], [], [withP95(10)])[0]!.note).toContain('found 0: not judged');
  });

  it('a stage missing from some past runs counts only the runs that have it', () => {
    const other = withP95(1000, 'other');
    // Seven runs; "load" is in four of them.
    const sparse: StageReport[][] = [[withP95(10), other], [other], [withP95(11), other], [other], [withP95(12)], [withP95(13), other], [other]];
    expect(evaluateBandRules([sigma('p95', 3)], sparse, [withP95(10)])[0]!.note).toBe('history band needs 5 past runs with this stage, found 4: not judged');

    const enough = [...sparse, [withP95(30)]];
    const [check] = evaluateBandRules([sigma('p95', 3)], enough, [withP95(17)]);
    expect(check).toMatchObject({ baseline: 12, verdict: 'fail', band: { n: 5, median: 12 } });
  });

  it('uses at most the 20 newest runs', () => {
    // Newest 20 at 10 ms, then 10 old runs at 50 ms that would move the median if counted.
    const long = runs([...Array(20).fill(10), ...Array(10).fill(50)].map((v: number) => withP95(v)));
    expect(evaluateBandRules([sigma('p95', 3)], long, [withP95(10)])[0]).toMatchObject({ baseline: 10, band: { n: 20, median: 10 } });
  });

  it('error_rate with an all-zero history: the binomial floor, no relative change', () => {
    const clean = runs(Array.from({ length: 6 }, () => stage({ errors: 0, error_rate: 0 })));
    // 1000 requests now: σ̂ = sqrt(0.001·0.999/1000) ≈ 0.001, so +3σ̂ ≈ 0.003 (3 errors).
    const rule = sigma('error_rate', 3);
    const two = evaluateBandRules([rule], clean, [stage({ errors: 2, error_rate: 0.002 })])[0]!;
    expect(two).toMatchObject({ baseline: 0, delta_pct: null, verdict: 'pass', significant: false, position_sigma: 2 });
    expect(two.band!.sigma).toBeCloseTo(Math.sqrt((0.001 * 0.999) / 1000), 12);
    expect(evaluateBandRules([rule], clean, [stage({ errors: 4, error_rate: 0.004 })])[0]).toMatchObject({ verdict: 'fail', position_sigma: 4 });
  });

  it('a history with no spread and no floor (σ̂ = 0): any change on the worse side fails', () => {
    const steady = runs(Array.from({ length: 5 }, () => stage({ errors: 0 })));
    const same = evaluateBandRules([sigma('errors', 3)], steady, [stage({ errors: 0 })])[0]!;
    expect(same).toMatchObject({ verdict: 'pass', band: { sigma: 0, lo: 0, hi: 0 } });
    expect(same.position_sigma).toBeUndefined();
    const one = evaluateBandRules([sigma('errors', 3)], steady, [stage({ errors: 1 })])[0]!;
    expect(one.verdict).toBe('fail');
    expect(one.note).toContain('show no spread');
  });

  it('judges every current stage, and skips metrics the stage does not have', () => {
    const two = (v: number): StageReport[] => [withP95(v), withP95(v, 'steady')];
    const hist = P95_HISTORY.map(two);
    const checks = evaluateBandRules([sigma('p95', 3), sigma('recovery', 3)], hist, two(17));
    expect(checks.map((c) => [c.stage, c.metric, c.verdict])).toEqual([
      ['load', 'p95', 'fail'],
      ['steady', 'p95', 'fail'],
    ]);
  });

  it('recovery: a spike that never recovered fails; a one-window wobble in a spread-less history passes', () => {
    const spike = (recovery_ms: number | null, name = 'spike'): StageReport =>
      stage({ name, kind: 'spike', spike: { pre_p95_ms: 5, peak_p95_ms: 50, recovery_ms } });
    const hist = [2000, 2000, 2000, 2000, 2000].map((v) => [spike(v)]);
    const never = evaluateBandRules([sigma('recovery', 3)], hist, [spike(null)]);
    expect(never).toEqual([
      expect.objectContaining({ metric: 'recovery', verdict: 'fail', current: null, note: 'p95 never returned within 20% of its pre-spike value' }),
    ]);
    expect(evaluateBandRules([sigma('recovery', 3)], hist, [spike(3000)])[0]!.verdict).toBe('pass');
    expect(evaluateBandRules([sigma('recovery', 3)], hist, [spike(6000)])[0]!.verdict).toBe('fail');
  });

  it('ignores rules that are not bands', () => {
    const pct: RegressionRule = { metric: 'p95', direction: 'increase', unit: 'pct', amount: 15, raw: '+15%' };
    expect(evaluateBandRules([pct], history, [withP95(100)])).toEqual([]);
  });
});

describe('bandPositions', () => {
  it('places the run in each metric history, and skips stages with a short history', () => {
    const hist: StageReport[][] = P95_HISTORY.map((v, i) => (i < 2 ? [withP95(v), withP95(v, 'young')] : [withP95(v)]));
    const bands = bandPositions(hist, [withP95(17), withP95(17, 'young')]);
    expect(bands.every((b) => b.stage === 'load')).toBe(true);
    expect(bands.map((b) => b.metric)).toEqual(['p50', 'p95', 'p99', 'error_rate', 'rps']);
    const p95 = bands.find((b) => b.metric === 'p95')!;
    expect(p95).toMatchObject({ stage: 'load', metric: 'p95', n: 5, median: 12, current: 17, position_sigma: 3.37 });
    expect(p95.sigma).toBeCloseTo(SIGMA, 10);
    // p50 never moved: the 1 % floor gives it a scale (σ̂ 0.04 ms), and the run sits on the median.
    expect(bands.find((b) => b.metric === 'p50')).toMatchObject({ median: 4, current: 4, position_sigma: 0 });
  });

  it('takes the metrics asked for', () => {
    const hist = runs(P95_HISTORY.map((v) => withP95(v)));
    expect(bandPositions(hist, [withP95(12)], ['p95']).map((b) => [b.metric, b.position_sigma])).toEqual([['p95', 0]]);
  });

  it('leaves out a metric whose history has no spread and no floor', () => {
    const hist = runs(P95_HISTORY.map((v) => withP95(v)));
    expect(bandPositions(hist, [withP95(12)], ['errors'])).toEqual([]);
  });
});
