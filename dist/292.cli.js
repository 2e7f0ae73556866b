export const id = 292;
export const ids = [292];
export const modules = {

/***/ 7292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_AB_ROUNDS: () => (/* binding */ DEFAULT_AB_ROUNDS),
  checkTargetUrl: () => (/* reexport */ input_checks/* checkTargetUrl */.Tc),
  compareReports: () => (/* binding */ compareReports),
  fromCwd: () => (/* reexport */ input_checks/* fromCwd */.Be),
  gateRules: () => (/* binding */ gateRules),
  mergeAndGate: () => (/* binding */ mergeAndGate),
  runAbAndGate: () => (/* binding */ runAbAndGate),
  runAndGate: () => (/* binding */ runAndGate),
  runnerProbeSetting: () => (/* reexport */ input_checks/* runnerProbeSetting */.jH),
  shardReportPaths: () => (/* binding */ shardReportPaths),
  writeReports: () => (/* binding */ writeReports)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/plan/index.ts + 8 modules
var src_plan = __webpack_require__(6162);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/load/http.ts
var http = __webpack_require__(3446);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/load/runner-probe.ts
/**
 * How fast the runner is right now: a fixed CPU task run on every core at once, timed. Between
 * stages the target and the generator are idle, so a slower probe means someone else holds the
 * CPU (a noisy neighbour, steal time, another job): the machine, not the code, got slower.
 * The gate compares it with the baseline's probe (src/gate/trust.ts).
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

// EXTERNAL MODULE: ./src/load/stage.ts + 7 modules
var load_stage = __webpack_require__(8245);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/metrics/histogram.ts
var metrics_histogram = __webpack_require__(5835);
// EXTERNAL MODULE: ./src/plan/check-limits.ts
var check_limits = __webpack_require__(8740);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
;// CONCATENATED MODULE: ./src/report/build.ts
/** Raw stage measurements → the report.json document (pure apart from reading the runner's CPU). */






const round = (x, digits = 3) => {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
};
/** ws streams and held connections count failures that are not requests: an all-failed stage is 100 %. */
const errorRate = (requests, errors) => (requests > 0 ? round(Math.min(1, errors / requests), 6) : errors > 0 ? 1 : 0);
/** `count` over `ms` as a rate per second, as report.json states rps. */
const perSecond = (count, ms) => round(count / Math.max(0.001, ms / 1000), 2);
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
    const sendingMs = r.spec.kind === 'burst' ? r.durationMs : Math.min((0,check_limits/* plannedDurationMs */.du)(r.spec), r.durationMs);
    // A shard's report carries the histograms and inputs `merge` needs; other reports stay small.
    const shard = r.spec.share !== undefined;
    const report = {
        name: r.spec.name,
        kind: r.spec.kind,
        protocol: r.spec.protocol,
        duration_s: round(r.durationMs / 1000),
        requests: m.requests,
        errors: m.errors,
        error_rate: errorRate(m.requests, m.errors),
        rps: perSecond(m.requests, sendingMs),
        latency_ms: (0,metrics_histogram/* summarize */.eh)(m.histogram),
        errors_by_kind: { ...m.errorsByKind },
        status_codes: countsByCode(m.statusCodes),
        endpoints: m.endpoints
            .filter((e) => e.requests > 0)
            .map((e) => ({ ...endpointReport(e.name, e.requests, e.errors, e.histogram), ...(shard ? { histogram: (0,metrics_histogram/* encodeHistogram */.ll)(e.histogram) } : {}) })),
        timeline: r.timeline,
        histogram: (0,metrics_histogram/* encodeHistogram */.ll)(m.histogram),
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
    if (r.cpuProbeMs !== undefined)
        report.cpu_probe_ms = r.cpuProbeMs;
    if (r.workers !== undefined)
        report.workers = r.workers;
    if (r.aborted)
        report.aborted = r.aborted;
    if (m.retryAfterS)
        report.retry_after_s = m.retryAfterS;
    if (m.errorSamples.size > 0)
        report.error_samples = Object.fromEntries(m.errorSamples);
    if (m.ws)
        addWs(report, r, sendingMs);
    if (shard)
        report.merge_inputs = mergeInputs(r, sendingMs);
    return report;
}
function endpointReport(name, requests, errors, h) {
    const s = (0,metrics_histogram/* summarize */.eh)(h);
    return { name, requests, errors, latency_ms: { p50: s.p50, p95: s.p95, p99: s.p99 } };
}
function mergeInputs(r, sendingMs) {
    const inputs = { sending_s: round(sendingMs / 1000, 6) };
    if (r.spec.kind === 'spike') {
        const p = (0,load_stage/* spikePhases */.hA)(r.spec);
        inputs.spike_ms = { start: p.startMs, drop: p.dropMs };
    }
    const w = r.metrics.ws;
    if (w)
        inputs.ws_histograms = { connect: (0,metrics_histogram/* encodeHistogram */.ll)(w.connect), gap: (0,metrics_histogram/* encodeHistogram */.ll)(w.gap), lag: (0,metrics_histogram/* encodeHistogram */.ll)(w.lag) };
    return inputs;
}
function addWs(report, r, sendingMs) {
    const w = r.metrics.ws;
    report.ws_mode = r.mode;
    report.connect_ms = (0,metrics_histogram/* summarize */.eh)(w.connect);
    report.closes_by_code = countsByCode(w.closesByCode);
    report.reconnects = w.reconnects;
    report.connections = { planned: r.spec.connections ?? 1, opened: w.opened, failed: w.connectFailures, peak: w.peakOpen, open_at_end: w.openAtEnd };
    if (r.mode === 'request_reply')
        report.unmatched_replies = w.unmatchedReplies;
    if (r.mode === 'stream') {
        report.messages_per_s = perSecond(w.received, sendingMs);
        report.gap_ms = (0,metrics_histogram/* summarize */.eh)(w.gap);
        if (w.lag.totalCount > 0)
            report.lag_ms = (0,metrics_histogram/* summarize */.eh)(w.lag);
    }
}
/** A URL fit to publish: no user:password, no query (where API keys tend to live). */
function displayUrl(url) {
    try {
        const u = new URL(url);
        u.username = '';
        u.password = '';
        u.search = '';
        u.hash = '';
        return u.toString().replace(/\/$/, '');
    }
    catch {
        return '(unparseable URL)';
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
        version: version/* VERSION */.x,
        schema: types/* REPORT_SCHEMA */.D,
        verdict: i.verdict,
        plan: i.planFile,
        target: displayUrl(i.run.target),
        started_at: i.run.startedAt.toISOString(),
        duration_s: round(i.run.durationMs / 1000, 1),
        cancelled: i.cancelled ?? false,
        runner: i.runner ?? runnerInfo(),
        fingerprints: i.fingerprints,
        baseline: null,
        stages: i.stages,
        checks: i.checks,
    };
    if (i.shard)
        report.shard = i.shard;
    return report;
}

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
/** Start `command` in a shell, in its own process group so stop() ends its children too. */
function startTarget(command, cwd) {
    const child = (0,external_node_child_process_.spawn)(command, { shell: true, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const shown = displayUrl(o.url);
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
        throw new Error(`${displayUrl(readyUrl)} answered ${res.statusCode}`);
    }
    catch (err) {
        if (signal.aborted && !wake.aborted)
            throw new Error(`${displayUrl(readyUrl)} gave no answer within ${budgetMs} ms`);
        throw err;
    }
}
function tcpProbe(targetUrl, budgetMs, signal) {
    const u = new URL(targetUrl);
    const port = Number(u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80));
    const host = u.hostname.replace(/^\[|\]$/g, '');
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

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/plan/check-stages.ts
var check_stages = __webpack_require__(3659);
// EXTERNAL MODULE: ./src/metrics/stage-metrics.ts + 1 modules
var stage_metrics = __webpack_require__(6999);
;// CONCATENATED MODULE: ./src/metrics/merge.ts

const worst = (xs) => xs.reduce((a, x) => Math.max(a, x), 0);
/**
 * Windows by their second since the stage start: counts summed (requests, errors, rps, `active`,
 * late sends), loop lag the worst, percentiles from the added histograms. `histogramOf` reads a
 * part's window histogram (the parts kept them); `keepHistograms` puts the sum on the merged rows
 * (a stage that is itself a shard, for a later `merge`).
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
        const h = (0,metrics_histogram/* mergeHistograms */.Q7)(list.map((x) => histogramOf(x.w, x.part)));
        const s = (0,metrics_histogram/* summarize */.eh)(h);
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
        if (keepHistograms)
            row.histogram = (0,metrics_histogram/* encodeHistogram */.ll)(h);
        return row;
    });
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

