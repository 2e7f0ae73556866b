/**
 * The base side of `ab --base-ref REF`: the commit REF names in the repository that holds the plan,
 * checked out as a detached git worktree in a temporary folder, and removed again (also when the
 * run fails, or the process exits early), so `git worktree list` and the user's checkout are left
 * exactly as they were.
 */
import type { Logger } from '../model/logger.js';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GitRefError, UsageError } from '../errors.js';

const run = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 });
  return stdout.trim();
}

/** The top folder of the git repository holding `dir`. */
export async function repositoryOf(dir: string): Promise<string> {
  try {
    return await git(dir, 'rev-parse', '--show-toplevel');
  } catch {
    throw new UsageError(`--base-ref needs the plan in a git repository, and ${dir} is not in one`);
  }
}

/** The commit `ref` names, or undefined (no such ref, or not a commit). */
async function commitOf(repo: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`)) || undefined;
  } catch {
    return undefined;
  }
}

/** The commit checked out in `repo` (HEAD). */
export async function headCommit(repo: string): Promise<string> {
  const sha = await commitOf(repo, 'HEAD');
  if (!sha) throw new UsageError(`${repo} has no commit checked out (HEAD names none)`);
  return sha;
}

/** Whether the checkout has changes no commit holds (tracked files changed, or untracked files not ignored). */
export async function hasLocalChanges(repo: string): Promise<boolean> {
  return (await git(repo, 'status', '--porcelain')).length > 0;
}

/**
 * The commit `ref` names. With `fetch`, a ref the checkout lacks (a shallow clone, the default of
 * actions/checkout) is fetched from origin first. A ref that names nothing is exit 2.
 */
export async function resolveRef(repo: string, ref: string, o: { fetch?: boolean; log?: Logger } = {}): Promise<string> {
  if (ref.trim() === '' || ref.startsWith('-')) throw new GitRefError(`--base-ref: "${ref}" is not a commit or branch name`);
  const local = await commitOf(repo, ref);
  if (local) return local;
  if (o.fetch) {
    const shallow = (await git(repo, 'rev-parse', '--is-shallow-repository').catch(() => 'false')) === 'true';
    o.log?.info(`fetching ${ref} from origin (the checkout does not have it)`);
    try {
      await git(repo, 'fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', ref);
      const fetched = await commitOf(repo, 'FETCH_HEAD');
      if (fetched) return fetched;
    } catch (err) {
      const why = ((err as { stderr?: string }).stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? 'git fetch failed';
      throw new GitRefError(`base ref "${ref}" is not in ${repo} and could not be fetched from origin: ${why}`);
    }
  }
  throw new GitRefError(`base ref "${ref}" names no commit in ${repo}${o.fetch ? '' : ' (fetch it first, e.g. git fetch origin ' + ref + ')'}`);
}

export interface Worktree {
  /** The worktree's top folder. */
  dir: string;
  /** Removes the worktree and its folder; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * `commit` checked out (detached) in a new temporary folder, registered as a worktree of `repo`
 * until `remove()`. A process that exits before that (an error, a second Ctrl-C) removes it on exit.
 */
export async function addWorktree(repo: string, commit: string): Promise<Worktree> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'perf-gate-base-')));
  let removed = false;
  const removeNow = (): void => {
    if (removed) return;
    removed = true;
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: repo, stdio: 'ignore' });
    } catch {
      // already gone (or never added): prune below forgets it either way
    }
    try {
      execFileSync('git', ['worktree', 'prune'], { cwd: repo, stdio: 'ignore' });
    } catch {
      // nothing to prune
    }
  };
  process.once('exit', removeNow);
  try {
    await git(repo, 'worktree', 'add', '--quiet', '--detach', dir, commit);
  } catch (err) {
    process.removeListener('exit', removeNow);
    await rm(dir, { recursive: true, force: true });
    const why = ((err as { stderr?: string }).stderr ?? '').trim().split('\n').at(-1);
    throw new UsageError(`could not check out the base commit ${commit.slice(0, 12)} as a worktree of ${repo}: ${why || (err as Error).message}`);
  }
  return {
    dir,
    remove: async () => {
      process.removeListener('exit', removeNow);
      removeNow();
      // Build outputs git does not track may remain after `worktree remove --force` failed half-way.
      await rm(dir, { recursive: true, force: true });
    },
  };
}
