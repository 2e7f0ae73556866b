/**
 * Everything one stage measures, recorded straight from the run loop: the stage histogram, one per
 * endpoint, the 1-second timeline, error kinds and status codes. No per-request objects are kept.
 */
import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, recordMs } from './histogram.js';
import { Timeline } from './timeline.js';
import { ERROR_KINDS, type ErrorKind } from '../model/records.js';

/** What a WebSocket stage measures besides message latency. */
export class WsMetrics {
  /** TCP connect + HTTP upgrade, per successful (re)connect. */
  readonly connect = createHistogram();
  /** Stream: time between consecutive messages on one connection. */
  readonly gap = createHistogram();
  /** Stream: receive time − the server's timestamp (when the plan names its field). */
  readonly lag = createHistogram();
  /** Closes perf-gate did not ask for, by close code (1006: dropped without a close frame). */
  readonly closesByCode = new Map<number, number>();
  opened = 0;
  connectFailures = 0;
  reconnects = 0;
  /** Stream: messages received. */
  received = 0;
  /** Replies that matched no message (late replies of timed-out messages, server pushes). */
  unmatchedReplies = 0;
  /** Most connections open at once. */
  peakOpen = 0;
  /** Connections still open when the stage ended (survival). */
  openAtEnd = 0;

  noteClose(code: number): void {
    this.closesByCode.set(code, (this.closesByCode.get(code) ?? 0) + 1);
  }
}

export interface SecondsRange {
  min: number;
  max: number;
}

/** `a` widened to cover `b` (either may be missing). */
export function widenRange(a: SecondsRange | undefined, b: SecondsRange | undefined): SecondsRange | undefined {
  if (!a || !b) return a ?? b;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** A Retry-After header in seconds: delta-seconds, or an HTTP date counted from `nowMs`; undefined if neither. */
export function retryAfterSeconds(value: string, nowMs = Date.now()): number | undefined {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  // An HTTP date names its day and month; Date.parse alone would also take "-5" or "2".
  const at = /[a-z]/i.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - nowMs) / 1000));
}

/**
 * Requests that started within [fromMs, toMs) of the stage, on their own histogram: a stress
 * step, or the first and last tenth of a soak.
 */
export class SpanMetrics {
  readonly histogram = createHistogram();
  requests = 0;
  errors = 0;
  /** Requests at least (`strict`: more than) `ms` slow, counted as they complete (a stress step's early break). */
  readonly slow: Array<{ ms: number; strict: boolean; count: number }> = [];
  constructor(
    readonly fromMs: number,
    public toMs = Infinity,
  ) {}
}

export interface EndpointMetrics {
  name: string;
  requests: number;
  errors: number;
  histogram: Histogram;
}

export class StageMetrics {
  readonly histogram = createHistogram();
  readonly timeline: Timeline;
  readonly endpoints: EndpointMetrics[];
  readonly errorsByKind: Record<ErrorKind, number> = Object.fromEntries(ERROR_KINDS.map((k) => [k, 0])) as Record<ErrorKind, number>;
  readonly statusCodes = new Map<number, number>();
  /** A sample of transport error messages, so a report can say *why* connections failed. */
  readonly errorSamples = new Map<string, number>();
  requests = 0;
  errors = 0;
  retryAfterSeen = 0;
  /** The Retry-After values of the 429s that sent one, in seconds (parseable ones only). */
  retryAfterS?: SecondsRange;
  /** WebSocket stages only: connections, closes, reconnects, stream gaps and lag. */
  ws?: WsMetrics;
  /** Spans of the stage with histograms of their own (stress steps, soak tenths), never overlapping; usually none. */
  readonly spans: SpanMetrics[] = [];
  /** Sees every completion as it is recorded (`abort_when`, src/load/abort.ts); latency undefined for events. */
  observe?: (latencyMs: number | undefined, error: ErrorKind | undefined) => void;

  constructor(endpointNames: string[], maxLatencyMs: number) {
    this.timeline = new Timeline(maxLatencyMs);
    this.endpoints = endpointNames.map((name) => ({ name, requests: 0, errors: 0, histogram: createHistogram() }));
  }

  record(endpoint: number, startOffsetMs: number, latencyMs: number, status: number, error: ErrorKind | undefined): void {
    this.requests++;
    recordMs(this.histogram, latencyMs);
    const ep = this.endpoints[endpoint]!;
    ep.requests++;
    recordMs(ep.histogram, latencyMs);
    if (status !== 0) this.statusCodes.set(status, (this.statusCodes.get(status) ?? 0) + 1);
    if (error !== undefined) {
      this.errors++;
      ep.errors++;
      this.errorsByKind[error]++;
    }
    this.timeline.record(startOffsetMs, latencyMs, error);
    if (this.spans.length > 0) this.recordSpans(startOffsetMs, latencyMs, error !== undefined);
    this.observe?.(latencyMs, error);
  }

