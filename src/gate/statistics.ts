/**
 * Is a change real or run-to-run noise? Estimators, all pure and seeded so a verdict is
 * reproducible from the two reports alone:
 *  - a percentile (p50, p95, p99, min, max): a bootstrap of that very percentile. Each resample
 *    draws whole 1-second windows with replacement from each run, adds their histograms and takes
 *    the percentile of the sum; the 2.5th and 97.5th percentiles of the resampled log ratios are
 *    the interval (`resampledPercentileInterval`). One slow second moves the whole-run p99 a lot,
 *    and it moves the resamples the same way only when they draw it (about 2 in 3): the interval
 *    then reaches down to no change, and the check is inconclusive rather than failed.
 *  - a mean (mean latency, rps): the same resampling of the request-weighted mean of the windows'
 *    values, which is that mean exactly (`bootstrapChangeInterval`). Older baselines, stored
 *    without window histograms, fall back to it for percentiles too (the check's method says so).
 *  - error rate: a two-proportion (Wald) interval on the difference of the two rates.
 * A change only fails the gate when the whole 95 % interval lies beyond the rule.
 */
import type { BucketCounts } from '../metrics/histogram.js';

export interface WeightedSample {
  value: number;
  weight: number;
}

export interface Interval {
  lo: number;
  hi: number;
}

/** Deterministic PRNG (mulberry32): the same reports give the same interval. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weightedMean(xs: WeightedSample[]): number {
  let sum = 0;
  let w = 0;
  for (const x of xs) {
    sum += x.value * x.weight;
    w += x.weight;
  }
  return w > 0 ? sum / w : 0;
}

function resampledMean(xs: WeightedSample[], random: () => number): number {
  let sum = 0;
  let w = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[Math.floor(random() * xs.length)]!;
    sum += x.value * x.weight;
    w += x.weight;
  }
  return w > 0 ? sum / w : 0;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Fewer windows than this on either side and the spread cannot be estimated. */
export const MIN_WINDOWS = 3;

/**
 * 95 % interval (in %) of the relative change current/baseline − 1 of a windowed metric, centred on
 * `pointPct` (the change measured on the whole-run histograms): the bootstrap supplies the spread,
 * the histograms the location. Undefined when either run has too few windows.
 */
export function bootstrapChangeInterval(
  baseline: WeightedSample[],
  current: WeightedSample[],
  pointPct: number,
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): Interval | undefined {
  if (baseline.length < MIN_WINDOWS || current.length < MIN_WINDOWS) return undefined;
  const random = seededRandom(options.seed ?? 0x9e3779b9);
  const resamples = options.resamples ?? 2000;
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  // On the log scale, as for paired rounds: a ratio cannot fall below 0, so neither may the interval
  // fall below −100 %, and +25 % / −20 % are the same size.
  const centre = Math.log(weightedMean(current) / weightedMean(baseline));
  const logRatios: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const b = resampledMean(baseline, random);
    const c = resampledMean(current, random);
    if (b <= 0 || c <= 0) continue;
    logRatios.push(Math.log(c / b));
  }
  if (logRatios.length === 0 || !Number.isFinite(centre) || pointPct <= -100) return undefined;
  logRatios.sort((a, b) => a - b);
  const point = Math.log(1 + pointPct / 100);
  const at = (q: number): number => (Math.exp(point + quantile(logRatios, q) - centre) - 1) * 100;
  return { lo: at(alpha), hi: at(1 - alpha) };
}

/**
 * More windows than this are added into this many consecutive blocks before resampling: the cost
 * stays flat for an hour-long stage, and neighbouring seconds, which share a GC or a noisy
 * neighbour, are resampled together (a block bootstrap), which is the honest unit of noise.
 */
export const MAX_BLOCKS = 40;

interface Block {
  /** Positions in the shared value grid, ascending. */
  at: Int32Array;
  counts: Float64Array;
  total: number;
}

/** Consecutive windows added into at most `max` blocks of near-equal length. */
function intoBlocks(windows: BucketCounts[], max: number): BucketCounts[] {
  if (windows.length <= max) return windows;
  const out: BucketCounts[] = [];
  for (let k = 0; k < max; k++) {
    const from = Math.floor((k * windows.length) / max);
    const to = Math.floor(((k + 1) * windows.length) / max);
    const sum = new Map<number, number>();
    for (const w of windows.slice(from, to)) w.valuesUs.forEach((v, i) => sum.set(v, (sum.get(v) ?? 0) + w.counts[i]!));
    const values = [...sum.keys()].sort((a, b) => a - b);
    out.push({
      valuesUs: Float64Array.from(values),
      counts: Float64Array.from(values, (v) => sum.get(v)!),
      total: values.reduce((a, v) => a + sum.get(v)!, 0),
    });
  }
  return out;
}

