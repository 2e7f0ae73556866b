/**
 * `perf-gate merge`: the reports of `run --shard 1/n … n/n` into the report one machine running the
 * whole plan would have written. HDR histograms add without loss, so the merged percentiles are the
 * whole run's to histogram precision (3 significant digits) and every count is exact: stage,
 * endpoint and 1-second window histograms are added, counts summed, rates recomputed, windows
 * aligned by their second. Pure: reports in, report out; gating the result is the core's.
 */
import { ShardMergeError } from '../errors.js';
import type { ErrorKind } from '../load/http.js';
import { spikeOutcome, type GeneratorHealth } from '../load/stage.js';
import { decodeHistogram, encodeHistogram, mergeHistograms, summarize, type Histogram } from '../metrics/histogram.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import type { StageResources } from '../metrics/resources.js';
import { mergeCycles, mergeWindows, sumGeneratorCounts, sumSessions } from '../metrics/merge.js';
import { widenRange, type SecondsRange } from '../metrics/stage-metrics.js';
import { VERSION } from '../version.js';
import { countsByCode, endpointReport, errorRate, perSecond, round } from './build.js';
import { REPORT_SCHEMA, type EndpointReport, type MergeInputs, type Report, type StageReport } from '../model/report.js';
import { stoppedOf } from '../model/stop.js';

/** A shard report and the file it came from (for messages). */
export interface ShardReportFile {
  file: string;
  report: Report;
}

/** One shard's report of one stage. */
interface Part {
  file: string;
  index: number;
  stage: StageReport;
}

const sum = (parts: Part[], f: (s: StageReport) => number): number => parts.reduce((a, p) => a + f(p.stage), 0);
const max = (xs: number[]): number => xs.reduce((a, x) => Math.max(a, x), 0);

export function mergeShardReports(files: ShardReportFile[]): Report {
  const shards = checkShardSet(files);
  const first = shards[0]!.report;
  const count = first.shard!.count;
  const stages = first.stages.map((st) =>
    mergeStage(
      shards.map((s) => ({ file: s.file, index: s.report.shard!.index, stage: s.report.stages.find((x) => x.name === st.name)! })),
      count,
    ),
  );
  const started = shards.map((s) => s.report.started_at).sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    tool: 'perf-gate',
    version: VERSION,
    schema: REPORT_SCHEMA,
    verdict: 'pass',
    plan: first.plan,
    target: [...new Set(shards.map((s) => s.report.target))].join(', '),
    started_at: started[0]!,
    duration_s: max(shards.map((s) => s.report.duration_s)),
    cancelled: false,
    runner: first.runner,
    fingerprints: first.fingerprints,
    ...(first.shape && { shape: first.shape }),
    baseline: null,
    stages,
    checks: [],
    merged_from: shards.map((s) => ({ index: s.report.shard!.index, started_at: s.report.started_at, target: s.report.target, runner: s.report.runner })),
  };
}

