/** Hand-built report documents for the pure gate and report tests. */
import type { Check, Report, StageReport, Verdict } from '../../src/model/report.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import { seededRandom } from '../../src/gate/statistics.js';
import { createHistogram, encodeHistogram, recordMs, summarize } from '../../src/metrics/histogram.js';

/** A plain passing stage: 1000 requests, no errors, p95 10 ms; override what a test is about. */
export function stage(overrides: Partial<StageReport> = {}): StageReport {
  return {
    name: 'load',
    kind: 'load',
    protocol: 'http',
    duration_s: 10,
    requests: 1000,
    errors: 0,
    error_rate: 0,
    rps: 100,
    latency_ms: { min: 1, mean: 5, p50: 4, p90: 8, p95: 10, p99: 20, p999: 30, max: 40 },
    errors_by_kind: { timeout: 0, connect: 0, http_4xx: 0, http_5xx: 0, rate_limited: 0, check: 0, closed_abnormally: 0, session: 0 },
    status_codes: { '200': 1000 },
    endpoints: [],
    timeline: [],
    histogram: '',
    generator_saturated: false,
    late_sends: 0,
    dropped: 0,
    generator: { late_sends: 0, dropped: 0, loop_lag_p99_ms: 1, loop_lag_max_ms: 2, saturated: false },
    retry_after_seen: 0,
    ...overrides,
  };
}

/** The SPEC §3 example stage's numbers. */
export const SPEC_STAGE: Partial<StageReport> = {
  requests: 12000,
  errors: 3,
  error_rate: 0.00025,
  rps: 199.8,
  latency_ms: { min: 0.4, mean: 2.1, p50: 1.8, p90: 3.0, p95: 3.9, p99: 9.7, p999: 20.1, max: 31.0 },
  status_codes: { '200': 12000 },
};

export function report(overrides: Partial<Report> = {}, stageOverrides: Partial<StageReport> = SPEC_STAGE): Report {
  return {
    tool: 'perf-gate',
    version: '1.0.0',
    schema: 1,
    verdict: 'pass',
    plan: 'examples/plan.yml',
    target: 'http://127.0.0.1:3000',
    started_at: '2025-01-01T00:00:00.000Z',
    duration_s: 95.2,
    cancelled: false,
    runner: { os: 'linux', arch: 'x64', cpu: 'Test CPU', cores: 2, node: 'v20.0.0' },
    baseline: null,
    stages: [stage(stageOverrides)],
    checks: [],
    ...overrides,
  };
}

/** A steady stage: every latency column scales with `scale`, 20 windows of ±2 % noise. */
export function steadyStage(scale: number, seed: number, overrides: Partial<StageReport> = {}): StageReport {
  const r = seededRandom(seed);
  const timeline: TimelineWindow[] = Array.from({ length: 20 }, (_, t) => {
    const f = scale * (1 + 0.02 * (2 * r() - 1));
    return {
      t,
      rps: 100,
      p50: 4 * f,
      p90: 8 * f,
      p95: 10 * f,
      p99: 20 * f,
      max: 40 * f,
      mean: 5 * f,
      requests: 100,
      errors: 0,
      active: 3,
      late_sends: 0,
      loop_lag_ms: 0,
    };
  });
  const l = (x: number) => x * scale;
  return stage({
    requests: 2000,
    latency_ms: { min: l(1), mean: l(5), p50: l(4), p90: l(8), p95: l(10), p99: l(20), p999: l(30), max: l(40) },
    timeline,
    ...overrides,
  });
}

/** A stage whose load generator was saturated (its failures are the generator's). */
export function saturatedStage(name: string, reason?: string): StageReport {
  return stage({
    name,
    generator_saturated: true,
    generator: { late_sends: 900, dropped: 0, loop_lag_p99_ms: 80, loop_lag_max_ms: 200, saturated: true, reason },
  });
}

/** A threshold check on p95 of `stageName` with the given verdict. */
export const thresholdCheck = (stageName: string, verdict: Verdict, extra: Partial<Check> = {}): Check => ({
  stage: stageName,
  metric: 'p95',
  kind: 'threshold',
  current: 10,
  limit: '< 5ms',
  method: 'absolute',
  verdict,
  ...extra,
});

/**
 * A stage built from latencies (ms) per 1-s window, as the engine would report it: each window with
 * its encoded histogram and percentiles, the whole-run figures from all of them together.
 */
export function sampledStage(windows: number[][], overrides: Partial<StageReport> = {}): StageReport {
  const whole = createHistogram();
  const timeline: TimelineWindow[] = windows.map((latencies, t) => {
    const h = createHistogram();
    for (const ms of latencies) recordMs(h, ms);
    whole.add(h);
    const s = summarize(h);
    return {
      t,
      rps: latencies.length,
      p50: s.p50,
      p90: s.p90,
      p95: s.p95,
      p99: s.p99,
      max: s.max,
      mean: s.mean,
      requests: latencies.length,
      errors: 0,
      active: 3,
      late_sends: 0,
      loop_lag_ms: 0,
      histogram: encodeHistogram(h),
    };
  });
  const requests = whole.totalCount;
  return stage({
    requests,
    rps: requests / Math.max(1, windows.length),
    duration_s: windows.length,
    latency_ms: summarize(whole),
    timeline,
    histogram: encodeHistogram(whole),
    status_codes: { '200': requests },
    ...overrides,
  });
}

/** `perWindow` latencies (ms) per window for `n` windows: 4 ms plus an exponential extra of mean 2 ms. */
export function jitterWindows(n: number, perWindow: number, seed: number, shape: (ms: number, window: number, i: number) => number = (ms) => ms): number[][] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, w) => Array.from({ length: perWindow }, (_, i) => shape(4 - 2 * Math.log(1 - r()), w, i)));
}
