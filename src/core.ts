/**
 * The one core both doors (CLI and action) open: load the plan, run it, gate against a baseline,
 * write the reports. I/O at the edges goes through `Logger`; nothing here knows about GitHub.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { writeFile, mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { loadPlan, readPlanFile } from './plan/index.js';
import type { Plan } from './plan/types.js';
import { runPlan, selectStages, type RunOptions } from './load/run-plan.js';
import { BaselineError, describeError, ImportError, UsageError } from './errors.js';
import { gate, stagesToConfirm, type Comparison, type GateRules } from './gate/index.js';
import { abortChecks } from './gate/abort.js';
import { bandPositions, MIN_HISTORY } from './gate/band.js';
import { failStoppedRun } from './gate/limits.js';
import { pairedRounds, type StageRounds } from './gate/paired.js';
import { roundSpec, runAb, type AbOptions, type Side } from './load/ab.js';
import { addWorktree, hasLocalChanges, headCommit, repositoryOf, resolveRef } from './builds/worktree.js';
import { checkSides, freePorts, withSidesRunning, type AbSide } from './builds/sides.js';
import { BuildCache } from './builds/build-cache.js';
import { buildReport, stageReport } from './report/build.js';
import { mergeShardReports } from './report/merge.js';
import { shardPlan, type Shard } from './load/shard.js';
import { renderSummary } from './report/markdown.js';
import { renderHtml } from './report/html.js';
import { asReport, readReportFile, wholeRun, writeJsonAtomic } from './baseline/report-file.js';
import { otherPlanError } from './baseline/file-store.js';
import { whyNotBaseline } from './baseline/save-guard.js';
import type { Report } from './model/report.js';
import { samePlan, type BaselineStore, type LoadRequest, type StoredResult } from './baseline/store.js';
import { planFingerprint, planId as planIdOf, runnerFingerprint, substitutedFingerprint } from './baseline/fingerprint.js';
import { planIdentity, planShape, shapeChange } from './baseline/shape.js';
import { displayUrl, runnerInfo } from './report/build.js';
import type { HistoryPoint } from './report/charts.js';
import type { SummaryExtras } from './report/markdown.js';
import { checkTargetUrl, fromCwd } from './input-checks.js';
import { checkLoadDestination, describeGrant, type AllowedHost } from './load/destination.js';
import { Redactor } from './model/redact.js';
import { diagnose } from './report/diagnose.js';
import { companionPaths, gateImported, importResults, isPerfGateReport, parseGateFile, type Companions, type ImportTool } from './import/index.js';

// In src/input-checks.ts, which loads without the engine; exported here as before.
export { checkTargetUrl, fromCwd, runnerProbeSetting } from './input-checks.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** What every run of a plan needs, whichever way it is compared. */
export interface PlanRunSettings {
  planFile: string;
  outDir: string;
  /** Only these stages, by name (--stage). */
  stages?: string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  signal?: AbortSignal;
  log: Logger;
  onProgress?: RunOptions['onProgress'];
  /** Link to the workflow run, for the summary. */
  runUrl?: string;
  /** Accept failed regressions, saying why ("label perf-gate:accept"): they become recorded warnings. */
  accept?: string;
  /** Hosts load may go to besides loopback (the action's `allowed-hosts` input). */
  allowedHosts?: AllowedHost[];
  /**
   * The plan's secrets (values from the environment, credentials in headers), as soon as the plan
   * has loaded: the doors hide them in their logs and errors (the action masks them with setSecret).
   * The reports are redacted here whether or not it is set.
   */
  onSecrets?: (values: string[]) => void;
}

export interface RunSettings extends PlanRunSettings {
  targetUrl?: string;
  /** Where to find the result to compare against. */
  baseline?: BaselineSource;
  /** Where to keep this run's result, if it completes and passes. */
  save?: BaselineTarget;
  /** Folder per plan in the store; default: from the plan's path. */
  planId?: string;
  onStageStart?: RunOptions['onStageStart'];
  /** Re-run a stage that fails a regression rule once; it fails only if the re-run agrees. */
  confirm?: boolean;
  /** Past results for band rules and the trend chart, when they are not in the baseline store. */
  history?: HistorySource;
  /** `--shard i/n`: run this shard's part of every stage and write an ungated shard report for `merge`. */
  shard?: Shard;
  /**
   * Time a CPU task between stages, so failures measured on a slower runner warn (default true;
   * PERF_GATE_RUNNER_PROBE=0 turns it off, see `runnerProbeSetting`).
   */
  runnerProbe?: boolean;
}

