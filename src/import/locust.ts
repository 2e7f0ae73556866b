/**
 * Locust's `--csv=PREFIX` files → perf-gate figures (locust/stats.py, tags 0.11 to 2.46 read):
 * - PREFIX_stats.csv (0.13 on; 0.x before it: PREFIX_requests.csv, with its percentiles in
 *   PREFIX_distribution.csv): one row per (Type, Name), then the run's aggregate row, Name
 *   "Aggregated" (0.x before 0.13: "Total") with Type "" or "None" (1.0 wrote `"None","Aggregated"`);
 * - PREFIX_stats_history.csv: the timeline (see locustTimeline);
 * - PREFIX_failures.csv and PREFIX_exceptions.csv: the errors, for the summary.
 * Column names changed over the versions ("# requests" → "Request Count", "Method" → "Type");
 * they are read by name, as are the percentile columns (PERCENTILES_TO_REPORT: any set). Times are
 * ms; Locust rounds response times (2 significant digits above 100 ms) and writes percentiles as
 * whole ms, so its percentiles are that coarse. 0.x and 1.0/1.1 joined their rows by hand (quoted
 * cells, LF); 1.2 on use Python's csv module (CRLF). Either reads, with or without a final newline.
 */
import { ImportError } from '../errors.js';
import { decodeText, parseCsv, type CsvRow } from './csv.js';
import type { ImportedErrors, ImportedLatency, ImportedRun, ImportInput } from './stage.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import { round } from '../report/build.js';

const HINT = 'perf-gate --from locust reads the PREFIX_stats.csv that `locust --csv=PREFIX` writes (Locust 0.x before 0.13: PREFIX_requests.csv)';

