/** The gate: thresholds + regression rules → checks → verdict. Pure: reports in, checks out. */
import type { RegressionRule, ThresholdRule } from '../plan/types.js';
import type { Check, StageReport, Verdict } from '../model/report.js';
import { evaluateBandRules } from './band.js';
import { evaluateRegressions, type ChangeEstimator } from './regression.js';
import { evaluateThresholds } from './thresholds.js';
import { acceptRegressions, overallVerdict } from './verdict.js';
import { excuseInProportion, runnerEffects } from './excuse.js';
import { confirmChecks } from './confirm.js';
import { abortChecks } from './abort.js';
import { flowChecks } from './flows.js';

export { stagesToConfirm } from './confirm.js';

export { DEFAULT_REGRESSION, rulesForStage } from './regression.js';

export interface GateRules {
  thresholds: Record<string, ThresholdRule[]>;
  /** Undefined: the defaults of each stage's kind (DEFAULT_REGRESSION). */
  regression?: RegressionRule[];
}

/** What the run is compared with: one baseline (stored or the A/B base side), the stored history. */
export interface Comparison {
  baseline?: StageReport[];
  /** Past runs, newest first, for band rules ("+3σ", "band"); undefined: no history source (A/B). */
  history?: StageReport[][];
  /** Where a change's noise comes from (default: the windows of both runs). */
  estimate?: ChangeEstimator;
  /**
   * Whether the machine may excuse part of a failure (src/gate/excuse.ts); default true. A/B says
   * no: base and head shared the runner round by round, and no reference server was timed.
   */
  excuse?: boolean;
}

export interface GateResult {
  checks: Check[];
  verdict: Verdict;
}

export interface GateOptions {
  /** Stages that failed a regression rule and ran once more: their failures need these to agree. */
  again?: StageReport[];
  /** Why failed regressions are accepted (a maintainer's PR label), if they are. */
  accept?: string;
}

function judge(rules: GateRules, current: StageReport[], against: Comparison): Check[] {
  const bandRules = (rules.regression ?? []).filter((r) => r.unit === 'sigma');
  const checks = [
    ...evaluateThresholds(rules.thresholds, current),
    ...(against.baseline ? evaluateRegressions(rules.regression, against.baseline, current, against.estimate) : []),
    // No history source at all (A/B) is not a short history: band rules do not apply there.
    ...(bandRules.length > 0 && against.history ? evaluateBandRules(bandRules, against.history, current) : []),
  ];
  return against.excuse === false ? checks : excuseInProportion(checks, current, runnerEffects(current, against.baseline, against.history), rules);
}

export function gate(rules: GateRules, current: StageReport[], against: Comparison = {}, options: GateOptions = {}): GateResult {
  let checks = judge(rules, current, against);
  if (options.again && options.again.length > 0) {
    const untrusted = new Set(options.again.filter((s) => s.generator_saturated).map((s) => s.name));
    checks = confirmChecks(checks, judge(rules, options.again, against), untrusted);
  }
  if (options.accept) checks = acceptRegressions(checks, options.accept);
  // After the excuses and acceptances: an aborted stage fails, whatever the runner or the label.
  checks = [...checks, ...abortChecks(current), ...flowChecks(current)];
  return { checks, verdict: overallVerdict(checks, current) };
}
