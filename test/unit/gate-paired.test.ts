import { describe, it, expect } from 'vitest';
import {
  MIN_PAIRS,
  mixtureQuantile,
  pairedBootstrapInterval,
  pairedChangeInterval,
  pairedRounds,
  roundDistribution,
  tQuantile975,
  type RoundDistribution,
} from '../../src/gate/paired.js';
import { createHistogram, recordMs } from '../../src/metrics/histogram.js';
import { regressionCheck } from '../../src/gate/regression.js';
import { seededRandom } from '../../src/gate/statistics.js';
import type { RegressionRule } from '../../src/plan/types.js';
import { stage } from '../helpers/reports.js';

const p95Rule: RegressionRule = { metric: 'p95', direction: 'increase', unit: 'pct', amount: 10, raw: '+10%' };

/** Rounds whose value drifts a lot from round to round (a noisy runner), the same on both sides. */
function drifting(n: number, scale: number, seed: number, jitter = 0.02): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => scale * (1 + 0.5 * Math.sin(i)) * (1 + jitter * (2 * r() - 1)));
}

describe('pairedChangeInterval', () => {
  it('uses the t quantile for the pairs it has', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(5)).toBe(2.571);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 2);
    expect(tQuantile975(200)).toBeCloseTo(1.97, 2);
  });

  it('known answer: log ratios 0.1, 0.2, 0.3 → mean 0.2, sd 0.1, half-width t(2)·0.1/√3', () => {
    const base = [1, 1, 1];
    const head = [Math.exp(0.1), Math.exp(0.2), Math.exp(0.3)];
    const point = (Math.exp(0.2) - 1) * 100;
    const iv = pairedChangeInterval(base, head, point)!;
    const hw = (4.303 * 0.1) / Math.sqrt(3);
    expect(iv.lo).toBeCloseTo((Math.exp(0.2 - hw) - 1) * 100, 6);
    expect(iv.hi).toBeCloseTo((Math.exp(0.2 + hw) - 1) * 100, 6);
  });

  it('same distribution on both sides: a narrow interval around 0, although the rounds drift ±50 %', () => {
    const iv = pairedChangeInterval(drifting(8, 10, 1), drifting(8, 10, 2), 0)!;
    expect(iv.lo).toBeLessThan(0);
    expect(iv.hi).toBeGreaterThan(0);
    expect(iv.hi - iv.lo).toBeLessThan(6);
  });

  it('a +20 % shift under the same drift: the whole interval is above +10 %', () => {
    const iv = pairedChangeInterval(drifting(8, 10, 1), drifting(8, 12, 2), 20)!;
    expect(iv.lo).toBeGreaterThan(10);
    expect(iv.hi).toBeLessThan(30);
  });

  it(`fewer than ${MIN_PAIRS} usable pairs: no interval`, () => {
    expect(pairedChangeInterval([1, 1], [1.2, 1.2], 20)).toBeUndefined();
    expect(pairedChangeInterval([1, 0, 1], [1.2, 1.2, 0], 20)).toBeUndefined();
  });
});

describe('pairedRounds estimator in a regression check', () => {
  const rounds = (values: number[]) => values.map((p95) => stage({ latency_ms: { ...stage().latency_ms, p95 } }));
  const merged = (p95: number) => stage({ latency_ms: { ...stage().latency_ms, p95 } });

  it('fails a +20 % p95 against "+10%" with the paired method', () => {
    const estimate = pairedRounds(new Map([['load', { base: rounds(drifting(6, 10, 3)), head: rounds(drifting(6, 12, 4)) }]]));
    const check = regressionCheck(p95Rule, merged(10), merged(12), estimate)!;
    expect(check).toMatchObject({ method: 'paired-rounds(n=6)', verdict: 'fail', delta_pct: 20 });
  });

  it('passes an unchanged head', () => {
    const estimate = pairedRounds(new Map([['load', { base: rounds(drifting(6, 10, 3)), head: rounds(drifting(6, 10, 4)) }]]));
    expect(regressionCheck(p95Rule, merged(10), merged(10.1), estimate)).toMatchObject({ verdict: 'pass' });
  });

  it('too few rounds: falls back to the windows, and with no windows can only warn', () => {
    const estimate = pairedRounds(new Map([['load', { base: rounds([10, 10]), head: rounds([13, 13]) }]]));
    const check = regressionCheck(p95Rule, merged(10), merged(13), estimate)!;
    expect(check.method).toBe('point-estimate');
    expect(check.verdict).toBe('warn');
    expect(check.note).toMatch(/^inconclusive: too few samples/);
  });
});

