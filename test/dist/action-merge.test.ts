/**
 * dist/index.js in merge mode (`merge-reports`), as a matrix's merge job runs it on a pull request:
 * two real `run --shard i/2` reports in per-artifact folders, merged and gated against a baseline
 * file, with the job summary, outputs and the one PR comment going to a loopback GitHub API.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runNode, withoutMaskCommands } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 100/s, duration: 2s }
thresholds:
  load: { rps: "> 90", error_rate: "< 1%" }
regression:
  p50: "+50%"
`;
const TOKEN = 'ghs_mergetoken000000000000000000000000000';
const REPO = 'acme/shop';

let ws: string;
let target: TestTarget;
let api: FakeGitHubApi;

beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'perf-gate-action-merge-'));
  target = await startTarget({ delayMs: 5 });
  api = await startFakeGitHubApi({ installationToken: true, repos: [REPO], token: TOKEN });
  await writeFile(path.join(ws, 'plan.yml'), PLAN);
  // The baseline: one single run. The shards: what two matrix jobs uploaded, one folder each.
  const base = await runCli(['run', 'plan.yml', '--target', target.url, '--out', 'base', '--quiet'], { cwd: ws });
  expect(base.code, base.stderr).toBe(0);
  // Matrix jobs run at the same time (merge refuses shards that did not load the target together).
  const shards = await Promise.all(
    [1, 2].map((i) => runCli(['run', 'plan.yml', '--target', target.url, '--shard', `${i}/2`, '--out', `shards/perf-shard-${i}`, '--quiet'], { cwd: ws })),
  );
  for (const r of shards) expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await target.close();
  await api.close();
});

async function runMergeAction(label: string, mergeReports: string) {
  const summary = path.join(ws, `${label}-summary.md`);
  const output = path.join(ws, `${label}-output.txt`);
  const eventPath = path.join(ws, `${label}-event.json`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const repo = { full_name: REPO, default_branch: 'main' };
  await writeFile(
    eventPath,
    JSON.stringify({ number: 21, repository: repo, pull_request: { number: 21, head: { sha: 'e'.repeat(40), repo }, base: { sha: 'd'.repeat(40), repo } } }),
  );
  const r = await runNode('dist/index.js', [], {
    cwd: ws,
    timeoutMs: 60_000,
    env: {
      GITHUB_WORKSPACE: ws,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: 'refs/pull/21/merge',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REPOSITORY: REPO,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
      GITHUB_API_URL: api.url,
      INPUT_PLAN: 'plan.yml',
      INPUT_BASELINE: 'file:base/report.json',
      'INPUT_GITHUB-TOKEN': TOKEN,
      'INPUT_SAVE-BASELINE': 'true',
      'INPUT_MERGE-REPORTS': mergeReports,
      INPUT_OUT: `${label}-report`,
    },
  });
  return { ...r, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

describe('the action in merge mode', () => {
  it('merges the shard folders into one report, gates it against the baseline, and comments once', async () => {
    const r = await runMergeAction('merged', 'shards');
    expect(r.code, r.stdout).toBe(0);
    const report = JSON.parse(await readFile(path.join(ws, 'merged-report', 'report.json'), 'utf8'));
    const shards = await Promise.all([1, 2].map(async (i) => JSON.parse(await readFile(path.join(ws, 'shards', `perf-shard-${i}`, 'report.json'), 'utf8'))));
    // The two halves of the schedule add up to the whole, and the merge is one whole run.
    expect(shards.map((s) => s.stages[0].requests)).toEqual([100, 100]);
    expect(report.shard).toBeUndefined();
    expect(report.merged_from).toHaveLength(2);
    expect(report.stages[0].requests).toBe(200);
    expect(report.baseline).toBeDefined();
    expect(report.checks.map((c: { metric: string }) => c.metric).sort()).toEqual(['error_rate', 'p50', 'rps']);
    expect(report.verdict).toBe('pass');
    expect(r.output).toMatch(/verdict<<.*\npass/);
    expect(r.stdout).toContain('baseline not saved: a merged result is not stored as a baseline');
    expect(r.summary).toContain('| load (load) |');
    const mine = api.comments.filter((c) => c.issueNumber === 21);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain('perf-gate: pass');
    expect(withoutMaskCommands(r.stdout)).not.toContain(TOKEN);
  });

  it('a folder with no report.json fails the job with one line naming it', async () => {
    await mkdir(path.join(ws, 'empty'), { recursive: true });
    const r = await runMergeAction('empty', 'empty');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::perf-gate: empty: a folder with no report\.json below it/m);
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});
