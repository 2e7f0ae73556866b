export const id = 521;
export const ids = [521];
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

/***/ 1823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ie: () => (/* binding */ runSession),
/* harmony export */   Y_: () => (/* binding */ waitIdle),
/* harmony export */   g7: () => (/* binding */ execute),
/* harmony export */   gu: () => (/* binding */ settled),
/* harmony export */   pk: () => (/* binding */ addUnsentTally),
/* harmony export */   tB: () => (/* binding */ now),
/* harmony export */   uA: () => (/* binding */ noteUnsent),
/* harmony export */   uG: () => (/* binding */ executeAsync),
/* harmony export */   v: () => (/* binding */ nextSeq)
/* harmony export */ });
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _requests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4832);
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
const now = () => node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now();
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
        const error = (0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyOutcome */ .$p)(step.spec, out, vars, step.expectedBody);
        const captured = error === undefined ? missingCapture(step, out.body, vars) : undefined;
        if (out.failureMessage !== undefined)
            ctx.metrics.noteErrorMessage(out.failureMessage);
        ctx.metrics.recordSessionStep(step.index, now() - start, error ?? (captured ? 'check' : undefined));
        if (error !== undefined || captured !== undefined) {
            const reason = captured ?? (0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .outcomeProblems */ .jy)(step.spec, out, vars, step.expectedBody).join('; ');
            failSession(ctx, { step: step.spec.name, status: out.status, reason, sample: out.body ? (0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .sample */ .XM)(out.body) : undefined });
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
    if ((0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .applyCaptures */ .i0)(step.spec, body, vars))
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
    let error = (0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyOutcome */ .$p)(req.spec, out, vars, req.expectedBody);
    if (error === undefined && !(0,_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .applyCaptures */ .i0)(req.spec, out.body, captureInto))
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


/***/ }),

/***/ 1050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ DataRows)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6509);
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
            this.cursors.set(set.name, { set, keys: set.columns.map((c) => (0,_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .dataKey */ .gf)(set.name, c)), taken: 0, byUser: new Map() });
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
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RowsExhausted */ .PK(c.set);
                c.taken++;
                if (key !== undefined)
                    c.byUser.set(key, i);
                return i;
            }
        }
    }
}


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ SWEEP_MS),
/* harmony export */   o: () => (/* binding */ DeadlineQueue)
/* harmony export */ });
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


/***/ }),

/***/ 4832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ classifyOutcome),
/* harmony export */   B9: () => (/* binding */ compileRequest),
/* harmony export */   XM: () => (/* binding */ sample),
/* harmony export */   i0: () => (/* binding */ applyCaptures),
/* harmony export */   jy: () => (/* binding */ outcomeProblems),
/* harmony export */   yT: () => (/* binding */ weightedPicker)
/* harmony export */ });
/* unused harmony export jsonMismatches */
/* harmony import */ var _template_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9668);
/* harmony import */ var _jsonpath_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5858);


