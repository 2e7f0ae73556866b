export const id = 243;
export const ids = [243];
export const modules = {

/***/ 5858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readJsonPath),
/* harmony export */   H: () => (/* binding */ parseJsonPath)
/* harmony export */ });
/**
 * The JSONPath subset plans use (`$.a.b[0].c`, `$['x-y']`): captures, WebSocket reply fields and
 * timestamps. Shared by the plan checks and the engine, so it sits beside both rather than in either.
 */
/** `$.a.b[0].c` (the JSONPath subset captures use) → the value, or undefined when absent. */
function readJsonPath(doc, path) {
    const steps = parseJsonPath(path);
    let cur = doc;
    for (const step of steps) {
        // Own properties only: `$.constructor` must not find Object's.
        if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, step))
            return undefined;
        cur = cur[step];
    }
    return cur;
}
function parseJsonPath(path) {
    if (!path.startsWith('$'))
        throw new Error(`JSONPath must start with "$": ${path}`);
    const steps = [];
    const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/y;
    let i = 1;
    while (i < path.length) {
        re.lastIndex = i;
        const m = re.exec(path);
        if (!m)
            throw new Error(`unsupported JSONPath "${path}" at character ${i + 1}: use $.a.b[0] or $['a-b']`);
        steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
        i = re.lastIndex;
    }
    return steps;
}


/***/ }),

