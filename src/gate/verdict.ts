/** From checks to one verdict; a saturated generator can warn but never fail its stage. */
import type { Check, StageReport, Verdict } from '../report/types.js';

/**
 * Failures in a stage the generator could not drive are the generator's, not the target's; so are
 * those compared with a baseline stage whose generator was saturated (its latencies, measured
 * from the intended send times, are inflated: a regression against it could hide).
 */
export function excuseSaturatedStages(checks: Check[], stages: StageReport[], baseline: StageReport[] = []): Check[] {
  const saturated = new Map<string, string>();
  for (const s of baseline) if (s.generator_saturated) saturated.set(s.name, `in the baseline: ${s.generator.reason ?? 'saturated'}`);
  for (const s of stages) if (s.generator_saturated) saturated.set(s.name, s.generator.reason ?? 'saturated');
  return checks.map((c) =>
    c.verdict === 'fail' && saturated.has(c.stage)
      ? { ...c, verdict: 'warn', note: `not trusted: the load generator was saturated (${saturated.get(c.stage)})` }
      : c,
  );
}

/** The generator's event loop this much slower than in the baseline run means a busier runner. */
const LAG_RATIO = 2;
const LAG_MARGIN_MS = 10;

/**
 * A regression measured while the runner itself was busier than when the baseline was recorded
 * (a noisy neighbour, CPU steal) may be the runner's, not the code's: the generator's own
 * event-loop lag shows it, since a slower target leaves the generator idle, not late. Such
 * failures become warnings that say so; thresholds, being absolute, still fail.
 */
export function excuseBusierRunner(checks: Check[], stages: StageReport[], baseline: StageReport[] = []): Check[] {
  const busier = new Map<string, string>();
  for (const s of stages) {
    const b = baseline.find((x) => x.name === s.name);
    if (!b) continue;
    const now = s.generator.loop_lag_p99_ms;
    const then = b.generator.loop_lag_p99_ms;
    if (now > Math.max(LAG_RATIO * then, then + LAG_MARGIN_MS)) busier.set(s.name, `event-loop lag p99 ${now.toFixed(0)} ms against ${then.toFixed(0)} ms in the baseline run`);
  }
  return checks.map((c) =>
    c.kind === 'regression' && c.verdict === 'fail' && busier.has(c.stage)
      ? { ...c, verdict: 'warn', note: `not trusted: the runner was busier than when the baseline was measured (${busier.get(c.stage)})${c.note ? `; ${c.note}` : ''}` }
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
