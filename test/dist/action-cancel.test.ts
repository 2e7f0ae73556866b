/** dist/index.js when GitHub cancels the job (SIGINT/SIGTERM), and when an error escapes every try. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';

let dir: string;
let target: TestTarget;

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
});

/** The action as GitHub starts it: a push to main that would save a baseline; `preload` runs first (node --import). */
async function startAction(name: string, preload?: string) {
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
    },
  );

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