function compileRequest(spec, index, o = {}) {
    const runtime = o.runtime;
    const path = (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(spec.path, encodeURIComponent, runtime);
    const headerNames = Object.keys(spec.headers);
    const headerTemplates = headerNames.map((n) => (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(spec.headers[n], undefined, runtime));
    const dynamicHeaders = headerNames.some((n) => spec.headers[n].includes('${'));
    let body;
    const headers = { ...spec.headers };
    const bodyText = spec.json !== undefined ? JSON.stringify(spec.json) : spec.body;
    if (spec.json !== undefined) {
        body = (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(bodyText, _template_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonStringEscape */ .xU, runtime);
        headers['content-type'] ??= 'application/json';
    }
    else if (spec.body !== undefined) {
        body = (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(spec.body, undefined, runtime);
    }
    const readBody = o.readBody === true ||
        spec.expect?.bodyContains !== undefined ||
        spec.expect?.json !== undefined ||
        (spec.capture !== undefined && Object.keys(spec.capture).length > 0);
    const base = { method: spec.method, timeoutMs: spec.timeoutMs, readBody };
    const expectedBody = spec.expect?.bodyContains !== undefined ? (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(spec.expect.bodyContains, undefined, runtime) : undefined;
    const needs = [
        ...new Set([spec.path, ...Object.values(spec.headers), bodyText ?? '', spec.expect?.bodyContains ?? ''].flatMap((t) => (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .templateNeeds */ .AB)(t, runtime))),
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
function classifyOutcome(spec, out, vars, expectedBody = spec.expect?.bodyContains !== undefined ? (0,_template_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(spec.expect.bodyContains) : undefined) {
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
        return [`the body is not JSON${body ? ` (${sample(body)})` : ' (empty)'}`];
    }
    const out = [];
    for (const e of expectations) {
        const v = (0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_1__/* .readJsonPath */ .A)(doc, e.path);
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
function sample(body, max = 120) {
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
        const v = (0,_jsonpath_js__WEBPACK_IMPORTED_MODULE_1__/* .readJsonPath */ .A)(doc, path);
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


/***/ }),

/***/ 4878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ StageFlows)
/* harmony export */ });
/* unused harmony exports expectedText, sendOnce */
/* harmony import */ var _requests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4832);

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
        const step = (0,_requests_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRequest */ .B9)(spec, 0, { runtime: f.runtime, readBody: true });
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
        const problems = (0,_requests_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeProblems */ .jy)(spec, res, own, step.expectedBody, 'answered ');
        if (problems.length === 0 && !(0,_requests_js__WEBPACK_IMPORTED_MODULE_0__/* .applyCaptures */ .i0)(spec, res.body, own))
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
            ...(problems.length > 0 && res.body ? { sample: (0,_requests_js__WEBPACK_IMPORTED_MODULE_0__/* .sample */ .XM)(res.body) } : {}),
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
        return requests.some((r) => (0,_requests_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRequest */ .B9)(r, 0, { runtime: this.f.runtime }).needs.some((k) => names.has(k)));
    }
}
const captured = (requests) => requests.flatMap((r) => Object.keys(r.capture ?? {}));


/***/ }),

/***/ 8521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Si: () => (/* binding */ runStage),
  NJ: () => (/* binding */ spikeOutcome),
  hA: () => (/* binding */ spikePhases),
  Gs: () => (/* binding */ stageSchedule)
});

// UNUSED EXPORTS: CANCEL_GRACE_MS, rateSegments

