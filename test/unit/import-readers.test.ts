/** The k6 and Locust readers on fixtures in those tools' documented formats (test/fixtures/import/README.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, PlanError } from '../../src/errors.js';
import { importResults, parseGateFile, parseResults } from '../../src/import/index.js';
import { parseCsv } from '../../src/import/csv.js';
import { asReport } from '../../src/baseline/file-store.js';
import { renderSummary } from '../../src/report/markdown.js';
import { renderConsole } from '../../src/report/console.js';
import type { RunnerInfo } from '../../src/report/types.js';

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
    const text = fixture('locust_stats.csv').replace('GET,/posts,3000,3,17,21.43872109,3.1882,310.5521,1532.0,49.97,0.049,17,21,25,28,37,48,66,84,210,310,310', 'GET,/posts,0,0,0,0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A');
    expect(parseResults('locust', text, 'x.csv').endpoints[0]).toEqual({ name: 'GET /posts', requests: 0, errors: 0, latency: { p50: 0, p95: undefined, p99: undefined } });
  });

  it('a custom PERCENTILES_TO_REPORT without 99%: p99 absent, the rest mapped', () => {
    const lines = fixture('locust_stats.csv').split('\r\n');
    const drop = (line: string) => line.split(',').filter((_, i) => i !== 18).join(',');
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
    ['a perf-gate report', 'k6', '{"tool": "perf-gate", "stages": []}', /^r\.json is a perf-gate report, not a k6 summary: compare perf-gate reports without --from/],
    ['no http_req_duration', 'k6', '{"metrics": {"iterations": {"count": 3, "rate": 1}}}', /^r\.json holds no HTTP results \(metrics: iterations\) and no http_req_duration: perf-gate gates the HTTP results of a k6 summary/],
    ['no http_reqs', 'k6', '{"metrics": {"http_req_duration": {"avg": 1}}}', /^r\.json has no http_reqs metric/],
    ['a non-number statistic', 'k6', '{"metrics": {"http_req_duration": {"p(95)": "fast"}, "http_reqs": {"count": 1, "rate": 1}, "http_req_failed": {"passes": 0, "fails": 1, "value": 0}}}', /^r\.json: metrics\["http_req_duration"\]\["p\(95\)"\] is "fast", expected a number ≥ 0$/],
    ['a negative count (handleSummary shape)', 'k6', '{"metrics": {"http_req_duration": {"type": "trend", "values": {"avg": 1}}, "http_reqs": {"type": "counter", "values": {"count": -1, "rate": 1}}, "http_req_failed": {"type": "rate", "values": {"passes": 0}}}}', /^r\.json: metrics\["http_reqs"\]\.values\["count"\] is -1, expected a number ≥ 0$/],
    ['an empty CSV', 'locust', '', /^r\.json is empty: perf-gate --from locust reads the PREFIX_stats\.csv/],
    ['a CSV missing columns', 'locust', 'Type,Name,Request Count\r\nGET,/,1\r\n', /^r\.json is not a Locust stats CSV: missing columns "Failure Count", "Average Response Time", "Min Response Time", "Max Response Time", "Requests\/s"; perf-gate --from locust reads/],
    ['the history CSV instead', 'locust', 'Timestamp,User Count,Type,Name,Requests/s\r\n', /^r\.json is not a Locust stats CSV \(it looks like PREFIX_stats_history\.csv: give PREFIX_stats\.csv\)/],
    ['no Aggregated row', 'locust', 'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\nGET,/,1,0,1,1,1,1\r\n', /^r\.json has no aggregate row \("Aggregated", or "Total" before Locust 0\.13\)/],
    ['a bad number, with its line', 'locust', 'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\n,Aggregated,lots,0,1,1,1,1\r\n', /^r\.json:2: column "Request Count" is "lots", expected a number ≥ 0$/],
    ['a short row', 'locust', 'Type,Name,Request Count,Failure Count,Average Response Time,Min Response Time,Max Response Time,Requests/s\r\n,Aggregated,1,0\r\n', /^r\.json:2: 4 columns, the header has 8$/],
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
    const rules = parseGateFile('name: checkout\nthresholds:\n  "*": { p95: "< 200ms", error_rate: "< 1%" }\nregression: { p95: "+15%" }\n', 'gate.yml', {}, stages);
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
    expect(tl[0]).toEqual({ t: 0, rps: 9, p50: 17, p90: 37, p95: 48, p99: 84, max: 310, mean: 19.78, requests: 9, errors: 0, active: 1, late_sends: 0, loop_lag_ms: 0 });
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
    const m = importMessage(() => parseResults('locust', fixture('locust_stats.csv'), 'locust_stats.csv', { history: { text: 'Type,Name\r\n', file: 'h.csv' } }));
    expect(m).toMatch(/^h\.csv is not a Locust stats history CSV: missing columns "Timestamp", "User Count"/);
  });
});
