/**
 * `perf-gate run` (and the action's run mode): load the plan, run it, gate it against a baseline
 * and the history, and finish.
 */
import path from 'node:path';
import { loadPlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { runPlan, selectStages } from '../load/run-plan.js';
import { UsageError } from '../errors.js';
import { gate, stagesToConfirm, type Comparison, type GateRules } from '../gate/index.js';
import { bandPositions, MIN_HISTORY } from '../gate/band.js';
import { failStoppedRun } from '../gate/limits.js';
import { buildReport, stageReport } from '../report/build.js';
import { shardPlan } from '../load/shard.js';
import type { Report } from '../model/report.js';
import { type LoadRequest } from '../baseline/store.js';
import { planId as planIdOf, runnerFingerprint } from '../baseline/fingerprint.js';
import { planIdentity } from '../baseline/shape.js';
import { runnerInfo } from '../report/build.js';
import { checkTargetUrl, fromCwd } from '../input-checks.js';
import type { Logger } from '../model/logger.js';
import type { Outcome, RunSettings } from './settings.js';
import { announceLoad, baselineRef, gateRules, historyPoints, historyRef, loadBaseline, noteAccepted, readPast } from './shared.js';
import { finish } from './finish.js';

/**
 * A shard's numbers are 1/n of the load: its rps, and its percentiles under a fraction of the
 * traffic, are not the plan's. So a shard is judged by nothing (its verdict only warns about its own
 * generator) and `merge` gates the whole.
 */
const SHARD_RULES: GateRules = { thresholds: {}, regression: [] };

/** What a shard run refuses: it is neither compared nor kept (`merge` does both for the whole). */
function checkShardSettings(s: RunSettings): void {
  const flag = s.save ? '--save-baseline' : s.baseline ? '--baseline' : s.history ? '--history' : s.confirm ? '--confirm' : undefined;
  if (s.shard && flag) {
    throw new UsageError(
      s.save
        ? `--save-baseline does not go with --shard: a shard holds part of the load and is never a baseline (keep the report.json of perf-gate merge instead)`
        : `${flag} does not go with --shard: a shard holds part of the load and is not gated (perf-gate merge gates the whole${flag === '--baseline' ? ': pass --baseline to it' : ''})`,
    );
  }
}

export async function runAndGate(s: RunSettings): Promise<Outcome> {
  if (s.targetUrl !== undefined) checkTargetUrl(s.targetUrl, '--target');
  checkShardSettings(s);
  const plan = await loadPlan(fromCwd(s.cwd, s.planFile), s.env);
  s.onSecrets?.(plan.secrets ?? []);
  selectStages(plan, s.stages); // an unknown --stage is exit 2 before anything else happens
  announceLoad(plan, [['', s.targetUrl ?? plan.target.url]], s);
  if (plan.target.build) s.log.info(`run does not run target.build (${plan.target.build}): only ab --base-ref builds; build the app before run`);
  // A shard runs its part, but carries the whole plan's fingerprint: its merge is a run of that plan.
  const runs = s.shard ? shardPlan(plan, s.shard) : plan;
  const runner = runnerInfo();
  const identity = planIdentity(plan);
  const fingerprints = { plan: identity.planFingerprint, runner: runnerFingerprint(runner) };
  const request: LoadRequest = { planId: s.planId ?? planIdOf(s.planFile), ...identity, runnerFingerprint: fingerprints.runner };
  // Read the baseline before any load: a bad baseline is exit 2 without hammering the target.
  const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
  // History too, before this run is saved, so the chart shows this run once (as "this run").
  const past = await readPast(s.history ?? s.baseline?.store ?? s.save?.store, request, s.log);
  const rules = s.shard ? SHARD_RULES : gateRules(plan);
  const against: Comparison = { baseline: baseline?.report.stages, history: past.map((p) => p.report.stages) };
  const run = await runPlan(runs, {
    targetUrl: s.targetUrl,
    stages: s.stages,
    cwd: s.cwd,
    signal: s.signal,
    onProgress: s.onProgress,
    onStageStart: s.onStageStart,
    probe: s.runnerProbe ?? true,
    again: s.confirm && against.baseline ? (results) => confirmationStages(plan, rules, results.map(stageReport), against, s.log) : undefined,
  });
  const stages = run.stages.map(stageReport);
  // A run stopped by limits.max_requests / max_duration fails, so it is never kept as a baseline.
  const { checks, verdict } = failStoppedRun(gate(rules, stages, against, { again: run.again.map(stageReport), accept: s.accept }), run.stopped);
  if (run.stopped) s.log.warn(run.stopped.message);
  const cancelled = s.signal?.aborted ?? false;
  const built = buildReport({ planFile: s.planFile, run, stages, checks, verdict, runner, fingerprints, shape: identity.planShape, cancelled, shard: s.shard });
  if (baseline && s.baseline) built.baseline = baselineRef(s.baseline, baseline);
  if (past.length >= MIN_HISTORY) built.bands = bandPositions(against.history!, stages);
  built.history = historyRef(s.history ?? s.baseline?.store ?? s.save?.store, past);
  noteAccepted(built, s.accept);
  return finish(built, {
    outDir: path.resolve(s.cwd, s.outDir),
    secrets: plan.secrets,
    extras: (report) => ({ runUrl: s.runUrl, history: historyPoints(past, report), baselineStages: baseline?.report.stages }),
    keep: s.save && { target: s.save, planId: request.planId, stages: { ran: run.stages.length, planned: plan.stages.length }, log: s.log },
  });
}

/** Stages that fail a regression rule on their first run: the ones to run once more. */
function confirmationStages(plan: Plan, rules: GateRules, first: Report['stages'], against: Comparison, log: Logger) {
  const failing = stagesToConfirm(gate(rules, first, against).checks);
  if (failing.size > 0) log.info(`confirming: ${[...failing].join(', ')} failed a regression rule; running ${failing.size === 1 ? 'it' : 'them'} once more`);
  return plan.stages.filter((st) => failing.has(st.name));
}