  /** Spans never overlap, and most requests fall in the newest: search from the end, stop at the first. */
  private recordSpans(startOffsetMs: number, latencyMs: number, isError: boolean): void {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const span = this.spans[i]!;
      if (startOffsetMs < span.fromMs || startOffsetMs >= span.toMs) continue;
      span.requests++;
      if (isError) span.errors++;
      recordMs(span.histogram, latencyMs);
      for (const w of span.slow) if (w.strict ? latencyMs > w.ms : latencyMs >= w.ms) w.count++;
      return;
    }
  }

  /**
   * An error that is not a measured request (ws: a connection closed under a stream or a held
   * connection, a stream's refused connect): counted in errors and its window, not in latency.
   */
  recordEvent(endpoint: number, offsetMs: number, error: ErrorKind): void {
    this.errors++;
    this.errorsByKind[error]++;
    this.endpoints[endpoint]!.errors++;
    this.timeline.noteError(offsetMs, error);
    this.observe?.(undefined, error);
  }

  /** Session steps (login...) count for their endpoint only, not in the stage's totals. */
  recordSessionStep(endpoint: number, latencyMs: number, error: ErrorKind | undefined): void {
    const ep = this.endpoints[endpoint]!;
    ep.requests++;
    recordMs(ep.histogram, latencyMs);
    if (error !== undefined) ep.errors++;
  }

  /** A user whose session failed: an error of kind `session` (not a request: no latency, no request count). */
  recordSessionFailure(offsetMs: number): void {
    this.errors++;
    this.errorsByKind.session++;
    this.timeline.noteError(offsetMs, 'session');
    this.observe?.(undefined, 'session');
  }

  /** A 429 sent Retry-After: counted, and its value kept as the range seen (perf-gate never retries). */
  noteRetryAfter(value: string): void {
    this.retryAfterSeen++;
    const seconds = retryAfterSeconds(value);
    if (seconds !== undefined) this.retryAfterS = widenRange(this.retryAfterS, { min: seconds, max: seconds });
  }

  noteErrorMessage(message: string): void {
    if (this.errorSamples.size < 10 || this.errorSamples.has(message)) {
      this.errorSamples.set(message, (this.errorSamples.get(message) ?? 0) + 1);
    }
  }
}

/**
 * Adds `from` into `into` (same endpoints, in the same order): histograms add without loss, counts
 * sum. For stages run in parts (A/B rounds); the timelines are the caller's to join.
 */
export function addStageMetrics(into: StageMetrics, from: StageMetrics): void {
  into.histogram.add(from.histogram);
  into.requests += from.requests;
  into.errors += from.errors;
  into.retryAfterSeen += from.retryAfterSeen;
  into.retryAfterS = widenRange(into.retryAfterS, from.retryAfterS);
  from.endpoints.forEach((e, i) => {
    const target = into.endpoints[i]!;
    target.requests += e.requests;
    target.errors += e.errors;
    target.histogram.add(e.histogram);
  });
  for (const k of ERROR_KINDS) into.errorsByKind[k] += from.errorsByKind[k];
  for (const [code, n] of from.statusCodes) into.statusCodes.set(code, (into.statusCodes.get(code) ?? 0) + n);
  for (const [message, n] of from.errorSamples) {
    if (into.errorSamples.size < 10 || into.errorSamples.has(message)) into.errorSamples.set(message, (into.errorSamples.get(message) ?? 0) + n);
  }
  if (from.ws) {
    const w = (into.ws ??= new WsMetrics());
    const f = from.ws;
    w.connect.add(f.connect);
    w.gap.add(f.gap);
    w.lag.add(f.lag);
    for (const [code, n] of f.closesByCode) w.closesByCode.set(code, (w.closesByCode.get(code) ?? 0) + n);
    w.opened += f.opened;
    w.connectFailures += f.connectFailures;
    w.reconnects += f.reconnects;
    w.received += f.received;
    w.unmatchedReplies += f.unmatchedReplies;
    w.peakOpen = Math.max(w.peakOpen, f.peakOpen);
    // Survival is what the last part left open.
    w.openAtEnd = f.openAtEnd;
  }
}