/** The n shards of one run, each once, in shard order; anything else names the files at fault. */
function checkShardSet(files: ShardReportFile[]): ShardReportFile[] {
  if (files.length === 0) throw new ShardMergeError('merge needs the shard reports: the report.json of every run --shard i/n');
  for (const { file, report } of files) {
    if (!report.shard) throw new ShardMergeError(`${file} is not a shard report (no "shard"): shard reports come from perf-gate run --shard i/n`);
    // A shard that ended early measured part of its load: merged, it would pass as a whole run.
    // (A stress break is a result, not an early end; stress stages are never sharded anyway.)
    const stop = stoppedOf(report);
    if (stop?.by === 'cancel')
      throw new ShardMergeError(`${file} (shard ${report.shard.index}/${report.shard.count}) was interrupted: its report is partial; run that shard again`);
    if (stop && stop.by !== 'break')
      throw new ShardMergeError(
        `${file} (shard ${report.shard.index}/${report.shard.count}) stopped early (${stop.reason}): its report is partial; fix the cause and run that shard again`,
      );
    if (!report.fingerprints) throw new ShardMergeError(`${file} has no plan fingerprint, so it cannot be matched with the other shards`);
  }
  const [head, ...rest] = files;
  const name = (f: ShardReportFile): string => `${f.file} (shard ${f.report.shard!.index}/${f.report.shard!.count})`;
  for (const f of rest) {
    if (f.report.fingerprints!.plan !== head!.report.fingerprints!.plan) {
      throw new ShardMergeError(
        `${head!.file} and ${f.file} are shards of different plans (plan fingerprints ${head!.report.fingerprints!.plan} and ${f.report.fingerprints!.plan}): merge the shards of one run`,
      );
    }
    if (f.report.shard!.count !== head!.report.shard!.count)
      throw new ShardMergeError(`${name(head!)} and ${name(f)} split the load differently: the shards of one run share n`);
  }
  const count = head!.report.shard!.count;
  const byIndex = new Map<number, ShardReportFile>();
  for (const f of files) {
    const twin = byIndex.get(f.report.shard!.index);
    if (twin) throw new ShardMergeError(`shard ${f.report.shard!.index}/${count} is given twice: ${twin.file} and ${f.file}`);
    byIndex.set(f.report.shard!.index, f);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const given = files.map(name).join(', ');
    throw new ShardMergeError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${given}): merge needs all ${count}`,
    );
  }
  const stagesOf = (f: ShardReportFile): string => f.report.stages.map((s) => s.name).join(', ');
  for (const f of rest) {
    if (stagesOf(f) !== stagesOf(head!))
      throw new ShardMergeError(
        `${head!.file} and ${f.file} ran different stages (${stagesOf(head!)} / ${stagesOf(f)}): run every shard with the same --stage`,
      );
  }
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  checkTogether(ordered);
  return ordered;
}

/**
 * The shards of one run overlap in time. One that started after another had finished (a re-run
 * of one matrix job) did not load the target together with it: summing their rates would
 * describe load that never happened.
 */
function checkTogether(files: ShardReportFile[]): void {
  const span = (f: ShardReportFile): [number, number] => {
    const start = Date.parse(f.report.started_at);
    return [start, start + f.report.duration_s * 1000];
  };
  for (const a of files) {
    for (const b of files) {
      const [, aEnd] = span(a);
      const [bStart] = span(b);
      if (bStart > aEnd) {
        throw new ShardMergeError(
          `shard ${b.report.shard!.index} (${b.file}) started ${((bStart - aEnd) / 1000).toFixed(1)} s after shard ${a.report.shard!.index} (${a.file}) had finished: ` +
            `they did not load the target together (a re-run of one job?); run all ${files.length} shards again`,
        );
      }
    }
  }
}

/** A histogram a shard report must carry; its absence means the file is not a usable shard report. */
function histogramOf(encoded: string | undefined, file: string, what: string): Histogram {
  if (encoded === undefined)
    throw new ShardMergeError(`${file}: ${what} has no histogram, which merge needs (write shard reports with perf-gate run --shard i/n)`);
  try {
    return decodeHistogram(encoded);
  } catch (err) {
    throw new ShardMergeError(
      `${file}: ${what} has a histogram that cannot be decoded (${(err as Error).message}): the file is damaged; take the shard's report.json again`,
    );
  }
}

function inputsOf(p: Part): MergeInputs {
  if (!p.stage.merge_inputs)
    throw new ShardMergeError(`${p.file}: stage ${p.stage.name} has no merge_inputs (write shard reports with perf-gate run --shard i/n)`);
  return p.stage.merge_inputs;
}

function mergeStage(parts: Part[], count: number): StageReport {
  const first = parts[0]!.stage;
  // run --shard refuses these kinds; a report that has one anyway was not written by a shard run.
  if (first.kind === 'stress' || first.kind === 'soak') {
    throw new ShardMergeError(
      `${parts[0]!.file}: stage ${first.name} is a ${first.kind} stage, which runs on one runner and cannot be merged (run --shard refuses it; leave it out with --stage)`,
    );
  }
  const histogram = mergeHistograms(parts.map((p) => histogramOf(p.stage.histogram, p.file, `stage ${p.stage.name}`)));
  const requests = sum(parts, (s) => s.requests);
  const errors = sum(parts, (s) => s.errors);
  // Every shard sends over the same planned time; a burst's is its longest shard's wall time.
  const sendingMs = max(parts.map((p) => inputsOf(p).sending_s)) * 1000;
  const generator = mergeGenerator(parts, count);
  const timeline = mergeTimelines(parts);
  const out: StageReport = {
    name: first.name,
    kind: first.kind,
    protocol: first.protocol,
    duration_s: max(parts.map((p) => p.stage.duration_s)),
    requests,
    errors,
    error_rate: errorRate(requests, errors),
    rps: perSecond(requests, sendingMs),
    latency_ms: summarize(histogram),
    errors_by_kind: sumCounts(parts.map((p) => p.stage.errors_by_kind)) as Record<ErrorKind, number>,
    status_codes: countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.status_codes)))),
    endpoints: mergeEndpoints(parts),
    timeline,
    histogram: encodeHistogram(histogram),
    generator_saturated: generator.saturated,
    late_sends: generator.late_sends,
    dropped: generator.dropped,
    generator,
    retry_after_seen: sum(parts, (s) => s.retry_after_seen),
  };
  if (parts.some((p) => p.stage.scheduled !== undefined)) out.scheduled = sum(parts, (s) => s.scheduled ?? 0);
  if (parts.some((p) => p.stage.cycles)) out.cycles = mergeCycles(parts.map((p) => p.stage.cycles ?? []));
  const spikeMs = parts.map((p) => inputsOf(p).spike_ms).find((x) => x !== undefined);
  if (first.kind === 'spike' && spikeMs) out.spike = spikeOutcome(timeline, spikeMs.start, spikeMs.drop);
  // Each shard ran on its own runner: the slowest one is what the gate must allow for.
  const probes = parts.flatMap((p) => (p.stage.cpu_probe_ms === undefined ? [] : [p.stage.cpu_probe_ms]));
  if (probes.length > 0) out.cpu_probe_ms = max(probes);
  // No reference-server figures: each shard's measured its own runner, and one runner's delay must
  // not come off every shard's requests. A merged run's failures are judged as measured.
  const samples = sumCounts(parts.map((p) => p.stage.error_samples ?? {}));
  // At most 10 distinct messages, as one run keeps (it keeps the first seen; here the most frequent).
  const top = Object.entries(samples)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  const retryAfter = parts.reduce<SecondsRange | undefined>((r, p) => widenRange(r, p.stage.retry_after_s), undefined);
  if (retryAfter) out.retry_after_s = retryAfter;
  if (top.length > 0) out.error_samples = Object.fromEntries(top);
  if (first.protocol === 'ws') mergeWs(out, parts);
  mergeFlows(out, parts);
  const resources = mergeResources(parts, requests, timeline);
  if (resources) out.resources = resources;
  return out;
}

