/**
 * What the app spends, on real processes: a target that spins a set CPU time per request, started
 * by perf-gate (its process group), named by a PID file, or moved into a real cgroup v2 directory
 * where the machine allows creating one. The whole core runs: plan → load → gate → files.
 */
import { mkdir, mkdtemp, readFile, rmdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../helpers/gate.js';
import type { Report } from '../../src/model/report.js';

const SPIN = path.resolve(import.meta.dirname, '..', 'fixtures', 'spin-target.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A plan that starts the spin target (SPIN_US per request) and gates the app's CPU per request. */
const plan = (port: number, spinUs: number, extraTarget = '', env = ''): string => `version: 1
target:
  url: http://127.0.0.1:${port}
  start: ${JSON.stringify(`${env}SPIN_US=${spinUs} PORT=${port} MAX_S=60 exec node ${SPIN}`)}
  ready: /ready
  ready_timeout: 20s
${extraTarget}requests:
  - { name: root, path: /x }
stages:
  - { name: load, kind: load, rate: 50/s, duration: 6s }
thresholds:
  "*": { rss_peak: "< 512MB", error_rate: "< 1%" }
regression:
  cpu_per_request: "+20%"
`;

let dir: string;
let port: number;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-resources-'));
  port = await freePort();
});

const run = async (text: string, out: string, extra: { baseline?: string; save?: string } = {}): Promise<Report> => {
  await writeFile(path.join(dir, 'plan.yml'), text);
  return runGate({ dir, targetUrl: `http://127.0.0.1:${port}`, out, ...extra });
};

describe('the process group perf-gate started', () => {
  it('2 ms of CPU per request reads 2.0–2.8 ms; an unchanged re-run passes; spinning 50 % longer fails on cpu_per_request', async () => {
    const base = await run(plan(port, 2000), 'base', { save: 'baseline.json' });
    const s = base.stages[0]!;
    expect(base.verdict, JSON.stringify(base.checks)).toBe('pass');
    expect(s.resources!.source).toMatch(/^process group \d+ \(target\.start\)$/);
    expect(s.resources!.error).toBeUndefined();
    expect(s.resources!.cpu_ms_per_request!).toBeGreaterThanOrEqual(2.0);
    expect(s.resources!.cpu_ms_per_request!).toBeLessThan(2.8);
    // 50 requests/s × ~2.2 ms: about 11 % of a core.
    expect(s.resources!.cpu_pct!).toBeGreaterThan(9);
    expect(s.resources!.cpu_pct!).toBeLessThan(16);
    expect(s.resources!.rss_mb_peak!).toBeGreaterThan(10);
    expect(s.resources!.rss_mb_peak!).toBeLessThan(512);
    // Every window has its CPU and memory; their CPU adds up to the stage's.
    const windows = s.timeline.filter((w) => w.requests > 0);
    expect(windows.every((w) => typeof w.cpu_ms === 'number' && typeof w.rss_mb === 'number')).toBe(true);
    const sum = s.timeline.reduce((a, w) => a + (w.cpu_ms ?? 0), 0);
    expect(Math.abs(sum - s.resources!.cpu_ms!)).toBeLessThan(0.02 * s.resources!.cpu_ms! + 1);
    expect(base.checks.find((c) => c.metric === 'rss_peak')).toMatchObject({ kind: 'threshold', verdict: 'pass' });

    const same = await run(plan(port, 2000), 'same', { baseline: 'baseline.json' });
    const cpu = same.checks.find((c) => c.metric === 'cpu_per_request')!;
    expect(cpu, JSON.stringify(same.checks)).toMatchObject({ kind: 'regression', method: 'bootstrap-windows(ratio)', verdict: 'pass' });

    const heavier = await run(plan(port, 3000), 'heavier', { baseline: 'baseline.json' });
    const worse = heavier.checks.find((c) => c.metric === 'cpu_per_request')!;
    expect(worse, JSON.stringify(heavier.checks)).toMatchObject({ verdict: 'fail', significant: true });
    expect(worse.delta_pct!).toBeGreaterThan(30);
    expect(worse.interval_pct![0]).toBeGreaterThan(20);
    expect(heavier.verdict).toBe('fail');
    const written = JSON.parse(await readFile(path.join(dir, 'heavier', 'report.json'), 'utf8')) as Report;
    expect(written.stages[0]!.resources!.cpu_ms_per_request).toBe(heavier.stages[0]!.resources!.cpu_ms_per_request);
  }, 90_000);
});

