/** From checks to one verdict; accepted regressions. */
import type { Check, StageReport, Verdict } from '../model/report.js';

export function overallVerdict(checks: Check[], stages: StageReport[]): Verdict {
  if (checks.some((c) => c.verdict === 'fail')) return 'fail';
  // A stress stage's drops are in the step that broke: its breaking point already says so.
  if (checks.some((c) => c.verdict === 'warn') || stages.some((s) => s.generator_saturated || (s.dropped > 0 && s.kind !== 'stress'))) return 'warn';
  return 'pass';
}

/**
 * A maintainer accepted the regressions (a PR label): failed regression checks become visible,
 * recorded warnings, not a silent pass. Absolute thresholds still fail: they are the service's
 * promises, not comparisons.
 */
export function acceptRegressions(checks: Check[], reason: string): Check[] {
  return checks.map((c) =>
    c.kind === 'regression' && c.verdict === 'fail' ? { ...c, verdict: 'warn', accepted: true, note: `accepted (${reason})${c.note ? `; ${c.note}` : ''}` } : c,
  );
}
