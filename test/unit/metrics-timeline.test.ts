import { describe, it, expect } from 'vitest';
import { Timeline, type TimelineWindow } from '../../src/metrics/timeline.js';
import { mergeWindows } from '../../src/metrics/merge.js';
import { createHistogram } from '../../src/metrics/histogram.js';

const byT = (ws: TimelineWindow[], t: number): TimelineWindow | undefined => ws.find((w) => w.t === t);

describe('Timeline windows', () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [999.999, 0],
    [1000, 1],
    [1500, 1],
    [2999, 2],
    [59_000, 59],
    [-250, 0],
  ])('a request started at %d ms goes to the window t=%d', (offset, t) => {
    const tl = new Timeline(1_000);
    tl.record(offset, 5, undefined);
    const ws = tl.finish();
    expect(ws.map((w) => w.t)).toEqual([t]);
    expect(ws[0]!.requests).toBe(1);
  });

  it('a request belongs to its start window, however late it completes', () => {
    const tl = new Timeline(10_000);
    tl.record(200, 1, undefined);
    tl.record(900, 4_500, undefined); // started in window 0, completed ~5.4 s in
    tl.record(1_100, 2, undefined);
    const ws = tl.finish();
    expect(ws.map((w) => [w.t, w.requests])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(ws[0]!.max).toBe(4_501.503); // the top of 4.5 s's histogram bucket, as percentiles report
  });

  it('counts requests, errors and rps per window', () => {
    const tl = new Timeline(1_000);
    for (let i = 0; i < 20; i++) tl.record(i * 50, 1, i % 5 === 0 ? 'http_5xx' : undefined); // window 0: 20 requests, 4 errors
    for (let i = 0; i < 7; i++) tl.record(1_000 + i * 100, 2, undefined); // window 1: 7, 0 errors
    tl.record(2_000, 3, 'timeout'); // window 2: 1, 1 error
    const ws = tl.finish();
    expect(ws.map((w) => ({ t: w.t, requests: w.requests, errors: w.errors, rps: w.rps }))).toEqual([
      { t: 0, requests: 20, errors: 4, rps: 20 },
      { t: 1, requests: 7, errors: 0, rps: 7 },
      { t: 2, requests: 1, errors: 1, rps: 1 },
    ]);
  });

  it('per-window latency percentiles, max and mean in ms', () => {
    const tl = new Timeline(1_000);
    // Window 0: 1..100 µs·10 = 0.01 … 1.00 ms (exact below 2 ms).
    for (let i = 1; i <= 100; i++) tl.record(i * 5, i / 100, undefined);
    const [w] = tl.finish();
    expect(w).toMatchObject({ t: 0, requests: 100, p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, max: 1, mean: 0.505 });
  });

  it('a window with only an active sample has zero latencies', () => {
    const tl = new Timeline(1_000);
    tl.sampleActive(3_500, 12);
    expect(tl.finish()).toEqual([
      {
        t: 3,
        rps: 0,
        p50: 0,
        p90: 0,
        p95: 0,
        p99: 0,
        max: 0,
        mean: 0,
        requests: 0,
        errors: 0,
        active: 12,
        late_sends: 0,
        loop_lag_ms: 0,
        histogram: expect.any(String),
      },
    ]);
  });

  // A sample taken at T is the peak of the second ending at T (the sampler ticks once a second).
  it('active is the largest sample seen during the window; a sample at T covers the second before T', () => {
    const tl = new Timeline(1_000);
    tl.sampleActive(0, 3);
    tl.sampleActive(100, 9);
    tl.sampleActive(1_000, 2); // the peak of [0, 1000): window 0
    tl.sampleActive(1_500, 4);
    tl.sampleActive(2_000, 1); // window 1
    tl.record(1_500, 1, undefined);
    const ws = tl.finish();
    expect(ws.map((w) => [w.t, w.active, w.requests])).toEqual([
      [0, 9, 0],
      [1, 4, 1],
    ]);
  });
});

