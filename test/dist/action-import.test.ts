/** dist/index.js in import mode (`from`, `results`): another tool's results through the action's store, save and summary flow. */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/process.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
let dir: string;
let event: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-action-import-'));
  for (const f of ['k6-summary-export.json', 'k6-summary-export-slower.json']) await copyFile(path.join(FIXTURES, f), path.join(dir, f));
  await writeFile(path.join(dir, 'gate.yml'), 'thresholds:\n  "*": { p95: "< 200ms" }\n');
  event = path.join(dir, 'event.json');
  await writeFile(event, JSON.stringify({ repository: { default_branch: 'main' } }));
});

async function runAction(inputs: Record<string, string>, name: string, extraEnv: Record<string, string> = {}) {
  const summary = path.join(dir, `${name}-summary.md`);
  const output = path.join(dir, `${name}-output.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: Record<string, string> = { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, GITHUB_EVENT_PATH: event, ...extraEnv };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runNode('dist/index.js', [], { cwd: dir, env });
  return { ...r, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

describe('the action in import mode', () => {
  it('keeps a passing k6 import as the baseline on a default-branch push; a PR with slower results fails against it', async () => {
    const inputs = { from: 'k6', plan: 'gate.yml', baseline: 'file:perf/k6-base.json', 'save-baseline': 'true' };
    const main = await runAction({ ...inputs, results: 'k6-summary-export.json' }, 'main', { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' });
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain('baseline saved to file perf/k6-base.json');
    expect(main.summary).toContain('Results of k6 imported from `k6-summary-export.json`');
    expect(JSON.parse(await readFile(path.join(dir, 'perf', 'k6-base.json'), 'utf8'))).toMatchObject({ imported: { tool: 'k6' }, verdict: 'pass' });

    const pr = await runAction({ ...inputs, results: 'k6-summary-export-slower.json' }, 'pr', {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
    });
    expect(pr.code).toBe(1);
    // `%` is %25 in a workflow command.
    expect(pr.stdout).toMatch(/^::error::perf-gate: the gate failed: k6 p50 \+10%25; k6 p95 \+15%25$/m);
    expect(pr.stdout).toMatch(/baseline not saved: this is a pull_request run/);
    expect(pr.summary).toContain('81.6 ms (+40.0% vs 58.3 ms)');
    expect(pr.summary).toContain('point (imported)');
  });

  it('"from" without "results" is refused naming the input, before anything is read', async () => {
    const r = await runAction({ from: 'k6', out: 'never-written' }, 'no-results');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::perf-gate: input "from" needs "results"/m);
    expect(existsSync(path.join(dir, 'never-written'))).toBe(false);
  });
});
