import { describe, it, expect } from 'vitest';
import {
  MIN_WINDOWS,
  bootstrapChangeInterval,
  judgeInterval,
  quantile,
  seededRandom,
  twoProportionInterval,
  weightedMean,
  type WeightedSample,
} from '../../src/gate/statistics.js';

const draw = (seed: number, n: number): number[] => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => r());
};

/** n windows of `value` ± `noise` (relative, uniform), each with `weight` requests. */
function windows(value: number, noise: number, n: number, seed: number, weight = 100): WeightedSample[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => ({ value: value * (1 + noise * (2 * r() - 1)), weight }));
}

describe('seededRandom', () => {
  it('the same seed gives the same sequence', () => {
    expect(draw(1, 100)).toEqual(draw(1, 100));
    expect(draw(0x9e3779b9, 5)).toEqual(draw(0x9e3779b9, 5));
  });

  it('different seeds give different sequences', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
    expect(draw(0, 1)[0]).not.toBe(draw(1, 1)[0]);
  });

  it('seeds are taken as unsigned 32-bit integers', () => {
    expect(draw(-1, 10)).toEqual(draw(0xffffffff, 10));
    expect(draw(2 ** 32 + 5, 10)).toEqual(draw(5, 10));
  });

  it('values lie in [0, 1) and are spread evenly', () => {
    const xs = draw(12345, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.495);
    expect(mean).toBeLessThan(0.505);
    const deciles = new Array<number>(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]!++;
    for (const d of deciles) expect(Math.abs(d - 10_000)).toBeLessThan(400);
  });
});

describe('weightedMean', () => {
  it.each<[WeightedSample[], number]>([
    [[], 0],
    [[{ value: 5, weight: 1 }], 5],
    [
      [
        { value: 10, weight: 1 },
        { value: 20, weight: 3 },
      ],
      17.5,
    ],
    [
      [
        { value: 10, weight: 0 },
        { value: 20, weight: 0 },
      ],
      0,
    ],
    [
      [
        { value: 1, weight: 2 },
        { value: 4, weight: 2 },
      ],
      2.5,
    ],
  ])('%j → %d', (xs, mean) => {
    expect(weightedMean(xs)).toBe(mean);
  });
});