const REQUIRED = ['Type', 'Name', 'Request Count', 'Failure Count', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Requests/s'] as const;

/** Older Locust column names (lower-cased) → today's. */
const ALIASES: Record<string, string> = {
  method: 'Type',
  '# requests': 'Request Count',
  '# failures': 'Failure Count',
  'median response time': 'Median Response Time',
  'average response time': 'Average Response Time',
  'min response time': 'Min Response Time',
  'max response time': 'Max Response Time',
  'requests failed/s': 'Failures/s',
  // 0.13 and 0.14 wrote this header without its "%".
  '99.999': '99.999%',
};
const canonical = (name: string): string => ALIASES[name.trim().toLowerCase()] ?? name.trim();

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

/** The run's aggregate row: "Aggregated" (0.13 on) or "Total" (before), with no method ("" or Python's None). */
const isAggregate = (type: string | undefined, name: string | undefined): boolean =>
  (type === '' || type === 'None') && (name === 'Aggregated' || name === 'Total');

/** A CSV with its header checked: the cells of a row by column name, and number cells checked. */
function table(text: string, file: string, required: readonly string[], what: (header: string[]) => string, hint = HINT) {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new ImportError(`${file} is empty: ${hint}`);
  const names = header.cells.map(canonical);
  const absent = required.filter((c) => !names.includes(c));
  if (absent.length > 0) {
    throw new ImportError(
      `${file} is not a ${what(names)}: missing column${absent.length === 1 ? '' : 's'} ${absent.map((c) => `"${c}"`).join(', ')}; ${hint}`,
    );
  }
  const col = new Map(names.map((name, i) => [name, i]));
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
  return { data, cell, num, count, has: (name: string) => col.has(name), names };
}

/** A note when a file's bytes were not UTF-8, saying what was assumed. */
function encodingNote(file: string, encoding: 'GBK' | 'escaped' | undefined): string[] {
  if (encoding === 'GBK') return [`${file} is not UTF-8: read as GBK (cp936, as Locust on a Chinese Windows writes it)`];
  if (encoding === 'escaped') return [`${file} is not UTF-8 (nor GBK): its other bytes are shown as \\xNN`];
  return [];
}

/** A file beside the stats file, as a table; a note added to `notes` when it was not UTF-8. */
function companionTable(input: ImportInput, notes: string[], required: readonly string[], what: string, hint?: string) {
  const decoded = decodeText(input.text);
  notes.push(...encodingNote(input.file, decoded.encoding));
  return table(decoded.text, input.file, required, () => what, hint);
}

export interface LocustCompanions {
  history?: ImportInput;
  failures?: ImportInput;
  exceptions?: ImportInput;
  /** Locust 0.x before 0.13: the percentiles of PREFIX_requests.csv. */
  distribution?: ImportInput;
}

export function parseLocust(input: string | Uint8Array, file: string, companions: LocustCompanions = {}): ImportedRun {
  const decoded = decodeText(input);
  const notes = encodingNote(file, decoded.encoding);
  const { data, cell, num, count, has, names } = table(decoded.text, file, REQUIRED, (h) =>
    h.includes('Timestamp') ? 'Locust stats CSV (it looks like PREFIX_stats_history.csv: give PREFIX_stats.csv)' : 'Locust stats CSV',
  );
  const dist = companions.distribution ? distribution(companions.distribution, notes) : undefined;
  const latency = (row: CsvRow, key: string): ImportedLatency => {
    const out: ImportedLatency = {};
    for (const [name, k] of LATENCY_COLUMNS) {
      if (out[k] !== undefined) continue;
      const v = num(row, name);
      if (v !== null) out[k] = v;
    }
    // Locust 0.x: the percentiles are in PREFIX_distribution.csv, by "Method Name".
    return { ...out, ...dist?.get(key) };
  };

  const total = data.find((r) => isAggregate(cell(r, 'Type'), cell(r, 'Name')));
  if (!total)
    throw new ImportError(`${file} has no aggregate row ("Aggregated", or "Total" before Locust 0.13): it is not a complete Locust stats CSV (${HINT})`);
  const requests = count(total, 'Request Count');
  const rps = count(total, 'Requests/s');
  // Locust states no run length here: its Requests/s is the count over the run, so count / rate gives it back.
  const durationS = rps > 0 ? requests / rps : 0;
  const missing: string[] = [];
  // No percentile column at all: Locust 0.x before 0.13, whose percentiles are in PREFIX_distribution.csv.
  const percentiles = names.some((n) => /^\d+(\.\d+)?%$/.test(n));
  if (!has('95%') && !dist)
    missing.push(
      percentiles
        ? 'p95 (not among the percentile columns: PERCENTILES_TO_REPORT)'
        : 'p95 (Locust 0.x writes percentiles to PREFIX_distribution.csv: put it beside the requests file)',
    );
  const timeline = companions.history ? locustTimeline(companions.history, requests) : undefined;
  const errors = errorsOf(companions, notes);
  const endpointName = (r: CsvRow): string => {
    // Type is the method ("GET"), or a custom request_type: with Name it tells "GET /posts" from "POST /posts".
    const type = cell(r, 'Type')!;
    return type ? `${type} ${cell(r, 'Name')}` : cell(r, 'Name')!;
  };
  return {
    tool: 'locust',
    requests,
    errors: count(total, 'Failure Count'),
    rps,
    duration_s: durationS,
    latency: requests > 0 ? latency(total, 'Total') : {},
    endpoints: data
      .filter((r) => r !== total)
      .map((r) => {
        const l = latency(r, endpointName(r));
        return {
          name: endpointName(r),
          requests: count(r, 'Request Count'),
          errors: count(r, 'Failure Count'),
          latency: { p50: l.p50, p95: l.p95, p99: l.p99 },
        };
      }),
    status_codes: {},
    missing: [...missing, ...(timeline?.missing ?? [])],
    notes: [...notes, ...(timeline?.notes ?? [])],
    timeline: timeline?.windows ?? [],
    ...errors,
  };
}

/** Locust 0.x PREFIX_distribution.csv: percentiles by "Method Name" ("Total" for the run). */
function distribution(input: ImportInput, notes: string[]): Map<string, ImportedLatency> {
  const { data, cell, num } = companionTable(input, notes, ['Name', '50%', '95%'], 'Locust 0.x distribution CSV');
  const out = new Map<string, ImportedLatency>();
  for (const r of data) {
    const l: ImportedLatency = {};
    for (const [name, key] of [
      ['50%', 'p50'],
      ['90%', 'p90'],
      ['95%', 'p95'],
      ['99%', 'p99'],
      ['99.9%', 'p999'],
    ] as const) {
      const v = num(r, name);
      if (v !== null) l[key] = v;
    }
    out.set(cell(r, 'Name')!, l);
  }
  return out;
}

const HISTORY_REQUIRED = ['Timestamp', 'User Count', 'Type', 'Name', 'Total Request Count', 'Total Failure Count', 'Total Average Response Time'] as const;
const WINDOW_PERCENTILES = [
  ['50%', 'p50'],
  ['90%', 'p90'],
  ['95%', 'p95'],
  ['99%', 'p99'],
  ['100%', 'max'],
] as const;

/**
 * The timeline from PREFIX_stats_history.csv: one window between each two aggregate rows (every
 * 1 s in 2.x, 2 s in 1.0). Counts and the mean are differences of the running totals, so exact.
 * Its percentile columns are per-window ("current": over the last 10 s) in Locust 1.0 and 1.1 (the
 * quoted files) and, from 2.2.2 on, with --csv-full-history (rows per endpoint between the
 * aggregate rows); otherwise they are cumulative, and no timeline is made from them (a cumulative
 * p95 drawn as a per-second one would hide every spike). Rows before the first request (N/A) are
 * no window. The history is written every few seconds: when it ends before the run's last
 * requests, a note says how much of the run it covers.
 */
export function locustTimeline(input: ImportInput, statsRequests?: number): { windows: TimelineWindow[]; missing: string[]; notes: string[] } {
  const decoded = decodeText(input.text);
  const notes = encodingNote(input.file, decoded.encoding);
  const { file } = input;
  const rawHeader = decoded.text.replace(/^\ufeff/, '').slice(0, 200);
  if (/^"?Type"?,"?Name"?,"?Timestamp"?/.test(rawHeader)) {
    return { windows: [], missing: ['timeline (the Locust 0.13/0.14 history format is not read)'], notes };
  }
  const { data, cell, num, count, has } = table(decoded.text, file, HISTORY_REQUIRED, () => 'Locust stats history CSV');
  const quoted = rawHeader.startsWith('"Timestamp"');
  if (!quoted && !data.some((r) => !isAggregate(cell(r, 'Type'), cell(r, 'Name')))) {
    return { windows: [], missing: ['timeline (Locust writes per-second percentiles only with --csv-full-history)'], notes };
  }
  const absent = WINDOW_PERCENTILES.filter(([c]) => !has(c)).map(([c]) => `"${c}"`);
  if (absent.length > 0) return { windows: [], missing: [`timeline (the history has no ${absent.join(', ')} column)`], notes };

  const rows = data.filter((r) => isAggregate(cell(r, 'Type'), cell(r, 'Name'))).sort((a, b) => count(a, 'Timestamp') - count(b, 'Timestamp'));
  const first = rows[0] ? count(rows[0], 'Timestamp') : 0;
  const windows: TimelineWindow[] = [];
  const steps: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const dt = count(b, 'Timestamp') - count(a, 'Timestamp');
    if (dt <= 0) continue;
    steps.push(dt);
    // No request yet (the first row, N/A percentiles): no latency to draw, not a 0 ms point.
    if (count(b, 'Total Request Count') === 0) continue;
    let [n0, e0, m0] = [count(a, 'Total Request Count'), count(a, 'Total Failure Count'), count(a, 'Total Average Response Time')];
    // --reset-stats (after the ramp) sets the totals back to 0: the window then starts from nothing.
    if (count(b, 'Total Request Count') < n0) [n0, e0, m0] = [0, 0, 0];
    const requests = count(b, 'Total Request Count') - n0;
    const sum = count(b, 'Total Average Response Time') * count(b, 'Total Request Count') - m0 * n0;
    const pct = Object.fromEntries(WINDOW_PERCENTILES.map(([c, k]) => [k, num(b, c) ?? 0])) as Record<(typeof WINDOW_PERCENTILES)[number][1], number>;
    windows.push({
      t: count(a, 'Timestamp') - first,
      rps: round(requests / dt, 2),
      ...pct,
      mean: requests > 0 ? round(Math.max(0, sum / requests)) : 0,
      requests,
      errors: Math.max(0, count(b, 'Total Failure Count') - e0),
      active: count(b, 'User Count'),
      // perf-gate's generator health: it sent nothing here.
      late_sends: 0,
      loop_lag_ms: 0,
    });
  }
  const last = rows.at(-1);
  const covered = last ? count(last, 'Total Request Count') : 0;
  if (statsRequests !== undefined && last && covered < statsRequests) {
    const every = steps.length ? steps.sort((x, y) => x - y)[Math.floor(steps.length / 2)]! : undefined;
    notes.push(
      `${file} covers ${covered} of the run's ${statsRequests} requests (${round((covered / Math.max(1, statsRequests)) * 100, 1)}%): Locust writes its history every ${every ?? 'few'} s, so the run's last seconds are not in the timeline`,
    );
  }
  return { windows, missing: [], notes };
}

