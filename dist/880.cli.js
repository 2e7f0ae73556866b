export const id = 880;
export const ids = [880];
export const modules = {

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

/***/ 3446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   z1: () => (/* binding */ ERROR_KINDS)
/* harmony export */ });
/* unused harmony exports classifyTransportError, BODY_KEEP_LIMIT */
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4371);
/* harmony import */ var _deadlines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5377);
/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */



const ERROR_KINDS = ['timeout', 'connect', 'http_4xx', 'http_5xx', 'rate_limited', 'check', 'closed_abnormally'];
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
        this.pool = new undici__WEBPACK_IMPORTED_MODULE_1__/* .Pool */ .bC(url.origin, this.poolOptions);
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
        const collector = new ResponseCollector(req.readBody, onDone, node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now() + req.timeoutMs, this);
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
        this.pool = new undici__WEBPACK_IMPORTED_MODULE_1__/* .Pool */ .bC(this.origin, this.poolOptions);
    }
    track(c, timeoutMs) {
        let q = this.deadlines.get(timeoutMs);
        if (!q)
            this.deadlines.set(timeoutMs, (q = new _deadlines_js__WEBPACK_IMPORTED_MODULE_2__/* .DeadlineQueue */ .o()));
        q.push(c);
        if (!this.sweeper) {
            this.sweeper = setInterval(() => {
                const now = node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now();
                for (const [timeout, queue] of this.deadlines)
                    queue.expire(now, (c) => c.timeOut(timeout));
            }, _deadlines_js__WEBPACK_IMPORTED_MODULE_2__/* .SWEEP_MS */ ._);
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


/***/ }),

/***/ 880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_SHARDS: () => (/* binding */ MAX_SHARDS),
/* harmony export */   evenPart: () => (/* binding */ evenPart),
/* harmony export */   parseShard: () => (/* binding */ parseShard),
/* harmony export */   shardPlan: () => (/* binding */ shardPlan),
/* harmony export */   shardStage: () => (/* binding */ shardStage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _stage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8245);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard takes i/n (this shard's number / the number of shards), such as 2/3; got "${text}"`);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard ${text}: the number of shards must be from 1 to ${MAX_SHARDS}`);
    if (index < 1 || index > count)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard ${text}: the shard number must be from 1 to ${count}`);
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
    }
}
function openShare(spec, shard, connections, share) {
    if (spec.protocol === 'ws')
        needsConnectionPerShard(spec, shard);
    const part = { ...spec, ...connections, maxInFlight: Math.ceil(spec.maxInFlight / shard.count), share: share(false) };
    // A schedule with fewer sends than shards (2 sends, shard 3) leaves this shard nothing to send.
    return { ...part, share: share(((0,_stage_js__WEBPACK_IMPORTED_MODULE_1__/* .stageSchedule */ .Gs)(part)?.total ?? 0) === 0) };
}
/** A ws stage that sends messages on a schedule or in bursts needs a connection in every shard to send them on. */
function needsConnectionPerShard(spec, shard) {
    const connections = spec.connections ?? 1;
    if (connections < shard.count) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard ${shard.index}/${shard.count}: stage "${spec.name}" sends its messages over ${connections} WebSocket connection${connections === 1 ? '' : 's'}, ` +
            `too few for ${shard.count} shards (each needs one): use at most ${connections} shard${connections === 1 ? '' : 's'} or more connections`);
    }
}
/** The plan this shard runs: every stage's part. The plan's fingerprint stays the whole plan's. */
function shardPlan(plan, shard) {
    return { ...plan, stages: plan.stages.map((s) => shardStage(s, shard)) };
}


/***/ }),

/***/ 8245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xp: () => (/* binding */ judgeGenerator),
  Si: () => (/* binding */ runStage),
  NJ: () => (/* binding */ spikeOutcome),
  hA: () => (/* binding */ spikePhases),
  Gs: () => (/* binding */ stageSchedule)
});

