/**
 * How fast the runner is right now: a fixed CPU task run on every core at once, timed. Between
 * stages the target and the generator are idle, so a slower probe means someone else holds the
 * CPU (a noisy neighbour, steal time, another job): the machine, not the code, got slower.
 * The gate compares it with the baseline's probe to name the reason of an excuse, never to size it
 * (src/gate/excuse.ts: perf-gate's reference server sizes it).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** xorshift rounds per task: about 15 ms on a 2020s x86 core. Fixed, so probes compare across runs. */
export const PROBE_ITERATIONS = 10_000_000;
/** Tasks per probe; the median is kept, so one preemption does not decide. */
const PROBE_REPEATS = 3;

// An eval'd script (no file to bundle): waits for an iteration count, spins, answers.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
  parentPort.postMessage(x);
});`;

export class RunnerProbe {
  private constructor(private readonly workers: Worker[]) {}

  /** One worker per core the process may use; they sleep between probes. */
  static async start(cores = availableParallelism()): Promise<RunnerProbe> {
    const workers = Array.from({ length: Math.max(1, cores) }, () => new Worker(WORKER_SOURCE, { eval: true }));
    const probe = new RunnerProbe(workers);
    for (const w of workers) w.unref();
    await probe.task(PROBE_ITERATIONS / 10); // compile the loop before anything is timed
    return probe;
  }

  /** Median wall time (ms) of the task run on every core at once. */
  async measure(): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < PROBE_REPEATS; i++) {
      const t = performance.now();
      await this.task(PROBE_ITERATIONS);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return Math.round(times[times.length >> 1]! * 100) / 100;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private task(iterations: number): Promise<unknown[]> {
    return Promise.all(
      this.workers.map(
        (w) =>
          new Promise((resolve, reject) => {
            const fail = (err: Error): void => reject(err);
            w.once('error', fail);
            w.once('message', (m) => {
              w.off('error', fail);
              resolve(m);
            });
            w.postMessage(iterations);
          }),
      ),
    );
  }
}
