export const id = 911;
export const ids = [911,880];
export const modules = {

/***/ 5911:
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
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/plan/index.ts
var src_plan = __webpack_require__(5887);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/load/deadlines.ts
var deadlines = __webpack_require__(5377);
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
            this.deadlines.set(timeoutMs, (q = new deadlines/* DeadlineQueue */.o()));
        q.push(c);
        if (!this.sweeper) {
            this.sweeper = setInterval(() => {
                const now = external_node_perf_hooks_.performance.now();
                for (const [timeout, queue] of this.deadlines)
                    queue.expire(now, (c) => c.timeOut(timeout));
            }, deadlines/* SWEEP_MS */._);
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
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
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

// EXTERNAL MODULE: ./src/metrics/histogram.ts
var metrics_histogram = __webpack_require__(5835);
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
        const idle = (0,metrics_histogram/* createHistogram */.v5)();
        for (let i = 0; i < IDLE_PROBES; i++)
            (0,metrics_histogram/* recordMs */.mw)(idle, await this.ask().catch(() => PROBE_TIMEOUT_MS));
        const during = (0,metrics_histogram/* createHistogram */.v5)();
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
                    (0,metrics_histogram/* recordMs */.mw)(during, await this.ask(intended));
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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

// EXTERNAL MODULE: ./src/load/stage.ts + 7 modules
var load_stage = __webpack_require__(8521);
// EXTERNAL MODULE: ./src/load/target.ts + 1 modules
var load_target = __webpack_require__(5892);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/plan/check-stages.ts
var check_stages = __webpack_require__(3659);
// EXTERNAL MODULE: ./src/metrics/stage-metrics.ts + 2 modules
var stage_metrics = __webpack_require__(4128);
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
// EXTERNAL MODULE: ./src/load/shard.ts
var shard = __webpack_require__(880);
// EXTERNAL MODULE: ./src/plan/stage-time.ts
var stage_time = __webpack_require__(6515);
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
    const asked = spec.workers === 'auto' ? Math.max(1, Math.min(check_stages/* MAX_WORKERS */.bP, cores)) : spec.workers;
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
    const m = new stage_metrics/* StageMetrics */.E6(e.endpoints.map((x) => x.name), 1000);
    m.histogram.add((0,metrics_histogram/* decodeHistogram */.pr)(e.histogram));
    e.endpoints.forEach((x, i) => {
        const ep = m.endpoints[i];
        ep.requests = x.requests;
        ep.errors = x.errors;
        ep.histogram.add((0,metrics_histogram/* decodeHistogram */.pr)(x.histogram));
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
    return (0,metrics_histogram/* decodeHistogram */.pr)(w.histogram);
}
/**
 * Main side: the workers' parts of `spec` as one StageResult, shaped like a single thread's.
 */
function mergeWorkerResults(spec, parts) {
    const metrics = new stage_metrics/* StageMetrics */.E6(parts[0].metrics.endpoints.map((e) => e.name), 1000);
    for (const p of parts)
        (0,stage_metrics/* addStageMetrics */.h5)(metrics, decodeMetrics(p.metrics));
    const timeline = (0,merge/* mergeWindows */.Mf)(parts.map((p) => p.timeline), windowHistogram, true);
    const scheduled = parts.some((p) => p.scheduled !== undefined) ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
    const phases = spec.kind === 'spike' ? (0,load_stage/* spikePhases */.hA)(spec) : undefined;
    return {
        spec,
        startedAt: new Date(Math.min(...parts.map((p) => p.startedAt))),
        durationMs: Math.max(...parts.map((p) => p.durationMs)),
        metrics,
        timeline,
        // Judged on the totals, as one thread's would be; loop lag is the worst worker's.
        generator: (0,merge/* sumGenerators */.g)(parts.map((p) => p.generator), scheduled, metrics.requests),
        cycles: parts.some((p) => p.cycles) ? (0,merge/* mergeCycles */._O)(parts.map((p) => p.cycles ?? [])) : undefined,
        spike: phases && (0,load_stage/* spikeOutcome */.NJ)(timeline, phases.startMs, phases.dropMs),
        scheduled,
        workers: parts.length,
        // The first worker to abort names the rule (a dying target trips every worker's).
        aborted: parts
            .map((p) => p.aborted)
            .filter((a) => a !== undefined)
            .sort((a, b) => a.at_s - b.at_s)[0],
        sessions: (0,merge/* sumSessions */.Lp)(parts.map((p) => p.sessions)),
        unsent: parts.reduce((a, p) => (0,context/* addUnsentTally */.pk)(a, p.unsent), undefined),
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
        new stage_flows/* StageFlows */.Gf({ client: flowClient, rows: new data_rows/* DataRows */.i(o.plan.data), runtime: (0,interpolate/* runtimeVariables */.Er)(o.plan), signal: o.signal }, spec, o.plan.session);
    try {
        const setup = await flows?.setUp();
        const baseVars = flows?.baseVars;
        for (let index = 1; index <= count; index++) {
            const data = {
                plan: o.plan,
                spec: (0,shard.shardStage)(spec, { index, count }),
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
    const totalMs = (0,stage_time/* plannedDurationMs */.du)(spec);
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

// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
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
        await (0,load_target/* refuseOccupiedPort */.Kp)(target);
    const started = plan.target.start ? (0,load_target/* startTarget */.ar)(plan.target.start, o.cwd) : undefined;
    let probe;
    let reference;
    const sampler = o.resources === false ? undefined : resourceSampler(plan, started?.child.pid, o.cwd);
    try {
        const waitsForStart = started !== undefined || plan.target.ready !== undefined;
        await (0,load_target/* waitUntilReady */.bs)({
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
        const rows = new data_rows/* DataRows */.i(plan.data, stages[0]?.share);
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
                        r = await (0,load_stage/* runStage */.Si)(spec, { plan, client, target, signal, seq, onProgress: o.onProgress, rows });
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

// EXTERNAL MODULE: ./src/gate/index.ts + 2 modules
var gate = __webpack_require__(3735);
// EXTERNAL MODULE: ./src/gate/band.ts
var band = __webpack_require__(6452);
// EXTERNAL MODULE: ./src/model/stop.ts
var model_stop = __webpack_require__(1817);
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
        method: model_stop/* RUN_LIMIT_METHOD */.sq,
        verdict: 'fail',
        note: stopped.message,
    };
    return { checks: [...result.checks, check], verdict: 'fail' };
}

// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(4319);
// EXTERNAL MODULE: ./src/baseline/shape.ts
var shape = __webpack_require__(9258);
// EXTERNAL MODULE: ./src/input-checks.ts
var input_checks = __webpack_require__(2321);
// EXTERNAL MODULE: ./src/baseline/report-file.ts
var report_file = __webpack_require__(4540);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/load/destination.ts
/**
 * Where load may go. A plan (or a --target typo) must never send load to someone else's machine by
 * accident: a host that is not loopback needs `target.allow_remote: true` in the plan or the host
 * in the `allowed-hosts` input. Pure, and free of the engine (the action's settings use it).
 */


const DEFAULT_PORTS = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };
/** 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and `localhost`: addresses that never leave the machine. */
function isLoopbackHost(host) {
    const h = unbracket(host).toLowerCase().replace(/\.$/, '');
    if (h === 'localhost')
        return true;
    if ((0,external_node_net_.isIP)(h) === 4)
        return h.startsWith('127.');
    if ((0,external_node_net_.isIP)(h) === 6) {
        if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h))
            return true;
        // IPv4-mapped 127.x.y.z, dotted or as the URL parser writes it (::ffff:7f00:1).
        return /^::ffff:127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h);
    }
    return false;
}
/**
 * The `allowed-hosts` input: host names or addresses, with an optional port (`api.example.com`,
 * `api.example.com:8443`, `[2001:db8::1]:443`), separated by newlines or commas.
 */
function parseAllowedHosts(raw) {
    return raw
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map(parseAllowedHost);
}
function parseAllowedHost(entry) {
    const bad = () => {
        throw new UsageError(`input "allowed-hosts": "${entry}" is not a host or host:port (write api.example.com or api.example.com:8443)`);
    };
    if (entry.includes('/') || entry.includes('@'))
        bad();
    if (isIP(entry) === 6)
        return { host: entry.toLowerCase() };
    const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(entry);
    if (!m)
        return bad();
    const host = unbracket(m[1]).toLowerCase();
    if (m[1].startsWith('[') && isIP(host) !== 6)
        bad();
    if (m[2] === undefined)
        return { host };
    const port = Number(m[2]);
    if (port < 1 || port > 65535)
        bad();
    return { host, port };
}
/**
 * Checks that load may go to `url` (already checked to be an absolute URL) and says why it may.
 * Refusal is a UsageError (exit 2) naming the host and both ways to allow it.
 */
function checkLoadDestination(url, allowRemote, allowedHosts = []) {
    const u = new URL(url);
    const host = unbracket(u.hostname).toLowerCase();
    const port = u.port ? Number(u.port) : (DEFAULT_PORTS[u.protocol] ?? 0);
    if (isLoopbackHost(host))
        return { host, port, grant: 'loopback' };
    if (allowRemote)
        return { host, port, grant: 'allow_remote' };
    const bare = host.replace(/\.$/, '');
    if (allowedHosts.some((a) => a.host.replace(/\.$/, '') === bare && (a.port === undefined || a.port === port)))
        return { host, port, grant: 'allowed-hosts' };
    const shown = (0,external_node_net_.isIP)(host) === 6 ? `[${host}]` : host;
    const hint = host === '0.0.0.0' || host === '::' ? ` (${host} is a listen address: to reach this machine use 127.0.0.1)` : '';
    throw new src_errors/* UsageError */.eb(`refusing to send load to ${shown}:${port}: it is not a loopback address${hint}; to allow it, set target.allow_remote: true in the plan or add ${shown} to the allowed-hosts input`);
}
/** The "(loopback)" / "(remote, allowed by …)" part of the line that says where load goes. */
function describeGrant(grant) {
    return grant === 'loopback' ? 'loopback' : grant === 'allow_remote' ? 'remote, allowed by target.allow_remote' : 'remote, allowed by the allowed-hosts input';
}
function unbracket(host) {
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

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
    const checked = targets.map(([label, url]) => `${label}${(0,build/* displayUrl */.Qy)(url)} (${describeGrant(checkLoadDestination(url, plan.target.allowRemote === true, s.allowedHosts).grant)})`);
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
var markdown = __webpack_require__(8215);
// EXTERNAL MODULE: ./src/gate/flows.ts
var flows = __webpack_require__(1562);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __webpack_require__(826);
// EXTERNAL MODULE: ./src/report/stage-outcomes.ts
var stage_outcomes = __webpack_require__(5948);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
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
        `<desc>${(0,report_escape/* html */.qy)(describe(series))}</desc>`,
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
function describe(series) {
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
        ['started', `${(0,report_escape/* html */.qy)((0,format/* fmtTime */.Xd)(r.started_at))}, ${(0,report_escape/* html */.qy)(String(r.duration_s))} s`],
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
            `${(0,report_escape/* html */.qy)(`${b.source}, measured ${(0,format/* fmtTime */.Xd)(b.started_at)}${commit}`)}${b.explanation ? `<br><span class="muted">${(0,report_escape/* html */.qy)(b.explanation)}</span>` : ''}`,
        ]);
    }
    else {
        facts.push(['baseline', (0,report_escape/* html */.qy)((0,format/* withoutBaseline */.m4)(r))]);
    }
    if (r.history && (r.baseline || r.ab))
        facts.push(['history', (0,report_escape/* html */.qy)((0,format/* historyPhrase */.Yg)(r.history))]);
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
        const cells = ['p50', 'p95', 'p99'].map((m) => (0,markdown/* metricCell */.nT)(r, s, m, (0,format/* fmtMs */.mq)(s.latency_ms[m])));
        return tr([
            tag((0,markdown/* stageVerdict */.uX)(r, s)),
            `<a href="#stage-${i}">${(0,report_escape/* html */.qy)(s.name)}</a> <span class="muted">(${(0,report_escape/* html */.qy)(s.kind)}${s.protocol === 'ws' ? ', ws' : ''})</span>`,
            String(s.requests),
            withDelta((0,markdown/* metricCell */.nT)(r, s, 'rps', s.rps.toFixed(1))),
            withDelta((0,markdown/* metricCell */.nT)(r, s, 'error_rate', (0,format/* fmtPct */.pT)(s.error_rate))),
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
    const rows = (0,format/* bySeverity */.Np)(r.checks).map((c) => {
        const rule = c.kind !== 'regression' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} ${(0,format/* comparedWith */.o3)(r, c)}`;
        return tr([
            tag(c.verdict),
            (0,report_escape/* html */.qy)(c.stage),
            (0,report_escape/* html */.qy)(c.metric),
            `<code>${(0,report_escape/* html */.qy)(rule)}</code>`,
            (0,report_escape/* html */.qy)((0,format/* fmtMetric */.IZ)(c.metric, c.baseline)),
            (0,report_escape/* html */.qy)((0,format/* fmtMetric */.IZ)(c.metric, c.current)),
            c.kind === 'regression' ? (0,report_escape/* html */.qy)((0,format/* fmtChange */.M3)(c)) : '',
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
        ['errors', `${(0,format/* fmtCount */.bg)(s.errors)} (${(0,report_escape/* html */.qy)((0,markdown/* metricCell */.nT)(r, s, 'error_rate', (0,format/* fmtPct */.pT)(s.error_rate)))})`],
        ['rps', (0,report_escape/* html */.qy)((0,markdown/* metricCell */.nT)(r, s, 'rps', `${s.rps.toFixed(1)}/s`))],
        [
            'latency',
            (0,report_escape/* html */.qy)(`min ${(0,format/* fmtMs */.mq)(l.min)} · mean ${(0,format/* fmtMs */.mq)(l.mean)} · p50 ${(0,format/* fmtMs */.mq)(l.p50)} · p90 ${(0,format/* fmtMs */.mq)(l.p90)} · p95 ${(0,format/* fmtMs */.mq)(l.p95)} · p99 ${(0,format/* fmtMs */.mq)(l.p99)} · p99.9 ${(0,format/* fmtMs */.mq)(l.p999)} · max ${(0,format/* fmtMs */.mq)(l.max)}`),
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
        rows.push(['spike', (0,report_escape/* html */.qy)(`pre-spike p95 ${(0,format/* fmtMs */.mq)(s.spike.pre_p95_ms)}, peak p95 ${(0,format/* fmtMs */.mq)(s.spike.peak_p95_ms)}, ${rec}`)]);
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
    const cpu = (0,markdown/* metricCell */.nT)(r, s, 'cpu_per_request', (0,format/* fmtMetric */.IZ)('cpu_per_request', res.cpu_ms_per_request));
    const peak = (0,markdown/* metricCell */.nT)(r, s, 'rss_peak', (0,format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_peak));
    const span = res.rss_mb_start !== undefined && res.rss_mb_start !== null && res.rss_mb_end !== undefined && res.rss_mb_end !== null
        ? ` (${(0,format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_start)} at the start, ${(0,format/* fmtMetric */.IZ)('rss_peak', res.rss_mb_end)} at the end)`
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
        const h = (0,metrics_histogram/* decodeHistogram */.pr)(encoded);
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
        (0,report_escape/* html */.qy)((0,format/* fmtPct */.pT)(p.error_rate)),
        p.rps.toFixed(1),
        (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(p.latency_ms.p50)),
        (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(p.latency_ms.p95)),
        (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(p.latency_ms.p99)),
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
            (0,report_escape/* html */.qy)(`first tenth ${(0,format/* fmtMs */.mq)(d.first_p95)} → last tenth ${(0,format/* fmtMs */.mq)(d.last_p95)}${d.delta_pct === null ? '' : ` (${d.delta_pct >= 0 ? '+' : ''}${d.delta_pct.toFixed(1)}%)`}`),
        ],
    ];
    if (so.memory) {
        const m = so.memory;
        const growth = m.growth_pct === null ? '' : ` (${m.growth_pct >= 0 ? '+' : ''}${m.growth_pct.toFixed(1)}%)`;
        rows.push([
            'target memory',
            (0,report_escape/* html */.qy)(`${(0,format/* fmtBytes */.zi)(m.before_bytes)} before → ${(0,format/* fmtBytes */.zi)(m.after_bytes)} after${growth}, from ${m.url}${m.error ? `; ${m.error}` : ''}`),
        ]);
    }
    return `<div class="soak"><h3>Soak</h3><dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}
function endpointsTable(s) {
    if (s.endpoints.length === 0)
        return '';
    const rows = s.endpoints.map((e) => tr([(0,report_escape/* html */.qy)(e.name), String(e.requests), (0,format/* fmtCount */.bg)(e.errors), (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(e.latency_ms.p50)), (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(e.latency_ms.p95)), (0,report_escape/* html */.qy)((0,format/* fmtMs */.mq)(e.latency_ms.p99))]));
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
    const stop = (0,model_stop/* stoppedOf */.Di)(report);
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

// EXTERNAL MODULE: ./src/model/redact.ts
var redact = __webpack_require__(4012);
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
function median(xs) {
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
        evidence.push(`event-loop lag p99 ${(0,format/* fmtMs */.mq)(num(g.loop_lag_p99_ms))}, max ${(0,format/* fmtMs */.mq)(num(g.loop_lag_max_ms))}`);
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
        `${n} responses were 429 Too Many Requests: ${(0,format/* fmtPct */.pT)(share(n, requests))} of ${requests} requests${counted > 0 ? `, ${(0,format/* fmtPct */.pT)(ofErrors)} of the errors` : ' (the plan expects them)'}`,
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
        evidence.push(`the first 429s came ${seconds(first.t)} into the stage; from then on ${(0,format/* fmtPct */.pT)(share(limited, sumOf(from, (w) => num(w.requests))))} of requests were limited`);
    }
    return {
        severity: counted > 0 ? 'warn' : 'info',
        title: `The target rate-limited this load (429 on ${(0,format/* fmtPct */.pT)(share(n, requests))} of requests): the numbers measure its limiter, not its capacity.`,
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
    const quietLoad = median(quiet.map(load));
    const busyLoad = median(busy.map(load));
    if (busyLoad < quietLoad * TIMEOUTS_CLIMB.loadRatio || busyLoad === 0)
        return undefined;
    const timeoutShare = (xs) => share(sumOf(xs, (w) => kindIn(w, 'timeout')), sumOf(xs, (w) => num(w.requests)));
    const [low, high] = [timeoutShare(quiet), timeoutShare(busy)];
    if (high - low < TIMEOUTS_CLIMB.minGapPp - EPSILON || high < low * TIMEOUTS_CLIMB.ratio)
        return undefined;
    const first = firstWith(ws, (w) => kindIn(w, 'timeout'));
    return {
        severity: 'warn',
        title: `Timeouts climb with load: ${(0,format/* fmtPct */.pT)(high)} of requests in the busiest seconds against ${(0,format/* fmtPct */.pT)(low)} in the quietest.`,
        evidence: [
            `${total} timeouts, ${(0,format/* fmtPct */.pT)(share(total, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`,
            `busiest third of the seconds (about ${rate(busyLoad)} ${unit}): ${(0,format/* fmtPct */.pT)(high)} timed out`,
            `quietest third (about ${rate(quietLoad)} ${unit}): ${(0,format/* fmtPct */.pT)(low)} timed out`,
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
    const baseP95 = median(quiet.map((p) => p.p95));
    const baseLoad = median(quiet.map(load));
    const limit = Math.max(baseP95 * SATURATION.ratio, baseP95 + SATURATION.floorMs);
    const loaded = (p) => p.load >= Math.max(baseLoad * SATURATION.loadRatio, baseLoad + 1);
    const over = (p) => loaded(p) && p.p95 >= limit;
    // Latency that grew with the load, not a moment's stall: the busiest points are slow too.
    if (median(busy.map((p) => p.p95)) < limit)
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
        `low load (about ${rate(baseLoad)} ${unit}): p95 ${(0,format/* fmtMs */.mq)(baseP95)}`,
        ...(lastGood ? [`up to ${rate(lastGood.load)} ${unit} (${seconds(lastGood.t)} in): p95 ${(0,format/* fmtMs */.mq)(lastGood.p95)}`] : []),
        `at ${rate(knee.load)} ${unit} (${seconds(knee.t)} in): p95 ${(0,format/* fmtMs */.mq)(knee.p95)}, ${(knee.p95 / Math.max(baseP95, 0.001)).toFixed(1)}× the low-load p95`,
        `busiest ${what}: ${rate(peak.load)} ${unit}, p95 ${(0,format/* fmtMs */.mq)(peak.p95)}`,
    ];
    // More users but no more throughput is the capacity showing.
    if (unit === 'users')
        evidence.push(`throughput ${rate(median(quiet.map((p) => p.rps)))} req/s at low load, ${rate(median(busy.map((p) => p.rps)))} req/s at the busiest`);
    if (num(s.dropped) > 0)
        evidence.push(`${num(s.dropped)} sends dropped: max_in_flight requests were outstanding`);
    const where = lastGood ? `between ${rate(lastGood.load)} and ${rate(knee.load)} ${unit}` : `by ${rate(knee.load)} ${unit}`;
    return {
        // A stress stage is there to find this point: there it is information, not a warning.
        severity: s.kind === 'stress' ? 'info' : 'warn',
        title: `Saturation: latency grows with the load, p95 bends ${where} (${(0,format/* fmtMs */.mq)(baseP95)} → ${(0,format/* fmtMs */.mq)(knee.p95)}).`,
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
            `${seconds(before[0].t)}–${seconds(start.t)}: ${(0,format/* fmtPct */.pT)(errorShare(before))} errors over ${before.length} seconds (${sumOf(before, (w) => num(w.requests))} requests)`,
            `from ${seconds(start.t)}: ${(0,format/* fmtPct */.pT)(afterShare)} errors (${errorsAfter} of ${Math.max(errorsAfter, sumOf(after, (w) => num(w.requests)))})${mix.length ? `: ${mix.join(', ')}` : ''}`,
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
            title: `Errors begin ${seconds(start.t)} into the stage: from ${(0,format/* fmtPct */.pT)(errorShare(before))} to ${(0,format/* fmtPct */.pT)(afterShare)} of requests${down ? '; the target went down and the stage was stopped' : ''}.`,
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
        evidence.push(`${connect} connection errors, ${(0,format/* fmtPct */.pT)(share(connect, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`);
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
        title = `Connections ${refused ? 'refused or reset' : 'failed'} under load (${(0,format/* fmtPct */.pT)(share(connect, requests))} of requests): the target's accept queue or connection limit, or a proxy's pool, ran out.`;
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
    const afterP95 = median(after.map((w) => num(w.p95)));
    if (afterP95 <= limit)
        return undefined;
    const evidence = [
        `pre-spike p95 ${(0,format/* fmtMs */.mq)(pre)}, peak p95 ${(0,format/* fmtMs */.mq)(num(spike.peak_p95_ms))}`,
        `after the drop (${seconds(spike.drop_s)} in): median p95 ${(0,format/* fmtMs */.mq)(afterP95)} over ${after.length} seconds, last ${(0,format/* fmtMs */.mq)(num(after.at(-1).p95))} (recovered would be ≤ ${(0,format/* fmtMs */.mq)(limit)})`,
        spike.recovery_ms === null
            ? 'no 1-second window after the drop came back within 20 % of the pre-spike p95'
            : `one window was back ${seconds(spike.recovery_ms / 1000)} after the drop, but the p95 stayed above the limit`,
    ];
    const errors = errorShare(after);
    if (errors > ERRORS_BEGIN.clean)
        evidence.push(`${(0,format/* fmtPct */.pT)(errors)} of the requests after the drop failed`);
    return {
        severity: 'warn',
        title: `The spike did not recover: p95 after the drop stayed at ${(0,format/* fmtMs */.mq)(afterP95)} against ${(0,format/* fmtMs */.mq)(pre)} before it.`,
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
    const plan = await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env);
    s.onSecrets?.(plan.secrets ?? []);
    selectStages(plan, s.stages); // an unknown --stage is exit 2 before anything else happens
    announceLoad(plan, [['', s.targetUrl ?? plan.target.url]], s);
    if (plan.target.build)
        s.log.info(`run does not run target.build (${plan.target.build}): only ab --base-ref builds; build the app before run`);
    // A shard runs its part, but carries the whole plan's fingerprint: its merge is a run of that plan.
    const runs = s.shard ? (0,shard.shardPlan)(plan, s.shard) : plan;
    const runner = (0,build/* runnerInfo */.ZV)();
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
        again: s.confirm && against.baseline ? (results) => confirmationStages(plan, rules, results.map(build/* stageReport */.X0), against, s.log) : undefined,
    });
    const stages = run.stages.map(build/* stageReport */.X0);
    // A run stopped by limits.max_requests / max_duration fails, so it is never kept as a baseline.
    const { checks, verdict } = failStoppedRun((0,gate/* gate */.Gj)(rules, stages, against, { again: run.again.map(build/* stageReport */.X0), accept: s.accept }), run.stopped);
    if (run.stopped)
        s.log.warn(run.stopped.message);
    const cancelled = s.signal?.aborted ?? false;
    const built = (0,build/* buildReport */.FK)({ planFile: s.planFile, run, stages, checks, verdict, runner, fingerprints, shape: identity.planShape, cancelled, shard: s.shard });
    if (baseline && s.baseline)
        built.baseline = baselineRef(s.baseline, baseline);
    if (past.length >= band/* MIN_HISTORY */.wN)
        built.bands = (0,band/* bandPositions */.aJ)(against.history, stages);
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
    const failing = (0,gate/* stagesToConfirm */.Hx)((0,gate/* gate */.Gj)(rules, first, against).checks);
    if (failing.size > 0)
        log.info(`confirming: ${[...failing].join(', ')} failed a regression rule; running ${failing.size === 1 ? 'it' : 'them'} once more`);
    return plan.stages.filter((st) => failing.has(st.name));
}

// EXTERNAL MODULE: ./src/gate/abort.ts
var abort = __webpack_require__(257);
// EXTERNAL MODULE: ./src/gate/metrics.ts
var metrics = __webpack_require__(1370);
// EXTERNAL MODULE: ./src/gate/regression.ts
var regression = __webpack_require__(446);
// EXTERNAL MODULE: ./src/gate/statistics.ts
var statistics = __webpack_require__(2296);
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
    const random = (0,statistics/* seededRandom */.Is)(options.seed ?? 0x85ebca6b);
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
            const of = (side) => side.map((s) => roundDistribution((0,metrics_histogram/* decodeHistogram */.pr)(s.histogram)));
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
            const values = (side) => side.map((s) => (0,metrics/* metricValue */.a3)(s, metric) ?? 0);
            const interval = pairedChangeInterval(values(r.base), values(r.head), pointPct);
            if (interval)
                return { interval, method: `paired-rounds(n=${r.base.length})` };
        }
        return (0,regression/* windowBootstrap */.f9)(metric, before, after, pointPct);
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
    const metrics = new stage_metrics/* StageMetrics */.E6(first.metrics.endpoints.map((e) => e.name), 1000);
    for (const p of parts)
        (0,stage_metrics/* addStageMetrics */.h5)(metrics, p.metrics);
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
        generator: (0,merge/* sumGenerators */.g)(parts.map((p) => p.generator), scheduled, metrics.requests),
        cycles: first.cycles ? parts.flatMap((p) => p.cycles ?? []).map((c, i) => ({ ...c, cycle: i + 1 })) : undefined,
        spike: first.spike,
        scheduled,
        mode: first.mode,
        aborted: roundsAborted(parts),
        sessions: (0,merge/* sumSessions */.Lp)(parts.map((p) => p.sessions)),
        unsent: parts.reduce((a, p) => (0,context/* addUnsentTally */.pk)(a, p.unsent), undefined),
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
        await (0,load_target/* waitUntilReady */.bs)({ url, readyPath: plan.target.ready, timeoutMs: plan.target.ready ? plan.target.readyTimeoutMs : 1000, signal });
    }
    const startedAt = new Date();
    const t0 = Date.now();
    const seq = { value: 0 };
    // Each side hands out the plan's data rows as one run would (the same rows to the same users).
    const rows = { base: new data_rows/* DataRows */.i(plan.data), head: new data_rows/* DataRows */.i(plan.data) };
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
                    await (0,load_stage/* runStage */.Si)(warmUp, { plan, client: clients[side], target: urls[side], signal, seq, sessions: sessions[side], rows: rows[side] });
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
                    results[side] = await (0,load_stage/* runStage */.Si)(oneRound, {
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
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
async function sides_build(s, o) {
    const command = s.plan.target.build;
    if (!command || o.signal.aborted)
        return;
    if (!s.rebuild && (await s.cache?.fresh(command))) {
        o.log.info(`${s.side}: build skipped: \`${command}\` already built ${s.cwd} at this commit, and nothing changed since (--rebuild builds anyway)`);
        return;
    }
    o.log.info(`${s.side}: building (${command}) in ${s.cwd}`);
    const t0 = Date.now();
    const running = (0,load_target/* startTarget */.ar)(command, s.cwd, s.env);
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
            await sides_build(s, o);
        for (const s of sides) {
            if (o.signal.aborted)
                break;
            // The port was free when chosen; this catches a fixed port in target.url, or a port taken since.
            await (0,load_target/* refuseOccupiedPort */.Kp)(s.plan.target.url, `start both builds yourself and pass --base-url and --head-url (${s.side} side)`);
            o.log.info(`${s.side}: starting (${s.plan.target.start}) on ${s.plan.target.url}`);
            started.push({ side: s, target: (0,load_target/* startTarget */.ar)(s.plan.target.start, s.cwd, s.env) });
        }
        // One side that cannot get ready ends the wait for the other too.
        const gaveUp = new AbortController();
        const signal = AbortSignal.any([o.signal, gaveUp.signal]);
        await Promise.all(started.map(async ({ side, target }) => {
            try {
                await (0,load_target/* waitUntilReady */.bs)({
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    const plan = await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env);
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
        return { side, cwd: sideCwd, env, plan: await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), env) };
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
    const runner = (0,build/* runnerInfo */.ZV)();
    const fingerprints = { plan: (0,fingerprint/* planFingerprint */.an)(plan), runner: (0,fingerprint/* runnerFingerprint */.DF)(runner) };
    const ab = await runAb(plan, { baseUrl, headUrl, rounds, stages: s.stages, signal: s.signal, onRound: s.onRound, onProgress: s.onProgress });
    const head = ab.head.stages.map(build/* stageReport */.X0);
    const base = ab.base.stages.map(build/* stageReport */.X0);
    const paired = new Map(ab.stages.map((st) => [st.spec.name, { base: st.base.map(build/* stageReport */.X0), head: st.head.map(build/* stageReport */.X0) }]));
    const judged = (0,gate/* gate */.Gj)(gateRules(plan), head, { baseline: base, estimate: pairedRounds(paired), excuse: false }, { accept: s.accept });
    // The gate judges the head; a base side that abort_when ended makes the comparison void too.
    const baseAborts = (0,abort/* abortChecks */.A)(base).map((c) => ({ ...c, note: `base ${(0,build/* displayUrl */.Qy)(baseUrl)}: ${c.note}` }));
    const checks = [...judged.checks, ...baseAborts];
    const verdict = baseAborts.length > 0 ? 'fail' : judged.verdict;
    const cancelled = s.signal?.aborted ?? false;
    const report = (0,build/* buildReport */.FK)({ planFile: s.planFile, run: ab.head, stages: head, checks, verdict, runner, fingerprints, shape: (0,shape/* planShape */.xH)(plan), cancelled });
    const roundsByStage = Object.fromEntries(ab.stages.map((st) => [st.spec.name, st.base.length]));
    const named = (end) => `${(0,build/* displayUrl */.Qy)(end.url)}${end.commit ? ` (commit ${end.commit.slice(0, 7)})` : ''}`;
    report.baseline = {
        source: `A/B base ${(0,build/* displayUrl */.Qy)(baseUrl)}`,
        started_at: report.started_at,
        target: (0,build/* displayUrl */.Qy)(baseUrl),
        ...(ends.base.commit && { commit: ends.base.commit }),
        explanation: `same-runner A/B: base ${named(ends.base)} and head ${named(ends.head)} ran in alternating rounds (${Object.entries(roundsByStage)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ')}); changes are judged on the paired rounds.`,
    };
    report.ab = {
        base_target: (0,build/* displayUrl */.Qy)(baseUrl),
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
var file_store = __webpack_require__(1617);
// EXTERNAL MODULE: ./src/baseline/store.ts
var store = __webpack_require__(4494);
;// CONCATENATED MODULE: ./src/flows/compare.ts
/**
 * `perf-gate compare BASELINE.json CURRENT.json`: two saved results gated again, no load.
 */











/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
async function compareReports(s) {
    const plan = s.planFile ? await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
    const baseline = (0,report_file/* wholeRun */.f1)(await (0,report_file/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.baselineFile)), s.baselineFile);
    const current = (0,report_file/* wholeRun */.f1)(await (0,report_file/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.currentFile)), s.currentFile);
    const mismatch = planMismatch(s, plan, baseline, current);
    if (mismatch && !s.force)
        throw mismatch;
    const { checks, verdict } = (0,gate/* gate */.Gj)(gateRules(plan), current.stages, { baseline: baseline.stages });
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

// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
// EXTERNAL MODULE: ./src/model/report.ts
var report = __webpack_require__(5235);
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
        version: version/* VERSION */.x,
        schema: report/* REPORT_SCHEMA */.D,
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
        const stop = (0,model_stop/* stoppedOf */.Di)(report);
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
        return (0,metrics_histogram/* decodeHistogram */.pr)(encoded);
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
    const histogram = (0,metrics_histogram/* mergeHistograms */.Q7)(parts.map((p) => histogramOf(p.stage.histogram, p.file, `stage ${p.stage.name}`)));
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
        error_rate: (0,build/* errorRate */.zi)(requests, errors),
        rps: (0,build/* perSecond */.Ed)(requests, sendingMs),
        latency_ms: (0,metrics_histogram/* summarize */.eh)(histogram),
        errors_by_kind: sumCounts(parts.map((p) => p.stage.errors_by_kind)),
        status_codes: (0,build/* countsByCode */.fT)(numericKeys(sumCounts(parts.map((p) => p.stage.status_codes)))),
        endpoints: mergeEndpoints(parts),
        timeline,
        histogram: (0,metrics_histogram/* encodeHistogram */.ll)(histogram),
        generator_saturated: generator.saturated,
        late_sends: generator.late_sends,
        dropped: generator.dropped,
        generator,
        retry_after_seen: sum(parts, (s) => s.retry_after_seen),
    };
    if (parts.some((p) => p.stage.scheduled !== undefined))
        out.scheduled = sum(parts, (s) => s.scheduled ?? 0);
    if (parts.some((p) => p.stage.cycles))
        out.cycles = (0,merge/* mergeCycles */._O)(parts.map((p) => p.stage.cycles ?? []));
    const spikeMs = parts.map((p) => inputsOf(p).spike_ms).find((x) => x !== undefined);
    if (first.kind === 'spike' && spikeMs)
        out.spike = (0,load_stage/* spikeOutcome */.NJ)(timeline, spikeMs.start, spikeMs.drop);
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
    const retryAfter = parts.reduce((r, p) => (0,stage_metrics/* widenRange */.Xt)(r, p.stage.retry_after_s), undefined);
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
    const sessions = (0,merge/* sumSessions */.Lp)(parts.map((p) => p.stage.sessions));
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
    return [...byName.entries()].map(([name, m]) => (0,build/* endpointReport */.sC)(name, m.requests, m.errors, (0,metrics_histogram/* mergeHistograms */.Q7)(m.histograms)));
}
/** Windows by their second since the stage start (src/metrics/merge.ts), each shard's window histogram required. */
function mergeTimelines(parts) {
    return (0,merge/* mergeWindows */.Mf)(parts.map((p) => p.stage.timeline), (w, i) => histogramOf(w.histogram, parts[i].file, `stage ${parts[i].stage.name}, window t=${w.t}`), true);
}
/**
 * Counts summed as for A/B rounds and workers (sumGeneratorCounts), but not judged again on the
 * totals: each shard's generator was judged by judgeGenerator on its own runner, and one runner that
 * fell behind makes its share untrustworthy however the totals look. Saturated when any shard's
 * generator was, each such shard named.
 */
function mergeGenerator(parts, count) {
    const reasons = parts.filter((p) => p.stage.generator.saturated).map((p) => `shard ${p.index}/${count}: ${p.stage.generator.reason ?? 'saturated'}`);
    const health = { ...(0,merge/* sumGeneratorCounts */.TR)(parts.map((p) => p.stage.generator)), saturated: reasons.length > 0 };
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
    const merged = (key) => (0,metrics_histogram/* mergeHistograms */.Q7)(ws.map((h, i) => histogramOf(h[key], parts[i].file, `ws stage ${first.name}, ${key}`)));
    out.ws_mode = first.ws_mode;
    out.connect_ms = (0,metrics_histogram/* summarize */.eh)(merged('connect'));
    out.closes_by_code = (0,build/* countsByCode */.fT)(numericKeys(sumCounts(parts.map((p) => p.stage.closes_by_code ?? {}))));
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
        out.messages_per_s = (0,build/* round */.LI)(sum(parts, (s) => s.messages_per_s ?? 0), 2);
        out.gap_ms = (0,metrics_histogram/* summarize */.eh)(merged('gap'));
        const lag = merged('lag');
        if (lag.totalCount > 0)
            out.lag_ms = (0,metrics_histogram/* summarize */.eh)(lag);
    }
}

;// CONCATENATED MODULE: ./src/flows/merge.ts
/**
 * `perf-gate merge` (and the action's merge mode): the shards' reports merged exactly and gated as
 * one run.
 */













/** `perf-gate merge`: the shards' reports merged exactly into one, gated as a single run would be. */
async function mergeAndGate(s) {
    const plan = s.planFile ? await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
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
    const { checks, verdict } = (0,gate/* gate */.Gj)(gateRules(plan), merged.stages, { baseline: baseline?.report.stages });
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

// EXTERNAL MODULE: ./src/import/index.ts + 6 modules
var src_import = __webpack_require__(7470);
;// CONCATENATED MODULE: ./src/flows/import.ts
/**
 * `perf-gate compare --from k6|locust`: another tool's results gated like a perf-gate run.
 */















/**
 * `compare --from k6|locust`: another tool's results gated like a perf-gate run: thresholds and
 * regression rules from a gate file, a baseline from a file or store, the save guard, the reports.
 */
async function compareImported(s) {
    const runner = (0,build/* runnerInfo */.ZV)();
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
        for (const [kind, other] of Object.entries((0,src_import.companionPaths)(s.tool, file))) {
            if ((0,external_node_fs_.existsSync)((0,input_checks/* fromCwd */.Be)(s.cwd, other)))
                out[kind] = { text: (await importFile(other)).bytes, file: other };
        }
        return out;
    };
    const read = await importFile(s.resultsFile);
    const current = (0,src_import.importResults)(s.tool, read.bytes, { file: s.resultsFile, stage: s.stage, startedAt: read.startedAt, runner, plan: s.planFile }, await companions(s.resultsFile));
    const gateFile = s.planFile
        ? (0,src_import.parseGateFile)(await (0,src_plan/* readPlanFile */.wr)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile)), s.planFile, s.env, current.stages.map((st) => ({ name: st.name, kind: 'load' })))
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
        const report = (0,src_import.isPerfGateReport)(b.bytes)
            ? (0,report_file/* wholeRun */.f1)((0,report_file/* asReport */.zi)(JSON.parse(Buffer.from(b.bytes)
                .toString('utf8')
                .replace(/^\uFEFF/, '')), s.baselineFile), s.baselineFile)
            : (0,src_import.importResults)(s.tool, b.bytes, { file: s.baselineFile, stage: s.stage, startedAt: b.startedAt, runner, plan: s.planFile }, await companions(s.baselineFile));
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
    const { checks, verdict } = (0,src_import.gateImported)(rules, current.stages, { baseline: baseline?.report.stages, history }, { accept: s.accept });
    const report = { ...current, verdict, checks, baseline: baseline?.ref ?? null };
    if (past.length >= band/* MIN_HISTORY */.wN)
        report.bands = (0,band/* bandPositions */.aJ)(history, report.stages);
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
/* harmony import */ var _stage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8521);
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
        case 'stress':
        case 'soak':
            // A stress stage decides each next step from the step just run, which shards cannot share;
            // a soak's drift and memory are one target's, read by one runner.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard: stage "${spec.name}" is a ${spec.kind} stage, which runs on one runner; leave it out of sharded runs (--stage NAME selects the others)`);
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
    for (const s of plan.stages) {
        // Setup and verify are one run's (reset the stock, then count what was sold): shards would each
        // reset it, or verify while the others still sell, and setup's captures would reach one shard only.
        if (s.setup || s.verify)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--shard: stage "${s.name}" has ${s.setup ? 'setup' : 'verify'} requests, which run once per run and cannot be shared out; leave it out of sharded runs (--stage NAME selects the others)`);
    }
    return { ...plan, stages: plan.stages.map((s) => shardStage(s, shard)) };
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







/***/ })

};
