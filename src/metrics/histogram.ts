/**
 * Latency histograms: hdr-histogram-js, recorded in microseconds with 3 significant digits, so a
 * value is exact to 0.1 % and two histograms add without loss (shards, workers, re-gating).
 */
import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from '../model/records.js';
export type { LatencySummary };

export type { Histogram };

/** One hour in µs: longer "latencies" are clamped (a request can't outlive its stage anyway). */
const HIGHEST_US = 3_600_000_000;

export function createHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    numberOfSignificantValueDigits: 3,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    autoResize: false,
    useWebAssembly: false,
  });
}

/** Record a latency given in milliseconds (fractional). */
export function recordMs(h: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  h.recordValue(us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us);
}

const ms = (us: number): number => Math.round(us) / 1000;

/** Percentiles in ms (3 decimals). An empty histogram gives zeros: callers check `requests`. */
export function summarize(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  return {
    min: ms(h.minNonZeroValue),
    mean: ms(h.mean),
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
    // The top of max's bucket, like the percentiles: p99 ≤ max always, and a decoded report gives
    // the same max as the live run (the encoding keeps buckets, not exact values).
    max: ms(h.getValueAtPercentile(100)),
  };
}

export function percentileMs(h: Histogram, p: number): number {
  return h.totalCount === 0 ? 0 : ms(h.getValueAtPercentile(p));
}

/** Compressed base64 (the HdrHistogram interchange format), as report.json stores it. */
export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 32, false);
  // Copy into our own layout so merged histograms all share one configuration.
  const h = createHistogram();
  h.add(decoded);
  return h;
}

export function mergeHistograms(parts: Histogram[]): Histogram {
  const h = createHistogram();
  for (const p of parts) h.add(p);
  return h;
}

/** A latency distribution as its non-empty buckets, ascending: each bucket's top value (µs) and count. */
export interface BucketCounts {
  valuesUs: Float64Array;
  counts: Float64Array;
  total: number;
}

/**
 * The non-empty buckets of a histogram. Every histogram here shares one configuration, so a bucket's
 * top value names the same bucket in all of them: windows can be added by value, and the percentile
 * of added windows is exactly what the histogram of those windows would report.
 */
export function histogramBuckets(h: Histogram): BucketCounts {
  // JsHistogram's counts layout (public in its class, not in the Histogram interface).
  const js = h as unknown as {
    countsArrayLength: number;
    getCountAtIndex(i: number): number;
    valueFromIndex(i: number): number;
    highestEquivalentValue(v: number): number;
  };
  const values: number[] = [];
  const counts: number[] = [];
  let total = 0;
  for (let i = 0; i < js.countsArrayLength && total < h.totalCount; i++) {
    const c = js.getCountAtIndex(i);
    if (c === 0) continue;
    values.push(js.highestEquivalentValue(js.valueFromIndex(i)));
    counts.push(c);
    total += c;
  }
  return { valuesUs: Float64Array.from(values), counts: Float64Array.from(counts), total };
}
