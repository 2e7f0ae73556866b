/**
 * The 1-second timeline of a stage. A request belongs to the window of its (intended) start time,
 * so a stall shows up where users would have felt it, not where the responses trickled in.
 * Windows stay open while requests started in them may still complete, then roll into a summary
 * row; their histograms are reset and reused (a few dozen at most, so the fast flat-array layout
 * rather than the packed one), so memory stays flat however long the stage runs.
 */
import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, encodeHistogram, recordMs } from './histogram.js';
import type { ErrorKind } from '../model/records.js';
import type { KindCounts, TimelineWindow } from '../model/records.js';
export type { KindCounts, TimelineWindow };

/** A window's numeric columns: everything but a shard's histogram and the optional counts. */
export type WindowColumn = Exclude<keyof TimelineWindow, 'histogram' | 'by_kind' | 'dropped' | 'users' | 'cpu_ms' | 'rss_mb'>;

/** `counts` with one more `kind`, created on the first error (clean windows carry nothing). */
function countKind(counts: KindCounts | undefined, kind: ErrorKind): KindCounts {
  const c = counts ?? {};
  c[kind] = (c[kind] ?? 0) + 1;
  return c;
}

interface OpenWindow {
  index: number;
  hist: Histogram;
  requests: number;
  errors: number;
  active: number;
  late: number;
  lag: number;
  kinds: KindCounts | undefined;
  dropped: number;
  users: number;
}

const WINDOW_MS = 1000;
const windowIndex = (offsetMs: number): number => (offsetMs <= 0 ? 0 : Math.floor(offsetMs / WINDOW_MS));
const ms = (us: number): number => Math.round(us) / 1000;

export class Timeline {
  readonly windows: TimelineWindow[] = [];
  private readonly open = new Map<number, OpenWindow>();
  private readonly closed = new Map<number, TimelineWindow>();
  private readonly spare: Histogram[] = [];
  /** Windows this far behind the newest one can no longer receive results (request timeout). */
  private readonly keepOpen: number;
  private newest = -1;
  /** The window last written to. */
  private last: OpenWindow | undefined;

  /** `keepHistograms`: each row carries its window's encoded histogram (every stage's report; off in tests of the columns alone). */
  constructor(
    maxLatencyMs: number,
    private readonly keepHistograms = true,
  ) {
    // +3: margin for responses that outlive their timeout a little (sweeper tick, event-loop stalls).
    this.keepOpen = Math.ceil(maxLatencyMs / WINDOW_MS) + 3;
  }

  /** A completed request that started `startOffsetMs` after the stage began; `error`: how it failed, if it did. */
  record(startOffsetMs: number, latencyMs: number, error: ErrorKind | undefined): void {
    const late = this.closed.get(windowIndex(startOffsetMs));
    if (late) {
      // A straggler past the keep-open margin: counted in its window; its percentiles stay as rolled.
      late.requests++;
      late.rps += 1 / (WINDOW_MS / 1000);
      if (error !== undefined) {
        late.errors++;
        late.by_kind = countKind(late.by_kind, error);
      }
      if (latencyMs > late.max) late.max = Math.round(latencyMs * 1000) / 1000;
      return;
    }
    const w = this.windowAt(startOffsetMs);
    recordMs(w.hist, latencyMs);
    w.requests++;
    if (error !== undefined) {
      w.errors++;
      w.kinds = countKind(w.kinds, error);
    }
  }

  /**
   * The most users/requests active during the second ending at `nowOffsetMs`. Credited to the
   * window holding that second's middle, so a sampler tick that drifts late still lands right.
   */
  sampleActive(nowOffsetMs: number, active: number): void {
    const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
    if (active > w.active) w.active = active;
  }

  /**
   * A failure that is not a measured request (a WebSocket closed under its user, a stream's
   * connection refused): an error in the window where it happened, with no latency.
   */
  noteError(offsetMs: number, kind: ErrorKind): void {
    const late = this.closed.get(windowIndex(offsetMs));
    if (late) {
      late.errors++;
      late.by_kind = countKind(late.by_kind, kind);
      return;
    }
    const w = this.windowAt(offsetMs);
    w.errors++;
    w.kinds = countKind(w.kinds, kind);
  }

  /** A send scheduled at `offsetMs` was dropped: `maxInFlight` requests were outstanding. */
  noteDropped(offsetMs: number): void {
    const late = this.closed.get(windowIndex(offsetMs));
    if (late) late.dropped = (late.dropped ?? 0) + 1;
    else this.windowAt(offsetMs).dropped++;
  }

  /** Closed model: the users running at `nowOffsetMs`, credited like `sampleActive`. */
  sampleUsers(nowOffsetMs: number, users: number): void {
    const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
    if (users > w.users) w.users = users;
  }

  /** A send scheduled at `offsetMs` left late (the generator fell behind). */
  noteLate(offsetMs: number): void {
    this.windowAt(offsetMs).late++;
  }

  /** The generator's event-loop lag over the second ending at `nowOffsetMs`. */
  sampleLag(nowOffsetMs: number, lagMs: number): void {
    const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
    if (lagMs > w.lag) w.lag = lagMs;
  }

  /** Close every window; call once when the stage has drained. */
  finish(): TimelineWindow[] {
    for (const index of [...this.open.keys()].sort((a, b) => a - b)) this.close(index);
    this.windows.sort((a, b) => a.t - b.t);
    return this.windows;
  }

  private windowAt(offsetMs: number): OpenWindow {
    const index = windowIndex(offsetMs);
    // Most requests land in the window of the one before: no map lookup for them.
    if (this.last?.index === index) return this.last;
    let w = this.open.get(index);
    if (w) return (this.last = w);
    w = { index, hist: this.spare.pop() ?? createHistogram(), requests: 0, errors: 0, active: 0, late: 0, lag: 0, kinds: undefined, dropped: 0, users: 0 };
    this.open.set(index, w);
    this.last = w;
    if (index > this.newest) {
      this.newest = index;
      for (const old of this.open.keys()) if (old < index - this.keepOpen) this.close(old);
    }
    return w;
  }

  private close(index: number): void {
    const w = this.open.get(index);
    if (!w) return;
    this.open.delete(index);
    if (this.last === w) this.last = undefined;
    const h = w.hist;
    const empty = h.totalCount === 0;
    const row: TimelineWindow = {
      t: index * (WINDOW_MS / 1000),
      rps: w.requests / (WINDOW_MS / 1000),
      p50: empty ? 0 : ms(h.getValueAtPercentile(50)),
      p90: empty ? 0 : ms(h.getValueAtPercentile(90)),
      p95: empty ? 0 : ms(h.getValueAtPercentile(95)),
      p99: empty ? 0 : ms(h.getValueAtPercentile(99)),
      max: empty ? 0 : ms(h.getValueAtPercentile(100)), // bucket top, like the percentiles
      mean: empty ? 0 : ms(h.mean),
      requests: w.requests,
      errors: w.errors,
      active: w.active,
      late_sends: w.late,
      loop_lag_ms: Math.round(w.lag * 1000) / 1000,
    };
    if (w.kinds) row.by_kind = w.kinds;
    if (w.dropped > 0) row.dropped = w.dropped;
    if (w.users > 0) row.users = w.users;
    if (this.keepHistograms) row.histogram = encodeHistogram(h);
    this.windows.push(row);
    this.closed.set(index, row);
    h.reset();
    this.spare.push(h);
  }
}