// EXTERNAL MODULE: ./src/plan/stage-time.ts
var stage_time = __webpack_require__(6515);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/metrics/stage-metrics.ts + 2 modules
var stage_metrics = __webpack_require__(4128);
// EXTERNAL MODULE: ./src/metrics/histogram.ts
var histogram = __webpack_require__(5835);
// EXTERNAL MODULE: ./src/metrics/merge.ts
var merge = __webpack_require__(7037);
// EXTERNAL MODULE: ./src/load/context.ts
var context = __webpack_require__(1823);
// EXTERNAL MODULE: ./src/load/data-rows.ts
var data_rows = __webpack_require__(1050);
// EXTERNAL MODULE: ./src/load/stage-flows.ts
var stage_flows = __webpack_require__(4878);
// EXTERNAL MODULE: ./src/plan/interpolate.ts
var interpolate = __webpack_require__(264);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/load/requests.ts
var load_requests = __webpack_require__(4832);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
            const elapsed = (0,context/* now */.tB)() - ctx.t0;
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
            setTimeout(tick, Math.max(0, schedule.sendTime(k) - ((0,context/* now */.tB)() - ctx.t0)));
        };
        tick();
    });
    await (0,context/* waitIdle */.Y_)(ctx);
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
        return (at) => (0,context/* executeAsync */.uG)(ctx, pick(), vars, at);
    return (at) => {
        const own = Object.create(vars);
        if (!fillRows(ctx, own, sets))
            return Promise.resolve();
        return (0,context/* executeAsync */.uG)(ctx, pick(), own, at, vars);
    };
}
/** Nothing of the mix can be sent with these values: counted as one unsent, with what is missing. */
function noteNothingToSend(ctx, vars) {
    (0,context/* noteUnsent */.uA)(ctx, ctx.requests.flatMap((r) => r.needs), vars);
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
        if (!(err instanceof errors/* RowsExhausted */.PK))
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
    return sendable.length > 0 ? (0,load_requests/* weightedPicker */.yT)(sendable) : undefined;
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
        if (vars && (await (0,context/* runSession */.Ie)(ctx, vars)) && !ctx.signal.aborted)
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
    if (ctx.signal.aborted || (0,context/* now */.tB)() >= endAt)
        return;
    ctx.users++;
    try {
        let vars = known?.get(id);
        if (!vars) {
            vars = newUserVars(ctx, id);
            if (!vars)
                return;
            if (await (0,context/* runSession */.Ie)(ctx, vars))
                known?.set(id, vars);
        }
        // A user whose session failed sends only what needs none of the values it failed to set.
        const pick = requestPicker(ctx, vars);
        if (!pick)
            return noteNothingToSend(ctx, vars);
        if (thinkMs === 0)
            return await sendBackToBack(ctx, vars, endAt, pick);
        let iter = 0;
        while (!ctx.signal.aborted && (0,context/* now */.tB)() < endAt) {
            vars.iter = String(iter++);
            await (0,context/* executeAsync */.uG)(ctx, pick(), vars, (0,context/* now */.tB)());
            await sleepUnlessAborted(Math.min(thinkMs, endAt - (0,context/* now */.tB)()), ctx.signal);
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
            if (ctx.signal.aborted || (0,context/* now */.tB)() >= endAt)
                return resolve();
            vars.iter = String(iter++);
            (0,context/* execute */.g7)(ctx, pick(), vars, (0,context/* now */.tB)(), next);
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
        const release = (0,context/* now */.tB)();
        const sends = [];
        for (let i = 0; i < size; i++)
            sends.push(send(release));
        await Promise.all(sends);
        const errors = ctx.metrics.errors - errorsBefore;
        out.push({
            cycle: c + 1,
            duration_ms: Math.round(((0,context/* now */.tB)() - release) * 1000) / 1000,
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
        await (0,promises_.setTimeout)(ms, undefined, { signal });
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

// EXTERNAL MODULE: ./src/load/template.ts
var template = __webpack_require__(9668);
// EXTERNAL MODULE: ./node_modules/ws/wrapper.mjs
var wrapper = __webpack_require__(2977);
// EXTERNAL MODULE: ./src/jsonpath.ts
var jsonpath = __webpack_require__(5858);
// EXTERNAL MODULE: ./src/load/deadlines.ts
var deadlines = __webpack_require__(5377);
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
            const timer = setTimeout(() => resolve(false), Math.max(0, untilMs - (0,context/* now */.tB)()));
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
    due = new deadlines/* DeadlineQueue */.o();
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
        this.path = (0,template/* compileTemplate */.Gq)(ws.path, encodeURIComponent, runtime);
        this.headers = Object.entries(ws.headers).map(([k, v]) => [k, (0,template/* compileTemplate */.Gq)(v, undefined, runtime)]);
        if (ws.send !== undefined)
            this.sendT = (0,template/* compileTemplate */.Gq)(ws.send, undefined, runtime);
        if (ws.subscribe !== undefined)
            this.subscribeT = (0,template/* compileTemplate */.Gq)(ws.subscribe, undefined, runtime);
        const e = ws.expectReply;
        if (e && 'match' in e)
            this.matchT = (0,template/* compileTemplate */.Gq)(e.match, undefined, runtime);
        if (e && 'regex' in e)
            this.regexT = (0,template/* compileTemplate */.Gq)(e.regex, escapeRegex, runtime);
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
                await sleepUnlessAborted(this.ctx.t0 + timing.plannedMs - (0,context/* now */.tB)(), this.ctx.signal);
            }
            else {
                this.sweeper = setInterval(() => this.expire(), deadlines/* SWEEP_MS */._);
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
                await (0,context/* waitIdle */.Y_)(this.ctx);
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
                (0,context/* settled */.gu)(this.ctx);
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
        while (!this.ctx.signal.aborted && (0,context/* now */.tB)() < endAt) {
            if (!(await c.whenReady(endAt)))
                return;
            await this.message(c, (0,context/* now */.tB)());
            if (thinkMs > 0)
                await sleepUnlessAborted(Math.min(thinkMs, endAt - (0,context/* now */.tB)()), this.ctx.signal);
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
        const began = (0,context/* now */.tB)();
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
            const connectMs = (0,context/* now */.tB)() - began;
            (0,histogram/* recordMs */.mw)(this.m.connect, connectMs);
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
                c.lastMessageAt = (0,context/* now */.tB)();
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
            this.ctx.metrics.record(0, began - this.ctx.t0, (0,context/* now */.tB)() - began, 0, 'connect');
        else if (this.ws.mode === 'stream')
            this.ctx.metrics.recordEvent(0, (0,context/* now */.tB)() - this.ctx.t0, 'connect');
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
            this.ctx.metrics.recordEvent(0, (0,context/* now */.tB)() - this.ctx.t0, 'closed_abnormally');
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
        vars.seq = (0,context/* nextSeq */.v)(this.o.seq);
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
            return { field: e.jsonField, value: jsonText((0,jsonpath/* readJsonPath */.A)(JSON.parse(text), e.jsonField)) };
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
        this.due.expire((0,context/* now */.tB)(), (p) => {
            p.conn.lateCredit++;
            this.finish(p, 'timeout');
        });
    }
    finish(p, error) {
        if (p.done)
            return;
        p.done = true;
        this.ctx.metrics.record(0, p.intended - this.ctx.t0, (0,context/* now */.tB)() - p.intended, 0, error);
        (0,context/* settled */.gu)(this.ctx);
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
            return jsonText((0,jsonpath/* readJsonPath */.A)(doc, e.field)) === e.value;
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
        const t = (0,context/* now */.tB)();
        const gap = t - (c.lastMessageAt ?? t);
        c.lastMessageAt = t;
        this.m.received++;
        (0,histogram/* recordMs */.mw)(this.m.gap, gap);
        let latency = gap;
        let error;
        if (this.ws.timestampField) {
            let ts;
            try {
                ts = (0,jsonpath/* readJsonPath */.A)(JSON.parse(text), this.ws.timestampField);
            }
            catch {
                ts = undefined;
            }
            const serverMs = typeof ts === 'number' ? ts : typeof ts === 'string' && ts !== '' ? Number(ts) : NaN;
            if (Number.isFinite(serverMs)) {
                latency = Math.max(0, Date.now() - serverMs);
                (0,histogram/* recordMs */.mw)(this.m.lag, latency);
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

// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __webpack_require__(826);
;// CONCATENATED MODULE: ./src/load/stress.ts








const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
async function runStress(ctx, spec, shared) {
    const steps = [];
    const open = { scheduled: 0, sent: 0, dropped: 0, lateSends: 0 };
    const users = new Map();
    for (const [index, level] of (0,stage_time/* stressLevels */.Gf)(spec).entries()) {
        if (ctx.signal.aborted)
            break;
        const startMs = (0,context/* now */.tB)() - ctx.t0;
        const span = new stage_metrics/* SpanMetrics */.ed(startMs);
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
        span.toMs = (0,context/* now */.tB)() - ctx.t0;
        // A step cut short (abort_when, Ctrl-C) measured too little to pass or break.
        if (ctx.signal.aborted)
            break;
        const step = judgeStep(spec.until, index, level, startMs, span.toMs - startMs, {
            requests: span.requests,
            errors: span.errors,
            latency: (0,histogram/* summarize */.eh)(span.histogram),
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
            broke.push(`${rule.metric} ${rule.raw} (was ${(0,format/* fmtMetric */.IZ)(rule.metric, value)})`);
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
    const levels = (0,stage_time/* stressLevels */.Gf)(spec);
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

// EXTERNAL MODULE: ./src/load/target.ts + 1 modules
var load_target = __webpack_require__(5892);
;// CONCATENATED MODULE: ./src/metrics/prometheus.ts
/**
 * Reading one sample out of Prometheus text exposition format (the `/metrics` page of most
 * services). Pure, and never throws: a page without the metric, or with a value that is not a
 * number, is an error string the report shows.
 */
/** The metric a soak stage reads: the target's resident memory in bytes (client libraries' process collector). */
const RESIDENT_MEMORY = 'process_resident_memory_bytes';
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
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
        const m = NAME.exec(line);
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
            : { path, url: (0,format/* displayUrl */.Qy)(new URL(path.slice(1), (0,load_target/* withSlash */.Ec)(target)).toString()), before: await readResidentMemory(client, path, timeoutMs) };
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
    return { first: new stage_metrics/* SpanMetrics */.ed(spec.rampMs, spec.rampMs + tenth), last: new stage_metrics/* SpanMetrics */.ed(spec.durationMs - tenth, spec.durationMs) };
}
/** p95 of the last tenth against the first, in % (null when either tenth has no requests or the first's p95 is 0). */
function soakDrift(first, last) {
    const firstP95 = first.requests > 0 ? (0,histogram/* percentileMs */.OZ)(first.histogram, 95) : 0;
    const lastP95 = last.requests > 0 ? (0,histogram/* percentileMs */.OZ)(last.histogram, 95) : 0;
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
    const totalMs = (0,stage_time/* plannedDurationMs */.du)(spec);
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
    const durationMs = (0,context/* now */.tB)() - p.ctx.t0;
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
    const runtime = (0,interpolate/* runtimeVariables */.Er)(o.plan);
    const mix = spec.requests ? o.plan.requests.filter((r) => spec.requests.includes(r.name)) : o.plan.requests;
    const requests = mix.map((r, i) => (0,load_requests/* compileRequest */.B9)(r, i, { runtime }));
    const names = ws ? [wsEndpointName(ws)] : requests.map((r) => r.spec.name);
    // Session steps keep their bodies: a failed login is reported with what the app answered.
    const session = o.plan.session.map((r, i) => (0,load_requests/* compileRequest */.B9)(r, names.length + i, { runtime, readBody: true }));
    const maxLatencyMs = ws ? ws.timeoutMs : Math.max(o.plan.defaults.timeoutMs, ...o.plan.requests.map((r) => r.timeoutMs));
    const metrics = new stage_metrics/* StageMetrics */.E6([...names, ...session.map((r) => `session:${r.spec.name}`)], maxLatencyMs);
    const abortWatch = new AbortWatch(stageAbortRules(o.plan.abortWhen, spec.name));
    const signal = o.signal;
    const end = {};
    if (abortWatch.active)
        metrics.observe = (latencyMs, error) => abortWatch.note(latencyMs, error);
    const rows = o.rows ?? new data_rows/* DataRows */.i(o.plan.data, spec.share);
    // Shards share a stage's setup and verify out to the first only; worker parts get them from the main thread.
    const flows = o.flows !== false && (spec.share?.index ?? 1) === 1;
    const stageFlows = flows ? new stage_flows/* StageFlows */.Gf({ client: o.client, rows, runtime, signal }, spec, o.plan.session) : undefined;
    const setup = await stageFlows?.setUp();
    // What setup captured (here, or in the main thread for a worker's part) reaches every user.
    const baseVars = { ...(stageFlows?.baseVars ?? { vu: '0', iter: '0', seq: '0' }), ...(o.baseVars ?? {}) };
    const ctx = {
        client: o.client,
        requests,
        session,
        pick: (0,load_requests/* weightedPicker */.yT)(requests),
        metrics,
        t0: (0,context/* now */.tB)(),
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
            end.aborted = { rule: reason, at_s: Math.round((((0,context/* now */.tB)() - ctx.t0) / 1000) * 10) / 10, reason };
            stageAbort.abort();
        },
    };
    return { spec, o, ctx, metrics, ws, runtime, stageFlows, setup, abortWatch, stageAbort, end, idle: spec.share?.idle === true };
}
async function openSessions(p, onWsStage) {
    const { spec, o, ctx, ws, idle } = p;
    // Open-model and burst stages share one session, set up before the clock starts.
    const shared = o.sessions?.shared ?? { ...ctx.baseVars, vu: '1', iter: '0' };
    if (!o.sessions?.shared && (!(0,stage_time/* isClosedModel */.O5)(spec) || ws))
        fillRows(ctx, shared, ctx.rows.setsIn(ctx.session.flatMap((r) => r.needs)));
    const closedModel = (0,stage_time/* isClosedModel */.O5)(spec);
    if (!idle && (!closedModel || ws) && !o.sessions?.shared) {
        // Kept for later A/B rounds only when it succeeded: a failed one is tried again next round.
        if ((await (0,context/* runSession */.Ie)(ctx, shared)) && o.sessions)
            o.sessions.shared = shared;
    }
    // Kept sessions: every user logs in before the clock starts, so no run's time goes to logging in.
    // (A stress stage keeps its own users from step to step, and is never run in rounds.)
    const users = closedModel && !ws && !idle && spec.kind !== 'stress' ? o.sessions?.users : undefined;
    if (users)
        await logInUsers(ctx, spec.kind === 'baseline' ? 1 : spec.vus, users);
    let wsStage;
    if (ws)
        p.metrics.ws = new stage_metrics/* WsMetrics */.Ed();
    if (ws && !idle) {
        // Each connection has its data row, as a closed-model user does.
        const wsSets = ctx.rows.setsIn([ws.path, ws.send ?? '', ws.subscribe ?? '', ...Object.values(ws.headers)].flatMap((t) => (0,template/* templateNeeds */.AB)(t, p.runtime)));
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
    ctx.t0 = (0,context/* now */.tB)();
    let lastRequests = 0;
    const sampler = setInterval(() => {
        const elapsed = (0,context/* now */.tB)() - ctx.t0;
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
            p95: (0,histogram/* percentileMs */.OZ)(metrics.histogram, 95),
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
    return (0,merge/* judgeGenerator */.Xp)({ late_sends: open?.lateSends ?? 0, dropped: open?.dropped ?? 0, loop_lag_p99_ms: round3(p99), loop_lag_max_ms: round3(max) }, open?.scheduled, requests);
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


/***/ }),

/***/ 5892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kp: () => (/* binding */ refuseOccupiedPort),
  ar: () => (/* binding */ startTarget),
  bs: () => (/* binding */ waitUntilReady),
  Ec: () => (/* binding */ withSlash)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __webpack_require__(826);
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
const PROBE_TIMEOUT_MS = 2000;
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
                await (0,promises_.setTimeout)(STOP_POLL_MS);
            if (groupRunning(pgid)) {
                signalGroup(pgid, 'SIGKILL');
                // SIGKILL is delivered at once but the processes take a moment to be gone.
                const killDeadline = Date.now() + KILL_WAIT_MS;
                while (groupRunning(pgid) && Date.now() < killDeadline)
                    await (0,promises_.setTimeout)(STOP_POLL_MS);
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
    const shown = (0,format/* displayUrl */.Qy)(o.url);
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
                throw new errors/* TargetUnreachableError */.ms(`target start command ${gone.reason} before ${shown} was ready${said}`);
            }
            if (o.signal?.aborted)
                return;
            const budget = Math.min(PROBE_TIMEOUT_MS, Math.max(MIN_PROBE_MS, deadline - Date.now()));
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
                throw new errors/* TargetUnreachableError */.ms(`target ${shown} is not reachable: ${lastError}`);
            await (0,promises_.setTimeout)(Math.min(PROBE_PAUSE_MS, Math.max(0, deadline - Date.now())), undefined, { signal: wake.signal }).catch(() => { });
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
        throw new Error(`${(0,format/* displayUrl */.Qy)(readyUrl)} answered ${res.statusCode}`);
    }
    catch (err) {
        if (signal.aborted && !wake.aborted)
            throw new Error(`${(0,format/* displayUrl */.Qy)(readyUrl)} gave no answer within ${budgetMs} ms`);
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
        throw new errors/* PortInUseError */.WB(`something is already listening on ${shown}: stop it, or ${instead}`);
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


/***/ }),

/***/ 9668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ templateNeeds),
/* harmony export */   Gq: () => (/* binding */ compileTemplate),
/* harmony export */   xU: () => (/* binding */ jsonStringEscape)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6509);
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
    for (const m of text.matchAll(_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACEHOLDER */ .Kx)) {
        literal += text.slice(last, m.index);
        last = m.index + m[0].length;
        const p = m[0].startsWith('$$') ? undefined : (0,_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlaceholder */ .$z)(m[1]);
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
            return (0,_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .dataKey */ .gf)(p.set, p.column);
        case 'random': {
            const { min } = p;
            const span = p.max - p.min + 1;
            return () => String(min + Math.floor(Math.random() * span));
        }
        case 'uuid':
            return node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID;
    }
}
/** The vars keys a string needs set (captures, builtins, data columns); draws (random, uuid) need none. */
function templateNeeds(text, runtime) {
    const out = [];
    if (!text.includes('${'))
        return out;
    for (const m of text.matchAll(_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACEHOLDER */ .Kx)) {
        if (m[0].startsWith('$$'))
            continue;
        const p = (0,_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlaceholder */ .$z)(m[1]);
        if (typeof p === 'string')
            continue;
        if (p.kind === 'name' && (!runtime || runtime.has(p.name)))
            out.push(p.name);
        if (p.kind === 'data')
            out.push((0,_plan_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .dataKey */ .gf)(p.set, p.column));
    }
    return out;
}
/** Escape a value for insertion inside a JSON string literal. */
const jsonStringEscape = (v) => JSON.stringify(v).slice(1, -1);


/***/ }),

/***/ 5835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OZ: () => (/* binding */ percentileMs),
/* harmony export */   Q7: () => (/* binding */ mergeHistograms),
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   k9: () => (/* binding */ histogramBuckets),
/* harmony export */   ll: () => (/* binding */ encodeHistogram),
/* harmony export */   mw: () => (/* binding */ recordMs),
/* harmony export */   pr: () => (/* binding */ decodeHistogram),
/* harmony export */   v5: () => (/* binding */ createHistogram)
/* harmony export */ });
/* harmony import */ var hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/**
 * Latency histograms: hdr-histogram-js, recorded in microseconds with 3 significant digits, so a
 * value is exact to 0.1 % and two histograms add without loss (shards, workers, re-gating).
 */

/** One hour in µs: longer "latencies" are clamped (a request can't outlive its stage anyway). */
const HIGHEST_US = 3_600_000_000;
function createHistogram() {
    return hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .build */ .jq({
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
function encodeHistogram(h) {
    return hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeIntoCompressedBase64 */ .dH(h);
}
function decodeHistogram(encoded) {
    const decoded = hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeFromCompressedBase64 */ .Vc(encoded, 32, false);
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


/***/ }),

/***/ 7037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ sumSessions),
/* harmony export */   Mf: () => (/* binding */ mergeWindows),
/* harmony export */   TR: () => (/* binding */ sumGeneratorCounts),
/* harmony export */   Xp: () => (/* binding */ judgeGenerator),
/* harmony export */   _O: () => (/* binding */ mergeCycles),
/* harmony export */   g: () => (/* binding */ sumGenerators)
/* harmony export */ });
/* unused harmony export sumKinds */
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5835);

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
        const h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeHistograms */ .Q7)(list.map((x) => histogramOf(x.w, x.part)));
        const s = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .summarize */ .eh)(h);
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
            row.histogram = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeHistogram */ .ll)(h);
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


