import { describe, it, expect } from 'vitest';
import {
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeHistograms,
  percentileMs,
  recordMs,
  summarize,
  type Histogram,
} from '../../src/metrics/histogram.js';
import { seededRandom } from '../../src/gate/statistics.js';

function histogramOf(valuesMs: number[]): Histogram {
  const h = createHistogram();
  for (const v of valuesMs) recordMs(h, v);
  return h;
}

/** 1 µs … 1000 µs: below 2048 µs, so every value is exact at 3 significant digits. */
const oneToThousandUs = Array.from({ length: 1000 }, (_, i) => (i + 1) / 1000);

/** A realistic latency mix: mostly 1–5 ms with a long tail up to ~2 s. */
function latencyMix(n: number, seed: number): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = r();
    return x < 0.9 ? 1 + 4 * r() : x < 0.99 ? 5 + 95 * r() : 100 + 1900 * r();
  });
}

describe('recordMs / summarize', () => {
  it('an empty histogram summarizes to zeros', () => {
    expect(summarize(createHistogram())).toEqual({ min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 });
    expect(percentileMs(createHistogram(), 95)).toBe(0);
  });

  // Percentiles are bucket tops; so is max, so no percentile can exceed it.
  it('no percentile exceeds max (one 3.3 ms request: p50 3.301 > max 3.3)', () => {
    const s = summarize(histogramOf([3.3]));
    expect(s.p50).toBeLessThanOrEqual(s.max);
    expect(s.p99).toBeLessThanOrEqual(s.max);
  });

  it('values below 2 ms are exact to the microsecond', () => {
    expect(summarize(histogramOf(oneToThousandUs))).toEqual({
      min: 0.001,
      mean: 0.501,
      p50: 0.5,
      p90: 0.9,
      p95: 0.95,
      p99: 0.99,
      p999: 0.999,
      max: 1,
    });
  });

  it.each([
    [50, 0.5],
    [95, 0.95],
    [100, 1],
    [0, 0.001],
  ])('percentileMs(h, %d) = %d ms', (p, ms) => {
    expect(percentileMs(histogramOf(oneToThousandUs), p)).toBe(ms);
  });

  it.each<[string, number[], Partial<Record<'min' | 'max' | 'p50', number>>]>([
    ['one value', [1.234], { min: 1.234, p50: 1.234, max: 1.234 }],
    ['fractional µs are rounded', [0.0004, 0.0016], { min: 0.001, max: 0.002 }],
    ['0 and negatives clamp to 1 µs', [0, -5], { min: 0.001, max: 0.001 }],
  ])('%s', (_name, values, expected) => {
    const s = summarize(histogramOf(values));
    for (const [k, v] of Object.entries(expected)) expect(s[k as keyof typeof s]).toBe(v);
  });

  it('large values are within 0.1 % and counted', () => {
    const h = histogramOf([250, 1_234.5, 59_999]);
    expect(h.totalCount).toBe(3);
    const s = summarize(h);
    expect(Math.abs(s.min - 250) / 250).toBeLessThan(0.001);
    expect(Math.abs(s.p50 - 1_234.5) / 1_234.5).toBeLessThan(0.001);
    expect(Math.abs(s.max - 59_999) / 59_999).toBeLessThan(0.001);
  });

  it('values beyond one hour are clamped to one hour, not dropped', () => {
    const h = histogramOf([5, 7_200_000]);
    expect(h.totalCount).toBe(2);
    expect(Math.abs(summarize(h).max - 3_600_000) / 3_600_000).toBeLessThan(0.001);
  });

  it('percentiles of 1..100 ms are within 0.1 %', () => {
    const s = summarize(histogramOf(Array.from({ length: 100 }, (_, i) => i + 1)));
    for (const [k, v] of [
      ['p50', 50],
      ['p90', 90],
      ['p95', 95],
      ['p99', 99],
      ['max', 100],
      ['mean', 50.5],
    ] as const) {
      expect(Math.abs(s[k] - v) / v).toBeLessThan(0.001);
    }
  });
});

