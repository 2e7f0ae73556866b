/** dist/index.js run as GitHub runs it: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';

let dir: string;
let target: TestTarget;

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 40/s, duration: 2s }
thresholds:
  load: { p95: "< 50ms" }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-action-'));
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

const runAction = (inputs: Record<string, string>, name: string) => runActionWith(inputs, name, {});

async function runActionWith(inputs: Record<string, string>, name: string, extraEnv: Record<string, string>) {
  const summary = path.join(dir, `${name}-summary.md`);
  const output = path.join(dir, `${name}-output.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: Record<string, string> = { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, ...extraEnv };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runNode('dist/index.js', [], { cwd: dir, env });
  return { ...r, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

/** GITHUB_OUTPUT holds `name<<DELIM\nvalue\nDELIM` blocks. */
function outputValue(file: string, name: string): string | undefined {
  const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(file);
  return m?.[2];
}

describe('the action bundle', () => {
  it('passes: writes the job summary and the verdict, report-path and summary outputs', async () => {
    target.set({ delayMs: 2 });
    const r = await runAction({ plan: 'plan.yml', target: target.url, out: 'pg-out' }, 'pass');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('perf-gate: pass');
    expect(r.summary).toMatch(/\| load \(load\) \| 80 \|/);
    expect(outputValue(r.output, 'verdict')).toBe('pass');
    expect(outputValue(r.output, 'report-path')).toBe(path.join(dir, 'pg-out', 'report.json'));
    expect(outputValue(r.output, 'summary')).toContain('perf-gate: pass');
    expect(r.stdout).not.toContain('::error::');
  });

  it('fails the job when a threshold breaks', async () => {
    target.set({ delayMs: 80 });
    const r = await runAction({ plan: 'plan.yml', target: target.url }, 'fail');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::perf-gate: the gate failed: load p95 < 50ms/m);
    expect(outputValue(r.output, 'verdict')).toBe('fail');
    expect(r.summary).toContain('perf-gate: fail');

  });

  it('an invalid input fails with a message naming it', async () => {
    const r = await runAction({ plan: 'plan.yml', 'fail-on': 'sometimes' }, 'bad-input');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::perf-gate: input "fail-on" must be one of regression, threshold, never; got "sometimes"/m);
  });

  it('a bad plan fails with the located problem', async () => {
    await writeFile(path.join(dir, 'broken.yml'), PLAN.replace('rate: 40/s', 'rate: lots'));
    const r = await runAction({ plan: 'broken.yml', target: target.url }, 'bad-plan');
    expect(r.code).toBe(1);
    // An annotation on the plan's line (shown in the PR diff), then the one failure line.
    expect(r.stdout).toMatch(/^::error file=broken\.yml,line=6,col=\d+::.*"lots" is not a rate/m);
    expect(r.stdout).toMatch(/^::error::perf-gate: the plan has 1 problem /m);
  });

  it('creates the first baseline on a default-branch push, and never saves one from a pull request', async () => {
    target.set({ delayMs: 2 });
    const event = path.join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    const inputs = { plan: 'plan.yml', target: target.url, baseline: 'file:perf/base.json', 'save-baseline': 'true' };
    const onPr = await runActionWith(inputs, 'pr', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge', GITHUB_EVENT_PATH: event });
    expect(onPr.code, onPr.stdout).toBe(0);
    expect(onPr.stdout).toContain('no baseline yet: perf/base.json does not exist');
    expect(onPr.stdout).toMatch(/baseline not saved: this is a pull_request run/);
    expect(existsSync(path.join(dir, 'perf', 'base.json'))).toBe(false);

    const onBranch = await runActionWith(inputs, 'branch', { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature', GITHUB_EVENT_PATH: event });
    expect(onBranch.stdout).toMatch(/baseline not saved: refs\/heads\/feature is not the default branch \(main\)/);
    expect(existsSync(path.join(dir, 'perf', 'base.json'))).toBe(false);

    const onMain = await runActionWith(inputs, 'main', { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: event });
    expect(onMain.code, onMain.stdout).toBe(0);
    expect(onMain.stdout).toContain('baseline saved to file perf/base.json');
    const saved = JSON.parse(await readFile(path.join(dir, 'perf', 'base.json'), 'utf8'));
    expect(saved.stages[0].requests).toBe(80);

    // The next PR compares with it.
    const next = await runActionWith(inputs, 'pr2', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/8/merge', GITHUB_EVENT_PATH: event });
    expect(next.summary).toContain('Compared with the baseline');
    expect(next.summary).toMatch(/p95 \+15% vs baseline/);
  });

  it('fail-on: never lets a failed gate pass the job, with a warning saying so', async () => {
    target.set({ delayMs: 80 });
    const r = await runAction({ plan: 'plan.yml', target: target.url, 'fail-on': 'never' }, 'never-warn');
    expect(r.code).toBe(0);
    expect(outputValue(r.output, 'verdict')).toBe('fail');
    expect(r.stdout).toMatch(/^::warning::perf-gate: the gate failed \(load p95 < 50ms\), but fail-on: never lets the job pass/m);
  });
});
