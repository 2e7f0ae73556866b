/**
 * `workers: auto | N`: one stage on N worker threads, so one runner can send more than one core
 * can. Worker i runs part i of N of the stage (`shardStage`, exactly as `run --shard i/N` would:
 * every N-th send of an open schedule, users and burst size split evenly) with its own connection
 * pool and histograms, and posts back its result with the histograms encoded. The main thread
 * sends nothing: it starts the workers together, passes on an abort, sums their progress, and
 * merges their results into the StageResult one thread would have given (histograms added,
 * windows merged by second, the generator judged again on the totals, a spike's recovery measured
 * on the merged timeline). The worker side is worker-entry.ts, bundled as dist/worker.js.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plan, StageSpec } from '../plan/types.js';
import { MAX_WORKERS } from '../plan/check-stages.js';
import { WorkerError } from '../errors.js';
import { addStageMetrics, StageMetrics, type SecondsRange } from '../metrics/stage-metrics.js';
import { decodeHistogram, encodeHistogram, type Histogram } from '../metrics/histogram.js';
import { mergeCycles, mergeWindows, sumGenerators, sumSessions } from '../metrics/merge.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import { addUnsentTally, type Sequence, type SessionTally, type UnsentTally } from './context.js';
import { HttpClient, type ErrorKind } from './http.js';
import { DataRows } from './data-rows.js';
import { StageFlows } from './stage-flows.js';
import type { Vars } from './template.js';
import { runtimeVariables } from '../plan/interpolate.js';
import type { BurstCycle } from './executors.js';
import type { AbortTrigger } from './abort.js';
import { shardStage } from './shard.js';
import { spikeOutcome, spikePhases, type GeneratorHealth, type StageProgress, type StageResult } from './stage.js';
import { plannedDurationMs } from '../plan/stage-time.js';

/** The bundled worker script's name: dist/worker.js, beside dist/cli.js and dist/index.js. */
export const WORKER_FILE = 'worker.js';

/** Longest a worker may take to load its script and say it is ready. */
const START_TIMEOUT_MS = 30_000;

/** What a worker is given (structured-cloned into the thread). */
export interface WorkerData {
  plan: Plan;
  /** This worker's part of the stage. */
  spec: StageSpec;
  target: string;
  seq: Sequence;
  /** What the stage's setup captured (the main thread sends setup and verify once, around all parts). */
  baseVars?: Vars;
}

export type ToWorker = { type: 'start' } | { type: 'abort' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: StageProgress }
  | { type: 'result'; result: WorkerStageResult }
  | { type: 'failed'; message: string };

/** StageMetrics as it crosses the thread boundary: histograms encoded, maps as entries. */
export interface EncodedMetrics {
  histogram: string;
  endpoints: Array<{ name: string; requests: number; errors: number; histogram: string }>;
  errorsByKind: Record<ErrorKind, number>;
  statusCodes: Array<[number, number]>;
  errorSamples: Array<[string, number]>;
  requests: number;
  errors: number;
  retryAfterSeen: number;
  retryAfterS?: SecondsRange;
}

/** One worker's StageResult, serialisable. */
export interface WorkerStageResult {
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  metrics: EncodedMetrics;
  /** Each window with its histogram (a worker's part is a share: see stage.ts). */
  timeline: TimelineWindow[];
  generator: GeneratorHealth;
  cycles?: BurstCycle[];
  scheduled?: number;
  /** The worker's `${seq}` when it finished, so the run's counter continues past it. */
  seq: number;
  /** An abort_when rule ended this worker's part (each worker watches its own completions). */
  aborted?: AbortTrigger;
  sessions?: SessionTally;
  unsent?: UnsentTally;
}

/**
 * The threads a stage runs on: its `workers` (`auto`: the cores this process may use, at most 64),
 * else 1; never more than it has users or burst requests (a thread with no part would only idle).
 */
export function stageWorkers(spec: StageSpec, cores = availableParallelism()): number {
  if (spec.workers === undefined) return 1;
  const asked = spec.workers === 'auto' ? Math.max(1, Math.min(MAX_WORKERS, cores)) : spec.workers;
  const units = spec.kind === 'burst' ? spec.size : spec.kind === 'load' && spec.model === 'closed' ? spec.vus : asked;
  return Math.max(1, Math.min(asked, units));
}

/** dist/worker.js beside the bundle this code runs in (dist/cli.js or dist/index.js). */
export function defaultWorkerScript(): string {
  // A computed path, not `new URL('./worker.js', import.meta.url)`: ncc would turn that into a
  // hashed copy of the TypeScript source.
  return path.join(path.dirname(fileURLToPath(import.meta.url)), WORKER_FILE);
}

