/**
 * What the app spends: the /proc and cgroup parsers (table-driven, on text laid out as the kernel
 * writes it), the sampler on directories laid out like /proc and a cgroup v2 directory, the stage
 * figures cut from readings, and the gate's two metrics with known answers.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CpuAccount,
  descendants,
  readSource,
  RESCAN_MS,
  type ScanCache,
  parseBytesFile,
  parseCpuStat,
  parsePidFile,
  parseProcStat,
  parseSchedstat,
  parseStatusRss,
  ResourceSampler,
} from '../../src/load/resources.js';
import { cpuAt, stageResources, type ResourcePoint } from '../../src/metrics/resources.js';
import { regressionCheck, evaluateRegressions, RATIO_METHOD, PEAK_METHOD } from '../../src/gate/regression.js';
import { evaluateThresholds } from '../../src/gate/thresholds.js';
import { seededRandom } from '../../src/gate/statistics.js';
import { parseRegression, parseThreshold, parseMemorySize } from '../../src/plan/units.js';
import { parsePlan } from '../../src/plan/index.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import type { StageReport } from '../../src/model/report.js';
import { stage } from '../helpers/reports.js';

const STAT =
  '4242 (node server (x)) S 4200 4200 4200 0 -1 4194304 5000 0 0 0 150 30 0 0 20 0 11 0 987654 1234567 8000 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';

describe('parsers', () => {
  it('reads /proc/PID/stat after the last ")" (comm with spaces and parentheses)', () => {
    expect(parseProcStat(STAT)).toEqual({ pid: 4242, state: 'S', ppid: 4200, pgrp: 4200, cpuTicks: 180, startTime: 987654 });
    expect(parseProcStat('garbage')).toBeUndefined();
    expect(parseProcStat('1 (x) S 0 1')).toBeUndefined();
  });
  it.each([
    ['12345678 999 42\n', 12345678],
    ['0 0 1', 0],
    ['', undefined],
    ['x y z', undefined],
  ])('schedstat %j → %s ns', (text, ns) => expect(parseSchedstat(text)).toBe(ns));
  it.each([
    ['Name:\tnode\nVmHWM:\t  60000 kB\nVmRSS:\t   51200 kB\nRssAnon:\t 1 kB\n', 51200 * 1024],
    ['Name:\tkthreadd\nState:\tS\n', undefined],
  ])('status VmRSS %#', (text, bytes) => expect(parseStatusRss(text)).toBe(bytes));
  it.each([
    ['usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n', 2500000],
    ['user_usec 1\nsystem_usec 1\n', undefined],
  ])('cgroup cpu.stat %#', (text, us) => expect(parseCpuStat(text)).toBe(us));
  it.each([
    ['104857600\n', 104857600],
    ['max\n', undefined],
    ['', undefined],
  ])('memory.current / memory.peak %j', (text, bytes) => expect(parseBytesFile(text)).toBe(bytes));
  it.each([
    ['4242\n', 4242],
    ['  77 extra\n', 77],
    ['0\n', undefined],
    ['pid\n', undefined],
  ])('pid file %j', (text, pid) => expect(parsePidFile(text)).toBe(pid));
  it('descendants follow parent links to any depth', () => {
    const table = [
      { pid: 10, ppid: 1 },
      { pid: 11, ppid: 10 },
      { pid: 12, ppid: 11 },
      { pid: 20, ppid: 1 },
    ];
    expect([...descendants(table, 10)].sort()).toEqual([10, 11, 12]);
  });
  it('a process that ended keeps its CPU in the account: the total never runs backwards', () => {
    const a = new CpuAccount();
    expect(
      a.add([
        { key: '1@1', cpuUs: 100 },
        { key: '2@5', cpuUs: 50 },
      ]),
    ).toBe(150);
    expect(a.add([{ key: '1@1', cpuUs: 130 }])).toBe(180);
    // PID 2 reused by a new process (another start time): a new account.
    expect(
      a.add([
        { key: '1@1', cpuUs: 130 },
        { key: '2@9', cpuUs: 5 },
      ]),
    ).toBe(185);
  });
});

describe('memory sizes and the rules on the two metrics', () => {
  it.each([
    ['512MB', 512],
    ['512 MiB', 512],
    ['1.5GB', 1536],
    ['2GiB', 2048],
    ['1024KB', 1],
    ['300', 300],
  ])('%s → %s MB', (text, mb) => expect(parseMemorySize(text)).toBe(mb));
  it.each(['512B', 'lots', '12 TB'])('%s is not a memory size', (text) => expect(() => parseMemorySize(text)).toThrow(/is not a memory size: use e.g. 512MB/));
  it('thresholds: rss_peak in MB, cpu_per_request in ms (bare, ms, us)', () => {
    expect(parseThreshold('rss_peak', '< 512MB')).toMatchObject({ op: '<', value: 512 });
    expect(parseThreshold('cpu_per_request', '< 2ms').value).toBe(2);
    expect(parseThreshold('cpu_per_request', '< 1.5').value).toBe(1.5);
    expect(parseThreshold('cpu_per_request', '< 500us').value).toBe(0.5);
    expect(parseRegression('cpu_per_request', '+10%')).toMatchObject({ direction: 'increase', unit: 'pct', amount: 10 });
  });
});

describe('the sampler on directories laid out as the kernel does', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const tmp = async (): Promise<string> => {
    const d = await mkdtemp(path.join(tmpdir(), 'perf-gate-res-'));
    dirs.push(d);
    return d;
  };

  it('cgroup v2: usage_usec since the first reading, memory.current, memory.peak', async () => {
    const cg = await tmp();
    const write = (usage: number, current: number, peak: number): Promise<void[]> =>
      Promise.all([
        writeFile(path.join(cg, 'cpu.stat'), `usage_usec ${usage}\nuser_usec ${usage - 10}\nsystem_usec 10\nnr_periods 0\n`),
        writeFile(path.join(cg, 'memory.current'), `${current}\n`),
        writeFile(path.join(cg, 'memory.peak'), `${peak}\n`),
      ]);
    await write(5_000_000, 100 * 2 ** 20, 150 * 2 ** 20);
    const sampler = new ResourceSampler({ kind: 'cgroup', path: cg });
    const end = await sampler.stage();
    await write(5_250_000, 120 * 2 ** 20, 160 * 2 ** 20);
    const series = await end();
    expect(series.source).toBe(`cgroup ${cg}`);
    expect(series.error).toBeUndefined();
    expect(series.readings.map((r) => [r.cpuUs, r.rssBytes])).toEqual([
      [0, 100 * 2 ** 20],
      [250_000, 120 * 2 ** 20],
    ]);
    expect(series.lifetimePeakBytes).toBe(160 * 2 ** 20);
  });

  it('cgroup without the memory controller: CPU only; a missing directory: the reason, no throw', async () => {
    const cg = await tmp();
    await writeFile(path.join(cg, 'cpu.stat'), 'usage_usec 10\n');
    const r = await new ResourceSampler({ kind: 'cgroup', path: cg }).read();
    expect(r).toMatchObject({ cpuUs: 0, rssBytes: null });
    const gone = await new ResourceSampler({ kind: 'cgroup', path: path.join(cg, 'nope') }).read();
    expect(gone).toEqual({ error: `cannot read ${path.join(cg, 'nope', 'cpu.stat')}` });
  });

  /** A /proc with the given processes: stat, status, and one schedstat per thread. */
  async function fakeProc(procs: Array<{ pid: number; ppid: number; pgrp: number; ticks: number; threadsNs?: number[]; rssKb: number }>): Promise<string> {
    const proc = await tmp();
    for (const p of procs) {
      const d = path.join(proc, String(p.pid));
      await mkdir(path.join(d, 'task'), { recursive: true });
      await writeFile(path.join(d, 'stat'), `${p.pid} (app) S ${p.ppid} ${p.pgrp} ${p.pgrp} 0 -1 0 0 0 0 0 ${p.ticks} 0 0 0 20 0 1 0 ${p.pid * 10} 0 0`);
      await writeFile(path.join(d, 'status'), `Name:\tapp\nVmRSS:\t${p.rssKb} kB\n`);
      for (const [i, ns] of (p.threadsNs ?? []).entries()) {
        await mkdir(path.join(d, 'task', String(p.pid + i)), { recursive: true });
        await writeFile(path.join(d, 'task', String(p.pid + i), 'schedstat'), `${ns} 0 1\n`);
      }
    }
    return proc;
  }

  it('process group: its members only, threads summed from schedstat (ns), ticks where schedstat is absent', async () => {
    const proc = await fakeProc([
      { pid: 100, ppid: 1, pgrp: 100, ticks: 5, threadsNs: [], rssKb: 1000 }, // the shell: 5 ticks = 50 ms
      { pid: 101, ppid: 100, pgrp: 100, ticks: 999, threadsNs: [30_000_000, 2_500_000], rssKb: 50_000 }, // the app: 32.5 ms
      { pid: 200, ppid: 1, pgrp: 200, ticks: 7777, threadsNs: [1], rssKb: 9 }, // someone else
    ]);
    const r = await new ResourceSampler({ kind: 'process-group', pgid: 100 }, proc).read();
    expect(r).toMatchObject({ cpuUs: 50_000 + 32_500, rssBytes: 51_000 * 1024 });
    const none = await new ResourceSampler({ kind: 'process-group', pgid: 999 }, proc).read();
    expect(none).toEqual({ error: 'no process of group 999 is running' });
  });

  it('reads only the known members between full scans of /proc; a new child is found at the next scan, a gone one forces it', async () => {
    const proc = await fakeProc([{ pid: 100, ppid: 1, pgrp: 100, ticks: 0, threadsNs: [10_000_000], rssKb: 1000 }]);
    const cache: ScanCache = { at: 0, pids: [] };
    const source = { kind: 'process-group' as const, pgid: 100 };
    const cpu = async (now: number): Promise<number> => {
      const r = await readSource(source, proc, cache, now);
      return 'processes' in r ? r.processes.reduce((a, p) => a + p.cpuUs, 0) : NaN;
    };
    expect(await cpu(1000)).toBe(10_000);
    // A child starts: not read until the members are RESCAN_MS old.
    const child = path.join(proc, '101');
    await mkdir(path.join(child, 'task', '101'), { recursive: true });
    await writeFile(path.join(child, 'stat'), '101 (app) S 100 100 100 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1010 0 0');
    await writeFile(path.join(child, 'status'), 'VmRSS:\t10 kB\n');
    await writeFile(path.join(child, 'task', '101', 'schedstat'), '5000000 0 1\n');
    expect(await cpu(1000 + RESCAN_MS - 1)).toBe(10_000);
    expect(await cpu(1000 + RESCAN_MS)).toBe(15_000);
    // The child ends: the next read scans again at once.
    await rm(child, { recursive: true });
    expect(await cpu(1000 + RESCAN_MS + 1)).toBe(10_000);
    expect(cache.pids).toEqual([100]);
  });

  it('pid file: the process and its descendants; an unreadable file is a reason, not a failure', async () => {
    const proc = await fakeProc([
      { pid: 300, ppid: 1, pgrp: 300, ticks: 0, threadsNs: [1_000_000], rssKb: 100 },
      { pid: 301, ppid: 300, pgrp: 300, ticks: 0, threadsNs: [2_000_000], rssKb: 200 },
      { pid: 302, ppid: 1, pgrp: 300, ticks: 0, threadsNs: [4_000_000], rssKb: 400 },
    ]);
    const pidFile = path.join(proc, 'app.pid');
    await writeFile(pidFile, '300\n');
    expect(await new ResourceSampler({ kind: 'pid-file', path: pidFile }, proc).read()).toMatchObject({ cpuUs: 3000, rssBytes: 300 * 1024 });
    expect(await new ResourceSampler({ kind: 'pid-file', path: path.join(proc, 'missing.pid') }, proc).read()).toEqual({
      error: `cannot read the pid file ${path.join(proc, 'missing.pid')}`,
    });
    await writeFile(pidFile, '999\n');
    expect(await new ResourceSampler({ kind: 'pid-file', path: pidFile }, proc).read()).toEqual({ error: `process 999 (from ${pidFile}) is not running` });
  });
});

