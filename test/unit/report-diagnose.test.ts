/** The diagnosis rules on hand-built stages: each rule's positive case, its negatives, and its edges. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/core.js';
import { binomialAtMost, diagnose, MAX_DIAGNOSES } from '../../src/report/diagnose.js';
import type { Diagnosis, StageReport } from '../../src/model/report.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import { report, saturatedStage, stage, steadyStage } from '../helpers/reports.js';

/** A 1-second window: `requests` requests at p95 `p95` ms; rps = requests. */
function win(t: number, requests: number, p95: number, extra: Partial<TimelineWindow> = {}): TimelineWindow {
  return {
    t,
    rps: requests,
    p50: p95 / 2,
    p90: p95 * 0.9,
    p95,
    p99: p95 * 1.5,
    max: p95 * 2,
    mean: p95 / 2,
    requests,
    errors: 0,
    active: 1,
    late_sends: 0,
    loop_lag_ms: 0,
    ...extra,
  };
}

const kinds = (k: Partial<StageReport['errors_by_kind']>): StageReport['errors_by_kind'] => ({
  timeout: 0,
  connect: 0,
  http_4xx: 0,
  http_5xx: 0,
  rate_limited: 0,
  check: 0,
  closed_abnormally: 0,
  session: 0,
  ...k,
});

/** A stage built from its windows: totals summed from them. */
function fromWindows(timeline: TimelineWindow[], overrides: Partial<StageReport> = {}): StageReport {
  const requests = timeline.reduce((a, w) => a + w.requests, 0);
  const errors = timeline.reduce((a, w) => a + w.errors, 0);
  const byKind: Partial<StageReport['errors_by_kind']> = {};
  for (const w of timeline)
    for (const [k, n] of Object.entries(w.by_kind ?? {})) byKind[k as keyof typeof byKind] = (byKind[k as keyof typeof byKind] ?? 0) + n;
  return stage({ requests, errors, error_rate: errors / requests, timeline, errors_by_kind: kinds(byKind), ...overrides });
}

const run = (...stages: StageReport[]): Diagnosis[] => diagnose(report({ stages }));
const ids = (ds: Diagnosis[]): string[] => ds.map((d) => d.id);
const only = (ds: Diagnosis[], id: string): Diagnosis => {
  const d = ds.find((x) => x.id === id);
  expect(d, `${id} in ${JSON.stringify(ids(ds))}`).toBeDefined();
  return d!;
};

/** An open-model ramp: 10 windows at 10, 20 … 100 req/s, p95 from `p95At(rate)`. */
const ramp = (p95At: (rate: number) => number, extra: (rate: number, t: number) => Partial<TimelineWindow> = () => ({})): TimelineWindow[] =>
  Array.from({ length: 10 }, (_, t) => win(t, (t + 1) * 10, p95At((t + 1) * 10), extra((t + 1) * 10, t)));

describe('clean runs say nothing', () => {
  it.each([
    ['a steady stage', steadyStage(1, 7)],
    ['an empty timeline', stage()],
    [
      'an open-model ramp with flat latency',
      fromWindows(
        ramp((r) => 10 + (r % 3)),
        { scheduled: 550 },
      ),
    ],
    ['a closed-model stage, steady users', fromWindows(Array.from({ length: 8 }, (_, t) => win(t, 200, 5 + (t % 2), { active: 10 })))],
    ['a few scattered errors', fromWindows(Array.from({ length: 10 }, (_, t) => win(t, 100, 5, t % 3 === 0 ? { errors: 1, by_kind: { http_5xx: 1 } } : {})))],
  ])('%s', (_name, s) => {
    expect(run(s)).toEqual([]);
  });
});

