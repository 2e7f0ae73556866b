/**
 * Turnkey A/B through the bundles, as users run it: a throwaway repository whose last commit slows
 * one endpoint by 6 ms. `perf-gate ab plan.yml --base-ref HEAD~1` fails on latency (exit 1),
 * `--base-ref HEAD` passes (exit 0), and the action with `base-ref` on a pull_request event (in a
 * shallow clone that lacks the base commit) posts one comment naming both commits. Nothing is left
 * behind: no app of either side running or listening, no worktree, no changed file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { ROOT, runCli, runNode } from '../helpers/process.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';
import { alive, appPids, changes, git, listening, makeAbRepo, tempRoot, worktrees, type AbRepo } from '../helpers/ab-repo.js';

let root: string;
let repo: AbRepo;

beforeAll(async () => {
  root = await tempRoot();
  repo = await makeAbRepo(root, 6);
}, 30_000);

/** The app of each side was started, has ended, and its port is free; git is as it was. */
async function leftNothing(r: AbRepo, ports: number[]): Promise<void> {
  const pids = appPids(r);
  expect(Object.keys(pids).sort()).toEqual(['base', 'head']);
  for (const [side, pid] of Object.entries(pids)) expect(alive(pid), `${side} app ${pid} still running`).toBe(false);
  for (const port of ports) expect(await listening(port), `port ${port} still listening`).toBe(false);
  expect(worktrees(r)).toHaveLength(1);
  expect(changes(r)).toBe('');
}

/** The two sides' ports, from the report's targets. */
const portsOf = (report: { target: string; ab: { base_target: string } }): number[] =>
  [report.target, report.ab.base_target].map((u) => Number(new URL(u).port));

