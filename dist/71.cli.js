export const id = 71;
export const ids = [71];
export const modules = {

/***/ 4319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DF: () => (/* binding */ runnerFingerprint),
/* harmony export */   Wq: () => (/* binding */ importFingerprint),
/* harmony export */   an: () => (/* binding */ planFingerprint),
/* harmony export */   rY: () => (/* binding */ planId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Fingerprints that decide what may be compared with what: the plan's load shape (requests and
 * stages, not its rules: tightening a threshold keeps the baseline) and the runner's hardware.
 */

const short = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 12);
function planFingerprint(plan) {
    // Header *values* may hold secrets from the environment: only their names shape the load.
    const request = (r) => ({
        name: r.name,
        method: r.method,
        path: r.path,
        weight: r.weight,
        headers: Object.keys(r.headers).sort(),
        body: r.body !== undefined || r.json !== undefined,
        timeoutMs: r.timeoutMs,
    });
    const ws = plan.websocket && { ...plan.websocket, headers: Object.keys(plan.websocket.headers).sort(), send: plan.websocket.send !== undefined };
    return short(JSON.stringify({ requests: plan.requests.map(request), session: plan.session.map(request), stages: plan.stages, websocket: ws }));
}
/**
 * The "plan" of imported results (`compare --from k6|locust`): the tool, and the stage and endpoint
 * names it measured. A baseline store then matches k6 results of the same scenario with each other,
 * never with perf-gate runs or with another script's results.
 */
function importFingerprint(tool, stages) {
    return short(JSON.stringify({ imported: tool, stages: stages.map((s) => ({ name: s.name, endpoints: s.endpoints.map((e) => e.name).sort() })) }));
}
function runnerFingerprint(r) {
    // The OS family, not its kernel release: runner images update kernels weekly.
    return short(JSON.stringify({ os: r.os.split(' ')[0], arch: r.arch, cpu: r.cpu, cores: r.cores }));
}
/** A plan id that stays the same while the plan is edited: its path, as a folder name. */
function planId(planFile) {
    return (planFile
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .replace(/\.ya?ml$/i, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'plan');
}


/***/ }),

/***/ 5071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IMPORT_TOOLS: () => (/* binding */ IMPORT_TOOLS),
  companionPath: () => (/* binding */ companionPath),
  importResults: () => (/* binding */ importResults),
  importTool: () => (/* binding */ importTool),
  isPerfGateReport: () => (/* binding */ isPerfGateReport),
  parseGateFile: () => (/* reexport */ parseGateFile),
  parseResults: () => (/* binding */ parseResults)
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(4319);
// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
;// CONCATENATED MODULE: ./src/import/stage.ts
/**
 * What the k6 and Locust readers share: the figures one tool's file holds → a perf-gate stage and
 * report. Pure. A figure the file does not hold stays null (and is named in `imported.missing`): an
 * import never invents a percentile, a count or a histogram.
 */





const LATENCY_KEYS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
/**
 * Errors by kind, from status codes when the file has them. Timeouts and connection errors are
 * not told apart by either tool's summary, so those kinds stay absent rather than 0.
 */
