/**
 * When a stage's failures say more about the machine than about the code. One place for every
 * such reason, so they are applied alike: the failure becomes a warning that names the reason,
 * and the check records it (`untrusted`) so nothing downstream mistakes it for a verdict.
 */
import type { Check, StageReport, UntrustedReason } from '../report/types.js';
import { quantile } from './statistics.js';

interface Distrust {
  reason: UntrustedReason;
  /** Regression-only reasons leave thresholds alone: those judge this run alone, absolutely. */
  regressionsOnly: boolean;
  note: string;
}

/** The generator's event loop this much slower than in the baseline run means a busier runner. */
const LAG_RATIO = 2;
const LAG_MARGIN_MS = 10;
/**
 * The CPU probe this much slower than at baseline time means a slower runner. An idle runner
 * repeats its probe within ±5 %; a neighbour holding a third of one core of two already adds 40 %.
 */
export const SLOWER_RUNNER_RATIO = 1.25;

/**
 * Why each stage cannot be trusted, first reason first:
 * - its generator was saturated: its failures are the generator's, not the target's;
 * - the baseline's was: those latencies, measured from intended send times, are inflated;
 * - the runner was slower than at baseline time (CPU probe): a neighbour, steal time, another job;
 * - the generator's event loop lagged far more than at baseline time (a busier runner; a
 *   slower target leaves the generator idle, not late).
 */
export function stageDistrust(current: StageReport[], baseline: StageReport[] = [], history: StageReport[][] = []): Map<string, Distrust> {
  const out = new Map<string, Distrust>();
  for (const s of current) {
    const then = baseline.find((b) => b.name === s.name);
    const reason = saturatedNow(s) ?? saturatedThen(then) ?? slowerRunner(s, then, history) ?? busierRunner(s, then);
    if (reason) out.set(s.name, reason);
  }
  return out;
}

/** Failed checks of distrusted stages become warnings that say why. */
export function excuseDistrusted(checks: Check[], distrust: Map<string, Distrust>): Check[] {
  return checks.map((c) => {
    const d = distrust.get(c.stage);
    if (c.verdict !== 'fail' || !d || (d.regressionsOnly && c.kind !== 'regression')) return c;
    return { ...c, verdict: 'warn', untrusted: d.reason, note: `not trusted: ${d.note}${c.note ? `; ${c.note}` : ''}` };
  });
}

function saturatedNow(s: StageReport): Distrust | undefined {
  if (!s.generator_saturated) return undefined;
  return { reason: 'generator-saturated', regressionsOnly: false, note: `the load generator was saturated (${s.generator.reason ?? 'saturated'})` };
}

function saturatedThen(b: StageReport | undefined): Distrust | undefined {
  if (!b?.generator_saturated) return undefined;
  return { reason: 'baseline-saturated', regressionsOnly: true, note: `the load generator was saturated in the baseline (${b.generator.reason ?? 'saturated'})` };
}

function slowerRunner(s: StageReport, b: StageReport | undefined, history: StageReport[][]): Distrust | undefined {
  const now = s.cpu_probe_ms;
  const then = b ? b.cpu_probe_ms : medianProbe(history, s.name);
  if (now === undefined || then === undefined || then <= 0 || now < SLOWER_RUNNER_RATIO * then) return undefined;
  const source = b ? 'when the baseline was measured' : 'in the past runs (median)';
  return {
    reason: 'runner-slower',
    regressionsOnly: true,
    note: `the runner was ${(now / then).toFixed(2)}× slower than ${source} (CPU probe ${now.toFixed(0)} ms against ${then.toFixed(0)} ms)`,
  };
}

function busierRunner(s: StageReport, b: StageReport | undefined): Distrust | undefined {
  if (!b) return undefined;
  const now = s.generator.loop_lag_p99_ms;
  const then = b.generator.loop_lag_p99_ms;
  if (now <= Math.max(LAG_RATIO * then, then + LAG_MARGIN_MS)) return undefined;
  return {
    reason: 'runner-busier',
    regressionsOnly: true,
    note: `the runner was busier than when the baseline was measured (event-loop lag p99 ${now.toFixed(0)} ms against ${then.toFixed(0)} ms in the baseline run)`,
  };
}

function medianProbe(history: StageReport[][], stage: string): number | undefined {
  const xs = history.flatMap((run) => run.filter((s) => s.name === stage && s.cpu_probe_ms !== undefined).map((s) => s.cpu_probe_ms!));
  return xs.length > 0 ? quantile(xs.sort((a, b) => a - b), 0.5) : undefined;
}
