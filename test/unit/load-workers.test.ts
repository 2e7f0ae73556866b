/**
 * Worker threads of a stage (src/load/workers.ts) without the bundle: the merge of n workers'
 * results against one result recorded from the same values, the parts each worker runs (composed
 * with --shard), and the thread machinery driven by small stand-in worker scripts (crash, exit,
 * failure, abort, progress, `${seq}` hand-over).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkerError } from '../../src/errors.js';
import { summarize } from '../../src/metrics/histogram.js';
import { judgeGenerator } from '../../src/metrics/merge.js';
import { StageMetrics } from '../../src/metrics/stage-metrics.js';
import type { ErrorKind } from '../../src/load/http.js';
import { shardStage } from '../../src/load/shard.js';
import { spikeOutcome, spikePhases, stageSchedule, type StageProgress, type StageResult } from '../../src/load/stage.js';
import { encodeWorkerResult, mergeWorkerResults, runStageInWorkers, stageWorkers, type WorkerStageResult } from '../../src/load/workers.js';
import { parsePlan } from '../../src/plan/index.js';
import type { SpikeStage, StageSpec } from '../../src/plan/types.js';
import { planText } from '../helpers/target.js';

const SPIKE: SpikeStage = {
  name: 'spike',
  kind: 'spike',
  protocol: 'http',
  maxInFlight: 1000,
  fromRate: 10,
  toRate: 100,
  beforeMs: 2000,
  rampMs: 1000,
  holdMs: 2000,
  afterMs: 3000,
};
const NAMES = ['list', 'create'];

interface Value {
  endpoint: number;
  offsetMs: number;
  latencyMs: number;
  status: number;
  error?: ErrorKind;
}

/** 3000 requests over 8 s, slower during the spike's hold, some failing: deterministic. */
function recordedValues(): Value[] {
  let x = 12345;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 3000 }, (_, i) => {
    const offsetMs = (i / 3000) * 8000;
    const slow = offsetMs >= 3000 && offsetMs < 5000 ? 40 : 0;
    const r = next();
    const error: ErrorKind | undefined = r < 0.02 ? 'http_5xx' : r < 0.03 ? 'timeout' : undefined;
    return { endpoint: i % 3 === 0 ? 1 : 0, offsetMs, latencyMs: 0.2 + slow + next() * 20, status: error === 'http_5xx' ? 500 : error ? 0 : 200, error };
  });
}

function resultOf(spec: StageSpec, values: Value[], late: number): StageResult {
  const m = new StageMetrics(NAMES, 2000);
  for (const v of values) m.record(v.endpoint, v.offsetMs, v.latencyMs, v.status, v.error);
  m.noteErrorMessage('socket hang up');
  m.retryAfterSeen += 1;
  return {
    spec,
    startedAt: new Date(1_700_000_000_000),
    durationMs: 8000,
    metrics: m,
    timeline: m.timeline.finish(),
    generator: judgeGenerator({ late_sends: late, dropped: 1, loop_lag_p99_ms: late, loop_lag_max_ms: late * 2 }, values.length, values.length),
    scheduled: values.length,
    cycles: [{ cycle: 1, duration_ms: 5 + late, successes: values.length, errors: 0 }],
  };
}

/** As the thread boundary would: structured-cloned. */
const acrossThreads = (r: WorkerStageResult): WorkerStageResult => structuredClone(r);

