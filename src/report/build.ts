/** Raw stage measurements → the report.json document (pure apart from reading the runner's CPU). */
import { earlyStop } from '../model/stop.js';
import os from 'node:os';
import { encodeHistogram, summarize, type Histogram } from '../metrics/histogram.js';
import type { RunResult } from '../load/run-plan.js';
import { spikePhases, type StageResult } from '../load/stage.js';
import { plannedDurationMs } from '../plan/stage-time.js';
import type { Check, EndpointReport, MergeInputs, Report, RunnerInfo, StageReport, Verdict } from '../model/report.js';
import { REPORT_SCHEMA } from '../model/report.js';
import { stageResources } from '../metrics/resources.js';
import { VERSION } from '../version.js';
import { displayUrl } from '../model/format.js';
export { displayUrl };

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** ws streams and held connections count failures that are not requests: an all-failed stage is 100 %. */
export const errorRate = (requests: number, errors: number): number => (requests > 0 ? round(Math.min(1, errors / requests), 6) : errors > 0 ? 1 : 0);

/** `count` over `ms` as a rate per second, as report.json states rps. */
export const perSecond = (count: number, ms: number): number => round(count / Math.max(0.001, ms / 1000), 2);

/** Counts by status or close code, as report.json keys them, in numeric order. */
export function countsByCode(counts: Iterable<[number, number]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, n] of [...counts].sort((a, b) => a[0] - b[0])) out[String(code)] = n;
  return out;
}

export function stageReport(r: StageResult): StageReport {
  const m = r.metrics;
  // Timed stages: rate over the planned sending time (the drain of the last responses is not
  // sending time), or the time actually run when it was cut short. Bursts: their own wall time.
  const sendingMs = r.spec.kind === 'burst' ? r.durationMs : Math.min(plannedDurationMs(r.spec), r.durationMs);
  // A shard's report carries the histograms and inputs `merge` needs; other reports stay small.
  const shard = r.spec.share !== undefined;
  const report: StageReport = {
    name: r.spec.name,
    kind: r.spec.kind,
    protocol: r.spec.protocol,
    duration_s: round(r.durationMs / 1000),
    requests: m.requests,
    errors: m.errors,
    error_rate: errorRate(m.requests, m.errors),
    rps: perSecond(m.requests, sendingMs),
    latency_ms: summarize(m.histogram),
    errors_by_kind: { ...m.errorsByKind },
    status_codes: countsByCode(m.statusCodes),
    endpoints: m.endpoints
      .filter((e) => e.requests > 0)
      .map((e) => ({ ...endpointReport(e.name, e.requests, e.errors, e.histogram), ...(shard ? { histogram: encodeHistogram(e.histogram) } : {}) })),
    timeline: r.timeline,
    histogram: encodeHistogram(m.histogram),
    generator_saturated: r.generator.saturated,
    late_sends: r.generator.late_sends,
    dropped: r.generator.dropped,
    generator: r.generator,
    retry_after_seen: m.retryAfterSeen,
  };
  if (r.scheduled !== undefined) report.scheduled = r.scheduled;
  if (r.cycles) report.cycles = r.cycles;
  if (r.spike) report.spike = r.spike;
  if (r.stress) report.stress = r.stress;
  if (r.soak) report.soak = r.soak;
  if (r.cpuProbeMs !== undefined) report.cpu_probe_ms = r.cpuProbeMs;
  if (r.reference) report.reference = r.reference;
  if (r.workers !== undefined) report.workers = r.workers;
  if (r.aborted) report.aborted = r.aborted;
  if (r.sessions) {
    const f = r.sessions.first;
    report.sessions = {
      users: r.sessions.users,
      failed: r.sessions.failed,
      ...(f ? { step: f.step, status: f.status, reason: f.reason, ...(f.sample ? { sample: f.sample } : {}) } : {}),
    };
  }
  if (r.unsent) report.unsent = { count: r.unsent.count, missing: r.unsent.missing };
  if (r.setup) report.setup = r.setup;
  if (r.verify) report.verify = r.verify;
  if (m.retryAfterS) report.retry_after_s = m.retryAfterS;
  if (m.errorSamples.size > 0) report.error_samples = Object.fromEntries(m.errorSamples);
  if (r.resources) addResources(report, r);
  if (m.ws) addWs(report, r, sendingMs);
  if (shard) report.merge_inputs = mergeInputs(r, sendingMs);
  return report;
}

