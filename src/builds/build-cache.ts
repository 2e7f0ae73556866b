/**
 * `target.build` of the checkout (the head side) skipped when it would rebuild what is already
 * there: the same tree, at the same commit, with no change git can see (tracked or untracked), the
 * same command, and the same ignored entries (the build's outputs: names and modification times of
 * what `git status --ignored` lists) as right after the last successful build. Anything else builds.
 * The record lives in the repository's git folder (`perf-gate/builds.json`), never in the tree.
 * The base side is a fresh worktree each run, so it always builds.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]): Promise<string> => (await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;

interface Entry {
  commit: string;
  command: string;
  outputs: string;
}

export class BuildCache {
  private constructor(
    private readonly tree: string,
    private readonly key: string,
    private readonly file: string,
    private readonly exclude: string[],
  ) {}

  /**
   * The cache of builds run in `cwd`, in the checkout whose top folder is `tree`. `exclude`: folders
   * perf-gate itself writes (its reports), which are no build's output.
   */
  static async of(tree: string, cwd: string, exclude: string[] = []): Promise<BuildCache> {
    const common = path.resolve(tree, (await git(tree, 'rev-parse', '--git-common-dir')).trim());
    return new BuildCache(
      tree,
      cwd,
      path.join(common, 'perf-gate', 'builds.json'),
      exclude.map((e) => path.relative(tree, e)),
    );
  }

  private excluded(entry: string): boolean {
    const clean = entry.replace(/\/$/, '');
    return this.exclude.some((e) => clean === e || clean.startsWith(`${e}/`));
  }

  /** The tree's state as the cache compares it; undefined when it has changes no commit holds. */
  private async state(command: string): Promise<Entry | undefined> {
    const [commit, status] = await Promise.all([git(this.tree, 'rev-parse', 'HEAD'), git(this.tree, 'status', '--porcelain', '--ignored')]);
    const lines = status.split('\n').filter((l) => l && !this.excluded(l.slice(3)));
    if (lines.some((l) => !l.startsWith('!! '))) return undefined;
    const ignored = await Promise.all(
      lines.map(async (l) => {
        const entry = l.slice(3);
        const info = await stat(path.join(this.tree, entry)).catch(() => undefined);
        return `${entry} ${info?.mtimeMs ?? 'gone'}`;
      }),
    );
    return { commit: commit.trim(), command, outputs: createHash('sha256').update(ignored.join('\n')).digest('hex') };
  }

  private async entries(): Promise<Record<string, Entry>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Entry>;
    } catch {
      return {};
    }
  }

  /** Whether `command` already built the tree as it is now. */
  async fresh(command: string): Promise<boolean> {
    const [now, entries] = await Promise.all([this.state(command), this.entries()]);
    const last = entries[this.key];
    return now !== undefined && last !== undefined && last.commit === now.commit && last.command === now.command && last.outputs === now.outputs;
  }

  /** Remembers a successful build of the tree as it is now (nothing, when it has uncommitted changes). */
  async record(command: string): Promise<void> {
    const now = await this.state(command);
    const entries = await this.entries();
    if (now) entries[this.key] = now;
    else delete entries[this.key];
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(this.file, `${JSON.stringify(entries, null, 2)}\n`);
  }
}
