/**
 * Is a change real or run-to-run noise? Two estimators, both pure and seeded so a verdict is
 * reproducible from the two reports alone:
 *  - latency and throughput: a bootstrap over the 1-second windows of both runs. Each resample
 *    draws windows with replacement from each run and takes the request-weighted mean of the
 *    window metric; the spread of the resampled log ratios is the noise. A change only fails the gate
 *    when the whole 95 % interval lies beyond the rule.
 *  - error rate: a two-proportion (Wald) interval on the difference of the two rates.
 */

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
