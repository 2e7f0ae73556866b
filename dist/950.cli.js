export const id = 950;
export const ids = [950];
export const modules = {

/***/ 2212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _k: () => (/* binding */ dataReaderBeside),
/* harmony export */   at: () => (/* binding */ dataSecrets),
/* harmony export */   v3: () => (/* binding */ readData)
/* harmony export */ });
/* unused harmony exports DATA_PICKS, MAX_DATA_BYTES, tableFromCsv, tableFromJson, isSecretColumn */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5175);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2650);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1439);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3772);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4682);
/**
 * `data:` sets: a CSV file with a header row (through csv-parse, strict RFC 4180) or a JSON array
 * of objects, read once at load, relative to the plan's folder. Every problem is an Issue at the
 * set's `file:` value, with the file's own line where the file has one.
 */







const DATA_PICKS = ['sequential', 'random', 'unique'];
const SET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Largest data file read: a million short rows fit; a wrong file (a database dump) is refused. */
const MAX_DATA_BYTES = 64 * 1024 * 1024;
/** Files relative to the plan's folder, as k6's open() and Artillery's payload read them. */
function dataReaderBeside(planFile) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(planFile);
    return (file) => {
        const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir, file);
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8');
        if (Buffer.byteLength(text) > MAX_DATA_BYTES)
            throw new Error(`it is over ${MAX_DATA_BYTES / 1024 / 1024} MiB`);
        return text;
    };
}
function readData(c, raw, read) {
    const out = {};
    for (const [name, entryRaw] of Object.entries((0,_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1)(raw))) {
        const p = ['data', name];
        if (!SET_NAME.test(name)) {
            c.add(p, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(p)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .show */ .WU)(name)} cannot be a data set name: use letters, digits and _ (it is used as \${${name}.COLUMN})`, 'key');
            continue;
        }
        const entry = (0,_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1)(entryRaw);
        const file = (0,_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.file);
        if (file === undefined)
            continue; // the schema check names the missing key
        const pick = ((0,_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.pick) ?? 'sequential');
        // A pick that is none of these is the schema check's to name (with the allowed ones).
        if (!DATA_PICKS.includes(pick))
            continue;
        let text;
        try {
            text = read(file);
        }
        catch (err) {
            const code = err.code;
            const reason = code === 'ENOENT' ? 'no such file (paths are relative to the plan)' : code === 'EISDIR' ? 'it is a directory' : err.message;
            c.add([...p, 'file'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)([...p, 'file'])}: cannot read ${(0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .show */ .WU)(file)}: ${reason}`);
            continue;
        }
        const table = /\.json$/i.test(file) ? tableFromJson(text) : tableFromCsv(text);
        if (typeof table === 'string') {
            c.add([...p, 'file'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)([...p, 'file'])}: ${file}${table}`);
            continue;
        }
        if (table.rows.length === 0) {
            c.add([...p, 'file'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)([...p, 'file'])}: ${file} has no rows`);
            continue;
        }
        out[name] = { name, file, pick, ...table };
    }
    return out;
}
/** A table, or what is wrong (text that follows the file name: ":3: ..." or " is ..."). */
function tableFromCsv(text) {
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] });
    }
    catch (err) {
        const e = err;
        return `${e.lines ? `:${e.lines}` : ''}: not readable as CSV (${e.message.replace(/\s+/g, ' ')})`;
    }
    const [header, ...rows] = records;
    if (!header)
        return ' is empty: a CSV data file starts with a header row (its column names)';
    const columns = header.map((h) => h.trim());
    const blank = columns.findIndex((h) => h === '');
    if (blank >= 0)
        return `:1: column ${blank + 1} of the header row has no name`;
    const twice = columns.find((h, i) => columns.indexOf(h) !== i);
    if (twice !== undefined)
        return `:1: the header row names ${(0,_units_js__WEBPACK_IMPORTED_MODULE_4__/* .show */ .WU)(twice)} twice`;
    return { columns, rows };
}
function tableFromJson(text) {
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        return ` is not valid JSON (${err.message})`;
    }
    if (!Array.isArray(doc) || !doc.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
        return ' must be a JSON array of objects, e.g. [{"name": "ann", "password": "..."}]';
    }
    const columns = [...new Set(doc.flatMap((r) => Object.keys(r)))];
    const rows = doc.map((r) => columns.map((col) => cellText(r[col])));
    return { columns, rows };
}
/** A JSON value as a template fills it: strings as they are, anything else as its JSON; missing as "". */
const cellText = (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
/**
 * Column names that hold credentials: their values are hidden in every output like env secrets.
 * By word (`api_key`, `userPassword`, `auth-token`), so `author`, `keyword` and `monkey` are not.
 */
const SECRET_WORDS = new Set([
    'password',
    'passwd',
    'pass',
    'pwd',
    'pin',
    'secret',
    'token',
    'key',
    'apikey',
    'credential',
    'credentials',
    'auth',
    'authorization',
    'cookie',
    'session',
    'otp',
]);
const isSecretColumn = (column) => column
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word));
function dataSecrets(data) {
    const out = new Set();
    for (const set of Object.values(data ?? {})) {
        set.columns.forEach((col, i) => {
            if (isSecretColumn(col))
                for (const row of set.rows)
                    if ((0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .isSecretWorthy */ .mr)(row[i] ?? ''))
                        out.add(row[i]);
        });
    }
    return [...out];
}


/***/ }),

/***/ 5698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ lowerHeaders),
/* harmony export */   h7: () => (/* binding */ readRequests)
/* harmony export */ });
/* unused harmony export parseStatus */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2650);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1439);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3772);
/* harmony import */ var _jsonpath_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5858);
/** `session:` and `requests:` entries → RequestSpec, with defaults applied and names unique. */