describe('rate-limited', () => {
  /** 1000 requests over 10 windows; `n` 429s from t=3 on, and `other` other errors. */
  function limited(n: number, other = 0, overrides: Partial<StageReport> = {}): StageReport {
    const timeline = Array.from({ length: 10 }, (_, t) => win(t, 100, 5));
    for (let i = 0; i < n; i++) {
      const w = timeline[3 + (i % 7)]!;
      w.errors++;
      w.by_kind = { ...w.by_kind, rate_limited: (w.by_kind?.rate_limited ?? 0) + 1 };
    }
    for (let i = 0; i < other; i++) {
      const w = timeline[i % 10]!;
      w.errors++;
      w.by_kind = { ...w.by_kind, http_5xx: (w.by_kind?.http_5xx ?? 0) + 1 };
    }
    return fromWindows(timeline, {
      status_codes: { '200': 1000 - n - other, '429': n, ...(other ? { '500': other } : {}) },
      retry_after_seen: n,
      retry_after_s: { min: 1, max: 5 },
      ...overrides,
    });
  }

  it('a 429-heavy stage: share, count, Retry-After range and when they began', () => {
    const d = only(run(limited(300, 10)), 'rate-limited');
    expect(d).toMatchObject({ stage: 'load', severity: 'warn', at_s: 3 });
    expect(d.title).toContain('30.00% of requests');
    expect(d.evidence[0]).toBe('300 responses were 429 Too Many Requests: 30.00% of 1000 requests, 96.77% of the errors');
    expect(d.evidence[1]).toContain('Retry-After 1–5 s (sent with 300');
    expect(d.evidence[2]).toMatch(/^the first 429s came 3 s into the stage; from then on 42\.\d+% of requests were limited$/);
  });

  it.each([
    ['exactly 1 % of requests and all the errors', 10, 0, true],
    ['exactly half the errors', 10, 10, true],
    ['just under 1 % of requests', 9, 0, false],
    ['under half the errors', 10, 11, false],
  ])('edge: %s', (_name, n, other, fires) => {
    expect(ids(run(limited(n, other))).includes('rate-limited')).toBe(fires);
  });

  it('429s the plan expects (not errors) are information, not a warning', () => {
    const s = stage({ requests: 1000, status_codes: { '200': 800, '429': 200 } });
    const d = only(run(s), 'rate-limited');
    expect(d.severity).toBe('info');
    expect(d.evidence[0]).toContain('(the plan expects them)');
    expect(d.evidence[1]).toBe('no Retry-After header');
  });
});

describe('timeouts-climb', () => {
  /** A ramp where windows at `from` req/s and above time out `share` of their requests. */
  const climbing = (from: number, share: number, quietShare = 0): StageReport =>
    fromWindows(
      ramp(
        () => 20,
        (r) => {
          const n = Math.round(r * (r >= from ? share : quietShare));
          return n > 0 ? { errors: n, by_kind: { timeout: n } } : {};
        },
      ),
      { scheduled: 550 },
    );

  it('timeouts in the busiest seconds, none in the quietest', () => {
    const d = only(run(climbing(80, 0.2)), 'timeouts-climb');
    expect(d.title).toBe('Timeouts climb with load: 20.00% of requests in the busiest seconds against 0.00% in the quietest.');
    expect(d.evidence).toEqual([
      '54 timeouts, 9.82% of 550 requests, the first 7 s into the stage',
      'busiest third of the seconds (about 90 req/s): 20.00% timed out',
      'quietest third (about 20 req/s): 0.00% timed out',
    ]);
    expect(d.at_s).toBe(7);
  });

  it('timeouts as common at low load as at high load are not climbing', () => {
    expect(ids(run(climbing(0, 0.1)))).not.toContain('timeouts-climb');
  });

  it('timeouts at a steady rate (no load contrast) are not judged against load', () => {
    const timeline = Array.from({ length: 10 }, (_, t) => win(t, 100, 20, t >= 5 ? { errors: 20, by_kind: { timeout: 20 } } : {}));
    expect(ids(run(fromWindows(timeline, { scheduled: 1000 })))).not.toContain('timeouts-climb');
  });

  it.each([
    [9, true], // 27 of 900 (3 %) against 3 of 300 (1 %): exactly 2 pp
    [8, false],
  ])('edge: %i timeouts per busy second against 1 per quiet one (2 pp gap fires, less does not)', (busy, fires) => {
    const timeline = [100, 100, 100, 200, 200, 200, 300, 300, 300].map((r, t) => {
      const n = r === 100 ? 1 : r === 300 ? busy : 0;
      return win(t, r, 20, n > 0 ? { errors: n, by_kind: { timeout: n } } : {});
    });
    expect(ids(run(fromWindows(timeline, { scheduled: 1800 }))).includes('timeouts-climb')).toBe(fires);
  });
});

