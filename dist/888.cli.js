export const id = 888;
export const ids = [888];
export const modules = {

/***/ 3659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bP: () => (/* binding */ MAX_WORKERS),
/* harmony export */   ir: () => (/* binding */ readStages)
/* harmony export */ });
/* unused harmony exports STAGE_DEFAULTS, MAX_PIPELINING */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2650);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1439);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3772);
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
};
const KIND_SPECIFIC = new Set(Object.values(KIND_KEYS).flat());
const STAGE_KEYS = new Set(['name', 'kind', 'protocol', 'max_in_flight', 'connections', 'workers', 'pipelining', ...KIND_SPECIFIC]);
const REQUIRED = {
    baseline: ['duration'],
    load: ['duration'],
    spike: ['from', 'to', 'hold', 'after'],
    burst: ['size', 'cycles'],
};
const STAGE_DEFAULTS = { maxInFlight: 1000, spikeBeforeMs: 5_000, burstPauseMs: 1_000 };
/** Most worker threads a stage may ask for: more is a typo, not a runner (as for --shard). */
const MAX_WORKERS = 64;
function isKind(v) {
    return typeof v === 'string' && v in KIND_KEYS;
}
function readStages(c, raw) {
    const stages = [];
    const firstIndex = new Map();
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(raw).forEach((item, i) => {
        const data = (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(item);
        const stage = readStage(c, data, ['stages', i]);
        if (!stage)
            return;
        stages.push(stage);
        const seen = firstIndex.get(stage.name);
        if (seen === undefined)
            return void firstIndex.set(stage.name, i);
        const hint = 'name' in data ? '' : ' (the name defaults to the kind; give each stage a name)';
        const at = 'name' in data ? ['stages', i, 'name'] : ['stages', i];
        c.add(at, `stages[${i}]: duplicate stage name ${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(stage.name)} (also stages[${seen}])${hint}`);
    });
    return stages;
}
/** undefined when the kind itself is missing or wrong (the schema check reports that). */
function readStage(c, s, path) {
    if (!isKind(s.kind))
        return undefined;
    const kind = s.kind;
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path);
    const protocol = s.protocol === 'ws' ? 'ws' : 'http';
    for (const key of Object.keys(s)) {
        if (KIND_SPECIFIC.has(key) && !KIND_KEYS[kind].includes(key)) {
            c.add([...path, key], `${where}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(key)} does not apply to a ${kind} stage (it uses: ${KIND_KEYS[kind].join(', ')})`, 'key');
        }
    }
    // A misspelt key (`durration`) is already reported with "did you mean"; don't also call it missing.
    const unknown = Object.keys(s).filter((k) => !STAGE_KEYS.has(k));
    for (const key of REQUIRED[kind]) {
        if (!(key in s) && !unknown.some((k) => (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .closest */ .kp)(k, [key])))
            c.add(path, `${where} (${kind}) is missing ${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(key)}`);
    }
    if ('connections' in s && protocol !== 'ws')
        c.add([...path, 'connections'], `${where}: "connections" only applies with protocol: ws`, 'key');
    if ('connections' in s && protocol === 'ws' && kind === 'baseline') {
        c.add([...path, 'connections'], `${where}: a baseline stage uses one connection; use a load stage for more`, 'key');
    }
    if ('vus' in s && protocol === 'ws') {
        c.add([...path, 'vus'], `${where}: with protocol: ws use "connections" (each sends its next message when the reply arrives; add rate for the open model)`, 'key');
    }
    if ((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.name) === '*')
        c.add([...path, 'name'], `${where}: "*" cannot be a stage name (in thresholds it means every stage)`);
    const base = { name: (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.name) ?? kind, protocol, maxInFlight: (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.max_in_flight) ?? STAGE_DEFAULTS.maxInFlight };
    if (protocol === 'ws')
        base.connections = kind === 'baseline' ? 1 : ((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.connections) ?? 1);
    const workers = readWorkers(c, s, path, kind, protocol);
    if (workers !== undefined)
        base.workers = workers;
    const pipelining = readPipelining(c, s, path, protocol);
    if (pipelining !== undefined)
        base.pipelining = pipelining;
    const ms = (key, fallback) => c.unit(s, key, path, _units_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9, fallback);
    const rate = (key) => c.unit(s, key, path, _units_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRate */ .WN, 1);
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
                c.add([...path, 'to'], `${where}: to (${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(s.to)}) must be higher than from (${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(s.from)})`);
            }
            return stage;
        }
        case 'burst':
            return { ...base, kind, size: (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.size) ?? 1, cycles: (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.cycles) ?? 1, pauseMs: ms('pause', STAGE_DEFAULTS.burstPauseMs) };
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
    const v = (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.pipelining);
    if (v === undefined || v < 1 || v > MAX_PIPELINING) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(s.pipelining)} is not a pipelining depth: use a whole number from 1 (no pipelining) to ${MAX_PIPELINING}`);
        return undefined;
    }
    if (protocol === 'ws') {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path)}: pipelining applies to HTTP stages only (a WebSocket sends messages on its open connection)`, 'key');
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
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path);
    const v = s.workers;
    if (v !== 'auto' && ((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(v) === undefined || v < 1)) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(v)} is not a number of workers: use auto (one per core) or a whole number from 1 to ${MAX_WORKERS}`);
        return undefined;
    }
    if (typeof v === 'number' && v > MAX_WORKERS) {
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)}: ${v} workers is more than ${MAX_WORKERS}; auto uses every core the runner has`);
        return undefined;
    }
    if (kind === 'baseline') {
        c.add(at, `${where}: a baseline stage is one user sending back to back, which cannot be split over worker threads (remove workers)`, 'key');
        return undefined;
    }
    if (protocol === 'ws') {
        c.add(at, `${where}: workers applies to HTTP stages only: a ws stage's connections and the replies matched to them live on one thread (spread connections over runners with --shard)`, 'key');
        return undefined;
    }
    return v === 1 ? undefined : v;
}
function readLoad(c, s, path, base, ms, rate) {
    const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path);
    if ('rate' in s && 'vus' in s)
        c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
    const ws = base.protocol === 'ws';
    // A ws load stage without rate is closed: each connection sends its next message on the reply.
    if (!ws && !('rate' in s) && !('vus' in s))
        c.add(path, `${where} (load) needs rate (open model) or vus (closed model)`);
    if ('think' in s && ('rate' in s || (!ws && !('vus' in s)))) {
        c.add([...path, 'think'], ws ? `${where}: "think" only applies to the closed model (connections without rate)` : `${where}: "think" only applies with vus (closed model)`, 'key');
    }
    const durationMs = positive(c, s, path, 'duration', ms('duration', 1));
    const rampMs = ms('ramp', 0);
    if ('ramp' in s && 'duration' in s && rampMs >= durationMs) {
        c.add([...path, 'ramp'], `${where}: ramp (${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(s.ramp)}) must be shorter than duration (${(0,_units_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(s.duration)}): the ramp is part of it`);
    }
    if (ws && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: base.connections ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    if ('vus' in s && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(s.vus) ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    return { ...base, kind: 'load', model: 'open', rate: rate('rate'), rampMs, durationMs };
}
/** A stage that lasts 0 ms measures nothing. */
function positive(c, s, path, key, value) {
    if (key in s && value <= 0)
        c.add([...path, key], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)([...path, key])} must be longer than 0`);
    return value;
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
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1439);
/* harmony import */ var _interpolate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);
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
            this.add([...path, key], `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)([...path, key])}: ${err.message}`);
            return fallback;
        }
    }
}
/** The value as a map, or an empty one: wrong shapes are the schema check's to report. */
function record(v) {
    return (0,_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(v) ? v : {};
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

/***/ 9888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadPlan: () => (/* reexport */ loadPlan)
});

// UNUSED EXPORTS: BUILTIN_VARIABLES, LATENCY_METRICS, METRICS, PLAN_DEFAULTS, STAGE_DEFAULTS, UnitError, interpolate, interpolateString, parseDuration, parsePercent, parsePlan, parseRate, parseRegression, parseThreshold, runtimeVariables

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/interpolate.ts
var interpolate = __webpack_require__(264);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/plan/positions.ts
/**
 * YAML with positions. We use `yaml` (not js-yaml) because it keeps a node tree with source
 * ranges for every key and value, so any problem found later in the plain data can be pointed at
 * its exact line:col; js-yaml only returns plain objects and positions only for syntax errors.
 */

function parseYaml(text) {
    const lines = new dist/* LineCounter */.HN();
    // prettyErrors off: we want the bare message and place the position ourselves.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false });
    const source = { doc, lines };
    const syntaxErrors = doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { ...pos, message: e.message.split('\n')[0] + placeholderHint(text, pos.line) };
    });
    if (syntaxErrors.length)
        return { source, value: undefined, syntaxErrors };
    try {
        return { source, value: doc.toJS({ maxAliasCount: 100 }), syntaxErrors };
    }
    catch (err) {
        // toJS refuses alias bombs ("Excessive alias count"); report it like any YAML error.
        return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message: err.message }] };
    }
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
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => String((0,dist/* isScalar */.jn)(p.key) ? p.key.value : p.key) === String(part));
            if (!pair)
                break;
            key = pair.key;
            next = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
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
        best = (last && at === 'key' ? keyPos : valuePos ?? keyPos) ?? best;
        node = next;
    }
    return best;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./plan.schema.json
const plan_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"perf-gate plan","description":"A load-testing plan for perf-gate: one target, the requests to send, the stages to run and the rules that gate the result.","type":"object","additionalProperties":false,"required":["version","target","stages"],"properties":{"version":{"const":1,"description":"Plan format version; always 1."},"target":{"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","description":"Base URL (http, https, ws or wss); --target overrides it."},"start":{"type":"string","description":"Optional shell command that starts the app under test."},"ready":{"type":"string","description":"Optional path polled until it answers 2xx before the first stage."},"ready_timeout":{"$ref":"#/definitions/duration","description":"How long to wait for `ready`; default 60s."},"allow_remote":{"type":"boolean","description":"Allow a target that is not on loopback."}}},"defaults":{"type":"object","additionalProperties":false,"properties":{"timeout":{"$ref":"#/definitions/duration","description":"Per-request timeout; default 10s."},"headers":{"$ref":"#/definitions/headers"}}},"session":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests run once per virtual user, before its first request."},"requests":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"The weighted mix every HTTP stage draws from."},"websocket":{"type":"object","additionalProperties":false,"description":"Used by stages with protocol: ws. The target URL\'s scheme becomes ws:// (https: wss://).","properties":{"path":{"type":"string","description":"Appended to target.url; may use ${token} and other captured values."},"headers":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"Upgrade request headers (templates)."},"subprotocols":{"type":"array","items":{"type":"string"},"description":"Sec-WebSocket-Protocol values offered."},"mode":{"enum":["request_reply","stream","connect"],"description":"Default request_reply when send is set, else connect."},"send":{"type":"string","description":"request_reply: the message template (${seq}, captured values)."},"expect_reply":{"type":"object","additionalProperties":false,"description":"request_reply: how a reply is matched to its message (exactly one key).","properties":{"match":{"type":"string","description":"The reply contains this text (a template filled with the sent message\'s values)."},"regex":{"type":"string","description":"The reply matches this regular expression (a template)."},"json_field":{"type":"string","description":"The reply\'s JSON field (\\"id\\" or \\"$.a.b\\") equals the sent message\'s."}}},"subscribe":{"type":"string","description":"stream: message sent on every (re)opened connection."},"timestamp_field":{"type":"string","description":"stream: JSONPath of the server\'s send time in ms since the epoch (for lag), e.g. $.E"},"reconnect":{"type":"object","additionalProperties":false,"description":"Reconnect after a close or a failed connect.","properties":{"max":{"type":"integer","minimum":0,"description":"Reconnects per connection; default 0."},"backoff":{"$ref":"#/definitions/duration","description":"First wait; doubles per consecutive failed attempt (capped at 10 s). Default 100ms."}}},"timeout":{"$ref":"#/definitions/duration","description":"Reply and handshake timeout; default defaults.timeout."}}},"stages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/stage"}},"thresholds":{"type":"object","description":"Absolute rules: stage name (or \\"*\\" for every stage) -> metric -> rule such as \\"< 200ms\\".","additionalProperties":{"$ref":"#/definitions/thresholdRules"}},"regression":{"type":"object","description":"Rules against the stored baseline: metric -> allowed change such as \\"+15%\\", \\"-10%\\" or \\"+0.5pp\\" (error_rate), or a noise band against past runs such as \\"+3σ\\" or \\"band\\".","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/regressionRule"},"mean":{"$ref":"#/definitions/regressionRule"},"p50":{"$ref":"#/definitions/regressionRule"},"p90":{"$ref":"#/definitions/regressionRule"},"p95":{"$ref":"#/definitions/regressionRule"},"p99":{"$ref":"#/definitions/regressionRule"},"p999":{"$ref":"#/definitions/regressionRule"},"max":{"$ref":"#/definitions/regressionRule"},"error_rate":{"$ref":"#/definitions/regressionRule"},"rps":{"$ref":"#/definitions/regressionRule"},"requests":{"$ref":"#/definitions/regressionRule"},"errors":{"$ref":"#/definitions/regressionRule"},"recovery":{"$ref":"#/definitions/regressionRule"}}}},"definitions":{"workers":{"description":"auto (the cores the process may use) or a number of threads from 1 to 64.","anyOf":[{"const":"auto"},{"type":"integer","minimum":1,"maximum":64}]},"duration":{"type":"string","pattern":"^\\\\s*((\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(ms|s|m|h)\\\\s*)+$","description":"A duration with a unit: 500ms, 30s, 2m, 1h (compounds like 1m30s work too)."},"rate":{"description":"Requests per second: 200/s, 12000/m, or a bare number (per second).","anyOf":[{"type":"number","exclusiveMinimum":0},{"type":"string","pattern":"^\\\\s*(\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(/\\\\s*(s|m|h))?\\\\s*$"}]},"status":{"description":"Accepted status code(s); default any 2xx or 3xx.","anyOf":[{"type":"integer","minimum":100,"maximum":599},{"type":"array","minItems":1,"items":{"type":"integer","minimum":100,"maximum":599}}]},"headers":{"type":"object","description":"Header name -> value (a template). Names are case-insensitive.","additionalProperties":{"type":["string","number","boolean"]}},"thresholdRule":{"type":"string","pattern":"^\\\\s*(<=|>=|<|>)","description":"A comparison and a value: \\"< 200ms\\", \\"> 190\\", \\"< 1%\\"."},"regressionRule":{"type":"string","pattern":"^\\\\s*([+-]|[Bb][Aa][Nn][Dd]\\\\s*$)","description":"A signed change: \\"+15%\\", \\"-10%\\", or \\"+0.5pp\\" for error_rate; a noise band against past runs: \\"+3σ\\" (or \\"+3sigma\\"), or \\"band\\" (3σ on the worse side)."},"thresholdRules":{"type":"object","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/thresholdRule"},"mean":{"$ref":"#/definitions/thresholdRule"},"p50":{"$ref":"#/definitions/thresholdRule"},"p90":{"$ref":"#/definitions/thresholdRule"},"p95":{"$ref":"#/definitions/thresholdRule"},"p99":{"$ref":"#/definitions/thresholdRule"},"p999":{"$ref":"#/definitions/thresholdRule"},"max":{"$ref":"#/definitions/thresholdRule"},"error_rate":{"$ref":"#/definitions/thresholdRule"},"rps":{"$ref":"#/definitions/thresholdRule"},"requests":{"$ref":"#/definitions/thresholdRule"},"errors":{"$ref":"#/definitions/thresholdRule"},"recovery":{"$ref":"#/definitions/thresholdRule"}}},"request":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"name":{"type":"string","description":"Name in reports; default \\"METHOD path\\". Unique within its list."},"method":{"type":"string","description":"HTTP method (any case); default GET.","examples":["GET","POST","PUT","PATCH","DELETE"]},"path":{"type":"string","description":"Path appended to target.url, e.g. /posts?page=${seq}."},"weight":{"type":"number","exclusiveMinimum":0,"description":"Relative share of the request mix; default 1."},"headers":{"$ref":"#/definitions/headers"},"body":{"type":"string","description":"Raw request body (a template). Use either body or json."},"json":{"description":"JSON request body; its strings are templates. Use either body or json."},"expect":{"type":"object","additionalProperties":false,"properties":{"status":{"$ref":"#/definitions/status"},"body":{"type":"string","description":"The response body must contain this text."}}},"capture":{"type":"object","description":"Variable name -> JSONPath into the JSON response ($.a.b[0]); use later as ${name}.","additionalProperties":{"type":"string","description":"A JSONPath subset into the JSON response body, e.g. $.access_token or $.items[0].id."}},"timeout":{"$ref":"#/definitions/duration","description":"Overrides defaults.timeout for this request."}}},"stage":{"type":"object","additionalProperties":false,"required":["kind"],"properties":{"name":{"type":"string","description":"Unique stage name; default the kind."},"kind":{"enum":["baseline","load","spike","burst"],"description":"baseline: one user back to back; load: steady rate or users; spike: low-high-low rate; burst: many at once."},"protocol":{"enum":["http","ws"],"description":"Default http."},"duration":{"$ref":"#/definitions/duration","description":"baseline, load: how long the stage runs (ramp included)."},"rate":{"$ref":"#/definitions/rate","description":"load (open model): the target request rate."},"ramp":{"$ref":"#/definitions/duration","description":"load, spike: linear ramp time; default 0."},"vus":{"type":"integer","minimum":1,"description":"load (closed model): number of virtual users."},"think":{"$ref":"#/definitions/duration","description":"load with vus: pause between a user\'s requests; default 0."},"from":{"$ref":"#/definitions/rate","description":"spike: the low rate."},"to":{"$ref":"#/definitions/rate","description":"spike: the high rate."},"before":{"$ref":"#/definitions/duration","description":"spike: time at the low rate before the ramp; default 5s."},"hold":{"$ref":"#/definitions/duration","description":"spike: time at the high rate."},"after":{"$ref":"#/definitions/duration","description":"spike: time back at the low rate, in which recovery is measured."},"size":{"type":"integer","minimum":1,"description":"burst: requests released at once."},"cycles":{"type":"integer","minimum":1,"description":"burst: how many bursts."},"pause":{"$ref":"#/definitions/duration","description":"burst: pause between bursts; default 1s."},"max_in_flight":{"type":"integer","minimum":1,"description":"Cap on requests in flight; default 1000."},"connections":{"type":"integer","minimum":1,"description":"protocol ws: number of connections."},"workers":{"$ref":"#/definitions/workers","description":"HTTP load, spike, burst: worker threads the stage runs on (auto = one per core); default 1."},"pipelining":{"type":"integer","minimum":1,"maximum":64,"description":"HTTP: requests in flight per connection (HTTP/1.1 pipelining, like autocannon -p); the pool opens 1/pipelining as many connections. Default 1."}}}}}');
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

// EXTERNAL MODULE: ./src/plan/checks.ts
var checks = __webpack_require__(2650);
;// CONCATENATED MODULE: ./src/plan/check-requests.ts
/** `session:` and `requests:` entries → RequestSpec, with defaults applied and names unique. */



const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Header names are case-insensitive: lower-case them so merging and lookups are simple. */
function lowerHeaders(raw) {
    const out = {};
    for (const [name, value] of Object.entries((0,checks/* record */.g1)(raw))) {
        if (['string', 'number', 'boolean'].includes(typeof value))
            out[name.toLowerCase()] = String(value);
    }
    return out;
}
function readRequests(c, raw, path, defaults) {
    const specs = (0,checks/* list */.p_)(raw).map((item, i) => readRequest(c, (0,checks/* record */.g1)(item), [...path, i], defaults));
    const firstIndex = new Map();
    specs.forEach((spec, i) => {
        const seen = firstIndex.get(spec.name);
        if (seen === undefined)
            return void firstIndex.set(spec.name, i);
        const item = (0,checks/* record */.g1)((0,checks/* list */.p_)(raw)[i]);
        const hint = 'name' in item ? '' : ` (the name defaults to "METHOD path"; give each a name)`;
        c.add('name' in item ? [...path, i, 'name'] : [...path, i], `${(0,issues/* formatPath */.jV)([...path, i])}: duplicate name ${(0,units/* show */.WU)(spec.name)} (also ${(0,issues/* formatPath */.jV)([...path, seen])})${hint}`);
    });
    return specs;
}
function readRequest(c, item, path, defaults) {
    const method = readMethod(c, item, path);
    const reqPath = (0,checks/* str */.gx)(item.path) ?? '';
    if (typeof item.path === 'string' && !reqPath.startsWith('/')) {
        c.add([...path, 'path'], `${(0,issues/* formatPath */.jV)([...path, 'path'])}: ${(0,units/* show */.WU)(reqPath)} must start with "/" (it is appended to target.url)`);
    }
    const spec = {
        name: (0,checks/* str */.gx)(item.name) ?? `${method} ${reqPath}`,
        method,
        path: reqPath,
        weight: typeof item.weight === 'number' && item.weight > 0 ? item.weight : 1,
        headers: { ...defaults.headers, ...lowerHeaders(item.headers) },
        timeoutMs: c.unit(item, 'timeout', path, units/* parseDuration */.E9, defaults.timeoutMs),
    };
    if ('body' in item && 'json' in item)
        c.add([...path, 'json'], `${(0,issues/* formatPath */.jV)(path)}: use either body or json, not both`, 'key');
    if (typeof item.body === 'string')
        spec.body = item.body;
    if ('json' in item)
        spec.json = item.json;
    const expect = readExpect(c, (0,checks/* record */.g1)(item.expect), [...path, 'expect']);
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
        c.add([...path, 'method'], `${(0,issues/* formatPath */.jV)([...path, 'method'])}: ${(0,units/* show */.WU)(item.method)} is not an HTTP method${(0,issues/* suggestion */.h)(method, METHODS)}`);
    }
    return method;
}
function readExpect(c, raw, path) {
    const expect = {};
    if ('status' in raw)
        expect.status = c.unit(raw, 'status', path, parseStatus, []);
    if (typeof raw.body === 'string')
        expect.bodyContains = raw.body;
    return Object.keys(expect).length ? expect : undefined;
}
/** `200` or `[200, 201]` → number[]. */
function parseStatus(v) {
    const codes = Array.isArray(v) ? v : [v];
    const ok = codes.length > 0 && codes.every((s) => Number.isInteger(s) && s >= 100 && s <= 599);
    if (!ok)
        throw new Error(`${(0,units/* show */.WU)(v)} is not a status code: use 200 or [200, 201]`);
    return codes;
}
function readCapture(c, raw, path) {
    if (raw === undefined)
        return undefined;
    const out = {};
    for (const [name, query] of Object.entries((0,checks/* record */.g1)(raw))) {
        if (!VARIABLE_NAME.test(name)) {
            c.add([...path, name], `${(0,issues/* formatPath */.jV)(path)}: ${(0,units/* show */.WU)(name)} cannot be a variable name: use letters, digits and _ (it is used as \${name})`, 'key');
        }
        if (typeof query !== 'string' || !query.startsWith('$')) {
            c.add([...path, name], `${(0,issues/* formatPath */.jV)([...path, name])}: ${(0,units/* show */.WU)(query)} is not a JSONPath: use one like "$.access_token" or "$.items[0].id"`);
        }
        else {
            out[name] = query;
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/check-stages.ts
var check_stages = __webpack_require__(3659);
// EXTERNAL MODULE: ./src/jsonpath.ts
var jsonpath = __webpack_require__(5858);
;// CONCATENATED MODULE: ./src/plan/check-websocket.ts
/**
 * `websocket:` → WebSocketSpec, and the checks that tie it to the ws stages (a stream cannot be
 * given a message rate, a burst needs messages to release). Located Issues like every plan check.
 */





const WS_DEFAULTS = { reconnectBackoffMs: 100 };
const MODES = ['request_reply', 'stream', 'connect'];
const HERE = ['websocket'];
const at = (...keys) => [...HERE, ...keys];
const where = (...keys) => (0,issues/* formatPath */.jV)(at(...keys));
/** A template with every `${name}` filled by a stand-in value, to check what it will look like. */
const sample = (text) => text.replace(/\$?\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, (m) => (m.startsWith('$$') ? m.slice(1) : '1'));
function readWebSocket(c, raw, defaultTimeoutMs) {
    const path = (0,checks/* str */.gx)(raw.path) ?? '';
    if (typeof raw.path === 'string' && !path.startsWith('/')) {
        c.add(at('path'), `${where('path')}: ${(0,units/* show */.WU)(path)} must start with "/" (it is appended to target.url)`);
    }
    const send = (0,checks/* str */.gx)(raw.send);
    const mode = MODES.includes(raw.mode) ? raw.mode : send !== undefined ? 'request_reply' : 'connect';
    const spec = {
        path,
        headers: lowerHeaders(raw.headers),
        subprotocols: (0,checks/* list */.p_)(raw.subprotocols).filter((p) => typeof p === 'string'),
        mode,
        reconnect: readReconnect(c, (0,checks/* record */.g1)(raw.reconnect)),
        timeoutMs: c.unit(raw, 'timeout', HERE, units/* parseDuration */.E9, defaultTimeoutMs),
    };
    if (send !== undefined)
        spec.send = send;
    if (typeof raw.subscribe === 'string')
        spec.subscribe = raw.subscribe;
    if ('expect_reply' in raw) {
        const matcher = readMatcher(c, (0,checks/* record */.g1)(raw.expect_reply), send);
        if (matcher)
            spec.expectReply = matcher;
    }
    if (typeof raw.timestamp_field === 'string') {
        try {
            (0,jsonpath/* parseJsonPath */.H)(raw.timestamp_field);
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
        c.add('mode' in raw ? at('mode') : HERE, `${(0,issues/* formatPath */.jV)(HERE)}: mode request_reply needs "send" (the message to send)`);
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
    const max = (0,checks/* int */.Wh)(raw.max) ?? 0;
    if ('max' in raw && ((0,checks/* int */.Wh)(raw.max) === undefined || max < 0))
        c.add(at('reconnect', 'max'), `${where('reconnect', 'max')}: ${(0,units/* show */.WU)(raw.max)} is not a count: use 0, 3, 10`);
    return { max: Math.max(0, max), backoffMs: c.unit(raw, 'backoff', at('reconnect'), units/* parseDuration */.E9, WS_DEFAULTS.reconnectBackoffMs) };
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
        (0,jsonpath/* parseJsonPath */.H)(field);
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
            c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message is not JSON, so it has no field ${(0,units/* show */.WU)(value)} to match`);
            return undefined;
        }
        if ((0,jsonpath/* readJsonPath */.A)(doc, field) === undefined) {
            c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message has no field ${(0,units/* show */.WU)(value)}`);
        }
    }
    return { jsonField: field };
}
/** What a ws stage can do depends on the block's mode: say so at the stage's line. */
function checkWsStages(c, rawStages, stages, ws) {
    if (!ws)
        return;
    const raws = (0,checks/* list */.p_)(rawStages).map(checks/* record */.g1);
    let j = 0;
    raws.forEach((s, i) => {
        if (typeof s.kind !== 'string' || !['baseline', 'load', 'spike', 'burst'].includes(s.kind))
            return;
        const stage = stages[j++];
        if (!stage || stage.protocol !== 'ws' || ws.mode === 'request_reply')
            return;
        const path = ['stages', i];
        if (stage.kind === 'spike' || stage.kind === 'burst') {
            c.add([...path, 'kind'], `${(0,issues/* formatPath */.jV)(path)}: a ${stage.kind} stage sends messages, but websocket.mode is ${ws.mode} (use a load stage, or mode request_reply)`);
        }
        else if ('rate' in s) {
            c.add([...path, 'rate'], `${(0,issues/* formatPath */.jV)(path)}: "rate" is a message rate, but websocket.mode is ${ws.mode}: nothing is sent (drop rate; connections and duration apply)`, 'key');
        }
    });
}

;// CONCATENATED MODULE: ./src/plan/validate.ts
/**
 * Semantic checks and conversion of the (already interpolated, shape-checked) plan data into a
 * Plan. Pure: it never throws on bad input; every problem becomes an Issue and checking goes on,
 * so the user sees all of them at once.
 */






const PLAN_DEFAULTS = { requestTimeoutMs: 10_000, readyTimeoutMs: 60_000 };
const URL_PROTOCOLS = ['http:', 'https:', 'ws:', 'wss:'];
function buildPlan(data, file) {
    const c = new checks/* Checks */.sR();
    const raw = (0,checks/* record */.g1)(data);
    const defaultsRaw = (0,checks/* record */.g1)(raw.defaults);
    const defaults = {
        timeoutMs: c.unit(defaultsRaw, 'timeout', ['defaults'], units/* parseDuration */.E9, PLAN_DEFAULTS.requestTimeoutMs),
        headers: lowerHeaders(defaultsRaw.headers),
    };
    const stages = (0,check_stages/* readStages */.ir)(c, raw.stages);
    const plan = {
        version: 1,
        file,
        target: readTarget(c, (0,checks/* record */.g1)(raw.target)),
        defaults,
        session: readRequests(c, raw.session, ['session'], defaults),
        requests: readRequests(c, raw.requests, ['requests'], defaults),
        stages,
        thresholds: readThresholds(c, (0,checks/* record */.g1)(raw.thresholds), stages),
    };
    // Absent = the default rules; `regression: {}` = none (thresholds only).
    if ('regression' in raw)
        plan.regression = readRegression(c, (0,checks/* record */.g1)(raw.regression));
    if ('websocket' in raw)
        plan.websocket = readWebSocket(c, (0,checks/* record */.g1)(raw.websocket), defaults.timeoutMs);
    checkWsStages(c, raw.stages, stages, plan.websocket);
    checkProtocols(c, raw);
    return { plan, issues: c.issues };
}
function readTarget(c, t) {
    const url = (0,checks/* str */.gx)(t.url) ?? '';
    if (typeof t.url === 'string' && !isAbsoluteUrl(url)) {
        c.add(['target', 'url'], `target.url: ${(0,units/* show */.WU)(url)} is not an absolute http(s) or ws(s) URL, e.g. http://127.0.0.1:3000`);
    }
    const target = { url, readyTimeoutMs: c.unit(t, 'ready_timeout', ['target'], units/* parseDuration */.E9, PLAN_DEFAULTS.readyTimeoutMs) };
    if (typeof t.start === 'string')
        target.start = t.start;
    if (typeof t.ready === 'string')
        target.ready = t.ready;
    return target;
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
function readThresholds(c, raw, stages) {
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
            if (metric === 'recovery')
                checkRecovery(c, stage, stages);
        }
        out[stage] = rules;
    }
    return out;
}
/** `recovery` is only measured by spike stages: anywhere else the rule could never be checked. */
function checkRecovery(c, stage, stages) {
    const path = ['thresholds', stage, 'recovery'];
    const where = (0,issues/* formatPath */.jV)(['thresholds', stage]);
    if (stage === '*') {
        if (!stages.some((s) => s.kind === 'spike'))
            c.add(path, `${where}: recovery is only measured by spike stages, and this plan has none`, 'key');
        return;
    }
    const target = stages.find((s) => s.name === stage);
    if (target && target.kind !== 'spike') {
        c.add(path, `${where}: recovery is only measured by spike stages; ${(0,units/* show */.WU)(stage)} is a ${target.kind} stage`, 'key');
    }
}
function readRegression(c, raw) {
    const rules = [];
    for (const [metric, rule] of Object.entries(raw)) {
        if (!(0,units/* isMetric */.NI)(metric))
            continue; // the schema check names it, with a suggestion
        try {
            rules.push((0,units/* parseRegression */.Dn)(metric, rule));
        }
        catch (err) {
            c.add(['regression', metric], `regression.${metric}: ${err.message}`);
        }
    }
    return rules;
}

