/**
 * `workers:` through the bundle (dist/cli.js starting dist/worker.js threads) against a counting
 * loopback server: the open model sends exactly its schedule, users and burst sizes split without
 * changing the load, the report holds one merged stage, `--shard` composes with workers, and the
 * key is refused where it cannot apply.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import type { Report } from '../../src/model/report.js';

let dir: string;
let target: TestTarget;
/** Requests the server is answering right now, the most seen, and the sockets they came on. */
let inFlight = 0;
let peak = 0;
let sockets = new Set<Socket>();
/** `${seq}` values the server saw (the `seq` query parameter). */
let seqs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-cli-workers-'));
  target = await startTarget({
    delayMs: 5,
    route: (req, res) => {
      sockets.add(req.socket);
      const seq = new URL(req.url ?? '/', 'http://x').searchParams.get('seq');
      if (seq !== null) seqs.push(seq);
      peak = Math.max(peak, ++inFlight);
      res.once('finish', () => inFlight--);
      return false;
    },
  });
});
afterAll(async () => {
  await target.close();
});

function reset(): number {
  peak = 0;
  sockets = new Set();
  seqs = [];
  return target.served();
}

async function run(name: string, stages: string[], extraArgs: string[] = []): Promise<{ report: Report; served: number }> {
  const plan = `version: 1
target: { url: "http://127.0.0.1:1" }
defaults: { timeout: 2s }
requests:
  - { name: root, path: "/?seq=\${seq}" }
stages:
${stages.map((s) => `  - ${s}`).join('\n')}
`;
  await writeFile(path.join(dir, `${name}.yml`), plan);
  const before = reset();
  const r = await runCli(['run', `${name}.yml`, '--target', target.url, '--out', name, '--quiet', ...extraArgs], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(await readFile(path.join(dir, name, 'report.json'), 'utf8')) as Report;
  return { report, served: target.served() - before };
}

describe('node dist/cli.js run: a stage on worker threads', () => {
  it('open model over 2 workers: exactly rate × duration sent, served and reported, as one merged stage', async () => {
    const { report, served } = await run('open', ['{ name: open, kind: load, rate: 200/s, duration: 2s, workers: 2 }']);
    expect(served).toBe(400);
    expect(report.stages).toHaveLength(1);
    const [stage] = report.stages;
    expect(stage).toMatchObject({ name: 'open', requests: 400, scheduled: 400, errors: 0, dropped: 0, workers: 2 });
    expect(stage!.rps).toBeGreaterThan(190);
    // One timeline of 1-second windows, merged from both workers' (each with its added histogram, which the gate resamples).
    expect(stage!.timeline.map((w) => w.t)).toEqual([0, 1]);
    expect(stage!.timeline.reduce((a, w) => a + w.requests, 0)).toBe(400);
    expect(stage!.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    expect(stage!.merge_inputs).toBeUndefined();
  });

  it('${seq} stays unique across workers: worker i of n counts i, i + n, i + 2n, …', async () => {
    const { served } = await run('seq', ['{ name: open, kind: load, rate: 100/s, duration: 1s, workers: 2 }']);
    expect(served).toBe(100);
    expect(new Set(seqs).size).toBe(100);
    expect(seqs.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('closed model, vus 4 over 2 workers: 4 users, never more than 4 requests or connections at once', async () => {
    const { report, served } = await run('users', ['{ name: users, kind: load, vus: 4, duration: 1500ms, workers: 2 }']);
    const [stage] = report.stages;
    expect(stage!.requests).toBe(served);
    expect(stage!.requests).toBeGreaterThan(100);
    // Both workers' users were sending: all 4 at once, and never a fifth.
    expect(peak).toBe(4);
    expect(sockets.size).toBeLessThanOrEqual(4);
    expect(Math.max(...stage!.timeline.map((w) => w.active))).toBeLessThanOrEqual(4);
  });

  it('burst of 10 over 2 workers: 10 requests per cycle', async () => {
    const { report, served } = await run('burst', ['{ name: burst, kind: burst, size: 10, cycles: 3, pause: 200ms, workers: 2 }']);
    expect(served).toBe(30);
    expect(report.stages[0]!.cycles!.map((c) => [c.cycle, c.successes, c.errors])).toEqual([
      [1, 10, 0],
      [2, 10, 0],
      [3, 10, 0],
    ]);
  });

  it('--shard i/2 with workers: 2 on each: every shard sends its part exactly, and merge gives the whole schedule', async () => {
    const stage = '{ name: open, kind: load, rate: 150/s, duration: 1s, workers: 2 }';
    await writeFile(
      path.join(dir, 'sharded.yml'),
      `version: 1\ntarget: { url: "http://127.0.0.1:1" }\nrequests:\n  - { name: root, path: "/" }\nstages:\n  - ${stage}\n`,
    );
    const before = reset();
    const shards = await Promise.all(
      [1, 2].map((i) => runCli(['run', 'sharded.yml', '--shard', `${i}/2`, '--target', target.url, '--out', `sharded/${i}`, '--quiet'], { cwd: dir })),
    );
    for (const r of shards) expect(r.code, r.stderr).toBe(0);
    expect(target.served() - before).toBe(150);
    for (const i of [1, 2]) {
      const report = JSON.parse(await readFile(path.join(dir, 'sharded', String(i), 'report.json'), 'utf8')) as Report;
      // Shard 1 sends 0, 2, 4, … (75 sends), its workers 0, 4, 8, … and 2, 6, 10, …
      expect(report.stages[0]).toMatchObject({ requests: 75, scheduled: 75 });
      // Still a shard report: the merged windows keep their histograms for `merge`.
      expect(report.stages[0]!.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    }
    const merged = await runCli(['merge', 'sharded/1/report.json', 'sharded/2/report.json', '--out', 'sharded/merged'], { cwd: dir });
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, 'sharded', 'merged', 'report.json'), 'utf8')) as Report;
    expect(report.stages[0]).toMatchObject({ requests: 150, scheduled: 150 });
  });

  it('workers on a baseline stage: exit 2, file:line:col and why, before any load', async () => {
    await writeFile(
      path.join(dir, 'bad.yml'),
      `version: 1\ntarget: { url: "http://127.0.0.1:1" }\nrequests:\n  - { name: root, path: / }\nstages:\n  - { name: floor, kind: baseline, duration: 1s, workers: 2 }\n`,
    );
    const before = reset();
    const r = await runCli(['run', 'bad.yml', '--target', target.url], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'bad.yml:6:50: stages[0]: a baseline stage is one user sending back to back, which cannot be split over worker threads (remove workers)',
    );
    expect(target.served()).toBe(before);
  });
});
