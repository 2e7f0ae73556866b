/** dist/index.js run as GitHub runs it: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
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

async function runAction(inputs: Record<string, string>, name: string) {
  const summary = path.join(dir, `${name}-summary.md`);
  const output = path.join(dir, `${name}-output.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: Record<string, string> = { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output };
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

  it('fails the job when a threshold breaks, unless fail-on is never', async () => {
    target.set({ delayMs: 80 });
    const r = await runAction({ plan: 'plan.yml', target: target.url }, 'fail');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::perf-gate: the gate failed: load p95 < 50ms/m);
    expect(outputValue(r.output, 'verdict')).toBe('fail');
    expect(r.summary).toContain('perf-gate: fail');

    const tolerant = await runAction({ plan: 'plan.yml', target: target.url, 'fail-on': 'never' }, 'never');
    expect(tolerant.code).toBe(0);
    expect(outputValue(tolerant.output, 'verdict')).toBe('fail');
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
    expect(r.stdout).toMatch(/::error::perf-gate: broken\.yml:6:\d+: /);
  });
});