;// CONCATENATED MODULE: ./src/plan/load.ts
/**
 * Plan loading: YAML (with positions) → `${ENV}` substitution → shape check against
 * plan.schema.json → semantic checks and unit conversion. Every step adds located problems; if
 * there are any, one PlanError carries all of them, sorted by line.
 */






/** Parse and validate plan text. Pure; throws PlanError listing every problem found. */
function parsePlan(text, file, env) {
    const parsed = parseYaml(text);
    if (parsed.syntaxErrors.length) {
        // The data behind a syntax error is partial: checking it would only add confusing noise.
        throw new errors/* PlanError */.W6(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    }
    const substituted = (0,interpolate/* interpolate */.GW)(parsed.value, env);
    const { plan, issues } = buildPlan(substituted.value, file);
    const all = [...substituted.issues, ...schemaIssues(substituted.value), ...issues];
    if (all.length)
        throw new errors/* PlanError */.W6(sortProblems(all.map((i) => toProblem(i, parsed.source, file))));
    return plan;
}
/** Read and parse a plan file; an unreadable file is a problem at 1:1 with the OS reason. */
async function loadPlan(file, env = process.env) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const code = err.code ?? '';
        const reason = OS_REASONS[code] ?? err.message;
        throw new errors/* PlanError */.W6([{ file, line: 1, col: 1, message: `cannot read the plan: ${reason}` }]);
    }
    return parsePlan(text, file, env);
}
const OS_REASONS = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
};
function toProblem(issue, source, file) {
    return { file, ...locate(source, issue.path, issue.at), message: issue.message };
}
/** By line, then column, then message; exact duplicates dropped. */
function sortProblems(problems) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
    return sorted.filter((p, i) => i === 0 || p.message !== sorted[i - 1].message || p.line !== sorted[i - 1].line || p.col !== sorted[i - 1].col);
}