describe('perf-gate ab --base-ref (dist/cli.js)', () => {
  it('fails on the endpoint slowed by 6 ms against HEAD~1 (exit 1) and passes against HEAD (exit 0), leaving nothing behind', async () => {
    const env = { PIDS_DIR: repo.pids };
    const slower = await runCli(['ab', 'plan.yml', '--base-ref', 'HEAD~1', '--rounds', '3', '--quiet', '--out', 'perf-gate-report/slower'], {
      cwd: repo.dir,
      env,
      timeoutMs: 60_000,
    });
    expect(slower.code, slower.stdout + slower.stderr).toBe(1);
    expect(slower.stderr).toMatch(/^perf-gate: the gate failed: .*load p50 \+50%/m);
    const report = JSON.parse(await readFile(path.join(repo.dir, 'perf-gate-report', 'slower', 'report.json'), 'utf8'));
    expect(report.ab.base_commit).toBe(repo.before);
    expect(report.ab.head_commit).toBe(repo.after);
    const search = (stages: Array<{ endpoints: Array<{ name: string; latency_ms: { p50: number } }> }>) =>
      stages[0]!.endpoints.find((e) => e.name === 'search')!.latency_ms.p50;
    // The slowed endpoint's latency is what moved: about 6 ms more on the head.
    expect(search(report.stages) - search(report.ab.base_stages)).toBeGreaterThan(4);
    await leftNothing(repo, portsOf(report));
    // Nothing stray on stderr: the load line, the sides' progress, the verdict.
    expect(slower.stderr.split('\n').filter((l) => l && !/^(perf-gate: |base: |head: |A\/B: )/.test(l))).toEqual([]);

    const same = await runCli(['ab', 'plan.yml', '--base-ref', 'HEAD', '--rounds', '3', '--quiet', '--out', 'perf-gate-report/same'], {
      cwd: repo.dir,
      env,
      timeoutMs: 60_000,
    });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    const sameReport = JSON.parse(await readFile(path.join(repo.dir, 'perf-gate-report', 'same', 'report.json'), 'utf8'));
    expect(sameReport.ab.base_commit).toBe(repo.after);
    await leftNothing(repo, portsOf(sameReport));
  }, 120_000);

  it('Ctrl-C during the rounds: exit 130, both sides stopped, the worktree removed', async () => {
    const pids = path.join(root, 'pids-interrupted');
    await mkdir(pids, { recursive: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'ab', 'plan.yml', '--base-ref', 'HEAD~1', '--out', 'perf-gate-report/interrupted'], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PIDS_DIR: pids },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (/round 2\/\d+/.test(stderr) && !sent) sent = child.kill('SIGINT');
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('perf-gate: the run was interrupted: the report is partial');
    const report = JSON.parse(await readFile(path.join(repo.dir, 'perf-gate-report', 'interrupted', 'report.json'), 'utf8'));
    expect(report.cancelled).toBe(true);
    await leftNothing({ ...repo, pids }, portsOf(report));
  }, 60_000);

  it('a ref that names nothing: one line, exit 2', async () => {
    const r = await runCli(['ab', 'plan.yml', '--base-ref', 'no-such-ref'], { cwd: repo.dir, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^perf-gate: base ref "no-such-ref" names no commit in /);
  });
});

describe('the action with base-ref (dist/index.js) on a pull_request', () => {
  const TOKEN = 'ghs_turnkeytoken000000000000000000000000';
  const REPO = 'acme/app';
  let api: FakeGitHubApi;
  beforeAll(async () => {
    api = await startFakeGitHubApi({ installationToken: true, repos: [REPO], token: TOKEN });
  });
  afterAll(async () => {
    await api.close();
  });

  /** dist/index.js with base-ref on pull request `n` (from `headRepo`), in a fresh shallow clone of the repository's tip. */
  async function runOnPullRequest(label: string, n: number, headRepo: string) {
    // origin: the throwaway repository; the workspace: a shallow clone of its tip (what actions/checkout leaves).
    const workspace = path.join(root, label);
    git(root, 'clone', '-q', '--depth=1', `file://${repo.dir}`, workspace);
    const shallow: AbRepo = { ...repo, dir: workspace, pids: path.join(root, `${label}-pids`) };
    await mkdir(shallow.pids, { recursive: true });
    expect(() => git(workspace, 'cat-file', '-e', `${repo.before}^{commit}`)).toThrow();
    const event = path.join(root, `${label}-event.json`);
    const pr = { number: n, head: { sha: repo.after, repo: { full_name: headRepo } }, base: { sha: repo.before, repo: { full_name: REPO } } };
    await writeFile(event, JSON.stringify({ number: n, repository: { full_name: REPO, default_branch: 'main' }, pull_request: pr }));
    const [summary, output] = [path.join(root, `${label}-summary.md`), path.join(root, `${label}-output.txt`)];
    await writeFile(summary, '');
    await writeFile(output, '');
    const r = await runNode('dist/index.js', [], {
      cwd: workspace,
      timeoutMs: 60_000,
      env: {
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: `refs/pull/${n}/merge`,
        GITHUB_SHA: repo.after,
        GITHUB_REPOSITORY: REPO,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_RUN_ID: '77',
        INPUT_PLAN: 'plan.yml',
        'INPUT_BASE-REF': repo.before,
        'INPUT_AB-ROUNDS': '3',
        'INPUT_GITHUB-TOKEN': TOKEN,
        // A fork's hand-off file, outside the checkout (which must be left as it was).
        'INPUT_COMMENT-FILE': path.join(root, `${label}-comment.json`),
        PIDS_DIR: shallow.pids,
      },
    });
    const report = JSON.parse(await readFile(path.join(workspace, 'perf-gate-report', 'report.json'), 'utf8'));
    await leftNothing(shallow, portsOf(report));
    return { ...r, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
  }

  /** The comment names the head and the base commit, with the paired changes. */
  const namesBothCommits = (body: string): void => {
    expect(body).toContain(`(commit \`${repo.after.slice(0, 7)}\`) against base`);
    expect(body).toContain(`(commit \`${repo.before.slice(0, 7)}\`) in alternating rounds`);
    expect(body).toMatch(/vs base/);
  };

  it('fetches the base commit a shallow checkout lacks, runs both sides and posts one comment naming both commits', async () => {
    const r = await runOnPullRequest('ws', 5, REPO);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain(`fetching ${repo.before} from origin`);
    expect(r.stdout).toMatch(/^::error::perf-gate: the gate failed: .*load p50 \+50%25/m);
    const comments = api.comments.filter((c) => c.issueNumber === 5);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- perf-gate:plan=plan');
    namesBothCommits(comments[0]!.body);
    expect(r.summary).toContain('Same-runner A/B');
  }, 90_000);

  it('a fork pull request (read-only token) posts nothing and hands the same comment off to a file', async () => {
    api.set({ readOnly: true });
    try {
      const before = api.calls.length;
      const r = await runOnPullRequest('fork', 6, 'stranger/app');
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(api.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
      const handOff = JSON.parse(await readFile(path.join(root, 'fork-comment.json'), 'utf8'));
      expect(handOff).toMatchObject({ pr: 6, repo: REPO, plan: 'plan (A/B)' });
      namesBothCommits(handOff.body);
    } finally {
      api.set({ readOnly: false });
    }
  }, 90_000);
});
