/**
 * Noise bands from the history of past runs (`"+3σ"`, `"band"`): median ± k·σ̂, with
 * σ̂ = 1.4826·MAD. The median and the MAD shrug off a few odd runs (a noisy neighbour, a cold
 * cache), which a mean and a standard deviation would not. Pure: reports in, numbers and checks out.
 */
import type { Metric, RegressionRule } from '../plan/types.js';
import type { Check, StageReport } from '../model/report.js';
import { fmtMetric, fmtSigned } from '../model/format.js';
import { LATENCY_METRICS, metricValue, missingValue, ruleApplies } from './metrics.js';
import { stepResolution, stoppedAtMaxNote } from './regression.js';
import { quantile } from './statistics.js';
import type { StageBand } from '../model/records.js';
export type { StageBand };

/** Fewer past values than this: the band cannot be trusted. */
export const MIN_HISTORY = 5;

/** Past runs looked at, newest first: older ones describe a codebase that has moved on. */
const MAX_HISTORY = 20;

/** 1.4826·MAD estimates the standard deviation of normal data. */
const MAD_TO_SIGMA = 1.4826;

const DEFAULT_POSITION_METRICS: Metric[] = ['p50', 'p95', 'p99', 'error_rate', 'rps', 'breaking_point'];

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export interface NoiseBand {
  n: number;
  median: number;
  mad: number;
  sigma: number;
  lo: number;
  hi: number;
  k: number;
}

