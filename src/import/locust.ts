/**
 * Locust's `--csv=PREFIX` stats file (PREFIX_stats.csv, locust/stats.py StatsCSV) → perf-gate
 * figures. One row per (Type, Name), then the "Aggregated" row (empty Type) for the whole run.
 * Times are ms; the percentile columns are those of PERCENTILES_TO_REPORT (default 50% … 100%),
 * "N/A" for a row without requests. Locust keeps response times rounded (to 2 significant digits
 * above 100 ms) and writes percentiles as whole ms, so its percentiles are that coarse.
 */
import { ImportError } from '../errors.js';
import { parseCsv, type CsvRow } from './csv.js';
import type { ImportedLatency, ImportedRun } from './stage.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import { round } from '../report/build.js';

const HINT = 'perf-gate --from locust reads the PREFIX_stats.csv that `locust --csv=PREFIX` writes';

const REQUIRED = ['Type', 'Name', 'Request Count', 'Failure Count', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Requests/s'] as const;

/** Locust column → perf-gate latency key; the first present wins (p50: "50%", else the median). */
const LATENCY_COLUMNS: Array<[string, keyof ImportedLatency]> = [
  ['Min Response Time', 'min'],
  ['Average Response Time', 'mean'],
  ['50%', 'p50'],
  ['Median Response Time', 'p50'],
  ['90%', 'p90'],
  ['95%', 'p95'],
  ['99%', 'p99'],
  ['99.9%', 'p999'],
  ['Max Response Time', 'max'],
];

/** A CSV with its header checked: the cells of a row by column name, and number cells checked. */
function table(text: string, file: string, required: readonly string[], what: (header: string[]) => string) {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new ImportError(`${file} is empty: ${HINT}`);
  const absent = required.filter((c) => !header.cells.includes(c));
  if (absent.length > 0) {
    throw new ImportError(`${file} is not a ${what(header.cells)}: missing column${absent.length === 1 ? '' : 's'} ${absent.map((c) => `"${c}"`).join(', ')}; ${HINT}`);
  }
  const col = new Map(header.cells.map((name, i) => [name, i]));
  const cell = (row: CsvRow, name: string): string | undefined => {
    const i = col.get(name);
    return i === undefined ? undefined : row.cells[i];
  };
  /** A number cell; "N/A" (no requests) and an absent column are null. */
  const num = (row: CsvRow, name: string): number | null => {
    const raw = cell(row, name);
    if (raw === undefined || raw === 'N/A') return null;
    const v = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(v) || v < 0) throw new ImportError(`${file}:${row.line}: column "${name}" is ${JSON.stringify(raw)}, expected a number ≥ 0`);
    return v;
  };
  const count = (row: CsvRow, name: string): number => {
    const v = num(row, name);
    if (v === null) throw new ImportError(`${file}:${row.line}: column "${name}" is N/A, expected a number ≥ 0`);
    return v;
  };
  const data = rows.slice(1);
  for (const row of data) {
    if (row.cells.length !== header.cells.length) {
      throw new ImportError(`${file}:${row.line}: ${row.cells.length} columns, the header has ${header.cells.length}`);
    }
  }
  return { data, cell, num, count };
}

