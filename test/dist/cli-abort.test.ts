/** abort_when through dist/cli.js: exit 1 with the rule named, also for a stage on worker threads. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import { planText, startTarget, type TestTarget } from '../helpers/target.js';
import type { Report } from '../../src/model/report.js';

let dir: string;
let target: TestTarget;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-cli-abort-'));
  target = await startTarget({ errorRate: 1 });
});
afterAll(async () => {
  await target.close();
});

describe('abort_when from the CLI', () => {
  it.each([
    ['one thread', ''],
    ['2 worker threads', ', workers: 2'],
  ])('on %s: the stage ends early, the next is skipped, exit 1 naming the rule', async (_, workers) => {
    await writeFile(
      path.join(dir, 'plan.yml'),
      planText(
        [`{ name: hammer, kind: load, rate: 40/s, duration: 20s${workers} }`, '{ name: after, kind: baseline, duration: 3s }'],
        'abort_when:\n  - { metric: error_rate, op: ">", value: 50%, for: 2s }\n',
      ),
    );
    const started = Date.now();
    const r = await runCli(['run', 'plan.yml', '--target', target.url, '--out', 'out', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(r.stderr).toMatch(/^perf-gate: the gate failed: hammer abort_when error_rate > 50% for 2s$/m);
    const report = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.stages.map((s) => s.name)).toEqual(['hammer']);
    expect(report.stages[0]!.aborted!.rule).toBe('error_rate > 50% for 2s');
    expect(report.stages[0]!.requests).toBeGreaterThan(0);
    if (workers) expect(report.stages[0]!.workers).toBe(2);
  });
});
