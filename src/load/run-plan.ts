/**
 * Runs a plan's stages in order against one target. Knows nothing of gates, reports or GitHub:
 * the result is raw measurements, handed to `gate` and `report`.
 */
import type { Plan, StageSpec } from '../plan/types.js';
import { UsageError } from '../errors.js';
import { HttpClient } from './http.js';
import { RunnerProbe } from './runner-probe.js';
import { ReferenceServer } from './reference.js';
import { ResourceSampler, type ResourceSource } from './resources.js';
import { resolve } from 'node:path';
import { runStage, type StageProgress, type StageResult } from './stage.js';
import { refuseOccupiedPort, startTarget, waitUntilReady } from './target.js';
import { runStageInWorkers, stageWorkers } from './workers.js';
import { DataRows } from './data-rows.js';
import { formatCount, formatMs } from '../plan/units.js';
import type { RunStop } from '../model/records.js';
export type { RunStop };

export interface RunOptions {
  /** Overrides `target.url` (the CLI's --target). */
  targetUrl?: string;
  /** Only these stages, by name (repeatable --stage). */
  stages?: string[];
  cwd: string;
  signal?: AbortSignal;
  /** `again`: a second run of the stage (asked for by `again`). */
  onStageStart?: (stage: StageSpec, index: number, count: number, again: boolean) => void;
  onProgress?: (p: StageProgress) => void;
  onStageEnd?: (result: StageResult) => void;
  /**
   * Asked once after the last stage, with every result: stages to run once more, against the
   * same (still running) target. The core uses it to confirm a failure before reporting it.
   */
  again?: (results: StageResult[]) => StageSpec[];
  /**
   * Measure the runner beside the load (for the gate's excuses): a fixed CPU task timed between
   * stages, and perf-gate's reference server timed during them; default true.
   */
  probe?: boolean;
  /** Stages with `workers`: the worker script (default dist/worker.js beside the running bundle). */
  workerScript?: string;
  /** Read what the app spends (target.process, or the group target.start runs in); default true. */
  resources?: boolean;
}

export interface RunResult {
  target: string;
  startedAt: Date;
  durationMs: number;
  stages: StageResult[];
  /** The stages `again` asked for, run a second time. */
  again: StageResult[];
  /** The run hit `limits.max_requests` or `limits.max_duration` and was stopped there (the gate fails it). */
  stopped?: RunStop;
}

/**
 * How often the backstop looks at the request count and the clock: on one thread the overshoot is
 * at most this long's sends; a stage on worker threads reports its count once a second, so there it
 * is up to a second's.
 */
const LIMIT_POLL_MS = 10;

export function selectStages(plan: Plan, names: string[] | undefined): StageSpec[] {
  if (!names || names.length === 0) return plan.stages;
  const unknown = names.filter((n) => !plan.stages.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new UsageError(`--stage ${unknown.join(', ')}: no such stage in ${plan.file} (stages: ${plan.stages.map((s) => s.name).join(', ')})`);
  }
  return plan.stages.filter((s) => names.includes(s.name));
}

/**
 * A pool per stage: connections sized to the stage's concurrency, and no stage inherits the
 * previous one's connections (or its connection storm). A ws stage uses it only for the plan's
 * session steps.
 */
export function stageClient(target: string, spec: StageSpec): HttpClient {
  if (spec.protocol === 'ws') return new HttpClient(target, { connections: 1 });
  const pipelining = spec.pipelining ?? 1;
  return new HttpClient(target, { connections: Math.ceil(stageConcurrency(spec) / pipelining), pipelining });
}

/** Most requests a stage can have in flight: the connections its pool may open. */
export function stageConcurrency(s: StageSpec): number {
  switch (s.kind) {
    case 'baseline':
      return 1;
    case 'burst':
      return s.size;
    case 'load':
    case 'soak':
      return s.model === 'closed' ? s.vus : s.maxInFlight;
    case 'stress':
      return s.model === 'closed' ? s.max : s.maxInFlight;
    case 'spike':
      return s.maxInFlight;
  }
}

