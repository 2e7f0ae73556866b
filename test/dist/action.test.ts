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
  it('passes: writes the job summary and the verdict, report-path, html-path and summary outputs', async () => {
    target.set({ delayMs: 2 });
    const r = await runAction({ plan: 'plan.yml', target: target.url, out: 'pg-out' }, 'pass');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('perf-gate: pass');
    expect(r.summary).toMatch(/\| load \(load\) \| 80 \|/);
    expect(outputValue(r.output, 'verdict')).toBe('pass');
    expect(outputValue(r.output, 'report-path')).toBe(path.join(dir, 'pg-out', 'report.json'));
    expect(outputValue(r.output, 'html-path')).toBe(path.join(dir, 'pg-out', 'report.html'));
    expect(await readFile(path.join(dir, 'pg-out', 'report.html'), 'utf8')).toContain('<svg class="chart"');
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

describe('the action bundle: A/B mode and the accept label', () => {
  it('base-url runs A/B against the target, reads and writes no store, and says so in the summary', async () => {
    const head = await startTarget({ delayMs: 2 });
    try {
      target.set({ delayMs: 2 });
      const r = await runAction(
        {
          plan: 'plan.yml',
          target: head.url,
          'base-url': target.url,
          'ab-rounds': '2',
          'save-baseline': 'true',
          baseline: 'file:ab-never.json',
          out: 'ab-out',
        },
        'ab',
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('load round 2/2: base');
      expect(r.stdout).toContain('save-baseline is ignored with base-url');
      expect(r.summary).toContain('Same-runner A/B: head');
      expect(existsSync(path.join(dir, 'ab-never.json'))).toBe(false);
      const report = JSON.parse(await readFile(path.join(dir, 'ab-out', 'report.json'), 'utf8'));
      expect(report.ab.rounds).toEqual({ load: 2 });
    } finally {
      await head.close();
    }
  });

  it('a PR labelled perf-gate:accept turns a failed regression into an accepted warning; thresholds still fail', async () => {
    target.set({ delayMs: 2 });
    const event = path.join(dir, 'accept-event.json');
    const pr = { number: 9, head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/api' } }, base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/api' } } };
    // 5 s: enough 1-s windows for a regression to fail (2 windows could only warn).
    await writeFile(path.join(dir, 'accept.yml'), PLAN.replace('rate: 40/s, duration: 2s', 'rate: 100/s, duration: 5s'));
    const inputs = { plan: 'accept.yml', target: target.url, baseline: 'file:accept-base.json', comment: 'never', confirm: 'false' };
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    const saved = await runActionWith({ ...inputs, 'save-baseline': 'true' }, 'accept-save', {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_PATH: event,
    });
    expect(saved.code, saved.stdout).toBe(0);

    target.set({ delayMs: 12 });
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' }, pull_request: { ...pr, labels: [{ name: 'perf-gate:accept' }] } }));
    const accepted = await runActionWith(inputs, 'accept-pr', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(outputValue(accepted.output, 'verdict')).toBe('warn');
    expect(accepted.summary).toContain('**Regressions accepted** (label perf-gate:accept)');

    await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' }, pull_request: { ...pr, labels: [] } }));
    const refused = await runActionWith(inputs, 'accept-none', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(refused.code).toBe(1);
    expect(outputValue(refused.output, 'verdict')).toBe('fail');

    target.set({ delayMs: 80 }); // p95 < 50ms breaks: a threshold, which no label accepts
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' }, pull_request: { ...pr, labels: [{ name: 'perf-gate:accept' }] } }));
    const threshold = await runActionWith(inputs, 'accept-threshold', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(threshold.code).toBe(1);
    expect(threshold.stdout).toMatch(/^::error::perf-gate: the gate failed: load p95 < 50ms$/m);
  });
});
