/**
 * The WebSocket engine against real loopback `ws` servers: echo, slow echo, a broadcaster with a
 * timestamp field, a server that drops every Nth connection (1006), one that refuses upgrades.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWsTarget, wsPlanText, type WsTarget } from '../helpers/ws-target.js';
import { runText } from '../helpers/run.js';

let target: WsTarget;
beforeAll(async () => {
  target = await startWsTarget();
});
afterAll(async () => {
  await target.close();
});

const ECHO = ['path: /echo', `send: '{"op":"ping","id":"\${seq}"}'`, `expect_reply: { match: '"id":"\${seq}"' }`];

describe('request/reply', () => {
  it('echo at 200/s over 4 connections: every message answered, rate met, connections in the timeline', async () => {
    target.set({});
    const [s] = await runText(wsPlanText(ECHO, ['{ name: echo, kind: load, protocol: ws, connections: 4, rate: 200/s, duration: 3s }']), target.url);
    expect(s!.protocol).toBe('ws');
    expect(s!.ws_mode).toBe('request_reply');
    expect(s!.requests).toBe(600);
    expect(s!.errors).toBe(0);
    expect(s!.rps).toBeGreaterThanOrEqual(196);
    expect(s!.rps).toBeLessThanOrEqual(204);
    expect(s!.connections).toMatchObject({ planned: 4, opened: 4, failed: 0, peak: 4, open_at_end: 4 });
    expect(s!.connect_ms!.p50).toBeGreaterThan(0);
    expect(s!.closes_by_code).toEqual({});
    expect(s!.status_codes).toEqual({ '101': 4 });
    for (const w of s!.timeline.filter((w) => w.t < 2)) expect(w.active).toBe(4);
    expect(s!.endpoints[0]!.name).toBe('ws request_reply /echo');
  });

  it('slow echo: p50 tracks the injected 5 ms delay (±2 ms), open and closed model', async () => {
    target.set({ delayMs: 5 });
    const [open, closed] = await runText(
      wsPlanText(ECHO, [
        '{ name: open, kind: load, protocol: ws, connections: 5, rate: 100/s, duration: 3s }',
        '{ name: closed, kind: load, protocol: ws, connections: 2, duration: 2s }',
      ]),
      target.url,
    );
    console.log(`slow echo 5 ms: open p50 ${open!.latency_ms.p50} ms, closed p50 ${closed!.latency_ms.p50} ms`);
    for (const s of [open!, closed!]) {
      expect(s.errors).toBe(0);
      expect(s.latency_ms.p50).toBeGreaterThanOrEqual(5);
      expect(s.latency_ms.p50).toBeLessThanOrEqual(7);
    }
    // Closed: each connection sends its next message on the reply: about 2 × 1000/5.x per second.
    expect(closed!.rps).toBeGreaterThan(200);
    expect(closed!.rps).toBeLessThan(400);
  });

  it('json_field matches replies that come back out of order', async () => {
    let held: string | undefined;
    // Hold every odd message and answer the pair newest first.
    target.set({
      reply: (text) => {
        if (held === undefined) {
          held = text;
          return undefined;
        }
        const pair = [text, held];
        held = undefined;
        return pair;
      },
    });
    const [s] = await runText(
      wsPlanText(
        ['path: /x', `send: '{"id":\${seq},"op":"get"}'`, 'expect_reply: { json_field: id }'],
        ['{ name: swap, kind: load, protocol: ws, connections: 1, rate: 100/s, duration: 2s }'],
      ),
      target.url,
    );
    expect(s!.requests).toBe(200);
    expect(s!.errors).toBe(0);
    expect(s!.unmatched_replies).toBe(0);
  });

  it('unanswered messages are timeouts, recorded at the timeout', async () => {
    target.set({ reply: (text, n) => (n % 4 === 0 ? undefined : text) });
    const [s] = await runText(
      wsPlanText([...ECHO, 'timeout: 300ms'], ['{ name: lossy, kind: load, protocol: ws, connections: 2, rate: 40/s, duration: 2s }']),
      target.url,
    );
    expect(s!.requests).toBe(80);
    expect(s!.errors_by_kind.timeout).toBe(20); // 1 in 4 on each connection
    expect(s!.errors).toBe(20);
    expect(s!.latency_ms.max).toBeGreaterThanOrEqual(300);
    expect(s!.latency_ms.max).toBeLessThan(330);
  });

  it('a reply that does not match its message is a check failure (closed model)', async () => {
    target.set({ reply: (text, n) => (n % 4 === 0 ? '{"id":"nope"}' : text) });
    const [s] = await runText(wsPlanText(ECHO, ['{ name: wrong, kind: load, protocol: ws, connections: 1, duration: 1s, think: 5ms }']), target.url);
    expect(s!.requests).toBeGreaterThan(40);
    expect(Math.abs(s!.errors_by_kind.check - s!.requests / 4)).toBeLessThanOrEqual(1);
    expect(s!.errors).toBe(s!.errors_by_kind.check);
    expect(s!.error_samples).toHaveProperty(['a reply did not match its message (expect_reply)']);
  });
});

describe('stream', () => {
  it('a broadcaster at 100/s per connection with a timestamp 20 ms old: rate, gaps and lag', async () => {
    target.set({ broadcast: { perSecond: 100, lagMs: 20 } });
    const [s] = await runText(
      wsPlanText(
        ['path: /feed', 'mode: stream', `subscribe: '{"op":"subscribe","ch":"trades"}'`, 'timestamp_field: $.E'],
        ['{ name: feed, kind: load, protocol: ws, connections: 2, duration: 3s }'],
      ),
      target.url,
    );
    console.log(
      `stream: ${s!.messages_per_s} msg/s, gap p50 ${s!.gap_ms!.p50} ms p99 ${s!.gap_ms!.p99} ms, lag p50 ${s!.lag_ms!.p50} ms p99 ${s!.lag_ms!.p99} ms`,
    );
    expect(s!.ws_mode).toBe('stream');
    expect(target.subscribes.slice(-2)).toEqual(['{"op":"subscribe","ch":"trades"}', '{"op":"subscribe","ch":"trades"}']);
    expect(s!.messages_per_s!).toBeGreaterThan(190);
    expect(s!.messages_per_s!).toBeLessThan(210);
    expect(s!.rps).toBeCloseTo(s!.messages_per_s!, 0);
    expect(s!.gap_ms!.p50).toBeGreaterThan(8);
    expect(s!.gap_ms!.p50).toBeLessThan(12);
    expect(s!.lag_ms!.p50).toBeGreaterThanOrEqual(19);
    expect(s!.lag_ms!.p50).toBeLessThan(24);
    expect(s!.latency_ms.p50).toBe(s!.lag_ms!.p50);
    expect(s!.errors).toBe(0);
  });
});

describe('connections: closes, reconnects, refusals', () => {
  it('a server that drops every 3rd connection: 1006 closes and reconnects counted, capped', async () => {
    target.set({ kill: { every: 3, afterMs: 300 } });
    const before = target.connections();
    const [s] = await runText(
      wsPlanText(['path: /hold', 'reconnect: { max: 2, backoff: 50ms }'], ['{ name: hold, kind: load, protocol: ws, connections: 6, duration: 2s }']),
      target.url,
    );
    const drops = s!.closes_by_code!['1006'] ?? 0;
    expect(s!.ws_mode).toBe('connect');
    expect(drops).toBeGreaterThanOrEqual(2);
    expect(s!.reconnects).toBe(drops); // each drop was followed by one reconnect (within the cap)
    expect(s!.errors_by_kind.closed_abnormally).toBe(drops);
    expect(s!.connections!.opened).toBe(6 + drops);
    expect(target.connections() - before).toBe(6 + drops);
    expect(s!.requests).toBe(6 + drops); // connect mode: every attempt is a request
  });

  it('reconnects stop at the cap; messages to a dropped connection are closed_abnormally', async () => {
    target.set({ kill: { every: 1, afterMs: 100 } });
    const [s] = await runText(
      wsPlanText([...ECHO, 'reconnect: { max: 1, backoff: 20ms }'], ['{ name: dying, kind: load, protocol: ws, connections: 2, rate: 50/s, duration: 2s }']),
      target.url,
    );
    expect(s!.closes_by_code).toEqual({ '1006': 4 }); // 2 connections × (first + one reconnect)
    expect(s!.reconnects).toBe(2);
    expect(s!.connections!.open_at_end).toBe(0);
    expect(s!.errors_by_kind.closed_abnormally).toBeGreaterThan(50);
    expect(s!.requests).toBe(100);
  });

  it('refused upgrades are connect errors, with the status the server gave', async () => {
    target.set({ refuse: 403 });
    const [rr] = await runText(wsPlanText(ECHO, ['{ name: refused, kind: load, protocol: ws, connections: 2, rate: 20/s, duration: 1s }']), target.url);
    const [held] = await runText(
      wsPlanText(['path: /hold', 'mode: connect'], ['{ name: held, kind: load, protocol: ws, connections: 3, duration: 1s }']),
      target.url,
    );
    expect(rr!.errors_by_kind.connect).toBe(20);
    expect(rr!.error_rate).toBe(1);
    expect(rr!.status_codes['403']).toBe(2);
    expect(rr!.connections!.failed).toBe(2);
    expect(held!.errors_by_kind.connect).toBe(3);
    expect(held!.requests).toBe(3);
    expect(held!.error_rate).toBe(1);
    expect(held!.error_samples).toEqual({ 'Unexpected server response: 403': 3 });
  });
});