/** Readings 1 s apart from `t0`: cumulative CPU rising by `cpuMsPerS[i]` in second i, memory `mb[i]` MiB. */
function readings(t0: number, cpuMsPerS: number[], mb: number[]): ResourcePoint[] {
  let cpu = 0;
  const out: ResourcePoint[] = [{ at: t0, cpuUs: 0, rssBytes: mb[0]! * 2 ** 20 }];
  cpuMsPerS.forEach((ms, i) => {
    cpu += ms * 1000;
    out.push({ at: t0 + (i + 1) * 1000, cpuUs: cpu, rssBytes: mb[i + 1]! * 2 ** 20 });
  });
  return out;
}

const win = (t: number, requests: number): TimelineWindow => ({
  t,
  rps: requests,
  p50: 1,
  p90: 1,
  p95: 1,
  p99: 1,
  max: 1,
  mean: 1,
  requests,
  errors: 0,
  active: 1,
  late_sends: 0,
  loop_lag_ms: 0,
});

describe('stage figures from readings', () => {
  it('interpolates the cumulative CPU between readings and clamps outside them', () => {
    const pts = readings(1000, [100, 300], [1, 1, 1]);
    expect(cpuAt(pts, 500)).toBe(0);
    expect(cpuAt(pts, 1500)).toBe(50_000);
    expect(cpuAt(pts, 2500)).toBe(250_000);
    expect(cpuAt(pts, 9999)).toBe(400_000);
  });

  it('counts only the measured span: CPU before the clock started (sessions, the ready probe) is left out', () => {
    // Readings from t0 = 0; the stage's clock starts at 1000 and runs 3 s; second 0 (before) burnt 500 ms.
    const pts = readings(0, [500, 100, 100, 100, 900], [50, 60, 80, 70, 75, 200]);
    const timeline = [win(0, 100), win(1, 100), win(2, 100)];
    const r = stageResources({ source: 'cgroup /x', readings: pts }, 1000, 3000, 300, timeline);
    expect(r).toMatchObject({
      source: 'cgroup /x',
      cpu_ms: 300,
      cpu_ms_per_request: 1,
      cpu_pct: 10,
      rss_mb_peak: 80,
      rss_mb_start: 60,
      rss_mb_end: 75,
      rss_growth_pct: 25,
      samples: 6,
    });
    expect(timeline.map((w) => w.cpu_ms)).toEqual([100, 100, 100]);
    expect(timeline.map((w) => w.rss_mb)).toEqual([80, 70, 75]);
  });

  it('fewer than two readings: null figures with the reason', () => {
    const r = stageResources({ source: 'pid_file app.pid', readings: [], error: 'cannot read the pid file app.pid' }, 0, 1000, 10, []);
    expect(r).toEqual({
      source: 'pid_file app.pid',
      cpu_ms_per_request: null,
      cpu_pct: null,
      rss_mb_peak: null,
      samples: 0,
      error: 'cannot read the pid file app.pid',
    });
  });
});

