/**
 * Matrix shards on real sockets: a plan run whole, then as three `--shard` runs (at the same time,
 * as matrix jobs would) against one counting loopback server; the shards send what the single run
 * sends, and `merge` gives one report of that load that passes the plan's thresholds, where each
 * shard alone would not (its rps is a third).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeAndGate, runAndGate, type Logger } from '../../src/core.js';
import { FileStore } from '../../src/baseline/file-store.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { UsageError } from '../../src/errors.js';
import type { Report } from '../../src/model/report.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
defaults: { timeout: 2s }
requests:
  - { name: root, path: / }
  - { name: other, path: /other, weight: 2 }
stages:
  - { name: rate, kind: load, rate: 300/s, ramp: 500ms, duration: 1500ms }
  - { name: users, kind: load, vus: 3, think: 20ms, duration: 1s }
  - { name: burst, kind: burst, size: 30, cycles: 2, pause: 200ms }
thresholds:
  "*": { error_rate: "< 1%", p95: "< 500ms" }
  rate: { requests: ">= 375", rps: "> 240" }
  burst: { requests: ">= 60" }
`;

const quiet: Logger = { info: () => {}, warn: () => {} };
let target: TestTarget;
let dir: string;

beforeAll(async () => {
  target = await startTarget({ delayMs: 2 });
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-shards-'));
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
});
afterAll(async () => {
  await target.close();
});

const settings = { planFile: 'plan.yml', env: {}, cwd: '', log: quiet };

async function run(out: string, shard?: { index: number; count: number }): Promise<Report> {
  const o = await runAndGate({ ...settings, cwd: dir, targetUrl: target.url, outDir: out, shard });
  return o.report;
}

const stage = (r: Report, name: string) => r.stages.find((s) => s.name === name)!;

describe('run --shard i/3 three times, then merge', () => {
  it("the shards send the single run's load; the merge holds it exactly and passes the thresholds", async () => {
    const before = target.served();
    const single = await run('single');
    const servedSingle = target.served() - before;
    expect(single.verdict).toBe('pass');
    expect(servedSingle).toBe(single.stages.reduce((a, s) => a + s.requests, 0));

    const mid = target.served();
    const shards = await Promise.all([1, 2, 3].map((index) => run(`shard-${index}`, { index, count: 3 })));
    const servedShards = target.served() - mid;

    for (const [i, s] of shards.entries()) {
      expect(s.shard).toEqual({ index: i + 1, count: 3 });
      // Not gated: a third of the rate would fail "rps > 240".
      expect(s.checks).toEqual([]);
      expect(stage(s, 'rate').rps).toBeLessThan(240);
      expect(stage(s, 'rate').timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
      expect(stage(s, 'rate').endpoints.every((e) => typeof e.histogram === 'string')).toBe(true);
      // The open model ends at its last send's response: up to the planned 1.5 s.
      expect(stage(s, 'rate').merge_inputs!.sending_s).toBeGreaterThan(1.4);
      expect(stage(s, 'rate').merge_inputs!.sending_s).toBeLessThanOrEqual(1.5);
    }
    // Open model and bursts divide exactly: 375 sends (ramp 75 + 300), 2 × 30 burst requests.
    expect(shards.map((s) => stage(s, 'rate').scheduled)).toEqual([125, 125, 125]);
    expect(shards.map((s) => stage(s, 'rate').requests)).toEqual([125, 125, 125]);
    expect(shards.map((s) => stage(s, 'burst').requests)).toEqual([20, 20, 20]);
    expect(stage(single, 'rate').requests).toBe(375);
    expect(stage(single, 'burst').requests).toBe(60);
    // Users: 3 → 1 each; a closed model's count depends on the target's pace, so only roughly equal.
    const shardUsers = shards.reduce((a, s) => a + stage(s, 'users').requests, 0);
    expect(shardUsers).toBeGreaterThan(stage(single, 'users').requests * 0.7);
    expect(shardUsers).toBeLessThan(stage(single, 'users').requests * 1.3);
    // Every report keeps its windows' histograms (the gate resamples them); only the shard inputs are a shard's own.
    expect(stage(single, 'rate').timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    expect(stage(single, 'rate').merge_inputs).toBeUndefined();

    const merged = await mergeAndGate({
      ...settings,
      cwd: dir,
      shardFiles: [3, 1, 2].map((i) => `shard-${i}/report.json`),
      planFile: 'plan.yml',
      outDir: 'merged',
    });
    const m = merged.report;
    const total = shards.reduce((a, s) => a + s.stages.reduce((b, st) => b + st.requests, 0), 0);
    expect(m.stages.reduce((a, s) => a + s.requests, 0)).toBe(total);
    expect(total).toBe(servedShards);
    expect(stage(m, 'rate').requests).toBe(stage(single, 'rate').requests);
    expect(stage(m, 'rate').scheduled).toBe(375);
    // Over the longest shard's sending time, against the single run's own: the same to a few ms.
    expect(stage(m, 'rate').rps / stage(single, 'rate').rps).toBeCloseTo(1, 1);
    expect(stage(m, 'burst').requests).toBe(60);
    expect(stage(m, 'burst').cycles!.map((c) => c.successes)).toEqual([30, 30]);
    expect(stage(m, 'users').requests).toBe(shardUsers);
    expect(m.verdict).toBe('pass');
    expect(m.checks.filter((c) => c.kind === 'threshold').map((c) => `${c.stage} ${c.metric} ${c.verdict}`)).toEqual(
      expect.arrayContaining(['rate rps pass', 'rate requests pass', 'burst requests pass', 'users p95 pass']),
    );
    expect(m.shard).toBeUndefined();
    expect(m.merged_from!.map((f) => f.index)).toEqual([1, 2, 3]);
    expect(m.fingerprints).toEqual(single.fingerprints);
    const written = JSON.parse(await readFile(path.join(dir, 'merged', 'report.json'), 'utf8')) as Report;
    expect(written.stages.map((s) => s.requests)).toEqual(m.stages.map((s) => s.requests));
    expect(await readFile(path.join(dir, 'merged', 'summary.md'), 'utf8')).toContain('Merged from 3 shards');

    // Gated against a baseline like a single run: the single run's report as the baseline.
    const against = await mergeAndGate({
      ...settings,
      cwd: dir,
      shardFiles: [1, 2, 3].map((i) => `shard-${i}/report.json`),
      planFile: 'plan.yml',
      baseline: { store: new FileStore({ file: path.join(dir, 'single', 'report.json') }) },
      outDir: 'merged-vs-single',
    });
    expect(against.report.baseline?.source).toContain('single/report.json');
    expect(against.report.checks.some((c) => c.kind === 'regression' && c.stage === 'rate' && c.metric === 'rps')).toBe(true);
    expect(Math.abs(against.report.checks.find((c) => c.kind === 'regression' && c.stage === 'rate' && c.metric === 'rps')!.delta_pct!)).toBeLessThan(2);
  });

  it('a shard run refuses to save or be compared with a baseline, before any load', async () => {
    const before = target.served();
    const save = { store: new FileStore({ file: path.join(dir, 'b.json') }), commit: 'local', run: 'x' };
    await expect(runAndGate({ ...settings, cwd: dir, targetUrl: target.url, outDir: 'x', shard: { index: 1, count: 2 }, save })).rejects.toThrow(
      new UsageError(
        '--save-baseline does not go with --shard: a shard holds part of the load and is never a baseline (keep the report.json of perf-gate merge instead)',
      ),
    );
    await expect(
      runAndGate({ ...settings, cwd: dir, targetUrl: target.url, outDir: 'x', shard: { index: 1, count: 2 }, baseline: { store: save.store } }),
    ).rejects.toThrow(/^--baseline does not go with --shard/);
    expect(target.served()).toBe(before);
  });
});
