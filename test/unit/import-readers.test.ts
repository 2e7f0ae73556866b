/** The k6 and Locust readers on fixtures in those tools' documented formats (test/fixtures/import/README.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, PlanError } from '../../src/errors.js';
import { importResults, parseGateFile, parseResults } from '../../src/import/index.js';
import { parseCsv } from '../../src/import/csv.js';
import { asReport } from '../../src/baseline/report-file.js';
import { renderSummary } from '../../src/report/markdown.js';
import { renderConsole } from '../../src/report/console.js';
import type { RunnerInfo } from '../../src/model/report.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const RUNNER: RunnerInfo = { os: 'linux 6.1', arch: 'x64', cpu: 'test cpu', cores: 2, node: 'v20' };
const ctx = { startedAt: '2026-11-24T08:00:00.000Z', runner: RUNNER };

/** The message of what `fn` throws (an ImportError is expected). */
function importMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('E_IMPORT');
    expect((err as ImportError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('k6 --summary-export', () => {
  const run = parseResults('k6', fixture('k6-summary-export.json'), 'summary.json');

  it('maps http_reqs, http_req_failed and http_req_duration exactly; absent percentiles stay absent', () => {
    expect(run).toMatchObject({ tool: 'k6', requests: 2400, errors: 12, rps: 39.98666 });
    // Default summaryTrendStats: avg min med max p(90) p(95); no p(99), no p(99.9).
    expect(run.latency).toEqual({ min: 4.2103, mean: 23.4182, p50: 18.9021, p90: 41.2047, p95: 58.3119, max: 412.7305 });
    // --summary-export drops state.testRunDurationMs: count / rate.
    expect(run.duration_s).toBeCloseTo(2400 / 39.98666, 6);
  });

  it('endpoints from {name:…} sub-metrics; counts from http_req_failed{name} or http_reqs{name}; errors only where k6 has them', () => {
    expect(run.endpoints).toEqual([
      { name: 'create-post', requests: 400, errors: null, latency: { p50: 27.1149, p95: 71.6688, p99: undefined } },
      { name: 'list-posts', requests: 2000, errors: 8, latency: { p50: 17.5932, p95: 54.8864, p99: undefined } },
    ]);
    expect(run.missing).toEqual(['endpoint create-post errors']);
  });

  it('becomes one stage named after the tool (or --stage), null where k6 said nothing, no histogram, no timeline', () => {
    const report = importResults('k6', fixture('k6-summary-export.json'), { ...ctx, file: 'summary.json' });
    expect(report.imported).toEqual({ tool: 'k6', file: 'summary.json' });
    const [stage] = report.stages;
    expect(stage).toMatchObject({ name: 'k6', kind: 'load', requests: 2400, errors: 12, error_rate: 0.005, rps: 39.99, histogram: '', timeline: [] });
    expect(stage!.latency_ms).toEqual({ min: 4.21, mean: 23.418, p50: 18.902, p90: 41.205, p95: 58.312, p99: null, p999: null, max: 412.731 });
    expect(stage!.imported).toMatchObject({ tool: 'k6', missing: ['p99', 'p999', 'endpoint create-post errors'] });
    expect(stage!.imported!.tool_thresholds).toHaveLength(6);
    expect(importResults('k6', fixture('k6-summary-export.json'), { ...ctx, file: 's.json', stage: 'checkout' }).stages[0]!.name).toBe('checkout');
  });

  it("k6's own thresholds as k6 judged them (summary-export: true = failed)", () => {
    expect(run.tool_thresholds).toEqual([
      { metric: 'http_req_duration', rule: 'p(95)<200', ok: true },
      { metric: 'http_req_duration{name:create-post}', rule: 'p(95)<300', ok: true },
      { metric: 'http_req_duration{name:list-posts}', rule: 'p(95)<200', ok: true },
      { metric: 'http_req_failed', rule: 'rate<0.01', ok: true },
      { metric: 'http_req_failed{name:list-posts}', rule: 'rate<0.01', ok: true },
      { metric: 'http_reqs{name:create-post}', rule: 'count>100', ok: true },
    ]);
    const failing = fixture('k6-summary-export.json').replace('"p(95)<200": false', '"p(95)<200": true');
    const report = importResults('k6', failing, { ...ctx, file: 's.json' });
    expect(renderSummary(report)).toContain("k6's own thresholds (not gated here): 5 of 6 passed; failed: `http_req_duration` `p(95)<200`.");
  });

  it('the report reads back as a report file, and renders with "—" for what is missing (no NaN, no "null")', () => {
    const report = importResults('k6', fixture('k6-summary-export.json'), { ...ctx, file: 'summary.json' });
    expect(() => asReport(JSON.parse(JSON.stringify(report)), 'baseline.json')).not.toThrow();
    const text = renderSummary(report) + renderConsole(report);
    expect(text).not.toMatch(/NaN|null|undefined/);
    expect(text).toContain('| create-post | 400 | — |');
    expect(text).toContain('Results of k6 imported from `summary.json`');
  });

  it('a perf-gate report with a null percentile but no imported marker is still refused', () => {
    const report = JSON.parse(JSON.stringify(importResults('k6', fixture('k6-summary-export.json'), { ...ctx, file: 's.json' })));
    delete report.stages[0].imported;
    expect(() => asReport(report, 'b.json')).toThrow(/latency_ms\.p99 is null, expected a number ≥ 0/);
  });
});

describe('k6 handleSummary data', () => {
  const run = parseResults('k6', fixture('k6-handle-summary.json'), 'summary.json');

  it('reads metrics.X.values, p(99) when summaryTrendStats has it, the run length from state', () => {
    expect(run).toMatchObject({ requests: 6000, errors: 30, rps: 99.97916, duration_s: 60.0125046 });
    expect(run.latency).toEqual({ min: 1.9027, mean: 12.6631, p50: 9.8814, p90: 22.4079, p95: 31.5526, p99: 88.1402, max: 233.0518 });
    expect(run.missing).toEqual(['endpoint GET /products errors']);
    // handleSummary data: thresholds: { expr: { ok } } beside the values.
    expect(run.tool_thresholds).toHaveLength(8);
    expect(run.tool_thresholds!.every((t) => t.ok)).toBe(true);
    expect(run.tool_thresholds![0]).toEqual({ metric: 'http_req_duration', rule: 'p(95)<100', ok: true });
  });

  it('endpoints counted by the trend count; status codes from http_reqs{status:…}, 5xx as errors_by_kind', () => {
    expect(run.endpoints.map((e) => [e.name, e.requests, e.errors, e.latency.p99])).toEqual([
      ['GET /products', 4500, null, 70.4431],
      ['POST /cart', 1500, 30, 121.7785],
    ]);
    const stage = importResults('k6', fixture('k6-handle-summary.json'), { ...ctx, file: 'summary.json' }).stages[0]!;
    expect(stage.status_codes).toEqual({ '200': 5970, '503': 30 });
    expect(stage.errors_by_kind).toEqual({ http_5xx: 30 });
    expect(stage.imported!.missing).toEqual(['p999', 'endpoint GET /products errors']);
  });
});

describe('Locust stats CSV', () => {
  const run = parseResults('locust', fixture('locust_stats.csv'), 'locust_stats.csv');

  it('maps the Aggregated row exactly (50%, 90%, 95%, 99%, 99.9% columns; min, max, average)', () => {
    expect(run).toMatchObject({ tool: 'locust', requests: 5000, errors: 9, rps: 83.284 });
    expect(run.latency).toEqual({ min: 2.7741, mean: 21.75016311, p50: 17, p90: 38, p95: 49, p99: 89, p999: 230, max: 402.1993 });
    expect(run.duration_s).toBeCloseTo(5000 / 83.284, 6);
  });

  it('one endpoint per row, named "Type Name" (a quoted name with a comma survives)', () => {
    expect(run.endpoints).toEqual([
      { name: 'GET /posts', requests: 3000, errors: 3, latency: { p50: 17, p95: 48, p99: 84 } },
      { name: 'POST /posts', requests: 600, errors: 6, latency: { p50: 26, p95: 66, p99: 120 } },
      { name: 'GET /posts/[id], by id', requests: 1400, errors: 0, latency: { p50: 13, p95: 33, p99: 57 } },
    ]);
    const stage = importResults('locust', fixture('locust_stats.csv'), { ...ctx, file: 'x.csv' }).stages[0]!;
    expect(stage).toMatchObject({ name: 'locust', error_rate: 0.0018, errors_by_kind: {}, status_codes: {} });
    expect(stage.imported!.missing).toEqual([]);
  });

  it('N/A percentiles of an endpoint without requests are absent, not 0', () => {
    const text = fixture('locust_stats.csv').replace(
      'GET,/posts,3000,3,17,21.43872109,3.1882,310.5521,1532.0,49.97,0.049,17,21,25,28,37,48,66,84,210,310,310',
      'GET,/posts,0,0,0,0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A',
    );
    expect(parseResults('locust', text, 'x.csv').endpoints[0]).toEqual({
      name: 'GET /posts',
      requests: 0,
      errors: 0,
      latency: { p50: 0, p95: undefined, p99: undefined },
    });
  });

  it('a custom PERCENTILES_TO_REPORT without 99%: p99 absent, the rest mapped', () => {
    const lines = fixture('locust_stats.csv').split('\r\n');
    const drop = (line: string) =>
      line
        .split(',')
        .filter((_, i) => i !== 18)
        .join(',');
    const text = [lines[0], lines[4]].map(drop).join('\r\n');
    const r = parseResults('locust', text, 'x.csv');
    expect(r.latency.p99).toBeUndefined();
    expect(r.latency.p95).toBe(49);
  });
});

describe('bad inputs: one clear message naming the file', () => {
  it.each<[string, 'k6' | 'locust', string, RegExp]>([
    ['not JSON', 'k6', 'hello', /^r\.json is not JSON \(.*\): perf-gate --from k6 reads the file of `k6 run --summary-export=FILE`/],
    ['JSON but not a k6 summary', 'k6', '{"a": 1}', /^r\.json is not a k6 summary \(no "metrics" object\)/],
    ['a JSON list', 'k6', '[1, 2]', /^r\.json is not a k6 summary/],
    [
      'a perf-gate report',
      'k6',
      '{"tool": "perf-gate", "stages": []}',
      /^r\.json is a perf-gate report, not a k6 summary: compare perf-gate reports without --from/,
    ],
    [
      'no http_req_duration',
      'k6',
      '{"metrics": {"iterations": {"count": 3, "rate": 1}}}',
      /^r\.json holds no HTTP results \(metrics: iterations\) and no http_req_duration: perf-gate gates the HTTP results of a k6 summary/,
    ],
    ['no http_reqs', 'k6', '{"metrics": {"http_req_duration": {"avg": 1}}}', /^r\.json has no http_reqs metric/],
    [
      'a non-number statistic',
      'k6',
      '{"metrics": {"http_req_duration": {"p(95)": "fast"}, "http_reqs": {"count": 1, "rate": 1}, "http_req_failed": {"passes": 0, "fails": 1, "value": 0}}}',
      /^r\.json: metrics\["http_req_duration"\]\["p\(95\)"\] is "fast", expected a number ≥ 0$/,
    ],
    [
      'a negative count (handleSummary shape)',
      'k6',
      '{"metrics": {"http_req_duration": {"type": "trend", "values": {"avg": 1}}, "http_reqs": {"type": "counter", "values": {"count": -1, "rate": 1}}, "http_req_failed": {"type": "rate", "values": {"passes": 0}}}}',
      /^r\.json: metrics\["http_reqs"\]\.values\["count"\] is -1, expected a number ≥ 0$/,
    ],
    ['an empty CSV', 'locust', '', /^r\.json is empty: perf-gate --from locust reads the PREFIX_stats\.csv/],
    [
      'a CSV missing columns',
      'locust',
      'Type,Name,Request Count\r\nGET,/,1\r\n',
      /^r\.json is not a Locust stats CSV: missing columns "Failure Count", "Average Response Time", "Min Response Time", "Max Response Time", "Requests\/s"; perf-gate --from locust reads/,
    ],
    [
      'the history CSV instead',
      'locust',
      'Timestamp,User Count,Type,Name,Requests/s\r\n',
      /^r\.json is not a Locust stats CSV \(it looks like PREFIX_stats_history\.csv: give PREFIX_stats\.csv\)/,
    ],
    [
      'no Aggregated row',
      'locust',
      'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\nGET,/,1,0,1,1,1,1\r\n',
      /^r\.json has no aggregate row \("Aggregated", or "Total" before Locust 0\.13\)/,
    ],
    [
      'a bad number, with its line',
      'locust',
      'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\n,Aggregated,lots,0,1,1,1,1\r\n',
      /^r\.json:2: column "Request Count" is "lots", expected a number ≥ 0$/,
    ],
    [
      'a short row',
      'locust',
      'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\n,Aggregated,1,0\r\n',
      /^r\.json:2: 4 columns, the header has 8$/,
    ],
  ])('%s', (_, tool, text, message) => {
    const m = importMessage(() => parseResults(tool, text, 'r.json'));
    expect(m).toMatch(message);
    expect(m).not.toMatch(/NaN|at .*\.ts/);
  });
});

describe('parseCsv', () => {
  it('quotes, doubled quotes, CRLF and LF, a BOM, no trailing empty row', () => {
    expect(parseCsv('\ufeffa,"b,c","d ""e"""\r\n1,,3\n')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'd "e"'] },
      { line: 2, cells: ['1', '', '3'] },
    ]);
  });
});