// EXTERNAL MODULE: ./src/load/shard.ts
var shard = __webpack_require__(880);
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
        throw new errors/* WorkerError */.dB(`a worker's timeline window t=${w.t} has no histogram`);
    return (0,metrics_histogram/* decodeHistogram */.pr)(w.histogram);
}
/**
 * Main side: the workers' parts of `spec` as one StageResult, shaped like a single thread's.
 * Window histograms stay on the merged rows only when `spec` is itself a `--shard` part.
 */
function mergeWorkerResults(spec, parts) {
    const shard = spec.share !== undefined;
    const metrics = new stage_metrics/* StageMetrics */.E6(parts[0].metrics.endpoints.map((e) => e.name), 1000, { windowHistograms: shard });
    for (const p of parts)
        (0,stage_metrics/* addStageMetrics */.h5)(metrics, decodeMetrics(p.metrics));
    const timeline = mergeWindows(parts.map((p) => p.timeline), windowHistogram, shard);
    const scheduled = parts.some((p) => p.scheduled !== undefined) ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
    const phases = spec.kind === 'spike' ? (0,load_stage/* spikePhases */.hA)(spec) : undefined;
    return {
        spec,
        startedAt: new Date(Math.min(...parts.map((p) => p.startedAt))),
        durationMs: Math.max(...parts.map((p) => p.durationMs)),
        metrics,
        timeline,
        // Judged on the totals, as one thread's would be; loop lag is the worst worker's.
        generator: (0,load_stage/* judgeGenerator */.Xp)(sumGeneratorCounts(parts.map((p) => p.generator)), scheduled, metrics.requests),
        cycles: parts.some((p) => p.cycles) ? mergeCycles(parts.map((p) => p.cycles ?? [])) : undefined,
        spike: phases && (0,load_stage/* spikeOutcome */.NJ)(timeline, phases.startMs, phases.dropMs),
        scheduled,
        workers: parts.length,
        // The first worker to abort names the rule (a dying target trips every worker's).
        aborted: parts.map((p) => p.aborted).filter((a) => a !== undefined).sort((a, b) => a.at_s - b.at_s)[0],
    };
}
/** Runs `spec` on `count` worker threads and merges what they measured. */
async function runStageInWorkers(spec, count, o) {
    const script = o.script ?? defaultWorkerScript();
    if (!(0,external_node_fs_.existsSync)(script)) {
        throw new errors/* WorkerError */.dB(`stage "${spec.name}" runs on ${count} workers, but the worker script ${script} is missing: it ships as dist/${WORKER_FILE} beside dist/cli.js and dist/index.js`);
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
    try {
        for (let index = 1; index <= count; index++) {
            const data = { plan: o.plan, spec: (0,shard.shardStage)(spec, { index, count }), target: o.target, seq: { value: base + index - count, stride: count } };
            threads.push(startThread(script, data, `worker ${index}/${count} of stage "${spec.name}"`, (p) => progress.set(index, p), fail));
        }
        o.signal.addEventListener('abort', abort, { once: true });
        if (o.signal.aborted)
            abort();
        startTimer = setTimeout(() => fail(new errors/* WorkerError */.dB(`the workers of stage "${spec.name}" did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
        // Started together, so their clocks (and 1-second windows) line up.
        await Promise.race([Promise.all(threads.map((t) => t.ready)), failed]);
        clearTimeout(startTimer);
        for (const t of threads)
            t.worker.postMessage({ type: 'start' });
        if (o.onProgress)
            ticker = progressTicker(spec, progress, o.onProgress);
        const results = await Promise.race([Promise.all(threads.map((t) => t.result)), failed]);
        o.seq.value = Math.max(base, ...results.map((r) => r.seq));
        return mergeWorkerResults(spec, results);
    }
    finally {
        clearTimeout(startTimer);
        clearInterval(ticker);
        o.signal.removeEventListener('abort', abort);
        await Promise.all(threads.map((t) => t.worker.terminate()));
    }
}
function startThread(script, data, label, onProgress, fail) {
    let worker;
    try {
        worker = new external_node_worker_threads_.Worker(script, { workerData: data });
    }
    catch (err) {
        throw new errors/* WorkerError */.dB(`${label} could not start: ${err.message}`, { cause: err });
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
                return fail(new errors/* WorkerError */.dB(`${label} failed: ${m.message}`));
        }
    });
    worker.on('error', (err) => fail(new errors/* WorkerError */.dB(`${label} crashed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => {
        if (!reported)
            fail(new errors/* WorkerError */.dB(`${label} exited (code ${code}) before it reported its result`));
    });
    return thread;
}
/** One progress line a second for the whole stage, from each worker's latest. */
function progressTicker(spec, latest, onProgress) {
    const totalMs = (0,check_limits/* plannedDurationMs */.du)(spec);
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
        throw new errors/* UsageError */.eb(`--stage ${unknown.join(', ')}: no such stage in ${plan.file} (stages: ${plan.stages.map((s) => s.name).join(', ')})`);
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
        return new http/* HttpClient */.Qq(target, { connections: 1 });
    const pipelining = spec.pipelining ?? 1;
    return new http/* HttpClient */.Qq(target, { connections: Math.ceil(stageConcurrency(spec) / pipelining), pipelining });
}
/** Most requests a stage can have in flight: the connections its pool may open. */
function stageConcurrency(s) {
    switch (s.kind) {
        case 'baseline':
            return 1;
        case 'burst':
            return s.size;
        case 'load':
            return s.model === 'closed' ? s.vus : s.maxInFlight;
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
    const started = plan.target.start ? startTarget(plan.target.start, o.cwd) : undefined;
    let probe;
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
                stopped = { limit: 'max_requests', cap: maxRequests, value: sent, stage: current.stage, message: `the run sent ${(0,check_limits/* formatCount */.B4)(sent)} requests, reaching limits.max_requests (${(0,check_limits/* formatCount */.B4)(maxRequests)})${at}, and was stopped; raise limits.max_requests to allow more` };
            }
            else if (ran >= maxDurationMs) {
                stopped = { limit: 'max_duration', cap: maxDurationMs, value: ran, stage: current.stage, message: `the run reached limits.max_duration (${(0,check_limits/* formatMs */._V)(maxDurationMs)})${at} and was stopped; raise limits.max_duration to allow more` };
            }
            if (stopped)
                limitStop.abort();
        }, LIMIT_POLL_MS);
        watcher.unref();
        probe = o.probe === false ? undefined : await startProbe();
        let probedBefore = await probe?.measure();
        const runOne = async (spec, i, count, isAgain) => {
            o.onStageStart?.(spec, i, count, isAgain);
            const workers = stageWorkers(spec);
            let r;
            current = { stage: spec.name, workerRequests: 0 };
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
                    r = await (0,load_stage/* runStage */.Si)(spec, { plan, client, target, signal, seq, onProgress: o.onProgress });
                }
                finally {
                    await client.close();
                }
            }
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
        await started?.stop();
    }
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

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/gate/metrics.ts
const LATENCY_METRICS = new Set(['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);
/** The whole-run value, or null when the stage does not have it (recovery outside a spike). */
function metricValue(s, metric) {
    if (LATENCY_METRICS.has(metric))
        return s.requests > 0 ? s.latency_ms[metric] : null;
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
        default:
            return null;
    }
}
/**
 * The timeline column that tracks a metric window by window. Windows hold p50/p90/p95/p99/max/mean;
 * p999 borrows p99's window-to-window spread and min borrows p50's (said in the check's method).
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
            return { key: metric, proxy: false };
        case 'p999':
            return { key: 'p99', proxy: true };
        case 'min':
            return { key: 'p50', proxy: true };
        default:
            return undefined;
    }
}
/**
 * Windows that carry information: those with requests, without the first and last partial ones
 * when there are enough (ramp-up and drain are not the steady state).
 */
function windowSamples(s, key) {
    let ws = s.timeline.filter((w) => w.requests > 0);
    if (ws.length >= 5)
        ws = ws.slice(1, -1);
    return ws.map((w) => ({ value: w[key], weight: key === 'rps' ? 1 : w.requests }));
}

;// CONCATENATED MODULE: ./src/gate/statistics.ts
/**
 * Is a change real or run-to-run noise? Two estimators, both pure and seeded so a verdict is
 * reproducible from the two reports alone:
 *  - latency and throughput: a bootstrap over the 1-second windows of both runs. Each resample
 *    draws windows with replacement from each run and takes the request-weighted mean of the
 *    window metric; the spread of the resampled log ratios is the noise. A change only fails the gate
 *    when the whole 95 % interval lies beyond the rule.
 *  - error rate: a two-proportion (Wald) interval on the difference of the two rates.
 */
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

;// CONCATENATED MODULE: ./src/gate/band.ts



/** Fewer past values than this: the band cannot be trusted. */
const MIN_HISTORY = 5;
/** Past runs looked at, newest first: older ones describe a codebase that has moved on. */
const MAX_HISTORY = 20;
/** 1.4826·MAD estimates the standard deviation of normal data. */
const MAD_TO_SIGMA = 1.4826;
const DEFAULT_POSITION_METRICS = ['p50', 'p95', 'p99', 'error_rate', 'rps'];
const band_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
/** median ± k·σ̂ with σ̂ = max(1.4826·MAD, floor); lo/hi are median − k·σ̂ and median + k·σ̂. */
function noiseBand(values, k, floor = 0) {
    if (values.length === 0)
        throw new RangeError('noiseBand needs at least one value');
    const mid = median(values);
    const mad = median(values.map((v) => Math.abs(v - mid)));
    const sigma = Math.max(MAD_TO_SIGMA * mad, floor);
    return { n: values.length, median: mid, mad, sigma, lo: mid - k * sigma, hi: mid + k * sigma, k };
}
/**
 * The σ floor for a metric, so an almost constant history does not fail on a tiny change:
 * latency metrics and rps: 1% of |median|; error_rate: the binomial standard error
 * sqrt(p(1−p)/requests) with p = max(median, 1/requests) (requests = the current stage's request
 * count); recovery: one 1-s window (1000 ms); others: 0.
 */
function sigmaFloor(metric, median, requests) {
    if (LATENCY_METRICS.has(metric) || metric === 'rps')
        return 0.01 * Math.abs(median);
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
    const current = metricValue(stage, metric);
    if (current === null)
        return undefined;
    const values = pastValues(history, stage.name, metric);
    if (values.length < MIN_HISTORY)
        return { current, values };
    const floor = sigmaFloor(metric, median(values), stage.requests);
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
                // A spike that never recovered has no recovery time: the worst outcome, not a missing one.
                if (rule.metric === 'recovery' && stage.spike && rule.direction === 'increase') {
                    checks.push({
                        stage: stage.name,
                        metric: 'recovery',
                        kind: 'regression',
                        current: null,
                        limit: rule.raw,
                        method: 'history-band',
                        verdict: 'fail',
                        significant: true,
                        note: 'p95 never returned within 20% of its pre-spike value',
                    });
                }
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
            const range = `band ${(0,format/* fmtMetric */.IZ)(rule.metric, band.lo)} – ${(0,format/* fmtMetric */.IZ)(rule.metric, band.hi)}`;
            checks.push({
                ...base,
                baseline: band.median,
                delta_pct: band.median !== 0 ? band_round(((c - band.median) / band.median) * 100) : null,
                significant: outside,
                verdict: worse ? 'fail' : 'pass',
                note: position !== undefined
                    ? `${(0,format/* fmtSigned */._Q)(position, 'σ')} from the median of ${band.n} past runs (${range})`
                    : `the ${band.n} past runs show no spread (σ̂ = 0), so any change leaves the band (${range})`,
                band: { n: band.n, median: band.median, sigma: band.sigma, lo: band.lo, hi: band.hi },
                ...(position !== undefined ? { position_sigma: position } : {}),
            });
        }
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/gate/regression.ts



const regression_round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** Stored baselines: a bootstrap over both runs' 1-second windows. */
const windowBootstrap = (metric, before, after, pointPct) => {
    const column = windowColumn(metric);
    if (!column)
        return undefined;
    const interval = bootstrapChangeInterval(windowSamples(before, column.key), windowSamples(after, column.key), pointPct);
    return interval && { interval, method: column.proxy ? `bootstrap-windows(${column.key} spread)` : 'bootstrap-windows' };
};
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
};
/** The rules for one stage: the plan's (every stage) or the defaults of its kind. */
function rulesForStage(planRules, kind) {
    return planRules ?? DEFAULT_REGRESSION[kind] ?? DEFAULT_REGRESSION.load;
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
            if (r.unit === 'sigma')
                continue;
            const check = regressionCheck(r, before, stage, estimate);
            if (check)
                checks.push(check);
        }
    }
    return checks;
}
function regressionCheck(rule, before, after, estimate = windowBootstrap) {
    if (rule.metric === 'recovery')
        return recoveryCheck(rule, before, after);
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
        // "+0.5pp" → amount 0.005 as a fraction; compared in pp.
        // A "%" rule on error_rate is relative to the baseline rate: the pp interval divided by it.
        const verdict = rule.unit === 'pp'
            ? judgeInterval(ivPp, rule.amount * 100, worseIsUp, deltaPp)
            : b > 0
                ? judgeInterval({ lo: ivPp.lo / b, hi: ivPp.hi / b }, rule.amount, worseIsUp, deltaPp / b)
                : judgeInterval(ivPp, 0, worseIsUp, deltaPp);
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
            note: `inconclusive: too few samples to measure the noise (under 3 windows or rounds per run)${pointVerdict === 'fail' ? `; the measured change ${(0,format/* fmtSigned */._Q)(deltaPct, '%')} exceeds ${rule.raw}` : ''}`,
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
/** A warn from an interval that straddles the rule says so, with the size of the noise. */
function inconclusive(verdict, iv, point, unit, limit) {
    if (verdict !== 'warn')
        return {};
    const noise = Math.max(point - iv.lo, iv.hi - point);
    return { note: `inconclusive: noise ±${noise.toFixed(unit === 'pp' ? 2 : 1)}${unit} around ${(0,format/* fmtSigned */._Q)(point, unit, unit === 'pp' ? 2 : 1)} straddles ${limit}` };
}
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
        return { ...base, verdict: c === null ? 'warn' : 'pass', note: c === null ? 'neither run recovered within the stage: nothing to compare' : 'the baseline never recovered; this run did' };
    }
    if (c === null) {
        return { ...base, verdict: 'fail', significant: true, note: `p95 never returned within 20% of its pre-spike value (the baseline recovered in ${(b / 1000).toFixed(0)} s)` };
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

;// CONCATENATED MODULE: ./src/gate/thresholds.ts

const compare = (v, op, limit) => op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>' ? v > limit : v >= limit;
function evaluateThresholds(thresholds, stages) {
    const checks = [];
    for (const stage of stages) {
        const rules = [...(thresholds['*'] ?? []), ...(thresholds[stage.name] ?? [])];
        for (const rule of rules) {
            const current = metricValue(stage, rule.metric);
            const base = { stage: stage.name, metric: rule.metric, kind: 'threshold', limit: rule.raw, method: 'absolute' };
            if (rule.metric === 'recovery') {
                if (!stage.spike)
                    continue; // "*" rules reach every stage; recovery exists for spikes only
                if (current === null) {
                    checks.push({ ...base, current: null, verdict: 'fail', note: 'p95 never returned within 20% of its pre-spike value' });
                    continue;
                }
            }
            if (current === null) {
                checks.push({ ...base, current: null, verdict: 'warn', note: 'no requests completed: nothing to check' });
                continue;
            }
            checks.push({ ...base, current, verdict: compare(current, rule.op, rule.value) ? 'pass' : 'fail' });
        }
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/gate/verdict.ts
function overallVerdict(checks, stages) {
    if (checks.some((c) => c.verdict === 'fail'))
        return 'fail';
    if (checks.some((c) => c.verdict === 'warn') || stages.some((s) => s.generator_saturated || s.dropped > 0))
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

;// CONCATENATED MODULE: ./src/gate/trust.ts

/** The generator's event loop this much slower than in the baseline run means a busier runner. */
const LAG_RATIO = 2;
const LAG_MARGIN_MS = 10;
/**
 * The CPU probe this much slower than at baseline time means a slower runner. An idle runner
 * repeats its probe within ±5 %; a neighbour holding a third of one core of two already adds 40 %.
 */
const SLOWER_RUNNER_RATIO = 1.25;
/**
 * Why each stage cannot be trusted, first reason first:
 * - its generator was saturated: its failures are the generator's, not the target's;
 * - the baseline's was: those latencies, measured from intended send times, are inflated;
 * - the runner was slower than at baseline time (CPU probe): a neighbour, steal time, another job;
 * - the generator's event loop lagged far more than at baseline time (a busier runner; a
 *   slower target leaves the generator idle, not late).
 */
function stageDistrust(current, baseline = [], history = []) {
    const out = new Map();
    for (const s of current) {
        const then = baseline.find((b) => b.name === s.name);
        const reason = saturatedNow(s) ?? saturatedThen(then) ?? slowerRunner(s, then, history) ?? busierRunner(s, then);
        if (reason)
            out.set(s.name, reason);
    }
    return out;
}
/** Failed checks of distrusted stages become warnings that say why. */
function excuseDistrusted(checks, distrust) {
    return checks.map((c) => {
        const d = distrust.get(c.stage);
        if (c.verdict !== 'fail' || !d || (d.regressionsOnly && c.kind !== 'regression'))
            return c;
        return { ...c, verdict: 'warn', untrusted: d.reason, note: `not trusted: ${d.note}${c.note ? `; ${c.note}` : ''}` };
    });
}
function saturatedNow(s) {
    if (!s.generator_saturated)
        return undefined;
    return { reason: 'generator-saturated', regressionsOnly: false, note: `the load generator was saturated (${s.generator.reason ?? 'saturated'})` };
}
function saturatedThen(b) {
    if (!b?.generator_saturated)
        return undefined;
    return { reason: 'baseline-saturated', regressionsOnly: true, note: `the load generator was saturated in the baseline (${b.generator.reason ?? 'saturated'})` };
}
function slowerRunner(s, b, history) {
    const now = s.cpu_probe_ms;
    const then = b ? b.cpu_probe_ms : medianProbe(history, s.name);
    if (now === undefined || then === undefined || then <= 0 || now < SLOWER_RUNNER_RATIO * then)
        return undefined;
    const source = b ? 'when the baseline was measured' : 'in the past runs (median)';
    return {
        reason: 'runner-slower',
        regressionsOnly: true,
        note: `the runner was ${(now / then).toFixed(2)}× slower than ${source} (CPU probe ${now.toFixed(0)} ms against ${then.toFixed(0)} ms)`,
    };
}
function busierRunner(s, b) {
    if (!b)
        return undefined;
    const now = s.generator.loop_lag_p99_ms;
    const then = b.generator.loop_lag_p99_ms;
    if (now <= Math.max(LAG_RATIO * then, then + LAG_MARGIN_MS))
        return undefined;
    return {
        reason: 'runner-busier',
        regressionsOnly: true,
        note: `the runner was busier than when the baseline was measured (event-loop lag p99 ${now.toFixed(0)} ms against ${then.toFixed(0)} ms in the baseline run)`,
    };
}
function medianProbe(history, stage) {
    const xs = history.flatMap((run) => run.filter((s) => s.name === stage && s.cpu_probe_ms !== undefined).map((s) => s.cpu_probe_ms));
    return xs.length > 0 ? quantile(xs.sort((a, b) => a - b), 0.5) : undefined;
}

;// CONCATENATED MODULE: ./src/gate/confirm.ts

/** Stages with a failing regression check: the ones worth running again. */
function stagesToConfirm(checks) {
    return new Set(checks.filter((c) => c.kind === 'regression' && c.verdict === 'fail').map((c) => c.stage));
}
const change = (c) => c.delta_pp !== undefined ? (0,format/* fmtSigned */._Q)(c.delta_pp, 'pp', 2) : c.delta_pct !== undefined && c.delta_pct !== null ? (0,format/* fmtSigned */._Q)(c.delta_pct, '%') : `${c.current}`;
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

;// CONCATENATED MODULE: ./src/gate/index.ts









function judge(rules, current, against) {
    const bandRules = (rules.regression ?? []).filter((r) => r.unit === 'sigma');
    const checks = [
        ...evaluateThresholds(rules.thresholds, current),
        ...(against.baseline ? evaluateRegressions(rules.regression, against.baseline, current, against.estimate) : []),
        // No history source at all (A/B) is not a short history: band rules do not apply there.
        ...(bandRules.length > 0 && against.history ? evaluateBandRules(bandRules, against.history, current) : []),
    ];
    return excuseDistrusted(checks, stageDistrust(current, against.baseline, against.history));
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
    checks = [...checks, ...abortChecks(current)];
    return { checks, verdict: overallVerdict(checks, current) };
}

;// CONCATENATED MODULE: ./src/gate/limits.ts
/**
 * A run the plan's limits stopped (src/load/run-plan.ts) fails the gate: its numbers cover only part
 * of the plan, so it must neither pass in silence nor become a baseline. The stop shows as one
 * failed check, with the reason, in report.json, the summary and the PR comment.
 */

/** The `method` of the check a limit stop adds: how merge and readers of report.json recognise one. */
const RUN_LIMIT_METHOD = 'run limit';
function failStoppedRun(result, stopped) {
    if (!stopped)
        return result;
    const requests = stopped.limit === 'max_requests';
    const check = {
        stage: stopped.stage,
        metric: requests ? 'requests' : 'duration',
        kind: 'threshold',
        current: stopped.value,
        limit: `< ${requests ? stopped.cap : (0,check_limits/* formatMs */._V)(stopped.cap)} (limits.${stopped.limit})`,
        method: RUN_LIMIT_METHOD,
        verdict: 'fail',
        note: stopped.message,
    };
    return { checks: [...result.checks, check], verdict: 'fail' };
}

;// CONCATENATED MODULE: ./src/gate/paired.ts




/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (95 % intervals). */
const T_975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
    2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
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
            const values = (side) => side.map((s) => metricValue(s, metric) ?? 0);
            const interval = pairedChangeInterval(values(r.base), values(r.head), pointPct);
            if (interval)
                return { interval, method: `paired-rounds(n=${r.base.length})` };
        }
        return windowBootstrap(metric, before, after, pointPct);
    };
}

;// CONCATENATED MODULE: ./src/load/ab.ts




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
            return undefined;
    }
}
/** Later rounds' windows follow the earlier ones', so one side's timeline reads as one run. */
function joinTimelines(parts) {
    const out = [];
    let offset = 0;
    for (const p of parts) {
        for (const w of p.timeline)
            out.push({ ...w, t: w.t + offset });
        offset += p.timeline.length > 0 ? p.timeline[p.timeline.length - 1].t + 1 : Math.ceil(p.durationMs / 1000);
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
            : { ...first.spec, durationMs: parts.reduce((a, p) => a + (p.spec.kind === 'spike' || p.spec.kind === 'burst' ? 0 : p.spec.durationMs), 0) };
    const scheduled = first.scheduled !== undefined ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
    return {
        spec,
        startedAt: first.startedAt,
        durationMs: parts.reduce((a, p) => a + p.durationMs, 0),
        metrics,
        timeline: joinTimelines(parts),
        // Judged on the totals, as for a stage run in one piece: one late second in six rounds is not saturation.
        generator: (0,load_stage/* judgeGenerator */.Xp)({
            late_sends: parts.reduce((a, p) => a + p.generator.late_sends, 0),
            dropped: parts.reduce((a, p) => a + p.generator.dropped, 0),
            loop_lag_p99_ms: Math.max(...parts.map((p) => p.generator.loop_lag_p99_ms)),
            loop_lag_max_ms: Math.max(...parts.map((p) => p.generator.loop_lag_max_ms)),
        }, scheduled, metrics.requests),
        cycles: first.cycles ? parts.flatMap((p) => p.cycles ?? []).map((c, i) => ({ ...c, cycle: i + 1 })) : undefined,
        spike: first.spike,
        scheduled,
        mode: first.mode,
        aborted: roundsAborted(parts),
    };
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
    // Both must answer before any load: a dead head is exit 3, not a lopsided comparison.
    for (const url of [o.baseUrl, o.headUrl]) {
        await waitUntilReady({ url, readyPath: plan.target.ready, timeoutMs: plan.target.ready ? plan.target.readyTimeoutMs : 1000, signal });
    }
    const startedAt = new Date();
    const t0 = Date.now();
    const seq = { value: 0 };
    const out = [];
    let warmedUp = false;
    // abort_when ended a round (either side): no more rounds, no more stages.
    let stopped = false;
    for (const [stageIndex, spec] of stages.entries()) {
        if (signal.aborted || stopped)
            break;
        const { spec: oneRound, rounds } = roundSpec(spec, o.rounds);
        const clients = { base: stageClient(o.baseUrl, oneRound), head: stageClient(o.headUrl, oneRound) };
        const stage = { spec, base: [], head: [] };
        try {
            const warmUp = warmedUp ? undefined : warmUpSpec(oneRound);
            for (const side of warmUp ? ['base', 'head'] : []) {
                if (!signal.aborted)
                    await (0,load_stage/* runStage */.Si)(warmUp, { plan, client: clients[side], target: urls[side], signal, seq });
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
                    results[side] = await (0,load_stage/* runStage */.Si)(oneRound, { plan, client: clients[side], target: urls[side], signal, seq, onProgress: o.onProgress });
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
        schema: types/* REPORT_SCHEMA */.D,
        verdict: 'pass',
        plan: first.plan,
        target: [...new Set(shards.map((s) => s.report.target))].join(', '),
        started_at: started[0],
        duration_s: max(shards.map((s) => s.report.duration_s)),
        cancelled: false,
        runner: first.runner,
        fingerprints: first.fingerprints,
        baseline: null,
        stages,
        checks: [],
        merged_from: shards.map((s) => ({ index: s.report.shard.index, started_at: s.report.started_at, target: s.report.target, runner: s.report.runner })),
    };
}
/** The n shards of one run, each once, in shard order; anything else names the files at fault. */
function checkShardSet(files) {
    if (files.length === 0)
        throw new errors/* ShardMergeError */.tg('merge needs the shard reports: the report.json of every run --shard i/n');
    for (const { file, report } of files) {
        if (!report.shard)
            throw new errors/* ShardMergeError */.tg(`${file} is not a shard report (no "shard"): shard reports come from perf-gate run --shard i/n`);
        if (report.cancelled)
            throw new errors/* ShardMergeError */.tg(`${file} (shard ${report.shard.index}/${report.shard.count}) was interrupted: its report is partial; run that shard again`);
        // A shard that stopped early measured part of its load: merged, it would pass as a whole run.
        const stopped = report.checks.find((c) => c.method === RUN_LIMIT_METHOD)?.note ?? report.stages.find((st) => st.aborted)?.aborted?.reason;
        if (stopped !== undefined)
            throw new errors/* ShardMergeError */.tg(`${file} (shard ${report.shard.index}/${report.shard.count}) stopped early (${stopped}): its report is partial; fix the cause and run that shard again`);
        if (!report.fingerprints)
            throw new errors/* ShardMergeError */.tg(`${file} has no plan fingerprint, so it cannot be matched with the other shards`);
    }
    const [head, ...rest] = files;
    const name = (f) => `${f.file} (shard ${f.report.shard.index}/${f.report.shard.count})`;
    for (const f of rest) {
        if (f.report.fingerprints.plan !== head.report.fingerprints.plan) {
            throw new errors/* ShardMergeError */.tg(`${head.file} and ${f.file} are shards of different plans (plan fingerprints ${head.report.fingerprints.plan} and ${f.report.fingerprints.plan}): merge the shards of one run`);
        }
        if (f.report.shard.count !== head.report.shard.count)
            throw new errors/* ShardMergeError */.tg(`${name(head)} and ${name(f)} split the load differently: the shards of one run share n`);
    }
    const count = head.report.shard.count;
    const byIndex = new Map();
    for (const f of files) {
        const twin = byIndex.get(f.report.shard.index);
        if (twin)
            throw new errors/* ShardMergeError */.tg(`shard ${f.report.shard.index}/${count} is given twice: ${twin.file} and ${f.file}`);
        byIndex.set(f.report.shard.index, f);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    if (missing.length > 0) {
        const given = files.map(name).join(', ');
        throw new errors/* ShardMergeError */.tg(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${given}): merge needs all ${count}`);
    }
    const stagesOf = (f) => f.report.stages.map((s) => s.name).join(', ');
    for (const f of rest) {
        if (stagesOf(f) !== stagesOf(head))
            throw new errors/* ShardMergeError */.tg(`${head.file} and ${f.file} ran different stages (${stagesOf(head)} / ${stagesOf(f)}): run every shard with the same --stage`);
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
            const [aStart, aEnd] = span(a);
            const [bStart] = span(b);
            if (bStart > aEnd) {
                throw new errors/* ShardMergeError */.tg(`shard ${b.report.shard.index} (${b.file}) started ${((bStart - aEnd) / 1000).toFixed(1)} s after shard ${a.report.shard.index} (${a.file}) had finished: ` +
                    `they did not load the target together (a re-run of one job?); run all ${files.length} shards again`);
            }
        }
    }
}
/** A histogram a shard report must carry; its absence means the file is not a usable shard report. */
function histogramOf(encoded, file, what) {
    if (encoded === undefined)
        throw new errors/* ShardMergeError */.tg(`${file}: ${what} has no histogram, which merge needs (write shard reports with perf-gate run --shard i/n)`);
    try {
        return (0,metrics_histogram/* decodeHistogram */.pr)(encoded);
    }
    catch (err) {
        throw new errors/* ShardMergeError */.tg(`${file}: ${what} has a histogram that cannot be decoded (${err.message}): the file is damaged; take the shard's report.json again`);
    }
}
function inputsOf(p) {
    if (!p.stage.merge_inputs)
        throw new errors/* ShardMergeError */.tg(`${p.file}: stage ${p.stage.name} has no merge_inputs (write shard reports with perf-gate run --shard i/n)`);
    return p.stage.merge_inputs;
}
function mergeStage(parts, count) {
    const first = parts[0].stage;
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
        error_rate: errorRate(requests, errors),
        rps: perSecond(requests, sendingMs),
        latency_ms: (0,metrics_histogram/* summarize */.eh)(histogram),
        errors_by_kind: sumCounts(parts.map((p) => p.stage.errors_by_kind)),
        status_codes: countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.status_codes)))),
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
        out.cycles = mergeCycles(parts.map((p) => p.stage.cycles ?? []));
    const spikeMs = parts.map((p) => inputsOf(p).spike_ms).find((x) => x !== undefined);
    if (first.kind === 'spike' && spikeMs)
        out.spike = (0,load_stage/* spikeOutcome */.NJ)(timeline, spikeMs.start, spikeMs.drop);
    // Each shard ran on its own runner: the slowest one is what the gate must allow for.
    const probes = parts.flatMap((p) => (p.stage.cpu_probe_ms === undefined ? [] : [p.stage.cpu_probe_ms]));
    if (probes.length > 0)
        out.cpu_probe_ms = max(probes);
    const samples = sumCounts(parts.map((p) => p.stage.error_samples ?? {}));
    // At most 10 distinct messages, as one run keeps (it keeps the first seen; here the most frequent).
    const top = Object.entries(samples).sort((a, b) => b[1] - a[1]).slice(0, 10);
    const retryAfter = parts.reduce((r, p) => (0,stage_metrics/* widenRange */.Xt)(r, p.stage.retry_after_s), undefined);
    if (retryAfter)
        out.retry_after_s = retryAfter;
    if (top.length > 0)
        out.error_samples = Object.fromEntries(top);
    if (first.protocol === 'ws')
        mergeWs(out, parts);
    return out;
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
    return [...byName.entries()].map(([name, m]) => endpointReport(name, m.requests, m.errors, (0,metrics_histogram/* mergeHistograms */.Q7)(m.histograms)));
}
/** Windows by their second since the stage start (src/metrics/merge.ts), each shard's window histogram required. */
function mergeTimelines(parts) {
    return mergeWindows(parts.map((p) => p.stage.timeline), (w, i) => histogramOf(w.histogram, parts[i].file, `stage ${parts[i].stage.name}, window t=${w.t}`));
}
/** Late sends and drops summed, loop lag the worst; saturated when any shard's generator was. */
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
            throw new errors/* ShardMergeError */.tg(`${p.file}: ws stage ${p.stage.name} has no connect/gap/lag histograms (write shard reports with perf-gate run --shard i/n)`);
        return h;
    });
    const merged = (key) => (0,metrics_histogram/* mergeHistograms */.Q7)(ws.map((h, i) => histogramOf(h[key], parts[i].file, `ws stage ${first.name}, ${key}`)));
    out.ws_mode = first.ws_mode;
    out.connect_ms = (0,metrics_histogram/* summarize */.eh)(merged('connect'));
    out.closes_by_code = countsByCode(numericKeys(sumCounts(parts.map((p) => p.stage.closes_by_code ?? {}))));
    out.reconnects = sum(parts, (s) => s.reconnects ?? 0);
    const c = (f) => sum(parts, (s) => (s.connections ? f(s.connections) : 0));
    // The shards' connections were open at the same time (on different machines): their peaks add.
    out.connections = { planned: c((x) => x.planned), opened: c((x) => x.opened), failed: c((x) => x.failed), peak: c((x) => x.peak), open_at_end: c((x) => x.open_at_end) };
    if (first.unmatched_replies !== undefined)
        out.unmatched_replies = sum(parts, (s) => s.unmatched_replies ?? 0);
    if (first.ws_mode === 'stream') {
        // Each shard's rate is over the same planned time, so the rates add.
        out.messages_per_s = round(sum(parts, (s) => s.messages_per_s ?? 0), 2);
        out.gap_ms = (0,metrics_histogram/* summarize */.eh)(merged('gap'));
        const lag = merged('lag');
        if (lag.totalCount > 0)
            out.lag_ms = (0,metrics_histogram/* summarize */.eh)(lag);
    }
}