/** Where past results come from (a baseline store, a folder of reports). */
export type HistorySource = Pick<BaselineStore, 'description' | 'history' | 'leftOut'>;

/** Band rules and the trend chart look this many runs back. */
const HISTORY_RUNS = 20;

export interface BaselineSource {
  store: BaselineStore;
  /** Preferred commits, best first (a PR's base, then older default-branch commits). */
  commits?: string[];
  /** A store that cannot be read (no git repository, no data branch access) warns instead of failing. */
  optional?: boolean;
}

export interface BaselineTarget {
  store: BaselineStore;
  commit: string;
  run: string;
}

export interface Outcome {
  report: Report;
  reportPath: string;
  summaryPath: string;
  /** report.html: the self-contained page with the charts. */
  htmlPath: string;
  summary: string;
  extras: SummaryExtras;
  /** Whether this run's result was kept as a baseline. */
  saved: boolean;
  /** Why keeping it failed (the reports were written all the same). */
  saveError?: string;
}

export function gateRules(plan: Plan | undefined): GateRules {
  return { thresholds: plan?.thresholds ?? {}, regression: plan?.regression };
}

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
  // From here on the report is what leaves the process (files, baseline stores, the caller).
  const report = redactedReport(built, plan);

  const extras: SummaryExtras = { runUrl: s.runUrl, history: historyPoints(past, report), baselineStages: baseline?.report.stages };
  // Reports first: a failed save must never cost the run's results.
  const written = await writeReports(report, path.resolve(s.cwd, s.outDir), extras);
  const kept = s.save ? await keepBaseline(report, s.save, request.planId, { ran: run.stages.length, planned: plan.stages.length }, s.log) : { saved: false };
  return { ...written, ...kept };
}

/** Keeps a finished result as a baseline when the save guard allows it; a failed save is reported, never thrown. */
async function keepBaseline(
  report: Report,
  save: BaselineTarget,
  planId: string,
  stages: { ran: number; planned: number },
  log: Logger,
): Promise<Pick<Outcome, 'saved' | 'saveError'>> {
  const why = whyNotBaseline(report, stages);
  if (why) {
    log.warn(`baseline not saved to ${save.store.description}: ${why} (only complete, passing runs become baselines)`);
    return { saved: false };
  }
  try {
    await save.store.save(planId, { report, commit: save.commit, run: save.run, savedAt: new Date().toISOString() });
    log.info(`baseline saved to ${save.store.description}`);
    return { saved: true };
  } catch (err) {
    const saveError = describeError(err);
    log.warn(`baseline not saved to ${save.store.description}: ${saveError}`);
    return { saved: false, saveError };
  }
}

export interface AbSettings extends PlanRunSettings {
  /** The base build, already running (with `headUrl`); or `baseRef`. */
  baseUrl?: string;
  /** Default: the plan's target.url. */
  headUrl?: string;
  /**
   * Turnkey A/B: the base is this commit (a worktree of the plan's repository), the head the current
   * checkout; perf-gate builds, starts and stops both (`target.build`, `target.start`, `${PORT}`, `${SIDE}`).
   */
  baseRef?: string;
  /** With `baseRef`: fetch it from origin when the checkout lacks it (the action's shallow clones). */
  fetchBaseRef?: boolean;
  /** With `baseRef`: build the checkout even when the build cache says it is built (`--rebuild`). */
  rebuild?: boolean;
  /** Rounds per stage (default 10). */
  rounds?: number;
  onRound?: AbOptions['onRound'];
}

export const DEFAULT_AB_ROUNDS = 10;

/** One side of an A/B run: where it answers, and the commit it was built from (turnkey A/B). */
interface AbEnd {
  url: string;
  commit?: string;
}

/**
 * Same-runner A/B: the plan's stages against base and head in alternating rounds, gated on the
 * paired rounds. The head is "the run"; the base is its baseline, measured minutes apart at most.
 * Nothing is saved: an A/B result compares two builds, it is not a baseline of either.
 */