;// CONCATENATED MODULE: ./src/plan/index.ts







/***/ }),

/***/ 264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ interpolate),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony exports BUILTIN_VARIABLES, interpolateString, runtimeVariables */
/** Filled by the engine: request sequence number, virtual user number, iteration of that user. */
const BUILTIN_VARIABLES = ['seq', 'vu', 'iter'];
const PLACEHOLDER = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function interpolateString(text, env, runtime) {
    const missing = [];
    const out = text.replace(PLACEHOLDER, (whole, escape, name) => {
        if (runtime.has(name))
            return whole;
        if (escape)
            return `\${${name}}`;
        const value = env[name];
        if (value === undefined) {
            missing.push(name);
            return whole;
        }
        return value;
    });
    return { text: out, missing };
}
/** Builtins plus every key of every `capture:` map in `session` and `requests`. */
function runtimeVariables(raw) {
    const names = new Set(BUILTIN_VARIABLES);
    if (!isRecord(raw))
        return names;
    for (const list of [raw.session, raw.requests]) {
        if (!Array.isArray(list))
            continue;
        for (const step of list) {
            if (isRecord(step) && isRecord(step.capture))
                Object.keys(step.capture).forEach((k) => names.add(k));
        }
    }
    return names;
}
/** Substitute in every string value (not in keys); each missing variable is an Issue at its value. */
function interpolate(value, env, runtime = runtimeVariables(value)) {
    const issues = [];
    const walk = (v, path) => {
        if (typeof v === 'string') {
            const r = interpolateString(v, env, runtime);
            for (const name of r.missing) {
                issues.push({ path, at: 'value', message: `environment variable ${name} is not set (used in \${${name}})` });
            }
            return r.text;
        }
        if (Array.isArray(v))
            return v.map((item, i) => walk(item, [...path, i]));
        if (isRecord(v))
            return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, [...path, k])]));
        return v;
    };
    return { value: walk(value, []), issues };
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/***/ 3772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   Dn: () => (/* binding */ parseRegression),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   NI: () => (/* binding */ isMetric),
/* harmony export */   WN: () => (/* binding */ parseRate),
/* harmony export */   WU: () => (/* binding */ show)
/* harmony export */ });
/* unused harmony exports UnitError, LATENCY_METRICS, METRICS, parsePercent */
class UnitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnitError';
    }
}
const LATENCY_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
const METRICS = [...LATENCY_METRICS, 'error_rate', 'rps', 'requests', 'errors', 'recovery'];
const NUMBER = String.raw `\d+(?:\.\d+)?|\.\d+`;
const DURATION_PART = new RegExp(String.raw `(${NUMBER})\s*(ms|s|m|h)`, 'y');
const MS_PER_UNIT = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const MS_PER_RATE_UNIT = { s: 1_000, m: 60_000, h: 3_600_000 };
/** How a value looks in a message: strings quoted, everything else as JSON. */
function show(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}
/** Whole microseconds, so `1.1s` is 1100, not 1100.0000000000002. */
function roundMs(ms) {
    return Math.round(ms * 1000) / 1000;
}
function isBareNumber(s) {
    return new RegExp(`^(?:${NUMBER})$`).test(s);
}
/** `500ms`, `30s`, `1.5s`, `2m`, `1h`, and compounds like `1m30s` → milliseconds. */
function parseDuration(value) {
    const hint = `${show(value)} is not a duration: use 500ms, 30s or 2m`;
    if (typeof value === 'number')
        throw new UnitError(`${show(value)} is not a duration: add a unit, e.g. ${value}s or ${value}ms`);
    if (typeof value !== 'string')
        throw new UnitError(hint);
    const text = value.trim();
    if (isBareNumber(text))
        throw new UnitError(`${show(value)} is not a duration: add a unit, e.g. ${text}s or ${text}ms`);
    if (text.length === 0)
        throw new UnitError(hint);
    let total = 0;
    let at = 0;
    while (at < text.length) {
        DURATION_PART.lastIndex = at;
        const m = DURATION_PART.exec(text);
        if (!m)
            throw new UnitError(hint);
        total += Number(m[1]) * MS_PER_UNIT[m[2]];
        at = DURATION_PART.lastIndex;
        while (text[at] === ' ')
            at++;
    }
    return roundMs(total);
}
/** `200/s`, `12000/m`, `5/h`, or a bare number (per second) → requests per second, > 0. */
function parseRate(value) {
    const hint = `${show(value)} is not a rate: use 200/s, 12000/m or a number per second`;
    let perSecond;
    if (typeof value === 'number') {
        perSecond = value;
    }
    else if (typeof value === 'string') {
        const m = new RegExp(String.raw `^\s*(${NUMBER})\s*(?:/\s*(s|m|h))?\s*$`).exec(value);
        if (!m)
            throw new UnitError(hint);
        perSecond = (Number(m[1]) * 1000) / MS_PER_RATE_UNIT[m[2] ?? 's'];
    }
    else {
        throw new UnitError(hint);
    }
    if (!Number.isFinite(perSecond) || perSecond <= 0)
        throw new UnitError(`${show(value)} is not a rate: it must be more than 0`);
    return perSecond;
}
/** `1%` → 0.01, `0.5%` → 0.005. */
function parsePercent(value) {
    const m = typeof value === 'string' ? new RegExp(String.raw `^\s*(${NUMBER})\s*%\s*$`).exec(value) : null;
    if (!m)
        throw new UnitError(`${show(value)} is not a percentage: use 1% or 0.5%`);
    return Number(m[1]) / 100;
}
function isLatency(metric) {
    return LATENCY_METRICS.includes(metric);
}
function isMetric(name) {
    return METRICS.includes(name);
}
/** The threshold value in the metric's unit (see ThresholdRule.value). */
function thresholdValue(metric, text) {
    if (isLatency(metric)) {
        // Latencies are milliseconds everywhere in perf-gate, so a bare number means ms.
        return isBareNumber(text) ? Number(text) : parseDuration(text);
    }
    switch (metric) {
        case 'recovery':
            return parseDuration(text);
        case 'error_rate': {
            if (text.endsWith('%'))
                return parsePercent(text);
            const n = Number(text);
            // "< 1" almost surely means 1 %, not a fraction of 1 (which no run can exceed): refuse it.
            if (isBareNumber(text) && n < 1)
                return n;
            throw new UnitError(`${show(text)} is not an error rate: use a percentage like 1% (or a fraction like 0.01)`);
        }
        case 'rps': {
            const m = new RegExp(String.raw `^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
            if (!m)
                throw new UnitError(`${show(text)} is not a request rate: use a number of requests per second, e.g. 190`);
            return Number(m[1]);
        }
        case 'requests':
        case 'errors':
            if (!/^\d+$/.test(text))
                throw new UnitError(`${show(text)} is not a count: use a whole number, e.g. 100`);
            return Number(text);
    }
}
/** `parseThreshold('p95', '< 200ms')` → { metric: 'p95', op: '<', value: 200, raw: '< 200ms' }. */
function parseThreshold(metric, raw) {
    if (!isMetric(metric))
        throw new UnitError(`unknown metric ${show(metric)}`);
    const m = typeof raw === 'string' ? /^\s*(<=|>=|<|>)\s*(.*?)\s*$/.exec(raw) : null;
    if (!m || typeof raw !== 'string') {
        throw new UnitError(`${show(raw)} is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"`);
    }
    return { metric, op: m[1], value: thresholdValue(metric, m[2]), raw };
}
/**
 * `+15%` (worse when it rises by more than 15 %), `-10%` (worse when it falls by more than 10 %),
 * `+0.5pp` (error_rate only: percentage points, stored as a fraction, 0.005), `+3σ` / `+3sigma`
 * (worse when it rises beyond median + 3σ̂ of past runs) and `band` (3σ̂ on the worse side: down
 * for rps, up for everything else).
 */
function parseRegression(metric, raw) {
    if (!isMetric(metric))
        throw new UnitError(`unknown metric ${show(metric)}`);
    if (typeof raw === 'string' && /^\s*band\s*$/i.test(raw)) {
        return { metric, direction: metric === 'rps' ? 'decrease' : 'increase', unit: 'sigma', amount: 3, raw };
    }
    const m = typeof raw === 'string' ? new RegExp(String.raw `^\s*([+-])\s*(${NUMBER})\s*(%|pp|σ|sigma)\s*$`).exec(raw) : null;
    if (!m || typeof raw !== 'string') {
        throw new UnitError(`${show(raw)} is not a regression limit: use a signed change like "+15%" or "-10%"${metric === 'error_rate' ? ' (or "+0.5pp")' : ''}, a noise band like "+3σ", or "band"`);
    }
    const unit = m[3] === 'pp' ? 'pp' : m[3] === '%' ? 'pct' : 'sigma';
    if (unit === 'pp' && metric !== 'error_rate') {
        throw new UnitError(`${show(raw)}: percentage points (pp) only apply to error_rate; use a percentage like "+15%"`);
    }
    // A band of width 0 would fail on any change at all.
    if (unit === 'sigma' && Number(m[2]) <= 0)
        throw new UnitError(`${show(raw)}: a noise band needs a width above 0, e.g. "+3σ"`);
    const amount = unit === 'pp' ? Number(m[2]) / 100 : Number(m[2]);
    return { metric, direction: m[1] === '+' ? 'increase' : 'decrease', unit, amount, raw };
}


/***/ })

};
