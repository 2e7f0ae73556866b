/** Metrics a threshold or regression rule can name. */
import type { Protocol, WsMode } from '../model/records.js';
export type { Protocol, WsMode };
export type LatencyMetric = 'min' | 'mean' | 'p50' | 'p90' | 'p95' | 'p99' | 'p999' | 'max';
export type Metric = LatencyMetric | 'error_rate' | 'rps' | 'requests' | 'errors' | 'recovery' | StageOutcomeMetric | ResourceMetric;

/**
 * Metrics only one stage kind measures: `breaking_point` (stress: the level of the last passing
 * step), `drift` and `memory_growth` (soak: p95 last tenth vs first, resident memory after vs before, in %).
 */
export type StageOutcomeMetric = 'breaking_point' | 'drift' | 'memory_growth';

/** What the app spends (a resource source: target.start's process group or target.process): CPU ms per request, peak memory in MiB. */
export type ResourceMetric = 'cpu_per_request' | 'rss_peak';

export interface Expect {
  /** Accepted status codes; empty/undefined = any 2xx/3xx. */
  status?: number[];
  /** The body must contain this text (a template). */
  bodyContains?: string;
  /** `json: { "$.stock": 0, "$.sold": ">= 1" }`: values at JSONPaths of the JSON body (verify requests). */
  json?: JsonExpectation[];
}

/** One `expect.json` entry: the value at `path` equals `value` (op "="), or compares with it as a number. */
export interface JsonExpectation {
  path: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=';
  /** A literal to equal (any JSON value), or the number a rule compares with. */
  value: unknown;
  /** As written: `">= 0"`, or the literal's JSON. */
  raw: string;
  /** A literal to equal as JSON (op "="), not a rule string. */
  literal?: true;
}

/** `data:` at the top level: rows a request reads as `${NAME.COLUMN}`. */
export interface DataSet {
  name: string;
  /** As written in the plan (relative to the plan's folder). */
  file: string;
  /**
   * sequential: closed-model user N takes row N (wrapping), open-model requests take the rows in
   * order; random: any row, drawn anew; unique: each row once in the whole run, then an error.
   */
  pick: 'sequential' | 'random' | 'unique';
  columns: string[];
  /** Values by row, in `columns` order (CSV cells as text, JSON values as their text). */
  rows: string[][];
}

export interface RequestSpec {
  name: string;
  method: string;
  /** Path (template), appended to the target URL. */
  path: string;
  weight: number;
  /** Lower-cased header names; values are templates. Already merged over `defaults.headers`. */
  headers: Record<string, string>;
  /** Raw body template, or the JSON body (object whose strings are templates). */
  body?: string;
  json?: unknown;
  expect?: Expect;
  /** variable name -> JSONPath subset (`$.a.b[0]`) into the JSON response body. */
  capture?: Record<string, string>;
  timeoutMs: number;
}

interface StageBase {
  name: string;
  protocol: Protocol;
  /** Cap on requests in flight (open model); sends past it are counted as dropped. */
  maxInFlight: number;
  /** protocol: ws only: WebSocket connections the stage opens (default 1). */
  connections?: number;
  /** Set by `run --shard i/n` (src/load/shard.ts): the counts above are then this shard's part. */
  share?: StageShare;
  /**
   * HTTP load, spike and burst stages: worker threads the stage runs on (src/load/workers.ts),
   * `auto` = the cores the process may use, resolved when the stage starts. Absent = 1 (one thread),
   * so plans without the key keep their fingerprint.
   */
  workers?: number | 'auto';
  /**
   * HTTP stages: requests sent on one connection before its first response returns (HTTP/1.1
   * pipelining, like autocannon's -p). The pool then opens 1/pipelining as many connections as the
   * stage has requests in flight. Absent = 1 (no pipelining).
   */
  pipelining?: number;
  /** `requests: [name, ...]`: the part of the top-level mix this stage draws from (weights kept); absent = all. */
  requests?: string[];
  /** Sent once before the stage's clock starts, not measured; their captures reach every user. */
  setup?: RequestSpec[];
  /** Sent once after the stage has drained, not measured; each is a check (kind `verify`). */
  verify?: RequestSpec[];
}

/** One shard's part of a stage: `index` of `count` (1-based). */
export interface StageShare {
  index: number;
  count: number;
  /**
   * Nothing of the stage falls to this shard (a baseline stage on shards 2..n, fewer users than
   * shards): it waits out the stage's planned time, so the shards stay in step, and reports it empty.
   */
  idle: boolean;
}

export interface BaselineStage extends StageBase {
  kind: 'baseline';
  durationMs: number;
}