describe('saturation', () => {
  it('an open-model ramp: p95 bends where the rate passes capacity', () => {
    const s = fromWindows(
      ramp((r) => (r <= 50 ? 10 : 10 + (r - 50) * 4)),
      { scheduled: 550 },
    );
    const d = only(run(s), 'saturation');
    // limit: max(2 × 10, 10 + 5) = 20 ms; 60 req/s gives 50 ms
    expect(d).toMatchObject({ severity: 'warn', at_s: 5 });
    expect(d.title).toBe('Saturation: latency grows with the load, p95 bends between 50 and 60 req/s (10.0 ms → 50.0 ms).');
    expect(d.evidence).toEqual([
      'low load (about 20 req/s): p95 10.0 ms',
      'up to 50 req/s (4 s in): p95 10.0 ms',
      'at 60 req/s (5 s in): p95 50.0 ms, 5.0× the low-load p95',
      'busiest second: 100 req/s, p95 210 ms',
    ]);
  });

  it('a closed-model ramp of users: throughput flat, latency up', () => {
    const timeline = Array.from({ length: 10 }, (_, t) => {
      const users = t + 1;
      return win(t, Math.min(users, 4) * 50, users <= 4 ? 20 : users * 20, { users, active: users });
    });
    const d = only(run(fromWindows(timeline)), 'saturation');
    expect(d.title).toBe('Saturation: latency grows with the load, p95 bends between 4 and 5 users (20.0 ms → 100 ms).');
    expect(d.evidence.at(-1)).toBe('throughput 100 req/s at low load, 200 req/s at the busiest');
  });

  it('requests in flight are not load: they rise with latency itself (a stall would look like load)', () => {
    const stall = (t: number): boolean => t === 4 || t === 5;
    const timeline = Array.from({ length: 10 }, (_, t) => win(t, 100, stall(t) ? 300 : 20, { active: stall(t) ? 10 : 2, users: 10 }));
    expect(ids(run(fromWindows(timeline)))).not.toContain('saturation');
    expect(ids(run(fromWindows(timeline.map(({ users: _, ...w }) => w))))).not.toContain('saturation');
  });

  /** Stress steps of 10 … 50 users (or req/s): throughput flat from 30, p95 up from 40. */
  const stressSteps = (unit: 'rps' | 'vus'): StageReport['stress'] => ({
    unit,
    from: 10,
    step: 10,
    every_s: 5,
    max: 50,
    until: ['p95 < 100ms'],
    steps: [10, 20, 30, 40, 50].map((level, index) => ({
      index,
      level,
      start_s: index * 5,
      duration_s: 5,
      requests: Math.min(level, 30) * 50,
      errors: 0,
      error_rate: 0,
      rps: Math.min(level, 30) * 10,
      latency_ms: { p50: 5, p95: level <= 30 ? 10 : level * 4, p99: 200 },
      passed: level <= 40,
    })),
    breaking_point: 40,
    broke_at: 50,
    reached_max: false,
  });

  it('a stress stage of users: its steps are the load, and finding the bend is its point (information)', () => {
    const d = only(run(stage({ kind: 'stress', stress: stressSteps('vus') })), 'saturation');
    expect(d).toMatchObject({ severity: 'info', at_s: 15 });
    expect(d.title).toBe('Saturation: latency grows with the load, p95 bends between 30 and 40 users (10.0 ms → 160 ms).');
    expect(d.evidence).toEqual([
      'low load (about 10 users): p95 10.0 ms',
      'up to 30 users (10 s in): p95 10.0 ms',
      'at 40 users (15 s in): p95 160 ms, 16.0× the low-load p95',
      'busiest step: 50 users, p95 200 ms',
      'throughput 100 req/s at low load, 300 req/s at the busiest',
    ]);
  });

  it('a stress stage of rates: the same bend in req/s', () => {
    expect(only(run(stage({ kind: 'stress', scheduled: 7500, stress: stressSteps('rps') })), 'saturation').title).toContain('between 30 and 40 req/s');
  });

  it.each([
    ['one stalled second at high load', ramp((r) => (r === 90 ? 200 : 10))],
    ['p95 up by less than 2× the low-load p95', ramp((r) => (r <= 50 ? 10 : 19))],
    ['p95 doubles but by under 5 ms (loopback noise)', ramp((r) => (r <= 50 ? 1 : 4))],
    ['latency climbing at a steady rate (drift, not load)', Array.from({ length: 10 }, (_, t) => win(t, 100, 10 + t * 10))],
  ])('no saturation: %s', (_name, timeline) => {
    expect(ids(run(fromWindows(timeline, { scheduled: 550 })))).not.toContain('saturation');
  });

  it('a last window the stage ended early in (its rate understates the load) is not taken for low load', () => {
    // Without the rule, the partial last second (8 requests, p95 400 ms) would be half the low-load reference.
    const timeline = [win(0, 10, 10), win(1, 20, 10), win(2, 60, 50), win(3, 80, 100), win(4, 100, 200), win(5, 8, 400)];
    expect(only(run(fromWindows(timeline, { scheduled: 280 })), 'saturation').at_s).toBe(2);
  });

  it('windows with too few requests are not judged', () => {
    const timeline = ramp((r) => (r <= 50 ? 10 : 100)).map((w) => ({ ...w, requests: 4, rps: w.rps }));
    expect(ids(run(fromWindows(timeline, { scheduled: 40 })))).not.toContain('saturation');
  });
});

