/**
 * report.json (SPEC §3): the document `run` writes, `--baseline` reads back, `compare` and `merge`
 * consume. Additive changes keep `schema: 1`; a breaking change bumps it.
 */
import type {
  AbortTrigger,
  BurstCycle,
  ErrorKind,
  FlowOutcome,
  GeneratorHealth,
  LatencySummary,
  Protocol,
  ReferenceLatency,
  SpikeOutcome,
  StageBand,
  StageResources,
  TimelineWindow,
  WsMode,
} from './records.js';

export const REPORT_SCHEMA = 1;

/** Errors by kind as report.json keeps them (`session` is newer than schema 1: absent in older files). */
export type ErrorCounts = Record<Exclude<ErrorKind, 'session'>, number> & Partial<Record<'session', number>>;

export type Verdict = 'pass' | 'warn' | 'fail';

export interface EndpointReport {
  name: string;
  requests: number;
  errors: number;
  latency_ms: Pick<LatencySummary, 'p50' | 'p95' | 'p99'>;
  /** Shard reports only: the endpoint's histogram (encoded as StageReport.histogram), for an exact merge. */
  histogram?: string;
}

/** Shard reports only (`run --shard`): what `merge` needs, besides the histograms, to recompute a stage exactly. */
export interface MergeInputs {
  /** The time `rps` is over: the planned sending time (or the time run, if cut short); a burst's wall time. */
  sending_s: number;
  /** spike: when the ramp up starts and when the rate drops back, ms from the stage start (for `recovery`). */
  spike_ms?: { start: number; drop: number };
  /** protocol ws: the connect, gap and lag histograms behind connect_ms, gap_ms and lag_ms. */
  ws_histograms?: { connect: string; gap: string; lag: string };
}