describe('paired bootstrap over rounds (percentiles of the merged rounds)', () => {
  /** A round of n latencies: base + an exponential tail, on 1-ms steps when `steps` (timer ticks). */
  function round(n: number, baseMs: number, tailMs: number, seed: number, steps = false): RoundDistribution {
    const r = seededRandom(seed);
    const h = createHistogram();
    for (let i = 0; i < n; i++) {
      const v = baseMs - tailMs * Math.log(1 - r());
      recordMs(h, steps ? Math.floor(v) + 0.4 : v);
    }
    return roundDistribution(h);
  }

  it('mixtureQuantile: the percentile of rounds taken together, weighted by their requests', () => {
    const fast = round(3000, 1, 0.001, 1); // all ≈ 1 ms
    const slow = round(1000, 10, 0.001, 2); // all ≈ 10 ms
    // 75 % of the requests are fast: p50 and p70 are fast, p80 and p95 slow.
    expect(mixtureQuantile([fast, slow], 50)).toBeCloseTo(1, 1);
    expect(mixtureQuantile([fast, slow], 70)).toBeCloseTo(1, 1);
    expect(mixtureQuantile([fast, slow], 80)).toBeCloseTo(10, 1);
    expect(mixtureQuantile([fast, slow], 95)).toBeCloseTo(10, 1);
    expect(mixtureQuantile([round(2000, 4, 2, 3)], 95)).toBeCloseTo(4 + 2 * Math.log(20), 0);
  });

  it('same distribution on both sides (timer steps and all): an interval around 0, a few % wide', () => {
    const base = Array.from({ length: 6 }, (_, i) => round(2000, 4, 2, 10 + i, true));
    const head = Array.from({ length: 6 }, (_, i) => round(2000, 4, 2, 20 + i, true));
    const point = (mixtureQuantile(head, 95) / mixtureQuantile(base, 95) - 1) * 100;
    const iv = pairedBootstrapInterval(base, head, 95, point)!;
    expect(iv.lo).toBeLessThan(0);
    expect(iv.hi).toBeGreaterThan(0);
    expect(iv.hi - iv.lo).toBeLessThan(20);
  });

  it('+20 % at p95: the whole interval is above +10 %', () => {
    const base = Array.from({ length: 6 }, (_, i) => round(2000, 4, 2, 30 + i));
    const head = Array.from({ length: 6 }, (_, i) => round(2000, 4 * 1.2, 2 * 1.2, 40 + i));
    const point = (mixtureQuantile(head, 95) / mixtureQuantile(base, 95) - 1) * 100;
    expect(point).toBeGreaterThan(15);
    const iv = pairedBootstrapInterval(base, head, 95, point)!;
    expect(iv.lo).toBeGreaterThan(10);
    expect(iv.hi).toBeLessThan(30);
  });

  it('is seeded (the same rounds give the same interval) and needs 3 pairs', () => {
    const base = Array.from({ length: 4 }, (_, i) => round(500, 4, 2, 50 + i));
    const head = Array.from({ length: 4 }, (_, i) => round(500, 4, 2, 60 + i));
    expect(pairedBootstrapInterval(base, head, 95, 1)).toEqual(pairedBootstrapInterval(base, head, 95, 1));
    expect(pairedBootstrapInterval(base.slice(0, 2), head.slice(0, 2), 95, 1)).toBeUndefined();
  });
});