export async function runAbAndGate(s: AbSettings): Promise<Outcome> {
  const rounds = s.rounds ?? DEFAULT_AB_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new UsageError(`--rounds takes a whole number from 1 to 100, got ${rounds}`);
  if (s.baseRef !== undefined) {
    if (s.baseUrl !== undefined || s.headUrl !== undefined) {
      throw new UsageError(
        `--base-ref does not go with ${s.baseUrl !== undefined ? '--base-url' : '--head-url'}: with --base-ref perf-gate builds and starts both sides itself; with --base-url and --head-url both are already running`,
      );
    }
    return turnkeyAb({ ...s, baseRef: s.baseRef }, rounds);
  }
  if (s.baseUrl === undefined)
    throw new UsageError('ab needs --base-ref REF (perf-gate builds and starts both sides), or --base-url URL and --head-url URL (both already running)');
  checkTargetUrl(s.baseUrl, '--base-url');
  if (s.headUrl !== undefined) checkTargetUrl(s.headUrl, '--head-url');
  const plan = await loadPlan(fromCwd(s.cwd, s.planFile), s.env);
  s.onSecrets?.(plan.secrets ?? []);
  selectStages(plan, s.stages);
  const headUrl = s.headUrl ?? plan.target.url;
  announceLoad(
    plan,
    [
      ['head ', headUrl],
      ['base ', s.baseUrl],
    ],
    s,
  );
  if (plan.target.start || plan.target.build)
    s.log.info(`ab does not run target.build or target.start with --base-url: base and head must already be running (or pass --base-ref)`);
  return abRunAndReport(plan, s, { base: { url: s.baseUrl }, head: { url: headUrl } }, rounds);
}

/**
 * `ab --base-ref REF`: REF checked out as a worktree of the plan's repository (the base) beside the
 * current checkout (the head); the plan loaded once per side with that side's `${PORT}` and
 * `${SIDE}`; both built, started, waited for, measured, stopped; the worktree removed, whatever happens.
 */
async function turnkeyAb(s: AbSettings & { baseRef: string }, rounds: number): Promise<Outcome> {
  const planPath = path.resolve(s.cwd, s.planFile);
  const repo = await repositoryOf(path.dirname(planPath));
  const cwd = await realpath(s.cwd);
  const here = path.relative(repo, cwd);
  if (here.startsWith('..') || path.isAbsolute(here))
    throw new UsageError(`--base-ref: run perf-gate from inside the repository that holds the plan (${repo})`);
  const [basePort, headPort] = await freePorts(2);
  const sideOf = async (side: Side, port: number, sideCwd: string): Promise<AbSide> => {
    const env = { ...s.env, PORT: String(port), SIDE: side };
    return { side, cwd: sideCwd, env, plan: await loadPlan(fromCwd(s.cwd, s.planFile), env) };
  };
  const head = await sideOf('head', headPort!, s.cwd);
  s.onSecrets?.(head.plan.secrets ?? []);
  // The worktree's folder is not known yet: the base side's cwd is set once it exists.
  const base = await sideOf('base', basePort!, '');
  // As sent: the fingerprint of the plan as written would not see ${SIDE} in a request path.
  if (substitutedFingerprint(base.plan) !== substitutedFingerprint(head.plan)) {
    throw new UsageError(
      `${s.planFile}: \${PORT} or \${SIDE} outside target: would make base and head send different loads; use them in target.build, target.start, target.url and target.ready only`,
    );
  }
  checkSides([base, head]);
  for (const spec of selectStages(head.plan, s.stages)) roundSpec(spec, rounds); // refused before any build
  // A ref that names nothing is bad input: refused before the line saying where load goes.
  const [baseCommit, headSha] = await Promise.all([resolveRef(repo, s.baseRef, { fetch: s.fetchBaseRef, log: s.log.info }), headCommit(repo)]);
  announceLoad(
    head.plan,
    [
      ['head ', head.plan.target.url],
      ['base ', base.plan.target.url],
    ],
    s,
  );
  const changed = await hasLocalChanges(repo);
  s.log.info(
    `A/B: base ${s.baseRef} (${baseCommit.slice(0, 7)}) against head ${headSha.slice(0, 7)}${changed ? " with the checkout's uncommitted changes" : ''} (this checkout)`,
  );
  head.cache = await BuildCache.of(repo, cwd, [path.resolve(cwd, s.outDir)]);
  head.rebuild = s.rebuild;
  const worktree = await addWorktree(repo, baseCommit);
  try {
    base.cwd = path.join(worktree.dir, here);
    const signal = s.signal ?? new AbortController().signal;
    const ends = { base: { url: base.plan.target.url, commit: baseCommit }, head: { url: head.plan.target.url, commit: headSha } };
    return await withSidesRunning([base, head], { signal, log: s.log.info }, () => abRunAndReport(head.plan, s, ends, rounds));
  } finally {
    await worktree.remove();
  }
}

