/**
 * The PR comment step of the action: post or edit the one sticky comment, or, on a fork's PR (a
 * read-only token), hand the body to a later `workflow_run` job through a file. A comment problem
 * never fails the job: the gate's verdict is what fails it.
 */
import { notice, type Logger } from '../model/logger.js';
import type { CommentMode } from './comment-mode.js';
import type { PullRequestFacts } from './pull-request.js';
import { CommentForbiddenError } from '../errors.js';
import { fitComment, upsertComment, type CommentApi } from './comment.js';
import { writeCommentFile } from './comment-file.js';
import type { Verdict } from '../model/report.js';

export interface PublishInput {
  mode: CommentMode;
  /** A fork's pull_request run: the comment is handed off instead of posted. */
  readOnlyToken: boolean;
  pr: PullRequestFacts;
  planId: string;
  body: string;
  verdict: Verdict;
  runUrl?: string;
  /** Made only when needed (no token, no API call, on a fork). */
  api: () => CommentApi | undefined;
  /** Where a fork's comment is handed off. */
  handOffFile: string;
  log: Logger;
}

export type PublishResult = { posted: 'created' | 'updated' | 'skipped' } | { handedOff: string } | { skipped: string };

export async function publishComment(i: PublishInput): Promise<PublishResult> {
  if (i.mode === 'never') return { skipped: 'comment: never' };
  const body = fitComment(i.body, i.runUrl);
  // on-regression: a passing run starts no comment, but keeps an earlier one up to date.
  const createIfMissing = i.mode === 'always' || i.verdict === 'fail';
  const handOff = (why: string): PublishResult => {
    writeCommentFile(i.handOffFile, { pr: i.pr.number, repo: i.pr.baseRepo, planId: i.planId, body });
    notice(i.log, `${why}: the comment was written to ${i.handOffFile} for a workflow_run job to post (see the fork-safe recipe in docs/action.md)`);
    return { handedOff: i.handOffFile };
  };
  if (i.readOnlyToken)
    return createIfMissing ? handOff('this pull request comes from a fork, whose token is read-only') : { skipped: 'fork PR, nothing to update' };
  const api = i.api();
  if (!api) return { skipped: 'no github-token' };
  const [owner, repo] = i.pr.baseRepo.split('/') as [string, string];
  try {
    const r = await upsertComment(api, { owner, repo, issueNumber: i.pr.number }, i.planId, body, { createIfMissing });
    if (r.action !== 'skipped') i.log.info(`PR comment ${r.action}: ${r.url}`);
    return { posted: r.action };
  } catch (err) {
    if (err instanceof CommentForbiddenError) return handOff(err.message);
    throw err;
  }
}