/** Sessions and unsent requests add up; setup and verify ran on shard 1 only (SPEC §5), so they are its. */
function mergeFlows(out: StageReport, parts: Part[]): void {
  const sessions = sumSessions(parts.map((p) => p.stage.sessions));
  if (sessions) out.sessions = sessions;
  const unsent = parts.map((p) => p.stage.unsent).filter((x) => x !== undefined);
  if (unsent.length > 0) out.unsent = { count: unsent.reduce((a, x) => a + x.count, 0), missing: [...new Set(unsent.flatMap((x) => x.missing))].slice(0, 5) };
  const firstShard = parts[0]!.stage;
  if (firstShard.setup) out.setup = firstShard.setup;
  if (firstShard.verify) out.verify = firstShard.verify;
}

/**
 * The app's figures of the shards. Shards that each started the app (target.start: a process group
 * per shard) measured separate instances: their CPU adds, over all the shards' requests, and the peak
 * memory is the largest instance's (as one run's is one instance's). Shards that read target.process
 * may have read one shared app, each seeing all of its CPU, or one app each: perf-gate cannot tell,
 * so it does not add them and says so (rules on them warn).
 */
export function mergeResources(parts: Part[], requests: number, timeline: TimelineWindow[]): StageResources | undefined {
  const all = parts.map((p) => p.stage.resources);
  if (all.every((r) => r === undefined)) return undefined;
  const dropWindows = (): void =>
    timeline.forEach((w) => {
      delete w.cpu_ms;
      delete w.rss_mb;
    });
  const nulls = { cpu_ms_per_request: null, cpu_pct: null, rss_mb_peak: null, samples: sum(parts, (s) => s.resources?.samples ?? 0) };
  const missing = parts.find((p) => !p.stage.resources || p.stage.resources.cpu_ms === undefined || p.stage.resources.cpu_ms === null);
  if (missing) {
    dropWindows();
    const why = missing.stage.resources
      ? `${missing.stage.resources.source} could not be read: ${missing.stage.resources.error ?? 'no value'}`
      : 'it read no resource source';
    return { source: `${parts.length} shards`, ...nulls, error: `shard ${missing.index} has no CPU figure (${why}): the shards' figures are not merged` };
  }
  const rs = all as StageResources[];
  if (!rs.every((r) => r.source.startsWith('process group '))) {
    dropWindows();
    return {
      source: `${parts.length} shards: ${[...new Set(rs.map((r) => r.source))].join(', ')}`,
      ...nulls,
      error:
        "not merged: the shards read target.process, which may be one app every shard saw whole or one app per shard; perf-gate cannot tell which, so it adds nothing (gate each shard's report, or start the app per shard with target.start)",
    };
  }
  const cpuMs = rs.reduce((a, r) => a + r.cpu_ms!, 0);
  const durationMs = Math.max(...parts.map((p) => p.stage.duration_s)) * 1000;
  const peaks = rs.map((r) => r.rss_mb_peak).filter((x): x is number => x !== null);
  return {
    source: `${parts.length} shards, each its own app (target.start)`,
    cpu_ms_per_request: requests > 0 ? Math.round((cpuMs / requests) * 10_000) / 10_000 : null,
    // The apps together, as % of one core.
    cpu_pct: durationMs > 0 ? Math.round((cpuMs / durationMs) * 1000) / 10 : null,
    rss_mb_peak: peaks.length === rs.length ? Math.max(...peaks) : null,
    cpu_ms: Math.round(cpuMs * 1000) / 1000,
    samples: nulls.samples,
    note: "CPU of every shard's app added over all the shards' requests; memory: the largest instance's",
  };
}

