/**
 * `perf-gate ab` (and the action's `base-url`/`base-ref`): base and head in alternating rounds on
 * this runner, gated on the paired rounds.
 */
import { DEFAULT_AB_ROUNDS } from '../input-checks.js';
import path from 'node:path';
import { realpath } from 'node:fs/promises';
import { loadPlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { selectStages } from '../load/run-plan.js';
import { UsageError } from '../errors.js';
import { gate } from '../gate/index.js';
import { abortChecks } from '../gate/abort.js';
import { pairedRounds, type StageRounds } from '../gate/paired.js';
import { roundSpec, runAb, type AbOptions, type Side } from '../load/ab.js';
import { addWorktree, hasLocalChanges, headCommit, repositoryOf, resolveRef } from '../builds/worktree.js';
import { checkSides, freePorts, withSidesRunning, type AbSide } from '../builds/sides.js';
import { BuildCache } from '../builds/build-cache.js';
import { buildReport, stageReport } from '../report/build.js';
import { planFingerprint, runnerFingerprint, substitutedFingerprint } from '../baseline/fingerprint.js';
import { planShape } from '../baseline/shape.js';
import { displayUrl, runnerInfo } from '../report/build.js';
import { checkTargetUrl, fromCwd } from '../input-checks.js';
import type { Outcome, PlanRunSettings } from './settings.js';
import { announceLoad, gateRules, noteAccepted } from './shared.js';
import { finish } from './finish.js';

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

export { DEFAULT_AB_ROUNDS } from '../input-checks.js';

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
  // Checked by the door that read it (input-checks.ts abRounds).
  const rounds = s.rounds ?? DEFAULT_AB_ROUNDS;
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
  const [baseCommit, headSha] = await Promise.all([resolveRef(repo, s.baseRef, { fetch: s.fetchBaseRef, log: s.log }), headCommit(repo)]);
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
    return await withSidesRunning([base, head], { signal, log: s.log }, () => abRunAndReport(head.plan, s, ends, rounds));
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
  // Nothing is kept: an A/B result compares two builds, it is not a baseline of either.
  return finish(report, {
    outDir: path.resolve(s.cwd, s.outDir),
    secrets: plan.secrets,
    extras: (r) => ({ runUrl: s.runUrl, baselineStages: r.ab?.base_stages }),
  });
}
