/**
 * The pull-request facts perf-gate needs from a workflow's event payload: which PR to comment on,
 * and whether it comes from a fork. A fork's PR gets a read-only token, so it cannot comment
 * itself and hands the comment to a later `workflow_run` job (see comment-file.ts).
 */

export interface PullRequestFacts {
  number: number;
  /** 'owner/name' of the repository the PR merges into (where the comment goes). */
  baseRepo: string;
  /** 'owner/name' of the repository the PR's branch lives in; '' when that fork was deleted. */
  headRepo: string;
  fromFork: boolean;
  headSha: string;
  baseSha?: string;
  /** Label names on the PR when the event fired (a `labeled` event includes the new one). */
  labels: string[];
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * Whether this run's token can only read: a fork's `pull_request` run. `pull_request_target` runs
 * the base repository's workflow with a token that can write, fork or not.
 */
export function tokenIsReadOnly(eventName: string, pr: PullRequestFacts): boolean {
  return pr.fromFork && eventName !== 'pull_request_target';
}
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SHA = /^[0-9a-f]{7,64}$/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fullName(repo: unknown): string | undefined {
  if (!isRecord(repo)) return undefined;
  return typeof repo.full_name === 'string' && FULL_NAME.test(repo.full_name) ? repo.full_name : undefined;
}

function sha(ref: Record<string, unknown>): string | undefined {
  return typeof ref.sha === 'string' && SHA.test(ref.sha) ? ref.sha : undefined;
}

/**
 * Facts about the PR this run is for, or undefined when the event is not a pull request or the
 * payload does not have the expected shape. Never throws: the payload is input, not code.
 */
export function pullRequestFacts(eventName: string, payload: unknown): PullRequestFacts | undefined {
  if (!PR_EVENTS.has(eventName) || !isRecord(payload)) return undefined;
  const pr = payload.pull_request;
  if (!isRecord(pr) || !isRecord(pr.head) || !isRecord(pr.base)) return undefined;
  const number = pr.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) return undefined;
  const baseRepo = fullName(pr.base.repo);
  const headSha = sha(pr.head);
  if (baseRepo === undefined || headSha === undefined) return undefined;

  // A head repo of null means the fork was deleted after the PR was opened: still a fork's PR.
  let headRepo: string;
  if (pr.head.repo === null) headRepo = '';
  else {
    const name = fullName(pr.head.repo);
    if (name === undefined) return undefined;
    headRepo = name;
  }
  // GitHub treats owner and repository names case-insensitively.
  const fromFork = headRepo.toLowerCase() !== baseRepo.toLowerCase();
  const baseSha = sha(pr.base);
  const labels = Array.isArray(pr.labels) ? pr.labels.flatMap((l) => (isRecord(l) && typeof l.name === 'string' ? [l.name] : [])) : [];
  return { number, baseRepo, headRepo, fromFork, headSha, ...(baseSha !== undefined ? { baseSha } : {}), labels };
}