// UNUSED EXPORTS: CANCEL_GRACE_MS, rateSegments

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/plan/check-limits.ts
var check_limits = __webpack_require__(8740);
// EXTERNAL MODULE: ./src/metrics/stage-metrics.ts + 1 modules
var stage_metrics = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/metrics/histogram.ts
var histogram = __webpack_require__(5835);
;// CONCATENATED MODULE: ./src/load/template.ts
/**
 * Runtime templates: `${name}` placeholders left in plan strings after env substitution (session
 * captures, `${seq}`, `${vu}`). Compiled once per plan; rendering a string without placeholders
 * returns it as is, so the common case costs nothing per request.
 */
// `$${name}` is the plan's escape for a literal `${name}` (the loader keeps it for runtime names).
const PLACEHOLDER = /\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function compileTemplate(text, escape = (v) => v) {
    if (!text.includes('${'))
        return () => text;
    const literals = [];
    const names = [];
    let last = 0;
    let literal = '';
    for (const m of text.matchAll(PLACEHOLDER)) {
        literal += text.slice(last, m.index);
        last = m.index + m[0].length;
        if (m[0].startsWith('$$')) {
            literal += m[0].slice(1);
            continue;
        }
        literals.push(literal);
        literal = '';
        names.push(m[1]);
    }
    literals.push(literal + text.slice(last));
    if (names.length === 0) {
        const plain = literals[0];
        return () => plain;
    }
    const unset = names.map((n) => `\${${n}}`);
    return (vars) => {
        let out = literals[0];
        for (let i = 0; i < names.length; i++) {
            const v = vars[names[i]];
            // An unknown name stays as written: it was a literal (an escaped `$${HOME}`), or a capture
            // that failed, which the target then shows plainly instead of an empty string.
            out += (v === undefined ? unset[i] : escape(v)) + literals[i + 1];
        }
        return out;
    };
}
/** Escape a value for insertion inside a JSON string literal. */
const jsonStringEscape = (v) => JSON.stringify(v).slice(1, -1);

// EXTERNAL MODULE: ./src/jsonpath.ts
var jsonpath = __webpack_require__(5858);
;// CONCATENATED MODULE: ./src/load/requests.ts


