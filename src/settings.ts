/**
 * The action's inputs, read once into one typed object (as actions/checkout's input-helper does).
 * An invalid value fails with a message naming the input.
 */
import { abRounds } from './input-checks.js';
import * as core from '@actions/core';
import { UsageError } from './errors.js';
import { checkTargetUrl, runnerProbeSetting } from './input-checks.js';
import { parseAllowedHosts, type AllowedHost } from './load/destination.js';
import type { CommentMode } from './github/comment-mode.js';
export type { CommentMode };

export type FailOn = 'regression' | 'threshold' | 'never';

export type BaselineSpec = { kind: 'branch'; branch: string } | { kind: 'file'; file: string } | { kind: 'none' };

export interface ActionSettings {
  /** Empty in post-comment mode. */
  plan: string;
  target?: string;
  /** `allowed-hosts`: hosts load may go to besides loopback (target.allow_remote allows any). */
  allowedHosts: AllowedHost[];
  baseline: BaselineSpec;
  saveBaseline: boolean;
  /** A `file:` baseline saved for another plan is compared all the same (with a caveat) instead of refused. */
  forceBaseline: boolean;
  githubToken?: string;
  comment: CommentMode;
  failOn: FailOn;
  out: string;
  workingDirectory: string;
  /** Where a fork PR's comment is handed off (read-only token), relative to working-directory. */
  commentFile: string;
  /** Login the token comments as, when GET /user cannot tell (a GitHub App's `<slug>[bot]`). */
  commentAuthor?: string;
  /** `workflow_run` mode: post the hand-off file found here instead of running a plan. */
  postCommentFile?: string;
  historyKeep: number;
  /** Re-run a stage that fails a regression rule once before failing it. */
  confirm: boolean;
  /** The PR label that accepts regressions; undefined = none does. */
  acceptLabel?: string;
  /** A/B mode: the base build's URL (the head is `target`). */
  baseUrl?: string;
  /** Turnkey A/B mode: the base commit (fetched when the checkout lacks it); perf-gate builds and starts both sides. */
  baseRef?: string;
  abRounds: number;
  /** Time a CPU task between stages (env PERF_GATE_RUNNER_PROBE=0 turns it off). */
  runnerProbe: boolean;
  /** Merge mode: shard reports (files or folders) to merge and gate instead of running the plan. */
  mergeReports?: string[];
  /** Import mode (`from` + `results`): gate another tool's results file instead of running load; `plan` is then an optional gate file. */
  from?: 'k6' | 'locust';
  results?: string;
}

/** `branch:NAME` (default `branch:perf-gate-data`), `file:PATH` or a plain path, `none`. */
export function parseBaselineInput(raw: string): BaselineSpec {
  const v = raw.trim();
  if (v === '') return { kind: 'branch', branch: 'perf-gate-data' };
  if (v === 'none') return { kind: 'none' };
  if (v.startsWith('branch:')) {
    const branch = v.slice('branch:'.length);
    if (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.includes('..') || branch.startsWith('-')) {
      throw new UsageError(`input "baseline": "${v}" does not name a valid branch (branch:perf-gate-data)`);
    }
    return { kind: 'branch', branch };
  }
  if (v === 'artifact') throw new UsageError('input "baseline": the artifact store is not available in this version yet; use branch:NAME or file:PATH');
  const file = v.replace(/^file:/, '');
  if (!file) throw new UsageError('input "baseline": file: needs a path, such as file:perf/baseline.json');
  return { kind: 'file', file };
}

/** Reads an input through `get`, so tests can pass a map instead of INPUT_* variables. */
export type InputReader = (name: string) => string;

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const v = get(name).trim();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`input "${name}" must be one of ${allowed.join(', ')}; got "${v}"`);
}