/** Worker side: a finished part of the stage, ready for postMessage. */
export function encodeWorkerResult(r: StageResult, seq: number): WorkerStageResult {
  const m = r.metrics;
  return {
    startedAt: r.startedAt.getTime(),
    durationMs: r.durationMs,
    metrics: {
      histogram: encodeHistogram(m.histogram),
      endpoints: m.endpoints.map((e) => ({ name: e.name, requests: e.requests, errors: e.errors, histogram: encodeHistogram(e.histogram) })),
      errorsByKind: { ...m.errorsByKind },
      statusCodes: [...m.statusCodes],
      errorSamples: [...m.errorSamples],
      requests: m.requests,
      errors: m.errors,
      retryAfterSeen: m.retryAfterSeen,
      retryAfterS: m.retryAfterS,
    },
    timeline: r.timeline,
    generator: r.generator,
    cycles: r.cycles,
    scheduled: r.scheduled,
    seq,
    aborted: r.aborted,
    sessions: r.sessions,
    unsent: r.unsent,
  };
}

function decodeMetrics(e: EncodedMetrics): StageMetrics {
  const m = new StageMetrics(
    e.endpoints.map((x) => x.name),
    1000,
  );
  m.histogram.add(decodeHistogram(e.histogram));
  e.endpoints.forEach((x, i) => {
    const ep = m.endpoints[i]!;
    ep.requests = x.requests;
    ep.errors = x.errors;
    ep.histogram.add(decodeHistogram(x.histogram));
  });
  Object.assign(m.errorsByKind, e.errorsByKind);
  for (const [code, n] of e.statusCodes) m.statusCodes.set(code, n);
  for (const [message, n] of e.errorSamples) m.errorSamples.set(message, n);
  m.requests = e.requests;
  m.errors = e.errors;
  m.retryAfterSeen = e.retryAfterSeen;
  m.retryAfterS = e.retryAfterS;
  return m;
}

function windowHistogram(w: TimelineWindow): Histogram {
  if (w.histogram === undefined) throw new WorkerError(`a worker's timeline window t=${w.t} has no histogram`);
  return decodeHistogram(w.histogram);
}

/**
 * Main side: the workers' parts of `spec` as one StageResult, shaped like a single thread's.
 */
export function mergeWorkerResults(spec: StageSpec, parts: WorkerStageResult[]): StageResult {
  const metrics = new StageMetrics(
    parts[0]!.metrics.endpoints.map((e) => e.name),
    1000,
  );
  for (const p of parts) addStageMetrics(metrics, decodeMetrics(p.metrics));
  const timeline = mergeWindows(
    parts.map((p) => p.timeline),
    windowHistogram,
    true,
  );
  const scheduled = parts.some((p) => p.scheduled !== undefined) ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
  const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
  return {
    spec,
    startedAt: new Date(Math.min(...parts.map((p) => p.startedAt))),
    durationMs: Math.max(...parts.map((p) => p.durationMs)),
    metrics,
    timeline,
    // Judged on the totals, as one thread's would be; loop lag is the worst worker's.
    generator: sumGenerators(
      parts.map((p) => p.generator),
      scheduled,
      metrics.requests,
    ),
    cycles: parts.some((p) => p.cycles) ? mergeCycles(parts.map((p) => p.cycles ?? [])) : undefined,
    spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
    scheduled,
    workers: parts.length,
    // The first worker to abort names the rule (a dying target trips every worker's).
    aborted: parts
      .map((p) => p.aborted)
      .filter((a) => a !== undefined)
      .sort((a, b) => a.at_s - b.at_s)[0],
    sessions: sumSessions(parts.map((p) => p.sessions)),
    unsent: parts.reduce<UnsentTally | undefined>((a, p) => addUnsentTally(a, p.unsent), undefined),
  };
}

export interface WorkerRunOptions {
  plan: Plan;
  target: string;
  signal: AbortSignal;
  /** The run-wide counter: the workers continue it, and it continues after their highest value. */
  seq: Sequence;
  /** Once a second: the workers' progress summed (p95: the worst worker's). */
  onProgress?: (p: StageProgress) => void;
  /** The worker script (default: dist/worker.js beside the running bundle; tests of src/ have none). */
  script?: string;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  result: Promise<WorkerStageResult>;
}