describe('gate files (--plan with --from)', () => {
  const stages = [{ name: 'k6', kind: 'load' as const }];

  it('reads thresholds, regression and name with the plan parsers', () => {
    const rules = parseGateFile(
      'name: checkout\nthresholds:\n  "*": { p95: "< 200ms", error_rate: "< 1%" }\nregression: { p95: "+15%" }\n',
      'gate.yml',
      {},
      stages,
    );
    expect(rules.name).toBe('checkout');
    expect(rules.thresholds['*']!.map((r) => r.raw)).toEqual(['< 200ms', '< 1%']);
    expect(rules.regression).toEqual([{ metric: 'p95', direction: 'increase', unit: 'pct', amount: 15, raw: '+15%' }]);
    expect(parseGateFile('thresholds: { k6: { p95: "< 1s" } }\n', 'gate.yml', {}, stages).regression).toBeUndefined();
  });

  it('every problem at file:line:col: plan keys, unknown stages and metrics, bad rules', () => {
    const text = 'target: { url: "http://x" }\nthresholds:\n  k7: { p95: "< 200ms" }\n  k6: { p59: "< 1s", p99: "fast" }\nregression: { p95: "15%" }\n';
    let err: unknown;
    try {
      parseGateFile(text, 'gate.yml', {}, stages);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).message.split('\n')).toEqual([
      'gate.yml:1:1: target: a gate file for --from holds only thresholds:, regression: and name: (the load was run by the other tool)',
      'gate.yml:3:3: thresholds: unknown stage "k7"; did you mean "k6"?',
      'gate.yml:4:9: thresholds.k6.p59: unknown metric "p59"; did you mean "p50"?',
      'gate.yml:4:27: thresholds.k6.p99: "fast" is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"',
      'gate.yml:5:20: regression.p95: "15%" is not a regression limit: use a signed change like "+15%" or "-10%", a noise band like "+3σ", or "band"',
    ]);
  });
});