/** The top errors of PREFIX_failures.csv and PREFIX_exceptions.csv, for the summary. */
function errorsOf(companions: LocustCompanions, notes: string[]): Pick<ImportedRun, 'failures' | 'exceptions'> {
  const out: Pick<ImportedRun, 'failures' | 'exceptions'> = {};
  if (companions.failures) out.failures = failuresOf(companions.failures, notes);
  if (companions.exceptions) out.exceptions = exceptionsOf(companions.exceptions, notes);
  return out;
}

/** How many distinct errors the summary lists. */
const TOP = 5;

/** Memory addresses make every error unique (`<HTTPConnection … at 0x1f8985ef010>`): one key for all of them. */
const errorKey = (text: string): string => text.replace(/\b0x[0-9a-f]{6,}\b/gi, '0x…').trim();

function topOf(items: Array<{ key: string; count: number }>, rows: number, from: string): ImportedErrors {
  const grouped = new Map<string, number>();
  for (const { key, count } of items) grouped.set(key, (grouped.get(key) ?? 0) + count);
  const sorted = [...grouped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    from,
    rows,
    total: items.reduce((n, i) => n + i.count, 0),
    distinct: grouped.size,
    top: sorted.slice(0, TOP).map(([error, count]) => ({ error, count })),
  };
}