function errorsByKind(codes) {
    const out = {};
    for (const [code, n] of Object.entries(codes)) {
        const c = Number(code);
        const kind = c === 429 ? 'rate_limited' : c >= 500 && c <= 599 ? 'http_5xx' : c >= 400 && c <= 499 ? 'http_4xx' : undefined;
        if (kind)
            out[kind] = (out[kind] ?? 0) + n;
    }
    // Partial on purpose (see StageReport.imported): readers use `?? 0`.
    return out;
}
/** The latency summary with absent keys as null: LatencySummary's numbers, except where the tool said nothing. */
function latencySummary(l) {
    return Object.fromEntries(LATENCY_KEYS.map((k) => [k, l[k] === undefined ? null : (0,build/* round */.LI)(l[k])]));
}
function endpointReport(e) {
    const l = latencySummary(e.latency);
    return { name: e.name, requests: e.requests, errors: e.errors, latency_ms: { p50: l.p50, p95: l.p95, p99: l.p99 } };
}
function importedStage(run, name) {
    const missing = [...LATENCY_KEYS.filter((k) => run.latency[k] === undefined), ...run.missing];
    return {
        name,
        // A steady run as far as the gate knows: the default regression rules of a load stage apply.
        kind: 'load',
        protocol: 'http',
        duration_s: (0,build/* round */.LI)(run.duration_s),
        requests: run.requests,
        errors: run.errors,
        error_rate: (0,build/* errorRate */.zi)(run.requests, run.errors),
        rps: (0,build/* round */.LI)(run.rps, 2),
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
        imported: { tool: run.tool, missing, ...(run.tool_thresholds?.length && { tool_thresholds: run.tool_thresholds }) },
    };
}
/** The report of one import, ungated (verdict pass, no checks): compare gates it. */
function importedReport(run, ctx) {
    const stage = importedStage(run, ctx.stage ?? run.tool);
    return {
        tool: 'perf-gate',
        version: version/* VERSION */.x,
        schema: types/* REPORT_SCHEMA */.D,
        verdict: 'pass',
        plan: ctx.plan ?? '',
        target: `(measured by ${run.tool})`,
        started_at: ctx.startedAt,
        duration_s: (0,build/* round */.LI)(run.duration_s, 1),
        cancelled: false,
        runner: ctx.runner,
        fingerprints: { plan: (0,fingerprint/* importFingerprint */.Wq)(run.tool, [stage]), runner: (0,fingerprint/* runnerFingerprint */.DF)(ctx.runner) },
        baseline: null,
        stages: [stage],
        checks: [],
        imported: { tool: run.tool, file: ctx.file },
    };
}
/** A number the file must hold at `where`; anything else is an ImportError naming the file and the field. */
function needCount(value, file, where) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
        return value;
    throw new src_errors/* ImportError */.Yw(`${file}: ${where} is ${shown(value)}, expected a number ≥ 0`);
}
function shown(value) {
    if (value === undefined)
        return 'missing';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

;// CONCATENATED MODULE: ./src/import/k6.ts
/**
 * k6's end-of-test summary → perf-gate figures. Two shapes of the same data (k6 js/summary.go,
 * js/summary-wrapper.js):
 * - handleSummary's `data` (`JSON.stringify(data)`): metrics.X = { type, contains, values: {…}, thresholds };
 * - `--summary-export=FILE`: metrics.X = the values themselves, a rate's `rate` renamed `value`.
 * Trend values are in ms and hold only the summaryTrendStats (default avg, min, med, max, p(90),
 * p(95): no p(99) unless asked for). Sub-metrics (`http_req_duration{name:…}`) exist only where a
 * threshold names them.
 */


const HINT = 'perf-gate --from k6 reads the file of `k6 run --summary-export=FILE` or the JSON of handleSummary (JSON.stringify(data))';
/** k6 trend statistic → perf-gate latency key. "med" and "p(50)" are the same figure. */
const TREND_STATS = [
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
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function parseK6(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new src_errors/* ImportError */.Yw(`${file} is not JSON (${err.message.replace(/\s+/g, ' ')}): ${HINT}`);
    }
    if (isObject(doc) && doc.tool === 'perf-gate') {
        throw new src_errors/* ImportError */.Yw(`${file} is a perf-gate report, not a k6 summary: compare perf-gate reports without --from (or give it as the baseline, the first file)`);
    }
    if (!isObject(doc) || !isObject(doc.metrics)) {
        throw new src_errors/* ImportError */.Yw(`${file} is not a k6 summary (no "metrics" object): ${HINT}`);
    }
    const metrics = doc.metrics;
    // handleSummary data wraps every metric's figures in `values`; --summary-export does not.
    const wrapped = Object.values(metrics).some((m) => isObject(m) && isObject(m.values) && typeof m.type === 'string');
    const metric = (name) => {
        const m = metrics[name];
        if (!isObject(m))
            return undefined;
        return wrapped ? (isObject(m.values) ? m.values : undefined) : m;
    };
    const where = (name, stat) => `metrics["${name}"]${wrapped ? '.values' : ''}["${stat}"]`;
    const duration = metric('http_req_duration');
    if (!duration) {
        throw new src_errors/* ImportError */.Yw(`${file} has no http_req_duration metric: it is not the summary of a k6 test that made HTTP requests (perf-gate gates HTTP results)`);
    }
    const reqs = metric('http_reqs');
    if (!reqs)
        throw new src_errors/* ImportError */.Yw(`${file} has no http_reqs metric: the request count is missing`);
    const failed = metric('http_req_failed');
    if (!failed) {
        throw new src_errors/* ImportError */.Yw(`${file} has no http_req_failed metric: perf-gate needs the failed-request count (k6 v0.31 and later report it unless systemTags drops expected_response)`);
    }
    const requests = needCount(reqs.count, file, where('http_reqs', 'count'));
    const errors = needCount(failed.passes, file, where('http_req_failed', 'passes'));
    const rps = needCount(reqs.rate, file, where('http_reqs', 'rate'));
    const state = isObject(doc.state) ? doc.state : undefined;
    const durationMs = state && typeof state.testRunDurationMs === 'number' ? state.testRunDurationMs : undefined;
    const missing = [];
    const endpoints = [];
    for (const key of Object.keys(metrics).sort()) {
        const name = /^http_req_duration\{name:(.+)\}$/.exec(key)?.[1];
        if (name === undefined)
            continue;
        const endpoint = endpointOf(name, file, metric, where);
        if (endpoint)
            endpoints.push(endpoint);
        else
            missing.push(`endpoint ${name} (no request count: add "count" to summaryTrendStats)`);
    }
    for (const e of endpoints)
        if (e.errors === null)
            missing.push(`endpoint ${e.name} errors`);
    const status_codes = {};
    for (const key of Object.keys(metrics)) {
        const code = /^http_reqs\{status:(\d{1,3})\}$/.exec(key)?.[1];
        const values = code === undefined ? undefined : metric(key);
        if (code !== undefined && values)
            status_codes[code] = needCount(values.count, file, where(key, 'count'));
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
function k6Thresholds(metrics, wrapped) {
    const out = [];
    for (const name of Object.keys(metrics).sort()) {
        const m = metrics[name];
        // Both shapes keep `thresholds` on the metric's object (beside `values`, or among the values).
        const t = isObject(m) ? m.thresholds : undefined;
        if (!isObject(t))
            continue;
        for (const [rule, v] of Object.entries(t)) {
            const ok = wrapped ? (isObject(v) && typeof v.ok === 'boolean' ? v.ok : undefined) : typeof v === 'boolean' ? !v : undefined;
            if (ok !== undefined)
                out.push({ metric: name, rule, ok });
        }
    }
    return out;
}
function trendLatency(values, file, where) {
    const out = {};
    for (const [stat, key] of TREND_STATS) {
        if (!(stat in values) || out[key] !== undefined)
            continue;
        out[key] = needCount(values[stat], file, where(stat));
    }
    return out;
}
/**
 * One `{name:…}` endpoint. Its request count comes from the trend's "count" statistic, the
 * http_req_failed{name:…} sub-metric (passes + fails) or http_reqs{name:…}, whichever the file
 * has; without any of them the endpoint is left out (a count is never guessed).
 */
function endpointOf(name, file, metric, where) {
    const key = (m) => `${m}{name:${name}}`;
    const trend = metric(key('http_req_duration'));
    const failed = metric(key('http_req_failed'));
    const counter = metric(key('http_reqs'));
    let requests;
    if ('count' in trend)
        requests = needCount(trend.count, file, where(key('http_req_duration'), 'count'));
    else if (failed)
        requests = needCount(failed.passes, file, where(key('http_req_failed'), 'passes')) + needCount(failed.fails, file, where(key('http_req_failed'), 'fails'));
    else if (counter)
        requests = needCount(counter.count, file, where(key('http_reqs'), 'count'));
    if (requests === undefined)
        return undefined;
    const latency = trendLatency(trend, file, (stat) => where(key('http_req_duration'), stat));
    return {
        name,
        requests,
        errors: failed ? needCount(failed.passes, file, where(key('http_req_failed'), 'passes')) : null,
        latency: { p50: latency.p50, p95: latency.p95, p99: latency.p99 },
    };
}

;// CONCATENATED MODULE: ./src/import/csv.ts
function parseCsv(text) {
    const rows = [];
    let cells = [];
    let cell = '';
    let quoted = false;
    let line = 1;
    let rowLine = 1;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM some editors add
    const endRow = () => {
        cells.push(cell);
        // A blank line (one empty cell) is no row.
        if (cells.length > 1 || cells[0] !== '')
            rows.push({ line: rowLine, cells });
        cells = [];
        cell = '';
    };
    for (; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (ch === '"') {
                quoted = false;
            }
            else {
                if (ch === '\n')
                    line++;
                cell += ch;
            }
        }
        else if (ch === '"' && cell === '') {
            quoted = true;
        }
        else if (ch === ',') {
            cells.push(cell);
            cell = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            endRow();
            line++;
            rowLine = line;
        }
        else {
            cell += ch;
        }
    }
    if (cell !== '' || cells.length > 0)
        endRow();
    return rows;
}

;// CONCATENATED MODULE: ./src/import/locust.ts
/**
 * Locust's `--csv=PREFIX` stats file (PREFIX_stats.csv, locust/stats.py StatsCSV) → perf-gate
 * figures. One row per (Type, Name), then the "Aggregated" row (empty Type) for the whole run.
 * Times are ms; the percentile columns are those of PERCENTILES_TO_REPORT (default 50% … 100%),
 * "N/A" for a row without requests. Locust keeps response times rounded (to 2 significant digits
 * above 100 ms) and writes percentiles as whole ms, so its percentiles are that coarse.
 */



const locust_HINT = 'perf-gate --from locust reads the PREFIX_stats.csv that `locust --csv=PREFIX` writes';
const REQUIRED = ['Type', 'Name', 'Request Count', 'Failure Count', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Requests/s'];
/** Locust column → perf-gate latency key; the first present wins (p50: "50%", else the median). */
const LATENCY_COLUMNS = [
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
function table(text, file, required, what) {
    const rows = parseCsv(text);
    const header = rows[0];
    if (!header)
        throw new src_errors/* ImportError */.Yw(`${file} is empty: ${locust_HINT}`);
    const absent = required.filter((c) => !header.cells.includes(c));
    if (absent.length > 0) {
        throw new src_errors/* ImportError */.Yw(`${file} is not a ${what(header.cells)}: missing column${absent.length === 1 ? '' : 's'} ${absent.map((c) => `"${c}"`).join(', ')}; ${locust_HINT}`);
    }
    const col = new Map(header.cells.map((name, i) => [name, i]));
    const cell = (row, name) => {
        const i = col.get(name);
        return i === undefined ? undefined : row.cells[i];
    };
    /** A number cell; "N/A" (no requests) and an absent column are null. */
    const num = (row, name) => {
        const raw = cell(row, name);
        if (raw === undefined || raw === 'N/A')
            return null;
        const v = raw.trim() === '' ? NaN : Number(raw);
        if (!Number.isFinite(v) || v < 0)
            throw new src_errors/* ImportError */.Yw(`${file}:${row.line}: column "${name}" is ${JSON.stringify(raw)}, expected a number ≥ 0`);
        return v;
    };
    const count = (row, name) => {
        const v = num(row, name);
        if (v === null)
            throw new src_errors/* ImportError */.Yw(`${file}:${row.line}: column "${name}" is N/A, expected a number ≥ 0`);
        return v;
    };
    const data = rows.slice(1);
    for (const row of data) {
        if (row.cells.length !== header.cells.length) {
            throw new src_errors/* ImportError */.Yw(`${file}:${row.line}: ${row.cells.length} columns, the header has ${header.cells.length}`);
        }
    }
    return { data, cell, num, count };
}
function parseLocust(text, file, history) {
    const { data, cell, num, count } = table(text, file, REQUIRED, (h) => h.includes('Timestamp') ? 'Locust stats CSV (it looks like PREFIX_stats_history.csv: give PREFIX_stats.csv)' : 'Locust stats CSV');
    const latency = (row) => {
        const out = {};
        for (const [name, key] of LATENCY_COLUMNS) {
            if (out[key] !== undefined)
                continue;
            const v = num(row, name);
            if (v !== null)
                out[key] = v;
        }
        return out;
    };
    const total = data.find((r) => cell(r, 'Name') === 'Aggregated' && cell(r, 'Type') === '');
    if (!total)
        throw new src_errors/* ImportError */.Yw(`${file} has no "Aggregated" row: it is not a complete Locust stats CSV (${locust_HINT})`);
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
            const type = cell(r, 'Type');
            return { name: type ? `${type} ${cell(r, 'Name')}` : cell(r, 'Name'), requests: count(r, 'Request Count'), errors: count(r, 'Failure Count'), latency: { p50: l.p50, p95: l.p95, p99: l.p99 } };
        }),
        status_codes: {},
        missing: timeline?.missing ?? [],
        timeline: timeline?.windows ?? [],
    };
}
const HISTORY_REQUIRED = ['Timestamp', 'User Count', 'Type', 'Name', 'Total Request Count', 'Total Failure Count', 'Total Average Response Time'];
/**
 * The timeline from PREFIX_stats_history.csv: one window between each two Aggregated rows (one a
 * second by default). Counts and the mean are differences of the running totals, so exact. Its
 * percentile columns are per-window figures only with --csv-full-history (then Locust writes its
 * "current" percentiles, over the last 10 s); without it they are cumulative, and no timeline is
 * made from them (a cumulative p95 drawn as a per-second one would hide every spike).
 */
function locustTimeline(text, file) {
    const { data, cell, num, count } = table(text, file, HISTORY_REQUIRED, () => 'Locust stats history CSV');
    if (!data.some((r) => cell(r, 'Name') !== 'Aggregated')) {
        return { windows: [], missing: ['timeline (Locust writes per-second percentiles only with --csv-full-history)'] };
    }
    const rows = data.filter((r) => cell(r, 'Name') === 'Aggregated' && cell(r, 'Type') === '').sort((a, b) => count(a, 'Timestamp') - count(b, 'Timestamp'));
    const first = rows[0] ? count(rows[0], 'Timestamp') : 0;
    const windows = [];
    const pct = (r, name) => num(r, name) ?? 0;
    for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        const dt = count(b, 'Timestamp') - count(a, 'Timestamp');
        if (dt <= 0)
            continue;
        let [n0, e0, m0] = [count(a, 'Total Request Count'), count(a, 'Total Failure Count'), count(a, 'Total Average Response Time')];
        // --reset-stats (after the ramp) sets the totals back to 0: the window then starts from nothing.
        if (count(b, 'Total Request Count') < n0)
            [n0, e0, m0] = [0, 0, 0];
        const requests = count(b, 'Total Request Count') - n0;
        const sum = count(b, 'Total Average Response Time') * count(b, 'Total Request Count') - m0 * n0;
        windows.push({
            t: count(a, 'Timestamp') - first,
            rps: (0,build/* round */.LI)(requests / dt, 2),
            p50: pct(b, '50%'),
            p90: pct(b, '90%'),
            p95: pct(b, '95%'),
            p99: pct(b, '99%'),
            max: pct(b, '100%'),
            mean: requests > 0 ? (0,build/* round */.LI)(Math.max(0, sum / requests)) : 0,
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

// EXTERNAL MODULE: ./src/plan/checks.ts
var checks = __webpack_require__(2650);
// EXTERNAL MODULE: ./src/plan/interpolate.ts
var interpolate = __webpack_require__(264);
// EXTERNAL MODULE: ./src/plan/issues.ts
var issues = __webpack_require__(1439);
// EXTERNAL MODULE: ./src/plan/load.ts + 2 modules
var load = __webpack_require__(4591);
// EXTERNAL MODULE: ./src/plan/positions.ts
var positions = __webpack_require__(5843);
// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
// EXTERNAL MODULE: ./src/plan/validate.ts + 3 modules
var validate = __webpack_require__(3233);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/import/gate-file.ts
/**
 * The rules for `compare --from k6|locust`: a k6 or Locust user has no perf-gate plan, only the
 * gate. A gate file is the rules part of a plan and nothing else:
 *
 *   name: checkout          # optional, for the summary
 *   thresholds:
 *     "*": { p95: "< 200ms", error_rate: "< 1%" }
 *   regression: { p95: "+15%", rps: "-10%" }
 *
 * Stage names are the imported ones (`--stage NAME`, default the tool's name). Same parsers and
 * the same file:line:col problems as a plan; `${ENV}` is substituted as in a plan.
 */









const KEYS = ['version', 'name', 'thresholds', 'regression'];
function parseGateFile(text, file, env, stages) {
    const parsed = (0,positions/* parseYaml */.hN)(text);
    if (parsed.syntaxErrors.length)
        throw new src_errors/* PlanError */.W6((0,load/* sortProblems */.dS)(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    const substituted = (0,interpolate/* interpolate */.GW)(parsed.value, env);
    const c = new checks/* Checks */.sR();
    c.issues.push(...substituted.issues);
    const raw = (0,checks/* record */.g1)(substituted.value);
    if (!(0,interpolate/* isRecord */.u4)(substituted.value))
        c.add([], 'a gate file is a mapping: thresholds: and regression: (see perf-gate --help)');
    for (const key of Object.keys(raw)) {
        if (KEYS.includes(key))
            continue;
        const plan = ['target', 'requests', 'stages', 'session', 'defaults', 'websocket', 'limits', 'abort_when'].includes(key);
        c.add([key], plan
            ? `${key}: a gate file for --from holds only thresholds:, regression: and name: (the load was run by the other tool)`
            : `unknown key ${JSON.stringify(key)}${(0,issues/* suggestion */.h)(key, KEYS)}: a gate file holds thresholds:, regression: and name:`, 'key');
    }
    if ('name' in raw && typeof raw.name !== 'string')
        c.add(['name'], 'name: a string, e.g. checkout');
    // readThresholds / readRegression skip unknown metrics (a plan's schema check names them): name them here.
    for (const [stage, metrics] of Object.entries((0,checks/* record */.g1)(raw.thresholds))) {
        if (!(0,interpolate/* isRecord */.u4)(metrics))
            c.add(['thresholds', stage], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: a mapping of metric: rule, e.g. { p95: "< 200ms" }`);
        for (const metric of Object.keys((0,checks/* record */.g1)(metrics)))
            unknownMetric(c, ['thresholds', stage, metric], metric);
    }
    if ('thresholds' in raw && !(0,interpolate/* isRecord */.u4)(raw.thresholds))
        c.add(['thresholds'], 'thresholds: a mapping of stage name (or "*"): rules');
    if ('regression' in raw && !(0,interpolate/* isRecord */.u4)(raw.regression))
        c.add(['regression'], 'regression: a mapping of metric: limit, e.g. { p95: "+15%" }');
    for (const metric of Object.keys((0,checks/* record */.g1)(raw.regression)))
        unknownMetric(c, ['regression', metric], metric);
    const rules = { thresholds: (0,validate/* readThresholds */.rZ)(c, (0,checks/* record */.g1)(raw.thresholds), stages) };
    // Absent = the default rules; `regression: {}` = none (thresholds only), as in a plan.
    if ('regression' in raw)
        rules.regression = (0,validate/* readRegression */.Y1)(c, (0,checks/* record */.g1)(raw.regression));
    if (typeof raw.name === 'string')
        rules.name = raw.name;
    if (c.issues.length) {
        // As for a plan: a message quoting a refused value must not print a `${TOKEN}`'s value.
        const redactor = new redact/* Redactor */.pO().add(substituted.secrets);
        throw new src_errors/* PlanError */.W6((0,load/* sortProblems */.dS)(c.issues.map((i) => (0,load/* toProblem */.H8)({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
    }
    if (substituted.secrets.length)
        rules.secrets = substituted.secrets;
    return rules;
}
function unknownMetric(c, path, metric) {
    if (!(0,units/* isMetric */.NI)(metric))
        c.add(path, `${(0,issues/* formatPath */.jV)(path)}: unknown metric ${JSON.stringify(metric)}${(0,issues/* suggestion */.h)(metric, units/* METRICS */.Cb)}`, 'key');
}

;// CONCATENATED MODULE: ./src/import/index.ts
/**
 * `compare --from k6|locust`: another tool's results file → a perf-gate report (one stage), so the
 * thresholds, regression rules, baseline stores, summary and PR comment work for it. Pure: text in,
 * report out; reading the file is the caller's.
 */





const IMPORT_TOOLS = ['k6', 'locust'];
function importTool(value, flag = '--from') {
    if (IMPORT_TOOLS.includes(value))
        return value;
    throw new src_errors/* UsageError */.eb(`${flag} takes ${IMPORT_TOOLS.join(' or ')}, got "${value}"`);
}
const READERS = { k6: (text, file) => parseK6(text, file), locust: parseLocust };
function parseResults(tool, text, file, history) {
    return READERS[tool](text, file, history);
}
function importResults(tool, text, ctx, history) {
    return importedReport(parseResults(tool, text, ctx.file, history), ctx);
}
/** Where the run's history file would be: Locust's PREFIX_stats.csv → PREFIX_stats_history.csv. */
function companionPath(tool, file) {
    return tool === 'locust' && file.endsWith('_stats.csv') ? `${file.slice(0, -'_stats.csv'.length)}_stats_history.csv` : undefined;
}
/** Whether a file's text is a perf-gate report (a baseline saved with --save-baseline) rather than the tool's output. */
function isPerfGateReport(text) {
    try {
        const doc = JSON.parse(text);
        return typeof doc === 'object' && doc !== null && doc.tool === 'perf-gate';
    }
    catch {
        return false;
    }
}


/***/ })

};
