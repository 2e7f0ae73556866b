/**
 * Results on an orphan data branch of the repository itself (`baseline: perf-gate-data`): no
 * service, no artifact retention limit, and the history is readable with plain git.
 *
 * Layout: `<planId>/<runnerFingerprint>/<savedAt compact>-<commit>-<run>.json`, one StoredResult
 * per file. Files are only ever added (and the oldest of the same folder pruned), never rewritten,
 * so parallel jobs cannot conflict: a rejected push is replayed onto the new tip and retried.
 *
 * Everything goes through the git CLI in the workspace checkout, so the credentials that
 * actions/checkout leaves in the local config apply. Commits are built with plumbing against a
 * temporary index file in a temporary directory: the user's working tree, index and HEAD are never
 * touched, and the only ref written in the workspace is the remote-tracking ref a plain
 * `git fetch <remote> <branch>` would write.
 */
import type { Logger } from '../model/logger.js';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BaselineError } from '../errors.js';
import { asReport, isOtherReportSchema } from './report-file.js';
import { listedChanges } from './shape.js';
import { samePlan, type BaselineStore, type LoadRequest, type LoadResult, type StoredResult } from './store.js';

export interface GitRunOptions {
  cwd: string;
  /** Added to the inherited environment. */
  env?: Record<string, string>;
  /** Written to stdin. */
  input?: string;
  /** 'latin1' keeps one character per byte, for output framed by byte counts (cat-file --batch). */
  encoding?: 'utf8' | 'latin1';
}

export interface GitOutput {
  /** The exit code; never throws for a non-zero exit. */
  code: number;
  stdout: string;
  stderr: string;
}

/** The seam between the store's logic and the git CLI (tests wrap it to fake failures). */
export interface GitRunner {
  run(args: string[], options: GitRunOptions): Promise<GitOutput>;
}

export interface BranchStoreOptions {
  /** The workspace checkout (its git config holds the push credentials). */
  repoDir: string;
  /** Default "perf-gate-data". */
  branch?: string;
  /** Default "origin". */
  remote?: string;
  /** Results kept per plan + runner folder; default 50. */
  keep?: number;
  log?: Logger;
  git?: GitRunner;
}

const IDENTITY = ['-c', 'user.name=perf-gate', '-c', 'user.email=perf-gate@users.noreply.github.com'];
const MAX_ATTEMPTS = 5;
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Variables a parent git process (a hook, a test runner) may have set that would redirect us. */
const INHERITED_GIT_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

/** The git CLI through execFile (never a shell), never prompting for a password. */
export const gitCli: GitRunner = {
  run(args, options) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of INHERITED_GIT_VARS) delete env[name];
    Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, options.env);
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { cwd: options.cwd, env, encoding: options.encoding ?? 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
        (err, stdout, stderr) => {
          // A failed execFile carries the exit status as a number, or a spawn error as a string.
          const code = (err as { code?: unknown } | null)?.code;
          if (code === 'ENOENT') return reject(new BaselineError('git is not installed or not on PATH (the branch store needs the git CLI)'));
          resolve({ code: !err ? 0 : typeof code === 'number' ? code : 1, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      child.stdin?.on('error', () => {}); // git may exit before reading all of stdin; its exit code tells
      child.stdin?.end(options.input ?? '');
    });
  },
};

