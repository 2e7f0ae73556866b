/**
 * The fork hand-off. A pull request from a fork runs with a read-only token, so its job writes
 * the comment to a file (uploaded as an artifact) and a `workflow_run` job with a write token
 * posts it. That job runs trusted code on a file the fork's code could have written, so the
 * reader treats it as hostile: strict shape, bounded size, the repository pinned by the caller,
 * and no perf-gate marker smuggled in the body.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CommentFileError } from '../errors.js';
import { COMMENT_LIMIT } from './comment.js';

export const COMMENT_FILE_VERSION = 1;
/** A plan id, and an A/B run's (`<plan> (A/B)`: its own comment beside the usual one). */
const PLAN_ID = /^[A-Za-z0-9._-]{1,100}( \(A\/B\))?$/;
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** A body of COMMENT_LIMIT characters, JSON-escaped at worst (\uXXXX), plus the other fields. */
const MAX_FILE_BYTES = COMMENT_LIMIT * 6 + 4_096;
const KEYS = ['version', 'pr', 'repo', 'plan', 'body'];

export interface CommentHandOff {
  pr: number;
  /** 'owner/name' of the repository the PR belongs to. */
  repo: string;
  planId: string;
  body: string;
}

/** What the reader returns: the repository is the one the caller expected, so it is not repeated. */
export type CommentFileContent = Omit<CommentHandOff, 'repo'>;

/** Removes every `<!-- perf-gate:` opener, repeatedly, so the removal cannot assemble a new one. */
export function stripMarkers(body: string): string {
  const opener = /<!--\s*perf-gate:/gi;
  let out = body;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(opener, '');
  }
  return out;
}

function problem(file: string, what: string): CommentFileError {
  return new CommentFileError(`${file} is not a perf-gate comment file: ${what}`);
}

function validate(file: string, data: unknown, expectedRepo: string, expectedPr?: number): CommentFileContent {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw problem(file, 'expected a JSON object');
  const doc = data as Record<string, unknown>;
  const extra = Object.keys(doc).filter((k) => !KEYS.includes(k));
  if (extra.length > 0) throw problem(file, `unexpected field ${JSON.stringify(extra[0])}`);
  if (doc.version !== COMMENT_FILE_VERSION) throw problem(file, `version must be ${COMMENT_FILE_VERSION}`);
  const pr = doc.pr;
  if (typeof pr !== 'number' || !Number.isSafeInteger(pr) || pr <= 0) throw problem(file, 'pr must be a positive integer');
  if (expectedPr !== undefined && pr !== expectedPr) throw problem(file, `pr is ${pr}, expected ${expectedPr}`);
  // The repository is not printed back: it is attacker-chosen text and says nothing useful.
  if (typeof doc.repo !== 'string' || doc.repo !== expectedRepo) throw problem(file, `repo must be ${expectedRepo}`);
  if (typeof doc.plan !== 'string' || !PLAN_ID.test(doc.plan))
    throw problem(file, 'plan must be a plan id: ^[A-Za-z0-9._-]{1,100}$, with " (A/B)" after it for an A/B run');
  if (typeof doc.body !== 'string') throw problem(file, 'body must be a string');
  if (doc.body.length > COMMENT_LIMIT) throw problem(file, `body is longer than ${COMMENT_LIMIT} characters`);
  return { pr, planId: doc.plan, body: stripMarkers(doc.body) };
}

/** Reads at most MAX_FILE_BYTES of a regular file; a symlink is refused (it could point anywhere). */
function readBounded(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    throw new CommentFileError(`cannot open the comment file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw problem(file, 'not a regular file');
    if (st.size > MAX_FILE_BYTES) throw problem(file, `larger than ${MAX_FILE_BYTES} bytes`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The comment a fork's run handed off, validated as untrusted input. `expectedRepo` is the
 * repository of the workflow_run job itself; pass `expectedPr` when the caller knows the PR
 * independently (e.g. from the workflow_run's head branch), so a file cannot aim at another PR.
 */
export function readCommentFile(file: string, expectedRepo: string, options: { expectedPr?: number } = {}): CommentFileContent {
  const text = readBounded(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw problem(file, 'not valid JSON');
  }
  return validate(file, data, expectedRepo, options.expectedPr);
}

/** Writes the hand-off file (creating its folder); refuses content the reader would reject. */
export function writeCommentFile(file: string, handOff: CommentHandOff): void {
  if (!REPO.test(handOff.repo)) throw new CommentFileError(`repo must be 'owner/name', got ${JSON.stringify(handOff.repo)}`);
  const doc = { version: COMMENT_FILE_VERSION, pr: handOff.pr, repo: handOff.repo, plan: handOff.planId, body: handOff.body };
  validate(file, doc, handOff.repo);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc)}\n`);
}
