/**
 * merge of shard reports against a single report built from the same recorded values: counts
 * exactly equal, percentiles equal (the histograms add without loss) and within histogram precision
 * of the raw values, timelines window by window. Then the shard sets merge must refuse.
 */
import { describe, it, expect } from 'vitest';
import { StageMetrics, WsMetrics } from '../../src/metrics/stage-metrics.js';
import { recordMs } from '../../src/metrics/histogram.js';
import { buildReport, stageReport } from '../../src/report/build.js';
import { mergeShardReports, type ShardReportFile } from '../../src/report/merge.js';
import { shardStage, type Shard } from '../../src/load/shard.js';
import { spikeOutcome, spikePhases, type GeneratorHealth, type StageResult } from '../../src/load/stage.js';
import { seededRandom } from '../../src/gate/statistics.js';
import { ShardMergeError } from '../../src/errors.js';
import type { ErrorKind } from '../../src/load/http.js';
import type { StageSpec } from '../../src/plan/types.js';
import type { Report } from '../../src/model/report.js';

const RUNNER = { os: 'linux 6.1', arch: 'x64', cpu: 'Test CPU', cores: 2, node: 'v20.0.0' };
const ENDPOINTS = ['list', 'create'];
const MAX_LATENCY_MS = 2000;

interface Rec {
  endpoint: number;
  startMs: number;
  latencyMs: number;
  status: number;
  error?: ErrorKind;
}

