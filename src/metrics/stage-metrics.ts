/**
 * Everything one stage measures, recorded straight from the run loop: the stage histogram, one per
 * endpoint, the 1-second timeline, error kinds and status codes. No per-request objects are kept.
 */
import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, recordMs } from './histogram.js';
import { Timeline } from './timeline.js';
import { ERROR_KINDS, type ErrorKind } from '../load/http.js';

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
    this.timeline.record(startOffsetMs, latencyMs, error !== undefined);
  }

  /** Session steps (login...) count for their endpoint only, not in the stage's totals. */
  recordSessionStep(endpoint: number, latencyMs: number, error: ErrorKind | undefined): void {
    const ep = this.endpoints[endpoint]!;
    ep.requests++;
    recordMs(ep.histogram, latencyMs);
    if (error !== undefined) ep.errors++;
  }

  noteErrorMessage(message: string): void {
    if (this.errorSamples.size < 10 || this.errorSamples.has(message)) {
      this.errorSamples.set(message, (this.errorSamples.get(message) ?? 0) + 1);
    }
  }
}