describe('errors-begin', () => {
  /** 10 windows of 100 requests; from `at` on, `share` of them fail with `kind`. */
  const beginning = (at: number, share: number, kind: 'connect' | 'http_5xx' = 'http_5xx', overrides: Partial<StageReport> = {}): StageReport =>
    fromWindows(
      Array.from({ length: 10 }, (_, t) => win(t, 100, 5, t >= at ? { errors: share * 100, by_kind: { [kind]: share * 100 } } : {})),
      overrides,
    );

  it('clean seconds, then a sustained error share: the moment and the rates before and after', () => {
    const d = only(run(beginning(6, 0.5)), 'errors-begin');
    expect(d).toMatchObject({ severity: 'warn', at_s: 6 });
    expect(d.title).toBe('Errors begin 6 s into the stage: from 0.00% to 50.00% of requests.');
    expect(d.evidence).toEqual(['0 s–6 s: 0.00% errors over 6 seconds (600 requests)', 'from 6 s: 50.00% errors (200 of 400): http_5xx 200']);
  });

  it('a target that went down: connection errors and the target_down abort are named', () => {
    const s = beginning(5, 1, 'connect', {
      aborted: { rule: 'target_down', at_s: 8.1, reason: '100% of completions failed to connect for 3 s' },
      error_samples: { 'connect ECONNREFUSED 127.0.0.1:4000': 500 },
    });
    const ds = run(s);
    const d = only(ds, 'errors-begin');
    expect(d.title).toBe('Errors begin 5 s into the stage: from 0.00% to 100.00% of requests; the target went down and the stage was stopped.');
    expect(d.evidence).toContain('most common transport error: connect ECONNREFUSED 127.0.0.1:4000 (500×)');
    expect(d.evidence).toContain('the target_down rule stopped the stage 8.1 s in: 100% of completions failed to connect for 3 s');
    expect(only(ds, 'connection-exhaustion').title).toBe(
      'The target stopped accepting connections 5 s into the stage: from then on nearly every request failed to connect.',
    );
    expect(ids(ds).slice(0, 2)).toEqual(['errors-begin', 'connection-exhaustion']);
  });

  it.each([
    ['errors from the first second', beginning(0, 0.5)],
    ['errors in only the first second after the clean ones (the last one)', beginning(9, 0.5)],
    ['an after-share under 10 %', beginning(5, 0.09)],
  ])('no onset: %s', (_name, s) => {
    expect(ids(run(s))).not.toContain('errors-begin');
  });

  it('a 28-hour soak with an error second every 20 s: intermittent errors are not a beginning', () => {
    // 100 000 windows, 5 000 candidate onsets, each preceded by clean-enough seconds and never sustained.
    // (The rule keeps running totals: this took 30 s when it re-summed the windows per onset, 0.2 s now.)
    const timeline = Array.from({ length: 100_000 }, (_, t) => win(t, 100, 5, t % 20 === 10 ? { errors: 10, by_kind: { http_5xx: 10 } } : {}));
    expect(ids(run(fromWindows(timeline, { kind: 'soak' })))).not.toContain('errors-begin');
  });

  it('a transient burst of errors that stops is not a beginning', () => {
    const timeline = Array.from({ length: 10 }, (_, t) => win(t, 100, 5, t === 4 || t === 5 ? { errors: 60, by_kind: { http_5xx: 60 } } : {}));
    expect(ids(run(fromWindows(timeline)))).not.toContain('errors-begin');
  });

  it('a steady 17 % from the first request, with a ramp whose first seconds were clean by chance, is not a beginning', () => {
    // 3 and 10 requests in the ramp's first seconds, none failed: at 17 % that happens 9 % of the time.
    const timeline = [win(0, 3, 5), win(1, 10, 5), ...Array.from({ length: 8 }, (_, i) => win(i + 2, 100, 5, { errors: 17, by_kind: { http_5xx: 17 } }))];
    expect(ids(run(fromWindows(timeline)))).not.toContain('errors-begin');
    // The same 17 % after 200 clean requests is evidence (0.83^200 ≈ 10⁻¹⁶).
    const clean = [win(0, 100, 5), win(1, 100, 5), ...timeline.slice(2)];
    expect(only(run(fromWindows(clean)), 'errors-begin').at_s).toBe(2);
  });

  it.each([
    [0, 10, 0.5, 0.5 ** 10],
    [1, 3, 0.5, 0.5],
    [0, 13, 0.17, 0.83 ** 13],
    [2, 2, 0.3, 1],
    [0, 5, 0, 1],
  ])('binomialAtMost(%d, %d, %d) = %d', (x, n, p, expected) => {
    expect(binomialAtMost(x, n, p)).toBeCloseTo(expected, 12);
  });

  it('edge: 1 % errors before is still clean, more is not', () => {
    const withBefore = (n: number): StageReport =>
      fromWindows(
        Array.from({ length: 10 }, (_, t) =>
          win(t, 100, 5, t >= 6 ? { errors: 50, by_kind: { http_5xx: 50 } } : t === 0 ? { errors: n, by_kind: { check: n } } : {}),
        ),
      );
    expect(ids(run(withBefore(6)))).toContain('errors-begin'); // 6 of 600
    expect(ids(run(withBefore(7)))).not.toContain('errors-begin');
  });
});