function failuresOf(input: ImportInput, notes: string[]): ImportedErrors {
  const hint = 'PREFIX_failures.csv has the columns Method, Name, Error, Occurrences';
  const { data, cell, count } = companionTable(input, notes, ['Name', 'Error', 'Occurrences'], 'Locust failures CSV', hint);
  const items = data.map((r) => {
    const method = cell(r, 'Method') ?? cell(r, 'Type') ?? '';
    const where = method && method !== 'None' ? `${method} ${cell(r, 'Name')}` : cell(r, 'Name')!;
    return { key: `${where}: ${errorKey(cell(r, 'Error')!)}`, count: count(r, 'Occurrences') };
  });
  return topOf(items, data.length, input.file);
}

function exceptionsOf(input: ImportInput, notes: string[]): ImportedErrors {
  const hint = 'PREFIX_exceptions.csv has the columns Count, Message, Traceback, Nodes';
  const { data, cell, count } = companionTable(input, notes, ['Count', 'Message'], 'Locust exceptions CSV', hint);
  // The message only: the traceback is many lines, for the file itself.
  return topOf(
    data.map((r) => ({ key: errorKey(cell(r, 'Message')!.split(/\r?\n/)[0]!), count: count(r, 'Count') })),
    data.length,
    input.file,
  );
}