describe('mergeWorkerResults', () => {
  const values = recordedValues();
  const whole = resultOf(SPIKE, values, 0);

  it.each([2, 3, 7])('%i workers give what one thread recording every value gives', (n) => {
    const parts = Array.from({ length: n }, (_, i) =>
      resultOf(
        shardStage(SPIKE, { index: i + 1, count: n }),
        values.filter((_, k) => k % n === i),
        i,
      ),
    );
    const merged = mergeWorkerResults(
      SPIKE,
      parts.map((p) => acrossThreads(encodeWorkerResult(p, 0))),
    );
    const m = merged.metrics;
    // Counts exactly.
    expect(m.requests).toBe(whole.metrics.requests);
    expect(m.errors).toBe(whole.metrics.errors);
    expect(m.errorsByKind).toEqual(whole.metrics.errorsByKind);
    expect([...m.statusCodes].sort()).toEqual([...whole.metrics.statusCodes].sort());
    expect(m.endpoints.map((e) => [e.name, e.requests, e.errors, e.histogram.totalCount])).toEqual(
      whole.metrics.endpoints.map((e) => [e.name, e.requests, e.errors, e.histogram.totalCount]),
    );
    expect(m.retryAfterSeen).toBe(n);
    expect(m.errorSamples.get('socket hang up')).toBe(n);
    expect(merged.scheduled).toBe(values.length);
    // Percentiles: the added histograms hold the same buckets, so they agree to the last digit.
    expect(summarize(m.histogram)).toEqual(summarize(whole.metrics.histogram));
    for (const [i, e] of m.endpoints.entries()) expect(summarize(e.histogram)).toEqual(summarize(whole.metrics.endpoints[i]!.histogram));
    // Windows by index: same seconds, counts and percentiles, and each window's added histogram (the gate resamples them).
    const columns = (w: (typeof merged.timeline)[number]) => [w.t, w.requests, w.errors, w.rps, w.p50, w.p90, w.p95, w.p99, w.mean];
    expect(merged.timeline.map(columns)).toEqual(whole.timeline.map(columns));
    expect(merged.timeline.map((w) => w.histogram)).toEqual(whole.timeline.map((w) => w.histogram));
    // Recovery measured again on the merged timeline, as one thread measures it.
    const { startMs, dropMs } = spikePhases(SPIKE);
    expect(merged.spike).toEqual(spikeOutcome(whole.timeline, startMs, dropMs));
    expect(merged.spike!.peak_p95_ms).toBeGreaterThan(40);
    // Generator: late sends and drops summed, lag the worst worker's, judged again on the totals.
    const late = (n * (n - 1)) / 2;
    expect(merged.generator).toMatchObject({ late_sends: late, dropped: n, loop_lag_p99_ms: n - 1, loop_lag_max_ms: 2 * (n - 1) });
    expect(merged.generator).toEqual(
      judgeGenerator({ late_sends: late, dropped: n, loop_lag_p99_ms: n - 1, loop_lag_max_ms: 2 * (n - 1) }, values.length, values.length),
    );
    // Burst cycles by number: outcomes summed, the slowest duration.
    expect(merged.cycles).toEqual([{ cycle: 1, duration_ms: 5 + n - 1, successes: values.length, errors: 0 }]);
    expect(merged.startedAt).toEqual(whole.startedAt);
    expect(merged.spec).toBe(SPIKE);
  });

  it('a --shard part run on workers keeps the merged window histograms, for `perf-gate merge`', () => {
    const shard = shardStage(SPIKE, { index: 2, count: 3 });
    const parts = [0, 1].map((i) =>
      resultOf(
        shardStage(shard, { index: i + 1, count: 2 }),
        values.filter((_, k) => k % 2 === i),
        0,
      ),
    );
    const merged = mergeWorkerResults(
      shard,
      parts.map((p) => encodeWorkerResult(p, 0)),
    );
    expect(merged.timeline.length).toBeGreaterThan(0);
    expect(merged.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
  });
});

describe('the part each worker runs', () => {
  const plan = parsePlan(
    planText([
      '{ name: open, kind: load, rate: 300/s, ramp: 1s, duration: 3s, workers: 4 }',
      '{ name: users, kind: load, vus: 7, duration: 2s, workers: 3 }',
      '{ name: burst, kind: burst, size: 10, cycles: 2, workers: 2 }',
    ]),
    'plan.yml',
    {},
  );
  const [open, users, burst] = plan.stages as [StageSpec, StageSpec, StageSpec];
  const parts = (s: StageSpec, n: number): StageSpec[] => Array.from({ length: n }, (_, i) => shardStage(s, { index: i + 1, count: n }));
  const sendTimes = (s: StageSpec): number[] => {
    const schedule = stageSchedule(s)!;
    return Array.from({ length: schedule.total }, (_, k) => schedule.sendTime(k));
  };

  it('workers: auto is the cores this process may use (at most 64); absent is 1', () => {
    expect(stageWorkers(open)).toBe(4);
    expect(stageWorkers({ ...open, workers: 'auto' }, 2)).toBe(2);
    expect(stageWorkers({ ...open, workers: 'auto' }, 96)).toBe(64);
    expect(stageWorkers({ ...open, workers: undefined })).toBe(1);
  });

  it('never more threads than the stage has users or burst requests', () => {
    expect(stageWorkers(users)).toBe(3);
    expect(stageWorkers({ ...users, workers: 16 })).toBe(7);
    expect(stageWorkers({ ...burst, workers: 'auto' }, 32)).toBe(10);
  });

  it("open model: the workers send every one of the schedule's sends, once", () => {
    expect(
      parts(open, 4)
        .flatMap(sendTimes)
        .sort((a, b) => a - b),
    ).toEqual(sendTimes(open));
  });

  it('users and burst size are split evenly', () => {
    expect(parts(users, 3).map((p) => (p.kind === 'load' && p.model === 'closed' ? p.vus : -1))).toEqual([3, 2, 2]);
    expect(parts(burst, 2).map((p) => (p.kind === 'burst' ? p.size : -1))).toEqual([5, 5]);
  });

  it('composed with --shard: the workers of every shard send the whole schedule once, interleaved', () => {
    const all = parts(open, 3).flatMap((shard) => {
      const workers = parts(shard, 2);
      // Each shard's workers send exactly that shard's sends.
      expect(workers.flatMap(sendTimes).sort((a, b) => a - b)).toEqual(sendTimes(shard));
      return workers;
    });
    expect(all.map((p) => `${p.share!.index}/${p.share!.count}`).sort()).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(all.flatMap(sendTimes).sort((a, b) => a - b)).toEqual(sendTimes(open));
    // Users: 7 over 3 shards (3, 2, 2), each over 2 workers.
    expect(
      parts(users, 3)
        .flatMap((s) => parts(s, 2))
        .map((p) => (p.kind === 'load' && p.model === 'closed' ? p.vus : -1)),
    ).toEqual([2, 1, 1, 1, 1, 1]);
  });

  it('an idle shard stays idle on every worker', () => {
    const floor: StageSpec = { name: 'floor', kind: 'baseline', protocol: 'http', maxInFlight: 1, durationMs: 1000 };
    const idleShard = shardStage(floor, { index: 2, count: 2 });
    expect(parts(idleShard, 2).map((p) => p.share!.idle)).toEqual([true, true]);
  });
});

describe('runStageInWorkers with stand-in worker scripts', () => {
  const plan = parsePlan(planText(['{ name: users, kind: load, vus: 4, duration: 1s, workers: 2 }']), 'plan.yml', {});
  const spec = plan.stages[0]!;
  let dir: string;
  // A real part's result, as a worker would post it.
  const posted = encodeWorkerResult(resultOf(spec, recordedValues().slice(0, 100), 0), 0);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-workers-'));
  });

  const script = async (name: string, body: string): Promise<string> => {
    const file = path.join(dir, `${name}.mjs`);
    await writeFile(file, `import { parentPort, workerData } from 'node:worker_threads';\nconst post = (m) => parentPort.postMessage(m);\n${body}\n`);
    return file;
  };
  const options = (scriptFile: string, signal = new AbortController().signal) => ({
    plan,
    target: 'http://127.0.0.1:1',
    signal,
    seq: { value: 0 },
    script: scriptFile,
  });

  it.each<[string, string, RegExp]>([
    ['throws while loading', `throw new Error('boom');`, /^worker [12]\/2 of stage "users" crashed: boom$/],
    [
      'exits before its result',
      `post({ type: 'ready' }); parentPort.on('message', (m) => { if (m.type === 'start') process.exit(3); });`,
      /^worker [12]\/2 of stage "users" exited \(code 3\) before it reported its result$/,
    ],
    [
      'reports a failure',
      `post({ type: 'ready' }); parentPort.on('message', (m) => { if (m.type === 'start') post({ type: 'failed', message: 'no route' }); });`,
      /^worker [12]\/2 of stage "users" failed: no route$/,
    ],
  ])('a worker that %s fails the stage with a WorkerError, not a hang', async (name, body, message) => {
    const file = await script(name.replace(/\W+/g, '-'), body);
    const err = await runStageInWorkers(spec, 2, options(file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).code).toBe('E_WORKER');
    expect((err as WorkerError).name).toBe('WorkerError');
    expect((err as Error).message).toMatch(message);
  });

  it('a missing worker script is a WorkerError naming it', async () => {
    await expect(runStageInWorkers(spec, 2, options(path.join(dir, 'nowhere.js')))).rejects.toThrow(
      /worker script .*nowhere\.js is missing: it ships as dist\/worker\.js/,
    );
  });

  it('abort reaches every worker; progress is summed once a second; ${seq} continues after the highest worker value', async () => {
    // Each worker: its part and its counter as given, progress once started, its result when aborted.
    const file = await script(
      'abortable',
      `const result = ${JSON.stringify(posted)};
const { seq, spec } = workerData;
post({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.type === 'start') post({ type: 'progress', progress: { stage: spec.name, elapsedMs: 900, totalMs: 1000, requests: spec.vus * 10, errors: 1, rps: spec.vus, p95: seq.stride * seq.value } });
  if (m.type === 'abort') post({ type: 'result', result: { ...result, scheduled: spec.vus, seq: seq.value + 3 * seq.stride } });
});`,
    );
    const controller = new AbortController();
    const progress: StageProgress[] = [];
    const seq = { value: 10 };
    const run = runStageInWorkers(spec, 2, { ...options(file, controller.signal), seq, onProgress: (p) => progress.push(p) });
    setTimeout(() => controller.abort(), 1300);
    const merged = await run;
    expect(merged.metrics.requests).toBe(200);
    // Each worker had 2 of the 4 users.
    expect(merged.scheduled).toBe(4);
    // Worker i of 2 started at 10 + i − 2 with stride 2 (first values 11 and 12); three sends each.
    expect(seq.value).toBe(16);
    expect(progress[0]).toEqual({ stage: 'users', elapsedMs: 900, totalMs: 1000, requests: 40, errors: 2, rps: 4, p95: 20 });
  });
});