export async function runPlan(plan: Plan, o: RunOptions): Promise<RunResult> {
  const stages = selectStages(plan, o.stages);
  const target = o.targetUrl ?? plan.target.url;
  // The limits' backstop stops the run through its own controller, chained to the caller's signal,
  // so a stop by limit is not mistaken for Ctrl-C (cancelled) anywhere downstream.
  const limitStop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, limitStop.signal]) : limitStop.signal;
  let stopped: RunStop | undefined;
  let watcher: NodeJS.Timeout | undefined;
  if (plan.target.start) await refuseOccupiedPort(target);
  const started = plan.target.start ? startTarget(plan.target.start, o.cwd) : undefined;
  let probe: RunnerProbe | undefined;
  let reference: ReferenceServer | undefined;
  const sampler = o.resources === false ? undefined : resourceSampler(plan, started?.child.pid, o.cwd);
  try {
    const waitsForStart = started !== undefined || plan.target.ready !== undefined;
    await waitUntilReady({
      url: target,
      readyPath: plan.target.ready,
      // Nothing starting: a short retry covers a target still binding its port, no more.
      timeoutMs: waitsForStart ? plan.target.readyTimeoutMs : 1000,
      started,
      signal,
    });
    const startedAt = new Date();
    const t0 = Date.now();
    const seq = { value: 0 };
    // One cursor per data set for the whole run: `pick: unique` never hands a row out twice.
    const rows = new DataRows(plan.data, stages[0]?.share);
    // Sends so far: `seq` counts every send of this thread; a stage on worker threads moves it only
    // when it ends, so until then its progress reports stand in.
    let current = { stage: '', workerRequests: 0 };
    const { maxRequests, maxDurationMs } = plan.limits;
    watcher = setInterval(() => {
      if (stopped || signal.aborted) return;
      const sent = seq.value + current.workerRequests;
      const ran = Date.now() - t0;
      const at = ` in stage ${JSON.stringify(current.stage)}`;
      if (sent >= maxRequests) {
        stopped = {
          limit: 'max_requests',
          cap: maxRequests,
          value: sent,
          stage: current.stage,
          message: `the run sent ${formatCount(sent)} requests, reaching limits.max_requests (${formatCount(maxRequests)})${at}, and was stopped; raise limits.max_requests to allow more`,
        };
      } else if (ran >= maxDurationMs) {
        stopped = {
          limit: 'max_duration',
          cap: maxDurationMs,
          value: ran,
          stage: current.stage,
          message: `the run reached limits.max_duration (${formatMs(maxDurationMs)})${at} and was stopped; raise limits.max_duration to allow more`,
        };
      }
      if (stopped) limitStop.abort();
    }, LIMIT_POLL_MS);
    watcher.unref();
    probe = o.probe === false ? undefined : await startProbe();
    reference = o.probe === false ? undefined : await startReference();
    let probedBefore = probe && (await settledReading(probe));
    const runOne = async (spec: StageSpec, i: number, count: number, isAgain: boolean): Promise<StageResult> => {
      o.onStageStart?.(spec, i, count, isAgain);
      const workers = stageWorkers(spec);
      let r: StageResult;
      current = { stage: spec.name, workerRequests: 0 };
      const stopReference = await reference?.sample().catch(() => undefined);
      // After the reference's start and before the stage's: the app's readings span the stage alone (cut exactly from them later).
      const stopResources = await sampler?.stage().catch(() => undefined);
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      let figures: Awaited<ReturnType<NonNullable<typeof stopReference>>>;
      let resourceSeries: Awaited<ReturnType<NonNullable<typeof stopResources>>> | undefined;
      try {
        if (workers > 1) {
          const onProgress = (p: StageProgress): void => {
            current.workerRequests = p.requests;
            o.onProgress?.(p);
          };
          try {
            r = await runStageInWorkers(spec, workers, { plan, target, signal, seq, onProgress, script: o.workerScript });
          } finally {
            current.workerRequests = 0;
          }
        } else {
          const client = stageClient(target, spec);
          try {
            r = await runStage(spec, { plan, client, target, signal, seq, onProgress: o.onProgress, rows });
          } finally {
            await client.close();
          }
        }
      } finally {
        // Stopped on every path, a stage that threw included: the sampler's timers end with it.
        figures = await stopReference?.().catch(() => undefined);
        const series = await stopResources?.().catch(() => undefined);
        if (series) resourceSeries = series;
      }
      if (resourceSeries) r.resources = resourceSeries;
      // perf-gate's own CPU time over the stage's wall time (all its threads): near a whole core, the generator is the bottleneck.
      const cpu = process.cpuUsage(cpuBefore);
      r.generator.cpu_pct = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wallBefore)) * 1000) / 10;
      if (figures) r.reference = figures;
      if (probe && probedBefore !== undefined && !signal.aborted) {
        const after = await probe.measure();
        // The lower of the two: a runner slow on both sides of the stage was slow during it.
        r.cpuProbeMs = Math.min(probedBefore, after);
        probedBefore = after;
      }
      return r;
    };
    const results: StageResult[] = [];
    for (const [i, spec] of stages.entries()) {
      if (signal.aborted) break;
      const r = await runOne(spec, i, stages.length, false);
      results.push(r);
      o.onStageEnd?.(r);
      // abort_when ended it: the rest of the plan would only load a target already failing.
      if (r.aborted) break;
    }
    const again: StageResult[] = [];
    const repeat = signal.aborted || results.some((r) => r.aborted) ? [] : (o.again?.(results) ?? []);
    for (const [i, spec] of repeat.entries()) {
      if (signal.aborted) break;
      const r = await runOne(spec, i, repeat.length, true);
      // A re-run cut short measured too little to clear (or confirm) anything.
      if (!signal.aborted) again.push(r);
    }
    const run: RunResult = { target, startedAt, durationMs: Date.now() - t0, stages: results, again };
    if (stopped) run.stopped = stopped;
    return run;
  } finally {
    clearInterval(watcher);
    await probe?.close();
    await reference?.close().catch(() => {});
    await started?.stop();
  }
}