/** Runs the rounds against two answering sides, gates the head on the paired rounds, writes the reports. */
async function abRunAndReport(plan: Plan, s: AbSettings, ends: Record<Side, AbEnd>, rounds: number): Promise<Outcome> {
  const [baseUrl, headUrl] = [ends.base.url, ends.head.url];
  if (plan.regression?.some((r) => r.unit === 'sigma'))
    s.log.info('band rules ("+3σ", "band") are not judged in A/B: base and head are compared with each other, not with a history');
  const runner = runnerInfo();
  const fingerprints = { plan: planFingerprint(plan), runner: runnerFingerprint(runner) };
  const ab = await runAb(plan, { baseUrl, headUrl, rounds, stages: s.stages, signal: s.signal, onRound: s.onRound, onProgress: s.onProgress });
  const head = ab.head.stages.map(stageReport);
  const base = ab.base.stages.map(stageReport);
  const paired = new Map<string, StageRounds>(ab.stages.map((st) => [st.spec.name, { base: st.base.map(stageReport), head: st.head.map(stageReport) }]));
  const judged = gate(gateRules(plan), head, { baseline: base, estimate: pairedRounds(paired), excuse: false }, { accept: s.accept });
  // The gate judges the head; a base side that abort_when ended makes the comparison void too.
  const baseAborts = abortChecks(base).map((c) => ({ ...c, note: `base ${displayUrl(baseUrl)}: ${c.note}` }));
  const checks = [...judged.checks, ...baseAborts];
  const verdict = baseAborts.length > 0 ? 'fail' : judged.verdict;
  const cancelled = s.signal?.aborted ?? false;
  const report = buildReport({ planFile: s.planFile, run: ab.head, stages: head, checks, verdict, runner, fingerprints, shape: planShape(plan), cancelled });
  const roundsByStage = Object.fromEntries(ab.stages.map((st) => [st.spec.name, st.base.length]));
  const named = (end: AbEnd): string => `${displayUrl(end.url)}${end.commit ? ` (commit ${end.commit.slice(0, 7)})` : ''}`;
  report.baseline = {
    source: `A/B base ${displayUrl(baseUrl)}`,
    started_at: report.started_at,
    target: displayUrl(baseUrl),
    ...(ends.base.commit && { commit: ends.base.commit }),
    explanation: `same-runner A/B: base ${named(ends.base)} and head ${named(ends.head)} ran in alternating rounds (${Object.entries(roundsByStage)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')}); changes are judged on the paired rounds.`,
  };
  report.ab = {
    base_target: displayUrl(baseUrl),
    rounds: roundsByStage,
    base_stages: base,
    ...(ends.base.commit && { base_commit: ends.base.commit, head_commit: ends.head.commit }),
  };
  noteAccepted(report, s.accept);
  const redacted = redactedReport(report, plan);
  return { ...(await writeReports(redacted, path.resolve(s.cwd, s.outDir), { runUrl: s.runUrl, baselineStages: redacted.ab?.base_stages })), saved: false };
}

/**
 * The report with the plan's secrets and any URL credentials hidden (a default request name is
 * "METHOD path" with `${ENV}` filled in; an error sample may quote a URL). Done once, before
 * anything is written, so report.json, summary.md, saved baselines and the PR comment agree.
 */
function redactedReport(report: Report, plan: Plan): Report {
  return new Redactor().add(plan.secrets ?? []).json(report);
}

/**
 * Refuses a destination that is not loopback unless the plan or the action allows it (exit 2,
 * before any connection, the readiness probe and target.start included), then says where load goes:
 * the first line of every run.
 */
function announceLoad(plan: Plan, targets: Array<[label: string, url: string]>, s: PlanRunSettings): void {
  const checked = targets.map(
    ([label, url]) => `${label}${displayUrl(url)} (${describeGrant(checkLoadDestination(url, plan.target.allowRemote === true, s.allowedHosts).grant)})`,
  );
  s.log.info(`perf-gate: load goes to ${checked.join(' and ')}`);
}

