import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BranchStore, gitCli, type BranchStoreOptions, type GitRunner } from '../../src/baseline/branch-store.js';
import type { LoadRequest, StoredResult } from '../../src/baseline/store.js';
import { BaselineError } from '../../src/errors.js';
import { report } from '../helpers/reports.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const PLAN = 'examples-plan';
const REQUEST: LoadRequest = { planId: PLAN, planFingerprint: 'plan1', runnerFingerprint: 'runner1' };
const IDENTITY = ['-c', 'user.name=test', '-c', 'user.email=test@example.com'];

let root: string;
let origin: string;
let ws1: string;
let ws2: string;

async function git(cwd: string, ...args: string[]): Promise<string> {
  const out = await gitCli.run(args, { cwd });
  if (out.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout;
}

/** Files on the remote's data branch, as the bare repository sees them. */
async function remoteFiles(branch: string, under = ''): Promise<string[]> {
  const out = await git(origin, 'ls-tree', '-r', '--name-only', branch, ...(under ? ['--', under] : []));
  return out.split('\n').filter(Boolean);
}

function result(commit: string, savedAt: string, fingerprints = { plan: 'plan1', runner: 'runner1' }, run = '100-1'): StoredResult {
  return { commit, run, savedAt, report: report({ fingerprints }) };
}

let branches = 0;
function store(options: Partial<BranchStoreOptions> = {}): BranchStore & { lines: string[] } {
  const lines: string[] = [];
  const s = new BranchStore({ repoDir: ws1, branch: `data-${++branches}`, log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) }, ...options });
  return Object.assign(s, { lines });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'perf-gate-branch-test-'));
  origin = path.join(root, 'origin.git');
  ws1 = path.join(root, 'ws1');
  ws2 = path.join(root, 'ws2');
  await git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  await git(root, 'clone', '--quiet', origin, ws1);
  await writeFile(path.join(ws1, 'app.txt'), 'the application\n');
  await git(ws1, 'add', 'app.txt');
  await git(ws1, ...IDENTITY, 'commit', '--quiet', '-m', 'app');
  await git(ws1, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  await git(root, 'clone', '--quiet', origin, ws2);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('BranchStore', () => {
  it('loads nothing before the branch exists, and says so', async () => {
    const s = store({ branch: 'perf-gate-data' });
    expect(s.description).toBe('branch perf-gate-data');
    expect(await s.load(REQUEST)).toEqual({ result: undefined, explanation: 'no baseline yet: branch perf-gate-data does not exist' });
    expect(await s.history(REQUEST, 5)).toEqual([]);
  });

  it('saves a result and loads it back, naming the commit', async () => {
    const s = store();
    await s.save(PLAN, result(A, '2026-11-23T17:45:01.000Z', undefined, '123-1'));
    const { result: found, explanation } = await s.load(REQUEST);
    expect(found?.commit).toBe(A);
    expect(found?.report.fingerprints).toEqual({ plan: 'plan1', runner: 'runner1' });
    expect(explanation).toBe('baseline: run 123-1 on commit aaaaaaa (newest), saved 2026-11-23 17:45 UTC');
    expect(await remoteFiles(s.description.slice('branch '.length))).toEqual(['README.md', `${PLAN}/runner1/20261123T174501Z-${A}-123-1.json`]);
  });

  it('picks the first candidate commit that has a result', async () => {
    const s = store();
    await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z'));
    await s.save(PLAN, result(B, '2026-11-23T11:00:00.000Z'));
    await s.save(PLAN, result(C, '2026-11-23T12:00:00.000Z'));
    const first = await s.load({ ...REQUEST, commits: [B, A] });
    expect(first.result?.commit).toBe(B);
    expect(first.explanation).toMatch(/on commit bbbbbbb \(the base commit\)/);
    const second = await s.load({ ...REQUEST, commits: ['unknown', A] });
    expect(second.result?.commit).toBe(A);
    expect(second.explanation).toMatch(/on commit aaaaaaa \(1 newer candidate commit had no result\)/);
    const none = await s.load({ ...REQUEST, commits: ['unknown'] });
    expect(none.result).toBeUndefined();
    expect(none.explanation).toMatch(/the 3 results for this plan and runner are from other commits/);
    expect((await s.load(REQUEST)).result?.commit).toBe(C);
  });

  it('keeps at most `keep` results per plan and runner, newest first', async () => {
    const s = store({ keep: 3 });
    for (let i = 1; i <= 5; i++) await s.save(PLAN, result(A, `2026-11-23T1${i}:00:00.000Z`, undefined, `${i}-1`));
    const history = await s.history(REQUEST, 10);
    expect(history.map((r) => r.run)).toEqual(['5-1', '4-1', '3-1']);
    expect(await s.history(REQUEST, 2)).toHaveLength(2);
    const branch = s.description.slice('branch '.length);
    expect(await remoteFiles(branch, `${PLAN}/runner1/`)).toHaveLength(3);
  });

  it('two jobs saving at once both land, without a force push', async () => {
    const branch = 'concurrent';
    const one = store({ branch, repoDir: ws1 });
    const two = store({ branch, repoDir: ws2 });
    await Promise.all([
      one.save(PLAN, result(A, '2026-11-23T10:00:00.000Z', undefined, '1-1')),
      two.save(PLAN, result(B, '2026-11-23T10:00:01.000Z', undefined, '2-1')),
      one.save(PLAN, result(A, '2026-11-23T10:00:02.000Z', undefined, '3-1')),
      two.save(PLAN, result(B, '2026-11-23T10:00:03.000Z', undefined, '4-1')),
    ]);
    expect(await remoteFiles(branch, `${PLAN}/runner1/`)).toHaveLength(4);
    // Linear history holding all four commits: nobody overwrote anybody.
    expect((await git(origin, 'rev-list', '--count', branch)).trim()).toBe('4');
    expect(await git(origin, 'rev-list', '--min-parents=2', branch)).toBe('');
    expect((await git(origin, 'rev-list', '--max-parents=0', branch)).trim().split('\n')).toHaveLength(1);
    expect((await one.history(REQUEST, 10)).map((r) => r.run)).toEqual(['4-1', '3-1', '2-1', '1-1']);
  });

  it('replays its file onto a tip another job pushed first', async () => {
    const branch = 'overtaken';
    const other = store({ branch, repoDir: ws2 });
    await other.save(PLAN, result(A, '2026-11-23T09:00:00.000Z', undefined, '0-1'));
    let overtaken = false;
    const racing: GitRunner = {
      run: async (args, options) => {
        if (args.includes('push') && !overtaken) {
          overtaken = true; // between our fetch and our push, the other job lands a result
          await other.save(PLAN, result(B, '2026-11-23T10:00:00.000Z', undefined, '1-1'));
        }
        return gitCli.run(args, options);
      },
    };
    const s = store({ branch, git: racing });
    await s.save(PLAN, result(C, '2026-11-23T11:00:00.000Z', undefined, '2-1'));
    expect(s.lines.some((l) => /rejected \(attempt 1 of 5\)/.test(l))).toBe(true);
    expect((await s.history(REQUEST, 10)).map((r) => r.run)).toEqual(['2-1', '1-1', '0-1']);
    expect((await git(origin, 'rev-list', '--count', branch)).trim()).toBe('3');
  });

  it('never compares results from another runner, and says why', async () => {
    const s = store();
    await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z', { plan: 'plan1', runner: 'runner2' }));
    await s.save(PLAN, result(A, '2026-11-23T10:00:01.000Z', { plan: 'plan1', runner: 'runner3' }));
    const { result: found, explanation } = await s.load(REQUEST);
    expect(found).toBeUndefined();
    expect(explanation).toMatch(/2 results from other runners \(different CPU\/cores\/OS\) were not compared/);
    expect(await s.history(REQUEST, 5)).toEqual([]);
  });

  it('never compares results of another plan fingerprint, and says why', async () => {
    const s = store();
    await s.save(PLAN, result(A, '2026-11-20T08:30:00.000Z', { plan: 'plan0', runner: 'runner1' }));
    const { result: found, explanation } = await s.load(REQUEST);
    expect(found).toBeUndefined();
    expect(explanation).toMatch(/the plan's load shape changed since 2026-11-20 08:30 UTC: 1 result of the earlier plan was not compared/);
    await s.save(PLAN, result(B, '2026-11-21T08:30:00.000Z'));
    expect((await s.load(REQUEST)).result?.commit).toBe(B);
    expect(await s.history(REQUEST, 5)).toHaveLength(1);
  });

  it("names what changed when the other plan's result records its shape", async () => {
    const s = store();
    const shape = (rate: number) => ({ stages: [{ name: 'load', kind: 'load', rate }], requests: [], session: [] });
    await s.save(PLAN, {
      ...result(A, '2026-11-20T08:30:00.000Z', { plan: 'plan0', runner: 'runner1' }),
      report: report({ fingerprints: { plan: 'plan0', runner: 'runner1' }, shape: shape(50) }),
    });
    const { explanation } = await s.load({ ...REQUEST, planShape: shape(80) });
    expect(explanation).toMatch(
      /the plan's load shape changed since 2026-11-20 08:30 UTC \(stage "load": rate 50 → 80\): 1 result of the earlier plan was not compared/,
    );
  });

  it('says there is nothing for the plan when only other plans have results', async () => {
    const s = store();
    await s.save('other-plan', result(A, '2026-11-23T10:00:00.000Z'));
    const { result: found, explanation } = await s.load(REQUEST);
    expect(found).toBeUndefined();
    expect(explanation).toBe(`no baseline yet for plan ${PLAN} on branch ${s.description.slice('branch '.length)}`);
  });

  it('counts results of another report schema apart from corrupt files, and says so', async () => {
    const s = store();
    const other = result(A, '2026-11-23T10:00:00.000Z');
    await s.save(PLAN, { ...other, report: { ...other.report, schema: 2 as 1 } });
    const { result: found, explanation } = await s.load(REQUEST);
    expect(found).toBeUndefined();
    expect(explanation).toMatch(/: 1 result from another report schema was not compared$/);
    expect(explanation).not.toMatch(/unreadable/);
    expect(s.lines.filter((l) => l.includes('skipped'))).toEqual([]);
  });

  it('skips a corrupt file with a log line', async () => {
    const s = store();
    const branch = s.description.slice('branch '.length);
    await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z'));
    // Someone pushes a broken, newer file by hand.
    const hand = path.join(root, `hand-${branch}`);
    await git(root, 'clone', '--quiet', '--branch', branch, origin, hand);
    await mkdir(path.join(hand, PLAN, 'runner1'), { recursive: true });
    await writeFile(path.join(hand, PLAN, 'runner1', `20261124T000000Z-${B}-9-1.json`), '{ "commit": "bbb", "report": ');
    await writeFile(
      path.join(hand, PLAN, 'runner1', `20261124T000001Z-${C}-9-2.json`),
      '{ "commit": "ccc", "run": "9-2", "savedAt": "2026-11-24T00:00:01Z", "report": {} }',
    );
    await git(hand, 'add', '.');
    await git(hand, ...IDENTITY, 'commit', '--quiet', '-m', 'broken');
    await git(hand, 'push', '--quiet', 'origin', branch);
    const { result: found } = await s.load(REQUEST);
    expect(found?.commit).toBe(A);
    expect(s.lines.filter((l) => l.includes('skipped'))).toHaveLength(2);
    expect(s.lines.join('\n')).toMatch(/skipped examples-plan\/runner1\/20261124T000000Z-b+-9-1\.json on branch data-\d+: /);
    // A save on top of the broken files still works.
    await s.save(PLAN, result(C, '2026-11-25T00:00:00.000Z'));
    expect((await s.load(REQUEST)).result?.commit).toBe(C);
  });

  it("leaves the user's working tree, index, branch and HEAD alone", async () => {
    await writeFile(path.join(ws1, 'app.txt'), 'edited, staged\n');
    await git(ws1, 'add', 'app.txt');
    await writeFile(path.join(ws1, 'untracked.txt'), 'not added\n');
    const state = async () => ({
      status: await git(ws1, 'status', '--porcelain'),
      branch: (await git(ws1, 'rev-parse', '--abbrev-ref', 'HEAD')).trim(),
      head: (await git(ws1, 'rev-parse', 'HEAD')).trim(),
      staged: await git(ws1, 'diff', '--cached'),
      worktrees: await git(ws1, 'worktree', 'list', '--porcelain'),
    });
    const before = await state();
    expect(before.status).toMatch(/M {2}app\.txt/);
    const s = store();
    await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z'));
    await s.load(REQUEST);
    await s.history(REQUEST, 3);
    expect(await state()).toEqual(before);
    await git(ws1, 'reset', '--quiet', '--hard');
    await rm(path.join(ws1, 'untracked.txt'));
  });

  it('creates an orphan branch that shares no history with main', async () => {
    const s = store();
    const branch = s.description.slice('branch '.length);
    await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z'));
    const mergeBase = await gitCli.run(['merge-base', 'main', branch], { cwd: origin });
    expect(mergeBase.code).toBe(1);
    const rootCommit = (await git(origin, 'rev-list', '--max-parents=0', branch)).trim();
    expect(await git(origin, 'show', '--no-patch', '--format=%an <%ae>', rootCommit)).toMatch(/^perf-gate <perf-gate@users\.noreply\.github\.com>/);
    expect(await git(origin, 'show', `${branch}:README.md`)).toMatch(/written by perf-gate/);
  });

  it('gives up after 5 rejected pushes with an error naming the branch, never leaking credentials', async () => {
    let pushes = 0;
    const rejecting: GitRunner = {
      run: async (args, options) => {
        if (!args.includes('push')) return gitCli.run(args, options);
        pushes++;
        return {
          code: 1,
          stdout: `To https://github.com/o/r.git\n!\t${args.at(-1)}\t[rejected] (fetch first)\nDone\n`,
          stderr: "error: failed to push some refs to 'https://x-access-token:SECRET123@github.com/o/r.git'\n",
        };
      },
    };
    const s = store({ git: rejecting, branch: 'rejected-forever' });
    const error = await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z')).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(BaselineError);
    expect(pushes).toBe(5);
    expect((error as Error).message).toMatch(/^cannot save the result to branch rejected-forever: /);
    expect((error as Error).message).not.toMatch(/SECRET123/);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('does not retry a push the server refuses for lack of permission', async () => {
    let pushes = 0;
    const refusing: GitRunner = {
      run: async (args, options) => {
        if (!args.includes('push')) return gitCli.run(args, options);
        pushes++;
        return {
          code: 128,
          stdout: '',
          stderr:
            "remote: Permission to o/r.git denied to github-actions[bot].\nfatal: unable to access 'https://x-access-token:SECRET123@github.com/o/r.git/': The requested URL returned error: 403\n",
        };
      },
    };
    const s = store({ git: refusing });
    const error = (await s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z')).catch((err: unknown) => err)) as Error;
    expect(pushes).toBe(1);
    expect(error.message).toMatch(/403.*contents: write/);
    expect(error.message).toContain('https://***@github.com/o/r.git/');
    expect(error.message).not.toContain('SECRET123');
  });

  it('reports an unreachable remote as a BaselineError on load', async () => {
    const s = store({ remote: path.join(root, 'no-such-remote.git') });
    await expect(s.load(REQUEST)).rejects.toMatchObject({
      code: 'E_BASELINE',
      message: expect.stringMatching(/^cannot fetch branch data-\d+ from the remote: /),
    });
  });

  it('refuses plan ids and fingerprints that would escape their folder', async () => {
    const s = store();
    await expect(s.load({ ...REQUEST, planId: '../x' })).rejects.toBeInstanceOf(BaselineError);
    await expect(s.save(PLAN, result(A, '2026-11-23T10:00:00.000Z', { plan: 'p', runner: 'a/b' }))).rejects.toBeInstanceOf(BaselineError);
  });
});
