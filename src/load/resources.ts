/**
 * What the app under test spends, read from the OS with no agent: its CPU time and resident memory,
 * sampled once a second on timers of their own (asynchronous file reads: the request loop only
 * sees their callbacks), from one of three sources:
 *  - `process-group`: the group `target.start` runs in (its shell, the app, the app's children);
 *  - `pid-file` (`target.process: { pid_file }`): the process whose PID the file holds, and its descendants;
 *  - `cgroup` (`target.process: { cgroup }`): a cgroup v2 directory (cpu.stat usage_usec, memory.current, memory.peak).
 * A source that cannot be read never fails the run: its series carries the reason instead.
 * Parsing is pure (the `parse*` functions); the file reads are at the edge (`readSource`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceSourceError } from '../errors.js';

/** Where the app's figures come from. */
export type ResourceSource = { kind: 'process-group'; pgid: number } | { kind: 'pid-file'; path: string } | { kind: 'cgroup'; path: string };

/** One reading: cumulative CPU time (µs) since the source began, and memory now (bytes; null when the source has none). */
export interface ResourceReading {
  /** Epoch ms (sub-ms precision) the reading was taken. */
  at: number;
  cpuUs: number;
  rssBytes: number | null;
}

/** A stage's readings, or why there are none (or too few). */
export interface ResourceSeries {
  source: string;
  readings: ResourceReading[];
  /** cgroup memory.peak at the end of the stage: the cgroup's whole life, not only the stage. */
  lifetimePeakBytes?: number;
  /** The first reason a reading failed; a series with fewer than 2 readings has no figures. */
  error?: string;
}

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ: 100 on every mainstream Linux). */
export const CLOCK_TICKS = 100;

/** /proc/PID/stat → the fields perf-gate uses. `comm` may hold spaces and ')' so fields are split after the last ')'. */
export function parseProcStat(text: string): { pid: number; state: string; ppid: number; pgrp: number; cpuTicks: number; startTime: number } | undefined {
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // After ") ": state(3) ppid(4) pgrp(5) ... utime(14) stime(15) ... starttime(22); index 0 is field 3.
  const f = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  if (f.length < 20) return undefined;
  const n = (i: number): number => Number(f[i]);
  const out = { pid, state: f[0]!, ppid: n(1), pgrp: n(2), cpuTicks: n(11) + n(12), startTime: n(19) };
  return [out.pid, out.ppid, out.pgrp, out.cpuTicks, out.startTime].every(Number.isFinite) ? out : undefined;
}

/** /proc/PID/task/TID/schedstat: "ns-on-cpu ns-waiting timeslices" → ns on CPU. */
export function parseSchedstat(text: string): number | undefined {
  const first = Number(text.trim().split(/\s+/)[0]);
  return text.trim() !== '' && Number.isFinite(first) ? first : undefined;
}

