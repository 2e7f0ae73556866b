// Benchmark reference: the bare undici loop, the ceiling of any client built on undici.
// `node bench/undici-loop.mjs URL CONNECTIONS DURATION_S`: one Pool, CONNECTIONS requests in flight,
// each response sending the next (undici's core handler methods, no body kept, no timers, nothing
// recorded). Prints {"requests", "durationS", "errors"} as JSON. Load to loopback only (bench/run.mjs).
import { Pool } from 'undici';

const [url, connections, durationS] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url ?? '')) throw new Error(`loopback targets only, got ${url}`);
const pool = new Pool(new URL(url).origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
const path = new URL(url).pathname;
let requests = 0;
let errors = 0;
let live = connections;
const t0 = performance.now();
const end = t0 + durationS * 1000;

function send() {
  pool.dispatch(
    { path, method: 'GET', headersTimeout: 0, bodyTimeout: 0 },
    {
      onConnect() {},
      onHeaders(status) {
        if (status >= 400) errors++;
        return true;
      },
      onData: () => true,
      onComplete: next,
      onError() {
        errors++;
        next();
      },
    },
  );
}

function next() {
  requests++;
  if (performance.now() < end) return send();
  if (--live === 0) {
    process.stdout.write(`${JSON.stringify({ requests, errors, durationS: (performance.now() - t0) / 1000 })}\n`);
    void pool.destroy();
  }
}

for (let i = 0; i < connections; i++) send();