describe('Timeline generator health', () => {
  it('late sends count in the window of their scheduled time', () => {
    const tl = new Timeline(1_000);
    tl.noteLate(100);
    tl.noteLate(900);
    tl.noteLate(2_050);
    tl.record(1_500, 1, undefined);
    expect(tl.finish().map((w) => [w.t, w.late_sends, w.requests])).toEqual([
      [0, 2, 0],
      [1, 0, 1],
      [2, 1, 0],
    ]);
  });

  it('event-loop lag goes to the second ending at the sample time, keeping the largest, 3 decimals', () => {
    const tl = new Timeline(1_000);
    tl.sampleLag(1_000, 4.5); // the second [0, 1) s
    tl.sampleLag(1_000, 2); // smaller: ignored
    tl.sampleLag(2_000, 12.3456); // [1, 2) s
    tl.sampleLag(0, 7); // clamped to window 0
    expect(tl.finish().map((w) => [w.t, w.loop_lag_ms])).toEqual([
      [0, 7],
      [1, 12.346],
    ]);
  });
});

describe('Timeline closing', () => {
  // maxLatency 1000 ms → keep-open lag of ceil(1000/1000) + 3 = 4 windows.
  it.each<[number, number, number[]]>([
    [1_000, 4_999, []], // newest 4: window 0 is not < 4 − 4
    [1_000, 5_000, [0]], // newest 5: 0 < 5 − 4 closes
    [1_000, 6_000, [0, 1]],
    [10_000, 13_999, []], // lag ceil(10) + 3 = 13
    [10_000, 14_000, [0]],
    [2_500, 7_000, [0]], // lag ceil(2.5) + 3 = 6: newest 7 closes 0
    [2_500, 6_999, []],
  ])('maxLatency %d ms: after a request at %d ms, windows %j are closed', (maxLatency, lateOffset, closed) => {
    const tl = new Timeline(maxLatency);
    tl.record(0, 1, undefined);
    tl.record(1_000, 1, undefined);
    tl.record(lateOffset, 1, undefined);
    expect(tl.windows.map((w) => w.t)).toEqual(closed);
  });

  it('finish() closes what is left and returns every window sorted by t', () => {
    const tl = new Timeline(0); // lag 3
    for (const offset of [2_000, 0, 1_000, 9_000, 4_000, 3_000]) tl.record(offset, 1, undefined);
    // newest 9 closed 0, 1, 2 in the order the map held them (insertion order); 4 and 3 came later
    expect(tl.windows.map((w) => w.t)).toEqual([2, 0, 1]);
    const ws = tl.finish();
    expect(ws.map((w) => w.t)).toEqual([0, 1, 2, 3, 4, 9]);
    expect(ws).toBe(tl.windows);
  });

  it('closed windows keep their numbers when their histograms are reused by later windows', () => {
    const tl = new Timeline(0); // lag 3
    for (let i = 0; i < 10; i++) tl.record(0, 1, undefined); // window 0: ten 1 ms requests
    tl.record(10_000, 1_500, 'timeout'); // closes window 0, opens 10
    tl.record(20_000, 0.25, undefined); // closes 10 (reusing 0's histogram), opens 20
    tl.record(20_100, 0.75, undefined);
    const ws = tl.finish();
    expect(ws.map((w) => ({ t: w.t, requests: w.requests, errors: w.errors, p50: w.p50, max: w.max }))).toEqual([
      { t: 0, requests: 10, errors: 0, p50: 1, max: 1 },
      { t: 10, requests: 1, errors: 1, p50: expect.closeTo(1_500, 0) as number, max: expect.closeTo(1_500, 0) as number },
      { t: 20, requests: 2, errors: 0, p50: 0.25, max: 0.75 },
    ]);
  });

  it('a stage with nothing recorded has no windows', () => {
    expect(new Timeline(1_000).finish()).toEqual([]);
  });

  it('requests into a still-open older window are counted there', () => {
    const tl = new Timeline(5_000); // lag 8
    tl.record(0, 1, undefined);
    tl.record(7_000, 1, undefined);
    tl.record(500, 1, 'connect'); // window 0 still open (0 ≥ 7 − 8)
    const ws = tl.finish();
    expect(byT(ws, 0)).toMatchObject({ requests: 2, errors: 1 });
    expect(byT(ws, 7)).toMatchObject({ requests: 1, errors: 0 });
  });

  // A result that arrives after its window closed (undici's headersTimeout and bodyTimeout are
  // each timeoutMs, so a slow body can run past timeout + 3 s) is counted in the closed row, not
  // in a second row with the same t.
  it('a late result for an already closed window does not create a second row with the same t', () => {
    const tl = new Timeline(10_000); // keep-open lag 13 windows
    tl.record(500, 2, undefined);
    tl.sampleActive(14_500, 1); // 14.5 s in: window 0 closes
    tl.record(500, 13_800, undefined); // started at 0.5 s, completed at 14.3 s
    const ws = tl.finish();
    expect(ws.filter((w) => w.t === 0)).toHaveLength(1);
    expect(ws.map((w) => w.t)).toEqual([0, 14]);
  });

  it('errors by kind and dropped sends per window: only where they happened, stragglers included', () => {
    const tl = new Timeline(1_000); // keep-open lag 4 windows
    tl.record(100, 1, undefined);
    tl.record(200, 1, 'rate_limited');
    tl.record(300, 1, 'rate_limited');
    tl.record(400, 1_000, 'timeout');
    tl.noteError(500, 'connect');
    tl.noteDropped(600);
    tl.record(1_100, 1, undefined);
    tl.record(9_000, 1, undefined); // closes windows 0 and 1
    tl.record(700, 1_000, 'timeout'); // a straggler into the closed window 0
    tl.noteDropped(800);
    const ws = tl.finish();
    expect(byT(ws, 0)).toMatchObject({ requests: 5, errors: 5, by_kind: { rate_limited: 2, timeout: 2, connect: 1 }, dropped: 2 });
    expect(byT(ws, 1)).not.toHaveProperty('by_kind');
    expect(byT(ws, 1)).not.toHaveProperty('dropped');
  });

  it('closed model: the most users running in a window, absent where none were sampled', () => {
    const tl = new Timeline(1_000);
    tl.record(100, 1, undefined);
    tl.sampleUsers(1_000, 2); // the second ending at 1 s: window 0
    tl.sampleUsers(1_020, 3); // a tick that drifted late still lands in window 0
    tl.record(1_100, 1, undefined);
    tl.record(2_100, 1, undefined);
    tl.sampleUsers(2_000, 5); // window 1
    const ws = tl.finish();
    expect(ws.map((w) => w.users)).toEqual([3, 5, undefined]);
  });

  it('merged windows add their errors by kind, drops and users', () => {
    const row = (t: number, extra: Partial<TimelineWindow>): TimelineWindow => ({
      t,
      rps: 1,
      p50: 1,
      p90: 1,
      p95: 1,
      p99: 1,
      max: 1,
      mean: 1,
      requests: 1,
      errors: 0,
      active: 1,
      late_sends: 0,
      loop_lag_ms: 0,
      ...extra,
    });
    const merged = mergeWindows(
      [
        [row(0, { errors: 2, by_kind: { timeout: 1, connect: 1 }, dropped: 3, users: 2 }), row(1, {})],
        [row(0, { errors: 1, by_kind: { timeout: 1 }, users: 3 }), row(1, {})],
      ],
      () => createHistogram(),
    );
    expect(merged[0]).toMatchObject({ errors: 3, by_kind: { timeout: 2, connect: 1 }, dropped: 3, users: 5 });
    expect(merged[1]).not.toHaveProperty('by_kind');
    expect(merged[1]).not.toHaveProperty('users');
    expect(merged[1]).not.toHaveProperty('dropped');
  });
});