export function endpointReport(name: string, requests: number, errors: number, h: Histogram): EndpointReport {
  const s = summarize(h);
  return { name, requests, errors, latency_ms: { p50: s.p50, p95: s.p95, p99: s.p99 } };
}

function mergeInputs(r: StageResult, sendingMs: number): MergeInputs {
  const inputs: MergeInputs = { sending_s: round(sendingMs / 1000, 6) };
  if (r.spec.kind === 'spike') {
    const p = spikePhases(r.spec);
    inputs.spike_ms = { start: p.startMs, drop: p.dropMs };
  }
  const w = r.metrics.ws;
  if (w) inputs.ws_histograms = { connect: encodeHistogram(w.connect), gap: encodeHistogram(w.gap), lag: encodeHistogram(w.lag) };
  return inputs;
}

/**
 * The app's figures over the stage's measured span (its clock start for its duration), and each
 * window's. A soak with no metrics page takes its memory growth from the same readings.
 */
function addResources(report: StageReport, r: StageResult): void {
  const res = stageResources(r.resources!, r.startedAt.getTime(), r.durationMs, report.requests, report.timeline);
  report.resources = res;
  if (report.soak && !report.soak.memory && r.spec.kind === 'soak') {
    const toBytes = (mb: number | null | undefined): number | null => (mb === null || mb === undefined ? null : Math.round(mb * 1024 * 1024));
    const memory: NonNullable<NonNullable<StageReport['soak']>['memory']> = {
      url: res.source,
      before_bytes: toBytes(res.rss_mb_start),
      after_bytes: toBytes(res.rss_mb_end),
      growth_pct: res.rss_growth_pct ?? null,
    };
    if (memory.growth_pct === null) memory.error = res.error ?? `${res.source} gives no memory figure`;
    report.soak.memory = memory;
  }
}

function addWs(report: StageReport, r: StageResult, sendingMs: number): void {
  const w = r.metrics.ws!;
  report.ws_mode = r.mode;
  report.connect_ms = summarize(w.connect);
  report.closes_by_code = countsByCode(w.closesByCode);
  report.reconnects = w.reconnects;
  report.connections = { planned: r.spec.connections ?? 1, opened: w.opened, failed: w.connectFailures, peak: w.peakOpen, open_at_end: w.openAtEnd };
  if (r.mode === 'request_reply') report.unmatched_replies = w.unmatchedReplies;
  if (r.mode === 'stream') {
    report.messages_per_s = perSecond(w.received, sendingMs);
    report.gap_ms = summarize(w.gap);
    if (w.lag.totalCount > 0) report.lag_ms = summarize(w.lag);
  }
}

export function runnerInfo(): RunnerInfo {
  const cpus = os.cpus();
  return {
    os: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
  };
}

export interface ReportInput {
  planFile: string;
  run: Pick<RunResult, 'target' | 'startedAt' | 'durationMs'>;
  stages: StageReport[];
  checks: Check[];
  verdict: Verdict;
  runner?: RunnerInfo;
  fingerprints?: Report['fingerprints'];
  shape?: Report['shape'];
  cancelled?: boolean;
  shard?: Report['shard'];
}

export function buildReport(i: ReportInput): Report {
  const report: Report = {
    tool: 'perf-gate',
    version: VERSION,
    schema: REPORT_SCHEMA,
    verdict: i.verdict,
    plan: i.planFile,
    target: displayUrl(i.run.target),
    started_at: i.run.startedAt.toISOString(),
    duration_s: round(i.run.durationMs / 1000, 1),
    cancelled: i.cancelled ?? false,
    runner: i.runner ?? runnerInfo(),
    fingerprints: i.fingerprints,
    ...(i.shape && { shape: i.shape }),
    baseline: null,
    stages: i.stages,
    checks: i.checks,
  };
  if (i.shard) report.shard = i.shard;
  // The gate has added the limit stop's check by now: the record reads it from there, as for old reports.
  const stopped = earlyStop(report);
  if (stopped) report.stopped = stopped;
  return report;
}