describe('Locust stats history (the timeline)', () => {
  const history = { text: fixture('locust_stats_history.csv'), file: 'locust_stats_history.csv' };
  const run = parseResults('locust', fixture('locust_stats.csv'), 'locust_stats.csv', { history });

  it('one window per second from the Aggregated rows: counts and the mean from the running totals, exactly', () => {
    const tl = run.timeline!;
    expect(tl).toHaveLength(60);
    expect(tl.reduce((n, w) => n + w.requests, 0)).toBe(5000);
    expect(tl.reduce((n, w) => n + w.errors, 0)).toBe(9);
    // The first window: the run's first second (the N/A row before it has zero totals).
    expect(tl[0]).toEqual({
      t: 0,
      rps: 9,
      p50: 17,
      p90: 37,
      p95: 48,
      p99: 84,
      max: 310,
      mean: 19.78,
      requests: 9,
      errors: 0,
      active: 1,
      late_sends: 0,
      loop_lag_ms: 0,
    });
    // The slow patch: per-window mean 38 ms, Locust's 10-s "current" p95 doubled.
    expect(tl[31]).toMatchObject({ t: 31, requests: 90, errors: 1, mean: 38, p95: 100, active: 10 });
    expect(run.missing).toEqual([]);
  });

  it('without --csv-full-history the percentiles are cumulative: no timeline, and the report says why', () => {
    const lines = history.text.split('\r\n');
    const aggregatedOnly = lines.filter((l, i) => i === 0 || l.includes(',Aggregated,')).join('\r\n');
    const r = parseResults('locust', fixture('locust_stats.csv'), 'locust_stats.csv', { history: { text: aggregatedOnly, file: 'h.csv' } });
    expect(r.timeline).toEqual([]);
    expect(r.missing).toEqual(['timeline (Locust writes per-second percentiles only with --csv-full-history)']);
  });

  it('a history file that is not one is an ImportError naming it', () => {
    const m = importMessage(() =>
      parseResults('locust', fixture('locust_stats.csv'), 'locust_stats.csv', { history: { text: 'Type,Name\r\n', file: 'h.csv' } }),
    );
    expect(m).toMatch(/^h\.csv is not a Locust stats history CSV: missing columns "Timestamp", "User Count"/);
  });
});

