/**
 * What the workflow run is (event, ref, default branch), read from the runner's environment and
 * event payload. Decides whether this run may write a baseline: only trusted runs may, so a pull
 * request (perhaps from a fork) can never move the bar it is measured against.
 */
import { readFileSync } from 'node:fs';

export interface RunContext {
  eventName: string;
  /** GITHUB_ACTIONS=true: a workflow run, where an empty event name is no proof of a local run. */
  onActions?: boolean;
  ref: string;
  defaultBranch?: string;
  /** The event payload (untrusted input: parse it with care), {} when unreadable. */
  payload?: unknown;
  /** owner/name */
  repository?: string;
  sha?: string;
  /** GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT */
  run?: string;
  runUrl?: string;
}

export function readRunContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  let defaultBranch: string | undefined;
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
      const branch = (payload as { repository?: { default_branch?: unknown } } | null)?.repository?.default_branch;
      defaultBranch = typeof branch === 'string' ? branch : undefined;
    } catch {
      // No readable payload: the default branch stays unknown and the event name decides.
    }
  }
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    onActions: env.GITHUB_ACTIONS === 'true',
    ref: env.GITHUB_REF ?? '',
    defaultBranch,
    payload,
    repository,
    sha: env.GITHUB_SHA,
    run: runId ? `${runId}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined,
    runUrl: server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
  };
}

const TRUSTED_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

/** Why this run must not write a baseline, or undefined when it may. */
export function baselineWriteRefusal(ctx: RunContext): string | undefined {
  if (ctx.eventName === '') {
    // A local run of the bundle may write; on Actions an unknown event must not count as trusted.
    return ctx.onActions
      ? 'GITHUB_EVENT_NAME is empty, so this run cannot show it is a push, schedule or workflow_dispatch run of the default branch'
      : undefined;
  }
  if (!TRUSTED_EVENTS.has(ctx.eventName)) {
    return `this is a ${ctx.eventName} run; baselines are written only by push, schedule and workflow_dispatch runs of the default branch`;
  }
  if (ctx.eventName === 'schedule') return undefined; // scheduled runs are on the default branch
  if (!ctx.defaultBranch) return 'the event payload does not name the default branch, so this run cannot show it is on it';
  if (ctx.ref !== `refs/heads/${ctx.defaultBranch}`) return `${ctx.ref || 'this ref'} is not the default branch (${ctx.defaultBranch})`;
  return undefined;
}