// EXTERNAL MODULE: ./src/report/markdown.ts + 2 modules
var markdown = __webpack_require__(1228);
// EXTERNAL MODULE: ./src/baseline/file-store.ts
var file_store = __webpack_require__(1617);
// EXTERNAL MODULE: ./src/baseline/file-store-adapter.ts
var file_store_adapter = __webpack_require__(8775);
;// CONCATENATED MODULE: ./src/baseline/save-guard.ts
/**
 * Why a run's result must not become a baseline, or undefined when it may. Only a complete, passing
 * run of a healthy target on a healthy generator is kept: anything else would move the bar later runs
 * are measured against (a lax one hides regressions, a poisoned one fails every run after).
 */
function whyNotBaseline(report, stages) {
    // First: an aborted stage also fails the gate, and its reason says more than "the gate failed".
    const aborted = report.stages.find((st) => st.aborted);
    if (aborted)
        return `stage ${aborted.name} was aborted (${aborted.aborted.reason}), so its numbers cover part of the load`;
    if (report.verdict === 'fail')
        return 'the gate failed';
    if (report.cancelled)
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/baseline/fingerprint.ts
/**
 * Fingerprints that decide what may be compared with what: the plan's load shape (requests and
 * stages, not its rules: tightening a threshold keeps the baseline) and the runner's hardware.
 */

const fingerprint_short = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 12);
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
    return fingerprint_short(JSON.stringify({ requests: plan.requests.map(request), session: plan.session.map(request), stages: plan.stages, websocket: ws }));
}
function runnerFingerprint(r) {
    // The OS family, not its kernel release: runner images update kernels weekly.
    return fingerprint_short(JSON.stringify({ os: r.os.split(' ')[0], arch: r.arch, cpu: r.cpu, cores: r.cores }));
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

// EXTERNAL MODULE: ./src/input-checks.ts
var input_checks = __webpack_require__(2321);
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
    throw new errors/* UsageError */.eb(`refusing to send load to ${shown}:${port}: it is not a loopback address${hint}; to allow it, set target.allow_remote: true in the plan or add ${shown} to the allowed-hosts input`);
}
/** The "(loopback)" / "(remote, allowed by …)" part of the line that says where load goes. */
function describeGrant(grant) {
    return grant === 'loopback' ? 'loopback' : grant === 'allow_remote' ? 'remote, allowed by target.allow_remote' : 'remote, allowed by the allowed-hosts input';
}
function unbracket(host) {
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/core.ts
/**
 * The one core both doors (CLI and action) open: load the plan, run it, gate against a baseline,
 * write the reports. I/O at the edges goes through `Logger`; nothing here knows about GitHub.
 */























// In src/input-checks.ts, which loads without the engine; exported here as before.

/** Band rules and the trend chart look this many runs back. */
const HISTORY_RUNS = 20;
function gateRules(plan) {
    return { thresholds: plan?.thresholds ?? {}, regression: plan?.regression };
}
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
        throw new errors/* UsageError */.eb(s.save
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
    // A shard runs its part, but carries the whole plan's fingerprint: its merge is a run of that plan.
    const runs = s.shard ? (0,shard.shardPlan)(plan, s.shard) : plan;
    const runner = runnerInfo();
    const fingerprints = { plan: planFingerprint(plan), runner: runnerFingerprint(runner) };
    const request = { planId: s.planId ?? planId(s.planFile), planFingerprint: fingerprints.plan, runnerFingerprint: fingerprints.runner };
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
    const built = buildReport({ planFile: s.planFile, run, stages, checks, verdict, runner, fingerprints, cancelled, shard: s.shard });
    if (baseline && s.baseline)
        built.baseline = baselineRef(s.baseline, baseline);
    if (past.length >= MIN_HISTORY)
        built.bands = bandPositions(against.history, stages);
    noteAccepted(built, s.accept);
    // From here on the report is what leaves the process (files, baseline stores, the caller).
    const report = redactedReport(built, plan);
    const extras = { runUrl: s.runUrl, history: historyPoints(past, report) };
    // Reports first: a failed save must never cost the run's results.
    const written = await writeReports(report, external_node_path_default().resolve(s.cwd, s.outDir), extras);
    let saved = false;
    let saveError;
    if (s.save) {
        const why = whyNotBaseline(report, { ran: run.stages.length, planned: plan.stages.length });
        if (why) {
            s.log.warn(`baseline not saved to ${s.save.store.description}: ${why} (only complete, passing runs become baselines)`);
        }
        else {
            try {
                await s.save.store.save(request.planId, { report, commit: s.save.commit, run: s.save.run, savedAt: new Date().toISOString() });
                s.log.info(`baseline saved to ${s.save.store.description}`);
                saved = true;
            }
            catch (err) {
                saveError = (0,errors/* describeError */.Uc)(err);
                s.log.warn(`baseline not saved to ${s.save.store.description}: ${saveError}`);
            }
        }
    }
    return { ...written, saved, saveError };
}
const DEFAULT_AB_ROUNDS = 10;
/**
 * Same-runner A/B: the plan's stages against base and head in alternating rounds, gated on the
 * paired rounds. The head is "the run"; the base is its baseline, measured minutes apart at most.
 * Nothing is saved: an A/B result compares two builds, it is not a baseline of either.
 */
async function runAbAndGate(s) {
    (0,input_checks/* checkTargetUrl */.Tc)(s.baseUrl, '--base-url');
    if (s.headUrl !== undefined)
        (0,input_checks/* checkTargetUrl */.Tc)(s.headUrl, '--head-url');
    const rounds = s.rounds ?? DEFAULT_AB_ROUNDS;
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100)
        throw new errors/* UsageError */.eb(`--rounds takes a whole number from 1 to 100, got ${rounds}`);
    const plan = await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env);
    s.onSecrets?.(plan.secrets ?? []);
    selectStages(plan, s.stages);
    const headUrl = s.headUrl ?? plan.target.url;
    announceLoad(plan, [['head ', headUrl], ['base ', s.baseUrl]], s);
    if (plan.regression?.some((r) => r.unit === 'sigma'))
        s.log.info('band rules ("+3σ", "band") are not judged in A/B: base and head are compared with each other, not with a history');
    if (plan.target.start)
        s.log.info(`ab does not run target.start (${plan.target.start}): base and head must already be running`);
    const runner = runnerInfo();
    const fingerprints = { plan: planFingerprint(plan), runner: runnerFingerprint(runner) };
    const ab = await runAb(plan, { baseUrl: s.baseUrl, headUrl, rounds, stages: s.stages, signal: s.signal, onRound: s.onRound, onProgress: s.onProgress });
    const head = ab.head.stages.map(stageReport);
    const base = ab.base.stages.map(stageReport);
    const paired = new Map(ab.stages.map((st) => [st.spec.name, { base: st.base.map(stageReport), head: st.head.map(stageReport) }]));
    const judged = gate(gateRules(plan), head, { baseline: base, estimate: pairedRounds(paired) }, { accept: s.accept });
    // The gate judges the head; a base side that abort_when ended makes the comparison void too.
    const baseAborts = abortChecks(base).map((c) => ({ ...c, note: `base ${displayUrl(s.baseUrl)}: ${c.note}` }));
    const checks = [...judged.checks, ...baseAborts];
    const verdict = baseAborts.length > 0 ? 'fail' : judged.verdict;
    const cancelled = s.signal?.aborted ?? false;
    const report = buildReport({ planFile: s.planFile, run: ab.head, stages: head, checks, verdict, runner, fingerprints, cancelled });
    const roundsByStage = Object.fromEntries(ab.stages.map((st) => [st.spec.name, st.base.length]));
    report.baseline = {
        source: `A/B base ${displayUrl(s.baseUrl)}`,
        started_at: report.started_at,
        target: displayUrl(s.baseUrl),
        explanation: `same-runner A/B: base ${displayUrl(s.baseUrl)} and head ${displayUrl(headUrl)} ran in alternating rounds (${Object.entries(roundsByStage)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ')}); changes are judged on the paired rounds.`,
    };
    report.ab = { base_target: displayUrl(s.baseUrl), rounds: roundsByStage, base_stages: base };
    noteAccepted(report, s.accept);
    return { ...(await writeReports(redactedReport(report, plan), external_node_path_default().resolve(s.cwd, s.outDir), { runUrl: s.runUrl })), saved: false };
}
/**
 * The report with the plan's secrets and any URL credentials hidden (a default request name is
 * "METHOD path" with `${ENV}` filled in; an error sample may quote a URL). Done once, before
 * anything is written, so report.json, summary.md, saved baselines and the PR comment agree.
 */