/** A stage of `n` windows of `perWindow` requests whose CPU per request is `cpuPerReq` ± noise (relative). */
function cpuStage(cpuPerReq: number, opts: { n?: number; perWindow?: number; noise?: number; seed?: number; peak?: number | null } = {}): StageReport {
  const n = opts.n ?? 20;
  const per = opts.perWindow ?? 100;
  const r = seededRandom(opts.seed ?? 1);
  const timeline = Array.from({ length: n }, (_, t) => ({ ...win(t, per), cpu_ms: cpuPerReq * per * (1 + (opts.noise ?? 0.03) * (2 * r() - 1)) }));
  const cpu = timeline.reduce((a, w) => a + w.cpu_ms, 0);
  return stage({
    requests: n * per,
    timeline,
    resources: {
      source: 'process group 1 (target.start)',
      cpu_ms: cpu,
      cpu_ms_per_request: cpu / (n * per),
      cpu_pct: cpu / (n * 10),
      rss_mb_peak: opts.peak === undefined ? 100 : opts.peak,
      samples: n + 1,
    },
  });
}
const rule = (metric: 'cpu_per_request' | 'rss_peak', raw: string) => parseRegression(metric, raw);

describe('cpu_per_request regression: whole windows resampled, ratio of sums', () => {
  it('unchanged (3 % noise each side) passes "+10%" with an interval around 0', () => {
    const c = regressionCheck(rule('cpu_per_request', '+10%'), cpuStage(2, { seed: 1 }), cpuStage(2, { seed: 2 }))!;
    expect(c).toMatchObject({ metric: 'cpu_per_request', method: RATIO_METHOD, verdict: 'pass' });
    expect(Math.abs(c.delta_pct!)).toBeLessThan(2);
    expect(c.interval_pct![0]).toBeLessThan(0);
    expect(c.interval_pct![1]).toBeGreaterThan(0);
    expect(c.interval_pct![1] - c.interval_pct![0]).toBeLessThan(4);
  });
  it('+50 % CPU per request fails "+20%", the whole interval beyond it', () => {
    const c = regressionCheck(rule('cpu_per_request', '+20%'), cpuStage(2, { seed: 1 }), cpuStage(3, { seed: 2 }))!;
    expect(c.verdict).toBe('fail');
    expect(c.delta_pct!).toBeGreaterThan(47);
    expect(c.delta_pct!).toBeLessThan(53);
    expect(c.interval_pct![0]).toBeGreaterThan(20);
    expect(c.significant).toBe(true);
  });
  it('+15 % with noisy windows (±40 %) straddling "+10%" warns as inconclusive, never fails', () => {
    const c = regressionCheck(rule('cpu_per_request', '+10%'), cpuStage(2, { seed: 3, noise: 0.4, n: 8 }), cpuStage(2.3, { seed: 4, noise: 0.4, n: 8 }))!;
    expect(c.verdict).toBe('warn');
    expect(c.note).toMatch(/^inconclusive: noise/);
  });
  it('a stage without a readable source warns, saying why; so does a baseline without one', () => {
    const unread = stage({
      requests: 100,
      resources: {
        source: 'pid_file app.pid',
        cpu_ms_per_request: null,
        cpu_pct: null,
        rss_mb_peak: null,
        samples: 0,
        error: 'cannot read the pid file app.pid',
      },
    });
    const [c] = evaluateRegressions([rule('cpu_per_request', '+10%')], [cpuStage(2)], [unread]);
    expect(c).toMatchObject({ metric: 'cpu_per_request', verdict: 'warn', note: 'pid_file app.pid could not be read: cannot read the pid file app.pid' });
    const [b] = evaluateRegressions([rule('cpu_per_request', '+10%')], [stage({ requests: 100 })], [cpuStage(2)]);
    expect(b!.verdict).toBe('warn');
    expect(b!.note).toMatch(/^the baseline has no CPU per request: the app's CPU was not read for this stage \(`run` reads it when/);
  });
});

describe('rss_peak: thresholds and regression rules', () => {
  it('threshold "< 512MB": 100 MB passes, 600 MB fails, unreadable warns with the reason', () => {
    const thresholds = { '*': [parseThreshold('rss_peak', '< 512MB')] };
    expect(evaluateThresholds(thresholds, [cpuStage(1)])[0]).toMatchObject({ verdict: 'pass', current: 100 });
    expect(evaluateThresholds(thresholds, [cpuStage(1, { peak: 600 })])[0]).toMatchObject({ verdict: 'fail', current: 600 });
    expect(evaluateThresholds(thresholds, [stage({ requests: 10 })])[0]).toMatchObject({ verdict: 'warn', current: null });
  });
  it('regression "+20%": a peak compared as measured (one figure per run)', () => {
    const c = regressionCheck(rule('rss_peak', '+20%'), cpuStage(1, { peak: 100 }), cpuStage(1, { peak: 130 }))!;
    expect(c).toMatchObject({ verdict: 'fail', delta_pct: 30, method: PEAK_METHOD });
    expect(regressionCheck(rule('rss_peak', '+20%'), cpuStage(1, { peak: 100 }), cpuStage(1, { peak: 115 }))!.verdict).toBe('pass');
    expect(regressionCheck(rule('rss_peak', '+20%'), cpuStage(1, { peak: 100 }), cpuStage(1, { peak: null }))!).toMatchObject({ verdict: 'warn' });
  });
});

describe("the plan: target.process and rules on the app's figures", () => {
  const plan = (target: string, rules = ''): string => `version: 1
target: ${target}
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 10/s, duration: 2s }
${rules}`;
  const issues = (text: string): string => {
    try {
      parsePlan(text, 'plan.yml', {});
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  };
  it('reads pid_file and cgroup', () => {
    expect(parsePlan(plan('{ url: "http://127.0.0.1:1", process: { pid_file: app.pid } }'), 'p.yml', {}).target.process).toEqual({ pidFile: 'app.pid' });
    expect(parsePlan(plan('{ url: "http://127.0.0.1:1", process: { cgroup: /sys/fs/cgroup/app } }'), 'p.yml', {}).target.process).toEqual({
      cgroup: '/sys/fs/cgroup/app',
    });
  });
  it.each([
    ['{ url: "http://127.0.0.1:1", process: { pid_file: a, cgroup: b } }', '', /plan\.yml:2:\d+: target\.process: name only one of pid_file .* or cgroup/],
    ['{ url: "http://127.0.0.1:1", process: {} }', '', /plan\.yml:2:\d+: target\.process: name one of pid_file/],
    ['{ url: "http://127.0.0.1:1", process: { pidfile: a } }', '', /plan\.yml:2:\d+: unknown key "pidfile" in target\.process; did you mean "pid_file"\?$/],
    [
      '{ url: "http://127.0.0.1:1" }',
      'regression: { cpu_per_request: "+10%" }',
      /plan\.yml:7:\d+: regression: cpu_per_request is read from the app's processes, and this plan names none: add target\.start/,
    ],
    [
      '{ url: "http://127.0.0.1:1" }',
      'thresholds: { load: { rss_peak: "< 512MB" } }',
      /plan\.yml:7:\d+: thresholds\.load: rss_peak is read from the app's processes/,
    ],
    [
      '{ url: "http://127.0.0.1:1", start: "node app.js" }',
      'thresholds: { load: { rss_peak: "< lots" } }',
      /plan\.yml:7:\d+: thresholds\.load\.rss_peak: "lots" is not a memory size/,
    ],
  ])('%s %s', (target, rules, message) => expect(issues(plan(target, rules))).toMatch(message));
  it('a plan that starts its target may gate both metrics', () => {
    const p = parsePlan(
      plan('{ url: "http://127.0.0.1:1", start: "node app.js" }', 'thresholds: { "*": { rss_peak: "< 512MB" } }\nregression: { cpu_per_request: "+10%" }'),
      'p.yml',
      {},
    );
    expect(p.thresholds['*']![0]).toMatchObject({ metric: 'rss_peak', value: 512 });
    expect(p.regression![0]).toMatchObject({ metric: 'cpu_per_request', amount: 10 });
  });
});