/** What a run was compared with, for report.json and the summary. */
function baselineRef(source: BaselineSource, found: StoredResult & { explanation: string }): NonNullable<Report['baseline']> {
  return {
    source: source.store.description,
    started_at: found.report.started_at,
    target: found.report.target,
    commit: found.commit === 'local' ? undefined : found.commit,
    explanation: found.explanation,
  };
}

/** The stored result to compare with; a PR whose base has none falls back to the newest one. */
async function loadBaseline(source: BaselineSource, request: LoadRequest, log: Logger): Promise<(StoredResult & { explanation: string }) | undefined> {
  try {
    return await findBaseline(source, request, log);
  } catch (err) {
    if (!source.optional || !(err instanceof BaselineError)) throw err;
    log.warn(`${source.store.description} could not be read (${err.message}): this run is checked against the absolute thresholds only`);
    return undefined;
  }
}

async function findBaseline(source: BaselineSource, request: LoadRequest, log: Logger): Promise<(StoredResult & { explanation: string }) | undefined> {
  let loaded = await source.store.load({ ...request, commits: source.commits });
  if (!loaded.result && source.commits) {
    const newest = await source.store.load(request);
    if (newest.result) loaded = { result: newest.result, explanation: `no result for the PR's base commits; nearest: ${newest.explanation}` };
  }
  if (loaded.result) wholeRun(loaded.result.report, source.store.description);
  log.info(loaded.result ? loaded.explanation : `${loaded.explanation}: this run is checked against the absolute thresholds only`);
  return loaded.result ? { ...loaded.result, explanation: loaded.explanation } : undefined;
}

/** A maintainer's acceptance is recorded when it turned at least one failure into a warning. */
function noteAccepted(report: Report, reason: string | undefined): void {
  const n = report.checks.filter((c) => c.accepted).length;
  if (reason && n > 0) report.accepted = { reason, checks: n };
}

/** Stages that fail a regression rule on their first run: the ones to run once more. */
function confirmationStages(plan: Plan, rules: GateRules, first: Report['stages'], against: Comparison, log: Logger) {
  const failing = stagesToConfirm(gate(rules, first, against).checks);
  if (failing.size > 0) log.info(`confirming: ${[...failing].join(', ')} failed a regression rule; running ${failing.size === 1 ? 'it' : 'them'} once more`);
  return plan.stages.filter((st) => failing.has(st.name));
}

/** What the report says of the past runs it read; undefined when there was nothing to read or nothing read. */
function historyRef(store: HistorySource | undefined, past: StoredResult[]): Report['history'] {
  if (!store || (past.length === 0 && !store.leftOut)) return undefined;
  return { source: store.description, runs: past.length, ...(store.leftOut ? { left_out: store.leftOut } : {}) };
}

/** Past results are for bands and the chart: a store that cannot list them costs those, not the run. */
async function readPast(store: HistorySource | undefined, request: LoadRequest, log: Logger): Promise<StoredResult[]> {
  if (!store) return [];
  try {
    return await store.history(request, HISTORY_RUNS);
  } catch (err) {
    log.info(`no history from ${store.description}: ${describeError(err)}`);
    return [];
  }
}

/**
 * Per stage, the p95 of stored results (oldest first) and this run last, for the trend chart. A run
 * without a p95 (an import whose tool did not write one: null) is left out, not drawn as 0 ms.
 */
function historyPoints(history: StoredResult[], current: Report): Record<string, HistoryPoint[]> | undefined {
  if (history.length === 0) return undefined;
  const out: Record<string, HistoryPoint[]> = {};
  const past = [...history].reverse();
  const measured = (p95: number | null): p95 is number => typeof p95 === 'number' && Number.isFinite(p95);
  for (const stage of current.stages) {
    const points = past.flatMap((h) => {
      const s = h.report.stages.find((x) => x.name === stage.name);
      return s && measured(s.latency_ms.p95) ? [{ label: h.commit === 'local' ? h.savedAt.slice(5, 16) : h.commit.slice(0, 7), p95: s.latency_ms.p95 }] : [];
    });
    out[stage.name] = measured(stage.latency_ms.p95) ? [...points, { label: 'this run', p95: stage.latency_ms.p95 }] : points;
  }
  return out;
}