describe('encodeHistogram / decodeHistogram', () => {
  it.each<[string, number[]]>([
    ['exact small values', oneToThousandUs],
    ['latency mix', latencyMix(20_000, 1)],
    ['single value', [3.3]],
  ])('round trip keeps the count, the mean and every percentile: %s', (_name, values) => {
    const h = histogramOf(values);
    const encoded = encodeHistogram(h);
    expect(typeof encoded).toBe('string');
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const back = decodeHistogram(encoded);
    expect(back.totalCount).toBe(values.length);
    const { max: _m1, min: _n1, ...before } = summarize(h);
    const { max: _m2, min: _n2, ...after } = summarize(back);
    expect(after).toEqual(before);
    for (const p of [1, 10, 25, 75, 99.99]) expect(percentileMs(back, p)).toBe(percentileMs(h, p));
  });

  it('round trip keeps min and max exactly when they are exact (below 2048 µs)', () => {
    const h = histogramOf(oneToThousandUs);
    const back = decodeHistogram(encodeHistogram(h));
    expect(summarize(back)).toEqual(summarize(h));
  });

  it('round trip keeps min and max within the histogram precision (0.1 %)', () => {
    const h = histogramOf(latencyMix(20_000, 1));
    const back = decodeHistogram(encodeHistogram(h));
    expect(Math.abs(summarize(back).max / summarize(h).max - 1)).toBeLessThan(0.001);
    expect(Math.abs(summarize(back).min / summarize(h).min - 1)).toBeLessThan(0.001);
  });

  // max is the top of its HDR bucket, like every percentile, so the live run and a re-read report
  // agree (a `max: "< 2000ms"` threshold gives the same verdict on both) and stay within 0.1 %.
  it('round trip keeps max (1999.9 ms: 2000.895 ms, the top of its bucket, live and decoded)', () => {
    const h = histogramOf([1, 1999.9]);
    const live = summarize(h).max;
    expect(live).toBe(2000.895);
    expect(summarize(decodeHistogram(encodeHistogram(h))).max).toBe(live);
    expect(Math.abs(live - 1999.9) / 1999.9).toBeLessThan(0.001);
  });

  it('an empty histogram round-trips to an empty one', () => {
    const back = decodeHistogram(encodeHistogram(createHistogram()));
    expect(back.totalCount).toBe(0);
    expect(summarize(back).p95).toBe(0);
  });

  it('a decoded histogram can keep recording', () => {
    const back = decodeHistogram(encodeHistogram(histogramOf([1, 2])));
    recordMs(back, 3);
    expect(back.totalCount).toBe(3);
    expect(summarize(back).max).toBe(3.001); // 3 ms's bucket is [3.000, 3.001] µs-wise
  });
});

describe('mergeHistograms', () => {
  it.each([
    [2, 7],
    [3, 11],
    [8, 23],
  ])('merging %d parts equals one histogram of all values (seed %d)', (parts, seed) => {
    const values = latencyMix(30_000, seed);
    const whole = histogramOf(values);
    const shards = Array.from({ length: parts }, (_, i) => histogramOf(values.filter((_, j) => j % parts === i)));
    const merged = mergeHistograms(shards);
    expect(merged.totalCount).toBe(30_000);
    expect(merged.totalCount).toBe(shards.reduce((n, s) => n + s.totalCount, 0));
    expect(summarize(merged)).toEqual(summarize(whole));
    for (const p of [1, 33, 66, 99.9, 99.99]) expect(percentileMs(merged, p)).toBe(percentileMs(whole, p));
  });

  it('merging encoded-then-decoded shards is exact too (shard reports)', () => {
    const values = latencyMix(12_000, 5);
    const shards = [values.slice(0, 4_000), values.slice(4_000, 9_000), values.slice(9_000)].map((v) => decodeHistogram(encodeHistogram(histogramOf(v))));
    const merged = mergeHistograms(shards);
    expect(merged.totalCount).toBe(12_000);
    const whole = histogramOf(values);
    for (const p of [50, 90, 95, 99, 99.9]) expect(percentileMs(merged, p)).toBe(percentileMs(whole, p));
    expect(summarize(merged).mean).toBe(summarize(whole).mean);
    // max goes through the bucket (see the round-trip bug above): equal within 0.1 %.
    expect(Math.abs(summarize(merged).max / summarize(whole).max - 1)).toBeLessThan(0.001);
  });

  it('merging nothing gives an empty histogram; merging does not change the parts', () => {
    expect(mergeHistograms([]).totalCount).toBe(0);
    const a = histogramOf([1, 2, 3]);
    const before = summarize(a);
    mergeHistograms([a, histogramOf([100])]);
    expect(a.totalCount).toBe(3);
    expect(summarize(a)).toEqual(before);
  });

  it('the merged extremes are those of all parts', () => {
    const merged = mergeHistograms([histogramOf([0.5, 1]), histogramOf([1.5, 1.9]), histogramOf([0.002])]);
    expect(summarize(merged).min).toBe(0.002);
    expect(summarize(merged).max).toBe(1.9);
    expect(merged.totalCount).toBe(5);
  });
});