describe('connection-exhaustion', () => {
  const withConnect = (n: number, samples: Record<string, number>, overrides: Partial<StageReport> = {}): StageReport =>
    fromWindows(
      Array.from({ length: 10 }, (_, t) => win(t, 100, 5, { errors: n / 10, by_kind: { connect: n / 10 } })),
      { error_samples: samples, ...overrides },
    );

  it('resets under load: count, share, when, and the messages', () => {
    const d = only(run(withConnect(50, { 'read ECONNRESET': 30, 'other side closed': 20 })), 'connection-exhaustion');
    expect(d.title).toBe(
      "Connections refused or reset under load (5.00% of requests): the target's accept queue or connection limit, or a proxy's pool, ran out.",
    );
    expect(d.evidence).toEqual([
      '50 connection errors, 5.00% of 1000 requests, the first 0 s into the stage',
      'transport errors: read ECONNRESET (30×); other side closed (20×)',
    ]);
    expect(d.at_s).toBe(0);
  });

  it("the generator's own sockets ran out (EMFILE, EADDRNOTAVAIL)", () => {
    const d = only(run(withConnect(10, { 'connect EMFILE 127.0.0.1:3000 - Local (undefined:undefined)': 10 })), 'connection-exhaustion');
    expect(d.title).toContain('ran out of sockets or file descriptors');
  });

  it('sends dropped at max_in_flight', () => {
    const timeline = Array.from({ length: 10 }, (_, t) => win(t, 80, 500, t >= 2 ? { dropped: 25 } : {}));
    const d = only(run(fromWindows(timeline, { scheduled: 1000, dropped: 200 })), 'connection-exhaustion');
    expect(d.title).toContain('200 sends were dropped because max_in_flight');
    expect(d.evidence).toEqual(['200 sends dropped of 1000 scheduled: max_in_flight requests were outstanding (first 2 s in)']);
    expect(d.at_s).toBe(2);
  });

  it('WebSocket connections that failed to open', () => {
    const s = stage({ protocol: 'ws', connections: { planned: 20, opened: 14, failed: 6, peak: 14, open_at_end: 14 } });
    const d = only(run(s), 'connection-exhaustion');
    expect(d.evidence).toEqual(['6 of 20 planned WebSocket connections failed to open']);
  });

  it.each([
    ['four connect errors', withConnect(4, { 'connect ECONNREFUSED': 4 })],
    ['under 1 % of requests', fromWindows(Array.from({ length: 100 }, (_, t) => win(t, 100, 5, t < 9 ? { errors: 1, by_kind: { connect: 1 } } : {})))],
    ['a few drops', stage({ scheduled: 1000, dropped: 4 })],
  ])('nothing for %s', (_name, s) => {
    expect(ids(run(s))).not.toContain('connection-exhaustion');
  });
});

