/**
 * k6's end-of-test summary → perf-gate figures. Three shapes of the same data:
 * - handleSummary's `data` (`JSON.stringify(data)`, internal/js/summary.go): metrics.X = { type,
 *   contains, values: {…}, thresholds: { expr: { ok } } };
 * - `--summary-export=FILE` (internal/js/summary-wrapper.js `oldJSONSummary`, and the Go writer
 *   before v0.30): metrics.X = the values themselves, a rate's `rate` renamed `value`, thresholds
 *   `{ expr: failed }` (true = FAILED);
 * - the machine-readable summary (`--new-machine-readable-summary`, v1.5 on; schema `version`
 *   1.x, internal/lib/summary/machine_readable.go): `results.metrics` is an ARRAY of { name, type,
 *   contains, values }, a counter has only `count`, a rate `{ matches, total, rate }`, a trend at
 *   most avg/min/med/max/p(90)/p(95); the run length is `config.duration` (s); no thresholds.
 * Trend values are in ms and hold only the summaryTrendStats (default avg, min, med, max, p(90),
 * p(95): no p(99) unless asked for). Sub-metrics (`http_req_duration{name:…}`) exist only where a
 * threshold names them; a tagged one (`{expected_response:true}`) is never the whole metric.
 * k6 before v0.31 had no http_req_failed: the error rate of such a file is unknown, not 0.
 */
import { ImportError } from '../errors.js';
import { decodeText } from './csv.js';
import { needCount, shown, type ImportedEndpoint, type ImportedLatency, type ImportedRun, type ImportedTrend } from './stage.js';

type Values = Record<string, unknown>;

const HINT =
  'perf-gate --from k6 reads the file of `k6 run --summary-export=FILE`, the JSON of handleSummary (JSON.stringify(data)) or the machine-readable summary (--new-machine-readable-summary)';

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

/** k6's own Trend metrics: everything else trend-shaped is the script's (a custom Trend). */
const BUILTIN_TREND = /^(http_req_|grpc_req_duration$|ws_|browser_|iteration_duration$|group_duration$)/;

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A k6 summary in any of its shapes, as handleSummary data: metrics by name, and the run length when stated. */
interface K6Doc {
  metrics: Values;
  /** Each metric is { type, contains, values } (handleSummary, machine-readable) rather than its values. */
  wrapped: boolean;
  durationMs?: number;
  shape: 'handleSummary' | 'summary-export' | 'machine-readable';
}