function redactedReport(report, plan) {
    return new redact/* Redactor */.pO().add(plan.secrets ?? []).json(report);
}
/**
 * Refuses a destination that is not loopback unless the plan or the action allows it (exit 2,
 * before any connection, the readiness probe and target.start included), then says where load goes:
 * the first line of every run.
 */
function announceLoad(plan, targets, s) {
    const checked = targets.map(([label, url]) => `${label}${displayUrl(url)} (${describeGrant(checkLoadDestination(url, plan.target.allowRemote === true, s.allowedHosts).grant)})`);
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
        if (!source.optional || !(err instanceof errors/* BaselineError */.s$))
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
        (0,file_store/* wholeRun */.f1)(loaded.result.report, source.store.description);
    log.info(loaded.result ? loaded.explanation : `${loaded.explanation}: this run is checked against the absolute thresholds only`);
    return loaded.result ? { ...loaded.result, explanation: loaded.explanation } : undefined;
}
/** A maintainer's acceptance is recorded when it turned at least one failure into a warning. */
function noteAccepted(report, reason) {
    const n = report.checks.filter((c) => c.accepted).length;
    if (reason && n > 0)
        report.accepted = { reason, checks: n };
}
/** Stages that fail a regression rule on their first run: the ones to run once more. */
function confirmationStages(plan, rules, first, against, log) {
    const failing = stagesToConfirm(gate(rules, first, against).checks);
    if (failing.size > 0)
        log.info(`confirming: ${[...failing].join(', ')} failed a regression rule; running ${failing.size === 1 ? 'it' : 'them'} once more`);
    return plan.stages.filter((st) => failing.has(st.name));
}
/** Past results are for bands and the chart: a store that cannot list them costs those, not the run. */
async function readPast(store, request, log) {
    if (!store)
        return [];
    try {
        return await store.history(request, HISTORY_RUNS);
    }
    catch (err) {
        log.info(`no history from ${store.description}: ${(0,errors/* describeError */.Uc)(err)}`);
        return [];
    }
}
/** Per stage, the p95 of stored results (oldest first) and this run last, for the trend chart. */
function historyPoints(history, current) {
    if (history.length === 0)
        return undefined;
    const out = {};
    const past = [...history].reverse();
    for (const stage of current.stages) {
        const points = past.flatMap((h) => {
            const s = h.report.stages.find((x) => x.name === stage.name);
            return s ? [{ label: h.commit === 'local' ? h.savedAt.slice(5, 16) : h.commit.slice(0, 7), p95: s.latency_ms.p95 }] : [];
        });
        out[stage.name] = [...points, { label: 'this run', p95: stage.latency_ms.p95 }];
    }
    return out;
}
/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
async function compareReports(s) {
    const plan = s.planFile ? await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
    const baseline = (0,file_store/* wholeRun */.f1)(await (0,file_store/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.baselineFile)), s.baselineFile);
    const current = (0,file_store/* wholeRun */.f1)(await (0,file_store/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, s.currentFile)), s.currentFile);
    const mismatch = planMismatch(s, plan && planFingerprint(plan), baseline, current);
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
    return { ...(await writeReports(report, external_node_path_default().resolve(s.cwd, s.outDir))), saved: false };
}
/**
 * Why two reports (and the --plan, when given) describe different loads, as the refusal to throw;
 * undefined when they match or a fingerprint is unknown (reports of an older perf-gate).
 */
