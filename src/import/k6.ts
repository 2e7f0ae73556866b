/**
 * k6's end-of-test summary → perf-gate figures. Two shapes of the same data (k6 js/summary.go,
 * js/summary-wrapper.js):
 * - handleSummary's `data` (`JSON.stringify(data)`): metrics.X = { type, contains, values: {…}, thresholds };
 * - `--summary-export=FILE`: metrics.X = the values themselves, a rate's `rate` renamed `value`.
 * Trend values are in ms and hold only the summaryTrendStats (default avg, min, med, max, p(90),
 * p(95): no p(99) unless asked for). Sub-metrics (`http_req_duration{name:…}`) exist only where a
 * threshold names them.
 */
import { ImportError } from '../errors.js';
import { needCount, type ImportedEndpoint, type ImportedLatency, type ImportedRun } from './stage.js';

type Values = Record<string, unknown>;

const HINT = 'perf-gate --from k6 reads the file of `k6 run --summary-export=FILE` or the JSON of handleSummary (JSON.stringify(data))';

/** k6 trend statistic → perf-gate latency key. "med" and "p(50)" are the same figure. */
const TREND_STATS: Array<[string, keyof ImportedLatency]> = [
  ['min', 'min'],
  ['avg', 'mean'],
  ['med', 'p50'],
  ['p(50)', 'p50'],
  ['p(90)', 'p90'],
  ['p(95)', 'p95'],
  ['p(99)', 'p99'],
  ['p(99.9)', 'p999'],
  ['max', 'max'],
];

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseK6(text: string, file: string): ImportedRun {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${file} is not JSON (${(err as Error).message.replace(/\s+/g, ' ')}): ${HINT}`);
  }
  if (isObject(doc) && doc.tool === 'perf-gate') {
    throw new ImportError(`${file} is a perf-gate report, not a k6 summary: compare perf-gate reports without --from (or give it as the baseline, the first file)`);
  }
  if (!isObject(doc) || !isObject(doc.metrics)) {
    throw new ImportError(`${file} is not a k6 summary (no "metrics" object): ${HINT}`);
  }
  const metrics = doc.metrics;
  // handleSummary data wraps every metric's figures in `values`; --summary-export does not.
  const wrapped = Object.values(metrics).some((m) => isObject(m) && isObject(m.values) && typeof m.type === 'string');
  const metric = (name: string): Values | undefined => {
    const m = metrics[name];
    if (!isObject(m)) return undefined;
    return wrapped ? (isObject(m.values) ? m.values : undefined) : m;
  };
  const where = (name: string, stat: string): string => `metrics["${name}"]${wrapped ? '.values' : ''}["${stat}"]`;

  const duration = metric('http_req_duration');
  if (!duration) {
    throw new ImportError(`${file} has no http_req_duration metric: it is not the summary of a k6 test that made HTTP requests (perf-gate gates HTTP results)`);
  }
  const reqs = metric('http_reqs');
  if (!reqs) throw new ImportError(`${file} has no http_reqs metric: the request count is missing`);
  const failed = metric('http_req_failed');
  if (!failed) {
    throw new ImportError(`${file} has no http_req_failed metric: perf-gate needs the failed-request count (k6 v0.31 and later report it unless systemTags drops expected_response)`);
  }
  const requests = needCount(reqs.count, file, where('http_reqs', 'count'));
  const errors = needCount(failed.passes, file, where('http_req_failed', 'passes'));
  const rps = needCount(reqs.rate, file, where('http_reqs', 'rate'));

  const state = isObject(doc.state) ? doc.state : undefined;
  const durationMs = state && typeof state.testRunDurationMs === 'number' ? state.testRunDurationMs : undefined;
  const missing: string[] = [];
  const endpoints: ImportedEndpoint[] = [];
  for (const key of Object.keys(metrics).sort()) {
    const name = /^http_req_duration\{name:(.+)\}$/.exec(key)?.[1];
    if (name === undefined) continue;
    const endpoint = endpointOf(name, file, metric, where);
    if (endpoint) endpoints.push(endpoint);
    else missing.push(`endpoint ${name} (no request count: add "count" to summaryTrendStats)`);
  }
  for (const e of endpoints) if (e.errors === null) missing.push(`endpoint ${e.name} errors`);

  const status_codes: Record<string, number> = {};
  for (const key of Object.keys(metrics)) {
    const code = /^http_reqs\{status:(\d{1,3})\}$/.exec(key)?.[1];
    const values = code === undefined ? undefined : metric(key);
    if (code !== undefined && values) status_codes[code] = needCount(values.count, file, where(key, 'count'));
  }

  return {
    tool: 'k6',
    tool_thresholds: k6Thresholds(metrics, wrapped),
    requests,
    errors,
    rps,
    // handleSummary data has the run's length; --summary-export dropped it: count / rate gives it back.
    duration_s: durationMs !== undefined ? durationMs / 1000 : rps > 0 ? requests / rps : 0,
    latency: trendLatency(duration, file, (stat) => where('http_req_duration', stat)),
    endpoints,
    status_codes: Object.fromEntries(Object.entries(status_codes).sort((a, b) => Number(a[0]) - Number(b[0]))),
    missing,
  };
}

/**
 * The script's thresholds as k6 judged them: handleSummary data has `thresholds: { expr: { ok } }`
 * beside the values; --summary-export has `thresholds: { expr: failed }` inside them (true = failed).
 */
function k6Thresholds(metrics: Values, wrapped: boolean): Array<{ metric: string; rule: string; ok: boolean }> {
  const out: Array<{ metric: string; rule: string; ok: boolean }> = [];
  for (const name of Object.keys(metrics).sort()) {
    const m = metrics[name];
    // Both shapes keep `thresholds` on the metric's object (beside `values`, or among the values).
    const t = isObject(m) ? m.thresholds : undefined;
    if (!isObject(t)) continue;
    for (const [rule, v] of Object.entries(t)) {
      const ok = wrapped ? (isObject(v) && typeof v.ok === 'boolean' ? v.ok : undefined) : typeof v === 'boolean' ? !v : undefined;
      if (ok !== undefined) out.push({ metric: name, rule, ok });
    }
  }
  return out;
}

function trendLatency(values: Values, file: string, where: (stat: string) => string): ImportedLatency {
  const out: ImportedLatency = {};
  for (const [stat, key] of TREND_STATS) {
    if (!(stat in values) || out[key] !== undefined) continue;
    out[key] = needCount(values[stat], file, where(stat));
  }
  return out;
}

/**
 * One `{name:…}` endpoint. Its request count comes from the trend's "count" statistic, the
 * http_req_failed{name:…} sub-metric (passes + fails) or http_reqs{name:…}, whichever the file
 * has; without any of them the endpoint is left out (a count is never guessed).
 */
function endpointOf(name: string, file: string, metric: (n: string) => Values | undefined, where: (n: string, stat: string) => string): ImportedEndpoint | undefined {
  const key = (m: string) => `${m}{name:${name}}`;
  const trend = metric(key('http_req_duration'))!;
  const failed = metric(key('http_req_failed'));
  const counter = metric(key('http_reqs'));
  let requests: number | undefined;
  if ('count' in trend) requests = needCount(trend.count, file, where(key('http_req_duration'), 'count'));
  else if (failed) requests = needCount(failed.passes, file, where(key('http_req_failed'), 'passes')) + needCount(failed.fails, file, where(key('http_req_failed'), 'fails'));
  else if (counter) requests = needCount(counter.count, file, where(key('http_reqs'), 'count'));
  if (requests === undefined) return undefined;
  const latency = trendLatency(trend, file, (stat) => where(key('http_req_duration'), stat));
  return {
    name,
    requests,
    errors: failed ? needCount(failed.passes, file, where(key('http_req_failed'), 'passes')) : null,
    latency: { p50: latency.p50, p95: latency.p95, p99: latency.p99 },
  };
}