function readDoc(text: string, file: string): K6Doc {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${file} is not JSON (${(err as Error).message.replace(/\s+/g, ' ')}): ${HINT}`);
  }
  if (isObject(doc) && doc.tool === 'perf-gate') {
    throw new ImportError(
      `${file} is a perf-gate report, not a k6 summary: compare perf-gate reports without --from (or give it as the baseline, the first file)`,
    );
  }
  if (isObject(doc) && isObject(doc.results) && typeof doc.version === 'string') return machineReadable(doc, file);
  if (!isObject(doc) || !isObject(doc.metrics)) {
    throw new ImportError(`${file} is not a k6 summary (no "metrics" object): ${HINT}`);
  }
  const metrics = doc.metrics;
  // handleSummary data wraps every metric's figures in `values`; --summary-export does not.
  const wrapped = Object.values(metrics).some((m) => isObject(m) && isObject(m.values) && typeof m.type === 'string');
  const state = isObject(doc.state) ? doc.state : undefined;
  const durationMs = state && typeof state.testRunDurationMs === 'number' ? state.testRunDurationMs : undefined;
  return { metrics, wrapped, durationMs, shape: wrapped ? 'handleSummary' : 'summary-export' };
}

/** The machine-readable summary (schema 1.x) → handleSummary's shape: metrics by name, counters with a rate, rates with passes. */
function machineReadable(doc: Values, file: string): K6Doc {
  const version = doc.version as string;
  if (!/^1\./.test(version)) {
    throw new ImportError(`${file} is a k6 machine-readable summary of schema version ${shown(version)}: perf-gate reads schema 1.x`);
  }
  const results = doc.results as Values;
  const config = isObject(doc.config) ? doc.config : {};
  if (!Array.isArray(results.metrics))
    throw new ImportError(`${file}: results.metrics is ${shown(results.metrics)}, expected the list of metrics of a k6 machine-readable summary`);
  const durationS = needCount(config.duration, file, 'config.duration');
  const metrics: Values = {};
  for (const [i, m] of (results.metrics as unknown[]).entries()) {
    if (!isObject(m) || typeof m.name !== 'string' || !isObject(m.values)) {
      throw new ImportError(`${file}: results.metrics[${i}] is ${shown(m)}, expected { name, type, contains, values }`);
    }
    const v = m.values;
    const at = (key: string) => `results.metrics[${i}] (${m.name}).values.${key}`;
    let values: Values = v;
    if (m.type === 'counter') {
      const count = needCount(v.count, file, at('count'));
      values = { count, rate: durationS > 0 ? count / durationS : 0 };
    } else if (m.type === 'rate') {
      const matches = needCount(v.matches, file, at('matches'));
      const total = needCount(v.total, file, at('total'));
      values = { passes: matches, fails: Math.max(0, total - matches), rate: v.rate };
    }
    metrics[m.name] = { type: m.type, contains: m.contains, values };
  }
  return { metrics, wrapped: true, durationMs: durationS * 1000, shape: 'machine-readable' };
}

export function parseK6(input: string | Uint8Array, file: string): ImportedRun {
  // JSON is UTF-8; bytes that are not are shown as \xNN rather than refused.
  const { metrics, wrapped, durationMs, shape } = readDoc(decodeText(input).text, file);
  const metric = (name: string): Values | undefined => {
    const m = metrics[name];
    if (!isObject(m)) return undefined;
    return wrapped ? (isObject(m.values) ? m.values : undefined) : m;
  };
  const where = (name: string, stat: string): string => `metrics["${name}"]${wrapped ? '.values' : ''}["${stat}"]`;

  const duration = metric('http_req_duration');
  if (!duration) throw noHttp(file, Object.keys(metrics));
  const reqs = metric('http_reqs');
  if (!reqs) throw new ImportError(`${file} has no http_reqs metric: the request count is missing`);
  const requests = needCount(reqs.count, file, where('http_reqs', 'count'));
  const rps = needCount(reqs.rate, file, where('http_reqs', 'rate'));
  const failed = metric('http_req_failed');
  const missing: string[] = [];
  // k6 before v0.31 (or systemTags without expected_response) counts no failed requests: unknown, never 0.
  if (!failed)
    missing.push(
      'error_rate (no http_req_failed metric: k6 before v0.31 did not count failed requests, nor does a run whose systemTags drop expected_response)',
    );
  const errors = failed ? needCount(failed.passes, file, where('http_req_failed', 'passes')) : null;

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
  const { trends, notes } = customTrends(metrics, wrapped, file, where);

  return {
    tool: 'k6',
    tool_thresholds: k6Thresholds(metrics),
    requests,
    errors,
    rps,
    // handleSummary data has the run's length; --summary-export dropped it: count / rate gives it back.
    duration_s: durationMs !== undefined ? durationMs / 1000 : rps > 0 ? requests / rps : 0,
    latency: trendLatency(duration, file, (stat) => where('http_req_duration', stat)),
    endpoints,
    status_codes: Object.fromEntries(Object.entries(status_codes).sort((a, b) => Number(a[0]) - Number(b[0]))),
    missing,
    notes:
      shape === 'machine-readable'
        ? ['read from the k6 machine-readable summary (schema 1.x): it holds no thresholds, and trends at most avg, min, med, max, p(90), p(95)', ...notes]
        : notes,
    ...(Object.keys(trends).length && { trends }),
  };
}

/** One line for a summary without HTTP results: what it holds instead. */
function noHttp(file: string, names: string[]): ImportError {
  const grpc = names.filter((n) => /^grpc_/.test(n));
  const ws = names.filter((n) => /^ws_/.test(n));
  const other = grpc.length
    ? `gRPC results (${grpc.slice(0, 3).join(', ')})`
    : ws.length
      ? `WebSocket results (${ws.slice(0, 3).join(', ')})`
      : `no HTTP results (metrics: ${names.slice(0, 5).join(', ') || 'none'})`;
  return new ImportError(`${file} holds ${other} and no http_req_duration: perf-gate gates the HTTP results of a k6 summary, so there is nothing to gate here`);
}

/**
 * The script's own Trend metrics (`new Trend('yarp_latency', true)`): handleSummary and the
 * machine-readable summary say `contains: "time"` (ms); --summary-export states no unit, so its
 * trend-shaped metrics are read as ms and a note says so. Sub-metrics ({tag:…}) are not trends of their own.
 */
function customTrends(
  metrics: Values,
  wrapped: boolean,
  file: string,
  where: (n: string, stat: string) => string,
): { trends: Record<string, ImportedTrend>; notes: string[] } {
  const trends: Record<string, ImportedTrend> = {};
  const skipped: string[] = [];
  for (const name of Object.keys(metrics).sort()) {
    if (name.includes('{') || BUILTIN_TREND.test(name)) continue;
    const m = metrics[name];
    if (!isObject(m)) continue;
    if (wrapped) {
      if (m.type !== 'trend' || !isObject(m.values)) continue;
      if (m.contains !== 'time') {
        skipped.push(name);
        continue;
      }
      trends[name] = trendLatency(m.values, file, (stat) => where(name, stat));
    } else if (['avg', 'med', 'min', 'max'].some((k) => k in m) && !('count' in m && 'rate' in m) && !('value' in m)) {
      trends[name] = trendLatency(m, file, (stat) => where(name, stat));
    }
  }
  const notes: string[] = [];
  if (!wrapped && Object.keys(trends).length)
    notes.push(`custom trends ${Object.keys(trends).join(', ')} read as ms (--summary-export does not say a trend's unit)`);
  if (skipped.length) notes.push(`custom trends ${skipped.join(', ')} not read: they hold no times (contains is not "time")`);
  return { trends, notes };
}

/**
 * The script's thresholds as k6 judged them, by the shape of each verdict: `{ ok }` (handleSummary
 * data) or a boolean that is true when the threshold FAILED (--summary-export).
 */
function k6Thresholds(metrics: Values): Array<{ metric: string; rule: string; ok: boolean }> {
  const out: Array<{ metric: string; rule: string; ok: boolean }> = [];
  for (const name of Object.keys(metrics).sort()) {
    const m = metrics[name];
    // Both shapes keep `thresholds` on the metric's object (beside `values`, or among the values).
    const t = isObject(m) ? m.thresholds : undefined;
    if (!isObject(t)) continue;
    for (const [rule, v] of Object.entries(t)) {
      const ok = isObject(v) && typeof v.ok === 'boolean' ? v.ok : typeof v === 'boolean' ? !v : undefined;
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
function endpointOf(
  name: string,
  file: string,
  metric: (n: string) => Values | undefined,
  where: (n: string, stat: string) => string,
): ImportedEndpoint | undefined {
  const key = (m: string) => `${m}{name:${name}}`;
  const trend = metric(key('http_req_duration'))!;
  const failed = metric(key('http_req_failed'));
  const counter = metric(key('http_reqs'));
  let requests: number | undefined;
  if ('count' in trend) requests = needCount(trend.count, file, where(key('http_req_duration'), 'count'));
  else if (failed)
    requests = needCount(failed.passes, file, where(key('http_req_failed'), 'passes')) + needCount(failed.fails, file, where(key('http_req_failed'), 'fails'));
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
