/**
 * Rules against the baseline (`regression:`), for every stage the baseline also has. Each check
 * carries the interval and the method; only a change whose whole interval is beyond the rule fails.
 * Where the spread comes from is pluggable (`ChangeEstimator`): a stored baseline uses the 1-s
 * windows of both runs, an A/B run the paired rounds.
 */
import type { Metric, RegressionRule } from '../plan/types.js';
import type { Check, StageReport, StressOutcome } from '../model/report.js';
import { absentNote, metricValue, PERCENTILE_OF, resourceNote, ruleApplies, windowBuckets, windowColumn, windowSamples } from './metrics.js';
import { fmtSigned } from '../model/format.js';
import {
  bootstrapChangeInterval,
  judgeInterval,
  resampledPercentileInterval,
  twoProportionInterval,
  type Interval,
  type WeightedSample,
} from './statistics.js';
import { cpuWindows } from '../metrics/resources.js';

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** The 95 % interval (in %) of a metric's relative change, centred on `pointPct`, and how it was found. */
export type ChangeEstimator = (metric: Metric, before: StageReport, after: StageReport, pointPct: number) => { interval: Interval; method: string } | undefined;

/** A percentile's interval from resampled windows' histograms (gate/statistics.ts). */
export const PERCENTILE_METHOD = 'bootstrap-windows(percentile)';

/**
 * Stored baselines: a bootstrap over both runs' 1-second windows. A percentile resamples the
 * windows' histograms and takes that percentile of their sum; a mean (and rps) resamples the
 * windows' values. A report without window histograms (stored before they were kept) falls back
 * for percentiles to the spread of the windows' own percentiles, and the method says so.
 */
export const windowBootstrap: ChangeEstimator = (metric, before, after, pointPct) => {
  if (metric === 'cpu_per_request') {
    const interval = bootstrapChangeInterval(cpuRatioSamples(before), cpuRatioSamples(after), pointPct);
    return interval && { interval, method: RATIO_METHOD };
  }
  const percentile = PERCENTILE_OF[metric];
  const beforeBuckets = percentile === undefined ? undefined : windowBuckets(before);
  const afterBuckets = percentile === undefined ? undefined : windowBuckets(after);
  if (percentile !== undefined && beforeBuckets && afterBuckets) {
    const interval = resampledPercentileInterval(beforeBuckets, afterBuckets, percentile);
    return interval && { interval, method: PERCENTILE_METHOD };
  }
  const column = windowColumn(metric);
  if (!column) return undefined;
  const interval = bootstrapChangeInterval(windowSamples(before, column.key), windowSamples(after, column.key), pointPct);
  if (!interval) return undefined;
  if (percentile === undefined) return { interval, method: 'bootstrap-windows' };
  const lacking = !beforeBuckets ? 'the baseline has' : 'this run has';
  return { interval, method: `bootstrap-windows(mean of window ${column.key}s: ${lacking} no window histograms)` };
};

/** CPU per request: whole windows resampled, their CPU and requests summed, the ratio taken. */
export const RATIO_METHOD = 'bootstrap-windows(ratio)';

/**
 * A window's CPU ms per request weighted by its requests: the weighted mean of any draw of windows
 * is Σcpu / Σrequests of that draw, the ratio of sums. The first and last windows are left out when
 * there are enough (ramp-up and drain: the drain's CPU has no requests started in its window).
 */
export function cpuRatioSamples(s: StageReport): WeightedSample[] {
  const ws = cpuWindows(s.timeline);
  const steady = ws.length >= 5 ? ws.slice(1, -1) : ws;
  return steady.map((w) => ({ value: w.cpuMs / w.requests, weight: w.requests }));
}

const ruleOf = (
  metric: Metric,
  raw: string,
  amount: number,
  direction: RegressionRule['direction'] = 'increase',
  unit: RegressionRule['unit'] = 'pct',
): RegressionRule => ({
  metric,
  direction,
  unit,
  amount,
  raw,
});

/**
 * Rules used when the plan has no `regression:` section, per stage kind: what a change in that
 * kind of stage means. Steady stages gate latency and throughput; a spike or a burst is about
 * errors and getting back to normal, where percentiles over a deliberately overloaded stretch
 * are mostly noise.
 */
const LATENCY_RULES = [ruleOf('p50', '+10%', 10), ruleOf('p95', '+15%', 15), ruleOf('p99', '+25%', 25)];
const ERROR_RULE = ruleOf('error_rate', '+0.5pp', 0.005, 'increase', 'pp');

