/** Absolute rules (`thresholds:`): per stage name or "*" for every stage. */
import type { ThresholdRule } from '../plan/types.js';
import type { Check, StageReport } from '../report/types.js';
import { absentNote, metricValue, ruleApplies } from './metrics.js';
import { fmtMetric } from '../report/format.js';

/** `v op limit`: whether a value meets a threshold rule. */
export const compare = (v: number, op: ThresholdRule['op'], limit: number): boolean =>
  op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>' ? v > limit : v >= limit;

export function evaluateThresholds(thresholds: Record<string, ThresholdRule[]>, stages: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of stages) {
    const rules = [...(thresholds['*'] ?? []), ...(thresholds[stage.name] ?? [])];
    for (const rule of rules) {
      // "*" rules reach every stage; a stress stage's latency and error rules judged its steps instead.
      if (!ruleApplies(stage, rule.metric)) continue;
      const current = metricValue(stage, rule.metric);
      const base = { stage: stage.name, metric: rule.metric, kind: 'threshold' as const, limit: rule.raw, method: 'absolute' };
      if (current === null && rule.metric !== 'recovery') {
        const note = missingNote(stage, rule.metric);
        if (note) {
          checks.push({ ...base, current: null, ...note });
          continue;
        }
      }
      if (rule.metric === 'recovery') {
        if (!stage.spike) continue; // "*" rules reach every stage; recovery exists for spikes only
        if (current === null) {
          checks.push({ ...base, current: null, verdict: 'fail', note: 'p95 never returned within 20% of its pre-spike value' });
          continue;
        }
      }
      if (current === null) {
        checks.push({ ...base, current: null, verdict: 'warn', note: absentNote(stage, rule.metric) ?? 'no requests completed: nothing to check' });
        continue;
      }
      checks.push({ ...base, current, verdict: compare(current, rule.op, rule.value) ? 'pass' : 'fail' });
    }
  }
  return checks;
}

/** Why a stage outcome metric has no value, and what that means for the rule. */
function missingNote(stage: StageReport, metric: ThresholdRule['metric']): Pick<Check, 'verdict' | 'note'> | undefined {
  switch (metric) {
    case 'breaking_point': {
      const first = stage.stress?.steps[0];
      // No step passed: the target could not take even the first level, the worst breaking point there is.
      if (first) return { verdict: 'fail', note: `the first step (${fmtMetric('breaking_point', first.level)}${stage.stress!.unit === 'vus' ? ' users' : ''}) already broke: ${(first.broke ?? []).join('; ')}` };
      return { verdict: 'warn', note: 'no step ran to its end: nothing to check' };
    }
    case 'drift':
      return { verdict: 'warn', note: 'no drift measured: the first or last tenth of the stage had no requests (or a first p95 of 0)' };
    case 'memory_growth':
      // The metrics page is the target's, not the load's: an unreadable one is shown, never a failed gate.
      return { verdict: 'warn', note: `the target's memory could not be read: ${stage.soak?.memory?.error ?? 'no value'}` };
    default:
      return undefined;
  }
}