describe('quantile (linear interpolation on sorted values)', () => {
  it.each<[number[], number, number]>([
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[10, 20, 30, 40, 50], 0.5, 30],
    [[10, 20, 30, 40, 50], 0.9, 46],
    [[7], 0.3, 7],
    [[0, 100], 0.025, 2.5],
    [[0, 100], 0.975, 97.5],
  ])('%j at q=%d → %d', (xs, q, v) => {
    expect(quantile(xs, q)).toBeCloseTo(v, 10);
  });

  it('empty → NaN', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('bootstrapChangeInterval', () => {
  it('MIN_WINDOWS is 3', () => {
    expect(MIN_WINDOWS).toBe(3);
  });

  it.each([
    [2, 10],
    [10, 2],
    [0, 10],
    [2, 2],
  ])('undefined with %d baseline and %d current windows', (nb, nc) => {
    expect(bootstrapChangeInterval(windows(10, 0.1, nb, 1), windows(10, 0.1, nc, 2), 0)).toBeUndefined();
  });

  it('defined with exactly 3 windows on each side', () => {
    expect(bootstrapChangeInterval(windows(10, 0.1, 3, 1), windows(10, 0.1, 3, 2), 0)).toBeDefined();
  });

  it.each([0, 5, -12.5])('identical constant samples → a zero-width interval at the point (%d %%)', (point) => {
    const xs = windows(10, 0, 20, 1);
    const iv = bootstrapChangeInterval(xs, xs, point)!;
    expect(iv.lo).toBeCloseTo(point, 9);
    expect(iv.hi).toBeCloseTo(point, 9);
  });

  it('identical noisy samples → an interval tightly around the point', () => {
    const xs = windows(10, 0.02, 30, 3);
    const iv = bootstrapChangeInterval(xs, xs, 0)!;
    expect(iv.lo).toBeLessThan(0);
    expect(iv.hi).toBeGreaterThan(0);
    expect(iv.lo).toBeGreaterThan(-2);
    expect(iv.hi).toBeLessThan(2);
  });

  it('a clear +60 % shift with small noise → the whole interval is far above 30 %', () => {
    const before = windows(10, 0.03, 30, 11);
    const after = windows(16, 0.03, 30, 12);
    const point = (weightedMean(after) / weightedMean(before) - 1) * 100;
    const iv = bootstrapChangeInterval(before, after, point)!;
    expect(iv.lo).toBeGreaterThan(30);
    expect(iv.lo).toBeGreaterThan(55);
    expect(iv.hi).toBeLessThan(65);
    expect(iv.lo).toBeLessThan(point);
    expect(iv.hi).toBeGreaterThan(point);
  });

  it('the interval is located on pointPct: the bootstrap only supplies the (relative) spread', () => {
    const before = windows(10, 0.05, 20, 21);
    const after = windows(10, 0.05, 20, 22);
    const a = bootstrapChangeInterval(before, after, 0)!;
    const b = bootstrapChangeInterval(before, after, 40)!;
    // On the log scale: the same spread around ×1.4 as around ×1.0.
    expect(1 + b.lo / 100).toBeCloseTo(1.4 * (1 + a.lo / 100), 9);
    expect(1 + b.hi / 100).toBeCloseTo(1.4 * (1 + a.hi / 100), 9);
  });

  it('never reaches below −100 %, however noisy the windows (a ratio is never negative)', () => {
    const before = windows(10, 0.9, 20, 41);
    const after = windows(1, 0.9, 20, 42);
    const iv = bootstrapChangeInterval(before, after, -90)!;
    expect(iv.lo).toBeGreaterThan(-100);
    expect(iv.hi).toBeGreaterThan(iv.lo);
  });

  it.each([31, 32, 33, 34, 35])('pure noise (same distribution, seed %d) → the interval contains 0', (seed) => {
    const before = windows(10, 0.2, 20, seed);
    const after = windows(10, 0.2, 20, seed + 100);
    const point = (weightedMean(after) / weightedMean(before) - 1) * 100;
    const iv = bootstrapChangeInterval(before, after, point)!;
    expect(iv.lo).toBeLessThan(0);
    expect(iv.hi).toBeGreaterThan(0);
    // ±20 % window noise over 20 windows: the mean moves by a few %, not by tens.
    expect(iv.hi - iv.lo).toBeLessThan(20);
  });

  it('more noise gives a wider interval', () => {
    const width = (noise: number) => {
      const iv = bootstrapChangeInterval(windows(10, noise, 20, 41), windows(10, noise, 20, 42), 0)!;
      return iv.hi - iv.lo;
    };
    expect(width(0.01)).toBeLessThan(width(0.1));
    expect(width(0.1)).toBeLessThan(width(0.4));
  });

  it('is deterministic for the same inputs and depends on the seed option', () => {
    const before = windows(10, 0.2, 10, 51);
    const after = windows(11, 0.2, 10, 52);
    expect(bootstrapChangeInterval(before, after, 10)).toEqual(bootstrapChangeInterval(before, after, 10));
    expect(bootstrapChangeInterval(before, after, 10, { seed: 1 })).not.toEqual(bootstrapChangeInterval(before, after, 10, { seed: 2 }));
  });

  it('a lower confidence gives a narrower interval', () => {
    const before = windows(10, 0.2, 15, 61);
    const after = windows(10, 0.2, 15, 62);
    const wide = bootstrapChangeInterval(before, after, 0, { confidence: 0.99 })!;
    const narrow = bootstrapChangeInterval(before, after, 0, { confidence: 0.8 })!;
    expect(narrow.lo).toBeGreaterThan(wide.lo);
    expect(narrow.hi).toBeLessThan(wide.hi);
  });

  it('heavier windows count more: one heavy slow window dominates the weighted mean', () => {
    const before: WeightedSample[] = [
      { value: 10, weight: 100 },
      { value: 10, weight: 100 },
      { value: 10, weight: 100 },
    ];
    const after: WeightedSample[] = [
      { value: 10, weight: 1 },
      { value: 10, weight: 1 },
      { value: 20, weight: 1000 },
    ];
    const iv = bootstrapChangeInterval(before, after, 99)!;
    // The resampled ratio is 0 % (no heavy window drawn) … ~+100 %: the interval spans it.
    expect(iv.lo).toBeLessThan(10);
    expect(iv.hi).toBeGreaterThan(90);
  });

  it('undefined when the baseline mean is 0 (no finite relative change)', () => {
    const zeros = windows(0, 0, 5, 1);
    expect(bootstrapChangeInterval(zeros, windows(10, 0.1, 5, 2), 0)).toBeUndefined();
  });
});

describe('twoProportionInterval', () => {
  it.each<[number, number, number, number, number, number]>([
    // 0/1000 → 30/1000: d = 0.03, se = sqrt(0.03·0.97/1000) = 0.0053944
    [0, 1000, 30, 1000, 0.019427, 0.040573],
    // no change
    [10, 1000, 10, 1000, -0.0087213, 0.0087213],
    // improvement: 5 % → 1 %
    [50, 1000, 10, 1000, -0.0548495, -0.0251505],
    // zero and zero: a zero-width interval at 0
    [0, 1000, 0, 1000, 0, 0],
    // an empty side counts as rate 0 with no variance
    [0, 0, 5, 100, 0.0072829, 0.0927171],
  ])('%d/%d → %d/%d: [%d, %d]', (x1, n1, x2, n2, lo, hi) => {
    const iv = twoProportionInterval(x1, n1, x2, n2);
    expect(iv.lo).toBeCloseTo(lo, 6);
    expect(iv.hi).toBeCloseTo(hi, 6);
  });

  it('z scales the half-width', () => {
    const a = twoProportionInterval(10, 1000, 20, 1000, 1);
    const b = twoProportionInterval(10, 1000, 20, 1000, 2);
    expect((b.hi - b.lo) / (a.hi - a.lo)).toBeCloseTo(2, 9);
    expect((a.lo + a.hi) / 2).toBeCloseTo(0.01, 12);
  });
});

describe('judgeInterval', () => {
  it.each<[number, number, number, boolean, 'pass' | 'warn' | 'fail']>([
    // worse is up (latency "+15%"): fail when the whole interval is above the limit.
    [20, 30, 15, true, 'fail'],
    [15.01, 16, 15, true, 'fail'],
    [15, 16, 15, true, 'warn'], // lo exactly at the limit is not beyond it
    [1, 10, 15, true, 'pass'],
    [-5, 15, 15, true, 'pass'], // hi at the limit is within
    [10, 20, 15, true, 'warn'],
    [-40, -20, 15, true, 'pass'], // an improvement
    [-10, 40, 15, true, 'warn'],
    // worse is down (rps "-10%"): fail when the whole interval is below −limit.
    [-40, -20, 10, false, 'fail'],
    [-12, -10.01, 10, false, 'fail'],
    [-12, -10, 10, false, 'warn'],
    [-10, 5, 10, false, 'pass'],
    [-5, 5, 10, false, 'pass'],
    [-15, -5, 10, false, 'warn'],
    [20, 40, 10, false, 'pass'], // more throughput
  ])('[%d, %d] against %d (worseIsUp %s) → %s', (lo, hi, limit, up, verdict) => {
    expect(judgeInterval({ lo, hi }, limit, up)).toBe(verdict);
  });

  it.each<[number, number, number, number, boolean, 'pass' | 'warn' | 'fail']>([
    // With the measured change: no detectable change (interval spans 0, point within) passes...
    [-1.6, 1.6, 0, 0.5, true, 'pass'], // identical error rates on a few hundred requests
    [-10, 40, 2, 15, true, 'pass'],
    [-40, 10, -2, 10, false, 'pass'],
    // ...but a real change that may exceed the rule, or a measured excess, still warns.
    [5, 19, 12, 15, true, 'warn'],
    [-5, 45, 20, 15, true, 'warn'],
    [-15, -5, -8, 10, false, 'warn'],
    [20, 30, 25, 15, true, 'fail'],
  ])('[%d, %d] point %d against %d (worseIsUp %s) → %s', (lo, hi, point, limit, up, verdict) => {
    expect(judgeInterval({ lo, hi }, limit, up, point)).toBe(verdict);
  });
});