describe('a soak stage without a metrics page', () => {
  it('takes memory_growth from the same source, and a memory_growth threshold judges it', async () => {
    const text = plan(port, 500)
      .replace('  - { name: load, kind: load, rate: 50/s, duration: 6s }', '  - { name: soak, kind: soak, rate: 20/s, duration: 10s }')
      .replace('"*": { rss_peak: "< 512MB", error_rate: "< 1%" }', '"*": { memory_growth: "< 200%" }')
      .replace('regression:\n  cpu_per_request: "+20%"\n', 'regression: {}\n');
    const r = await run(text, 'soak');
    const s = r.stages[0]!;
    expect(s.soak!.memory).toMatchObject({ url: expect.stringMatching(/^process group \d+ \(target\.start\)$/) as unknown });
    expect(s.soak!.memory!.before_bytes!).toBeGreaterThan(10 * 2 ** 20);
    expect(s.soak!.memory!.growth_pct).toBe(s.resources!.rss_growth_pct);
    expect(r.checks.find((c) => c.metric === 'memory_growth')).toMatchObject({ verdict: 'pass', current: s.soak!.memory!.growth_pct });
  }, 60_000);
});

describe('target.process', () => {
  it('pid_file: the app alone (not its shell), the same figure', async () => {
    const pidFile = path.join(dir, 'app.pid');
    const r = await run(plan(port, 2000, `  process: { pid_file: app.pid }\n`, `PID_FILE=${pidFile} `), 'pidfile');
    const res = r.stages[0]!.resources!;
    expect(res.source).toBe(`pid_file ${pidFile}`);
    expect(res.error).toBeUndefined();
    expect(res.cpu_ms_per_request!).toBeGreaterThanOrEqual(2.0);
    expect(res.cpu_ms_per_request!).toBeLessThan(2.8);
  }, 60_000);

  it('a pid file that cannot be read never fails the run: the figures are null and the rules warn, saying why', async () => {
    const r = await run(plan(port, 500, `  process: { pid_file: nowhere.pid }\n`), 'unreadable', { baseline: 'baseline.json' });
    const res = r.stages[0]!.resources!;
    expect(res).toMatchObject({ cpu_ms_per_request: null, rss_mb_peak: null, error: `cannot read the pid file ${path.join(dir, 'nowhere.pid')}` });
    expect(r.verdict).toBe('warn');
    for (const metric of ['cpu_per_request', 'rss_peak']) {
      expect(r.checks.find((c) => c.metric === metric)).toMatchObject({
        verdict: 'warn',
        note: `pid_file ${path.join(dir, 'nowhere.pid')} could not be read: cannot read the pid file ${path.join(dir, 'nowhere.pid')}`,
      });
    }
  }, 60_000);
});

/** A child of the machine's cgroup v2 hierarchy, when one is mounted and writable here; else undefined. */
async function makeCgroup(): Promise<string | undefined> {
  const mounts = await readFile('/proc/self/mounts', 'utf8').catch(() => '');
  const root = mounts
    .split('\n')
    .map((l) => l.split(' '))
    .find((f) => f[2] === 'cgroup2')?.[1];
  if (!root) return undefined;
  const dir = path.join(root, `perf-gate-test-${process.pid}`);
  try {
    await mkdir(dir);
    await readFile(path.join(dir, 'cpu.stat'), 'utf8');
    return dir;
  } catch {
    await rmdir(dir).catch(() => {});
    return undefined;
  }
}

describe('a real cgroup v2 directory', () => {
  it('the app moved into it: its cpu.stat usage gives the same figure (memory where the memory controller is enabled)', async (ctx) => {
    const cg = await makeCgroup();
    if (!cg) {
      ctx.skip(); // the directory laid out as the kernel does is tested in test/unit/resources.test.ts
      return;
    }
    try {
      const text = plan(port, 2000, `  process: { cgroup: ${JSON.stringify(cg)} }\n`).replace(
        /start: "(.*)"/,
        (_, cmd: string) => `start: ${JSON.stringify(`echo $$ > ${cg}/cgroup.procs && ${JSON.parse(`"${cmd}"`)}`)}`,
      );
      const r = await run(text, 'cgroup');
      const res = r.stages[0]!.resources!;
      expect(res.source).toBe(`cgroup ${cg}`);
      expect(res.cpu_ms_per_request!).toBeGreaterThanOrEqual(2.0);
      expect(res.cpu_ms_per_request!).toBeLessThan(2.8);
      // This machine's cgroup v2 has no memory controller (it is bound to v1): memory is then null and rss_peak warns.
      const hasMemory = await readFile(path.join(cg, 'memory.current'), 'utf8').then(
        () => true,
        () => false,
      );
      if (hasMemory) expect(res.rss_mb_peak!).toBeGreaterThan(10);
      else expect(r.checks.find((c) => c.metric === 'rss_peak')).toMatchObject({ verdict: 'warn', note: `cgroup ${cg} gives no memory figure` });
    } finally {
      // The target has stopped (its group killed) by now; an empty cgroup can be removed.
      for (let i = 0; i < 20; i++) {
        if (
          await rmdir(cg).then(
            () => true,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 60_000);
});