/**
 * The value at `percentile` of counts laid on `grid`, by HdrHistogram's rule (the first bucket whose
 * running count reaches ⌈p·n⌉, at least 1): all windows once give the whole-run figure exactly.
 */
function percentileOnGrid(dense: Float64Array, grid: Float64Array, total: number, percentile: number): number {
  const exact = (percentile / 100) * total;
  const rank = Math.max(1, Math.ceil(exact - exact * 1e-12));
  let running = 0;
  for (let i = 0; i < dense.length; i++) {
    running += dense[i]!;
    if (running >= rank) return grid[i]!;
  }
  return grid[grid.length - 1] ?? 0;
}

/**
 * 95 % percentile-bootstrap interval (in %) of the change of one latency percentile between two
 * runs, from their windows' buckets (see the top of this file). Undefined when either run has fewer
 * than MIN_WINDOWS windows with requests.
 */
export function resampledPercentileInterval(
  baseline: BucketCounts[],
  current: BucketCounts[],
  percentile: number,
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): Interval | undefined {
  const base = intoBlocks(
    baseline.filter((w) => w.total > 0),
    MAX_BLOCKS,
  );
  const cur = intoBlocks(
    current.filter((w) => w.total > 0),
    MAX_BLOCKS,
  );
  if (base.length < MIN_WINDOWS || cur.length < MIN_WINDOWS) return undefined;
  // One grid of every bucket value either run holds, so a resample adds counts by position.
  const values = new Set<number>();
  for (const w of [...base, ...cur]) for (const v of w.valuesUs) values.add(v);
  const grid = Float64Array.from([...values].sort((a, b) => a - b));
  const position = new Map<number, number>();
  grid.forEach((v, i) => position.set(v, i));
  const toBlock = (w: BucketCounts): Block => ({ at: Int32Array.from(w.valuesUs, (v) => position.get(v)!), counts: w.counts, total: w.total });
  const baseBlocks = base.map(toBlock);
  const curBlocks = cur.map(toBlock);
  const dense = new Float64Array(grid.length);
  const random = seededRandom(options.seed ?? 0x9e3779b9);
  const resampled = (blocks: Block[]): number => {
    dense.fill(0);
    let total = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[Math.floor(random() * blocks.length)]!;
      for (let j = 0; j < b.at.length; j++) dense[b.at[j]!] += b.counts[j]!;
      total += b.total;
    }
    return percentileOnGrid(dense, grid, total, percentile);
  };
  const logRatios: number[] = [];
  for (let r = 0; r < (options.resamples ?? 2000); r++) {
    const b = resampled(baseBlocks);
    const c = resampled(curBlocks);
    if (b > 0 && c > 0) logRatios.push(Math.log(c / b));
  }
  if (logRatios.length < 2) return undefined;
  logRatios.sort((a, b) => a - b);
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  const pct = (q: number): number => (Math.exp(quantile(logRatios, q)) - 1) * 100;
  return { lo: pct(alpha), hi: pct(1 - alpha) };
}

/** 95 % interval of p2 − p1 (fractions), from x1/n1 and x2/n2. */
export function twoProportionInterval(x1: number, n1: number, x2: number, n2: number, z = 1.96): Interval {
  const p1 = n1 > 0 ? x1 / n1 : 0;
  const p2 = n2 > 0 ? x2 / n2 : 0;
  const d = p2 - p1;
  const se = Math.sqrt((n1 > 0 ? (p1 * (1 - p1)) / n1 : 0) + (n2 > 0 ? (p2 * (1 - p2)) / n2 : 0));
  return { lo: d - z * se, hi: d + z * se };
}

/**
 * Where an interval stands against a limit on the "worse" side (`worseIsUp` false for rps):
 *  - fail: the whole interval is beyond the limit (the change is real and too large);
 *  - pass: the whole interval is within it, or, given `point`, the measured change is within it and
 *    not distinguishable from zero (no evidence of any change: identical error rates on a few
 *    hundred requests must not warn forever);
 *  - warn: inconclusive (a real change that may exceed the rule, or a measured excess that the
 *    noise cannot confirm).
 */
export function judgeInterval(iv: Interval, limit: number, worseIsUp: boolean, point?: number): 'pass' | 'warn' | 'fail' {
  const beyond = (x: number): boolean => (worseIsUp ? x > limit : x < -limit);
  if (beyond(worseIsUp ? iv.lo : iv.hi)) return 'fail';
  if (!beyond(worseIsUp ? iv.hi : iv.lo)) return 'pass';
  if (point !== undefined && !beyond(point) && iv.lo <= 0 && iv.hi >= 0) return 'pass';
  return 'warn';
}
