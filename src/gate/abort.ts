/**
 * A stage that `abort_when` (or the default target_down rule) ended early fails the gate: its
 * numbers are partial and the rest of the plan never ran. One failing check per aborted stage, of
 * kind `threshold` (an absolute rule of the plan, so `fail-on: threshold` and accepted regressions
 * treat it as one) with metric `abort_when`. Never excused by a distrusted runner: a target that
 * stopped answering is not the machine's fault.
 */
import type { Check, StageReport } from '../model/report.js';

export const ABORT_METRIC = 'abort_when';

export function abortChecks(stages: StageReport[]): Check[] {
  return stages
    .filter((s) => s.aborted)
    .map((s) => ({
      stage: s.name,
      metric: ABORT_METRIC,
      kind: 'threshold' as const,
      current: null,
      limit: s.aborted!.rule,
      method: `stage ended ${s.aborted!.at_s.toFixed(1)} s in`,
      verdict: 'fail' as const,
      note: s.aborted!.reason,
    }));
}
