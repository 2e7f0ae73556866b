/**
 * The gate of an import: the gate of a run (src/gate, unchanged), plus what only imports have.
 * - k6 custom Trend metrics (`new Trend('yarp_latency', true)`) are series of their own in the
 *   stage (StageReport.imported.trends); a gate file names them among a stage's rules:
 *     thresholds: { k6: { "trend:yarp_latency": { p95: "< 50ms" } } }
 *   Each becomes a threshold check with metric `trend:yarp_latency p95`; against a baseline,
 *   `regression: { "trend:yarp_latency": { p95: "+15%" } }` is a point comparison of the two runs'.
 * - A figure the file does not hold, with the reason the reader found (k6 before v0.31 has no
 *   http_req_failed): a rule on it warns with that reason rather than a generic one.
 */
import { gate, type Comparison, type GateOptions, type GateResult, type GateRules } from '../gate/index.js';
import { compare } from '../gate/thresholds.js';
import { acceptRegressions, overallVerdict } from '../gate/verdict.js';
import type { RegressionRule, ThresholdRule } from '../plan/types.js';
import { judgeInterval } from '../gate/statistics.js';
import { IMPORTED_POINT_METHOD } from '../gate/regression.js';
import type { Check, StageReport } from '../model/report.js';
import type { LatencySummary } from '../metrics/histogram.js';

export const TREND_PREFIX = 'trend:';
/** What a trend has: the latency statistics of a k6 Trend. */
export const TREND_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
/** k6's names of them, for the hint to ask k6 for one (summaryTrendStats). */
const K6_STAT: Record<(typeof TREND_METRICS)[number], string> = {
  min: 'min',
  mean: 'avg',
  p50: 'med',
  p90: 'p(90)',
  p95: 'p(95)',
  p99: 'p(99)',
  p999: 'p(99.9)',
  max: 'max',
};

export interface TrendRule {
  /** Stage name or "*". */
  stage: string;
  trend: string;
  rule: ThresholdRule;
}

/** A regression rule on a trend: every stage the baseline also has. */
export interface TrendRegression {
  trend: string;
  rule: RegressionRule;
}

/** The gate of imported stages: `gate()`, the trend rules, and absent figures explained. */
export function gateImported(
  rules: GateRules & { trends?: TrendRule[]; trendRegressions?: TrendRegression[] },
  current: StageReport[],
  against: Comparison = {},
  options: GateOptions = {},
): GateResult {
  const result = gate(rules, current, against, options);
  let regressions = against.baseline ? trendRegressionChecks(rules.trendRegressions ?? [], against.baseline, current) : [];
  // As gate() does for its own: a maintainer's accept label makes failed regressions warnings.
  if (options.accept) regressions = acceptRegressions(regressions, options.accept);
  const checks = [...explainAbsent(result.checks, current), ...trendChecks(rules.trends ?? [], current), ...regressions];
  return { checks, verdict: overallVerdict(checks, current) };
}

/**
 * A trend's statistic against the baseline's: one figure per run, so a point comparison (as
 * every imported regression), failing when the change is beyond the rule.
 */
export function trendRegressionChecks(rules: TrendRegression[], baseline: StageReport[], current: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of current) {
    const before = baseline.find((b) => b.name === stage.name);
    if (!before) continue; // gate() already says the baseline has no such stage
    for (const { trend, rule } of rules) {
      const metric = rule.metric as keyof LatencySummary;
      const b = before.imported?.trends?.[trend]?.[metric] ?? null;
      const c = stage.imported?.trends?.[trend]?.[metric] ?? null;
      const base = {
        stage: stage.name,
        metric: `${TREND_PREFIX}${trend} ${rule.metric}`,
        kind: 'regression' as const,
        baseline: b,
        current: c,
        limit: rule.raw,
        method: IMPORTED_POINT_METHOD,
      };
      if (b === null || c === null) {
        const which = c === null ? 'these results' : 'the baseline';
        checks.push({ ...base, method: 'none', verdict: 'warn', note: `${which} hold no ${rule.metric} of the trend ${trend}: nothing to compare` });
        continue;
      }
      if (b === 0) {
        checks.push({ ...base, delta_pct: null, method: 'none', verdict: 'pass', note: 'baseline value is 0: no relative change to judge' });
        continue;
      }
      const delta = ((c - b) / b) * 100;
      const verdict = judgeInterval({ lo: delta, hi: delta }, rule.amount, rule.direction === 'increase');
      checks.push({
        ...base,
        delta_pct: Math.round(delta * 100) / 100,
        significant: false,
        verdict,
        note: 'point comparison: k6 results hold one summary per run, no per-second data, so the noise is not measured',
      });
    }
  }
  return checks;
}

export function trendChecks(rules: TrendRule[], stages: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of stages) {
    const trends = stage.imported?.trends ?? {};
    for (const { trend, rule } of rules.filter((r) => r.stage === '*' || r.stage === stage.name)) {
      const base = { stage: stage.name, metric: `${TREND_PREFIX}${trend} ${rule.metric}`, kind: 'threshold' as const, limit: rule.raw, method: 'absolute' };
      const series = trends[trend];
      if (!series) {
        const known = Object.keys(trends);
        const tool = stage.imported?.tool ?? 'perf-gate';
        checks.push({
          ...base,
          current: null,
          verdict: 'warn',
          note: `the ${tool} results have no custom trend "${trend}" (${known.length ? `they have ${known.join(', ')}` : 'they have none'}): nothing to check`,
        });
        continue;
      }
      const value = series[rule.metric as keyof typeof series] ?? null;
      if (value === null) {
        const stat = K6_STAT[rule.metric as keyof typeof K6_STAT];
        checks.push({
          ...base,
          current: null,
          verdict: 'warn',
          note: `the k6 summary has no ${rule.metric} of ${trend}: add "${stat}" to k6's summaryTrendStats option to gate on it`,
        });
        continue;
      }
      checks.push({ ...base, current: value, verdict: compare(value, rule.op, rule.value) ? 'pass' : 'fail' });
    }
  }
  return checks;
}

/** A check on a figure the reader listed as missing with its reason ("error_rate (…)") says that reason. */
function explainAbsent(checks: Check[], stages: StageReport[]): Check[] {
  return checks.map((c) => {
    if (c.current !== null && c.baseline !== null) return c;
    const stage = stages.find((s) => s.name === c.stage);
    const why = stage?.imported?.missing.find((m) => m.startsWith(`${c.metric} (`));
    if (!why || c.verdict !== 'warn') return c;
    return { ...c, note: `the ${stage!.imported!.tool} results hold no ${c.metric}: ${why.slice(c.metric.length + 2, -1)}; nothing to check` };
  });
}
