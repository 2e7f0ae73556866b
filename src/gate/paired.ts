/**
 * A/B statistics: base and head ran the same load in alternating rounds on the same runner, so a
 * round's base and head share whatever the machine was doing then. The change is judged on the
 * paired differences of the rounds (log ratios, so +20 % and −17 % are the same size), with a
 * Student-t interval: with 6–10 rounds the t quantile, not the normal one, is the honest width.
 * Drift and noisy neighbours that hit both sides of a round cancel out of the pairs.
 */
import type { Metric } from '../plan/types.js';
import type { StageReport } from '../report/types.js';
import { metricValue } from './metrics.js';
import { windowBootstrap, type ChangeEstimator } from './regression.js';
import type { Interval } from './statistics.js';

/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (95 % intervals). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df: number): number {
  return df >= 1 && df <= T_975.length ? T_975[df - 1]! : 1.96;
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
  const mean = d.reduce((a, x) => a + x, 0) / d.length;
  const variance = d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1);
  const halfWidth = (tQuantile975(d.length - 1) * Math.sqrt(variance)) / Math.sqrt(d.length);
  const centre = Math.log(1 + pointPct / 100);
  return { lo: (Math.exp(centre - halfWidth) - 1) * 100, hi: (Math.exp(centre + halfWidth) - 1) * 100 };
}

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
  return (metric: Metric, before, after, pointPct) => {
    const r = rounds.get(after.name);
    if (r && r.base.length >= MIN_PAIRS) {
      const values = (side: StageReport[]): number[] => side.map((s) => metricValue(s, metric) ?? 0);
      const interval = pairedChangeInterval(values(r.base), values(r.head), pointPct);
      if (interval) return { interval, method: `paired-rounds(n=${r.base.length})` };
    }
    return windowBootstrap(metric, before, after, pointPct);
  };
}
