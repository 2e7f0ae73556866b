/**
 * A run the plan's limits stopped (src/load/run-plan.ts) fails the gate: its numbers cover only part
 * of the plan, so it must neither pass in silence nor become a baseline. The stop shows as one
 * failed check, with the reason, in report.json, the summary and the PR comment.
 */
import { formatMs } from '../plan/units.js';
import type { RunStop } from '../load/run-plan.js';
import type { Check } from '../model/report.js';
import { RUN_LIMIT_METHOD } from '../model/stop.js';
import type { GateResult } from './index.js';

export { RUN_LIMIT_METHOD };

export function failStoppedRun(result: GateResult, stopped: RunStop | undefined): GateResult {
  if (!stopped) return result;
  const requests = stopped.limit === 'max_requests';
  const check: Check = {
    stage: stopped.stage,
    metric: requests ? 'requests' : 'duration',
    kind: 'threshold',
    current: stopped.value,
    limit: `< ${requests ? stopped.cap : formatMs(stopped.cap)} (limits.${stopped.limit})`,
    method: RUN_LIMIT_METHOD,
    verdict: 'fail',
    note: stopped.message,
  };
  return { checks: [...result.checks, check], verdict: 'fail' };
}
