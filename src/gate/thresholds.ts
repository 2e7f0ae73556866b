/** Absolute rules (`thresholds:`): per stage name or "*" for every stage. */
import type { ThresholdRule } from '../plan/types.js';
import type { Check, StageReport } from '../model/report.js';
import { metricValue, missingValue, ruleApplies } from './metrics.js';
import { compare } from '../plan/units.js';
export { compare };

export function evaluateThresholds(thresholds: Record<string, ThresholdRule[]>, stages: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of stages) {
    const rules = [...(thresholds['*'] ?? []), ...(thresholds[stage.name] ?? [])];
    for (const rule of rules) {
      // "*" rules reach every stage; a stress stage's latency and error rules judged its steps instead.
      if (!ruleApplies(stage, rule.metric)) continue;
      const current = metricValue(stage, rule.metric);
      const base = { stage: stage.name, metric: rule.metric, kind: 'threshold' as const, limit: rule.raw, method: 'absolute' };
      if (rule.metric === 'recovery' && !stage.spike) continue; // "*" rules reach every stage; recovery exists for spikes only
      if (current === null) {
        checks.push({ ...base, current: null, ...(missingValue(stage, rule.metric) ?? { verdict: 'warn', note: 'no requests completed: nothing to check' }) });
        continue;
      }
      checks.push({ ...base, current, verdict: compare(current, rule.op, rule.value) ? 'pass' : 'fail' });
    }
  }
  return checks;
}
