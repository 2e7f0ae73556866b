/** The gate: thresholds + regression rules → checks → verdict. Pure: reports in, checks out. */
import type { RegressionRule, ThresholdRule } from '../plan/types.js';
import type { Check, StageReport, Verdict } from '../report/types.js';
import { evaluateRegressions } from './regression.js';
import { evaluateThresholds } from './thresholds.js';
import { excuseSaturatedStages, overallVerdict } from './verdict.js';

export interface GateRules {
  thresholds: Record<string, ThresholdRule[]>;
  regression: RegressionRule[];
}

export interface GateResult {
  checks: Check[];
  verdict: Verdict;
}

/** Regression rules used when neither a plan nor its `regression:` section gives any (SPEC §2 example). */
export const DEFAULT_REGRESSION: RegressionRule[] = [
  { metric: 'p50', direction: 'increase', unit: 'pct', amount: 10, raw: '+10%' },
  { metric: 'p95', direction: 'increase', unit: 'pct', amount: 15, raw: '+15%' },
  { metric: 'p99', direction: 'increase', unit: 'pct', amount: 25, raw: '+25%' },
  { metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' },
  { metric: 'rps', direction: 'decrease', unit: 'pct', amount: 10, raw: '-10%' },
];

export function gate(rules: GateRules, current: StageReport[], baseline?: StageReport[]): GateResult {
  const checks = excuseSaturatedStages(
    [...evaluateThresholds(rules.thresholds, current), ...(baseline ? evaluateRegressions(rules.regression, baseline, current) : [])],
    current,
  );
  return { checks, verdict: overallVerdict(checks, current) };
}
