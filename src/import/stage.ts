/**
 * What the k6 and Locust readers share: the figures one tool's file holds → a perf-gate stage and
 * report. Pure. A figure the file does not hold stays null (and is named in `imported.missing`): an
 * import never invents a percentile, a count or a histogram.
 */
import { ImportError } from '../errors.js';
import { importFingerprint, runnerFingerprint } from '../baseline/fingerprint.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import { errorRate, round } from '../report/build.js';
import { REPORT_SCHEMA, type EndpointReport, type Report, type RunnerInfo, type StageReport } from '../model/report.js';
import { VERSION } from '../version.js';

export type ImportTool = NonNullable<Report['imported']>['tool'];

export const LATENCY_KEYS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
export type LatencyKey = (typeof LATENCY_KEYS)[number];

/** Latencies in ms as the tool reported them; a key that is absent was not reported. */
export type ImportedLatency = Partial<Record<LatencyKey, number>>;

export interface ImportedEndpoint {
  name: string;
  requests: number;
  /** null: the file has no failure count for this endpoint (k6 without an http_req_failed{name:…} sub-metric). */
  errors: number | null;
  latency: Pick<ImportedLatency, 'p50' | 'p95' | 'p99'>;
}

/** A file the reader is given: its bytes (decoded by the reader: they may not be UTF-8) or its text. */
export interface ImportInput {
  text: string | Uint8Array;
  file: string;
}

/** The errors a tool listed beside its results (Locust's failures/exceptions CSVs), most frequent first. */
export type ImportedErrors = NonNullable<NonNullable<StageReport['imported']>['failures']>;

/** A custom k6 Trend (`contains: time`), in ms: absent statistics were not in the file. */
export type ImportedTrend = ImportedLatency;

/** One tool's whole-run figures, as its file states them. */
export interface ImportedRun {
  tool: ImportTool;
  requests: number;
  /** null: the file has no failure count (k6 before v0.31 had no http_req_failed); the error rate is then unknown. */
  errors: number | null;
  rps: number;
  duration_s: number;
  latency: ImportedLatency;
  endpoints: ImportedEndpoint[];
  /** Counts by HTTP status, when the file has them (k6 http_reqs{status:NNN} sub-metrics); else empty. */
  status_codes: Record<string, number>;
  /** Figures the reader looked for and did not find, besides absent latency keys. */
  missing: string[];
  /** Per-second windows, when the tool wrote them (Locust's stats history); else none. */
  timeline?: TimelineWindow[];
  /** The tool's own threshold verdicts (k6 options.thresholds), when the file has them. */
  tool_thresholds?: NonNullable<StageReport['imported']>['tool_thresholds'];
  /** What the reader assumed or could not cover (an encoding, a history shorter than the run). */
  notes?: string[];
  failures?: ImportedErrors;
  exceptions?: ImportedErrors;
  /** k6 custom Trend metrics by name (rules name them `trend:NAME`). */
  trends?: Record<string, ImportedTrend>;
}

/** Where and when: the parts of a report the results file does not say (the caller knows them). */
export interface ImportContext {
  /** The results file, as the user named it (for messages and report.imported.file). */
  file: string;
  /** Stage name (`--stage NAME`); default: the tool's name. */
  stage?: string;
  /** When the results were written (the file's mtime): the file itself has no start time. */
  startedAt: string;
  runner: RunnerInfo;
  /** report.plan: the gate file, when there is one. */
  plan?: string;
}

/**
 * Errors by kind, from status codes when the file has them. Timeouts and connection errors are
 * not told apart by either tool's summary, so those kinds stay absent rather than 0.
 */
function errorsByKind(codes: Record<string, number>): StageReport['errors_by_kind'] {
  const out: Partial<StageReport['errors_by_kind']> = {};
  for (const [code, n] of Object.entries(codes)) {
    const c = Number(code);
    const kind = c === 429 ? 'rate_limited' : c >= 500 && c <= 599 ? 'http_5xx' : c >= 400 && c <= 499 ? 'http_4xx' : undefined;
    if (kind) out[kind] = (out[kind] ?? 0) + n;
  }
  // Partial on purpose (see StageReport.imported): readers use `?? 0`.
  return out as StageReport['errors_by_kind'];
}