/** 10,000 requests over 5 s from one of three latency distributions, with errors of one kind. */
function recordsOf(set: 0 | 1 | 2, n = 10_000, spanMs = 5000): Rec[] {
  const r = seededRandom(100 + set);
  const out: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const endpoint = r() < 0.8 ? 0 : 1;
    const startMs = r() * spanMs;
    const u = r();
    let latencyMs =
      set === 0
        ? 1 + -Math.log(1 - u) * 3 // exponential tail
        : set === 1
          ? 2 + 38 * u // uniform 2–40 ms
          : u < 0.9
            ? 1 + 2 * r()
            : 100 + 800 * r(); // bimodal: fast, and a slow tenth
    let status = endpoint === 1 ? 201 : 200;
    let error: ErrorKind | undefined;
    if (set === 0 && i % 50 === 0) {
      status = 500;
      error = 'http_5xx';
    }
    if (set === 1 && i % 100 === 0) {
      status = 0;
      error = 'timeout';
      latencyMs = MAX_LATENCY_MS;
    }
    if (set === 2 && i % 70 === 0) error = 'check';
    out.push({ endpoint, startMs, latencyMs, status, error });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

function record(m: StageMetrics, recs: Rec[]): void {
  for (const x of recs) m.record(x.endpoint, x.startMs, x.latencyMs, x.status, x.error);
}

const generator = (late: number, lag: number, extra: Partial<GeneratorHealth> = {}): GeneratorHealth => ({
  late_sends: late,
  dropped: 0,
  loop_lag_p99_ms: lag,
  loop_lag_max_ms: lag * 2,
  saturated: false,
  ...extra,
});

function resultOf(spec: StageSpec, metrics: StageMetrics, durationMs: number, extra: Partial<StageResult> = {}): StageResult {
  const timeline = metrics.timeline.finish();
  const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
  return {
    spec,
    startedAt: new Date(0),
    durationMs,
    metrics,
    timeline,
    generator: generator(0, 1),
    spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
    ...extra,
  };
}

/** As `run` writes it and `merge` reads it back: through JSON. */
function reportOf(results: StageResult[], shard?: Shard, o: { started?: string; plan?: string; durationMs?: number } = {}): Report {
  const r = buildReport({
    planFile: 'perf/plan.yml',
    run: { target: 'http://127.0.0.1:3000', startedAt: new Date(o.started ?? '2025-01-01T00:00:00.000Z'), durationMs: o.durationMs ?? 9000 },
    stages: results.map(stageReport),
    checks: [],
    verdict: 'pass',
    runner: RUNNER,
    fingerprints: { plan: o.plan ?? 'plan-a', runner: 'runner-a' },
    shard,
  });
  return JSON.parse(JSON.stringify(r)) as Report;
}

const LOAD: StageSpec = { name: 'load', kind: 'load', model: 'open', protocol: 'http', maxInFlight: 1000, rate: 6000, rampMs: 0, durationMs: 5000 };
const SPIKE: StageSpec = {
  name: 'spike',
  kind: 'spike',
  protocol: 'http',
  maxInFlight: 1000,
  fromRate: 300,
  toRate: 3000,
  beforeMs: 2000,
  rampMs: 0,
  holdMs: 2000,
  afterMs: 4000,
};

/** The spike's users feel 40–80 ms during the hold, 30 ms for 2 s after it, then the floor again. */
function spikeRecords(n = 9000): Rec[] {
  const r = seededRandom(7);
  return Array.from({ length: n }, () => {
    const startMs = r() * 8000;
    const floor = 2 + 2 * r();
    const latencyMs = startMs < 2000 ? floor : startMs < 4000 ? 40 + 40 * r() : startMs < 6000 ? 30 : floor;
    return { endpoint: 0, startMs, latencyMs, status: 200 };
  }).sort((a, b) => a.startMs - b.startMs);
}

/** The three shards and the single run, from the same recorded values. */
function fixture(): { files: ShardReportFile[]; single: Report; raw: number[] } {
  const sets = [recordsOf(0), recordsOf(1), recordsOf(2)];
  const spike = spikeRecords();
  const files: ShardReportFile[] = [];
  const singleLoad = new StageMetrics(ENDPOINTS, MAX_LATENCY_MS);
  const singleSpike = new StageMetrics(ENDPOINTS, MAX_LATENCY_MS);
  for (const [i, recs] of sets.entries()) {
    const shard = { index: i + 1, count: 3 };
    const load = new StageMetrics(ENDPOINTS, MAX_LATENCY_MS);
    record(load, recs);
    load.retryAfterSeen = i;
    load.noteErrorMessage(`socket hang up ${i % 2}`);
    for (let t = 0; t < 5; t++) load.timeline.sampleActive(t * 1000 + 1000, 10 * (i + 1));
    // A spike's sends go round the shards (every third), as the stride schedule deals them.
    const spikeMetrics = new StageMetrics(ENDPOINTS, MAX_LATENCY_MS);
    record(
      spikeMetrics,
      spike.filter((_, k) => k % 3 === i),
    );
    const results = [
      resultOf(shardStage(LOAD, shard), load, 5200 + 10 * i, { scheduled: 10_000, generator: generator(i + 1, [1, 3, 2][i]!) }),
      resultOf(shardStage(SPIKE, shard), spikeMetrics, 8100),
    ];
    files.push({
      file: `shard-${i + 1}/report.json`,
      report: reportOf(results, shard, { started: `2025-01-01T00:00:0${3 - i}.000Z`, durationMs: 9000 + 100 * i }),
    });
  }
  record(
    singleLoad,
    sets.flat().sort((a, b) => a.startMs - b.startMs),
  );
  singleLoad.retryAfterSeen = 0 + 1 + 2;
  for (const i of [0, 1, 2]) singleLoad.noteErrorMessage(`socket hang up ${i % 2}`);
  for (let t = 0; t < 5; t++) singleLoad.timeline.sampleActive(t * 1000 + 1000, 10 + 20 + 30);
  record(singleSpike, spike);
  const single = reportOf([resultOf(LOAD, singleLoad, 5220, { scheduled: 30_000, generator: generator(6, 3) }), resultOf(SPIKE, singleSpike, 8100)]);
  return { files, single, raw: sets.flat().map((x) => x.latencyMs) };
}

/** The value at percentile p of raw values, as HDR ranks them. */
function rawPercentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('mergeShardReports equals a single run of the same values', () => {
  const { files, single, raw } = fixture();
  // Given out of order, as a glob of artifact folders may list them.
  const merged = mergeShardReports([files[2]!, files[0]!, files[1]!]);
  const [load, spike] = merged.stages;
  const [singleLoad, singleSpike] = single.stages;

  it('counts, error kinds, status codes, error rate and rps exactly', () => {
    for (const key of [
      'requests',
      'errors',
      'error_rate',
      'rps',
      'errors_by_kind',
      'status_codes',
      'retry_after_seen',
      'scheduled',
      'late_sends',
      'dropped',
      'error_samples',
    ] as const) {
      expect(load![key], key).toEqual(singleLoad![key]);
    }
    expect(load!.requests).toBe(30_000);
    expect(load!.errors).toBe(200 + 100 + 143);
    expect(load!.errors_by_kind).toMatchObject({ http_5xx: 200, timeout: 100, check: 143 });
    expect(load!.scheduled).toBe(30_000);
    expect(load!.rps).toBe(6000);
  });

  it('every percentile equals the single run (histograms add without loss) and is within 3 significant digits of the raw values', () => {
    expect(load!.latency_ms).toEqual(singleLoad!.latency_ms);
    const sorted = [...raw].sort((a, b) => a - b);
    for (const [p, key] of [
      [50, 'p50'],
      [90, 'p90'],
      [95, 'p95'],
      [99, 'p99'],
      [99.9, 'p999'],
    ] as const) {
      const want = rawPercentile(sorted, p);
      expect(Math.abs(load!.latency_ms[key] - want), `${key}: ${load!.latency_ms[key]} vs ${want}`).toBeLessThanOrEqual(want * 0.001 + 0.001);
    }
    expect(load!.histogram).toBe(singleLoad!.histogram);
  });

  it('endpoints merge by name from their histograms', () => {
    expect(load!.endpoints).toEqual(singleLoad!.endpoints);
    expect(load!.endpoints.map((e) => e.name)).toEqual(ENDPOINTS);
  });

  it('timeline windows align by t: counts and active summed, percentiles from the added window histograms, loop lag the worst', () => {
    expect(load!.timeline.length).toBe(5);
    expect(load!.timeline).toEqual(singleLoad!.timeline);
    expect(load!.timeline.map((w) => w.active)).toEqual([60, 60, 60, 60, 60]);
  });

  it('generator health: late sends summed, loop lag the worst', () => {
    expect(load!.generator).toEqual(singleLoad!.generator);
  });

  it('a spike is judged on the merged timeline: the same recovery as the single run', () => {
    expect(spike!.spike).toEqual(singleSpike!.spike);
    expect(spike!.spike!.recovery_ms).toBe(2000);
    expect(spike!.timeline).toEqual(singleSpike!.timeline);
    expect(spike!.latency_ms).toEqual(singleSpike!.latency_ms);
  });

  it('the merged report is a normal report: no shard, no endpoint histograms, window histograms as a single run keeps them, merged_from in shard order', () => {
    expect(merged.shard).toBeUndefined();
    expect(merged.merged_from!.map((m) => [m.index, m.started_at])).toEqual([
      [1, '2025-01-01T00:00:03.000Z'],
      [2, '2025-01-01T00:00:02.000Z'],
      [3, '2025-01-01T00:00:01.000Z'],
    ]);
    expect(merged.started_at).toBe('2025-01-01T00:00:01.000Z');
    expect(merged.duration_s).toBe(9.2);
    expect(merged.fingerprints).toEqual({ plan: 'plan-a', runner: 'runner-a' });
    expect(load!.duration_s).toBe(5.22);
    for (const s of merged.stages) {
      expect(s.merge_inputs).toBeUndefined();
      expect(s.endpoints.every((e) => e.histogram === undefined)).toBe(true);
      // Every report keeps its windows' histograms: the regression rules resample them.
      expect(s.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    }
    expect(files[0]!.report.stages[0]!.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    expect(singleLoad!.timeline.every((w) => typeof w.histogram === 'string')).toBe(true);
    expect(singleLoad!.merge_inputs).toBeUndefined();
  });
});

describe('mergeShardReports: bursts, saturated shards, WebSocket counts', () => {
  const shard = (i: number): Shard => ({ index: i, count: 2 });

  it('burst cycles merge per cycle (slowest duration, summed outcomes); rps over the longest shard', () => {
    const burst: StageSpec = { name: 'burst', kind: 'burst', protocol: 'http', maxInFlight: 1000, size: 40, cycles: 2, pauseMs: 500 };
    const files = [1, 2].map((i) => {
      const m = new StageMetrics(['root'], 1000);
      for (let k = 0; k < 40; k++) m.record(0, k < 20 ? 0 : 600, 5 + i, 200, undefined);
      const cycles = [
        { cycle: 1, duration_ms: 10 * i, successes: 20, errors: 0 },
        { cycle: 2, duration_ms: 30 - 10 * i, successes: 19, errors: 1 },
      ];
      const gen = i === 2 ? generator(0, 80, { saturated: true, reason: 'event-loop lag p99 80 ms' }) : generator(0, 1);
      return { file: `b${i}.json`, report: reportOf([resultOf(shardStage(burst, shard(i)), m, 1000 * i, { cycles, generator: gen })], shard(i)) };
    });
    const [s] = mergeShardReports(files).stages;
    expect(s!.cycles).toEqual([
      { cycle: 1, duration_ms: 20, successes: 40, errors: 0 },
      { cycle: 2, duration_ms: 20, successes: 38, errors: 2 },
    ]);
    expect(s!.requests).toBe(80);
    expect(s!.rps).toBe(40); // 80 over the longer shard's 2 s
    expect(s!.generator_saturated).toBe(true);
    expect(s!.generator.reason).toBe('shard 2/2: event-loop lag p99 80 ms');
  });

  it('ws: connect percentiles from the added histograms, connections and closes summed', () => {
    const wsStage: StageSpec = {
      name: 'ws',
      kind: 'load',
      model: 'closed',
      protocol: 'ws',
      maxInFlight: 1000,
      vus: 4,
      connections: 4,
      rampMs: 0,
      thinkMs: 0,
      durationMs: 1000,
    };
    const single = new StageMetrics(['ws request_reply /ws'], 1000);
    single.ws = new WsMetrics();
    const files = [1, 2].map((i) => {
      const m = new StageMetrics(['ws request_reply /ws'], 1000);
      const w = (m.ws = new WsMetrics());
      for (let k = 0; k < 50; k++) {
        recordMs(w.connect, i * 3 + k / 10);
        recordMs(single.ws!.connect, i * 3 + k / 10);
        m.record(0, k * 10, 1 + i, 101, undefined);
        single.record(0, k * 10, 1 + i, 101, undefined);
      }
      w.opened = 2;
      w.peakOpen = 2;
      w.openAtEnd = 2 - i + 1;
      w.noteClose(1006);
      w.reconnects = i;
      return { file: `w${i}.json`, report: reportOf([resultOf(shardStage(wsStage, shard(i)), m, 1000, { mode: 'request_reply' })], shard(i)) };
    });
    const [s] = mergeShardReports(files).stages;
    const [one] = reportOf([resultOf(wsStage, single, 1000, { mode: 'request_reply' })]).stages;
    expect(s!.connect_ms).toEqual(one!.connect_ms);
    expect(s!.connections).toEqual({ planned: 4, opened: 4, failed: 0, peak: 4, open_at_end: 3 });
    expect(s!.closes_by_code).toEqual({ '1006': 2 });
    expect(s!.reconnects).toBe(3);
    expect(s!.unmatched_replies).toBe(0);
    expect(s!.latency_ms).toEqual(one!.latency_ms);
    expect(s!.status_codes).toEqual({ '101': 100 });
  });

  it('an idle shard (no users of its own) adds an empty stage', () => {
    const vus: StageSpec = { name: 'vus', kind: 'load', model: 'closed', protocol: 'http', maxInFlight: 1000, vus: 1, rampMs: 0, thinkMs: 0, durationMs: 1000 };
    const files = [1, 2].map((i) => {
      const m = new StageMetrics(['root'], 1000);
      if (i === 1) for (let k = 0; k < 10; k++) m.record(0, k * 90, 3, 200, undefined);
      const spec = shardStage(vus, shard(i));
      expect(spec.share?.idle).toBe(i === 2);
      return { file: `v${i}.json`, report: reportOf([resultOf(spec, m, 1000)], shard(i)) };
    });
    const [s] = mergeShardReports(files).stages;
    expect(s!.requests).toBe(10);
    expect(s!.rps).toBe(10);
    expect(s!.latency_ms.p50).toBeCloseTo(3, 2); // the top of 3 ms's 2-µs bucket
  });
});

describe('mergeShardReports refuses what is not the n shards of one run', () => {
  const { files } = fixture();
  const [a, b, c] = files as [ShardReportFile, ShardReportFile, ShardReportFile];
  const refuse = (set: ShardReportFile[], message: string | RegExp): void => {
    expect(() => mergeShardReports(set)).toThrow(ShardMergeError);
    expect(() => mergeShardReports(set)).toThrow(message);
  };

  it('a missing shard', () => {
    refuse([a, c], 'shard 2/3 missing (given: shard-1/report.json (shard 1/3), shard-3/report.json (shard 3/3)): merge needs all 3');
  });

  it('the same shard twice', () => {
    refuse([a, b, { ...b, file: 'again/report.json' }], 'shard 2/3 is given twice: shard-2/report.json and again/report.json');
  });

  it('shards of different plans', () => {
    const other = { file: 'other/report.json', report: { ...c.report, fingerprints: { plan: 'plan-b', runner: 'runner-a' } } };
    refuse([a, b, other], 'shard-1/report.json and other/report.json are shards of different plans (plan fingerprints plan-a and plan-b)');
  });

  it('a different number of shards', () => {
    refuse([a, b, { file: 'x.json', report: { ...c.report, shard: { index: 3, count: 4 } } }], /split the load differently/);
  });

  it('a report that is not a shard report', () => {
    const { shard: _dropped, ...whole } = c.report;
    refuse(
      [a, b, { file: 'single/report.json', report: whole }],
      'single/report.json is not a shard report (no "shard"): shard reports come from perf-gate run --shard i/n',
    );
  });

  it('an interrupted shard, a shard stopped early (an abort, a run limit), and shards that ran different stages', () => {
    refuse([a, b, { file: 'c.json', report: { ...c.report, cancelled: true } }], 'c.json (shard 3/3) was interrupted');
    refuse(
      [
        a,
        b,
        {
          file: 'c.json',
          report: {
            ...c.report,
            stages: c.report.stages.map((st) => ({ ...st, aborted: { rule: 'target_down', at_s: 3, reason: 'the target stopped answering' } })),
          },
        },
      ],
      'c.json (shard 3/3) stopped early (the target stopped answering)',
    );
    refuse(
      [
        a,
        b,
        {
          file: 'c.json',
          report: {
            ...c.report,
            checks: [
              {
                stage: 'load',
                metric: 'requests',
                kind: 'threshold',
                current: 501,
                limit: '< 500 (limits.max_requests)',
                method: 'run limit',
                verdict: 'fail',
                note: 'the run reached limits.max_requests (500)',
              },
            ] as never,
          },
        },
      ],
      'c.json (shard 3/3) stopped early (the run reached limits.max_requests (500))',
    );
    refuse([a, b, { file: 'c.json', report: { ...c.report, stages: c.report.stages.slice(0, 1) } }], /ran different stages \(load, spike \/ load\)/);
  });

  it('a shard stage without its histograms, or with a damaged one', () => {
    const stripped = JSON.parse(JSON.stringify(c.report)) as Report;
    delete stripped.stages[0]!.timeline[2]!.histogram;
    refuse([a, b, { file: 'c.json', report: stripped }], 'c.json: stage load, window t=2 has no histogram');
    const damaged = JSON.parse(JSON.stringify(c.report)) as Report;
    damaged.stages[0]!.timeline[2]!.histogram = 'abc';
    refuse([a, b, { file: 'c.json', report: damaged }], /^c\.json: stage load, window t=2 has a histogram that cannot be decoded \(.+\): the file is damaged/);
  });

  it('shards that did not run together (one started after another had finished: a re-run job)', () => {
    // The fixture's shards start together (shard 1 lasts 12 s); this one starts 62 s after shard 1 ended.
    const late = { file: 'rerun/report.json', report: { ...c.report, started_at: '2025-01-01T00:01:14.000Z' } };
    refuse(
      [a, b, late],
      'shard 3 (rerun/report.json) started 62.0 s after shard 1 (shard-1/report.json) had finished: they did not load the target together (a re-run of one job?); run all 3 shards again',
    );
    // Starting a minute apart but overlapping is one run (matrix jobs start when runners are free).
    const overlapping = { file: 'c.json', report: { ...c.report, started_at: '2025-01-01T00:00:08.000Z' } };
    expect(() => mergeShardReports([a, b, overlapping])).not.toThrow();
  });
});

describe("the app's figures (resources) of shards", () => {
  /** The fixture's shards with each load stage's app figures set: `cpu` ms in all, spread evenly over its windows. */
  function withResources(sources: string[], cpu: number[], peak: number[]): ShardReportFile[] {
    const { files } = fixture();
    return files.map((f, i) => {
      const report = structuredClone(f.report);
      const s = report.stages[0]!;
      s.resources = { source: sources[i]!, cpu_ms: cpu[i]!, cpu_ms_per_request: cpu[i]! / s.requests, cpu_pct: 1, rss_mb_peak: peak[i]!, samples: 6 };
      s.timeline.forEach((w) => {
        w.cpu_ms = cpu[i]! / s.timeline.length;
        w.rss_mb = peak[i]!;
      });
      return { ...f, report };
    });
  }

  it("shards that each started their app: CPU added over all requests, memory the largest instance's, windows likewise", () => {
    const files = withResources(
      ['process group 10 (target.start)', 'process group 20 (target.start)', 'process group 30 (target.start)'],
      [1000, 2000, 3000],
      [50, 80, 60],
    );
    const [s] = mergeShardReports(files).stages;
    expect(s!.resources).toMatchObject({ source: '3 shards, each its own app (target.start)', cpu_ms: 6000, cpu_ms_per_request: 0.2, rss_mb_peak: 80 });
    const cpuSum = s!.timeline.reduce((a, w) => a + (w.cpu_ms ?? 0), 0);
    expect(cpuSum).toBeCloseTo(6000, 1);
    expect(Math.max(...s!.timeline.map((w) => w.rss_mb ?? 0))).toBe(80);
  });

  it('shards that read target.process: not added, and the report says why', () => {
    const files = withResources(['pid_file /run/app.pid', 'pid_file /run/app.pid', 'pid_file /run/app.pid'], [1000, 1000, 1000], [50, 50, 50]);
    const [s] = mergeShardReports(files).stages;
    expect(s!.resources).toMatchObject({ cpu_ms_per_request: null, rss_mb_peak: null });
    expect(s!.resources!.error).toMatch(/^not merged: the shards read target\.process, which may be one app every shard saw whole or one app per shard/);
    expect(s!.timeline.some((w) => w.cpu_ms !== undefined)).toBe(false);
  });
});