export interface StageReport {
  name: string;
  kind: string;
  protocol: Protocol;
  /** Wall time of the stage including the drain of the last responses. */
  duration_s: number;
  requests: number;
  /** errors and error_rate are null in an imported stage whose file had no failure count (k6 before v0.31). */
  errors: number;
  error_rate: number;
  /** Completed requests per second over the stage's planned sending time. */
  rps: number;
  latency_ms: LatencySummary;
  /** By kind; `session` only in reports that had it (older reports and imports have no such key). */
  errors_by_kind: ErrorCounts;
  status_codes: Record<string, number>;
  endpoints: EndpointReport[];
  timeline: TimelineWindow[];
  histogram: string;
  generator_saturated: boolean;
  late_sends: number;
  dropped: number;
  generator: GeneratorHealth;
  retry_after_seen: number;
  /** The Retry-After values the 429s carried, in seconds (absent when none had a readable one). */
  retry_after_s?: { min: number; max: number };
  /** Open-model stages: sends the schedule asked for. */
  scheduled?: number;
  cycles?: BurstCycle[];
  spike?: SpikeOutcome;
  /**
   * Runner speed around the stage: wall time of a fixed CPU task on every core, measured before
   * and after it (the lower kept). Against the baseline's, it tells a slower machine from slower code.
   */
  cpu_probe_ms?: number;
  /**
   * perf-gate's reference server on loopback, timed during the stage (and idle just before it):
   * the latency the runner itself added, which the gate compares with the baseline's to size an
   * excuse in milliseconds (src/load/reference.ts, src/gate/excuse.ts).
   */
  reference?: ReferenceLatency;
  /** Worker threads the stage ran on (`workers:`), when more than one: the figures are their sum. */
  workers?: number;
  /** A few distinct transport error messages with counts (why connections failed). */
  error_samples?: Record<string, number>;
  /** protocol ws: how the messages were used (request_reply, stream, connect). */
  ws_mode?: WsMode;
  /** protocol ws: TCP connect + upgrade of every successful (re)connect. */
  connect_ms?: LatencySummary;
  /** protocol ws: closes perf-gate did not ask for, by close code ("1006": dropped without a close frame). */
  closes_by_code?: Record<string, number>;
  /** protocol ws: reconnect attempts (after a close or a failed connect; capped by reconnect.max). */
  reconnects?: number;
  /** protocol ws: connections planned, opened (incl. reconnects), failed to open, most open at once, open at the end. */
  connections?: { planned: number; opened: number; failed: number; peak: number; open_at_end: number };
  /** protocol ws, request_reply: replies that answered no message (late replies of timed-out ones, pushes). */
  unmatched_replies?: number;
  /** protocol ws, stream: messages received per second over the stage. */
  messages_per_s?: number;
  /** protocol ws, stream: time between consecutive messages on a connection. */
  gap_ms?: LatencySummary;
  /** protocol ws, stream with timestamp_field: receive time − the server's timestamp. */
  lag_ms?: LatencySummary;
  /** Shard reports only. */
  merge_inputs?: MergeInputs;
  /**
   * An `abort_when` rule (or the default `target_down` rule) ended the stage early: which rule, when
   * (s into the stage) and why. Later stages were skipped, and the gate fails (check metric `abort_when`).
   */
  aborted?: AbortTrigger;
  /**
   * `compare --from k6|locust`: the tool that measured this stage, and the figures its file did not
   * hold ("p99" when k6's summaryTrendStats has no p(99); "endpoint X errors"). Those are null in
   * the stage (latency_ms.p99, an endpoint's errors): shown as "—", never gated, never invented.
   * Such a stage has no histogram ("") and no windows for a noise estimate: regressions on it are
   * point comparisons (method "point (imported)").
   */
  imported?: {
    tool: 'k6' | 'locust';
    missing: string[];
    /** k6's own thresholds from the script's options, as k6 judged them (shown, not gated: k6's exit code already says). */
    tool_thresholds?: Array<{ metric: string; rule: string; ok: boolean }>;
    /** What the reader assumed or could not cover: a file read as GBK, a history shorter than the run. */
    notes?: string[];
    /** Locust's PREFIX_failures.csv / PREFIX_exceptions.csv: the most frequent errors (memory addresses merged). */
    failures?: { from: string; rows: number; total: number; distinct: number; top: Array<{ error: string; count: number }> };
    exceptions?: { from: string; rows: number; total: number; distinct: number; top: Array<{ error: string; count: number }> };
    /** k6 custom Trend metrics (`contains: time`), ms; null for a statistic the file lacks. Rules name them `trend:NAME`. */
    trends?: Record<string, LatencySummary>;
  };
  /** kind stress: the steps and the breaking point (src/load/stress.ts). */
  stress?: StressOutcome;
  /** kind soak: p95 drift between the first and last tenth, and the target's memory when sampled. */
  soak?: SoakOutcome;
  /**
   * The plan has session steps: users that ran them, those whose session failed (each an error of
   * kind `session`), and how the first failure went. All failed: the gate fails (check `sessions`).
   */
  sessions?: { users: number; failed: number; step?: string; status?: number; reason?: string; sample?: string };
  /** Requests never sent because a value they need (a capture) had none: how many, and which values. */
  unsent?: { count: number; missing: string[] };
  /** `setup:` requests as they went (sent once before the stage, not measured). */
  setup?: FlowOutcome[];
  /** `verify:` requests as they went (sent once after the stage drained): each is a check of kind `verify`. */
  verify?: FlowOutcome[];
  /**
   * What the app under test spent during the stage's measured time (CPU per request, % of a core,
   * memory), read from its processes or cgroup (src/load/resources.ts); absent when perf-gate did not
   * start the target and the plan names no target.process. Each timeline window has its cpu_ms and rss_mb.
   */
  resources?: StageResources;
}

/** One step of a stress stage: a rate (or a number of users) held for `every`. */
export interface StressStep {
  /** 0-based. */
  index: number;
  /** The step's rate (req/s, open model) or users (closed model): the unit is StressOutcome.unit. */
  level: number;
  /** Seconds into the stage the step started, and how long it ran. */
  start_s: number;
  duration_s: number;
  requests: number;
  errors: number;
  error_rate: number;
  rps: number;
  latency_ms: Pick<LatencySummary, 'p50' | 'p95' | 'p99'>;
  /** Every break condition held in this step. */
  passed: boolean;
  /** The conditions this step broke, as written: `p95 < 200ms (was 412 ms)`. */
  broke?: string[];
  /** Open model: sends skipped because max_in_flight requests were outstanding (a step that drops sends breaks). */
  dropped?: number;
  /** Open model: the step stopped sending before its end because its break was already certain. */
  ended_early?: boolean;
}