/** The latency summary with absent keys as null: LatencySummary's numbers, except where the tool said nothing. */
function latencySummary(l: ImportedLatency): LatencySummary {
  return Object.fromEntries(LATENCY_KEYS.map((k) => [k, l[k] === undefined ? null : round(l[k]!)])) as unknown as LatencySummary;
}

function endpointReport(e: ImportedEndpoint): EndpointReport {
  const l = latencySummary(e.latency);
  return { name: e.name, requests: e.requests, errors: e.errors as number, latency_ms: { p50: l.p50, p95: l.p95, p99: l.p99 } };
}

export function importedStage(run: ImportedRun, name: string): StageReport {
  // A key the reader explains ("p95 (…)") is listed once, with its reason.
  const explained = (k: string) => run.missing.some((m) => m.startsWith(`${k} (`));
  const missing = [...LATENCY_KEYS.filter((k) => run.latency[k] === undefined && !explained(k)), ...run.missing];
  const trends =
    run.trends && Object.keys(run.trends).length ? Object.fromEntries(Object.entries(run.trends).map(([n, l]) => [n, latencySummary(l)])) : undefined;
  return {
    name,
    // A steady run as far as the gate knows: the default regression rules of a load stage apply.
    kind: 'load',
    protocol: 'http',
    duration_s: round(run.duration_s),
    requests: run.requests,
    // null when the file has no failure count (shown as —; rules on it warn): cast as latency_ms is.
    errors: run.errors as number,
    error_rate: (run.errors === null ? null : errorRate(run.requests, run.errors)) as number,
    rps: round(run.rps, 2),
    latency_ms: latencySummary(run.latency),
    errors_by_kind: errorsByKind(run.status_codes),
    status_codes: run.status_codes,
    endpoints: run.endpoints.map(endpointReport),
    timeline: run.timeline ?? [],
    histogram: '',
    // perf-gate's own generator sent nothing: there is nothing of it to distrust.
    generator_saturated: false,
    late_sends: 0,
    dropped: 0,
    generator: { late_sends: 0, dropped: 0, loop_lag_p99_ms: 0, loop_lag_max_ms: 0, saturated: false },
    retry_after_seen: 0,
    imported: {
      tool: run.tool,
      missing,
      ...(run.tool_thresholds?.length && { tool_thresholds: run.tool_thresholds }),
      ...(run.notes?.length && { notes: run.notes }),
      ...(run.failures && { failures: run.failures }),
      ...(run.exceptions && { exceptions: run.exceptions }),
      ...(trends && { trends }),
    },
  };
}

/** The report of one import, ungated (verdict pass, no checks): compare gates it. */
export function importedReport(run: ImportedRun, ctx: ImportContext): Report {
  const stage = importedStage(run, ctx.stage ?? run.tool);
  return {
    tool: 'perf-gate',
    version: VERSION,
    schema: REPORT_SCHEMA,
    verdict: 'pass',
    plan: ctx.plan ?? '',
    target: `(measured by ${run.tool})`,
    started_at: ctx.startedAt,
    duration_s: round(run.duration_s, 1),
    cancelled: false,
    runner: ctx.runner,
    fingerprints: { plan: importFingerprint(run.tool, [stage]), runner: runnerFingerprint(ctx.runner) },
    baseline: null,
    stages: [stage],
    checks: [],
    imported: { tool: run.tool, file: ctx.file },
  };
}

/** A number the file must hold at `where`; anything else is an ImportError naming the file and the field. */
export function needCount(value: unknown, file: string, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new ImportError(`${file}: ${where} is ${shown(value)}, expected a number ≥ 0`);
}

export function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
