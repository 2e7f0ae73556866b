/**
 * The action: inputs → the same core as the CLI → job summary, annotations, outputs, the PR
 * comment, failure. One try/catch ends in core.setFailed. GitHub facts come from src/github, the
 * baseline store from src/baseline; the engine never sees either.
 */
import * as core from '@actions/core';
import path from 'node:path';
import type { BaselineSource, BaselineTarget } from './core.js';
import { fromCwd } from './input-checks.js';
import { describeError, PlanError } from './errors.js';
import { readSettings, type ActionSettings } from './settings.js';
import { baselineWriteRefusal, readRunContext, type RunContext } from './github/context.js';
import { pullRequestFacts, tokenIsReadOnly, type PullRequestFacts } from './github/pull-request.js';
import { baseCommits } from './github/base-commits.js';
import type { CommentApi } from './github/comment.js';
import { planId as planIdOf } from './baseline/fingerprint.js';
import { BranchStore } from './baseline/branch-store.js';
import { FileStore } from './baseline/file-store.js';
import type { BaselineStore } from './baseline/store.js';
import { renderComment } from './report/markdown.js';
import { failurePhrase, fmtMetric } from './model/format.js';
import type { Report } from './model/report.js';
import { interruptSignal } from './interrupt.js';
import { Redactor, secretForms } from './model/redact.js';

// Start-up: the bundle loads only what every run needs. The engine (plan, load, gate, reports) and
// the GitHub comment layer (octokit) are chunks of their own, loaded when a run gets that far: a
// run on a push loads no octokit, post-comment mode no engine, a bad input neither.
const loadEngine = () => import('./core.js');

/** The REST client for the token in `settings`, made on first use: loads octokit. */
async function commentApi(settings: ActionSettings): Promise<() => CommentApi | undefined> {
  const { apiBaseUrl, octokitCommentApi } = await import('./github/comment.js');
  return () =>
    settings.githubToken ? octokitCommentApi(settings.githubToken, { baseUrl: apiBaseUrl(process.env), installationLogin: settings.commentAuthor }) : undefined;
}

/** Whether the gate's result should fail the job, given `fail-on`. */
export function shouldFail(report: Report, failOn: ActionSettings['failOn']): boolean {
  if (failOn === 'never') return false;
  const failed = report.checks.filter((c) => c.verdict === 'fail');
  return failOn === 'threshold' ? failed.some((c) => c.kind !== 'regression') : failed.length > 0;
}

/**
 * Secrets of this run: the github-token and the plan's (values from the environment, header
 * credentials). Masked in the job log by the runner (setSecret) and hidden by us in what we write
 * ourselves (the comment, messages), which the runner's masking does not reach (summary, files).
 */
const redactor = new Redactor();
function hideSecrets(values: string[]): void {
  // The runner masks exact strings: the encoded forms a URL carries are masked too, as the Redactor hides them.
  for (const value of values) for (const form of new Set(secretForms(value))) core.setSecret(form);
  redactor.add(values);
}

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    // The runner masks `secrets.*` and `github.token`, not a token that reached the input any other way.
    if (settings.githubToken) hideSecrets([settings.githubToken]);
    const ctx = readRunContext(process.env);
    const cwd = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), settings.workingDirectory);
    if (settings.postCommentFile) {
      const [{ postHandOff }, api] = await Promise.all([import('./github/post-hand-off.js'), commentApi(settings)]);
      await postHandOff({ file: fromCwd(cwd, settings.postCommentFile), ctx, api, log: actionLog });
      return;
    }
    await gateRun(settings, ctx, cwd);
  } catch (err) {
    if (err instanceof PlanError) {
      // One annotation per problem, on the plan's line, so it shows in the PR's diff view.
      for (const p of err.problems) core.error(redactor.text(p.message), { file: p.file, startLine: p.line, startColumn: p.col });
      core.setFailed(`perf-gate: the plan has ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} (see the annotations above)`);
      return;
    }
    core.setFailed(`perf-gate: ${redactor.text(describeError(err))}`);
  }
}

const actionLog = {
  info: (m: string) => core.info(redactor.text(m)),
  warn: (m: string) => core.warning(redactor.text(m)),
  notice: (m: string) => core.notice(redactor.text(m)),
};