const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Header names are case-insensitive: lower-case them so merging and lookups are simple. */
function lowerHeaders(raw) {
    const out = {};
    for (const [name, value] of Object.entries((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw))) {
        if (['string', 'number', 'boolean'].includes(typeof value))
            out[name.toLowerCase()] = String(value);
    }
    return out;
}
function readRequests(c, raw, path, defaults) {
    const specs = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw).map((item, i) => readRequest(c, (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item), [...path, i], defaults));
    const firstIndex = new Map();
    specs.forEach((spec, i) => {
        const seen = firstIndex.get(spec.name);
        if (seen === undefined)
            return void firstIndex.set(spec.name, i);
        const item = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw)[i]);
        const hint = 'name' in item ? '' : ` (the name defaults to "METHOD path"; give each a name)`;
        c.add('name' in item ? [...path, i, 'name'] : [...path, i], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, i])}: duplicate name ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(spec.name)} (also ${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, seen])})${hint}`);
    });
    return specs;
}
function readRequest(c, item, path, defaults) {
    const method = readMethod(c, item, path);
    const reqPath = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(item.path) ?? '';
    if (typeof item.path === 'string' && !reqPath.startsWith('/')) {
        c.add([...path, 'path'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, 'path'])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(reqPath)} must start with "/" (it is appended to target.url)`);
    }
    const spec = {
        name: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(item.name) ?? `${method} ${reqPath}`,
        method,
        path: reqPath,
        weight: typeof item.weight === 'number' && item.weight > 0 ? item.weight : 1,
        headers: { ...defaults.headers, ...lowerHeaders(item.headers) },
        timeoutMs: c.unit(item, 'timeout', path, _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9, defaults.timeoutMs),
    };
    // A 0 ms timeout would fail every request before it is sent.
    if ('timeout' in item && spec.timeoutMs <= 0)
        c.add([...path, 'timeout'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, 'timeout'])} must be longer than 0`);
    if ('body' in item && 'json' in item)
        c.add([...path, 'json'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path)}: use either body or json, not both`, 'key');
    if (typeof item.body === 'string')
        spec.body = item.body;
    if ('json' in item)
        spec.json = item.json;
    const expect = readExpect(c, (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item.expect), [...path, 'expect']);
    if (expect)
        spec.expect = expect;
    const capture = readCapture(c, item.capture, [...path, 'capture']);
    if (capture)
        spec.capture = capture;
    return spec;
}
function readMethod(c, item, path) {
    if (typeof item.method !== 'string')
        return 'GET';
    const method = item.method.toUpperCase();
    if (!METHODS.includes(method)) {
        c.add([...path, 'method'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, 'method'])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(item.method)} is not an HTTP method${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .suggestion */ .h)(method, METHODS)}`);
    }
    return method;
}
function readExpect(c, raw, path) {
    const expect = {};
    if ('status' in raw)
        expect.status = c.unit(raw, 'status', path, parseStatus, []);
    if (typeof raw.body === 'string')
        expect.bodyContains = raw.body;
    if ('json' in raw)
        expect.json = readJsonExpectations(c, (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.json), [...path, 'json']);
    return Object.keys(expect).length ? expect : undefined;
}
const RULE = /^\s*(=|==|!=|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;
/**
 * `json: { "$.stock": 0, "$.sold": ">= 100" }`: a string that reads as a comparison with a number is
 * a rule; anything else is a literal the value must equal (`"sold out"`, `true`, `[1, 2]`).
 */
function readJsonExpectations(c, raw, path) {
    const out = [];
    for (const [jsonPath, value] of Object.entries(raw)) {
        const bad = jsonPathProblem(jsonPath);
        if (bad !== undefined) {
            c.add([...path, jsonPath], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(jsonPath)} ${bad}`, 'key');
            continue;
        }
        if (JSON.stringify(value)?.includes('${')) {
            c.add([...path, jsonPath], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, jsonPath])}: expect.json values are compared as written; a \${...} is not filled here`);
            continue;
        }
        const rule = typeof value === 'string' ? RULE.exec(value) : null;
        if (rule) {
            const op = rule[1] === '==' ? '=' : rule[1];
            out.push({ path: jsonPath, op, value: Number(rule[2]), raw: value });
        }
        else {
            out.push({ path: jsonPath, op: '=', value, raw: JSON.stringify(value), literal: true });
        }
    }
    return out;
}
/** What is wrong with a JSONPath of the subset perf-gate reads (`$.a.b[0]`, `$['x-y']`), or undefined. */
function jsonPathProblem(path, example = '$.stock') {
    if (!path.startsWith('$'))
        return `is not a JSONPath: use one like "${example}" or "$.items[0].id"`;
    try {
        (0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonPath */ .H)(path);
        return undefined;
    }
    catch {
        return "is a JSONPath perf-gate does not read (no wildcards, filters or ..): use $.a.b[0] or $['a-b']";
    }
}
/** `200` or `[200, 201]` → number[]. */
function parseStatus(v) {
    const codes = Array.isArray(v) ? v : [v];
    const ok = codes.length > 0 && codes.every((s) => Number.isInteger(s) && s >= 100 && s <= 599);
    if (!ok)
        throw new Error(`${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(v)} is not a status code: use 200 or [200, 201]`);
    return codes;
}
function readCapture(c, raw, path) {
    if (raw === undefined)
        return undefined;
    const out = {};
    for (const [name, query] of Object.entries((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw))) {
        if (!VARIABLE_NAME.test(name)) {
            c.add([...path, name], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(name)} cannot be a variable name: use letters, digits and _ (it is used as \${name})`, 'key');
        }
        const bad = jsonPathProblem(typeof query === 'string' ? query : '', '$.access_token');
        if (bad !== undefined) {
            c.add([...path, name], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, name])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(query)} ${bad}`);
        }
        else {
            out[name] = query;
        }
    }
    return out;
}


/***/ }),

/***/ 3659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ isBreakMetric),
/* harmony export */   bP: () => (/* binding */ MAX_WORKERS),
/* harmony export */   ir: () => (/* binding */ readStages)
/* harmony export */ });
/* unused harmony exports STAGE_DEFAULTS, MIN_SOAK_MS, MAX_PIPELINING, MAX_STRESS_STEPS, BREAK_METRICS */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2650);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1439);
/* harmony import */ var _stage_time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6515);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3772);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * `stages:` → StageSpec. Each kind has keys it needs and keys that would make no sense for it;
 * both are reported here (the schema only knows the union of all stage keys).
 */





/** Keys only some kinds use, by kind. `name`, `kind`, `protocol`, `max_in_flight`, `connections`, `workers`, `pipelining` go anywhere (the last three have checks of their own below). */
const KIND_KEYS = {
    baseline: ['duration'],
    load: ['duration', 'rate', 'vus', 'ramp', 'think'],
    spike: ['from', 'to', 'before', 'ramp', 'hold', 'after'],
    burst: ['size', 'cycles', 'pause'],
    stress: ['rate', 'vus', 'every', 'until', 'think'],
    soak: ['duration', 'rate', 'vus', 'ramp', 'think', 'metrics'],
};
const KIND_SPECIFIC = new Set(Object.values(KIND_KEYS).flat());
const STAGE_KEYS = new Set([
    'name',
    'kind',
    'protocol',
    'max_in_flight',
    'connections',
    'workers',
    'pipelining',
    'requests',
    'setup',
    'verify',
    ...KIND_SPECIFIC,
]);
const REQUIRED = {
    baseline: ['duration'],
    load: ['duration'],
    spike: ['from', 'to', 'hold', 'after'],
    burst: ['size', 'cycles'],
    stress: ['every'],
    soak: ['duration'],
};
const STAGE_DEFAULTS = { maxInFlight: 1000, spikeBeforeMs: 5_000, burstPauseMs: 1_000 };
/** Most worker threads a stage may ask for: more is a typo, not a runner (as for --shard). */
const MAX_WORKERS = 64;
function isKind(v) {
    return typeof v === 'string' && v in KIND_KEYS;
}
/** Shortest soak: its first and last tenths must hold at least one 1-s window each. */
const MIN_SOAK_MS = 10_000;
function readStages(c, raw) {
    const stages = [];
    const firstIndex = new Map();
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw).forEach((item, i) => {
        const data = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item);
        const stage = readStage(c, data, ['stages', i]);
        if (!stage)
            return;
        stages.push(stage);
        const seen = firstIndex.get(stage.name);
        if (seen === undefined)
            return void firstIndex.set(stage.name, i);
        const hint = 'name' in data ? '' : ' (the name defaults to the kind; give each stage a name)';
        const at = 'name' in data ? ['stages', i, 'name'] : ['stages', i];
        c.add(at, `stages[${i}]: duplicate stage name ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(stage.name)} (also stages[${seen}])${hint}`);
    });
    return stages;
}
/** undefined when the kind itself is missing or wrong (the schema check reports that). */
function readStage(c, s, path) {
    if (!isKind(s.kind))
        return undefined;
    const kind = s.kind;
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const protocol = s.protocol === 'ws' ? 'ws' : 'http';
    for (const key of Object.keys(s)) {
        if (KIND_SPECIFIC.has(key) && !KIND_KEYS[kind].includes(key)) {
            c.add([...path, key], `${where}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(key)} does not apply to a ${kind} stage (it uses: ${KIND_KEYS[kind].join(', ')})`, 'key');
        }
    }
    // A misspelt key (`durration`) is already reported with "did you mean"; don't also call it missing.
    const unknown = Object.keys(s).filter((k) => !STAGE_KEYS.has(k));
    for (const key of REQUIRED[kind]) {
        if (!(key in s) && !unknown.some((k) => (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .kp)(k, [key])))
            c.add(path, `${where} (${kind}) is missing ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(key)}`);
    }
    if ('connections' in s && protocol !== 'ws')
        c.add([...path, 'connections'], `${where}: "connections" only applies with protocol: ws`, 'key');
    if ('connections' in s && protocol === 'ws' && kind === 'baseline') {
        c.add([...path, 'connections'], `${where}: a baseline stage uses one connection; use a load stage for more`, 'key');
    }
    if ('vus' in s && protocol === 'ws') {
        c.add([...path, 'vus'], `${where}: with protocol: ws use "connections" (each sends its next message when the reply arrives; add rate for the open model)`, 'key');
    }
    if ((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.name) === '*')
        c.add([...path, 'name'], `${where}: "*" cannot be a stage name (in thresholds it means every stage)`);
    const base = { name: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.name) ?? kind, protocol, maxInFlight: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.max_in_flight) ?? STAGE_DEFAULTS.maxInFlight };
    if (protocol === 'ws')
        base.connections = kind === 'baseline' ? 1 : ((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.connections) ?? 1);
    if (protocol === 'ws' && (kind === 'stress' || kind === 'soak')) {
        c.add([...path, 'protocol'], `${where}: a ${kind} stage is HTTP only (protocol: ws is not supported for it yet)`);
    }
    const workers = readWorkers(c, s, path, kind, protocol);
    if (workers !== undefined)
        base.workers = workers;
    const pipelining = readPipelining(c, s, path, protocol);
    if (pipelining !== undefined)
        base.pipelining = pipelining;
    const ms = (key, fallback) => c.unit(s, key, path, _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9, fallback);
    const rate = (key) => c.unit(s, key, path, _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRate */ .WN, 1);
    switch (kind) {
        case 'baseline':
            return { ...base, kind, durationMs: positive(c, s, path, 'duration', ms('duration', 1)) };
        case 'load':
            return readLoad(c, s, path, base, ms, rate);
        case 'spike': {
            const stage = {
                ...base,
                kind,
                fromRate: rate('from'),
                toRate: rate('to'),
                beforeMs: ms('before', STAGE_DEFAULTS.spikeBeforeMs),
                rampMs: ms('ramp', 0),
                holdMs: positive(c, s, path, 'hold', ms('hold', 1)),
                afterMs: positive(c, s, path, 'after', ms('after', 1)),
            };
            if ('from' in s && 'to' in s && stage.toRate <= stage.fromRate) {
                c.add([...path, 'to'], `${where}: to (${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.to)}) must be higher than from (${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.from)})`);
            }
            return stage;
        }
        case 'burst':
            return { ...base, kind, size: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.size) ?? 1, cycles: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.cycles) ?? 1, pauseMs: ms('pause', STAGE_DEFAULTS.burstPauseMs) };
        case 'stress':
            return readStress(c, s, path, base, ms);
        case 'soak':
            return readSoak(c, s, path, base, ms, rate);
    }
}
/** Deeper pipelines only queue requests behind one slow response (head-of-line blocking). */
const MAX_PIPELINING = 64;
/**
 * `pipelining: N`: HTTP requests per connection in flight. `pipelining: 1` is the default and is
 * dropped, so it does not change the plan's fingerprint.
 */
function readPipelining(c, s, path, protocol) {
    if (!('pipelining' in s))
        return undefined;
    const at = [...path, 'pipelining'];
    const v = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.pipelining);
    if (v === undefined || v < 1 || v > MAX_PIPELINING) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(at)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.pipelining)} is not a pipelining depth: use a whole number from 1 (no pipelining) to ${MAX_PIPELINING}`);
        return undefined;
    }
    if (protocol === 'ws') {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path)}: pipelining applies to HTTP stages only (a WebSocket sends messages on its open connection)`, 'key');
        return undefined;
    }
    return v === 1 ? undefined : v;
}
/**
 * `workers: auto | N`: the threads an HTTP load, spike or burst stage runs on. `workers: 1` is the
 * default and is dropped, so it does not change the plan's fingerprint.
 */
function readWorkers(c, s, path, kind, protocol) {
    if (!('workers' in s))
        return undefined;
    const at = [...path, 'workers'];
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const v = s.workers;
    if (v !== 'auto' && ((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(v) === undefined || v < 1)) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(at)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(v)} is not a number of workers: use auto (one per core) or a whole number from 1 to ${MAX_WORKERS}`);
        return undefined;
    }
    if (typeof v === 'number' && v > MAX_WORKERS) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(at)}: ${v} workers is more than ${MAX_WORKERS}; auto uses every core the runner has`);
        return undefined;
    }
    if (kind === 'baseline') {
        c.add(at, `${where}: a baseline stage is one user sending back to back, which cannot be split over worker threads (remove workers)`, 'key');
        return undefined;
    }
    if (kind === 'stress' || kind === 'soak') {
        const why = kind === 'stress' ? 'each step is judged as it ends, on one thread' : 'its drift and memory are measured on one thread';
        c.add(at, `${where}: a ${kind} stage runs on one thread (${why}); remove workers`, 'key');
        return undefined;
    }
    if (protocol === 'ws') {
        c.add(at, `${where}: workers applies to HTTP stages only: a ws stage's connections and the replies matched to them live on one thread (spread connections over runners with --shard)`, 'key');
        return undefined;
    }
    return v === 1 ? undefined : v;
}
function readLoad(c, s, path, base, ms, rate) {
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    if ('rate' in s && 'vus' in s)
        c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
    const ws = base.protocol === 'ws';
    // A ws load stage without rate is closed: each connection sends its next message on the reply.
    if (!ws && !('rate' in s) && !('vus' in s))
        c.add(path, `${where} (${(0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(s.kind) ?? 'load'}) needs rate (open model) or vus (closed model)`);
    if ('think' in s && ('rate' in s || (!ws && !('vus' in s)))) {
        c.add([...path, 'think'], ws ? `${where}: "think" only applies to the closed model (connections without rate)` : `${where}: "think" only applies with vus (closed model)`, 'key');
    }
    if (typeof s.vus === 'object' && s.vus !== null)
        c.add([...path, 'vus'], `${where}: vus is a number of users here (steps like { from, step, max } or a list of levels are for stress stages)`);
    const durationMs = positive(c, s, path, 'duration', ms('duration', 1));
    const rampMs = ms('ramp', 0);
    if ('ramp' in s && 'duration' in s && rampMs >= durationMs) {
        c.add([...path, 'ramp'], `${where}: ramp (${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.ramp)}) must be shorter than duration (${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.duration)}): the ramp is part of it`);
    }
    if (ws && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: base.connections ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    if ('vus' in s && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(s.vus) ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    return { ...base, kind: 'load', model: 'open', rate: rate('rate'), rampMs, durationMs };
}
/** A stage that lasts 0 ms measures nothing. */
function positive(c, s, path, key, value) {
    if (key in s && value <= 0)
        c.add([...path, key], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, key])} must be longer than 0`);
    return value;
}
/** More steps than this is a typo (a step of 0.001/s), not a search for a breaking point. */
const MAX_STRESS_STEPS = 1000;
/** A stress stage's `rate:` or `vus:` map: where the steps start, how much each adds, the most. */
const STEP_KEYS = ['from', 'step', 'max'];
function readStress(c, s, path, base, ms) {
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const closed = 'vus' in s && !('rate' in s);
    if ('rate' in s && 'vus' in s)
        c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
    if (!('rate' in s) && !('vus' in s))
        c.add(path, `${where} (stress) needs rate: { from, step, max } or a list of rates (open model), or vus: { from, step, max } or a list of user counts (closed model)`);
    if ('think' in s && !closed)
        c.add([...path, 'think'], `${where}: "think" only applies with vus (closed model)`, 'key');
    const key = closed ? 'vus' : 'rate';
    const levels = readSteps(c, s[key], [...path, key], closed);
    const everyMs = positive(c, s, path, 'every', ms('every', 1));
    const stage = {
        ...base,
        kind: 'stress',
        model: closed ? 'closed' : 'open',
        ...levels,
        everyMs,
        thinkMs: closed ? ms('think', 0) : 0,
        until: [],
        untilFrom: 'thresholds',
    };
    if ('until' in s) {
        stage.until = readUntil(c, s.until, [...path, 'until']);
        stage.untilFrom = 'until';
    }
    return stage;
}
/** What a single step can be judged on: its own latency and errors (its rps is the rate it was offered). */
const BREAK_METRICS = [..._units_js__WEBPACK_IMPORTED_MODULE_1__/* .LATENCY_METRICS */ .Z$, 'error_rate'];
const isBreakMetric = (m) => BREAK_METRICS.includes(m);
function readUntil(c, raw, path) {
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const example = '{ p95: "< 200ms", error_rate: "< 1%" }';
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length === 0) {
        c.add(path, `${where}: write the conditions every step must meet, e.g. ${example}`);
        return [];
    }
    const rules = [];
    for (const [metric, rule] of Object.entries(raw)) {
        const at = [...path, metric];
        if (!(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .isMetric */ .NI)(metric))
            continue; // the schema check names it, with a suggestion
        if (!isBreakMetric(metric)) {
            c.add(at, `${where}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(metric)} cannot judge a step: a step is judged on its latency percentiles and error_rate${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestion */ .h)(metric, BREAK_METRICS)}`, 'key');
            continue;
        }
        try {
            rules.push((0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseThreshold */ .B7)(metric, rule));
        }
        catch (err) {
            c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(at)}: ${err.message}`);
        }
    }
    return rules;
}
/** A user count of a stress step: a whole number from 1. */
const userCount = (v) => {
    if ((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(v) === undefined || v < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnitError */ .tR(`${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(v)} is not a number of users: use a whole number from 1`);
    return v;
};
/**
 * `vus: [10, 50, 100, 500]` or `rate: [50/s, 200/s]`: the levels run in order, each going up.
 * `from` and `max` are the first and last; `step` is 0 (the gaps are the list's).
 */
function readLevels(c, raw, path, users) {
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const issuesBefore = c.issues.length;
    if (raw.length === 0)
        c.add(path, `${where}: list at least one level, e.g. ${users ? '[10, 50, 100]' : '[50/s, 200/s, 1000/s]'}`);
    if (raw.length > MAX_STRESS_STEPS)
        c.add(path, `${where}: ${raw.length.toLocaleString('en-US')} levels; at most ${MAX_STRESS_STEPS}`);
    const levels = raw.map((v, i) => {
        try {
            return users ? userCount(v) : (0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRate */ .WN)(v);
        }
        catch (err) {
            c.add([...path, i], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, i])}: ${err.message}`);
            return 1;
        }
    });
    if (c.issues.length === issuesBefore) {
        const down = levels.findIndex((level, i) => i > 0 && level <= levels[i - 1]);
        if (down > 0)
            c.add([...path, down], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, down])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(raw[down])} does not go up from ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(raw[down - 1])}: list the levels from lowest to highest, each once`);
    }
    return { from: levels[0] ?? 1, step: 0, max: levels[levels.length - 1] ?? 1, levels };
}
function readSteps(c, raw, path, users) {
    const out = { from: 1, step: 1, max: 1 };
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const example = users ? '{ from: 10, step: 10, max: 200 }' : '{ from: 50/s, step: 50/s, max: 2000/s }';
    if (raw === undefined)
        return out;
    if (Array.isArray(raw))
        return readLevels(c, raw, path, users);
    if (typeof raw !== 'object' || raw === null) {
        c.add(path, `${where}: a stress stage steps its ${users ? 'users' : 'rate'}: write ${example}, or list the levels: ${users ? '[10, 50, 100, 500]' : '[50/s, 200/s, 1000/s]'}`);
        return out;
    }
    const data = raw;
    for (const k of Object.keys(data)) {
        if (!STEP_KEYS.includes(k))
            c.add([...path, k], `${where}: unknown key ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(k)} (the steps are ${example})`, 'key');
    }
    const issuesBefore = c.issues.length;
    for (const k of STEP_KEYS) {
        if (!(k in data)) {
            c.add(path, `${where} is missing ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(k)} (the steps are ${example})`);
            continue;
        }
        out[k] = c.unit(data, k, path, users ? userCount : _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRate */ .WN, 1);
    }
    // Only steps that are all there and all numbers can be counted or compared.
    if (c.issues.length > issuesBefore)
        return out;
    if (out.max < out.from) {
        c.add([...path, 'max'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, 'max'])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(data.max)} is below from (${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(data.from)}): max is the highest level the steps may reach`);
    }
    else if ((0,_stage_time_js__WEBPACK_IMPORTED_MODULE_4__/* .stressStepCount */ .mz)(out) > MAX_STRESS_STEPS) {
        c.add([...path, 'step'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, 'step'])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(data.step)} makes ${(0,_stage_time_js__WEBPACK_IMPORTED_MODULE_4__/* .stressStepCount */ .mz)(out).toLocaleString('en-US')} steps from ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(data.from)} to ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(data.max)}; at most ${MAX_STRESS_STEPS} (take bigger steps)`);
    }
    return out;
}
function readSoak(c, s, path, base, ms, rate) {
    const load = readLoad(c, s, path, base, ms, rate);
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path);
    const steadyMs = load.durationMs - load.rampMs;
    if ('duration' in s && load.durationMs > 0 && steadyMs > 0 && steadyMs < MIN_SOAK_MS) {
        const what = load.rampMs > 0 ? `${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.duration)} with a ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.ramp)} ramp holds it ${steadyMs / 1000}s` : `${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(s.duration)} is shorter`;
        c.add([...path, 'duration'], `${where}: a soak stage must hold its load at least ${MIN_SOAK_MS / 1000}s after its ramp (${what}): its drift compares the first and last tenth of that`);
    }
    const soak = { ...load, kind: 'soak' };
    if ('metrics' in s) {
        const m = s.metrics;
        // A path on the target, like target.ready: an absolute or //host value would send the probe
        // elsewhere, past the load-destination check.
        if (typeof m !== 'string' || !/^\/(?!\/)/.test(m)) {
            c.add([...path, 'metrics'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)([...path, 'metrics'])}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(m)} must be a path on the target, starting with one /, e.g. /metrics`);
        }
        else {
            soak.metricsPath = m;
        }
    }
    return soak;
}


/***/ }),

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ checkWsStages),
/* harmony export */   s1: () => (/* binding */ readWebSocket)
/* harmony export */ });
/* unused harmony export WS_DEFAULTS */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2650);
/* harmony import */ var _check_requests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5698);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1439);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3772);
/* harmony import */ var _jsonpath_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5858);
/**
 * `websocket:` → WebSocketSpec, and the checks that tie it to the ws stages (a stream cannot be
 * given a message rate, a burst needs messages to release). Located Issues like every plan check.
 */





const WS_DEFAULTS = { reconnectBackoffMs: 100 };
const MODES = ['request_reply', 'stream', 'connect'];
const HERE = ['websocket'];
const at = (...keys) => [...HERE, ...keys];
const where = (...keys) => (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(at(...keys));
/** A template with every `${name}` filled by a stand-in value, to check what it will look like. */
const sample = (text) => text.replace(/\$?\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, (m) => (m.startsWith('$$') ? m.slice(1) : '1'));
function readWebSocket(c, raw, defaultTimeoutMs) {
    const path = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.path) ?? '';
    if (typeof raw.path === 'string' && !path.startsWith('/')) {
        c.add(at('path'), `${where('path')}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(path)} must start with "/" (it is appended to target.url)`);
    }
    const send = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.send);
    const mode = MODES.includes(raw.mode) ? raw.mode : send !== undefined ? 'request_reply' : 'connect';
    const spec = {
        path,
        headers: (0,_check_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .lowerHeaders */ .Aj)(raw.headers),
        subprotocols: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw.subprotocols).filter((p) => typeof p === 'string'),
        mode,
        reconnect: readReconnect(c, (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.reconnect)),
        timeoutMs: c.unit(raw, 'timeout', HERE, _units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9, defaultTimeoutMs),
    };
    if (send !== undefined)
        spec.send = send;
    if (typeof raw.subscribe === 'string')
        spec.subscribe = raw.subscribe;
    if ('expect_reply' in raw) {
        const matcher = readMatcher(c, (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.expect_reply), send);
        if (matcher)
            spec.expectReply = matcher;
    }
    if (typeof raw.timestamp_field === 'string') {
        try {
            (0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonPath */ .H)(raw.timestamp_field);
            spec.timestampField = raw.timestamp_field;
        }
        catch (err) {
            c.add(at('timestamp_field'), `${where('timestamp_field')}: ${err.message}`);
        }
    }
    checkModeKeys(c, raw, mode);
    return spec;
}
function checkModeKeys(c, raw, mode) {
    if (mode === 'request_reply' && typeof raw.send !== 'string') {
        c.add('mode' in raw ? at('mode') : HERE, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(HERE)}: mode request_reply needs "send" (the message to send)`);
    }
    const only = { send: 'request_reply', expect_reply: 'request_reply', subscribe: 'stream', timestamp_field: 'stream' };
    for (const [key, needs] of Object.entries(only)) {
        if (key in raw && mode !== needs) {
            const hint = key === 'send' && mode === 'stream' ? ' (a stream sends "subscribe" once per connection)' : '';
            c.add(at(key), `${where(key)} only applies to mode ${needs}; this block's mode is ${mode}${hint}`, 'key');
        }
    }
}
function readReconnect(c, raw) {
    const max = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(raw.max) ?? 0;
    if ('max' in raw && ((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(raw.max) === undefined || max < 0))
        c.add(at('reconnect', 'max'), `${where('reconnect', 'max')}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(raw.max)} is not a count: use 0, 3, 10`);
    return { max: Math.max(0, max), backoffMs: c.unit(raw, 'backoff', at('reconnect'), _units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9, WS_DEFAULTS.reconnectBackoffMs) };
}
function readMatcher(c, raw, send) {
    const keys = ['match', 'regex', 'json_field'].filter((k) => k in raw);
    if (keys.length !== 1) {
        c.add(at('expect_reply'), `${where('expect_reply')}: give exactly one of match, regex or json_field${keys.length ? ` (found ${keys.join(', ')})` : ''}`);
        return undefined;
    }
    const key = keys[0];
    const value = raw[key];
    if (typeof value !== 'string' || value === '')
        return undefined; // the schema check names the type
    if (key === 'match')
        return { match: value };
    if (key === 'regex') {
        try {
            new RegExp(sample(value));
        }
        catch (err) {
            c.add(at('expect_reply', 'regex'), `${where('expect_reply', 'regex')}: not a valid regular expression: ${err.message.replace(/^Invalid regular expression: /, '')}`);
            return undefined;
        }
        return { regex: value };
    }
    const field = value.startsWith('$') ? value : `$.${value}`;
    try {
        (0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonPath */ .H)(field);
    }
    catch (err) {
        c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: ${err.message}`);
        return undefined;
    }
    if (send !== undefined) {
        let doc;
        try {
            doc = JSON.parse(sample(send));
        }
        catch {
            c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message is not JSON, so it has no field ${(0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} to match`);
            return undefined;
        }
        if ((0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_4__/* .readJsonPath */ .A)(doc, field) === undefined) {
            c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message has no field ${(0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
        }
    }
    return { jsonField: field };
}
/** What a ws stage can do depends on the block's mode: say so at the stage's line. */
function checkWsStages(c, rawStages, stages, ws) {
    if (!ws)
        return;
    const raws = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(rawStages).map(_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1);
    let j = 0;
    raws.forEach((s, i) => {
        if (typeof s.kind !== 'string' || !['baseline', 'load', 'spike', 'burst'].includes(s.kind))
            return;
        const stage = stages[j++];
        if (!stage || stage.protocol !== 'ws' || ws.mode === 'request_reply')
            return;
        const path = ['stages', i];
        if (stage.kind === 'spike' || stage.kind === 'burst') {
            c.add([...path, 'kind'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path)}: a ${stage.kind} stage sends messages, but websocket.mode is ${ws.mode} (use a load stage, or mode request_reply)`);
        }
        else if ('rate' in s) {
            c.add([...path, 'rate'], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .jV)(path)}: "rate" is a message rate, but websocket.mode is ${ws.mode}: nothing is sent (drop rate; connections and duration apply)`, 'key');
        }
    });
}


