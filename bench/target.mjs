// Benchmark target: a plain Node http server on 127.0.0.1 answering every request with the same
// 1 KiB body over keep-alive. Started by bench/run.mjs with fork() so it has its own event loop.
// It reports its port over IPC, and it ends by itself when the parent goes away or when its
// lifetime (BENCH_TARGET_MAX_S, default 900 s) runs out, so it can never outlive the benchmark.
import http from 'node:http';
import { serveTarget } from './serve-target.mjs';

const BODY = Buffer.from('x'.repeat(1023) + '\n'); // 1024 bytes

const server = http.createServer((req, res) => {
  // Drain any request body, then answer the fixed payload.
  req.resume();
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
  res.end(BODY);
});
let connections = 0;
let requests = 0;
server.on('connection', () => connections++);
server.on('request', () => requests++);
// The parent asks for counters between runs, to see how many connections each generator opened.
process.on('message', (m) => {
  if (m?.cmd === 'stats') process.send?.({ stats: { connections, requests } });
});
serveTarget(server);
