/**
 * One stage measured in parts (shards on several runners, worker threads in one process, A/B
 * rounds) put back together: the pieces `perf-gate merge` (src/report/merge.ts), the worker pool
 * (src/load/workers.ts) and A/B rounds (src/load/ab.ts) share. Histograms add without loss, counts
 * sum; the generator's saturation rule (judgeGenerator) is stated here, once.
 */
import type { BurstCycle, GeneratorHealth } from '../model/records.js';
import { encodeHistogram, mergeHistograms, summarize, type Histogram } from './histogram.js';
import type { KindCounts, TimelineWindow } from './timeline.js';

const worst = (xs: number[]): number => xs.reduce((a, x) => Math.max(a, x), 0);

/**
 * Windows by their second since the stage start: counts summed (requests, errors and their kinds,
 * rps, `active`, late sends, drops), loop lag the worst, percentiles from the added histograms.
 * `histogramOf` reads a part's window histogram (the parts kept them); `keepHistograms` puts the
 * sum on the merged rows (a stage that is itself a shard, for a later `merge`).
 */
export function mergeWindows(parts: TimelineWindow[][], histogramOf: (w: TimelineWindow, part: number) => Histogram, keepHistograms = false): TimelineWindow[] {
  const byT = new Map<number, Array<{ w: TimelineWindow; part: number }>>();
  parts.forEach((windows, part) => {
    for (const w of windows) {
      const list = byT.get(w.t) ?? [];
      list.push({ w, part });
      byT.set(w.t, list);
    }
  });
  return [...byT.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, list]) => {
      const h = mergeHistograms(list.map((x) => histogramOf(x.w, x.part)));
      const s = summarize(h);
      const windows = list.map((x) => x.w);
      const total = (f: (w: TimelineWindow) => number): number => windows.reduce((a, w) => a + f(w), 0);
      const row: TimelineWindow = {
        t,
        rps: total((w) => w.rps),
        p50: s.p50,
        p90: s.p90,
        p95: s.p95,
        p99: s.p99,
        // A straggler recorded after its window rolled is in the window's max, not its histogram.
        max: Math.max(s.max, ...windows.map((w) => w.max)),
        mean: s.mean,
        requests: total((w) => w.requests),
        errors: total((w) => w.errors),
        active: total((w) => w.active),
        late_sends: total((w) => w.late_sends),
        loop_lag_ms: worst(windows.map((w) => w.loop_lag_ms)),
      };
      const kinds = sumKinds(windows.map((w) => w.by_kind));
      if (kinds) row.by_kind = kinds;
      const dropped = total((w) => w.dropped ?? 0);
      if (dropped > 0) row.dropped = dropped;
      // Each part ran its own users (shards, worker threads): they add.
      const users = total((w) => w.users ?? 0);
      if (users > 0) row.users = users;
      // The app's figures (shards that each started their own app): CPU adds, memory is the largest instance's.
      if (windows.every((w) => w.cpu_ms !== undefined)) row.cpu_ms = Math.round(total((w) => w.cpu_ms!) * 1000) / 1000;
      if (windows.every((w) => w.rss_mb !== undefined)) row.rss_mb = Math.max(...windows.map((w) => w.rss_mb!));
      if (keepHistograms) row.histogram = encodeHistogram(h);
      return row;
    });
}

/** Windows' errors by kind added; undefined when none had any (a clean window carries no object). */
export function sumKinds(parts: Array<KindCounts | undefined>): KindCounts | undefined {
  let out: KindCounts | undefined;
  for (const p of parts) {
    if (!p) continue;
    out ??= {};
    for (const [k, n] of Object.entries(p) as Array<[keyof KindCounts, number]>) out[k] = (out[k] ?? 0) + n;
  }
  return out;
}

/**
 * Cycle k of the merged burst: every part's cycle k, outcomes summed, the slowest duration. Each
 * part releases on its own clock, so this is n smaller bursts, not one (README, Matrix shards).
 */
export function mergeCycles(parts: BurstCycle[][]): BurstCycle[] {
  const byCycle = new Map<number, BurstCycle>();
  for (const c of parts.flat()) {
    const m = byCycle.get(c.cycle);
    if (!m) byCycle.set(c.cycle, { ...c });
    else {
      m.duration_ms = Math.max(m.duration_ms, c.duration_ms);
      m.successes += c.successes;
      m.errors += c.errors;
    }
  }
  return [...byCycle.values()].sort((a, b) => a.cycle - b.cycle);
}

/** The generators' counts together: late sends and drops summed, loop lag the worst part's. Judging them is the caller's. */
export function sumGeneratorCounts(parts: GeneratorHealth[]): Omit<GeneratorHealth, 'saturated' | 'reason'> {
  return {
    late_sends: parts.reduce((a, x) => a + x.late_sends, 0),
    dropped: parts.reduce((a, x) => a + x.dropped, 0),
    loop_lag_p99_ms: worst(parts.map((x) => x.loop_lag_p99_ms)),
    loop_lag_max_ms: worst(parts.map((x) => x.loop_lag_max_ms)),
  };
}

/** Thresholds for blaming the generator: more than 1 % of sends late, or a p99 loop lag over 50 ms. */
const LATE_SHARE_LIMIT = 0.01;
const LOOP_LAG_LIMIT_MS = 50;

/**
 * The one rule for whether the generator limited a stage: more than 1 % of its scheduled sends
 * (and more than 5) left late, or a p99 event-loop lag over 50 ms while it sent. A stage run in one
 * piece is judged on its own counts; one run in parts (A/B rounds, worker threads) on the parts'
 * counts summed (sumGenerators), as if it had run in one piece.
 */
export function judgeGenerator(h: Omit<GeneratorHealth, 'saturated' | 'reason'>, scheduled: number | undefined, requests: number): GeneratorHealth {
  const reasons: string[] = [];
  if (scheduled !== undefined && h.late_sends > 5 && h.late_sends / Math.max(1, scheduled) > LATE_SHARE_LIMIT) {
    reasons.push(`${h.late_sends} of ${scheduled} sends left more than 10 ms late`);
  }
  if (h.loop_lag_p99_ms > LOOP_LAG_LIMIT_MS && requests > 0) reasons.push(`event-loop lag p99 ${h.loop_lag_p99_ms.toFixed(0)} ms`);
  return { ...h, saturated: reasons.length > 0, reason: reasons.length > 0 ? reasons.join('; ') : undefined };
}

/** Parts of one stage (A/B rounds, worker threads): their counts summed, then judged as one stage's. */
export function sumGenerators(parts: GeneratorHealth[], scheduled: number | undefined, requests: number): GeneratorHealth {
  return judgeGenerator(sumGeneratorCounts(parts), scheduled, requests);
}

/**
 * Parts' session tallies (engine records or report blocks): users and failures summed, and how the
 * first failed session failed (from the first part that has a failure, else the first part's).
 * Undefined when no part ran sessions.
 */
export function sumSessions<T extends { users: number; failed: number }>(parts: Array<T | undefined>): T | undefined {
  const present = parts.filter((x): x is T => x !== undefined);
  if (present.length === 0) return undefined;
  const failed = present.find((x) => x.failed > 0);
  return { ...(failed ?? present[0]!), users: present.reduce((a, x) => a + x.users, 0), failed: present.reduce((a, x) => a + x.failed, 0) };
}
