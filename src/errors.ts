/**
 * Every failure perf-gate reports on purpose is one of these classes. Each carries a stable `code`
 * (for scripts and tests) and the process exit code is derived from the class in one place,
 * `exitCodeFor`, so the CLI and the action agree (SPEC §1: 1 gate failed, 2 bad input, 3 target).
 */

export class PerfGateError extends Error {
  readonly code: string = 'PERF_GATE_ERROR';
  readonly exitCode: number = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PerfGateError';
  }
}

/** One located problem in a plan file: reported as `file:line:col: message`. */
export interface PlanProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: PlanProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** The plan could not be used; `problems` holds all of them, not only the first. */
export class PlanError extends PerfGateError {
  override readonly code = 'E_PLAN';
  override readonly exitCode = 2;
  readonly problems: PlanProblem[];
  constructor(problems: PlanProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PlanError';
    this.problems = problems;
  }
}

/** Bad flags, bad action inputs. */
export class UsageError extends PerfGateError {
  override readonly code = 'E_USAGE';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A baseline or result file that cannot be read or is not a perf-gate result. */
export class BaselineError extends PerfGateError {
  override readonly code = 'E_BASELINE';
  override readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BaselineError';
  }
}

/** The reports given to `merge` are not the n shards of one run: not shards, missing, doubled, of different plans. */
export class ShardMergeError extends PerfGateError {
  override readonly code = 'E_SHARDS';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ShardMergeError';
  }
}

/** A worker thread of a stage (`workers:`) crashed, exited or could not start: the stage fails rather than hang. */
export class WorkerError extends PerfGateError {
  override readonly code = 'E_WORKER';
  override readonly exitCode = 2;
  override name = 'WorkerError';
}

/**
 * `compare --from k6|locust`: a results file that is not what that tool writes (not JSON, not a k6
 * summary, a Locust CSV missing columns). The message names the file and what is wrong with it.
 */
export class ImportError extends PerfGateError {
  override readonly code = 'E_IMPORT';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The target never answered (or its start command died) before the first stage. */
export class TargetUnreachableError extends PerfGateError {
  override readonly code = 'E_TARGET_UNREACHABLE';
  override readonly exitCode = 3;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TargetUnreachableError';
  }
}

/**
 * `target.start` is set but something already answers on the target's port: the run would measure
 * that server, not the app the plan starts.
 */
export class PortInUseError extends PerfGateError {
  override readonly code = 'E_PORT_IN_USE';
  override readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'PortInUseError';
  }
}

/** `ab --base-ref REF`: REF names no commit of the plan's repository (after a fetch, where one is allowed). */
export class GitRefError extends PerfGateError {
  override readonly code = 'E_GIT_REF';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'GitRefError';
  }
}

/** `ab --base-ref`: a side's `target.build` failed (or could not start): nothing of that side can be measured. */
export class BuildError extends PerfGateError {
  override readonly code = 'E_BUILD';
  override readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

/** A capability named in the contract that this build does not provide yet: says so plainly. */
export class NotImplementedError extends PerfGateError {
  override readonly code = 'E_NOT_IMPLEMENTED';
  override readonly exitCode = 2;
  constructor(what: string) {
    super(`${what} is not available in this version of perf-gate yet`);
    this.name = 'NotImplementedError';
  }
}

/**
 * The app's resource source (target.process, the start group) could not be read. Never ends a run:
 * the sampler catches it and the stage's `resources.error` carries the message.
 */
export class ResourceSourceError extends PerfGateError {
  override readonly code = 'E_RESOURCE_SOURCE';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ResourceSourceError';
  }
}

/**
 * A plan value in the wrong unit or form (`parseDuration`, `parseRate`, ...). The message says what
 * to write instead; the validator adds the location and reports it as a PlanError.
 */
export class UnitError extends PerfGateError {
  override readonly code = 'E_UNIT';
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

/** The data set a RowsExhausted names (a plan's `data:` entry, as far as the message needs it). */
interface ExhaustedSet {
  name: string;
  file: string;
  rows: readonly unknown[];
}

/**
 * `pick: unique` ran out: every row was handed out. The engine catches it and stops the stage
 * with its message; it never ends the process.
 */
export class RowsExhausted extends PerfGateError {
  override readonly code = 'E_ROWS_EXHAUSTED';
  override readonly exitCode = 2;
  constructor(readonly set: ExhaustedSet) {
    super(
      `data ${set.name}: all ${set.rows.length} rows of ${set.file} were used (pick: unique hands each row out once per run); add rows, or use pick: sequential`,
    );
    this.name = 'RowsExhausted';
  }
}

/** A GitHub REST call failed. `status` is the HTTP status, undefined when none came back. */
export class GitHubApiError extends PerfGateError {
  override readonly code = 'E_GITHUB_API';
  override readonly exitCode = 2;
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined) {
    super(message);
    this.name = 'GitHubApiError';
    this.status = status;
  }
}

/**
 * The token may not comment here: a fork's PR (read-only token), a workflow without
 * `pull-requests: write`, or a token without access. The caller reports it as a notice; the
 * gate's verdict does not depend on the comment.
 */
export class CommentForbiddenError extends PerfGateError {
  override readonly code = 'E_COMMENT_FORBIDDEN';
  override readonly exitCode = 2;
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'CommentForbiddenError';
    this.status = status;
  }
}

/** The fork hand-off file is missing, unreadable or not what perf-gate writes. */
export class CommentFileError extends PerfGateError {
  override readonly code = 'E_COMMENT_FILE';
  override readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommentFileError';
  }
}

/**
 * `post-comment-file`: the hand-off file names a repository, pull request or commit other than the
 * triggering run's, so it is not posted. A usage error (exit 2), as the action's inputs are.
 */
export class HandOffRejectedError extends UsageError {
  constructor(why: string) {
    super(`the comment file was not posted: ${why}`);
  }
}

/** 130 = 128 + SIGINT, the shell convention for an interrupted command. */
export const EXIT = { pass: 0, gateFailed: 1, badInput: 2, targetUnreachable: 3, interrupted: 130 } as const;

/** The one place errors become exit codes. Unknown errors are bugs: exit 2 with their message. */
export function exitCodeFor(err: unknown): number {
  return err instanceof PerfGateError ? err.exitCode : EXIT.badInput;
}

/** One line (or, for plans, one line per problem) saying why; never a stack trace. */
export function describeError(err: unknown): string {
  if (err instanceof PerfGateError) return err.message;
  if (err instanceof Error) return `internal error: ${err.message}`;
  return `internal error: ${String(err)}`;
}