function planMismatch(s, planPrint, baseline, current) {
    const [base, cur] = [baseline.fingerprints?.plan, current.fingerprints?.plan];
    if (planPrint !== undefined) {
        if (base !== undefined && base !== planPrint)
            return (0,file_store_adapter/* otherPlanError */.o)(s.baselineFile, base, planPrint);
        if (cur !== undefined && cur !== planPrint)
            return (0,file_store_adapter/* otherPlanError */.o)(s.currentFile, cur, planPrint);
        return undefined;
    }
    if (base === undefined || cur === undefined || base === cur)
        return undefined;
    return new errors/* BaselineError */.s$(`${s.baselineFile} and ${s.currentFile} were measured for different plans (their load shapes differ: fingerprints ${base} and ${cur}); pass --force-baseline to compare anyway`);
}
/** `perf-gate merge`: the shards' reports merged exactly into one, gated as a single run would be. */
async function mergeAndGate(s) {
    const plan = s.planFile ? await (0,src_plan.loadPlan)((0,input_checks/* fromCwd */.Be)(s.cwd, s.planFile), s.env) : undefined;
    const paths = await shardReportPaths(s.shardFiles, s.cwd);
    const files = await Promise.all(paths.map(async (file) => ({ file, report: await (0,file_store/* readReportFile */.$h)((0,input_checks/* fromCwd */.Be)(s.cwd, file)) })));
    const merged = mergeShardReports(files);
    if (plan && merged.fingerprints && planFingerprint(plan) !== merged.fingerprints.plan) {
        // Rules may change freely; a different load shape (or environment) means the rules may not fit.
        s.log.warn(`${s.planFile} does not describe the load the shards ran (plan fingerprint ${planFingerprint(plan)}, shards ${merged.fingerprints.plan}): its rules are applied all the same`);
    }
    const request = {
        planId: planId(s.planFile ?? merged.plan),
        planFingerprint: merged.fingerprints?.plan ?? '',
        runnerFingerprint: merged.fingerprints?.runner ?? '',
    };
    const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
    const { checks, verdict } = gate(gateRules(plan), merged.stages, { baseline: baseline?.report.stages });
    const report = { ...merged, checks, verdict };
    if (baseline && s.baseline)
        report.baseline = baselineRef(s.baseline, baseline);
    return { ...(await writeReports(report, external_node_path_default().resolve(s.cwd, s.outDir), { runUrl: s.runUrl })), saved: false };
}
/** Each entry as given, or, for a folder, every report.json below it (sorted, so the order is stable). */
async function shardReportPaths(entries, cwd) {
    const out = [];
    for (const entry of entries) {
        const info = await (0,promises_.stat)((0,input_checks/* fromCwd */.Be)(cwd, entry)).catch(() => undefined);
        if (!info)
            throw new errors/* UsageError */.eb(`${entry}: no such shard report or folder`);
        if (!info.isDirectory()) {
            out.push(entry);
            continue;
        }
        const found = (await (0,promises_.readdir)((0,input_checks/* fromCwd */.Be)(cwd, entry), { recursive: true }))
            .filter((f) => external_node_path_default().basename(f) === 'report.json')
            .sort()
            .map((f) => external_node_path_default().join(entry, f));
        if (found.length === 0)
            throw new errors/* UsageError */.eb(`${entry}: a folder with no report.json below it (the shards' reports are what merge needs)`);
        out.push(...found);
    }
    return out;
}
async function writeReports(report, outDir, extras = {}) {
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = external_node_path_default().join(outDir, 'report.json');
    const summaryPath = external_node_path_default().join(outDir, 'summary.md');
    const summary = (0,markdown/* renderSummary */.Br)(report, extras);
    await (0,file_store/* writeJsonAtomic */.ZJ)(reportPath, report);
    await (0,promises_.writeFile)(summaryPath, summary);
    return { report, reportPath, summaryPath, summary, extras };
}


/***/ })

};