/** Runs `spec` on `count` worker threads and merges what they measured. */
export async function runStageInWorkers(spec: StageSpec, count: number, o: WorkerRunOptions): Promise<StageResult> {
  const script = o.script ?? defaultWorkerScript();
  if (!existsSync(script)) {
    throw new WorkerError(
      `stage "${spec.name}" runs on ${count} workers, but the worker script ${script} is missing: it ships as dist/${WORKER_FILE} beside dist/cli.js and dist/index.js`,
    );
  }
  let fail!: (err: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // raced below; a failure after the stage settled has no one to tell
  const progress = new Map<number, StageProgress>();
  const base = o.seq.value;
  const threads: Thread[] = [];
  const abort = (): void => {
    for (const t of threads) t.worker.postMessage({ type: 'abort' } satisfies ToWorker);
  };
  let ticker: NodeJS.Timeout | undefined;
  let startTimer: NodeJS.Timeout | undefined;
  // Setup and verify go once, from this thread, around all the parts.
  const flowClient = spec.setup || spec.verify ? new HttpClient(o.target, { connections: 1 }) : undefined;
  const flows =
    flowClient &&
    new StageFlows({ client: flowClient, rows: new DataRows(o.plan.data), runtime: runtimeVariables(o.plan), signal: o.signal }, spec, o.plan.session);
  try {
    const setup = await flows?.setUp();
    const baseVars: Vars | undefined = flows?.baseVars;
    for (let index = 1; index <= count; index++) {
      const data: WorkerData = {
        plan: o.plan,
        spec: shardStage(spec, { index, count }),
        target: o.target,
        seq: { value: base + index - count, stride: count },
        baseVars,
      };
      threads.push(startThread(script, data, `worker ${index}/${count} of stage "${spec.name}"`, (p) => progress.set(index, p), fail));
    }
    o.signal.addEventListener('abort', abort, { once: true });
    if (o.signal.aborted) abort();
    startTimer = setTimeout(
      () => fail(new WorkerError(`the workers of stage "${spec.name}" did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    // Started together, so their clocks (and 1-second windows) line up.
    await Promise.race([Promise.all(threads.map((t) => t.ready)), failed]);
    clearTimeout(startTimer);
    for (const t of threads) t.worker.postMessage({ type: 'start' } satisfies ToWorker);
    if (o.onProgress) ticker = progressTicker(spec, progress, o.onProgress);
    const results = await Promise.race([Promise.all(threads.map((t) => t.result)), failed]);
    o.seq.value = Math.max(base, ...results.map((r) => r.seq));
    const merged = mergeWorkerResults(spec, results);
    if (flows && !o.signal.aborted) merged.verify = await flows.verify();
    if (setup) merged.setup = setup;
    return merged;
  } finally {
    clearTimeout(startTimer);
    clearInterval(ticker);
    o.signal.removeEventListener('abort', abort);
    await Promise.all(threads.map((t) => t.worker.terminate()));
    await flowClient?.close();
  }
}

function startThread(script: string, data: WorkerData, label: string, onProgress: (p: StageProgress) => void, fail: (err: Error) => void): Thread {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: data });
  } catch (err) {
    throw new WorkerError(`${label} could not start: ${(err as Error).message}`, { cause: err });
  }
  let ready!: () => void;
  let done!: (r: WorkerStageResult) => void;
  let reported = false;
  const thread: Thread = { worker, ready: new Promise((r) => (ready = r)), result: new Promise((r) => (done = r)) };
  worker.on('message', (m: FromWorker) => {
    switch (m.type) {
      case 'ready':
        return ready();
      case 'progress':
        return onProgress(m.progress);
      case 'result':
        reported = true;
        return done(m.result);
      case 'failed':
        return fail(new WorkerError(`${label} failed: ${m.message}`));
    }
  });
  worker.on('error', (err) => fail(new WorkerError(`${label} crashed: ${err.message}`, { cause: err })));
  worker.on('exit', (code) => {
    if (!reported) fail(new WorkerError(`${label} exited (code ${code}) before it reported its result`));
  });
  return thread;
}

/** One progress line a second for the whole stage, from each worker's latest. */
function progressTicker(spec: StageSpec, latest: Map<number, StageProgress>, onProgress: (p: StageProgress) => void): NodeJS.Timeout {
  const totalMs = plannedDurationMs(spec);
  const ticker = setInterval(() => {
    const all = [...latest.values()];
    if (all.length === 0) return;
    const total = (f: (p: StageProgress) => number): number => all.reduce((a, p) => a + f(p), 0);
    onProgress({
      stage: spec.name,
      elapsedMs: Math.max(...all.map((p) => p.elapsedMs)),
      totalMs,
      requests: total((p) => p.requests),
      errors: total((p) => p.errors),
      rps: total((p) => p.rps),
      p95: Math.max(...all.map((p) => p.p95)),
    });
  }, 1000);
  ticker.unref();
  return ticker;
}
