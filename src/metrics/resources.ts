/**
 * A stage's readings of what the app spends (src/load/resources.ts) → the report's figures: CPU ms
 * per request, % of a core, peak and end RSS, and each timeline window's CPU and memory. Pure.
 * Only the stage's measured span counts (from its clock start for its duration): the cumulative CPU
 * is interpolated between the readings either side of each boundary, so the ready probe, the
 * sessions before the clock and the runner probe between stages are left out.
 */
import type { TimelineWindow } from './timeline.js';
import type { StageResources } from '../model/records.js';
export type { StageResources };

/** One reading of a source: cumulative CPU µs, and memory then (bytes; null when the source has none). */
export interface ResourcePoint {
  at: number;
  cpuUs: number;
  rssBytes: number | null;
}

const MB = 1024 * 1024;
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** Cumulative CPU µs at time `t`, linear between the readings around it (clamped to the first and last). */
export function cpuAt(points: readonly ResourcePoint[], t: number): number {
  if (points.length === 0) return NaN;
  if (t <= points[0]!.at) return points[0]!.cpuUs;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (t <= b.at) {
      const a = points[i - 1]!;
      const f = b.at > a.at ? (t - a.at) / (b.at - a.at) : 1;
      return a.cpuUs + f * (b.cpuUs - a.cpuUs);
    }
  }
  return points[points.length - 1]!.cpuUs;
}

/** The reading nearest to `t` that has memory. */
function rssNear(points: readonly ResourcePoint[], t: number): number | null {
  let best: ResourcePoint | undefined;
  for (const p of points) if (p.rssBytes !== null && (!best || Math.abs(p.at - t) < Math.abs(best.at - t))) best = p;
  return best ? best.rssBytes : null;
}

const mb = (bytes: number | null): number | null => (bytes === null ? null : round(bytes / MB, 1));

export interface ResourceSeriesInput {
  source: string;
  readings: ResourcePoint[];
  lifetimePeakBytes?: number;
  error?: string;
}

/**
 * The stage's figures, and each window's `cpu_ms` / `rss_mb` written into `timeline` (windows are
 * 1 s from `startMs`). Fewer than two readings: figures null, with the reason.
 */
export function stageResources(series: ResourceSeriesInput, startMs: number, durationMs: number, requests: number, timeline: TimelineWindow[]): StageResources {
  const points = series.readings;
  const out: StageResources = { source: series.source, cpu_ms_per_request: null, cpu_pct: null, rss_mb_peak: null, samples: points.length };
  if (series.error !== undefined) out.error = series.error;
  if (points.length < 2) {
    out.error ??= 'fewer than two readings of the source';
    return out;
  }
  const endMs = startMs + durationMs;
  const cpuMs = Math.max(0, cpuAt(points, endMs) - cpuAt(points, startMs)) / 1000;
  out.cpu_ms = round(cpuMs, 3);
  out.cpu_ms_per_request = requests > 0 ? round(cpuMs / requests, 4) : null;
  out.cpu_pct = durationMs > 0 ? round((cpuMs / durationMs) * 100, 1) : null;
  const start = rssNear(points, startMs);
  const end = rssNear(points, endMs);
  // The readings within the span, and those standing for its two ends.
  const rss = [start, end, ...points.filter((p) => p.at >= startMs && p.at <= endMs).map((p) => p.rssBytes)].filter((b): b is number => b !== null);
  out.rss_mb_peak = rss.length > 0 ? mb(Math.max(...rss)) : null;
  out.rss_mb_start = mb(start);
  out.rss_mb_end = mb(end);
  out.rss_growth_pct = start !== null && end !== null && start > 0 ? round(((end - start) / start) * 100, 2) : null;
  if (series.lifetimePeakBytes !== undefined) out.memory_peak_lifetime_mb = mb(series.lifetimePeakBytes)!;
  for (const w of timeline) {
    const from = startMs + w.t * 1000;
    const to = Math.min(endMs, from + 1000);
    if (to <= from) continue;
    w.cpu_ms = round(Math.max(0, cpuAt(points, to) - cpuAt(points, from)) / 1000, 3);
    const r = rssNear(points, to);
    if (r !== null) w.rss_mb = mb(r)!;
  }
  return out;
}

/** Windows fit for the CPU-per-request ratio: with requests and a CPU figure. */
export function cpuWindows(timeline: readonly TimelineWindow[]): Array<{ cpuMs: number; requests: number }> {
  return timeline.filter((w) => w.requests > 0 && typeof w.cpu_ms === 'number').map((w) => ({ cpuMs: w.cpu_ms!, requests: w.requests }));
}