async function gateRun(settings: ActionSettings, ctx: RunContext, cwd: string): Promise<void> {
  const pr = pullRequestFacts(ctx.eventName, ctx.payload);
  // From the workspace root, so two services' perf.yml in different working directories stay apart.
  // An import without a gate file is kept under the tool's name.
  const planId =
    settings.from && !settings.plan ? settings.from : planIdOf(path.relative(process.env.GITHUB_WORKSPACE ?? cwd, path.resolve(cwd, settings.plan)));
  // A maintainer's label accepts this PR's regressions: recorded as such, never a silent pass.
  const accept = settings.acceptLabel && pr?.labels.includes(settings.acceptLabel) ? `label ${settings.acceptLabel}` : undefined;
  // A cancelled job (SIGINT, then SIGTERM) stops the load; the partial report is still written.
  const signal = interruptSignal((m) => core.warning(m));
  const outcome = settings.from
    ? await importRun(settings, cwd, ctx, pr, planId, accept)
    : settings.mergeReports
      ? await mergeRun(settings, settings.mergeReports, cwd, ctx, pr)
      : settings.baseUrl || settings.baseRef
        ? await abRun(settings, cwd, ctx, signal, accept)
        : await storedBaselineRun(settings, cwd, ctx, pr, planId, signal, accept);
  const { report } = outcome;
  core.setOutput('verdict', report.verdict);
  core.setOutput('report-path', outcome.reportPath);
  core.setOutput('html-path', outcome.htmlPath);
  core.setOutput('summary', outcome.summary);
  core.setOutput('baseline-saved', String(outcome.saved));
  core.setOutput('cancelled', String(report.cancelled));
  // A good run whose result could not be kept is reported, then fails the job: nothing lost in silence.
  if (outcome.saveError) core.setFailed(`perf-gate: the baseline could not be saved: ${redactor.text(outcome.saveError)}`);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(fitSummary(outcome.summary, outcome.reportPath)).write();
  if (report.cancelled) {
    // No PR comment: it would replace the last complete result with a partial one, and a verdict
    // on part of the plan means nothing either way. The core saved no baseline.
    core.setFailed('perf-gate: the run was cancelled; the report is partial');
    return;
  }

  const failed = report.checks.filter((c) => c.verdict === 'fail');
  for (const c of failed) {
    const base = c.baseline !== undefined && c.baseline !== null ? ` (baseline ${fmtMetric(c.metric, c.baseline)})` : '';
    core.error(`${c.stage} ${c.metric}: ${fmtMetric(c.metric, c.current)} breaks ${c.limit}${base}`, { title: `perf-gate: ${c.stage} ${c.metric}` });
  }

  if (pr) {
    const handOffFile = fromCwd(cwd, settings.commentFile);
    try {
      const [{ publishComment }, api] = await Promise.all([import('./github/publish-comment.js'), commentApi(settings)]);
      const result = await publishComment({
        mode: settings.comment,
        readOnlyToken: tokenIsReadOnly(ctx.eventName, pr),
        pr,
        // An A/B job beside the usual one keeps its own comment.
        planId: settings.baseUrl || settings.baseRef ? `${planId} (A/B)` : planId,
        body: redactor.text(renderComment(report, outcome.extras)),
        verdict: report.verdict,
        runUrl: ctx.runUrl,
        api,
        handOffFile,
        log: actionLog,
      });
      if ('handedOff' in result) core.setOutput('comment-file', result.handedOff);
    } catch (err) {
      core.warning(`perf-gate: the PR comment could not be written: ${redactor.text(describeError(err))}`);
    }
  }

  const failures = failed.map(failurePhrase);
  if (shouldFail(report, settings.failOn)) {
    core.setFailed(`perf-gate: the gate failed: ${failures.join('; ')}`);
  } else if (failures.length > 0) {
    core.warning(`perf-gate: the gate failed (${failures.join('; ')}), but fail-on: ${settings.failOn} lets the job pass`);
  }
}

/** Where this run's baseline comes from: the store, preferring a PR's base commits. */
function baselineSource(settings: ActionSettings, cwd: string, pr: PullRequestFacts | undefined): BaselineSource | undefined {
  const store = baselineStore(settings, cwd);
  return store && { store, commits: pr ? baseCommits(pr.baseSha, cwd) : undefined, optional: settings.baseline.kind === 'branch' };
}

/** The usual run: compared with the stored baseline, maybe saved as the next one. */
async function storedBaselineRun(
  settings: ActionSettings,
  cwd: string,
  ctx: RunContext,
  pr: PullRequestFacts | undefined,
  planId: string,
  signal: AbortSignal,
  accept?: string,
) {
  const baseline = baselineSource(settings, cwd, pr);
  const store = baseline?.store;
  const { runAndGate } = await loadEngine();
  return runAndGate({
    planFile: settings.plan,
    planId,
    targetUrl: settings.target,
    allowedHosts: settings.allowedHosts,
    baseline,
    save: store && settings.saveBaseline ? saveTarget(store, ctx) : undefined,
    outDir: settings.out,
    env: process.env,
    cwd,
    signal,
    log: actionLog,
    onSecrets: hideSecrets,
    runUrl: ctx.runUrl,
    confirm: settings.confirm,
    runnerProbe: settings.runnerProbe,
    accept,
    onStageStart: (s, i, n, again) => core.info(`[${again ? 'again ' : ''}${i + 1}/${n}] ${s.name} (${s.kind})`),
  });
}