export interface OpenLoadStage extends StageBase {
  kind: 'load';
  model: 'open';
  /** Requests per second at full rate. */
  rate: number;
  /** Linear ramp from 0 to `rate`, included in `durationMs`. */
  rampMs: number;
  durationMs: number;
}

export interface ClosedLoadStage extends StageBase {
  kind: 'load';
  model: 'closed';
  vus: number;
  /** Users start evenly over `rampMs`, included in `durationMs`. */
  rampMs: number;
  thinkMs: number;
  durationMs: number;
}

export interface SpikeStage extends StageBase {
  kind: 'spike';
  fromRate: number;
  toRate: number;
  /** Time at `fromRate` before the ramp: the pre-spike reference for `recovery`. */
  beforeMs: number;
  rampMs: number;
  holdMs: number;
  /** Time back at `fromRate` after the drop, in which recovery is looked for. */
  afterMs: number;
}

export interface BurstStage extends StageBase {
  kind: 'burst';
  size: number;
  cycles: number;
  pauseMs: number;
}

/**
 * Step the load up every `everyMs` (open model: the rate, req/s; closed: users) from `from` by
 * `step` (or through the listed `levels`) while each step passes its break conditions and the next
 * step stays within `max`.
 */
export interface StressStage extends StageBase {
  kind: 'stress';
  model: 'open' | 'closed';
  from: number;
  /** 0 when `levels` lists the steps. */
  step: number;
  max: number;
  /** `vus: [10, 50, 100]` / `rate: [50/s, 200/s]`: the steps' levels as listed (from = first, max = last). */
  levels?: number[];
  everyMs: number;
  /** Closed model: pause between a user's requests. */
  thinkMs: number;
  /**
   * What a step must meet (latency percentiles, error_rate): `until:`, or, when the stage has none,
   * the plan's latency and error_rate thresholds for this stage and "*" (resolved at load).
   */
  until: ThresholdRule[];
  /** Where `until` came from: the stage's own `until:`, or the plan's thresholds (then they judge the steps, not the stage). */
  untilFrom: 'until' | 'thresholds';
}

/** A steady load held long (a load stage in every respect) that also reports drift and the target's memory. */
export type SoakStage = SoakOf<OpenLoadStage> | SoakOf<ClosedLoadStage>;
type SoakOf<T> = Omit<T, 'kind'> & {
  kind: 'soak';
  /** A path on the target serving Prometheus text (process_resident_memory_bytes), read before and after. */
  metricsPath?: string;
};

export type StageSpec = BaselineStage | OpenLoadStage | ClosedLoadStage | SpikeStage | BurstStage | StressStage | SoakStage;

export type Comparison = '<' | '<=' | '>' | '>=';

/** `p95: "< 200ms"` → { metric: 'p95', op: '<', value: 200, raw: '< 200ms' }. */
export interface ThresholdRule {
  metric: Metric;
  op: Comparison;
  /** In the metric's unit: ms for latency and recovery, fraction for error_rate, req/s for rps. */
  value: number;
  raw: string;
}

/**
 * `p95: "+15%"` → worse when it rises by more than 15 %; `rps: "-10%"` → worse when it falls by more
 * than 10 %; `error_rate: "+0.5pp"` → worse when it rises by more than 0.5 percentage points.
 * `p95: "+3σ"` → worse when it rises above median + 3σ̂ of the past runs (σ̂ = 1.4826·MAD), judged
 * against the history, not one baseline; `band` is "+3σ" on the worse side ("-3σ" for rps).
 */
export interface RegressionRule {
  metric: Metric;
  direction: 'increase' | 'decrease';
  unit: 'pct' | 'pp' | 'sigma';
  /** Positive: 15 for "+15%", 0.005 for "+0.5pp" (a fraction), 3 for "+3σ" or "band" (k). */
  amount: number;
  raw: string;
}

export interface TargetSpec {
  url: string;
  /** `ab --base-ref`: a shell command run in each side's tree (base worktree, head checkout) before `start`. */
  build?: string;
  start?: string;
  ready?: string;
  readyTimeoutMs: number;
  /** `allow_remote: true`: load may go to a host that is not loopback (src/load/destination.ts). */
  allowRemote?: boolean;
  /**
   * `process: { pid_file: PATH }` or `{ cgroup: PATH }`: where to read what the app spends (CPU,
   * memory) when perf-gate did not start it, or to read a narrower part than the whole start group.
   * Paths are relative to the working directory (where `target.start` runs).
   */
  process?: { pidFile: string } | { cgroup: string };
}

