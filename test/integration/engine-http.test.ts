/** The HTTP engine against real loopback servers: rates, coordinated omission, error kinds, sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, planText, type TestTarget } from '../helpers/target.js';
import { runText } from '../helpers/run.js';

let target: TestTarget;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

describe('open model', () => {
  it('meets the asked rate within ±2 % and the server counts what the report counts', async () => {
    target.set({});
    const before = target.served();
    const [s] = await runText(planText(['{ name: load, kind: load, rate: 200/s, duration: 3s }']), target.url);
    expect(s!.requests).toBe(600);
    expect(target.served() - before).toBe(s!.requests);
    expect(s!.rps).toBeGreaterThanOrEqual(196);
    expect(s!.rps).toBeLessThanOrEqual(204);
    expect(s!.errors).toBe(0);
    // Every full window carries ~200 requests: the schedule is spread, not bunched.
    const full = s!.timeline.filter((w) => w.t < 3);
    expect(full).toHaveLength(3);
    for (const w of full) expect(Math.abs(w.requests - 200)).toBeLessThanOrEqual(4);
  });

  it('a ramp sends the integral of the rate: 0→100/s over 2 s then 2 s at 100/s is 300', async () => {
    target.set({});
    const [s] = await runText(planText(['{ name: ramp, kind: load, rate: 100/s, ramp: 2s, duration: 4s }']), target.url);
    expect(s!.requests).toBe(300);
    expect(s!.timeline[0]!.requests).toBeLessThan(s!.timeline[3]!.requests);
  });

  it('a server that stalls 400 ms every 2 s shows in p99 (latency from the intended send time)', async () => {
    target.set({ stall: { everyMs: 2000, forMs: 400 } });
    const [s] = await runText(planText(['{ name: load, kind: load, rate: 200/s, duration: 4s }']), target.url);
    expect(s!.latency_ms.p99).toBeGreaterThanOrEqual(250);
    expect(s!.latency_ms.p50).toBeLessThan(50);
  });

  it('drops and counts sends beyond max_in_flight instead of queueing them out of sight', async () => {
    target.set({ delayMs: 300 });
    const [s] = await runText(planText(['{ name: capped, kind: load, rate: 100/s, duration: 2s, max_in_flight: 5 }']), target.url);
    expect(s!.dropped).toBeGreaterThan(100);
    expect(s!.requests + s!.dropped).toBe(200);
  });
});

describe('closed model and other kinds', () => {
  it('baseline is one user back to back; vus keeps N requests in flight', async () => {
    target.set({ delayMs: 10 });
    const [base, vus] = await runText(
      planText(['{ name: base, kind: baseline, duration: 2s }', '{ name: users, kind: load, vus: 8, duration: 2s }']),
      target.url,
    );
    // ~10 ms per request, one at a time: about 100/s; eight users: about 8× that.
    expect(base!.rps).toBeGreaterThan(60);
    expect(base!.rps).toBeLessThan(110);
    expect(vus!.rps / base!.rps).toBeGreaterThan(5);
    expect(Math.max(...vus!.timeline.map((w) => w.active))).toBe(8);
  });

  it('pipelining: 4 sends 8 users over 2 connections, 4 requests in flight on each', async () => {
    const sockets = new Set<unknown>();
    let inFlight = 0;
    let peak = 0;
    target.set({
      route: (req, res) => {
        sockets.add(req.socket);
        peak = Math.max(peak, ++inFlight);
        setTimeout(() => {
          inFlight--;
          res.end('ok');
        }, 5);
        return true;
      },
    });
    const [s] = await runText(planText(['{ name: piped, kind: load, vus: 8, pipelining: 4, duration: 1s }']), target.url);
    expect(sockets.size).toBe(2);
    expect(s!.errors).toBe(0);
    expect(s!.requests).toBeGreaterThan(100);
    // A Node server answers a connection's pipelined requests one at a time, in order: 2 at once.
    expect(peak).toBe(2);
    expect(Math.max(...s!.timeline.map((w) => w.active))).toBe(8);
  });

  it('burst releases size requests per cycle and reports each cycle', async () => {
    target.set({ delayMs: 20 });
    const [b] = await runText(planText(['{ name: burst, kind: burst, size: 30, cycles: 3, pause: 200ms }']), target.url);
    expect(b!.requests).toBe(90);
    expect(b!.cycles).toHaveLength(3);
    for (const c of b!.cycles!) {
      expect(c.successes).toBe(30);
      expect(c.duration_ms).toBeGreaterThanOrEqual(19);
    }
  });

  it('spike reports pre-spike p95, peak and the recovery time after the drop', async () => {
    // A target with a capacity of ~200/s (one request at a time, 5 ms each): above it a queue builds,
    // after the drop back to 20/s the queue drains and latency recovers.
    const queue: Array<() => void> = [];
    let busy = false;
    const work = (): void => {
      const next = queue.shift();
      if (!next) {
        busy = false;
        return;
      }
      busy = true;
      setTimeout(() => {
        next();
        work();
      }, 5);
    };
    target.set({
      route: (_req, res) => {
        queue.push(() => res.end('ok'));
        if (!busy) work();
        return true;
      },
    });
    const [s] = await runText(planText(['{ name: spike, kind: spike, from: 20/s, to: 300/s, before: 2s, ramp: 0s, hold: 1s, after: 4s }']), target.url);
    expect(s!.spike).toBeDefined();
    expect(s!.spike!.peak_p95_ms).toBeGreaterThan(s!.spike!.pre_p95_ms * 5);
    expect(s!.spike!.recovery_ms).not.toBeNull();
    expect(s!.spike!.recovery_ms!).toBeGreaterThan(0);
    expect(s!.spike!.recovery_ms!).toBeLessThanOrEqual(3000);
  });
});

describe('error taxonomy', () => {
  it('timeouts, resets, 4xx, 5xx and 429 (with Retry-After) land in their own kinds', async () => {
    target.set({
      route: (req, res) => {
        const path = req.url ?? '';
        if (path === '/hang') return true; // never answers
        if (path === '/reset') {
          req.socket.destroy();
          return true;
        }
        if (path === '/limited') {
          res.writeHead(429, { 'retry-after': '1' });
          res.end();
          return true;
        }
        if (path === '/missing') {
          res.writeHead(404);
          res.end();
          return true;
        }
        if (path === '/boom') {
          res.writeHead(503);
          res.end();
          return true;
        }
        res.end('ok');
        return true;
      },
    });
    const text = `version: 1
target: { url: "http://127.0.0.1:1" }
defaults: { timeout: 300ms }
requests:
  - { name: hang, path: /hang }
  - { name: reset, path: /reset }
  - { name: limited, path: /limited }
  - { name: missing, path: /missing }
  - { name: boom, path: /boom }
  - { name: ok, path: /ok, expect: { status: 200, body: "nope" } }
stages:
  - { name: mix, kind: load, rate: 60/s, duration: 2s }
`;
    const [s] = await runText(text, target.url);
    const byName = Object.fromEntries(s!.endpoints.map((e) => [e.name, e]));
    const k = s!.errors_by_kind;
    expect(k.timeout).toBe(byName.hang!.requests);
    expect(k.connect).toBe(byName.reset!.requests);
    expect(k.rate_limited).toBe(byName.limited!.requests);
    expect(k.http_4xx).toBe(byName.missing!.requests);
    expect(k.http_5xx).toBe(byName.boom!.requests);
    expect(k.check).toBe(byName.ok!.requests);
    expect(s!.errors).toBe(120);
    expect(s!.retry_after_seen).toBe(byName.limited!.requests);
    expect(s!.status_codes['429']).toBe(byName.limited!.requests);
    // Timed-out requests count their full wait: the timeout, not less, and not much more.
    expect(byName.hang!.latency_ms.p50).toBeGreaterThanOrEqual(300);
    expect(byName.hang!.latency_ms.p95).toBeLessThan(360);
  });
});

describe('session', () => {
  it('captures a login token once per user and sends it on later requests', async () => {
    const tokens = new Set<string>();
    let unauthorized = 0;
    target.set({
      route: (req, res, body) => {
        if (req.url === '/auth/login') {
          const { username } = JSON.parse(body) as { username: string };
          const token = `t-${username}-${tokens.size}`;
          tokens.add(token);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { access_token: token } }));
          return true;
        }
        const auth = (req.headers.authorization ?? '').replace('Bearer ', '');
        if (!tokens.has(auth)) unauthorized++;
        res.writeHead(tokens.has(auth) ? 200 : 401);
        res.end();
        return true;
      },
    });
    const text = `version: 1
target: { url: "http://127.0.0.1:1" }
session:
  - name: login
    method: POST
    path: /auth/login
    json: { username: "\${PERF_USER}", password: "\${PERF_PASS}" }
    capture: { token: "$.data.access_token" }
    expect: { status: 200 }
requests:
  - { name: me, path: /me, headers: { authorization: "Bearer \${token}" }, expect: { status: 200 } }
stages:
  - { name: users, kind: load, vus: 4, duration: 1s }
`;
    const [s] = await runText(text, target.url, { PERF_USER: 'alice', PERF_PASS: 's3cret' });
    expect(tokens.size).toBe(4);
    expect(unauthorized).toBe(0);
    expect(s!.requests).toBeGreaterThan(50);
    expect(s!.errors).toBe(0);
    const login = s!.endpoints.find((e) => e.name === 'session:login');
    expect(login?.requests).toBe(4);
    // Session steps are reported apart, not in the stage totals.
    expect(s!.endpoints.find((e) => e.name === 'me')!.requests).toBe(s!.requests);
  });

  it('a request undici refuses before sending (a captured token with a line break) fails each send without stalling the run', async () => {
    let served = 0;
    target.set({
      route: (req, res) => {
        served++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(req.url === '/auth/login' ? JSON.stringify({ token: 'bad\r\nx-injected: 1' }) : '{}');
        return true;
      },
    });
    const text = `version: 1
target: { url: "http://127.0.0.1:1" }
session:
  - { name: login, method: POST, path: /auth/login, capture: { token: "$.token" } }
requests:
  - { name: me, path: /me, headers: { authorization: "Bearer \${token}" } }
stages:
  - { name: users, kind: load, vus: 2, duration: 1s }
`;
    const started = performance.now();
    const [s] = await runText(text, target.url);
    // Refused synchronously, every send: the users go on (each next send after an event-loop turn),
    // every one is an error, none reaches the server, and the stage still ends on time.
    expect(s!.requests).toBeGreaterThan(100);
    expect(s!.errors).toBe(s!.requests);
    expect(served).toBe(2);
    expect(s!.generator.loop_lag_p99_ms).toBeLessThan(50);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