function bool(get: InputReader, name: string, fallback: boolean): boolean {
  const v = get(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new UsageError(`input "${name}" must be true or false; got "${get(name)}"`);
}

/** Empty: the default label (GitHub fills defaults in, a local run does not); `none`: no label accepts. */
function acceptLabel(raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return 'perf-gate:accept';
  return v === 'none' ? undefined : v;
}

export function readSettings(get: InputReader = (n) => core.getInput(n)): ActionSettings {
  const postCommentFile = get('post-comment-file').trim() || undefined;
  const plan = get('plan').trim();
  const from = get('from').trim() || undefined;
  const results = get('results').trim() || undefined;
  if (from !== undefined && from !== 'k6' && from !== 'locust') throw new UsageError(`input "from" must be one of k6, locust; got "${from}"`);
  if ((from === undefined) !== (results === undefined)) {
    throw new UsageError(
      from
        ? 'input "from" needs "results": the path of the k6 summary JSON or Locust PREFIX_stats.csv to gate'
        : 'input "results" needs "from": k6 or locust, the tool that wrote it',
    );
  }
  if (!plan && !postCommentFile && !from) throw new UsageError('input "plan" is required: the path of the perf plan (YAML)');
  const target = get('target').trim() || undefined;
  if (target !== undefined) checkTargetUrl(target, 'input "target":');
  const baseUrl = get('base-url').trim() || undefined;
  if (baseUrl !== undefined) checkTargetUrl(baseUrl, 'input "base-url":');
  const baseRef = get('base-ref').trim() || undefined;
  if (baseRef !== undefined && (baseUrl !== undefined || target !== undefined)) {
    throw new UsageError(
      `inputs "base-ref" and "${baseUrl !== undefined ? 'base-url' : 'target'}" do not go together: with base-ref perf-gate starts both builds itself, on ports it picks (\${PORT} in the plan's target)`,
    );
  }
  const merge = get('merge-reports')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (baseRef !== undefined && (merge.length > 0 || from))
    throw new UsageError(
      `input "base-ref" does not go with "${from ? 'from' : 'merge-reports'}": A/B runs two builds, ${from ? 'an import gates results another tool already measured' : 'merge gates shard reports already run'}`,
    );
  if (merge.length > 0 && baseUrl !== undefined)
    throw new UsageError('inputs "merge-reports" and "base-url" do not go together: merge gates shard reports already run, A/B runs two builds');
  if (from && (merge.length > 0 || baseUrl !== undefined))
    throw new UsageError(
      `input "from" does not go with "${baseUrl !== undefined ? 'base-url' : 'merge-reports'}": an import gates results another tool already measured`,
    );
  const rounds = abRounds(get('ab-rounds'), 'input "ab-rounds"');
  const keep = get('history').trim() || '50';
  if (!/^[1-9]\d*$/.test(keep)) throw new UsageError(`input "history" must be a whole number of runs to keep, such as 50; got "${keep}"`);
  return {
    plan,
    target,
    allowedHosts: parseAllowedHosts(get('allowed-hosts')),
    baseline: parseBaselineInput(get('baseline')),
    saveBaseline: bool(get, 'save-baseline', false),
    forceBaseline: bool(get, 'force-baseline', false),
    githubToken: get('github-token') || undefined,
    comment: oneOf(get, 'comment', ['always', 'on-regression', 'never'] as const, 'always'),
    failOn: oneOf(get, 'fail-on', ['regression', 'threshold', 'never'] as const, 'regression'),
    out: get('out').trim() || 'perf-gate-report',
    workingDirectory: get('working-directory').trim() || '.',
    commentFile: get('comment-file').trim() || 'perf-gate-comment/comment.json',
    commentAuthor: get('comment-author').trim() || undefined,
    postCommentFile,
    historyKeep: Number(keep),
    confirm: bool(get, 'confirm', true),
    acceptLabel: acceptLabel(get('accept-label')),
    baseUrl,
    baseRef,
    abRounds: Number(rounds),
    runnerProbe: runnerProbeSetting(process.env),
    mergeReports: merge.length > 0 ? merge : undefined,
    ...(from && { from, results }),
  };
}