describe('spike-not-recovered', () => {
  /** A spike: 3 s at 10 ms, 3 s at 200 ms, then `after` p95s from 6 s. */
  const spiked = (after: number[], recovery: number | null): StageReport =>
    fromWindows([...[0, 1, 2].map((t) => win(t, 50, 10)), ...[3, 4, 5].map((t) => win(t, 300, 200)), ...after.map((p, i) => win(6 + i, 50, p))], {
      kind: 'spike',
      scheduled: 1200,
      spike: { pre_p95_ms: 10, peak_p95_ms: 200, recovery_ms: recovery, start_s: 3, drop_s: 6 },
    });

  it('never back within 20 %: the p95 before, at the peak and after', () => {
    const d = only(run(spiked([90, 80, 70, 60], null)), 'spike-not-recovered');
    expect(d).toMatchObject({ severity: 'warn', at_s: 6 });
    expect(d.evidence).toEqual([
      'pre-spike p95 10.0 ms, peak p95 200 ms',
      'after the drop (6 s in): median p95 75.0 ms over 4 seconds, last 60.0 ms (recovered would be ≤ 15.0 ms)',
      'no 1-second window after the drop came back within 20 % of the pre-spike p95',
    ]);
  });

  it('one lucky window is not a recovery when the rest stay high', () => {
    const d = only(run(spiked([12, 80, 70, 60], 0)), 'spike-not-recovered');
    expect(d.evidence[2]).toBe('one window was back 0 s after the drop, but the p95 stayed above the limit');
  });

  it.each([
    ['recovered and stayed', spiked([30, 11, 10, 12], 1000)],
    ['edge: median exactly at the limit (1.2×, but at least 5 ms above the pre-spike p95)', spiked([15, 15, 15], 0)],
    ["never back within 20 %, but by less than 5 ms (a busy runner's noise)", spiked([13, 14, 13], null)],
    ['no windows after the drop', spiked([], null)],
  ])('nothing when %s', (_name, s) => {
    expect(ids(run(s))).not.toContain('spike-not-recovered');
  });
});