/***/ }),

/***/ 4128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ed: () => (/* binding */ SpanMetrics),
  E6: () => (/* binding */ StageMetrics),
  Ed: () => (/* binding */ WsMetrics),
  h5: () => (/* binding */ addStageMetrics),
  Xt: () => (/* binding */ widenRange)
});

// UNUSED EXPORTS: retryAfterSeconds

// EXTERNAL MODULE: ./src/metrics/histogram.ts
var histogram = __webpack_require__(5835);
;// CONCATENATED MODULE: ./src/metrics/timeline.ts

/** `counts` with one more `kind`, created on the first error (clean windows carry nothing). */
function countKind(counts, kind) {
    const c = counts ?? {};
    c[kind] = (c[kind] ?? 0) + 1;
    return c;
}
const WINDOW_MS = 1000;
const windowIndex = (offsetMs) => (offsetMs <= 0 ? 0 : Math.floor(offsetMs / WINDOW_MS));
const ms = (us) => Math.round(us) / 1000;
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
        (0,histogram/* recordMs */.mw)(w.hist, latencyMs);
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
        w = { index, hist: this.spare.pop() ?? (0,histogram/* createHistogram */.v5)(), requests: 0, errors: 0, active: 0, late: 0, lag: 0, kinds: undefined, dropped: 0, users: 0 };
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
            p50: empty ? 0 : ms(h.getValueAtPercentile(50)),
            p90: empty ? 0 : ms(h.getValueAtPercentile(90)),
            p95: empty ? 0 : ms(h.getValueAtPercentile(95)),
            p99: empty ? 0 : ms(h.getValueAtPercentile(99)),
            max: empty ? 0 : ms(h.getValueAtPercentile(100)), // bucket top, like the percentiles
            mean: empty ? 0 : ms(h.mean),
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
            row.histogram = (0,histogram/* encodeHistogram */.ll)(h);
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
    connect = (0,histogram/* createHistogram */.v5)();
    /** Stream: time between consecutive messages on one connection. */
    gap = (0,histogram/* createHistogram */.v5)();
    /** Stream: receive time − the server's timestamp (when the plan names its field). */
    lag = (0,histogram/* createHistogram */.v5)();
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
    histogram = (0,histogram/* createHistogram */.v5)();
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
    histogram = (0,histogram/* createHistogram */.v5)();
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
        this.endpoints = endpointNames.map((name) => ({ name, requests: 0, errors: 0, histogram: (0,histogram/* createHistogram */.v5)() }));
    }
    record(endpoint, startOffsetMs, latencyMs, status, error) {
        this.requests++;
        (0,histogram/* recordMs */.mw)(this.histogram, latencyMs);
        const ep = this.endpoints[endpoint];
        ep.requests++;
        (0,histogram/* recordMs */.mw)(ep.histogram, latencyMs);
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
            (0,histogram/* recordMs */.mw)(span.histogram, latencyMs);
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
        (0,histogram/* recordMs */.mw)(ep.histogram, latencyMs);
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