export function parseLocust(text: string, file: string, history?: { text: string; file: string }): ImportedRun {
  const { data, cell, num, count } = table(text, file, REQUIRED, (h) =>
    h.includes('Timestamp') ? 'Locust stats CSV (it looks like PREFIX_stats_history.csv: give PREFIX_stats.csv)' : 'Locust stats CSV',
  );
  const latency = (row: CsvRow): ImportedLatency => {
    const out: ImportedLatency = {};
    for (const [name, key] of LATENCY_COLUMNS) {
      if (out[key] !== undefined) continue;
      const v = num(row, name);
      if (v !== null) out[key] = v;
    }
    return out;
  };

  const total = data.find((r) => cell(r, 'Name') === 'Aggregated' && cell(r, 'Type') === '');
  if (!total) throw new ImportError(`${file} has no "Aggregated" row: it is not a complete Locust stats CSV (${HINT})`);
  const requests = count(total, 'Request Count');
  const rps = count(total, 'Requests/s');
  // Locust states no run length here: its Requests/s is the count over the run, so count / rate gives it back.
  const durationS = rps > 0 ? requests / rps : 0;
  const timeline = history ? locustTimeline(history.text, history.file) : undefined;
  const lat = requests > 0 ? latency(total) : {};
  return {
    tool: 'locust',
    requests,
    errors: count(total, 'Failure Count'),
    rps,
    duration_s: durationS,
    latency: lat,
    endpoints: data
      .filter((r) => r !== total)
      .map((r) => {
        const l = latency(r);
        // Type is the method ("GET"), or a custom request_type: with Name it tells "GET /posts" from "POST /posts".
        const type = cell(r, 'Type')!;
        return { name: type ? `${type} ${cell(r, 'Name')}` : cell(r, 'Name')!, requests: count(r, 'Request Count'), errors: count(r, 'Failure Count'), latency: { p50: l.p50, p95: l.p95, p99: l.p99 } };
      }),
    status_codes: {},
    missing: timeline?.missing ?? [],
    timeline: timeline?.windows ?? [],
  };
}

const HISTORY_REQUIRED = ['Timestamp', 'User Count', 'Type', 'Name', 'Total Request Count', 'Total Failure Count', 'Total Average Response Time'] as const;

/**
 * The timeline from PREFIX_stats_history.csv: one window between each two Aggregated rows (one a
 * second by default). Counts and the mean are differences of the running totals, so exact. Its
 * percentile columns are per-window figures only with --csv-full-history (then Locust writes its
 * "current" percentiles, over the last 10 s); without it they are cumulative, and no timeline is
 * made from them (a cumulative p95 drawn as a per-second one would hide every spike).
 */
export function locustTimeline(text: string, file: string): { windows: TimelineWindow[]; missing: string[] } {
  const { data, cell, num, count } = table(text, file, HISTORY_REQUIRED, () => 'Locust stats history CSV');
  if (!data.some((r) => cell(r, 'Name') !== 'Aggregated')) {
    return { windows: [], missing: ['timeline (Locust writes per-second percentiles only with --csv-full-history)'] };
  }
  const rows = data.filter((r) => cell(r, 'Name') === 'Aggregated' && cell(r, 'Type') === '').sort((a, b) => count(a, 'Timestamp') - count(b, 'Timestamp'));
  const first = rows[0] ? count(rows[0], 'Timestamp') : 0;
  const windows: TimelineWindow[] = [];
  const pct = (r: CsvRow, name: string): number => num(r, name) ?? 0;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const dt = count(b, 'Timestamp') - count(a, 'Timestamp');
    if (dt <= 0) continue;
    let [n0, e0, m0] = [count(a, 'Total Request Count'), count(a, 'Total Failure Count'), count(a, 'Total Average Response Time')];
    // --reset-stats (after the ramp) sets the totals back to 0: the window then starts from nothing.
    if (count(b, 'Total Request Count') < n0) [n0, e0, m0] = [0, 0, 0];
    const requests = count(b, 'Total Request Count') - n0;
    const sum = count(b, 'Total Average Response Time') * count(b, 'Total Request Count') - m0 * n0;
    windows.push({
      t: count(a, 'Timestamp') - first,
      rps: round(requests / dt, 2),
      p50: pct(b, '50%'),
      p90: pct(b, '90%'),
      p95: pct(b, '95%'),
      p99: pct(b, '99%'),
      max: pct(b, '100%'),
      mean: requests > 0 ? round(Math.max(0, sum / requests)) : 0,
      requests,
      errors: Math.max(0, count(b, 'Total Failure Count') - e0),
      active: count(b, 'User Count'),
      // perf-gate's generator health: it sent nothing here.
      late_sends: 0,
      loop_lag_ms: 0,
    });
  }
  return { windows, missing: [] };
}