export interface StressOutcome {
  /** 'rps': the steps are open-model rates; 'vus': closed-model users. */
  unit: 'rps' | 'vus';
  from: number;
  /** 0 when the plan listed the levels (`levels`). */
  step: number;
  every_s: number;
  max: number;
  /** The levels as the plan listed them (`vus: [10, 50, 100]`); absent when it stepped from/step/max. */
  levels?: number[];
  /** The conditions each step is judged by, as written (`p95 < 200ms`). */
  until: string[];
  steps: StressStep[];
  /** The level of the last step that passed; null when the first step already broke. */
  breaking_point: number | null;
  /** The level of the first step that broke; null when none broke (max reached). */
  broke_at: number | null;
  reached_max: boolean;
}

export interface SoakOutcome {
  /** p95 of the first and last tenth of the stage (by request start time), and the change in %. */
  drift: { first_p95: number; last_p95: number; delta_pct: number | null };
  /**
   * The target's resident memory before and after: from its Prometheus metrics (process_resident_memory_bytes;
   * `url` is the page), or, without a metrics page, from the app's resource source (`url` names it).
   */
  memory?: { url: string; before_bytes: number | null; after_bytes: number | null; growth_pct: number | null; error?: string };
}

/** A finding of the diagnosis rules (src/report/diagnose.ts): what the run says, and the figures that say it. */
export interface Diagnosis {
  /** Stable id of the rule: 'rate-limited', 'timeouts-climb', 'saturation', 'errors-begin', 'connection-exhaustion', 'spike-not-recovered', … */
  id: string;
  stage: string;
  severity: 'info' | 'warn';
  /** One sentence. */
  title: string;
  /** The figures behind it, each a short phrase with numbers. */
  evidence: string[];
  /** Seconds into the stage the finding points at (a moment, a saturation point), when it has one. */
  at_s?: number;
}

export interface Check {
  stage: string;
  metric: string;
  /** `verify`: a stage's verify request (or a failed setup request), judged on what the app answered. */
  kind: 'threshold' | 'regression' | 'verify';
  baseline?: number | null;
  current: number | null;
  /** Relative change in %, null when the baseline is 0. */
  delta_pct?: number | null;
  /** error_rate rules: absolute change in percentage points. */
  delta_pp?: number;
  limit: string;
  interval_pct?: [number, number];
  interval_pp?: [number, number];
  method: string;
  significant?: boolean;
  verdict: Verdict;
  note?: string;
  /** Band rules ("+3σ", "band"): the past runs' median ± k·σ̂ the run was judged against. */
  band?: { n: number; median: number; sigma: number; lo: number; hi: number };
  /** Band rules: (current − median) / σ̂, 2 decimals. */
  position_sigma?: number;
  /** A failed regression re-run once (`confirm`): what the second run measured. */
  confirmation?: Pick<Check, 'verdict' | 'current' | 'delta_pct' | 'delta_pp' | 'interval_pct' | 'interval_pp'>;
  /** A failure a maintainer accepted (PR label): shown as a warning, never dropped. */
  accepted?: boolean;
  /** A failure the machine, not the code, explained once its part was taken off (src/gate/excuse.ts): shown as a warning. */
  untrusted?: UntrustedReason;
  /**
   * A failed check of which the machine may explain a part (src/gate/excuse.ts): what that part was
   * and what remained, judged by the same rule (the verdict says how that came out).
   */
  excuse?: {
    by: UntrustedReason;
    /** ms the runner added at this percentile, from perf-gate's reference server. */
    runner_ms?: number;
    /** Regression rules: the part of delta_pct the runner accounts for, and the change that remains with its interval. */
    explained_pct?: number;
    remaining_pct?: number;
    remaining_interval_pct?: [number, number];
    /** Thresholds and band rules: the value that remains (ms, or an error rate as a fraction). */
    remaining?: number;
  };
}