export const DEFAULT_REGRESSION: Record<string, RegressionRule[]> = {
  // One user back to back: its rps is 1/latency, already judged.
  baseline: [...LATENCY_RULES, ERROR_RULE],
  load: [...LATENCY_RULES, ERROR_RULE, ruleOf('rps', '-10%', 10, 'decrease')],
  spike: [ERROR_RULE, ruleOf('recovery', '+50%', 50)],
  burst: [ERROR_RULE],
  // The steps' latency and errors are its break conditions; what a change means is a lower breaking point.
  stress: [ruleOf('breaking_point', '-10%', 10, 'decrease')],
  soak: [...LATENCY_RULES, ERROR_RULE, ruleOf('rps', '-10%', 10, 'decrease')],
};

/**
 * The rules for one stage: the plan's (every stage) or the defaults of its kind. Only breaking_point
 * judges a stress stage, so a plan whose rules hold none (say `regression: { p95: "+15%" }`) keeps
 * the stress default rather than switching its gating off unasked; `regression: {}` is still off.
 */
export function rulesForStage(planRules: RegressionRule[] | undefined, kind: string): RegressionRule[] {
  if (planRules && (kind !== 'stress' || planRules.length === 0 || planRules.some((r) => r.metric === 'breaking_point'))) return planRules;
  return DEFAULT_REGRESSION[kind] ?? DEFAULT_REGRESSION.load!;
}

export function evaluateRegressions(
  rules: RegressionRule[] | undefined,
  baseline: StageReport[],
  current: StageReport[],
  estimate: ChangeEstimator = windowBootstrap,
): Check[] {
  const checks: Check[] = [];
  for (const stage of current) {
    const before = baseline.find((b) => b.name === stage.name);
    if (!before) {
      // Never switch regression gating off in silence (a renamed stage, a partial baseline).
      checks.push({
        stage: stage.name,
        metric: 'baseline',
        kind: 'regression',
        current: null,
        limit: '—',
        method: 'none',
        verdict: 'warn',
        note: `the baseline has no stage "${stage.name}": nothing to compare (baseline stages: ${baseline.map((b) => b.name).join(', ') || 'none'})`,
      });
      continue;
    }
    // Band rules ("+3σ") are judged against the history, not one baseline (band.ts).
    for (const r of rulesForStage(rules, stage.kind)) {
      if (r.unit === 'sigma' || !ruleApplies(stage, r.metric)) continue;
      const check = regressionCheck(r, before, stage, estimate);
      if (check) checks.push(check);
      else if (rules) {
        // A rule the plan asks for, on a figure an imported run lacks: never dropped in silence.
        const why = absentNote(stage, r.metric) ?? absentNote(before, r.metric) ?? resourceAbsent(r.metric, before, stage);
        if (why)
          checks.push({
            stage: stage.name,
            metric: r.metric,
            kind: 'regression',
            current: metricValue(stage, r.metric),
            baseline: metricValue(before, r.metric),
            limit: r.raw,
            method: 'none',
            verdict: 'warn',
            note: why,
          });
      }
    }
  }
  return checks;
}

/** A rule on the app's CPU whose figure one side lacks: why (a source that cannot be read warns, never fails). */
function resourceAbsent(metric: Metric, before: StageReport, after: StageReport): string | undefined {
  if (metric !== 'cpu_per_request') return undefined;
  if (metricValue(after, metric) === null) return resourceNote(after, metric);
  if (metricValue(before, metric) === null) return `the baseline has no CPU per request: ${resourceNote(before, metric)}`;
  return undefined;
}