describe('k6 machine-readable summary (--new-machine-readable-summary, schema 1.0.0)', () => {
  const run = parseResults('k6', fixture('k6-machine-readable.json'), 'mr.json');

  it('results.metrics is a list: counters (count only: rate = count / config.duration), rates (matches/total), trends', () => {
    expect(run).toMatchObject({ tool: 'k6', requests: 6000, errors: 30, duration_s: 60.0125046 });
    expect(run.rps).toBeCloseTo(6000 / 60.0125046, 9);
    // The whole http_req_duration, not its {expected_response:true} sub-metric listed after it.
    expect(run.latency).toEqual({ min: 1.9027, mean: 12.6631, p50: 9.8814, p90: 22.4079, p95: 31.5526, max: 233.0518 });
    expect(run.trends).toEqual({ checkout_latency: { min: 8.1163, mean: 41.2201, p50: 35.0042, p90: 70.1187, p95: 88.4021, max: 301.7765 } });
    expect(run.notes).toEqual([
      'read from the k6 machine-readable summary (schema 1.x): it holds no thresholds, and trends at most avg, min, med, max, p(90), p(95)',
      'custom trends cart_size not read: they hold no times (contains is not "time")',
    ]);
    expect(run.tool_thresholds).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    [
      'another schema major',
      '{"version": "2.0.0", "config": {"duration": 1}, "results": {"metrics": []}}',
      /^mr\.json is a k6 machine-readable summary of schema version "2\.0\.0": perf-gate reads schema 1\.x$/,
    ],
    [
      'metrics not a list',
      '{"version": "1.0.0", "config": {"duration": 1}, "results": {"metrics": {}}}',
      /^mr\.json: results\.metrics is \{\}, expected the list of metrics/,
    ],
    ['no duration', '{"version": "1.0.0", "config": {}, "results": {"metrics": []}}', /^mr\.json: config\.duration is missing, expected a number ≥ 0$/],
    [
      'a bad counter',
      '{"version": "1.0.0", "config": {"duration": 1}, "results": {"metrics": [{"name": "http_reqs", "type": "counter", "values": {"count": "x"}}]}}',
      /^mr\.json: results\.metrics\[0\] \(http_reqs\)\.values\.count is "x"/,
    ],
  ])('%s: one line', (_, text, message) => {
    expect(importMessage(() => parseResults('k6', text, 'mr.json'))).toMatch(message);
  });
});