/** /proc/PID/status → VmRSS in bytes (kernel threads and zombies have none: undefined). */
export function parseStatusRss(text: string): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** cgroup v2 cpu.stat → usage_usec. */
export function parseCpuStat(text: string): number | undefined {
  const m = /^usage_usec\s+(\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** memory.current / memory.peak: one number of bytes ("max" and garbage: undefined). */
export function parseBytesFile(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** A PID file: the first whole number in it (pid files may end in a newline or hold more lines). */
export function parsePidFile(text: string): number | undefined {
  const m = /^\s*(\d+)/.exec(text);
  const pid = m ? Number(m[1]) : NaN;
  return pid > 0 ? pid : undefined;
}

/** One process of the source: its identity (pid + start time, so a reused PID is a new process), CPU µs and RSS. */
interface ProcessFigures {
  key: string;
  cpuUs: number;
  rssBytes: number;
}

export function describeSource(s: ResourceSource): string {
  switch (s.kind) {
    case 'process-group':
      return `process group ${s.pgid} (target.start)`;
    case 'pid-file':
      return `pid_file ${s.path}`;
    case 'cgroup':
      return `cgroup ${s.path}`;
  }
}

type Stat = NonNullable<ReturnType<typeof parseProcStat>>;

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** Every process's /proc/PID/stat (those that end while being read are left out). */
async function procTable(proc: string): Promise<Stat[]> {
  const entries = (await readdir(proc)).filter((e) => /^\d+$/.test(e));
  const stats = await Promise.all(
    entries.map(async (e) => {
      const t = await readText(join(proc, e, 'stat'));
      return t === undefined ? undefined : parseProcStat(t);
    }),
  );
  return stats.filter((s): s is Stat => s !== undefined && s.state !== 'Z');
}

/**
 * One process's CPU µs: the sum of its threads' schedstat (ns, fine-grained: a 1-s window of a few
 * ms is still measured), or utime+stime (10 ms ticks) where schedstat is not there.
 */
async function processFigures(proc: string, st: Stat): Promise<ProcessFigures | undefined> {
  const dir = join(proc, String(st.pid));
  let cpuUs = (st.cpuTicks * 1e6) / CLOCK_TICKS;
  try {
    const tids = await readdir(join(dir, 'task'));
    const ns = await Promise.all(tids.map(async (t) => parseSchedstat((await readText(join(dir, 'task', t, 'schedstat'))) ?? '')));
    if (ns.length > 0 && ns.every((x) => x !== undefined)) cpuUs = ns.reduce((a, b) => a + b!, 0) / 1000;
  } catch {
    // no task directory: the ticks stand
  }
  const status = await readText(join(dir, 'status'));
  if (status === undefined) return undefined; // it ended while we looked
  return { key: `${st.pid}@${st.startTime}`, cpuUs, rssBytes: parseStatusRss(status) ?? 0 };
}

/** The pids of `root` and all its descendants, from the table's parent links. */
export function descendants(table: ReadonlyArray<{ pid: number; ppid: number }>, root: number): Set<number> {
  const out = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) {
      if (!out.has(p.pid) && out.has(p.ppid)) {
        out.add(p.pid);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Reads a source once. Processes: their figures one by one (the caller keeps a process's CPU once it
 * has ended, see CpuAccount). cgroup: its own totals. Throws ResourceSourceError with the reason.
 */
/**
 * The members found by the last full scan of /proc, so most samples read only theirs: /proc is
 * listed again every RESCAN_MS (a child started since then is found then, with all the CPU it has
 * spent so far) or as soon as a member is gone or the pid file names another process.
 */
export interface ScanCache {
  at: number;
  pids: number[];
  /** pid-file: the process id the file held at the scan. */
  root?: number;
}

/** How long the members of a full scan of /proc are trusted. */
export const RESCAN_MS = 5000;

async function statsOf(proc: string, pids: number[]): Promise<Array<Stat | undefined>> {
  return Promise.all(
    pids.map(async (pid) => {
      const t = await readText(join(proc, String(pid), 'stat'));
      const st = t === undefined ? undefined : parseProcStat(t);
      return st && st.state !== 'Z' ? st : undefined;
    }),
  );
}

export async function readSource(
  s: ResourceSource,
  proc = '/proc',
  cache?: ScanCache,
  now = Date.now(),
): Promise<{ processes: ProcessFigures[] } | { cpuUs: number; rssBytes: number | null; peakBytes?: number }> {
  if (s.kind === 'cgroup') {
    const cpu = await readText(join(s.path, 'cpu.stat'));
    if (cpu === undefined) throw new ResourceSourceError(`cannot read ${join(s.path, 'cpu.stat')}`);
    const usage = parseCpuStat(cpu);
    if (usage === undefined) throw new ResourceSourceError(`${join(s.path, 'cpu.stat')} has no usage_usec line`);
    const current = parseBytesFile((await readText(join(s.path, 'memory.current'))) ?? '');
    const peak = parseBytesFile((await readText(join(s.path, 'memory.peak'))) ?? '');
    return { cpuUs: usage, rssBytes: current ?? null, ...(peak !== undefined ? { peakBytes: peak } : {}) };
  }
  let root: number | undefined;
  if (s.kind === 'pid-file') {
    const text = await readText(s.path);
    if (text === undefined) throw new ResourceSourceError(`cannot read the pid file ${s.path}`);
    root = parsePidFile(text);
    if (root === undefined) throw new ResourceSourceError(`the pid file ${s.path} holds no process id`);
  }
  if (cache && cache.pids.length > 0 && now - cache.at < RESCAN_MS && cache.root === root) {
    const known = await statsOf(proc, cache.pids);
    const intact = known.every((st) => st !== undefined && (s.kind !== 'process-group' || st.pgrp === s.pgid));
    if (intact)
      return { processes: (await Promise.all((known as Stat[]).map((m) => processFigures(proc, m)))).filter((f): f is ProcessFigures => f !== undefined) };
  }
  let table: Stat[];
  try {
    table = await procTable(proc);
  } catch (err) {
    throw new ResourceSourceError(`cannot list ${proc}: ${(err as Error).message}`);
  }
  let members: Stat[];
  if (s.kind === 'process-group') {
    members = table.filter((p) => p.pgrp === s.pgid);
    if (members.length === 0) throw new ResourceSourceError(`no process of group ${s.pgid} is running`);
  } else {
    const tree = descendants(table, root!);
    members = table.filter((p) => tree.has(p.pid));
    if (members.length === 0) throw new ResourceSourceError(`process ${root} (from ${s.path}) is not running`);
  }
  if (cache) Object.assign(cache, { at: now, pids: members.map((m) => m.pid), root });
  const figures = await Promise.all(members.map((m) => processFigures(proc, m)));
  return { processes: figures.filter((f): f is ProcessFigures => f !== undefined) };
}

/**
 * The CPU of a set of processes over time: each process's latest figure, kept after it ends (its
 * time was spent), so the total never runs backwards when a child exits.
 */
export class CpuAccount {
  private readonly seen = new Map<string, number>();

  /** The total µs after adding these figures. */
  add(processes: ReadonlyArray<{ key: string; cpuUs: number }>): number {
    for (const p of processes) this.seen.set(p.key, Math.max(p.cpuUs, this.seen.get(p.key) ?? 0));
    let total = 0;
    for (const v of this.seen.values()) total += v;
    return total;
  }
}

/** How often the sampler reads the source. */
export const SAMPLE_MS = 1000;

const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * Samples one source for as long as the run lasts; `stage()` starts a stage's series and returns the
 * function that ends it. Readings are taken SAMPLE_MS apart from the stage's start, and once more at
 * its end, so the stage's windows can be cut from them exactly (src/metrics/resources.ts).
 */
export class ResourceSampler {
  private readonly account = new CpuAccount();
  private readonly scan: ScanCache = { at: 0, pids: [] };
  private cgroupBase: number | undefined;
  /** cgroup memory.peak at the last reading. */
  private lastPeak: number | undefined;

  constructor(
    readonly source: ResourceSource,
    private readonly proc = '/proc',
  ) {}

  /** One reading, or the reason there is none. */
  async read(): Promise<ResourceReading | { error: string }> {
    const at = wallNow();
    try {
      const r = await readSource(this.source, this.proc, this.scan);
      if ('processes' in r) {
        const rss = r.processes.reduce((a, p) => a + p.rssBytes, 0);
        return { at, cpuUs: this.account.add(r.processes), rssBytes: rss };
      }
      this.lastPeak = r.peakBytes;
      this.cgroupBase ??= r.cpuUs;
      return { at, cpuUs: r.cpuUs - this.cgroupBase, rssBytes: r.rssBytes };
    } catch (err) {
      return { error: err instanceof ResourceSourceError ? err.message : `reading ${describeSource(this.source)} failed: ${(err as Error).message}` };
    }
  }

  /** Starts a stage's series; the returned function takes the last reading and ends it. */
  async stage(): Promise<() => Promise<ResourceSeries>> {
    const series: ResourceSeries = { source: describeSource(this.source), readings: [] };
    const keep = (r: ResourceReading | { error: string }): void => {
      if ('error' in r) series.error ??= r.error;
      else series.readings.push(r);
    };
    const first = await this.read();
    keep(first);
    const start = 'at' in first ? first.at : wallNow();
    let timer: NodeJS.Timeout | undefined;
    let pending: Promise<void> = Promise.resolve();
    let stopped = false;
    let k = 1;
    const schedule = (): void => {
      // Aligned to the start: a late tick does not push the next one later.
      const delay = Math.max(0, start + k * SAMPLE_MS - wallNow());
      timer = setTimeout(() => {
        k++;
        pending = this.read().then((r) => {
          if (!stopped) keep(r);
          if (!stopped) schedule();
        });
      }, delay);
      timer.unref();
    };
    schedule();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await pending;
      keep(await this.read());
      if (this.lastPeak !== undefined) series.lifetimePeakBytes = this.lastPeak;
      return series;
    };
  }
}
