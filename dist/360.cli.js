export const id = 360;
export const ids = [360];
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

/***/ 5887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPlan: () => (/* reexport safe */ _load_js__WEBPACK_IMPORTED_MODULE_0__.Yq),
/* harmony export */   wr: () => (/* reexport safe */ _load_js__WEBPACK_IMPORTED_MODULE_0__.wr)
/* harmony export */ });
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9950);
/* harmony import */ var _interpolate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3772);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9496);
/* harmony import */ var _check_stages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3659);







/***/ }),

/***/ 264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Er: () => (/* binding */ runtimeVariables),
/* harmony export */   GW: () => (/* binding */ interpolate),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony exports BUILTIN_VARIABLES, interpolateString */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4682);

/** Filled by the engine: request sequence number, virtual user number, iteration of that user. */
const BUILTIN_VARIABLES = ['seq', 'vu', 'iter'];
const PLACEHOLDER = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function interpolateString(text, env, runtime) {
    const missing = [];
    const fromEnv = [];
    const out = text.replace(PLACEHOLDER, (whole, escaped, name) => {
        if (runtime.has(name))
            return whole;
        if (escaped)
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
/**
 * Builtins plus every key of every `capture:` map in `session`, `requests` and the stages' `setup`
 * and `verify`: of the raw plan data at load, and of a built Plan (the engine's runtime names).
 */
function runtimeVariables(raw) {
    const names = new Set(BUILTIN_VARIABLES);
    if (!isRecord(raw))
        return names;
    const stages = Array.isArray(raw.stages) ? raw.stages.filter(isRecord) : [];
    for (const list of [raw.session, raw.requests, ...stages.flatMap((s) => [s.setup, s.verify])]) {
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
                const meant = name === 'uuid' || name === 'random' ? `; for a value drawn per request write \${${name === 'uuid' ? 'uuid()' : 'random(1,10)'}}` : '';
                issues.push({ path, at: 'value', message: `environment variable ${name} is not set (used in \${${name}})${meant}` });
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

/***/ 6509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ parsePlaceholder),
/* harmony export */   Kx: () => (/* binding */ PLACEHOLDER),
/* harmony export */   gf: () => (/* binding */ dataKey)
/* harmony export */ });
/* unused harmony export placeholdersIn */
/**
 * The runtime placeholders a request string may hold after `${ENV}` substitution, parsed in one
 * place for the plan checks (which refuse a bad one with its position) and the engine (which fills
 * them per request):
 *  - `${name}`: a builtin (`seq`, `vu`, `iter`) or a value a `capture:` set;
 *  - `${users.email}`: a column of the row a `data:` set gave this user (or this request);
 *  - `${random(1,10)}`: an integer from 1 to 10, both ends included, drawn per request;
 *  - `${uuid()}`: a random (v4) UUID, per request.
 * `$${...}` is the escape for a literal `${...}`.
 */
/** Every `${...}` (or escaped `$${...}`) in a string; group 1 is what is between the braces. */
const PLACEHOLDER = /\$?\$\{([^{}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATA_REF = /^([A-Za-z_][A-Za-z0-9_]*)\.([^.\s]+)$/;
const RANDOM = /^random\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)$/;
const UUID = /^uuid\(\s*\)$/;
/** The placeholder `inner` (the text between the braces) names, or a message saying why it is none. */
function parsePlaceholder(inner) {
    const text = inner;
    if (NAME.test(text))
        return { kind: 'name', name: text };
    if (UUID.test(text))
        return { kind: 'uuid' };
    const random = RANDOM.exec(text);
    if (random) {
        const min = Number(random[1]);
        const max = Number(random[2]);
        if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
            return `\${${text}}: random's bounds must be integers`;
        if (min > max)
            return `\${${text}}: random(MIN,MAX) needs MIN ≤ MAX`;
        return { kind: 'random', min, max };
    }
    if (/^random\b/.test(text))
        return `\${${text}}: write random(MIN,MAX) with two integers, e.g. \${random(1,10)}`;
    const data = DATA_REF.exec(text);
    if (data)
        return { kind: 'data', set: data[1], column: data[2] };
    return `\${${text}} is not a value perf-gate knows: use \${name} (a capture or seq, vu, iter), \${DATA.COLUMN}, \${random(MIN,MAX)} or \${uuid()}`;
}
/** The placeholders of a string, escapes left out. */
function placeholdersIn(text) {
    if (!text.includes('${'))
        return [];
    const out = [];
    for (const m of text.matchAll(PLACEHOLDER))
        if (!m[0].startsWith('$$'))
            out.push(parsePlaceholder(m[1]));
    return out;
}
/** The vars key a data column is kept under (a user's row is copied into its vars). */
const dataKey = (set, column) => `${set}.${column}`;


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
const RUNTIME_PLACEHOLDER = /\$?\$\{[^{}]*\}/;
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
                credentialParts(name, value)
                    .filter(isSecretWorthy)
                    .forEach((v) => out.add(v));
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

/***/ 6515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ stressLevels),
/* harmony export */   O5: () => (/* binding */ isClosedModel),
/* harmony export */   du: () => (/* binding */ plannedDurationMs),
/* harmony export */   ji: () => (/* binding */ closedUsers),
/* harmony export */   mz: () => (/* binding */ stressStepCount),
/* harmony export */   nY: () => (/* binding */ plannedRequests)
/* harmony export */ });
/** A stress stage's levels, lowest first: from, from + step, … up to max (the worst case: no step breaks). */
function stressLevels(s) {
    if (s.levels)
        return s.levels;
    return Array.from({ length: stressStepCount(s) }, (_, i) => +(s.from + i * s.step).toFixed(6));
}
/** How many steps fit from `from` to `max` (the epsilon keeps 0.1/s steps from losing their last one to rounding). */
function stressStepCount(s) {
    if (s.levels)
        return s.levels.length;
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
            if (s.model !== 'open')
                return undefined;
            const n = stressStepCount(s);
            const rates = s.levels ? s.levels.reduce((sum, rate) => sum + rate, 0) : n * s.from + (s.step * n * (n - 1)) / 2;
            return rates * (s.everyMs / 1000);
        }
        case 'spike':
            return area(s.fromRate, s.fromRate, s.beforeMs + s.afterMs) + area(s.fromRate, s.toRate, s.rampMs) + area(s.toRate, s.toRate, s.holdMs);
        case 'burst':
            return s.size * s.cycles;
        case 'baseline':
            return undefined;
    }
}
/** Stages whose users each run a session and keep their values (and their data row): the closed model. */
function isClosedModel(s) {
    return s.kind === 'baseline' || ((s.kind === 'load' || s.kind === 'soak' || s.kind === 'stress') && s.model === 'closed');
}
/** Users a closed-model stage starts (baseline 1, a stress stage its most), 0 for open-model stages. */
function closedUsers(s) {
    if (!isClosedModel(s))
        return 0;
    return s.kind === 'baseline' ? 1 : s.kind === 'stress' ? s.max : s.vus;
}


/***/ })

};