export function regressionCheck(rule: RegressionRule, before: StageReport, after: StageReport, estimate: ChangeEstimator = windowBootstrap): Check | undefined {
  if (rule.metric === 'recovery') return recoveryCheck(rule, before, after);
  if (rule.metric === 'breaking_point') return breakingPointCheck(rule, before, after);
  if (rule.metric === 'rss_peak') return peakMemoryCheck(rule, before, after);
  const b = metricValue(before, rule.metric);
  const c = metricValue(after, rule.metric);
  if (b === null || c === null) return undefined;
  const base = { stage: after.name, metric: rule.metric, kind: 'regression' as const, baseline: b, current: c, limit: rule.raw };
  const worseIsUp = rule.direction === 'increase';

  if (rule.metric === 'error_rate') {
    const iv = twoProportionInterval(before.errors, before.requests, after.errors, after.requests);
    const deltaPp = (c - b) * 100;
    const ivPp: Interval = { lo: iv.lo * 100, hi: iv.hi * 100 };
    const verdict = judgeErrorRateChange(rule, b, deltaPp, ivPp, worseIsUp);
    return {
      ...base,
      delta_pct: b > 0 ? round(((c - b) / b) * 100) : null,
      delta_pp: round(deltaPp, 3),
      interval_pp: [round(ivPp.lo, 3), round(ivPp.hi, 3)],
      method: 'two-proportion',
      significant: ivPp.lo > 0 || ivPp.hi < 0,
      verdict,
      ...inconclusive(verdict, ivPp, deltaPp, 'pp', rule.raw),
    };
  }

  if (b === 0) {
    return { ...base, delta_pct: null, method: 'none', verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
  }
  const deltaPct = ((c - b) / b) * 100;
  if (c === 0 && b > 0) {
    // Down to nothing (no throughput at all): no ratio has a spread, and none is needed.
    return { ...base, delta_pct: -100, method: 'none', significant: true, verdict: worseIsUp ? 'pass' : 'fail', note: `dropped from ${b} to 0` };
  }
  if (before.imported || after.imported) return importedPointCheck(rule, base, deltaPct, worseIsUp, before, after);
  const found = estimate(rule.metric, before, after, deltaPct);
  if (!found) {
    // Too few windows to measure noise: judge the point estimate, but never fail on it alone.
    const pointVerdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
    return {
      ...base,
      delta_pct: round(deltaPct),
      method: 'point-estimate',
      significant: false,
      verdict: pointVerdict === 'fail' ? 'warn' : pointVerdict,
      note: `inconclusive: too few samples to measure the noise (under 3 windows or rounds per run)${pointVerdict === 'fail' ? `; the measured change ${fmtSigned(deltaPct, '%')} exceeds ${rule.raw}` : ''}`,
    };
  }
  const iv = found.interval;
  const verdict = judgeInterval(iv, rule.amount, worseIsUp, deltaPct);
  return {
    ...base,
    delta_pct: round(deltaPct),
    interval_pct: [round(iv.lo), round(iv.hi)],
    method: found.method,
    significant: iv.lo > 0 || iv.hi < 0,
    verdict,
    ...inconclusive(verdict, iv, deltaPct, '%', rule.raw),
  };
}

export const IMPORTED_POINT_METHOD = 'point (imported)';

/**
 * Imported results (`compare --from k6|locust`) are one summary per run: no windows, no histogram,
 * so no noise estimate. The measured change is judged as it is, and fails when it is beyond the
 * rule; the check says so and claims no significance. (Their error_rate still gets the
 * two-proportion interval above: it needs only the counts.)
 */
function importedPointCheck(
  rule: RegressionRule,
  base: Pick<Check, 'stage' | 'metric' | 'kind' | 'baseline' | 'current' | 'limit'>,
  deltaPct: number,
  worseIsUp: boolean,
  before: StageReport,
  after: StageReport,
): Check {
  const verdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
  const tool = (after.imported ?? before.imported)!.tool;
  return {
    ...base,
    delta_pct: round(deltaPct),
    method: IMPORTED_POINT_METHOD,
    significant: false,
    verdict,
    note: `point comparison: ${tool} results hold one summary per run, no per-second data, so the noise is not measured`,
  };
}

/** A warn from an interval that straddles the rule says so, with the size of the noise. */
function inconclusive(verdict: string, iv: Interval, point: number, unit: string, limit: string): { note?: string } {
  if (verdict !== 'warn') return {};
  const noise = Math.max(point - iv.lo, iv.hi - point);
  return {
    note: `inconclusive: noise ±${noise.toFixed(unit === 'pp' ? 2 : 1)}${unit} around ${fmtSigned(point, unit, unit === 'pp' ? 2 : 1)} straddles ${limit}`,
  };
}

/**
 * Peak memory against the baseline's. One figure per run with no per-window spread to resample (a
 * peak is one moment), so it is compared as measured, like an imported figure: beyond the rule fails.
 * A source that could not be read on either side warns, saying which.
 */
export function peakMemoryCheck(rule: RegressionRule, before: StageReport, after: StageReport): Check | undefined {
  if (!before.resources && !after.resources) return undefined;
  const b = metricValue(before, 'rss_peak');
  const c = metricValue(after, 'rss_peak');
  const base = { stage: after.name, metric: 'rss_peak', kind: 'regression' as const, baseline: b, current: c, limit: rule.raw, method: PEAK_METHOD };
  if (c === null) return { ...base, verdict: 'warn', note: resourceNote(after, 'rss_peak') };
  if (b === null) return { ...base, verdict: 'warn', note: `the baseline has no peak memory: ${resourceNote(before, 'rss_peak')}` };
  if (b === 0) return { ...base, delta_pct: null, verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
  if (rule.unit !== 'pct') return undefined;
  const deltaPct = ((c - b) / b) * 100;
  const verdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, rule.direction === 'increase');
  return {
    ...base,
    delta_pct: round(deltaPct),
    significant: verdict === 'fail',
    verdict,
    note: `${b} MB → ${c} MB: one peak per run (read once a second), compared as measured`,
  };
}

export const PEAK_METHOD = 'point (peak)';

/** Recovery is measured in whole 1-s windows: a change is only real beyond that resolution. */
const RECOVERY_RESOLUTION_MS = 1000;

/**
 * Spike recovery against the baseline's. One number per run, so the noise is the window
 * resolution: the change fails only when it exceeds the rule by more than one window, and a
 * baseline that recovered at once (0 s) is taken as one window, so "+50%" still means something.
 */
export function recoveryCheck(rule: RegressionRule, before: StageReport, after: StageReport): Check | undefined {
  if (!before.spike || !after.spike || rule.unit !== 'pct') return undefined;
  const b = before.spike.recovery_ms;
  const c = after.spike.recovery_ms;
  const base = { stage: after.name, metric: 'recovery', kind: 'regression' as const, baseline: b, current: c, limit: rule.raw, method: 'window-resolution' };
  if (b === null) {
    return {
      ...base,
      verdict: c === null ? 'warn' : 'pass',
      note: c === null ? 'neither run recovered within the stage: nothing to compare' : 'the baseline never recovered; this run did',
    };
  }
  if (c === null) {
    return {
      ...base,
      verdict: 'fail',
      significant: true,
      note: `p95 never returned within 20% of its pre-spike value (the baseline recovered in ${(b / 1000).toFixed(0)} s)`,
    };
  }
  const denominator = Math.max(b, RECOVERY_RESOLUTION_MS);
  const pct = (x: number): number => ((x - b) / denominator) * 100;
  const iv = { lo: pct(c - RECOVERY_RESOLUTION_MS), hi: pct(c + RECOVERY_RESOLUTION_MS) };
  // One window either way is what the measurement can tell apart, no more.
  const verdict = Math.abs(c - b) <= RECOVERY_RESOLUTION_MS ? 'pass' : judgeInterval(iv, rule.amount, rule.direction === 'increase', pct(c));
  return {
    ...base,
    delta_pct: round(pct(c)),
    interval_pct: [round(iv.lo), round(iv.hi)],
    significant: iv.lo > 0 || iv.hi < 0,
    verdict,
    ...inconclusive(verdict, iv, pct(c), '%', rule.raw),
  };
}

type Stepping = Pick<StressOutcome, 'unit' | 'from' | 'step' | 'levels'>;

const sameSteps = (a: Stepping, b: Stepping): boolean =>
  a.unit === b.unit && (a.levels || b.levels ? a.levels?.join() === b.levels?.join() : a.step === b.step && a.from === b.from);

const describeSteps = (x: Stepping): string => {
  const unit = x.unit === 'vus' ? ' users' : '/s';
  return x.levels ? `levels ${x.levels.join(', ')}${unit}` : `from ${x.from} by ${x.step}${unit}`;
};

/**
 * The least change of breaking point the steps can show at `level`: one step; for listed levels,
 * the larger gap from `level` to its neighbours in the list (the levels may be far apart).
 */
export function stepResolution(x: Pick<StressOutcome, 'step' | 'levels'>, level: number | null): number {
  if (!x.levels) return x.step;
  const i = level === null ? -1 : x.levels.indexOf(level);
  const gaps = x.levels.slice(1).map((l, k) => l - x.levels![k]!);
  if (i < 0) return gaps.length ? Math.min(...gaps) : 0;
  return Math.max(i > 0 ? gaps[i - 1]! : 0, i < gaps.length ? gaps[i]! : 0);
}

/** A run that reached its max below what it is compared with: its capacity is unknown, not lower. */
export function stoppedAtMaxNote(stress: StressOutcome, below: string): string {
  return `this run stopped at its max (${stress.max}${stress.unit === 'vus' ? ' users' : '/s'}), below ${below}: not comparable`;
}

/**
 * A stress stage's breaking point against the baseline's. One number per run, measured in whole
 * steps: like recovery, the noise is the resolution, so a change of one step passes (a target at
 * the edge of a step can land either side of it), and beyond that the change ± one step must be
 * past the rule. A lower breaking point is worse (rules like "-10%").
 */
export function breakingPointCheck(rule: RegressionRule, before: StageReport, after: StageReport): Check | undefined {
  if (!before.stress || !after.stress || rule.unit !== 'pct') return undefined;
  const b = before.stress.breaking_point;
  const c = after.stress.breaking_point;
  const unit = after.stress.unit === 'vus' ? ' users' : '/s';
  const base = {
    stage: after.name,
    metric: 'breaking_point',
    kind: 'regression' as const,
    baseline: b,
    current: c,
    limit: rule.raw,
    method: 'step-resolution',
  };
  if (!sameSteps(before.stress, after.stress)) {
    return { ...base, verdict: 'warn', note: `the baseline stepped differently (${describeSteps(before.stress)}): not comparable` };
  }
  // Cut short (abort_when, target_down, Ctrl-C) before a step ended: nothing was judged, so nothing broke.
  if (after.stress.steps.length === 0)
    return { ...base, verdict: 'warn', note: 'no step of this run ran to its end (the stage was cut short): nothing to compare' };
  if (b === null) {
    return {
      ...base,
      verdict: c === null ? 'warn' : 'pass',
      note: c === null ? 'the first step broke in both runs: nothing to compare' : 'the baseline broke at its first step; this run did not',
    };
  }
  if (c === null) {
    return { ...base, verdict: 'fail', significant: true, note: `the first step broke (the baseline held up to ${b}${unit})` };
  }
  // Nothing broke in this run: it only says "at least its max", which cannot be lower than anything.
  if (after.stress.reached_max && c < b)
    return { ...base, verdict: 'warn', note: stoppedAtMaxNote(after.stress, `the baseline's breaking point (${b}${unit})`) };
  const resolution = stepResolution(after.stress, c);
  const pct = (x: number): number => ((x - b) / b) * 100;
  const iv = { lo: pct(c - resolution), hi: pct(c + resolution) };
  const worseIsUp = rule.direction === 'increase';
  const levels = after.stress.levels;
  const steps = levels ? levels.indexOf(c) - levels.indexOf(b) : Math.round((c - b) / resolution);
  const verdict = Math.abs(c - b) <= resolution + 1e-9 ? 'pass' : judgeInterval(iv, rule.amount, worseIsUp, pct(c));
  const moved = steps === 0 ? 'the same step' : `${Math.abs(steps)} step${Math.abs(steps) === 1 ? '' : 's'} ${steps > 0 ? 'higher' : 'lower'}`;
  const why = Math.abs(steps) === 1 ? "; one step is the measurement's resolution (a target near a step's edge lands either side of it), so it passes" : '';
  return {
    ...base,
    delta_pct: round(pct(c)),
    interval_pct: [round(iv.lo), round(iv.hi)],
    significant: Math.abs(c - b) > resolution,
    verdict,
    note: `${b}${unit} → ${c}${unit}: ${moved} (${levels ? describeSteps(after.stress) : `steps of ${resolution}${unit}`})${why}`,
  };
}

/**
 * An error-rate change judged by its rule: "+0.5pp" (amount 0.005 as a fraction) compared in pp; a
 * "%" rule relative to the baseline rate, the pp interval divided by it (a 0 baseline: any rise).
 */
export function judgeErrorRateChange(rule: Pick<RegressionRule, 'unit' | 'amount'>, before: number, deltaPp: number, ivPp: Interval, worseIsUp: boolean) {
  if (rule.unit === 'pp') return judgeInterval(ivPp, rule.amount * 100, worseIsUp, deltaPp);
  if (before > 0) return judgeInterval({ lo: ivPp.lo / before, hi: ivPp.hi / before }, rule.amount, worseIsUp, deltaPp / before);
  return judgeInterval(ivPp, 0, worseIsUp, deltaPp);
}