export interface CompareSettings {
  baselineFile: string;
  currentFile: string;
  planFile?: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Compare results of different plans all the same (`--force-baseline`), with a caveat. */
  force?: boolean;
}

/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
export async function compareReports(s: CompareSettings): Promise<Outcome> {
  const plan = s.planFile ? await loadPlan(fromCwd(s.cwd, s.planFile), s.env) : undefined;
  const baseline = wholeRun(await readReportFile(fromCwd(s.cwd, s.baselineFile)), s.baselineFile);
  const current = wholeRun(await readReportFile(fromCwd(s.cwd, s.currentFile)), s.currentFile);
  const mismatch = planMismatch(s, plan, baseline, current);
  if (mismatch && !s.force) throw mismatch;
  const { checks, verdict } = gate(gateRules(plan), current.stages, { baseline: baseline.stages });
  const report: Report = {
    ...current,
    verdict,
    checks,
    baseline: {
      source: s.baselineFile,
      started_at: baseline.started_at,
      target: baseline.target,
      ...(mismatch && { explanation: `compared although the results were measured for different plans (--force-baseline): their load shapes differ` }),
    },
  };
  return { ...(await writeReports(report, path.resolve(s.cwd, s.outDir), { baselineStages: baseline.stages })), saved: false };
}

/**
 * Why two reports (and the --plan, when given) describe different loads, as the refusal to throw;
 * undefined when they match or a fingerprint is unknown (reports of an older perf-gate).
 */
function planMismatch(s: CompareSettings, plan: Plan | undefined, baseline: Report, current: Report): BaselineError | undefined {
  const [base, cur] = [baseline.fingerprints?.plan, current.fingerprints?.plan];
  if (plan !== undefined) {
    const identity = planIdentity(plan);
    if (base !== undefined && !samePlan(base, identity)) return otherPlanError(s.baselineFile, baseline, identity);
    if (cur !== undefined && !samePlan(cur, identity)) return otherPlanError(s.currentFile, current, identity);
    return undefined;
  }
  if (base === undefined || cur === undefined || base === cur) return undefined;
  return new BaselineError(
    `${s.baselineFile} and ${s.currentFile} were measured for different plans (${shapeChange(baseline, current.shape, cur)}); pass --force-baseline to compare anyway`,
  );
}

export interface MergeSettings {
  /**
   * The report.json of every shard (`run --shard i/n`), in any order; a folder stands for every
   * report.json below it (what actions/download-artifact leaves: one folder per shard's artifact).
   */
  shardFiles: string[];
  /** Thresholds and regression rules; without it, the default regression rules only. */
  planFile?: string;
  /** A report.json (a single run's or an earlier merge's) to gate regressions against. */
  baseline?: BaselineSource;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  log: Logger;
  runUrl?: string;
}

/** `perf-gate merge`: the shards' reports merged exactly into one, gated as a single run would be. */
export async function mergeAndGate(s: MergeSettings): Promise<Outcome> {
  const plan = s.planFile ? await loadPlan(fromCwd(s.cwd, s.planFile), s.env) : undefined;
  const paths = await shardReportPaths(s.shardFiles, s.cwd);
  const files = await Promise.all(paths.map(async (file) => ({ file, report: await readReportFile(fromCwd(s.cwd, file)) })));
  const merged = mergeShardReports(files);
  const identity = plan && planIdentity(plan);
  if (identity && merged.fingerprints && !samePlan(merged.fingerprints.plan, identity)) {
    // Rules may change freely; a different load shape means the rules may not fit.
    s.log.warn(
      `${s.planFile} does not describe the load the shards ran (${shapeChange(merged, identity.planShape, identity.planFingerprint, 'the shards')}): its rules are applied all the same`,
    );
  }
  const request: LoadRequest = {
    planId: planIdOf(s.planFile ?? merged.plan),
    planFingerprint: merged.fingerprints?.plan ?? '',
    planShape: merged.shape,
    runnerFingerprint: merged.fingerprints?.runner ?? '',
  };
  const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
  const { checks, verdict } = gate(gateRules(plan), merged.stages, { baseline: baseline?.report.stages });
  const report: Report = { ...merged, checks, verdict };
  if (baseline && s.baseline) report.baseline = baselineRef(s.baseline, baseline);
  return { ...(await writeReports(report, path.resolve(s.cwd, s.outDir), { runUrl: s.runUrl, baselineStages: baseline?.report.stages })), saved: false };
}