const median = (values: number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** median ± k·σ̂ with σ̂ = max(1.4826·MAD, floor); lo/hi are median − k·σ̂ and median + k·σ̂. */
export function noiseBand(values: number[], k: number, floor = 0): NoiseBand {
  if (values.length === 0) throw new RangeError('noiseBand needs at least one value');
  const mid = median(values);
  const mad = median(values.map((v) => Math.abs(v - mid)));
  const sigma = Math.max(MAD_TO_SIGMA * mad, floor);
  return { n: values.length, median: mid, mad, sigma, lo: mid - k * sigma, hi: mid + k * sigma, k };
}

/**
 * The σ floor for a metric, so an almost constant history does not fail on a tiny change:
 * latency metrics and rps: 1% of |median|; error_rate: the binomial standard error
 * sqrt(p(1−p)/requests) with p = max(median, 1/requests) (requests = the current stage's request
 * count); recovery: one 1-s window (1000 ms); others: 0.
 */
export function sigmaFloor(metric: Metric, median: number, requests: number, stressStep = 0): number {
  if (LATENCY_METRICS.has(metric) || metric === 'rps') return 0.01 * Math.abs(median);
  // A breaking point moves in whole steps: one step is the least change that means anything.
  if (metric === 'breaking_point') return stressStep;
  // Recovery is counted in whole 1-s windows: one window is the least change that means anything.
  if (metric === 'recovery') return 1000;
  if (metric === 'error_rate') {
    if (requests <= 0) return 0;
    // A history of zero errors still leaves room for one error in this run's sample.
    const p = Math.max(median, 1 / requests);
    return Math.sqrt((p * (1 - p)) / requests);
  }
  return 0;
}

/** The metric's values in past runs that have this stage, newest first, at most MAX_HISTORY. */
function pastValues(history: StageReport[][], stage: string, metric: Metric): number[] {
  const values: number[] = [];
  for (const run of history) {
    const s = run.find((r) => r.name === stage);
    const v = s ? metricValue(s, metric) : null;
    if (v !== null && Number.isFinite(v)) values.push(v);
    if (values.length === MAX_HISTORY) break;
  }
  return values;
}

function bandFor(history: StageReport[][], stage: StageReport, metric: Metric, k: number): { current: number; values: number[]; band?: NoiseBand } | undefined {
  if (!ruleApplies(stage, metric)) return undefined;
  const current = metricValue(stage, metric);
  if (current === null) return undefined;
  const values = pastValues(history, stage.name, metric);
  if (values.length < MIN_HISTORY) return { current, values };
  const floor = sigmaFloor(metric, median(values), stage.requests, stage.stress && stepResolution(stage.stress, stage.stress.breaking_point));
  return { current, values, band: noiseBand(values, k, floor) };
}

/**
 * Where the current run falls in each metric's history, for stages with >= MIN_HISTORY past values.
 * history: past runs newest first, each the list of that run's StageReports. Metrics whose history
 * has no spread at all (σ̂ = 0) are left out: there is no scale to place the run on.
 */
export function bandPositions(history: StageReport[][], current: StageReport[], metrics: Metric[] = DEFAULT_POSITION_METRICS): StageBand[] {
  const bands: StageBand[] = [];
  for (const stage of current) {
    for (const metric of metrics) {
      const found = bandFor(history, stage, metric, 3);
      if (!found?.band || found.band.sigma === 0) continue;
      const { band } = found;
      bands.push({
        stage: stage.name,
        metric,
        n: band.n,
        median: band.median,
        sigma: band.sigma,
        current: found.current,
        position_sigma: round((found.current - band.median) / band.sigma),
      });
    }
  }
  return bands;
}

/** Checks for the rules whose unit is 'sigma' (ignore all others). */
export function evaluateBandRules(rules: RegressionRule[], history: StageReport[][], current: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of current) {
    for (const rule of rules) {
      if (rule.unit !== 'sigma') continue;
      const found = bandFor(history, stage, rule.metric, rule.amount);
      if (!found) {
        // No value: the worst outcome, or a figure an import lacks, is said; never dropped in silence.
        const missing = ruleApplies(stage, rule.metric) ? missingValue(stage, rule.metric) : undefined;
        if (missing)
          checks.push({
            stage: stage.name,
            metric: rule.metric,
            kind: 'regression',
            current: null,
            limit: rule.raw,
            method: 'history-band',
            ...missing,
            ...(missing.verdict === 'fail' ? { significant: true } : {}),
          });
        continue;
      }
      const base = { stage: stage.name, metric: rule.metric, kind: 'regression' as const, current: found.current, limit: rule.raw, method: 'history-band' };
      if (!found.band) {
        // Never switch the rule off in silence: a new stage or a young history is said out loud.
        checks.push({
          ...base,
          verdict: 'warn',
          note: `history band needs ${MIN_HISTORY} past runs with this stage, found ${found.values.length}: not judged`,
        });
        continue;
      }
      const { band, current: c } = found;
      const outside = c > band.hi || c < band.lo;
      const worse = rule.direction === 'increase' ? c > band.hi : c < band.lo;
      const position = band.sigma > 0 ? round((c - band.median) / band.sigma) : undefined;
      const range = `band ${fmtMetric(rule.metric, band.lo)} – ${fmtMetric(rule.metric, band.hi)}`;
      // A stress run that broke nothing only says "at least its max": below the band is not a loss.
      const stoppedAtMax = worse && rule.metric === 'breaking_point' && stage.stress?.reached_max === true;
      checks.push({
        ...base,
        baseline: band.median,
        delta_pct: band.median !== 0 ? round(((c - band.median) / band.median) * 100) : null,
        significant: outside,
        verdict: stoppedAtMax ? 'warn' : worse ? 'fail' : 'pass',
        note: stoppedAtMax
          ? stoppedAtMaxNote(stage.stress!, `the history's band (${range})`)
          : position !== undefined
            ? `${fmtSigned(position, 'σ')} from the median of ${band.n} past runs (${range})`
            : `the ${band.n} past runs show no spread (σ̂ = 0), so any change leaves the band (${range})`,
        band: { n: band.n, median: band.median, sigma: band.sigma, lo: band.lo, hi: band.hi },
        ...(position !== undefined ? { position_sigma: position } : {}),
      });
    }
  }
  return checks;
}
