/**
 * The gate of an import: the gate of a run (src/gate, unchanged), plus what only imports have.
 * - k6 custom Trend metrics (`new Trend('yarp_latency', true)`) are series of their own in the
 *   stage (StageReport.imported.trends); a gate file names them among a stage's rules:
 *     thresholds: { k6: { "trend:yarp_latency": { p95: "< 50ms" } } }
 *   Each becomes a threshold check with metric `trend:yarp_latency p95`.
 * - A figure the file does not hold, with the reason the reader found (k6 before v0.31 has no
 *   http_req_failed): a rule on it warns with that reason rather than a generic one.
 */
import { gate, type Comparison, type GateOptions, type GateResult, type GateRules } from '../gate/index.js';
import { compare } from '../gate/thresholds.js';
import { overallVerdict } from '../gate/verdict.js';
import type { ThresholdRule } from '../plan/types.js';
import type { Check, StageReport } from '../report/types.js';

export const TREND_PREFIX = 'trend:';
/** What a trend has: the latency statistics of a k6 Trend. */
export const TREND_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
/** k6's names of them, for the hint to ask k6 for one (summaryTrendStats). */
const K6_STAT: Record<(typeof TREND_METRICS)[number], string> = { min: 'min', mean: 'avg', p50: 'med', p90: 'p(90)', p95: 'p(95)', p99: 'p(99)', p999: 'p(99.9)', max: 'max' };

export interface TrendRule {
  /** Stage name or "*". */
  stage: string;
  trend: string;
  rule: ThresholdRule;
}

/** The gate of imported stages: `gate()`, the trend rules, and absent figures explained. */
export function gateImported(rules: GateRules & { trends?: TrendRule[] }, current: StageReport[], against: Comparison = {}, options: GateOptions = {}): GateResult {
  const result = gate(rules, current, against, options);
  const checks = [...explainAbsent(result.checks, current), ...trendChecks(rules.trends ?? [], current)];
  return { checks, verdict: overallVerdict(checks, current) };
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
        checks.push({ ...base, current: null, verdict: 'warn', note: `the ${tool} results have no custom trend "${trend}" (${known.length ? `they have ${known.join(', ')}` : 'they have none'}): nothing to check` });
        continue;
      }
      const value = series[rule.metric as keyof typeof series] ?? null;
      if (value === null) {
        const stat = K6_STAT[rule.metric as keyof typeof K6_STAT];
        checks.push({ ...base, current: null, verdict: 'warn', note: `the k6 summary has no ${rule.metric} of ${trend}: add "${stat}" to k6's summaryTrendStats option to gate on it` });
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
