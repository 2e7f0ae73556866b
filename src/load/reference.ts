/**
 * What the runner itself adds to a request's latency, measured beside the target: perf-gate starts
 * a tiny HTTP server of its own on loopback (a worker thread: its own OS thread, scheduled like any
 * process on the runner) and asks it a fixed small question REFERENCE_RATE times a second during
 * every stage, from the same event loop that drives the load. Its answer takes the same work every
 * time, so whatever its latency gains over a quiet run is what the machine added: scheduling delay
 * behind a neighbour, a late generator loop, steal time. That delay is additive (a request waits
 * for a core, then runs), so the gate compares it in milliseconds, at the same percentile, with the
 * baseline's reference figures and takes off only that much (src/gate/excuse.ts).
 * Each probe is timed from its intended send time, as the load is, so a generator that falls
 * behind shows in the reference too.
 */
import { Worker } from 'node:worker_threads';
import { Client } from 'undici';
import { createHistogram, recordMs } from '../metrics/histogram.js';
import type { ReferenceLatency } from '../model/records.js';
export type { ReferenceLatency };

/** Probes per second during a stage: 300 in a 6-s stage, a load of nothing (a few µs of CPU each). */
export const REFERENCE_RATE = 50;
/** Back-to-back probes before a stage, the machine idle but for the runner's neighbours. */
const IDLE_PROBES = 30;
/** xorshift rounds per answer: about 0.15 ms of CPU, fixed so that runs compare. */
const ANSWER_ITERATIONS = 100_000;
const PROBE_TIMEOUT_MS = 5_000;

// An eval'd script (no file to bundle): a keep-alive server that spins a fixed task per answer.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const server = http.createServer((req, res) => {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < ${ANSWER_ITERATIONS}; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
  res.end(String(x & 1));
});
server.keepAliveTimeout = 600000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`;

const ms3 = (x: number): number => Math.round(x * 1000) / 1000;

export class ReferenceServer {
  /** Samplers running now: `close` stops them too. */
  private readonly stops = new Set<() => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly client: Client,
  ) {}

  static async start(): Promise<ReferenceServer> {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the reference server did not start within 5 s')), 5000);
      worker.once('message', (p: number) => {
        clearTimeout(timer);
        resolve(p);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw err;
    });
    const server = new ReferenceServer(worker, new Client(`http://127.0.0.1:${port}`, { pipelining: 1 }));
    try {
      for (let i = 0; i < 20; i++) await server.ask(); // compile the answer and open the connection before anything is timed
    } catch (err) {
      await server.close();
      throw err;
    }
    return server;
  }

  /** One probe: ms from `since` (its intended send time) to the whole answer. */
  private async ask(since = performance.now()): Promise<number> {
    const { body } = await this.client.request({ method: 'GET', path: '/', headersTimeout: PROBE_TIMEOUT_MS, bodyTimeout: PROBE_TIMEOUT_MS });
    await body.dump();
    return performance.now() - since;
  }

  /**
   * Probes back to back now (before a stage), then REFERENCE_RATE a second until the returned
   * `stop` is called (after the stage); `stop` gives the figures, undefined if no probe answered.
   */
  async sample(): Promise<() => Promise<ReferenceLatency | undefined>> {
    const idle = createHistogram();
    for (let i = 0; i < IDLE_PROBES; i++) recordMs(idle, await this.ask().catch(() => PROBE_TIMEOUT_MS));
    const during = createHistogram();
    let stopped = false;
    let wake: (() => void) | undefined;
    const stopNow = (): void => {
      stopped = true;
      wake?.();
    };
    this.stops.add(stopNow);
    const interval = 1000 / REFERENCE_RATE;
    const t0 = performance.now();
    const loop = (async () => {
      for (let k = 1; !stopped; k++) {
        let intended = t0 + k * interval;
        const now = performance.now();
        // A probe still out past its successor's slot: the slots it covered are not sent (its own
        // latency already counts the wait), the next one goes at the next slot.
        if (now > intended + interval) {
          k = Math.ceil((now - t0) / interval);
          intended = t0 + k * interval;
        }
        // An unref'd pause that `stop` cuts short: a sampler never keeps the process alive.
        if (intended > now) {
          await new Promise<void>((r) => {
            const t = setTimeout(r, intended - now);
            t.unref();
            wake = () => {
              clearTimeout(t);
              r();
            };
          });
          wake = undefined;
        }
        if (stopped) break;
        try {
          recordMs(during, await this.ask(intended));
        } catch {
          // an unanswered probe measures nothing (the worker is gone, or the machine is stalled for 5 s)
        }
      }
    })();
    return async () => {
      stopNow();
      this.stops.delete(stopNow);
      await loop;
      if (during.totalCount === 0) return undefined;
      const at = (p: number): number => ms3(during.getValueAtPercentile(p) / 1000);
      const idleAt = (p: number): number => ms3(idle.getValueAtPercentile(p) / 1000);
      return {
        requests: during.totalCount,
        p50: at(50),
        p90: at(90),
        p95: at(95),
        p99: at(99),
        mean: ms3(during.mean / 1000),
        idle: { p50: idleAt(50), p95: idleAt(95), p99: idleAt(99) },
      };
    };
  }

  async close(): Promise<void> {
    for (const stop of this.stops) stop();
    this.stops.clear();
    await this.client.close().catch(() => {});
    await this.worker.terminate();
  }
}
