/**
 * Confirm before failing: a stage that fails a regression rule runs once more, and the failure
 * stands only if the second run fails the same rule. One noisy minute on a shared runner then
 * costs a re-run, not a red build; a real regression fails twice and is reported as confirmed.
 */
import type { Check } from '../model/report.js';
import { fmtSigned } from '../model/format.js';

/** Stages with a failing regression check: the ones worth running again. */
export function stagesToConfirm(checks: Check[]): Set<string> {
  return new Set(checks.filter((c) => c.kind === 'regression' && c.verdict === 'fail').map((c) => c.stage));
}

const change = (c: Check): string =>
  c.delta_pp !== undefined ? fmtSigned(c.delta_pp, 'pp', 2) : c.delta_pct !== undefined && c.delta_pct !== null ? fmtSigned(c.delta_pct, '%') : `${c.current}`;

/**
 * The first run's checks, with every failed regression judged again by the re-run's check of the
 * same stage and metric: still failing → fail (confirmed), passing or inconclusive → warn (not
 * confirmed). Only a re-run that measured something can clear a failure: one that did not run
 * (interrupted), measured nothing comparable, or had a saturated generator (`untrusted`) leaves
 * the failure standing.
 */
export function confirmChecks(first: Check[], again: Check[], untrusted: ReadonlySet<string> = new Set()): Check[] {
  return first.map((c) => {
    if (c.kind !== 'regression' || c.verdict !== 'fail') return c;
    const second = again.find((a) => a.kind === 'regression' && a.stage === c.stage && a.metric === c.metric);
    if (!second || untrusted.has(c.stage)) return c;
    const confirmation = {
      verdict: second.verdict,
      current: second.current,
      delta_pct: second.delta_pct,
      delta_pp: second.delta_pp,
      interval_pct: second.interval_pct,
      interval_pp: second.interval_pp,
    };
    if (second.verdict === 'fail') {
      return { ...c, confirmation, note: `confirmed: a re-run of the stage also failed (${change(second)})${c.note ? `; ${c.note}` : ''}` };
    }
    return {
      ...c,
      verdict: 'warn',
      confirmation,
      note: `not confirmed: failed at ${change(c)}, but a re-run of the stage measured ${change(second)} (${second.verdict})`,
    };
  });
}
