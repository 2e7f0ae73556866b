/** dist/index.js when GitHub cancels the job (SIGINT/SIGTERM), and when an error escapes every try. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';

let dir: string;
let target: TestTarget;
let api: FakeGitHubApi;
const REPO = 'acme/shop';
const TOKEN = 'ghs_canceltoken000000000000000000000000000';

// Half the requests take 5 s (timeout 10 s): when the job is cancelled some are always in flight.
const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
defaults: { timeout: 10s }
requests:
  - { name: root, path: / }
  - { name: slow, path: /slow }
stages:
  - { name: load, kind: load, rate: 40/s, duration: 30s }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-action-cancel-'));
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
  await writeFile(path.join(dir, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
  // A pull request, for the comment: the stage is 1 s long in short.yml, 30 s in plan.yml.
  await writeFile(path.join(dir, 'short.yml'), PLAN.replace('duration: 30s', 'duration: 1s').replace('  - { name: slow, path: /slow }\n', ''));
  const repo = { full_name: REPO, default_branch: 'main' };
  const pr = { number: 7, head: { sha: 'e'.repeat(40), repo }, base: { sha: 'd'.repeat(40), repo } };
  await writeFile(path.join(dir, 'pr-event.json'), JSON.stringify({ number: 7, repository: repo, pull_request: pr }));
  api = await startFakeGitHubApi({ installationToken: true, repos: [REPO], token: TOKEN });
  target = await startTarget({
    delayMs: 2,
    route: (req, res) => {
      if (req.url !== '/slow') return false;
      setTimeout(() => res.end('late'), 5000);
      return true;
    },
  });
});
afterAll(async () => {
  await target.close();
  await api.close();
});

/**
 * The action as GitHub starts it: a push to main that would save a baseline; `preload` runs first
 * (node --import); `pullRequest`: a pull_request run that comments through the loopback API instead.
 */
async function startAction(name: string, preload?: string, pullRequest?: { plan: string }) {
  const summary = path.join(dir, `${name}-summary.md`);
  const output = path.join(dir, `${name}-output.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PERF_GATE_RUNNER_PROBE: '0',
    GITHUB_WORKSPACE: dir,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    INPUT_PLAN: 'plan.yml',
    INPUT_TARGET: target.url,
    INPUT_OUT: `out-${name}`,
    INPUT_BASELINE: `file:perf/${name}-base.json`,
    'INPUT_SAVE-BASELINE': 'true',
  };
  if (pullRequest) {
    Object.assign(env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_EVENT_PATH: path.join(dir, 'pr-event.json'),
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: api.url,
      GITHUB_RUN_ID: '42',
      INPUT_PLAN: pullRequest.plan,
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_COMMENT: 'always',
    });
  }
  const args = [...(preload ? ['--import', `data:text/javascript,${encodeURIComponent(preload)}`] : []), path.join(ROOT, 'dist/index.js')];
  const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((r) => child.on('close', r));
  return {
    child,
    closed,
    out: () => ({ stdout, stderr }),
    summary: () => readFile(summary, 'utf8'),
    outputs: () => readFile(output, 'utf8'),
    report: async () => JSON.parse(await readFile(path.join(dir, `out-${name}`, 'report.json'), 'utf8')),
    baselineWritten: () => existsSync(path.join(dir, 'perf', `${name}-base.json`)),
  };
}

describe('the action, cancelled', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s during a stage: report.json cancelled:true, summary says partial, no baseline written, exits non-zero within 1.5 s',
    async (signal) => {
      const a = await startAction(signal.toLowerCase());
      await new Promise((r) => setTimeout(r, 2500));
      const sentAt = Date.now();
      a.child.kill(signal);
      const code = await a.closed;
      expect(Date.now() - sentAt).toBeLessThan(1500);
      const { stdout, stderr } = a.out();
      expect(code, stdout + stderr).not.toBe(0);
      expect(stdout).toContain('::warning::interrupted: stopping the load and writing a partial report');
      expect(stdout).toMatch(/^::error::perf-gate: the run was cancelled; the report is partial$/m);
      expect(stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      const report = await a.report();
      expect(report.cancelled).toBe(true);
      const byName = Object.fromEntries(report.stages[0].endpoints.map((e: { name: string; requests: number }) => [e.name, e.requests]));
      expect(byName.root).toBeGreaterThan(20);
      // The slow requests cut off by the cancel are not measured (neither answers nor errors).
      expect(byName.slow ?? 0).toBe(0);
      expect(report.stages[0].errors).toBe(0);
      expect(await a.summary()).toContain('**The run was cancelled**: the results below are partial.');
      expect(a.baselineWritten()).toBe(false);
      expect(stdout).toMatch(/baseline not saved to .*the run was interrupted/);
      // A later `if: always()` step can tell: the output says the run was cancelled.
      expect(await a.outputs()).toMatch(/^cancelled<<(\S+)\ntrue\n\1$/m);
    },
  );

  it('a pull request run that is cancelled posts and edits no comment (a finished one posts one)', async () => {
    // The control: the same pull request, not cancelled, comments once through the loopback API.
    const finished = await startAction('pr-finished', undefined, { plan: 'short.yml' });
    expect(await finished.closed, finished.out().stdout).toBe(0);
    expect(await finished.outputs()).toMatch(/^cancelled<<(\S+)\nfalse\n\1$/m);
    const writes = () => api.calls.filter((c) => c.method === 'POST' || c.method === 'PATCH');
    expect(writes()).toHaveLength(1);
    expect(api.comments).toHaveLength(1);
    const before = api.comments[0]!.body;

    const cancelled = await startAction('pr-cancelled', undefined, { plan: 'plan.yml' });
    await new Promise((r) => setTimeout(r, 2500));
    cancelled.child.kill('SIGTERM');
    const code = await cancelled.closed;
    const { stdout } = cancelled.out();
    expect(code, stdout).not.toBe(0);
    expect(stdout).toMatch(/^::error::perf-gate: the run was cancelled; the report is partial$/m);
    expect((await cancelled.report()).cancelled).toBe(true);
    expect(writes()).toHaveLength(1);
    expect(api.comments[0]!.body).toBe(before);
  });

  it('an error nothing caught fails the step in one line (internal error), no stack trace', async () => {
    const a = await startAction('stray', 'setTimeout(() => { throw new Error("pg-stray") }, 200)');
    const code = await a.closed;
    const { stdout, stderr } = a.out();
    expect(code, stdout + stderr).toBe(2);
    expect(stdout).toMatch(/^::error::perf-gate: internal error: pg-stray$/m);
    expect(stdout + stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(a.baselineWritten()).toBe(false);
  });
});
