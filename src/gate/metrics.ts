/** Reading a named metric out of a stage report: the whole-run value and the per-window values. */
import type { Metric } from '../plan/types.js';
import type { Check, StageReport } from '../model/report.js';
import { fmtMetric } from '../model/format.js';
import type { WeightedSample } from './statistics.js';
import type { TimelineWindow, WindowColumn } from '../metrics/timeline.js';
import { decodeHistogram, histogramBuckets, type BucketCounts } from '../metrics/histogram.js';

export const LATENCY_METRICS = new Set(['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);

/** The whole-run value, or null when the stage does not have it (recovery outside a spike). */
export function metricValue(s: StageReport, metric: Metric): number | null {
  // `?? null`: an imported stage holds null for a percentile its tool did not report (StageReport.imported).
  if (LATENCY_METRICS.has(metric)) return s.requests > 0 ? (s.latency_ms[metric as keyof StageReport['latency_ms']] ?? null) : null;
  switch (metric) {
    case 'error_rate':
      return s.error_rate;
    case 'rps':
      return s.rps;
    case 'requests':
      return s.requests;
    case 'errors':
      return s.errors;
    case 'recovery':
      return s.spike ? s.spike.recovery_ms : null;
    case 'breaking_point':
      return s.stress ? s.stress.breaking_point : null;
    case 'drift':
      return s.soak ? s.soak.drift.delta_pct : null;
    case 'memory_growth':
      return s.soak?.memory ? s.soak.memory.growth_pct : null;
    case 'cpu_per_request':
      return s.resources?.cpu_ms_per_request ?? null;
    case 'rss_peak':
      return s.resources?.rss_mb_peak ?? null;
    default:
      return null;
  }
}

/** k6's name of a percentile, for the hint to ask k6 for it (summaryTrendStats). */
const K6_STAT: Partial<Record<Metric, string>> = { min: 'min', mean: 'avg', p50: 'med', p90: 'p(90)', p95: 'p(95)', p99: 'p(99)', p999: 'p(99.9)', max: 'max' };

/**
 * Why an imported stage has no value for a metric it has requests for (the tool's file did not
 * hold it), with how to get it; undefined when the stage is not imported or has the value.
 */
export function absentNote(s: StageReport, metric: Metric): string | undefined {
  if (!s.imported || s.requests === 0 || metricValue(s, metric) !== null) return undefined;
  if (s.imported.tool === 'k6' && K6_STAT[metric])
    return `the k6 summary has no ${metric}: add "${K6_STAT[metric]}" to k6's summaryTrendStats option to gate on it`;
  return `the ${s.imported.tool} results hold no ${metric}: nothing to check`;
}

/**
 * What a rule on a metric the stage has no value for means, for thresholds and history bands alike:
 * the worst outcome (a spike that never recovered, a stress stage whose first step broke), a figure
 * the run could not measure (warn), or a figure an import lacks (warn, with how to get it).
 * undefined: nothing is known to say.
 */
export function missingValue(stage: StageReport, metric: Metric): Pick<Check, 'verdict' | 'note'> | undefined {
  switch (metric) {
    case 'recovery':
      return stage.spike ? { verdict: 'fail', note: 'p95 never returned within 20% of its pre-spike value' } : undefined;
    case 'breaking_point': {
      const first = stage.stress?.steps[0];
      // No step passed: the target could not take even the first level, the worst breaking point there is.
      if (first && !first.passed)
        return {
          verdict: 'fail',
          note: `the first step (${fmtMetric('breaking_point', first.level)}${stage.stress!.unit === 'vus' ? ' users' : ''}) already broke: ${(first.broke ?? []).join('; ')}`,
        };
      return stage.stress ? { verdict: 'warn', note: 'no step ran to its end: nothing to check' } : undefined;
    }
    case 'drift':
      return { verdict: 'warn', note: 'no drift measured: the first or last tenth of the stage had no requests (or a first p95 of 0)' };
    case 'memory_growth':
      // The metrics page is the target's, not the load's: an unreadable one is shown, never a failed gate.
      return { verdict: 'warn', note: `the target's memory could not be read: ${stage.soak?.memory?.error ?? 'no value'}` };
    case 'cpu_per_request':
    case 'rss_peak':
      // The app's processes are not the load: a source that cannot be read is shown, never a failed gate.
      return { verdict: 'warn', note: resourceNote(stage, metric) };
    default: {
      const absent = absentNote(stage, metric);
      return absent ? { verdict: 'warn', note: absent } : undefined;
    }
  }
}

/** Why a stage has no figure for a resource metric, in one sentence. */
export function resourceNote(s: StageReport, metric: 'cpu_per_request' | 'rss_peak'): string {
  const r = s.resources;
  if (!r)
    return `the app's ${metric === 'rss_peak' ? 'memory' : 'CPU'} was not read for this stage (\`run\` reads it when it starts the target with target.start or the plan names target.process; \`ab\`, imported results and older reports have none)`;
  if (metric === 'cpu_per_request' && r.cpu_ms !== undefined && r.cpu_ms !== null && s.requests === 0) return 'no requests completed: no CPU per request';
  if (metric === 'rss_peak' && r.samples >= 2 && r.error === undefined) return `${r.source} gives no memory figure`;
  return `${r.source} could not be read: ${r.error ?? 'no value'}`;
}

/**
 * Whether a rule on `metric` judges this stage at all. A stress stage's steps are meant to break,
 * so its latency and error rules judge each step (they are its break conditions) and only
 * breaking_point gates the stage; the stage outcome metrics apply only where they are measured
 * (memory_growth: a soak that reads the target's metrics).
 */
export function ruleApplies(s: StageReport, metric: Metric): boolean {
  if (s.kind === 'stress') return metric === 'breaking_point';
  switch (metric) {
    case 'breaking_point':
      return false;
    case 'drift':
      return s.soak !== undefined;
    case 'memory_growth':
      return s.soak?.memory !== undefined;
    default:
      return true;
  }
}

/**
 * The timeline column that tracks a metric window by window. Windows hold p50/p90/p95/p99/max/mean;
 * p999 borrows p99's window-to-window spread and min borrows p50's (only for reports without window
 * histograms: the check's method says so).
 */
export function windowColumn(metric: Metric): { key: WindowColumn } | undefined {
  switch (metric) {
    case 'p50':
    case 'p90':
    case 'p95':
    case 'p99':
    case 'max':
    case 'mean':
    case 'rps':
      return { key: metric };
    case 'p999':
      return { key: 'p99' };
    case 'min':
      return { key: 'p50' };
    default:
      return undefined;
  }
}

/**
 * Windows that carry information: those with requests, without the first and last partial ones
 * when there are enough (ramp-up and drain are not the steady state).
 */
export function windowSamples(s: StageReport, key: WindowColumn): WeightedSample[] {
  return steadyWindows(s).map((w) => ({ value: w[key], weight: key === 'rps' ? 1 : w.requests }));
}

function steadyWindows(s: StageReport): TimelineWindow[] {
  const ws = s.timeline.filter((w) => w.requests > 0);
  return ws.length >= 5 ? ws.slice(1, -1) : ws;
}

/** The percentile each latency metric is, for the resampled-percentile interval. */
export const PERCENTILE_OF: Partial<Record<Metric, number>> = { min: 0, p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9, max: 100 };

const bucketsOf = new WeakMap<StageReport, BucketCounts[] | null>();

/**
 * Every window with requests, as histogram buckets, decoded once per stage report: all of them,
 * ramp and drain included, since all of them added together are the run whose percentile is judged
 * (a partial window weighs only its requests). Undefined when a window has no histogram (a report
 * written before they were stored) or an unreadable one.
 */
export function windowBuckets(s: StageReport): BucketCounts[] | undefined {
  let b = bucketsOf.get(s);
  if (b === undefined) {
    const ws = s.timeline.filter((w) => w.requests > 0);
    try {
      b = ws.every((w) => typeof w.histogram === 'string') ? ws.map((w) => histogramBuckets(decodeHistogram(w.histogram!))) : null;
    } catch {
      b = null;
    }
    bucketsOf.set(s, b);
  }
  return b ?? undefined;
}
