/**
 * What the app spends through the bundle: `perf-gate run` starts a target that spins a set CPU time
 * per request, on a stage sent from two worker threads; an unchanged re-run exits 0 and the same
 * target spinning 50 % longer exits 1 on cpu_per_request.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import type { Report } from '../../src/model/report.js';

const SPIN = path.resolve(import.meta.dirname, '..', 'fixtures', 'spin-target.mjs');
let dir: string;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-cli-resources-'));
  port = await new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
});

async function run(spinUs: number, out: string, args: string[]): Promise<{ code: number | null; report: Report; stdout: string; stderr: string }> {
  await writeFile(
    path.join(dir, 'plan.yml'),
    `version: 1
target:
  url: http://127.0.0.1:${port}
  start: ${JSON.stringify(`SPIN_US=${spinUs} PORT=${port} MAX_S=60 exec node ${SPIN}`)}
  ready: /ready
requests:
  - { name: root, path: /x }
stages:
  - { name: load, kind: load, rate: 50/s, duration: 6s, workers: 2 }
regression:
  cpu_per_request: "+20%"
`,
  );
  const r = await runCli(['run', 'plan.yml', '--out', out, ...args], { cwd: dir, timeoutMs: 60_000 });
  const report = JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')) as Report;
  return { ...r, report };
}

describe('perf-gate run with the app started by perf-gate', () => {
  it("reports the app's CPU per request, passes unchanged (exit 0) and fails +50 % CPU on cpu_per_request (exit 1)", async () => {
    const base = await run(2000, 'base', ['--save-baseline', 'baseline.json']);
    expect(base.code, base.stderr).toBe(0);
    const res = base.report.stages[0]!.resources!;
    expect(base.report.stages[0]!.workers).toBe(2);
    expect(res.cpu_ms_per_request!).toBeGreaterThanOrEqual(2.0);
    expect(res.cpu_ms_per_request!).toBeLessThan(2.8);
    expect(await readFile(path.join(dir, 'base', 'summary.md'), 'utf8')).toContain('cost (CPU/request · peak memory)');

    const same = await run(2000, 'same', ['--baseline', 'baseline.json']);
    expect(same.code, JSON.stringify(same.report.checks)).toBe(0);
    expect(same.report.checks.find((c) => c.metric === 'cpu_per_request')!.verdict).toBe('pass');

    const heavier = await run(3000, 'heavier', ['--baseline', 'baseline.json']);
    expect(heavier.code).toBe(1);
    expect(heavier.report.checks.find((c) => c.metric === 'cpu_per_request')).toMatchObject({ verdict: 'fail', method: 'bootstrap-windows(ratio)' });
    // One line saying why, and no stray warnings.
    expect(heavier.stderr.trim().split('\n').pop()).toBe('perf-gate: the gate failed: load cpu_per_request +20%');
    expect(heavier.stderr).not.toMatch(/Warning|\(node:\d+\)/);
  }, 120_000);
});