describe('k6 variants', () => {
  const exportOf = (metrics: Record<string, unknown>) => JSON.stringify({ root_group: {}, metrics });
  const base = { http_reqs: { count: 100, rate: 10 }, http_req_duration: { avg: 5, min: 1, med: 4, max: 30, 'p(90)': 9, 'p(95)': 12 } };

  it.each<[string, Record<string, unknown>, Partial<ReturnType<typeof parseResults>>]>([
    ['no http_req_failed (k6 before v0.31): errors unknown, said why', base, { requests: 100, errors: null }],
    ['http_req_failed present', { ...base, http_req_failed: { passes: 3, fails: 97, value: 0.03 } }, { errors: 3 }],
    [
      'a tagged sub-metric is not the whole, nor an endpoint, nor a trend',
      {
        ...base,
        http_req_failed: { passes: 0, fails: 100, value: 0 },
        'http_req_duration{expected_response:true}': { avg: 1, min: 1, med: 1, max: 1, 'p(90)': 1, 'p(95)': 1 },
        'my_trend{tag:x}': { avg: 1, med: 1 },
      },
      { endpoints: [] },
    ],
    [
      'custom trends in an export (no unit stated: read as ms, said so); gauges, counters and rates are not trends',
      {
        ...base,
        http_req_failed: { passes: 0, fails: 100, value: 0 },
        db_time: { avg: 2, min: 1, med: 2, max: 9, 'p(90)': 4, 'p(95)': 5, thresholds: { 'p(95)<3': true } },
        vus: { value: 1, min: 1, max: 5 },
        hits: { count: 3, rate: 1 },
        ok_rate: { passes: 1, fails: 0, value: 1 },
      },
      {
        trends: { db_time: { min: 1, mean: 2, p50: 2, p90: 4, p95: 5, max: 9 } },
        notes: ["custom trends db_time read as ms (--summary-export does not say a trend's unit)"],
        tool_thresholds: [{ metric: 'db_time', rule: 'p(95)<3', ok: false }],
      },
    ],
  ])('%s', (_, metrics, want) => {
    const run = parseResults('k6', exportOf(metrics), 'e.json');
    expect(run).toMatchObject(want);
    if (want.errors === null) expect(run.missing[0]).toMatch(/^error_rate \(no http_req_failed metric: k6 before v0\.31/);
    if (!('trends' in want)) expect(run.trends).toBeUndefined();
  });

  it('threshold verdicts by their shape, even mixed: { ok } as is, a boolean true = failed', () => {
    const text = JSON.stringify({
      metrics: {
        ...base,
        http_req_failed: {
          passes: 0,
          fails: 100,
          value: 0,
          thresholds: { 'rate<0.01': false, 'rate<0': true, 'rate<1': { ok: true }, 'rate<2': { ok: false } },
        },
      },
    });
    expect(parseResults('k6', text, 'e.json').tool_thresholds!.map((t) => [t.rule, t.ok])).toEqual([
      ['rate<0.01', true],
      ['rate<0', false],
      ['rate<1', true],
      ['rate<2', false],
    ]);
  });

  it('an unknown error rate shows as "—" and reads back as a baseline', () => {
    const report = importResults('k6', exportOf(base), { ...ctx, file: 'old.json' });
    expect(report.stages[0]).toMatchObject({ errors: null, error_rate: null });
    const text = renderSummary(report) + renderConsole(report);
    expect(text).not.toMatch(/NaN|null|undefined|0\.00%/);
    expect(renderSummary(report)).toContain('| 100 | 10.0 | — |');
    expect(() => asReport(JSON.parse(JSON.stringify(report)), 'b.json')).not.toThrow();
  });
});

describe('Locust variants', () => {
  const stats = fixture('locust_stats.csv');
  it.each<[string, string, { requests: number; p95: number | undefined; endpoints: number }]>([
    ['CRLF with a final line end (Python csv)', stats, { requests: 5000, p95: 49, endpoints: 3 }],
    ['LF, no final newline (hand-joined, Locust 0.x–1.1)', stats.replace(/\r\n/g, '\n').trimEnd(), { requests: 5000, p95: 49, endpoints: 3 }],
    ['a BOM and blank lines', `\ufeff${stats}\r\n\r\n`, { requests: 5000, p95: 49, endpoints: 3 }],
    [
      '1.0: every cell quoted, `"None","Aggregated"`, LF, no final newline',
      '"Type","Name","Request Count","Failure Count","Median Response Time","Average Response Time","Min Response Time","Max Response Time","Average Content Size","Requests/s","Failures/s","50%","66%","75%","80%","90%","95%","98%","99%","99.9%","99.99%","99.999%","100%"\n"GET","/posts, all",3000,3,17,21,3,310,1532,49.97,0.05,17,21,25,28,37,48,66,84,210,310,310,310\n"None","Aggregated",5000,9,17,21,2,402,1242,83.28,0.15,17,21,25,28,38,49,70,89,230,400,400,400',
      { requests: 5000, p95: 49, endpoints: 1 },
    ],
    [
      '0.13/0.14: "# requests", "Requests Failed/s" and the "99.999" header without its %',
      '"Type","Name","# requests","# failures","Median response time","Average response time","Min response time","Max response time","Average Content Size","Requests/s","Requests Failed/s","50%","66%","75%","80%","90%","95%","98%","99%","99.9%","99.99%","99.999","100%"\n"GET","/posts",3000,3,17,21,3,310,1532,49.97,0.05,17,21,25,28,37,48,66,84,210,310,310,310\n"None","Aggregated",5000,9,17,21,2,402,1242,83.28,0.15,17,21,25,28,38,49,70,89,230,400,400,400',
      { requests: 5000, p95: 49, endpoints: 1 },
    ],
    [
      'custom percentiles by header name (no 95%): p95 absent',
      `Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,99%,100%\r\n,Aggregated,10,0,5,5,1,9,0,1,0,5,9,9\r\n`,
      { requests: 10, p95: undefined, endpoints: 0 },
    ],
  ])('%s', (_, text, want) => {
    const run = parseResults('locust', text, 'x_stats.csv');
    expect(run.requests).toBe(want.requests);
    expect(run.latency.p95).toBe(want.p95);
    expect(run.endpoints).toHaveLength(want.endpoints);
  });

  it('0.x (before 0.13): PREFIX_requests.csv ("Method", "# requests", "None","Total") with its percentiles from PREFIX_distribution.csv', () => {
    const distribution = { text: fixture('locust-0.12_distribution.csv'), file: 'locust-0.12_distribution.csv' };
    const run = parseResults('locust', fixture('locust-0.12_requests.csv'), 'locust-0.12_requests.csv', { distribution });
    expect(run).toMatchObject({ requests: 5000, errors: 9, rps: 83.28, missing: [] });
    expect(run.latency).toEqual({ min: 2, mean: 21, p50: 17, p90: 38, p95: 49, p99: 89, max: 402 });
    expect(run.endpoints[1]).toEqual({ name: 'POST /posts', requests: 600, errors: 6, latency: { p50: 26, p95: 66, p99: 120 } });
    // Without the distribution file: the median only, and p95's absence explained once.
    const alone = importResults('locust', fixture('locust-0.12_requests.csv'), { ...ctx, file: 'r_requests.csv' });
    expect(alone.stages[0]!.latency_ms.p95).toBeNull();
    expect(alone.stages[0]!.imported!.missing).toEqual([
      'p90',
      'p99',
      'p999',
      'p95 (Locust 0.x writes percentiles to PREFIX_distribution.csv: put it beside the requests file)',
    ]);
  });

  it('failures and exceptions beside the stats: the most frequent first, multi-line quoted tracebacks read', () => {
    const run = parseResults('locust', stats, 's.csv', {
      failures: { text: fixture('locust-0.12_failures.csv'), file: 'f.csv' },
      exceptions: { text: fixture('locust_exceptions.csv'), file: 'e.csv' },
    });
    expect(run.failures).toEqual({
      from: 'f.csv',
      rows: 2,
      total: 9,
      distinct: 2,
      top: [
        { error: "POST /posts: HTTPError('503 Server Error: Service Unavailable for url: http://127.0.0.1:8080/posts')", count: 6 },
        { error: "GET /posts: HTTPError('503 Server Error: Service Unavailable for url: http://127.0.0.1:8080/posts')", count: 3 },
      ],
    });
    expect(run.exceptions).toEqual({
      from: 'e.csv',
      rows: 2,
      total: 3,
      distinct: 2,
      top: [
        { error: "KeyError('id')", count: 2 },
        { error: "ValueError('bad, value')", count: 1 },
      ],
    });
    const summary = renderSummary(
      importResults('locust', stats, { ...ctx, file: 's.csv' }, { exceptions: { text: fixture('locust_exceptions.csv'), file: 'e.csv' } }),
    );
    expect(summary).toContain("Top errors (`e.csv`, 3 in 2 kinds): `KeyError('id')` ×2; `ValueError('bad, value')` ×1.");
  });

  it.each<[string, Uint8Array, RegExp | string, string]>([
    [
      'GBK (cp936) names: decoded, and said so',
      Buffer.concat([
        Buffer.from(`${stats.split('\r\n')[0]}\r\nGET,`),
        Buffer.from([0xb2, 0xe9, 0xbf, 0xb4]),
        Buffer.from(`,1,0,1,1,1,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1\r\n,Aggregated,1,0,1,1,1,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1\r\n`),
      ]),
      'GET 查看',
      'read as GBK',
    ],
    [
      'bytes neither UTF-8 nor GBK: shown as \\xNN, never a crash',
      Buffer.concat([
        Buffer.from(`${stats.split('\r\n')[0]}\r\nGET,/caf`),
        Buffer.from([0xe9, 0xff]),
        Buffer.from(`,1,0,1,1,1,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1\r\n,Aggregated,1,0,1,1,1,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1\r\n`),
      ]),
      'GET /caf\\xe9\\xff',
      'shown as \\xNN',
    ],
  ])('%s', (_, bytes, name, note) => {
    const run = parseResults('locust', bytes, 'w_stats.csv');
    expect(run.endpoints[0]!.name).toBe(name);
    expect(run.notes!.join(' ')).toContain(note);
  });

  it('a history that ends before the run: a note with how much of it the timeline covers', () => {
    const lines = fixture('locust_stats_history.csv').trimEnd().split('\r\n');
    const short = lines.slice(0, -20).join('\r\n');
    const run = parseResults('locust', stats, 's.csv', { history: { text: short, file: 'h.csv' } });
    expect(run.notes).toEqual([
      expect.stringMatching(
        /^h\.csv covers \d+ of the run's 5000 requests \(\d+(\.\d)?%\): Locust writes its history every 1 s, so the run's last seconds are not in the timeline$/,
      ),
    ]);
  });

  it('a history whose first rows are all N/A draws no 0 ms window', () => {
    const lines = fixture('locust_stats_history.csv').trimEnd().split('\r\n');
    // Two rows before the first request, as a slow start writes them.
    const zero = lines[1]!.replace('1764000000', '1763999999');
    const run = parseResults('locust', stats, 's.csv', { history: { text: [lines[0], zero, ...lines.slice(1)].join('\r\n'), file: 'h.csv' } });
    expect(run.timeline![0]).toMatchObject({ t: 1, requests: 9 });
    expect(run.timeline!.every((w) => w.p95 > 0)).toBe(true);
  });

  it('a CSV that is not CSV (an unclosed quote) is one line with the file and line', () => {
    expect(importMessage(() => parseResults('locust', 'Type,Name\r\nGET,"/x\r\n', 'q.csv'))).toMatch(/^q\.csv(:\d+)?: not readable as CSV \(/);
  });
});