/***/ }),

/***/ 2650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   g1: () => (/* binding */ record),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   sR: () => (/* binding */ Checks)
/* harmony export */ });
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1439);
/* harmony import */ var _interpolate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(264);
/** The collector the semantic checks share: Issues by path, and unit parsing with fallbacks. */


class Checks {
    issues = [];
    add(path, message, at = 'value') {
        this.issues.push({ path, at, message });
    }
    /**
     * `parse(obj[key])`, or `fallback` when the key is absent. A bad value is reported (with the
     * parser's message) and also yields `fallback`, so checking goes on and finds every problem.
     */
    unit(obj, key, path, parse, fallback) {
        if (!(key in obj))
            return fallback;
        try {
            return parse(obj[key]);
        }
        catch (err) {
            this.add([...path, key], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)([...path, key])}: ${err.message}`);
            return fallback;
        }
    }
}
/** The value as a map, or an empty one: wrong shapes are the schema check's to report. */
function record(v) {
    return (0,_interpolate_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(v) ? v : {};
}
function list(v) {
    return Array.isArray(v) ? v : [];
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}
function int(v) {
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}


/***/ }),

/***/ 1439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ suggestion),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   kp: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * A problem found in the parsed plan, addressed by its path in the data (`['stages', 1, 'rate']`)
 * rather than by line: the checks stay pure and the loader turns paths into line:col at the end.
 */
/** `['stages', 1, 'rate']` → `stages[1].rate`; odd keys such as "*" → `thresholds["*"]`. */
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else if (/^[A-Za-z_][\w-]*$/.test(part))
            out += out ? `.${part}` : part;
        else
            out += `[${JSON.stringify(part)}]`;
    }
    return out || 'the plan';
}
/**
 * Edit distance (Levenshtein, counting a swap of two neighbours as one edit, since `gte` for
 * `get` is a typical typo).
 */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, d[i - 2][j - 2] + 1);
            d[i][j] = best;
        }
    }
    return d[a.length][b.length];
}
/** The closest candidate if it is close enough to be a likely typo, else undefined. */
function closest(name, candidates) {
    const wanted = name.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(wanted, c.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    const tolerance = Math.max(1, Math.floor(name.length / 3));
    return bestDistance <= tolerance ? best : undefined;
}
/** `; did you mean "duration"?` or ` (allowed: a, b, c)` when nothing is close. */
function suggestion(name, candidates) {
    const near = closest(name, candidates);
    if (near !== undefined)
        return `; did you mean ${JSON.stringify(near)}?`;
    return candidates.length ? ` (allowed: ${candidates.join(', ')})` : '';
}


/***/ }),

/***/ 9950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yq: () => (/* binding */ loadPlan),
  wr: () => (/* binding */ readPlanFile),
  dS: () => (/* binding */ sortProblems),
  H8: () => (/* binding */ toProblem)
});

// UNUSED EXPORTS: MAX_PLAN_BYTES, parsePlan

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/checks.ts
var checks = __webpack_require__(2650);
// EXTERNAL MODULE: ./src/plan/check-requests.ts
var check_requests = __webpack_require__(5698);
// EXTERNAL MODULE: ./src/plan/check-websocket.ts
var check_websocket = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/plan/interpolate.ts
var interpolate = __webpack_require__(264);
;// CONCATENATED MODULE: ./src/plan/as-written.ts
/**
 * The plan's requests as written: `${NAME}` of the environment kept as the name, not its value.
 * The plan fingerprint hashes these, so a value from the environment (a tenant id in a path, a
 * token) never makes a stored baseline "another plan", wherever in the request it is used.
 */




/** An environment that answers every name with its own placeholder, so substitution keeps `${NAME}`. */
const NAMES_KEPT = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? `\${${name}}` : undefined) });
/** `parsed`: the plan's YAML data before substitution. Its problems were reported on the substituted plan. */
function planTemplates(parsed) {
    const raw = (0,checks/* record */.g1)((0,interpolate/* interpolate */.GW)(parsed, NAMES_KEPT).value);
    const unused = new checks/* Checks */.sR();
    const defaults = { timeoutMs: 0, headers: {} };
    const written = (r) => ({ name: r.name, method: r.method, path: r.path });
    const templates = {
        requests: (0,check_requests/* readRequests */.h7)(unused, raw.requests, ['requests'], defaults).map(written),
        session: (0,check_requests/* readRequests */.h7)(unused, raw.session, ['session'], defaults).map(written),
    };
    if ('websocket' in raw) {
        const ws = (0,check_websocket/* readWebSocket */.s1)(unused, (0,checks/* record */.g1)(raw.websocket), 0);
        templates.websocket = { path: ws.path, subscribe: ws.subscribe, expectReply: ws.expectReply };
    }
    return templates;
}

// EXTERNAL MODULE: ./src/plan/positions.ts
var positions = __webpack_require__(5843);
// EXTERNAL MODULE: ./src/model/redact.ts
var redact = __webpack_require__(4012);
// EXTERNAL MODULE: ./src/plan/secrets.ts
var plan_secrets = __webpack_require__(4682);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./plan.schema.json
const plan_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"perf-gate plan","description":"A load-testing plan for perf-gate: one target, the requests to send, the stages to run and the rules that gate the result.","type":"object","additionalProperties":false,"required":["version","target","stages"],"properties":{"version":{"const":1,"description":"Plan format version; always 1."},"target":{"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","description":"Base URL (http, https, ws or wss); --target overrides it."},"build":{"type":"string","description":"Optional shell command that builds the app, run by `perf-gate ab --base-ref` in each side\'s tree (the base worktree and the current checkout) before `start`; ${PORT} and ${SIDE} (base or head) are that side\'s."},"start":{"type":"string","description":"Optional shell command that starts the app under test. With `ab --base-ref`, started once per side: ${PORT} (here, in url and in ready) is that side\'s free port, ${SIDE} is base or head. If the url\'s port already answers before the command runs (a stale server), the run stops with exit 3."},"ready":{"type":"string","description":"Optional path polled until it answers 2xx before the first stage."},"ready_timeout":{"$ref":"#/definitions/duration","description":"How long to wait for `ready`; default 60s."},"allow_remote":{"type":"boolean","description":"Allow load to go to a host that is not loopback (127.0.0.0/8, ::1, localhost); without it (or the action\'s allowed-hosts input) such a target is refused (exit 2)."},"process":{"type":"object","additionalProperties":false,"description":"Where to read what the app spends (CPU time, memory) when perf-gate did not start it, or a narrower part than the whole target.start process group. One of pid_file or cgroup; paths relative to the working directory. Unreadable: the run goes on, the figures are missing and rules on them warn.","properties":{"pid_file":{"type":"string","description":"A file holding the app\'s process id: that process and its descendants are read from /proc."},"cgroup":{"type":"string","description":"A cgroup v2 directory (e.g. /sys/fs/cgroup/system.slice/app.service): cpu.stat usage_usec, memory.current, memory.peak."}}}}},"defaults":{"type":"object","additionalProperties":false,"properties":{"timeout":{"$ref":"#/definitions/duration","description":"Per-request timeout; default 10s."},"headers":{"$ref":"#/definitions/headers"}}},"session":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests run once per virtual user, before its first request."},"requests":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"The weighted mix every HTTP stage draws from."},"data":{"type":"object","description":"Data sets by name, used in request strings as ${NAME.COLUMN}: a CSV file with a header row, or a JSON array of objects, relative to the plan\'s folder.","additionalProperties":{"type":"object","additionalProperties":false,"required":["file"],"properties":{"file":{"type":"string","description":"users.csv (a header row names the columns) or users.json (an array of objects)."},"pick":{"enum":["sequential","random","unique"],"description":"sequential (default): closed-model user N takes row N (wrapping), open-model requests take the rows in order; random: any row, drawn anew; unique: each row once in the whole run."}}}},"websocket":{"type":"object","additionalProperties":false,"description":"Used by stages with protocol: ws. The target URL\'s scheme becomes ws:// (https: wss://).","properties":{"path":{"type":"string","description":"Appended to target.url; may use ${token} and other captured values."},"headers":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"Upgrade request headers (templates)."},"subprotocols":{"type":"array","items":{"type":"string"},"description":"Sec-WebSocket-Protocol values offered."},"mode":{"enum":["request_reply","stream","connect"],"description":"Default request_reply when send is set, else connect."},"send":{"type":"string","description":"request_reply: the message template (${seq}, captured values)."},"expect_reply":{"type":"object","additionalProperties":false,"description":"request_reply: how a reply is matched to its message (exactly one key).","properties":{"match":{"type":"string","description":"The reply contains this text (a template filled with the sent message\'s values)."},"regex":{"type":"string","description":"The reply matches this regular expression (a template)."},"json_field":{"type":"string","description":"The reply\'s JSON field (\\"id\\" or \\"$.a.b\\") equals the sent message\'s."}}},"subscribe":{"type":"string","description":"stream: message sent on every (re)opened connection."},"timestamp_field":{"type":"string","description":"stream: JSONPath of the server\'s send time in ms since the epoch (for lag), e.g. $.E"},"reconnect":{"type":"object","additionalProperties":false,"description":"Reconnect after a close or a failed connect.","properties":{"max":{"type":"integer","minimum":0,"description":"Reconnects per connection; default 0."},"backoff":{"$ref":"#/definitions/duration","description":"First wait; doubles per consecutive failed attempt (capped at 10 s). Default 100ms."}}},"timeout":{"$ref":"#/definitions/duration","description":"Reply and handshake timeout; default defaults.timeout."}}},"stages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/stage"}},"thresholds":{"type":"object","description":"Absolute rules: stage name (or \\"*\\" for every stage) -> metric -> rule such as \\"< 200ms\\".","additionalProperties":{"$ref":"#/definitions/thresholdRules"}},"regression":{"type":"object","description":"Rules against the stored baseline: metric -> allowed change such as \\"+15%\\", \\"-10%\\" or \\"+0.5pp\\" (error_rate), or a noise band against past runs such as \\"+3σ\\" or \\"band\\".","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/regressionRule"},"mean":{"$ref":"#/definitions/regressionRule"},"p50":{"$ref":"#/definitions/regressionRule"},"p90":{"$ref":"#/definitions/regressionRule"},"p95":{"$ref":"#/definitions/regressionRule"},"p99":{"$ref":"#/definitions/regressionRule"},"p999":{"$ref":"#/definitions/regressionRule"},"max":{"$ref":"#/definitions/regressionRule"},"error_rate":{"$ref":"#/definitions/regressionRule"},"rps":{"$ref":"#/definitions/regressionRule"},"requests":{"$ref":"#/definitions/regressionRule"},"errors":{"$ref":"#/definitions/regressionRule"},"recovery":{"$ref":"#/definitions/regressionRule"},"breaking_point":{"$ref":"#/definitions/regressionRule"},"drift":{"$ref":"#/definitions/regressionRule"},"memory_growth":{"$ref":"#/definitions/regressionRule"},"cpu_per_request":{"$ref":"#/definitions/regressionRule"},"rss_peak":{"$ref":"#/definitions/regressionRule"}}},"abort_when":{"type":["array","object"],"description":"End a stage early (and skip the rest of the plan) when a rule holds for a while; the gate then fails. A list of rules, or a map with rules and target_down (the always-on rule: ≥ 95 % connect errors for 3 s; false turns it off).","items":{"$ref":"#/definitions/abortRule"},"additionalProperties":false,"properties":{"rules":{"type":"array","items":{"$ref":"#/definitions/abortRule"},"description":"The rules; each is checked once a second on the completions of the last second."},"target_down":{"type":"boolean","description":"The default rule: abort a stage when ≥ 95 % of the completions of every second for 3 s are connect errors; default true."}}},"limits":{"type":"object","additionalProperties":false,"description":"Runaway caps a plan must raise explicitly to go beyond; a stage above one is refused at load, and a run that reaches max_requests or max_duration is stopped and fails the gate.","properties":{"max_duration":{"$ref":"#/definitions/duration","description":"The whole run\'s time (stages summed; the wall clock at run time); default 15m, at most 24 days."},"max_requests":{"type":"integer","minimum":1,"description":"Requests (and ws messages) in the whole run; default 2000000."},"max_connections":{"type":"integer","minimum":1,"description":"Per stage: users (vus), ws connections, a burst\'s size, max_in_flight; default 1000."},"max_rate":{"$ref":"#/definitions/rate","description":"Peak open-model rate (rate, a spike\'s to); default 20000/s."}}}},"definitions":{"workers":{"description":"auto (the cores the process may use) or a number of threads from 1 to 64.","anyOf":[{"const":"auto"},{"type":"integer","minimum":1,"maximum":64}]},"duration":{"type":"string","pattern":"^\\\\s*((\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(ms|s|m|h)\\\\s*)+$","description":"A duration with a unit: 500ms, 30s, 2m, 1h (compounds like 1m30s work too)."},"rate":{"description":"Requests per second: 200/s, 12000/m, or a bare number (per second).","anyOf":[{"type":"number","exclusiveMinimum":0},{"type":"string","pattern":"^\\\\s*(\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(/\\\\s*(s|m|h))?\\\\s*$"}]},"status":{"description":"Accepted status code(s); default any 2xx or 3xx.","anyOf":[{"type":"integer","minimum":100,"maximum":599},{"type":"array","minItems":1,"items":{"type":"integer","minimum":100,"maximum":599}}]},"headers":{"type":"object","description":"Header name -> value (a template). Names are case-insensitive.","additionalProperties":{"type":["string","number","boolean"]}},"thresholdRule":{"type":"string","pattern":"^\\\\s*(<=|>=|<|>)","description":"A comparison and a value: \\"< 200ms\\", \\"> 190\\", \\"< 1%\\"."},"regressionRule":{"type":"string","pattern":"^\\\\s*([+-]|[Bb][Aa][Nn][Dd]\\\\s*$)","description":"A signed change: \\"+15%\\", \\"-10%\\", or \\"+0.5pp\\" for error_rate; a noise band against past runs: \\"+3σ\\" (or \\"+3sigma\\"), or \\"band\\" (3σ on the worse side)."},"thresholdRules":{"type":"object","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/thresholdRule"},"mean":{"$ref":"#/definitions/thresholdRule"},"p50":{"$ref":"#/definitions/thresholdRule"},"p90":{"$ref":"#/definitions/thresholdRule"},"p95":{"$ref":"#/definitions/thresholdRule"},"p99":{"$ref":"#/definitions/thresholdRule"},"p999":{"$ref":"#/definitions/thresholdRule"},"max":{"$ref":"#/definitions/thresholdRule"},"error_rate":{"$ref":"#/definitions/thresholdRule"},"rps":{"$ref":"#/definitions/thresholdRule"},"requests":{"$ref":"#/definitions/thresholdRule"},"errors":{"$ref":"#/definitions/thresholdRule"},"recovery":{"$ref":"#/definitions/thresholdRule"},"breaking_point":{"$ref":"#/definitions/thresholdRule"},"drift":{"$ref":"#/definitions/thresholdRule"},"memory_growth":{"$ref":"#/definitions/thresholdRule"},"cpu_per_request":{"$ref":"#/definitions/thresholdRule"},"rss_peak":{"$ref":"#/definitions/thresholdRule"}}},"request":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"name":{"type":"string","description":"Name in reports; default \\"METHOD path\\". Unique within its list."},"method":{"type":"string","description":"HTTP method (any case); default GET.","examples":["GET","POST","PUT","PATCH","DELETE"]},"path":{"type":"string","description":"Path appended to target.url, e.g. /posts?page=${seq}."},"weight":{"type":"number","exclusiveMinimum":0,"description":"Relative share of the request mix; default 1."},"headers":{"$ref":"#/definitions/headers"},"body":{"type":"string","description":"Raw request body (a template). Use either body or json."},"json":{"description":"JSON request body; its strings are templates. Use either body or json."},"expect":{"type":"object","additionalProperties":false,"properties":{"status":{"$ref":"#/definitions/status"},"body":{"type":"string","description":"The response body must contain this text."},"json":{"type":"object","description":"Values at JSONPaths of the JSON response body: a literal to equal, or a rule string such as \\">= 0\\" or \\"< 5\\".","additionalProperties":true}}},"capture":{"type":"object","description":"Variable name -> JSONPath into the JSON response ($.a.b[0]); use later as ${name}.","additionalProperties":{"type":"string","description":"A JSONPath subset into the JSON response body, e.g. $.access_token or $.items[0].id."}},"timeout":{"$ref":"#/definitions/duration","description":"Overrides defaults.timeout for this request."}}},"stage":{"type":"object","additionalProperties":false,"required":["kind"],"properties":{"name":{"type":"string","description":"Unique stage name; default the kind."},"kind":{"enum":["baseline","load","spike","burst","stress","soak"],"description":"baseline: one user back to back; load: steady rate or users; spike: low-high-low rate; burst: many at once; stress: step the rate or users up until a step breaks; soak: a long steady load, reporting drift and memory."},"protocol":{"enum":["http","ws"],"description":"Default http."},"duration":{"$ref":"#/definitions/duration","description":"baseline, load, soak: how long the stage runs (ramp included)."},"rate":{"type":["string","number","object","array"],"description":"load, soak (open model): the target request rate (200/s, 12000/m); stress: the steps, { from: 50/s, step: 50/s, max: 2000/s }, or the levels in order, [50/s, 200/s, 1000/s]."},"ramp":{"$ref":"#/definitions/duration","description":"load, spike: linear ramp time; default 0."},"vus":{"type":["integer","object","array"],"minimum":1,"description":"load, soak (closed model): number of virtual users; stress: the steps, { from: 10, step: 10, max: 200 }, or the levels in order, [10, 50, 100, 500, 1000]."},"think":{"$ref":"#/definitions/duration","description":"load, soak, stress with vus: pause between a user\'s requests; default 0."},"from":{"$ref":"#/definitions/rate","description":"spike: the low rate."},"to":{"$ref":"#/definitions/rate","description":"spike: the high rate."},"before":{"$ref":"#/definitions/duration","description":"spike: time at the low rate before the ramp; default 5s."},"hold":{"$ref":"#/definitions/duration","description":"spike: time at the high rate."},"after":{"$ref":"#/definitions/duration","description":"spike: time back at the low rate, in which recovery is measured."},"size":{"type":"integer","minimum":1,"description":"burst: requests released at once."},"cycles":{"type":"integer","minimum":1,"description":"burst: how many bursts."},"pause":{"$ref":"#/definitions/duration","description":"burst: pause between bursts; default 1s."},"max_in_flight":{"type":"integer","minimum":1,"description":"Cap on requests in flight; default 1000."},"connections":{"type":"integer","minimum":1,"description":"protocol ws: number of connections."},"workers":{"$ref":"#/definitions/workers","description":"HTTP load, spike, burst: worker threads the stage runs on (auto = one per core); default 1."},"pipelining":{"type":"integer","minimum":1,"maximum":64,"description":"HTTP: requests in flight per connection (HTTP/1.1 pipelining, like autocannon -p); the pool opens 1/pipelining as many connections. Default 1."},"every":{"$ref":"#/definitions/duration","description":"stress: how long each step runs."},"until":{"$ref":"#/definitions/thresholdRules","description":"stress: what every step must meet (latency percentiles, error_rate), e.g. { p95: \\"< 200ms\\", error_rate: \\"< 1%\\" }; default: the plan\'s latency and error_rate thresholds for the stage and \\"*\\"."},"metrics":{"type":"string","description":"soak: a path on the target serving Prometheus text; process_resident_memory_bytes is read before and after the stage."},"requests":{"type":"array","items":{"type":"string"},"minItems":1,"description":"HTTP stages: the names of the top-level requests this stage draws from (their weights kept); default all."},"setup":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests sent once, in order, before the stage (not measured); their captures reach every user."},"verify":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests sent once after the stage has drained (not measured); each is a check of kind verify (expect.status, expect.body, expect.json)."}}},"abortRule":{"type":"object","additionalProperties":false,"required":["metric","op","value"],"properties":{"metric":{"enum":["error_rate","connect_error_rate","p50","p90","p95","p99","max"],"description":"Watched per second of completions (a latency: of the requests that completed in that second)."},"op":{"enum":[">",">="],"description":"Abort when the metric is above (or at least) the value."},"value":{"type":["string","number"],"description":"As in thresholds: 50% or 0.5 for a rate, 2s, 200ms or a bare number of ms for a latency."},"for":{"$ref":"#/definitions/duration","description":"How long the rule must hold, second after second; default 0s (the first second that crosses)."},"delay":{"$ref":"#/definitions/duration","description":"Do not judge this early into the stage (k6\'s delayAbortEval); default 0s."},"stage":{"type":["string","array"],"items":{"type":"string"},"description":"Only this stage (or these stages), by name; default every stage."}}}}}');
// EXTERNAL MODULE: ./src/plan/issues.ts
var issues = __webpack_require__(1439);
// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
;// CONCATENATED MODULE: ./src/plan/schema-check.ts
/**
 * Shape checks against plan.schema.json (the same file editors use for completion), with ajv's
 * errors turned into located, readable Issues.
 */




// Compiled on first use, not at load: ajv's code generation is a fifth of the CLI's start-up,
// and `--version`, `--help` or `merge` never check a plan.
let validateShape;
const shapeValidator = () => (validateShape ??= new ajv.Ajv({ allErrors: true, strict: false, verbose: true }).compile(plan_schema_namespaceObject));
/**
 * Values whose schema is only a hint for editors: the semantic checks parse them with the unit
 * parsers, whose messages say what to write instead ("fast" is not a duration: use 500ms...).
 */
const CHECKED_LATER = ['duration', 'rate', 'status', 'thresholdRule', 'regressionRule', 'workers'];
const TYPE_NAMES = {
    object: 'a map',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
};
function schemaIssues(data) {
    if (data === null || data === undefined)
        return [{ path: [], at: 'value', message: 'the plan is empty' }];
    const validate = shapeValidator();
    if (validate(data))
        return [];
    return (validate.errors ?? []).filter((e) => !checkedLater(e)).map((e) => toIssue(e, data));
}
function checkedLater(e) {
    const def = /^#\/definitions\/(\w+)\//.exec(e.schemaPath)?.[1];
    return def !== undefined && CHECKED_LATER.includes(def);
}
function toIssue(e, data) {
    const path = pointerToPath(e.instancePath, data);
    const where = (0,issues/* formatPath */.jV)(path);
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const allowed = Object.keys(e.parentSchema.properties ?? {});
            // Under thresholds and regression the keys are metric names: say so.
            const what = path[0] === 'regression' || (path[0] === 'thresholds' && path.length === 2) ? 'metric' : 'key';
            return { path: [...path, key], at: 'key', message: `unknown ${what} ${(0,units/* show */.WU)(key)} in ${where}${(0,issues/* suggestion */.h)(key, allowed)}` };
        }
        case 'required':
            return { path, at: 'value', message: `${where} is missing ${(0,units/* show */.WU)(e.params.missingProperty)}` };
        case 'type': {
            const types = String(e.params.type).split(',');
            return { path, at: 'value', message: `${where} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}` };
        }
        case 'enum': {
            const allowed = e.params.allowedValues.map(String);
            const near = typeof e.data === 'string' ? (0,issues/* suggestion */.h)(e.data, allowed) : ` (allowed: ${allowed.join(', ')})`;
            return { path, at: 'value', message: `${where}: ${(0,units/* show */.WU)(e.data)} is not valid${near}` };
        }
        case 'const':
            return { path, at: 'value', message: `${where} must be ${(0,units/* show */.WU)(e.params.allowedValue)}` };
        default:
            return { path, at: 'value', message: `${where} ${e.message ?? 'is not valid'}` };
    }
}
/** `/stages/1/rate` → ['stages', 1, 'rate'], with numbers only where the data holds a list. */
function pointerToPath(pointer, data) {
    const path = [];
    let node = data;
    for (const raw of pointer.split('/').slice(1)) {
        const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const step = Array.isArray(node) ? Number(part) : part;
        path.push(step);
        node = node?.[step];
    }
    return path;
}

// EXTERNAL MODULE: ./src/plan/validate.ts + 3 modules
var validate = __webpack_require__(9496);
// EXTERNAL MODULE: ./src/plan/check-data.ts
var check_data = __webpack_require__(2212);
;// CONCATENATED MODULE: ./src/plan/load.ts
/**
 * Plan loading: YAML (with positions) → `${ENV}` substitution → shape check against
 * plan.schema.json → semantic checks and unit conversion. Every step adds located problems; if
 * there are any, one PlanError carries all of them, sorted by line.
 */










/** Largest plan file read: real plans are a few KB; this keeps a wrong or hostile file from being parsed at all. */
const MAX_PLAN_BYTES = 1024 * 1024;
/** The one problem of a plan over MAX_PLAN_BYTES, or undefined. */
function sizeProblem(bytes, file) {
    if (bytes <= MAX_PLAN_BYTES)
        return undefined;
    return { file, line: 1, col: 1, message: `the plan is ${formatBytes(bytes)}; a plan may be at most ${formatBytes(MAX_PLAN_BYTES)}` };
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${+(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}
/**
 * Parse and validate plan text. Pure; throws PlanError listing every problem found. The plan's
 * secrets (plan/secrets.ts) are on `plan.secrets`; a PlanError's messages never contain them.
 */
function parsePlan(text, file, env, readData = (0,check_data/* dataReaderBeside */._k)(file)) {
    const tooBig = sizeProblem(Buffer.byteLength(text, 'utf8'), file);
    if (tooBig)
        throw new errors/* PlanError */.W6([tooBig]);
    const parsed = (0,positions/* parseYaml */.hN)(text);
    if (parsed.syntaxErrors.length) {
        // The data behind a syntax error is partial: checking it would only add confusing noise.
        throw new errors/* PlanError */.W6(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    }
    const substituted = (0,interpolate/* interpolate */.GW)(parsed.value, env);
    const { plan, issues } = (0,validate/* buildPlan */.Gg)(substituted.value, file, readData);
    const all = [...substituted.issues, ...schemaIssues(substituted.value), ...issues];
    const secrets = [...new Set([...substituted.secrets, ...(0,plan_secrets/* headerSecrets */.n3)(plan), ...(0,check_data/* dataSecrets */.at)(plan.data)])];
    if (all.length) {
        // Messages quote the values they refuse: one quoting `${TOKEN}`'s value would print the token.
        const redactor = new redact/* Redactor */.pO().add(secrets);
        throw new errors/* PlanError */.W6(sortProblems(all.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
    }
    if (secrets.length)
        plan.secrets = secrets;
    plan.templates = planTemplates(parsed.value);
    return plan;
}
/** Read and parse a plan file; an unreadable file is a problem at 1:1 with the OS reason. */
async function loadPlan(file, env = process.env) {
    return parsePlan(await readPlanFile(file), file, env);
}
/** A plan's (or gate file's) text, size-checked; an unreadable file is a PlanError at 1:1 with the OS reason. */
async function readPlanFile(file) {
    try {
        return await readPlanText(file);
    }
    catch (err) {
        if (err instanceof errors/* PlanError */.W6)
            throw err;
        const code = err.code ?? '';
        const reason = OS_REASONS[code] ?? err.message;
        throw new errors/* PlanError */.W6([{ file, line: 1, col: 1, message: `cannot read the plan: ${reason}` }]);
    }
}
/**
 * The file's text, read no further than one byte past MAX_PLAN_BYTES: a huge file (or a device such
 * as /dev/zero, whose size says 0) is refused without loading it.
 */
async function readPlanText(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const size = (await handle.stat()).size;
        const buffer = Buffer.alloc(MAX_PLAN_BYTES + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        const tooBig = sizeProblem(Math.max(size, filled), file);
        if (tooBig)
            throw new errors/* PlanError */.W6([tooBig]);
        return buffer.toString('utf8', 0, filled);
    }
    finally {
        await handle.close();
    }
}
const OS_REASONS = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
};
function toProblem(issue, source, file) {
    return { file, ...(0,positions/* locate */.x5)(source, issue.path, issue.at), message: issue.message };
}
/** By line, then column, then message; exact duplicates dropped. */
function sortProblems(problems) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
    return sorted.filter((p, i) => i === 0 || p.message !== sorted[i - 1].message || p.line !== sorted[i - 1].line || p.col !== sorted[i - 1].col);
}


/***/ }),

/***/ 5843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony exports MAX_DEPTH, DEPTH_MESSAGE */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * YAML with positions. We use `yaml` (not js-yaml) because it keeps a node tree with source
 * ranges for every key and value, so any problem found later in the plain data can be pointed at
 * its exact line:col; js-yaml only returns plain objects and positions only for syntax errors.
 */

/**
 * Deepest nesting of maps and lists a plan may have. Real plans stay under 10 (a `json:` body adds a
 * few); the limit is far below where the YAML composer, `toJS` or the recursive walks after them
 * would run out of stack, so a hostile or broken file gets a located message instead.
 */
const MAX_DEPTH = 64;
const DEPTH_MESSAGE = `the plan is nested deeper than ${MAX_DEPTH} levels`;
/** How many aliases `toJS` may expand: refuses "billion laughs" bombs. */
const MAX_ALIAS_COUNT = 100;
function parseYaml(text) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    let doc;
    try {
        // prettyErrors off: we want the bare message and place the position ourselves.
        // logLevel error: yaml's warnings (a map used as a key) would print as process warnings.
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
    }
    catch (err) {
        // The parser catches its own stack overflow (RESOURCE_EXHAUSTION, below): this is the backstop.
        const message = err instanceof RangeError ? DEPTH_MESSAGE : `cannot parse the plan: ${err.message}`;
        return { source: { doc: new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(null), lines }, value: undefined, syntaxErrors: [{ line: 1, col: 1, message }] };
    }
    const source = { doc, lines };
    // The parser catches its own stack overflow as a RESOURCE_EXHAUSTION error (one or several):
    // one problem, at the first, says what it means.
    const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message));
    const syntaxErrors = (overflow ? [overflow] : doc.errors).map((e) => {
        const pos = lines.linePos(e.pos[0]);
        if (e === overflow)
            return { ...pos, message: DEPTH_MESSAGE };
        return { ...pos, message: e.message.split('\n')[0] + placeholderHint(text, pos.line) };
    });
    if (syntaxErrors.length)
        return { source, value: undefined, syntaxErrors };
    // Deep nesting in the node tree is refused before toJS, which recurses once per level.
    const deepNode = tooDeep(doc.contents, nodeChildren);
    if (deepNode)
        return { source, value: undefined, syntaxErrors: [{ ...(startOf(source, deepNode) ?? { line: 1, col: 1 }), message: DEPTH_MESSAGE }] };
    let value;
    try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (err) {
        // toJS refuses alias bombs ("Excessive alias count"); report it like any YAML error.
        const message = err instanceof RangeError ? DEPTH_MESSAGE : err.message;
        return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message }] };
    }
    // Aliases can stack anchors into data deeper than any one node path: check the result as well.
    if (tooDeep(value, valueChildren))
        return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message: `${DEPTH_MESSAGE} (once its aliases are expanded)` }] };
    return { source, value, syntaxErrors };
}
/**
 * The first item nested more than MAX_DEPTH collections deep, or undefined. Iterative (an explicit
 * stack) so that the check itself cannot overflow, and it stops descending at the limit.
 */
function tooDeep(root, children) {
    const stack = [[root, 0]];
    while (stack.length > 0) {
        const [item, depth] = stack.pop();
        const kids = children(item);
        if (!kids)
            continue;
        if (depth >= MAX_DEPTH)
            return item;
        for (const kid of kids)
            stack.push([kid, depth + 1]);
    }
    return undefined;
}
/** A map's or list's child nodes (a pair's key and value); undefined for scalars and aliases. */
function nodeChildren(node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return node.items.flatMap((p) => [p.key, p.value]);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return node.items;
    return undefined;
}
function valueChildren(value) {
    if (Array.isArray(value))
        return value;
    if (typeof value === 'object' && value !== null)
        return value instanceof Map ? [...value.values()] : Object.values(value);
    return undefined;
}
/** `{ duration: ${D} }` is a YAML error (the `{` of `${` opens a map): say how to write it. */
function placeholderHint(text, line) {
    const lineText = text.split(/\r?\n/)[line - 1] ?? '';
    return /(^|[\s,[{:])\$\{/.test(lineText) ? ' (put values that contain ${...} in quotes: "${NAME}")' : '';
}
function startOf(source, node) {
    return node?.range ? source.lines.linePos(node.range[0]) : undefined;
}
/**
 * line:col of `path` in the document: of its KEY (`at: 'key'`) or its VALUE. When the path goes
 * further than the document (a key that is missing), the deepest node found stands in for it.
 */
function locate(source, path, at) {
    let node = source.doc.contents;
    let best = startOf(source, node) ?? { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
        const part = path[i];
        const last = i === path.length - 1;
        let key = null;
        let next = null;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? p.key.value : p.key) === String(part));
            if (!pair)
                break;
            key = pair.key;
            next = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            next = node.items[Number(part)];
            if (next === undefined)
                break;
        }
        else {
            break;
        }
        const keyPos = startOf(source, key);
        const valuePos = startOf(source, next);
        // An empty value (`duration:`) has no node of its own: its key is the best place to point.
        best = (last && at === 'key' ? keyPos : (valuePos ?? keyPos)) ?? best;
        node = next;
    }
    return best;
}


/***/ }),

/***/ 9496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gg: () => (/* binding */ buildPlan),
  Y1: () => (/* binding */ readRegression),
  rZ: () => (/* binding */ readThresholds)
});

// UNUSED EXPORTS: PLAN_DEFAULTS

// EXTERNAL MODULE: ./src/plan/checks.ts
var checks = __webpack_require__(2650);
// EXTERNAL MODULE: ./src/plan/check-requests.ts
var check_requests = __webpack_require__(5698);
// EXTERNAL MODULE: ./src/plan/check-stages.ts
var check_stages = __webpack_require__(3659);
// EXTERNAL MODULE: ./src/plan/issues.ts
var issues = __webpack_require__(1439);
// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
;// CONCATENATED MODULE: ./src/plan/check-abort.ts
/**
 * `abort_when:` → AbortPolicy. Two forms:
 *
 *   abort_when:                      # a list: rules, the "target down" rule stays on
 *     - { metric: error_rate, op: ">", value: 50%, for: 10s, delay: 5s }
 *
 *   abort_when:                      # a map: rules and the default rule's switch
 *     target_down: false
 *     rules:
 *       - { metric: p99, op: ">", value: 2s, for: 5s, stage: spike }
 *
 * Values are written as in `thresholds:` (50%, 0.5, 2s, 200ms, a bare number of ms) and parsed by
 * the same parser. Kept on the Plan, not on StageSpec, so the plan fingerprint never sees it.
 */



const ABORT_METRICS = ['error_rate', 'connect_error_rate', 'p50', 'p90', 'p95', 'p99', 'max'];
const ABORT_OPS = ['>', '>='];
function readAbortWhen(c, raw, stages) {
    if (Array.isArray(raw))
        return { rules: readRules(c, raw, ['abort_when'], stages), targetDown: true };
    const data = (0,checks/* record */.g1)(raw);
    return {
        rules: readRules(c, (0,checks/* list */.p_)(data.rules), ['abort_when', 'rules'], stages),
        // Wrong types are the schema check's to report; only an explicit false turns the rule off.
        targetDown: data.target_down !== false,
    };
}
function readRules(c, raw, at, stages) {
    const rules = [];
    raw.forEach((item, i) => {
        const rule = readRule(c, (0,checks/* record */.g1)(item), [...at, i], stages);
        if (rule)
            rules.push(rule);
    });
    return rules;
}
function readRule(c, r, path, stages) {
    const metric = (0,checks/* str */.gx)(r.metric);
    const op = (0,checks/* str */.gx)(r.op);
    // Missing or misspelt keys, metrics and ops: the schema check names them.
    if (!metric || !ABORT_METRICS.includes(metric) || !op || !ABORT_OPS.includes(op))
        return undefined;
    if (typeof r.value !== 'string' && typeof r.value !== 'number')
        return undefined;
    let value;
    try {
        // connect_error_rate is a share of requests, written as error_rate is.
        value = (0,units/* parseThreshold */.B7)(metric === 'connect_error_rate' ? 'error_rate' : metric, `${op} ${r.value}`).value;
    }
    catch (err) {
        c.add([...path, 'value'], `${(0,issues/* formatPath */.jV)([...path, 'value'])}: ${err.message}`);
        return undefined;
    }
    const forMs = c.unit(r, 'for', path, units/* parseDuration */.E9, 0);
    const delayMs = c.unit(r, 'delay', path, units/* parseDuration */.E9, 0);
    const rule = {
        metric: metric,
        op: op,
        value,
        forMs,
        delayMs,
        raw: describeRule(metric, op, r.value, r.for, r.delay),
    };
    if ('stage' in r)
        rule.stages = readStageNames(c, r.stage, [...path, 'stage'], stages);
    return rule;
}
function readStageNames(c, raw, path, stages) {
    const names = stages.map((s) => s.name);
    const wanted = (Array.isArray(raw) ? raw : [raw]).filter((x) => typeof x === 'string');
    wanted.forEach((name, i) => {
        if (!names.includes(name)) {
            c.add(Array.isArray(raw) ? [...path, i] : path, `${(0,issues/* formatPath */.jV)(path)}: unknown stage ${(0,units/* show */.WU)(name)}${(0,issues/* suggestion */.h)(name, names)}`);
        }
    });
    return wanted;
}
/** `error_rate > 50% for 2s after 5s`: how reports and messages name a rule. */
function describeRule(metric, op, value, forRaw, delayRaw) {
    let text = `${metric} ${op} ${String(value)}`;
    if (typeof forRaw === 'string')
        text += ` for ${forRaw.trim()}`;
    if (typeof delayRaw === 'string')
        text += ` after ${delayRaw.trim()}`;
    return text;
}

// EXTERNAL MODULE: ./src/plan/check-websocket.ts
var check_websocket = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/plan/stage-time.ts
var stage_time = __webpack_require__(6515);
;// CONCATENATED MODULE: ./src/plan/check-limits.ts
/**
 * `limits:` → PlanLimits, and the runaway checks against them: a plan that would run for hours,
 * send millions of requests, open tens of thousands of connections or ask for an absurd rate is
 * refused at load, located at the stage key that asks for it, unless the plan raises the limit
 * explicitly. What cannot be known before the run (closed-model request counts, the wall clock with
 * drains and re-runs) is enforced by the backstop in src/load/run-plan.ts.
 *
 * Also bounds every duration a timer waits on: Node's setTimeout fires after 1 ms (with a warning)
 * for anything above 2^31 − 1 ms, so `think: 1000000h` would become no think time at all.
 */




const DEFAULT_LIMITS = {
    maxDurationMs: 15 * 60_000,
    maxRequests: 2_000_000,
    maxConnections: 1000,
    maxRate: 20_000,
};
/** Longest wait a timer can hold: 24 days, under setTimeout's 2^31 − 1 ms (about 24.8 days). */
const MAX_TIMER_MS = 24 * 24 * 3_600_000;
/** The most a plan may raise each limit to: beyond these the numbers stop meaning anything on one runner. */
const LIMIT_CEILINGS = {
    maxDurationMs: MAX_TIMER_MS,
    maxRequests: 10_000_000_000,
    maxConnections: 1_000_000,
    maxRate: 10_000_000,
};
const KEYS = {
    maxDurationMs: 'max_duration',
    maxRequests: 'max_requests',
    maxConnections: 'max_connections',
    maxRate: 'max_rate',
};
const HERE = ['limits'];
/** The `limits:` block with defaults for what it leaves out. */
function readLimits(c, raw) {
    const limits = { ...DEFAULT_LIMITS };
    // Counts that are not whole numbers ≥ 1 are the schema check's to report.
    const count = (v) => {
        const n = (0,checks/* int */.Wh)(v);
        return n !== undefined && n >= 1 ? n : NaN;
    };
    const parsers = {
        maxDurationMs: units/* parseDuration */.E9,
        maxRequests: count,
        maxConnections: count,
        maxRate: units/* parseRate */.WN,
    };
    for (const field of Object.keys(KEYS)) {
        const key = KEYS[field];
        const value = c.unit(raw, key, HERE, parsers[field], DEFAULT_LIMITS[field]);
        if (value > LIMIT_CEILINGS[field]) {
            c.add([...HERE, key], `limits.${key}: ${(0,units/* show */.WU)(raw[key])} is above the most perf-gate allows (${format(field, LIMIT_CEILINGS[field])})`);
        }
        else if (value > 0) {
            limits[field] = value;
        }
        else if (!Number.isNaN(value)) {
            c.add([...HERE, key], `limits.${key} must be more than 0`);
        }
    }
    return limits;
}
/** Stages as the plan has them, each with its index in the `stages:` list (readStages skips entries without a valid kind). */
function withIndex(rawStages, stages) {
    const kinds = ['baseline', 'load', 'spike', 'burst', 'stress', 'soak'];
    const valid = (0,checks/* list */.p_)(rawStages)
        .map((item, i) => ({ raw: (0,checks/* record */.g1)(item), path: ['stages', i] }))
        .filter((s) => kinds.includes(s.raw.kind));
    return stages.map((spec, i) => ({ spec, raw: valid[i]?.raw ?? {}, path: valid[i]?.path ?? ['stages'] }));
}
/** The stage key that asks for a value: the key when the stage has it, else the stage itself. */
function keyPath(raw, path, ...keys) {
    const key = keys.find((k) => k in raw);
    return key === undefined ? path : [...path, key];
}
const raise = (key) => `; raise limits.${key} to allow it`;
/** Every stage, and the plan as a whole, against the limits (defaults or the plan's own). */
function checkLimits(c, raw, plan) {
    checkTimers(c, raw);
    const limits = plan.limits;
    let totalMs = 0;
    let totalRequests = 0;
    let durationReported = false;
    let requestsReported = false;
    for (const { spec, raw: s, path } of withIndex(raw.stages, plan.stages)) {
        const where = (0,issues/* formatPath */.jV)(path);
        // Peak rate (open model and spikes).
        const peak = peakRate(spec, s, path);
        if (peak && peak.value > limits.maxRate) {
            c.add(peak.at, `${(0,issues/* formatPath */.jV)(peak.at)}: ${(0,units/* formatRate */.CE)(peak.value)} is above limits.max_rate (${(0,units/* formatRate */.CE)(limits.maxRate)})${raise('max_rate')}`);
        }
        checkConcurrency(c, spec, s, path, limits);
        // The whole run's planned time: reported once, at the stage that takes it over the limit.
        const stageMs = (0,stage_time/* plannedDurationMs */.du)(spec);
        totalMs += stageMs;
        if (!durationReported && totalMs > limits.maxDurationMs) {
            durationReported = true;
            const at = keyPath(s, path, 'duration', 'hold', 'cycles', 'every');
            const what = stageMs > limits.maxDurationMs ? `${where} runs ${(0,units/* formatMs */._V)(stageMs)}` : `${where} brings the planned time of the run to ${(0,units/* formatMs */._V)(totalMs)}`;
            c.add(at, `${what}, above limits.max_duration (${(0,units/* formatMs */._V)(limits.maxDurationMs)})${raise('max_duration')}`);
        }
        // The whole run's scheduled requests (open model, spikes, bursts; closed models are capped at run time).
        const requests = (0,stage_time/* plannedRequests */.nY)(spec);
        if (requests === undefined)
            continue;
        totalRequests += requests;
        if (!requestsReported && totalRequests > limits.maxRequests) {
            requestsReported = true;
            const at = keyPath(s, path, 'rate', 'to', 'size', 'cycles');
            const what = requests > limits.maxRequests
                ? `${where} schedules ${(0,units/* formatCount */.B4)(requests)} requests`
                : `${where} brings the requests the run schedules to ${(0,units/* formatCount */.B4)(totalRequests)}`;
            c.add(at, `${what}, above limits.max_requests (${(0,units/* formatCount */.B4)(limits.maxRequests)})${raise('max_requests')}`);
        }
    }
}
/** The highest open-model rate a stage asks for, and the key that asks for it. */
function peakRate(spec, s, path) {
    if (spec.kind === 'spike')
        return { value: spec.toRate, at: keyPath(s, path, 'to') };
    if ((spec.kind === 'load' || spec.kind === 'soak') && spec.model === 'open')
        return { value: spec.rate, at: keyPath(s, path, 'rate') };
    if (spec.kind === 'stress' && spec.model === 'open') {
        // The highest level: `max` of the steps, or the last of listed levels.
        return { value: spec.max, at: 'rate' in s ? [...path, 'rate', spec.levels ? spec.levels.length - 1 : 'max'] : path };
    }
    return undefined;
}
/** Requests a stage may have in flight (closed users, a burst, ws connections, the open model's cap). */
function checkConcurrency(c, spec, s, path, limits) {
    const cap = `limits.max_connections (${(0,units/* formatCount */.B4)(limits.maxConnections)})`;
    const over = (value, key, what) => {
        if (value <= limits.maxConnections)
            return;
        const at = keyPath(s, path, key);
        // An open stage's default max_in_flight can be over a lowered limit: say which knob to turn.
        const fix = key in s ? raise('max_connections') : `; set ${key} lower or raise limits.max_connections`;
        c.add(at, `${(0,issues/* formatPath */.jV)(at)}: ${what} is above ${cap}${fix}`);
    };
    if (spec.connections !== undefined)
        over(spec.connections, 'connections', `${(0,units/* formatCount */.B4)(spec.connections)} connections`);
    if (spec.protocol === 'ws')
        return;
    switch (spec.kind) {
        case 'load':
        case 'soak':
            if (spec.model === 'closed')
                over(spec.vus, 'vus', `${(0,units/* formatCount */.B4)(spec.vus)} users`);
            else
                over(spec.maxInFlight, 'max_in_flight', `${(0,units/* formatCount */.B4)(spec.maxInFlight)} requests in flight`);
            break;
        case 'stress':
            if (spec.model === 'closed')
                over(spec.max, 'vus', `up to ${(0,units/* formatCount */.B4)(spec.max)} users`);
            else
                over(spec.maxInFlight, 'max_in_flight', `${(0,units/* formatCount */.B4)(spec.maxInFlight)} requests in flight`);
            break;
        case 'spike':
            over(spec.maxInFlight, 'max_in_flight', `${(0,units/* formatCount */.B4)(spec.maxInFlight)} requests in flight`);
            break;
        case 'burst':
            over(spec.size, 'size', `a burst of ${(0,units/* formatCount */.B4)(spec.size)} requests at once`);
            break;
        case 'baseline':
            break;
    }
}
/** Durations a timer waits on, by path: each at most MAX_TIMER_MS; the ones marked `positive` also above 0. */
function checkTimers(c, raw) {
    const check = (obj, key, path, positive) => {
        if (!(key in obj))
            return;
        let ms;
        try {
            ms = (0,units/* parseDuration */.E9)(obj[key]);
        }
        catch {
            return; // a bad duration is reported where the key is read
        }
        const at = [...path, key];
        if (ms > MAX_TIMER_MS)
            c.add(at, `${(0,issues/* formatPath */.jV)(at)}: ${(0,units/* show */.WU)(obj[key])} is longer than ${(0,units/* formatMs */._V)(MAX_TIMER_MS)}, the longest wait perf-gate can time`);
        else if (positive && ms <= 0)
            c.add(at, `${(0,issues/* formatPath */.jV)(at)} must be longer than 0`);
    };
    const target = (0,checks/* record */.g1)(raw.target);
    check(target, 'ready_timeout', ['target'], true);
    check((0,checks/* record */.g1)(raw.defaults), 'timeout', ['defaults'], true);
    for (const list_ of ['session', 'requests']) {
        // Zero request timeouts are refused in check-requests.ts.
        (0,checks/* list */.p_)(raw[list_]).forEach((item, i) => check((0,checks/* record */.g1)(item), 'timeout', [list_, i], false));
    }
    const ws = (0,checks/* record */.g1)(raw.websocket);
    check(ws, 'timeout', ['websocket'], true);
    check((0,checks/* record */.g1)(ws.reconnect), 'backoff', ['websocket', 'reconnect'], false);
    (0,checks/* list */.p_)(raw.stages).forEach((item, i) => {
        for (const key of ['duration', 'ramp', 'think', 'before', 'hold', 'after', 'pause', 'every'])
            check((0,checks/* record */.g1)(item), key, ['stages', i], false);
    });
}
function format(field, value) {
    if (field === 'maxDurationMs')
        return (0,units/* formatMs */._V)(value);
    if (field === 'maxRate')
        return (0,units/* formatRate */.CE)(value);
    return (0,units/* formatCount */.B4)(value);
}

// EXTERNAL MODULE: ./src/plan/check-data.ts
var check_data = __webpack_require__(2212);
// EXTERNAL MODULE: ./src/plan/placeholders.ts
var placeholders = __webpack_require__(6509);
;// CONCATENATED MODULE: ./src/plan/check-flows.ts
/**
 * What a stage sends besides its load, and what every request string may hold:
 *  - `requests: [name, ...]` on a stage: its part of the mix;
 *  - `setup:` / `verify:` on a stage: requests sent once before it and after it has drained;
 *  - placeholders (src/plan/placeholders.ts): each must parse, and a data column must exist;
 *  - `pick: unique` sets: the plan's closed-model users must not need more rows than the file has.
 */






/** Reads each stage's `requests`, `setup` and `verify` into its spec (matched by position in the raw list). */
function readStageFlows(c, rawStages, stages, requestNames, defaults) {
    const raws = (0,checks/* list */.p_)(rawStages).map(checks/* record */.g1);
    for (const stage of stages) {
        const i = raws.findIndex((r) => ((0,checks/* str */.gx)(r.name) ?? r.kind) === stage.name);
        if (i < 0)
            continue;
        const raw = raws[i];
        const at = ['stages', i];
        if ('requests' in raw) {
            const names = (0,checks/* list */.p_)(raw.requests);
            if (stage.protocol === 'ws')
                c.add([...at, 'requests'], `${(0,issues/* formatPath */.jV)(at)}: requests: picks from the HTTP mix; a ws stage sends the websocket: block`, 'key');
            names.forEach((n, j) => {
                if (typeof n === 'string' && !requestNames.includes(n)) {
                    c.add([...at, 'requests', j], `${(0,issues/* formatPath */.jV)([...at, 'requests', j])}: no request is named ${(0,units/* show */.WU)(n)}${(0,issues/* suggestion */.h)(n, requestNames)}`);
                }
            });
            const picked = names.filter((n) => typeof n === 'string');
            if (names.length === 0)
                c.add([...at, 'requests'], `${(0,issues/* formatPath */.jV)([...at, 'requests'])}: name at least one request (or drop the key to draw from them all)`);
            else
                stage.requests = [...new Set(picked)];
        }
        if ('setup' in raw)
            stage.setup = (0,check_requests/* readRequests */.h7)(c, raw.setup, [...at, 'setup'], defaults);
        if ('verify' in raw)
            stage.verify = (0,check_requests/* readRequests */.h7)(c, raw.verify, [...at, 'verify'], defaults);
    }
}
/** Every placeholder in the request strings: it parses, and names a declared data set and column. */
function checkPlaceholders(c, raw, data) {
    const check = (text, path) => {
        if (!text.includes('${'))
            return;
        for (const m of text.matchAll(placeholders/* PLACEHOLDER */.Kx)) {
            if (m[0].startsWith('$$'))
                continue;
            const p = (0,placeholders/* parsePlaceholder */.$z)(m[1]);
            if (typeof p === 'string') {
                c.add(path, `${(0,issues/* formatPath */.jV)(path)}: ${p}`);
                continue;
            }
            if (p.kind !== 'data')
                continue;
            const set = data[p.set];
            if (!set) {
                // A set declared but unreadable is reported at its file already.
                if (p.set in (0,checks/* record */.g1)(raw.data))
                    continue;
                const known = Object.keys((0,checks/* record */.g1)(raw.data));
                c.add(path, `${(0,issues/* formatPath */.jV)(path)}: \${${p.set}.${p.column}} names no data set${known.length ? (0,issues/* suggestion */.h)(p.set, known) : `: declare it, e.g. data: { ${p.set}: { file: ${p.set}.csv } }`}`);
            }
            else if (!set.columns.includes(p.column)) {
                c.add(path, `${(0,issues/* formatPath */.jV)(path)}: ${set.file} has no column ${(0,units/* show */.WU)(p.column)}${(0,issues/* suggestion */.h)(p.column, set.columns)}`);
            }
        }
    };
    for (const [key, value] of requestStrings(raw))
        check(value, key);
}
/** Every string under the request lists (session, requests, stages' setup/verify) and the websocket block, with its path. */
function* requestStrings(raw) {
    function* walk(v, path) {
        if (typeof v === 'string')
            yield [path, v];
        else if (Array.isArray(v))
            for (const [i, x] of v.entries())
                yield* walk(x, [...path, i]);
        else if (typeof v === 'object' && v !== null)
            for (const [k, x] of Object.entries(v))
                yield* walk(x, [...path, k]);
    }
    yield* walk((0,checks/* record */.g1)(raw.defaults).headers, ['defaults', 'headers']);
    yield* walk(raw.session, ['session']);
    yield* walk(raw.requests, ['requests']);
    yield* walk(raw.websocket, ['websocket']);
    for (const [i, s] of (0,checks/* list */.p_)(raw.stages).entries()) {
        yield* walk((0,checks/* record */.g1)(s).setup, ['stages', i, 'setup']);
        yield* walk((0,checks/* record */.g1)(s).verify, ['stages', i, 'verify']);
    }
}
/** The data sets a request's strings name. */
function dataSetsOf(value) {
    const out = new Set();
    const walk = (v) => {
        if (typeof v === 'string') {
            if (!v.includes('${'))
                return;
            for (const m of v.matchAll(placeholders/* PLACEHOLDER */.Kx)) {
                const p = m[0].startsWith('$$') ? undefined : (0,placeholders/* parsePlaceholder */.$z)(m[1]);
                if (typeof p === 'object' && p.kind === 'data')
                    out.add(p.set);
            }
        }
        else if (Array.isArray(v))
            v.forEach(walk);
        else if (typeof v === 'object' && v !== null)
            Object.values(v).forEach(walk);
    };
    walk(value);
    return out;
}
/**
 * `pick: unique` hands each row out once in the run: the closed-model users of the stages that read
 * the set (each a row for its session) must fit in the file, and worker threads cannot share one cursor.
 */
function checkUniqueRows(c, plan, rawStages) {
    const raws = (0,checks/* list */.p_)(rawStages).map(checks/* record */.g1);
    for (const set of Object.values(plan.data ?? {})) {
        if (set.pick !== 'unique')
            continue;
        const sessionUses = plan.session.some((r) => dataSetsOf(r).has(set.name));
        const users = [];
        let total = 0;
        for (const stage of plan.stages) {
            const mix = stage.requests ? plan.requests.filter((r) => stage.requests.includes(r.name)) : plan.requests;
            const uses = sessionUses || mix.some((r) => dataSetsOf(r).has(set.name));
            if (!uses)
                continue;
            const n = (0,stage_time/* closedUsers */.ji)(stage);
            if (n > 0) {
                total += n;
                users.push(`${stage.name} ${n}`);
            }
            if (stage.workers !== undefined && stage.workers !== 1) {
                const i = raws.findIndex((r) => ((0,checks/* str */.gx)(r.name) ?? r.kind) === stage.name);
                c.add(['stages', Math.max(0, i), 'workers'], `${(0,issues/* formatPath */.jV)(['stages', Math.max(0, i)])}: reads data set ${(0,units/* show */.WU)(set.name)} (pick: unique), whose rows cannot be shared out between worker threads; drop workers: or use pick: sequential`);
            }
        }
        if (total > set.rows.length) {
            c.add(['data', set.name, 'pick'], `data.${set.name}: pick: unique gives every user its own row, but the plan's closed-model stages start ${total} users (${users.join(', ')}) and ${set.file} has ${set.rows.length} rows`);
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/validate.ts
/**
 * Semantic checks and conversion of the (already interpolated, shape-checked) plan data into a
 * Plan. Pure: it never throws on bad input; every problem becomes an Issue and checking goes on,
 * so the user sees all of them at once.
 */










const PLAN_DEFAULTS = { requestTimeoutMs: 10_000, readyTimeoutMs: 60_000 };
const URL_PROTOCOLS = ['http:', 'https:', 'ws:', 'wss:'];
/** `readData`: how `data:` files are read (default: none can be, so a plan with `data:` needs one). */
function buildPlan(data, file, readDataFile) {
    const c = new checks/* Checks */.sR();
    const raw = (0,checks/* record */.g1)(data);
    const defaultsRaw = (0,checks/* record */.g1)(raw.defaults);
    const defaults = {
        timeoutMs: c.unit(defaultsRaw, 'timeout', ['defaults'], units/* parseDuration */.E9, PLAN_DEFAULTS.requestTimeoutMs),
        headers: (0,check_requests/* lowerHeaders */.Aj)(defaultsRaw.headers),
    };
    const stages = (0,check_stages/* readStages */.ir)(c, raw.stages);
    const plan = {
        version: 1,
        file,
        target: readTarget(c, (0,checks/* record */.g1)(raw.target)),
        defaults,
        session: (0,check_requests/* readRequests */.h7)(c, raw.session, ['session'], defaults),
        requests: (0,check_requests/* readRequests */.h7)(c, raw.requests, ['requests'], defaults),
        stages,
        thresholds: readThresholds(c, (0,checks/* record */.g1)(raw.thresholds), stages, hasResourceSource((0,checks/* record */.g1)(raw.target))),
        limits: readLimits(c, (0,checks/* record */.g1)(raw.limits)),
    };
    readStageFlows(c, raw.stages, stages, plan.requests.map((r) => r.name), defaults);
    if ('data' in raw) {
        plan.data = (0,check_data/* readData */.v3)(c, raw.data, readDataFile ?? noDataFiles);
    }
    checkPlaceholders(c, raw, plan.data ?? {});
    checkUniqueRows(c, plan, raw.stages);
    resolveStressConditions(c, raw.stages, plan);
    // Absent = the default rules; `regression: {}` = none (thresholds only).
    if ('regression' in raw)
        plan.regression = readRegression(c, (0,checks/* record */.g1)(raw.regression), hasResourceSource((0,checks/* record */.g1)(raw.target)));
    if ('abort_when' in raw)
        plan.abortWhen = readAbortWhen(c, raw.abort_when, stages);
    if ('websocket' in raw)
        plan.websocket = (0,check_websocket/* readWebSocket */.s1)(c, (0,checks/* record */.g1)(raw.websocket), defaults.timeoutMs);
    (0,check_websocket/* checkWsStages */.Y)(c, raw.stages, stages, plan.websocket);
    checkProtocols(c, raw);
    checkLimits(c, raw, plan);
    return { plan, issues: c.issues };
}
const noDataFiles = () => {
    throw new Error('data files are read only from a plan file');
};
function readTarget(c, t) {
    const url = (0,checks/* str */.gx)(t.url) ?? '';
    if (typeof t.url === 'string' && !isAbsoluteUrl(url)) {
        c.add(['target', 'url'], `target.url: ${(0,units/* show */.WU)(url)} is not an absolute http(s) or ws(s) URL, e.g. http://127.0.0.1:3000`);
    }
    const target = { url, readyTimeoutMs: c.unit(t, 'ready_timeout', ['target'], units/* parseDuration */.E9, PLAN_DEFAULTS.readyTimeoutMs) };
    if (typeof t.build === 'string')
        target.build = t.build;
    if (typeof t.start === 'string')
        target.start = t.start;
    if (typeof t.ready === 'string') {
        // A path on the target: an absolute or //host value would send the readiness probe elsewhere,
        // past the load-destination check.
        if (!/^\/(?!\/)/.test(t.ready))
            c.add(['target', 'ready'], `target.ready: ${(0,units/* show */.WU)(t.ready)} must be a path on the target, starting with one /, e.g. /healthz`);
        target.ready = t.ready;
    }
    if (t.allow_remote === true)
        target.allowRemote = true;
    if ('process' in t)
        readProcess(c, (0,checks/* record */.g1)(t.process), target);
    return target;
}
/** `target.process`: exactly one of pid_file and cgroup, a non-empty path (unknown keys: the schema check). */
function readProcess(c, p, target) {
    const named = ['pid_file', 'cgroup'].filter((k) => k in p);
    // Only unknown keys: the schema check names them (with a suggestion).
    if (named.length === 0 && Object.keys(p).length > 0)
        return;
    if (named.length !== 1) {
        c.add(['target', 'process'], `target.process: name ${named.length === 0 ? 'one of' : 'only one of'} pid_file (a file holding the app's process id) or cgroup (a cgroup v2 directory)`);
        return;
    }
    const key = named[0];
    const value = p[key];
    if (typeof value !== 'string' || value.trim() === '') {
        c.add(['target', 'process', key], `target.process.${key}: must be a path${key === 'cgroup' ? ', e.g. /sys/fs/cgroup/system.slice/app.service' : ', e.g. app.pid'}`);
        return;
    }
    target.process = key === 'pid_file' ? { pidFile: value } : { cgroup: value };
}
function isAbsoluteUrl(url) {
    try {
        return URL_PROTOCOLS.includes(new URL(url).protocol);
    }
    catch {
        return false;
    }
}
/** HTTP stages draw from `requests`, ws stages need the `websocket:` block. */
function checkProtocols(c, raw) {
    const stages = (0,checks/* list */.p_)(raw.stages).map(checks/* record */.g1);
    if (stages.some((s) => s.protocol !== 'ws') && (0,checks/* list */.p_)(raw.requests).length === 0) {
        c.add('requests' in raw ? ['requests'] : [], 'requests: add at least one request (every http stage draws from this list)');
    }
    const wsIndex = stages.findIndex((s) => s.protocol === 'ws');
    if (wsIndex >= 0 && !('websocket' in raw)) {
        c.add(['stages', wsIndex, 'protocol'], `stages[${wsIndex}] uses protocol: ws, but the plan has no websocket: block`);
    }
}
/** Also read by gate files (`compare --from`, src/import/gate-file.ts), whose stages are the imported ones. */
function readThresholds(c, raw, stages, resourced = true) {
    const names = stages.map((s) => s.name);
    const out = {};
    for (const [stage, metricsRaw] of Object.entries(raw)) {
        if (stage !== '*' && !names.includes(stage)) {
            c.add(['thresholds', stage], `thresholds: unknown stage ${(0,units/* show */.WU)(stage)}${(0,issues/* suggestion */.h)(stage, ['*', ...names])}`, 'key');
        }
        const rules = [];
        for (const [metric, rule] of Object.entries((0,checks/* record */.g1)(metricsRaw))) {
            if (!(0,units/* isMetric */.NI)(metric))
                continue; // the schema check names it, with a suggestion
            const path = ['thresholds', stage, metric];
            try {
                rules.push((0,units/* parseThreshold */.B7)(metric, rule));
            }
            catch (err) {
                c.add(path, `${(0,issues/* formatPath */.jV)(path)}: ${err.message}`);
            }
            const kind = MEASURED_BY[metric];
            if (kind)
                checkMeasuredBy(c, stage, metric, kind, stages);
            if (metric === 'memory_growth')
                checkMemorySampled(c, stage, stages, resourced);
            if (RESOURCE_METRICS.includes(metric) && !resourced)
                c.add(path, noResourceSource(['thresholds', stage], metric), 'key');
            checkStressStageRule(c, stage, metric, stages);
        }
        out[stage] = rules;
    }
    return out;
}
/** Metrics only one stage kind measures: anywhere else the rule could never be checked. */
const MEASURED_BY = { recovery: 'spike', breaking_point: 'stress', drift: 'soak', memory_growth: 'soak' };
function checkMeasuredBy(c, stage, metric, kind, stages) {
    const path = ['thresholds', stage, metric];
    const where = (0,issues/* formatPath */.jV)(['thresholds', stage]);
    if (stage === '*') {
        if (!stages.some((s) => s.kind === kind))
            c.add(path, `${where}: ${metric} is only measured by ${kind} stages, and this plan has none`, 'key');
        return;
    }
    const target = stages.find((s) => s.name === stage);
    if (target && target.kind !== kind) {
        c.add(path, `${where}: ${metric} is only measured by ${kind} stages; ${(0,units/* show */.WU)(stage)} is a ${target.kind} stage`, 'key');
    }
}
/** Metrics read from the app's resource source (target.start's process group, or target.process). */
const RESOURCE_METRICS = ['cpu_per_request', 'rss_peak'];
/** Whether the plan gives perf-gate a way to read what the app spends: it starts the app, or names its process. */
const hasResourceSource = (t) => typeof t.start === 'string' || (typeof t.process === 'object' && t.process !== null);
const noResourceSource = (where, metric) => `${(0,issues/* formatPath */.jV)(where)}: ${metric} is read from the app's processes, and this plan names none: add target.start (perf-gate starts the app and reads its process group) or target.process: { pid_file: PATH } or { cgroup: PATH }`;
/** memory_growth needs the soak to read the target's memory: its metrics page, or the app's resource source. */
function checkMemorySampled(c, stage, stages, resourced) {
    if (resourced)
        return;
    const soaks = stages.filter((s) => s.kind === 'soak' && (stage === '*' || s.name === stage));
    const unsampled = soaks.find((s) => s.metricsPath === undefined);
    if (stage !== '*' && unsampled) {
        c.add(['thresholds', stage, 'memory_growth'], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: memory_growth needs the stage to read the target's memory: add metrics: /metrics (a path serving Prometheus text) to ${(0,units/* show */.WU)(stage)}`, 'key');
    }
    else if (stage === '*' && soaks.length > 0 && soaks.every((s) => s.metricsPath === undefined)) {
        c.add(['thresholds', stage, 'memory_growth'], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: memory_growth needs a soak stage that reads the target's memory (metrics: /metrics), and none does`, 'key');
    }
}
/**
 * A stress stage's steps are meant to break: its latency and error rules judge each step (they are
 * its break conditions), and its only stage-wide number worth gating is breaking_point. Rules on
 * the totals of all steps (rps, requests, errors) would judge nothing the plan controls.
 */
function checkStressStageRule(c, stage, metric, stages) {
    const target = stages.find((s) => s.name === stage && s.kind === 'stress');
    if (!target || metric === 'breaking_point')
        return;
    if ((0,check_stages/* isBreakMetric */.Ah)(metric)) {
        // With its own until:, the stage's latency and error thresholds would judge nothing at all.
        if (target.untilFrom === 'until')
            c.add(['thresholds', stage, metric], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: ${(0,units/* show */.WU)(stage)} judges its steps on its until: (${metric} here would judge nothing); move the rule into until:`, 'key');
        return;
    }
    c.add(['thresholds', stage, metric], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: a stress stage is gated on breaking_point (its steps are judged on latency and error_rate); ${metric} over all its steps has no meaning`, 'key');
}
/**
 * A stress stage without `until:` is judged step by step on the plan's latency and error_rate
 * thresholds for it and "*"; with neither, no step could ever break. With `until:`, the "*" rules
 * on metrics it does not name are added to it: a plan-wide error limit is never dropped in silence.
 */
function resolveStressConditions(c, rawStages, plan) {
    const raws = (0,checks/* list */.p_)(rawStages).map(checks/* record */.g1);
    for (const stage of plan.stages) {
        if (stage.kind !== 'stress')
            continue;
        if (stage.untilFrom === 'until') {
            // "*" latency and error rules judge its steps too, unless until: sets that metric itself.
            const own = new Set(stage.until.map((r) => r.metric));
            stage.until = [...stage.until, ...(plan.thresholds['*'] ?? []).filter((r) => (0,check_stages/* isBreakMetric */.Ah)(r.metric) && !own.has(r.metric))];
            continue;
        }
        stage.until = [...(plan.thresholds['*'] ?? []), ...(plan.thresholds[stage.name] ?? [])].filter((r) => (0,check_stages/* isBreakMetric */.Ah)(r.metric));
        if (stage.until.length > 0)
            continue;
        const i = raws.findIndex((r) => ((0,checks/* str */.gx)(r.name) ?? r.kind) === stage.name);
        c.add(i >= 0 ? ['stages', i] : ['stages'], `${(0,issues/* formatPath */.jV)(['stages', Math.max(0, i)])} (stress) has nothing to break on: add until: { p95: "< 200ms", error_rate: "< 1%" }, or latency / error_rate thresholds for ${(0,units/* show */.WU)(stage.name)} or "*"`);
    }
}
function readRegression(c, raw, resourced = true) {
    const rules = [];
    for (const [metric, rule] of Object.entries(raw)) {
        if (!(0,units/* isMetric */.NI)(metric))
            continue; // the schema check names it, with a suggestion
        if (metric === 'drift' || metric === 'memory_growth') {
            // Already a change (last tenth vs first, after vs before): gate it with a threshold.
            c.add(['regression', metric], `regression.${metric}: ${metric} is already a change within the run; gate it with a threshold, e.g. thresholds: { "*": { ${metric}: "< ${metric === 'drift' ? 20 : 10}%" } }`, 'key');
            continue;
        }
        if (RESOURCE_METRICS.includes(metric) && !resourced)
            c.add(['regression', metric], noResourceSource(['regression'], metric), 'key');
        try {
            rules.push((0,units/* parseRegression */.Dn)(metric, rule));
        }
        catch (err) {
            c.add(['regression', metric], `regression.${metric}: ${err.message}`);
        }
    }
    return rules;
}


/***/ })

};
