/** From checks to one verdict; a saturated generator can warn but never fail its stage. */
import type { Check, StageReport, Verdict } from '../report/types.js';

/** Failures in a stage the generator could not drive are the generator's, not the target's. */
export function excuseSaturatedStages(checks: Check[], stages: StageReport[]): Check[] {
  const saturated = new Map(stages.filter((s) => s.generator_saturated).map((s) => [s.name, s.generator.reason ?? 'saturated']));
  return checks.map((c) =>
    c.verdict === 'fail' && saturated.has(c.stage)
      ? { ...c, verdict: 'warn', note: `not trusted: the load generator was saturated (${saturated.get(c.stage)})` }
      : c,
  );
}

export function overallVerdict(checks: Check[], stages: StageReport[]): Verdict {
  if (checks.some((c) => c.verdict === 'fail')) return 'fail';
  if (checks.some((c) => c.verdict === 'warn') || stages.some((s) => s.generator_saturated || s.dropped > 0)) return 'warn';
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