function sumCounts(records: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

const numericKeys = (r: Record<string, number>): Array<[number, number]> => Object.entries(r).map(([k, n]) => [Number(k), n]);

/** Endpoints by name, in the order the shards list them. */
function mergeEndpoints(parts: Part[]): EndpointReport[] {
  const byName = new Map<string, { requests: number; errors: number; histograms: Histogram[] }>();
  for (const p of parts) {
    for (const e of p.stage.endpoints) {
      const m = byName.get(e.name) ?? { requests: 0, errors: 0, histograms: [] };
      m.requests += e.requests;
      m.errors += e.errors;
      m.histograms.push(histogramOf(e.histogram, p.file, `stage ${p.stage.name}, endpoint ${e.name}`));
      byName.set(e.name, m);
    }
  }
  return [...byName.entries()].map(([name, m]) => endpointReport(name, m.requests, m.errors, mergeHistograms(m.histograms)));
}

/** Windows by their second since the stage start (src/metrics/merge.ts), each shard's window histogram required. */
function mergeTimelines(parts: Part[]): TimelineWindow[] {
  return mergeWindows(
    parts.map((p) => p.stage.timeline),
    (w, i) => histogramOf(w.histogram, parts[i]!.file, `stage ${parts[i]!.stage.name}, window t=${w.t}`),
    true,
  );
}

/**
 * Counts summed as for A/B rounds and workers (sumGeneratorCounts), but not judged again on the
 * totals: each shard's generator was judged by judgeGenerator on its own runner, and one runner that
 * fell behind makes its share untrustworthy however the totals look. Saturated when any shard's
 * generator was, each such shard named.
 */
function mergeGenerator(parts: Part[], count: number): GeneratorHealth {
  const reasons = parts.filter((p) => p.stage.generator.saturated).map((p) => `shard ${p.index}/${count}: ${p.stage.generator.reason ?? 'saturated'}`);
  const health: GeneratorHealth = { ...sumGeneratorCounts(parts.map((p) => p.stage.generator)), saturated: reasons.length > 0 };
  if (reasons.length > 0) health.reason = reasons.join('; ');
  return health;
}

/** WebSocket counts summed; connect, gap and lag percentiles from the added histograms. */
function mergeWs(out: StageReport, parts: Part[]): void {
  const first = parts[0]!.stage;
  const ws = parts.map((p) => {
    const h = inputsOf(p).ws_histograms;
    if (!h)
      throw new ShardMergeError(`${p.file}: ws stage ${p.stage.name} has no connect/gap/lag histograms (write shard reports with perf-gate run --shard i/n)`);
    return h;
  });
  const merged = (key: 'connect' | 'gap' | 'lag'): Histogram =>
    mergeHistograms(ws.map((h, i) => histogramOf(h[key], parts[i]!.file, `ws stage ${first.name}, ${key}`)));
  out.ws_mode = first.ws_mode;
  out.connect_ms = summarize(merged('connect'));
  out.closes_by_code = countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.closes_by_code ?? {}))));
  out.reconnects = sum(parts, (s) => s.reconnects ?? 0);
  const c = (f: (x: NonNullable<StageReport['connections']>) => number): number => sum(parts, (s) => (s.connections ? f(s.connections) : 0));
  // The shards' connections were open at the same time (on different machines): their peaks add.
  out.connections = {
    planned: c((x) => x.planned),
    opened: c((x) => x.opened),
    failed: c((x) => x.failed),
    peak: c((x) => x.peak),
    open_at_end: c((x) => x.open_at_end),
  };
  if (first.unmatched_replies !== undefined) out.unmatched_replies = sum(parts, (s) => s.unmatched_replies ?? 0);
  if (first.ws_mode === 'stream') {
    // Each shard's rate is over the same planned time, so the rates add.
    out.messages_per_s = round(
      sum(parts, (s) => s.messages_per_s ?? 0),
      2,
    );
    out.gap_ms = summarize(merged('gap'));
    const lag = merged('lag');
    if (lag.totalCount > 0) out.lag_ms = summarize(lag);
  }
}
