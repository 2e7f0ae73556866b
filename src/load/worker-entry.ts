/**
 * One worker thread of a stage (`workers:`; the main side is workers.ts), bundled as
 * dist/worker.js. Says it is ready once loaded, runs its part of the stage on `start` with its own
 * connection pool, posts progress once a second and, at the end, its result with the histograms
 * encoded. `abort` from the main thread ends the part early, as SIGINT ends a single-thread stage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stageClient } from './run-plan.js';
import { runStage } from './stage.js';
import { encodeWorkerResult, type FromWorker, type ToWorker, type WorkerData } from './workers.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread of perf-gate, not on its own');
const data = workerData as WorkerData;
const controller = new AbortController();
const post = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'abort') controller.abort();
  else if (m.type === 'start') void run();
});
post({ type: 'ready' });

async function run(): Promise<void> {
  const client = stageClient(data.target, data.spec);
  let outcome: FromWorker;
  try {
    const r = await runStage(data.spec, {
      plan: data.plan,
      client,
      target: data.target,
      signal: controller.signal,
      seq: data.seq,
      flows: false,
      baseVars: data.baseVars,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    outcome = { type: 'result', result: encodeWorkerResult(r, data.seq.value) };
  } catch (err) {
    outcome = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
  } finally {
    // Sockets closed before the result goes: the main thread terminates the worker on receipt.
    await client.close();
  }
  post(outcome);
}