function compileRequest(spec, index) {
    const path = compileTemplate(spec.path, encodeURIComponent);
    const headerNames = Object.keys(spec.headers);
    const headerTemplates = headerNames.map((n) => compileTemplate(spec.headers[n]));
    const dynamicHeaders = headerNames.some((n) => spec.headers[n].includes('${'));
    let body;
    const headers = { ...spec.headers };
    if (spec.json !== undefined) {
        body = compileTemplate(JSON.stringify(spec.json), jsonStringEscape);
        headers['content-type'] ??= 'application/json';
    }
    else if (spec.body !== undefined) {
        body = compileTemplate(spec.body);
    }
    const readBody = spec.expect?.bodyContains !== undefined || (spec.capture !== undefined && Object.keys(spec.capture).length > 0);
    const base = { method: spec.method, timeoutMs: spec.timeoutMs, readBody };
    const expectedBody = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains) : undefined;
    if (!dynamicHeaders && !spec.path.includes('${') && !(body && (spec.body ?? JSON.stringify(spec.json)).includes('${'))) {
        // Nothing to fill in: one request object serves every send.
        const constant = { ...base, path: path({}), headers, body: body?.({}) };
        return { spec, index, expectedBody, build: () => constant };
    }
    return {
        spec,
        index,
        expectedBody,
        build(vars) {
            let h = headers;
            if (dynamicHeaders) {
                h = { ...headers };
                for (let i = 0; i < headerNames.length; i++)
                    h[headerNames[i]] = headerTemplates[i](vars);
            }
            return { ...base, path: path(vars), headers: h, body: body?.(vars) };
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
    if (expectedBody !== undefined && !(out.body ?? '').includes(expectedBody(vars)))
        return 'check';
    return undefined;
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
        const v = (0,jsonpath/* readJsonPath */.A)(doc, path);
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
function execute(ctx, req, vars, intendedStart, done) {
    ctx.inFlight++;
    if (ctx.inFlight > ctx.active)
        ctx.active = ctx.inFlight;
    vars.seq = nextSeq(ctx.seq);
    let dispatching = true;
    ctx.client.dispatch(req.build(vars), (out) => {
        // Cancelled because the run was stopped: no measurement, neither a success nor an error.
        if (!out.cancelled) {
            const error = checkOutcome(ctx, req, vars, out);
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
function executeAsync(ctx, req, vars, intendedStart) {
    return new Promise((resolve) => execute(ctx, req, vars, intendedStart, resolve));
}
/** One request (or message) in flight has finished: wake `waitIdle` when none are left. */
function settled(ctx) {
    if (--ctx.inFlight === 0 && ctx.idleWaiters.length > 0)
        for (const w of ctx.idleWaiters.splice(0))
            w();
}
/** Run the session steps for one user, in order; recorded under their own endpoints only. */
async function runSession(ctx, vars) {
    for (const step of ctx.session) {
        if (ctx.signal.aborted)
            return;
        const start = now();
        vars.seq = nextSeq(ctx.seq);
        const out = await ctx.client.send(step.build(vars));
        if (out.cancelled)
            return;
        ctx.metrics.recordSessionStep(step.index, now() - start, checkOutcome(ctx, step, vars, out));
    }
}
/** Classify and capture: what every response goes through, whatever records it. */
function checkOutcome(ctx, req, vars, out) {
    let error = classifyOutcome(req.spec, out, vars, req.expectedBody);
    if (error === undefined && !applyCaptures(req.spec, out.body, vars))
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

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
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
/** `send` must count itself in `ctx.inFlight` (and call `settled`) for the cap and the drain to see it. */
async function runOpen(ctx, schedule, maxInFlight, send) {
    const result = { scheduled: schedule.total, sent: 0, dropped: 0, lateSends: 0 };
    let k = 0;
    await new Promise((resolve) => {
        const tick = () => {
            const elapsed = now() - ctx.t0;
            while (k < schedule.total && !ctx.signal.aborted) {
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
                    continue;
                }
                result.sent++;
                void send(ctx.t0 + due);
            }
            if (k >= schedule.total || ctx.signal.aborted)
                return resolve();
            // Sleep until the next send is due (timers fire ≥ 1 ms late; late sends are counted above).
            setTimeout(tick, Math.max(0, schedule.sendTime(k) - (now() - ctx.t0)));
        };
        tick();
    });
    await waitIdle(ctx);
    return result;
}
/** The HTTP request sender for `runOpen` / `runBurst`: one pick from the mix per send. */
const httpSend = (ctx, vars) => (at) => executeAsync(ctx, ctx.pick(), vars, at);
async function runClosed(ctx, o) {
    const endAt = ctx.t0 + o.durationMs;
    const users = [];
    for (let i = 0; i < o.vus; i++) {
        const startDelay = o.vus > 1 ? (o.rampMs * i) / o.vus : 0;
        users.push(runUser(ctx, i + 1, startDelay, endAt, o.thinkMs));
    }
    await Promise.all(users);
}
async function runUser(ctx, id, startDelayMs, endAt, thinkMs) {
    if (startDelayMs > 0)
        await sleepUnlessAborted(startDelayMs, ctx.signal);
    if (ctx.signal.aborted || now() >= endAt)
        return;
    const vars = { vu: String(id) };
    await runSession(ctx, vars);
    if (thinkMs === 0)
        return sendBackToBack(ctx, vars, endAt);
    let iter = 0;
    while (!ctx.signal.aborted && now() < endAt) {
        vars.iter = String(iter++);
        await executeAsync(ctx, ctx.pick(), vars, now());
        await sleepUnlessAborted(Math.min(thinkMs, endAt - now()), ctx.signal);
    }
}
/** A user with no think time: each response sends the next request from its callback, no promise per request. */
function sendBackToBack(ctx, vars, endAt) {
    return new Promise((resolve) => {
        let iter = 0;
        const next = () => {
            if (ctx.signal.aborted || now() >= endAt)
                return resolve();
            vars.iter = String(iter++);
            execute(ctx, ctx.pick(), vars, now(), next);
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

// EXTERNAL MODULE: ./node_modules/ws/wrapper.mjs
var wrapper = __webpack_require__(2977);
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
        this.path = compileTemplate(ws.path, encodeURIComponent);
        this.headers = Object.entries(ws.headers).map(([k, v]) => [k, compileTemplate(v)]);
        if (ws.send !== undefined)
            this.sendT = compileTemplate(ws.send);
        if (ws.subscribe !== undefined)
            this.subscribeT = compileTemplate(ws.subscribe);
        const e = ws.expectReply;
        if (e && 'match' in e)
            this.matchT = compileTemplate(e.match);
        if (e && 'regex' in e)
            this.regexT = compileTemplate(e.regex, escapeRegex);
        // Connections open over a load stage's ramp; other kinds open them all before the clock.
        this.rampMs = spec.kind === 'load' ? spec.rampMs : 0;
        const n = spec.connections ?? 1;
        for (let i = 0; i < n; i++)
            this.conns.push(new Conn(i, ws.reconnect.max, o.vars));
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
        for (const [k, t] of this.headers)
            headers[k] = t(c.vars);
        let failure = '';
        let opened = false;
        const socket = new wrapper/* default */.Ay(wsUrl(this.o.target, this.path(c.vars)), this.ws.subprotocols, {
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
                c.lastMessageAt = now();
                if (this.subscribeT)
                    socket.send(this.subscribeT(c.vars));
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
            const p = { intended, deadline: intended + this.ws.timeoutMs, conn: c, text, done: false, resolve };
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
        if (this.matchT)
            return this.matchT(vars);
        if (this.regexT)
            return new RegExp(this.regexT(vars));
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
        const t = now();
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
    if (s.kind === 'load' && s.model === 'open') {
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
    // A ws stage reports its messages as one endpoint; its session (if any) is still HTTP.
    const ws = spec.protocol === 'ws' ? o.plan.websocket : undefined;
    if (spec.protocol === 'ws' && !ws)
        throw new Error(`stage ${spec.name} uses protocol: ws, but the plan has no websocket: block`);
    const requests = o.plan.requests.map((r, i) => compileRequest(r, i));
    const names = ws ? [wsEndpointName(ws)] : requests.map((r) => r.spec.name);
    const session = o.plan.session.map((r, i) => compileRequest(r, names.length + i));
    const maxLatencyMs = ws ? ws.timeoutMs : Math.max(o.plan.defaults.timeoutMs, ...o.plan.requests.map((r) => r.timeoutMs));
    // A shard keeps each window's histogram, so `merge` can add the shards' windows exactly.
    const metrics = new stage_metrics/* StageMetrics */.E6([...names, ...session.map((r) => `session:${r.spec.name}`)], maxLatencyMs, { windowHistograms: spec.share !== undefined });
    const abortWatch = new AbortWatch(stageAbortRules(o.plan.abortWhen, spec.name));
    const signal = o.signal;
    let aborted;
    if (abortWatch.active)
        metrics.observe = (latencyMs, error) => abortWatch.note(latencyMs, error);
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
        seq: o.seq,
        idleWaiters: [],
    };
    // Open-model and burst stages share one session, set up before the clock starts.
    const shared = { vu: '1' };
    const closed = spec.kind === 'baseline' || (spec.kind === 'load' && spec.model === 'closed');
    // A shard with no part of the stage sends nothing, not even the session.
    const idle = spec.share?.idle === true;
    if (!idle && (!closed || ws))
        await runSession(ctx, shared);
    let wsStage;
    if (ws)
        metrics.ws = new stage_metrics/* WsMetrics */.Ed();
    if (ws && !idle) {
        wsStage = new WsStage(spec, ws, ctx, { target: o.target ?? o.client.origin, vars: shared, seq: o.seq });
        onWsStage(wsStage);
        // Without a ramp, connections open before the clock: the stage measures messages, not the storm
        // (connect times are in their own histogram either way).
        await wsStage.prepare();
    }
    // Two lag monitors: the whole stage, and the current second (reset by the sampler).
    const lag = (0,external_node_perf_hooks_.monitorEventLoopDelay)({ resolution: 10 });
    const lagThisSecond = (0,external_node_perf_hooks_.monitorEventLoopDelay)({ resolution: 10 });
    lag.enable();
    lagThisSecond.enable();
    const startedAt = new Date();
    ctx.t0 = now();
    const totalMs = (0,check_limits/* plannedDurationMs */.du)(spec);
    let lastRequests = 0;
    const sampler = setInterval(() => {
        const elapsed = now() - ctx.t0;
        if (wsStage) {
            metrics.timeline.sampleActive(elapsed, wsStage.sampleActive());
        }
        else {
            metrics.timeline.sampleActive(elapsed, ctx.active);
            ctx.active = ctx.inFlight;
        }
        if (lagThisSecond.count > 0)
            metrics.timeline.sampleLag(elapsed, lagThisSecond.percentile(99) / 1e6);
        lagThisSecond.reset();
        if (abortWatch.active && !aborted && !idle) {
            aborted = abortWatch.check(elapsed);
            if (aborted)
                stageAbort.abort();
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
    let open;
    let cycles;
    const schedule = stageSchedule(spec);
    try {
        if (idle) {
            // Waits out the stage's planned time, so the shards stay in step (a busy shard also drains).
            await sleepUnlessAborted(totalMs, signal);
        }
        else if (wsStage) {
            ({ open, cycles } = await wsStage.run({ plannedMs: totalMs, schedule }));
        }
        else {
            switch (spec.kind) {
                case 'baseline':
                    await runClosed(ctx, { vus: 1, rampMs: 0, thinkMs: 0, durationMs: spec.durationMs });
                    break;
                case 'load':
                    if (spec.model === 'closed')
                        await runClosed(ctx, spec);
                    else
                        open = await runOpen(ctx, schedule, spec.maxInFlight, httpSend(ctx, shared));
                    break;
                case 'spike':
                    open = await runOpen(ctx, schedule, spec.maxInFlight, httpSend(ctx, shared));
                    break;
                case 'burst':
                    cycles = await runBurst(ctx, spec.size, spec.cycles, spec.pauseMs, httpSend(ctx, shared));
                    break;
            }
        }
    }
    finally {
        await wsStage?.shutdown();
        clearInterval(sampler);
        lag.disable();
        lagThisSecond.disable();
    }
    const durationMs = now() - ctx.t0;
    const timeline = metrics.timeline.finish();
    const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
    const generator = generatorHealth(lag, open, metrics.requests);
    return {
        spec,
        startedAt,
        durationMs,
        metrics,
        timeline,
        generator,
        cycles,
        // An idle shard's part of an open-model stage is 0 sends, still a count that merge sums.
        scheduled: open?.scheduled ?? (idle && schedule ? 0 : undefined),
        mode: ws?.mode,
        spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
        aborted,
    };
}
/** Thresholds for blaming the generator: more than 1 % of sends late, or a p99 loop lag over 50 ms. */
const LATE_SHARE_LIMIT = 0.01;
const LOOP_LAG_LIMIT_MS = 50;
function generatorHealth(lag, open, requests) {
    const p99 = Number.isFinite(lag.percentile(99)) ? lag.percentile(99) / 1e6 : 0;
    const max = Number.isFinite(lag.max) ? lag.max / 1e6 : 0;
    return judgeGenerator({ late_sends: open?.lateSends ?? 0, dropped: open?.dropped ?? 0, loop_lag_p99_ms: round3(p99), loop_lag_max_ms: round3(max) }, open?.scheduled, requests);
}
/** Whether the generator limited a stage, from its counts (also for stages run in parts: A/B rounds). */
function judgeGenerator(h, scheduled, requests) {
    const reasons = [];
    if (scheduled !== undefined && h.late_sends > 5 && h.late_sends / Math.max(1, scheduled) > LATE_SHARE_LIMIT) {
        reasons.push(`${h.late_sends} of ${scheduled} sends left more than 10 ms late`);
    }
    if (h.loop_lag_p99_ms > LOOP_LAG_LIMIT_MS && requests > 0)
        reasons.push(`event-loop lag p99 ${h.loop_lag_p99_ms.toFixed(0)} ms`);
    return { ...h, saturated: reasons.length > 0, reason: reasons.length > 0 ? reasons.join('; ') : undefined };
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

/***/ 5835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OZ: () => (/* binding */ percentileMs),
/* harmony export */   Q7: () => (/* binding */ mergeHistograms),
/* harmony export */   eh: () => (/* binding */ summarize),
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


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E6: () => (/* binding */ StageMetrics),
  Ed: () => (/* binding */ WsMetrics),
  h5: () => (/* binding */ addStageMetrics),
  Xt: () => (/* binding */ widenRange)
});

// UNUSED EXPORTS: retryAfterSeconds

// EXTERNAL MODULE: ./src/metrics/histogram.ts
var histogram = __webpack_require__(5835);
;// CONCATENATED MODULE: ./src/metrics/timeline.ts

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
    /** `keepHistograms`: each row carries its window's encoded histogram (shard runs, for `merge`). */
    constructor(maxLatencyMs, keepHistograms = false) {
        this.keepHistograms = keepHistograms;
        // +3: margin for responses that outlive their timeout a little (sweeper tick, event-loop stalls).
        this.keepOpen = Math.ceil(maxLatencyMs / WINDOW_MS) + 3;
    }
    /** A completed request that started `startOffsetMs` after the stage began. */
    record(startOffsetMs, latencyMs, isError) {
        const late = this.closed.get(windowIndex(startOffsetMs));
        if (late) {
            // A straggler past the keep-open margin: counted in its window; its percentiles stay as rolled.
            late.requests++;
            late.rps += 1 / (WINDOW_MS / 1000);
            if (isError)
                late.errors++;
            if (latencyMs > late.max)
                late.max = Math.round(latencyMs * 1000) / 1000;
            return;
        }
        const w = this.windowAt(startOffsetMs);
        (0,histogram/* recordMs */.mw)(w.hist, latencyMs);
        w.requests++;
        if (isError)
            w.errors++;
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
    noteError(offsetMs) {
        const late = this.closed.get(windowIndex(offsetMs));
        if (late)
            late.errors++;
        else
            this.windowAt(offsetMs).errors++;
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
        w = { index, hist: this.spare.pop() ?? (0,histogram/* createHistogram */.v5)(), requests: 0, errors: 0, active: 0, late: 0, lag: 0 };
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
        if (this.keepHistograms)
            row.histogram = (0,histogram/* encodeHistogram */.ll)(h);
        this.windows.push(row);
        this.closed.set(index, row);
        h.reset();
        this.spare.push(h);
    }
}

// EXTERNAL MODULE: ./src/load/http.ts
var http = __webpack_require__(3446);
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
class StageMetrics {
    histogram = (0,histogram/* createHistogram */.v5)();
    timeline;
    endpoints;
    errorsByKind = Object.fromEntries(http/* ERROR_KINDS */.z1.map((k) => [k, 0]));
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
    /** Sees every completion as it is recorded (`abort_when`, src/load/abort.ts); latency undefined for events. */
    observe;
    /** `windowHistograms`: keep each timeline window's histogram (shard runs, for `merge`). */
    constructor(endpointNames, maxLatencyMs, options = {}) {
        this.timeline = new Timeline(maxLatencyMs, options.windowHistograms);
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
        this.timeline.record(startOffsetMs, latencyMs, error !== undefined);
        this.observe?.(latencyMs, error);
    }
    /**
     * An error that is not a measured request (ws: a connection closed under a stream or a held
     * connection, a stream's refused connect): counted in errors and its window, not in latency.
     */
    recordEvent(endpoint, offsetMs, error) {
        this.errors++;
        this.errorsByKind[error]++;
        this.endpoints[endpoint].errors++;
        this.timeline.noteError(offsetMs);
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
    for (const k of http/* ERROR_KINDS */.z1)
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


/***/ })

};
