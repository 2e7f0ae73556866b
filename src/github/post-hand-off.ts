/**
 * `workflow_run` mode (`post-comment-file`): post the comment a fork's PR run handed off. The file
 * came from an artifact the fork's code could have written, so everything in it is checked: the
 * repository must be ours, and the PR it names must be the one the triggering run built (its head
 * commit equals the run's head_sha). PR code is never checked out or run here.
 */
import type { Logger } from '../model/logger.js';
import { HandOffRejectedError, UsageError } from '../errors.js';
import { readCommentFile } from './comment-file.js';
import { upsertComment, type CommentApi } from './comment.js';
import type { RunContext } from './context.js';

interface WorkflowRunFacts {
  headSha: string;
  prNumbers: number[];
}

function workflowRunFacts(payload: unknown): WorkflowRunFacts | undefined {
  const run = (payload as { workflow_run?: { head_sha?: unknown; pull_requests?: unknown } } | null)?.workflow_run;
  if (!run || typeof run.head_sha !== 'string' || !/^[0-9a-f]{40,64}$/i.test(run.head_sha)) return undefined;
  const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  return { headSha: run.head_sha, prNumbers: prs.map((p) => (p as { number?: unknown })?.number).filter((n): n is number => Number.isInteger(n)) };
}

/**
 * The body was written by a run of the fork's code and is posted as our bot: no @mentions to ping
 * people or teams, no #N / owner/repo#N references to cross-link other issues.
 */
export function neutralize(body: string): string {
  return body.replace(/@(?=[A-Za-z0-9])/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b');
}

export async function postHandOff(o: { file: string; ctx: RunContext; api: () => CommentApi | undefined; log: Logger }): Promise<void> {
  if (o.ctx.eventName !== 'workflow_run') throw new UsageError('input "post-comment-file" is for jobs triggered by workflow_run');
  const facts = workflowRunFacts(o.ctx.payload);
  if (!facts) throw new HandOffRejectedError('the workflow_run event has no head commit');
  if (!o.ctx.repository) throw new HandOffRejectedError('GITHUB_REPOSITORY is not set');
  const handOff = readCommentFile(o.file, o.ctx.repository);
  const api = o.api();
  if (!api) throw new UsageError('input "github-token" is needed to post the comment');
  const [owner, repo] = o.ctx.repository.split('/') as [string, string];
  const target = { owner, repo, issueNumber: handOff.pr };
  const pr = await api.pullRequest(target);
  if (pr.state !== 'open') throw new HandOffRejectedError(`pull request #${handOff.pr} is not open`);
  if (facts.prNumbers.length > 0 ? !facts.prNumbers.includes(handOff.pr) : pr.headSha !== facts.headSha) {
    throw new HandOffRejectedError(`pull request #${handOff.pr} is not the one the triggering run built`);
  }
  const r = await upsertComment(api, target, handOff.planId, neutralize(handOff.body));
  o.log.info(`PR comment ${r.action} on #${handOff.pr}: ${r.url}`);
}
