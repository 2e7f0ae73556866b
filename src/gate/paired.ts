/**
 * A/B statistics: base and head ran the same load in alternating rounds on the same runner, so a
 * round's base and head share whatever the machine was doing then. The change is judged on the
 * paired differences of the rounds (log ratios, so +20 % and −17 % are the same size), with a
 * Student-t interval: with 6–10 rounds the t quantile, not the normal one, is the honest width.
 * Drift and noisy neighbours that hit both sides of a round cancel out of the pairs.
 *
 * Percentiles get a paired bootstrap over rounds: the judged number is the percentile of all a
 * side's rounds merged, and a round's own p95 (a thousand requests, latencies on a staircase of
 * timer ticks) jumps far more than the merged one does, so averaging per-round percentiles would
 * overstate the noise. Resampling whole rounds, the same ones on both sides, keeps the pairing and
 * measures the noise of the merged number itself.
 */
import type { Metric } from '../plan/types.js';
import type { StageReport } from '../model/report.js';
import { metricValue } from './metrics.js';
import { windowBootstrap, type ChangeEstimator } from './regression.js';
import { seededRandom, type Interval } from './statistics.js';
import { decodeHistogram, type Histogram } from '../metrics/histogram.js';

/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (95 % intervals). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df: number): number {
  if (df >= 1 && df <= T_975.length) return T_975[df - 1]!;
  // Beyond the table: the Cornish-Fisher step of t toward the normal quantile (2.021 at 40, 1.984 at 100).
  const z = 1.959964;
  return df > T_975.length ? z + (z ** 3 + z) / (4 * df) : z;
}

/** Fewer usable pairs than this and the spread of the pairs means little. */
export const MIN_PAIRS = 3;

/**
 * 95 % interval (in %) of the relative change head/base − 1, from paired per-round values: the
 * spread of the rounds' log ratios, centred on `pointPct` (the change of the merged histograms).
 * Undefined when fewer than MIN_PAIRS rounds have a positive value on both sides.
 */
export function pairedChangeInterval(base: number[], head: number[], pointPct: number): Interval | undefined {
  const d: number[] = [];
  for (let i = 0; i < Math.min(base.length, head.length); i++) {
    if (base[i]! > 0 && head[i]! > 0) d.push(Math.log(head[i]! / base[i]!));
  }
  if (d.length < MIN_PAIRS || pointPct <= -100) return undefined;
  return aroundChange(pointPct, (tQuantile975(d.length - 1) * sampleSd(d)) / Math.sqrt(d.length));
}