/** Each entry as given, or, for a folder, every report.json below it (sorted, so the order is stable). */
export async function shardReportPaths(entries: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of entries) {
    const info = await stat(fromCwd(cwd, entry)).catch(() => undefined);
    if (!info) throw new UsageError(`${entry}: no such shard report or folder`);
    if (!info.isDirectory()) {
      out.push(entry);
      continue;
    }
    const found = (await readdir(fromCwd(cwd, entry), { recursive: true }))
      .filter((f) => path.basename(f) === 'report.json')
      .sort()
      .map((f) => path.join(entry, f));
    if (found.length === 0) throw new UsageError(`${entry}: a folder with no report.json below it (the shards' reports are what merge needs)`);
    out.push(...found);
  }
  return out;
}

/**
 * Writes report.json, summary.md and report.html. Every report written says what it shows: the
 * diagnoses are (re)computed here from the report as it leaves the process (already redacted, so
 * their evidence can only quote what the report may hold; recomputed for compare and merge, since
 * the rules may have changed since a result was measured, or it came from another tool).
 */
export async function writeReports(report: Report, outDir: string, extras: SummaryExtras = {}): Promise<Omit<Outcome, 'saved'>> {
  report.diagnoses = diagnose(report);
  await mkdir(outDir, { recursive: true });
  const reportPath = path.join(outDir, 'report.json');
  const summaryPath = path.join(outDir, 'summary.md');
  const htmlPath = path.join(outDir, 'report.html');
  const summary = renderSummary(report, extras);
  await writeJsonAtomic(reportPath, report);
  await writeFile(summaryPath, summary);
  await writeFile(htmlPath, renderHtml(report, extras));
  return { report, reportPath, summaryPath, htmlPath, summary, extras };
}

export interface ImportCompareSettings {
  tool: ImportTool;
  /** The tool's results file: k6 --summary-export / handleSummary JSON, Locust PREFIX_stats.csv. */
  resultsFile: string;
  /** A baseline file: the same tool's results, or a perf-gate report saved by --save-baseline (detected). */
  baselineFile?: string;
  /** Or a baseline store (the action's `baseline` input). */
  baseline?: BaselineSource;
  save?: BaselineTarget;
  /** A gate file (thresholds:, regression:, name:) or nothing: the default regression rules. */
  planFile?: string;
  /** Stage name of the import (default: the tool's name). */
  stage?: string;
  /** Folder per plan in a store; default from the gate file's path, else the tool (and --stage) name. */
  planId?: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Compare with a baseline of other stages or endpoints all the same (`--force-baseline`). */
  force?: boolean;
  log: Logger;
  runUrl?: string;
  /** Accept failed regressions, saying why (a PR label), as for a run. */
  accept?: string;
}

/**
 * `compare --from k6|locust`: another tool's results gated like a perf-gate run: thresholds and
 * regression rules from a gate file, a baseline from a file or store, the save guard, the reports.
 */
