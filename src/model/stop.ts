/**
 * The early-stop record of a report (report.json `stopped`): the one place a reader (the save
 * guard, merge, the summary) learns whether and why a run ended early. Reports of an older
 * perf-gate have no record: it is read from what they do carry (a limit check, an aborted stage,
 * `cancelled`, a stress step that ended early), so old and new reports answer alike.
 */
import type { EarlyStop, Report, StageReport } from './report.js';

/** The `method` of the check a limit stop adds (src/gate/limits.ts), how older reports show one. */
export const RUN_LIMIT_METHOD = 'run limit';

export function stoppedOf(report: Pick<Report, 'stopped' | 'checks' | 'stages' | 'cancelled'>): EarlyStop | undefined {
  return report.stopped ?? earlyStop(report);
}

/**
 * What ended a run early, from its parts; the first that applies of: a limit (the whole run
 * stopped), an abort (the plan stopped at that stage), a cancel, a stress stage's break.
 */
export function earlyStop(r: Pick<Report, 'checks' | 'stages' | 'cancelled'>): EarlyStop | undefined {
  const limit = r.checks.find((c) => c.method === RUN_LIMIT_METHOD);
  if (limit) return { by: 'limit', stage: limit.stage, rule: limit.limit.replace(/^.*\((limits\.\w+)\)$/, '$1'), at_s: null, reason: limit.note ?? '' };
  const aborted = r.stages.find((s) => s.aborted);
  if (aborted?.aborted)
    return { by: 'abort_when', stage: aborted.name, rule: aborted.aborted.rule, at_s: aborted.aborted.at_s, reason: aborted.aborted.reason };
  if (r.cancelled)
    return { by: 'cancel', stage: r.stages.at(-1)?.name, rule: 'cancel', at_s: null, reason: 'the run was interrupted (Ctrl-C, or the job was cancelled)' };
  return stressBreak(r.stages);
}

/** A stress stage whose breaking step ended before its time (its break was already certain). */
function stressBreak(stages: StageReport[]): EarlyStop | undefined {
  for (const s of stages) {
    const step = s.stress?.steps.find((st) => st.ended_early);
    if (step) {
      return {
        by: 'break',
        stage: s.name,
        rule: (step.broke ?? []).join(', ') || 'its break conditions',
        at_s: Math.round((step.start_s + step.duration_s) * 10) / 10,
        reason: `step ${step.index + 1} (${step.level}) broke and ended early: ${(step.broke ?? []).join(', ')}`,
      };
    }
  }
  return undefined;
}