/**
 * Where the app's CPU and memory are read: the plan's `target.process` (a PID file or a cgroup v2
 * directory), else the process group perf-gate started; none when it started nothing and names nothing.
 */
export function resourceSource(plan: Plan, startedPgid: number | undefined, cwd: string): ResourceSource | undefined {
  const p = plan.target.process;
  if (p && 'pidFile' in p) return { kind: 'pid-file', path: resolve(cwd, p.pidFile) };
  if (p && 'cgroup' in p) return { kind: 'cgroup', path: resolve(cwd, p.cgroup) };
  return startedPgid !== undefined ? { kind: 'process-group', pgid: startedPgid } : undefined;
}

function resourceSampler(plan: Plan, startedPgid: number | undefined, cwd: string): ResourceSampler | undefined {
  const source = resourceSource(plan, startedPgid, cwd);
  return source && new ResourceSampler(source);
}

/** A runner that cannot start worker threads (or listen on loopback) still runs the plan, without a reference. */
async function startReference(): Promise<ReferenceServer | undefined> {
  try {
    return await ReferenceServer.start();
  } catch {
    return undefined;
  }
}

/**
 * The first reading once the target answers can catch it still starting (loading modules,
 * compiling): measured on this project's machine, json-server's first probe read 27 ms, then 16–17
 * ms from 85 ms later on, a 1.6× "slower runner" before the first stage. Read until two readings
 * agree within 10 % (at most 5), and keep the lower.
 */
async function settledReading(probe: RunnerProbe): Promise<number> {
  let last = await probe.measure();
  for (let i = 0; i < 4; i++) {
    const next = await probe.measure();
    if (Math.abs(next - last) <= 0.1 * Math.min(next, last)) return Math.min(next, last);
    last = next;
  }
  return last;
}

/** A runner that cannot start worker threads still runs the plan, just without a speed probe. */
async function startProbe(): Promise<RunnerProbe | undefined> {
  try {
    return await RunnerProbe.start();
  } catch {
    return undefined;
  }
}