/***/ 8740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BU: () => (/* binding */ readLimits),
/* harmony export */   Gf: () => (/* binding */ stressLevels),
/* harmony export */   J5: () => (/* binding */ checkLimits),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   du: () => (/* binding */ plannedDurationMs),
/* harmony export */   mz: () => (/* binding */ stressStepCount)
/* harmony export */ });
/* unused harmony exports DEFAULT_LIMITS, MAX_TIMER_MS, LIMIT_CEILINGS, plannedRequests, formatRate */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2650);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1439);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3772);
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
        const n = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(v);
        return n !== undefined && n >= 1 ? n : NaN;
    };
    const parsers = {
        maxDurationMs: _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9,
        maxRequests: count,
        maxConnections: count,
        maxRate: _units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRate */ .WN,
    };
    for (const field of Object.keys(KEYS)) {
        const key = KEYS[field];
        const value = c.unit(raw, key, HERE, parsers[field], DEFAULT_LIMITS[field]);
        if (value > LIMIT_CEILINGS[field]) {
            c.add([...HERE, key], `limits.${key}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(raw[key])} is above the most perf-gate allows (${format(field, LIMIT_CEILINGS[field])})`);
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
/** A stress stage's levels, lowest first: from, from + step, … up to max (the worst case: no step breaks). */
function stressLevels(s) {
    return Array.from({ length: stressStepCount(s) }, (_, i) => +(s.from + i * s.step).toFixed(6));
}
/** How many steps fit from `from` to `max` (the epsilon keeps 0.1/s steps from losing their last one to rounding). */
function stressStepCount(s) {
    if (!(s.step > 0) || s.max < s.from)
        return 1;
    return Math.floor((s.max - s.from) / s.step + 1e-9) + 1;
}
/** Planned length of a stage (burst: its pauses, not counting response times; stress: every step up to max). */
function plannedDurationMs(s) {
    switch (s.kind) {
        case 'baseline':
        case 'load':
        case 'soak':
            return s.durationMs;
        case 'stress':
            return stressStepCount(s) * s.everyMs;
        case 'spike':
            return s.beforeMs + s.rampMs + s.holdMs + s.afterMs;
        case 'burst':
            return s.pauseMs * (s.cycles - 1);
    }
}
/** Requests (or ws messages) a stage's schedule sends, when that is known before the run: open model and bursts. */
function plannedRequests(s) {
    const area = (fromPerS, toPerS, ms) => ((fromPerS + toPerS) / 2) * (ms / 1000);
    switch (s.kind) {
        case 'load':
        case 'soak':
            return s.model === 'open' ? area(0, s.rate, s.rampMs) + area(s.rate, s.rate, s.durationMs - s.rampMs) : undefined;
        case 'stress': {
            // Every step up to max: n steps at from, from + step, …: n·from + step·n(n − 1)/2 req/s in all.
            const n = stressStepCount(s);
            return s.model === 'open' ? (n * s.from + (s.step * n * (n - 1)) / 2) * (s.everyMs / 1000) : undefined;
        }
        case 'spike':
            return area(s.fromRate, s.fromRate, s.beforeMs + s.afterMs) + area(s.fromRate, s.toRate, s.rampMs) + area(s.toRate, s.toRate, s.holdMs);
        case 'burst':
            return s.size * s.cycles;
        case 'baseline':
            return undefined;
    }
}
/** Stages as the plan has them, each with its index in the `stages:` list (readStages skips entries without a valid kind). */
function withIndex(rawStages, stages) {
    const kinds = ['baseline', 'load', 'spike', 'burst', 'stress', 'soak'];
    const valid = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(rawStages)
        .map((item, i) => ({ raw: (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item), path: ['stages', i] }))
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
        const where = (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(path);
        // Peak rate (open model and spikes).
        const peak = peakRate(spec, s, path);
        if (peak && peak.value > limits.maxRate) {
            c.add(peak.at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(peak.at)}: ${formatRate(peak.value)} is above limits.max_rate (${formatRate(limits.maxRate)})${raise('max_rate')}`);
        }
        checkConcurrency(c, spec, s, path, limits);
        // The whole run's planned time: reported once, at the stage that takes it over the limit.
        const stageMs = plannedDurationMs(spec);
        totalMs += stageMs;
        if (!durationReported && totalMs > limits.maxDurationMs) {
            durationReported = true;
            const at = keyPath(s, path, 'duration', 'hold', 'cycles', 'every');
            const what = stageMs > limits.maxDurationMs ? `${where} runs ${formatMs(stageMs)}` : `${where} brings the planned time of the run to ${formatMs(totalMs)}`;
            c.add(at, `${what}, above limits.max_duration (${formatMs(limits.maxDurationMs)})${raise('max_duration')}`);
        }
        // The whole run's scheduled requests (open model, spikes, bursts; closed models are capped at run time).
        const requests = plannedRequests(spec);
        if (requests === undefined)
            continue;
        totalRequests += requests;
        if (!requestsReported && totalRequests > limits.maxRequests) {
            requestsReported = true;
            const at = keyPath(s, path, 'rate', 'to', 'size', 'cycles');
            const what = requests > limits.maxRequests ? `${where} schedules ${formatCount(requests)} requests` : `${where} brings the requests the run schedules to ${formatCount(totalRequests)}`;
            c.add(at, `${what}, above limits.max_requests (${formatCount(limits.maxRequests)})${raise('max_requests')}`);
        }
    }
}
/** The highest open-model rate a stage asks for, and the key that asks for it. */
function peakRate(spec, s, path) {
    if (spec.kind === 'spike')
        return { value: spec.toRate, at: keyPath(s, path, 'to') };
    if ((spec.kind === 'load' || spec.kind === 'soak') && spec.model === 'open')
        return { value: spec.rate, at: keyPath(s, path, 'rate') };
    if (spec.kind === 'stress' && spec.model === 'open')
        return { value: spec.max, at: 'rate' in s ? [...path, 'rate', 'max'] : path };
    return undefined;
}
/** Requests a stage may have in flight (closed users, a burst, ws connections, the open model's cap). */
function checkConcurrency(c, spec, s, path, limits) {
    const cap = `limits.max_connections (${formatCount(limits.maxConnections)})`;
    const over = (value, key, what) => {
        if (value <= limits.maxConnections)
            return;
        const at = keyPath(s, path, key);
        // An open stage's default max_in_flight can be over a lowered limit: say which knob to turn.
        const fix = key in s ? raise('max_connections') : `; set ${key} lower or raise limits.max_connections`;
        c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)}: ${what} is above ${cap}${fix}`);
    };
    if (spec.connections !== undefined)
        over(spec.connections, 'connections', `${formatCount(spec.connections)} connections`);
    if (spec.protocol === 'ws')
        return;
    switch (spec.kind) {
        case 'load':
        case 'soak':
            if (spec.model === 'closed')
                over(spec.vus, 'vus', `${formatCount(spec.vus)} users`);
            else
                over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
            break;
        case 'stress':
            if (spec.model === 'closed')
                over(spec.max, 'vus', `up to ${formatCount(spec.max)} users`);
            else
                over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
            break;
        case 'spike':
            over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
            break;
        case 'burst':
            over(spec.size, 'size', `a burst of ${formatCount(spec.size)} requests at once`);
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
            ms = (0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(obj[key]);
        }
        catch {
            return; // a bad duration is reported where the key is read
        }
        const at = [...path, key];
        if (ms > MAX_TIMER_MS)
            c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)}: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(obj[key])} is longer than ${formatMs(MAX_TIMER_MS)}, the longest wait perf-gate can time`);
        else if (positive && ms <= 0)
            c.add(at, `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(at)} must be longer than 0`);
    };
    const target = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.target);
    check(target, 'ready_timeout', ['target'], true);
    check((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.defaults), 'timeout', ['defaults'], true);
    for (const list_ of ['session', 'requests']) {
        // Zero request timeouts are refused in check-requests.ts.
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw[list_]).forEach((item, i) => check((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item), 'timeout', [list_, i], false));
    }
    const ws = (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(raw.websocket);
    check(ws, 'timeout', ['websocket'], true);
    check((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(ws.reconnect), 'backoff', ['websocket', 'reconnect'], false);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw.stages).forEach((item, i) => {
        for (const key of ['duration', 'ramp', 'think', 'before', 'hold', 'after', 'pause', 'every'])
            check((0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(item), key, ['stages', i], false);
    });
}
function format(field, value) {
    if (field === 'maxDurationMs')
        return formatMs(value);
    if (field === 'maxRate')
        return formatRate(value);
    return formatCount(value);
}
/** 20000 → "20000/s"; fractions keep up to 3 decimals. */
function formatRate(perSecond) {
    return `${+perSecond.toFixed(3)}/s`;
}
/** 2000000 → "2,000,000" (requests are easier to read grouped). */
function formatCount(n) {
    return Math.round(n).toLocaleString('en-US');
}
/** 900000 → "15m", 5400000 → "1h30m", 1500 → "1.5s": the plan's own way of writing durations. */
function formatMs(ms) {
    if (ms < 1000)
        return `${+ms.toFixed(3)}ms`;
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const s = +((ms % 60_000) / 1000).toFixed(3);
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
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

/***/ 264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ interpolate),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony exports BUILTIN_VARIABLES, interpolateString, runtimeVariables */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4682);

/** Filled by the engine: request sequence number, virtual user number, iteration of that user. */
const BUILTIN_VARIABLES = ['seq', 'vu', 'iter'];
const PLACEHOLDER = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function interpolateString(text, env, runtime) {
    const missing = [];
    const fromEnv = [];
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
        fromEnv.push(value);
        return value;
    });
    return { text: out, missing, fromEnv };
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
/**
 * Substitute in every string value (not in keys); each missing variable is an Issue at its value.
 * `secrets`: the distinct values taken from env that are long enough to hide (see plan/secrets.ts).
 */
function interpolate(value, env, runtime = runtimeVariables(value)) {
    const issues = [];
    const secrets = new Set();
    const walk = (v, path) => {
        if (typeof v === 'string') {
            const r = interpolateString(v, env, runtime);
            for (const name of r.missing) {
                issues.push({ path, at: 'value', message: `environment variable ${name} is not set (used in \${${name}})` });
            }
            r.fromEnv.filter(_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .isSecretWorthy */ .mr).forEach((s) => secrets.add(s));
            return r.text;
        }
        if (Array.isArray(v))
            return v.map((item, i) => walk(item, [...path, i]));
        if (isRecord(v))
            return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, [...path, k])]));
        return v;
    };
    return { value: walk(value, []), issues, secrets: [...secrets] };
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

/***/ 4682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mr: () => (/* binding */ isSecretWorthy),
/* harmony export */   n3: () => (/* binding */ headerSecrets)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, SENSITIVE_HEADERS */
const MIN_SECRET_LENGTH = 6;
const isSecretWorthy = (value) => value.length >= MIN_SECRET_LENGTH;
/** Request headers whose values are credentials (names lower-cased, as the plan keeps them). */
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);
/** `${name}` / `$${name}` left in a value after load: names the engine fills (captures, seq...). */
const RUNTIME_PLACEHOLDER = /\$?\$\{[A-Za-z_][A-Za-z0-9_]*\}/;
/** `Bearer`, `Basic`, `Token`...: the scheme word before an Authorization credential is not secret. */
const AUTH_SCHEME = /^[A-Za-z][A-Za-z0-9_-]*\s+/;
/**
 * The credential parts of the sensitive header values of a plan (after `${ENV}` substitution):
 * not the auth scheme, not cookie names, not the runtime placeholders (a captured token is filled
 * per request and never written anywhere).
 */
function headerSecrets(plan) {
    const maps = [plan.defaults.headers, ...plan.requests.map((r) => r.headers), ...plan.session.map((r) => r.headers), plan.websocket?.headers ?? {}];
    const out = new Set();
    for (const headers of maps) {
        for (const [name, value] of Object.entries(headers)) {
            if (SENSITIVE_HEADERS.has(name))
                credentialParts(name, value).filter(isSecretWorthy).forEach((v) => out.add(v));
        }
    }
    return [...out];
}
function credentialParts(name, value) {
    return value.split(RUNTIME_PLACEHOLDER).flatMap((literal) => {
        if (name === 'cookie')
            return literal.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
        if (name.endsWith('authorization'))
            return [literal.trimStart().replace(AUTH_SCHEME, '').trim()];
        return [literal.trim()];
    });
}


/***/ }),

/***/ 3772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   Cb: () => (/* binding */ METRICS),
/* harmony export */   Dn: () => (/* binding */ parseRegression),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   NI: () => (/* binding */ isMetric),
/* harmony export */   WN: () => (/* binding */ parseRate),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Z$: () => (/* binding */ LATENCY_METRICS),
/* harmony export */   tR: () => (/* binding */ UnitError)
/* harmony export */ });
/* unused harmony exports parsePercent, parseMemorySize */
class UnitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnitError';
    }
}
const LATENCY_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
const METRICS = [...LATENCY_METRICS, 'error_rate', 'rps', 'requests', 'errors', 'recovery', 'breaking_point', 'drift', 'memory_growth', 'cpu_per_request', 'rss_peak'];
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
/** `n`, unless digits too many for a double made it Infinity: `"+9999…9%"` is no limit at all. */
function finite(n, value) {
    if (!Number.isFinite(n))
        throw new UnitError(`${show(value)} is too large a number`);
    return n;
}
function isBareNumber(s) {
    return new RegExp(`^(?:${NUMBER})$`).test(s);
}
/** `500ms`, `30s`, `1.5s`, `2m`, `1h`, and compounds like `1m30s` → milliseconds. */
function parseDuration(value) {
    const hint = `${show(value)} is not a duration: use 500ms, 30s or 2m`;
    if (typeof value === 'number')
        throw new UnitError(Number.isFinite(value) ? `${show(value)} is not a duration: add a unit, e.g. ${value}s or ${value}ms` : hint);
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
    return roundMs(finite(total, value));
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
    return finite(Number(m[1]), value) / 100;
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
        case 'breaking_point': {
            // The stage's unit: req/s (rate steps) or users (vus steps).
            const m = new RegExp(String.raw `^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
            if (!m)
                throw new UnitError(`${show(text)} is not a breaking point: use the stage's unit, a rate like 400/s (rate steps) or a number of users like 150 (vus steps)`);
            return Number(m[1]);
        }
        case 'drift':
        case 'memory_growth':
            // In percent, as the report states them (delta_pct, growth_pct).
            if (!text.endsWith('%'))
                throw new UnitError(`${show(text)} is not a change in percent: use e.g. 20%`);
            return parsePercent(text) * 100;
        case 'cpu_per_request':
            // The app's CPU time per request, in ms like every duration in perf-gate: "< 2ms", "< 500us".
            if (isBareNumber(text))
                return Number(text);
            if (/^\d+(?:\.\d+)?\s*(?:us|µs)$/.test(text))
                return Number(/^[\d.]+/.exec(text)[0]) / 1000;
            return parseDuration(text);
        case 'rss_peak':
            return parseMemorySize(text);
    }
}
/** Memory sizes in MiB, as the report states them: `512MB`, `1.5GB`, `300MiB`, `2GiB`, or a bare number of MB (1 MB = 1 MiB = 2^20 bytes). */
function parseMemorySize(text) {
    const m = new RegExp(String.raw `^(${NUMBER})\s*(k|m|g)?(i?b)?$`, 'i').exec(text.trim());
    if (!m || (m[2] === undefined && m[3] !== undefined))
        throw new UnitError(`${show(text)} is not a memory size: use e.g. 512MB or 1.5GB (MB = MiB = 2^20 bytes)`);
    const n = Number(m[1]);
    const unit = (m[2] ?? 'm').toLowerCase();
    return unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : n;
}
/** `parseThreshold('p95', '< 200ms')` → { metric: 'p95', op: '<', value: 200, raw: '< 200ms' }. */
function parseThreshold(metric, raw) {
    if (!isMetric(metric))
        throw new UnitError(`unknown metric ${show(metric)}`);
    const m = typeof raw === 'string' ? /^\s*(<=|>=|<|>)\s*(.*?)\s*$/.exec(raw) : null;
    if (!m || typeof raw !== 'string') {
        throw new UnitError(`${show(raw)} is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"`);
    }
    return { metric, op: m[1], value: finite(thresholdValue(metric, m[2]), raw), raw };
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
        return { metric, direction: metric === 'rps' || metric === 'breaking_point' ? 'decrease' : 'increase', unit: 'sigma', amount: 3, raw };
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
    // A higher breaking point is only better: a "+" rule would fail the run for gaining capacity.
    if (metric === 'breaking_point' && m[1] === '+') {
        throw new UnitError(`${show(raw)}: a breaking point can only regress downwards: write "-${m[2]}${m[3]}"`);
    }
    const amount = finite(unit === 'pp' ? Number(m[2]) / 100 : Number(m[2]), raw);
    return { metric, direction: m[1] === '+' ? 'increase' : 'decrease', unit, amount, raw };
}


/***/ })

};