/**
 * Merge mode (`merge-reports`): the matrix's shard reports merged into one and gated against the
 * stored baseline like a single run, then summarised and commented as usual. Not saved as a baseline.
 */
async function mergeRun(settings: ActionSettings, reports: string[], cwd: string, ctx: RunContext, pr: PullRequestFacts | undefined) {
  if (settings.saveBaseline)
    core.info('baseline not saved: a merged result is not stored as a baseline in this version (run the nightly on one runner to refresh it)');
  const { mergeAndGate } = await loadEngine();
  return mergeAndGate({
    shardFiles: reports,
    planFile: settings.plan || undefined,
    baseline: baselineSource(settings, cwd, pr),
    outDir: settings.out,
    env: process.env,
    cwd,
    log: actionLog,
    runUrl: ctx.runUrl,
  });
}

/**
 * Import mode (`from`, `results`): another tool's results gated like a run: against the stored
 * baseline, saved as the next one on trusted refs when it passes, summarised and commented as usual.
 */
async function importRun(settings: ActionSettings, cwd: string, ctx: RunContext, pr: PullRequestFacts | undefined, planId: string, accept?: string) {
  const baseline = baselineSource(settings, cwd, pr);
  const store = baseline?.store;
  const { compareImported } = await loadEngine();
  return compareImported({
    tool: settings.from!,
    resultsFile: settings.results!,
    baseline,
    save: store && settings.saveBaseline ? saveTarget(store, ctx) : undefined,
    planFile: settings.plan || undefined,
    planId,
    outDir: settings.out,
    env: process.env,
    cwd,
    log: actionLog,
    runUrl: ctx.runUrl,
    accept,
  });
}

/**
 * A/B mode: base and head side by side on this runner; no store is read or written. `base-url`: both
 * already running; `base-ref`: perf-gate checks the base out (fetching it if need be), builds and starts both.
 */
async function abRun(settings: ActionSettings, cwd: string, ctx: RunContext, signal: AbortSignal, accept?: string) {
  if (settings.saveBaseline)
    core.info(`save-baseline is ignored with ${settings.baseRef ? 'base-ref' : 'base-url'}: an A/B result compares two builds and is no baseline of either`);
  const { runAbAndGate } = await loadEngine();
  return runAbAndGate({
    planFile: settings.plan,
    allowedHosts: settings.allowedHosts,
    ...(settings.baseRef ? { baseRef: settings.baseRef, fetchBaseRef: true } : { baseUrl: settings.baseUrl, headUrl: settings.target }),
    rounds: settings.abRounds,
    outDir: settings.out,
    env: process.env,
    cwd,
    signal,
    log: actionLog,
    onSecrets: hideSecrets,
    runUrl: ctx.runUrl,
    accept,
    onRound: (s, round, n, side) => core.info(`${s.name} round ${round + 1}/${n}: ${side}`),
  });
}

/** GitHub refuses job summaries over 1 MiB: cut at a line, and say where the whole report is. */
export function fitSummary(summary: string, reportPath: string, limit = 1_000_000): string {
  if (Buffer.byteLength(summary) <= limit) return summary;
  let cut = summary.slice(0, limit - 2000);
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return `${cut}\n\n… the summary was cut at GitHub's 1 MiB limit: the full report is ${reportPath} (upload it as an artifact).\n`;
}

function baselineStore(settings: ActionSettings, cwd: string): BaselineStore | undefined {
  const b = settings.baseline;
  if (b.kind === 'none') return undefined;
  if (b.kind === 'file') return new FileStore({ file: fromCwd(cwd, b.file), force: settings.forceBaseline, forceHint: 'set the input force-baseline: true' });
  const repoDir = process.env.GITHUB_WORKSPACE ?? cwd;
  return new BranchStore({ repoDir, branch: b.branch, keep: settings.historyKeep, log: actionLog });
}

/** Where this run's result goes, if this run may write one (the log says why not otherwise). */
function saveTarget(store: BaselineStore, ctx: RunContext): BaselineTarget | undefined {
  const refusal = baselineWriteRefusal(ctx);
  if (refusal) {
    core.info(`baseline not saved: ${refusal}`);
    return undefined;
  }
  return { store, commit: ctx.sha ?? 'local', run: ctx.run ?? new Date().toISOString() };
}