export type UntrustedReason = 'generator-saturated' | 'runner-slower' | 'runner-busier';

export interface RunnerInfo {
  os: string;
  arch: string;
  cpu: string;
  cores: number;
  node: string;
}

export interface BaselineRef {
  /** "perf/baseline.json", "branch perf-gate-data". */
  source: string;
  started_at: string;
  target: string;
  /** The commit the baseline was measured on, when the store knows it. */
  commit?: string;
  /** One sentence: what was compared with what, and anything that differs (plan shape, runner). */
  explanation?: string;
}

/** One stage, request or the websocket block: field → value as a plan writes it (durations as "30s"). */
export type ShapeFields = Record<string, string | number | boolean>;

/** A plan's load shape (requests as written, stages as parsed); each entry has its `name`. */
export interface PlanShape {
  stages: ShapeFields[];
  requests: ShapeFields[];
  session: ShapeFields[];
  websocket?: ShapeFields;
}

export interface Report {
  tool: 'perf-gate';
  version: string;
  schema: number;
  verdict: Verdict;
  plan: string;
  target: string;
  started_at: string;
  duration_s: number;
  /** The run was interrupted (Ctrl-C, job cancelled): stages are partial or missing. */
  cancelled: boolean;
  /** Why the run (or a stage of it) ended before the plan did, whichever mechanism ended it (src/model/stop.ts). */
  stopped?: EarlyStop;
  runner: RunnerInfo;
  /** What decides comparability: the plan's load shape and the runner's hardware. */
  fingerprints?: { plan: string; runner: string };
  /** The load shape the plan fingerprint hashes, readable: a refused baseline names what changed. */
  shape?: PlanShape;
  /** What this run was compared with, when anything. */
  baseline?: BaselineRef | null;
  stages: StageReport[];
  checks: Check[];
  /** Where this run falls in each metric's stored history (median ± k·σ̂ of past runs). */
  bands?: StageBand[];
  /** The past runs read for band rules and the trend: from where, how many, and what was passed over and why. */
  history?: { source: string; runs: number; left_out?: Record<string, number> };
  /** Regressions accepted by a maintainer (a PR label): the failures are warnings, listed here. */
  accepted?: { reason: string; checks: number };
  /**
   * `run --shard i/n`: this report holds shard `index` of `count` of the plan's load, with the
   * histograms `merge` needs. Not gated (a shard's numbers are not the plan's).
   */
  shard?: { index: number; count: number };
  /** `merge`: the shard reports this one was merged from. */
  merged_from?: Array<{ index: number; started_at: string; target: string; runner: RunnerInfo }>;
  /** A/B runs (`perf-gate ab`): the base side, measured in the same rounds as `stages` (the head). */
  ab?: {
    base_target: string;
    rounds: Record<string, number>;
    base_stages: StageReport[];
    /** `ab --base-ref`: the commits the two sides were built from (the head: the checkout's HEAD). */
    base_commit?: string;
    head_commit?: string;
  };
  /** What the run says (diagnosis rules over the stages' metrics), most important first. */
  diagnoses?: Diagnosis[];
  /** `compare --from k6|locust`: the results came from another tool's output, not from perf-gate's engine. */
  imported?: { tool: 'k6' | 'locust'; file: string };
}

/**
 * One record of an early end, whatever ended it: a `limits:` cap (the run stopped), an `abort_when`
 * rule or the engine's own stop (the stage ended, later ones skipped), a stress stage's certain
 * break (its step ended early; the plan goes on), or a cancel (Ctrl-C, a cancelled job).
 */
export interface EarlyStop {
  by: 'limit' | 'abort_when' | 'break' | 'cancel';
  /** The stage that was running; absent for a cancel between stages. */
  stage?: string;
  /** What ended it, as the plan or the run says: `limits.max_requests`, `error_rate > 50% for 2s`, `p95 < 200ms`, `cancel`. */
  rule: string;
  /** Seconds into the stage, when known. */
  at_s: number | null;
  /** One sentence. */
  reason: string;
}
