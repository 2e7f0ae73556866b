/**
 * The soak stage's own measurements, besides those of the load stage it is: p95 drift between
 * the first and the last tenth of the stage after its ramp (requests by start time), and the target's resident
 * memory read from its Prometheus metrics page before and after. A metrics page that cannot be
 * read is shown as an error, never a failed run.
 */
import type { SoakStage } from '../plan/types.js';
import { SpanMetrics, type StageMetrics } from '../metrics/stage-metrics.js';
import { displayUrl } from '../model/format.js';
import { withSlash } from './target.js';
import { percentileMs } from '../metrics/histogram.js';
import { readPrometheusValue, RESIDENT_MEMORY } from '../metrics/prometheus.js';
import type { SoakOutcome } from '../model/report.js';
import type { HttpClient } from './http.js';

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * A soak stage's own watch, set up before its clock starts: the two tenths record their own
 * histograms, and the target's memory is read now and again once the stage has drained.
 */
export class SoakWatch {
  private constructor(
    private readonly tenths: { first: SpanMetrics; last: SpanMetrics },
    private readonly client: HttpClient,
    private readonly timeoutMs: number,
    private readonly memory?: { url: string; before: MemoryReading; path: string },
  ) {}

  static async start(spec: SoakStage, metrics: StageMetrics, client: HttpClient, target: string, timeoutMs: number): Promise<SoakWatch> {
    const tenths = soakSpans(spec);
    metrics.spans.push(tenths.first, tenths.last);
    const path = spec.metricsPath;
    // As the client sends it: the path under the target URL's own path, shown without credentials.
    const memory =
      path === undefined
        ? undefined
        : { path, url: displayUrl(new URL(path.slice(1), withSlash(target)).toString()), before: await readResidentMemory(client, path, timeoutMs) };
    return new SoakWatch(tenths, client, timeoutMs, memory);
  }

  /** `stopped`: the stage was cut short (the memory is then not read again). */
  async finish(stopped: boolean): Promise<SoakOutcome> {
    const out: SoakOutcome = { drift: soakDrift(this.tenths.first, this.tenths.last) };
    if (this.memory) {
      const after = stopped ? undefined : await readResidentMemory(this.client, this.memory.path, this.timeoutMs);
      out.memory = memoryOutcome(this.memory.url, this.memory.before, after);
    }
    return out;
  }
}

/**
 * The first and last tenth of the stage's steady part (after its ramp: latency at a fraction of
 * the load says nothing about drift), as spans that record their own histograms.
 */
export function soakSpans(spec: SoakStage): { first: SpanMetrics; last: SpanMetrics } {
  const tenth = (spec.durationMs - spec.rampMs) / 10;
  return { first: new SpanMetrics(spec.rampMs, spec.rampMs + tenth), last: new SpanMetrics(spec.durationMs - tenth, spec.durationMs) };
}

/** p95 of the last tenth against the first, in % (null when either tenth has no requests or the first's p95 is 0). */
export function soakDrift(first: SpanMetrics, last: SpanMetrics): SoakOutcome['drift'] {
  const firstP95 = first.requests > 0 ? percentileMs(first.histogram, 95) : 0;
  const lastP95 = last.requests > 0 ? percentileMs(last.histogram, 95) : 0;
  const comparable = first.requests > 0 && last.requests > 0 && firstP95 > 0;
  return { first_p95: firstP95, last_p95: lastP95, delta_pct: comparable ? round(((lastP95 - firstP95) / firstP95) * 100) : null };
}

export type MemoryReading = { bytes: number } | { error: string };

/** GET the metrics page on the target and read process_resident_memory_bytes from it. */
export async function readResidentMemory(client: HttpClient, path: string, timeoutMs: number): Promise<MemoryReading> {
  const out = await client.send({ method: 'GET', path, headers: { accept: 'text/plain' }, timeoutMs, readBody: true });
  if (out.cancelled) return { error: 'the run was stopped before the metrics were read' };
  if (out.status === 0) return { error: `GET ${path} failed: ${out.failureMessage ?? out.failure ?? 'no response'}` };
  if (out.status < 200 || out.status >= 300) return { error: `GET ${path} answered ${out.status}` };
  const read = readPrometheusValue(out.body ?? '', RESIDENT_MEMORY);
  if ('error' in read) return read;
  if (!Number.isFinite(read.value) || read.value <= 0) return { error: `${RESIDENT_MEMORY} is ${read.value}, not a size in bytes` };
  return { bytes: read.value };
}

/** Before and after → the report's memory line: growth in %, or the first error met. */
export function memoryOutcome(url: string, before: MemoryReading, after: MemoryReading | undefined): NonNullable<SoakOutcome['memory']> {
  const b = 'bytes' in before ? before.bytes : null;
  const a = after && 'bytes' in after ? after.bytes : null;
  const memory: NonNullable<SoakOutcome['memory']> = {
    url,
    before_bytes: b,
    after_bytes: a,
    growth_pct: b !== null && a !== null ? round(((a - b) / b) * 100) : null,
  };
  const error =
    'error' in before
      ? `before: ${before.error}`
      : after === undefined
        ? 'after: the stage ended before the metrics were read again'
        : 'error' in after
          ? `after: ${after.error}`
          : undefined;
  if (error !== undefined) memory.error = error;
  return memory;
}