/** Metrics an `abort_when` rule can watch (per second, by completion time; src/load/abort.ts). */
export type AbortMetric = 'error_rate' | 'connect_error_rate' | 'p50' | 'p90' | 'p95' | 'p99' | 'max';

/**
 * `abort_when` rule: end the stage (and skip the rest of the plan) once `metric op value` has held
 * for `forMs`, not looking before `delayMs` into the stage (k6's abortOnFail + delayAbortEval).
 */
export interface AbortRule {
  metric: AbortMetric;
  op: '>' | '>=';
  /** In the metric's unit: a fraction for the error rates, ms for latencies. */
  value: number;
  forMs: number;
  delayMs: number;
  /** Only these stages (by name); undefined = every stage. */
  stages?: string[];
  /** As the report shows it: `error_rate > 50% for 2s`. */
  raw: string;
}

/** What ends a stage early: the plan's rules, and the always-on "target down" rule unless turned off. */
export interface AbortPolicy {
  rules: AbortRule[];
  targetDown: boolean;
}

export interface Plan {
  version: 1;
  /** The file the plan came from (as given), used in messages and report.json. */
  file: string;
  target: TargetSpec;
  defaults: { timeoutMs: number; headers: Record<string, string> };
  session: RequestSpec[];
  requests: RequestSpec[];
  /** `data:` sets by name, rows read at load. Never part of the fingerprint (only which set a request names is). */
  data?: Record<string, DataSet>;
  /** The `websocket:` block: what stages with `protocol: ws` do. */
  websocket?: WebSocketSpec;
  stages: StageSpec[];
  /** Stage name or "*" -> rules. */
  thresholds: Record<string, ThresholdRule[]>;
  /** Undefined when the plan has no `regression:` section (the gate's defaults apply). */
  regression?: RegressionRule[];
  /** `abort_when:`; undefined = the default (only the "target down" rule). Not part of the fingerprint. */
  abortWhen?: AbortPolicy;
  /**
   * Values to hide in every output (plan/secrets.ts): set by parsePlan. Not part of the load shape,
   * so never in the plan fingerprint; never written anywhere.
   */
  secrets?: string[];
  /**
   * The requests as written (`${ENV}` names, not their values; src/plan/as-written.ts), set by
   * parsePlan: what the plan fingerprint hashes in place of the substituted strings.
   */
  templates?: PlanTemplates;
  /**
   * Runaway caps (`limits:`, defaults in src/plan/check-limits.ts). Kept out of the stages, so they
   * never change the plan's fingerprint.
   */
  limits: PlanLimits;
}

/** The strings of requests and the websocket block that may hold `${ENV}`, as written. */
export interface PlanTemplates {
  requests: Array<Pick<RequestSpec, 'name' | 'method' | 'path'>>;
  session: Array<Pick<RequestSpec, 'name' | 'method' | 'path'>>;
  websocket?: Pick<WebSocketSpec, 'path' | 'subscribe' | 'expectReply'>;
}

/** The most a run may do unless the plan's `limits:` raises it. */
export interface PlanLimits {
  /** The whole run's wall time (stages summed at load; the clock at run time). */
  maxDurationMs: number;
  /** Requests (and ws messages) sent in the whole run. */
  maxRequests: number;
  /** Per stage: users, connections, a burst's size, requests in flight. */
  maxConnections: number;
  /** Peak open-model rate, requests per second. */
  maxRate: number;
}

/**
 * How a reply is matched to the message it answers: the reply contains a text (a template filled
 * with the sent message's values), matches a regex (a template too), or carries the same value in a
 * JSON field as the sent message. Without a matcher the oldest unanswered message is answered.
 */
export type ReplyMatcher = { match: string } | { regex: string } | { jsonField: string };

export interface WebSocketSpec {
  /** Path (template) appended to the target URL, whose scheme becomes ws:// or wss://. */
  path: string;
  /** Lower-cased names; values are templates (`${token}` from the session). */
  headers: Record<string, string>;
  subprotocols: string[];
  mode: WsMode;
  /** request_reply: the message template (`${seq}`, captured values). */
  send?: string;
  expectReply?: ReplyMatcher;
  /** stream: sent once on every (re)opened connection. */
  subscribe?: string;
  /** stream: JSONPath of the server's send time (ms since the epoch), for lag. */
  timestampField?: string;
  /** Reconnects per connection after a close or a failed connect; backoff doubles per failed attempt. */
  reconnect: { max: number; backoffMs: number };
  /** Reply timeout and handshake timeout (websocket.timeout, else defaults.timeout). */
  timeoutMs: number;
}
