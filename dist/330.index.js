export const id = 330;
export const ids = [330];
export const modules = {

/***/ 17330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_AB_ROUNDS: () => (/* reexport */ input_checks/* DEFAULT_AB_ROUNDS */.ML),
  checkTargetUrl: () => (/* reexport */ input_checks/* checkTargetUrl */.Tc),
  compareImported: () => (/* reexport */ compareImported),
  compareReports: () => (/* reexport */ compareReports),
  fromCwd: () => (/* reexport */ input_checks/* fromCwd */.Be),
  mergeAndGate: () => (/* reexport */ mergeAndGate),
  runAbAndGate: () => (/* reexport */ runAbAndGate),
  runAndGate: () => (/* reexport */ runAndGate),
  runnerProbeSetting: () => (/* reexport */ input_checks/* runnerProbeSetting */.jH),
  shardReportPaths: () => (/* reexport */ shardReportPaths),
  writeReports: () => (/* reexport */ writeReports)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/plan/issues.ts
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

;// CONCATENATED MODULE: ./src/plan/secrets.ts
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

;// CONCATENATED MODULE: ./src/plan/interpolate.ts

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
            r.fromEnv.filter(isSecretWorthy).forEach((s) => secrets.add(s));
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

;// CONCATENATED MODULE: ./src/plan/checks.ts
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
            this.add([...path, key], `${formatPath([...path, key])}: ${err.message}`);
            return fallback;
        }
    }
}
/** The value as a map, or an empty one: wrong shapes are the schema check's to report. */
function record(v) {
    return isRecord(v) ? v : {};
}
function list(v) {
    return Array.isArray(v) ? v : [];
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}
function checks_int(v) {
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(83772);
;// CONCATENATED MODULE: ./src/jsonpath.ts
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

;// CONCATENATED MODULE: ./src/plan/check-requests.ts
/** `session:` and `requests:` entries → RequestSpec, with defaults applied and names unique. */




const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Header names are case-insensitive: lower-case them so merging and lookups are simple. */
function lowerHeaders(raw) {
    const out = {};
    for (const [name, value] of Object.entries(record(raw))) {
        if (['string', 'number', 'boolean'].includes(typeof value))
            out[name.toLowerCase()] = String(value);
    }
    return out;
}
function readRequests(c, raw, path, defaults) {
    const specs = list(raw).map((item, i) => readRequest(c, record(item), [...path, i], defaults));
    const firstIndex = new Map();
    specs.forEach((spec, i) => {
        const seen = firstIndex.get(spec.name);
        if (seen === undefined)
            return void firstIndex.set(spec.name, i);
        const item = record(list(raw)[i]);
        const hint = 'name' in item ? '' : ` (the name defaults to "METHOD path"; give each a name)`;
        c.add('name' in item ? [...path, i, 'name'] : [...path, i], `${formatPath([...path, i])}: duplicate name ${(0,units/* show */.WU)(spec.name)} (also ${formatPath([...path, seen])})${hint}`);
    });
    return specs;
}
function readRequest(c, item, path, defaults) {
    const method = readMethod(c, item, path);
    const reqPath = str(item.path) ?? '';
    if (typeof item.path === 'string' && !reqPath.startsWith('/')) {
        c.add([...path, 'path'], `${formatPath([...path, 'path'])}: ${(0,units/* show */.WU)(reqPath)} must start with "/" (it is appended to target.url)`);
    }
    const spec = {
        name: str(item.name) ?? `${method} ${reqPath}`,
        method,
        path: reqPath,
        weight: typeof item.weight === 'number' && item.weight > 0 ? item.weight : 1,
        headers: { ...defaults.headers, ...lowerHeaders(item.headers) },
        timeoutMs: c.unit(item, 'timeout', path, units/* parseDuration */.E9, defaults.timeoutMs),
    };
    // A 0 ms timeout would fail every request before it is sent.
    if ('timeout' in item && spec.timeoutMs <= 0)
        c.add([...path, 'timeout'], `${formatPath([...path, 'timeout'])} must be longer than 0`);
    if ('body' in item && 'json' in item)
        c.add([...path, 'json'], `${formatPath(path)}: use either body or json, not both`, 'key');
    if (typeof item.body === 'string')
        spec.body = item.body;
    if ('json' in item)
        spec.json = item.json;
    const expect = readExpect(c, record(item.expect), [...path, 'expect']);
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
        c.add([...path, 'method'], `${formatPath([...path, 'method'])}: ${(0,units/* show */.WU)(item.method)} is not an HTTP method${suggestion(method, METHODS)}`);
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
        expect.json = readJsonExpectations(c, record(raw.json), [...path, 'json']);
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
            c.add([...path, jsonPath], `${formatPath(path)}: ${(0,units/* show */.WU)(jsonPath)} ${bad}`, 'key');
            continue;
        }
        if (JSON.stringify(value)?.includes('${')) {
            c.add([...path, jsonPath], `${formatPath([...path, jsonPath])}: expect.json values are compared as written; a \${...} is not filled here`);
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
        parseJsonPath(path);
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
        throw new Error(`${(0,units/* show */.WU)(v)} is not a status code: use 200 or [200, 201]`);
    return codes;
}
function readCapture(c, raw, path) {
    if (raw === undefined)
        return undefined;
    const out = {};
    for (const [name, query] of Object.entries(record(raw))) {
        if (!VARIABLE_NAME.test(name)) {
            c.add([...path, name], `${formatPath(path)}: ${(0,units/* show */.WU)(name)} cannot be a variable name: use letters, digits and _ (it is used as \${name})`, 'key');
        }
        const bad = jsonPathProblem(typeof query === 'string' ? query : '', '$.access_token');
        if (bad !== undefined) {
            c.add([...path, name], `${formatPath([...path, name])}: ${(0,units/* show */.WU)(query)} ${bad}`);
        }
        else {
            out[name] = query;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/check-websocket.ts
/**
 * `websocket:` → WebSocketSpec, and the checks that tie it to the ws stages (a stream cannot be
 * given a message rate, a burst needs messages to release). Located Issues like every plan check.
 */





const WS_DEFAULTS = { reconnectBackoffMs: 100 };
const MODES = ['request_reply', 'stream', 'connect'];
const HERE = ['websocket'];
const at = (...keys) => [...HERE, ...keys];
const where = (...keys) => formatPath(at(...keys));
/** A template with every `${name}` filled by a stand-in value, to check what it will look like. */
const sample = (text) => text.replace(/\$?\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, (m) => (m.startsWith('$$') ? m.slice(1) : '1'));
function readWebSocket(c, raw, defaultTimeoutMs) {
    const path = str(raw.path) ?? '';
    if (typeof raw.path === 'string' && !path.startsWith('/')) {
        c.add(at('path'), `${where('path')}: ${(0,units/* show */.WU)(path)} must start with "/" (it is appended to target.url)`);
    }
    const send = str(raw.send);
    const mode = MODES.includes(raw.mode) ? raw.mode : send !== undefined ? 'request_reply' : 'connect';
    const spec = {
        path,
        headers: lowerHeaders(raw.headers),
        subprotocols: list(raw.subprotocols).filter((p) => typeof p === 'string'),
        mode,
        reconnect: readReconnect(c, record(raw.reconnect)),
        timeoutMs: c.unit(raw, 'timeout', HERE, units/* parseDuration */.E9, defaultTimeoutMs),
    };
    if (send !== undefined)
        spec.send = send;
    if (typeof raw.subscribe === 'string')
        spec.subscribe = raw.subscribe;
    if ('expect_reply' in raw) {
        const matcher = readMatcher(c, record(raw.expect_reply), send);
        if (matcher)
            spec.expectReply = matcher;
    }
    if (typeof raw.timestamp_field === 'string') {
        try {
            parseJsonPath(raw.timestamp_field);
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
        c.add('mode' in raw ? at('mode') : HERE, `${formatPath(HERE)}: mode request_reply needs "send" (the message to send)`);
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
    const max = checks_int(raw.max) ?? 0;
    if ('max' in raw && (checks_int(raw.max) === undefined || max < 0))
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
        parseJsonPath(field);
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
        if (readJsonPath(doc, field) === undefined) {
            c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message has no field ${(0,units/* show */.WU)(value)}`);
        }
    }
    return { jsonField: field };
}
/** What a ws stage can do depends on the block's mode: say so at the stage's line. */
function checkWsStages(c, rawStages, stages, ws) {
    if (!ws)
        return;
    const raws = list(rawStages).map(record);
    let j = 0;
    raws.forEach((s, i) => {
        if (typeof s.kind !== 'string' || !['baseline', 'load', 'spike', 'burst'].includes(s.kind))
            return;
        const stage = stages[j++];
        if (!stage || stage.protocol !== 'ws' || ws.mode === 'request_reply')
            return;
        const path = ['stages', i];
        if (stage.kind === 'spike' || stage.kind === 'burst') {
            c.add([...path, 'kind'], `${formatPath(path)}: a ${stage.kind} stage sends messages, but websocket.mode is ${ws.mode} (use a load stage, or mode request_reply)`);
        }
        else if ('rate' in s) {
            c.add([...path, 'rate'], `${formatPath(path)}: "rate" is a message rate, but websocket.mode is ${ws.mode}: nothing is sent (drop rate; connections and duration apply)`, 'key');
        }
    });
}

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
    const raw = record(interpolate(parsed, NAMES_KEPT).value);
    const unused = new Checks();
    const defaults = { timeoutMs: 0, headers: {} };
    const written = (r) => ({ name: r.name, method: r.method, path: r.path });
    const templates = {
        requests: readRequests(unused, raw.requests, ['requests'], defaults).map(written),
        session: readRequests(unused, raw.session, ['session'], defaults).map(written),
    };
    if ('websocket' in raw) {
        const ws = readWebSocket(unused, record(raw.websocket), 0);
        templates.websocket = { path: ws.path, subscribe: ws.subscribe, expectReply: ws.expectReply };
    }
    return templates;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/plan/positions.ts
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
    const lines = new dist/* LineCounter */.HN();
    let doc;
    try {
        // prettyErrors off: we want the bare message and place the position ourselves.
        // logLevel error: yaml's warnings (a map used as a key) would print as process warnings.
        doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
    }
    catch (err) {
        // The parser catches its own stack overflow (RESOURCE_EXHAUSTION, below): this is the backstop.
        const message = err instanceof RangeError ? DEPTH_MESSAGE : `cannot parse the plan: ${err.message}`;
        return { source: { doc: new dist/* Document */.yo(null), lines }, value: undefined, syntaxErrors: [{ line: 1, col: 1, message }] };
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
    if ((0,dist/* isMap */.jh)(node))
        return node.items.flatMap((p) => [p.key, p.value]);
    if ((0,dist/* isSeq */.oP)(node))
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
        best = (last && at === 'key' ? keyPos : (valuePos ?? keyPos)) ?? best;
        node = next;
    }
    return best;
}

// EXTERNAL MODULE: ./src/model/redact.ts
var redact = __webpack_require__(44012);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./plan.schema.json
const plan_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"perf-gate plan","description":"A load-testing plan for perf-gate: one target, the requests to send, the stages to run and the rules that gate the result.","type":"object","additionalProperties":false,"required":["version","target","stages"],"properties":{"version":{"const":1,"description":"Plan format version; always 1."},"target":{"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","description":"Base URL (http, https, ws or wss); --target overrides it."},"build":{"type":"string","description":"Optional shell command that builds the app, run by `perf-gate ab --base-ref` in each side\'s tree (the base worktree and the current checkout) before `start`; ${PORT} and ${SIDE} (base or head) are that side\'s."},"start":{"type":"string","description":"Optional shell command that starts the app under test. With `ab --base-ref`, started once per side: ${PORT} (here, in url and in ready) is that side\'s free port, ${SIDE} is base or head. If the url\'s port already answers before the command runs (a stale server), the run stops with exit 3."},"ready":{"type":"string","description":"Optional path polled until it answers 2xx before the first stage."},"ready_timeout":{"$ref":"#/definitions/duration","description":"How long to wait for `ready`; default 60s."},"allow_remote":{"type":"boolean","description":"Allow load to go to a host that is not loopback (127.0.0.0/8, ::1, localhost); without it (or the action\'s allowed-hosts input) such a target is refused (exit 2)."},"process":{"type":"object","additionalProperties":false,"description":"Where to read what the app spends (CPU time, memory) when perf-gate did not start it, or a narrower part than the whole target.start process group. One of pid_file or cgroup; paths relative to the working directory. Unreadable: the run goes on, the figures are missing and rules on them warn.","properties":{"pid_file":{"type":"string","description":"A file holding the app\'s process id: that process and its descendants are read from /proc."},"cgroup":{"type":"string","description":"A cgroup v2 directory (e.g. /sys/fs/cgroup/system.slice/app.service): cpu.stat usage_usec, memory.current, memory.peak."}}}}},"defaults":{"type":"object","additionalProperties":false,"properties":{"timeout":{"$ref":"#/definitions/duration","description":"Per-request timeout; default 10s."},"headers":{"$ref":"#/definitions/headers"}}},"session":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests run once per virtual user, before its first request."},"requests":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"The weighted mix every HTTP stage draws from."},"data":{"type":"object","description":"Data sets by name, used in request strings as ${NAME.COLUMN}: a CSV file with a header row, or a JSON array of objects, relative to the plan\'s folder.","additionalProperties":{"type":"object","additionalProperties":false,"required":["file"],"properties":{"file":{"type":"string","description":"users.csv (a header row names the columns) or users.json (an array of objects)."},"pick":{"enum":["sequential","random","unique"],"description":"sequential (default): closed-model user N takes row N (wrapping), open-model requests take the rows in order; random: any row, drawn anew; unique: each row once in the whole run."}}}},"websocket":{"type":"object","additionalProperties":false,"description":"Used by stages with protocol: ws. The target URL\'s scheme becomes ws:// (https: wss://).","properties":{"path":{"type":"string","description":"Appended to target.url; may use ${token} and other captured values."},"headers":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"Upgrade request headers (templates)."},"subprotocols":{"type":"array","items":{"type":"string"},"description":"Sec-WebSocket-Protocol values offered."},"mode":{"enum":["request_reply","stream","connect"],"description":"Default request_reply when send is set, else connect."},"send":{"type":"string","description":"request_reply: the message template (${seq}, captured values)."},"expect_reply":{"type":"object","additionalProperties":false,"description":"request_reply: how a reply is matched to its message (exactly one key).","properties":{"match":{"type":"string","description":"The reply contains this text (a template filled with the sent message\'s values)."},"regex":{"type":"string","description":"The reply matches this regular expression (a template)."},"json_field":{"type":"string","description":"The reply\'s JSON field (\\"id\\" or \\"$.a.b\\") equals the sent message\'s."}}},"subscribe":{"type":"string","description":"stream: message sent on every (re)opened connection."},"timestamp_field":{"type":"string","description":"stream: JSONPath of the server\'s send time in ms since the epoch (for lag), e.g. $.E"},"reconnect":{"type":"object","additionalProperties":false,"description":"Reconnect after a close or a failed connect.","properties":{"max":{"type":"integer","minimum":0,"description":"Reconnects per connection; default 0."},"backoff":{"$ref":"#/definitions/duration","description":"First wait; doubles per consecutive failed attempt (capped at 10 s). Default 100ms."}}},"timeout":{"$ref":"#/definitions/duration","description":"Reply and handshake timeout; default defaults.timeout."}}},"stages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/stage"}},"thresholds":{"type":"object","description":"Absolute rules: stage name (or \\"*\\" for every stage) -> metric -> rule such as \\"< 200ms\\".","additionalProperties":{"$ref":"#/definitions/thresholdRules"}},"regression":{"type":"object","description":"Rules against the stored baseline: metric -> allowed change such as \\"+15%\\", \\"-10%\\" or \\"+0.5pp\\" (error_rate), or a noise band against past runs such as \\"+3σ\\" or \\"band\\".","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/regressionRule"},"mean":{"$ref":"#/definitions/regressionRule"},"p50":{"$ref":"#/definitions/regressionRule"},"p90":{"$ref":"#/definitions/regressionRule"},"p95":{"$ref":"#/definitions/regressionRule"},"p99":{"$ref":"#/definitions/regressionRule"},"p999":{"$ref":"#/definitions/regressionRule"},"max":{"$ref":"#/definitions/regressionRule"},"error_rate":{"$ref":"#/definitions/regressionRule"},"rps":{"$ref":"#/definitions/regressionRule"},"requests":{"$ref":"#/definitions/regressionRule"},"errors":{"$ref":"#/definitions/regressionRule"},"recovery":{"$ref":"#/definitions/regressionRule"},"breaking_point":{"$ref":"#/definitions/regressionRule"},"drift":{"$ref":"#/definitions/regressionRule"},"memory_growth":{"$ref":"#/definitions/regressionRule"},"cpu_per_request":{"$ref":"#/definitions/regressionRule"},"rss_peak":{"$ref":"#/definitions/regressionRule"}}},"abort_when":{"type":["array","object"],"description":"End a stage early (and skip the rest of the plan) when a rule holds for a while; the gate then fails. A list of rules, or a map with rules and target_down (the always-on rule: ≥ 95 % connect errors for 3 s; false turns it off).","items":{"$ref":"#/definitions/abortRule"},"additionalProperties":false,"properties":{"rules":{"type":"array","items":{"$ref":"#/definitions/abortRule"},"description":"The rules; each is checked once a second on the completions of the last second."},"target_down":{"type":"boolean","description":"The default rule: abort a stage when ≥ 95 % of the completions of every second for 3 s are connect errors; default true."}}},"limits":{"type":"object","additionalProperties":false,"description":"Runaway caps a plan must raise explicitly to go beyond; a stage above one is refused at load, and a run that reaches max_requests or max_duration is stopped and fails the gate.","properties":{"max_duration":{"$ref":"#/definitions/duration","description":"The whole run\'s time (stages summed; the wall clock at run time); default 15m, at most 24 days."},"max_requests":{"type":"integer","minimum":1,"description":"Requests (and ws messages) in the whole run; default 2000000."},"max_connections":{"type":"integer","minimum":1,"description":"Per stage: users (vus), ws connections, a burst\'s size, max_in_flight; default 1000."},"max_rate":{"$ref":"#/definitions/rate","description":"Peak open-model rate (rate, a spike\'s to); default 20000/s."}}}},"definitions":{"workers":{"description":"auto (the cores the process may use) or a number of threads from 1 to 64.","anyOf":[{"const":"auto"},{"type":"integer","minimum":1,"maximum":64}]},"duration":{"type":"string","pattern":"^\\\\s*((\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(ms|s|m|h)\\\\s*)+$","description":"A duration with a unit: 500ms, 30s, 2m, 1h (compounds like 1m30s work too)."},"rate":{"description":"Requests per second: 200/s, 12000/m, or a bare number (per second).","anyOf":[{"type":"number","exclusiveMinimum":0},{"type":"string","pattern":"^\\\\s*(\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)\\\\s*(/\\\\s*(s|m|h))?\\\\s*$"}]},"status":{"description":"Accepted status code(s); default any 2xx or 3xx.","anyOf":[{"type":"integer","minimum":100,"maximum":599},{"type":"array","minItems":1,"items":{"type":"integer","minimum":100,"maximum":599}}]},"headers":{"type":"object","description":"Header name -> value (a template). Names are case-insensitive.","additionalProperties":{"type":["string","number","boolean"]}},"thresholdRule":{"type":"string","pattern":"^\\\\s*(<=|>=|<|>)","description":"A comparison and a value: \\"< 200ms\\", \\"> 190\\", \\"< 1%\\"."},"regressionRule":{"type":"string","pattern":"^\\\\s*([+-]|[Bb][Aa][Nn][Dd]\\\\s*$)","description":"A signed change: \\"+15%\\", \\"-10%\\", or \\"+0.5pp\\" for error_rate; a noise band against past runs: \\"+3σ\\" (or \\"+3sigma\\"), or \\"band\\" (3σ on the worse side)."},"thresholdRules":{"type":"object","additionalProperties":false,"properties":{"min":{"$ref":"#/definitions/thresholdRule"},"mean":{"$ref":"#/definitions/thresholdRule"},"p50":{"$ref":"#/definitions/thresholdRule"},"p90":{"$ref":"#/definitions/thresholdRule"},"p95":{"$ref":"#/definitions/thresholdRule"},"p99":{"$ref":"#/definitions/thresholdRule"},"p999":{"$ref":"#/definitions/thresholdRule"},"max":{"$ref":"#/definitions/thresholdRule"},"error_rate":{"$ref":"#/definitions/thresholdRule"},"rps":{"$ref":"#/definitions/thresholdRule"},"requests":{"$ref":"#/definitions/thresholdRule"},"errors":{"$ref":"#/definitions/thresholdRule"},"recovery":{"$ref":"#/definitions/thresholdRule"},"breaking_point":{"$ref":"#/definitions/thresholdRule"},"drift":{"$ref":"#/definitions/thresholdRule"},"memory_growth":{"$ref":"#/definitions/thresholdRule"},"cpu_per_request":{"$ref":"#/definitions/thresholdRule"},"rss_peak":{"$ref":"#/definitions/thresholdRule"}}},"request":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"name":{"type":"string","description":"Name in reports; default \\"METHOD path\\". Unique within its list."},"method":{"type":"string","description":"HTTP method (any case); default GET.","examples":["GET","POST","PUT","PATCH","DELETE"]},"path":{"type":"string","description":"Path appended to target.url, e.g. /posts?page=${seq}."},"weight":{"type":"number","exclusiveMinimum":0,"description":"Relative share of the request mix; default 1."},"headers":{"$ref":"#/definitions/headers"},"body":{"type":"string","description":"Raw request body (a template). Use either body or json."},"json":{"description":"JSON request body; its strings are templates. Use either body or json."},"expect":{"type":"object","additionalProperties":false,"properties":{"status":{"$ref":"#/definitions/status"},"body":{"type":"string","description":"The response body must contain this text."},"json":{"type":"object","description":"Values at JSONPaths of the JSON response body: a literal to equal, or a rule string such as \\">= 0\\" or \\"< 5\\".","additionalProperties":true}}},"capture":{"type":"object","description":"Variable name -> JSONPath into the JSON response ($.a.b[0]); use later as ${name}.","additionalProperties":{"type":"string","description":"A JSONPath subset into the JSON response body, e.g. $.access_token or $.items[0].id."}},"timeout":{"$ref":"#/definitions/duration","description":"Overrides defaults.timeout for this request."}}},"stage":{"type":"object","additionalProperties":false,"required":["kind"],"properties":{"name":{"type":"string","description":"Unique stage name; default the kind."},"kind":{"enum":["baseline","load","spike","burst","stress","soak"],"description":"baseline: one user back to back; load: steady rate or users; spike: low-high-low rate; burst: many at once; stress: step the rate or users up until a step breaks; soak: a long steady load, reporting drift and memory."},"protocol":{"enum":["http","ws"],"description":"Default http."},"duration":{"$ref":"#/definitions/duration","description":"baseline, load, soak: how long the stage runs (ramp included)."},"rate":{"type":["string","number","object","array"],"description":"load, soak (open model): the target request rate (200/s, 12000/m); stress: the steps, { from: 50/s, step: 50/s, max: 2000/s }, or the levels in order, [50/s, 200/s, 1000/s]."},"ramp":{"$ref":"#/definitions/duration","description":"load, spike: linear ramp time; default 0."},"vus":{"type":["integer","object","array"],"minimum":1,"description":"load, soak (closed model): number of virtual users; stress: the steps, { from: 10, step: 10, max: 200 }, or the levels in order, [10, 50, 100, 500, 1000]."},"think":{"$ref":"#/definitions/duration","description":"load, soak, stress with vus: pause between a user\'s requests; default 0."},"from":{"$ref":"#/definitions/rate","description":"spike: the low rate."},"to":{"$ref":"#/definitions/rate","description":"spike: the high rate."},"before":{"$ref":"#/definitions/duration","description":"spike: time at the low rate before the ramp; default 5s."},"hold":{"$ref":"#/definitions/duration","description":"spike: time at the high rate."},"after":{"$ref":"#/definitions/duration","description":"spike: time back at the low rate, in which recovery is measured."},"size":{"type":"integer","minimum":1,"description":"burst: requests released at once."},"cycles":{"type":"integer","minimum":1,"description":"burst: how many bursts."},"pause":{"$ref":"#/definitions/duration","description":"burst: pause between bursts; default 1s."},"max_in_flight":{"type":"integer","minimum":1,"description":"Cap on requests in flight; default 1000."},"connections":{"type":"integer","minimum":1,"description":"protocol ws: number of connections."},"workers":{"$ref":"#/definitions/workers","description":"HTTP load, spike, burst: worker threads the stage runs on (auto = one per core); default 1."},"pipelining":{"type":"integer","minimum":1,"maximum":64,"description":"HTTP: requests in flight per connection (HTTP/1.1 pipelining, like autocannon -p); the pool opens 1/pipelining as many connections. Default 1."},"every":{"$ref":"#/definitions/duration","description":"stress: how long each step runs."},"until":{"$ref":"#/definitions/thresholdRules","description":"stress: what every step must meet (latency percentiles, error_rate), e.g. { p95: \\"< 200ms\\", error_rate: \\"< 1%\\" }; default: the plan\'s latency and error_rate thresholds for the stage and \\"*\\"."},"metrics":{"type":"string","description":"soak: a path on the target serving Prometheus text; process_resident_memory_bytes is read before and after the stage."},"requests":{"type":"array","items":{"type":"string"},"minItems":1,"description":"HTTP stages: the names of the top-level requests this stage draws from (their weights kept); default all."},"setup":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests sent once, in order, before the stage (not measured); their captures reach every user."},"verify":{"type":"array","items":{"$ref":"#/definitions/request"},"description":"Requests sent once after the stage has drained (not measured); each is a check of kind verify (expect.status, expect.body, expect.json)."}}},"abortRule":{"type":"object","additionalProperties":false,"required":["metric","op","value"],"properties":{"metric":{"enum":["error_rate","connect_error_rate","p50","p90","p95","p99","max"],"description":"Watched per second of completions (a latency: of the requests that completed in that second)."},"op":{"enum":[">",">="],"description":"Abort when the metric is above (or at least) the value."},"value":{"type":["string","number"],"description":"As in thresholds: 50% or 0.5 for a rate, 2s, 200ms or a bare number of ms for a latency."},"for":{"$ref":"#/definitions/duration","description":"How long the rule must hold, second after second; default 0s (the first second that crosses)."},"delay":{"$ref":"#/definitions/duration","description":"Do not judge this early into the stage (k6\'s delayAbortEval); default 0s."},"stage":{"type":["string","array"],"items":{"type":"string"},"description":"Only this stage (or these stages), by name; default every stage."}}}}}');
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
    const where = formatPath(path);
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const allowed = Object.keys(e.parentSchema.properties ?? {});
            // Under thresholds and regression the keys are metric names: say so.
            const what = path[0] === 'regression' || (path[0] === 'thresholds' && path.length === 2) ? 'metric' : 'key';
            return { path: [...path, key], at: 'key', message: `unknown ${what} ${(0,units/* show */.WU)(key)} in ${where}${suggestion(key, allowed)}` };
        }
        case 'required':
            return { path, at: 'value', message: `${where} is missing ${(0,units/* show */.WU)(e.params.missingProperty)}` };
        case 'type': {
            const types = String(e.params.type).split(',');
            return { path, at: 'value', message: `${where} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}` };
        }
        case 'enum': {
            const allowed = e.params.allowedValues.map(String);
            const near = typeof e.data === 'string' ? suggestion(e.data, allowed) : ` (allowed: ${allowed.join(', ')})`;
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

;// CONCATENATED MODULE: ./src/plan/stage-time.ts
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

;// CONCATENATED MODULE: ./src/plan/check-stages.ts
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
    list(raw).forEach((item, i) => {
        const data = record(item);
        const stage = readStage(c, data, ['stages', i]);
        if (!stage)
            return;
        stages.push(stage);
        const seen = firstIndex.get(stage.name);
        if (seen === undefined)
            return void firstIndex.set(stage.name, i);
        const hint = 'name' in data ? '' : ' (the name defaults to the kind; give each stage a name)';
        const at = 'name' in data ? ['stages', i, 'name'] : ['stages', i];
        c.add(at, `stages[${i}]: duplicate stage name ${(0,units/* show */.WU)(stage.name)} (also stages[${seen}])${hint}`);
    });
    return stages;
}
/** undefined when the kind itself is missing or wrong (the schema check reports that). */
function readStage(c, s, path) {
    if (!isKind(s.kind))
        return undefined;
    const kind = s.kind;
    const where = formatPath(path);
    const protocol = s.protocol === 'ws' ? 'ws' : 'http';
    for (const key of Object.keys(s)) {
        if (KIND_SPECIFIC.has(key) && !KIND_KEYS[kind].includes(key)) {
            c.add([...path, key], `${where}: ${(0,units/* show */.WU)(key)} does not apply to a ${kind} stage (it uses: ${KIND_KEYS[kind].join(', ')})`, 'key');
        }
    }
    // A misspelt key (`durration`) is already reported with "did you mean"; don't also call it missing.
    const unknown = Object.keys(s).filter((k) => !STAGE_KEYS.has(k));
    for (const key of REQUIRED[kind]) {
        if (!(key in s) && !unknown.some((k) => closest(k, [key])))
            c.add(path, `${where} (${kind}) is missing ${(0,units/* show */.WU)(key)}`);
    }
    if ('connections' in s && protocol !== 'ws')
        c.add([...path, 'connections'], `${where}: "connections" only applies with protocol: ws`, 'key');
    if ('connections' in s && protocol === 'ws' && kind === 'baseline') {
        c.add([...path, 'connections'], `${where}: a baseline stage uses one connection; use a load stage for more`, 'key');
    }
    if ('vus' in s && protocol === 'ws') {
        c.add([...path, 'vus'], `${where}: with protocol: ws use "connections" (each sends its next message when the reply arrives; add rate for the open model)`, 'key');
    }
    if (str(s.name) === '*')
        c.add([...path, 'name'], `${where}: "*" cannot be a stage name (in thresholds it means every stage)`);
    const base = { name: str(s.name) ?? kind, protocol, maxInFlight: checks_int(s.max_in_flight) ?? STAGE_DEFAULTS.maxInFlight };
    if (protocol === 'ws')
        base.connections = kind === 'baseline' ? 1 : (checks_int(s.connections) ?? 1);
    if (protocol === 'ws' && (kind === 'stress' || kind === 'soak')) {
        c.add([...path, 'protocol'], `${where}: a ${kind} stage is HTTP only (protocol: ws is not supported for it yet)`);
    }
    const workers = readWorkers(c, s, path, kind, protocol);
    if (workers !== undefined)
        base.workers = workers;
    const pipelining = readPipelining(c, s, path, protocol);
    if (pipelining !== undefined)
        base.pipelining = pipelining;
    const ms = (key, fallback) => c.unit(s, key, path, units/* parseDuration */.E9, fallback);
    const rate = (key) => c.unit(s, key, path, units/* parseRate */.WN, 1);
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
                c.add([...path, 'to'], `${where}: to (${(0,units/* show */.WU)(s.to)}) must be higher than from (${(0,units/* show */.WU)(s.from)})`);
            }
            return stage;
        }
        case 'burst':
            return { ...base, kind, size: checks_int(s.size) ?? 1, cycles: checks_int(s.cycles) ?? 1, pauseMs: ms('pause', STAGE_DEFAULTS.burstPauseMs) };
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
    const v = checks_int(s.pipelining);
    if (v === undefined || v < 1 || v > MAX_PIPELINING) {
        c.add(at, `${formatPath(at)}: ${(0,units/* show */.WU)(s.pipelining)} is not a pipelining depth: use a whole number from 1 (no pipelining) to ${MAX_PIPELINING}`);
        return undefined;
    }
    if (protocol === 'ws') {
        c.add(at, `${formatPath(path)}: pipelining applies to HTTP stages only (a WebSocket sends messages on its open connection)`, 'key');
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
    const where = formatPath(path);
    const v = s.workers;
    if (v !== 'auto' && (checks_int(v) === undefined || v < 1)) {
        c.add(at, `${formatPath(at)}: ${(0,units/* show */.WU)(v)} is not a number of workers: use auto (one per core) or a whole number from 1 to ${MAX_WORKERS}`);
        return undefined;
    }
    if (typeof v === 'number' && v > MAX_WORKERS) {
        c.add(at, `${formatPath(at)}: ${v} workers is more than ${MAX_WORKERS}; auto uses every core the runner has`);
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
    const where = formatPath(path);
    if ('rate' in s && 'vus' in s)
        c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
    const ws = base.protocol === 'ws';
    // A ws load stage without rate is closed: each connection sends its next message on the reply.
    if (!ws && !('rate' in s) && !('vus' in s))
        c.add(path, `${where} (${str(s.kind) ?? 'load'}) needs rate (open model) or vus (closed model)`);
    if ('think' in s && ('rate' in s || (!ws && !('vus' in s)))) {
        c.add([...path, 'think'], ws ? `${where}: "think" only applies to the closed model (connections without rate)` : `${where}: "think" only applies with vus (closed model)`, 'key');
    }
    if (typeof s.vus === 'object' && s.vus !== null)
        c.add([...path, 'vus'], `${where}: vus is a number of users here (steps like { from, step, max } or a list of levels are for stress stages)`);
    const durationMs = positive(c, s, path, 'duration', ms('duration', 1));
    const rampMs = ms('ramp', 0);
    if ('ramp' in s && 'duration' in s && rampMs >= durationMs) {
        c.add([...path, 'ramp'], `${where}: ramp (${(0,units/* show */.WU)(s.ramp)}) must be shorter than duration (${(0,units/* show */.WU)(s.duration)}): the ramp is part of it`);
    }
    if (ws && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: base.connections ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    if ('vus' in s && !('rate' in s)) {
        return { ...base, kind: 'load', model: 'closed', vus: checks_int(s.vus) ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
    }
    return { ...base, kind: 'load', model: 'open', rate: rate('rate'), rampMs, durationMs };
}
/** A stage that lasts 0 ms measures nothing. */
function positive(c, s, path, key, value) {
    if (key in s && value <= 0)
        c.add([...path, key], `${formatPath([...path, key])} must be longer than 0`);
    return value;
}
/** More steps than this is a typo (a step of 0.001/s), not a search for a breaking point. */
const MAX_STRESS_STEPS = 1000;
/** A stress stage's `rate:` or `vus:` map: where the steps start, how much each adds, the most. */
const STEP_KEYS = ['from', 'step', 'max'];
function readStress(c, s, path, base, ms) {
    const where = formatPath(path);
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
const BREAK_METRICS = [...units/* LATENCY_METRICS */.Z$, 'error_rate'];
const isBreakMetric = (m) => BREAK_METRICS.includes(m);
function readUntil(c, raw, path) {
    const where = formatPath(path);
    const example = '{ p95: "< 200ms", error_rate: "< 1%" }';
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length === 0) {
        c.add(path, `${where}: write the conditions every step must meet, e.g. ${example}`);
        return [];
    }
    const rules = [];
    for (const [metric, rule] of Object.entries(raw)) {
        const at = [...path, metric];
        if (!(0,units/* isMetric */.NI)(metric))
            continue; // the schema check names it, with a suggestion
        if (!isBreakMetric(metric)) {
            c.add(at, `${where}: ${(0,units/* show */.WU)(metric)} cannot judge a step: a step is judged on its latency percentiles and error_rate${suggestion(metric, BREAK_METRICS)}`, 'key');
            continue;
        }
        try {
            rules.push((0,units/* parseThreshold */.B7)(metric, rule));
        }
        catch (err) {
            c.add(at, `${formatPath(at)}: ${err.message}`);
        }
    }
    return rules;
}
/** A user count of a stress step: a whole number from 1. */
const userCount = (v) => {
    if (checks_int(v) === undefined || v < 1)
        throw new src_errors/* UnitError */.tR(`${(0,units/* show */.WU)(v)} is not a number of users: use a whole number from 1`);
    return v;
};
/**
 * `vus: [10, 50, 100, 500]` or `rate: [50/s, 200/s]`: the levels run in order, each going up.
 * `from` and `max` are the first and last; `step` is 0 (the gaps are the list's).
 */
function readLevels(c, raw, path, users) {
    const where = formatPath(path);
    const issuesBefore = c.issues.length;
    if (raw.length === 0)
        c.add(path, `${where}: list at least one level, e.g. ${users ? '[10, 50, 100]' : '[50/s, 200/s, 1000/s]'}`);
    if (raw.length > MAX_STRESS_STEPS)
        c.add(path, `${where}: ${raw.length.toLocaleString('en-US')} levels; at most ${MAX_STRESS_STEPS}`);
    const levels = raw.map((v, i) => {
        try {
            return users ? userCount(v) : (0,units/* parseRate */.WN)(v);
        }
        catch (err) {
            c.add([...path, i], `${formatPath([...path, i])}: ${err.message}`);
            return 1;
        }
    });
    if (c.issues.length === issuesBefore) {
        const down = levels.findIndex((level, i) => i > 0 && level <= levels[i - 1]);
        if (down > 0)
            c.add([...path, down], `${formatPath([...path, down])}: ${(0,units/* show */.WU)(raw[down])} does not go up from ${(0,units/* show */.WU)(raw[down - 1])}: list the levels from lowest to highest, each once`);
    }
    return { from: levels[0] ?? 1, step: 0, max: levels[levels.length - 1] ?? 1, levels };
}
function readSteps(c, raw, path, users) {
    const out = { from: 1, step: 1, max: 1 };
    const where = formatPath(path);
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
            c.add([...path, k], `${where}: unknown key ${(0,units/* show */.WU)(k)} (the steps are ${example})`, 'key');
    }
    const issuesBefore = c.issues.length;
    for (const k of STEP_KEYS) {
        if (!(k in data)) {
            c.add(path, `${where} is missing ${(0,units/* show */.WU)(k)} (the steps are ${example})`);
            continue;
        }
        out[k] = c.unit(data, k, path, users ? userCount : units/* parseRate */.WN, 1);
    }
    // Only steps that are all there and all numbers can be counted or compared.
    if (c.issues.length > issuesBefore)
        return out;
    if (out.max < out.from) {
        c.add([...path, 'max'], `${formatPath([...path, 'max'])}: ${(0,units/* show */.WU)(data.max)} is below from (${(0,units/* show */.WU)(data.from)}): max is the highest level the steps may reach`);
    }
    else if (stressStepCount(out) > MAX_STRESS_STEPS) {
        c.add([...path, 'step'], `${formatPath([...path, 'step'])}: ${(0,units/* show */.WU)(data.step)} makes ${stressStepCount(out).toLocaleString('en-US')} steps from ${(0,units/* show */.WU)(data.from)} to ${(0,units/* show */.WU)(data.max)}; at most ${MAX_STRESS_STEPS} (take bigger steps)`);
    }
    return out;
}
function readSoak(c, s, path, base, ms, rate) {
    const load = readLoad(c, s, path, base, ms, rate);
    const where = formatPath(path);
    const steadyMs = load.durationMs - load.rampMs;
    if ('duration' in s && load.durationMs > 0 && steadyMs > 0 && steadyMs < MIN_SOAK_MS) {
        const what = load.rampMs > 0 ? `${(0,units/* show */.WU)(s.duration)} with a ${(0,units/* show */.WU)(s.ramp)} ramp holds it ${steadyMs / 1000}s` : `${(0,units/* show */.WU)(s.duration)} is shorter`;
        c.add([...path, 'duration'], `${where}: a soak stage must hold its load at least ${MIN_SOAK_MS / 1000}s after its ramp (${what}): its drift compares the first and last tenth of that`);
    }
    const soak = { ...load, kind: 'soak' };
    if ('metrics' in s) {
        const m = s.metrics;
        // A path on the target, like target.ready: an absolute or //host value would send the probe
        // elsewhere, past the load-destination check.
        if (typeof m !== 'string' || !/^\/(?!\/)/.test(m)) {
            c.add([...path, 'metrics'], `${formatPath([...path, 'metrics'])}: ${(0,units/* show */.WU)(m)} must be a path on the target, starting with one /, e.g. /metrics`);
        }
        else {
            soak.metricsPath = m;
        }
    }
    return soak;
}

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
    const data = record(raw);
    return {
        rules: readRules(c, list(data.rules), ['abort_when', 'rules'], stages),
        // Wrong types are the schema check's to report; only an explicit false turns the rule off.
        targetDown: data.target_down !== false,
    };
}
function readRules(c, raw, at, stages) {
    const rules = [];
    raw.forEach((item, i) => {
        const rule = readRule(c, record(item), [...at, i], stages);
        if (rule)
            rules.push(rule);
    });
    return rules;
}
function readRule(c, r, path, stages) {
    const metric = str(r.metric);
    const op = str(r.op);
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
        c.add([...path, 'value'], `${formatPath([...path, 'value'])}: ${err.message}`);
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
            c.add(Array.isArray(raw) ? [...path, i] : path, `${formatPath(path)}: unknown stage ${(0,units/* show */.WU)(name)}${suggestion(name, names)}`);
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
const check_limits_HERE = ['limits'];
/** The `limits:` block with defaults for what it leaves out. */
function readLimits(c, raw) {
    const limits = { ...DEFAULT_LIMITS };
    // Counts that are not whole numbers ≥ 1 are the schema check's to report.
    const count = (v) => {
        const n = checks_int(v);
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
        const value = c.unit(raw, key, check_limits_HERE, parsers[field], DEFAULT_LIMITS[field]);
        if (value > LIMIT_CEILINGS[field]) {
            c.add([...check_limits_HERE, key], `limits.${key}: ${(0,units/* show */.WU)(raw[key])} is above the most perf-gate allows (${format(field, LIMIT_CEILINGS[field])})`);
        }
        else if (value > 0) {
            limits[field] = value;
        }
        else if (!Number.isNaN(value)) {
            c.add([...check_limits_HERE, key], `limits.${key} must be more than 0`);
        }
    }
    return limits;
}
/** Stages as the plan has them, each with its index in the `stages:` list (readStages skips entries without a valid kind). */
function withIndex(rawStages, stages) {
    const kinds = ['baseline', 'load', 'spike', 'burst', 'stress', 'soak'];
    const valid = list(rawStages)
        .map((item, i) => ({ raw: record(item), path: ['stages', i] }))
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
        const where = formatPath(path);
        // Peak rate (open model and spikes).
        const peak = peakRate(spec, s, path);
        if (peak && peak.value > limits.maxRate) {
            c.add(peak.at, `${formatPath(peak.at)}: ${(0,units/* formatRate */.CE)(peak.value)} is above limits.max_rate (${(0,units/* formatRate */.CE)(limits.maxRate)})${raise('max_rate')}`);
        }
        checkConcurrency(c, spec, s, path, limits);
        // The whole run's planned time: reported once, at the stage that takes it over the limit.
        const stageMs = plannedDurationMs(spec);
        totalMs += stageMs;
        if (!durationReported && totalMs > limits.maxDurationMs) {
            durationReported = true;
            const at = keyPath(s, path, 'duration', 'hold', 'cycles', 'every');
            const what = stageMs > limits.maxDurationMs ? `${where} runs ${(0,units/* formatMs */._V)(stageMs)}` : `${where} brings the planned time of the run to ${(0,units/* formatMs */._V)(totalMs)}`;
            c.add(at, `${what}, above limits.max_duration (${(0,units/* formatMs */._V)(limits.maxDurationMs)})${raise('max_duration')}`);
        }
        // The whole run's scheduled requests (open model, spikes, bursts; closed models are capped at run time).
        const requests = plannedRequests(spec);
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
        c.add(at, `${formatPath(at)}: ${what} is above ${cap}${fix}`);
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
            c.add(at, `${formatPath(at)}: ${(0,units/* show */.WU)(obj[key])} is longer than ${(0,units/* formatMs */._V)(MAX_TIMER_MS)}, the longest wait perf-gate can time`);
        else if (positive && ms <= 0)
            c.add(at, `${formatPath(at)} must be longer than 0`);
    };
    const target = record(raw.target);
    check(target, 'ready_timeout', ['target'], true);
    check(record(raw.defaults), 'timeout', ['defaults'], true);
    for (const list_ of ['session', 'requests']) {
        // Zero request timeouts are refused in check-requests.ts.
        list(raw[list_]).forEach((item, i) => check(record(item), 'timeout', [list_, i], false));
    }
    const ws = record(raw.websocket);
    check(ws, 'timeout', ['websocket'], true);
    check(record(ws.reconnect), 'backoff', ['websocket', 'reconnect'], false);
    list(raw.stages).forEach((item, i) => {
        for (const key of ['duration', 'ramp', 'think', 'before', 'hold', 'after', 'pause', 'every'])
            check(record(item), key, ['stages', i], false);
    });
}
function format(field, value) {
    if (field === 'maxDurationMs')
        return (0,units/* formatMs */._V)(value);
    if (field === 'maxRate')
        return (0,units/* formatRate */.CE)(value);
    return (0,units/* formatCount */.B4)(value);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
;// CONCATENATED MODULE: ./src/plan/check-data.ts
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
    const dir = external_node_path_default().dirname(planFile);
    return (file) => {
        const full = external_node_path_default().resolve(dir, file);
        const text = (0,external_node_fs_.readFileSync)(full, 'utf8');
        if (Buffer.byteLength(text) > MAX_DATA_BYTES)
            throw new Error(`it is over ${MAX_DATA_BYTES / 1024 / 1024} MiB`);
        return text;
    };
}
function readData(c, raw, read) {
    const out = {};
    for (const [name, entryRaw] of Object.entries(record(raw))) {
        const p = ['data', name];
        if (!SET_NAME.test(name)) {
            c.add(p, `${formatPath(p)}: ${(0,units/* show */.WU)(name)} cannot be a data set name: use letters, digits and _ (it is used as \${${name}.COLUMN})`, 'key');
            continue;
        }
        const entry = record(entryRaw);
        const file = str(entry.file);
        if (file === undefined)
            continue; // the schema check names the missing key
        const pick = (str(entry.pick) ?? 'sequential');
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
            c.add([...p, 'file'], `${formatPath([...p, 'file'])}: cannot read ${(0,units/* show */.WU)(file)}: ${reason}`);
            continue;
        }
        const table = /\.json$/i.test(file) ? tableFromJson(text) : tableFromCsv(text);
        if (typeof table === 'string') {
            c.add([...p, 'file'], `${formatPath([...p, 'file'])}: ${file}${table}`);
            continue;
        }
        if (table.rows.length === 0) {
            c.add([...p, 'file'], `${formatPath([...p, 'file'])}: ${file} has no rows`);
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
        records = (0,sync/* parse */.qg)(text, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] });
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
        return `:1: the header row names ${(0,units/* show */.WU)(twice)} twice`;
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
                    if (isSecretWorthy(row[i] ?? ''))
                        out.add(row[i]);
        });
    }
    return [...out];
}

;// CONCATENATED MODULE: ./src/plan/placeholders.ts
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
const placeholders_PLACEHOLDER = /\$?\$\{([^{}]*)\}/g;
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
    for (const m of text.matchAll(placeholders_PLACEHOLDER))
        if (!m[0].startsWith('$$'))
            out.push(parsePlaceholder(m[1]));
    return out;
}
/** The vars key a data column is kept under (a user's row is copied into its vars). */
const dataKey = (set, column) => `${set}.${column}`;

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
    const raws = list(rawStages).map(record);
    for (const stage of stages) {
        const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
        if (i < 0)
            continue;
        const raw = raws[i];
        const at = ['stages', i];
        if ('requests' in raw) {
            const names = list(raw.requests);
            if (stage.protocol === 'ws')
                c.add([...at, 'requests'], `${formatPath(at)}: requests: picks from the HTTP mix; a ws stage sends the websocket: block`, 'key');
            names.forEach((n, j) => {
                if (typeof n === 'string' && !requestNames.includes(n)) {
                    c.add([...at, 'requests', j], `${formatPath([...at, 'requests', j])}: no request is named ${(0,units/* show */.WU)(n)}${suggestion(n, requestNames)}`);
                }
            });
            const picked = names.filter((n) => typeof n === 'string');
            if (names.length === 0)
                c.add([...at, 'requests'], `${formatPath([...at, 'requests'])}: name at least one request (or drop the key to draw from them all)`);
            else
                stage.requests = [...new Set(picked)];
        }
        if ('setup' in raw)
            stage.setup = readRequests(c, raw.setup, [...at, 'setup'], defaults);
        if ('verify' in raw)
            stage.verify = readRequests(c, raw.verify, [...at, 'verify'], defaults);
    }
}
/** Every placeholder in the request strings: it parses, and names a declared data set and column. */
function checkPlaceholders(c, raw, data) {
    const check = (text, path) => {
        if (!text.includes('${'))
            return;
        for (const m of text.matchAll(placeholders_PLACEHOLDER)) {
            if (m[0].startsWith('$$'))
                continue;
            const p = parsePlaceholder(m[1]);
            if (typeof p === 'string') {
                c.add(path, `${formatPath(path)}: ${p}`);
                continue;
            }
            if (p.kind !== 'data')
                continue;
            const set = data[p.set];
            if (!set) {
                // A set declared but unreadable is reported at its file already.
                if (p.set in record(raw.data))
                    continue;
                const known = Object.keys(record(raw.data));
                c.add(path, `${formatPath(path)}: \${${p.set}.${p.column}} names no data set${known.length ? suggestion(p.set, known) : `: declare it, e.g. data: { ${p.set}: { file: ${p.set}.csv } }`}`);
            }
            else if (!set.columns.includes(p.column)) {
                c.add(path, `${formatPath(path)}: ${set.file} has no column ${(0,units/* show */.WU)(p.column)}${suggestion(p.column, set.columns)}`);
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
    yield* walk(record(raw.defaults).headers, ['defaults', 'headers']);
    yield* walk(raw.session, ['session']);
    yield* walk(raw.requests, ['requests']);
    yield* walk(raw.websocket, ['websocket']);
    for (const [i, s] of list(raw.stages).entries()) {
        yield* walk(record(s).setup, ['stages', i, 'setup']);
        yield* walk(record(s).verify, ['stages', i, 'verify']);
    }
}
/** The data sets a request's strings name. */
function dataSetsOf(value) {
    const out = new Set();
    const walk = (v) => {
        if (typeof v === 'string') {
            if (!v.includes('${'))
                return;
            for (const m of v.matchAll(placeholders_PLACEHOLDER)) {
                const p = m[0].startsWith('$$') ? undefined : parsePlaceholder(m[1]);
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
    const raws = list(rawStages).map(record);
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
            const n = closedUsers(stage);
            if (n > 0) {
                total += n;
                users.push(`${stage.name} ${n}`);
            }
            if (stage.workers !== undefined && stage.workers !== 1) {
                const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
                c.add(['stages', Math.max(0, i), 'workers'], `${formatPath(['stages', Math.max(0, i)])}: reads data set ${(0,units/* show */.WU)(set.name)} (pick: unique), whose rows cannot be shared out between worker threads; drop workers: or use pick: sequential`);
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
    const c = new Checks();
    const raw = record(data);
    const defaultsRaw = record(raw.defaults);
    const defaults = {
        timeoutMs: c.unit(defaultsRaw, 'timeout', ['defaults'], units/* parseDuration */.E9, PLAN_DEFAULTS.requestTimeoutMs),
        headers: lowerHeaders(defaultsRaw.headers),
    };
    const stages = readStages(c, raw.stages);
    const plan = {
        version: 1,
        file,
        target: readTarget(c, record(raw.target)),
        defaults,
        session: readRequests(c, raw.session, ['session'], defaults),
        requests: readRequests(c, raw.requests, ['requests'], defaults),
        stages,
        thresholds: readThresholds(c, record(raw.thresholds), stages, hasResourceSource(record(raw.target))),
        limits: readLimits(c, record(raw.limits)),
    };
    readStageFlows(c, raw.stages, stages, plan.requests.map((r) => r.name), defaults);
    if ('data' in raw) {
        plan.data = readData(c, raw.data, readDataFile ?? noDataFiles);
    }
    checkPlaceholders(c, raw, plan.data ?? {});
    checkUniqueRows(c, plan, raw.stages);
    resolveStressConditions(c, raw.stages, plan);
    // Absent = the default rules; `regression: {}` = none (thresholds only).
    if ('regression' in raw)
        plan.regression = readRegression(c, record(raw.regression), hasResourceSource(record(raw.target)));
    if ('abort_when' in raw)
        plan.abortWhen = readAbortWhen(c, raw.abort_when, stages);
    if ('websocket' in raw)
        plan.websocket = readWebSocket(c, record(raw.websocket), defaults.timeoutMs);
    checkWsStages(c, raw.stages, stages, plan.websocket);
    checkProtocols(c, raw);
    checkLimits(c, raw, plan);
    return { plan, issues: c.issues };
}
const noDataFiles = () => {
    throw new Error('data files are read only from a plan file');
};
function readTarget(c, t) {
    const url = str(t.url) ?? '';
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
        readProcess(c, record(t.process), target);
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
    const stages = list(raw.stages).map(record);
    if (stages.some((s) => s.protocol !== 'ws') && list(raw.requests).length === 0) {
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
            c.add(['thresholds', stage], `thresholds: unknown stage ${(0,units/* show */.WU)(stage)}${suggestion(stage, ['*', ...names])}`, 'key');
        }
        const rules = [];
        for (const [metric, rule] of Object.entries(record(metricsRaw))) {
            if (!(0,units/* isMetric */.NI)(metric))
                continue; // the schema check names it, with a suggestion
            const path = ['thresholds', stage, metric];
            try {
                rules.push((0,units/* parseThreshold */.B7)(metric, rule));
            }
            catch (err) {
                c.add(path, `${formatPath(path)}: ${err.message}`);
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
    const where = formatPath(['thresholds', stage]);
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
const noResourceSource = (where, metric) => `${formatPath(where)}: ${metric} is read from the app's processes, and this plan names none: add target.start (perf-gate starts the app and reads its process group) or target.process: { pid_file: PATH } or { cgroup: PATH }`;
/** memory_growth needs the soak to read the target's memory: its metrics page, or the app's resource source. */
function checkMemorySampled(c, stage, stages, resourced) {
    if (resourced)
        return;
    const soaks = stages.filter((s) => s.kind === 'soak' && (stage === '*' || s.name === stage));
    const unsampled = soaks.find((s) => s.metricsPath === undefined);
    if (stage !== '*' && unsampled) {
        c.add(['thresholds', stage, 'memory_growth'], `${formatPath(['thresholds', stage])}: memory_growth needs the stage to read the target's memory: add metrics: /metrics (a path serving Prometheus text) to ${(0,units/* show */.WU)(stage)}`, 'key');
    }
    else if (stage === '*' && soaks.length > 0 && soaks.every((s) => s.metricsPath === undefined)) {
        c.add(['thresholds', stage, 'memory_growth'], `${formatPath(['thresholds', stage])}: memory_growth needs a soak stage that reads the target's memory (metrics: /metrics), and none does`, 'key');
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
    if (isBreakMetric(metric)) {
        // With its own until:, the stage's latency and error thresholds would judge nothing at all.
        if (target.untilFrom === 'until')
            c.add(['thresholds', stage, metric], `${formatPath(['thresholds', stage])}: ${(0,units/* show */.WU)(stage)} judges its steps on its until: (${metric} here would judge nothing); move the rule into until:`, 'key');
        return;
    }
    c.add(['thresholds', stage, metric], `${formatPath(['thresholds', stage])}: a stress stage is gated on breaking_point (its steps are judged on latency and error_rate); ${metric} over all its steps has no meaning`, 'key');
}
/**
 * A stress stage without `until:` is judged step by step on the plan's latency and error_rate
 * thresholds for it and "*"; with neither, no step could ever break. With `until:`, the "*" rules
 * on metrics it does not name are added to it: a plan-wide error limit is never dropped in silence.
 */
function resolveStressConditions(c, rawStages, plan) {
    const raws = list(rawStages).map(record);
    for (const stage of plan.stages) {
        if (stage.kind !== 'stress')
            continue;
        if (stage.untilFrom === 'until') {
            // "*" latency and error rules judge its steps too, unless until: sets that metric itself.
            const own = new Set(stage.until.map((r) => r.metric));
            stage.until = [...stage.until, ...(plan.thresholds['*'] ?? []).filter((r) => isBreakMetric(r.metric) && !own.has(r.metric))];
            continue;
        }
        stage.until = [...(plan.thresholds['*'] ?? []), ...(plan.thresholds[stage.name] ?? [])].filter((r) => isBreakMetric(r.metric));
        if (stage.until.length > 0)
            continue;
        const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
        c.add(i >= 0 ? ['stages', i] : ['stages'], `${formatPath(['stages', Math.max(0, i)])} (stress) has nothing to break on: add until: { p95: "< 200ms", error_rate: "< 1%" }, or latency / error_rate thresholds for ${(0,units/* show */.WU)(stage.name)} or "*"`);
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
function parsePlan(text, file, env, readData = dataReaderBeside(file)) {
    const tooBig = sizeProblem(Buffer.byteLength(text, 'utf8'), file);
    if (tooBig)
        throw new src_errors/* PlanError */.W6([tooBig]);
    const parsed = parseYaml(text);
    if (parsed.syntaxErrors.length) {
        // The data behind a syntax error is partial: checking it would only add confusing noise.
        throw new src_errors/* PlanError */.W6(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    }
    const substituted = interpolate(parsed.value, env);
    const { plan, issues } = buildPlan(substituted.value, file, readData);
    const all = [...substituted.issues, ...schemaIssues(substituted.value), ...issues];
    const secrets = [...new Set([...substituted.secrets, ...headerSecrets(plan), ...dataSecrets(plan.data)])];
    if (all.length) {
        // Messages quote the values they refuse: one quoting `${TOKEN}`'s value would print the token.
        const redactor = new redact/* Redactor */.pO().add(secrets);
        throw new src_errors/* PlanError */.W6(sortProblems(all.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
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
        if (err instanceof src_errors/* PlanError */.W6)
            throw err;
        const code = err.code ?? '';
        const reason = OS_REASONS[code] ?? err.message;
        throw new src_errors/* PlanError */.W6([{ file, line: 1, col: 1, message: `cannot read the plan: ${reason}` }]);
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
            throw new src_errors/* PlanError */.W6([tooBig]);
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
    return { file, ...locate(source, issue.path, issue.at), message: issue.message };
}
/** By line, then column, then message; exact duplicates dropped. */
function sortProblems(problems) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
    return sorted.filter((p, i) => i === 0 || p.message !== sorted[i - 1].message || p.line !== sorted[i - 1].line || p.col !== sorted[i - 1].col);
}

;// CONCATENATED MODULE: ./src/plan/index.ts






// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/load/deadlines.ts
/**
 * Deadlines for things in flight (HTTP requests, WebSocket replies). The engine's timers are its
 * own: undici's run on a coarse clock (a 300 ms timeout fired after 600 to 1000 ms), so in-flight
 * items are swept every few ms instead. Items with the same timeout expire in the order they were
 * started, so a queue only ever looks at its head.
 */
const SWEEP_MS = 5;
class DeadlineQueue {
    items = [];
    head = 0;
    push(item) {
        this.items.push(item);
    }
    /** Calls `onExpired` for every unsettled item whose deadline is past, oldest first. */
    expire(now, onExpired) {
        while (this.head < this.items.length) {
            const item = this.items[this.head];
            if (!item.done && item.deadline > now)
                break;
            if (!item.done)
                onExpired(item);
            this.head++;
        }
        // Drop the passed head now and then, so the array does not grow for the whole stage.
        if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
    }
}

;// CONCATENATED MODULE: ./src/load/http.ts
/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */





const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
function classifyTransportError(err) {
    const code = err?.code ?? '';
    return TIMEOUT_CODES.has(code) ? 'timeout' : 'connect';
}
/**
 * Bodies read for checks and captures are kept up to exactly this size; the rest is read off the
 * socket and dropped as it arrives (a body nobody reads is never kept at all). A body that never
 * ends ends at the request's deadline, as a timeout.
 */
const BODY_KEEP_LIMIT = 1024 * 1024;
/**
 * Collects one response straight from undici's dispatch callbacks: no body stream, no per-chunk
 * promise, which is most of what `request()` would cost per request in a load generator. It speaks
 * undici's core handler methods (onConnect / onHeaders / onData / onComplete), as undici's own
 * `request()` does: the controller-style methods make undici wrap every request in two more
 * objects and parse every response's headers into an object, where we need one header of a 429.
 */
class ResponseCollector {
    resolve;
    deadline;
    client;
    status = 0;
    retryAfter;
    chunks;
    kept = 0;
    abort;
    done = false;
    constructor(readBody, resolve, 
    /** performance.now() after which the request has timed out. */
    deadline, client) {
        this.resolve = resolve;
        this.deadline = deadline;
        this.client = client;
        if (readBody)
            this.chunks = [];
    }
    settle(outcome) {
        if (this.done)
            return;
        this.done = true;
        this.resolve(outcome);
    }
    /** Called by the client's sweeper at the deadline: the whole request took too long. */
    timeOut(timeoutMs) {
        const message = `no complete response within ${timeoutMs} ms`;
        this.settle({ status: 0, failure: 'timeout', failureMessage: message });
        this.abort?.(new Error(message));
    }
    onConnect(abort) {
        this.abort = abort;
        if (this.done)
            abort(new Error('timed out before it was sent'));
    }
    onHeaders(statusCode, rawHeaders) {
        this.status = statusCode;
        if (statusCode === 429)
            this.retryAfter = rawHeaderValue(rawHeaders, 'retry-after');
        return true;
    }
    /** The run was stopped: settle now, as cancelled, and drop the request. */
    cancel() {
        this.settle({ status: 0, cancelled: true });
        this.abort?.(new Error('cancelled: the run was stopped'));
    }
    onData(chunk) {
        if (this.chunks && this.kept < BODY_KEEP_LIMIT) {
            const room = BODY_KEEP_LIMIT - this.kept;
            this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
            this.kept += Math.min(chunk.length, room);
        }
        return true;
    }
    onComplete() {
        this.settle({
            status: this.status,
            body: this.chunks ? Buffer.concat(this.chunks).toString('utf8') : undefined,
            retryAfter: this.retryAfter,
        });
    }
    onError(err) {
        if (err.code === 'UND_ERR_INVALID_ARG')
            this.client.refused();
        this.settle({ status: 0, failure: classifyTransportError(err), failureMessage: err.message });
    }
}
/** The first value of header `name` (lower case) in undici's raw [name, value, ...] list. */
function rawHeaderValue(raw, name) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
        if (raw[i].length === name.length && raw[i].toString('latin1').toLowerCase() === name)
            return raw[i + 1].toString('latin1');
    }
    return undefined;
}
class HttpClient {
    pool;
    poolOptions;
    /** Pools set aside after a refused request until they have finished what they had in flight. */
    retired = new Set();
    basePath;
    origin;
    /** One queue per timeout value, so each expires in sending order. */
    deadlines = new Map();
    /** Runs from the first send until close(): starting and stopping it per request would cost a
     * timer per request whenever one request at a time is in flight (a baseline stage). */
    sweeper;
    constructor(targetUrl, options = {}) {
        const url = new URL(targetUrl);
        this.origin = url.origin;
        this.basePath = url.pathname.replace(/\/+$/, '');
        this.poolOptions = {
            connections: options.connections ?? null,
            pipelining: options.pipelining ?? 1,
            keepAliveTimeout: 30_000,
            connectTimeout: 10_000,
        };
        this.pool = new undici/* Pool */.bC(url.origin, this.poolOptions);
    }
    send(req) {
        return new Promise((resolve) => this.dispatch(req, resolve));
    }
    /**
     * The run loop's form of `send`: `onDone` is called once with the outcome, with no promise in
     * between (a closed-model user sends its next request from inside it). It may be called before
     * `dispatch` returns, when undici refuses the request outright.
     */
    dispatch(req, onDone) {
        const collector = new ResponseCollector(req.readBody, onDone, external_node_perf_hooks_.performance.now() + req.timeoutMs, this);
        this.track(collector, req.timeoutMs);
        try {
            this.pool.dispatch({
                path: this.basePath + req.path,
                method: req.method,
                headers: req.headers,
                body: req.body,
                // The deadline queue above is the one timeout (the whole request, from send to last
                // byte); undici's own two timers would be re-armed on every request for nothing.
                headersTimeout: 0,
                bodyTimeout: 0,
            }, collector);
        }
        catch (err) {
            // Invalid arguments (a header value undici refuses) fail this request, not the run.
            collector.onError(err);
        }
    }
    /**
     * undici refused a request's arguments (a header value with a line break, say, from a captured
     * value). The connection it was meant for stays marked busy and never takes another request, so
     * after a few refusals every later send would only time out: later sends go to a fresh pool, and
     * this one finishes what it has in flight.
     */
    refused() {
        const old = this.pool;
        this.retired.add(old);
        void old.close().then(() => this.retired.delete(old), () => { });
        this.pool = new undici/* Pool */.bC(this.origin, this.poolOptions);
    }
    track(c, timeoutMs) {
        let q = this.deadlines.get(timeoutMs);
        if (!q)
            this.deadlines.set(timeoutMs, (q = new DeadlineQueue()));
        q.push(c);
        if (!this.sweeper) {
            this.sweeper = setInterval(() => {
                const now = external_node_perf_hooks_.performance.now();
                for (const [timeout, queue] of this.deadlines)
                    queue.expire(now, (c) => c.timeOut(timeout));
            }, SWEEP_MS);
            this.sweeper.unref();
        }
    }
    /**
     * Settles every request in flight as cancelled (not recorded) and aborts it: a stopped run must
     * not wait for slow responses up to their timeout. Sends after this are not expected.
     */
    cancelAll() {
        for (const queue of this.deadlines.values())
            queue.expire(Infinity, (c) => c.cancel());
    }
    async close() {
        if (this.sweeper)
            clearInterval(this.sweeper);
        // Requests we timed out may still hold sockets: destroy rather than wait for them.
        await Promise.all([this.pool, ...this.retired].map((p) => p.destroy().catch(() => { })));
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/load/runner-probe.ts
/**
 * How fast the runner is right now: a fixed CPU task run on every core at once, timed. Between
 * stages the target and the generator are idle, so a slower probe means someone else holds the
 * CPU (a noisy neighbour, steal time, another job): the machine, not the code, got slower.
 * The gate compares it with the baseline's probe to name the reason of an excuse, never to size it
 * (src/gate/excuse.ts: perf-gate's reference server sizes it).
 */


/** xorshift rounds per task: about 15 ms on a 2020s x86 core. Fixed, so probes compare across runs. */
const PROBE_ITERATIONS = 10_000_000;
/** Tasks per probe; the median is kept, so one preemption does not decide. */
const PROBE_REPEATS = 3;
// An eval'd script (no file to bundle): waits for an iteration count, spins, answers.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
  parentPort.postMessage(x);
});`;
class RunnerProbe {
    workers;
    constructor(workers) {
        this.workers = workers;
    }
    /** One worker per core the process may use; they sleep between probes. */
    static async start(cores = (0,external_node_os_.availableParallelism)()) {
        const workers = Array.from({ length: Math.max(1, cores) }, () => new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true }));
        const probe = new RunnerProbe(workers);
        for (const w of workers)
            w.unref();
        await probe.task(PROBE_ITERATIONS / 10); // compile the loop before anything is timed
        return probe;
    }
    /** Median wall time (ms) of the task run on every core at once. */
    async measure() {
        const times = [];
        for (let i = 0; i < PROBE_REPEATS; i++) {
            const t = performance.now();
            await this.task(PROBE_ITERATIONS);
            times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return Math.round(times[times.length >> 1] * 100) / 100;
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
    task(iterations) {
        return Promise.all(this.workers.map((w) => new Promise((resolve, reject) => {
            const fail = (err) => reject(err);
            w.once('error', fail);
            w.once('message', (m) => {
                w.off('error', fail);
                resolve(m);
            });
            w.postMessage(iterations);
        })));
    }
}

// EXTERNAL MODULE: ./node_modules/hdr-histogram-js/dist/index.js
var hdr_histogram_js_dist = __webpack_require__(32960);
;// CONCATENATED MODULE: ./src/metrics/histogram.ts
/**
 * Latency histograms: hdr-histogram-js, recorded in microseconds with 3 significant digits, so a
 * value is exact to 0.1 % and two histograms add without loss (shards, workers, re-gating).
 */

/** One hour in µs: longer "latencies" are clamped (a request can't outlive its stage anyway). */
const HIGHEST_US = 3_600_000_000;
function createHistogram() {
    return hdr_histogram_js_dist/* build */.jq({
        bitBucketSize: 32,
        numberOfSignificantValueDigits: 3,
        lowestDiscernibleValue: 1,
        highestTrackableValue: HIGHEST_US,
        autoResize: false,
        useWebAssembly: false,
    });
}
/** Record a latency given in milliseconds (fractional). */
function recordMs(h, ms) {
    const us = Math.round(ms * 1000);
    h.recordValue(us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us);
}
const ms = (us) => Math.round(us) / 1000;
/** Percentiles in ms (3 decimals). An empty histogram gives zeros: callers check `requests`. */
function summarize(h) {
    if (h.totalCount === 0)
        return { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
    return {
        min: ms(h.minNonZeroValue),
        mean: ms(h.mean),
        p50: ms(h.getValueAtPercentile(50)),
        p90: ms(h.getValueAtPercentile(90)),
        p95: ms(h.getValueAtPercentile(95)),
        p99: ms(h.getValueAtPercentile(99)),
        p999: ms(h.getValueAtPercentile(99.9)),
        // The top of max's bucket, like the percentiles: p99 ≤ max always, and a decoded report gives
        // the same max as the live run (the encoding keeps buckets, not exact values).
        max: ms(h.getValueAtPercentile(100)),
    };
}
function percentileMs(h, p) {
    return h.totalCount === 0 ? 0 : ms(h.getValueAtPercentile(p));
}
/** Compressed base64 (the HdrHistogram interchange format), as report.json stores it. */
function histogram_encodeHistogram(h) {
    return hdr_histogram_js_dist/* encodeIntoCompressedBase64 */.dH(h);
}
function decodeHistogram(encoded) {
    const decoded = hdr_histogram_js_dist/* decodeFromCompressedBase64 */.Vc(encoded, 32, false);
    // Copy into our own layout so merged histograms all share one configuration.
    const h = createHistogram();
    h.add(decoded);
    return h;
}
function mergeHistograms(parts) {
    const h = createHistogram();
    for (const p of parts)
        h.add(p);
    return h;
}
/**
 * The non-empty buckets of a histogram. Every histogram here shares one configuration, so a bucket's
 * top value names the same bucket in all of them: windows can be added by value, and the percentile
 * of added windows is exactly what the histogram of those windows would report.
 */
function histogramBuckets(h) {
    // JsHistogram's counts layout (public in its class, not in the Histogram interface).
    const js = h;
    const values = [];
    const counts = [];
    let total = 0;
    for (let i = 0; i < js.countsArrayLength && total < h.totalCount; i++) {
        const c = js.getCountAtIndex(i);
        if (c === 0)
            continue;
        values.push(js.highestEquivalentValue(js.valueFromIndex(i)));
        counts.push(c);
        total += c;
    }
    return { valuesUs: Float64Array.from(values), counts: Float64Array.from(counts), total };
}

;// CONCATENATED MODULE: ./src/load/reference.ts
/**
 * What the runner itself adds to a request's latency, measured beside the target: perf-gate starts
 * a tiny HTTP server of its own on loopback (a worker thread: its own OS thread, scheduled like any
 * process on the runner) and asks it a fixed small question REFERENCE_RATE times a second during
 * every stage, from the same event loop that drives the load. Its answer takes the same work every
 * time, so whatever its latency gains over a quiet run is what the machine added: scheduling delay
 * behind a neighbour, a late generator loop, steal time. That delay is additive (a request waits
 * for a core, then runs), so the gate compares it in milliseconds, at the same percentile, with the
 * baseline's reference figures and takes off only that much (src/gate/excuse.ts).
 * Each probe is timed from its intended send time, as the load is, so a generator that falls
 * behind shows in the reference too.
 */



/** Probes per second during a stage: 300 in a 6-s stage, a load of nothing (a few µs of CPU each). */
const REFERENCE_RATE = 50;
/** Back-to-back probes before a stage, the machine idle but for the runner's neighbours. */
const IDLE_PROBES = 30;
/** xorshift rounds per answer: about 0.15 ms of CPU, fixed so that runs compare. */
const ANSWER_ITERATIONS = 100_000;
const PROBE_TIMEOUT_MS = 5_000;
// An eval'd script (no file to bundle): a keep-alive server that spins a fixed task per answer.
const reference_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const server = http.createServer((req, res) => {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < ${ANSWER_ITERATIONS}; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
  res.end(String(x & 1));
});
server.keepAliveTimeout = 600000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`;
const ms3 = (x) => Math.round(x * 1000) / 1000;
class ReferenceServer {
    worker;
    client;
    /** Samplers running now: `close` stops them too. */
    stops = new Set();
    constructor(worker, client) {
        this.worker = worker;
        this.client = client;
    }
    static async start() {
        const worker = new external_node_worker_threads_.Worker(reference_WORKER_SOURCE, { eval: true });
        worker.unref();
        const port = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('the reference server did not start within 5 s')), 5000);
            worker.once('message', (p) => {
                clearTimeout(timer);
                resolve(p);
            });
            worker.once('error', (err) => {
                clearTimeout(timer);
                reject(err);
            });
        }).catch(async (err) => {
            await worker.terminate();
            throw err;
        });
        const server = new ReferenceServer(worker, new undici/* Client */.Kj(`http://127.0.0.1:${port}`, { pipelining: 1 }));
        try {
            for (let i = 0; i < 20; i++)
                await server.ask(); // compile the answer and open the connection before anything is timed
        }
        catch (err) {
            await server.close();
            throw err;
        }
        return server;
    }
    /** One probe: ms from `since` (its intended send time) to the whole answer. */
    async ask(since = performance.now()) {
        const { body } = await this.client.request({ method: 'GET', path: '/', headersTimeout: PROBE_TIMEOUT_MS, bodyTimeout: PROBE_TIMEOUT_MS });
        await body.dump();
        return performance.now() - since;
    }
    /**
     * Probes back to back now (before a stage), then REFERENCE_RATE a second until the returned
     * `stop` is called (after the stage); `stop` gives the figures, undefined if no probe answered.
     */
    async sample() {
        const idle = createHistogram();
        for (let i = 0; i < IDLE_PROBES; i++)
            recordMs(idle, await this.ask().catch(() => PROBE_TIMEOUT_MS));
        const during = createHistogram();
        let stopped = false;
        let wake;
        const stopNow = () => {
            stopped = true;
            wake?.();
        };
        this.stops.add(stopNow);
        const interval = 1000 / REFERENCE_RATE;
        const t0 = performance.now();
        const loop = (async () => {
            for (let k = 1; !stopped; k++) {
                let intended = t0 + k * interval;
                const now = performance.now();
                // A probe still out past its successor's slot: the slots it covered are not sent (its own
                // latency already counts the wait), the next one goes at the next slot.
                if (now > intended + interval) {
                    k = Math.ceil((now - t0) / interval);
                    intended = t0 + k * interval;
                }
                // An unref'd pause that `stop` cuts short: a sampler never keeps the process alive.
                if (intended > now) {
                    await new Promise((r) => {
                        const t = setTimeout(r, intended - now);
                        t.unref();
                        wake = () => {
                            clearTimeout(t);
                            r();
                        };
                    });
                    wake = undefined;
                }
                if (stopped)
                    break;
                try {
                    recordMs(during, await this.ask(intended));
                }
                catch {
                    // an unanswered probe measures nothing (the worker is gone, or the machine is stalled for 5 s)
                }
            }
        })();
        return async () => {
            stopNow();
            this.stops.delete(stopNow);
            await loop;
            if (during.totalCount === 0)
                return undefined;
            const at = (p) => ms3(during.getValueAtPercentile(p) / 1000);
            const idleAt = (p) => ms3(idle.getValueAtPercentile(p) / 1000);
            return {
                requests: during.totalCount,
                p50: at(50),
                p90: at(90),
                p95: at(95),
                p99: at(99),
                mean: ms3(during.mean / 1000),
                idle: { p50: idleAt(50), p95: idleAt(95), p99: idleAt(99) },
            };
        };
    }
    async close() {
        for (const stop of this.stops)
            stop();
        this.stops.clear();
        await this.client.close().catch(() => { });
        await this.worker.terminate();
    }
}

;// CONCATENATED MODULE: ./src/load/resources.ts
/**
 * What the app under test spends, read from the OS with no agent: its CPU time and resident memory,
 * sampled once a second on timers of their own (asynchronous file reads: the request loop only
 * sees their callbacks), from one of three sources:
 *  - `process-group`: the group `target.start` runs in (its shell, the app, the app's children);
 *  - `pid-file` (`target.process: { pid_file }`): the process whose PID the file holds, and its descendants;
 *  - `cgroup` (`target.process: { cgroup }`): a cgroup v2 directory (cpu.stat usage_usec, memory.current, memory.peak).
 * A source that cannot be read never fails the run: its series carries the reason instead.
 * Parsing is pure (the `parse*` functions); the file reads are at the edge (`readSource`).
 */



/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ: 100 on every mainstream Linux). */
const CLOCK_TICKS = 100;
/** /proc/PID/stat → the fields perf-gate uses. `comm` may hold spaces and ')' so fields are split after the last ')'. */
function parseProcStat(text) {
    const close = text.lastIndexOf(')');
    const open = text.indexOf('(');
    if (close < 0 || open < 0)
        return undefined;
    const pid = Number(text.slice(0, open).trim());
    // After ") ": state(3) ppid(4) pgrp(5) ... utime(14) stime(15) ... starttime(22); index 0 is field 3.
    const f = text
        .slice(close + 2)
        .trim()
        .split(/\s+/);
    if (f.length < 20)
        return undefined;
    const n = (i) => Number(f[i]);
    const out = { pid, state: f[0], ppid: n(1), pgrp: n(2), cpuTicks: n(11) + n(12), startTime: n(19) };
    return [out.pid, out.ppid, out.pgrp, out.cpuTicks, out.startTime].every(Number.isFinite) ? out : undefined;
}
/** /proc/PID/task/TID/schedstat: "ns-on-cpu ns-waiting timeslices" → ns on CPU. */
function parseSchedstat(text) {
    const first = Number(text.trim().split(/\s+/)[0]);
    return text.trim() !== '' && Number.isFinite(first) ? first : undefined;
}
/** /proc/PID/status → VmRSS in bytes (kernel threads and zombies have none: undefined). */
function parseStatusRss(text) {
    const m = /^VmRSS:\s+(\d+)\s*kB/m.exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
}
/** cgroup v2 cpu.stat → usage_usec. */
function parseCpuStat(text) {
    const m = /^usage_usec\s+(\d+)\s*$/m.exec(text);
    return m ? Number(m[1]) : undefined;
}
/** memory.current / memory.peak: one number of bytes ("max" and garbage: undefined). */
function parseBytesFile(text) {
    const t = text.trim();
    return /^\d+$/.test(t) ? Number(t) : undefined;
}
/** A PID file: the first whole number in it (pid files may end in a newline or hold more lines). */
function parsePidFile(text) {
    const m = /^\s*(\d+)/.exec(text);
    const pid = m ? Number(m[1]) : NaN;
    return pid > 0 ? pid : undefined;
}
function describeSource(s) {
    switch (s.kind) {
        case 'process-group':
            return `process group ${s.pgid} (target.start)`;
        case 'pid-file':
            return `pid_file ${s.path}`;
        case 'cgroup':
            return `cgroup ${s.path}`;
    }
}
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'latin1');
    }
    catch {
        return undefined;
    }
}
/** Every process's /proc/PID/stat (those that end while being read are left out). */
async function procTable(proc) {
    const entries = (await (0,promises_.readdir)(proc)).filter((e) => /^\d+$/.test(e));
    const stats = await Promise.all(entries.map(async (e) => {
        const t = await readText((0,external_node_path_.join)(proc, e, 'stat'));
        return t === undefined ? undefined : parseProcStat(t);
    }));
    return stats.filter((s) => s !== undefined && s.state !== 'Z');
}
/**
 * One process's CPU µs: the sum of its threads' schedstat (ns, fine-grained: a 1-s window of a few
 * ms is still measured), or utime+stime (10 ms ticks) where schedstat is not there.
 */
async function processFigures(proc, st) {
    const dir = (0,external_node_path_.join)(proc, String(st.pid));
    let cpuUs = (st.cpuTicks * 1e6) / CLOCK_TICKS;
    try {
        const tids = await (0,promises_.readdir)((0,external_node_path_.join)(dir, 'task'));
        const ns = await Promise.all(tids.map(async (t) => parseSchedstat((await readText((0,external_node_path_.join)(dir, 'task', t, 'schedstat'))) ?? '')));
        if (ns.length > 0 && ns.every((x) => x !== undefined))
            cpuUs = ns.reduce((a, b) => a + b, 0) / 1000;
    }
    catch {
        // no task directory: the ticks stand
    }
    const status = await readText((0,external_node_path_.join)(dir, 'status'));
    if (status === undefined)
        return undefined; // it ended while we looked
    return { key: `${st.pid}@${st.startTime}`, cpuUs, rssBytes: parseStatusRss(status) ?? 0 };
}
/** The pids of `root` and all its descendants, from the table's parent links. */
function descendants(table, root) {
    const out = new Set([root]);
    let grew = true;
    while (grew) {
        grew = false;
        for (const p of table) {
            if (!out.has(p.pid) && out.has(p.ppid)) {
                out.add(p.pid);
                grew = true;
            }
        }
    }
    return out;
}
/** How long the members of a full scan of /proc are trusted. */
const RESCAN_MS = 5000;
async function statsOf(proc, pids) {
    return Promise.all(pids.map(async (pid) => {
        const t = await readText((0,external_node_path_.join)(proc, String(pid), 'stat'));
        const st = t === undefined ? undefined : parseProcStat(t);
        return st && st.state !== 'Z' ? st : undefined;
    }));
}
async function readSource(s, proc = '/proc', cache, now = Date.now()) {
    if (s.kind === 'cgroup') {
        const cpu = await readText((0,external_node_path_.join)(s.path, 'cpu.stat'));
        if (cpu === undefined)
            throw new src_errors/* ResourceSourceError */.S1(`cannot read ${(0,external_node_path_.join)(s.path, 'cpu.stat')}`);
        const usage = parseCpuStat(cpu);
        if (usage === undefined)
            throw new src_errors/* ResourceSourceError */.S1(`${(0,external_node_path_.join)(s.path, 'cpu.stat')} has no usage_usec line`);
        const current = parseBytesFile((await readText((0,external_node_path_.join)(s.path, 'memory.current'))) ?? '');
        const peak = parseBytesFile((await readText((0,external_node_path_.join)(s.path, 'memory.peak'))) ?? '');
        return { cpuUs: usage, rssBytes: current ?? null, ...(peak !== undefined ? { peakBytes: peak } : {}) };
    }
    let root;
    if (s.kind === 'pid-file') {
        const text = await readText(s.path);
        if (text === undefined)
            throw new src_errors/* ResourceSourceError */.S1(`cannot read the pid file ${s.path}`);
        root = parsePidFile(text);
        if (root === undefined)
            throw new src_errors/* ResourceSourceError */.S1(`the pid file ${s.path} holds no process id`);
    }
    if (cache && cache.pids.length > 0 && now - cache.at < RESCAN_MS && cache.root === root) {
        const known = await statsOf(proc, cache.pids);
        const intact = known.every((st) => st !== undefined && (s.kind !== 'process-group' || st.pgrp === s.pgid));
        if (intact)
            return { processes: (await Promise.all(known.map((m) => processFigures(proc, m)))).filter((f) => f !== undefined) };
    }
    let table;
    try {
        table = await procTable(proc);
    }
    catch (err) {
        throw new src_errors/* ResourceSourceError */.S1(`cannot list ${proc}: ${err.message}`);
    }
    let members;
    if (s.kind === 'process-group') {
        members = table.filter((p) => p.pgrp === s.pgid);
        if (members.length === 0)
            throw new src_errors/* ResourceSourceError */.S1(`no process of group ${s.pgid} is running`);
    }
    else {
        const tree = descendants(table, root);
        members = table.filter((p) => tree.has(p.pid));
        if (members.length === 0)
            throw new src_errors/* ResourceSourceError */.S1(`process ${root} (from ${s.path}) is not running`);
    }
    if (cache)
        Object.assign(cache, { at: now, pids: members.map((m) => m.pid), root });
    const figures = await Promise.all(members.map((m) => processFigures(proc, m)));
    return { processes: figures.filter((f) => f !== undefined) };
}
/**
 * The CPU of a set of processes over time: each process's latest figure, kept after it ends (its
 * time was spent), so the total never runs backwards when a child exits.
 */
class CpuAccount {
    seen = new Map();
    /** The total µs after adding these figures. */
    add(processes) {
        for (const p of processes)
            this.seen.set(p.key, Math.max(p.cpuUs, this.seen.get(p.key) ?? 0));
        let total = 0;
        for (const v of this.seen.values())
            total += v;
        return total;
    }
}
/** How often the sampler reads the source. */
const SAMPLE_MS = 1000;
const wallNow = () => performance.timeOrigin + performance.now();
/**
 * Samples one source for as long as the run lasts; `stage()` starts a stage's series and returns the
 * function that ends it. Readings are taken SAMPLE_MS apart from the stage's start, and once more at
 * its end, so the stage's windows can be cut from them exactly (src/metrics/resources.ts).
 */
class ResourceSampler {
    source;
    proc;
    account = new CpuAccount();
    scan = { at: 0, pids: [] };
    cgroupBase;
    /** cgroup memory.peak at the last reading. */
    lastPeak;
    constructor(source, proc = '/proc') {
        this.source = source;
        this.proc = proc;
    }
    /** One reading, or the reason there is none. */
    async read() {
        const at = wallNow();
        try {
            const r = await readSource(this.source, this.proc, this.scan);
            if ('processes' in r) {
                const rss = r.processes.reduce((a, p) => a + p.rssBytes, 0);
                return { at, cpuUs: this.account.add(r.processes), rssBytes: rss };
            }
            this.lastPeak = r.peakBytes;
            this.cgroupBase ??= r.cpuUs;
            return { at, cpuUs: r.cpuUs - this.cgroupBase, rssBytes: r.rssBytes };
        }
        catch (err) {
            return { error: err instanceof src_errors/* ResourceSourceError */.S1 ? err.message : `reading ${describeSource(this.source)} failed: ${err.message}` };
        }
    }
    /** Starts a stage's series; the returned function takes the last reading and ends it. */
    async stage() {
        const series = { source: describeSource(this.source), readings: [] };
        const keep = (r) => {
            if ('error' in r)
                series.error ??= r.error;
            else
                series.readings.push(r);
        };
        const first = await this.read();
        keep(first);
        const start = 'at' in first ? first.at : wallNow();
        let timer;
        let pending = Promise.resolve();
        let stopped = false;
        let k = 1;
        const schedule = () => {
            // Aligned to the start: a late tick does not push the next one later.
            const delay = Math.max(0, start + k * SAMPLE_MS - wallNow());
            timer = setTimeout(() => {
                k++;
                pending = this.read().then((r) => {
                    if (!stopped)
                        keep(r);
                    if (!stopped)
                        schedule();
                });
            }, delay);
            timer.unref();
        };
        schedule();
        return async () => {
            stopped = true;
            clearTimeout(timer);
            await pending;
            keep(await this.read());
            if (this.lastPeak !== undefined)
                series.lifetimePeakBytes = this.lastPeak;
            return series;
        };
    }
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/metrics/timeline.ts

/** `counts` with one more `kind`, created on the first error (clean windows carry nothing). */
function countKind(counts, kind) {
    const c = counts ?? {};
    c[kind] = (c[kind] ?? 0) + 1;
    return c;
}
const WINDOW_MS = 1000;
const windowIndex = (offsetMs) => (offsetMs <= 0 ? 0 : Math.floor(offsetMs / WINDOW_MS));
const timeline_ms = (us) => Math.round(us) / 1000;
class Timeline {
    keepHistograms;
    windows = [];
    open = new Map();
    closed = new Map();
    spare = [];
    /** Windows this far behind the newest one can no longer receive results (request timeout). */
    keepOpen;
    newest = -1;
    /** The window last written to. */
    last;
    /** `keepHistograms`: each row carries its window's encoded histogram (every stage's report; off in tests of the columns alone). */
    constructor(maxLatencyMs, keepHistograms = true) {
        this.keepHistograms = keepHistograms;
        // +3: margin for responses that outlive their timeout a little (sweeper tick, event-loop stalls).
        this.keepOpen = Math.ceil(maxLatencyMs / WINDOW_MS) + 3;
    }
    /** A completed request that started `startOffsetMs` after the stage began; `error`: how it failed, if it did. */
    record(startOffsetMs, latencyMs, error) {
        const late = this.closed.get(windowIndex(startOffsetMs));
        if (late) {
            // A straggler past the keep-open margin: counted in its window; its percentiles stay as rolled.
            late.requests++;
            late.rps += 1 / (WINDOW_MS / 1000);
            if (error !== undefined) {
                late.errors++;
                late.by_kind = countKind(late.by_kind, error);
            }
            if (latencyMs > late.max)
                late.max = Math.round(latencyMs * 1000) / 1000;
            return;
        }
        const w = this.windowAt(startOffsetMs);
        recordMs(w.hist, latencyMs);
        w.requests++;
        if (error !== undefined) {
            w.errors++;
            w.kinds = countKind(w.kinds, error);
        }
    }
    /**
     * The most users/requests active during the second ending at `nowOffsetMs`. Credited to the
     * window holding that second's middle, so a sampler tick that drifts late still lands right.
     */
    sampleActive(nowOffsetMs, active) {
        const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
        if (active > w.active)
            w.active = active;
    }
    /**
     * A failure that is not a measured request (a WebSocket closed under its user, a stream's
     * connection refused): an error in the window where it happened, with no latency.
     */
    noteError(offsetMs, kind) {
        const late = this.closed.get(windowIndex(offsetMs));
        if (late) {
            late.errors++;
            late.by_kind = countKind(late.by_kind, kind);
            return;
        }
        const w = this.windowAt(offsetMs);
        w.errors++;
        w.kinds = countKind(w.kinds, kind);
    }
    /** A send scheduled at `offsetMs` was dropped: `maxInFlight` requests were outstanding. */
    noteDropped(offsetMs) {
        const late = this.closed.get(windowIndex(offsetMs));
        if (late)
            late.dropped = (late.dropped ?? 0) + 1;
        else
            this.windowAt(offsetMs).dropped++;
    }
    /** Closed model: the users running at `nowOffsetMs`, credited like `sampleActive`. */
    sampleUsers(nowOffsetMs, users) {
        const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
        if (users > w.users)
            w.users = users;
    }
    /** A send scheduled at `offsetMs` left late (the generator fell behind). */
    noteLate(offsetMs) {
        this.windowAt(offsetMs).late++;
    }
    /** The generator's event-loop lag over the second ending at `nowOffsetMs`. */
    sampleLag(nowOffsetMs, lagMs) {
        const w = this.windowAt(Math.max(0, nowOffsetMs - WINDOW_MS / 2));
        if (lagMs > w.lag)
            w.lag = lagMs;
    }
    /** Close every window; call once when the stage has drained. */
    finish() {
        for (const index of [...this.open.keys()].sort((a, b) => a - b))
            this.close(index);
        this.windows.sort((a, b) => a.t - b.t);
        return this.windows;
    }
    windowAt(offsetMs) {
        const index = windowIndex(offsetMs);
        // Most requests land in the window of the one before: no map lookup for them.
        if (this.last?.index === index)
            return this.last;
        let w = this.open.get(index);
        if (w)
            return (this.last = w);
        w = { index, hist: this.spare.pop() ?? createHistogram(), requests: 0, errors: 0, active: 0, late: 0, lag: 0, kinds: undefined, dropped: 0, users: 0 };
        this.open.set(index, w);
        this.last = w;
        if (index > this.newest) {
            this.newest = index;
            for (const old of this.open.keys())
                if (old < index - this.keepOpen)
                    this.close(old);
        }
        return w;
    }
    close(index) {
        const w = this.open.get(index);
        if (!w)
            return;
        this.open.delete(index);
        if (this.last === w)
            this.last = undefined;
        const h = w.hist;
        const empty = h.totalCount === 0;
        const row = {
            t: index * (WINDOW_MS / 1000),
            rps: w.requests / (WINDOW_MS / 1000),
            p50: empty ? 0 : timeline_ms(h.getValueAtPercentile(50)),
            p90: empty ? 0 : timeline_ms(h.getValueAtPercentile(90)),
            p95: empty ? 0 : timeline_ms(h.getValueAtPercentile(95)),
            p99: empty ? 0 : timeline_ms(h.getValueAtPercentile(99)),
            max: empty ? 0 : timeline_ms(h.getValueAtPercentile(100)), // bucket top, like the percentiles
            mean: empty ? 0 : timeline_ms(h.mean),
            requests: w.requests,
            errors: w.errors,
            active: w.active,
            late_sends: w.late,
            loop_lag_ms: Math.round(w.lag * 1000) / 1000,
        };
        if (w.kinds)
            row.by_kind = w.kinds;
        if (w.dropped > 0)
            row.dropped = w.dropped;
        if (w.users > 0)
            row.users = w.users;
        if (this.keepHistograms)
            row.histogram = histogram_encodeHistogram(h);
        this.windows.push(row);
        this.closed.set(index, row);
        h.reset();
        this.spare.push(h);
    }
}

;// CONCATENATED MODULE: ./src/model/records.ts
/**
 * What the engine records about a stage, as report.json keeps it: the records the load engine
 * fills in and the report carries, defined here (below both) so neither layer needs the other's
 * types, and editing an engine type cannot change report.json unseen. Pure types; nothing of ours.
 */
const ERROR_KINDS = ['timeout', 'connect', 'http_4xx', 'http_5xx', 'rate_limited', 'check', 'closed_abnormally', 'session'];

;// CONCATENATED MODULE: ./src/metrics/stage-metrics.ts



/** What a WebSocket stage measures besides message latency. */
class WsMetrics {
    /** TCP connect + HTTP upgrade, per successful (re)connect. */
    connect = createHistogram();
    /** Stream: time between consecutive messages on one connection. */
    gap = createHistogram();
    /** Stream: receive time − the server's timestamp (when the plan names its field). */
    lag = createHistogram();
    /** Closes perf-gate did not ask for, by close code (1006: dropped without a close frame). */
    closesByCode = new Map();
    opened = 0;
    connectFailures = 0;
    reconnects = 0;
    /** Stream: messages received. */
    received = 0;
    /** Replies that matched no message (late replies of timed-out messages, server pushes). */
    unmatchedReplies = 0;
    /** Most connections open at once. */
    peakOpen = 0;
    /** Connections still open when the stage ended (survival). */
    openAtEnd = 0;
    noteClose(code) {
        this.closesByCode.set(code, (this.closesByCode.get(code) ?? 0) + 1);
    }
}
/** `a` widened to cover `b` (either may be missing). */
function widenRange(a, b) {
    if (!a || !b)
        return a ?? b;
    return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}
/** A Retry-After header in seconds: delta-seconds, or an HTTP date counted from `nowMs`; undefined if neither. */
function retryAfterSeconds(value, nowMs = Date.now()) {
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v);
    // An HTTP date names its day and month; Date.parse alone would also take "-5" or "2".
    const at = /[a-z]/i.test(v) ? Date.parse(v) : NaN;
    return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - nowMs) / 1000));
}
/**
 * Requests that started within [fromMs, toMs) of the stage, on their own histogram: a stress
 * step, or the first and last tenth of a soak.
 */
class SpanMetrics {
    fromMs;
    toMs;
    histogram = createHistogram();
    requests = 0;
    errors = 0;
    /** Requests at least (`strict`: more than) `ms` slow, counted as they complete (a stress step's early break). */
    slow = [];
    constructor(fromMs, toMs = Infinity) {
        this.fromMs = fromMs;
        this.toMs = toMs;
    }
}
class StageMetrics {
    histogram = createHistogram();
    timeline;
    endpoints;
    errorsByKind = Object.fromEntries(ERROR_KINDS.map((k) => [k, 0]));
    statusCodes = new Map();
    /** A sample of transport error messages, so a report can say *why* connections failed. */
    errorSamples = new Map();
    requests = 0;
    errors = 0;
    retryAfterSeen = 0;
    /** The Retry-After values of the 429s that sent one, in seconds (parseable ones only). */
    retryAfterS;
    /** WebSocket stages only: connections, closes, reconnects, stream gaps and lag. */
    ws;
    /** Spans of the stage with histograms of their own (stress steps, soak tenths), never overlapping; usually none. */
    spans = [];
    /** Sees every completion as it is recorded (`abort_when`, src/load/abort.ts); latency undefined for events. */
    observe;
    constructor(endpointNames, maxLatencyMs) {
        this.timeline = new Timeline(maxLatencyMs);
        this.endpoints = endpointNames.map((name) => ({ name, requests: 0, errors: 0, histogram: createHistogram() }));
    }
    record(endpoint, startOffsetMs, latencyMs, status, error) {
        this.requests++;
        recordMs(this.histogram, latencyMs);
        const ep = this.endpoints[endpoint];
        ep.requests++;
        recordMs(ep.histogram, latencyMs);
        if (status !== 0)
            this.statusCodes.set(status, (this.statusCodes.get(status) ?? 0) + 1);
        if (error !== undefined) {
            this.errors++;
            ep.errors++;
            this.errorsByKind[error]++;
        }
        this.timeline.record(startOffsetMs, latencyMs, error);
        if (this.spans.length > 0)
            this.recordSpans(startOffsetMs, latencyMs, error !== undefined);
        this.observe?.(latencyMs, error);
    }
    /** Spans never overlap, and most requests fall in the newest: search from the end, stop at the first. */
    recordSpans(startOffsetMs, latencyMs, isError) {
        for (let i = this.spans.length - 1; i >= 0; i--) {
            const span = this.spans[i];
            if (startOffsetMs < span.fromMs || startOffsetMs >= span.toMs)
                continue;
            span.requests++;
            if (isError)
                span.errors++;
            recordMs(span.histogram, latencyMs);
            for (const w of span.slow)
                if (w.strict ? latencyMs > w.ms : latencyMs >= w.ms)
                    w.count++;
            return;
        }
    }
    /**
     * An error that is not a measured request (ws: a connection closed under a stream or a held
     * connection, a stream's refused connect): counted in errors and its window, not in latency.
     */
    recordEvent(endpoint, offsetMs, error) {
        this.errors++;
        this.errorsByKind[error]++;
        this.endpoints[endpoint].errors++;
        this.timeline.noteError(offsetMs, error);
        this.observe?.(undefined, error);
    }
    /** Session steps (login...) count for their endpoint only, not in the stage's totals. */
    recordSessionStep(endpoint, latencyMs, error) {
        const ep = this.endpoints[endpoint];
        ep.requests++;
        recordMs(ep.histogram, latencyMs);
        if (error !== undefined)
            ep.errors++;
    }
    /** A user whose session failed: an error of kind `session` (not a request: no latency, no request count). */
    recordSessionFailure(offsetMs) {
        this.errors++;
        this.errorsByKind.session++;
        this.timeline.noteError(offsetMs, 'session');
        this.observe?.(undefined, 'session');
    }
    /** A 429 sent Retry-After: counted, and its value kept as the range seen (perf-gate never retries). */
    noteRetryAfter(value) {
        this.retryAfterSeen++;
        const seconds = retryAfterSeconds(value);
        if (seconds !== undefined)
            this.retryAfterS = widenRange(this.retryAfterS, { min: seconds, max: seconds });
    }
    noteErrorMessage(message) {
        if (this.errorSamples.size < 10 || this.errorSamples.has(message)) {
            this.errorSamples.set(message, (this.errorSamples.get(message) ?? 0) + 1);
        }
    }
}
/**
 * Adds `from` into `into` (same endpoints, in the same order): histograms add without loss, counts
 * sum. For stages run in parts (A/B rounds); the timelines are the caller's to join.
 */
function addStageMetrics(into, from) {
    into.histogram.add(from.histogram);
    into.requests += from.requests;
    into.errors += from.errors;
    into.retryAfterSeen += from.retryAfterSeen;
    into.retryAfterS = widenRange(into.retryAfterS, from.retryAfterS);
    from.endpoints.forEach((e, i) => {
        const target = into.endpoints[i];
        target.requests += e.requests;
        target.errors += e.errors;
        target.histogram.add(e.histogram);
    });
    for (const k of ERROR_KINDS)
        into.errorsByKind[k] += from.errorsByKind[k];
    for (const [code, n] of from.statusCodes)
        into.statusCodes.set(code, (into.statusCodes.get(code) ?? 0) + n);
    for (const [message, n] of from.errorSamples) {
        if (into.errorSamples.size < 10 || into.errorSamples.has(message))
            into.errorSamples.set(message, (into.errorSamples.get(message) ?? 0) + n);
    }
    if (from.ws) {
        const w = (into.ws ??= new WsMetrics());
        const f = from.ws;
        w.connect.add(f.connect);
        w.gap.add(f.gap);
        w.lag.add(f.lag);
        for (const [code, n] of f.closesByCode)
            w.closesByCode.set(code, (w.closesByCode.get(code) ?? 0) + n);
        w.opened += f.opened;
        w.connectFailures += f.connectFailures;
        w.reconnects += f.reconnects;
        w.received += f.received;
        w.unmatchedReplies += f.unmatchedReplies;
        w.peakOpen = Math.max(w.peakOpen, f.peakOpen);
        // Survival is what the last part left open.
        w.openAtEnd = f.openAtEnd;
    }
}

;// CONCATENATED MODULE: ./src/metrics/merge.ts

const worst = (xs) => xs.reduce((a, x) => Math.max(a, x), 0);
/**
 * Windows by their second since the stage start: counts summed (requests, errors and their kinds,
 * rps, `active`, late sends, drops), loop lag the worst, percentiles from the added histograms.
 * `histogramOf` reads a part's window histogram (the parts kept them); `keepHistograms` puts the
 * sum on the merged rows (a stage that is itself a shard, for a later `merge`).
 */
function mergeWindows(parts, histogramOf, keepHistograms = false) {
    const byT = new Map();
    parts.forEach((windows, part) => {
        for (const w of windows) {
            const list = byT.get(w.t) ?? [];
            list.push({ w, part });
            byT.set(w.t, list);
        }
    });
    return [...byT.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([t, list]) => {
        const h = mergeHistograms(list.map((x) => histogramOf(x.w, x.part)));
        const s = summarize(h);
        const windows = list.map((x) => x.w);
        const total = (f) => windows.reduce((a, w) => a + f(w), 0);
        const row = {
            t,
            rps: total((w) => w.rps),
            p50: s.p50,
            p90: s.p90,
            p95: s.p95,
            p99: s.p99,
            // A straggler recorded after its window rolled is in the window's max, not its histogram.
            max: Math.max(s.max, ...windows.map((w) => w.max)),
            mean: s.mean,
            requests: total((w) => w.requests),
            errors: total((w) => w.errors),
            active: total((w) => w.active),
            late_sends: total((w) => w.late_sends),
            loop_lag_ms: worst(windows.map((w) => w.loop_lag_ms)),
        };
        const kinds = sumKinds(windows.map((w) => w.by_kind));
        if (kinds)
            row.by_kind = kinds;
        const dropped = total((w) => w.dropped ?? 0);
        if (dropped > 0)
            row.dropped = dropped;
        // Each part ran its own users (shards, worker threads): they add.
        const users = total((w) => w.users ?? 0);
        if (users > 0)
            row.users = users;
        // The app's figures (shards that each started their own app): CPU adds, memory is the largest instance's.
        if (windows.every((w) => w.cpu_ms !== undefined))
            row.cpu_ms = Math.round(total((w) => w.cpu_ms) * 1000) / 1000;
        if (windows.every((w) => w.rss_mb !== undefined))
            row.rss_mb = Math.max(...windows.map((w) => w.rss_mb));
        if (keepHistograms)
            row.histogram = histogram_encodeHistogram(h);
        return row;
    });
}
/** Windows' errors by kind added; undefined when none had any (a clean window carries no object). */
function sumKinds(parts) {
    let out;
    for (const p of parts) {
        if (!p)
            continue;
        out ??= {};
        for (const [k, n] of Object.entries(p))
            out[k] = (out[k] ?? 0) + n;
    }
    return out;
}
/**
 * Cycle k of the merged burst: every part's cycle k, outcomes summed, the slowest duration. Each
 * part releases on its own clock, so this is n smaller bursts, not one (README, Matrix shards).
 */
function mergeCycles(parts) {
    const byCycle = new Map();
    for (const c of parts.flat()) {
        const m = byCycle.get(c.cycle);
        if (!m)
            byCycle.set(c.cycle, { ...c });
        else {
            m.duration_ms = Math.max(m.duration_ms, c.duration_ms);
            m.successes += c.successes;
            m.errors += c.errors;
        }
    }
    return [...byCycle.values()].sort((a, b) => a.cycle - b.cycle);
}
/** The generators' counts together: late sends and drops summed, loop lag the worst part's. Judging them is the caller's. */
function sumGeneratorCounts(parts) {
    return {
        late_sends: parts.reduce((a, x) => a + x.late_sends, 0),
        dropped: parts.reduce((a, x) => a + x.dropped, 0),
        loop_lag_p99_ms: worst(parts.map((x) => x.loop_lag_p99_ms)),
        loop_lag_max_ms: worst(parts.map((x) => x.loop_lag_max_ms)),
    };
}
/** Thresholds for blaming the generator: more than 1 % of sends late, or a p99 loop lag over 50 ms. */
const LATE_SHARE_LIMIT = 0.01;
const LOOP_LAG_LIMIT_MS = 50;
/**
 * The one rule for whether the generator limited a stage: more than 1 % of its scheduled sends
 * (and more than 5) left late, or a p99 event-loop lag over 50 ms while it sent. A stage run in one
 * piece is judged on its own counts; one run in parts (A/B rounds, worker threads) on the parts'
 * counts summed (sumGenerators), as if it had run in one piece.
 */
function judgeGenerator(h, scheduled, requests) {
    const reasons = [];
    if (scheduled !== undefined && h.late_sends > 5 && h.late_sends / Math.max(1, scheduled) > LATE_SHARE_LIMIT) {
        reasons.push(`${h.late_sends} of ${scheduled} sends left more than 10 ms late`);
    }
    if (h.loop_lag_p99_ms > LOOP_LAG_LIMIT_MS && requests > 0)
        reasons.push(`event-loop lag p99 ${h.loop_lag_p99_ms.toFixed(0)} ms`);
    return { ...h, saturated: reasons.length > 0, reason: reasons.length > 0 ? reasons.join('; ') : undefined };
}
/** Parts of one stage (A/B rounds, worker threads): their counts summed, then judged as one stage's. */
function sumGenerators(parts, scheduled, requests) {
    return judgeGenerator(sumGeneratorCounts(parts), scheduled, requests);
}
/**
 * Parts' session tallies (engine records or report blocks): users and failures summed, and how the
 * first failed session failed (from the first part that has a failure, else the first part's).
 * Undefined when no part ran sessions.
 */
function sumSessions(parts) {
    const present = parts.filter((x) => x !== undefined);
    if (present.length === 0)
        return undefined;
    const failed = present.find((x) => x.failed > 0);
    return { ...(failed ?? present[0]), users: present.reduce((a, x) => a + x.users, 0), failed: present.reduce((a, x) => a + x.failed, 0) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/load/template.ts
/**
 * Runtime templates: the placeholders left in plan strings after env substitution
 * (src/plan/placeholders.ts: captures, `${seq}`, `${vu}`, data columns, `${random(1,10)}`,
 * `${uuid()}`). Compiled once per plan; rendering a string without placeholders returns it as is,
 * so the common case costs nothing per request.
 *
 * A runtime name with no value (a capture that failed) makes the render `undefined`: the caller
 * never sends such a request, rather than put a literal `${token}` on the wire.
 */


/**
 * `runtime`: the names the engine fills (builtins, captures). Any other plain `${NAME}` is literal
 * text: it can only be what an escaped `$${NAME}` became at load (an unset env name is refused
 * there). Absent: every name is a runtime name.
 */
function compileTemplate(text, escapeValue = (v) => v, runtime) {
    if (!text.includes('${'))
        return () => text;
    const literals = [];
    const parts = [];
    let last = 0;
    let literal = '';
    for (const m of text.matchAll(placeholders_PLACEHOLDER)) {
        literal += text.slice(last, m.index);
        last = m.index + m[0].length;
        const p = m[0].startsWith('$$') ? undefined : parsePlaceholder(m[1]);
        const part = typeof p === 'object' ? partOf(p, runtime) : undefined;
        if (part === undefined) {
            literal += m[0].startsWith('$$') ? m[0].slice(1) : m[0];
            continue;
        }
        literals.push(literal);
        literal = '';
        parts.push(part);
    }
    literals.push(literal + text.slice(last));
    if (parts.length === 0) {
        const plain = literals[0];
        return () => plain;
    }
    return (vars) => {
        let out = literals[0];
        for (let i = 0; i < parts.length; i++) {
            const part = parts[i];
            const v = typeof part === 'string' ? vars[part] : part();
            if (v === undefined)
                return undefined;
            out += escapeValue(v) + literals[i + 1];
        }
        return out;
    };
}
function partOf(p, runtime) {
    switch (p.kind) {
        case 'name':
            return !runtime || runtime.has(p.name) ? p.name : undefined;
        case 'data':
            return dataKey(p.set, p.column);
        case 'random': {
            const { min } = p;
            const span = p.max - p.min + 1;
            return () => String(min + Math.floor(Math.random() * span));
        }
        case 'uuid':
            return external_node_crypto_.randomUUID;
    }
}
/** The vars keys a string needs set (captures, builtins, data columns); draws (random, uuid) need none. */
function templateNeeds(text, runtime) {
    const out = [];
    if (!text.includes('${'))
        return out;
    for (const m of text.matchAll(placeholders_PLACEHOLDER)) {
        if (m[0].startsWith('$$'))
            continue;
        const p = parsePlaceholder(m[1]);
        if (typeof p === 'string')
            continue;
        if (p.kind === 'name' && (!runtime || runtime.has(p.name)))
            out.push(p.name);
        if (p.kind === 'data')
            out.push(dataKey(p.set, p.column));
    }
    return out;
}
/** Escape a value for insertion inside a JSON string literal. */
const jsonStringEscape = (v) => JSON.stringify(v).slice(1, -1);

;// CONCATENATED MODULE: ./src/load/requests.ts


function compileRequest(spec, index, o = {}) {
    const runtime = o.runtime;
    const path = compileTemplate(spec.path, encodeURIComponent, runtime);
    const headerNames = Object.keys(spec.headers);
    const headerTemplates = headerNames.map((n) => compileTemplate(spec.headers[n], undefined, runtime));
    const dynamicHeaders = headerNames.some((n) => spec.headers[n].includes('${'));
    let body;
    const headers = { ...spec.headers };
    const bodyText = spec.json !== undefined ? JSON.stringify(spec.json) : spec.body;
    if (spec.json !== undefined) {
        body = compileTemplate(bodyText, jsonStringEscape, runtime);
        headers['content-type'] ??= 'application/json';
    }
    else if (spec.body !== undefined) {
        body = compileTemplate(spec.body, undefined, runtime);
    }
    const readBody = o.readBody === true ||
        spec.expect?.bodyContains !== undefined ||
        spec.expect?.json !== undefined ||
        (spec.capture !== undefined && Object.keys(spec.capture).length > 0);
    const base = { method: spec.method, timeoutMs: spec.timeoutMs, readBody };
    const expectedBody = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains, undefined, runtime) : undefined;
    const needs = [
        ...new Set([spec.path, ...Object.values(spec.headers), bodyText ?? '', spec.expect?.bodyContains ?? ''].flatMap((t) => templateNeeds(t, runtime))),
    ];
    if (!dynamicHeaders && !spec.path.includes('${') && !(bodyText ?? '').includes('${')) {
        // Nothing to fill in: one request object serves every send.
        const constant = { ...base, path: spec.path, headers, body: body?.({}) };
        return { spec, index, expectedBody, needs, build: () => constant };
    }
    return {
        spec,
        index,
        expectedBody,
        needs,
        build(vars) {
            let h = headers;
            if (dynamicHeaders) {
                h = { ...headers };
                for (let i = 0; i < headerNames.length; i++) {
                    const value = headerTemplates[i](vars);
                    if (value === undefined)
                        return undefined;
                    h[headerNames[i]] = value;
                }
            }
            const p = path(vars);
            if (p === undefined)
                return undefined;
            let b;
            if (body) {
                b = body(vars);
                if (b === undefined)
                    return undefined;
            }
            return { ...base, path: p, headers: h, body: b };
        },
    };
}
/**
 * The error kind of an outcome, or undefined for success. An `expect.status` list makes listed
 * codes successes (a 404 can be expected); unlisted ones are errors of their class.
 */
function classifyOutcome(spec, out, vars, expectedBody = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains) : undefined) {
    if (out.failure)
        return out.failure;
    const s = out.status;
    const expected = spec.expect?.status;
    const statusOk = expected && expected.length > 0 ? expected.includes(s) : s < 400;
    if (!statusOk) {
        if (s === 429)
            return 'rate_limited';
        if (s >= 500)
            return 'http_5xx';
        if (s >= 400)
            return 'http_4xx';
        return 'check';
    }
    if (expectedBody !== undefined) {
        const text = expectedBody(vars);
        if (text === undefined || !(out.body ?? '').includes(text))
            return 'check';
    }
    if (spec.expect?.json && jsonMismatches(spec.expect.json, out.body).length > 0)
        return 'check';
    return undefined;
}
/**
 * What an outcome missed, one phrase each, for messages (a failed session step, setup or verify):
 * "timed out", "409" (or "201, expected 200"; `answered` goes before it), "the body does not
 * contain …", "$.sold is 104, expected 100", a capture that found nothing. Empty: it met them all.
 */
function outcomeProblems(spec, out, vars, expectedBody, answered = '') {
    if (out.failure)
        return [out.failure === 'timeout' ? 'timed out' : `no connection${out.failureMessage ? ` (${out.failureMessage})` : ''}`];
    const listed = spec.expect?.status;
    const statusOk = listed && listed.length > 0 ? listed.includes(out.status) : out.status < 400;
    if (!statusOk)
        return [`${answered}${out.status}${listed && listed.length > 0 ? `, expected ${listed.join(' or ')}` : ''}`];
    const problems = [];
    if (expectedBody !== undefined) {
        const text = expectedBody(vars);
        if (text === undefined || !(out.body ?? '').includes(text))
            problems.push(`the body does not contain ${JSON.stringify(text ?? spec.expect?.bodyContains)}`);
    }
    if (spec.expect?.json)
        problems.push(...jsonMismatches(spec.expect.json, out.body));
    return problems;
}
/** What in a JSON body misses its `expect.json` entries, one phrase each ("$.sold is 104, expected 100"); empty when all hold. */
function jsonMismatches(expectations, body) {
    let doc;
    try {
        doc = JSON.parse(body ?? '');
    }
    catch {
        return [`the body is not JSON${body ? ` (${requests_sample(body)})` : ' (empty)'}`];
    }
    const out = [];
    for (const e of expectations) {
        const v = readJsonPath(doc, e.path);
        if (v === undefined) {
            out.push(`${e.path} is missing, expected ${e.op === '=' ? e.raw : e.raw.trim()}`);
            continue;
        }
        if (!meets(v, e))
            out.push(`${e.path} is ${JSON.stringify(v)}, expected ${e.op === '=' ? e.raw : e.raw.trim()}`);
    }
    return out;
}
function meets(v, e) {
    // A literal equals as JSON (0 is not "0"); a rule string (">= 0", "= 100") compares numbers.
    if (e.literal)
        return sameJson(v, e.value);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isNaN(n))
        return false;
    const limit = e.value;
    switch (e.op) {
        case '=':
            return n === limit;
        case '!=':
            return n !== limit;
        case '<':
            return n < limit;
        case '<=':
            return n <= limit;
        case '>':
            return n > limit;
        case '>=':
            return n >= limit;
    }
}
/** Deep equality of JSON values (key order ignored). */
function sameJson(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}
/** The start of a body, one line, for messages. */
function requests_sample(body, max = 120) {
    const line = body.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max)}…` : line;
}
/** Copy captured values into `vars`; false when one is missing (a `check` failure). */
function applyCaptures(spec, body, vars) {
    if (!spec.capture)
        return true;
    let doc;
    try {
        doc = JSON.parse(body ?? '');
    }
    catch {
        return false;
    }
    let ok = true;
    for (const [name, path] of Object.entries(spec.capture)) {
        const v = readJsonPath(doc, path);
        if (v === undefined || v === null)
            ok = false;
        else
            vars[name] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return ok;
}
/** Weighted choice over the mix, by cumulative weights and a binary search. */
function weightedPicker(items, random = Math.random) {
    if (items.length === 1) {
        const only = items[0];
        return () => only;
    }
    const cumulative = [];
    let total = 0;
    for (const it of items)
        cumulative.push((total += it.spec.weight));
    return () => {
        const x = random() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (x < cumulative[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        return items[lo];
    };
}

;// CONCATENATED MODULE: ./src/load/context.ts
/**
 * What every executor shares within one stage: the client, the compiled mix, the metrics, the
 * clock, and the one function that sends a request and records it. Keeping that function here
 * means the open, closed and burst executors differ only in *when* they call it.
 */


/**
 * Adds one part's unsent requests (a worker thread, an A/B round) into another's. `merge` adds
 * shards' blocks on its own (src/report/merge.ts): it keeps at most five names even from one shard.
 */
function addUnsentTally(into, from) {
    if (!from || from.count === 0)
        return into;
    if (!into)
        return { count: from.count, missing: [...from.missing] };
    return { count: into.count + from.count, missing: [...new Set([...into.missing, ...from.missing])].slice(0, 5) };
}
/** The next `${seq}` value, as a string (what templates take). */
function nextSeq(seq) {
    return String((seq.value += seq.stride ?? 1));
}
const now = () => external_node_perf_hooks_.performance.now();
/**
 * Send one request and record it; `done` runs once it is recorded. `intendedStart` is when the
 * request *should* have gone out (open model: its scheduled time), so generator or pool delays
 * count as latency, never hidden. Callbacks, not promises: this is the run loop's hot path, and a
 * closed-model user sends its next request from inside `done`.
 */
/**
 * `captureInto`: where the response's captures go (default `vars`); an open-model request with a
 * data row of its own sends with vars over the shared ones, and captures into the shared ones.
 */
function execute(ctx, req, vars, intendedStart, done, captureInto = vars) {
    vars.seq = nextSeq(ctx.seq);
    const built = req.build(vars);
    if (built === undefined) {
        // A value it needs is missing (a capture that failed): never sent with a literal `${name}`.
        noteUnsent(ctx, req.needs, vars);
        setImmediate(done);
        return;
    }
    ctx.inFlight++;
    if (ctx.inFlight > ctx.active)
        ctx.active = ctx.inFlight;
    let dispatching = true;
    ctx.client.dispatch(built, (out) => {
        // Cancelled because the run was stopped: no measurement, neither a success nor an error.
        if (!out.cancelled) {
            const error = checkOutcome(ctx, req, vars, out, captureInto);
            ctx.metrics.record(req.index, intendedStart - ctx.t0, now() - intendedStart, out.status, error);
            if (out.retryAfter !== undefined)
                ctx.metrics.noteRetryAfter(out.retryAfter);
        }
        settled(ctx);
        // Refused before it left (an invalid header): let I/O and timers run before the next send, or
        // a user failing every request at once would recurse and starve the event loop.
        if (dispatching)
            setImmediate(done);
        else
            done();
    });
    dispatching = false;
}
/** `execute` as a promise (burst releases, one-off sends). */
function executeAsync(ctx, req, vars, intendedStart, captureInto = vars) {
    return new Promise((resolve) => execute(ctx, req, vars, intendedStart, resolve, captureInto));
}
/** One request (or message) in flight has finished: wake `waitIdle` when none are left. */
function settled(ctx) {
    if (--ctx.inFlight === 0 && ctx.idleWaiters.length > 0)
        for (const w of ctx.idleWaiters.splice(0))
            w();
}
/** Unsent requests, none sent and none in flight: nothing of the stage can ever be sent. */
const UNSENT_STOP = 1000;
/** A request (or a user's whole mix) not sent for want of values: counted, and named. */
function noteUnsent(ctx, needs, vars) {
    ctx.unsent.count++;
    if (ctx.unsent.missing.length < 5) {
        for (const k of needs)
            if (vars[k] === undefined && !ctx.unsent.missing.includes(k))
                ctx.unsent.missing.push(k);
    }
    // A user back to back would otherwise spin on requests it can never build.
    if (ctx.unsent.count >= UNSENT_STOP && ctx.metrics.requests === 0 && ctx.inFlight === 0) {
        ctx.stop(`no request could be sent: ${ctx.unsent.missing.map((k) => `\${${k}}`).join(', ')} had no value`);
    }
}
/**
 * Runs the plan's session steps for one user, in order (recorded under their own endpoints only);
 * true when every step met its `expect` and its captures. The first step that does not ends the
 * session: the user has an error of kind `session`, and the steps after it, which may need what it
 * failed to set, are not sent.
 */
async function runSession(ctx, vars) {
    if (ctx.session.length === 0)
        return true;
    ctx.sessions.users++;
    for (const step of ctx.session) {
        if (ctx.signal.aborted)
            return false;
        const start = now();
        vars.seq = nextSeq(ctx.seq);
        const request = step.build(vars);
        if (request === undefined) {
            failSession(ctx, { step: step.spec.name, status: 0, reason: `${missingNames(step, vars)} had no value` });
            return false;
        }
        const out = await ctx.client.send(request);
        if (out.cancelled)
            return false;
        const error = classifyOutcome(step.spec, out, vars, step.expectedBody);
        const captured = error === undefined ? missingCapture(step, out.body, vars) : undefined;
        if (out.failureMessage !== undefined)
            ctx.metrics.noteErrorMessage(out.failureMessage);
        ctx.metrics.recordSessionStep(step.index, now() - start, error ?? (captured ? 'check' : undefined));
        if (error !== undefined || captured !== undefined) {
            const reason = captured ?? outcomeProblems(step.spec, out, vars, step.expectedBody).join('; ');
            failSession(ctx, { step: step.spec.name, status: out.status, reason, sample: out.body ? requests_sample(out.body) : undefined });
            return false;
        }
    }
    return true;
}
function failSession(ctx, failure) {
    ctx.sessions.failed++;
    ctx.sessions.first ??= failure;
    ctx.metrics.recordSessionFailure(Math.max(0, now() - ctx.t0));
}
/** The captures a session step's body did not hold, as a phrase; undefined when all were found. */
function missingCapture(step, body, vars) {
    if (applyCaptures(step.spec, body, vars))
        return undefined;
    const lost = Object.entries(step.spec.capture ?? {}).filter(([name]) => vars[name] === undefined);
    return `capture ${lost.map(([name, path]) => `${name} (${path})`).join(', ') || 'a value'} found nothing`;
}
function missingNames(req, vars) {
    return (req.needs
        .filter((k) => vars[k] === undefined)
        .map((k) => `\${${k}}`)
        .join(', ') || 'a value');
}
/** Classify and capture: what every response goes through, whatever records it. */
function checkOutcome(ctx, req, vars, out, captureInto) {
    let error = classifyOutcome(req.spec, out, vars, req.expectedBody);
    if (error === undefined && !applyCaptures(req.spec, out.body, captureInto))
        error = 'check';
    if (out.failureMessage !== undefined)
        ctx.metrics.noteErrorMessage(out.failureMessage);
    return error;
}
function waitIdle(ctx) {
    if (ctx.inFlight === 0)
        return Promise.resolve();
    return new Promise((resolve) => ctx.idleWaiters.push(resolve));
}

;// CONCATENATED MODULE: ./src/load/data-rows.ts
/**
 * Rows of the plan's `data:` sets handed to users and requests (SPEC §5, "Parameterised requests").
 * A row is copied into the vars a template reads, under `SET.COLUMN` keys, so filling a request
 * costs the same as any `${name}`:
 *  - a closed-model user takes its row once, for its session and all its requests;
 *  - an open-model request (and a setup or verify request) takes one per request.
 * Picks: sequential (closed: user N has row N, wrapping; open: the rows in order), random, unique
 * (each row once in the whole run; one more is an error that stops the stage; a user of a stage
 * that starts again, in a later stress step or A/B round, keeps the row it had).
 * Threads and shards share the rows out by their `share`, as `${seq}` is: user N of part i of n
 * is the plan's user (N−1)·n + i, so no two parts hand out the same sequential or unique row.
 */


class DataRows {
    cursors = new Map();
    part;
    constructor(sets, share) {
        for (const set of Object.values(sets ?? {}))
            this.cursors.set(set.name, { set, keys: set.columns.map((c) => dataKey(set.name, c)), taken: 0, byUser: new Map() });
        this.part = share ? { index: share.index, count: share.count } : { index: 1, count: 1 };
    }
    /** The sets (by name) that keys such as `users.email` belong to. */
    setsIn(keys) {
        const out = new Set();
        for (const k of keys) {
            const dot = k.indexOf('.');
            if (dot > 0 && this.cursors.has(k.slice(0, dot)))
                out.add(k.slice(0, dot));
        }
        return [...out];
    }
    /**
     * Copies a row of each set into `vars`. `user`: a closed-model user's number in this part (its
     * sequential row); absent: the next row in order. Throws RowsExhausted when a unique set has none left.
     */
    fill(vars, sets, user, stage = '') {
        for (const name of sets) {
            const c = this.cursors.get(name);
            const row = c.set.rows[this.rowIndex(c, user, stage)];
            for (let i = 0; i < c.keys.length; i++)
                vars[c.keys[i]] = row[i] ?? '';
        }
    }
    rowIndex(c, user, stage) {
        const n = c.set.rows.length;
        const { index, count } = this.part;
        switch (c.set.pick) {
            case 'random':
                return Math.floor(Math.random() * n);
            case 'sequential':
                if (user !== undefined)
                    return ((user - 1) * count + index - 1) % n;
                return (c.taken++ * count + index - 1) % n;
            case 'unique': {
                const key = user === undefined ? undefined : `${stage}#${user}`;
                const kept = key === undefined ? undefined : c.byUser.get(key);
                if (kept !== undefined)
                    return kept;
                const i = c.taken * count + index - 1;
                if (i >= n)
                    throw new src_errors/* RowsExhausted */.PK(c.set);
                c.taken++;
                if (key !== undefined)
                    c.byUser.set(key, i);
                return i;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/load/stage-flows.ts

/** A request's `expect`, as one phrase. */
function expectedText(spec) {
    const parts = [spec.expect?.status?.length ? spec.expect.status.join(' or ') : '2xx/3xx'];
    if (spec.expect?.bodyContains !== undefined)
        parts.push(`body contains ${JSON.stringify(spec.expect.bodyContains)}`);
    for (const e of spec.expect?.json ?? [])
        parts.push(e.op === '=' ? `${e.path} = ${e.raw}` : `${e.path} ${e.raw.trim()}`);
    return parts.join(', ');
}
/** Sends `steps` in order with `vars` (captures are written into it); stops early only when the run is stopped. */
async function sendOnce(f, steps, vars) {
    const out = [];
    for (const spec of steps) {
        if (f.signal.aborted)
            break;
        const step = compileRequest(spec, 0, { runtime: f.runtime, readBody: true });
        // A row of its own per request, over the shared values (as an open-model request draws).
        const own = Object.create(vars);
        const sets = f.rows.setsIn(step.needs);
        if (sets.length > 0) {
            try {
                f.rows.fill(own, sets);
            }
            catch (err) {
                out.push({ name: spec.name, ok: false, status: 0, problems: [err.message], expected: expectedText(spec) });
                continue;
            }
        }
        const request = step.build(own);
        if (request === undefined) {
            const missing = step.needs.filter((k) => own[k] === undefined).map((k) => `\${${k}}`);
            out.push({ name: spec.name, ok: false, status: 0, problems: [`not sent: ${missing.join(', ')} had no value`], expected: expectedText(spec) });
            continue;
        }
        const res = await f.client.send(request);
        if (res.cancelled)
            break;
        const problems = outcomeProblems(spec, res, own, step.expectedBody, 'answered ');
        if (problems.length === 0 && !applyCaptures(spec, res.body, own))
            problems.push(`capture ${Object.keys(spec.capture ?? {}).join(', ')} found nothing`);
        // Captures carry over to the next step and to the stage (own's values are copied back).
        for (const k of Object.keys(own))
            if (!sets.some((s) => k.startsWith(`${s}.`)) && k !== 'seq')
                vars[k] = own[k];
        out.push({
            name: spec.name,
            ok: problems.length === 0,
            status: res.status,
            problems,
            expected: expectedText(spec),
            ...(problems.length > 0 && res.body ? { sample: requests_sample(res.body) } : {}),
        });
    }
    return out;
}
/**
 * A stage's setup and verify, with what they need: the values setup captures (copied into
 * `baseVars`, which every user starts from), and, when a setup or verify request needs a value the
 * plan's session captures (a verify behind a login), one session of their own, run first. That
 * session's values stay with setup and verify: users log in for themselves.
 */
class StageFlows {
    f;
    spec;
    session;
    /** What every user of the stage starts from: builtins at 0 and what setup captured. */
    baseVars = { vu: '0', iter: '0', seq: '0' };
    sessionVars = {};
    constructor(f, spec, session) {
        this.f = f;
        this.spec = spec;
        this.session = session;
    }
    /** Sends the session (when needed) and setup; their outcomes, or undefined when the stage has no setup and needed no session. */
    async setUp() {
        const out = [];
        if (this.needsSession()) {
            const vars = { ...this.baseVars };
            const steps = await sendOnce(this.f, this.session, vars);
            // A failed login is a failed setup: what verify finds behind it would mean nothing.
            out.push(...steps.filter((o) => !o.ok).map((o) => ({ ...o, name: `session ${o.name}` })));
            for (const name of captured(this.session))
                if (vars[name] !== undefined)
                    this.sessionVars[name] = vars[name];
        }
        if (this.spec.setup) {
            const vars = { ...this.baseVars, ...this.sessionVars };
            out.push(...(await sendOnce(this.f, this.spec.setup, vars)));
            for (const name of captured(this.spec.setup))
                if (vars[name] !== undefined)
                    this.baseVars[name] = vars[name];
        }
        return this.spec.setup || out.length > 0 ? out : undefined;
    }
    /** Sends verify (after the stage drained). */
    async verify() {
        if (!this.spec.verify)
            return undefined;
        return sendOnce(this.f, this.spec.verify, { ...this.baseVars, ...this.sessionVars });
    }
    needsSession() {
        const names = new Set(captured(this.session));
        if (names.size === 0)
            return false;
        const requests = [...(this.spec.setup ?? []), ...(this.spec.verify ?? [])];
        return requests.some((r) => compileRequest(r, 0, { runtime: this.f.runtime }).needs.some((k) => names.has(k)));
    }
}
const captured = (requests) => requests.flatMap((r) => Object.keys(r.capture ?? {}));

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/load/executors.ts
/**
 * The three ways a stage releases requests. They differ only in timing; sending and recording is
 * `execute` in context.ts.
 *  - open: requests at scheduled times whatever the target does (rate, spike); latency counts from
 *    the scheduled time, and a send that finds `maxInFlight` requests outstanding is dropped and
 *    counted, never queued out of sight;
 *  - closed: N users, each sending its next request when the previous one returns (vus, baseline);
 *  - burst: `size` requests at the same instant, `cycles` times.
 */




/** A send dispatched later than this after its scheduled time counts as late (generator lag). */
const LATE_SEND_MS = 10;
/**
 * `send` must count itself in `ctx.inFlight` (and call `settled`) for the cap and the drain to see it.
 * `stop`, asked before every send, ends the schedule early (a stress step whose break is already certain).
 */
async function runOpen(ctx, schedule, maxInFlight, send, stop) {
    const result = { scheduled: schedule.total, sent: 0, dropped: 0, lateSends: 0 };
    let k = 0;
    let stopped = false;
    await new Promise((resolve) => {
        const tick = () => {
            const elapsed = now() - ctx.t0;
            while (k < schedule.total && !ctx.signal.aborted && !(stopped ||= stop?.(result) === true)) {
                const due = schedule.sendTime(k);
                if (due > elapsed)
                    break;
                k++;
                if (elapsed - due > LATE_SEND_MS) {
                    result.lateSends++;
                    ctx.metrics.timeline.noteLate(due);
                }
                if (ctx.inFlight >= maxInFlight) {
                    result.dropped++;
                    ctx.metrics.timeline.noteDropped(due);
                    continue;
                }
                result.sent++;
                void send(ctx.t0 + due);
            }
            if (k >= schedule.total || ctx.signal.aborted || stopped)
                return resolve();
            // Sleep until the next send is due (timers fire ≥ 1 ms late; late sends are counted above).
            setTimeout(tick, Math.max(0, schedule.sendTime(k) - (now() - ctx.t0)));
        };
        tick();
    });
    await waitIdle(ctx);
    return result;
}
/**
 * The HTTP request sender for `runOpen` / `runBurst`: one pick from the mix per send. With data
 * sets, each request has a row of its own, in vars of its own over the shared session's.
 */
function httpSend(ctx, vars) {
    const pick = requestPicker(ctx, vars);
    if (!pick)
        return () => Promise.resolve(noteNothingToSend(ctx, vars));
    const sets = ctx.rows.setsIn(ctx.requests.flatMap((r) => r.needs));
    if (sets.length === 0)
        return (at) => executeAsync(ctx, pick(), vars, at);
    return (at) => {
        const own = Object.create(vars);
        if (!fillRows(ctx, own, sets))
            return Promise.resolve();
        return executeAsync(ctx, pick(), own, at, vars);
    };
}
/** Nothing of the mix can be sent with these values: counted as one unsent, with what is missing. */
function noteNothingToSend(ctx, vars) {
    noteUnsent(ctx, ctx.requests.flatMap((r) => r.needs), vars);
}
/** A new user's values: what setup captured, its number, its data row (closed model); undefined when a unique set ran out. */
function newUserVars(ctx, id) {
    const vars = { ...ctx.baseVars, vu: String(id) };
    return fillRows(ctx, vars, ctx.rowSets, id) ? vars : undefined;
}
/** Copies this user's (or, without `user`, this request's) rows into `vars`; false, and the stage stopped, when a unique set ran out. */
function fillRows(ctx, vars, sets, user) {
    if (sets.length === 0)
        return true;
    try {
        ctx.rows.fill(vars, sets, user, ctx.stage);
        return true;
    }
    catch (err) {
        if (!(err instanceof src_errors/* RowsExhausted */.PK))
            throw err;
        ctx.stop(err.message);
        return false;
    }
}
/**
 * What a user may send: the whole mix, or, when its session left values unset, the requests that
 * need none of them (values a request of the mix captures may still come). Undefined: nothing.
 */
function requestPicker(ctx, vars) {
    // Values still to come: what a request of the mix captures, and data rows drawn per request.
    const later = new Set(ctx.requests.flatMap((r) => [...Object.keys(r.spec.capture ?? {}), ...r.needs.filter((k) => ctx.rows.setsIn([k]).length > 0)]));
    const can = (r) => r.needs.every((k) => vars[k] !== undefined || later.has(k));
    if (ctx.requests.every(can))
        return ctx.pick;
    const sendable = ctx.requests.filter(can);
    return sendable.length > 0 ? weightedPicker(sendable) : undefined;
}
/** `known`: users already logged in (A/B rounds), by number; they skip the session and keep their values. */
async function runClosed(ctx, o, known) {
    const endAt = ctx.t0 + o.durationMs;
    const users = [];
    for (let i = 0; i < o.vus; i++) {
        const startDelay = o.vus > 1 ? (o.rampMs * i) / o.vus : 0;
        users.push(runUser(ctx, i + 1, startDelay, endAt, o.thinkMs, known));
    }
    await Promise.all(users);
}
/** Runs the session of users 1..`count` not yet in `known`, all at once, and keeps their values there. */
async function logInUsers(ctx, count, known) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((id) => !known.has(id));
    await Promise.all(missing.map(async (id) => {
        const vars = newUserVars(ctx, id);
        // Only a session that succeeded is kept for later rounds: a failed login logs in again next time.
        if (vars && (await runSession(ctx, vars)) && !ctx.signal.aborted)
            known.set(id, vars);
    }));
}
/**
 * Closed-model users 1..`count` sending until `endAt`, all at once. A user already in `known` has
 * run its session and keeps its values (a stress stage's users carry over from step to step).
 */
async function runUsersUntil(ctx, count, thinkMs, endAt, known) {
    const users = [];
    for (let i = 1; i <= count; i++)
        users.push(runUser(ctx, i, 0, endAt, thinkMs, known));
    await Promise.all(users);
}
async function runUser(ctx, id, startDelayMs, endAt, thinkMs, known) {
    if (startDelayMs > 0)
        await sleepUnlessAborted(startDelayMs, ctx.signal);
    if (ctx.signal.aborted || now() >= endAt)
        return;
    ctx.users++;
    try {
        let vars = known?.get(id);
        if (!vars) {
            vars = newUserVars(ctx, id);
            if (!vars)
                return;
            if (await runSession(ctx, vars))
                known?.set(id, vars);
        }
        // A user whose session failed sends only what needs none of the values it failed to set.
        const pick = requestPicker(ctx, vars);
        if (!pick)
            return noteNothingToSend(ctx, vars);
        if (thinkMs === 0)
            return await sendBackToBack(ctx, vars, endAt, pick);
        let iter = 0;
        while (!ctx.signal.aborted && now() < endAt) {
            vars.iter = String(iter++);
            await executeAsync(ctx, pick(), vars, now());
            await sleepUnlessAborted(Math.min(thinkMs, endAt - now()), ctx.signal);
        }
    }
    finally {
        ctx.users--;
    }
}
/** A user with no think time: each response sends the next request from its callback, no promise per request. */
function sendBackToBack(ctx, vars, endAt, pick) {
    return new Promise((resolve) => {
        let iter = 0;
        const next = () => {
            if (ctx.signal.aborted || now() >= endAt)
                return resolve();
            vars.iter = String(iter++);
            execute(ctx, pick(), vars, now(), next);
        };
        next();
    });
}
async function runBurst(ctx, size, cycles, pauseMs, send) {
    const out = [];
    for (let c = 0; c < cycles && !ctx.signal.aborted; c++) {
        if (c > 0)
            await sleepUnlessAborted(pauseMs, ctx.signal);
        const errorsBefore = ctx.metrics.errors;
        const requestsBefore = ctx.metrics.requests;
        const release = now();
        const sends = [];
        for (let i = 0; i < size; i++)
            sends.push(send(release));
        await Promise.all(sends);
        const errors = ctx.metrics.errors - errorsBefore;
        out.push({
            cycle: c + 1,
            duration_ms: Math.round((now() - release) * 1000) / 1000,
            successes: ctx.metrics.requests - requestsBefore - errors,
            errors,
        });
    }
    return out;
}
async function sleepUnlessAborted(ms, signal) {
    if (ms <= 0)
        return;
    try {
        await (0,external_node_timers_promises_.setTimeout)(ms, undefined, { signal });
    }
    catch {
        // aborted: the caller checks the signal
    }
}

;// CONCATENATED MODULE: ./src/load/schedule.ts
/**
 * Open-model send times. A rate profile is a list of linear segments; the k-th request is due when
 * the integral of the rate reaches k, so a ramp is exact and the total count is known up front
 * (200/s for 5 s is 1000 requests, not "about 1000").
 */
class RateSchedule {
    segments;
    /** Number of sends this schedule makes (the whole profile's, or this share's). */
    total;
    durationMs;
    starts = [];
    counts = [];
    offset;
    stride;
    cursor = 0;
    constructor(segments, share = { offset: 0, stride: 1 }) {
        this.segments = segments;
        let t = 0;
        let n = 0;
        for (const s of segments) {
            this.starts.push(t);
            this.counts.push(n);
            t += s.durationMs;
            n += ((s.from + s.to) / 2) * (s.durationMs / 1000);
        }
        this.durationMs = t;
        // The epsilon keeps 200/s × 5 s at 1000, not 999, after floating-point sums.
        const whole = Math.floor(n + 1e-6);
        this.offset = share.offset;
        this.stride = share.stride;
        this.total = whole > share.offset ? Math.ceil((whole - share.offset) / share.stride) : 0;
    }
    /** Offset in ms from the stage start at which send `k` (0-based, called with rising k) is due. */
    sendTime(k) {
        return this.wholeSendTime(this.offset + k * this.stride);
    }
    /** The same for send `k` of the whole profile. */
    wholeSendTime(k) {
        if (k < this.counts[this.cursor])
            this.cursor = 0;
        while (this.cursor + 1 < this.segments.length && k >= this.counts[this.cursor + 1] - 1e-9)
            this.cursor++;
        const s = this.segments[this.cursor];
        const n = k - this.counts[this.cursor];
        const d = s.durationMs / 1000;
        const a = s.from;
        const slope = d > 0 ? (s.to - s.from) / d : 0;
        // Solve a·τ + slope·τ²/2 = n for τ, in the form that stays stable when a = 0 or slope = 0.
        const root = Math.sqrt(Math.max(0, a * a + 2 * slope * n));
        const tau = a + root > 0 ? (2 * n) / (a + root) : 0;
        return this.starts[this.cursor] + tau * 1000;
    }
}

// EXTERNAL MODULE: ./node_modules/ws/wrapper.mjs
var wrapper = __webpack_require__(52977);
;// CONCATENATED MODULE: ./src/load/ws.ts
/**
 * WebSocket stages on `ws`: N connections (opened at once before the clock, or over `ramp`), each
 * reconnecting with backoff up to a cap, and one of three patterns:
 *  - request_reply: messages sent by the same executors as HTTP (open: RateSchedule, latency from
 *    the intended send time; closed: each connection sends its next message on the reply; burst),
 *    each matched to its reply (substring / regex template, or a JSON field equal to the sent one);
 *  - stream: an optional subscribe message, then every message received is counted, with the gaps
 *    between messages and, when the plan names the server's timestamp field, the lag;
 *  - connect: connections opened and held; each connection attempt is a "request".
 * Always: connect time (TCP + upgrade) in its own histogram, open connections as the timeline's
 * `active`, closes perf-gate did not ask for by code, reconnects, errors in the common taxonomy.
 */







/** At the end of a stage, connections get this long to finish the close handshake. */
const CLOSE_WAIT_MS = 1000;
const CLOSE_WAIT_ABORTED_MS = 100;
/** Reconnect backoff doubles per consecutive failed attempt, up to this. */
const MAX_BACKOFF_MS = 10_000;
/** The endpoint name a ws stage's messages are reported under. */
const wsEndpointName = (ws) => `ws ${ws.mode} ${ws.path || '/'}`;
/** target URL + path, with the scheme swapped: http → ws, https → wss (ws:// and wss:// kept). */
function wsUrl(target, path) {
    const u = new URL(target);
    const scheme = u.protocol === 'https:' || u.protocol === 'wss:' ? 'wss:' : 'ws:';
    return `${scheme}//${u.host}${u.pathname.replace(/\/+$/, '')}${path}`;
}
const escapeRegex = (v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NEVER = /(?!)/;
class Conn {
    id;
    state = 'idle';
    socket;
    pending = [];
    /** Sends due while the handshake is in flight: they go out on open (their wait counts). */
    queued = [];
    lastFailure = 'connect';
    reconnectsLeft;
    consecutiveFailures = 0;
    /** Timed-out messages whose replies may still arrive: such replies are not `check` failures. */
    lateCredit = 0;
    lastMessageAt;
    readyWaiters = [];
    closeWaiters = [];
    reconnectTimer;
    vars;
    constructor(id, reconnects, shared) {
        this.id = id;
        this.reconnectsLeft = reconnects;
        this.vars = { ...shared, vu: String(id + 1) };
    }
    /** Resolves true once open, false when it never will be (gave up, stage over). */
    whenReady(untilMs) {
        if (this.state === 'open')
            return Promise.resolve(true);
        if (this.state === 'dead')
            return Promise.resolve(false);
        return new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), Math.max(0, untilMs - now()));
            this.readyWaiters.push((open) => {
                clearTimeout(timer);
                resolve(open);
            });
        });
    }
    wake(open) {
        for (const w of this.readyWaiters.splice(0))
            w(open);
    }
}
class WsStage {
    spec;
    ws;
    ctx;
    o;
    conns = [];
    started = 0;
    rr = 0;
    openNow = 0;
    peakSinceSample = 0;
    ending = false;
    timers = new Set();
    sweeper;
    due = new DeadlineQueue();
    path;
    headers;
    sendT;
    subscribeT;
    matchT;
    regexT;
    m;
    rampMs;
    constructor(spec, ws, ctx, o) {
        this.spec = spec;
        this.ws = ws;
        this.ctx = ctx;
        this.o = o;
        if (!ctx.metrics.ws)
            throw new Error('WsStage needs StageMetrics.ws');
        this.m = ctx.metrics.ws;
        const runtime = o.runtime;
        this.path = compileTemplate(ws.path, encodeURIComponent, runtime);
        this.headers = Object.entries(ws.headers).map(([k, v]) => [k, compileTemplate(v, undefined, runtime)]);
        if (ws.send !== undefined)
            this.sendT = compileTemplate(ws.send, undefined, runtime);
        if (ws.subscribe !== undefined)
            this.subscribeT = compileTemplate(ws.subscribe, undefined, runtime);
        const e = ws.expectReply;
        if (e && 'match' in e)
            this.matchT = compileTemplate(e.match, undefined, runtime);
        if (e && 'regex' in e)
            this.regexT = compileTemplate(e.regex, escapeRegex, runtime);
        // Connections open over a load stage's ramp; other kinds open them all before the clock.
        this.rampMs = spec.kind === 'load' ? spec.rampMs : 0;
        const n = spec.connections ?? 1;
        for (let i = 0; i < n; i++) {
            const conn = new Conn(i, ws.reconnect.max, o.vars);
            if (o.fillRow && !o.fillRow(conn.vars, i + 1))
                break;
            this.conns.push(conn);
        }
    }
    /** Before the clock: without a ramp, open every connection and wait for each first outcome. */
    async prepare() {
        if (this.rampMs > 0)
            return;
        await Promise.all(this.conns.map((c) => this.start(c)));
    }
    /** The most connections open since the last sample (the timeline's `active`). */
    sampleActive() {
        const peak = Math.max(this.peakSinceSample, this.openNow);
        this.peakSinceSample = this.openNow;
        return peak;
    }
    async run(timing) {
        const n = this.conns.length;
        if (this.rampMs > 0) {
            for (const c of this.conns) {
                const delay = (this.rampMs * c.id) / n;
                if (delay === 0)
                    void this.start(c);
                else
                    this.later(delay, () => void this.start(c));
            }
        }
        const out = {};
        try {
            if (this.ws.mode !== 'request_reply') {
                await sleepUnlessAborted(this.ctx.t0 + timing.plannedMs - now(), this.ctx.signal);
            }
            else {
                this.sweeper = setInterval(() => this.expire(), SWEEP_MS);
                const send = (at) => this.message(this.pick(), at);
                if (timing.schedule) {
                    out.open = await runOpen(this.ctx, timing.schedule, this.spec.maxInFlight, send);
                }
                else if (this.spec.kind === 'burst') {
                    out.cycles = await runBurst(this.ctx, this.spec.size, this.spec.cycles, this.spec.pauseMs, send);
                }
                else {
                    const think = this.spec.kind === 'load' && this.spec.model === 'closed' ? this.spec.thinkMs : 0;
                    await Promise.all(this.conns.map((c) => this.closedLoop(c, this.ctx.t0 + timing.plannedMs, think)));
                }
                await waitIdle(this.ctx);
            }
        }
        finally {
            await this.shutdown();
        }
        return out;
    }
    /**
     * The run was stopped: messages still waiting for a reply are settled unrecorded (neither
     * answered nor failed), and users waiting for a connection give up, so the stage ends now.
     */
    cancel() {
        for (const c of this.conns) {
            for (const p of [...c.queued, ...c.pending]) {
                if (p.done)
                    continue;
                p.done = true;
                settled(this.ctx);
                p.resolve();
            }
            c.queued.length = 0;
            c.pending.length = 0;
            c.wake(false);
        }
    }
    /** Close every connection (1000), wait briefly for the handshakes, then drop what is left. */
    async shutdown() {
        if (this.ending)
            return;
        this.ending = true;
        this.m.openAtEnd = this.openNow;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        if (this.sweeper)
            clearInterval(this.sweeper);
        const closing = [];
        for (const c of this.conns) {
            if (c.reconnectTimer)
                clearTimeout(c.reconnectTimer);
            for (const p of [...c.queued, ...c.pending])
                this.finish(p, 'closed_abnormally');
            c.wake(false);
            const s = c.socket;
            if (!s || s.readyState === wrapper/* default */.Ay.CLOSED) {
                c.state = 'dead';
                continue;
            }
            closing.push(new Promise((resolve) => c.closeWaiters.push(resolve)));
            s.close(1000);
        }
        if (closing.length === 0)
            return;
        // A stopped run does not wait a whole second for close handshakes.
        const timer = setTimeout(() => {
            for (const c of this.conns)
                c.socket?.terminate();
        }, this.ctx.signal.aborted ? CLOSE_WAIT_ABORTED_MS : CLOSE_WAIT_MS);
        await Promise.all(closing);
        clearTimeout(timer);
    }
    /** Closed model: the next message when the last one is answered (or failed), after `think`. */
    async closedLoop(c, endAt, thinkMs) {
        while (!this.ctx.signal.aborted && now() < endAt) {
            if (!(await c.whenReady(endAt)))
                return;
            await this.message(c, now());
            if (thinkMs > 0)
                await sleepUnlessAborted(Math.min(thinkMs, endAt - now()), this.ctx.signal);
        }
    }
    later(ms, fn) {
        const t = setTimeout(() => {
            this.timers.delete(t);
            fn();
        }, ms);
        this.timers.add(t);
    }
    /** Round robin over the connections started so far (all of them once the ramp is over). */
    pick() {
        return this.conns[this.rr++ % Math.max(1, this.started)];
    }
    /** First connect of a connection: resolves on its first outcome (open or failed). */
    start(c) {
        this.started++;
        return new Promise((resolve) => this.connect(c, resolve));
    }
    connect(c, firstOutcome) {
        if (this.ending)
            return;
        c.state = 'connecting';
        const began = now();
        const headers = {};
        for (const [k, t] of this.headers) {
            const value = t(c.vars);
            if (value !== undefined)
                headers[k] = value;
            else
                return this.neverConnect(c, began, `header ${k}`, firstOutcome);
        }
        const path = this.path(c.vars);
        if (path === undefined)
            return this.neverConnect(c, began, 'path', firstOutcome);
        let failure = '';
        let opened = false;
        const socket = new wrapper/* default */.Ay(wsUrl(this.o.target, path), this.ws.subprotocols, {
            headers,
            handshakeTimeout: this.ws.timeoutMs,
            perMessageDeflate: false,
            followRedirects: false,
        });
        c.socket = socket;
        socket.on('error', (err) => (failure = err.message));
        socket.on('open', () => {
            opened = true;
            const connectMs = now() - began;
            recordMs(this.m.connect, connectMs);
            this.m.opened++;
            this.ctx.metrics.statusCodes.set(101, (this.ctx.metrics.statusCodes.get(101) ?? 0) + 1);
            c.consecutiveFailures = 0;
            c.state = 'open';
            if (++this.openNow > this.peakSinceSample)
                this.peakSinceSample = this.openNow;
            if (this.openNow > this.m.peakOpen)
                this.m.peakOpen = this.openNow;
            if (this.ws.mode === 'connect')
                this.ctx.metrics.record(0, began - this.ctx.t0, connectMs, 0, undefined);
            if (this.ws.mode === 'stream') {
                c.lastMessageAt = now();
                const subscribe = this.subscribeT?.(c.vars);
                if (subscribe !== undefined)
                    socket.send(subscribe);
                else if (this.subscribeT)
                    this.ctx.metrics.noteErrorMessage('subscribe not sent: a value it needs (a capture) had none');
            }
            for (const p of c.queued.splice(0))
                if (!p.done)
                    this.transmit(c, p);
            c.wake(true);
            firstOutcome?.();
        });
        socket.on('message', (data, isBinary) => this.onMessage(c, data, isBinary));
        socket.on('close', (code) => {
            for (const w of c.closeWaiters.splice(0))
                w();
            if (this.ending) {
                if (opened)
                    this.openNow--;
                c.state = 'dead';
                firstOutcome?.();
                return;
            }
            if (opened)
                this.onClosed(c, code);
            else
                this.onConnectFailed(c, began, failure || `closed during the handshake (${code})`);
            firstOutcome?.();
        });
    }
    /** The handshake needs a value the session failed to set: never attempted, and never retried. */
    neverConnect(c, began, what, firstOutcome) {
        c.reconnectsLeft = 0;
        this.onConnectFailed(c, began, `not connected: the websocket ${what} needs a value the session did not set`);
        firstOutcome?.();
    }
    onConnectFailed(c, began, message) {
        this.m.connectFailures++;
        const status = /Unexpected server response: (\d+)/.exec(message);
        if (status)
            this.ctx.metrics.statusCodes.set(Number(status[1]), (this.ctx.metrics.statusCodes.get(Number(status[1])) ?? 0) + 1);
        this.ctx.metrics.noteErrorMessage(message);
        c.lastFailure = 'connect';
        if (this.ws.mode === 'connect')
            this.ctx.metrics.record(0, began - this.ctx.t0, now() - began, 0, 'connect');
        else if (this.ws.mode === 'stream')
            this.ctx.metrics.recordEvent(0, now() - this.ctx.t0, 'connect');
        for (const p of c.queued.splice(0))
            this.finish(p, 'connect');
        c.consecutiveFailures++;
        this.retry(c);
    }
    onClosed(c, code) {
        this.openNow--;
        this.m.noteClose(code);
        c.lastFailure = 'closed_abnormally';
        for (const p of c.pending.splice(0))
            this.finish(p, 'closed_abnormally');
        if (this.ws.mode !== 'request_reply')
            this.ctx.metrics.recordEvent(0, now() - this.ctx.t0, 'closed_abnormally');
        this.retry(c);
    }
    /** Reconnect after backoff while the cap allows; otherwise the connection stays down. */
    retry(c) {
        c.socket = undefined;
        if (this.ending || this.ctx.signal.aborted || c.reconnectsLeft <= 0) {
            c.state = 'dead';
            c.wake(false);
            return;
        }
        c.state = 'down';
        c.reconnectsLeft--;
        this.m.reconnects++;
        const delay = Math.min(MAX_BACKOFF_MS, this.ws.reconnect.backoffMs * 2 ** Math.max(0, c.consecutiveFailures - 1));
        c.reconnectTimer = setTimeout(() => {
            c.reconnectTimer = undefined;
            this.connect(c);
        }, delay);
    }
    /** One request/reply message on `c`, meant to leave at `intended`; resolves when recorded. */
    message(c, intended) {
        this.ctx.inFlight++;
        const vars = c.vars;
        vars.seq = nextSeq(this.o.seq);
        const text = this.sendT(vars);
        return new Promise((resolve) => {
            const p = { intended, deadline: intended + this.ws.timeoutMs, conn: c, text: text ?? '', done: false, resolve };
            if (text === undefined) {
                // Never sent with a literal `${name}`: a failed message, and the reason in the samples.
                this.ctx.metrics.noteErrorMessage('message not sent: a value it needs (a capture) had none');
                return this.finish(p, 'check');
            }
            try {
                p.expect = this.expectation(text, vars);
            }
            catch {
                // A message that is not JSON has no field to match: the reply cannot be matched.
                this.ctx.metrics.noteErrorMessage('the sent message is not JSON: its reply cannot be matched by json_field');
                return this.finish(p, 'check');
            }
            if (c.state === 'open')
                this.transmit(c, p);
            else if (c.state === 'connecting' || c.state === 'idle') {
                c.queued.push(p);
                this.track(p);
            }
            else
                this.finish(p, c.lastFailure);
        });
    }
    expectation(text, vars) {
        // A matcher missing a value matches no reply (NEVER), rather than a literal `${name}`.
        if (this.matchT)
            return this.matchT(vars) ?? NEVER;
        if (this.regexT) {
            const source = this.regexT(vars);
            return source === undefined ? NEVER : new RegExp(source);
        }
        const e = this.ws.expectReply;
        if (e && 'jsonField' in e)
            return { field: e.jsonField, value: jsonText(readJsonPath(JSON.parse(text), e.jsonField)) };
        return undefined;
    }
    transmit(c, p) {
        c.pending.push(p);
        this.track(p);
        c.socket.send(p.text);
    }
    tracked = new WeakSet();
    track(p) {
        if (this.tracked.has(p))
            return;
        this.tracked.add(p);
        this.due.push(p);
    }
    expire() {
        this.due.expire(now(), (p) => {
            p.conn.lateCredit++;
            this.finish(p, 'timeout');
        });
    }
    finish(p, error) {
        if (p.done)
            return;
        p.done = true;
        this.ctx.metrics.record(0, p.intended - this.ctx.t0, now() - p.intended, 0, error);
        settled(this.ctx);
        p.resolve();
    }
    onMessage(c, data, isBinary) {
        if (this.ws.mode === 'connect')
            return;
        const text = isBinary ? '' : rawText(data);
        if (this.ws.mode === 'stream')
            return this.onStreamMessage(c, text);
        // Drop answered messages from the front so the scan stays short.
        while (c.pending.length > 0 && c.pending[0].done)
            c.pending.shift();
        let doc;
        let parsed = false;
        const matches = (p) => {
            const e = p.expect;
            if (e === undefined)
                return true;
            if (typeof e === 'string')
                return text.includes(e);
            if (e instanceof RegExp)
                return e.test(text);
            if (!parsed) {
                parsed = true;
                try {
                    doc = JSON.parse(text);
                }
                catch {
                    doc = undefined;
                }
            }
            return jsonText(readJsonPath(doc, e.field)) === e.value;
        };
        const hit = c.pending.find((p) => !p.done && matches(p));
        if (hit)
            return this.finish(hit);
        if (c.lateCredit > 0) {
            // Most likely the reply of a message that already timed out.
            c.lateCredit--;
            this.m.unmatchedReplies++;
            return;
        }
        const oldest = c.pending.find((p) => !p.done);
        if (!oldest) {
            this.m.unmatchedReplies++;
            return;
        }
        this.ctx.metrics.noteErrorMessage('a reply did not match its message (expect_reply)');
        this.finish(oldest, 'check');
    }
    onStreamMessage(c, text) {
        const t = now();
        const gap = t - (c.lastMessageAt ?? t);
        c.lastMessageAt = t;
        this.m.received++;
        recordMs(this.m.gap, gap);
        let latency = gap;
        let error;
        if (this.ws.timestampField) {
            let ts;
            try {
                ts = readJsonPath(JSON.parse(text), this.ws.timestampField);
            }
            catch {
                ts = undefined;
            }
            const serverMs = typeof ts === 'number' ? ts : typeof ts === 'string' && ts !== '' ? Number(ts) : NaN;
            if (Number.isFinite(serverMs)) {
                latency = Math.max(0, Date.now() - serverMs);
                recordMs(this.m.lag, latency);
            }
            else {
                error = 'check';
                this.ctx.metrics.noteErrorMessage(`a message had no number at ${this.ws.timestampField}`);
            }
        }
        this.ctx.metrics.record(0, t - this.ctx.t0, latency, 0, error);
    }
}
function rawText(data) {
    if (Array.isArray(data))
        return Buffer.concat(data).toString('utf8');
    return Buffer.from(data).toString('utf8');
}
/** Field values compared as text: `"7"` and `7` are the same id. */
function jsonText(v) {
    if (v === undefined)
        return '\u0000absent';
    return typeof v === 'string' ? v : JSON.stringify(v);
}

;// CONCATENATED MODULE: ./src/load/abort.ts
/** The always-on rule (unless `abort_when.target_down: false`): the target stopped answering. */
const TARGET_DOWN_RULE = { metric: 'connect_error_rate', op: '>=', value: 0.95, forMs: 3000, delayMs: 0, raw: 'target_down' };
/** Interval timers fire up to a few ms early against performance.now(): 1999.6 ms is 2 s here. */
const TIMER_SLACK_MS = 50;
const QUANTILES = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, max: 1 };
/** The rules that watch a stage: the plan's (for this stage or every stage) and the default one. */
function stageAbortRules(policy, stage) {
    const rules = (policy?.rules ?? []).filter((r) => r.stages === undefined || r.stages.includes(stage));
    return policy?.targetDown === false ? rules : [...rules, TARGET_DOWN_RULE];
}
class AbortWatch {
    watched;
    latency;
    count = 0;
    errors = 0;
    connect = 0;
    /** Stage time (ms) the current second began. */
    bucketStart = 0;
    triggered;
    constructor(rules) {
        this.watched = rules.map((rule) => ({ rule, over: 0 }));
        this.latency = this.watched.filter((w) => QUANTILES[w.rule.metric] !== undefined);
    }
    get active() {
        return this.watched.length > 0;
    }
    /** One completion (a request, or an error event without a latency). */
    note(latencyMs, error) {
        this.count++;
        if (error !== undefined) {
            this.errors++;
            if (error === 'connect')
                this.connect++;
        }
        if (latencyMs === undefined)
            return;
        for (const w of this.latency)
            if (w.rule.op === '>' ? latencyMs > w.rule.value : latencyMs >= w.rule.value)
                w.over++;
    }
    /**
     * Closes the second ending at `elapsedMs` (stage time) and judges it; returns the trigger the
     * first time a rule has held long enough (and the same one on later calls).
     */
    check(elapsedMs) {
        if (this.triggered)
            return this.triggered;
        const start = this.bucketStart;
        for (const w of this.watched) {
            // Not judged before `delay`: only seconds that start after it count (delayAbortEval).
            if (start < w.rule.delayMs || this.count === 0)
                continue;
            if (!this.crosses(w)) {
                w.since = undefined;
                continue;
            }
            w.since ??= start;
            if (elapsedMs - w.since + TIMER_SLACK_MS >= w.rule.forMs) {
                this.triggered = { rule: w.rule.raw, at_s: Math.round(elapsedMs / 100) / 10, reason: this.reason(w, elapsedMs - w.since) };
                break;
            }
        }
        this.count = this.errors = this.connect = 0;
        for (const w of this.latency)
            w.over = 0;
        this.bucketStart = elapsedMs;
        return this.triggered;
    }
    crosses(w) {
        const { metric, op, value } = w.rule;
        const q = QUANTILES[metric];
        if (q !== undefined) {
            const rank = Math.max(1, Math.ceil(q * this.count));
            return w.over > this.count - rank;
        }
        const share = (metric === 'connect_error_rate' ? this.connect : this.errors) / this.count;
        return op === '>' ? share > value : share >= value;
    }
    reason(w, heldMs) {
        const held = `${(heldMs / 1000).toFixed(1)} s`;
        const last = `${this.count} completions in the last second`;
        if (w.rule === TARGET_DOWN_RULE) {
            return `the target stopped answering (connect errors on ≥ 95 % of requests for ${held}; ${pct(this.connect / this.count)} of ${last})`;
        }
        const q = QUANTILES[w.rule.metric];
        const now = q !== undefined
            ? `${w.over} of ${last} ${w.rule.op === '>' ? 'above' : 'at or above'} ${w.rule.value} ms`
            : `${pct((w.rule.metric === 'connect_error_rate' ? this.connect : this.errors) / this.count)} of ${last} ${w.rule.metric === 'connect_error_rate' ? 'connect errors' : 'errors'}`;
        return `${w.rule.raw} held for ${held} (${now})`;
    }
}
const pct = (x) => `${(x * 100).toFixed(x === 1 || x === 0 ? 0 : 1)} %`;

// EXTERNAL MODULE: ./src/model/format.ts
var model_format = __webpack_require__(60826);
;// CONCATENATED MODULE: ./src/load/stress.ts








const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
async function runStress(ctx, spec, shared) {
    const steps = [];
    const open = { scheduled: 0, sent: 0, dropped: 0, lateSends: 0 };
    const users = new Map();
    for (const [index, level] of stressLevels(spec).entries()) {
        if (ctx.signal.aborted)
            break;
        const startMs = now() - ctx.t0;
        const span = new SpanMetrics(startMs);
        ctx.metrics.spans.push(span);
        let dropped = 0;
        let endedEarly = false;
        if (spec.model === 'open') {
            // The same open-model scheduler as a load stage: a silent lead-in up to the step's start, then the step's rate.
            const schedule = new RateSchedule([
                { durationMs: startMs, from: 0, to: 0 },
                { durationMs: spec.everyMs, from: level, to: level },
            ]);
            const certain = certainBreak(spec.until, span, schedule.total);
            const r = await runOpen(ctx, schedule, spec.maxInFlight, httpSend(ctx, shared), (sofar) => (endedEarly = certain(sofar.dropped)));
            // A step that stopped early asked for the sends it reached, not its whole schedule.
            open.scheduled += endedEarly ? r.sent + r.dropped : r.scheduled;
            open.sent += r.sent;
            open.dropped += r.dropped;
            open.lateSends += r.lateSends;
            dropped = r.dropped;
        }
        else {
            await runUsersUntil(ctx, level, spec.thinkMs, ctx.t0 + startMs + spec.everyMs, users);
        }
        span.toMs = now() - ctx.t0;
        // A step cut short (abort_when, Ctrl-C) measured too little to pass or break.
        if (ctx.signal.aborted)
            break;
        const step = judgeStep(spec.until, index, level, startMs, span.toMs - startMs, {
            requests: span.requests,
            errors: span.errors,
            latency: summarize(span.histogram),
            dropped,
        });
        if (endedEarly)
            step.ended_early = true;
        steps.push(step);
        if (!step.passed)
            break;
    }
    return { outcome: stressOutcome(spec, steps), open: spec.model === 'open' ? open : undefined };
}
/** A step whose error share reaches this breaks, whatever its conditions say. */
const ALWAYS_BREAKS_AT_ERRORS = 0.5;
/** The share of requests a latency metric lets be at or over its limit (p95: 5 %); undefined: no count can make the break certain (min, mean). */
const TAIL_SHARE = { p50: 0.5, p90: 0.1, p95: 0.05, p99: 0.01, p999: 0.001, max: 0 };
/**
 * Open model: a test, cheap enough to ask before every send, of whether the step will break
 * whatever its remaining requests do, so the stage can stop loading a target that is already
 * failing instead of finishing the step. The step sends at most `planned` requests, so once the
 * errors alone, or the requests over a latency limit alone, pass the rule's share of `planned`,
 * the step's final numbers break it too. A dropped send breaks the step outright.
 */
function certainBreak(until, span, planned) {
    const errorLimits = [];
    const slow = [];
    for (const r of until) {
        // Only upper limits ("< 200ms", "<= 1%") can be known broken before the step ends.
        if (r.op !== '<' && r.op !== '<=')
            continue;
        if (r.metric === 'error_rate')
            errorLimits.push({ value: r.value, strict: r.op === '<=' });
        const share = TAIL_SHARE[r.metric];
        if (share === undefined)
            continue;
        // "< 200ms" breaks at 200 ms or more; "<= 200ms" above 200 ms.
        const w = { ms: r.value, strict: r.op === '<=', count: 0 };
        span.slow.push(w);
        slow.push({ w, allowed: share * planned });
    }
    // Whatever the conditions, a step with half its requests failing breaks (judgeStep): ending it as
    // soon as that is certain also beats target_down's abort, so the breaking point is still found.
    errorLimits.push({ value: ALWAYS_BREAKS_AT_ERRORS, strict: false });
    return (dropped) => dropped > 0 ||
        errorLimits.some((e) => (e.strict ? span.errors / planned > e.value : span.errors / planned >= e.value)) ||
        slow.some((s) => s.w.count > s.allowed);
}
/** One step's numbers against the break conditions (pure). */
function judgeStep(until, index, level, startMs, durationMs, n) {
    const errorRate = n.requests > 0 ? round(n.errors / n.requests, 6) : 0;
    const broke = [];
    if (n.requests === 0)
        broke.push('no request completed');
    else {
        let errorsBroke = false;
        for (const rule of until) {
            const value = rule.metric === 'error_rate' ? errorRate : n.latency[rule.metric];
            if ((0,units/* compare */.UD)(value, rule.op, rule.value))
                continue;
            broke.push(`${rule.metric} ${rule.raw} (was ${(0,model_format/* fmtMetric */.IZ)(rule.metric, value)})`);
            if (rule.metric === 'error_rate')
                errorsBroke = true;
        }
        // Conditions on latency alone pass a target that fails fast (refused connections, instant 503s).
        if (!errorsBroke && errorRate >= ALWAYS_BREAKS_AT_ERRORS)
            broke.push(`errors ${Math.round(errorRate * 100)}% (a step with half its requests failing always breaks)`);
    }
    // Sends the generator had to skip are load the target did not take: the step was not served.
    if (n.dropped > 0)
        broke.push(`${n.dropped} sends dropped (max_in_flight requests outstanding)`);
    const step = {
        index,
        level,
        start_s: round(startMs / 1000),
        duration_s: round(durationMs / 1000),
        requests: n.requests,
        errors: n.errors,
        error_rate: errorRate,
        rps: round(n.requests / Math.max(0.001, durationMs / 1000), 2),
        latency_ms: { p50: n.latency.p50, p95: n.latency.p95, p99: n.latency.p99 },
        passed: broke.length === 0,
    };
    if (broke.length > 0)
        step.broke = broke;
    if (n.dropped > 0)
        step.dropped = n.dropped;
    return step;
}
/** The steps as run → the breaking point: the last level that passed before the first that broke. */
function stressOutcome(spec, steps) {
    const broken = steps.find((s) => !s.passed);
    const passed = steps.filter((s) => s.passed);
    const levels = stressLevels(spec);
    return {
        unit: spec.model === 'open' ? 'rps' : 'vus',
        from: spec.from,
        step: spec.step,
        every_s: spec.everyMs / 1000,
        max: spec.max,
        ...(spec.levels && { levels: spec.levels }),
        until: spec.until.map((r) => `${r.metric} ${r.raw}`),
        steps,
        breaking_point: passed.length > 0 ? passed[passed.length - 1].level : null,
        broke_at: broken ? broken.level : null,
        reached_max: !broken && passed.length === levels.length,
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/load/process-group.ts
/**
 * The process group a `target.start` command runs in (its shell, the app, the app's children).
 * Stopping the shell is not stopping the app: a server that ignores SIGTERM outlives it, keeps the
 * port, and the next run would measure that stale server. So stopping waits for the whole group.
 */

/**
 * Whether any process of group `pgid` is still running. Zombies do not count: where PID 1 does not
 * reap orphans (containers), an app that exited stays a zombie in its group forever. Linux reads
 * /proc; elsewhere a signal-0 probe (which counts zombies too) stands in.
 */
function groupRunning(pgid) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return signalZeroReaches(pgid);
    }
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        let stat;
        try {
            stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'latin1');
        }
        catch {
            continue; // it ended while we looked
        }
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgrp) === pgid && state !== 'Z')
            return true;
    }
    return false;
}
function signalZeroReaches(pgid) {
    try {
        process.kill(-pgid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Sends `signal` to every process of the group; false when none was there to get it. */
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/load/target.ts
/**
 * Getting the target ready before the first stage: optionally start it, then wait until it answers.
 * Failing here is exit 3 (TargetUnreachableError), with the URL (credentials and query left out)
 * and the last error seen, within `ready_timeout`: each probe gets at most the time left.
 */








/** The longest one readiness probe may take (less when `ready_timeout` has less left). */
const target_PROBE_TIMEOUT_MS = 2000;
/** A probe always gets this long, even at the deadline: the last chance is a real one. */
const MIN_PROBE_MS = 50;
/** Pause between probes. */
const PROBE_PAUSE_MS = 250;
/** How long a started target gets to end after SIGTERM before its group gets SIGKILL. */
const STOP_GRACE_MS = 3000;
const STOP_POLL_MS = 50;
/** After SIGKILL the processes are gone within milliseconds; this bounds the wait for them. */
const KILL_WAIT_MS = 500;
/** After the start command exits, how long its output may still trickle in before it is quoted. */
const OUTPUT_SETTLE_MS = 200;
/** How long the port-in-use check waits for a connect: loopback refuses at once, so this only bounds odd hosts. */
const PORT_CHECK_MS = 500;
/**
 * Start `command` in a shell, in its own process group so stop() ends its children too. `env`:
 * its environment (default: perf-gate's own).
 */
function startTarget(command, cwd, env) {
    const child = (0,external_node_child_process_.spawn)(command, { shell: true, cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
        tail = (tail + chunk.toString()).slice(-2000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let spawnError;
    let ended = false;
    const endedPromise = new Promise((resolve) => {
        const end = () => {
            ended = true;
            resolve();
        };
        // Without this listener a command that cannot spawn (no such cwd) crashes the process.
        child.once('error', (err) => {
            spawnError = err;
            end();
        });
        child.once('close', end);
        // A child that leaves its output pipes open to a grandchild never "closes".
        child.once('exit', () => setTimeout(end, OUTPUT_SETTLE_MS).unref());
    });
    const failure = () => {
        const lastOutput = lastLine(tail.trim());
        if (spawnError)
            return { reason: `could not be started (${(0,external_node_fs_.existsSync)(cwd) ? spawnError.message : `its working directory ${cwd} does not exist`})`, lastOutput };
        return ended ? { reason: `exited (${child.exitCode ?? child.signalCode})`, lastOutput } : undefined;
    };
    // perf-gate quitting before stop() (a second Ctrl-C quits at once, an error exits) must not leave
    // the target running: the group gets SIGKILL as the process exits, if any of it still runs.
    const pgid = child.pid;
    const killOnExit = () => {
        if (pgid !== undefined && groupRunning(pgid))
            signalGroup(pgid, 'SIGKILL');
    };
    if (pgid !== undefined)
        process.once('exit', killOnExit);
    const stop = async () => {
        if (pgid === undefined)
            return;
        // SIGTERM, then up to STOP_GRACE_MS for every process of the group (not only the shell) to end.
        if (groupRunning(pgid) && signalGroup(pgid, 'SIGTERM')) {
            const deadline = Date.now() + STOP_GRACE_MS;
            while (groupRunning(pgid) && Date.now() < deadline)
                await (0,external_node_timers_promises_.setTimeout)(STOP_POLL_MS);
            if (groupRunning(pgid)) {
                signalGroup(pgid, 'SIGKILL');
                // SIGKILL is delivered at once but the processes take a moment to be gone.
                const killDeadline = Date.now() + KILL_WAIT_MS;
                while (groupRunning(pgid) && Date.now() < killDeadline)
                    await (0,external_node_timers_promises_.setTimeout)(STOP_POLL_MS);
            }
        }
        process.removeListener('exit', killOnExit);
    };
    return { child, output: () => tail, failure, ended: endedPromise, stop };
}
/**
 * Poll until the target answers: `readyPath` must give a 2xx; without it a TCP connect is enough.
 * Without a start command or ready path there is nothing to wait for, so callers pass a short timeout.
 */
async function waitUntilReady(o) {
    const shown = (0,model_format/* displayUrl */.Qy)(o.url);
    const deadline = Date.now() + o.timeoutMs;
    let lastError = 'no answer';
    // Ends a probe or a pause early: the command exited, or the run was stopped.
    const wake = new AbortController();
    const onWake = () => wake.abort();
    void o.started?.ended.then(onWake);
    o.signal?.addEventListener('abort', onWake, { once: true });
    try {
        for (;;) {
            const gone = o.started?.failure();
            if (gone) {
                const said = gone.lastOutput ? `; its last output: ${gone.lastOutput}` : '';
                throw new src_errors/* TargetUnreachableError */.ms(`target start command ${gone.reason} before ${shown} was ready${said}`);
            }
            if (o.signal?.aborted)
                return;
            const budget = Math.min(target_PROBE_TIMEOUT_MS, Math.max(MIN_PROBE_MS, deadline - Date.now()));
            try {
                await probe(o, budget, wake.signal);
                return;
            }
            catch (err) {
                lastError = err.message || String(err);
            }
            if (wake.signal.aborted)
                continue;
            if (Date.now() >= deadline)
                throw new src_errors/* TargetUnreachableError */.ms(`target ${shown} is not reachable: ${lastError}`);
            await (0,external_node_timers_promises_.setTimeout)(Math.min(PROBE_PAUSE_MS, Math.max(0, deadline - Date.now())), undefined, { signal: wake.signal }).catch(() => { });
        }
    }
    finally {
        o.signal?.removeEventListener('abort', onWake);
    }
}
/** One readiness probe, given up after `budgetMs` or when `wake` aborts. */
async function probe(o, budgetMs, wake) {
    const signal = AbortSignal.any([wake, AbortSignal.timeout(budgetMs)]);
    if (!o.readyPath)
        return tcpProbe(o.url, budgetMs, signal);
    const readyUrl = new URL(o.readyPath, withSlash(o.url)).toString();
    try {
        const res = await (0,undici/* request */.Em)(readyUrl, { signal, headersTimeout: budgetMs, bodyTimeout: budgetMs });
        await res.body.dump();
        if (res.statusCode >= 200 && res.statusCode < 300)
            return;
        throw new Error(`${(0,model_format/* displayUrl */.Qy)(readyUrl)} answered ${res.statusCode}`);
    }
    catch (err) {
        if (signal.aborted && !wake.aborted)
            throw new Error(`${(0,model_format/* displayUrl */.Qy)(readyUrl)} gave no answer within ${budgetMs} ms`);
        throw err;
    }
}
/** The host and port a target URL connects to (default ports filled in, IPv6 brackets dropped). */
function hostPort(targetUrl) {
    const u = new URL(targetUrl);
    const port = Number(u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80));
    return { host: u.hostname.replace(/^\[|\]$/g, ''), port };
}
/**
 * Before `target.start` runs: when the target's port already accepts connections, a stale server
 * (an earlier run's, a dev server) would be measured instead of the app the plan starts, so stop
 * with exit 3. A refused, failed or unanswered connect means the port is free to start on.
 */
async function refuseOccupiedPort(targetUrl, instead = 'drop target.start to test the running server') {
    const { host, port } = hostPort(targetUrl);
    const answered = await tcpProbe(targetUrl, PORT_CHECK_MS, AbortSignal.timeout(PORT_CHECK_MS)).then(() => true, () => false);
    if (answered) {
        const shown = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
        throw new src_errors/* PortInUseError */.WB(`something is already listening on ${shown}: stop it, or ${instead}`);
    }
}
function tcpProbe(targetUrl, budgetMs, signal) {
    const { host, port } = hostPort(targetUrl);
    return new Promise((resolve, reject) => {
        const socket = (0,external_node_net_.connect)({ host, port });
        const fail = (err) => {
            socket.destroy();
            signal.removeEventListener('abort', onAbort);
            reject(err);
        };
        // Also bounds a DNS lookup that hangs (a resolver with no network).
        const onAbort = () => fail(new Error(`connect to ${host}:${port} gave no answer within ${budgetMs} ms`));
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('connect', () => {
            socket.destroy();
            signal.removeEventListener('abort', onAbort);
            resolve();
        });
        socket.once('error', fail);
    });
}
const withSlash = (u) => (u.endsWith('/') ? u : `${u}/`);
const lastLine = (s) => s.split('\n').filter(Boolean).slice(-1)[0] ?? '';

;// CONCATENATED MODULE: ./src/metrics/prometheus.ts
/**
 * Reading one sample out of Prometheus text exposition format (the `/metrics` page of most
 * services). Pure, and never throws: a page without the metric, or with a value that is not a
 * number, is an error string the report shows.
 */
/** The metric a soak stage reads: the target's resident memory in bytes (client libraries' process collector). */
const RESIDENT_MEMORY = 'process_resident_memory_bytes';
const prometheus_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
/**
 * The value of `name` in a Prometheus text page: the first sample of that name (labels allowed),
 * `{ value }`, or `{ error }` saying what was wrong. Lines: `# HELP`/`# TYPE`/comments are skipped;
 * `name{label="v",…} value [timestamp]`; values like `1.2e+08`, `+Inf`, `NaN`.
 */
function readPrometheusValue(text, name) {
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const m = prometheus_NAME.exec(line);
        if (!m || m[0] !== name)
            continue;
        let rest = line.slice(m[0].length);
        if (rest.startsWith('{')) {
            const end = labelsEnd(rest);
            if (end < 0)
                return { error: `${name}: unterminated labels in "${clip(line)}"` };
            rest = rest.slice(end + 1);
        }
        const valueText = rest.trim().split(/\s+/)[0] ?? '';
        const value = parseSampleValue(valueText);
        if (value === undefined)
            return { error: `${name}: "${clip(valueText)}" is not a number` };
        return { value };
    }
    return { error: `${name} not found in the metrics page` };
}
/** Index of the `}` closing a label set, skipping quoted values (which may hold `}` and escaped quotes). */
function labelsEnd(s) {
    let quoted = false;
    for (let i = 1; i < s.length; i++) {
        const ch = s[i];
        if (quoted) {
            if (ch === '\\')
                i++;
            else if (ch === '"')
                quoted = false;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === '}')
            return i;
    }
    return -1;
}
function parseSampleValue(text) {
    if (/^[+-]?Inf$/.test(text))
        return text.startsWith('-') ? -Infinity : Infinity;
    if (text === 'NaN')
        return NaN;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
        return undefined;
    return Number(text);
}
const clip = (s) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

;// CONCATENATED MODULE: ./src/load/soak.ts





const soak_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/**
 * A soak stage's own watch, set up before its clock starts: the two tenths record their own
 * histograms, and the target's memory is read now and again once the stage has drained.
 */
class SoakWatch {
    tenths;
    client;
    timeoutMs;
    memory;
    constructor(tenths, client, timeoutMs, memory) {
        this.tenths = tenths;
        this.client = client;
        this.timeoutMs = timeoutMs;
        this.memory = memory;
    }
    static async start(spec, metrics, client, target, timeoutMs) {
        const tenths = soakSpans(spec);
        metrics.spans.push(tenths.first, tenths.last);
        const path = spec.metricsPath;
        // As the client sends it: the path under the target URL's own path, shown without credentials.
        const memory = path === undefined
            ? undefined
            : { path, url: (0,model_format/* displayUrl */.Qy)(new URL(path.slice(1), withSlash(target)).toString()), before: await readResidentMemory(client, path, timeoutMs) };
        return new SoakWatch(tenths, client, timeoutMs, memory);
    }
    /** `stopped`: the stage was cut short (the memory is then not read again). */
    async finish(stopped) {
        const out = { drift: soakDrift(this.tenths.first, this.tenths.last) };
        if (this.memory) {
            const after = stopped ? undefined : await readResidentMemory(this.client, this.memory.path, this.timeoutMs);
            out.memory = memoryOutcome(this.memory.url, this.memory.before, after);
        }
        return out;
    }
}
/**
 * The first and last tenth of the stage's steady part (after its ramp: latency at a fraction of
 * the load says nothing about drift), as spans that record their own histograms.
 */
function soakSpans(spec) {
    const tenth = (spec.durationMs - spec.rampMs) / 10;
    return { first: new SpanMetrics(spec.rampMs, spec.rampMs + tenth), last: new SpanMetrics(spec.durationMs - tenth, spec.durationMs) };
}
/** p95 of the last tenth against the first, in % (null when either tenth has no requests or the first's p95 is 0). */
function soakDrift(first, last) {
    const firstP95 = first.requests > 0 ? percentileMs(first.histogram, 95) : 0;
    const lastP95 = last.requests > 0 ? percentileMs(last.histogram, 95) : 0;
    const comparable = first.requests > 0 && last.requests > 0 && firstP95 > 0;
    return { first_p95: firstP95, last_p95: lastP95, delta_pct: comparable ? soak_round(((lastP95 - firstP95) / firstP95) * 100) : null };
}
/** GET the metrics page on the target and read process_resident_memory_bytes from it. */
async function readResidentMemory(client, path, timeoutMs) {
    const out = await client.send({ method: 'GET', path, headers: { accept: 'text/plain' }, timeoutMs, readBody: true });
    if (out.cancelled)
        return { error: 'the run was stopped before the metrics were read' };
    if (out.status === 0)
        return { error: `GET ${path} failed: ${out.failureMessage ?? out.failure ?? 'no response'}` };
    if (out.status < 200 || out.status >= 300)
        return { error: `GET ${path} answered ${out.status}` };
    const read = readPrometheusValue(out.body ?? '', RESIDENT_MEMORY);
    if ('error' in read)
        return read;
    if (!Number.isFinite(read.value) || read.value <= 0)
        return { error: `${RESIDENT_MEMORY} is ${read.value}, not a size in bytes` };
    return { bytes: read.value };
}
/** Before and after → the report's memory line: growth in %, or the first error met. */
function memoryOutcome(url, before, after) {
    const b = 'bytes' in before ? before.bytes : null;
    const a = after && 'bytes' in after ? after.bytes : null;
    const memory = {
        url,
        before_bytes: b,
        after_bytes: a,
        growth_pct: b !== null && a !== null ? soak_round(((a - b) / b) * 100) : null,
    };
    const error = 'error' in before
        ? `before: ${before.error}`
        : after === undefined
            ? 'after: the stage ended before the metrics were read again'
            : 'error' in after
                ? `after: ${after.error}`
                : undefined;
    if (error !== undefined)
        memory.error = error;
    return memory;
}

;// CONCATENATED MODULE: ./src/load/stage.ts
/**
 * One stage from start to drained: builds the context, picks the executor for the stage kind,
 * watches the generator itself (event-loop lag, late sends) and reports progress once a second.
 */



















/**
 * After an abort (Ctrl-C, a cancelled job), what is still in flight gets this long to answer; then
 * it is cancelled, unrecorded, so a stopped run never waits for slow responses up to their timeout.
 */
const CANCEL_GRACE_MS = 250;
/** Calls `cancel` CANCEL_GRACE_MS after `signal` aborts; the returned function disarms it. */
function cancelAfterAbort(signal, cancel) {
    let timer;
    const onAbort = () => {
        timer = setTimeout(cancel, CANCEL_GRACE_MS);
    };
    if (signal.aborted)
        onAbort();
    else
        signal.addEventListener('abort', onAbort, { once: true });
    return () => {
        signal.removeEventListener('abort', onAbort);
        clearTimeout(timer);
    };
}
function rateSegments(s) {
    if ((s.kind === 'load' || s.kind === 'soak') && s.model === 'open') {
        return [
            { durationMs: s.rampMs, from: 0, to: s.rate },
            { durationMs: s.durationMs - s.rampMs, from: s.rate, to: s.rate },
        ].filter((x) => x.durationMs > 0);
    }
    if (s.kind === 'spike') {
        return [
            { durationMs: s.beforeMs, from: s.fromRate, to: s.fromRate },
            { durationMs: s.rampMs, from: s.fromRate, to: s.toRate },
            { durationMs: s.holdMs, from: s.toRate, to: s.toRate },
            { durationMs: s.afterMs, from: s.fromRate, to: s.fromRate },
        ].filter((x) => x.durationMs > 0);
    }
    return undefined;
}
/** The open-model schedule of a stage (rate, spike): the whole profile, or a shard's every n-th send. */
function stageSchedule(s) {
    const segments = rateSegments(s);
    if (!segments)
        return undefined;
    return new RateSchedule(segments, s.share ? { offset: s.share.index - 1, stride: s.share.count } : undefined);
}
/** A spike's phases, ms from the stage start: the ramp up begins, the rate drops back (recovery counts from here). */
function spikePhases(s) {
    return { startMs: s.beforeMs, dropMs: s.beforeMs + s.rampMs + s.holdMs };
}
async function runStage(spec, o) {
    // abort_when: the stage has its own controller, chained with the run's (Ctrl-C still stops it);
    // either way, what is still in flight is cancelled after the grace, not waited for.
    const stageAbort = new AbortController();
    const signal = AbortSignal.any([o.signal, stageAbort.signal]);
    // Every user's think time waits on this signal: a 200-user stage adds 200 listeners, which is no
    // leak, and Node's MaxListenersExceededWarning past 10 must not reach the user's stderr.
    (0,external_node_events_.setMaxListeners)(0, signal);
    let wsStage;
    const disarm = cancelAfterAbort(signal, () => {
        o.client.cancelAll();
        wsStage?.cancel();
    });
    try {
        return await runStageArmed(spec, { ...o, signal }, stageAbort, (w) => (wsStage = w));
    }
    finally {
        disarm();
    }
}
async function runStageArmed(spec, o, stageAbort, onWsStage) {
    const p = await prepareStage(spec, o, stageAbort);
    const sessions = await openSessions(p, onWsStage);
    // A soak reads the target's memory before its clock starts (and again once it has drained).
    const soakWatch = spec.kind === 'soak' ? await SoakWatch.start(spec, p.metrics, o.client, o.target ?? o.client.origin, o.plan.defaults.timeoutMs) : undefined;
    const totalMs = plannedDurationMs(spec);
    const clock = startClock(p, sessions.wsStage, totalMs);
    const schedule = stageSchedule(spec);
    let sent;
    try {
        sent = await send(p, sessions, totalMs, schedule);
    }
    finally {
        await sessions.wsStage?.shutdown();
        clock.stop();
    }
    const durationMs = now() - p.ctx.t0;
    const soak = await soakWatch?.finish(o.signal.aborted);
    // After the drain; a stage cut short (Ctrl-C, abort_when) has no state worth verifying.
    const verify = o.signal.aborted ? undefined : await p.stageFlows?.verify();
    return stageResult(p, { startedAt: clock.startedAt, durationMs, lag: clock.lag, sent, schedule, soak, verify });
}
/** The compiled requests, the metrics, the abort rules, the data rows and `setup:`, as one StageContext. */
async function prepareStage(spec, o, stageAbort) {
    // A ws stage reports its messages as one endpoint; its session (if any) is still HTTP.
    const ws = spec.protocol === 'ws' ? o.plan.websocket : undefined;
    if (spec.protocol === 'ws' && !ws)
        throw new Error(`stage ${spec.name} uses protocol: ws, but the plan has no websocket: block`);
    const runtime = runtimeVariables(o.plan);
    const mix = spec.requests ? o.plan.requests.filter((r) => spec.requests.includes(r.name)) : o.plan.requests;
    const requests = mix.map((r, i) => compileRequest(r, i, { runtime }));
    const names = ws ? [wsEndpointName(ws)] : requests.map((r) => r.spec.name);
    // Session steps keep their bodies: a failed login is reported with what the app answered.
    const session = o.plan.session.map((r, i) => compileRequest(r, names.length + i, { runtime, readBody: true }));
    const maxLatencyMs = ws ? ws.timeoutMs : Math.max(o.plan.defaults.timeoutMs, ...o.plan.requests.map((r) => r.timeoutMs));
    const metrics = new StageMetrics([...names, ...session.map((r) => `session:${r.spec.name}`)], maxLatencyMs);
    const abortWatch = new AbortWatch(stageAbortRules(o.plan.abortWhen, spec.name));
    const signal = o.signal;
    const end = {};
    if (abortWatch.active)
        metrics.observe = (latencyMs, error) => abortWatch.note(latencyMs, error);
    const rows = o.rows ?? new DataRows(o.plan.data, spec.share);
    // Shards share a stage's setup and verify out to the first only; worker parts get them from the main thread.
    const flows = o.flows !== false && (spec.share?.index ?? 1) === 1;
    const stageFlows = flows ? new StageFlows({ client: o.client, rows, runtime, signal }, spec, o.plan.session) : undefined;
    const setup = await stageFlows?.setUp();
    // What setup captured (here, or in the main thread for a worker's part) reaches every user.
    const baseVars = { ...(stageFlows?.baseVars ?? { vu: '0', iter: '0', seq: '0' }), ...(o.baseVars ?? {}) };
    const ctx = {
        client: o.client,
        requests,
        session,
        pick: weightedPicker(requests),
        metrics,
        t0: now(),
        signal,
        inFlight: 0,
        active: 0,
        users: 0,
        seq: o.seq,
        idleWaiters: [],
        stage: spec.name,
        rows,
        rowSets: rows.setsIn([...requests, ...session].flatMap((r) => r.needs)),
        baseVars,
        sessions: { users: 0, failed: 0 },
        unsent: { count: 0, missing: [] },
        stop: (reason) => {
            if (end.aborted || signal.aborted)
                return;
            // The engine's own stop has no rule of the plan: the reason is the rule the report names.
            end.aborted = { rule: reason, at_s: Math.round(((now() - ctx.t0) / 1000) * 10) / 10, reason };
            stageAbort.abort();
        },
    };
    return { spec, o, ctx, metrics, ws, runtime, stageFlows, setup, abortWatch, stageAbort, end, idle: spec.share?.idle === true };
}
async function openSessions(p, onWsStage) {
    const { spec, o, ctx, ws, idle } = p;
    // Open-model and burst stages share one session, set up before the clock starts.
    const shared = o.sessions?.shared ?? { ...ctx.baseVars, vu: '1', iter: '0' };
    if (!o.sessions?.shared && (!isClosedModel(spec) || ws))
        fillRows(ctx, shared, ctx.rows.setsIn(ctx.session.flatMap((r) => r.needs)));
    const closedModel = isClosedModel(spec);
    if (!idle && (!closedModel || ws) && !o.sessions?.shared) {
        // Kept for later A/B rounds only when it succeeded: a failed one is tried again next round.
        if ((await runSession(ctx, shared)) && o.sessions)
            o.sessions.shared = shared;
    }
    // Kept sessions: every user logs in before the clock starts, so no run's time goes to logging in.
    // (A stress stage keeps its own users from step to step, and is never run in rounds.)
    const users = closedModel && !ws && !idle && spec.kind !== 'stress' ? o.sessions?.users : undefined;
    if (users)
        await logInUsers(ctx, spec.kind === 'baseline' ? 1 : spec.vus, users);
    let wsStage;
    if (ws)
        p.metrics.ws = new WsMetrics();
    if (ws && !idle) {
        // Each connection has its data row, as a closed-model user does.
        const wsSets = ctx.rows.setsIn([ws.path, ws.send ?? '', ws.subscribe ?? '', ...Object.values(ws.headers)].flatMap((t) => templateNeeds(t, p.runtime)));
        const fillRow = wsSets.length > 0 ? (vars, id) => fillRows(ctx, vars, wsSets, id) : undefined;
        wsStage = new WsStage(spec, ws, ctx, { target: o.target ?? o.client.origin, vars: shared, seq: o.seq, runtime: p.runtime, fillRow });
        onWsStage(wsStage);
        // Without a ramp, connections open before the clock: the stage measures messages, not the storm
        // (connect times are in their own histogram either way).
        await wsStage.prepare();
    }
    return { shared, users, wsStage };
}
/**
 * Starts the stage's clock (ctx.t0) and, once a second, the sampler: active users and connections,
 * loop lag, the abort_when rules, progress. Two lag monitors: the whole stage, and the current second.
 */
function startClock(p, wsStage, totalMs) {
    const { spec, o, ctx, metrics, abortWatch, idle } = p;
    const lag = (0,external_node_perf_hooks_.monitorEventLoopDelay)({ resolution: 10 });
    const lagThisSecond = (0,external_node_perf_hooks_.monitorEventLoopDelay)({ resolution: 10 });
    lag.enable();
    lagThisSecond.enable();
    const startedAt = new Date();
    ctx.t0 = now();
    let lastRequests = 0;
    const sampler = setInterval(() => {
        const elapsed = now() - ctx.t0;
        if (wsStage) {
            metrics.timeline.sampleActive(elapsed, wsStage.sampleActive());
        }
        else {
            metrics.timeline.sampleActive(elapsed, ctx.active);
            ctx.active = ctx.inFlight;
            if (ctx.users > 0)
                metrics.timeline.sampleUsers(elapsed, ctx.users);
        }
        if (lagThisSecond.count > 0)
            metrics.timeline.sampleLag(elapsed, lagThisSecond.percentile(99) / 1e6);
        lagThisSecond.reset();
        if (abortWatch.active && !p.end.aborted && !idle) {
            p.end.aborted = abortWatch.check(elapsed);
            if (p.end.aborted)
                p.stageAbort.abort();
        }
        o.onProgress?.({
            stage: spec.name,
            elapsedMs: elapsed,
            totalMs,
            requests: metrics.requests,
            errors: metrics.errors,
            rps: metrics.requests - lastRequests,
            p95: percentileMs(metrics.histogram, 95),
        });
        lastRequests = metrics.requests;
    }, 1000);
    sampler.unref();
    return {
        startedAt,
        lag,
        stop: () => {
            clearInterval(sampler);
            lag.disable();
            lagThisSecond.disable();
        },
    };
}
/** Runs the stage's executor for its kind (or its ws stage, or, on an idle shard, waits out its time) until drained. */
async function send(p, sessions, totalMs, schedule) {
    const { spec, ctx } = p;
    const { shared, users, wsStage } = sessions;
    if (p.idle) {
        // Waits out the stage's planned time, so the shards stay in step (a busy shard also drains).
        await sleepUnlessAborted(totalMs, p.o.signal);
        return {};
    }
    if (wsStage) {
        const { open, cycles } = await wsStage.run({ plannedMs: totalMs, schedule });
        return { open, cycles };
    }
    switch (spec.kind) {
        case 'baseline':
            await runClosed(ctx, { vus: 1, rampMs: 0, thinkMs: 0, durationMs: spec.durationMs }, users);
            return {};
        case 'load':
        case 'soak':
            if (spec.model === 'closed') {
                await runClosed(ctx, spec, users);
                return {};
            }
            return { open: await runOpen(ctx, schedule, spec.maxInFlight, httpSend(ctx, shared)) };
        case 'stress': {
            const { outcome, open } = await runStress(ctx, spec, shared);
            return { stress: outcome, open };
        }
        case 'spike':
            return { open: await runOpen(ctx, schedule, spec.maxInFlight, httpSend(ctx, shared)) };
        case 'burst':
            return { cycles: await runBurst(ctx, spec.size, spec.cycles, spec.pauseMs, httpSend(ctx, shared)) };
    }
}
/** The drained stage as a StageResult. */
function stageResult(p, r) {
    const { spec, ctx, metrics, idle } = p;
    const { open, cycles, stress } = r.sent;
    const timeline = metrics.timeline.finish();
    const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
    const generator = generatorHealth(r.lag, open, metrics.requests);
    return {
        spec,
        startedAt: r.startedAt,
        durationMs: r.durationMs,
        metrics,
        timeline,
        generator,
        cycles,
        // An idle shard's part of an open-model stage is 0 sends, still a count that merge sums.
        scheduled: open?.scheduled ?? (idle && r.schedule ? 0 : undefined),
        mode: p.ws?.mode,
        spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
        aborted: p.end.aborted,
        stress,
        soak: r.soak,
        sessions: ctx.session.length > 0 && !idle ? ctx.sessions : undefined,
        unsent: ctx.unsent.count > 0 ? ctx.unsent : undefined,
        setup: p.setup,
        verify: r.verify,
    };
}
function generatorHealth(lag, open, requests) {
    const p99 = Number.isFinite(lag.percentile(99)) ? lag.percentile(99) / 1e6 : 0;
    const max = Number.isFinite(lag.max) ? lag.max / 1e6 : 0;
    return judgeGenerator({ late_sends: open?.lateSends ?? 0, dropped: open?.dropped ?? 0, loop_lag_p99_ms: round3(p99), loop_lag_max_ms: round3(max) }, open?.scheduled, requests);
}
/** Within 20 % of the pre-spike p95, and never stricter than 1 ms (loopback noise). */
function spikeOutcome(timeline, spikeStartMs, dropMs) {
    const pre = timeline.filter((w) => w.requests > 0 && (w.t + 1) * 1000 <= spikeStartMs).map((w) => w.p95);
    const prePeriod = pre.length > 0 ? pre : timeline.filter((w) => w.requests > 0 && w.t * 1000 < spikeStartMs).map((w) => w.p95);
    const preP95 = median(prePeriod);
    const during = timeline.filter((w) => w.requests > 0 && w.t * 1000 >= spikeStartMs && w.t * 1000 < dropMs);
    const peak = during.reduce((m, w) => Math.max(m, w.p95), 0);
    const limit = Math.max(preP95 * 1.2, preP95 + 1);
    const recovered = timeline.find((w) => w.requests > 0 && w.t * 1000 >= dropMs && w.p95 <= limit);
    return {
        pre_p95_ms: preP95,
        peak_p95_ms: peak,
        recovery_ms: recovered ? Math.max(0, recovered.t * 1000 - dropMs) : null,
        start_s: spikeStartMs / 1000,
        drop_s: dropMs / 1000,
    };
}
function median(xs) {
    if (xs.length === 0)
        return 0;
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round3 = (x) => Math.round(x * 1000) / 1000;

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/load/shard.ts
/**
 * `run --shard i/n`: one shard's part of every stage, so that n runs (a GitHub Actions matrix)
 * together send exactly the plan's load and `merge` can add their histograms into one result.
 *  - open-model rates (load with rate, spike): every n-th send of the whole schedule, starting at
 *    send i − 1, so the shards' counts add up to the schedule's total and their sends interleave;
 *    `max_in_flight` is divided too (rounded up);
 *  - users (vus), burst size and WebSocket connections: split as evenly as possible, the first
 *    shards taking the remainder (7 users over 3 shards: 3, 2, 2);
 *  - a baseline stage (one user) runs on shard 1; shards whose part is empty wait the stage out.
 * Pure: the plan in, the plan this shard runs out.
 */


/** More shards than this is a typo, not a matrix (GitHub caps a matrix at 256 jobs). */
const MAX_SHARDS = 64;
function parseShard(text) {
    const m = /^(\d+)\/(\d+)$/.exec(text.trim());
    if (!m)
        throw new UsageError(`--shard takes i/n (this shard's number / the number of shards), such as 2/3; got "${text}"`);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS)
        throw new UsageError(`--shard ${text}: the number of shards must be from 1 to ${MAX_SHARDS}`);
    if (index < 1 || index > count)
        throw new UsageError(`--shard ${text}: the shard number must be from 1 to ${count}`);
    return { index, count };
}
/** This shard's part of `total` things split into parts that differ by at most 1, the first ones larger. */
function evenPart(total, shard) {
    return Math.floor(total / shard.count) + (shard.index - 1 < total % shard.count ? 1 : 0);
}
/**
 * The stage as this shard runs it (the counts are the shard's part; `share` says which part).
 * Parts compose: part i of n of a stage that is already part j of m (a worker thread's part of a
 * `--shard` run) runs every (m·n)-th send from send (j − 1) + (i − 1)·m, i.e. part j + (i − 1)·m of m·n.
 */
function shardStage(spec, shard) {
    const outer = spec.share;
    const share = (idle) => outer
        ? { index: outer.index + (shard.index - 1) * outer.count, count: outer.count * shard.count, idle: idle || outer.idle }
        : { index: shard.index, count: shard.count, idle };
    const ws = spec.protocol === 'ws';
    const connections = ws ? { connections: evenPart(spec.connections ?? 1, shard) } : {};
    switch (spec.kind) {
        case 'baseline':
            // One user cannot be divided: shard 1 measures the floor, the others keep quiet meanwhile.
            return { ...spec, ...connections, share: share(shard.index !== 1) };
        case 'burst': {
            if (ws)
                needsConnectionPerShard(spec, shard);
            const size = evenPart(spec.size, shard);
            return { ...spec, ...connections, size, share: share(size === 0) };
        }
        case 'load':
            if (spec.model === 'closed') {
                // ws closed stages: vus is the number of connections.
                const vus = evenPart(spec.vus, shard);
                return { ...spec, ...connections, vus, share: share(vus === 0) };
            }
            return openShare(spec, shard, connections, share);
        case 'spike':
            return openShare(spec, shard, connections, share);
        case 'stress':
        case 'soak':
            // A stress stage decides each next step from the step just run, which shards cannot share;
            // a soak's drift and memory are one target's, read by one runner.
            throw new src_errors/* UsageError */.eb(`--shard: stage "${spec.name}" is a ${spec.kind} stage, which runs on one runner; leave it out of sharded runs (--stage NAME selects the others)`);
    }
}
function openShare(spec, shard, connections, share) {
    if (spec.protocol === 'ws')
        needsConnectionPerShard(spec, shard);
    const part = { ...spec, ...connections, maxInFlight: Math.ceil(spec.maxInFlight / shard.count), share: share(false) };
    // A schedule with fewer sends than shards (2 sends, shard 3) leaves this shard nothing to send.
    return { ...part, share: share((stageSchedule(part)?.total ?? 0) === 0) };
}
/** A ws stage that sends messages on a schedule or in bursts needs a connection in every shard to send them on. */
function needsConnectionPerShard(spec, shard) {
    const connections = spec.connections ?? 1;
    if (connections < shard.count) {
        throw new src_errors/* UsageError */.eb(`--shard ${shard.index}/${shard.count}: stage "${spec.name}" sends its messages over ${connections} WebSocket connection${connections === 1 ? '' : 's'}, ` +
            `too few for ${shard.count} shards (each needs one): use at most ${connections} shard${connections === 1 ? '' : 's'} or more connections`);
    }
}
/** The plan this shard runs: every stage's part. The plan's fingerprint stays the whole plan's. */
function shardPlan(plan, shard) {
    for (const s of plan.stages) {
        // Setup and verify are one run's (reset the stock, then count what was sold): shards would each
        // reset it, or verify while the others still sell, and setup's captures would reach one shard only.
        if (s.setup || s.verify)
            throw new src_errors/* UsageError */.eb(`--shard: stage "${s.name}" has ${s.setup ? 'setup' : 'verify'} requests, which run once per run and cannot be shared out; leave it out of sharded runs (--stage NAME selects the others)`);
    }
    return { ...plan, stages: plan.stages.map((s) => shardStage(s, shard)) };
}

;// CONCATENATED MODULE: ./src/load/workers.ts
/**
 * `workers: auto | N`: one stage on N worker threads, so one runner can send more than one core
 * can. Worker i runs part i of N of the stage (`shardStage`, exactly as `run --shard i/N` would:
 * every N-th send of an open schedule, users and burst size split evenly) with its own connection
 * pool and histograms, and posts back its result with the histograms encoded. The main thread
 * sends nothing: it starts the workers together, passes on an abort, sums their progress, and
 * merges their results into the StageResult one thread would have given (histograms added,
 * windows merged by second, the generator judged again on the totals, a spike's recovery measured
 * on the merged timeline). The worker side is worker-entry.ts, bundled as dist/worker.js.
 */


















/** The bundled worker script's name: dist/worker.js, beside dist/cli.js and dist/index.js. */
const WORKER_FILE = 'worker.js';
/** Longest a worker may take to load its script and say it is ready. */
const START_TIMEOUT_MS = 30_000;
/**
 * The threads a stage runs on: its `workers` (`auto`: the cores this process may use, at most 64),
 * else 1; never more than it has users or burst requests (a thread with no part would only idle).
 */
function stageWorkers(spec, cores = (0,external_node_os_.availableParallelism)()) {
    if (spec.workers === undefined)
        return 1;
    const asked = spec.workers === 'auto' ? Math.max(1, Math.min(MAX_WORKERS, cores)) : spec.workers;
    const units = spec.kind === 'burst' ? spec.size : spec.kind === 'load' && spec.model === 'closed' ? spec.vus : asked;
    return Math.max(1, Math.min(asked, units));
}
/** dist/worker.js beside the bundle this code runs in (dist/cli.js or dist/index.js). */
function defaultWorkerScript() {
    // A computed path, not `new URL('./worker.js', import.meta.url)`: ncc would turn that into a
    // hashed copy of the TypeScript source.
    return external_node_path_default().join(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), WORKER_FILE);
}
/** Worker side: a finished part of the stage, ready for postMessage. */
function encodeWorkerResult(r, seq) {
    const m = r.metrics;
    return {
        startedAt: r.startedAt.getTime(),
        durationMs: r.durationMs,
        metrics: {
            histogram: encodeHistogram(m.histogram),
            endpoints: m.endpoints.map((e) => ({ name: e.name, requests: e.requests, errors: e.errors, histogram: encodeHistogram(e.histogram) })),
            errorsByKind: { ...m.errorsByKind },
            statusCodes: [...m.statusCodes],
            errorSamples: [...m.errorSamples],
            requests: m.requests,
            errors: m.errors,
            retryAfterSeen: m.retryAfterSeen,
            retryAfterS: m.retryAfterS,
        },
        timeline: r.timeline,
        generator: r.generator,
        cycles: r.cycles,
        scheduled: r.scheduled,
        seq,
        aborted: r.aborted,
        sessions: r.sessions,
        unsent: r.unsent,
    };
}
function decodeMetrics(e) {
    const m = new StageMetrics(e.endpoints.map((x) => x.name), 1000);
    m.histogram.add(decodeHistogram(e.histogram));
    e.endpoints.forEach((x, i) => {
        const ep = m.endpoints[i];
        ep.requests = x.requests;
        ep.errors = x.errors;
        ep.histogram.add(decodeHistogram(x.histogram));
    });
    Object.assign(m.errorsByKind, e.errorsByKind);
    for (const [code, n] of e.statusCodes)
        m.statusCodes.set(code, n);
    for (const [message, n] of e.errorSamples)
        m.errorSamples.set(message, n);
    m.requests = e.requests;
    m.errors = e.errors;
    m.retryAfterSeen = e.retryAfterSeen;
    m.retryAfterS = e.retryAfterS;
    return m;
}
function windowHistogram(w) {
    if (w.histogram === undefined)
        throw new src_errors/* WorkerError */.dB(`a worker's timeline window t=${w.t} has no histogram`);
    return decodeHistogram(w.histogram);
}
/**
 * Main side: the workers' parts of `spec` as one StageResult, shaped like a single thread's.
 */
function mergeWorkerResults(spec, parts) {
    const metrics = new StageMetrics(parts[0].metrics.endpoints.map((e) => e.name), 1000);
    for (const p of parts)
        addStageMetrics(metrics, decodeMetrics(p.metrics));
    const timeline = mergeWindows(parts.map((p) => p.timeline), windowHistogram, true);
    const scheduled = parts.some((p) => p.scheduled !== undefined) ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
    const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
    return {
        spec,
        startedAt: new Date(Math.min(...parts.map((p) => p.startedAt))),
        durationMs: Math.max(...parts.map((p) => p.durationMs)),
        metrics,
        timeline,
        // Judged on the totals, as one thread's would be; loop lag is the worst worker's.
        generator: sumGenerators(parts.map((p) => p.generator), scheduled, metrics.requests),
        cycles: parts.some((p) => p.cycles) ? mergeCycles(parts.map((p) => p.cycles ?? [])) : undefined,
        spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
        scheduled,
        workers: parts.length,
        // The first worker to abort names the rule (a dying target trips every worker's).
        aborted: parts
            .map((p) => p.aborted)
            .filter((a) => a !== undefined)
            .sort((a, b) => a.at_s - b.at_s)[0],
        sessions: sumSessions(parts.map((p) => p.sessions)),
        unsent: parts.reduce((a, p) => addUnsentTally(a, p.unsent), undefined),
    };
}
/** Runs `spec` on `count` worker threads and merges what they measured. */
async function runStageInWorkers(spec, count, o) {
    const script = o.script ?? defaultWorkerScript();
    if (!(0,external_node_fs_.existsSync)(script)) {
        throw new src_errors/* WorkerError */.dB(`stage "${spec.name}" runs on ${count} workers, but the worker script ${script} is missing: it ships as dist/${WORKER_FILE} beside dist/cli.js and dist/index.js`);
    }
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    failed.catch(() => { }); // raced below; a failure after the stage settled has no one to tell
    const progress = new Map();
    const base = o.seq.value;
    const threads = [];
    const abort = () => {
        for (const t of threads)
            t.worker.postMessage({ type: 'abort' });
    };
    let ticker;
    let startTimer;
    // Setup and verify go once, from this thread, around all the parts.
    const flowClient = spec.setup || spec.verify ? new HttpClient(o.target, { connections: 1 }) : undefined;
    const flows = flowClient &&
        new StageFlows({ client: flowClient, rows: new DataRows(o.plan.data), runtime: runtimeVariables(o.plan), signal: o.signal }, spec, o.plan.session);
    try {
        const setup = await flows?.setUp();
        const baseVars = flows?.baseVars;
        for (let index = 1; index <= count; index++) {
            const data = {
                plan: o.plan,
                spec: shardStage(spec, { index, count }),
                target: o.target,
                seq: { value: base + index - count, stride: count },
                baseVars,
            };
            threads.push(startThread(script, data, `worker ${index}/${count} of stage "${spec.name}"`, (p) => progress.set(index, p), fail));
        }
        o.signal.addEventListener('abort', abort, { once: true });
        if (o.signal.aborted)
            abort();
        startTimer = setTimeout(() => fail(new src_errors/* WorkerError */.dB(`the workers of stage "${spec.name}" did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
        // Started together, so their clocks (and 1-second windows) line up.
        await Promise.race([Promise.all(threads.map((t) => t.ready)), failed]);
        clearTimeout(startTimer);
        for (const t of threads)
            t.worker.postMessage({ type: 'start' });
        if (o.onProgress)
            ticker = progressTicker(spec, progress, o.onProgress);
        const results = await Promise.race([Promise.all(threads.map((t) => t.result)), failed]);
        o.seq.value = Math.max(base, ...results.map((r) => r.seq));
        const merged = mergeWorkerResults(spec, results);
        if (flows && !o.signal.aborted)
            merged.verify = await flows.verify();
        if (setup)
            merged.setup = setup;
        return merged;
    }
    finally {
        clearTimeout(startTimer);
        clearInterval(ticker);
        o.signal.removeEventListener('abort', abort);
        await Promise.all(threads.map((t) => t.worker.terminate()));
        await flowClient?.close();
    }
}
function startThread(script, data, label, onProgress, fail) {
    let worker;
    try {
        worker = new external_node_worker_threads_.Worker(script, { workerData: data });
    }
    catch (err) {
        throw new src_errors/* WorkerError */.dB(`${label} could not start: ${err.message}`, { cause: err });
    }
    let ready;
    let done;
    let reported = false;
    const thread = { worker, ready: new Promise((r) => (ready = r)), result: new Promise((r) => (done = r)) };
    worker.on('message', (m) => {
        switch (m.type) {
            case 'ready':
                return ready();
            case 'progress':
                return onProgress(m.progress);
            case 'result':
                reported = true;
                return done(m.result);
            case 'failed':
                return fail(new src_errors/* WorkerError */.dB(`${label} failed: ${m.message}`));
        }
    });
    worker.on('error', (err) => fail(new src_errors/* WorkerError */.dB(`${label} crashed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => {
        if (!reported)
            fail(new src_errors/* WorkerError */.dB(`${label} exited (code ${code}) before it reported its result`));
    });
    return thread;
}
/** One progress line a second for the whole stage, from each worker's latest. */
function progressTicker(spec, latest, onProgress) {
    const totalMs = plannedDurationMs(spec);
    const ticker = setInterval(() => {
        const all = [...latest.values()];
        if (all.length === 0)
            return;
        const total = (f) => all.reduce((a, p) => a + f(p), 0);
        onProgress({
            stage: spec.name,
            elapsedMs: Math.max(...all.map((p) => p.elapsedMs)),
            totalMs,
            requests: total((p) => p.requests),
            errors: total((p) => p.errors),
            rps: total((p) => p.rps),
            p95: Math.max(...all.map((p) => p.p95)),
        });
    }, 1000);
    ticker.unref();
    return ticker;
}

;// CONCATENATED MODULE: ./src/load/run-plan.ts











/**
 * How often the backstop looks at the request count and the clock: on one thread the overshoot is
 * at most this long's sends; a stage on worker threads reports its count once a second, so there it
 * is up to a second's.
 */
const LIMIT_POLL_MS = 10;
function selectStages(plan, names) {
    if (!names || names.length === 0)
        return plan.stages;
    const unknown = names.filter((n) => !plan.stages.some((s) => s.name === n));
    if (unknown.length > 0) {
        throw new src_errors/* UsageError */.eb(`--stage ${unknown.join(', ')}: no such stage in ${plan.file} (stages: ${plan.stages.map((s) => s.name).join(', ')})`);
    }
    return plan.stages.filter((s) => names.includes(s.name));
}
/**
 * A pool per stage: connections sized to the stage's concurrency, and no stage inherits the
 * previous one's connections (or its connection storm). A ws stage uses it only for the plan's
 * session steps.
 */
function stageClient(target, spec) {
    if (spec.protocol === 'ws')
        return new HttpClient(target, { connections: 1 });
    const pipelining = spec.pipelining ?? 1;
    return new HttpClient(target, { connections: Math.ceil(stageConcurrency(spec) / pipelining), pipelining });
}
/** Most requests a stage can have in flight: the connections its pool may open. */
function stageConcurrency(s) {
    switch (s.kind) {
        case 'baseline':
            return 1;
        case 'burst':
            return s.size;
        case 'load':
        case 'soak':
            return s.model === 'closed' ? s.vus : s.maxInFlight;
        case 'stress':
            return s.model === 'closed' ? s.max : s.maxInFlight;
        case 'spike':
            return s.maxInFlight;
    }
}
async function runPlan(plan, o) {
    const stages = selectStages(plan, o.stages);
    const target = o.targetUrl ?? plan.target.url;
    // The limits' backstop stops the run through its own controller, chained to the caller's signal,
    // so a stop by limit is not mistaken for Ctrl-C (cancelled) anywhere downstream.
    const limitStop = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, limitStop.signal]) : limitStop.signal;
    let stopped;
    let watcher;
    if (plan.target.start)
        await refuseOccupiedPort(target);
    const started = plan.target.start ? startTarget(plan.target.start, o.cwd) : undefined;
    let probe;
    let reference;
    const sampler = o.resources === false ? undefined : resourceSampler(plan, started?.child.pid, o.cwd);
    try {
        const waitsForStart = started !== undefined || plan.target.ready !== undefined;
        await waitUntilReady({
            url: target,
            readyPath: plan.target.ready,
            // Nothing starting: a short retry covers a target still binding its port, no more.
            timeoutMs: waitsForStart ? plan.target.readyTimeoutMs : 1000,
            started,
            signal,
        });
        const startedAt = new Date();
        const t0 = Date.now();
        const seq = { value: 0 };
        // One cursor per data set for the whole run: `pick: unique` never hands a row out twice.
        const rows = new DataRows(plan.data, stages[0]?.share);
        // Sends so far: `seq` counts every send of this thread; a stage on worker threads moves it only
        // when it ends, so until then its progress reports stand in.
        let current = { stage: '', workerRequests: 0 };
        const { maxRequests, maxDurationMs } = plan.limits;
        watcher = setInterval(() => {
            if (stopped || signal.aborted)
                return;
            const sent = seq.value + current.workerRequests;
            const ran = Date.now() - t0;
            const at = ` in stage ${JSON.stringify(current.stage)}`;
            if (sent >= maxRequests) {
                stopped = {
                    limit: 'max_requests',
                    cap: maxRequests,
                    value: sent,
                    stage: current.stage,
                    message: `the run sent ${(0,units/* formatCount */.B4)(sent)} requests, reaching limits.max_requests (${(0,units/* formatCount */.B4)(maxRequests)})${at}, and was stopped; raise limits.max_requests to allow more`,
                };
            }
            else if (ran >= maxDurationMs) {
                stopped = {
                    limit: 'max_duration',
                    cap: maxDurationMs,
                    value: ran,
                    stage: current.stage,
                    message: `the run reached limits.max_duration (${(0,units/* formatMs */._V)(maxDurationMs)})${at} and was stopped; raise limits.max_duration to allow more`,
                };
            }
            if (stopped)
                limitStop.abort();
        }, LIMIT_POLL_MS);
        watcher.unref();
        probe = o.probe === false ? undefined : await startProbe();
        reference = o.probe === false ? undefined : await startReference();
        let probedBefore = probe && (await settledReading(probe));
        const runOne = async (spec, i, count, isAgain) => {
            o.onStageStart?.(spec, i, count, isAgain);
            const workers = stageWorkers(spec);
            let r;
            current = { stage: spec.name, workerRequests: 0 };
            const stopReference = await reference?.sample().catch(() => undefined);
            // After the reference's start and before the stage's: the app's readings span the stage alone (cut exactly from them later).
            const stopResources = await sampler?.stage().catch(() => undefined);
            const cpuBefore = process.cpuUsage();
            const wallBefore = performance.now();
            let figures;
            let resourceSeries;
            try {
                if (workers > 1) {
                    const onProgress = (p) => {
                        current.workerRequests = p.requests;
                        o.onProgress?.(p);
                    };
                    try {
                        r = await runStageInWorkers(spec, workers, { plan, target, signal, seq, onProgress, script: o.workerScript });
                    }
                    finally {
                        current.workerRequests = 0;
                    }
                }
                else {
                    const client = stageClient(target, spec);
                    try {
                        r = await runStage(spec, { plan, client, target, signal, seq, onProgress: o.onProgress, rows });
                    }
                    finally {
                        await client.close();
                    }
                }
            }
            finally {
                // Stopped on every path, a stage that threw included: the sampler's timers end with it.
                figures = await stopReference?.().catch(() => undefined);
                const series = await stopResources?.().catch(() => undefined);
                if (series)
                    resourceSeries = series;
            }
            if (resourceSeries)
                r.resources = resourceSeries;
            // perf-gate's own CPU time over the stage's wall time (all its threads): near a whole core, the generator is the bottleneck.
            const cpu = process.cpuUsage(cpuBefore);
            r.generator.cpu_pct = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wallBefore)) * 1000) / 10;
            if (figures)
                r.reference = figures;
            if (probe && probedBefore !== undefined && !signal.aborted) {
                const after = await probe.measure();
                // The lower of the two: a runner slow on both sides of the stage was slow during it.
                r.cpuProbeMs = Math.min(probedBefore, after);
                probedBefore = after;
            }
            return r;
        };
        const results = [];
        for (const [i, spec] of stages.entries()) {
            if (signal.aborted)
                break;
            const r = await runOne(spec, i, stages.length, false);
            results.push(r);
            o.onStageEnd?.(r);
            // abort_when ended it: the rest of the plan would only load a target already failing.
            if (r.aborted)
                break;
        }
        const again = [];
        const repeat = signal.aborted || results.some((r) => r.aborted) ? [] : (o.again?.(results) ?? []);
        for (const [i, spec] of repeat.entries()) {
            if (signal.aborted)
                break;
            const r = await runOne(spec, i, repeat.length, true);
            // A re-run cut short measured too little to clear (or confirm) anything.
            if (!signal.aborted)
                again.push(r);
        }
        const run = { target, startedAt, durationMs: Date.now() - t0, stages: results, again };
        if (stopped)
            run.stopped = stopped;
        return run;
    }
    finally {
        clearInterval(watcher);
        await probe?.close();
        await reference?.close().catch(() => { });
        await started?.stop();
    }
}
/**
 * Where the app's CPU and memory are read: the plan's `target.process` (a PID file or a cgroup v2
 * directory), else the process group perf-gate started; none when it started nothing and names nothing.
 */
function resourceSource(plan, startedPgid, cwd) {
    const p = plan.target.process;
    if (p && 'pidFile' in p)
        return { kind: 'pid-file', path: (0,external_node_path_.resolve)(cwd, p.pidFile) };
    if (p && 'cgroup' in p)
        return { kind: 'cgroup', path: (0,external_node_path_.resolve)(cwd, p.cgroup) };
    return startedPgid !== undefined ? { kind: 'process-group', pgid: startedPgid } : undefined;
}
function resourceSampler(plan, startedPgid, cwd) {
    const source = resourceSource(plan, startedPgid, cwd);
    return source && new ResourceSampler(source);
}
/** A runner that cannot start worker threads (or listen on loopback) still runs the plan, without a reference. */
async function startReference() {
    try {
        return await ReferenceServer.start();
    }
    catch {
        return undefined;
    }
}
/**
 * The first reading once the target answers can catch it still starting (loading modules,
 * compiling): measured on this project's machine, json-server's first probe read 27 ms, then 16–17
 * ms from 85 ms later on, a 1.6× "slower runner" before the first stage. Read until two readings
 * agree within 10 % (at most 5), and keep the lower.
 */
async function settledReading(probe) {
    let last = await probe.measure();
    for (let i = 0; i < 4; i++) {
        const next = await probe.measure();
        if (Math.abs(next - last) <= 0.1 * Math.min(next, last))
            return Math.min(next, last);
        last = next;
    }
    return last;
}
/** A runner that cannot start worker threads still runs the plan, just without a speed probe. */
async function startProbe() {
    try {
        return await RunnerProbe.start();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/gate/metrics.ts


const LATENCY_METRICS = new Set(['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);
/** The whole-run value, or null when the stage does not have it (recovery outside a spike). */
function metricValue(s, metric) {
    // `?? null`: an imported stage holds null for a percentile its tool did not report (StageReport.imported).
    if (LATENCY_METRICS.has(metric))
        return s.requests > 0 ? (s.latency_ms[metric] ?? null) : null;
    switch (metric) {
        case 'error_rate':
            return s.error_rate;
        case 'rps':
            return s.rps;
        case 'requests':
            return s.requests;
        case 'errors':
            return s.errors;
        case 'recovery':
            return s.spike ? s.spike.recovery_ms : null;
        case 'breaking_point':
            return s.stress ? s.stress.breaking_point : null;
        case 'drift':
            return s.soak ? s.soak.drift.delta_pct : null;
        case 'memory_growth':
            return s.soak?.memory ? s.soak.memory.growth_pct : null;
        case 'cpu_per_request':
            return s.resources?.cpu_ms_per_request ?? null;
        case 'rss_peak':
            return s.resources?.rss_mb_peak ?? null;
        default:
            return null;
    }
}
/** k6's name of a percentile, for the hint to ask k6 for it (summaryTrendStats). */
const K6_STAT = { min: 'min', mean: 'avg', p50: 'med', p90: 'p(90)', p95: 'p(95)', p99: 'p(99)', p999: 'p(99.9)', max: 'max' };
/**
 * Why an imported stage has no value for a metric it has requests for (the tool's file did not
 * hold it), with how to get it; undefined when the stage is not imported or has the value.
 */
function absentNote(s, metric) {
    if (!s.imported || s.requests === 0 || metricValue(s, metric) !== null)
        return undefined;
    if (s.imported.tool === 'k6' && K6_STAT[metric])
        return `the k6 summary has no ${metric}: add "${K6_STAT[metric]}" to k6's summaryTrendStats option to gate on it`;
    return `the ${s.imported.tool} results hold no ${metric}: nothing to check`;
}
/**
 * What a rule on a metric the stage has no value for means, for thresholds and history bands alike:
 * the worst outcome (a spike that never recovered, a stress stage whose first step broke), a figure
 * the run could not measure (warn), or a figure an import lacks (warn, with how to get it).
 * undefined: nothing is known to say.
 */
function missingValue(stage, metric) {
    switch (metric) {
        case 'recovery':
            return stage.spike ? { verdict: 'fail', note: 'p95 never returned within 20% of its pre-spike value' } : undefined;
        case 'breaking_point': {
            const first = stage.stress?.steps[0];
            // No step passed: the target could not take even the first level, the worst breaking point there is.
            if (first && !first.passed)
                return {
                    verdict: 'fail',
                    note: `the first step (${(0,model_format/* fmtMetric */.IZ)('breaking_point', first.level)}${stage.stress.unit === 'vus' ? ' users' : ''}) already broke: ${(first.broke ?? []).join('; ')}`,
                };
            return stage.stress ? { verdict: 'warn', note: 'no step ran to its end: nothing to check' } : undefined;
        }
        case 'drift':
            return { verdict: 'warn', note: 'no drift measured: the first or last tenth of the stage had no requests (or a first p95 of 0)' };
        case 'memory_growth':
            // The metrics page is the target's, not the load's: an unreadable one is shown, never a failed gate.
            return { verdict: 'warn', note: `the target's memory could not be read: ${stage.soak?.memory?.error ?? 'no value'}` };
        case 'cpu_per_request':
        case 'rss_peak':
            // The app's processes are not the load: a source that cannot be read is shown, never a failed gate.
            return { verdict: 'warn', note: resourceNote(stage, metric) };
        default: {
            const absent = absentNote(stage, metric);
            return absent ? { verdict: 'warn', note: absent } : undefined;
        }
    }
}
/** Why a stage has no figure for a resource metric, in one sentence. */
function resourceNote(s, metric) {
    const r = s.resources;
    if (!r)
        return `the app's ${metric === 'rss_peak' ? 'memory' : 'CPU'} was not read for this stage (\`run\` reads it when it starts the target with target.start or the plan names target.process; \`ab\`, imported results and older reports have none)`;
    if (metric === 'cpu_per_request' && r.cpu_ms !== undefined && r.cpu_ms !== null && s.requests === 0)
        return 'no requests completed: no CPU per request';
    if (metric === 'rss_peak' && r.samples >= 2 && r.error === undefined)
        return `${r.source} gives no memory figure`;
    return `${r.source} could not be read: ${r.error ?? 'no value'}`;
}
/**
 * Whether a rule on `metric` judges this stage at all. A stress stage's steps are meant to break,
 * so its latency and error rules judge each step (they are its break conditions) and only
 * breaking_point gates the stage; the stage outcome metrics apply only where they are measured
 * (memory_growth: a soak that reads the target's metrics).
 */
function ruleApplies(s, metric) {
    if (s.kind === 'stress')
        return metric === 'breaking_point';
    switch (metric) {
        case 'breaking_point':
            return false;
        case 'drift':
            return s.soak !== undefined;
        case 'memory_growth':
            return s.soak?.memory !== undefined;
        default:
            return true;
    }
}
/**
 * The timeline column that tracks a metric window by window. Windows hold p50/p90/p95/p99/max/mean;
 * p999 borrows p99's window-to-window spread and min borrows p50's (only for reports without window
 * histograms: the check's method says so).
 */
function windowColumn(metric) {
    switch (metric) {
        case 'p50':
        case 'p90':
        case 'p95':
        case 'p99':
        case 'max':
        case 'mean':
        case 'rps':
            return { key: metric };
        case 'p999':
            return { key: 'p99' };
        case 'min':
            return { key: 'p50' };
        default:
            return undefined;
    }
}
/**
 * Windows that carry information: those with requests, without the first and last partial ones
 * when there are enough (ramp-up and drain are not the steady state).
 */
function windowSamples(s, key) {
    return steadyWindows(s).map((w) => ({ value: w[key], weight: key === 'rps' ? 1 : w.requests }));
}
function steadyWindows(s) {
    const ws = s.timeline.filter((w) => w.requests > 0);
    return ws.length >= 5 ? ws.slice(1, -1) : ws;
}
/** The percentile each latency metric is, for the resampled-percentile interval. */
const PERCENTILE_OF = { min: 0, p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9, max: 100 };
const bucketsOf = new WeakMap();
/**
 * Every window with requests, as histogram buckets, decoded once per stage report: all of them,
 * ramp and drain included, since all of them added together are the run whose percentile is judged
 * (a partial window weighs only its requests). Undefined when a window has no histogram (a report
 * written before they were stored) or an unreadable one.
 */
function windowBuckets(s) {
    let b = bucketsOf.get(s);
    if (b === undefined) {
        const ws = s.timeline.filter((w) => w.requests > 0);
        try {
            b = ws.every((w) => typeof w.histogram === 'string') ? ws.map((w) => histogramBuckets(decodeHistogram(w.histogram))) : null;
        }
        catch {
            b = null;
        }
        bucketsOf.set(s, b);
    }
    return b ?? undefined;
}

;// CONCATENATED MODULE: ./src/gate/statistics.ts
/** Deterministic PRNG (mulberry32): the same reports give the same interval. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function weightedMean(xs) {
    let sum = 0;
    let w = 0;
    for (const x of xs) {
        sum += x.value * x.weight;
        w += x.weight;
    }
    return w > 0 ? sum / w : 0;
}
function resampledMean(xs, random) {
    let sum = 0;
    let w = 0;
    for (let i = 0; i < xs.length; i++) {
        const x = xs[Math.floor(random() * xs.length)];
        sum += x.value * x.weight;
        w += x.weight;
    }
    return w > 0 ? sum / w : 0;
}
function quantile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
/** Fewer windows than this on either side and the spread cannot be estimated. */
const MIN_WINDOWS = 3;
/**
 * 95 % interval (in %) of the relative change current/baseline − 1 of a windowed metric, centred on
 * `pointPct` (the change measured on the whole-run histograms): the bootstrap supplies the spread,
 * the histograms the location. Undefined when either run has too few windows.
 */
function bootstrapChangeInterval(baseline, current, pointPct, options = {}) {
    if (baseline.length < MIN_WINDOWS || current.length < MIN_WINDOWS)
        return undefined;
    const random = seededRandom(options.seed ?? 0x9e3779b9);
    const resamples = options.resamples ?? 2000;
    const alpha = (1 - (options.confidence ?? 0.95)) / 2;
    // On the log scale, as for paired rounds: a ratio cannot fall below 0, so neither may the interval
    // fall below −100 %, and +25 % / −20 % are the same size.
    const centre = Math.log(weightedMean(current) / weightedMean(baseline));
    const logRatios = [];
    for (let i = 0; i < resamples; i++) {
        const b = resampledMean(baseline, random);
        const c = resampledMean(current, random);
        if (b <= 0 || c <= 0)
            continue;
        logRatios.push(Math.log(c / b));
    }
    if (logRatios.length === 0 || !Number.isFinite(centre) || pointPct <= -100)
        return undefined;
    logRatios.sort((a, b) => a - b);
    const point = Math.log(1 + pointPct / 100);
    const at = (q) => (Math.exp(point + quantile(logRatios, q) - centre) - 1) * 100;
    return { lo: at(alpha), hi: at(1 - alpha) };
}
/**
 * More windows than this are added into this many consecutive blocks before resampling: the cost
 * stays flat for an hour-long stage, and neighbouring seconds, which share a GC or a noisy
 * neighbour, are resampled together (a block bootstrap), which is the honest unit of noise.
 */
const MAX_BLOCKS = 40;
/** Consecutive windows added into at most `max` blocks of near-equal length. */
function intoBlocks(windows, max) {
    if (windows.length <= max)
        return windows;
    const out = [];
    for (let k = 0; k < max; k++) {
        const from = Math.floor((k * windows.length) / max);
        const to = Math.floor(((k + 1) * windows.length) / max);
        const sum = new Map();
        for (const w of windows.slice(from, to))
            w.valuesUs.forEach((v, i) => sum.set(v, (sum.get(v) ?? 0) + w.counts[i]));
        const values = [...sum.keys()].sort((a, b) => a - b);
        out.push({
            valuesUs: Float64Array.from(values),
            counts: Float64Array.from(values, (v) => sum.get(v)),
            total: values.reduce((a, v) => a + sum.get(v), 0),
        });
    }
    return out;
}
/**
 * The value at `percentile` of counts laid on `grid`, by HdrHistogram's rule (the first bucket whose
 * running count reaches ⌈p·n⌉, at least 1): all windows once give the whole-run figure exactly.
 */
function percentileOnGrid(dense, grid, total, percentile) {
    const exact = (percentile / 100) * total;
    const rank = Math.max(1, Math.ceil(exact - exact * 1e-12));
    let running = 0;
    for (let i = 0; i < dense.length; i++) {
        running += dense[i];
        if (running >= rank)
            return grid[i];
    }
    return grid[grid.length - 1] ?? 0;
}
/**
 * 95 % percentile-bootstrap interval (in %) of the change of one latency percentile between two
 * runs, from their windows' buckets (see the top of this file). Undefined when either run has fewer
 * than MIN_WINDOWS windows with requests.
 */
function resampledPercentileInterval(baseline, current, percentile, options = {}) {
    const base = intoBlocks(baseline.filter((w) => w.total > 0), MAX_BLOCKS);
    const cur = intoBlocks(current.filter((w) => w.total > 0), MAX_BLOCKS);
    if (base.length < MIN_WINDOWS || cur.length < MIN_WINDOWS)
        return undefined;
    // One grid of every bucket value either run holds, so a resample adds counts by position.
    const values = new Set();
    for (const w of [...base, ...cur])
        for (const v of w.valuesUs)
            values.add(v);
    const grid = Float64Array.from([...values].sort((a, b) => a - b));
    const position = new Map();
    grid.forEach((v, i) => position.set(v, i));
    const toBlock = (w) => ({ at: Int32Array.from(w.valuesUs, (v) => position.get(v)), counts: w.counts, total: w.total });
    const baseBlocks = base.map(toBlock);
    const curBlocks = cur.map(toBlock);
    const dense = new Float64Array(grid.length);
    const random = seededRandom(options.seed ?? 0x9e3779b9);
    const resampled = (blocks) => {
        dense.fill(0);
        let total = 0;
        for (let i = 0; i < blocks.length; i++) {
            const b = blocks[Math.floor(random() * blocks.length)];
            for (let j = 0; j < b.at.length; j++)
                dense[b.at[j]] += b.counts[j];
            total += b.total;
        }
        return percentileOnGrid(dense, grid, total, percentile);
    };
    const logRatios = [];
    for (let r = 0; r < (options.resamples ?? 2000); r++) {
        const b = resampled(baseBlocks);
        const c = resampled(curBlocks);
        if (b > 0 && c > 0)
            logRatios.push(Math.log(c / b));
    }
    if (logRatios.length < 2)
        return undefined;
    logRatios.sort((a, b) => a - b);
    const alpha = (1 - (options.confidence ?? 0.95)) / 2;
    const pct = (q) => (Math.exp(quantile(logRatios, q)) - 1) * 100;
    return { lo: pct(alpha), hi: pct(1 - alpha) };
}
/** 95 % interval of p2 − p1 (fractions), from x1/n1 and x2/n2. */
function twoProportionInterval(x1, n1, x2, n2, z = 1.96) {
    const p1 = n1 > 0 ? x1 / n1 : 0;
    const p2 = n2 > 0 ? x2 / n2 : 0;
    const d = p2 - p1;
    const se = Math.sqrt((n1 > 0 ? (p1 * (1 - p1)) / n1 : 0) + (n2 > 0 ? (p2 * (1 - p2)) / n2 : 0));
    return { lo: d - z * se, hi: d + z * se };
}
/**
 * Where an interval stands against a limit on the "worse" side (`worseIsUp` false for rps):
 *  - fail: the whole interval is beyond the limit (the change is real and too large);
 *  - pass: the whole interval is within it, or, given `point`, the measured change is within it and
 *    not distinguishable from zero (no evidence of any change: identical error rates on a few
 *    hundred requests must not warn forever);
 *  - warn: inconclusive (a real change that may exceed the rule, or a measured excess that the
 *    noise cannot confirm).
 */
function judgeInterval(iv, limit, worseIsUp, point) {
    const beyond = (x) => (worseIsUp ? x > limit : x < -limit);
    if (beyond(worseIsUp ? iv.lo : iv.hi))
        return 'fail';
    if (!beyond(worseIsUp ? iv.hi : iv.lo))
        return 'pass';
    if (point !== undefined && !beyond(point) && iv.lo <= 0 && iv.hi >= 0)
        return 'pass';
    return 'warn';
}

;// CONCATENATED MODULE: ./src/metrics/resources.ts
const MB = 1024 * 1024;
const resources_round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
/** Cumulative CPU µs at time `t`, linear between the readings around it (clamped to the first and last). */
function cpuAt(points, t) {
    if (points.length === 0)
        return NaN;
    if (t <= points[0].at)
        return points[0].cpuUs;
    for (let i = 1; i < points.length; i++) {
        const b = points[i];
        if (t <= b.at) {
            const a = points[i - 1];
            const f = b.at > a.at ? (t - a.at) / (b.at - a.at) : 1;
            return a.cpuUs + f * (b.cpuUs - a.cpuUs);
        }
    }
    return points[points.length - 1].cpuUs;
}
/** The reading nearest to `t` that has memory. */
function rssNear(points, t) {
    let best;
    for (const p of points)
        if (p.rssBytes !== null && (!best || Math.abs(p.at - t) < Math.abs(best.at - t)))
            best = p;
    return best ? best.rssBytes : null;
}
const mb = (bytes) => (bytes === null ? null : resources_round(bytes / MB, 1));
/**
 * The stage's figures, and each window's `cpu_ms` / `rss_mb` written into `timeline` (windows are
 * 1 s from `startMs`). Fewer than two readings: figures null, with the reason.
 */
function stageResources(series, startMs, durationMs, requests, timeline) {
    const points = series.readings;
    const out = { source: series.source, cpu_ms_per_request: null, cpu_pct: null, rss_mb_peak: null, samples: points.length };
    if (series.error !== undefined)
        out.error = series.error;
    if (points.length < 2) {
        out.error ??= 'fewer than two readings of the source';
        return out;
    }
    const endMs = startMs + durationMs;
    const cpuMs = Math.max(0, cpuAt(points, endMs) - cpuAt(points, startMs)) / 1000;
    out.cpu_ms = resources_round(cpuMs, 3);
    out.cpu_ms_per_request = requests > 0 ? resources_round(cpuMs / requests, 4) : null;
    out.cpu_pct = durationMs > 0 ? resources_round((cpuMs / durationMs) * 100, 1) : null;
    const start = rssNear(points, startMs);
    const end = rssNear(points, endMs);
    // The readings within the span, and those standing for its two ends.
    const rss = [start, end, ...points.filter((p) => p.at >= startMs && p.at <= endMs).map((p) => p.rssBytes)].filter((b) => b !== null);
    out.rss_mb_peak = rss.length > 0 ? mb(Math.max(...rss)) : null;
    out.rss_mb_start = mb(start);
    out.rss_mb_end = mb(end);
    out.rss_growth_pct = start !== null && end !== null && start > 0 ? resources_round(((end - start) / start) * 100, 2) : null;
    if (series.lifetimePeakBytes !== undefined)
        out.memory_peak_lifetime_mb = mb(series.lifetimePeakBytes);
    for (const w of timeline) {
        const from = startMs + w.t * 1000;
        const to = Math.min(endMs, from + 1000);
        if (to <= from)
            continue;
        w.cpu_ms = resources_round(Math.max(0, cpuAt(points, to) - cpuAt(points, from)) / 1000, 3);
        const r = rssNear(points, to);
        if (r !== null)
            w.rss_mb = mb(r);
    }
    return out;
}
/** Windows fit for the CPU-per-request ratio: with requests and a CPU figure. */
function cpuWindows(timeline) {
    return timeline.filter((w) => w.requests > 0 && typeof w.cpu_ms === 'number').map((w) => ({ cpuMs: w.cpu_ms, requests: w.requests }));
}

;// CONCATENATED MODULE: ./src/gate/regression.ts




const regression_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** A percentile's interval from resampled windows' histograms (gate/statistics.ts). */
const PERCENTILE_METHOD = 'bootstrap-windows(percentile)';
/**
 * Stored baselines: a bootstrap over both runs' 1-second windows. A percentile resamples the
 * windows' histograms and takes that percentile of their sum; a mean (and rps) resamples the
 * windows' values. A report without window histograms (stored before they were kept) falls back
 * for percentiles to the spread of the windows' own percentiles, and the method says so.
 */
const windowBootstrap = (metric, before, after, pointPct) => {
    if (metric === 'cpu_per_request') {
        const interval = bootstrapChangeInterval(cpuRatioSamples(before), cpuRatioSamples(after), pointPct);
        return interval && { interval, method: RATIO_METHOD };
    }
    const percentile = PERCENTILE_OF[metric];
    const beforeBuckets = percentile === undefined ? undefined : windowBuckets(before);
    const afterBuckets = percentile === undefined ? undefined : windowBuckets(after);
    if (percentile !== undefined && beforeBuckets && afterBuckets) {
        const interval = resampledPercentileInterval(beforeBuckets, afterBuckets, percentile);
        return interval && { interval, method: PERCENTILE_METHOD };
    }
    const column = windowColumn(metric);
    if (!column)
        return undefined;
    const interval = bootstrapChangeInterval(windowSamples(before, column.key), windowSamples(after, column.key), pointPct);
    if (!interval)
        return undefined;
    if (percentile === undefined)
        return { interval, method: 'bootstrap-windows' };
    const lacking = !beforeBuckets ? 'the baseline has' : 'this run has';
    return { interval, method: `bootstrap-windows(mean of window ${column.key}s: ${lacking} no window histograms)` };
};
/** CPU per request: whole windows resampled, their CPU and requests summed, the ratio taken. */
const RATIO_METHOD = 'bootstrap-windows(ratio)';
/**
 * A window's CPU ms per request weighted by its requests: the weighted mean of any draw of windows
 * is Σcpu / Σrequests of that draw, the ratio of sums. The first and last windows are left out when
 * there are enough (ramp-up and drain: the drain's CPU has no requests started in its window).
 */
function cpuRatioSamples(s) {
    const ws = cpuWindows(s.timeline);
    const steady = ws.length >= 5 ? ws.slice(1, -1) : ws;
    return steady.map((w) => ({ value: w.cpuMs / w.requests, weight: w.requests }));
}
const ruleOf = (metric, raw, amount, direction = 'increase', unit = 'pct') => ({
    metric,
    direction,
    unit,
    amount,
    raw,
});
/**
 * Rules used when the plan has no `regression:` section, per stage kind: what a change in that
 * kind of stage means. Steady stages gate latency and throughput; a spike or a burst is about
 * errors and getting back to normal, where percentiles over a deliberately overloaded stretch
 * are mostly noise.
 */
const LATENCY_RULES = [ruleOf('p50', '+10%', 10), ruleOf('p95', '+15%', 15), ruleOf('p99', '+25%', 25)];
const ERROR_RULE = ruleOf('error_rate', '+0.5pp', 0.005, 'increase', 'pp');
const DEFAULT_REGRESSION = {
    // One user back to back: its rps is 1/latency, already judged.
    baseline: [...LATENCY_RULES, ERROR_RULE],
    load: [...LATENCY_RULES, ERROR_RULE, ruleOf('rps', '-10%', 10, 'decrease')],
    spike: [ERROR_RULE, ruleOf('recovery', '+50%', 50)],
    burst: [ERROR_RULE],
    // The steps' latency and errors are its break conditions; what a change means is a lower breaking point.
    stress: [ruleOf('breaking_point', '-10%', 10, 'decrease')],
    soak: [...LATENCY_RULES, ERROR_RULE, ruleOf('rps', '-10%', 10, 'decrease')],
};
/**
 * The rules for one stage: the plan's (every stage) or the defaults of its kind. Only breaking_point
 * judges a stress stage, so a plan whose rules hold none (say `regression: { p95: "+15%" }`) keeps
 * the stress default rather than switching its gating off unasked; `regression: {}` is still off.
 */
function rulesForStage(planRules, kind) {
    if (planRules && (kind !== 'stress' || planRules.length === 0 || planRules.some((r) => r.metric === 'breaking_point')))
        return planRules;
    return DEFAULT_REGRESSION[kind] ?? DEFAULT_REGRESSION.load;
}
function evaluateRegressions(rules, baseline, current, estimate = windowBootstrap) {
    const checks = [];
    for (const stage of current) {
        const before = baseline.find((b) => b.name === stage.name);
        if (!before) {
            // Never switch regression gating off in silence (a renamed stage, a partial baseline).
            checks.push({
                stage: stage.name,
                metric: 'baseline',
                kind: 'regression',
                current: null,
                limit: '—',
                method: 'none',
                verdict: 'warn',
                note: `the baseline has no stage "${stage.name}": nothing to compare (baseline stages: ${baseline.map((b) => b.name).join(', ') || 'none'})`,
            });
            continue;
        }
        // Band rules ("+3σ") are judged against the history, not one baseline (band.ts).
        for (const r of rulesForStage(rules, stage.kind)) {
            if (r.unit === 'sigma' || !ruleApplies(stage, r.metric))
                continue;
            const check = regressionCheck(r, before, stage, estimate);
            if (check)
                checks.push(check);
            else if (rules) {
                // A rule the plan asks for, on a figure an imported run lacks: never dropped in silence.
                const why = absentNote(stage, r.metric) ?? absentNote(before, r.metric) ?? resourceAbsent(r.metric, before, stage);
                if (why)
                    checks.push({
                        stage: stage.name,
                        metric: r.metric,
                        kind: 'regression',
                        current: metricValue(stage, r.metric),
                        baseline: metricValue(before, r.metric),
                        limit: r.raw,
                        method: 'none',
                        verdict: 'warn',
                        note: why,
                    });
            }
        }
    }
    return checks;
}
/** A rule on the app's CPU whose figure one side lacks: why (a source that cannot be read warns, never fails). */
function resourceAbsent(metric, before, after) {
    if (metric !== 'cpu_per_request')
        return undefined;
    if (metricValue(after, metric) === null)
        return resourceNote(after, metric);
    if (metricValue(before, metric) === null)
        return `the baseline has no CPU per request: ${resourceNote(before, metric)}`;
    return undefined;
}
function regressionCheck(rule, before, after, estimate = windowBootstrap) {
    if (rule.metric === 'recovery')
        return recoveryCheck(rule, before, after);
    if (rule.metric === 'breaking_point')
        return breakingPointCheck(rule, before, after);
    if (rule.metric === 'rss_peak')
        return peakMemoryCheck(rule, before, after);
    const b = metricValue(before, rule.metric);
    const c = metricValue(after, rule.metric);
    if (b === null || c === null)
        return undefined;
    const base = { stage: after.name, metric: rule.metric, kind: 'regression', baseline: b, current: c, limit: rule.raw };
    const worseIsUp = rule.direction === 'increase';
    if (rule.metric === 'error_rate') {
        const iv = twoProportionInterval(before.errors, before.requests, after.errors, after.requests);
        const deltaPp = (c - b) * 100;
        const ivPp = { lo: iv.lo * 100, hi: iv.hi * 100 };
        const verdict = judgeErrorRateChange(rule, b, deltaPp, ivPp, worseIsUp);
        return {
            ...base,
            delta_pct: b > 0 ? regression_round(((c - b) / b) * 100) : null,
            delta_pp: regression_round(deltaPp, 3),
            interval_pp: [regression_round(ivPp.lo, 3), regression_round(ivPp.hi, 3)],
            method: 'two-proportion',
            significant: ivPp.lo > 0 || ivPp.hi < 0,
            verdict,
            ...inconclusive(verdict, ivPp, deltaPp, 'pp', rule.raw),
        };
    }
    if (b === 0) {
        return { ...base, delta_pct: null, method: 'none', verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
    }
    const deltaPct = ((c - b) / b) * 100;
    if (c === 0 && b > 0) {
        // Down to nothing (no throughput at all): no ratio has a spread, and none is needed.
        return { ...base, delta_pct: -100, method: 'none', significant: true, verdict: worseIsUp ? 'pass' : 'fail', note: `dropped from ${b} to 0` };
    }
    if (before.imported || after.imported)
        return importedPointCheck(rule, base, deltaPct, worseIsUp, before, after);
    const found = estimate(rule.metric, before, after, deltaPct);
    if (!found) {
        // Too few windows to measure noise: judge the point estimate, but never fail on it alone.
        const pointVerdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
        return {
            ...base,
            delta_pct: regression_round(deltaPct),
            method: 'point-estimate',
            significant: false,
            verdict: pointVerdict === 'fail' ? 'warn' : pointVerdict,
            note: `inconclusive: too few samples to measure the noise (under 3 windows or rounds per run)${pointVerdict === 'fail' ? `; the measured change ${(0,model_format/* fmtSigned */._Q)(deltaPct, '%')} exceeds ${rule.raw}` : ''}`,
        };
    }
    const iv = found.interval;
    const verdict = judgeInterval(iv, rule.amount, worseIsUp, deltaPct);
    return {
        ...base,
        delta_pct: regression_round(deltaPct),
        interval_pct: [regression_round(iv.lo), regression_round(iv.hi)],
        method: found.method,
        significant: iv.lo > 0 || iv.hi < 0,
        verdict,
        ...inconclusive(verdict, iv, deltaPct, '%', rule.raw),
    };
}
const IMPORTED_POINT_METHOD = 'point (imported)';
/**
 * Imported results (`compare --from k6|locust`) are one summary per run: no windows, no histogram,
 * so no noise estimate. The measured change is judged as it is, and fails when it is beyond the
 * rule; the check says so and claims no significance. (Their error_rate still gets the
 * two-proportion interval above: it needs only the counts.)
 */
function importedPointCheck(rule, base, deltaPct, worseIsUp, before, after) {
    const verdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
    const tool = (after.imported ?? before.imported).tool;
    return {
        ...base,
        delta_pct: regression_round(deltaPct),
        method: IMPORTED_POINT_METHOD,
        significant: false,
        verdict,
        note: `point comparison: ${tool} results hold one summary per run, no per-second data, so the noise is not measured`,
    };
}
/** A warn from an interval that straddles the rule says so, with the size of the noise. */
function inconclusive(verdict, iv, point, unit, limit) {
    if (verdict !== 'warn')
        return {};
    const noise = Math.max(point - iv.lo, iv.hi - point);
    return {
        note: `inconclusive: noise ±${noise.toFixed(unit === 'pp' ? 2 : 1)}${unit} around ${(0,model_format/* fmtSigned */._Q)(point, unit, unit === 'pp' ? 2 : 1)} straddles ${limit}`,
    };
}
/**
 * Peak memory against the baseline's. One figure per run with no per-window spread to resample (a
 * peak is one moment), so it is compared as measured, like an imported figure: beyond the rule fails.
 * A source that could not be read on either side warns, saying which.
 */
function peakMemoryCheck(rule, before, after) {
    if (!before.resources && !after.resources)
        return undefined;
    const b = metricValue(before, 'rss_peak');
    const c = metricValue(after, 'rss_peak');
    const base = { stage: after.name, metric: 'rss_peak', kind: 'regression', baseline: b, current: c, limit: rule.raw, method: PEAK_METHOD };
    if (c === null)
        return { ...base, verdict: 'warn', note: resourceNote(after, 'rss_peak') };
    if (b === null)
        return { ...base, verdict: 'warn', note: `the baseline has no peak memory: ${resourceNote(before, 'rss_peak')}` };
    if (b === 0)
        return { ...base, delta_pct: null, verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
    if (rule.unit !== 'pct')
        return undefined;
    const deltaPct = ((c - b) / b) * 100;
    const verdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, rule.direction === 'increase');
    return {
        ...base,
        delta_pct: regression_round(deltaPct),
        significant: verdict === 'fail',
        verdict,
        note: `${b} MB → ${c} MB: one peak per run (read once a second), compared as measured`,
    };
}
const PEAK_METHOD = 'point (peak)';
/** Recovery is measured in whole 1-s windows: a change is only real beyond that resolution. */
const RECOVERY_RESOLUTION_MS = 1000;
/**
 * Spike recovery against the baseline's. One number per run, so the noise is the window
 * resolution: the change fails only when it exceeds the rule by more than one window, and a
 * baseline that recovered at once (0 s) is taken as one window, so "+50%" still means something.
 */
function recoveryCheck(rule, before, after) {
    if (!before.spike || !after.spike || rule.unit !== 'pct')
        return undefined;
    const b = before.spike.recovery_ms;
    const c = after.spike.recovery_ms;
    const base = { stage: after.name, metric: 'recovery', kind: 'regression', baseline: b, current: c, limit: rule.raw, method: 'window-resolution' };
    if (b === null) {
        return {
            ...base,
            verdict: c === null ? 'warn' : 'pass',
            note: c === null ? 'neither run recovered within the stage: nothing to compare' : 'the baseline never recovered; this run did',
        };
    }
    if (c === null) {
        return {
            ...base,
            verdict: 'fail',
            significant: true,
            note: `p95 never returned within 20% of its pre-spike value (the baseline recovered in ${(b / 1000).toFixed(0)} s)`,
        };
    }
    const denominator = Math.max(b, RECOVERY_RESOLUTION_MS);
    const pct = (x) => ((x - b) / denominator) * 100;
    const iv = { lo: pct(c - RECOVERY_RESOLUTION_MS), hi: pct(c + RECOVERY_RESOLUTION_MS) };
    // One window either way is what the measurement can tell apart, no more.
    const verdict = Math.abs(c - b) <= RECOVERY_RESOLUTION_MS ? 'pass' : judgeInterval(iv, rule.amount, rule.direction === 'increase', pct(c));
    return {
        ...base,
        delta_pct: regression_round(pct(c)),
        interval_pct: [regression_round(iv.lo), regression_round(iv.hi)],
        significant: iv.lo > 0 || iv.hi < 0,
        verdict,
        ...inconclusive(verdict, iv, pct(c), '%', rule.raw),
    };
}
const sameSteps = (a, b) => a.unit === b.unit && (a.levels || b.levels ? a.levels?.join() === b.levels?.join() : a.step === b.step && a.from === b.from);
const describeSteps = (x) => {
    const unit = x.unit === 'vus' ? ' users' : '/s';
    return x.levels ? `levels ${x.levels.join(', ')}${unit}` : `from ${x.from} by ${x.step}${unit}`;
};
/**
 * The least change of breaking point the steps can show at `level`: one step; for listed levels,
 * the larger gap from `level` to its neighbours in the list (the levels may be far apart).
 */
function stepResolution(x, level) {
    if (!x.levels)
        return x.step;
    const i = level === null ? -1 : x.levels.indexOf(level);
    const gaps = x.levels.slice(1).map((l, k) => l - x.levels[k]);
    if (i < 0)
        return gaps.length ? Math.min(...gaps) : 0;
    return Math.max(i > 0 ? gaps[i - 1] : 0, i < gaps.length ? gaps[i] : 0);
}
/** A run that reached its max below what it is compared with: its capacity is unknown, not lower. */
function stoppedAtMaxNote(stress, below) {
    return `this run stopped at its max (${stress.max}${stress.unit === 'vus' ? ' users' : '/s'}), below ${below}: not comparable`;
}
/**
 * A stress stage's breaking point against the baseline's. One number per run, measured in whole
 * steps: like recovery, the noise is the resolution, so a change of one step passes (a target at
 * the edge of a step can land either side of it), and beyond that the change ± one step must be
 * past the rule. A lower breaking point is worse (rules like "-10%").
 */
function breakingPointCheck(rule, before, after) {
    if (!before.stress || !after.stress || rule.unit !== 'pct')
        return undefined;
    const b = before.stress.breaking_point;
    const c = after.stress.breaking_point;
    const unit = after.stress.unit === 'vus' ? ' users' : '/s';
    const base = {
        stage: after.name,
        metric: 'breaking_point',
        kind: 'regression',
        baseline: b,
        current: c,
        limit: rule.raw,
        method: 'step-resolution',
    };
    if (!sameSteps(before.stress, after.stress)) {
        return { ...base, verdict: 'warn', note: `the baseline stepped differently (${describeSteps(before.stress)}): not comparable` };
    }
    // Cut short (abort_when, target_down, Ctrl-C) before a step ended: nothing was judged, so nothing broke.
    if (after.stress.steps.length === 0)
        return { ...base, verdict: 'warn', note: 'no step of this run ran to its end (the stage was cut short): nothing to compare' };
    if (b === null) {
        return {
            ...base,
            verdict: c === null ? 'warn' : 'pass',
            note: c === null ? 'the first step broke in both runs: nothing to compare' : 'the baseline broke at its first step; this run did not',
        };
    }
    if (c === null) {
        return { ...base, verdict: 'fail', significant: true, note: `the first step broke (the baseline held up to ${b}${unit})` };
    }
    // Nothing broke in this run: it only says "at least its max", which cannot be lower than anything.
    if (after.stress.reached_max && c < b)
        return { ...base, verdict: 'warn', note: stoppedAtMaxNote(after.stress, `the baseline's breaking point (${b}${unit})`) };
    const resolution = stepResolution(after.stress, c);
    const pct = (x) => ((x - b) / b) * 100;
    const iv = { lo: pct(c - resolution), hi: pct(c + resolution) };
    const worseIsUp = rule.direction === 'increase';
    const levels = after.stress.levels;
    const steps = levels ? levels.indexOf(c) - levels.indexOf(b) : Math.round((c - b) / resolution);
    const verdict = Math.abs(c - b) <= resolution + 1e-9 ? 'pass' : judgeInterval(iv, rule.amount, worseIsUp, pct(c));
    const moved = steps === 0 ? 'the same step' : `${Math.abs(steps)} step${Math.abs(steps) === 1 ? '' : 's'} ${steps > 0 ? 'higher' : 'lower'}`;
    const why = Math.abs(steps) === 1 ? "; one step is the measurement's resolution (a target near a step's edge lands either side of it), so it passes" : '';
    return {
        ...base,
        delta_pct: regression_round(pct(c)),
        interval_pct: [regression_round(iv.lo), regression_round(iv.hi)],
        significant: Math.abs(c - b) > resolution,
        verdict,
        note: `${b}${unit} → ${c}${unit}: ${moved} (${levels ? describeSteps(after.stress) : `steps of ${resolution}${unit}`})${why}`,
    };
}
/**
 * An error-rate change judged by its rule: "+0.5pp" (amount 0.005 as a fraction) compared in pp; a
 * "%" rule relative to the baseline rate, the pp interval divided by it (a 0 baseline: any rise).
 */
function judgeErrorRateChange(rule, before, deltaPp, ivPp, worseIsUp) {
    if (rule.unit === 'pp')
        return judgeInterval(ivPp, rule.amount * 100, worseIsUp, deltaPp);
    if (before > 0)
        return judgeInterval({ lo: ivPp.lo / before, hi: ivPp.hi / before }, rule.amount, worseIsUp, deltaPp / before);
    return judgeInterval(ivPp, 0, worseIsUp, deltaPp);
}

;// CONCATENATED MODULE: ./src/gate/band.ts




/** Fewer past values than this: the band cannot be trusted. */
const MIN_HISTORY = 5;
/** Past runs looked at, newest first: older ones describe a codebase that has moved on. */
const MAX_HISTORY = 20;
/** 1.4826·MAD estimates the standard deviation of normal data. */
const MAD_TO_SIGMA = 1.4826;
const DEFAULT_POSITION_METRICS = ['p50', 'p95', 'p99', 'error_rate', 'rps', 'breaking_point'];
const band_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const band_median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
/** median ± k·σ̂ with σ̂ = max(1.4826·MAD, floor); lo/hi are median − k·σ̂ and median + k·σ̂. */
function noiseBand(values, k, floor = 0) {
    if (values.length === 0)
        throw new RangeError('noiseBand needs at least one value');
    const mid = band_median(values);
    const mad = band_median(values.map((v) => Math.abs(v - mid)));
    const sigma = Math.max(MAD_TO_SIGMA * mad, floor);
    return { n: values.length, median: mid, mad, sigma, lo: mid - k * sigma, hi: mid + k * sigma, k };
}
/**
 * The σ floor for a metric, so an almost constant history does not fail on a tiny change:
 * latency metrics and rps: 1% of |median|; error_rate: the binomial standard error
 * sqrt(p(1−p)/requests) with p = max(median, 1/requests) (requests = the current stage's request
 * count); recovery: one 1-s window (1000 ms); others: 0.
 */
function sigmaFloor(metric, median, requests, stressStep = 0) {
    if (LATENCY_METRICS.has(metric) || metric === 'rps')
        return 0.01 * Math.abs(median);
    // A breaking point moves in whole steps: one step is the least change that means anything.
    if (metric === 'breaking_point')
        return stressStep;
    // Recovery is counted in whole 1-s windows: one window is the least change that means anything.
    if (metric === 'recovery')
        return 1000;
    if (metric === 'error_rate') {
        if (requests <= 0)
            return 0;
        // A history of zero errors still leaves room for one error in this run's sample.
        const p = Math.max(median, 1 / requests);
        return Math.sqrt((p * (1 - p)) / requests);
    }
    return 0;
}
/** The metric's values in past runs that have this stage, newest first, at most MAX_HISTORY. */
function pastValues(history, stage, metric) {
    const values = [];
    for (const run of history) {
        const s = run.find((r) => r.name === stage);
        const v = s ? metricValue(s, metric) : null;
        if (v !== null && Number.isFinite(v))
            values.push(v);
        if (values.length === MAX_HISTORY)
            break;
    }
    return values;
}
function bandFor(history, stage, metric, k) {
    if (!ruleApplies(stage, metric))
        return undefined;
    const current = metricValue(stage, metric);
    if (current === null)
        return undefined;
    const values = pastValues(history, stage.name, metric);
    if (values.length < MIN_HISTORY)
        return { current, values };
    const floor = sigmaFloor(metric, band_median(values), stage.requests, stage.stress && stepResolution(stage.stress, stage.stress.breaking_point));
    return { current, values, band: noiseBand(values, k, floor) };
}
/**
 * Where the current run falls in each metric's history, for stages with >= MIN_HISTORY past values.
 * history: past runs newest first, each the list of that run's StageReports. Metrics whose history
 * has no spread at all (σ̂ = 0) are left out: there is no scale to place the run on.
 */
function bandPositions(history, current, metrics = DEFAULT_POSITION_METRICS) {
    const bands = [];
    for (const stage of current) {
        for (const metric of metrics) {
            const found = bandFor(history, stage, metric, 3);
            if (!found?.band || found.band.sigma === 0)
                continue;
            const { band } = found;
            bands.push({
                stage: stage.name,
                metric,
                n: band.n,
                median: band.median,
                sigma: band.sigma,
                current: found.current,
                position_sigma: band_round((found.current - band.median) / band.sigma),
            });
        }
    }
    return bands;
}
/** Checks for the rules whose unit is 'sigma' (ignore all others). */
function evaluateBandRules(rules, history, current) {
    const checks = [];
    for (const stage of current) {
        for (const rule of rules) {
            if (rule.unit !== 'sigma')
                continue;
            const found = bandFor(history, stage, rule.metric, rule.amount);
            if (!found) {
                // No value: the worst outcome, or a figure an import lacks, is said; never dropped in silence.
                const missing = ruleApplies(stage, rule.metric) ? missingValue(stage, rule.metric) : undefined;
                if (missing)
                    checks.push({
                        stage: stage.name,
                        metric: rule.metric,
                        kind: 'regression',
                        current: null,
                        limit: rule.raw,
                        method: 'history-band',
                        ...missing,
                        ...(missing.verdict === 'fail' ? { significant: true } : {}),
                    });
                continue;
            }
            const base = { stage: stage.name, metric: rule.metric, kind: 'regression', current: found.current, limit: rule.raw, method: 'history-band' };
            if (!found.band) {
                // Never switch the rule off in silence: a new stage or a young history is said out loud.
                checks.push({
                    ...base,
                    verdict: 'warn',
                    note: `history band needs ${MIN_HISTORY} past runs with this stage, found ${found.values.length}: not judged`,
                });
                continue;
            }
            const { band, current: c } = found;
            const outside = c > band.hi || c < band.lo;
            const worse = rule.direction === 'increase' ? c > band.hi : c < band.lo;
            const position = band.sigma > 0 ? band_round((c - band.median) / band.sigma) : undefined;
            const range = `band ${(0,model_format/* fmtMetric */.IZ)(rule.metric, band.lo)} – ${(0,model_format/* fmtMetric */.IZ)(rule.metric, band.hi)}`;
            // A stress run that broke nothing only says "at least its max": below the band is not a loss.
            const stoppedAtMax = worse && rule.metric === 'breaking_point' && stage.stress?.reached_max === true;
            checks.push({
                ...base,
                baseline: band.median,
                delta_pct: band.median !== 0 ? band_round(((c - band.median) / band.median) * 100) : null,
                significant: outside,
                verdict: stoppedAtMax ? 'warn' : worse ? 'fail' : 'pass',
                note: stoppedAtMax
                    ? stoppedAtMaxNote(stage.stress, `the history's band (${range})`)
                    : position !== undefined
                        ? `${(0,model_format/* fmtSigned */._Q)(position, 'σ')} from the median of ${band.n} past runs (${range})`
                        : `the ${band.n} past runs show no spread (σ̂ = 0), so any change leaves the band (${range})`,
                band: { n: band.n, median: band.median, sigma: band.sigma, lo: band.lo, hi: band.hi },
                ...(position !== undefined ? { position_sigma: position } : {}),
            });
        }
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/gate/thresholds.ts



function evaluateThresholds(thresholds, stages) {
    const checks = [];
    for (const stage of stages) {
        const rules = [...(thresholds['*'] ?? []), ...(thresholds[stage.name] ?? [])];
        for (const rule of rules) {
            // "*" rules reach every stage; a stress stage's latency and error rules judged its steps instead.
            if (!ruleApplies(stage, rule.metric))
                continue;
            const current = metricValue(stage, rule.metric);
            const base = { stage: stage.name, metric: rule.metric, kind: 'threshold', limit: rule.raw, method: 'absolute' };
            if (rule.metric === 'recovery' && !stage.spike)
                continue; // "*" rules reach every stage; recovery exists for spikes only
            if (current === null) {
                checks.push({ ...base, current: null, ...(missingValue(stage, rule.metric) ?? { verdict: 'warn', note: 'no requests completed: nothing to check' }) });
                continue;
            }
            checks.push({ ...base, current, verdict: (0,units/* compare */.UD)(current, rule.op, rule.value) ? 'pass' : 'fail' });
        }
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/gate/verdict.ts
function overallVerdict(checks, stages) {
    if (checks.some((c) => c.verdict === 'fail'))
        return 'fail';
    // A stress stage's drops are in the step that broke: its breaking point already says so.
    if (checks.some((c) => c.verdict === 'warn') || stages.some((s) => s.generator_saturated || (s.dropped > 0 && s.kind !== 'stress')))
        return 'warn';
    return 'pass';
}
/**
 * A maintainer accepted the regressions (a PR label): failed regression checks become visible,
 * recorded warnings, not a silent pass. Absolute thresholds still fail: they are the service's
 * promises, not comparisons.
 */
function acceptRegressions(checks, reason) {
    return checks.map((c) => c.kind === 'regression' && c.verdict === 'fail' ? { ...c, verdict: 'warn', accepted: true, note: `accepted (${reason})${c.note ? `; ${c.note}` : ''}` } : c);
}

;// CONCATENATED MODULE: ./src/gate/excuse.ts





/**
 * The CPU probe this much slower than at baseline time names the reason "runner-slower" (an idle
 * runner repeats its probe within ±5 %; a neighbour holding a third of one core of two adds 40 %).
 */
const SLOWER_RUNNER_RATIO = 1.25;
/** perf-gate's own CPU over the stage this near a whole core: the generator itself was the bottleneck. */
const GENERATOR_BOUND_PCT = 85;
/** The reference percentile that stands for each latency metric (the reference has no tail past p99). */
const REFERENCE_KEY = {
    min: 'p50',
    p50: 'p50',
    p90: 'p90',
    p95: 'p95',
    p99: 'p99',
    p999: 'p99',
    max: 'p99',
    mean: 'mean',
};
/** The machine's effect on each stage, where there is one to speak of. */
function runnerEffects(current, baseline = [], history = []) {
    const out = new Map();
    for (const s of current) {
        const then = baseline.find((b) => b.name === s.name);
        const past = history.flatMap((run) => run.filter((p) => p.name === s.name));
        const against = then?.reference
            ? { figures: then.reference, what: 'the baseline run' }
            : !then
                ? medianReference(past)
                : undefined;
        const saturated = s.generator_saturated;
        const bound = saturated && (s.generator.cpu_pct ?? 0) >= GENERATOR_BOUND_PCT * (s.workers ?? 1);
        const probe = probeRatio(s, then, past);
        const slower = probe !== undefined && probe.ratio >= SLOWER_RUNNER_RATIO;
        const reason = bound ? 'generator-saturated' : slower ? 'runner-slower' : 'runner-busier';
        const why = describe(s, reason, probe, then ? 'when the baseline was measured' : 'in the past runs (median)');
        const trouble = saturated || slower || lagging(s, then);
        const effects = { comparison: { reason, why, now: s.reference, against, generatorBound: bound, baselineStage: then, trouble } };
        if (saturated) {
            const idle = s.reference?.idle;
            effects.thresholds = {
                reason,
                why,
                now: s.reference,
                against: idle && {
                    figures: { p50: idle.p50, p90: idle.p95, p95: idle.p95, p99: idle.p99, mean: idle.p50 },
                    what: 'its idle figures just before the stage',
                },
                generatorBound: bound,
                trouble,
            };
        }
        out.set(s.name, effects);
    }
    return out;
}
function describe(s, reason, probe, when) {
    const cpu = s.generator.cpu_pct !== undefined ? `${s.generator.cpu_pct.toFixed(0)} % of a core` : 'an unmeasured share of a core';
    switch (reason) {
        case 'generator-saturated':
            return `the load generator was saturated (${s.generator.reason ?? 'saturated'}) using ${cpu}: perf-gate itself was the bottleneck`;
        case 'runner-slower':
            return `the runner was ${probe.ratio.toFixed(2)}× slower than ${when} (CPU probe ${probe.now.toFixed(0)} ms against ${probe.then.toFixed(0)} ms)`;
        default:
            return s.generator_saturated
                ? `the load generator fell behind (${s.generator.reason ?? 'saturated'}) while using only ${cpu}: the whole machine was busy, the target included`
                : `the runner was busier than ${when}`;
    }
}
/** The generator's event loop lagged 2× and 10 ms more than in the baseline run (a slower target leaves it idle, not late). */
function lagging(s, then) {
    if (!then)
        return false;
    const now = s.generator.loop_lag_p99_ms;
    const before = then.generator.loop_lag_p99_ms;
    return now > Math.max(2 * before, before + 10);
}
function probeRatio(s, then, past) {
    const before = then ? then.cpu_probe_ms : excuse_median(past.flatMap((p) => (p.cpu_probe_ms === undefined ? [] : [p.cpu_probe_ms])));
    if (s.cpu_probe_ms === undefined || before === undefined || before <= 0)
        return undefined;
    return { ratio: s.cpu_probe_ms / before, now: s.cpu_probe_ms, then: before };
}
function medianReference(past) {
    const refs = past.flatMap((p) => (p.reference ? [p.reference] : []));
    if (refs.length === 0)
        return undefined;
    const keys = ['p50', 'p90', 'p95', 'p99', 'mean'];
    return {
        figures: Object.fromEntries(keys.map((k) => [k, excuse_median(refs.map((r) => r[k]))])),
        what: `the median of ${refs.length} past run${refs.length === 1 ? '' : 's'}`,
    };
}
function excuse_median(xs) {
    return xs.length > 0
        ? quantile([...xs].sort((a, b) => a - b), 0.5)
        : undefined;
}
/** Failed checks with the machine's part taken off and the rest judged again (see the top of this file). */
function excuseInProportion(checks, current, effects, rules) {
    return checks.map((c) => {
        if (c.verdict !== 'fail' || c.current === null)
            return c;
        const stage = current.find((s) => s.name === c.stage);
        const e = effects.get(c.stage);
        if (!stage || !e)
            return c;
        if (c.kind === 'threshold')
            return e.thresholds ? excuseThreshold(c, stage, e.thresholds, rules) : c;
        return e.comparison ? excuseRegression(c, stage, e.comparison, rules) : c;
    });
}
/** ms the runner added at the reference percentile standing for `metric`; undefined: not measurable. */
function addedMs(e, metric) {
    const key = REFERENCE_KEY[metric];
    const now = key && e.now?.[key];
    const then = key && e.against?.figures[key];
    // A figure a stored report lacks or holds as a non-number sizes nothing.
    if (!key || typeof now !== 'number' || typeof then !== 'number' || !Number.isFinite(now) || !Number.isFinite(then))
        return undefined;
    return { ms: Math.max(0, now - then), now, then, key };
}
const excuse_ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const excuse_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/**
 * A failure that stands: with a sign of trouble, the reason is said and why nothing came off;
 * without one, the check is left as it is (a quiet runner's failure needs no excuse talk).
 */
function stands(c, e, what, measuredSlower = false) {
    if (!e.trouble && !measuredSlower)
        return c;
    return { ...c, note: `${c.note ? `${c.note}; ` : ''}${e.why}, but ${what}` };
}
/** Less than this off a check is measurement noise of the reference, not an excuse worth a word. */
const NEGLIGIBLE_MS = 0.05;
/**
 * Evidence that the machine, not the code, slowed this run: a sign of trouble (a slow CPU probe, a
 * generator that fell behind or lagged), or the reference itself at least doubled at that
 * percentile and by 0.25 ms or more. A quiet runner's reference wobbles by a few tenths of a
 * millisecond from run to run, which on a 2-ms endpoint would otherwise excuse 10 % of any change.
 */
function evidenced(e, added) {
    return e.trouble || (added.ms >= 0.25 && added.ms >= added.then);
}
/** The verdict on the rest: a failure that stands, or a warning that the machine explained it. */
function rejudged(c, e, verdict, arithmetic, excuse) {
    const withExcuse = { ...c, excuse };
    if (verdict === 'fail')
        return { ...withExcuse, note: `${e.why}; ${arithmetic}: still beyond ${c.limit}` };
    const rest = verdict === 'pass' ? `within ${c.limit}` : `no longer clearly beyond ${c.limit} (inconclusive)`;
    return { ...withExcuse, verdict: 'warn', untrusted: e.reason, note: `excused: ${e.why}; ${arithmetic}: ${rest} once that is taken off` };
}
function excuseRegression(c, stage, e, rules) {
    const metric = c.metric;
    if (metric === 'error_rate')
        return excuseTimeouts(c, stage, e, rules);
    if (!LATENCY_METRICS.has(metric) && metric !== 'rps')
        return stands(c, e, `a ${metric} change is not a latency the runner can add to: judged as measured`);
    if (!e.now || !e.against) {
        const missing = !e.now ? 'this run has' : e.baselineStage ? 'the baseline has' : 'the past runs have';
        return stands(c, e, `${missing} no reference-server figures to size that by: judged as measured`);
    }
    const added = addedMs(e, metric === 'rps' ? 'mean' : metric);
    if (!added || added.ms < NEGLIGIBLE_MS) {
        return stands(c, e, `perf-gate's reference server answered no slower than in ${e.against.what}${added ? ` (${added.key} ${excuse_ms(added.now)} against ${excuse_ms(added.then)})` : ''}: nothing to take off`);
    }
    if (!evidenced(e, added))
        return c;
    const source = `perf-gate's reference server answered ${excuse_ms(added.ms)} slower at ${added.key} than in ${e.against.what} (${excuse_ms(added.then)} → ${excuse_ms(added.now)})`;
    const stageRules = rulesForStage(rules.regression, stage.kind);
    // The runner's delay pushes latency up and throughput down, and can explain no other failure.
    const pushed = (r) => (metric === 'rps' ? r.direction === 'decrease' : r.direction === 'increase');
    if (c.method === 'history-band') {
        const band = stageRules.find((r) => r.metric === metric && r.raw === c.limit && r.unit === 'sigma');
        return c.band && metric !== 'rps' && band && pushed(band)
            ? excuseBand(c, e, added.ms, source, metric)
            : stands(c, e, "this band rule is not one the runner's delay can explain: judged as measured", true);
    }
    const rule = stageRules.find((r) => r.metric === metric && r.raw === c.limit && r.unit === 'pct');
    if (rule && !pushed(rule))
        return stands(c, e, `a ${rule.direction === 'increase' ? 'rise' : 'drop'} of ${metric} is not what the runner's delay does: judged as measured`, true);
    if (!rule || c.baseline === null || c.baseline === undefined || c.baseline <= 0 || c.delta_pct === null || c.delta_pct === undefined) {
        return stands(c, e, 'this check has no relative change to take that from: judged as measured', true);
    }
    // The change the machine accounts for, in % of the baseline value.
    let explained;
    if (metric === 'rps') {
        // Closed model: U users each wait for their response, so rps = U / (time per request); without
        // the runner's milliseconds each request would have taken that much less.
        const users = steadyUsers(stage);
        if (users === undefined || c.current === null || c.current <= 0)
            return stands(c, e, "an open-model stage sends on schedule, so the runner's delay explains no throughput: judged as measured", true);
        const perRequestS = users / c.current;
        // A delay as long as a request's whole time explains the whole drop (never an infinite rps).
        explained = perRequestS > added.ms / 1000 ? ((users / (perRequestS - added.ms / 1000) - c.current) / c.baseline) * 100 : -c.delta_pct;
    }
    else {
        explained = (added.ms / c.baseline) * 100;
    }
    const worseIsUp = rule.direction === 'increase';
    const sign = worseIsUp ? -1 : 1;
    const remaining = c.delta_pct + sign * explained;
    const iv = c.interval_pct && { lo: c.interval_pct[0] + sign * explained, hi: c.interval_pct[1] + sign * explained };
    const verdict = iv ? judgeInterval(iv, rule.amount, worseIsUp, remaining) : judgeInterval({ lo: remaining, hi: remaining }, rule.amount, worseIsUp);
    const rest = `${(0,model_format/* fmtSigned */._Q)(remaining, '%', 1)}${iv ? ` [${(0,model_format/* fmtSigned */._Q)(iv.lo, '', 1)}, ${(0,model_format/* fmtSigned */._Q)(iv.hi, '', 1)}]` : ''}`;
    const arithmetic = `${source}, which accounts for ${(0,model_format/* fmtSigned */._Q)(-sign * explained, '%', 1)} of the ${(0,model_format/* fmtSigned */._Q)(c.delta_pct, '%', 1)}; the rest is ${rest}`;
    return rejudged(c, e, verdict, arithmetic, {
        by: e.reason,
        runner_ms: excuse_round(added.ms, 3),
        explained_pct: excuse_round(-sign * explained),
        remaining_pct: excuse_round(remaining),
        ...(iv ? { remaining_interval_pct: [excuse_round(iv.lo), excuse_round(iv.hi)] } : {}),
    });
}
function excuseBand(c, e, addedMsValue, source, metric) {
    const band = c.band;
    const rest = c.current - addedMsValue;
    const verdict = rest > band.hi ? 'fail' : 'pass';
    const arithmetic = `${source}; ${metric} without it is ${excuse_ms(rest)} against the band's top ${excuse_ms(band.hi)}`;
    return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: excuse_round(addedMsValue, 3), remaining: excuse_round(rest, 3) });
}
function excuseThreshold(c, stage, e, rules) {
    const metric = c.metric;
    if (metric === 'error_rate')
        return excuseTimeouts(c, stage, e, rules);
    if (!LATENCY_METRICS.has(metric))
        return stands(c, e, `a ${metric} threshold is not a latency it can add to: judged as measured`);
    const rule = [...(rules.thresholds['*'] ?? []), ...(rules.thresholds[c.stage] ?? [])].find((r) => r.metric === metric && r.raw === c.limit);
    const added = addedMs(e, metric);
    if (!rule)
        return c;
    if (!added)
        return stands(c, e, "perf-gate's reference server was not timed in this stage, so nothing can be sized: judged as measured");
    if (added.ms < NEGLIGIBLE_MS)
        return stands(c, e, `perf-gate's reference server shows no delay over ${e.against.what} to take off: judged as measured`);
    const rest = c.current - added.ms;
    const verdict = (0,units/* compare */.UD)(rest, rule.op, rule.value) ? 'pass' : 'fail';
    const arithmetic = `perf-gate's reference server answered ${excuse_ms(added.ms)} slower at ${added.key} during the stage than ${e.against.what} (${excuse_ms(added.then)} → ${excuse_ms(added.now)}); ${metric} without it is ${excuse_ms(rest)}`;
    return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: excuse_round(added.ms, 3), remaining: excuse_round(rest, 3) });
}
/** A generator too busy to read its responses in time makes timeouts: those, and only those, come off. */
function excuseTimeouts(c, stage, e, rules) {
    const timeouts = stage.errors_by_kind.timeout ?? 0;
    if (!e.generatorBound || timeouts === 0)
        return stands(c, e, 'a busy machine does not make a target answer errors: judged as measured');
    const errors = Math.max(0, stage.errors - timeouts);
    const rate = stage.requests > 0 ? errors / stage.requests : 0;
    const arithmetic = `${timeouts} of its ${stage.errors} errors were timeouts, which a generator that cannot read its responses makes; without them the error rate is ${(rate * 100).toFixed(2)} %`;
    if (c.kind === 'threshold') {
        const rule = [...(rules.thresholds['*'] ?? []), ...(rules.thresholds[c.stage] ?? [])].find((r) => r.metric === 'error_rate' && r.raw === c.limit);
        if (!rule)
            return c;
        return rejudged(c, e, (0,units/* compare */.UD)(rate, rule.op, rule.value) ? 'pass' : 'fail', arithmetic, { by: e.reason, remaining: excuse_round(rate, 6) });
    }
    const rule = rulesForStage(rules.regression, stage.kind).find((r) => r.metric === 'error_rate' && r.raw === c.limit && r.unit !== 'sigma');
    const then = e.baselineStage;
    if (!rule || !then)
        return stands(c, e, 'the rule it failed is not one a baseline run can be re-judged by: judged as measured');
    const before = then.error_rate;
    const iv = twoProportionInterval(then.errors, then.requests, errors, stage.requests);
    const ivPp = { lo: iv.lo * 100, hi: iv.hi * 100 };
    const deltaPp = (rate - before) * 100;
    const verdict = judgeErrorRateChange(rule, before, deltaPp, ivPp, true);
    return rejudged(c, e, verdict, `${arithmetic} (${(0,model_format/* fmtSigned */._Q)(deltaPp, 'pp', 2)})`, { by: e.reason, remaining: excuse_round(rate, 6) });
}
/** Closed-model stages: the users running in the steady windows (the median); undefined for open-model stages. */
function steadyUsers(s) {
    const users = s.timeline.filter((w) => w.requests > 0 && w.users !== undefined).map((w) => w.users);
    return users.length > 0 ? excuse_median(users) : undefined;
}

;// CONCATENATED MODULE: ./src/gate/confirm.ts

/** Stages with a failing regression check: the ones worth running again. */
function stagesToConfirm(checks) {
    return new Set(checks.filter((c) => c.kind === 'regression' && c.verdict === 'fail').map((c) => c.stage));
}
const change = (c) => c.delta_pp !== undefined ? (0,model_format/* fmtSigned */._Q)(c.delta_pp, 'pp', 2) : c.delta_pct !== undefined && c.delta_pct !== null ? (0,model_format/* fmtSigned */._Q)(c.delta_pct, '%') : `${c.current}`;
/**
 * The first run's checks, with every failed regression judged again by the re-run's check of the
 * same stage and metric: still failing → fail (confirmed), passing or inconclusive → warn (not
 * confirmed). Only a re-run that measured something can clear a failure: one that did not run
 * (interrupted), measured nothing comparable, or had a saturated generator (`untrusted`) leaves
 * the failure standing.
 */
function confirmChecks(first, again, untrusted = new Set()) {
    return first.map((c) => {
        if (c.kind !== 'regression' || c.verdict !== 'fail')
            return c;
        const second = again.find((a) => a.kind === 'regression' && a.stage === c.stage && a.metric === c.metric);
        if (!second || untrusted.has(c.stage))
            return c;
        const confirmation = {
            verdict: second.verdict,
            current: second.current,
            delta_pct: second.delta_pct,
            delta_pp: second.delta_pp,
            interval_pct: second.interval_pct,
            interval_pp: second.interval_pp,
        };
        if (second.verdict === 'fail') {
            return { ...c, confirmation, note: `confirmed: a re-run of the stage also failed (${change(second)})${c.note ? `; ${c.note}` : ''}` };
        }
        return {
            ...c,
            verdict: 'warn',
            confirmation,
            note: `not confirmed: failed at ${change(c)}, but a re-run of the stage measured ${change(second)} (${second.verdict})`,
        };
    });
}

;// CONCATENATED MODULE: ./src/gate/abort.ts
const ABORT_METRIC = 'abort_when';
function abortChecks(stages) {
    return stages
        .filter((s) => s.aborted)
        .map((s) => ({
        stage: s.name,
        metric: ABORT_METRIC,
        kind: 'threshold',
        current: null,
        limit: s.aborted.rule,
        method: `stage ended ${s.aborted.at_s.toFixed(1)} s in`,
        verdict: 'fail',
        note: s.aborted.reason,
    }));
}

// EXTERNAL MODULE: ./src/gate/flows.ts
var flows = __webpack_require__(51562);
;// CONCATENATED MODULE: ./src/gate/index.ts










function judge(rules, current, against) {
    const bandRules = (rules.regression ?? []).filter((r) => r.unit === 'sigma');
    const checks = [
        ...evaluateThresholds(rules.thresholds, current),
        ...(against.baseline ? evaluateRegressions(rules.regression, against.baseline, current, against.estimate) : []),
        // No history source at all (A/B) is not a short history: band rules do not apply there.
        ...(bandRules.length > 0 && against.history ? evaluateBandRules(bandRules, against.history, current) : []),
    ];
    return against.excuse === false ? checks : excuseInProportion(checks, current, runnerEffects(current, against.baseline, against.history), rules);
}
function gate(rules, current, against = {}, options = {}) {
    let checks = judge(rules, current, against);
    if (options.again && options.again.length > 0) {
        const untrusted = new Set(options.again.filter((s) => s.generator_saturated).map((s) => s.name));
        checks = confirmChecks(checks, judge(rules, options.again, against), untrusted);
    }
    if (options.accept)
        checks = acceptRegressions(checks, options.accept);
    // After the excuses and acceptances: an aborted stage fails, whatever the runner or the label.
    checks = [...checks, ...abortChecks(current), ...(0,flows/* flowChecks */.uG)(current)];
    return { checks, verdict: overallVerdict(checks, current) };
}

;// CONCATENATED MODULE: ./src/model/stop.ts
/** The `method` of the check a limit stop adds (src/gate/limits.ts), how older reports show one. */
const RUN_LIMIT_METHOD = 'run limit';
function stoppedOf(report) {
    return report.stopped ?? earlyStop(report);
}
/**
 * What ended a run early, from its parts; the first that applies of: a limit (the whole run
 * stopped), an abort (the plan stopped at that stage), a cancel, a stress stage's break.
 */
function earlyStop(r) {
    const limit = r.checks.find((c) => c.method === RUN_LIMIT_METHOD);
    if (limit)
        return { by: 'limit', stage: limit.stage, rule: limit.limit.replace(/^.*\((limits\.\w+)\)$/, '$1'), at_s: null, reason: limit.note ?? '' };
    const aborted = r.stages.find((s) => s.aborted);
    if (aborted?.aborted)
        return { by: 'abort_when', stage: aborted.name, rule: aborted.aborted.rule, at_s: aborted.aborted.at_s, reason: aborted.aborted.reason };
    if (r.cancelled)
        return { by: 'cancel', stage: r.stages.at(-1)?.name, rule: 'cancel', at_s: null, reason: 'the run was interrupted (Ctrl-C, or the job was cancelled)' };
    return stressBreak(r.stages);
}
/** A stress stage whose breaking step ended before its time (its break was already certain). */
function stressBreak(stages) {
    for (const s of stages) {
        const step = s.stress?.steps.find((st) => st.ended_early);
        if (step) {
            return {
                by: 'break',
                stage: s.name,
                rule: (step.broke ?? []).join(', ') || 'its break conditions',
                at_s: Math.round((step.start_s + step.duration_s) * 10) / 10,
                reason: `step ${step.index + 1} (${step.level}) broke and ended early: ${(step.broke ?? []).join(', ')}`,
            };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/gate/limits.ts
/**
 * A run the plan's limits stopped (src/load/run-plan.ts) fails the gate: its numbers cover only part
 * of the plan, so it must neither pass in silence nor become a baseline. The stop shows as one
 * failed check, with the reason, in report.json, the summary and the PR comment.
 */



function failStoppedRun(result, stopped) {
    if (!stopped)
        return result;
    const requests = stopped.limit === 'max_requests';
    const check = {
        stage: stopped.stage,
        metric: requests ? 'requests' : 'duration',
        kind: 'threshold',
        current: stopped.value,
        limit: `< ${requests ? stopped.cap : (0,units/* formatMs */._V)(stopped.cap)} (limits.${stopped.limit})`,
        method: RUN_LIMIT_METHOD,
        verdict: 'fail',
        note: stopped.message,
    };
    return { checks: [...result.checks, check], verdict: 'fail' };
}

// EXTERNAL MODULE: ./src/model/report.ts
var model_report = __webpack_require__(55235);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/version.ts

const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/report/build.ts
/** Raw stage measurements → the report.json document (pure apart from reading the runner's CPU). */










const build_round = (x, digits = 3) => {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
};
/** ws streams and held connections count failures that are not requests: an all-failed stage is 100 %. */
const errorRate = (requests, errors) => (requests > 0 ? build_round(Math.min(1, errors / requests), 6) : errors > 0 ? 1 : 0);
/** `count` over `ms` as a rate per second, as report.json states rps. */
const perSecond = (count, ms) => build_round(count / Math.max(0.001, ms / 1000), 2);
/** Counts by status or close code, as report.json keys them, in numeric order. */
function countsByCode(counts) {
    const out = {};
    for (const [code, n] of [...counts].sort((a, b) => a[0] - b[0]))
        out[String(code)] = n;
    return out;
}
function stageReport(r) {
    const m = r.metrics;
    // Timed stages: rate over the planned sending time (the drain of the last responses is not
    // sending time), or the time actually run when it was cut short. Bursts: their own wall time.
    const sendingMs = r.spec.kind === 'burst' ? r.durationMs : Math.min(plannedDurationMs(r.spec), r.durationMs);
    // A shard's report carries the histograms and inputs `merge` needs; other reports stay small.
    const shard = r.spec.share !== undefined;
    const report = {
        name: r.spec.name,
        kind: r.spec.kind,
        protocol: r.spec.protocol,
        duration_s: build_round(r.durationMs / 1000),
        requests: m.requests,
        errors: m.errors,
        error_rate: errorRate(m.requests, m.errors),
        rps: perSecond(m.requests, sendingMs),
        latency_ms: summarize(m.histogram),
        errors_by_kind: { ...m.errorsByKind },
        status_codes: countsByCode(m.statusCodes),
        endpoints: m.endpoints
            .filter((e) => e.requests > 0)
            .map((e) => ({ ...endpointReport(e.name, e.requests, e.errors, e.histogram), ...(shard ? { histogram: histogram_encodeHistogram(e.histogram) } : {}) })),
        timeline: r.timeline,
        histogram: histogram_encodeHistogram(m.histogram),
        generator_saturated: r.generator.saturated,
        late_sends: r.generator.late_sends,
        dropped: r.generator.dropped,
        generator: r.generator,
        retry_after_seen: m.retryAfterSeen,
    };
    if (r.scheduled !== undefined)
        report.scheduled = r.scheduled;
    if (r.cycles)
        report.cycles = r.cycles;
    if (r.spike)
        report.spike = r.spike;
    if (r.stress)
        report.stress = r.stress;
    if (r.soak)
        report.soak = r.soak;
    if (r.cpuProbeMs !== undefined)
        report.cpu_probe_ms = r.cpuProbeMs;
    if (r.reference)
        report.reference = r.reference;
    if (r.workers !== undefined)
        report.workers = r.workers;
    if (r.aborted)
        report.aborted = r.aborted;
    if (r.sessions) {
        const f = r.sessions.first;
        report.sessions = {
            users: r.sessions.users,
            failed: r.sessions.failed,
            ...(f ? { step: f.step, status: f.status, reason: f.reason, ...(f.sample ? { sample: f.sample } : {}) } : {}),
        };
    }
    if (r.unsent)
        report.unsent = { count: r.unsent.count, missing: r.unsent.missing };
    if (r.setup)
        report.setup = r.setup;
    if (r.verify)
        report.verify = r.verify;
    if (m.retryAfterS)
        report.retry_after_s = m.retryAfterS;
    if (m.errorSamples.size > 0)
        report.error_samples = Object.fromEntries(m.errorSamples);
    if (r.resources)
        addResources(report, r);
    if (m.ws)
        addWs(report, r, sendingMs);
    if (shard)
        report.merge_inputs = mergeInputs(r, sendingMs);
    return report;
}
function endpointReport(name, requests, errors, h) {
    const s = summarize(h);
    return { name, requests, errors, latency_ms: { p50: s.p50, p95: s.p95, p99: s.p99 } };
}
function mergeInputs(r, sendingMs) {
    const inputs = { sending_s: build_round(sendingMs / 1000, 6) };
    if (r.spec.kind === 'spike') {
        const p = spikePhases(r.spec);
        inputs.spike_ms = { start: p.startMs, drop: p.dropMs };
    }
    const w = r.metrics.ws;
    if (w)
        inputs.ws_histograms = { connect: histogram_encodeHistogram(w.connect), gap: histogram_encodeHistogram(w.gap), lag: histogram_encodeHistogram(w.lag) };
    return inputs;
}
/**
 * The app's figures over the stage's measured span (its clock start for its duration), and each
 * window's. A soak with no metrics page takes its memory growth from the same readings.
 */
function addResources(report, r) {
    const res = stageResources(r.resources, r.startedAt.getTime(), r.durationMs, report.requests, report.timeline);
    report.resources = res;
    if (report.soak && !report.soak.memory && r.spec.kind === 'soak') {
        const toBytes = (mb) => (mb === null || mb === undefined ? null : Math.round(mb * 1024 * 1024));
        const memory = {
            url: res.source,
            before_bytes: toBytes(res.rss_mb_start),
            after_bytes: toBytes(res.rss_mb_end),
            growth_pct: res.rss_growth_pct ?? null,
        };
        if (memory.growth_pct === null)
            memory.error = res.error ?? `${res.source} gives no memory figure`;
        report.soak.memory = memory;
    }
}
function addWs(report, r, sendingMs) {
    const w = r.metrics.ws;
    report.ws_mode = r.mode;
    report.connect_ms = summarize(w.connect);
    report.closes_by_code = countsByCode(w.closesByCode);
    report.reconnects = w.reconnects;
    report.connections = { planned: r.spec.connections ?? 1, opened: w.opened, failed: w.connectFailures, peak: w.peakOpen, open_at_end: w.openAtEnd };
    if (r.mode === 'request_reply')
        report.unmatched_replies = w.unmatchedReplies;
    if (r.mode === 'stream') {
        report.messages_per_s = perSecond(w.received, sendingMs);
        report.gap_ms = summarize(w.gap);
        if (w.lag.totalCount > 0)
            report.lag_ms = summarize(w.lag);
    }
}
function runnerInfo() {
    const cpus = external_node_os_default().cpus();
    return {
        os: `${external_node_os_default().platform()} ${external_node_os_default().release()}`,
        arch: external_node_os_default().arch(),
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        node: process.version,
    };
}
function buildReport(i) {
    const report = {
        tool: 'perf-gate',
        version: VERSION,
        schema: model_report/* REPORT_SCHEMA */.D,
        verdict: i.verdict,
        plan: i.planFile,
        target: (0,model_format/* displayUrl */.Qy)(i.run.target),
        started_at: i.run.startedAt.toISOString(),
        duration_s: build_round(i.run.durationMs / 1000, 1),
        cancelled: i.cancelled ?? false,
        runner: i.runner ?? runnerInfo(),
        fingerprints: i.fingerprints,
        ...(i.shape && { shape: i.shape }),
        baseline: null,
        stages: i.stages,
        checks: i.checks,
    };
    if (i.shard)
        report.shard = i.shard;
    // The gate has added the limit stop's check by now: the record reads it from there, as for old reports.
    const stopped = earlyStop(report);
    if (stopped)
        report.stopped = stopped;
    return report;
}

// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(34319);
// EXTERNAL MODULE: ./src/baseline/shape.ts
var shape = __webpack_require__(59258);
// EXTERNAL MODULE: ./src/input-checks.ts
var input_checks = __webpack_require__(92321);
// EXTERNAL MODULE: ./src/baseline/report-file.ts
var report_file = __webpack_require__(34540);
// EXTERNAL MODULE: ./src/load/destination.ts
var destination = __webpack_require__(87612);
;// CONCATENATED MODULE: ./src/flows/shared.ts






/** Band rules and the trend chart look this many runs back. */
const HISTORY_RUNS = 20;
function gateRules(plan) {
    return { thresholds: plan?.thresholds ?? {}, regression: plan?.regression };
}
/**
 * Refuses a destination that is not loopback unless the plan or the action allows it (exit 2,
 * before any connection, the readiness probe and target.start included), then says where load goes:
 * the first line of every run.
 */
function announceLoad(plan, targets, s) {
    const checked = targets.map(([label, url]) => `${label}${(0,model_format/* displayUrl */.Qy)(url)} (${(0,destination/* describeGrant */.aN)((0,destination/* checkLoadDestination */.Nu)(url, plan.target.allowRemote === true, s.allowedHosts).grant)})`);
    s.log.info(`perf-gate: load goes to ${checked.join(' and ')}`);
}
/** What a run was compared with, for report.json and the summary. */
function baselineRef(source, found) {
    return {
        source: source.store.description,
        started_at: found.report.started_at,
        target: found.report.target,
        commit: found.commit === 'local' ? undefined : found.commit,
        explanation: found.explanation,
    };
}
/** The stored result to compare with; a PR whose base has none falls back to the newest one. */
async function loadBaseline(source, request, log) {
    try {
        return await findBaseline(source, request, log);
    }
    catch (err) {
        if (!source.optional || !(err instanceof src_errors/* BaselineError */.s$))
            throw err;
        log.warn(`${source.store.description} could not be read (${err.message}): this run is checked against the absolute thresholds only`);
        return undefined;
    }
}
async function findBaseline(source, request, log) {
    let loaded = await source.store.load({ ...request, commits: source.commits });
    if (!loaded.result && source.commits) {
        const newest = await source.store.load(request);
        if (newest.result)
            loaded = { result: newest.result, explanation: `no result for the PR's base commits; nearest: ${newest.explanation}` };
    }
    if (loaded.result)
        (0,report_file/* wholeRun */.f1)(loaded.result.report, source.store.description);
    log.info(loaded.result ? loaded.explanation : `${loaded.explanation}: this run is checked against the absolute thresholds only`);
    return loaded.result ? { ...loaded.result, explanation: loaded.explanation } : undefined;
}
/** A maintainer's acceptance is recorded when it turned at least one failure into a warning. */
function noteAccepted(report, reason) {
    const n = report.checks.filter((c) => c.accepted).length;
    if (reason && n > 0)
        report.accepted = { reason, checks: n };
}
/** What the report says of the past runs it read; undefined when there was nothing to read or nothing read. */
function historyRef(store, past) {
    if (!store || (past.length === 0 && !store.leftOut))
        return undefined;
    return { source: store.description, runs: past.length, ...(store.leftOut ? { left_out: store.leftOut } : {}) };
}
/** Past results are for bands and the chart: a store that cannot list them costs those, not the run. */
async function readPast(store, request, log) {
    if (!store)
        return [];
    try {
        return await store.history(request, HISTORY_RUNS);
    }
    catch (err) {
        log.info(`no history from ${store.description}: ${(0,src_errors/* describeError */.Uc)(err)}`);
        return [];
    }
}
/**
 * Per stage, the p95 of stored results (oldest first) and this run last, for the trend chart. A run
 * without a p95 (an import whose tool did not write one: null) is left out, not drawn as 0 ms.
 */
function historyPoints(history, current) {
    if (history.length === 0)
        return undefined;
    const out = {};
    const past = [...history].reverse();
    const measured = (p95) => typeof p95 === 'number' && Number.isFinite(p95);
    for (const stage of current.stages) {
        const points = past.flatMap((h) => {
            const s = h.report.stages.find((x) => x.name === stage.name);
            return s && measured(s.latency_ms.p95) ? [{ label: h.commit === 'local' ? h.savedAt.slice(5, 16) : h.commit.slice(0, 7), p95: s.latency_ms.p95 }] : [];
        });
        out[stage.name] = measured(stage.latency_ms.p95) ? [...points, { label: 'this run', p95: stage.latency_ms.p95 }] : points;
    }
    return out;
}

// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __webpack_require__(58215);
// EXTERNAL MODULE: ./src/report/stage-outcomes.ts
var stage_outcomes = __webpack_require__(85948);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/svg.ts
/**
 * Inline SVG line charts for the HTML report: one function draws every chart (timelines, the
 * percentile curve, stress steps), so they share axes, legends and escaping. Pure: spec in, markup
 * out. Non-finite values never reach the markup: a missing y breaks the line, a degenerate range
 * gets a unit span, so a chart of nothing still renders.
 */

const W = 640;
const H = 300;
/** Series of at most this many points also get a dot per point (steps, short runs). */
const DOTS_UP_TO = 40;
/** Longer series keep the max of each bucket: a one-second spike in an hour's soak must not vanish. */
const MAX_POINTS = 800;
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** Coordinates with one decimal: finite by construction (inputs are checked, spans are never 0). */
const c = (v) => (Math.round(v * 10) / 10).toString();
/** A readable tick label: 1200 → "1.2k", 0.25 → "0.25". */
function fmtTick(v) {
    const a = Math.abs(v);
    if (a >= 10_000)
        return `${Number((v / 1000).toPrecision(3))}k`;
    return String(Number(v.toPrecision(4)));
}
/** Round ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], the range widened to whole ticks. */
function niceScale(lo, hi, target = 5) {
    if (!isNum(lo) || !isNum(hi))
        [lo, hi] = [0, 1];
    if (hi <= lo)
        hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
    const raw = (hi - lo) / target;
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
    const first = Math.floor(lo / step + 1e-9) * step;
    const last = Math.ceil(hi / step - 1e-9) * step;
    const ticks = [];
    for (let i = 0; first + i * step <= last + step * 1e-6 && i <= 100; i++)
        ticks.push(Number((first + i * step).toPrecision(12)));
    return { lo: first, hi: last, ticks };
}
/** At most `max` points: bucket by index, keep each bucket's first x and largest y. */
function thin(points, max = MAX_POINTS) {
    if (points.length <= max)
        return points;
    const k = Math.ceil(points.length / max);
    const out = [];
    for (let i = 0; i < points.length; i += k) {
        const ys = points
            .slice(i, i + k)
            .map((p) => p.y)
            .filter(isNum);
        out.push({ x: points[i].x, y: ys.length ? Math.max(...ys) : null });
    }
    return out;
}
/** An SVG line chart with a title, a legend, ticked and labelled axes, and vertical markers. */
function lineChart(spec) {
    const series = spec.series.map((s) => ({ ...s, points: thin(s.points.filter((p) => isNum(p.x))) }));
    const hasRight = spec.y2 !== undefined && series.some((s) => s.axis === 'right');
    const m = { top: 58, right: hasRight ? 64 : 20, bottom: 48, left: 68 };
    const pw = W - m.left - m.right;
    const ph = H - m.top - m.bottom;
    const xs = series.flatMap((s) => s.points.map((p) => p.x));
    const ysOf = (side) => series.filter((s) => (s.axis ?? 'left') === side).flatMap((s) => s.points.map((p) => p.y).filter(isNum));
    const [xLo, xHi] = spec.x.domain ?? [Math.min(...xs), Math.max(...xs)];
    const fixed = fixedScale(xLo, xHi);
    // Given ticks or a given domain are kept as they are; otherwise the range widens to round ticks.
    const xScale = spec.x.ticks ? fixed : spec.x.domain ? { ...fixed, ticks: niceScale(fixed.lo, fixed.hi, 8).ticks } : niceScale(xLo, xHi, 8);
    const xTicks = (spec.x.ticks ?? xScale.ticks.map((v) => ({ value: v, label: (spec.x.format ?? fmtTick)(v) }))).filter((t) => t.value >= xScale.lo - 1e-9 && t.value <= xScale.hi + 1e-9);
    // 5 % headroom: a flat line at the maximum would otherwise lie on the chart's top edge.
    const left = niceScale(0, Math.max(0, ...ysOf('left')) * 1.05);
    const right = niceScale(0, Math.max(0, ...ysOf('right')) * 1.05);
    const sx = (x) => m.left + ((x - xScale.lo) / (xScale.hi - xScale.lo)) * pw;
    const syOf = (sc) => (y) => m.top + ph - ((y - sc.lo) / (sc.hi - sc.lo)) * ph;
    const syLeft = syOf(left);
    const syRight = syOf(right);
    const title = (0,report_escape/* html */.qy)(spec.title);
    const out = [
        `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" preserveAspectRatio="xMidYMid meet">`,
        `<title>${title}</title>`,
        `<desc>${(0,report_escape/* html */.qy)(svg_describe(series))}</desc>`,
        `<text class="chart-title" x="${m.left}" y="20">${title}</text>`,
    ];
    // Legend under the title, left to right.
    let lx = m.left;
    for (const s of series) {
        out.push(`<g class="legend-item"><line x1="${lx}" y1="38" x2="${lx + 22}" y2="38" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${lx + 28}" y="42">${(0,report_escape/* html */.qy)(s.name)}${hasRight && s.axis === 'right' ? ' (right axis)' : ''}</text></g>`);
        lx += 44 + s.name.length * 7.5 + (hasRight && s.axis === 'right' ? 78 : 0);
    }
    // Grid and axes.
    out.push('<g class="axis y-axis">');
    for (const t of left.ticks) {
        const y = c(syLeft(t));
        out.push(`<line class="grid" x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}"/><text x="${m.left - 8}" y="${y}" dy="4" text-anchor="end">${(0,report_escape/* html */.qy)((spec.y.format ?? fmtTick)(t))}</text>`);
    }
    out.push(`<text class="axis-label" transform="translate(16 ${c(m.top + ph / 2)}) rotate(-90)" text-anchor="middle">${(0,report_escape/* html */.qy)(spec.y.label)}</text></g>`);
    if (hasRight) {
        out.push('<g class="axis y2-axis">');
        for (const t of right.ticks)
            out.push(`<text x="${m.left + pw + 8}" y="${c(syRight(t))}" dy="4">${(0,report_escape/* html */.qy)((spec.y2.format ?? fmtTick)(t))}</text>`);
        out.push(`<text class="axis-label" transform="translate(${W - 14} ${c(m.top + ph / 2)}) rotate(90)" text-anchor="middle">${(0,report_escape/* html */.qy)(spec.y2.label)}</text></g>`);
    }
    out.push('<g class="axis x-axis">');
    for (const t of xTicks) {
        const x = c(sx(t.value));
        out.push(`<line class="tick" x1="${x}" y1="${m.top + ph}" x2="${x}" y2="${m.top + ph + 5}"/><text x="${x}" y="${m.top + ph + 19}" text-anchor="middle">${(0,report_escape/* html */.qy)(t.label)}</text>`);
    }
    out.push(`<line class="frame" x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}"/><line class="frame" x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}"/>`);
    out.push(`<text class="axis-label" x="${c(m.left + pw / 2)}" y="${H - 6}" text-anchor="middle">${(0,report_escape/* html */.qy)(spec.x.label)}</text></g>`);
    // Markers below the lines, labels staggered so neighbours stay legible.
    const markers = (spec.markers ?? []).filter((mk) => isNum(mk.x) && mk.x >= xScale.lo && mk.x <= xScale.hi);
    markers.forEach((mk, i) => {
        const x = c(sx(mk.x));
        const color = mk.color ?? '#6b4fbb';
        // Near the right edge the label goes left of its line, so it stays inside the chart.
        const side = sx(mk.x) > m.left + pw * 0.8 ? 'dx="-4" text-anchor="end"' : 'dx="4"';
        out.push(`<g class="marker"><line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + ph}" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3"/><text x="${x}" ${side} y="${m.top + 12 + (i % 3) * 14}" fill="${color}">${(0,report_escape/* html */.qy)(mk.label)}</text></g>`);
    });
    if (xs.length === 0) {
        out.push(`<text class="no-data" x="${c(m.left + pw / 2)}" y="${c(m.top + ph / 2)}" text-anchor="middle">no data</text>`);
    }
    for (const s of series) {
        const sy = s.axis === 'right' && hasRight ? syRight : syLeft;
        const d = pathData(s.points, sx, sy);
        const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
        if (d)
            out.push(`<path class="series" data-series="${(0,report_escape/* html */.qy)(s.name)}" d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash} stroke-linejoin="round"/>`);
        if (s.points.length <= DOTS_UP_TO) {
            const dots = s.points.filter((p) => isNum(p.y)).map((p) => `<circle cx="${c(sx(p.x))}" cy="${c(sy(p.y))}" r="3"/>`);
            if (dots.length)
                out.push(`<g class="dots" fill="${s.color}">${dots.join('')}</g>`);
        }
    }
    out.push('</svg>');
    return out.join('\n');
}
/** A domain used as given (fixed ticks), widened when it is a single value. */
function fixedScale(lo, hi) {
    if (!isNum(lo) || !isNum(hi))
        return { lo: 0, hi: 1, ticks: [] };
    return hi > lo ? { lo, hi, ticks: [] } : { lo: lo - 0.5, hi: lo + 0.5, ticks: [] };
}
/** `M x y L x y …`, restarting after a gap; empty when no point has a value. */
function pathData(points, sx, sy) {
    const parts = [];
    let pen = false;
    for (const p of points) {
        if (!isNum(p.y)) {
            pen = false;
            continue;
        }
        parts.push(`${pen ? 'L' : 'M'}${c(sx(p.x))} ${c(sy(p.y))}`);
        pen = true;
    }
    return parts.join(' ');
}
/** For screen readers: each series' range. */
function svg_describe(series) {
    return series
        .map((s) => {
        const ys = s.points.map((p) => p.y).filter(isNum);
        return ys.length ? `${s.name}: ${ys.length} points from ${fmtTick(Math.min(...ys))} to ${fmtTick(Math.max(...ys))}` : `${s.name}: no data`;
    })
        .join('; ');
}

;// CONCATENATED MODULE: ./src/report/html.ts
/**
 * report.html: the whole report as one self-contained page (inline CSS and SVG, no script, no
 * fetch, a CSP that forbids any), so it opens offline from a downloaded artifact. Pure: report in,
 * markup out. Every string from a plan, a response or a file goes through `html()`.
 */







const COLOR = {
    cpu: '#bc4c00',
    memory: '#0a3069',
    rps: '#1f6feb',
    p50: '#2da44e',
    p95: '#d4a72c',
    p99: '#cf222e',
    errors: '#cf222e',
    current: '#1f6feb',
    baseline: '#6e7781',
    rate: '#8250df',
};
/** The percentile curve goes this many nines deep at most (99.999th). */
const MAX_NINES = 5;
const NINES_STEP = 0.05;
function renderHtml(report, extras = {}) {
    const title = `perf-gate ${report.verdict}: ${report.plan}`;
    const baseStages = extras.baselineStages ?? report.ab?.base_stages;
    const baseName = report.ab ? 'base' : 'baseline';
    const body = [
        headline(report),
        diagnosesSection(report.diagnoses ?? []),
        stageOverview(report),
        checksSection(report),
        ...report.stages.map((s, i) => stageSection(report, s, i, baseStages?.find((b) => b.name === s.name), baseName, extras.history?.[s.name])),
        `<footer>perf-gate ${(0,report_escape/* html */.qy)(report.version)} · report schema ${report.schema} · generated from report.json</footer>`,
    ];
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        // Nothing may load: the page is the whole report (an artifact opened offline must look the same).
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        // Without an icon of its own the browser would ask the server for /favicon.ico.
        '<link rel="icon" href="data:,">',
        `<title>${(0,report_escape/* html */.qy)(title)}</title>`,
        `<style>${CSS}</style>`,
        '</head>',
        `<body class="verdict-${report.verdict}">`,
        '<main>',
        ...body.filter(Boolean),
        '</main>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
/** A coloured word, not an emoji: a browser without an emoji font would draw empty boxes. */
const tag = (v) => `<span class="tag ${v}">${v}</span>`;
const VERDICT_TEXT = { pass: 'passed', warn: 'passed with warnings', fail: 'failed' };
function headline(r) {
    const facts = [
        ['plan', `<code>${(0,report_escape/* html */.qy)(r.plan)}</code>`],
        ['target', `<code>${(0,report_escape/* html */.qy)(r.target)}</code>`],
        ['started', `${(0,report_escape/* html */.qy)((0,model_format/* fmtTime */.Xd)(r.started_at))}, ${(0,report_escape/* html */.qy)(String(r.duration_s))} s`],
        ['runner', (0,report_escape/* html */.qy)(`${r.runner.cores} × ${r.runner.cpu}, ${r.runner.os} ${r.runner.arch}, Node ${r.runner.node}`)],
    ];
    if (r.imported)
        facts.push(['imported', (0,report_escape/* html */.qy)(`${r.imported.tool} results from ${r.imported.file}`)]);
    if (r.ab) {
        const rounds = Object.entries(r.ab.rounds)
            .map(([n, k]) => `${n} ${k}`)
            .join(', ');
        facts.push(['A/B base', (0,report_escape/* html */.qy)(`${r.ab.base_target}${r.ab.base_commit ? ` (commit ${r.ab.base_commit.slice(0, 7)})` : ''}, alternating rounds (${rounds})`)]);
        if (r.ab.head_commit)
            facts.push(['A/B head', (0,report_escape/* html */.qy)(`${r.target} (commit ${r.ab.head_commit.slice(0, 7)})`)]);
    }
    else if (r.baseline) {
        const b = r.baseline;
        const commit = b.commit ? ` on commit ${b.commit.slice(0, 7)}` : '';
        facts.push([
            'baseline',
            `${(0,report_escape/* html */.qy)(`${b.source}, measured ${(0,model_format/* fmtTime */.Xd)(b.started_at)}${commit}`)}${b.explanation ? `<br><span class="muted">${(0,report_escape/* html */.qy)(b.explanation)}</span>` : ''}`,
        ]);
    }
    else {
        facts.push(['baseline', (0,report_escape/* html */.qy)((0,model_format/* withoutBaseline */.m4)(r))]);
    }
    if (r.history && (r.baseline || r.ab))
        facts.push(['history', (0,report_escape/* html */.qy)((0,model_format/* historyPhrase */.Yg)(r.history))]);
    if (r.shard)
        facts.push(['shard', (0,report_escape/* html */.qy)(`${r.shard.index}/${r.shard.count} of the plan's load (not gated; merge gates the whole)`)]);
    if (r.merged_from)
        facts.push(['merged', (0,report_escape/* html */.qy)(`from ${r.merged_from.length} shard reports`)]);
    const alerts = [];
    if (r.cancelled)
        alerts.push('<p class="alert warn">The run was cancelled: the results below are partial.</p>');
    for (const s of r.stages.filter((st) => st.aborted)) {
        const a = s.aborted;
        alerts.push(`<p class="alert fail">Stage <b>${(0,report_escape/* html */.qy)(s.name)}</b> was aborted ${a.at_s.toFixed(1)} s in by ${(0,report_escape/* html */.qy)(a.rule === 'target_down' ? 'the default target_down rule' : `abort_when ${a.rule}`)}: ${(0,report_escape/* html */.qy)(a.reason)}. Its results are partial; later stages were skipped.</p>`);
    }
    if (r.accepted)
        alerts.push(`<p class="alert warn">Regressions accepted (${(0,report_escape/* html */.qy)(r.accepted.reason)}): ${r.accepted.checks} failed regression check(s) reported as warnings.</p>`);
    return [
        '<header>',
        `<h1><span class="badge ${r.verdict}">${r.verdict}</span> perf-gate: the run ${VERDICT_TEXT[r.verdict]}</h1>`,
        `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
        ...alerts,
        '</header>',
    ].join('\n');
}
function diagnosesSection(ds) {
    if (ds.length === 0)
        return '';
    const items = ds.map((d) => {
        const at = d.at_s !== undefined && Number.isFinite(d.at_s) ? `, ${d.at_s.toFixed(1)} s in` : '';
        const evidence = d.evidence.map((e) => `<li>${(0,report_escape/* html */.qy)(e)}</li>`).join('');
        return `<li class="diagnosis ${d.severity}" data-id="${(0,report_escape/* html */.qy)(d.id)}"><p>${tag(d.severity)} <b>${(0,report_escape/* html */.qy)(d.title)}</b> <span class="muted">(${(0,report_escape/* html */.qy)(d.stage)}${at})</span></p><ul class="evidence">${evidence}</ul></li>`;
    });
    return `<section id="diagnoses"><h2>What this run says</h2><ul class="diagnoses">${items.join('')}</ul></section>`;
}
/** One row per stage, with changes against the baseline where a regression rule compared them. */
function stageOverview(r) {
    const cost = r.stages.some((s) => s.resources);
    const rows = r.stages.map((s, i) => {
        const cells = ['p50', 'p95', 'p99'].map((m) => (0,markdown/* metricCell */.nT)(r, s, m, (0,model_format/* fmtMs */.mq)(s.latency_ms[m])));
        return tr([
            tag((0,markdown/* stageVerdict */.uX)(r, s)),
            `<a href="#stage-${i}">${(0,report_escape/* html */.qy)(s.name)}</a> <span class="muted">(${(0,report_escape/* html */.qy)(s.kind)}${s.protocol === 'ws' ? ', ws' : ''})</span>`,
            String(s.requests),
            withDelta((0,markdown/* metricCell */.nT)(r, s, 'rps', s.rps.toFixed(1))),
            withDelta((0,markdown/* metricCell */.nT)(r, s, 'error_rate', (0,model_format/* fmtPct */.pT)(s.error_rate))),
            ...cells.map(withDelta),
            ...(cost ? [costCell(r, s)] : []),
        ]);
    });
    // The cost column only where the app's figures were read (target.start or target.process).
    return `<section><h2>Stages</h2>${table(['', 'stage', 'requests', 'rps', 'errors', 'p50', 'p95', 'p99', ...(cost ? ['cost'] : [])], rows, `llrrrrrr${cost ? 'r' : ''}`)}</section>`;
}
/** "3.28 ms CPU · 51.6 MB peak", each change on a line of its own under both ("CPU +42.9% vs 2.29 ms"). */
function costCell(r, s) {
    const parts = (0,markdown/* costCells */.BM)(r, s).map((cell) => {
        const at = cell.indexOf(' (');
        return at < 0 ? { value: cell, change: '' } : { value: cell.slice(0, at), change: cell.slice(at + 2, -1) };
    });
    const changes = parts.filter((p) => p.change).map((p) => `<span class="delta">${(0,report_escape/* html */.qy)(`${p.value.endsWith('peak') ? 'peak' : 'CPU'} ${p.change}`)}</span>`);
    return `${(0,report_escape/* html */.qy)(parts.map((p) => p.value).join(' · '))}${changes.join('')}`;
}
/** "10.1 ms (+46.1% vs 6.92 ms)": the change on a line of its own under the value, so the columns stay narrow. */
function withDelta(cell) {
    const at = cell.indexOf(' (');
    return at < 0 ? (0,report_escape/* html */.qy)(cell) : `${(0,report_escape/* html */.qy)(cell.slice(0, at))}<span class="delta">${(0,report_escape/* html */.qy)(cell.slice(at + 1))}</span>`;
}
function checksSection(r) {
    if (r.checks.length === 0)
        return '';
    const rows = (0,model_format/* bySeverity */.Np)(r.checks).map((c) => {
        const rule = c.kind !== 'regression' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} ${(0,model_format/* comparedWith */.o3)(r, c)}`;
        return tr([
            tag(c.verdict),
            (0,report_escape/* html */.qy)(c.stage),
            (0,report_escape/* html */.qy)(c.metric),
            `<code>${(0,report_escape/* html */.qy)(rule)}</code>`,
            (0,report_escape/* html */.qy)((0,model_format/* fmtMetric */.IZ)(c.metric, c.baseline)),
            (0,report_escape/* html */.qy)((0,model_format/* fmtMetric */.IZ)(c.metric, c.current)),
            c.kind === 'regression' ? (0,report_escape/* html */.qy)((0,model_format/* fmtChange */.M3)(c)) : '',
            (0,report_escape/* html */.qy)(c.method + (c.note ? ` (${c.note})` : '')),
        ], `check ${c.verdict}`);
    });
    return `<section id="checks"><h2>Checks</h2>${table(['', 'stage', 'metric', 'rule', 'baseline', 'current', 'change [95% interval]', 'method'], rows, 'llllrrrl')}</section>`;
}
function stageSection(r, s, i, base, baseName, history) {
    const markers = stageMarkers(r, s);
    return [
        `<section class="stage" id="stage-${i}">`,
        `<h2>${tag((0,markdown/* stageVerdict */.uX)(r, s))} Stage ${(0,report_escape/* html */.qy)(s.name)} <span class="muted">(${(0,report_escape/* html */.qy)(s.kind)}${s.protocol === 'ws' ? ', ws' : ''}, ${s.duration_s} s)</span></h2>`,
        stageFacts(r, s),
        ...stageWarnings(s),
        '<div class="charts">',
        ...timelineCharts(s, markers),
        percentileChart(s, base, baseName),
        historyChart(s.name, history ?? []),
        '</div>',
        s.stress ? stressSection(s.stress) : '',
        s.soak ? soakSection(s.soak) : '',
        endpointsTable(s),
        '</section>',
    ].join('\n');
}
function stageFacts(r, s) {
    const l = s.latency_ms;
    const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
    const codes = Object.entries(s.status_codes);
    const rows = [
        ['requests', String(s.requests)],
        ['errors', `${(0,model_format/* fmtCount */.bg)(s.errors)} (${(0,report_escape/* html */.qy)((0,markdown/* metricCell */.nT)(r, s, 'error_rate', (0,model_format/* fmtPct */.pT)(s.error_rate)))})`],
        ['rps', (0,report_escape/* html */.qy)((0,markdown/* metricCell */.nT)(r, s, 'rps', `${s.rps.toFixed(1)}/s`))],
        [
            'latency',
            (0,report_escape/* html */.qy)(`min ${(0,model_format/* fmtMs */.mq)(l.min)} · mean ${(0,model_format/* fmtMs */.mq)(l.mean)} · p50 ${(0,model_format/* fmtMs */.mq)(l.p50)} · p90 ${(0,model_format/* fmtMs */.mq)(l.p90)} · p95 ${(0,model_format/* fmtMs */.mq)(l.p95)} · p99 ${(0,model_format/* fmtMs */.mq)(l.p99)} · p99.9 ${(0,model_format/* fmtMs */.mq)(l.p999)} · max ${(0,model_format/* fmtMs */.mq)(l.max)}`),
        ],
        ['errors by kind', kinds.length ? (0,report_escape/* html */.qy)(kinds.map(([k, n]) => `${k} ${n}`).join(', ')) : 'none'],
        ['status codes', codes.length ? (0,report_escape/* html */.qy)(codes.map(([k, n]) => `${k}: ${n}`).join(', ')) : 'none'],
    ];
    if (s.retry_after_seen)
        rows.push(['Retry-After', (0,report_escape/* html */.qy)(`sent ${s.retry_after_seen}×${s.retry_after_s ? ` (${s.retry_after_s.min}–${s.retry_after_s.max} s)` : ''}`)]);
    if (s.error_samples)
        rows.push([
            'transport errors',
            (0,report_escape/* html */.qy)(Object.entries(s.error_samples)
                .map(([m, n]) => `${m} (${n}×)`)
                .join('; ')),
        ]);
    if (s.spike) {
        const rec = s.spike.recovery_ms === null ? 'never recovered' : `recovered in ${(s.spike.recovery_ms / 1000).toFixed(0)} s`;
        rows.push(['spike', (0,report_escape/* html */.qy)(`pre-spike p95 ${(0,model_format/* fmtMs */.mq)(s.spike.pre_p95_ms)}, peak p95 ${(0,model_format/* fmtMs */.mq)(s.spike.peak_p95_ms)}, ${rec}`)]);
    }
    if (s.workers)
        rows.push(['workers', String(s.workers)]);
    if (s.sessions)
        rows.push(['sessions', (0,report_escape/* html */.qy)(s.sessions.failed > 0 ? (0,flows/* sessionLine */.vN)(s.sessions) : `${s.sessions.users} users, all succeeded`)]);
    if (s.unsent)
        rows.push(['not sent', (0,report_escape/* html */.qy)(`${s.unsent.count} requests: ${s.unsent.missing.map((k) => `\${${k}}`).join(', ')} had no value`)]);
    for (const [which, list] of [
        ['setup', s.setup],
        ['verify', s.verify],
    ]) {
        for (const o of list ?? [])
            rows.push([`${which} ${(0,report_escape/* html */.qy)(o.name)}`, (0,report_escape/* html */.qy)(o.ok ? `ok (${o.status}; ${o.expected})` : `${o.problems.join('; ')}${o.sample ? ` (${o.sample})` : ''}`)]);
    }
    if (s.resources)
        rows.push(['app', (0,report_escape/* html */.qy)(resourcesFact(r, s, s.resources))]);
    return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}
function stageWarnings(s) {
    const out = [];
    if (s.generator_saturated)
        out.push(`<p class="alert warn">The load generator was saturated (${(0,report_escape/* html */.qy)(s.generator.reason ?? '')}): these numbers describe the generator, not the target.</p>`);
    if (s.dropped > 0)
        out.push(`<p class="alert warn">${s.dropped} scheduled requests were dropped: max_in_flight requests were already outstanding.</p>`);
    return out;
}
/** The moments worth a line on the time axis: an abort, a spike's ramp and drop, the diagnoses. */
function stageMarkers(r, s) {
    const out = [];
    const spike = s.spike?.start_s !== undefined
        ? { start: s.spike.start_s, drop: s.spike.drop_s }
        : s.merge_inputs?.spike_ms && { start: s.merge_inputs.spike_ms.start / 1000, drop: s.merge_inputs.spike_ms.drop / 1000 };
    if (spike) {
        out.push({ x: spike.start, label: 'spike ramp', color: '#bc4c00' });
        if (spike.drop !== undefined)
            out.push({ x: spike.drop, label: 'spike drop', color: '#bc4c00' });
    }
    for (const d of r.diagnoses ?? [])
        if (d.stage === s.name && d.at_s !== undefined)
            out.push({ x: d.at_s, label: d.id, color: d.severity === 'warn' ? '#9a6700' : '#0969da' });
    if (s.aborted)
        out.push({ x: s.aborted.at_s, label: 'aborted', color: '#cf222e' });
    return out;
}
function timelineCharts(s, markers) {
    // A window's figures describe the second it starts (or less, when the next one starts sooner: an
    // A/B round's last window): drawn at its middle.
    const middle = (w, i) => {
        const next = s.timeline[i + 1]?.t;
        return w.t + (next !== undefined && next > w.t ? Math.min(1, next - w.t) : 1) / 2;
    };
    const at = (pick) => s.timeline.map((w, i) => ({ x: middle(w, i), y: pick(w) }));
    // A loop, not Math.max(...spread): a long soak has more windows than a call takes arguments.
    const end = s.timeline.reduce((m, w) => Math.max(m, w.t + 1), s.duration_s);
    const x = { label: 'seconds into the stage', domain: [0, Number.isFinite(end) && end > 0 ? end : 1] };
    const name = s.name;
    return [
        lineChart({
            title: `${name}: requests per second`,
            x,
            y: { label: 'req/s' },
            series: [{ name: 'rps', points: at((w) => w.rps), color: COLOR.rps }],
            markers,
        }),
        lineChart({
            title: `${name}: latency p50 / p95 / p99 per second`,
            x,
            y: { label: 'latency (ms)' },
            series: ['p50', 'p95', 'p99'].map((p) => ({ name: p, points: at((w) => (w.requests > 0 ? w[p] : Number.NaN)), color: COLOR[p] })),
            markers,
        }),
        lineChart({
            title: `${name}: errors per second`,
            x,
            y: { label: 'errors/s' },
            series: [{ name: 'errors', points: at((w) => w.errors), color: COLOR.errors }],
            markers,
        }),
        ...resourceCharts(s, x, at, markers),
    ].map((svg) => figure(svg));
}
/** The app's CPU per second and its memory, when they were read (windows without them draw no point). */
function resourceCharts(s, x, at, markers) {
    if (!s.resources || !s.timeline.some((w) => w.cpu_ms !== undefined || w.rss_mb !== undefined))
        return [];
    const out = [];
    if (s.timeline.some((w) => w.cpu_ms !== undefined)) {
        out.push(lineChart({
            title: `${s.name}: the app's CPU per second`,
            x,
            y: { label: 'CPU ms per s (1000 = a core)' },
            series: [{ name: 'CPU', points: at((w) => w.cpu_ms ?? Number.NaN), color: COLOR.cpu }],
            markers,
        }));
    }
    if (s.timeline.some((w) => w.rss_mb !== undefined)) {
        out.push(lineChart({
            title: `${s.name}: the app's memory`,
            x,
            y: { label: 'MB' },
            series: [{ name: 'memory', points: at((w) => w.rss_mb ?? Number.NaN), color: COLOR.memory }],
            markers,
        }));
    }
    return out;
}
/** "CPU per request 2.27 ms; 11.4% of a core; peak memory 52.3 MB (45.3 MB at the start, 50.6 MB at the end); from process group 123 (target.start)". */
function resourcesFact(r, s, res) {
    if (res.cpu_ms_per_request === null && res.rss_mb_peak === null)
        return `not read (${res.source}: ${res.error ?? 'no value'}); rules on it warn`;
    const cpu = (0,markdown/* metricCell */.nT)(r, s, 'cpu_per_request', (0,model_format/* fmtMetric */.IZ)('cpu_per_request', res.cpu_ms_per_request));
    const peak = (0,markdown/* metricCell */.nT)(r, s, 'rss_peak', (0,model_format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_peak));
    const span = res.rss_mb_start !== undefined && res.rss_mb_start !== null && res.rss_mb_end !== undefined && res.rss_mb_end !== null
        ? ` (${(0,model_format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_start)} at the start, ${(0,model_format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_end)} at the end)`
        : '';
    return `CPU per request ${cpu}; ${res.cpu_pct ?? '—'}% of a core; peak memory ${peak}${span}; from ${res.source}${res.note ? `; ${res.note}` : ''}${res.error ? `; ${res.error}` : ''}`;
}
/** The stage's p95 over the stored runs, oldest first, this run last (as summary.md's trend chart). */
function historyChart(stage, points) {
    if (points.length < 2)
        return '';
    // Every label would overlap on a long history: about eight, the last ("this run") always.
    const every = Math.ceil(points.length / 8);
    const ticks = points.map((p, i) => ({ value: i, label: p.label })).filter((_, i) => (points.length - 1 - i) % every === 0);
    const chart = lineChart({
        title: `${stage}: p95 over the last ${points.length} runs`,
        // Half a run of room either side: the first and last labels stay inside the chart.
        x: { label: 'run (commit or date)', ticks, domain: [-0.5, points.length - 0.5] },
        y: { label: 'p95 (ms)' },
        series: [{ name: 'p95', points: points.map((p, i) => ({ x: i, y: p.p95 })), color: COLOR.p95 }],
    });
    return figure(chart, 'history');
}
/** Latency against percentile on a "nines" axis (0, 90, 99, 99.9 …), this run and the baseline's same stage. */
function percentileChart(s, base, baseName) {
    const current = decoded(s.histogram);
    if (!current)
        return `<p class="muted">No latency histogram in this report${s.histogram ? ' (unreadable)' : ''}: no percentile curve.</p>`;
    const before = base && decoded(base.histogram);
    const series = [{ name: 'this run', points: percentileCurve(current), color: COLOR.current }];
    if (before)
        series.push({ name: baseName, points: percentileCurve(before), color: COLOR.baseline, dashed: true });
    const deepest = Math.max(1, ...series.flatMap((x) => x.points.map((p) => p.x)));
    const ticks = Array.from({ length: Math.floor(deepest + 1e-9) + 1 }, (_, k) => ({ value: k, label: ninesLabel(k) }));
    const chart = lineChart({
        title: `${s.name}: latency by percentile${before ? ` against the ${baseName}` : ''}`,
        x: { label: 'percentile (nines scale)', ticks, domain: [0, deepest] },
        y: { label: 'latency (ms)' },
        series,
    });
    return figure(chart, 'percentiles');
}
/** "0", "90", "99", "99.9", … for k nines. */
function ninesLabel(k) {
    return k === 0 ? '0' : k === 1 ? '90' : `99.${'9'.repeat(k - 2)}`.replace(/\.$/, '');
}
/** Points of x = −log10(1 − p/100) up to what the sample count resolves (a 1000-request run has no 99.99th). */
function percentileCurve(h) {
    if (h.totalCount === 0)
        return [];
    const deepest = Math.min(MAX_NINES, Math.max(1, Math.log10(h.totalCount)));
    const points = [];
    for (let i = 0; i * NINES_STEP <= deepest + 1e-9; i++) {
        const x = i * NINES_STEP;
        points.push({ x, y: h.getValueAtPercentile(100 * (1 - 10 ** -x)) / 1000 });
    }
    return points;
}
function decoded(encoded) {
    if (!encoded)
        return undefined;
    try {
        const h = decodeHistogram(encoded);
        return h.totalCount > 0 ? h : undefined;
    }
    catch {
        return undefined; // a damaged histogram costs its chart, not the report
    }
}
function stressSection(st) {
    const unit = st.unit === 'rps' ? 'req/s' : 'users';
    const verdict = (0,stage_outcomes/* stressFinding */.Am)(st, { strong: report_escape/* html */.qy, conditions: (list) => (0,report_escape/* html */.qy)(list.join('; ')) });
    const rows = st.steps.map((p) => tr([
        String(p.index + 1),
        (0,report_escape/* html */.qy)(`${p.level} ${unit}`),
        (0,report_escape/* html */.qy)(`${p.start_s.toFixed(0)}–${(p.start_s + p.duration_s).toFixed(0)} s`),
        String(p.requests),
        String(p.errors),
        (0,report_escape/* html */.qy)((0,model_format/* fmtPct */.pT)(p.error_rate)),
        p.rps.toFixed(1),
        (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(p.latency_ms.p50)),
        (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(p.latency_ms.p95)),
        (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(p.latency_ms.p99)),
        tag(p.passed ? 'pass' : 'fail'),
        (0,report_escape/* html */.qy)((p.broke ?? []).join('; ')),
    ], p.passed ? 'pass' : 'fail'));
    const markers = [];
    if (st.breaking_point !== null)
        markers.push({ x: st.breaking_point, label: 'breaking point', color: '#1a7f37' });
    if (st.broke_at !== null)
        markers.push({ x: st.broke_at, label: 'broke', color: '#cf222e' });
    const chart = lineChart({
        title: `stress: p95 and error rate per step (${st.until.join(', ') || 'no conditions'})`,
        x: { label: `step level (${unit})` },
        y: { label: 'p95 (ms)' },
        y2: { label: 'error rate (%)' },
        series: [
            { name: 'p95', points: st.steps.map((p) => ({ x: p.level, y: p.latency_ms.p95 })), color: COLOR.p95 },
            { name: 'error rate', points: st.steps.map((p) => ({ x: p.level, y: p.error_rate * 100 })), color: COLOR.rate, axis: 'right' },
        ],
        markers,
    });
    const stepping = st.levels
        ? `Levels ${st.levels.join(', ')} ${unit}, ${st.every_s} s each`
        : `From ${st.from} by ${st.step} every ${st.every_s} s up to ${st.max} ${unit}`;
    return [
        '<div class="stress">',
        `<h3>Stress steps</h3><p>${stepping}, until ${(0,report_escape/* html */.qy)(st.until.join(', ') || '—')}: <b>${verdict}</b>.</p>`,
        table(['step', 'level', 'time', 'requests', 'errors', 'error rate', 'rps', 'p50', 'p95', 'p99', 'passed', 'broke'], rows, 'rrrrrrrrrrll'),
        figure(chart, 'stress'),
        '</div>',
    ].join('\n');
}
function soakSection(so) {
    const d = so.drift;
    const rows = [
        [
            'p95 drift',
            (0,report_escape/* html */.qy)(`first tenth ${(0,model_format/* fmtMs */.mq)(d.first_p95)} → last tenth ${(0,model_format/* fmtMs */.mq)(d.last_p95)}${d.delta_pct === null ? '' : ` (${d.delta_pct >= 0 ? '+' : ''}${d.delta_pct.toFixed(1)}%)`}`),
        ],
    ];
    if (so.memory) {
        const m = so.memory;
        const growth = m.growth_pct === null ? '' : ` (${m.growth_pct >= 0 ? '+' : ''}${m.growth_pct.toFixed(1)}%)`;
        rows.push([
            'target memory',
            (0,report_escape/* html */.qy)(`${(0,model_format/* fmtBytes */.zi)(m.before_bytes)} before → ${(0,model_format/* fmtBytes */.zi)(m.after_bytes)} after${growth}, from ${m.url}${m.error ? `; ${m.error}` : ''}`),
        ]);
    }
    return `<div class="soak"><h3>Soak</h3><dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}
function endpointsTable(s) {
    if (s.endpoints.length === 0)
        return '';
    const rows = s.endpoints.map((e) => tr([(0,report_escape/* html */.qy)(e.name), String(e.requests), (0,model_format/* fmtCount */.bg)(e.errors), (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(e.latency_ms.p50)), (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(e.latency_ms.p95)), (0,report_escape/* html */.qy)((0,model_format/* fmtMs */.mq)(e.latency_ms.p99))]));
    return `<h3>Endpoints</h3>${table(['endpoint', 'requests', 'errors', 'p50', 'p95', 'p99'], rows, 'lrrrrr')}`;
}
const tr = (cells, cls) => ({ cells, cls });
/** `align`: a letter per column, l (text, may wrap) or r (figures: right-aligned, kept on one line). */
function table(head, rows, align) {
    const td = (tagName, i, content) => `<${tagName}${align[i] === 'r' ? ' class="num"' : ''}>${content}</${tagName}>`;
    const body = rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c, i) => td('td', i, c)).join('')}</tr>`);
    return `<div class="table"><table><thead><tr>${head.map((h, i) => td('th', i, (0,report_escape/* html */.qy)(h))).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}
function figure(svg, cls = 'timeline') {
    return `<figure class="${cls}">${svg}</figure>`;
}
const CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--soft);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px}
header,section{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:16px}
h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 8px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-size:16px;text-transform:uppercase;letter-spacing:.03em;color:#fff}
.badge.pass{background:#1a7f37}.badge.warn{background:#9a6700}.badge.fail{background:#cf222e}
.tag{display:inline-block;min-width:3.2em;text-align:center;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#6e7781}
.tag.pass{background:#1a7f37}.tag.warn{background:#9a6700}.tag.fail{background:#cf222e}.tag.info{background:#0969da}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
.facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
.muted{color:var(--muted);font-weight:normal}
.delta{display:block;font-size:12px;color:var(--muted)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:1px 4px;border-radius:4px}
.alert{padding:8px 12px;border-radius:6px;margin:10px 0 0}
.alert.warn{background:#fff8c5;border:1px solid #d4a72c}.alert.fail{background:#ffebe9;border:1px solid #ff8182}
.diagnoses{list-style:none;padding:0;margin:0}
.diagnosis{border-left:4px solid #0969da;padding:4px 12px;margin-bottom:10px;background:#f6faff}
.diagnosis.warn{border-left-color:#d4a72c;background:#fffbea}
.diagnosis p{margin:0}.evidence{margin:4px 0 0;padding-left:20px;color:#404850}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap}
th{background:var(--soft);font-weight:600}
tr.fail td{background:#fff5f5}tr.warn td{background:#fffbea}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:12px;margin-top:16px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;background:#fff;padding:4px}
svg.chart{display:block;width:100%;height:auto;font:14px -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
svg.chart .chart-title{font-size:16px;font-weight:600;fill:var(--fg)}
svg.chart text:not([fill]){fill:#424a53}
svg.chart .grid{stroke:#eaeef2}svg.chart .tick,svg.chart .frame{stroke:#8c959f}
svg.chart .axis-label{fill:var(--muted)}
svg.chart .no-data{fill:var(--muted);font-size:14px}
.stress figure{margin-top:12px;max-width:760px}
svg.chart .marker text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;font-size:12px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px}
`;

;// CONCATENATED MODULE: ./src/baseline/save-guard.ts

/**
 * Why a run's result must not become a baseline, or undefined when it may. Only a complete, passing
 * run of a healthy target on a healthy generator is kept: anything else would move the bar later runs
 * are measured against (a lax one hides regressions, a poisoned one fails every run after).
 */
function whyNotBaseline(report, stages) {
    // First: a stage that ended early also fails the gate, and its reason says more than "the gate failed".
    const stop = stoppedOf(report);
    if (stop?.by === 'abort_when')
        return `stage ${stop.stage} was aborted (${stop.reason}), so its numbers cover part of the load`;
    if (stop?.by === 'limit')
        return `the run was stopped early (${stop.reason}), so its numbers cover part of the load`;
    if (report.verdict === 'fail')
        return 'the gate failed';
    // An import's own tool judged the run failed (k6 exited 99): its SLOs count, even where no perf-gate rule does.
    for (const st of report.stages) {
        const failed = st.imported?.tool_thresholds?.filter((t) => !t.ok) ?? [];
        if (failed.length)
            return `${st.imported.tool}'s own thresholds failed in stage ${st.name} (${failed.map((t) => `${t.metric}: ${t.rule}`).join(', ')})`;
    }
    if (stop?.by === 'cancel')
        return 'the run was interrupted';
    // A baseline holds every stage of the plan: a --stage subset would silently narrow later gates.
    if (stages.ran !== stages.planned)
        return 'only some stages ran (--stage)';
    // Before the error rate: a saturated generator's timeouts are its own, not the target's.
    const saturated = report.stages.find((st) => st.generator_saturated);
    if (saturated)
        return `the load generator was saturated in stage ${saturated.name}, so its numbers describe perf-gate, not the target`;
    // A failing target's numbers (fast errors, or timeouts) would make the next failure look like no change.
    const failing = report.stages.find((st) => st.error_rate >= FAILING_ERROR_RATE);
    if (failing)
        return `the target was failing: stage ${failing.name} had ${Math.round(failing.error_rate * 100)}% errors`;
    const unconfirmed = report.checks.find((c) => c.confirmation && c.verdict !== 'fail');
    if (unconfirmed)
        return `stage ${unconfirmed.stage} failed ${unconfirmed.metric} ${unconfirmed.limit} and the re-run did not confirm it: its first numbers are suspect`;
    // A failure excused by a slower or busier runner: that machine's numbers would make a lax baseline.
    const slow = report.checks.find((c) => c.untrusted === 'runner-slower' || c.untrusted === 'runner-busier');
    if (slow)
        return `stage ${slow.stage} ran on a runner ${slow.untrusted === 'runner-slower' ? 'slower' : 'busier'} than at baseline time, so its numbers describe the machine, not the code`;
    return undefined;
}
/** A stage with this share of errors or more is never kept as a baseline: it measured a failing target. */
const FAILING_ERROR_RATE = 0.5;

;// CONCATENATED MODULE: ./src/report/diagnose.ts

/** At most this many findings per report: the most important ones. */
const MAX_DIAGNOSES = 6;
/** Fewer errors of a kind than this are anecdotes, not a finding. */
const MIN_COUNT = 5;
/** A kind of error must reach this share of the requests to be a finding. */
const MIN_REQUEST_SHARE = 0.01;
const RATE_LIMITED = { errorShare: 0.5, requestShare: MIN_REQUEST_SHARE };
/** Timeout share in the busiest third of the seconds against the quietest third. */
const TIMEOUTS_CLIMB = { minGapPp: 0.02, ratio: 2, loadRatio: 1.3 };
/** p95 at least `ratio`× (and `floorMs` above) the low-load p95, at a load at least `loadRatio`× the low one. */
const SATURATION = { ratio: 2, floorMs: 5, loadRatio: 1.5, minWindowRequests: 5 };
/** Seconds with at most `clean` errors, then seconds with at least `onset` and the rest at least `sustained`. */
const ERRORS_BEGIN = { clean: 0.01, onset: 0.1, sustained: 0.1, minBefore: 2, minAfter: 2, chance: 0.001 };
/** P(X ≤ x) for X ~ Binomial(n, p), summed in log space (n may be a soak's millions). */
function binomialAtMost(x, n, p) {
    if (p <= 0 || x >= n)
        return 1;
    if (p >= 1)
        return 0;
    let logTerm = n * Math.log1p(-p); // k = 0
    let sum = Math.exp(logTerm);
    const odds = Math.log(p) - Math.log1p(-p);
    for (let k = 0; k < x; k++) {
        logTerm += Math.log(n - k) - Math.log(k + 1) + odds;
        sum += Math.exp(logTerm);
    }
    return Math.min(1, sum);
}
/**
 * Not recovered: the median p95 after the drop above 1.2× the pre-spike p95 and 5 ms above it. The
 * spike outcome's own 1 ms floor is for finding the first good window; a finding must clear the
 * window-to-window noise of a busy runner (a clean spike once measured 11.4 ms before, 14.4 after).
 */
const SPIKE_RECOVERY = { ratio: 1.2, floorMs: 5 };
/** In order of importance: what makes the other numbers untrustworthy first, then what broke, then how. */
const RULES = [
    { id: 'generator-saturated', judge: generatorSaturated },
    { id: 'errors-begin', judge: errorsBegin },
    { id: 'connection-exhaustion', judge: connectionExhaustion },
    { id: 'rate-limited', judge: rateLimited },
    { id: 'timeouts-climb', judge: timeoutsClimb },
    { id: 'saturation', judge: saturation },
    { id: 'spike-not-recovered', judge: spikeNotRecovered },
];
function diagnose(report) {
    const found = [];
    report.stages.forEach((s, stage) => {
        RULES.forEach((r, rule) => {
            const f = r.judge(s);
            if (f)
                found.push({ d: { id: r.id, stage: s.name, ...f }, rule, stage });
        });
    });
    const severity = (d) => (d.severity === 'warn' ? 0 : 1);
    found.sort((a, b) => severity(a.d) - severity(b.d) || a.rule - b.rule || a.stage - b.stage);
    return found.slice(0, MAX_DIAGNOSES).map((x) => x.d);
}
// ---- figures ----------------------------------------------------------------------------------
const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const kindIn = (w, kind) => num(w.by_kind?.[kind]);
const sumOf = (ws, f) => ws.reduce((a, w) => a + f(w), 0);
/** Errors over attempts: ws failures that are not requests count as attempts too. */
const errorShare = (ws) => {
    const errors = sumOf(ws, (w) => num(w.errors));
    const attempts = Math.max(sumOf(ws, (w) => num(w.requests)), errors);
    return attempts > 0 ? errors / attempts : 0;
};
const share = (part, whole) => (whole > 0 ? part / whole : 0);
const seconds = (t) => `${Number(t.toFixed(1))} s`;
const rate = (x) => (Number.isInteger(x) || x >= 10 ? x.toFixed(0) : x.toFixed(1));
/** Shares compared at their edges: 0.03 − 0.01 is 0.0199999… in floating point. */
const EPSILON = 1e-9;
function diagnose_median(xs) {
    if (xs.length === 0)
        return 0;
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Windows that saw anything, in time order. */
const activeWindows = (s) => (Array.isArray(s.timeline) ? s.timeline : []).filter((w) => num(w.requests) > 0 || num(w.errors) > 0).sort((a, b) => a.t - b.t);
/**
 * The load a stage's windows were offered, which does not depend on the target: an open model's
 * rate (sent by intended start + dropped, per second), a closed model's users running. Never the
 * requests in flight: they rise whenever responses slow down, so a stall would look like load.
 */
function windowLoad(s) {
    if (s.scheduled !== undefined)
        return { of: (w) => num(w.rps) + num(w.dropped), unit: 'req/s' };
    if (activeWindows(s).some((w) => num(w.users) > 0))
        return { of: (w) => num(w.users), unit: 'users' };
    return undefined;
}
/**
 * Windows with requests, for judging against load: without a last window the stage ended early in
 * (under half the requests of the one before), whose rate understates the load it was under.
 */
function loadWindows(s, minRequests = 1) {
    const ws = activeWindows(s).filter((w) => num(w.requests) > 0);
    const [last, before] = [ws.at(-1), ws.at(-2)];
    if (last && before && num(last.requests) < num(before.requests) / 2)
        ws.pop();
    return ws.filter((w) => num(w.requests) >= minRequests);
}
/**
 * A stage's load points and their unit: a stress stage's steps (each held for `every`, at a level
 * the plan set), otherwise its windows under the load they were offered (`windowLoad`).
 */
function loadPoints(s, minRequests) {
    const steps = s.stress?.steps;
    if (Array.isArray(steps) && steps.length > 0) {
        const points = steps
            .filter((st) => num(st.requests) >= minRequests)
            .map((st) => ({ t: num(st.start_s), load: num(st.level), p95: num(st.latency_ms?.p95), rps: num(st.rps) }));
        return { points, unit: s.stress.unit === 'vus' ? 'users' : 'req/s', steps: true };
    }
    const axis = windowLoad(s);
    if (!axis)
        return undefined;
    return { points: loadWindows(s, minRequests).map((w) => ({ t: w.t, load: axis.of(w), p95: num(w.p95), rps: num(w.rps) })), unit: axis.unit, steps: false };
}
const byLoad = (xs, load) => [...xs].sort((a, b) => load(a) - load(b) || a.t - b.t);
/** The quietest and busiest third by load (at least one each). */
function thirds(xs, load) {
    const sorted = byLoad(xs, load);
    const n = Math.max(1, Math.floor(sorted.length / 3));
    return { quiet: sorted.slice(0, n), busy: sorted.slice(-n) };
}
/** The first transport error messages by count, as `connect ECONNREFUSED 127.0.0.1:3000 (212×)`. */
function topSamples(s, n, match) {
    return Object.entries(s.error_samples ?? {})
        .filter(([m]) => !match || match.test(m))
        .sort((a, b) => num(b[1]) - num(a[1]) || a[0].localeCompare(b[0]))
        .slice(0, n)
        .map(([m, c]) => `${m} (${num(c)}×)`);
}
const firstWith = (ws, f) => ws.find((w) => f(w) > 0);
// ---- rules ------------------------------------------------------------------------------------
function generatorSaturated(s) {
    if (!s.generator_saturated)
        return undefined;
    const g = s.generator;
    const evidence = [g?.reason ?? 'the generator fell behind its schedule'];
    if (num(s.late_sends) > 0)
        evidence.push(`${num(s.late_sends)} sends left more than 10 ms late${s.scheduled !== undefined ? ` (of ${s.scheduled} scheduled)` : ''}`);
    if (g)
        evidence.push(`event-loop lag p99 ${(0,model_format/* fmtMs */.mq)(num(g.loop_lag_p99_ms))}, max ${(0,model_format/* fmtMs */.mq)(num(g.loop_lag_max_ms))}`);
    return {
        severity: 'warn',
        title: "The load generator was saturated: this stage's numbers describe the runner, not the target (more workers, or a bigger runner).",
        evidence,
    };
}
function rateLimited(s) {
    const counted = num(s.errors_by_kind?.rate_limited);
    const n = Math.max(counted, num(s.status_codes?.['429']));
    const requests = num(s.requests);
    // 429s the plan expects are not errors: then they are judged against the requests only.
    const ofErrors = counted > 0 ? share(counted, num(s.errors)) : 1;
    if (n < MIN_COUNT || share(n, requests) < RATE_LIMITED.requestShare || ofErrors < RATE_LIMITED.errorShare)
        return undefined;
    const evidence = [
        `${n} responses were 429 Too Many Requests: ${(0,model_format/* fmtPct */.pT)(share(n, requests))} of ${requests} requests${counted > 0 ? `, ${(0,model_format/* fmtPct */.pT)(ofErrors)} of the errors` : ' (the plan expects them)'}`,
    ];
    const r = s.retry_after_s;
    if (r)
        evidence.push(`Retry-After ${r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`} s (sent with ${num(s.retry_after_seen)} of them; perf-gate does not retry)`);
    else
        evidence.push(num(s.retry_after_seen) > 0 ? `Retry-After sent ${num(s.retry_after_seen)}× (no readable value)` : 'no Retry-After header');
    const ws = activeWindows(s);
    const first = firstWith(ws, (w) => kindIn(w, 'rate_limited'));
    if (first) {
        const from = ws.filter((w) => w.t >= first.t);
        const limited = sumOf(from, (w) => kindIn(w, 'rate_limited'));
        evidence.push(`the first 429s came ${seconds(first.t)} into the stage; from then on ${(0,model_format/* fmtPct */.pT)(share(limited, sumOf(from, (w) => num(w.requests))))} of requests were limited`);
    }
    return {
        severity: counted > 0 ? 'warn' : 'info',
        title: `The target rate-limited this load (429 on ${(0,model_format/* fmtPct */.pT)(share(n, requests))} of requests): the numbers measure its limiter, not its capacity.`,
        evidence,
        ...(first ? { at_s: first.t } : {}),
    };
}
function timeoutsClimb(s) {
    const total = num(s.errors_by_kind?.timeout);
    const requests = num(s.requests);
    if (total < MIN_COUNT || share(total, requests) < MIN_REQUEST_SHARE)
        return undefined;
    const axis = windowLoad(s);
    const ws = loadWindows(s);
    if (!axis || ws.length < 6)
        return undefined;
    const { of: load, unit } = axis;
    const { quiet, busy } = thirds(ws, load);
    const quietLoad = diagnose_median(quiet.map(load));
    const busyLoad = diagnose_median(busy.map(load));
    if (busyLoad < quietLoad * TIMEOUTS_CLIMB.loadRatio || busyLoad === 0)
        return undefined;
    const timeoutShare = (xs) => share(sumOf(xs, (w) => kindIn(w, 'timeout')), sumOf(xs, (w) => num(w.requests)));
    const [low, high] = [timeoutShare(quiet), timeoutShare(busy)];
    if (high - low < TIMEOUTS_CLIMB.minGapPp - EPSILON || high < low * TIMEOUTS_CLIMB.ratio)
        return undefined;
    const first = firstWith(ws, (w) => kindIn(w, 'timeout'));
    return {
        severity: 'warn',
        title: `Timeouts climb with load: ${(0,model_format/* fmtPct */.pT)(high)} of requests in the busiest seconds against ${(0,model_format/* fmtPct */.pT)(low)} in the quietest.`,
        evidence: [
            `${total} timeouts, ${(0,model_format/* fmtPct */.pT)(share(total, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`,
            `busiest third of the seconds (about ${rate(busyLoad)} ${unit}): ${(0,model_format/* fmtPct */.pT)(high)} timed out`,
            `quietest third (about ${rate(quietLoad)} ${unit}): ${(0,model_format/* fmtPct */.pT)(low)} timed out`,
        ],
        ...(first ? { at_s: first.t } : {}),
    };
}
function saturation(s) {
    const axis = loadPoints(s, SATURATION.minWindowRequests);
    if (!axis || axis.points.length < (axis.steps ? 3 : 4))
        return undefined;
    const { points, unit, steps } = axis;
    const load = (p) => p.load;
    const { quiet, busy } = thirds(points, load);
    const baseP95 = diagnose_median(quiet.map((p) => p.p95));
    const baseLoad = diagnose_median(quiet.map(load));
    const limit = Math.max(baseP95 * SATURATION.ratio, baseP95 + SATURATION.floorMs);
    const loaded = (p) => p.load >= Math.max(baseLoad * SATURATION.loadRatio, baseLoad + 1);
    const over = (p) => loaded(p) && p.p95 >= limit;
    // Latency that grew with the load, not a moment's stall: the busiest points are slow too.
    if (diagnose_median(busy.map((p) => p.p95)) < limit)
        return undefined;
    // A step is held for seconds already; windows must stay over the limit for two at least.
    const kneeAt = points.findIndex((p, i) => {
        if (!over(p))
            return false;
        const later = points.slice(i).filter(loaded);
        return later.filter(over).length >= Math.max(steps ? 1 : 2, Math.ceil(later.length / 2));
    });
    if (kneeAt < 0)
        return undefined;
    const knee = points[kneeAt];
    // The most load served at the low-load latency before the knee: where it still kept up.
    const kept = points.slice(0, kneeAt).filter((p) => p.p95 < limit);
    const lastGood = kept.length > 0 ? byLoad(kept, load).at(-1) : undefined;
    const peak = byLoad(points, load).at(-1);
    const what = steps ? 'step' : 'second';
    const evidence = [
        `low load (about ${rate(baseLoad)} ${unit}): p95 ${(0,model_format/* fmtMs */.mq)(baseP95)}`,
        ...(lastGood ? [`up to ${rate(lastGood.load)} ${unit} (${seconds(lastGood.t)} in): p95 ${(0,model_format/* fmtMs */.mq)(lastGood.p95)}`] : []),
        `at ${rate(knee.load)} ${unit} (${seconds(knee.t)} in): p95 ${(0,model_format/* fmtMs */.mq)(knee.p95)}, ${(knee.p95 / Math.max(baseP95, 0.001)).toFixed(1)}× the low-load p95`,
        `busiest ${what}: ${rate(peak.load)} ${unit}, p95 ${(0,model_format/* fmtMs */.mq)(peak.p95)}`,
    ];
    // More users but no more throughput is the capacity showing.
    if (unit === 'users')
        evidence.push(`throughput ${rate(diagnose_median(quiet.map((p) => p.rps)))} req/s at low load, ${rate(diagnose_median(busy.map((p) => p.rps)))} req/s at the busiest`);
    if (num(s.dropped) > 0)
        evidence.push(`${num(s.dropped)} sends dropped: max_in_flight requests were outstanding`);
    const where = lastGood ? `between ${rate(lastGood.load)} and ${rate(knee.load)} ${unit}` : `by ${rate(knee.load)} ${unit}`;
    return {
        // A stress stage is there to find this point: there it is information, not a warning.
        severity: s.kind === 'stress' ? 'info' : 'warn',
        title: `Saturation: latency grows with the load, p95 bends ${where} (${(0,model_format/* fmtMs */.mq)(baseP95)} → ${(0,model_format/* fmtMs */.mq)(knee.p95)}).`,
        evidence,
        at_s: knee.t,
    };
}
function errorsBegin(s) {
    const ws = activeWindows(s);
    const { clean, onset, sustained, minBefore, minAfter } = ERRORS_BEGIN;
    const windowShare = (w) => errorShare([w]);
    // Prefix sums (errors, requests, erring seconds): a long soak with intermittent error seconds
    // has many candidate onsets, and summing before/after afresh for each was quadratic.
    const n = ws.length;
    const errs = [0];
    const reqs = [0];
    const erringUpTo = [0];
    for (let k = 0; k < n; k++) {
        errs.push(errs[k] + num(ws[k].errors));
        reqs.push(reqs[k] + num(ws[k].requests));
        erringUpTo.push(erringUpTo[k] + (windowShare(ws[k]) >= onset / 2 ? 1 : 0));
    }
    const shareOf = (errors, requests) => share(errors, Math.max(requests, errors)); // as errorShare
    for (let i = minBefore; i <= n - minAfter; i++) {
        if (windowShare(ws[i]) < onset)
            continue;
        if (shareOf(errs[i], reqs[i]) > clean)
            return undefined; // the first erring second is not preceded by clean ones
        const afterShare = shareOf(errs[n] - errs[i], reqs[n] - reqs[i]);
        const erring = erringUpTo[n] - erringUpTo[i];
        if (afterShare < sustained || erring < (n - i) / 2)
            continue;
        // Evidence that they began: the clean seconds must have had too many requests to be clean by
        // chance at the later error rate (a steady 17 % over a ramp's first 13 requests is clean 9 % of the time).
        if (binomialAtMost(errs[i], Math.max(reqs[i], errs[i]), afterShare) > ERRORS_BEGIN.chance)
            return undefined;
        const before = ws.slice(0, i);
        const after = ws.slice(i);
        const start = ws[i];
        const kinds = new Map();
        for (const w of after)
            for (const [k, n] of Object.entries(w.by_kind ?? {}))
                kinds.set(k, (kinds.get(k) ?? 0) + num(n));
        const mix = [...kinds.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
        const errorsAfter = sumOf(after, (w) => num(w.errors));
        const evidence = [
            `${seconds(before[0].t)}–${seconds(start.t)}: ${(0,model_format/* fmtPct */.pT)(errorShare(before))} errors over ${before.length} seconds (${sumOf(before, (w) => num(w.requests))} requests)`,
            `from ${seconds(start.t)}: ${(0,model_format/* fmtPct */.pT)(afterShare)} errors (${errorsAfter} of ${Math.max(errorsAfter, sumOf(after, (w) => num(w.requests)))})${mix.length ? `: ${mix.join(', ')}` : ''}`,
        ];
        const sample = topSamples(s, 1);
        if (sample.length > 0)
            evidence.push(`most common transport error: ${sample[0]}`);
        const a = s.aborted;
        if (a)
            evidence.push(`${a.rule === 'target_down' ? 'the target_down rule' : `abort_when ${a.rule}`} stopped the stage ${seconds(a.at_s)} in: ${a.reason}`);
        const down = a?.rule === 'target_down';
        return {
            severity: 'warn',
            title: `Errors begin ${seconds(start.t)} into the stage: from ${(0,model_format/* fmtPct */.pT)(errorShare(before))} to ${(0,model_format/* fmtPct */.pT)(afterShare)} of requests${down ? '; the target went down and the stage was stopped' : ''}.`,
            evidence,
            at_s: start.t,
        };
    }
    return undefined;
}
/** Transport messages that say the generator's own sockets or descriptors ran out. */
const GENERATOR_EXHAUSTION = /EADDRNOTAVAIL|EMFILE|ENFILE|ENOBUFS/;
const REFUSED_OR_RESET = /ECONNREFUSED|ECONNRESET|socket hang up|other side closed|EPIPE/i;
function connectionExhaustion(s) {
    const requests = num(s.requests);
    const connect = num(s.errors_by_kind?.connect);
    const dropped = num(s.dropped);
    const wsFailed = num(s.connections?.failed);
    const wsPlanned = num(s.connections?.planned);
    const ownSockets = topSamples(s, 3, GENERATOR_EXHAUSTION);
    const connectFinding = connect >= MIN_COUNT && share(connect, requests) >= MIN_REQUEST_SHARE;
    const dropFinding = dropped >= MIN_COUNT && share(dropped, num(s.scheduled) || requests + dropped) >= MIN_REQUEST_SHARE;
    const wsFinding = wsFailed >= MIN_COUNT || (wsFailed > 0 && share(wsFailed, wsPlanned) >= 0.1);
    if (!connectFinding && !dropFinding && !wsFinding && ownSockets.length === 0)
        return undefined;
    const ws = activeWindows(s);
    const evidence = [];
    let at;
    let title;
    if (connect > 0) {
        const first = firstWith(ws, (w) => kindIn(w, 'connect'));
        at = first?.t;
        evidence.push(`${connect} connection errors, ${(0,model_format/* fmtPct */.pT)(share(connect, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`);
    }
    const samples = topSamples(s, 3);
    if (samples.length > 0)
        evidence.push(`transport errors: ${samples.join('; ')}`);
    if (dropped > 0) {
        const first = firstWith(ws, (w) => num(w.dropped));
        at ??= first?.t;
        evidence.push(`${dropped} sends dropped${s.scheduled !== undefined ? ` of ${s.scheduled} scheduled` : ''}: max_in_flight requests were outstanding${first ? ` (first ${seconds(first.t)} in)` : ''}`);
    }
    if (wsFailed > 0)
        evidence.push(`${wsFailed} of ${wsPlanned} planned WebSocket connections failed to open`);
    const gone = connectFinding ? goneAt(ws) : undefined;
    if (ownSockets.length > 0) {
        title = 'The load generator ran out of sockets or file descriptors (EADDRNOTAVAIL / EMFILE): raise ulimit -n, or use fewer connections.';
    }
    else if (gone) {
        at = gone.t;
        title = `The target stopped accepting connections ${seconds(gone.t)} into the stage: from then on nearly every request failed to connect.`;
    }
    else if (connectFinding) {
        const refused = topSamples(s, 1, REFUSED_OR_RESET).length > 0;
        title = `Connections ${refused ? 'refused or reset' : 'failed'} under load (${(0,model_format/* fmtPct */.pT)(share(connect, requests))} of requests): the target's accept queue or connection limit, or a proxy's pool, ran out.`;
    }
    else if (dropFinding) {
        title = `The in-flight limit ran out: ${dropped} sends were dropped because max_in_flight requests were still outstanding (the target answered too slowly for the rate).`;
    }
    else {
        title = `${wsFailed} WebSocket connections failed to open: the target's connection limit or accept queue ran out.`;
    }
    return { severity: 'warn', title, evidence, ...(at !== undefined ? { at_s: at } : {}) };
}
/** The first second from which (nearly) every request failed to connect, for two seconds or more: the target went away. */
function goneAt(ws) {
    const connectShare = (xs) => share(sumOf(xs, (w) => kindIn(w, 'connect')), Math.max(1, sumOf(xs, (w) => Math.max(num(w.requests), num(w.errors)))));
    const i = ws.findIndex((w, k) => connectShare([w]) >= 0.5 && ws.length - k >= 2 && connectShare(ws.slice(k)) >= 0.9);
    return i < 0 ? undefined : ws[i];
}
function spikeNotRecovered(s) {
    const spike = s.spike;
    if (!spike || spike.drop_s === undefined)
        return undefined;
    const after = activeWindows(s).filter((w) => num(w.requests) > 0 && w.t >= spike.drop_s);
    if (after.length === 0)
        return undefined; // nothing measured after the drop: nothing to judge
    const pre = num(spike.pre_p95_ms);
    const limit = Math.max(pre * SPIKE_RECOVERY.ratio, pre + SPIKE_RECOVERY.floorMs);
    const afterP95 = diagnose_median(after.map((w) => num(w.p95)));
    if (afterP95 <= limit)
        return undefined;
    const evidence = [
        `pre-spike p95 ${(0,model_format/* fmtMs */.mq)(pre)}, peak p95 ${(0,model_format/* fmtMs */.mq)(num(spike.peak_p95_ms))}`,
        `after the drop (${seconds(spike.drop_s)} in): median p95 ${(0,model_format/* fmtMs */.mq)(afterP95)} over ${after.length} seconds, last ${(0,model_format/* fmtMs */.mq)(num(after.at(-1).p95))} (recovered would be ≤ ${(0,model_format/* fmtMs */.mq)(limit)})`,
        spike.recovery_ms === null
            ? 'no 1-second window after the drop came back within 20 % of the pre-spike p95'
            : `one window was back ${seconds(spike.recovery_ms / 1000)} after the drop, but the p95 stayed above the limit`,
    ];
    const errors = errorShare(after);
    if (errors > ERRORS_BEGIN.clean)
        evidence.push(`${(0,model_format/* fmtPct */.pT)(errors)} of the requests after the drop failed`);
    return {
        severity: 'warn',
        title: `The spike did not recover: p95 after the drop stayed at ${(0,model_format/* fmtMs */.mq)(afterP95)} against ${(0,model_format/* fmtMs */.mq)(pre)} before it.`,
        evidence,
        at_s: spike.drop_s,
    };
}

;// CONCATENATED MODULE: ./src/flows/finish.ts
/**
 * The one way every flow ends: the report redacted, its diagnoses computed, report.json, summary.md
 * and report.html written, and the result kept as a baseline when it may be.
 */









/** Keeps a finished result as a baseline when the save guard allows it; a failed save is reported, never thrown. */
async function keepBaseline(report, save, planId, stages, log) {
    const why = whyNotBaseline(report, stages);
    if (why) {
        log.warn(`baseline not saved to ${save.store.description}: ${why} (only complete, passing runs become baselines)`);
        return { saved: false };
    }
    try {
        await save.store.save(planId, { report, commit: save.commit, run: save.run, savedAt: new Date().toISOString() });
        log.info(`baseline saved to ${save.store.description}`);
        return { saved: true };
    }
    catch (err) {
        const saveError = (0,src_errors/* describeError */.Uc)(err);
        log.warn(`baseline not saved to ${save.store.description}: ${saveError}`);
        return { saved: false, saveError };
    }
}
/**
 * Writes report.json, summary.md and report.html. Every report written says what it shows: the
 * diagnoses are (re)computed here from the report as it leaves the process (already redacted, so
 * their evidence can only quote what the report may hold; recomputed for compare and merge, since
 * the rules may have changed since a result was measured, or it came from another tool).
 */
async function writeReports(report, outDir, extras = {}) {
    report.diagnoses = diagnose(report);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = external_node_path_default().join(outDir, 'report.json');
    const summaryPath = external_node_path_default().join(outDir, 'summary.md');
    const htmlPath = external_node_path_default().join(outDir, 'report.html');
    const summary = (0,markdown/* renderSummary */.Br)(report, extras);
    await (0,report_file/* writeJsonAtomic */.ZJ)(reportPath, report);
    await (0,promises_.writeFile)(summaryPath, summary);
    await (0,promises_.writeFile)(htmlPath, renderHtml(report, extras));
    return { report, reportPath, summaryPath, htmlPath, summary, extras };
}
/**
 * Every door's last step, in one order: redact (once, before anything is written, so report.json,
 * summary.md, report.html, a saved baseline and the PR comment agree), diagnose, write, then keep.
 * Reports first: a failed save never costs the run's results.
 */
async function finish(report, f) {
    const redacted = new redact/* Redactor */.pO().add(f.secrets ?? []).json(report);
    const written = await writeReports(redacted, f.outDir, f.extras?.(redacted) ?? {});
    const kept = f.keep ? await keepBaseline(written.report, f.keep.target, f.keep.planId, f.keep.stages, f.keep.log) : { saved: false };
    return { ...written, ...kept };
}

;// CONCATENATED MODULE: ./src/flows/run.ts
/**
 * `perf-gate run` (and the action's run mode): load the plan, run it, gate it against a baseline
 * and the history, and finish.
 */
















/**
 * A shard's numbers are 1/n of the load: its rps, and its percentiles under a fraction of the
 * traffic, are not the plan's. So a shard is judged by nothing (its verdict only warns about its own
 * generator) and `merge` gates the whole.
 */
const SHARD_RULES = { thresholds: {}, regression: [] };
/** What a shard run refuses: it is neither compared nor kept (`merge` does both for the whole). */
function checkShardSettings(s) {
    const flag = s.save ? '--save-baseline' : s.baseline ? '--baseline' : s.history ? '--history' : s.confirm ? '--confirm' : undefined;
    if (s.shard && flag) {
        throw new src_errors/* UsageError */.eb(s.save
            ? `--save-baseline does not go with --shard: a shard holds part of the load and is never a baseline (keep the report.json of perf-gate merge instead)`
            : `${flag} does not go with --shard: a shard holds part of the load and is not gated (perf-gate merge gates the whole${flag === '--baseline' ? ': pass --baseline to it' : ''})`);
    }
}
async function runAndGate(s) {
    if (s.targetUrl !== undefined)
        (0,input_checks/* checkTargetUrl */.Tc)(s.targetUrl, '--target');
    checkShardSettings(s);
    const plan = await loadPlan((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env);
    s.onSecrets?.(plan.secrets ?? []);
    selectStages(plan, s.stages); // an unknown --stage is exit 2 before anything else happens
    announceLoad(plan, [['', s.targetUrl ?? plan.target.url]], s);
    if (plan.target.build)
        s.log.info(`run does not run target.build (${plan.target.build}): only ab --base-ref builds; build the app before run`);
    // A shard runs its part, but carries the whole plan's fingerprint: its merge is a run of that plan.
    const runs = s.shard ? shardPlan(plan, s.shard) : plan;
    const runner = runnerInfo();
    const identity = (0,shape/* planIdentity */.gt)(plan);
    const fingerprints = { plan: identity.planFingerprint, runner: (0,fingerprint/* runnerFingerprint */.DF)(runner) };
    const request = { planId: s.planId ?? (0,fingerprint/* planId */.rY)(s.planFile), ...identity, runnerFingerprint: fingerprints.runner };
    // Read the baseline before any load: a bad baseline is exit 2 without hammering the target.
    const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
    // History too, before this run is saved, so the chart shows this run once (as "this run").
    const past = await readPast(s.history ?? s.baseline?.store ?? s.save?.store, request, s.log);
    const rules = s.shard ? SHARD_RULES : gateRules(plan);
    const against = { baseline: baseline?.report.stages, history: past.map((p) => p.report.stages) };
    const run = await runPlan(runs, {
        targetUrl: s.targetUrl,
        stages: s.stages,
        cwd: s.cwd,
        signal: s.signal,
        onProgress: s.onProgress,
        onStageStart: s.onStageStart,
        probe: s.runnerProbe ?? true,
        again: s.confirm && against.baseline ? (results) => confirmationStages(plan, rules, results.map(stageReport), against, s.log) : undefined,
    });
    const stages = run.stages.map(stageReport);
    // A run stopped by limits.max_requests / max_duration fails, so it is never kept as a baseline.
    const { checks, verdict } = failStoppedRun(gate(rules, stages, against, { again: run.again.map(stageReport), accept: s.accept }), run.stopped);
    if (run.stopped)
        s.log.warn(run.stopped.message);
    const cancelled = s.signal?.aborted ?? false;
    const built = buildReport({ planFile: s.planFile, run, stages, checks, verdict, runner, fingerprints, shape: identity.planShape, cancelled, shard: s.shard });
    if (baseline && s.baseline)
        built.baseline = baselineRef(s.baseline, baseline);
    if (past.length >= MIN_HISTORY)
        built.bands = bandPositions(against.history, stages);
    built.history = historyRef(s.history ?? s.baseline?.store ?? s.save?.store, past);
    noteAccepted(built, s.accept);
    return finish(built, {
        outDir: external_node_path_default().resolve(s.cwd, s.outDir),
        secrets: plan.secrets,
        extras: (report) => ({ runUrl: s.runUrl, history: historyPoints(past, report), baselineStages: baseline?.report.stages }),
        keep: s.save && { target: s.save, planId: request.planId, stages: { ran: run.stages.length, planned: plan.stages.length }, log: s.log },
    });
}
/** Stages that fail a regression rule on their first run: the ones to run once more. */
function confirmationStages(plan, rules, first, against, log) {
    const failing = stagesToConfirm(gate(rules, first, against).checks);
    if (failing.size > 0)
        log.info(`confirming: ${[...failing].join(', ')} failed a regression rule; running ${failing.size === 1 ? 'it' : 'them'} once more`);
    return plan.stages.filter((st) => failing.has(st.name));
}

;// CONCATENATED MODULE: ./src/gate/paired.ts




/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (95 % intervals). */
const T_975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
    2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
function tQuantile975(df) {
    if (df >= 1 && df <= T_975.length)
        return T_975[df - 1];
    // Beyond the table: the Cornish-Fisher step of t toward the normal quantile (2.021 at 40, 1.984 at 100).
    const z = 1.959964;
    return df > T_975.length ? z + (z ** 3 + z) / (4 * df) : z;
}
/** Fewer usable pairs than this and the spread of the pairs means little. */
const MIN_PAIRS = 3;
/**
 * 95 % interval (in %) of the relative change head/base − 1, from paired per-round values: the
 * spread of the rounds' log ratios, centred on `pointPct` (the change of the merged histograms).
 * Undefined when fewer than MIN_PAIRS rounds have a positive value on both sides.
 */
function pairedChangeInterval(base, head, pointPct) {
    const d = [];
    for (let i = 0; i < Math.min(base.length, head.length); i++) {
        if (base[i] > 0 && head[i] > 0)
            d.push(Math.log(head[i] / base[i]));
    }
    if (d.length < MIN_PAIRS || pointPct <= -100)
        return undefined;
    return aroundChange(pointPct, (tQuantile975(d.length - 1) * sampleSd(d)) / Math.sqrt(d.length));
}
function sampleSd(xs) {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}
/** ± a half-width on the log scale around the measured change, back in %. */
function aroundChange(pointPct, halfWidth) {
    const centre = Math.log(1 + pointPct / 100);
    return { lo: (Math.exp(centre - halfWidth) - 1) * 100, hi: (Math.exp(centre + halfWidth) - 1) * 100 };
}
/** Percentile step of the grid a round's latency distribution is kept on. */
const GRID_STEP = 0.05;
const GRID_POINTS = Math.round(100 / GRID_STEP) + 1;
function roundDistribution(h) {
    const quantiles = new Float64Array(GRID_POINTS);
    for (let i = 0; i < GRID_POINTS; i++)
        quantiles[i] = h.totalCount > 0 ? h.getValueAtPercentile(Math.min(100, i * GRID_STEP)) / 1000 : 0;
    return { count: h.totalCount, quantiles };
}
/** The share (0..1) of a round's requests at or below x, from its quantile grid. */
function cdf(d, x) {
    const q = d.quantiles;
    if (x < q[0])
        return 0;
    let lo = 0;
    let hi = q.length - 1;
    if (x >= q[hi])
        return 1;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (q[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    return (lo * GRID_STEP) / 100;
}
/** Percentile p of several rounds taken together (each weighted by its requests): bisection on F. */
function mixtureQuantile(parts, p) {
    const total = parts.reduce((a, d) => a + d.count, 0);
    if (total === 0)
        return 0;
    let lo = Math.min(...parts.map((d) => d.quantiles[0]));
    let hi = Math.max(...parts.map((d) => d.quantiles[d.quantiles.length - 1]));
    const target = p / 100;
    for (let i = 0; i < 50 && hi - lo > 1e-6 * Math.max(1, hi); i++) {
        const mid = (lo + hi) / 2;
        const f = parts.reduce((a, d) => a + d.count * cdf(d, mid), 0) / total;
        if (f >= target)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
/**
 * 95 % interval (in %) of the change of a percentile between the merged rounds of two sides,
 * centred on `pointPct`: whole rounds resampled in pairs; the bootstrap's standard error of the
 * log ratio, widened by a Student-t factor for the few rounds there are.
 */
function pairedBootstrapInterval(base, head, percentile, pointPct, options = {}) {
    const n = Math.min(base.length, head.length);
    if (n < MIN_PAIRS || pointPct <= -100)
        return undefined;
    const random = seededRandom(options.seed ?? 0x85ebca6b);
    const logs = [];
    const pickedBase = new Array(n);
    const pickedHead = new Array(n);
    for (let r = 0; r < (options.resamples ?? 1000); r++) {
        for (let i = 0; i < n; i++) {
            const k = Math.floor(random() * n);
            pickedBase[i] = base[k];
            pickedHead[i] = head[k];
        }
        const b = mixtureQuantile(pickedBase, percentile);
        const h = mixtureQuantile(pickedHead, percentile);
        if (b > 0 && h > 0)
            logs.push(Math.log(h / b));
    }
    if (logs.length < 2)
        return undefined;
    return aroundChange(pointPct, tQuantile975(n - 1) * sampleSd(logs) * Math.sqrt(n / (n - 1)));
}
const PERCENTILES = { p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9 };
/**
 * The A/B estimator: paired rounds where a stage has them, else (a spike runs once per side) the
 * bootstrap over both sides' windows, as for a stored baseline.
 */
function pairedRounds(rounds) {
    // Decoded once per stage, however many percentile rules read them.
    const distributions = new Map();
    const distributionsOf = (name, r) => {
        let d = distributions.get(name);
        if (!d) {
            const of = (side) => side.map((s) => roundDistribution(decodeHistogram(s.histogram)));
            d = { base: of(r.base), head: of(r.head) };
            distributions.set(name, d);
        }
        return d;
    };
    return (metric, before, after, pointPct) => {
        const r = rounds.get(after.name);
        if (r && r.base.length >= MIN_PAIRS) {
            const percentile = PERCENTILES[metric];
            if (percentile !== undefined && r.base.every((s) => s.histogram) && r.head.every((s) => s.histogram)) {
                const d = distributionsOf(after.name, r);
                const interval = pairedBootstrapInterval(d.base, d.head, percentile, pointPct);
                if (interval)
                    return { interval, method: `paired-bootstrap(rounds=${r.base.length})` };
            }
            const values = (side) => side.map((s) => metricValue(s, metric) ?? 0);
            const interval = pairedChangeInterval(values(r.base), values(r.head), pointPct);
            if (interval)
                return { interval, method: `paired-rounds(n=${r.base.length})` };
        }
        return windowBootstrap(metric, before, after, pointPct);
    };
}

;// CONCATENATED MODULE: ./src/load/ab.ts
/**
 * Same-runner A/B: every stage runs against base and head in alternating short rounds (A B, B A,
 * A B, …), each round the same load, so both sides see the same machine at nearly the same time.
 * Returns the rounds as measured (for paired statistics) and each side merged into one result
 * (for the report). Knows nothing of gates: pairing is the gate's business.
 */








/** Shortest round: shorter ones would be mostly start-up and drain. */
const MIN_ROUND_MS = 500;
/**
 * One round's share of a stage, and how many rounds it gets. Timed stages split their steady
 * time (a ramp is warm-up, not something to compare, so rounds run at full load); bursts split
 * their cycles; a spike is one shape that cannot be cut, so it runs once per side.
 */
function roundSpec(spec, rounds) {
    // Rounds never stretch a stage: each side gets the plan's time, cut into rounds of at least MIN_ROUND_MS.
    const cut = (steadyMs) => {
        const n = Math.max(1, Math.min(rounds, Math.floor(steadyMs / MIN_ROUND_MS)));
        return { n, ms: Math.round(steadyMs / n) };
    };
    switch (spec.kind) {
        case 'baseline': {
            const { n, ms } = cut(spec.durationMs);
            return { spec: { ...spec, durationMs: ms }, rounds: n };
        }
        case 'load': {
            const { n, ms } = cut(spec.durationMs - spec.rampMs);
            return { spec: { ...spec, rampMs: 0, durationMs: ms }, rounds: n };
        }
        case 'burst': {
            // As many rounds as divide the cycles exactly (never more cycles than planned); when only
            // 1 or 2 would, as many whole cycles per round as fit, leaving the remainder out.
            const most = Math.min(rounds, spec.cycles);
            let n = most;
            while (spec.cycles % n !== 0)
                n--;
            if (n < 3 && most >= 3)
                n = most;
            return { spec: { ...spec, cycles: Math.floor(spec.cycles / n) }, rounds: n };
        }
        case 'spike':
            return { spec, rounds: 1 };
        case 'stress':
        case 'soak':
            // A stress stage stops where its target breaks and a soak is one long stretch: neither can be
            // cut into rounds that alternate between two builds.
            throw new src_errors/* UsageError */.eb(`ab: stage "${spec.name}" is a ${spec.kind} stage, which cannot be split into rounds; compare it with run --baseline instead (or leave it out with --stage)`);
    }
}
/**
 * A short, uncounted run against each side before the first round: JIT, connection pools and
 * caches warm up on both builds, so round 1 does not compare a cold generator with a warm one.
 * Undefined for a spike (its own `before` phase is its warm-up).
 */
function warmUpSpec(oneRound) {
    switch (oneRound.kind) {
        case 'baseline':
        case 'load':
            return { ...oneRound, name: `${oneRound.name} (warm-up)`, durationMs: Math.min(1000, oneRound.durationMs) };
        case 'burst':
            return { ...oneRound, name: `${oneRound.name} (warm-up)`, cycles: 1 };
        case 'spike':
        case 'stress':
        case 'soak':
            return undefined;
    }
}
/** A round's sending time, s: its planned time (a burst's and a spike's: as run). */
const roundSeconds = (p) => ('durationMs' in p.spec ? p.spec.durationMs : p.durationMs) / 1000;
/**
 * One side's rounds as one timeline, against time in the rounds: round k's windows start where
 * round k−1's sending time ended (0.6-s rounds: 0, 0.6, 1.2 …), and a window the round's end cut
 * short gives its rate over the time it covered, not per whole second (a 0.6-s round is not a
 * second at 60 % of the rate).
 */
function joinTimelines(parts) {
    const out = [];
    let offset = 0;
    for (const p of parts) {
        const length = roundSeconds(p);
        for (const w of p.timeline) {
            const covered = Math.min(1, length - w.t);
            const rps = covered > 0 && covered < 1 ? Math.round((w.requests / covered) * 10) / 10 : w.rps;
            out.push({ ...w, t: Math.round((offset + w.t) * 1000) / 1000, rps });
        }
        offset += length;
    }
    return out;
}
/** One side's rounds as one stage result: histograms added, counts summed, timelines joined. */
function mergeRounds(parts) {
    const first = parts[0];
    const metrics = new StageMetrics(first.metrics.endpoints.map((e) => e.name), 1000);
    for (const p of parts)
        addStageMetrics(metrics, p.metrics);
    const spec = first.spec.kind === 'burst'
        ? { ...first.spec, cycles: parts.reduce((a, p) => a + (p.spec.kind === 'burst' ? p.spec.cycles : 0), 0) }
        : first.spec.kind === 'spike'
            ? first.spec
            : first.spec.kind === 'stress'
                ? first.spec
                : { ...first.spec, durationMs: parts.reduce((a, p) => a + ('durationMs' in p.spec ? p.spec.durationMs : 0), 0) };
    const scheduled = first.scheduled !== undefined ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
    return {
        spec,
        startedAt: first.startedAt,
        durationMs: parts.reduce((a, p) => a + p.durationMs, 0),
        metrics,
        timeline: joinTimelines(parts),
        // Judged on the totals, as for a stage run in one piece: one late second in six rounds is not saturation.
        generator: sumGenerators(parts.map((p) => p.generator), scheduled, metrics.requests),
        cycles: first.cycles ? parts.flatMap((p) => p.cycles ?? []).map((c, i) => ({ ...c, cycle: i + 1 })) : undefined,
        spike: first.spike,
        scheduled,
        mode: first.mode,
        aborted: roundsAborted(parts),
        sessions: sumSessions(parts.map((p) => p.sessions)),
        unsent: parts.reduce((a, p) => addUnsentTally(a, p.unsent), undefined),
        // Every round sets up and verifies; a failure in any round is the one to show.
        setup: worstFlows(parts.map((p) => p.setup)),
        verify: worstFlows(parts.map((p) => p.verify)),
    };
}
/** Per request name: the first failed outcome among the rounds, else the last round's. */
function worstFlows(rounds) {
    const present = rounds.filter((r) => r !== undefined);
    if (present.length === 0)
        return undefined;
    const last = present[present.length - 1];
    return last.map((o, i) => present.map((r) => r[i]).find((x) => x !== undefined && !x.ok) ?? o);
}
/** The first abort_when trigger among the rounds, its time counted over the rounds joined. */
function roundsAborted(parts) {
    let offsetMs = 0;
    for (const p of parts) {
        if (p.aborted)
            return { ...p.aborted, at_s: Math.round((offsetMs / 1000 + p.aborted.at_s) * 10) / 10 };
        offsetMs += p.durationMs;
    }
    return undefined;
}
async function runAb(plan, o) {
    const stages = selectStages(plan, o.stages);
    const signal = o.signal ?? new AbortController().signal;
    const urls = { base: o.baseUrl, head: o.headUrl };
    // A stage that cannot be cut into rounds is refused before any load, not after the stages before it.
    for (const spec of stages)
        roundSpec(spec, o.rounds);
    // Both must answer before any load: a dead head is exit 3, not a lopsided comparison.
    for (const url of [o.baseUrl, o.headUrl]) {
        await waitUntilReady({ url, readyPath: plan.target.ready, timeoutMs: plan.target.ready ? plan.target.readyTimeoutMs : 1000, signal });
    }
    const startedAt = new Date();
    const t0 = Date.now();
    const seq = { value: 0 };
    // Each side hands out the plan's data rows as one run would (the same rows to the same users).
    const rows = { base: new DataRows(plan.data), head: new DataRows(plan.data) };
    const out = [];
    let warmedUp = false;
    // abort_when ended a round (either side): no more rounds, no more stages.
    let stopped = false;
    for (const [stageIndex, spec] of stages.entries()) {
        if (signal.aborted || stopped)
            break;
        const { spec: oneRound, rounds } = roundSpec(spec, o.rounds);
        const clients = { base: stageClient(o.baseUrl, oneRound), head: stageClient(o.headUrl, oneRound) };
        // Each side's users log in once per stage (before the warm-up or the first round's clock), not once per round.
        const sessions = { base: { users: new Map() }, head: { users: new Map() } };
        const stage = { spec, base: [], head: [] };
        try {
            const warmUp = warmedUp ? undefined : warmUpSpec(oneRound);
            for (const side of warmUp ? ['base', 'head'] : []) {
                if (!signal.aborted)
                    await runStage(warmUp, { plan, client: clients[side], target: urls[side], signal, seq, sessions: sessions[side], rows: rows[side] });
            }
            if (warmUp)
                warmedUp = true;
            for (let round = 0; round < rounds && !signal.aborted; round++) {
                // ABBA order: whichever side runs second in a round runs first in the next, so a warming
                // (or tiring) machine favours neither; stages alternate too (a spike has one round).
                const order = (round + stageIndex) % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
                const results = {};
                for (const side of order) {
                    if (signal.aborted)
                        break;
                    o.onRound?.(spec, round, rounds, side);
                    results[side] = await runStage(oneRound, {
                        plan,
                        client: clients[side],
                        target: urls[side],
                        signal,
                        seq,
                        onProgress: o.onProgress,
                        sessions: sessions[side],
                        rows: rows[side],
                    });
                }
                // An interrupted round has no (whole) partner: it is left out of both sides.
                if (signal.aborted)
                    break;
                if (results.base && results.head) {
                    stage.base.push(results.base);
                    stage.head.push(results.head);
                }
                if (results.base?.aborted || results.head?.aborted) {
                    stopped = true;
                    break;
                }
            }
        }
        finally {
            await Promise.all([clients.base.close(), clients.head.close()]);
        }
        if (stage.base.length > 0)
            out.push(stage);
    }
    const durationMs = Date.now() - t0;
    const side = (s) => ({ target: urls[s], startedAt, durationMs, stages: out.map((st) => mergeRounds(st[s])), again: [] });
    return { base: side('base'), head: side('head'), stages: out };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/builds/worktree.ts






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, ...args) {
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 });
    return stdout.trim();
}
/** The top folder of the git repository holding `dir`. */
async function repositoryOf(dir) {
    try {
        return await git(dir, 'rev-parse', '--show-toplevel');
    }
    catch {
        throw new src_errors/* UsageError */.eb(`--base-ref needs the plan in a git repository, and ${dir} is not in one`);
    }
}
/** The commit `ref` names, or undefined (no such ref, or not a commit). */
async function commitOf(repo, ref) {
    try {
        return (await git(repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`)) || undefined;
    }
    catch {
        return undefined;
    }
}
/** The commit checked out in `repo` (HEAD). */
async function headCommit(repo) {
    const sha = await commitOf(repo, 'HEAD');
    if (!sha)
        throw new src_errors/* UsageError */.eb(`${repo} has no commit checked out (HEAD names none)`);
    return sha;
}
/** Whether the checkout has changes no commit holds (tracked files changed, or untracked files not ignored). */
async function hasLocalChanges(repo) {
    return (await git(repo, 'status', '--porcelain')).length > 0;
}
/**
 * The commit `ref` names. With `fetch`, a ref the checkout lacks (a shallow clone, the default of
 * actions/checkout) is fetched from origin first. A ref that names nothing is exit 2.
 */
async function resolveRef(repo, ref, o = {}) {
    if (ref.trim() === '' || ref.startsWith('-'))
        throw new src_errors/* GitRefError */.O1(`--base-ref: "${ref}" is not a commit or branch name`);
    const local = await commitOf(repo, ref);
    if (local)
        return local;
    if (o.fetch) {
        const shallow = (await git(repo, 'rev-parse', '--is-shallow-repository').catch(() => 'false')) === 'true';
        o.log?.info(`fetching ${ref} from origin (the checkout does not have it)`);
        try {
            await git(repo, 'fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', ref);
            const fetched = await commitOf(repo, 'FETCH_HEAD');
            if (fetched)
                return fetched;
        }
        catch (err) {
            const why = (err.stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? 'git fetch failed';
            throw new src_errors/* GitRefError */.O1(`base ref "${ref}" is not in ${repo} and could not be fetched from origin: ${why}`);
        }
    }
    throw new src_errors/* GitRefError */.O1(`base ref "${ref}" names no commit in ${repo}${o.fetch ? '' : ' (fetch it first, e.g. git fetch origin ' + ref + ')'}`);
}
/**
 * `commit` checked out (detached) in a new temporary folder, registered as a worktree of `repo`
 * until `remove()`. A process that exits before that (an error, a second Ctrl-C) removes it on exit.
 */
async function addWorktree(repo, commit) {
    const dir = await (0,promises_.realpath)(await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'perf-gate-base-')));
    let removed = false;
    const removeNow = () => {
        if (removed)
            return;
        removed = true;
        try {
            (0,external_node_child_process_.execFileSync)('git', ['worktree', 'remove', '--force', dir], { cwd: repo, stdio: 'ignore' });
        }
        catch {
            // already gone (or never added): prune below forgets it either way
        }
        try {
            (0,external_node_child_process_.execFileSync)('git', ['worktree', 'prune'], { cwd: repo, stdio: 'ignore' });
        }
        catch {
            // nothing to prune
        }
    };
    process.once('exit', removeNow);
    try {
        await git(repo, 'worktree', 'add', '--quiet', '--detach', dir, commit);
    }
    catch (err) {
        process.removeListener('exit', removeNow);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        const why = (err.stderr ?? '').trim().split('\n').at(-1);
        throw new src_errors/* UsageError */.eb(`could not check out the base commit ${commit.slice(0, 12)} as a worktree of ${repo}: ${why || err.message}`);
    }
    return {
        dir,
        remove: async () => {
            process.removeListener('exit', removeNow);
            removeNow();
            // Build outputs git does not track may remain after `worktree remove --force` failed half-way.
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        },
    };
}

;// CONCATENATED MODULE: ./src/builds/sides.ts



/** `n` distinct free loopback ports (bound, read, released: each side's app binds its own). */
async function freePorts(n) {
    const servers = await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
        const s = (0,external_node_net_.createServer)();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => resolve(s));
    })));
    const ports = servers.map((s) => s.address().port);
    await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r()))));
    return ports;
}
/** What `--base-ref` needs of the plan: a start command, and a URL that differs per side (`${PORT}`). */
function checkSides(sides) {
    const [base, head] = sides;
    if (!head.plan.target.start) {
        throw new src_errors/* UsageError */.eb(`${head.plan.file}: --base-ref needs target.start, the command that starts one build of the app on \${PORT} (or start both builds yourself and pass --base-url and --head-url)`);
    }
    if (base.plan.target.url === head.plan.target.url) {
        throw new src_errors/* UsageError */.eb(`${head.plan.file}: with --base-ref, target.url must hold \${PORT} (each side listens on its own port), e.g. http://127.0.0.1:\${PORT}; it is ${head.plan.target.url} for both sides`);
    }
}
/** Runs `target.build` of one side to its end; a failure is exit 3 naming the side and the command. */
async function build(s, o) {
    const command = s.plan.target.build;
    if (!command || o.signal.aborted)
        return;
    if (!s.rebuild && (await s.cache?.fresh(command))) {
        o.log.info(`${s.side}: build skipped: \`${command}\` already built ${s.cwd} at this commit, and nothing changed since (--rebuild builds anyway)`);
        return;
    }
    o.log.info(`${s.side}: building (${command}) in ${s.cwd}`);
    const t0 = Date.now();
    const running = startTarget(command, s.cwd, s.env);
    const onAbort = () => void running.stop();
    o.signal.addEventListener('abort', onAbort, { once: true });
    try {
        await running.ended;
    }
    finally {
        o.signal.removeEventListener('abort', onAbort);
        // Whatever the build left running in its group (a watcher, a daemon) ends with it.
        await running.stop();
    }
    if (o.signal.aborted)
        return;
    if (running.child.exitCode !== 0) {
        const why = running.failure() ?? { reason: `ended by ${running.child.signalCode}`, lastOutput: '' };
        throw new src_errors/* BuildError */.zS(`${s.side} build failed: target.build \`${command}\` ${why.reason} in ${s.cwd}${why.lastOutput ? `; its last output: ${why.lastOutput}` : ''}`);
    }
    o.log.info(`${s.side}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await s.cache?.record(command);
}
/**
 * Builds both sides (one after the other: they share the machine), starts both, waits until both
 * answer, runs `fn`, and stops both process groups, also when anything fails or is interrupted.
 */
async function withSidesRunning(sides, o, fn) {
    const started = [];
    try {
        for (const s of sides)
            await build(s, o);
        for (const s of sides) {
            if (o.signal.aborted)
                break;
            // The port was free when chosen; this catches a fixed port in target.url, or a port taken since.
            await refuseOccupiedPort(s.plan.target.url, `start both builds yourself and pass --base-url and --head-url (${s.side} side)`);
            o.log.info(`${s.side}: starting (${s.plan.target.start}) on ${s.plan.target.url}`);
            started.push({ side: s, target: startTarget(s.plan.target.start, s.cwd, s.env) });
        }
        // One side that cannot get ready ends the wait for the other too.
        const gaveUp = new AbortController();
        const signal = AbortSignal.any([o.signal, gaveUp.signal]);
        await Promise.all(started.map(async ({ side, target }) => {
            try {
                await waitUntilReady({
                    url: side.plan.target.url,
                    readyPath: side.plan.target.ready,
                    timeoutMs: side.plan.target.readyTimeoutMs,
                    started: target,
                    signal,
                });
            }
            catch (err) {
                gaveUp.abort();
                const message = err instanceof Error ? err.message : String(err);
                throw new src_errors/* TargetUnreachableError */.ms(`${side.side} side (target.start \`${side.plan.target.start}\` in ${side.cwd}) never got ready: ${message}`);
            }
        }));
        return await fn();
    }
    finally {
        await Promise.all(started.map(({ target }) => target.stop()));
    }
}

;// CONCATENATED MODULE: ./src/builds/build-cache.ts
/**
 * `target.build` of the checkout (the head side) skipped when it would rebuild what is already
 * there: the same tree, at the same commit, with no change git can see (tracked or untracked), the
 * same command, and the same ignored entries (the build's outputs: names and modification times of
 * what `git status --ignored` lists) as right after the last successful build. Anything else builds.
 * The record lives in the repository's git folder (`perf-gate/builds.json`), never in the tree.
 * The base side is a fresh worktree each run, so it always builds.
 */





const build_cache_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const build_cache_git = async (cwd, ...args) => (await build_cache_run('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;
class BuildCache {
    tree;
    key;
    file;
    exclude;
    constructor(tree, key, file, exclude) {
        this.tree = tree;
        this.key = key;
        this.file = file;
        this.exclude = exclude;
    }
    /**
     * The cache of builds run in `cwd`, in the checkout whose top folder is `tree`. `exclude`: folders
     * perf-gate itself writes (its reports), which are no build's output.
     */
    static async of(tree, cwd, exclude = []) {
        const common = external_node_path_default().resolve(tree, (await build_cache_git(tree, 'rev-parse', '--git-common-dir')).trim());
        return new BuildCache(tree, cwd, external_node_path_default().join(common, 'perf-gate', 'builds.json'), exclude.map((e) => external_node_path_default().relative(tree, e)));
    }
    excluded(entry) {
        const clean = entry.replace(/\/$/, '');
        return this.exclude.some((e) => clean === e || clean.startsWith(`${e}/`));
    }
    /** The tree's state as the cache compares it; undefined when it has changes no commit holds. */
    async state(command) {
        const [commit, status] = await Promise.all([build_cache_git(this.tree, 'rev-parse', 'HEAD'), build_cache_git(this.tree, 'status', '--porcelain', '--ignored')]);
        const lines = status.split('\n').filter((l) => l && !this.excluded(l.slice(3)));
        if (lines.some((l) => !l.startsWith('!! ')))
            return undefined;
        const ignored = await Promise.all(lines.map(async (l) => {
            const entry = l.slice(3);
            const info = await (0,promises_.stat)(external_node_path_default().join(this.tree, entry)).catch(() => undefined);
            return `${entry} ${info?.mtimeMs ?? 'gone'}`;
        }));
        return { commit: commit.trim(), command, outputs: (0,external_node_crypto_.createHash)('sha256').update(ignored.join('\n')).digest('hex') };
    }
    async entries() {
        try {
            return JSON.parse(await (0,promises_.readFile)(this.file, 'utf8'));
        }
        catch {
            return {};
        }
    }
    /** Whether `command` already built the tree as it is now. */
    async fresh(command) {
        const [now, entries] = await Promise.all([this.state(command), this.entries()]);
        const last = entries[this.key];
        return now !== undefined && last !== undefined && last.commit === now.commit && last.command === now.command && last.outputs === now.outputs;
    }
    /** Remembers a successful build of the tree as it is now (nothing, when it has uncommitted changes). */
    async record(command) {
        const now = await this.state(command);
        const entries = await this.entries();
        if (now)
            entries[this.key] = now;
        else
            delete entries[this.key];
        await (0,promises_.mkdir)(external_node_path_default().dirname(this.file), { recursive: true });
        await (0,promises_.writeFile)(this.file, `${JSON.stringify(entries, null, 2)}\n`);
    }
}

;// CONCATENATED MODULE: ./src/flows/ab.ts
/**
 * `perf-gate ab` (and the action's `base-url`/`base-ref`): base and head in alternating rounds on
 * this runner, gated on the paired rounds.
 */





















/**
 * Same-runner A/B: the plan's stages against base and head in alternating rounds, gated on the
 * paired rounds. The head is "the run"; the base is its baseline, measured minutes apart at most.
 * Nothing is saved: an A/B result compares two builds, it is not a baseline of either.
 */
async function runAbAndGate(s) {
    // Checked by the door that read it (input-checks.ts abRounds).
    const rounds = s.rounds ?? input_checks/* DEFAULT_AB_ROUNDS */.ML;
    if (s.baseRef !== undefined) {
        if (s.baseUrl !== undefined || s.headUrl !== undefined) {
            throw new src_errors/* UsageError */.eb(`--base-ref does not go with ${s.baseUrl !== undefined ? '--base-url' : '--head-url'}: with --base-ref perf-gate builds and starts both sides itself; with --base-url and --head-url both are already running`);
        }
        return turnkeyAb({ ...s, baseRef: s.baseRef }, rounds);
    }
    if (s.baseUrl === undefined)
        throw new src_errors/* UsageError */.eb('ab needs --base-ref REF (perf-gate builds and starts both sides), or --base-url URL and --head-url URL (both already running)');
    (0,input_checks/* checkTargetUrl */.Tc)(s.baseUrl, '--base-url');
    if (s.headUrl !== undefined)
        (0,input_checks/* checkTargetUrl */.Tc)(s.headUrl, '--head-url');
    const plan = await loadPlan((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env);
    s.onSecrets?.(plan.secrets ?? []);
    selectStages(plan, s.stages);
    const headUrl = s.headUrl ?? plan.target.url;
    announceLoad(plan, [
        ['head ', headUrl],
        ['base ', s.baseUrl],
    ], s);
    if (plan.target.start || plan.target.build)
        s.log.info(`ab does not run target.build or target.start with --base-url: base and head must already be running (or pass --base-ref)`);
    return abRunAndReport(plan, s, { base: { url: s.baseUrl }, head: { url: headUrl } }, rounds);
}
/**
 * `ab --base-ref REF`: REF checked out as a worktree of the plan's repository (the base) beside the
 * current checkout (the head); the plan loaded once per side with that side's `${PORT}` and
 * `${SIDE}`; both built, started, waited for, measured, stopped; the worktree removed, whatever happens.
 */
async function turnkeyAb(s, rounds) {
    const planPath = external_node_path_default().resolve(s.cwd, s.planFile);
    const repo = await repositoryOf(external_node_path_default().dirname(planPath));
    const cwd = await (0,promises_.realpath)(s.cwd);
    const here = external_node_path_default().relative(repo, cwd);
    if (here.startsWith('..') || external_node_path_default().isAbsolute(here))
        throw new src_errors/* UsageError */.eb(`--base-ref: run perf-gate from inside the repository that holds the plan (${repo})`);
    const [basePort, headPort] = await freePorts(2);
    const sideOf = async (side, port, sideCwd) => {
        const env = { ...s.env, PORT: String(port), SIDE: side };
        return { side, cwd: sideCwd, env, plan: await loadPlan((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), env) };
    };
    const head = await sideOf('head', headPort, s.cwd);
    s.onSecrets?.(head.plan.secrets ?? []);
    // The worktree's folder is not known yet: the base side's cwd is set once it exists.
    const base = await sideOf('base', basePort, '');
    // As sent: the fingerprint of the plan as written would not see ${SIDE} in a request path.
    if ((0,fingerprint/* substitutedFingerprint */.$P)(base.plan) !== (0,fingerprint/* substitutedFingerprint */.$P)(head.plan)) {
        throw new src_errors/* UsageError */.eb(`${s.planFile}: \${PORT} or \${SIDE} outside target: would make base and head send different loads; use them in target.build, target.start, target.url and target.ready only`);
    }
    checkSides([base, head]);
    for (const spec of selectStages(head.plan, s.stages))
        roundSpec(spec, rounds); // refused before any build
    // A ref that names nothing is bad input: refused before the line saying where load goes.
    const [baseCommit, headSha] = await Promise.all([resolveRef(repo, s.baseRef, { fetch: s.fetchBaseRef, log: s.log }), headCommit(repo)]);
    announceLoad(head.plan, [
        ['head ', head.plan.target.url],
        ['base ', base.plan.target.url],
    ], s);
    const changed = await hasLocalChanges(repo);
    s.log.info(`A/B: base ${s.baseRef} (${baseCommit.slice(0, 7)}) against head ${headSha.slice(0, 7)}${changed ? " with the checkout's uncommitted changes" : ''} (this checkout)`);
    head.cache = await BuildCache.of(repo, cwd, [external_node_path_default().resolve(cwd, s.outDir)]);
    head.rebuild = s.rebuild;
    const worktree = await addWorktree(repo, baseCommit);
    try {
        base.cwd = external_node_path_default().join(worktree.dir, here);
        const signal = s.signal ?? new AbortController().signal;
        const ends = { base: { url: base.plan.target.url, commit: baseCommit }, head: { url: head.plan.target.url, commit: headSha } };
        return await withSidesRunning([base, head], { signal, log: s.log }, () => abRunAndReport(head.plan, s, ends, rounds));
    }
    finally {
        await worktree.remove();
    }
}
/** Runs the rounds against two answering sides, gates the head on the paired rounds, writes the reports. */
async function abRunAndReport(plan, s, ends, rounds) {
    const [baseUrl, headUrl] = [ends.base.url, ends.head.url];
    if (plan.regression?.some((r) => r.unit === 'sigma'))
        s.log.info('band rules ("+3σ", "band") are not judged in A/B: base and head are compared with each other, not with a history');
    const runner = runnerInfo();
    const fingerprints = { plan: (0,fingerprint/* planFingerprint */.an)(plan), runner: (0,fingerprint/* runnerFingerprint */.DF)(runner) };
    const ab = await runAb(plan, { baseUrl, headUrl, rounds, stages: s.stages, signal: s.signal, onRound: s.onRound, onProgress: s.onProgress });
    const head = ab.head.stages.map(stageReport);
    const base = ab.base.stages.map(stageReport);
    const paired = new Map(ab.stages.map((st) => [st.spec.name, { base: st.base.map(stageReport), head: st.head.map(stageReport) }]));
    const judged = gate(gateRules(plan), head, { baseline: base, estimate: pairedRounds(paired), excuse: false }, { accept: s.accept });
    // The gate judges the head; a base side that abort_when ended makes the comparison void too.
    const baseAborts = abortChecks(base).map((c) => ({ ...c, note: `base ${(0,model_format/* displayUrl */.Qy)(baseUrl)}: ${c.note}` }));
    const checks = [...judged.checks, ...baseAborts];
    const verdict = baseAborts.length > 0 ? 'fail' : judged.verdict;
    const cancelled = s.signal?.aborted ?? false;
    const report = buildReport({ planFile: s.planFile, run: ab.head, stages: head, checks, verdict, runner, fingerprints, shape: (0,shape/* planShape */.xH)(plan), cancelled });
    const roundsByStage = Object.fromEntries(ab.stages.map((st) => [st.spec.name, st.base.length]));
    const named = (end) => `${(0,model_format/* displayUrl */.Qy)(end.url)}${end.commit ? ` (commit ${end.commit.slice(0, 7)})` : ''}`;
    report.baseline = {
        source: `A/B base ${(0,model_format/* displayUrl */.Qy)(baseUrl)}`,
        started_at: report.started_at,
        target: (0,model_format/* displayUrl */.Qy)(baseUrl),
        ...(ends.base.commit && { commit: ends.base.commit }),
        explanation: `same-runner A/B: base ${named(ends.base)} and head ${named(ends.head)} ran in alternating rounds (${Object.entries(roundsByStage)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ')}); changes are judged on the paired rounds.`,
    };
    report.ab = {
        base_target: (0,model_format/* displayUrl */.Qy)(baseUrl),
        rounds: roundsByStage,
        base_stages: base,
        ...(ends.base.commit && { base_commit: ends.base.commit, head_commit: ends.head.commit }),
    };
    noteAccepted(report, s.accept);
    // Nothing is kept: an A/B result compares two builds, it is not a baseline of either.
    return finish(report, {
        outDir: external_node_path_default().resolve(s.cwd, s.outDir),
        secrets: plan.secrets,
        extras: (r) => ({ runUrl: s.runUrl, baselineStages: r.ab?.base_stages }),
    });
}

// EXTERNAL MODULE: ./src/baseline/file-store.ts
var file_store = __webpack_require__(11617);
// EXTERNAL MODULE: ./src/baseline/store.ts
var store = __webpack_require__(54494);
;// CONCATENATED MODULE: ./src/flows/compare.ts
/**
 * `perf-gate compare BASELINE.json CURRENT.json`: two saved results gated again, no load.
 */











/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
async function compareReports(s) {
    const plan = s.planFile ? await loadPlan((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
    const baseline = (0,report_file/* wholeRun */.f1)(await (0,report_file/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.baselineFile)), s.baselineFile);
    const current = (0,report_file/* wholeRun */.f1)(await (0,report_file/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.currentFile)), s.currentFile);
    const mismatch = planMismatch(s, plan, baseline, current);
    if (mismatch && !s.force)
        throw mismatch;
    const { checks, verdict } = gate(gateRules(plan), current.stages, { baseline: baseline.stages });
    const report = {
        ...current,
        verdict,
        checks,
        baseline: {
            source: s.baselineFile,
            started_at: baseline.started_at,
            target: baseline.target,
            ...(mismatch && { explanation: `compared although the results were measured for different plans (--force-baseline): their load shapes differ` }),
        },
    };
    return finish(report, { outDir: external_node_path_default().resolve(s.cwd, s.outDir), secrets: plan?.secrets, extras: () => ({ baselineStages: baseline.stages }) });
}
/**
 * Why two reports (and the --plan, when given) describe different loads, as the refusal to throw;
 * undefined when they match or a fingerprint is unknown (reports of an older perf-gate).
 */
function planMismatch(s, plan, baseline, current) {
    const [base, cur] = [baseline.fingerprints?.plan, current.fingerprints?.plan];
    if (plan !== undefined) {
        const identity = (0,shape/* planIdentity */.gt)(plan);
        if (base !== undefined && !(0,store/* samePlan */.c)(base, identity))
            return (0,file_store/* otherPlanError */.o)(s.baselineFile, baseline, identity);
        if (cur !== undefined && !(0,store/* samePlan */.c)(cur, identity))
            return (0,file_store/* otherPlanError */.o)(s.currentFile, current, identity);
        return undefined;
    }
    if (base === undefined || cur === undefined || base === cur)
        return undefined;
    return new src_errors/* BaselineError */.s$(`${s.baselineFile} and ${s.currentFile} were measured for different plans (${(0,shape/* shapeChange */.Q6)(baseline, current.shape, cur)}); pass --force-baseline to compare anyway`);
}

;// CONCATENATED MODULE: ./src/report/merge.ts
/**
 * `perf-gate merge`: the reports of `run --shard 1/n … n/n` into the report one machine running the
 * whole plan would have written. HDR histograms add without loss, so the merged percentiles are the
 * whole run's to histogram precision (3 significant digits) and every count is exact: stage,
 * endpoint and 1-second window histograms are added, counts summed, rates recomputed, windows
 * aligned by their second. Pure: reports in, report out; gating the result is the core's.
 */









const sum = (parts, f) => parts.reduce((a, p) => a + f(p.stage), 0);
const max = (xs) => xs.reduce((a, x) => Math.max(a, x), 0);
function mergeShardReports(files) {
    const shards = checkShardSet(files);
    const first = shards[0].report;
    const count = first.shard.count;
    const stages = first.stages.map((st) => mergeStage(shards.map((s) => ({ file: s.file, index: s.report.shard.index, stage: s.report.stages.find((x) => x.name === st.name) })), count));
    const started = shards.map((s) => s.report.started_at).sort((a, b) => Date.parse(a) - Date.parse(b));
    return {
        tool: 'perf-gate',
        version: VERSION,
        schema: model_report/* REPORT_SCHEMA */.D,
        verdict: 'pass',
        plan: first.plan,
        target: [...new Set(shards.map((s) => s.report.target))].join(', '),
        started_at: started[0],
        duration_s: max(shards.map((s) => s.report.duration_s)),
        cancelled: false,
        runner: first.runner,
        fingerprints: first.fingerprints,
        ...(first.shape && { shape: first.shape }),
        baseline: null,
        stages,
        checks: [],
        merged_from: shards.map((s) => ({ index: s.report.shard.index, started_at: s.report.started_at, target: s.report.target, runner: s.report.runner })),
    };
}
/** The n shards of one run, each once, in shard order; anything else names the files at fault. */
function checkShardSet(files) {
    if (files.length === 0)
        throw new src_errors/* ShardMergeError */.tg('merge needs the shard reports: the report.json of every run --shard i/n');
    for (const { file, report } of files) {
        if (!report.shard)
            throw new src_errors/* ShardMergeError */.tg(`${file} is not a shard report (no "shard"): shard reports come from perf-gate run --shard i/n`);
        // A shard that ended early measured part of its load: merged, it would pass as a whole run.
        // (A stress break is a result, not an early end; stress stages are never sharded anyway.)
        const stop = stoppedOf(report);
        if (stop?.by === 'cancel')
            throw new src_errors/* ShardMergeError */.tg(`${file} (shard ${report.shard.index}/${report.shard.count}) was interrupted: its report is partial; run that shard again`);
        if (stop && stop.by !== 'break')
            throw new src_errors/* ShardMergeError */.tg(`${file} (shard ${report.shard.index}/${report.shard.count}) stopped early (${stop.reason}): its report is partial; fix the cause and run that shard again`);
        if (!report.fingerprints)
            throw new src_errors/* ShardMergeError */.tg(`${file} has no plan fingerprint, so it cannot be matched with the other shards`);
    }
    const [head, ...rest] = files;
    const name = (f) => `${f.file} (shard ${f.report.shard.index}/${f.report.shard.count})`;
    for (const f of rest) {
        if (f.report.fingerprints.plan !== head.report.fingerprints.plan) {
            throw new src_errors/* ShardMergeError */.tg(`${head.file} and ${f.file} are shards of different plans (plan fingerprints ${head.report.fingerprints.plan} and ${f.report.fingerprints.plan}): merge the shards of one run`);
        }
        if (f.report.shard.count !== head.report.shard.count)
            throw new src_errors/* ShardMergeError */.tg(`${name(head)} and ${name(f)} split the load differently: the shards of one run share n`);
    }
    const count = head.report.shard.count;
    const byIndex = new Map();
    for (const f of files) {
        const twin = byIndex.get(f.report.shard.index);
        if (twin)
            throw new src_errors/* ShardMergeError */.tg(`shard ${f.report.shard.index}/${count} is given twice: ${twin.file} and ${f.file}`);
        byIndex.set(f.report.shard.index, f);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    if (missing.length > 0) {
        const given = files.map(name).join(', ');
        throw new src_errors/* ShardMergeError */.tg(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${given}): merge needs all ${count}`);
    }
    const stagesOf = (f) => f.report.stages.map((s) => s.name).join(', ');
    for (const f of rest) {
        if (stagesOf(f) !== stagesOf(head))
            throw new src_errors/* ShardMergeError */.tg(`${head.file} and ${f.file} ran different stages (${stagesOf(head)} / ${stagesOf(f)}): run every shard with the same --stage`);
    }
    const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
    checkTogether(ordered);
    return ordered;
}
/**
 * The shards of one run overlap in time. One that started after another had finished (a re-run
 * of one matrix job) did not load the target together with it: summing their rates would
 * describe load that never happened.
 */
function checkTogether(files) {
    const span = (f) => {
        const start = Date.parse(f.report.started_at);
        return [start, start + f.report.duration_s * 1000];
    };
    for (const a of files) {
        for (const b of files) {
            const [, aEnd] = span(a);
            const [bStart] = span(b);
            if (bStart > aEnd) {
                throw new src_errors/* ShardMergeError */.tg(`shard ${b.report.shard.index} (${b.file}) started ${((bStart - aEnd) / 1000).toFixed(1)} s after shard ${a.report.shard.index} (${a.file}) had finished: ` +
                    `they did not load the target together (a re-run of one job?); run all ${files.length} shards again`);
            }
        }
    }
}
/** A histogram a shard report must carry; its absence means the file is not a usable shard report. */
function histogramOf(encoded, file, what) {
    if (encoded === undefined)
        throw new src_errors/* ShardMergeError */.tg(`${file}: ${what} has no histogram, which merge needs (write shard reports with perf-gate run --shard i/n)`);
    try {
        return decodeHistogram(encoded);
    }
    catch (err) {
        throw new src_errors/* ShardMergeError */.tg(`${file}: ${what} has a histogram that cannot be decoded (${err.message}): the file is damaged; take the shard's report.json again`);
    }
}
function inputsOf(p) {
    if (!p.stage.merge_inputs)
        throw new src_errors/* ShardMergeError */.tg(`${p.file}: stage ${p.stage.name} has no merge_inputs (write shard reports with perf-gate run --shard i/n)`);
    return p.stage.merge_inputs;
}
function mergeStage(parts, count) {
    const first = parts[0].stage;
    // run --shard refuses these kinds; a report that has one anyway was not written by a shard run.
    if (first.kind === 'stress' || first.kind === 'soak') {
        throw new src_errors/* ShardMergeError */.tg(`${parts[0].file}: stage ${first.name} is a ${first.kind} stage, which runs on one runner and cannot be merged (run --shard refuses it; leave it out with --stage)`);
    }
    const histogram = mergeHistograms(parts.map((p) => histogramOf(p.stage.histogram, p.file, `stage ${p.stage.name}`)));
    const requests = sum(parts, (s) => s.requests);
    const errors = sum(parts, (s) => s.errors);
    // Every shard sends over the same planned time; a burst's is its longest shard's wall time.
    const sendingMs = max(parts.map((p) => inputsOf(p).sending_s)) * 1000;
    const generator = mergeGenerator(parts, count);
    const timeline = mergeTimelines(parts);
    const out = {
        name: first.name,
        kind: first.kind,
        protocol: first.protocol,
        duration_s: max(parts.map((p) => p.stage.duration_s)),
        requests,
        errors,
        error_rate: errorRate(requests, errors),
        rps: perSecond(requests, sendingMs),
        latency_ms: summarize(histogram),
        errors_by_kind: sumCounts(parts.map((p) => p.stage.errors_by_kind)),
        status_codes: countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.status_codes)))),
        endpoints: mergeEndpoints(parts),
        timeline,
        histogram: histogram_encodeHistogram(histogram),
        generator_saturated: generator.saturated,
        late_sends: generator.late_sends,
        dropped: generator.dropped,
        generator,
        retry_after_seen: sum(parts, (s) => s.retry_after_seen),
    };
    if (parts.some((p) => p.stage.scheduled !== undefined))
        out.scheduled = sum(parts, (s) => s.scheduled ?? 0);
    if (parts.some((p) => p.stage.cycles))
        out.cycles = mergeCycles(parts.map((p) => p.stage.cycles ?? []));
    const spikeMs = parts.map((p) => inputsOf(p).spike_ms).find((x) => x !== undefined);
    if (first.kind === 'spike' && spikeMs)
        out.spike = spikeOutcome(timeline, spikeMs.start, spikeMs.drop);
    // Each shard ran on its own runner: the slowest one is what the gate must allow for.
    const probes = parts.flatMap((p) => (p.stage.cpu_probe_ms === undefined ? [] : [p.stage.cpu_probe_ms]));
    if (probes.length > 0)
        out.cpu_probe_ms = max(probes);
    // No reference-server figures: each shard's measured its own runner, and one runner's delay must
    // not come off every shard's requests. A merged run's failures are judged as measured.
    const samples = sumCounts(parts.map((p) => p.stage.error_samples ?? {}));
    // At most 10 distinct messages, as one run keeps (it keeps the first seen; here the most frequent).
    const top = Object.entries(samples)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10);
    const retryAfter = parts.reduce((r, p) => widenRange(r, p.stage.retry_after_s), undefined);
    if (retryAfter)
        out.retry_after_s = retryAfter;
    if (top.length > 0)
        out.error_samples = Object.fromEntries(top);
    if (first.protocol === 'ws')
        mergeWs(out, parts);
    mergeFlows(out, parts);
    const resources = mergeResources(parts, requests, timeline);
    if (resources)
        out.resources = resources;
    return out;
}
/** Sessions and unsent requests add up; setup and verify ran on shard 1 only (SPEC §5), so they are its. */
function mergeFlows(out, parts) {
    const sessions = sumSessions(parts.map((p) => p.stage.sessions));
    if (sessions)
        out.sessions = sessions;
    const unsent = parts.map((p) => p.stage.unsent).filter((x) => x !== undefined);
    if (unsent.length > 0)
        out.unsent = { count: unsent.reduce((a, x) => a + x.count, 0), missing: [...new Set(unsent.flatMap((x) => x.missing))].slice(0, 5) };
    const firstShard = parts[0].stage;
    if (firstShard.setup)
        out.setup = firstShard.setup;
    if (firstShard.verify)
        out.verify = firstShard.verify;
}
/**
 * The app's figures of the shards. Shards that each started the app (target.start: a process group
 * per shard) measured separate instances: their CPU adds, over all the shards' requests, and the peak
 * memory is the largest instance's (as one run's is one instance's). Shards that read target.process
 * may have read one shared app, each seeing all of its CPU, or one app each: perf-gate cannot tell,
 * so it does not add them and says so (rules on them warn).
 */
function mergeResources(parts, requests, timeline) {
    const all = parts.map((p) => p.stage.resources);
    if (all.every((r) => r === undefined))
        return undefined;
    const dropWindows = () => timeline.forEach((w) => {
        delete w.cpu_ms;
        delete w.rss_mb;
    });
    const nulls = { cpu_ms_per_request: null, cpu_pct: null, rss_mb_peak: null, samples: sum(parts, (s) => s.resources?.samples ?? 0) };
    const missing = parts.find((p) => !p.stage.resources || p.stage.resources.cpu_ms === undefined || p.stage.resources.cpu_ms === null);
    if (missing) {
        dropWindows();
        const why = missing.stage.resources
            ? `${missing.stage.resources.source} could not be read: ${missing.stage.resources.error ?? 'no value'}`
            : 'it read no resource source';
        return { source: `${parts.length} shards`, ...nulls, error: `shard ${missing.index} has no CPU figure (${why}): the shards' figures are not merged` };
    }
    const rs = all;
    if (!rs.every((r) => r.source.startsWith('process group '))) {
        dropWindows();
        return {
            source: `${parts.length} shards: ${[...new Set(rs.map((r) => r.source))].join(', ')}`,
            ...nulls,
            error: "not merged: the shards read target.process, which may be one app every shard saw whole or one app per shard; perf-gate cannot tell which, so it adds nothing (gate each shard's report, or start the app per shard with target.start)",
        };
    }
    const cpuMs = rs.reduce((a, r) => a + r.cpu_ms, 0);
    const durationMs = Math.max(...parts.map((p) => p.stage.duration_s)) * 1000;
    const peaks = rs.map((r) => r.rss_mb_peak).filter((x) => x !== null);
    return {
        source: `${parts.length} shards, each its own app (target.start)`,
        cpu_ms_per_request: requests > 0 ? Math.round((cpuMs / requests) * 10_000) / 10_000 : null,
        // The apps together, as % of one core.
        cpu_pct: durationMs > 0 ? Math.round((cpuMs / durationMs) * 1000) / 10 : null,
        rss_mb_peak: peaks.length === rs.length ? Math.max(...peaks) : null,
        cpu_ms: Math.round(cpuMs * 1000) / 1000,
        samples: nulls.samples,
        note: "CPU of every shard's app added over all the shards' requests; memory: the largest instance's",
    };
}
function sumCounts(records) {
    const out = {};
    for (const r of records)
        for (const [k, n] of Object.entries(r))
            out[k] = (out[k] ?? 0) + n;
    return out;
}
const numericKeys = (r) => Object.entries(r).map(([k, n]) => [Number(k), n]);
/** Endpoints by name, in the order the shards list them. */
function mergeEndpoints(parts) {
    const byName = new Map();
    for (const p of parts) {
        for (const e of p.stage.endpoints) {
            const m = byName.get(e.name) ?? { requests: 0, errors: 0, histograms: [] };
            m.requests += e.requests;
            m.errors += e.errors;
            m.histograms.push(histogramOf(e.histogram, p.file, `stage ${p.stage.name}, endpoint ${e.name}`));
            byName.set(e.name, m);
        }
    }
    return [...byName.entries()].map(([name, m]) => endpointReport(name, m.requests, m.errors, mergeHistograms(m.histograms)));
}
/** Windows by their second since the stage start (src/metrics/merge.ts), each shard's window histogram required. */
function mergeTimelines(parts) {
    return mergeWindows(parts.map((p) => p.stage.timeline), (w, i) => histogramOf(w.histogram, parts[i].file, `stage ${parts[i].stage.name}, window t=${w.t}`), true);
}
/**
 * Counts summed as for A/B rounds and workers (sumGeneratorCounts), but not judged again on the
 * totals: each shard's generator was judged by judgeGenerator on its own runner, and one runner that
 * fell behind makes its share untrustworthy however the totals look. Saturated when any shard's
 * generator was, each such shard named.
 */
function mergeGenerator(parts, count) {
    const reasons = parts.filter((p) => p.stage.generator.saturated).map((p) => `shard ${p.index}/${count}: ${p.stage.generator.reason ?? 'saturated'}`);
    const health = { ...sumGeneratorCounts(parts.map((p) => p.stage.generator)), saturated: reasons.length > 0 };
    if (reasons.length > 0)
        health.reason = reasons.join('; ');
    return health;
}
/** WebSocket counts summed; connect, gap and lag percentiles from the added histograms. */
function mergeWs(out, parts) {
    const first = parts[0].stage;
    const ws = parts.map((p) => {
        const h = inputsOf(p).ws_histograms;
        if (!h)
            throw new src_errors/* ShardMergeError */.tg(`${p.file}: ws stage ${p.stage.name} has no connect/gap/lag histograms (write shard reports with perf-gate run --shard i/n)`);
        return h;
    });
    const merged = (key) => mergeHistograms(ws.map((h, i) => histogramOf(h[key], parts[i].file, `ws stage ${first.name}, ${key}`)));
    out.ws_mode = first.ws_mode;
    out.connect_ms = summarize(merged('connect'));
    out.closes_by_code = countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.closes_by_code ?? {}))));
    out.reconnects = sum(parts, (s) => s.reconnects ?? 0);
    const c = (f) => sum(parts, (s) => (s.connections ? f(s.connections) : 0));
    // The shards' connections were open at the same time (on different machines): their peaks add.
    out.connections = {
        planned: c((x) => x.planned),
        opened: c((x) => x.opened),
        failed: c((x) => x.failed),
        peak: c((x) => x.peak),
        open_at_end: c((x) => x.open_at_end),
    };
    if (first.unmatched_replies !== undefined)
        out.unmatched_replies = sum(parts, (s) => s.unmatched_replies ?? 0);
    if (first.ws_mode === 'stream') {
        // Each shard's rate is over the same planned time, so the rates add.
        out.messages_per_s = build_round(sum(parts, (s) => s.messages_per_s ?? 0), 2);
        out.gap_ms = summarize(merged('gap'));
        const lag = merged('lag');
        if (lag.totalCount > 0)
            out.lag_ms = summarize(lag);
    }
}

;// CONCATENATED MODULE: ./src/flows/merge.ts
/**
 * `perf-gate merge` (and the action's merge mode): the shards' reports merged exactly and gated as
 * one run.
 */













/** `perf-gate merge`: the shards' reports merged exactly into one, gated as a single run would be. */
async function mergeAndGate(s) {
    const plan = s.planFile ? await loadPlan((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
    const paths = await shardReportPaths(s.shardFiles, s.cwd);
    const files = await Promise.all(paths.map(async (file) => ({ file, report: await (0,report_file/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, file)) })));
    const merged = mergeShardReports(files);
    const identity = plan && (0,shape/* planIdentity */.gt)(plan);
    if (identity && merged.fingerprints && !(0,store/* samePlan */.c)(merged.fingerprints.plan, identity)) {
        // Rules may change freely; a different load shape means the rules may not fit.
        s.log.warn(`${s.planFile} does not describe the load the shards ran (${(0,shape/* shapeChange */.Q6)(merged, identity.planShape, identity.planFingerprint, 'the shards')}): its rules are applied all the same`);
    }
    const request = {
        planId: (0,fingerprint/* planId */.rY)(s.planFile ?? merged.plan),
        planFingerprint: merged.fingerprints?.plan ?? '',
        planShape: merged.shape,
        runnerFingerprint: merged.fingerprints?.runner ?? '',
    };
    const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
    const { checks, verdict } = gate(gateRules(plan), merged.stages, { baseline: baseline?.report.stages });
    const report = { ...merged, checks, verdict };
    if (baseline && s.baseline)
        report.baseline = baselineRef(s.baseline, baseline);
    return finish(report, {
        outDir: external_node_path_default().resolve(s.cwd, s.outDir),
        secrets: plan?.secrets,
        extras: () => ({ runUrl: s.runUrl, baselineStages: baseline?.report.stages }),
    });
}
/** Each entry as given, or, for a folder, every report.json below it (sorted, so the order is stable). */
async function shardReportPaths(entries, cwd) {
    const out = [];
    for (const entry of entries) {
        const info = await (0,promises_.stat)((0,input_checks/* fromCwd */.Be)(cwd, entry)).catch(() => undefined);
        if (!info)
            throw new src_errors/* UsageError */.eb(`${entry}: no such shard report or folder`);
        if (!info.isDirectory()) {
            out.push(entry);
            continue;
        }
        const found = (await (0,promises_.readdir)((0,input_checks/* fromCwd */.Be)(cwd, entry), { recursive: true }))
            .filter((f) => external_node_path_default().basename(f) === 'report.json')
            .sort()
            .map((f) => external_node_path_default().join(entry, f));
        if (found.length === 0)
            throw new src_errors/* UsageError */.eb(`${entry}: a folder with no report.json below it (the shards' reports are what merge needs)`);
        out.push(...found);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/import/csv.ts
/**
 * CSV through csv-parse (RFC 4180: quoted cells with commas, doubled quotes and line breaks, as
 * Locust's exceptions.csv has; CRLF or LF; a BOM; no trailing newline), and the text of a file
 * whose bytes may not be UTF-8 (Locust on Windows wrote names in the system code page). Pure.
 */


function parseCsv(text, file = 'the CSV file') {
    let records;
    try {
        // Any line end, even mixed in one file (an edited file, a Windows checkout of part of it); a
        // quote inside an unquoted cell is text (Locust 0.x/1.0 joined rows by hand, unescaped).
        records = (0,sync/* parse */.qg)(text, {
            bom: true,
            relax_column_count: true,
            relax_quotes: true,
            skip_empty_lines: true,
            info: true,
            record_delimiter: ['\r\n', '\n', '\r'],
        });
    }
    catch (err) {
        const e = err;
        throw new src_errors/* ImportError */.Yw(`${file}${e.lines ? `:${e.lines}` : ''}: not readable as CSV (${e.message.replace(/\s+/g, ' ')})`);
    }
    // info.lines is where a record ends: a cell with line breaks started that many lines earlier
    // (csv-parse counts each \r and \n inside quotes as a line).
    return records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, c) => n + (c.match(/[\r\n]/g)?.length ?? 0), 0), cells: record }));
}
/**
 * UTF-8 when the bytes are UTF-8. Otherwise GBK (cp936, what Locust on a Chinese Windows wrote),
 * when the bytes decode as GBK to CJK text; otherwise each byte that is not UTF-8 is shown as
 * \xNN. Never throws: a name in an unknown code page must not stop the gate.
 */
function decodeText(input) {
    if (typeof input === 'string')
        return { text: input };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
    }
    catch {
        // not UTF-8: below
    }
    const gbk = decodeGbk(input);
    if (gbk !== undefined)
        return { text: gbk, encoding: 'GBK' };
    return { text: escapeInvalidUtf8(input), encoding: 'escaped' };
}
/** GBK text, when the bytes are GBK and every non-ASCII character is CJK (else a guess, not a decoding). */
function decodeGbk(bytes) {
    let text;
    try {
        text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    }
    catch {
        return undefined; // no GBK decoder (Node without full ICU), or not GBK
    }
    // eslint-disable-next-line no-control-regex
    const foreign = text.replace(/[\u0000-\u007f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]/g, '');
    return foreign.length === 0 ? text : undefined;
}
/** UTF-8 where the bytes are, \xNN for each byte that is not. */
function escapeInvalidUtf8(bytes) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            out += String.fromCharCode(b);
            i++;
            continue;
        }
        const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (len > 0 && i + len <= bytes.length) {
            try {
                out += decoder.decode(bytes.subarray(i, i + len));
                i += len;
                continue;
            }
            catch {
                // an invalid sequence: escape its first byte and go on
            }
        }
        out += `\\x${b.toString(16).padStart(2, '0')}`;
        i++;
    }
    return out;
}

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
    return Object.fromEntries(LATENCY_KEYS.map((k) => [k, l[k] === undefined ? null : build_round(l[k])]));
}
function stage_endpointReport(e) {
    const l = latencySummary(e.latency);
    return { name: e.name, requests: e.requests, errors: e.errors, latency_ms: { p50: l.p50, p95: l.p95, p99: l.p99 } };
}
function importedStage(run, name) {
    // A key the reader explains ("p95 (…)") is listed once, with its reason.
    const explained = (k) => run.missing.some((m) => m.startsWith(`${k} (`));
    const missing = [...LATENCY_KEYS.filter((k) => run.latency[k] === undefined && !explained(k)), ...run.missing];
    const trends = run.trends && Object.keys(run.trends).length ? Object.fromEntries(Object.entries(run.trends).map(([n, l]) => [n, latencySummary(l)])) : undefined;
    return {
        name,
        // A steady run as far as the gate knows: the default regression rules of a load stage apply.
        kind: 'load',
        protocol: 'http',
        duration_s: build_round(run.duration_s),
        requests: run.requests,
        // null when the file has no failure count (shown as —; rules on it warn): cast as latency_ms is.
        errors: run.errors,
        error_rate: (run.errors === null ? null : errorRate(run.requests, run.errors)),
        rps: build_round(run.rps, 2),
        latency_ms: latencySummary(run.latency),
        errors_by_kind: errorsByKind(run.status_codes),
        status_codes: run.status_codes,
        endpoints: run.endpoints.map(stage_endpointReport),
        timeline: run.timeline ?? [],
        histogram: '',
        // perf-gate's own generator sent nothing: there is nothing of it to distrust.
        generator_saturated: false,
        late_sends: 0,
        dropped: 0,
        generator: { late_sends: 0, dropped: 0, loop_lag_p99_ms: 0, loop_lag_max_ms: 0, saturated: false },
        retry_after_seen: 0,
        imported: {
            tool: run.tool,
            missing,
            ...(run.tool_thresholds?.length && { tool_thresholds: run.tool_thresholds }),
            ...(run.notes?.length && { notes: run.notes }),
            ...(run.failures && { failures: run.failures }),
            ...(run.exceptions && { exceptions: run.exceptions }),
            ...(trends && { trends }),
        },
    };
}
/** The report of one import, ungated (verdict pass, no checks): compare gates it. */
function importedReport(run, ctx) {
    const stage = importedStage(run, ctx.stage ?? run.tool);
    return {
        tool: 'perf-gate',
        version: VERSION,
        schema: model_report/* REPORT_SCHEMA */.D,
        verdict: 'pass',
        plan: ctx.plan ?? '',
        target: `(measured by ${run.tool})`,
        started_at: ctx.startedAt,
        duration_s: build_round(run.duration_s, 1),
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



const HINT = 'perf-gate --from k6 reads the file of `k6 run --summary-export=FILE`, the JSON of handleSummary (JSON.stringify(data)) or the machine-readable summary (--new-machine-readable-summary)';
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
/** k6's own Trend metrics: everything else trend-shaped is the script's (a custom Trend). */
const BUILTIN_TREND = /^(http_req_|grpc_req_duration$|ws_|browser_|iteration_duration$|group_duration$)/;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function readDoc(text, file) {
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
    if (isObject(doc) && isObject(doc.results) && typeof doc.version === 'string')
        return machineReadable(doc, file);
    if (!isObject(doc) || !isObject(doc.metrics)) {
        throw new src_errors/* ImportError */.Yw(`${file} is not a k6 summary (no "metrics" object): ${HINT}`);
    }
    const metrics = doc.metrics;
    // handleSummary data wraps every metric's figures in `values`; --summary-export does not.
    const wrapped = Object.values(metrics).some((m) => isObject(m) && isObject(m.values) && typeof m.type === 'string');
    const state = isObject(doc.state) ? doc.state : undefined;
    const durationMs = state && typeof state.testRunDurationMs === 'number' ? state.testRunDurationMs : undefined;
    return { metrics, wrapped, durationMs, shape: wrapped ? 'handleSummary' : 'summary-export' };
}
/** The machine-readable summary (schema 1.x) → handleSummary's shape: metrics by name, counters with a rate, rates with passes. */
function machineReadable(doc, file) {
    const version = doc.version;
    if (!/^1\./.test(version)) {
        throw new src_errors/* ImportError */.Yw(`${file} is a k6 machine-readable summary of schema version ${shown(version)}: perf-gate reads schema 1.x`);
    }
    const results = doc.results;
    const config = isObject(doc.config) ? doc.config : {};
    if (!Array.isArray(results.metrics))
        throw new src_errors/* ImportError */.Yw(`${file}: results.metrics is ${shown(results.metrics)}, expected the list of metrics of a k6 machine-readable summary`);
    const durationS = needCount(config.duration, file, 'config.duration');
    const metrics = {};
    for (const [i, m] of results.metrics.entries()) {
        if (!isObject(m) || typeof m.name !== 'string' || !isObject(m.values)) {
            throw new src_errors/* ImportError */.Yw(`${file}: results.metrics[${i}] is ${shown(m)}, expected { name, type, contains, values }`);
        }
        const v = m.values;
        const at = (key) => `results.metrics[${i}] (${m.name}).values.${key}`;
        let values = v;
        if (m.type === 'counter') {
            const count = needCount(v.count, file, at('count'));
            values = { count, rate: durationS > 0 ? count / durationS : 0 };
        }
        else if (m.type === 'rate') {
            const matches = needCount(v.matches, file, at('matches'));
            const total = needCount(v.total, file, at('total'));
            values = { passes: matches, fails: Math.max(0, total - matches), rate: v.rate };
        }
        metrics[m.name] = { type: m.type, contains: m.contains, values };
    }
    return { metrics, wrapped: true, durationMs: durationS * 1000, shape: 'machine-readable' };
}
function parseK6(input, file) {
    // JSON is UTF-8; bytes that are not are shown as \xNN rather than refused.
    const { metrics, wrapped, durationMs, shape } = readDoc(decodeText(input).text, file);
    const metric = (name) => {
        const m = metrics[name];
        if (!isObject(m))
            return undefined;
        return wrapped ? (isObject(m.values) ? m.values : undefined) : m;
    };
    const where = (name, stat) => `metrics["${name}"]${wrapped ? '.values' : ''}["${stat}"]`;
    const duration = metric('http_req_duration');
    if (!duration)
        throw noHttp(file, Object.keys(metrics));
    const reqs = metric('http_reqs');
    if (!reqs)
        throw new src_errors/* ImportError */.Yw(`${file} has no http_reqs metric: the request count is missing`);
    const requests = needCount(reqs.count, file, where('http_reqs', 'count'));
    const rps = needCount(reqs.rate, file, where('http_reqs', 'rate'));
    const failed = metric('http_req_failed');
    const missing = [];
    // k6 before v0.31 (or systemTags without expected_response) counts no failed requests: unknown, never 0.
    if (!failed)
        missing.push('error_rate (no http_req_failed metric: k6 before v0.31 did not count failed requests, nor does a run whose systemTags drop expected_response)');
    const errors = failed ? needCount(failed.passes, file, where('http_req_failed', 'passes')) : null;
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
        notes: shape === 'machine-readable'
            ? ['read from the k6 machine-readable summary (schema 1.x): it holds no thresholds, and trends at most avg, min, med, max, p(90), p(95)', ...notes]
            : notes,
        ...(Object.keys(trends).length && { trends }),
    };
}
/** One line for a summary without HTTP results: what it holds instead. */
function noHttp(file, names) {
    const grpc = names.filter((n) => /^grpc_/.test(n));
    const ws = names.filter((n) => /^ws_/.test(n));
    const other = grpc.length
        ? `gRPC results (${grpc.slice(0, 3).join(', ')})`
        : ws.length
            ? `WebSocket results (${ws.slice(0, 3).join(', ')})`
            : `no HTTP results (metrics: ${names.slice(0, 5).join(', ') || 'none'})`;
    return new src_errors/* ImportError */.Yw(`${file} holds ${other} and no http_req_duration: perf-gate gates the HTTP results of a k6 summary, so there is nothing to gate here`);
}
/**
 * The script's own Trend metrics (`new Trend('yarp_latency', true)`): handleSummary and the
 * machine-readable summary say `contains: "time"` (ms); --summary-export states no unit, so its
 * trend-shaped metrics are read as ms and a note says so. Sub-metrics ({tag:…}) are not trends of their own.
 */
function customTrends(metrics, wrapped, file, where) {
    const trends = {};
    const skipped = [];
    for (const name of Object.keys(metrics).sort()) {
        if (name.includes('{') || BUILTIN_TREND.test(name))
            continue;
        const m = metrics[name];
        if (!isObject(m))
            continue;
        if (wrapped) {
            if (m.type !== 'trend' || !isObject(m.values))
                continue;
            if (m.contains !== 'time') {
                skipped.push(name);
                continue;
            }
            trends[name] = trendLatency(m.values, file, (stat) => where(name, stat));
        }
        else if (['avg', 'med', 'min', 'max'].some((k) => k in m) && !('count' in m && 'rate' in m) && !('value' in m)) {
            trends[name] = trendLatency(m, file, (stat) => where(name, stat));
        }
    }
    const notes = [];
    if (!wrapped && Object.keys(trends).length)
        notes.push(`custom trends ${Object.keys(trends).join(', ')} read as ms (--summary-export does not say a trend's unit)`);
    if (skipped.length)
        notes.push(`custom trends ${skipped.join(', ')} not read: they hold no times (contains is not "time")`);
    return { trends, notes };
}
/**
 * The script's thresholds as k6 judged them, by the shape of each verdict: `{ ok }` (handleSummary
 * data) or a boolean that is true when the threshold FAILED (--summary-export).
 */
function k6Thresholds(metrics) {
    const out = [];
    for (const name of Object.keys(metrics).sort()) {
        const m = metrics[name];
        // Both shapes keep `thresholds` on the metric's object (beside `values`, or among the values).
        const t = isObject(m) ? m.thresholds : undefined;
        if (!isObject(t))
            continue;
        for (const [rule, v] of Object.entries(t)) {
            const ok = isObject(v) && typeof v.ok === 'boolean' ? v.ok : typeof v === 'boolean' ? !v : undefined;
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

;// CONCATENATED MODULE: ./src/import/locust.ts
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



const locust_HINT = 'perf-gate --from locust reads the PREFIX_stats.csv that `locust --csv=PREFIX` writes (Locust 0.x before 0.13: PREFIX_requests.csv)';
const locust_REQUIRED = ['Type', 'Name', 'Request Count', 'Failure Count', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Requests/s'];
/** Older Locust column names (lower-cased) → today's. */
const ALIASES = {
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
const canonical = (name) => ALIASES[name.trim().toLowerCase()] ?? name.trim();
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
/** The run's aggregate row: "Aggregated" (0.13 on) or "Total" (before), with no method ("" or Python's None). */
const isAggregate = (type, name) => (type === '' || type === 'None') && (name === 'Aggregated' || name === 'Total');
/** A CSV with its header checked: the cells of a row by column name, and number cells checked. */
function locust_table(text, file, required, what, hint = locust_HINT) {
    const rows = parseCsv(text, file);
    const header = rows[0];
    if (!header)
        throw new src_errors/* ImportError */.Yw(`${file} is empty: ${hint}`);
    const names = header.cells.map(canonical);
    const absent = required.filter((c) => !names.includes(c));
    if (absent.length > 0) {
        throw new src_errors/* ImportError */.Yw(`${file} is not a ${what(names)}: missing column${absent.length === 1 ? '' : 's'} ${absent.map((c) => `"${c}"`).join(', ')}; ${hint}`);
    }
    const col = new Map(names.map((name, i) => [name, i]));
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
    return { data, cell, num, count, has: (name) => col.has(name), names };
}
/** A note when a file's bytes were not UTF-8, saying what was assumed. */
function encodingNote(file, encoding) {
    if (encoding === 'GBK')
        return [`${file} is not UTF-8: read as GBK (cp936, as Locust on a Chinese Windows writes it)`];
    if (encoding === 'escaped')
        return [`${file} is not UTF-8 (nor GBK): its other bytes are shown as \\xNN`];
    return [];
}
/** A file beside the stats file, as a table; a note added to `notes` when it was not UTF-8. */
function companionTable(input, notes, required, what, hint) {
    const decoded = decodeText(input.text);
    notes.push(...encodingNote(input.file, decoded.encoding));
    return locust_table(decoded.text, input.file, required, () => what, hint);
}
function parseLocust(input, file, companions = {}) {
    const decoded = decodeText(input);
    const notes = encodingNote(file, decoded.encoding);
    const { data, cell, num, count, has, names } = locust_table(decoded.text, file, locust_REQUIRED, (h) => h.includes('Timestamp') ? 'Locust stats CSV (it looks like PREFIX_stats_history.csv: give PREFIX_stats.csv)' : 'Locust stats CSV');
    const dist = companions.distribution ? distribution(companions.distribution, notes) : undefined;
    const latency = (row, key) => {
        const out = {};
        for (const [name, k] of LATENCY_COLUMNS) {
            if (out[k] !== undefined)
                continue;
            const v = num(row, name);
            if (v !== null)
                out[k] = v;
        }
        // Locust 0.x: the percentiles are in PREFIX_distribution.csv, by "Method Name".
        return { ...out, ...dist?.get(key) };
    };
    const total = data.find((r) => isAggregate(cell(r, 'Type'), cell(r, 'Name')));
    if (!total)
        throw new src_errors/* ImportError */.Yw(`${file} has no aggregate row ("Aggregated", or "Total" before Locust 0.13): it is not a complete Locust stats CSV (${locust_HINT})`);
    const requests = count(total, 'Request Count');
    const rps = count(total, 'Requests/s');
    // Locust states no run length here: its Requests/s is the count over the run, so count / rate gives it back.
    const durationS = rps > 0 ? requests / rps : 0;
    const missing = [];
    // No percentile column at all: Locust 0.x before 0.13, whose percentiles are in PREFIX_distribution.csv.
    const percentiles = names.some((n) => /^\d+(\.\d+)?%$/.test(n));
    if (!has('95%') && !dist)
        missing.push(percentiles
            ? 'p95 (not among the percentile columns: PERCENTILES_TO_REPORT)'
            : 'p95 (Locust 0.x writes percentiles to PREFIX_distribution.csv: put it beside the requests file)');
    const timeline = companions.history ? locustTimeline(companions.history, requests) : undefined;
    const errors = errorsOf(companions, notes);
    const endpointName = (r) => {
        // Type is the method ("GET"), or a custom request_type: with Name it tells "GET /posts" from "POST /posts".
        const type = cell(r, 'Type');
        return type ? `${type} ${cell(r, 'Name')}` : cell(r, 'Name');
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
function distribution(input, notes) {
    const { data, cell, num } = companionTable(input, notes, ['Name', '50%', '95%'], 'Locust 0.x distribution CSV');
    const out = new Map();
    for (const r of data) {
        const l = {};
        for (const [name, key] of [
            ['50%', 'p50'],
            ['90%', 'p90'],
            ['95%', 'p95'],
            ['99%', 'p99'],
            ['99.9%', 'p999'],
        ]) {
            const v = num(r, name);
            if (v !== null)
                l[key] = v;
        }
        out.set(cell(r, 'Name'), l);
    }
    return out;
}
const HISTORY_REQUIRED = ['Timestamp', 'User Count', 'Type', 'Name', 'Total Request Count', 'Total Failure Count', 'Total Average Response Time'];
const WINDOW_PERCENTILES = [
    ['50%', 'p50'],
    ['90%', 'p90'],
    ['95%', 'p95'],
    ['99%', 'p99'],
    ['100%', 'max'],
];
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
function locustTimeline(input, statsRequests) {
    const decoded = decodeText(input.text);
    const notes = encodingNote(input.file, decoded.encoding);
    const { file } = input;
    const rawHeader = decoded.text.replace(/^\ufeff/, '').slice(0, 200);
    if (/^"?Type"?,"?Name"?,"?Timestamp"?/.test(rawHeader)) {
        return { windows: [], missing: ['timeline (the Locust 0.13/0.14 history format is not read)'], notes };
    }
    const { data, cell, num, count, has } = locust_table(decoded.text, file, HISTORY_REQUIRED, () => 'Locust stats history CSV');
    const quoted = rawHeader.startsWith('"Timestamp"');
    if (!quoted && !data.some((r) => !isAggregate(cell(r, 'Type'), cell(r, 'Name')))) {
        return { windows: [], missing: ['timeline (Locust writes per-second percentiles only with --csv-full-history)'], notes };
    }
    const absent = WINDOW_PERCENTILES.filter(([c]) => !has(c)).map(([c]) => `"${c}"`);
    if (absent.length > 0)
        return { windows: [], missing: [`timeline (the history has no ${absent.join(', ')} column)`], notes };
    const rows = data.filter((r) => isAggregate(cell(r, 'Type'), cell(r, 'Name'))).sort((a, b) => count(a, 'Timestamp') - count(b, 'Timestamp'));
    const first = rows[0] ? count(rows[0], 'Timestamp') : 0;
    const windows = [];
    const steps = [];
    for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        const dt = count(b, 'Timestamp') - count(a, 'Timestamp');
        if (dt <= 0)
            continue;
        steps.push(dt);
        // No request yet (the first row, N/A percentiles): no latency to draw, not a 0 ms point.
        if (count(b, 'Total Request Count') === 0)
            continue;
        let [n0, e0, m0] = [count(a, 'Total Request Count'), count(a, 'Total Failure Count'), count(a, 'Total Average Response Time')];
        // --reset-stats (after the ramp) sets the totals back to 0: the window then starts from nothing.
        if (count(b, 'Total Request Count') < n0)
            [n0, e0, m0] = [0, 0, 0];
        const requests = count(b, 'Total Request Count') - n0;
        const sum = count(b, 'Total Average Response Time') * count(b, 'Total Request Count') - m0 * n0;
        const pct = Object.fromEntries(WINDOW_PERCENTILES.map(([c, k]) => [k, num(b, c) ?? 0]));
        windows.push({
            t: count(a, 'Timestamp') - first,
            rps: build_round(requests / dt, 2),
            ...pct,
            mean: requests > 0 ? build_round(Math.max(0, sum / requests)) : 0,
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
        const every = steps.length ? steps.sort((x, y) => x - y)[Math.floor(steps.length / 2)] : undefined;
        notes.push(`${file} covers ${covered} of the run's ${statsRequests} requests (${build_round((covered / Math.max(1, statsRequests)) * 100, 1)}%): Locust writes its history every ${every ?? 'few'} s, so the run's last seconds are not in the timeline`);
    }
    return { windows, missing: [], notes };
}
/** The top errors of PREFIX_failures.csv and PREFIX_exceptions.csv, for the summary. */
function errorsOf(companions, notes) {
    const out = {};
    if (companions.failures)
        out.failures = failuresOf(companions.failures, notes);
    if (companions.exceptions)
        out.exceptions = exceptionsOf(companions.exceptions, notes);
    return out;
}
/** How many distinct errors the summary lists. */
const TOP = 5;
/** Memory addresses make every error unique (`<HTTPConnection … at 0x1f8985ef010>`): one key for all of them. */
const errorKey = (text) => text.replace(/\b0x[0-9a-f]{6,}\b/gi, '0x…').trim();
function topOf(items, rows, from) {
    const grouped = new Map();
    for (const { key, count } of items)
        grouped.set(key, (grouped.get(key) ?? 0) + count);
    const sorted = [...grouped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
        from,
        rows,
        total: items.reduce((n, i) => n + i.count, 0),
        distinct: grouped.size,
        top: sorted.slice(0, TOP).map(([error, count]) => ({ error, count })),
    };
}
function failuresOf(input, notes) {
    const hint = 'PREFIX_failures.csv has the columns Method, Name, Error, Occurrences';
    const { data, cell, count } = companionTable(input, notes, ['Name', 'Error', 'Occurrences'], 'Locust failures CSV', hint);
    const items = data.map((r) => {
        const method = cell(r, 'Method') ?? cell(r, 'Type') ?? '';
        const where = method && method !== 'None' ? `${method} ${cell(r, 'Name')}` : cell(r, 'Name');
        return { key: `${where}: ${errorKey(cell(r, 'Error'))}`, count: count(r, 'Occurrences') };
    });
    return topOf(items, data.length, input.file);
}
function exceptionsOf(input, notes) {
    const hint = 'PREFIX_exceptions.csv has the columns Count, Message, Traceback, Nodes';
    const { data, cell, count } = companionTable(input, notes, ['Count', 'Message'], 'Locust exceptions CSV', hint);
    // The message only: the traceback is many lines, for the file itself.
    return topOf(data.map((r) => ({ key: errorKey(cell(r, 'Message').split(/\r?\n/)[0]), count: count(r, 'Count') })), data.length, input.file);
}

;// CONCATENATED MODULE: ./src/import/trends.ts
/**
 * The gate of an import: the gate of a run (src/gate, unchanged), plus what only imports have.
 * - k6 custom Trend metrics (`new Trend('yarp_latency', true)`) are series of their own in the
 *   stage (StageReport.imported.trends); a gate file names them among a stage's rules:
 *     thresholds: { k6: { "trend:yarp_latency": { p95: "< 50ms" } } }
 *   Each becomes a threshold check with metric `trend:yarp_latency p95`; against a baseline,
 *   `regression: { "trend:yarp_latency": { p95: "+15%" } }` is a point comparison of the two runs'.
 * - A figure the file does not hold, with the reason the reader found (k6 before v0.31 has no
 *   http_req_failed): a rule on it warns with that reason rather than a generic one.
 */





const TREND_PREFIX = 'trend:';
/** What a trend has: the latency statistics of a k6 Trend. */
const TREND_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
/** k6's names of them, for the hint to ask k6 for one (summaryTrendStats). */
const trends_K6_STAT = {
    min: 'min',
    mean: 'avg',
    p50: 'med',
    p90: 'p(90)',
    p95: 'p(95)',
    p99: 'p(99)',
    p999: 'p(99.9)',
    max: 'max',
};
/** The gate of imported stages: `gate()`, the trend rules, and absent figures explained. */
function gateImported(rules, current, against = {}, options = {}) {
    const result = gate(rules, current, against, options);
    let regressions = against.baseline ? trendRegressionChecks(rules.trendRegressions ?? [], against.baseline, current) : [];
    // As gate() does for its own: a maintainer's accept label makes failed regressions warnings.
    if (options.accept)
        regressions = acceptRegressions(regressions, options.accept);
    const checks = [...explainAbsent(result.checks, current), ...trendChecks(rules.trends ?? [], current), ...regressions];
    return { checks, verdict: overallVerdict(checks, current) };
}
/**
 * A trend's statistic against the baseline's: one figure per run, so a point comparison (as
 * every imported regression), failing when the change is beyond the rule.
 */
function trendRegressionChecks(rules, baseline, current) {
    const checks = [];
    for (const stage of current) {
        const before = baseline.find((b) => b.name === stage.name);
        if (!before)
            continue; // gate() already says the baseline has no such stage
        for (const { trend, rule } of rules) {
            const metric = rule.metric;
            const b = before.imported?.trends?.[trend]?.[metric] ?? null;
            const c = stage.imported?.trends?.[trend]?.[metric] ?? null;
            const base = {
                stage: stage.name,
                metric: `${TREND_PREFIX}${trend} ${rule.metric}`,
                kind: 'regression',
                baseline: b,
                current: c,
                limit: rule.raw,
                method: IMPORTED_POINT_METHOD,
            };
            if (b === null || c === null) {
                const which = c === null ? 'these results' : 'the baseline';
                checks.push({ ...base, method: 'none', verdict: 'warn', note: `${which} hold no ${rule.metric} of the trend ${trend}: nothing to compare` });
                continue;
            }
            if (b === 0) {
                checks.push({ ...base, delta_pct: null, method: 'none', verdict: 'pass', note: 'baseline value is 0: no relative change to judge' });
                continue;
            }
            const delta = ((c - b) / b) * 100;
            const verdict = judgeInterval({ lo: delta, hi: delta }, rule.amount, rule.direction === 'increase');
            checks.push({
                ...base,
                delta_pct: Math.round(delta * 100) / 100,
                significant: false,
                verdict,
                note: 'point comparison: k6 results hold one summary per run, no per-second data, so the noise is not measured',
            });
        }
    }
    return checks;
}
function trendChecks(rules, stages) {
    const checks = [];
    for (const stage of stages) {
        const trends = stage.imported?.trends ?? {};
        for (const { trend, rule } of rules.filter((r) => r.stage === '*' || r.stage === stage.name)) {
            const base = { stage: stage.name, metric: `${TREND_PREFIX}${trend} ${rule.metric}`, kind: 'threshold', limit: rule.raw, method: 'absolute' };
            const series = trends[trend];
            if (!series) {
                const known = Object.keys(trends);
                const tool = stage.imported?.tool ?? 'perf-gate';
                checks.push({
                    ...base,
                    current: null,
                    verdict: 'warn',
                    note: `the ${tool} results have no custom trend "${trend}" (${known.length ? `they have ${known.join(', ')}` : 'they have none'}): nothing to check`,
                });
                continue;
            }
            const value = series[rule.metric] ?? null;
            if (value === null) {
                const stat = trends_K6_STAT[rule.metric];
                checks.push({
                    ...base,
                    current: null,
                    verdict: 'warn',
                    note: `the k6 summary has no ${rule.metric} of ${trend}: add "${stat}" to k6's summaryTrendStats option to gate on it`,
                });
                continue;
            }
            checks.push({ ...base, current: value, verdict: (0,units/* compare */.UD)(value, rule.op, rule.value) ? 'pass' : 'fail' });
        }
    }
    return checks;
}
/** A check on a figure the reader listed as missing with its reason ("error_rate (…)") says that reason. */
function explainAbsent(checks, stages) {
    return checks.map((c) => {
        if (c.current !== null && c.baseline !== null)
            return c;
        const stage = stages.find((s) => s.name === c.stage);
        const why = stage?.imported?.missing.find((m) => m.startsWith(`${c.metric} (`));
        if (!why || c.verdict !== 'warn')
            return c;
        return { ...c, note: `the ${stage.imported.tool} results hold no ${c.metric}: ${why.slice(c.metric.length + 2, -1)}; nothing to check` };
    });
}

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
 * A k6 custom Trend is named `trend:NAME` among a stage's rules, with latency rules of its own:
 * `thresholds: { k6: { "trend:yarp_latency": { p95: "< 50ms" } } }` (src/import/trends.ts judges them).
 *
 * Stage names are the imported ones (`--stage NAME`, default the tool's name). Same parsers and
 * the same file:line:col problems as a plan; `${ENV}` is substituted as in a plan.
 */











const gate_file_KEYS = ['version', 'name', 'thresholds', 'regression'];
function parseGateFile(text, file, env, stages) {
    const parsed = parseYaml(text);
    if (parsed.syntaxErrors.length)
        throw new src_errors/* PlanError */.W6(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    const substituted = interpolate(parsed.value, env);
    const c = new Checks();
    c.issues.push(...substituted.issues);
    const raw = record(substituted.value);
    if (!isRecord(substituted.value))
        c.add([], 'a gate file is a mapping: thresholds: and regression: (see perf-gate --help)');
    for (const key of Object.keys(raw)) {
        if (gate_file_KEYS.includes(key))
            continue;
        const plan = ['target', 'requests', 'stages', 'session', 'defaults', 'websocket', 'limits', 'abort_when'].includes(key);
        c.add([key], plan
            ? `${key}: a gate file for --from holds only thresholds:, regression: and name: (the load was run by the other tool)`
            : `unknown key ${JSON.stringify(key)}${suggestion(key, gate_file_KEYS)}: a gate file holds thresholds:, regression: and name:`, 'key');
    }
    if ('name' in raw && typeof raw.name !== 'string')
        c.add(['name'], 'name: a string, e.g. checkout');
    // readThresholds / readRegression skip unknown metrics (a plan's schema check names them): name them here.
    const trends = [];
    const plain = {};
    for (const [stage, metrics] of Object.entries(record(raw.thresholds))) {
        if (!isRecord(metrics))
            c.add(['thresholds', stage], `${formatPath(['thresholds', stage])}: a mapping of metric: rule, e.g. { p95: "< 200ms" }`);
        // `trend:NAME` keys are k6 custom trends, with rules of their own; the rest are the plan's metrics.
        plain[stage] = Object.fromEntries(Object.entries(record(metrics)).filter(([metric]) => !metric.startsWith(TREND_PREFIX)));
        for (const [metric, rules] of Object.entries(record(metrics))) {
            if (metric.startsWith(TREND_PREFIX))
                trends.push(...trendRules(c, ['thresholds', stage, metric], rules, units/* parseThreshold */.B7).map((r) => ({ stage, ...r })));
            else
                unknownMetric(c, ['thresholds', stage, metric], metric);
        }
    }
    const trendRegressions = [];
    for (const [metric, rules] of Object.entries(record(raw.regression))) {
        if (metric.startsWith(TREND_PREFIX))
            trendRegressions.push(...trendRules(c, ['regression', metric], rules, pctRegression));
    }
    if ('thresholds' in raw && !isRecord(raw.thresholds))
        c.add(['thresholds'], 'thresholds: a mapping of stage name (or "*"): rules');
    if ('regression' in raw && !isRecord(raw.regression))
        c.add(['regression'], 'regression: a mapping of metric: limit, e.g. { p95: "+15%" }');
    for (const metric of Object.keys(record(raw.regression)))
        if (!metric.startsWith(TREND_PREFIX))
            unknownMetric(c, ['regression', metric], metric);
    const rules = { thresholds: readThresholds(c, isRecord(raw.thresholds) ? plain : {}, stages) };
    if (trends.length)
        rules.trends = trends;
    // Absent = the default rules; `regression: {}` = none (thresholds only), as in a plan.
    // (A section of trend rules only is a section too: the defaults are then off, as with any listed rule.)
    if ('regression' in raw)
        rules.regression = readRegression(c, Object.fromEntries(Object.entries(record(raw.regression)).filter(([m]) => !m.startsWith(TREND_PREFIX))));
    if (trendRegressions.length)
        rules.trendRegressions = trendRegressions;
    if (typeof raw.name === 'string')
        rules.name = raw.name;
    if (c.issues.length) {
        // As for a plan: a message quoting a refused value must not print a `${TOKEN}`'s value.
        const redactor = new redact/* Redactor */.pO().add(substituted.secrets);
        throw new src_errors/* PlanError */.W6(sortProblems(c.issues.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
    }
    if (substituted.secrets.length)
        rules.secrets = substituted.secrets;
    return rules;
}
function unknownMetric(c, path, metric) {
    if (!(0,units/* isMetric */.NI)(metric))
        c.add(path, `${formatPath(path)}: unknown metric ${JSON.stringify(metric)}${suggestion(metric, units/* METRICS */.Cb)}`, 'key');
}
/** `trend:NAME: { p95: "< 50ms" }` (or `"+15%"`): rules on one k6 custom trend, each parsed by `parse`. */
function trendRules(c, path, raw, parse) {
    const key = path.at(-1);
    const trend = key.slice(TREND_PREFIX.length);
    if (trend === '')
        c.add(path, `${formatPath(path)}: name the trend, e.g. "trend:yarp_latency"`, 'key');
    if (!isRecord(raw)) {
        c.add(path, `${formatPath(path)}: a mapping of latency rules for the k6 trend, e.g. { p95: "${path[0] === 'regression' ? '+15%' : '< 50ms'}" }`);
        return [];
    }
    const out = [];
    for (const [metric, value] of Object.entries(raw)) {
        const at = [...path, metric];
        if (!TREND_METRICS.includes(metric)) {
            c.add(at, `${formatPath(at)}: ${JSON.stringify(metric)} is not a statistic of a trend${suggestion(metric, [...TREND_METRICS])}`, 'key');
            continue;
        }
        try {
            out.push({ trend, rule: parse(metric, value) });
        }
        catch (err) {
            c.add(at, `${formatPath(at)}: ${err.message}`);
        }
    }
    return out;
}
/** A trend's regression limit: a change in percent (one figure per run: no band of its own yet). */
function pctRegression(metric, value) {
    const rule = (0,units/* parseRegression */.Dn)(metric, value);
    if (rule.unit !== 'pct')
        throw new Error(`${JSON.stringify(value)}: a trend's regression limit is a change in percent, e.g. "+15%" (noise bands are not built for trends)`);
    return rule;
}

;// CONCATENATED MODULE: ./src/import/index.ts
/**
 * `compare --from k6|locust`: another tool's results file → a perf-gate report (one stage), so the
 * thresholds, regression rules, baseline stores, summary and PR comment work for it. Pure: bytes
 * or text in, report out; reading the files is the caller's.
 */






const IMPORT_TOOLS = (/* unused pure expression or super */ null && (['k6', 'locust']));
function importTool(value, flag = '--from') {
    if (IMPORT_TOOLS.includes(value))
        return value;
    throw new UsageError(`${flag} takes ${IMPORT_TOOLS.join(' or ')}, got "${value}"`);
}
const READERS = {
    k6: (input, file) => parseK6(input, file),
    locust: parseLocust,
};
function parseResults(tool, input, file, companions) {
    return READERS[tool](input, file, companions);
}
function importResults(tool, input, ctx, companions) {
    return importedReport(parseResults(tool, input, ctx.file, companions), ctx);
}
/**
 * Where the run's other files would be: Locust's PREFIX_stats.csv (or 0.x PREFIX_requests.csv) →
 * PREFIX_stats_history.csv, PREFIX_failures.csv, PREFIX_exceptions.csv, PREFIX_distribution.csv.
 */
function companionPaths(tool, file) {
    const prefix = tool === 'locust' ? /^(.*)_(stats|requests)\.csv$/.exec(file)?.[1] : undefined;
    if (prefix === undefined)
        return {};
    return {
        history: `${prefix}_stats_history.csv`,
        failures: `${prefix}_failures.csv`,
        exceptions: `${prefix}_exceptions.csv`,
        distribution: `${prefix}_distribution.csv`,
    };
}
/** Whether a file's text is a perf-gate report (a baseline saved with --save-baseline) rather than the tool's output. */
function isPerfGateReport(input) {
    try {
        const doc = JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input));
        return typeof doc === 'object' && doc !== null && doc.tool === 'perf-gate';
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/flows/import.ts
/**
 * `perf-gate compare --from k6|locust`: another tool's results gated like a perf-gate run.
 */















/**
 * `compare --from k6|locust`: another tool's results gated like a perf-gate run: thresholds and
 * regression rules from a gate file, a baseline from a file or store, the save guard, the reports.
 */
async function compareImported(s) {
    const runner = runnerInfo();
    // Bytes, not text: the readers decode them (a Locust file written on Windows may not be UTF-8).
    const importFile = async (file) => {
        const at = (0,input_checks/* fromCwd */.Be)(s.cwd, file);
        try {
            const [bytes, info] = await Promise.all([(0,promises_.readFile)(at), (0,promises_.stat)(at)]);
            return { bytes, startedAt: info.mtime.toISOString() };
        }
        catch (err) {
            const code = err.code;
            throw new src_errors/* ImportError */.Yw(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : err.message}`);
        }
    };
    /** The files the run wrote beside the results (Locust: history = the timeline, failures, exceptions; 0.x distribution). */
    const companions = async (file) => {
        const out = {};
        for (const [kind, other] of Object.entries(companionPaths(s.tool, file))) {
            if ((0,external_node_fs_.existsSync)((0,input_checks/* fromCwd */.Be)(s.cwd, other)))
                out[kind] = { text: (await importFile(other)).bytes, file: other };
        }
        return out;
    };
    const read = await importFile(s.resultsFile);
    const current = importResults(s.tool, read.bytes, { file: s.resultsFile, stage: s.stage, startedAt: read.startedAt, runner, plan: s.planFile }, await companions(s.resultsFile));
    const gateFile = s.planFile
        ? parseGateFile(await readPlanFile((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile)), s.planFile, s.env, current.stages.map((st) => ({ name: st.name, kind: 'load' })))
        : undefined;
    const rules = {
        thresholds: gateFile?.thresholds ?? {},
        regression: gateFile?.regression,
        trends: gateFile?.trends,
        trendRegressions: gateFile?.trendRegressions,
    };
    const request = {
        planId: s.planId ?? (0,fingerprint/* planId */.rY)(s.planFile ?? (s.stage ? `${s.tool}-${s.stage}` : s.tool)),
        planFingerprint: current.fingerprints.plan,
        runnerFingerprint: current.fingerprints.runner,
    };
    let baseline;
    if (s.baselineFile !== undefined) {
        const b = await importFile(s.baselineFile);
        const report = isPerfGateReport(b.bytes)
            ? (0,report_file/* wholeRun */.f1)((0,report_file/* asReport */.zi)(JSON.parse(Buffer.from(b.bytes)
                .toString('utf8')
                .replace(/^\uFEFF/, '')), s.baselineFile), s.baselineFile)
            : importResults(s.tool, b.bytes, { file: s.baselineFile, stage: s.stage, startedAt: b.startedAt, runner, plan: s.planFile }, await companions(s.baselineFile));
        const other = report.fingerprints?.plan !== undefined && report.fingerprints.plan !== request.planFingerprint;
        if (other && !s.force) {
            throw new src_errors/* BaselineError */.s$(`${s.baselineFile} holds results of other stages or endpoints than ${s.resultsFile} (${describeStages(report)} against ${describeStages(current)}); compare like with like (--stage NAME names the stage), or pass --force-baseline to compare anyway`);
        }
        baseline = {
            report,
            ref: {
                source: s.baselineFile,
                started_at: report.started_at,
                target: report.target,
                ...(other && { explanation: 'compared although the baseline holds other stages or endpoints (--force-baseline)' }),
            },
        };
    }
    else if (s.baseline) {
        const found = await loadBaseline(s.baseline, request, s.log);
        if (found)
            baseline = { report: found.report, ref: baselineRef(s.baseline, found) };
    }
    // A store's past imports (the data branch) feed band rules ("+3σ": one figure per run is what a band
    // judges, so it is the noise-aware rule for imports) and the trend chart; a baseline file has none.
    const past = await readPast(s.baseline?.store ?? s.save?.store, request, s.log);
    const history = past.map((p) => p.report.stages);
    // The gate of a run, plus the rules on k6 custom trends (src/import/trends.ts).
    const { checks, verdict } = gateImported(rules, current.stages, { baseline: baseline?.report.stages, history }, { accept: s.accept });
    const report = { ...current, verdict, checks, baseline: baseline?.ref ?? null };
    if (past.length >= MIN_HISTORY)
        report.bands = bandPositions(history, report.stages);
    report.history = historyRef(s.baseline?.store ?? s.save?.store, past);
    noteAccepted(report, s.accept);
    // Redacted like every other report: k6 names requests by URL, so an endpoint name can carry
    // `user:password@`, and the gate file's `${ENV}` values are hidden as a plan's are.
    return finish(report, {
        outDir: external_node_path_default().resolve(s.cwd, s.outDir),
        secrets: gateFile?.secrets,
        extras: (r) => ({ runUrl: s.runUrl, history: historyPoints(past, r), baselineStages: baseline?.report.stages }),
        keep: s.save && { target: s.save, planId: request.planId, stages: { ran: 1, planned: 1 }, log: s.log },
    });
}
/** `k6 stage "k6" (endpoints a, b)`: what a result holds, for the refusal of a mismatched baseline. */
function describeStages(r) {
    const who = r.imported ? r.imported.tool : 'perf-gate';
    return `${who} ${r.stages.map((st) => `stage "${st.name}"${st.endpoints.length ? ` (endpoints ${st.endpoints.map((e) => e.name).join(', ')})` : ''}`).join(', ')}`;
}

;// CONCATENATED MODULE: ./src/core.ts






// In src/input-checks.ts, which loads without the engine; exported here as before.



/***/ })

};
