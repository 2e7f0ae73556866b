// Gate-calibration target: a Node http server on 127.0.0.1 that answers every request after a noisy
// delay, like a real service, optionally slower (latency multiplier) and optionally failing (HTTP 500
// with a given probability). Started by bench/gate.mjs with fork(), one process per configuration,
// so each has its own event loop. It reports its port over IPC, answers { cmd: 'stats' } with its
// counters, and ends by itself when the parent goes away or when its lifetime
// (BENCH_TARGET_MAX_S, default 900 s) runs out, so it can never outlive the benchmark.
//
// Noise model, per request (all draws from Math.random):
//   delay = GATE_MULT × (GATE_BASE_MS + Exp(mean GATE_JITTER_MS))       default 4 ms + Exp(2 ms)
//   → with the defaults, before the multiplier: median ≈ 5.4 ms, p95 ≈ 10.0 ms, p99 ≈ 13.2 ms.
//   The delay is a setTimeout, so Node truncates it to whole milliseconds and the timer fires within
//   about a millisecond of that (event-loop time is kept in ms).
//   Stall: with probability GATE_STALL_P per request (default 1/4000: about every 2 s at 2000/s) the
//   event loop is blocked for GATE_STALL_MS (default 20 ms, busy wait), delaying every request in
//   flight and every one arriving meanwhile, like a GC pause. Stalls are not scaled by GATE_MULT.
//   GATE_EXTRA_MS (default 0) is added to every delay: a regression of a known size at p95 (the
//   bench sets it to a share of the p95 it measured through perf-gate), since a multiplier would
//   scale only the target's part of the measured latency.
//   Error: with probability GATE_ERROR_P (default 0) the answer is HTTP 500 instead of 200, sent
//   after the same delay.
//   CPU work: GATE_CPU_MS (default 0) of busy computation per request, before the delay, on the
//   target's one thread: latency that comes from CPU, which a busy runner slows as a real app's.
//   GATE_CPU_ITERS (default 0): a fixed amount of work per request instead (that many rounds of an
//   integer hash), whose CPU time does not depend on being preempted (a busy-wait on the clock
//   does): what bench/resources.mjs calibrates cpu_per_request against.
import http from 'node:http';
import { serveTarget } from './serve-target.mjs';

const num = (name, dflt) => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) ? v : dflt;
};
const BASE_MS = num('GATE_BASE_MS', 4);
const JITTER_MS = num('GATE_JITTER_MS', 2);
const MULT = num('GATE_MULT', 1);
const EXTRA_MS = num('GATE_EXTRA_MS', 0);
const ERROR_P = num('GATE_ERROR_P', 0);
const STALL_P = num('GATE_STALL_P', 1 / 4000);
const STALL_MS = num('GATE_STALL_MS', 20);
const CPU_MS = num('GATE_CPU_MS', 0);
const CPU_ITERS = num('GATE_CPU_ITERS', 0);

/** `n` rounds of an integer hash: fixed work, the same CPU time whatever else the machine does. */
export function work(n) {
  let h = 0x9e3779b9;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i;
  return h;
}
let sink = 0;
// Read at exit, so the engine cannot drop the work as unused.
process.on('exit', () => sink === 0.5 && console.log(sink));

const OK = Buffer.from('ok\n');
const FAIL = Buffer.from('injected error\n');

let connections = 0;
let requests = 0;
let errors = 0;
let stalls = 0;

function stall(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: the event loop is blocked, as in a GC pause or a slow synchronous call
  }
}

const server = http.createServer((req, res) => {
  requests++;
  req.resume();
  if (STALL_P > 0 && Math.random() < STALL_P) {
    stalls++;
    stall(STALL_MS);
  }
  if (CPU_MS > 0) stall(CPU_MS);
  if (CPU_ITERS > 0) sink ^= work(CPU_ITERS);
  const delay = MULT * (BASE_MS - JITTER_MS * Math.log(1 - Math.random())) + EXTRA_MS;
  const fail = ERROR_P > 0 && Math.random() < ERROR_P;
  if (fail) errors++;
  setTimeout(() => {
    const body = fail ? FAIL : OK;
    res.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain', 'content-length': body.length });
    res.end(body);
  }, delay);
});
server.on('connection', () => connections++);
process.on('message', (m) => {
  if (m?.cmd === 'stats') process.send?.({ stats: { connections, requests, errors, stalls } });
});
serveTarget(server);