function sampleSd(xs: number[]): number {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

/** ± a half-width on the log scale around the measured change, back in %. */
function aroundChange(pointPct: number, halfWidth: number): Interval {
  const centre = Math.log(1 + pointPct / 100);
  return { lo: (Math.exp(centre - halfWidth) - 1) * 100, hi: (Math.exp(centre + halfWidth) - 1) * 100 };
}

/** Percentile step of the grid a round's latency distribution is kept on. */
const GRID_STEP = 0.05;
const GRID_POINTS = Math.round(100 / GRID_STEP) + 1;

/** A round's latency distribution: its request count and its quantile function on a fixed grid. */
export interface RoundDistribution {
  count: number;
  /** quantiles[i]: the latency (ms) at percentile i × GRID_STEP. */
  quantiles: Float64Array;
}

export function roundDistribution(h: Histogram): RoundDistribution {
  const quantiles = new Float64Array(GRID_POINTS);
  for (let i = 0; i < GRID_POINTS; i++) quantiles[i] = h.totalCount > 0 ? h.getValueAtPercentile(Math.min(100, i * GRID_STEP)) / 1000 : 0;
  return { count: h.totalCount, quantiles };
}

/** The share (0..1) of a round's requests at or below x, from its quantile grid. */
function cdf(d: RoundDistribution, x: number): number {
  const q = d.quantiles;
  if (x < q[0]!) return 0;
  let lo = 0;
  let hi = q.length - 1;
  if (x >= q[hi]!) return 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (q[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return (lo * GRID_STEP) / 100;
}

/** Percentile p of several rounds taken together (each weighted by its requests): bisection on F. */
export function mixtureQuantile(parts: RoundDistribution[], p: number): number {
  const total = parts.reduce((a, d) => a + d.count, 0);
  if (total === 0) return 0;
  let lo = Math.min(...parts.map((d) => d.quantiles[0]!));
  let hi = Math.max(...parts.map((d) => d.quantiles[d.quantiles.length - 1]!));
  const target = p / 100;
  for (let i = 0; i < 50 && hi - lo > 1e-6 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    const f = parts.reduce((a, d) => a + d.count * cdf(d, mid), 0) / total;
    if (f >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * 95 % interval (in %) of the change of a percentile between the merged rounds of two sides,
 * centred on `pointPct`: whole rounds resampled in pairs; the bootstrap's standard error of the
 * log ratio, widened by a Student-t factor for the few rounds there are.
 */
export function pairedBootstrapInterval(
  base: RoundDistribution[],
  head: RoundDistribution[],
  percentile: number,
  pointPct: number,
  options: { resamples?: number; seed?: number } = {},
): Interval | undefined {
  const n = Math.min(base.length, head.length);
  if (n < MIN_PAIRS || pointPct <= -100) return undefined;
  const random = seededRandom(options.seed ?? 0x85ebca6b);
  const logs: number[] = [];
  const pickedBase: RoundDistribution[] = new Array(n);
  const pickedHead: RoundDistribution[] = new Array(n);
  for (let r = 0; r < (options.resamples ?? 1000); r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      pickedBase[i] = base[k]!;
      pickedHead[i] = head[k]!;
    }
    const b = mixtureQuantile(pickedBase, percentile);
    const h = mixtureQuantile(pickedHead, percentile);
    if (b > 0 && h > 0) logs.push(Math.log(h / b));
  }
  if (logs.length < 2) return undefined;
  return aroundChange(pointPct, tQuantile975(n - 1) * sampleSd(logs) * Math.sqrt(n / (n - 1)));
}

const PERCENTILES: Partial<Record<Metric, number>> = { p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9 };

/** One stage's rounds, in run order: round i of base was paired with round i of head. */
export interface StageRounds {
  base: StageReport[];
  head: StageReport[];
}

/**
 * The A/B estimator: paired rounds where a stage has them, else (a spike runs once per side) the
 * bootstrap over both sides' windows, as for a stored baseline.
 */
export function pairedRounds(rounds: ReadonlyMap<string, StageRounds>): ChangeEstimator {
  // Decoded once per stage, however many percentile rules read them.
  const distributions = new Map<string, { base: RoundDistribution[]; head: RoundDistribution[] }>();
  const distributionsOf = (name: string, r: StageRounds) => {
    let d = distributions.get(name);
    if (!d) {
      const of = (side: StageReport[]) => side.map((s) => roundDistribution(decodeHistogram(s.histogram)));
      d = { base: of(r.base), head: of(r.head) };
      distributions.set(name, d);
    }
    return d;
  };
  return (metric: Metric, before, after, pointPct) => {
    const r = rounds.get(after.name);
    if (r && r.base.length >= MIN_PAIRS) {
      const percentile = PERCENTILES[metric];
      if (percentile !== undefined && r.base.every((s) => s.histogram) && r.head.every((s) => s.histogram)) {
        const d = distributionsOf(after.name, r);
        const interval = pairedBootstrapInterval(d.base, d.head, percentile, pointPct);
        if (interval) return { interval, method: `paired-bootstrap(rounds=${r.base.length})` };
      }
      const values = (side: StageReport[]): number[] => side.map((s) => metricValue(s, metric) ?? 0);
      const interval = pairedChangeInterval(values(r.base), values(r.head), pointPct);
      if (interval) return { interval, method: `paired-rounds(n=${r.base.length})` };
    }
    return windowBootstrap(metric, before, after, pointPct);
  };
}