describe('ordering', () => {
  it('most important first, at most a handful, the same every time', () => {
    const limitedStage = (name: string): StageReport =>
      stage({ name, requests: 1000, errors: 100, errors_by_kind: kinds({ rate_limited: 100 }), status_codes: { '200': 900, '429': 100 } });
    const stages = [
      limitedStage('a'),
      stage({ name: 'b', requests: 1000, status_codes: { '429': 100 } }),
      limitedStage('c'),
      saturatedStage('d', 'event-loop lag p99 80 ms'),
      ...['e', 'f', 'g', 'h'].map(limitedStage),
    ];
    const first = run(...stages);
    expect(first).toHaveLength(MAX_DIAGNOSES);
    expect(first.map((d) => `${d.id}/${d.stage}`)).toEqual([
      'generator-saturated/d',
      'rate-limited/a',
      'rate-limited/c',
      'rate-limited/e',
      'rate-limited/f',
      'rate-limited/g',
    ]);
    expect(run(...stages)).toEqual(first);
  });
});

describe('reports from elsewhere', () => {
  it("a stage with only totals (another tool's import: no timeline, no error kinds) is judged on what it has", () => {
    const bare = {
      name: 'k6',
      kind: 'load',
      protocol: 'http',
      requests: 1000,
      errors: 200,
      status_codes: { '200': 800, '429': 200 },
    } as unknown as StageReport;
    const ds = run(bare);
    expect(ids(ds)).toEqual(['rate-limited']);
    expect(ds[0]!.severity).toBe('info');
    expect(run({ name: 'empty' } as unknown as StageReport)).toEqual([]);
  });

  it('compare diagnoses the current result as it writes it (summary.md included)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-diagnose-compare-'));
    const limited = fromWindows(
      Array.from({ length: 6 }, (_, t) => win(t, 100, 5, t >= 2 ? { errors: 50, by_kind: { rate_limited: 50 } } : {})),
      { status_codes: { '200': 400, '429': 200 }, histogram: undefined as unknown as string },
    );
    await writeFile(path.join(dir, 'base.json'), JSON.stringify(report({ fingerprints: { plan: 'p', runner: 'r' } }, { timeline: [] })));
    await writeFile(
      path.join(dir, 'current.json'),
      JSON.stringify({ ...report({ fingerprints: { plan: 'p', runner: 'r' } }), stages: [limited], diagnoses: [] }),
    );
    const outcome = await compareReports({ baselineFile: 'base.json', currentFile: 'current.json', outDir: 'out', env: {}, cwd: dir });
    expect(ids(outcome.report.diagnoses!)).toEqual(['errors-begin', 'rate-limited']);
    const written = JSON.parse(await readFile(outcome.reportPath, 'utf8'));
    expect(written.diagnoses).toEqual(outcome.report.diagnoses);
    expect(await readFile(outcome.summaryPath, 'utf8')).toContain('**load**: The target rate-limited this load (429 on 33.33% of requests)');
  });
});
