/**
 * Which results may become baselines: a pure rule on the finished report, used by every store.
 */
import type { Report } from '../model/report.js';
import { stoppedOf } from '../model/stop.js';

/**
 * Why a run's result must not become a baseline, or undefined when it may. Only a complete, passing
 * run of a healthy target on a healthy generator is kept: anything else would move the bar later runs
 * are measured against (a lax one hides regressions, a poisoned one fails every run after).
 */
export function whyNotBaseline(report: Report, stages: { ran: number; planned: number }): string | undefined {
  // First: a stage that ended early also fails the gate, and its reason says more than "the gate failed".
  const stop = stoppedOf(report);
  if (stop?.by === 'abort_when') return `stage ${stop.stage} was aborted (${stop.reason}), so its numbers cover part of the load`;
  if (stop?.by === 'limit') return `the run was stopped early (${stop.reason}), so its numbers cover part of the load`;
  if (report.verdict === 'fail') return 'the gate failed';
  // An import's own tool judged the run failed (k6 exited 99): its SLOs count, even where no perf-gate rule does.
  for (const st of report.stages) {
    const failed = st.imported?.tool_thresholds?.filter((t) => !t.ok) ?? [];
    if (failed.length) return `${st.imported!.tool}'s own thresholds failed in stage ${st.name} (${failed.map((t) => `${t.metric}: ${t.rule}`).join(', ')})`;
  }
  if (stop?.by === 'cancel') return 'the run was interrupted';
  // A baseline holds every stage of the plan: a --stage subset would silently narrow later gates.
  if (stages.ran !== stages.planned) return 'only some stages ran (--stage)';
  // Before the error rate: a saturated generator's timeouts are its own, not the target's.
  const saturated = report.stages.find((st) => st.generator_saturated);
  if (saturated) return `the load generator was saturated in stage ${saturated.name}, so its numbers describe perf-gate, not the target`;
  // A failing target's numbers (fast errors, or timeouts) would make the next failure look like no change.
  const failing = report.stages.find((st) => st.error_rate >= FAILING_ERROR_RATE);
  if (failing) return `the target was failing: stage ${failing.name} had ${Math.round(failing.error_rate * 100)}% errors`;
  const unconfirmed = report.checks.find((c) => c.confirmation && c.verdict !== 'fail');
  if (unconfirmed)
    return `stage ${unconfirmed.stage} failed ${unconfirmed.metric} ${unconfirmed.limit} and the re-run did not confirm it: its first numbers are suspect`;
  // A failure excused by a slower or busier runner: that machine's numbers would make a lax baseline.
  const slow = report.checks.find((c) => c.untrusted === 'runner-slower' || c.untrusted === 'runner-busier');
  if (slow)
    return `stage ${slow.stage} ran on a runner ${slow.untrusted === 'runner-slower' ? 'slower' : 'busier'} than at baseline time, so its numbers describe the machine, not the code`;
  return undefined;
}

/** A stage with this share of errors or more is never kept as a baseline: it measured a failing target. */
export const FAILING_ERROR_RATE = 0.5;