/** One line of git's complaint, without credentials that may sit in a URL or header. */
export function gitMessage(output: Pick<GitOutput, 'stdout' | 'stderr'>): string {
  const lines = `${output.stderr}\n${output.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error|remote: error):/i.test(l)) ?? lines.find((l) => /rejected/.test(l)) ?? lines.at(-1) ?? 'no output';
  return redact(line).slice(0, 300);
}

export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@'"]+@/gi, '$1***@').replace(/(authorization:\s*(?:basic|bearer|token)?\s*)\S+/gi, '$1***');
}

/** "2026-11-23T17:45:01.123Z" → "20261123T174501Z": sorts as time in file listings. */
export function compactTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new BaselineError(`cannot save a result with savedAt "${iso}": not a time`);
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function resultFileName(result: Pick<StoredResult, 'commit' | 'run' | 'savedAt'>): string {
  // The commit must not contain "-" (it separates the fields); the run may ("123-1").
  const commit = result.commit.replace(/[^A-Za-z0-9]+/g, '_') || 'unknown';
  const run = result.run.replace(/[^A-Za-z0-9._-]+/g, '_') || 'run';
  return `${compactTime(result.savedAt)}-${commit}-${run}.json`;
}

const shortSha = (commit: string): string => (/^[0-9a-f]{40}$/i.test(commit) ? commit.slice(0, 7) : commit);

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
/** A parse outcome: a result another perf-gate version wrote in a report schema this one does not read. */
const OTHER_SCHEMA = Symbol('other report schema');

const notCompared = (n: number, which: string): string => `${plural(n, 'result')} ${which} ${n === 1 ? 'was' : 'were'} not compared`;

function newestFirst(a: Entry, b: Entry): number {
  const byTime = Date.parse(b.result.savedAt) - Date.parse(a.result.savedAt);
  return byTime || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0);
}

interface Entry {
  path: string;
  result: StoredResult;
}

/** What one plan's folder holds for a request, sorted into why each result does or does not count. */
interface Survey {
  qualifying: Entry[];
  otherPlan: Entry[];
  unfingerprinted: number;
  otherRunners: number;
  /** Results a perf-gate of another report schema wrote: readable, but not comparable. */
  otherSchema: number;
  corrupt: number;
}

const README = `# perf-gate data

This branch is written by perf-gate, a load-testing gate in CI. It holds
saved results, one JSON file per run, used as baselines for later runs:

    <plan id>/<runner fingerprint>/<saved at>-<commit>-<run>.json

It shares no history with the code branches: do not merge it. Files are only ever added (the
oldest of a folder are pruned), so parallel jobs never conflict. Deleting the branch, a folder or a
file simply removes those baselines.
`;

/** Serializes operations on one repository within this process: they share a remote-tracking ref. */
const queues = new Map<string, Promise<unknown>>();
async function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(key, next);
  try {
    return await next;
  } finally {
    if (queues.get(key) === next) queues.delete(key);
  }
}

export class BranchStore implements BaselineStore {
  readonly description: string;
  private readonly repoDir: string;
  private readonly branch: string;
  private readonly remote: string;
  private readonly keep: number;
  private readonly log: Logger;
  private readonly git: GitRunner;
  private readonly trackingRef: string;

  constructor(options: BranchStoreOptions) {
    this.repoDir = path.resolve(options.repoDir);
    this.branch = options.branch ?? 'perf-gate-data';
    this.remote = options.remote ?? 'origin';
    this.keep = options.keep ?? 50;
    this.log = options.log ?? { info: () => {}, warn: () => {} };
    this.git = options.git ?? gitCli;
    this.description = `branch ${this.branch}`;
    if (!/^[A-Za-z0-9._/-]+$/.test(this.branch) || this.branch.includes('..') || /^[/.-]|[/.]$|\/\/|\.lock$/.test(this.branch)) {
      throw new BaselineError(`"${this.branch}" is not a usable branch name for baselines`);
    }
    if (!Number.isInteger(this.keep) || this.keep < 1) throw new BaselineError(`keep must be a whole number of results, at least 1 (got ${this.keep})`);
    // A remote given as a URL has no remote-tracking namespace: keep the fetched tip under our own.
    this.trackingRef = SAFE_SEGMENT.test(this.remote) ? `refs/remotes/${this.remote}/${this.branch}` : `refs/perf-gate/${this.branch}`;
  }

  async load(request: LoadRequest): Promise<LoadResult> {
    checkSegment(request.planId, 'plan id');
    return exclusive(this.repoDir, async () => {
      const tip = await this.fetch();
      if (!tip) return { result: undefined, explanation: `no baseline yet: branch ${this.branch} does not exist` };
      const survey = await this.survey(tip, request);
      const commits = request.commits;
      if (!commits) {
        const newest = survey.qualifying[0];
        if (newest) return { result: newest.result, explanation: this.picked(newest.result, '(newest)') };
      } else {
        for (const [i, commit] of commits.entries()) {
          const hit = survey.qualifying.find((e) => e.result.commit === commit);
          if (!hit) continue;
          const why = i === 0 ? '(the base commit)' : `(${plural(i, 'newer candidate commit')} had no result)`;
          return { result: hit.result, explanation: this.picked(hit.result, why) };
        }
      }
      return { result: undefined, explanation: this.nothing(request, survey) };
    });
  }

  async history(request: LoadRequest, n: number): Promise<StoredResult[]> {
    checkSegment(request.planId, 'plan id');
    if (n < 1) return [];
    return exclusive(this.repoDir, async () => {
      const tip = await this.fetch();
      if (!tip) return [];
      const survey = await this.survey(tip, request);
      return survey.qualifying.slice(0, n).map((e) => e.result);
    });
  }

  async save(planId: string, result: StoredResult): Promise<void> {
    checkSegment(planId, 'plan id');
    const runner = result.report.fingerprints?.runner;
    if (!runner) throw new BaselineError(`cannot save to branch ${this.branch}: the result has no runner fingerprint`);
    checkSegment(runner, 'runner fingerprint');
    const folder = `${planId}/${runner}`;
    const file = `${folder}/${resultFileName(result)}`;
    const content = `${JSON.stringify({ commit: result.commit, run: result.run, savedAt: result.savedAt, report: result.report }, null, 2)}\n`;
    const message = `perf-gate: ${planId} result for ${shortSha(result.commit)} (run ${result.run})`;

    await exclusive(this.repoDir, async () => {
      const gitDir = (await this.must(['rev-parse', '--absolute-git-dir'], `${this.repoDir} is not a git repository`)).trim();
      const scratch = await mkdtemp(path.join(tmpdir(), 'perf-gate-branch-'));
      try {
        // Plumbing runs with GIT_DIR and an empty scratch directory as the work tree: paths are
        // relative to the branch's root, and the user's index and files are out of reach.
        const plumbing = (attempt: number) => ({ cwd: scratch, env: { GIT_DIR: gitDir, GIT_INDEX_FILE: path.join(scratch, `index-${attempt}`) } });
        const blob = (await this.must(['hash-object', '-w', '--stdin'], 'cannot store the result', { ...plumbing(0), input: content })).trim();
        let lastError = '';
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          const tip = await this.fetch();
          const options = plumbing(attempt);
          const commit = await this.commitOnto(tip, { blob, file, folder, message, options });
          const push = await this.git.run(['push', '--no-verify', '--porcelain', this.remote, `${commit}:refs/heads/${this.branch}`], { cwd: this.repoDir });
          if (push.code === 0) {
            this.log.info(`perf-gate: saved ${file} to branch ${this.branch}`);
            return;
          }
          lastError = gitMessage(push);
          const text = `${push.stdout}\n${push.stderr}`;
          // Someone else pushed first (or holds the ref lock): replay our one added file onto their tip.
          if (!/rejected|non-fast-forward|fetch first|failed to (update|lock)|cannot lock|stale info/i.test(text)) break;
          if (attempt < MAX_ATTEMPTS) {
            this.log.info(`perf-gate: push to branch ${this.branch} was rejected (attempt ${attempt} of ${MAX_ATTEMPTS}); retrying on the new tip`);
            await sleep(50 * attempt + Math.random() * 200);
          }
        }
        throw new BaselineError(`cannot save the result to branch ${this.branch}: ${lastError}${authHint(lastError)}`);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    });
  }

  /** Builds tip + our file − the oldest files of its folder beyond `keep`; returns the commit. */
  private async commitOnto(
    tip: string | undefined,
    job: { blob: string; file: string; folder: string; message: string; options: GitRunOptions },
  ): Promise<string> {
    const { options } = job;
    const fail = 'cannot prepare the result commit';
    const entries: string[] = [];
    if (tip) {
      await this.must(['read-tree', tip], fail, options);
    } else {
      // A new orphan branch: an empty tree plus a README saying what the branch is.
      await this.must(['read-tree', '--empty'], fail, options);
      const readme = (await this.must(['hash-object', '-w', '--stdin'], fail, { ...options, input: README })).trim();
      entries.push(`100644 ${readme}\tREADME.md`);
    }
    entries.push(`100644 ${job.blob}\t${job.file}`);
    await this.must(['update-index', '--index-info'], fail, { ...options, input: `${entries.join('\n')}\n` });

    const listed = await this.must(['ls-files', '-z', '--', `${job.folder}/`], fail, options);
    const files = listed
      .split('\0')
      .filter((f) => f.endsWith('.json') && path.posix.dirname(f) === job.folder)
      .sort();
    const prune = files.slice(0, Math.max(0, files.length - this.keep));
    if (prune.length > 0) {
      await this.must(['update-index', '--force-remove', '-z', '--stdin'], fail, { ...options, input: prune.map((f) => `${f}\0`).join('') });
      if (prune.includes(job.file)) this.log.info(`perf-gate: ${job.file} is older than the ${this.keep} results kept in ${job.folder}; pruned at once`);
    }
    const tree = (await this.must(['write-tree'], fail, options)).trim();
    const parents = tip ? ['-p', tip] : [];
    return (await this.must([...IDENTITY, 'commit-tree', '--no-gpg-sign', tree, ...parents, '-m', job.message], fail, options)).trim();
  }

  /** Fetches the branch into the tracking ref; undefined when the remote has no such branch. */
  private async fetch(): Promise<string | undefined> {
    const fetched = await this.git.run(
      ['-c', 'gc.auto=0', 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules', this.remote, `+refs/heads/${this.branch}:${this.trackingRef}`],
      { cwd: this.repoDir },
    );
    if (fetched.code !== 0) {
      // Missing branch and broken network both fail the fetch; ls-remote tells them apart (exit 2).
      const listed = await this.git.run(['ls-remote', '--exit-code', this.remote, `refs/heads/${this.branch}`], { cwd: this.repoDir });
      if (listed.code === 2) return undefined;
      const why = gitMessage(listed.code === 0 ? fetched : listed);
      throw new BaselineError(`cannot fetch branch ${this.branch} from ${SAFE_SEGMENT.test(this.remote) ? this.remote : 'the remote'}: ${why}${authHint(why)}`);
    }
    return (await this.must(['rev-parse', '--verify', '--quiet', `${this.trackingRef}^{commit}`], `cannot read the fetched branch ${this.branch}`)).trim();
  }

  /** Reads every result of the plan's runner folder and counts what else the plan's folder holds. */
  private async survey(tip: string, request: LoadRequest): Promise<Survey> {
    const fail = `cannot list branch ${this.branch}`;
    const listing = await this.must(['ls-tree', '-r', '-z', '--full-tree', tip, '--', `${request.planId}/`], fail);
    const mine: { path: string; blob: string }[] = [];
    let otherRunners = 0;
    for (const line of listing.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
      if (!match || !match[2]!.endsWith('.json')) continue;
      const [, blob, file] = match as unknown as [string, string, string];
      const runner = file.split('/')[1];
      if (runner === request.runnerFingerprint && path.posix.dirname(file) === `${request.planId}/${runner}`) mine.push({ path: file, blob });
      else otherRunners++;
    }

    const survey: Survey = { qualifying: [], otherPlan: [], unfingerprinted: 0, otherRunners, otherSchema: 0, corrupt: 0 };
    const contents = await this.readBlobs(mine.map((m) => m.blob));
    for (const [i, { path: file }] of mine.entries()) {
      const result = this.parse(file, contents[i]);
      if (result === OTHER_SCHEMA) {
        survey.otherSchema++;
        continue;
      }
      if (!result) {
        survey.corrupt++;
        continue;
      }
      const fingerprints = result.report.fingerprints;
      if (!fingerprints) survey.unfingerprinted++;
      else if (fingerprints.runner !== request.runnerFingerprint) survey.otherRunners++;
      else if (!samePlan(fingerprints.plan, request)) survey.otherPlan.push({ path: file, result });
      else survey.qualifying.push({ path: file, result });
    }
    survey.qualifying.sort(newestFirst);
    survey.otherPlan.sort(newestFirst);
    return survey;
  }

  /** All blobs in one `cat-file --batch`; latin1 keeps the byte counts in its framing exact. */
  private async readBlobs(blobs: string[]): Promise<(string | undefined)[]> {
    if (blobs.length === 0) return [];
    const raw = await this.must(['cat-file', '--batch'], `cannot read branch ${this.branch}`, {
      cwd: this.repoDir,
      input: `${blobs.join('\n')}\n`,
      encoding: 'latin1',
    });
    const out: (string | undefined)[] = [];
    let at = 0;
    for (let i = 0; i < blobs.length; i++) {
      const eol = raw.indexOf('\n', at);
      if (eol < 0) break;
      const header = raw.slice(at, eol).split(' ');
      if (header[1] !== 'blob') {
        out.push(undefined);
        at = eol + 1;
        continue;
      }
      const size = Number(header[2]);
      out.push(Buffer.from(raw.slice(eol + 1, eol + 1 + size), 'latin1').toString('utf8'));
      at = eol + 1 + size + 1;
    }
    return out;
  }

  /** A stored result, OTHER_SCHEMA, or undefined (logged) for a file that is not one: skipped, never fatal. */
  private parse(file: string, text: string | undefined): StoredResult | typeof OTHER_SCHEMA | undefined {
    const where = `${file} on branch ${this.branch}`;
    try {
      if (text === undefined) throw new BaselineError('cannot be read');
      const doc = JSON.parse(text) as Partial<StoredResult> | null;
      if (!doc || typeof doc !== 'object' || typeof doc.commit !== 'string' || typeof doc.run !== 'string' || typeof doc.savedAt !== 'string') {
        throw new BaselineError('expected { commit, run, savedAt, report }');
      }
      if (isOtherReportSchema(doc.report)) return OTHER_SCHEMA; // counted and explained, not logged per file
      return { commit: doc.commit, run: doc.run, savedAt: doc.savedAt, report: asReport(doc.report, where) };
    } catch (err) {
      this.log.info(`perf-gate: skipped ${where}: ${(err as Error).message.replace(/\s+/g, ' ')}`);
      return undefined;
    }
  }

  private picked(result: StoredResult, why: string): string {
    return `baseline: run ${result.run} on commit ${shortSha(result.commit)} ${why}, saved ${when(result.savedAt)}`;
  }

  private nothing(request: LoadRequest, s: Survey): string {
    const reasons: string[] = [];
    if (s.qualifying.length > 0 && request.commits) {
      const listed = request.commits.slice(0, 3).map(shortSha).join(', ') + (request.commits.length > 3 ? ', …' : '');
      reasons.push(
        `no baseline for the ${plural(request.commits.length, 'candidate commit')} (${listed}): the ${plural(s.qualifying.length, 'result')} for this plan and runner ${s.qualifying.length === 1 ? 'is' : 'are'} from other commits`,
      );
    }
    if (s.otherPlan.length > 0) {
      const newest = s.otherPlan[0]!.result;
      const changed = listedChanges(newest.report, request.planShape);
      reasons.push(
        `the plan's load shape changed since ${when(newest.savedAt)}${changed ? ` (${changed})` : ''}: ${notCompared(s.otherPlan.length, 'of the earlier plan')}`,
      );
    }
    if (s.otherRunners > 0) reasons.push(notCompared(s.otherRunners, 'from other runners (different CPU/cores/OS)'));
    if (s.unfingerprinted > 0) reasons.push(notCompared(s.unfingerprinted, 'without fingerprints (saved by an older perf-gate)'));
    if (s.otherSchema > 0) reasons.push(notCompared(s.otherSchema, 'from another report schema'));
    if (s.corrupt > 0) reasons.push(`${plural(s.corrupt, 'unreadable file')} skipped`);
    if (reasons.length === 0) return `no baseline yet for plan ${request.planId} on branch ${this.branch}`;
    const lead = s.qualifying.length > 0 ? '' : `no comparable baseline for plan ${request.planId} on branch ${this.branch}: `;
    return lead + reasons.join('; ');
  }

  /** Runs git in the workspace (or as `options` say) and returns stdout; a failure is a BaselineError. */
  private async must(args: string[], what: string, options: GitRunOptions = { cwd: this.repoDir }): Promise<string> {
    const out = await this.git.run(args, options);
    if (out.code !== 0) throw new BaselineError(`${what}: ${gitMessage(out)}`);
    return out.stdout;
  }
}

function checkSegment(value: string, what: string): void {
  // Both become folder names on the branch: nothing that could climb out of it or nest.
  if (!SAFE_SEGMENT.test(value) || value === '.' || value === '..') throw new BaselineError(`${what} "${value}" cannot be a folder on the data branch`);
}

function authHint(message: string): string {
  return /\b403\b|denied|authentication|could not read username|not found/i.test(message)
    ? ' (the data branch needs `permissions: contents: write` and the credentials actions/checkout persists)'
    : '';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
