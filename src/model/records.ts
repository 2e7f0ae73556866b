/**
 * What the engine records about a stage, as report.json keeps it: the records the load engine
 * fills in and the report carries, defined here (below both) so neither layer needs the other's
 * types, and editing an engine type cannot change report.json unseen. Pure types; nothing of ours.
 */

/**
 * `closed_abnormally`: a WebSocket the server or network closed during the stage (ws stages only).
 * `session`: a user whose session step missed its `expect` or its capture (one per user, not a request).
 */
export type ErrorKind = 'timeout' | 'connect' | 'http_4xx' | 'http_5xx' | 'rate_limited' | 'check' | 'closed_abnormally' | 'session';

export const ERROR_KINDS: readonly ErrorKind[] = ['timeout', 'connect', 'http_4xx', 'http_5xx', 'rate_limited', 'check', 'closed_abnormally', 'session'];

export interface BurstCycle {
  cycle: number;
  /** From the release to the last response of the cycle. */
  duration_ms: number;
  successes: number;
  errors: number;
}

export interface GeneratorHealth {
  /** Sends dispatched more than LATE_SEND_MS after their scheduled time. */
  late_sends: number;
  /** Sends skipped because `max_in_flight` requests were outstanding. */
  dropped: number;
  loop_lag_p99_ms: number;
  loop_lag_max_ms: number;
  /** perf-gate's CPU time over the stage's wall time, % of one core (all its threads); absent where not measured. */
  cpu_pct?: number;
  /** The generator, not the target, limited this stage: its numbers are not trustworthy. */
  saturated: boolean;
  reason?: string;
}

export interface SpikeOutcome {
  pre_p95_ms: number;
  peak_p95_ms: number;
  /** Time from the drop back to the low rate until a 1-s window's p95 is back within 20 % of pre-spike; null = never. */
  recovery_ms: number | null;
  /** Seconds into the stage the ramp up began and the rate dropped back (the diagnoses' after-spike windows, the HTML report's markers). */
  start_s?: number;
  drop_s?: number;
}

/** The reference server's latency (ms) during a stage and just before it. */
export interface ReferenceLatency {
  /** Probes answered during the stage. */
  requests: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  mean: number;
  /** Before the stage, with no load running: what the runner's neighbours alone add. */
  idle: { p50: number; p95: number; p99: number };
}

/** Why a stage ended early (report.json `stages[].aborted`). */
export interface AbortTrigger {
  /** The rule as written (`error_rate > 50% for 2s`), or `target_down` for the default rule. */
  rule: string;
  /** Seconds into the stage when it triggered. */
  at_s: number;
  reason: string;
}

/** How one setup or verify request went. */
export interface FlowOutcome {
  name: string;
  ok: boolean;
  /** The HTTP status (0: no response, or not sent). */
  status: number;
  /** What missed (empty when ok): "answered 500", "$.sold is 104, expected 100". */
  problems: string[];
  /** The start of the response body, when something missed. */
  sample?: string;
  /** What the request expected, as written: `200, $.stock = 0, $.sold = 100`. */
  expected: string;
}

/** Why the limits' backstop stopped a run. */
export interface RunStop {
  limit: 'max_requests' | 'max_duration';
  /** The limit, in requests or ms. */
  cap: number;
  /** Requests sent, or ms run, when it stopped. */
  value: number;
  /** The stage that was running. */
  stage: string;
  /** One sentence for the log and the report. */
  message: string;
}

/**
 * The plan after parsing and validation: every unit converted (ms, requests/s, fractions), every
 * `${ENV}` already substituted. Strings may still hold runtime placeholders (`${token}` from a
 * session capture, `${seq}`, `${vu}`), which the engine fills per request.
 */

export type Protocol = 'http' | 'ws';

/** How a ws stage uses its connections. */
export type WsMode = 'request_reply' | 'stream' | 'connect';

export interface LatencySummary {
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** A window's errors by kind, the kinds that occurred only (the diagnoses read them: 429s, timeouts, connects over time). */
export type KindCounts = Partial<Record<ErrorKind, number>>;

export interface TimelineWindow {
  /** Seconds since the stage started (window start). */
  t: number;
  /** Requests started in this window (and completed), per second. */
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  errors: number;
  /** Most users / requests in flight seen during the window. */
  active: number;
  /** Generator health: sends that left late, and the event-loop lag p99 sampled in this second. */
  late_sends: number;
  loop_lag_ms: number;
  /** The window's errors by kind; absent when it had none. */
  by_kind?: KindCounts;
  /** Open model: sends scheduled in this window that were dropped (max_in_flight outstanding); absent when none. */
  dropped?: number;
  /** Closed model: most users running (started, not finished) in the window; absent for other stages. */
  users?: number;
  /**
   * The window's histogram (encoded as StageReport.histogram): the regression rules resample whole
   * windows to measure a percentile's noise (gate/statistics.ts), and `merge` adds shards' windows exactly.
   */
  histogram?: string;
  /** The app's CPU time in this second (ms) and its memory at the second's end (MiB), when a resource source is read (src/metrics/resources.ts). */
  cpu_ms?: number;
  rss_mb?: number;
}

/** report.json `stages[].resources`. */
export interface StageResources {
  /** Where the figures come from: "process group 1234 (target.start)", "pid_file app.pid", "cgroup /sys/fs/cgroup/app". */
  source: string;
  /** The app's CPU time over the stage's measured span, per completed request (ms). */
  cpu_ms_per_request: number | null;
  /** The app's CPU time over the span as % of one core (200 = two cores busy). */
  cpu_pct: number | null;
  /** Highest memory read during the stage (MiB): RSS summed over the processes, or the cgroup's memory.current. */
  rss_mb_peak: number | null;
  /** Memory at the stage's start and end (MiB), and the change in %. */
  rss_mb_start?: number | null;
  rss_mb_end?: number | null;
  rss_growth_pct?: number | null;
  /** The app's CPU time over the span (ms). */
  cpu_ms?: number | null;
  /** cgroup memory.peak at the end: the cgroup's whole life, not this stage alone (MiB). */
  memory_peak_lifetime_mb?: number;
  /** Readings taken (about one a second, plus one at each end). */
  samples: number;
  /** Why the figures are missing (null) or partial: the first failed reading. */
  error?: string;
  /** Shards and workers: how the figures were put together, when not measured once. */
  note?: string;
}

export interface StageBand {
  stage: string;
  metric: string;
  n: number;
  median: number;
  sigma: number;
  current: number;
  position_sigma: number;
}
