/**
 * dist/index.js as GitHub runs it on pull_request, push, fork PR and workflow_run events, with
 * GITHUB_API_URL pointing at a loopback stand-in for the REST API and a local bare repository as
 * the workspace's origin (the data-branch store).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNode, withoutMaskCommands } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 50/s, duration: 3s }
regression:
  p50: "+20%"
`;
const TOKEN = 'ghs_testtoken0000000000000000000000000000';
const REPO = 'acme/shop';

let root: string;
let target: TestTarget;
let api: FakeGitHubApi;
let workspace: string;
let mainSha: string;

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'perf-gate-gh-'));
  target = await startTarget();
  api = await startFakeGitHubApi({ installationToken: true, repos: [REPO], token: TOKEN });
  // origin: a bare repository; the workspace: its clone with the plan committed on main.
  git(root, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
  git(root, 'clone', '-q', path.join(root, 'origin.git'), 'ws');
  workspace = path.join(root, 'ws');
  await writeFile(path.join(workspace, 'plan.yml'), PLAN);
  git(workspace, 'checkout', '-q', '-b', 'main');
  git(workspace, 'add', 'plan.yml');
  git(workspace, 'commit', '-q', '-m', 'plan');
  git(workspace, 'push', '-q', 'origin', 'main');
  mainSha = git(workspace, 'rev-parse', 'HEAD');
});
afterAll(async () => {
  await target.close();
  await api.close();
});
beforeEach(() => {
  api.set({ readOnly: false });
});

interface EventSetup {
  name: string;
  payload: unknown;
  ref: string;
  sha?: string;
}

async function runAction(label: string, event: EventSetup, inputs: Record<string, string> = {}) {
  const summary = path.join(root, `${label}-summary.md`);
  const output = path.join(root, `${label}-output.txt`);
  const eventPath = path.join(root, `${label}-event.json`);
  await writeFile(summary, '');
  await writeFile(output, '');
  await writeFile(eventPath, JSON.stringify(event.payload));
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: event.ref,
    GITHUB_SHA: event.sha ?? mainSha,
    GITHUB_REPOSITORY: REPO,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: label.length.toString() + Date.now().toString().slice(-6),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_API_URL: api.url,
    INPUT_PLAN: 'plan.yml',
    INPUT_TARGET: target.url,
    'INPUT_GITHUB-TOKEN': TOKEN,
    'INPUT_SAVE-BASELINE': 'true',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runNode('dist/index.js', [], { cwd: workspace, env, timeoutMs: 60_000 });
  return { ...r, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

const repoJson = (fullName: string) => ({ full_name: fullName, default_branch: 'main' });
const prEvent = (n: number, headRepo = REPO): EventSetup => ({
  name: 'pull_request',
  ref: `refs/pull/${n}/merge`,
  sha: 'f'.repeat(40),
  payload: {
    number: n,
    repository: repoJson(REPO),
    pull_request: { number: n, head: { sha: 'e'.repeat(40), repo: repoJson(headRepo) }, base: { sha: mainSha, repo: repoJson(REPO) } },
  },
});
const pushEvent: EventSetup = { name: 'push', ref: 'refs/heads/main', payload: { repository: repoJson(REPO) } };

const dataBranchFiles = (): string[] => {
  try {
    return git(path.join(root, 'origin.git'), 'ls-tree', '-r', '--name-only', 'perf-gate-data').split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

describe('the action on GitHub events', () => {
  it('a push to main saves the result on the data branch; PR runs compare with it and never write', async () => {
    target.set({ delayMs: 5 });
    const push = await runAction('push', pushEvent);
    expect(push.code, push.stdout).toBe(0);
    expect(push.stdout).toContain('baseline saved to branch perf-gate-data');
    const files = dataBranchFiles();
    expect(files.filter((f) => f.startsWith('plan/') && f.endsWith('.json'))).toHaveLength(1);
    expect(files.find((f) => f.endsWith('.json'))).toContain(mainSha);

    const pr = await runAction('pr-same', prEvent(7));
    expect(pr.code, pr.stdout).toBe(0);
    expect(pr.stdout).toMatch(/baseline not saved: this is a pull_request run/);
    expect(pr.summary).toMatch(/Compared with the baseline from .* on commit [0-9a-f]{7} \(branch perf-gate-data\)/);
    expect(pr.summary).toContain('| load (load) |');
    expect(pr.summary).toContain('```mermaid');
    expect(dataBranchFiles().filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('two runs on one PR leave exactly one comment: created, then edited', async () => {
    target.set({ delayMs: 5 });
    const before = api.calls.length;
    await runAction('pr-1', prEvent(8));
    await runAction('pr-2', prEvent(8));
    const mine = api.comments.filter((c) => c.issueNumber === 8);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain('<!-- perf-gate:plan=plan -->');
    expect(mine[0]!.body).toContain('perf-gate: pass');
    expect(mine[0]!.body).toContain('https://github.example/acme/shop/actions/runs/');
    const writes = api.calls
      .slice(before)
      .filter((c) => c.method !== 'GET')
      .map((c) => c.method);
    expect(writes).toEqual(['POST', 'PATCH']);
    expect(api.calls.every((c) => c.authorized)).toBe(true);
  });

  it('a regression fails the job with an annotation, and the comment says so', async () => {
    target.set({ delayMs: 30 });
    const r = await runAction('pr-slow', prEvent(9));
    expect(r.code).toBe(1);
    // Workflow commands escape % as %25 and : in properties as %3A.
    expect(r.stdout).toMatch(/^::error title=perf-gate%3A load p50::load p50: [\d.]+ ms breaks \+20%25 \(baseline [\d.]+ ms\)$/m);
    expect(r.stdout).toMatch(/^::error::perf-gate: the gate failed: load p50 \+20%25/m);
    expect(api.comments.find((c) => c.issueNumber === 9)!.body).toContain('perf-gate: fail');
    expect(withoutMaskCommands(r.stdout)).not.toContain(TOKEN);
  });

  it('a fork PR posts nothing, fails nothing, and hands the comment off to a file', async () => {
    target.set({ delayMs: 5 });
    api.set({ readOnly: true });
    const before = api.calls.length;
    const r = await runAction('pr-fork', prEvent(10, 'stranger/shop'));
    expect(r.code, r.stdout).toBe(0);
    expect(api.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(r.stdout).toMatch(/::notice::this pull request comes from a fork/);
    const handOff = JSON.parse(await readFile(path.join(workspace, 'perf-gate-comment', 'comment.json'), 'utf8'));
    expect(handOff).toMatchObject({ version: 1, pr: 10, repo: REPO, plan: 'plan' });
    expect(handOff.body).toContain('perf-gate: pass');
    expect(r.output).toContain('comment-file');
  });

  it('workflow_run mode posts a hand-off file for the PR the run built, and refuses one aimed elsewhere', async () => {
    api.set({ readOnly: false });
    const file = path.join(workspace, 'perf-gate-comment', 'comment.json');
    api.set({
      route: (req, res) => {
        const m = /^\/repos\/acme\/shop\/pulls\/(\d+)$/.exec(req.url ?? '');
        if (!m) return false;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ number: Number(m[1]), state: 'open', head: { sha: m[1] === '10' ? 'e'.repeat(40) : 'd'.repeat(40) } }));
        return true;
      },
    });
    const runEvent = (): EventSetup => ({
      name: 'workflow_run',
      ref: 'refs/heads/main',
      payload: { repository: repoJson(REPO), workflow_run: { head_sha: 'e'.repeat(40), pull_requests: [] } },
    });
    const ok = await runAction('post', runEvent(), { 'post-comment-file': file, plan: '' });
    expect(ok.code, ok.stdout).toBe(0);
    expect(api.comments.filter((c) => c.issueNumber === 10)).toHaveLength(1);

    // A fork rewrites the file to aim at another PR: refused.
    const forged = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...forged, pr: 11 }));
    const bad = await runAction('post-forged', runEvent(), { 'post-comment-file': file, plan: '' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('pull request #11 is not the one the triggering run built');
    expect(api.comments.filter((c) => c.issueNumber === 11)).toHaveLength(0);
    api.set({ route: undefined });
  });

  it('a baseline that cannot be pushed fails the job loudly, after writing every report', async () => {
    target.set({ delayMs: 5 });
    const broken = path.join(root, 'broken-ws');
    git(root, 'init', '-q', '-b', 'main', 'broken-ws');
    await writeFile(path.join(broken, 'plan.yml'), PLAN);
    git(broken, 'remote', 'add', 'origin', path.join(root, 'no-such-origin.git'));
    const saved = workspace;
    workspace = broken;
    try {
      const r = await runAction('push-broken', pushEvent);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::warning::branch perf-gate-data could not be read/m);
      expect(r.stdout).toMatch(/^::error::perf-gate: the baseline could not be saved: /m);
      expect(r.summary).toContain('perf-gate: pass');
      expect(r.output).toMatch(/baseline-saved<<[^\n]+\nfalse/);
      expect(existsSync(path.join(broken, 'perf-gate-report', 'report.json'))).toBe(true);
    } finally {
      workspace = saved;
    }
  });

  it('the workspace checkout is left as it was', () => {
    expect(git(workspace, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(git(workspace, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(existsSync(path.join(workspace, 'plan.yml'))).toBe(true);
  });
});