export async function compareImported(s: ImportCompareSettings): Promise<Outcome> {
  const runner = runnerInfo();
  // Bytes, not text: the readers decode them (a Locust file written on Windows may not be UTF-8).
  const importFile = async (file: string): Promise<{ bytes: Uint8Array; startedAt: string }> => {
    const at = fromCwd(s.cwd, file);
    try {
      const [bytes, info] = await Promise.all([readFile(at), stat(at)]);
      return { bytes, startedAt: info.mtime.toISOString() };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ImportError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
    }
  };
  /** The files the run wrote beside the results (Locust: history = the timeline, failures, exceptions; 0.x distribution). */
  const companions = async (file: string): Promise<Companions> => {
    const out: Companions = {};
    for (const [kind, other] of Object.entries(companionPaths(s.tool, file)) as Array<[keyof Companions, string]>) {
      if (existsSync(fromCwd(s.cwd, other))) out[kind] = { text: (await importFile(other)).bytes, file: other };
    }
    return out;
  };
  const read = await importFile(s.resultsFile);
  const current = importResults(
    s.tool,
    read.bytes,
    { file: s.resultsFile, stage: s.stage, startedAt: read.startedAt, runner, plan: s.planFile },
    await companions(s.resultsFile),
  );
  const gateFile = s.planFile
    ? parseGateFile(
        await readPlanFile(fromCwd(s.cwd, s.planFile)),
        s.planFile,
        s.env,
        current.stages.map((st) => ({ name: st.name, kind: 'load' as const })),
      )
    : undefined;
  const rules: GateRules & Pick<NonNullable<typeof gateFile>, 'trends' | 'trendRegressions'> = {
    thresholds: gateFile?.thresholds ?? {},
    regression: gateFile?.regression,
    trends: gateFile?.trends,
    trendRegressions: gateFile?.trendRegressions,
  };
  const request: LoadRequest = {
    planId: s.planId ?? planIdOf(s.planFile ?? (s.stage ? `${s.tool}-${s.stage}` : s.tool)),
    planFingerprint: current.fingerprints!.plan,
    runnerFingerprint: current.fingerprints!.runner,
  };

  let baseline: { report: Report; ref: NonNullable<Report['baseline']> } | undefined;
  if (s.baselineFile !== undefined) {
    const b = await importFile(s.baselineFile);
    const report = isPerfGateReport(b.bytes)
      ? wholeRun(
          asReport(
            JSON.parse(
              Buffer.from(b.bytes)
                .toString('utf8')
                .replace(/^\uFEFF/, ''),
            ),
            s.baselineFile,
          ),
          s.baselineFile,
        )
      : importResults(
          s.tool,
          b.bytes,
          { file: s.baselineFile, stage: s.stage, startedAt: b.startedAt, runner, plan: s.planFile },
          await companions(s.baselineFile),
        );
    const other = report.fingerprints?.plan !== undefined && report.fingerprints.plan !== request.planFingerprint;
    if (other && !s.force) {
      throw new BaselineError(
        `${s.baselineFile} holds results of other stages or endpoints than ${s.resultsFile} (${describeStages(report)} against ${describeStages(current)}); compare like with like (--stage NAME names the stage), or pass --force-baseline to compare anyway`,
      );
    }
    baseline = {
      report,
      ref: {
        source: s.baselineFile,
        started_at: report.started_at,
        target: report.target,
        ...(other && { explanation: 'compared although the baseline holds other stages or endpoints (--force-baseline)' }),
      },
    };
  } else if (s.baseline) {
    const found = await loadBaseline(s.baseline, request, s.log);
    if (found) baseline = { report: found.report, ref: baselineRef(s.baseline, found) };
  }

  // A store's past imports (the data branch) feed band rules ("+3σ": one figure per run is what a band
  // judges, so it is the noise-aware rule for imports) and the trend chart; a baseline file has none.
  const past = await readPast(s.baseline?.store ?? s.save?.store, request, s.log);
  const history = past.map((p) => p.report.stages);
  // The gate of a run, plus the rules on k6 custom trends (src/import/trends.ts).
  const { checks, verdict } = gateImported(rules, current.stages, { baseline: baseline?.report.stages, history }, { accept: s.accept });
  // Redacted like every other writer's report: k6 names requests by URL, so an endpoint name can carry
  // `user:password@`, and the gate file's `${ENV}` values are hidden as a plan's are.
  const report: Report = new Redactor().add(gateFile?.secrets ?? []).json({ ...current, verdict, checks, baseline: baseline?.ref ?? null });
  if (past.length >= MIN_HISTORY) report.bands = bandPositions(history, report.stages);
  report.history = historyRef(s.baseline?.store ?? s.save?.store, past);
  noteAccepted(report, s.accept);
  const written = await writeReports(report, path.resolve(s.cwd, s.outDir), {
    runUrl: s.runUrl,
    history: historyPoints(past, report),
    baselineStages: baseline?.report.stages,
  });
  const kept = s.save ? await keepBaseline(report, s.save, request.planId, { ran: 1, planned: 1 }, s.log) : { saved: false };
  return { ...written, ...kept };
}

/** `k6 stage "k6" (endpoints a, b)`: what a result holds, for the refusal of a mismatched baseline. */
function describeStages(r: Report): string {
  const who = r.imported ? r.imported.tool : 'perf-gate';
  return `${who} ${r.stages.map((st) => `stage "${st.name}"${st.endpoints.length ? ` (endpoints ${st.endpoints.map((e) => e.name).join(', ')})` : ''}`).join(', ')}`;
}
