/**
 * The interval of a percentile's change belongs to that percentile: whole windows are resampled,
 * their histograms added, and the percentile of the sum compared (gate/statistics.ts). Known
 * answers: one slow second is inconclusive, never a failure; a shift of every second fails.
 */
import { describe, it, expect } from 'vitest';
import { PERCENTILE_METHOD, regressionCheck } from '../../src/gate/regression.js';
import { resampledPercentileInterval } from '../../src/gate/statistics.js';
import { windowBuckets } from '../../src/gate/metrics.js';
import type { Metric, RegressionRule } from '../../src/plan/types.js';
import type { StageReport } from '../../src/model/report.js';
import { jitterWindows, sampledStage } from '../helpers/reports.js';

const rule = (metric: Metric, amount: number): RegressionRule => ({ metric, direction: 'increase', unit: 'pct', amount, raw: `+${amount}%` });

/** 250 requests a second for `n` seconds, as in the json-server trial that failed on one frozen second. */
const run = (seed: number, n = 6, shape?: (ms: number, w: number, i: number) => number): StageReport =>
  sampledStage(jitterWindows(n, 250, seed, shape), { name: 'load' });

/** A 250-ms freeze in window `at`: the first 62 requests of that second waited for it to end. */
const frozenAt =
  (at: number) =>
  (ms: number, w: number, i: number): number =>
    w === at && i < 62 ? ms + 250 - i * 4 : ms;

/** The same windows, stored before window histograms were kept. */
const withoutWindowHistograms = (s: StageReport): StageReport => ({ ...s, timeline: s.timeline.map(({ histogram: _h, ...w }) => w) });

describe('one slow second is not a regression (inconclusive at most)', () => {
  it.each<[Metric, number]>([
    ['p99', 25],
    ['p95', 15],
    ['p50', 10],
  ])('a 250-ms freeze in one of 6 windows never fails a %s rule', (metric, amount) => {
    for (const seed of [11, 12, 13, 14, 15]) {
      for (const at of [1, 2, 3, 4]) {
        const check = regressionCheck(rule(metric, amount), run(seed), run(seed + 100, 6, frozenAt(at)))!;
        expect(check.method).toBe(PERCENTILE_METHOD);
        expect(check.verdict, `seed ${seed}, frozen window ${at}: ${JSON.stringify(check)}`).not.toBe('fail');
      }
    }
  });

  it('the p99 of the whole run moves a lot, and the interval reaches down to no change', () => {
    const check = regressionCheck(rule('p99', 25), run(1), run(2, 6, frozenAt(3)))!;
    expect(check.delta_pct!).toBeGreaterThan(200);
    expect(check.interval_pct![0]).toBeLessThan(25);
    expect(check.verdict).toBe('warn');
    expect(check.note).toMatch(/^inconclusive/);
  });

  it('the old interval (spread of window p99s centred on the whole-run p99) failed the same runs', () => {
    const check = regressionCheck(rule('p99', 25), withoutWindowHistograms(run(1)), withoutWindowHistograms(run(2, 6, frozenAt(3))))!;
    expect(check.method).toMatch(/^bootstrap-windows\(mean of window p99s/);
    expect(check.verdict).toBe('fail');
  });
});

describe('a shift of every window is a regression', () => {
  it.each<[Metric, number, number]>([
    ['p99', 25, 1.5],
    ['p95', 15, 1.4],
    ['p50', 10, 1.3],
  ])('every latency slower by the same factor fails a %s rule', (metric, amount, factor) => {
    for (const seed of [21, 22, 23]) {
      const check = regressionCheck(
        rule(metric, amount),
        run(seed),
        run(seed + 100, 6, (ms) => ms * factor),
      )!;
      expect(check.method).toBe(PERCENTILE_METHOD);
      expect(check.verdict, JSON.stringify(check)).toBe('fail');
      expect(check.interval_pct![0]).toBeGreaterThan(amount);
    }
  });

  it('+5 ms on every request of a ~5 ms endpoint fails p50 +10% (the json-server --delay 5 trial)', () => {
    const check = regressionCheck(
      rule('p50', 10),
      run(31),
      run(32, 6, (ms) => ms + 5),
    )!;
    expect(check.verdict).toBe('fail');
    expect(check.delta_pct!).toBeGreaterThan(80);
  });

  it('unchanged runs pass', () => {
    for (const seed of [41, 42, 43, 44]) {
      for (const [metric, amount] of [
        ['p50', 10],
        ['p95', 15],
        ['p99', 25],
      ] as const) {
        expect(regressionCheck(rule(metric, amount), run(seed), run(seed + 100))!.verdict).not.toBe('fail');
      }
    }
  });
});

describe('resampledPercentileInterval', () => {
  it('a run against itself: the interval holds 0', () => {
    const a = windowBuckets(run(5))!;
    for (const p of [0, 50, 95, 99, 100]) {
      const iv = resampledPercentileInterval(a, a, p)!;
      expect(iv.lo).toBeLessThanOrEqual(0);
      expect(iv.hi).toBeGreaterThanOrEqual(0);
    }
  });

  it('is reproducible: the same windows give the same interval', () => {
    const a = windowBuckets(run(6))!;
    const b = windowBuckets(run(7))!;
    expect(resampledPercentileInterval(a, b, 95)).toEqual(resampledPercentileInterval(a, b, 95));
  });

  it('a long stage (600 windows) is resampled in blocks, and its interval is narrower than a 6-window one', () => {
    const long = (seed: number) => windowBuckets(sampledStage(jitterWindows(600, 50, seed)))!;
    const longIv = resampledPercentileInterval(long(1), long(2), 95)!;
    const shortIv = resampledPercentileInterval(windowBuckets(run(1))!, windowBuckets(run(2))!, 95)!;
    expect(longIv.lo).toBeLessThan(0);
    expect(longIv.hi).toBeGreaterThan(0);
    expect(longIv.hi - longIv.lo).toBeLessThan(shortIv.hi - shortIv.lo);
  });

  it('fewer than 3 windows with requests on either side: no interval', () => {
    expect(resampledPercentileInterval(windowBuckets(run(1, 2))!, windowBuckets(run(2))!, 95)).toBeUndefined();
  });

  it("a damaged window histogram falls back to the windows' own percentiles, saying so", () => {
    const damaged = run(3);
    damaged.timeline[2] = { ...damaged.timeline[2]!, histogram: 'not-a-histogram' };
    const check = regressionCheck(rule('p95', 15), run(4), damaged)!;
    expect(check.method).toBe('bootstrap-windows(mean of window p95s: this run has no window histograms)');
  });
});
