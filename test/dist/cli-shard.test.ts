/** The bundled CLI's matrix path as a process: three `run --shard i/3`, then `merge`, and its refusals. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 150/s, duration: 1s }
  - { name: burst, kind: burst, size: 9, cycles: 2, pause: 100ms }
thresholds:
  load: { rps: "> 140", p95: "< 500ms" }
`;

let dir: string;
let target: TestTarget;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-cli-shard-'));
  target = await startTarget();
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
});
afterAll(async () => {
  await target.close();
});

describe('node dist/cli.js run --shard / merge', () => {
  it('three shards, merged and gated as one run: exit 0, every request counted once', async () => {
    const before = target.served();
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runCli(['run', 'plan.yml', '--shard', `${i}/3`, '--target', target.url, '--out', `shards/${i}`, '--quiet'], { cwd: dir })),
    );
    for (const r of shards) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^PASS: 2 stages, 0 failed checks/m);
    }
    const served = target.served() - before;
    expect(served).toBe(150 + 18);

    const merged = await runCli(['merge', 'shards/1/report.json', 'shards/2/report.json', 'shards/3/report.json', '--plan', 'plan.yml', '--out', 'merged'], {
      cwd: dir,
    });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/verdict: PASS/);
    const report = JSON.parse(await readFile(path.join(dir, 'merged', 'report.json'), 'utf8'));
    expect(report.stages.map((s: { requests: number }) => s.requests)).toEqual([150, 18]);
    expect(report.shard).toBeUndefined();
    expect(report.merged_from).toHaveLength(3);
    expect(report.checks.find((c: { metric: string }) => c.metric === 'rps')).toMatchObject({ stage: 'load', verdict: 'pass' });

    // The folder that holds them stands for the three files (what download-artifact leaves).
    const byFolder = await runCli(['merge', 'shards', '--plan', 'plan.yml', '--out', 'merged-folder'], { cwd: dir });
    expect(byFolder.code, byFolder.stderr).toBe(0);
    const fromFolder = JSON.parse(await readFile(path.join(dir, 'merged-folder', 'report.json'), 'utf8'));
    expect(fromFolder.stages.map((s: { requests: number }) => s.requests)).toEqual([150, 18]);
    expect(fromFolder.merged_from).toHaveLength(3);
  });

  it('refusals exit 2 with one line: a missing shard, a bad --shard, --save-baseline with --shard', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['merge', 'shards/1/report.json', 'shards/3/report.json'],
        /^perf-gate: shard 2\/3 missing \(given: shards\/1\/report\.json \(shard 1\/3\), shards\/3\/report\.json \(shard 3\/3\)\): merge needs all 3$/,
      ],
      [['run', 'plan.yml', '--shard', '4/3', '--target', target.url], /^perf-gate: --shard 4\/3: the shard number must be from 1 to 3$/],
      [['run', 'plan.yml', '--shard', '1/3', '--save-baseline', 'b.json', '--target', target.url], /^perf-gate: --save-baseline does not go with --shard/],
      [['merge'], /^perf-gate: expected 1 to 64 argument\(s\), got 0/],
    ];
    const before = target.served();
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(target.served()).toBe(before);
  });
});
