#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1617:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ otherPlanError),
/* harmony export */   y: () => (/* binding */ FileStore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _report_file_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4540);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9258);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4494);
/**
 * The BaselineStore over one JSON file (`baseline: file:perf/baseline.json`, `--baseline FILE`).
 * The file holds the bare Report, as `--save-baseline` has always written it, so old files keep
 * working. A file saved for another plan (its load shape differs) is refused before any load is
 * sent, unless forced: then it is compared, and the explanation says so. A file from another runner
 * is compared with that caveat (a single file cannot hold one result per runner).
 */





/**
 * The refusal of a result measured for another plan: its numbers describe another load, so a
 * comparison would judge the change of plan, not of code. Says what changed, where the saved
 * result records its shape.
 */
function otherPlanError(file, saved, request, forceHint = 'pass --force-baseline') {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BaselineError */ .s$(`${file} was saved for another plan (${(0,_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .shapeChange */ .Q6)(saved, request.planShape, request.planFingerprint)}); re-create it, or ${forceHint} to compare anyway`);
}
class FileStore {
    description;
    file;
    force;
    forceHint;
    constructor(options) {
        this.file = options.file;
        this.force = options.force ?? false;
        this.forceHint = options.forceHint;
        this.description = `file ${options.file}`;
    }
    async load(request) {
        const found = await this.read();
        if (!found)
            return { result: undefined, explanation: `no baseline yet: ${this.file} does not exist` };
        (0,_report_file_js__WEBPACK_IMPORTED_MODULE_2__/* .wholeRun */ .f1)(found.report, this.file); // a shard report is refused as such, whichever plan it ran
        const saved = this.otherPlan(found, request);
        if (saved !== undefined && !this.force)
            throw otherPlanError(this.file, found.report, request, this.forceHint);
        return { result: found, explanation: this.explain(found, request) };
    }
    /** Writes the bare report (not a StoredResult), so `--baseline FILE` reads it back unchanged. */
    async save(_planId, result) {
        await (0,_report_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJsonAtomic */ .ZJ)(this.file, result.report);
    }
    /** The one result the file holds, when it qualifies as it does for `load` (another plan's does not, unless forced). */
    async history(request, n) {
        if (n < 1)
            return [];
        const found = await this.read();
        return found && (this.force || this.otherPlan(found, request) === undefined) ? [found] : [];
    }
    /** The file's plan fingerprint when it differs from the run's; undefined when either is unknown. */
    otherPlan(found, request) {
        const saved = found.report.fingerprints?.plan;
        return saved !== undefined && request.planFingerprint !== '' && !(0,_store_js__WEBPACK_IMPORTED_MODULE_4__/* .samePlan */ .c)(saved, request) ? saved : undefined;
    }
    async read() {
        let savedAt;
        try {
            savedAt = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(this.file)).mtime.toISOString();
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return undefined;
            // Any other problem: readReportFile reports it as a BaselineError.
        }
        // A bare report knows no commit or run id: "local" and its start time, as for local runs.
        const report = await (0,_report_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readReportFile */ .$h)(this.file);
        return { report, commit: 'local', run: report.started_at, savedAt: savedAt ?? report.started_at };
    }
    explain(found, request) {
        const lead = `baseline: ${this.file} (run started ${when(found.report.started_at)})`;
        const fingerprints = found.report.fingerprints;
        if (!fingerprints)
            return `${lead}; it has no fingerprints, so a changed plan or runner cannot be detected`;
        const caveats = [];
        if (this.otherPlan(found, request) !== undefined)
            caveats.push(`the plan's load shape changed since it was saved (forced)`);
        if (fingerprints.runner !== request.runnerFingerprint)
            caveats.push('it was measured on a different runner (different CPU/cores/OS)');
        return caveats.length === 0 ? lead : `${lead}, compared although ${caveats.join(' and ')}`;
    }
}
function when(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()))
        return iso;
    const text = date.toISOString();
    return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}


/***/ }),

/***/ 4319:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ substitutedFingerprint),
/* harmony export */   DF: () => (/* binding */ runnerFingerprint),
/* harmony export */   Wq: () => (/* binding */ importFingerprint),
/* harmony export */   an: () => (/* binding */ planFingerprint),
/* harmony export */   cA: () => (/* binding */ loadShape),
/* harmony export */   rY: () => (/* binding */ planId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Fingerprints that decide what may be compared with what: the plan's load shape (requests and
 * stages, not its rules: tightening a threshold keeps the baseline) and the runner's hardware.
 */

const short = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 12);
/**
 * What the plan fingerprint hashes (and a baseline's shape record shows): requests as written
 * (`plan.templates`: `${ENV}` names, not values), header names only, the stages as parsed.
 */
function loadShape(plan) {
    // Header *values* may hold secrets from the environment: only their names shape the load.
    const request = (r, written = r) => ({
        name: written.name,
        method: written.method,
        path: written.path,
        weight: r.weight,
        headers: Object.keys(r.headers).sort(),
        body: r.body !== undefined || r.json !== undefined,
        timeoutMs: r.timeoutMs,
    });
    const t = plan.templates;
    const ws = plan.websocket && {
        ...plan.websocket,
        ...t?.websocket,
        headers: Object.keys(plan.websocket.headers).sort(),
        send: plan.websocket.send !== undefined,
    };
    return {
        requests: plan.requests.map((r, i) => request(r, t?.requests[i] && { ...r, ...t.requests[i] })),
        session: plan.session.map((r, i) => request(r, t?.session[i] && { ...r, ...t.session[i] })),
        // Setup and verify are sent once, outside the measured time: not load (and their header values
        // may be secrets). A stage's own mix (`requests: [...]`) is.
        stages: plan.stages.map(({ setup: _setup, verify: _verify, ...stage }) => stage),
        websocket: ws,
    };
}
function planFingerprint(plan) {
    return short(JSON.stringify(loadShape(plan)));
}
/**
 * The fingerprint of the requests as sent, `${ENV}` values substituted: what perf-gate hashed
 * before templates (stored results still carry it), and what tells two A/B sides' loads apart.
 */
function substitutedFingerprint(plan) {
    return planFingerprint({ ...plan, templates: undefined });
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

/***/ 4540:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ readReportFile),
/* harmony export */   ZJ: () => (/* binding */ writeJsonAtomic),
/* harmony export */   f1: () => (/* binding */ wholeRun),
/* harmony export */   zi: () => (/* binding */ asReport)
/* harmony export */ });
/* unused harmony exports isOtherReportSchema, wrongStageField */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5235);
/**
 * Results as JSON files (`--baseline FILE`, `--save-baseline FILE`, `compare A B`). Reading checks
 * that the file really is a perf-gate report of a schema we understand; writing is atomic (temp
 * file + rename), so an interrupted write never leaves half a baseline.
 */





async function readReportFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file} is not valid JSON: ${err.message.replace(/\s+/g, ' ')}`);
    }
    return asReport(doc, file);
}
/**
 * A report that stands for a whole run: a shard's (`run --shard i/n`) is a part of the load, and
 * comparing with it would judge the whole against a fraction (a third of the rps, of the contention).
 */
function wholeRun(report, file) {
    if (report.shard) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file} is a shard report (shard ${report.shard.index}/${report.shard.count}): a part of the load; merge the shards (perf-gate merge) and compare with that`);
    }
    return report;
}
/** A perf-gate report written in another report schema (by another perf-gate version): readable, not comparable. */
function isOtherReportSchema(doc) {
    const r = doc;
    return !!r && typeof r === 'object' && r.tool === 'perf-gate' && r.schema !== REPORT_SCHEMA;
}
function asReport(doc, file) {
    const r = doc;
    if (!r || typeof r !== 'object' || r.tool !== 'perf-gate' || !Array.isArray(r.stages)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file} is not a perf-gate report (expected "tool": "perf-gate" and a "stages" list)`);
    }
    // Another schema's numbers may mean other things: never compared, and no flag forces it.
    if (r.schema !== _model_report_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_SCHEMA */ .D) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file} has report schema ${String(r.schema)}; this perf-gate reads schema ${_model_report_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_SCHEMA */ .D}`);
    }
    const wrong = wrongField(r, REPORT_FIELDS);
    if (wrong)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file}: ${wrong}; the file is damaged: re-create it`);
    for (const [i, s] of r.stages.entries()) {
        if (!s || typeof s.name !== 'string' || typeof s.requests !== 'number' || !s.latency_ms || !Array.isArray(s.timeline)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file}: stages[${i}] is incomplete (needs name, requests, latency_ms, timeline)`);
        }
        const wrong = wrongStageField(s);
        if (wrong)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaselineError */ .s$(`${file}: stages[${i}] (${s.name}): ${wrong}; the file is damaged: re-create it`);
    }
    return r;
}
const EXPECTED = {
    count: 'a number ≥ 0',
    fraction: 'a fraction from 0 to 1',
    'count-or-null': 'a number ≥ 0 or null',
    'fraction-or-null': 'a fraction from 0 to 1 or null',
    string: 'a string',
    object: 'an object',
    list: 'a list',
};
const isCount = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const HOLDS = {
    count: isCount,
    fraction: (v) => isCount(v) && v <= 1,
    'count-or-null': (v) => v === null || isCount(v),
    'fraction-or-null': (v) => v === null || (isCount(v) && v <= 1),
    string: (v) => typeof v === 'string',
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    list: Array.isArray,
};
/** What the summary and the comparison read of the report around its stages. */
const REPORT_FIELDS = [
    ['started_at', 'string'],
    ['plan', 'string'],
    ['target', 'string'],
    ['runner', 'object'],
    ['runner.os', 'string'],
    ['runner.arch', 'string'],
    ['runner.cpu', 'string'],
    ['runner.cores', 'count'],
    ['fingerprints?', 'object'],
    ['fingerprints.plan', 'string'],
    ['fingerprints.runner', 'string'],
    ['shard?', 'object'],
];
const LATENCY = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
/** What a gate compares (gate/metrics.ts, excuse.ts, regression.ts) and the summary prints, per stage. */
const STAGE_FIELDS = [
    ['kind', 'string'],
    ...['requests', 'errors', 'rps'].map((k) => [k, 'count']),
    ['error_rate', 'fraction'],
    ['latency_ms', 'object'],
    ...LATENCY.map((k) => [`latency_ms.${k}`, 'count']),
    ['endpoints', 'list'],
    ['errors_by_kind', 'object'],
    ['status_codes', 'object'],
    ['histogram?', 'string'],
    ['generator', 'object'],
    ['generator.loop_lag_p99_ms', 'count'],
    ['cpu_probe_ms?', 'count'],
    ['reference?', 'object'],
    ...['p50', 'p90', 'p95', 'p99', 'mean'].map((k) => [`reference.${k}`, 'count']),
    ['spike?', 'object'],
    ['spike.pre_p95_ms', 'count'],
    ['spike.peak_p95_ms', 'count'],
    ['spike.recovery_ms', 'count-or-null'],
];
/** The window columns the regression rules sample (gate/metrics.ts windowSamples). */
const WINDOW_FIELDS = [
    ...['t', 'requests', 'errors', 'rps', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'].map((k) => [k, 'count']),
    ['histogram?', 'string'],
];
const ENDPOINT_FIELDS = [
    ['name', 'string'],
    ['requests', 'count'],
    ['errors', 'count'],
    ['latency_ms', 'object'],
    ...['p50', 'p95', 'p99'].map((k) => [`latency_ms.${k}`, 'count']),
];
/**
 * Imported stages (`compare --from k6|locust`, StageReport.imported) hold null for what their tool
 * did not report: a percentile, an endpoint's errors, the stage's errors and error rate (k6 before
 * v0.31). Everything else is as strict.
 */
const orNull = (fields, nullable) => fields.map(([p, k]) => ((k === 'count' || k === 'fraction') && nullable(p) ? [p, k === 'count' ? 'count-or-null' : 'fraction-or-null'] : [p, k]));
const IMPORTED_STAGE_FIELDS = orNull(STAGE_FIELDS, (p) => p.startsWith('latency_ms.') || p === 'errors' || p === 'error_rate');
const IMPORTED_ENDPOINT_FIELDS = orNull(ENDPOINT_FIELDS, (p) => p.startsWith('latency_ms.') || p === 'errors');
/** The first field of `doc` that does not hold what it must, as `latency_ms.p95 is "x", expected a number ≥ 0`. */
function wrongField(doc, fields, prefix = '') {
    for (const [spec, kind] of fields) {
        const optional = spec.endsWith('?');
        const keys = (optional ? spec.slice(0, -1) : spec).split('.');
        let parent = doc;
        for (const key of keys.slice(0, -1))
            parent = parent?.[key];
        if (parent === undefined || parent === null)
            continue; // an optional parent that is absent
        const value = parent[keys.at(-1)];
        if (value === undefined && optional)
            continue;
        if (!HOLDS[kind](value))
            return `${prefix}${keys.join('.')} is ${shown(value)}, expected ${EXPECTED[kind]}`;
    }
    return undefined;
}
/** The first field of a stored stage (its windows and endpoints included) that is wrong; undefined when usable. */
function wrongStageField(stage) {
    const s = stage;
    const inList = (list, what, fields) => {
        for (const [i, item] of list.entries()) {
            if (!HOLDS.object(item))
                return `${what}[${i}] is ${shown(item)}, expected ${EXPECTED.object}`;
            const wrong = wrongField(item, fields, `${what}[${i}].`);
            if (wrong)
                return wrong;
        }
        return undefined;
    };
    const imported = HOLDS.object(s.imported);
    return (wrongField(s, imported ? IMPORTED_STAGE_FIELDS : STAGE_FIELDS) ??
        inList(s.timeline, 'timeline', WINDOW_FIELDS) ??
        inList(s.endpoints, 'endpoints', imported ? IMPORTED_ENDPOINT_FIELDS : ENDPOINT_FIELDS));
}
function shown(value) {
    if (value === undefined)
        return 'missing';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
/**
 * Writes through a temp file in the same folder, renamed over the target: a reader sees the old
 * file or the new one, never half of one. The temp name is unique per process and call (two
 * containers sharing a volume may share a pid), and a failed write or rename removes it, leaving
 * the previous file untouched.
 */
async function writeJsonAtomic(file, value) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(file)), { recursive: true });
    const tmp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, `${JSON.stringify(value, null, 2)}\n`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true }).catch(() => { });
        throw err;
    }
}


/***/ }),

/***/ 9258:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q6: () => (/* binding */ shapeChange),
/* harmony export */   gt: () => (/* binding */ planIdentity),
/* harmony export */   xH: () => (/* binding */ planShape)
/* harmony export */ });
/* unused harmony exports shapeDifferences, listedChanges */
/* harmony import */ var _plan_units_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3772);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4319);
/**
 * The plan's load shape as a readable record (report.json `shape`), and what differs between two:
 * a baseline refused as "another plan" says which stage or request changed, and how.
 */


/** What a baseline store is told of the plan: its fingerprint, the former one where it differs, its shape. */
function planIdentity(plan) {
    const [fingerprint, former] = [(0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .planFingerprint */ .an)(plan), (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .substitutedFingerprint */ .$P)(plan)];
    return { planFingerprint: fingerprint, ...(former !== fingerprint && { formerPlanFingerprint: former }), planShape: planShape(plan) };
}
/** Internal field names whose plan key is not their snake_case without `Ms`. */
const PLAN_KEYS = { fromRate: 'from', toRate: 'to', metricsPath: 'metrics', expectReply: 'expect_reply' };
/** What the fingerprint hashes, flattened to plan keys: `rampMs: 5000` → `ramp: "5s"`. */
function planShape(plan) {
    const s = (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .loadShape */ .cA)(plan);
    const shape = { stages: s.stages.map(fields), requests: s.requests.map(fields), session: s.session.map(fields) };
    if (s.websocket)
        shape.websocket = fields(s.websocket);
    return shape;
}
function fields(entry) {
    const out = {};
    const add = (key, value, prefix) => {
        if (value === undefined)
            return;
        const planKey = prefix + (PLAN_KEYS[key] ?? key.replace(/Ms$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
        if (typeof value === 'number' && key.endsWith('Ms'))
            out[planKey] = (0,_plan_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(value);
        else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
            out[planKey] = value;
        // Lists: header names, subprotocols, levels; threshold rules (`until`) by what they say.
        else if (Array.isArray(value))
            out[planKey] = value
                .map((v) => (typeof v === 'object' && v !== null && 'raw' in v ? `${v.metric} ${String(v.raw)}` : String(v)))
                .join(', ');
        else if (typeof value === 'object' && value !== null)
            for (const [k, v] of Object.entries(value))
                add(k, v, `${planKey}.`);
    };
    for (const [key, value] of Object.entries(entry))
        add(key, value, '');
    return out;
}
/** How many differences a refusal lists before "and N more". */
const MAX_LISTED = 5;
/** `stage "load": rate 50 → 80`, one line per difference; empty when the shapes agree. */
function shapeDifferences(before, after) {
    const out = [
        ...listDifferences('stage', before.stages, after.stages),
        ...listDifferences('request', before.requests, after.requests),
        ...listDifferences('session step', before.session, after.session),
    ];
    if (before.websocket || after.websocket)
        out.push(...entryDifferences('websocket', before.websocket, after.websocket));
    return out;
}
function listDifferences(what, before, after) {
    const names = (list) => list.map((e) => String(e.name));
    const [was, now] = [names(before), names(after)];
    const out = [];
    for (const name of new Set([...was, ...now])) {
        out.push(...entryDifferences(`${what} ${JSON.stringify(name)}`, before.find((e) => e.name === name), after.find((e) => e.name === name)));
    }
    const common = (a, b) => a.filter((n) => b.includes(n));
    if (out.length === 0 && common(was, now).join('\n') !== common(now, was).join('\n'))
        out.push(`${what}s reordered: ${was.join(', ')} → ${now.join(', ')}`);
    return out;
}
function entryDifferences(label, before, after) {
    if (!before)
        return [`${label}: added`];
    if (!after)
        return [`${label}: removed`];
    const shown = (v) => (v === undefined ? '(none)' : v === '' ? '""' : String(v));
    return [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((k) => k !== 'name' && before[k] !== after[k])
        .map((k) => `${label}: ${k} ${shown(before[k])} → ${shown(after[k])}`);
}
/**
 * Why a result saved for another plan is refused, for the error: what differs from the saved shape,
 * or that the result (of an older perf-gate) does not record it.
 */
function shapeChange(saved, current, currentPrint, whose = 'the baseline') {
    const lead = `load shape differs from ${whose}'s`;
    const prints = `fingerprint ${saved.fingerprints?.plan ?? 'unknown'}, this plan ${currentPrint}`;
    if (!isShape(saved.shape))
        return `${lead} (${prints}), and ${whose} does not record its shape`;
    const changed = listedChanges(saved, current);
    return changed ? `${lead}: ${changed}` : `${lead} (${prints})`;
}
/** The differences from a saved result's shape record, at most MAX_LISTED of them; undefined when none can be named. */
function listedChanges(saved, current) {
    const diffs = isShape(saved.shape) && current ? shapeDifferences(saved.shape, current) : [];
    if (diffs.length === 0)
        return undefined;
    const more = diffs.length > MAX_LISTED ? `; and ${diffs.length - MAX_LISTED} more` : '';
    return `${diffs.slice(0, MAX_LISTED).join('; ')}${more}`;
}
/** A shape record as perf-gate writes it (a hand-edited or damaged one counts as none). */
function isShape(v) {
    const entries = (l) => Array.isArray(l) && l.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e));
    const r = v;
    return typeof v === 'object' && v !== null && entries(r.stages) && entries(r.requests) && entries(r.session);
}


/***/ }),

/***/ 4494:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ samePlan)
/* harmony export */ });
/** Whether a saved plan fingerprint is this plan's (its current one, or the one before templates). */
function samePlan(saved, request) {
    return saved === request.planFingerprint || saved === request.formerPlanFingerprint;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ GitRefError),
/* harmony export */   PK: () => (/* binding */ RowsExhausted),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   S1: () => (/* binding */ ResourceSourceError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   W6: () => (/* binding */ PlanError),
/* harmony export */   WB: () => (/* binding */ PortInUseError),
/* harmony export */   Yw: () => (/* binding */ ImportError),
/* harmony export */   dB: () => (/* binding */ WorkerError),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   ms: () => (/* binding */ TargetUnreachableError),
/* harmony export */   s$: () => (/* binding */ BaselineError),
/* harmony export */   tR: () => (/* binding */ UnitError),
/* harmony export */   tg: () => (/* binding */ ShardMergeError),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/* unused harmony exports PerfGateError, formatProblem, NotImplementedError, GitHubApiError, CommentForbiddenError, CommentFileError, HandOffRejectedError */
/**
 * Every failure perf-gate reports on purpose is one of these classes. Each carries a stable `code`
 * (for scripts and tests) and the process exit code is derived from the class in one place,
 * `exitCodeFor`, so the CLI and the action agree (SPEC §1: 1 gate failed, 2 bad input, 3 target).
 */
class PerfGateError extends Error {
    code = 'PERF_GATE_ERROR';
    exitCode = 2;
    constructor(message, options) {
        super(message, options);
        this.name = 'PerfGateError';
    }
}
function formatProblem(p) {
    return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}
/** The plan could not be used; `problems` holds all of them, not only the first. */
class PlanError extends PerfGateError {
    code = 'E_PLAN';
    exitCode = 2;
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.name = 'PlanError';
        this.problems = problems;
    }
}
/** Bad flags, bad action inputs. */
class UsageError extends PerfGateError {
    code = 'E_USAGE';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** A baseline or result file that cannot be read or is not a perf-gate result. */
class BaselineError extends PerfGateError {
    code = 'E_BASELINE';
    exitCode = 2;
    constructor(message, options) {
        super(message, options);
        this.name = 'BaselineError';
    }
}
/** The reports given to `merge` are not the n shards of one run: not shards, missing, doubled, of different plans. */
class ShardMergeError extends PerfGateError {
    code = 'E_SHARDS';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'ShardMergeError';
    }
}
/** A worker thread of a stage (`workers:`) crashed, exited or could not start: the stage fails rather than hang. */
class WorkerError extends PerfGateError {
    code = 'E_WORKER';
    exitCode = 2;
    name = 'WorkerError';
}
/**
 * `compare --from k6|locust`: a results file that is not what that tool writes (not JSON, not a k6
 * summary, a Locust CSV missing columns). The message names the file and what is wrong with it.
 */
class ImportError extends PerfGateError {
    code = 'E_IMPORT';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'ImportError';
    }
}
/** The target never answered (or its start command died) before the first stage. */
class TargetUnreachableError extends PerfGateError {
    code = 'E_TARGET_UNREACHABLE';
    exitCode = 3;
    constructor(message, options) {
        super(message, options);
        this.name = 'TargetUnreachableError';
    }
}
/**
 * `target.start` is set but something already answers on the target's port: the run would measure
 * that server, not the app the plan starts.
 */
class PortInUseError extends PerfGateError {
    code = 'E_PORT_IN_USE';
    exitCode = 3;
    constructor(message) {
        super(message);
        this.name = 'PortInUseError';
    }
}
/** `ab --base-ref REF`: REF names no commit of the plan's repository (after a fetch, where one is allowed). */
class GitRefError extends PerfGateError {
    code = 'E_GIT_REF';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'GitRefError';
    }
}
/** `ab --base-ref`: a side's `target.build` failed (or could not start): nothing of that side can be measured. */
class BuildError extends PerfGateError {
    code = 'E_BUILD';
    exitCode = 3;
    constructor(message) {
        super(message);
        this.name = 'BuildError';
    }
}
/** A capability named in the contract that this build does not provide yet: says so plainly. */
class NotImplementedError extends PerfGateError {
    code = 'E_NOT_IMPLEMENTED';
    exitCode = 2;
    constructor(what) {
        super(`${what} is not available in this version of perf-gate yet`);
        this.name = 'NotImplementedError';
    }
}
/**
 * The app's resource source (target.process, the start group) could not be read. Never ends a run:
 * the sampler catches it and the stage's `resources.error` carries the message.
 */
class ResourceSourceError extends PerfGateError {
    code = 'E_RESOURCE_SOURCE';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'ResourceSourceError';
    }
}
/**
 * A plan value in the wrong unit or form (`parseDuration`, `parseRate`, ...). The message says what
 * to write instead; the validator adds the location and reports it as a PlanError.
 */
class UnitError extends PerfGateError {
    code = 'E_UNIT';
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UnitError';
    }
}
/**
 * `pick: unique` ran out: every row was handed out. The engine catches it and stops the stage
 * with its message; it never ends the process.
 */
class RowsExhausted extends PerfGateError {
    set;
    code = 'E_ROWS_EXHAUSTED';
    exitCode = 2;
    constructor(set) {
        super(`data ${set.name}: all ${set.rows.length} rows of ${set.file} were used (pick: unique hands each row out once per run); add rows, or use pick: sequential`);
        this.set = set;
        this.name = 'RowsExhausted';
    }
}
/** A GitHub REST call failed. `status` is the HTTP status, undefined when none came back. */
class GitHubApiError extends PerfGateError {
    code = 'E_GITHUB_API';
    exitCode = 2;
    status;
    constructor(message, status) {
        super(message);
        this.name = 'GitHubApiError';
        this.status = status;
    }
}
/**
 * The token may not comment here: a fork's PR (read-only token), a workflow without
 * `pull-requests: write`, or a token without access. The caller reports it as a notice; the
 * gate's verdict does not depend on the comment.
 */
class CommentForbiddenError extends PerfGateError {
    code = 'E_COMMENT_FORBIDDEN';
    exitCode = 2;
    status;
    constructor(message, status) {
        super(message);
        this.name = 'CommentForbiddenError';
        this.status = status;
    }
}
/** The fork hand-off file is missing, unreadable or not what perf-gate writes. */
class CommentFileError extends PerfGateError {
    code = 'E_COMMENT_FILE';
    exitCode = 2;
    constructor(message, options) {
        super(message, options);
        this.name = 'CommentFileError';
    }
}
/**
 * `post-comment-file`: the hand-off file names a repository, pull request or commit other than the
 * triggering run's, so it is not posted. A usage error (exit 2), as the action's inputs are.
 */
class HandOffRejectedError extends UsageError {
    constructor(why) {
        super(`the comment file was not posted: ${why}`);
    }
}
/** 130 = 128 + SIGINT, the shell convention for an interrupted command. */
const EXIT = { pass: 0, gateFailed: 1, badInput: 2, targetUnreachable: 3, interrupted: 130 };
/** The one place errors become exit codes. Unknown errors are bugs: exit 2 with their message. */
function exitCodeFor(err) {
    return err instanceof PerfGateError ? err.exitCode : EXIT.badInput;
}
/** One line (or, for plans, one line per problem) saying why; never a stack trace. */
function describeError(err) {
    if (err instanceof PerfGateError)
        return err.message;
    if (err instanceof Error)
        return `internal error: ${err.message}`;
    return `internal error: ${String(err)}`;
}


/***/ }),

/***/ 1562:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uu: () => (/* binding */ unsentLine),
/* harmony export */   uG: () => (/* binding */ flowChecks),
/* harmony export */   vN: () => (/* binding */ sessionLine)
/* harmony export */ });
/* unused harmony exports SESSIONS_METRIC, UNSENT_METRIC */
const SESSIONS_METRIC = 'sessions';
const UNSENT_METRIC = 'unsent';
/** "12 requests were not sent: ${token} had no value". */
function unsentLine(u) {
    const names = u.missing.map((k) => `\${${k}}`).join(', ');
    return `${u.count} request${u.count === 1 ? ' was' : 's were'} not sent: ${names || 'a value they need'} had no value (a capture that failed, or one setup did not make)`;
}
/** "login failed for 40 of 40 users: 409 (body sample)". */
function sessionLine(s) {
    const users = `${s.failed} of ${s.users} user${s.users === 1 ? '' : 's'}`;
    return `${s.step ?? 'the session'} failed for ${users}: ${s.reason ?? 'see the session endpoints'}${s.sample ? ` (${s.sample})` : ''}`;
}
function flowChecks(stages) {
    const out = [];
    for (const s of stages) {
        for (const o of s.setup ?? []) {
            if (o.ok)
                continue;
            out.push({
                stage: s.name,
                metric: `setup ${o.name}`,
                kind: 'verify',
                current: null,
                limit: o.expected,
                method: 'sent once before the stage',
                verdict: 'fail',
                note: flowNote(o),
            });
        }
        for (const o of s.verify ?? []) {
            out.push({
                stage: s.name,
                metric: o.name,
                kind: 'verify',
                current: null,
                limit: o.expected,
                method: 'sent once after the stage drained',
                verdict: o.ok ? 'pass' : 'fail',
                ...(o.ok ? {} : { note: flowNote(o) }),
            });
        }
        const sessions = s.sessions;
        const allFailed = sessions !== undefined && sessions.users > 0 && sessions.failed >= sessions.users;
        // Nothing sent for want of values, and not because every login failed (that check says why).
        if (s.unsent && s.requests === 0 && !allFailed) {
            out.push({
                stage: s.name,
                metric: UNSENT_METRIC,
                kind: 'threshold',
                current: s.unsent.count,
                limit: 'the stage sends its requests',
                method: 'none could be built',
                verdict: 'fail',
                note: unsentLine(s.unsent),
            });
        }
        if (sessions && sessions.failed > 0) {
            const all = sessions.failed >= sessions.users;
            out.push({
                stage: s.name,
                metric: SESSIONS_METRIC,
                kind: 'threshold',
                current: sessions.failed,
                limit: "every user's session succeeds",
                method: all ? 'no user could send what needs the session' : 'those users sent only what needs none of its values',
                verdict: all ? 'fail' : 'warn',
                note: sessionLine(sessions),
            });
        }
    }
    return out;
}
function flowNote(o) {
    return `${o.problems.join('; ')}${o.sample ? ` (${o.sample})` : ''}`;
}


/***/ }),

/***/ 2321:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ fromCwd),
/* harmony export */   ML: () => (/* binding */ DEFAULT_AB_ROUNDS),
/* harmony export */   Tc: () => (/* binding */ checkTargetUrl),
/* harmony export */   bG: () => (/* binding */ abRounds),
/* harmony export */   jH: () => (/* binding */ runnerProbeSetting)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/**
 * Input checks shared by the CLI, the action's settings and the core. They live apart from the
 * core so that the action can read and check its inputs without loading the engine (start-up).
 */


/** PERF_GATE_RUNNER_PROBE=0: a dedicated runner, or a test that must see every regression fail. */
function runnerProbeSetting(env) {
    return env.PERF_GATE_RUNNER_PROBE !== '0';
}
/** A path as the user wrote it when cwd is the process's own, so messages show what they typed. */
function fromCwd(cwd, file) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd) === process.cwd() ? file : node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, file);
}
/** `--target` / the `target` input: an absolute http(s) URL, checked before anything waits on it. */
function checkTargetUrl(url, what) {
    let ok = false;
    try {
        ok = ['http:', 'https:'].includes(new URL(url).protocol);
    }
    catch {
        ok = false;
    }
    if (!ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${what} "${url}" is not an absolute http(s) URL: write it like http://127.0.0.1:3000`);
}
/** A/B rounds per stage when neither --rounds nor the `ab-rounds` input says. */
const DEFAULT_AB_ROUNDS = 10;
/**
 * The A/B rounds a door was given (`--rounds`, the `ab-rounds` input), checked once, here, for both
 * doors: a whole number from 1 to 100. `name` is how the door calls it in the message.
 */
function abRounds(text, name) {
    const given = text?.trim() || String(DEFAULT_AB_ROUNDS);
    if (!/^[1-9]\d*$/.test(given) || Number(given) > 100)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${name} must be a whole number of rounds from 1 to 100, such as 10; got "${given}"`);
    return Number(given);
}


/***/ }),

/***/ 826:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IZ: () => (/* binding */ fmtMetric),
/* harmony export */   M3: () => (/* binding */ fmtChange),
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   UG: () => (/* binding */ fmtCpuMs),
/* harmony export */   Xd: () => (/* binding */ fmtTime),
/* harmony export */   Yg: () => (/* binding */ historyPhrase),
/* harmony export */   _Q: () => (/* binding */ fmtSigned),
/* harmony export */   aM: () => (/* binding */ failurePhrase),
/* harmony export */   bg: () => (/* binding */ fmtCount),
/* harmony export */   f: () => (/* binding */ fmtMb),
/* harmony export */   kb: () => (/* binding */ ICON),
/* harmony export */   m4: () => (/* binding */ withoutBaseline),
/* harmony export */   mq: () => (/* binding */ fmtMs),
/* harmony export */   o3: () => (/* binding */ comparedWith),
/* harmony export */   pT: () => (/* binding */ fmtPct),
/* harmony export */   zi: () => (/* binding */ fmtBytes)
/* harmony export */ });
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function fmtMs(ms) {
    if (ms === null || ms === undefined)
        return '—';
    if (ms >= 1000)
        return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 100)
        return `${ms.toFixed(0)} ms`;
    if (ms >= 10)
        return `${ms.toFixed(1)} ms`;
    return `${ms.toFixed(2)} ms`;
}
/** "—" for a count a report does not have (an imported endpoint without its failures). */
const fmtCount = (n) => (n === null || n === undefined ? '—' : String(n));
/** Memory in MB (10⁶ bytes, as `ps` and most dashboards): one unit in the summary, the comment and report.html. */
const fmtBytes = (b) => (b === null || b === undefined || !Number.isFinite(b) ? '—' : `${(b / 1e6).toFixed(1)} MB`);
/** "—" for null: an imported stage whose file had no failure count (k6 before v0.31). */
const fmtPct = (fraction) => fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.001 ? 3 : 2)}%`;
const fmtSigned = (x, unit, digits = 1) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}${unit}`;
function fmtMetric(metric, v) {
    if (v === null || v === undefined)
        return '—';
    if (metric === 'error_rate')
        return fmtPct(v);
    if (metric === 'rps')
        return `${v.toFixed(1)}/s`;
    if (metric === 'requests' || metric === 'errors' || metric === 'sessions')
        return String(v);
    if (metric === 'recovery')
        return `${(v / 1000).toFixed(v % 1000 === 0 ? 0 : 1)} s`;
    // A stress stage's level: req/s or users, as the plan wrote its steps (the unit is the stage's).
    if (metric === 'breaking_point')
        return String(+v.toFixed(3));
    if (metric === 'drift' || metric === 'memory_growth')
        return fmtSigned(v, '%');
    if (metric === 'rss_peak')
        return fmtMb(v);
    if (metric === 'cpu_per_request')
        return fmtCpuMs(v);
    return fmtMs(v);
}
/** MiB as "312 MB" (1 MB = 2^20 bytes, as the report's rss_mb figures). */
const fmtMb = (v) => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} MB`;
/** CPU ms per request: small figures keep three significant digits ("0.0412 ms"). */
const fmtCpuMs = (v) => `${v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.1 ? v.toFixed(3) : v.toFixed(4)} ms`;
/** "+11.4% [6.0, 17.2]" or "+0.25pp [0.1, 0.4]". */
function fmtChange(c) {
    if (c.delta_pp !== undefined) {
        const iv = c.interval_pp ? ` [${c.interval_pp[0].toFixed(2)}, ${c.interval_pp[1].toFixed(2)}]` : '';
        return `${fmtSigned(c.delta_pp, 'pp', 2)}${iv}`;
    }
    if (c.delta_pct === undefined || c.delta_pct === null)
        return '—';
    const iv = c.interval_pct ? ` [${c.interval_pct[0].toFixed(1)}, ${c.interval_pct[1].toFixed(1)}]` : '';
    return `${fmtSigned(c.delta_pct, '%')}${iv}`;
}
/** "2026-11-23 17:32 UTC" from an ISO timestamp. */
const fmtTime = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const SEVERITY = { fail: 0, warn: 1, pass: 2 };
/** Failures first, then warnings, then passes; stable within each. */
const bySeverity = (checks) => [...checks].sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict]);
/** Worst verdict among checks (pass when there are none). */
function worst(verdicts) {
    return verdicts.includes('fail') ? 'fail' : verdicts.includes('warn') ? 'warn' : 'pass';
}
/** What a regression rule was compared with: the stored baseline, the history band's median, the A/B base. */
function comparedWith(report, c) {
    if (c.method === 'history-band')
        return c.band ? `vs median of ${c.band.n} past runs` : 'vs history';
    return report.ab ? 'vs base' : 'vs baseline';
}
/** "5 past runs from folder runs/ (left out: 2 failed, 1 cancelled)". */
function historyPhrase(h) {
    const left = Object.entries(h.left_out ?? {}).map(([why, n]) => `${n} ${why}`);
    return `${h.runs} past run${h.runs === 1 ? '' : 's'} read from ${h.source}${left.length > 0 ? ` (left out: ${left.join(', ')})` : ''}`;
}
/**
 * What a run without a baseline was judged by: thresholds, and band rules when it had past runs
 * (never "thresholds only" when a band judged it). `short`: the console's verdict line.
 */
function withoutBaseline(report, short = false) {
    const banded = report.checks.some((c) => c.method === 'history-band' && c.band);
    if (short)
        return banded && report.history ? `no baseline: thresholds and band rules against ${report.history.runs} past runs` : 'no baseline: thresholds only';
    if (banded && report.history)
        return `No baseline: the absolute thresholds, and band rules against the median of ${historyPhrase(report.history)}`;
    const past = report.history ? ` (history: ${historyPhrase(report.history)})` : '';
    return `No baseline to compare against: only the absolute thresholds were applied${past}`;
}
/**
 * A failed check as one phrase for the log line both doors print ("the gate failed: …"): the rule,
 * or, for what the app answered (verify, sessions), what it answered.
 */
function failurePhrase(c) {
    // What the app answered (verify, sessions), and what could not be sent.
    if (c.note && (c.kind === 'verify' || ['sessions', 'unsent'].includes(c.metric)))
        return `${c.stage} ${c.kind === 'verify' ? `${c.metric}: ` : ''}${c.note}`;
    return `${c.stage} ${c.metric} ${c.limit}`;
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


/***/ }),

/***/ 4012:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports MASK, secretForms */
/**
 * Hides secrets in what perf-gate writes: report.json, summary.md, saved baselines, the PR comment,
 * log lines and error messages. Applied at those edges, never to the Plan that runs (thresholds and
 * baselines find stages by name).
 *
 * What it hides: each added value, as written and URL-encoded (a secret in a request path reaches a
 * report percent-encoded), and the user:password of any URL in the text.
 */
const MASK = '***';
/** A secret as written and as a URL carries it (percent-encoded): the forms to hide. */
function secretForms(value) {
    return [value, encodeURIComponent(value), encodeURI(value)];
}
/** `scheme://user:password@`: the userinfo of a URL, whatever the scheme. */
const URL_USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@]+@/g;
/** Report fields that hold encoded data (base64 histograms, hashes), not text: never rewritten. */
const ENCODED_FIELDS = new Set(['histogram', 'ws_histograms', 'fingerprints']);
/**
 * Maps whose keys are data (an error message with its count), redacted like values. Every other key
 * is a field name of the report: a secret that happens to equal one ("timeline") must not rename
 * it, or the saved baseline would be unreadable.
 */
const DATA_KEYED_FIELDS = new Set(['error_samples']);
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
class Redactor {
    values = new Set();
    pattern;
    /** Values to hide from now on (empty strings are ignored). */
    add(values) {
        for (const value of values) {
            if (value === '')
                continue;
            for (const form of secretForms(value))
                this.values.add(form);
        }
        // Longest first, so a secret that contains another is hidden whole.
        const sorted = [...this.values].sort((a, b) => b.length - a.length);
        this.pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
        return this;
    }
    text(s) {
        const out = s.replace(URL_USERINFO, `$1${MASK}@`);
        return this.pattern ? out.replace(this.pattern, MASK) : out;
    }
    /** A copy of a JSON-shaped value (a Report) with every string value (and the keys of data-keyed maps) passed through `text`. */
    json(value) {
        const walk = (v, dataKeys = false) => {
            if (typeof v === 'string')
                return this.text(v);
            if (Array.isArray(v))
                return v.map((item) => walk(item));
            if (typeof v === 'object' && v !== null) {
                return Object.fromEntries(Object.entries(v).map(([k, item]) => [dataKeys ? this.text(k) : k, ENCODED_FIELDS.has(k) ? item : walk(item, DATA_KEYED_FIELDS.has(k))]));
            }
            return v;
        };
        return walk(value);
    }
}


/***/ }),

/***/ 5235:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ REPORT_SCHEMA)
/* harmony export */ });
const REPORT_SCHEMA = 1;


/***/ }),

/***/ 3772:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   Cb: () => (/* binding */ METRICS),
/* harmony export */   Dn: () => (/* binding */ parseRegression),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   NI: () => (/* binding */ isMetric),
/* harmony export */   UD: () => (/* binding */ compare),
/* harmony export */   WN: () => (/* binding */ parseRate),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Z$: () => (/* binding */ LATENCY_METRICS),
/* harmony export */   _V: () => (/* binding */ formatMs)
/* harmony export */ });
/* unused harmony exports parsePercent, parseMemorySize */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/**
 * Unit parsers for plan values. Pure: each returns the value in perf-gate's base unit (ms,
 * requests per second, fractions) or throws a UnitError whose message tells the user what to
 * write instead. The validator adds the location. formatMs, formatRate and formatCount write
 * values back the plan's way, for messages.
 */

const LATENCY_METRICS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
const METRICS = [
    ...LATENCY_METRICS,
    'error_rate',
    'rps',
    'requests',
    'errors',
    'recovery',
    'breaking_point',
    'drift',
    'memory_growth',
    'cpu_per_request',
    'rss_peak',
];
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(value)} is too large a number`);
    return n;
}
function isBareNumber(s) {
    return new RegExp(`^(?:${NUMBER})$`).test(s);
}
/** `500ms`, `30s`, `1.5s`, `2m`, `1h`, and compounds like `1m30s` → milliseconds. */
function parseDuration(value) {
    const hint = `${show(value)} is not a duration: use 500ms, 30s or 2m`;
    if (typeof value === 'number')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(Number.isFinite(value) ? `${show(value)} is not a duration: add a unit, e.g. ${value}s or ${value}ms` : hint);
    if (typeof value !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(hint);
    const text = value.trim();
    if (isBareNumber(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(value)} is not a duration: add a unit, e.g. ${text}s or ${text}ms`);
    if (text.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(hint);
    let total = 0;
    let at = 0;
    while (at < text.length) {
        DURATION_PART.lastIndex = at;
        const m = DURATION_PART.exec(text);
        if (!m)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(hint);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(hint);
        perSecond = (Number(m[1]) * 1000) / MS_PER_RATE_UNIT[m[2] ?? 's'];
    }
    else {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(hint);
    }
    if (!Number.isFinite(perSecond) || perSecond <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(value)} is not a rate: it must be more than 0`);
    return perSecond;
}
/** `1%` → 0.01, `0.5%` → 0.005. */
function parsePercent(value) {
    const m = typeof value === 'string' ? new RegExp(String.raw `^\s*(${NUMBER})\s*%\s*$`).exec(value) : null;
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(value)} is not a percentage: use 1% or 0.5%`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not an error rate: use a percentage like 1% (or a fraction like 0.01)`);
        }
        case 'rps': {
            const m = new RegExp(String.raw `^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
            if (!m)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not a request rate: use a number of requests per second, e.g. 190`);
            return Number(m[1]);
        }
        case 'requests':
        case 'errors':
            if (!/^\d+$/.test(text))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not a count: use a whole number, e.g. 100`);
            return Number(text);
        case 'breaking_point': {
            // The stage's unit: req/s (rate steps) or users (vus steps).
            const m = new RegExp(String.raw `^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
            if (!m)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not a breaking point: use the stage's unit, a rate like 400/s (rate steps) or a number of users like 150 (vus steps)`);
            return Number(m[1]);
        }
        case 'drift':
        case 'memory_growth':
            // In percent, as the report states them (delta_pct, growth_pct).
            if (!text.endsWith('%'))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not a change in percent: use e.g. 20%`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(text)} is not a memory size: use e.g. 512MB or 1.5GB (MB = MiB = 2^20 bytes)`);
    const n = Number(m[1]);
    const unit = (m[2] ?? 'm').toLowerCase();
    return unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : n;
}
/** `parseThreshold('p95', '< 200ms')` → { metric: 'p95', op: '<', value: 200, raw: '< 200ms' }. */
function parseThreshold(metric, raw) {
    if (!isMetric(metric))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`unknown metric ${show(metric)}`);
    const m = typeof raw === 'string' ? /^\s*(<=|>=|<|>)\s*(.*?)\s*$/.exec(raw) : null;
    if (!m || typeof raw !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(raw)} is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`unknown metric ${show(metric)}`);
    if (typeof raw === 'string' && /^\s*band\s*$/i.test(raw)) {
        return { metric, direction: metric === 'rps' || metric === 'breaking_point' ? 'decrease' : 'increase', unit: 'sigma', amount: 3, raw };
    }
    const m = typeof raw === 'string' ? new RegExp(String.raw `^\s*([+-])\s*(${NUMBER})\s*(%|pp|σ|sigma)\s*$`).exec(raw) : null;
    if (!m || typeof raw !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(raw)} is not a regression limit: use a signed change like "+15%" or "-10%"${metric === 'error_rate' ? ' (or "+0.5pp")' : ''}, a noise band like "+3σ", or "band"`);
    }
    const unit = m[3] === 'pp' ? 'pp' : m[3] === '%' ? 'pct' : 'sigma';
    if (unit === 'pp' && metric !== 'error_rate') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(raw)}: percentage points (pp) only apply to error_rate; use a percentage like "+15%"`);
    }
    // A band of width 0 would fail on any change at all.
    if (unit === 'sigma' && Number(m[2]) <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(raw)}: a noise band needs a width above 0, e.g. "+3σ"`);
    // A higher breaking point is only better: a "+" rule would fail the run for gaining capacity.
    if (metric === 'breaking_point' && m[1] === '+') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnitError */ .tR(`${show(raw)}: a breaking point can only regress downwards: write "-${m[2]}${m[3]}"`);
    }
    const amount = finite(unit === 'pp' ? Number(m[2]) / 100 : Number(m[2]), raw);
    return { metric, direction: m[1] === '+' ? 'increase' : 'decrease', unit, amount, raw };
}
/** `v op limit`: whether a value meets a threshold rule. */
const compare = (v, op, limit) => op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>' ? v > limit : v >= limit;
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

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _b: () => (/* binding */ mermaidLabel),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   wh: () => (/* binding */ plainText)
/* harmony export */ });
/**
 * Text from plans and responses (stage names, endpoint names, error messages) goes into markdown
 * that GitHub renders as HTML: escaped, so a stage named `</details><img src=x>` stays text and a
 * `|` cannot split a table cell.
 */
function md(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;')
        // Emphasis, links and code markers; `_` stays (GitHub ignores it inside words).
        .replace(/[`*[\]\\]/g, (c) => `\\${c}`)
        .replace(/@/g, '@\u200b') // no @mentions pinged from a report
        .replace(/[\r\n]+/g, ' '));
}
/** A markdown note (from `md` and `code`) as terminal text: no emphasis markers, escapes undone. */
function plainText(markdown) {
    return markdown
        .replace(/\*\*/g, '')
        .replace(/\\([`*[\]\\])/g, '$1')
        .replace(/\u200b/g, '')
        .replace(/&#124;/g, '|')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
/** A string inside a Mermaid "quoted label". */
function mermaidLabel(text) {
    // Quotes end the label; angle brackets could be read as HTML by the renderer.
    return text
        .replace(/["\\]/g, "'")
        .replace(/[<>]/g, '')
        .replace(/[\r\n]+/g, ' ')
        .slice(0, 60);
}
/** A code span: GitHub shows its content literally (no HTML); backticks cannot end it early. */
function code(text) {
    return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}
/** Text (or an attribute value in double or single quotes) in the HTML report: inert whatever it holds. */
function html(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}


/***/ }),

/***/ 8215:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  kk: () => (/* binding */ DIAGNOSIS_ICON),
  BM: () => (/* binding */ costCells),
  nT: () => (/* binding */ metricCell),
  Br: () => (/* binding */ renderSummary),
  Eu: () => (/* binding */ stageNotes),
  uX: () => (/* binding */ stageVerdict)
});

// UNUSED EXPORTS: renderComment, resourcesNote

// EXTERNAL MODULE: ./src/gate/flows.ts
var flows = __nccwpck_require__(1562);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __nccwpck_require__(826);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __nccwpck_require__(4031);
;// CONCATENATED MODULE: ./src/report/charts.ts

const MAX_POINTS = 60;
/** Keep every k-th point (max of each bucket for latency: a spike must not vanish). */
function downsample(labels, values, max = MAX_POINTS) {
    if (values.length <= max)
        return { labels, values };
    const k = Math.ceil(values.length / max);
    const out = { labels: [], values: [] };
    for (let i = 0; i < values.length; i += k) {
        out.labels.push(labels[i]);
        out.values.push(Math.max(...values.slice(i, i + k)));
    }
    return out;
}
function xyChart(s) {
    const { labels, values } = downsample(s.labels, s.values);
    if (values.length === 0)
        return '';
    const num = (v) => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0');
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${(0,report_escape/* mermaidLabel */._b)(s.title)}"`,
        `  x-axis [${labels.map((l) => `"${(0,report_escape/* mermaidLabel */._b)(l)}"`).join(', ')}]`,
        `  y-axis "${(0,report_escape/* mermaidLabel */._b)(s.yLabel)}"`,
        `  ${s.kind} [${values.map(num).join(', ')}]`,
        '```',
    ].join('\n');
}
/** p95 and rps per second across the whole run, stages one after another. */
function timelineCharts(report) {
    const labels = [];
    const p95 = [];
    const rps = [];
    let offset = 0;
    for (const stage of report.stages) {
        for (const w of stage.timeline) {
            labels.push(`${offset + w.t}s`);
            p95.push(w.p95);
            rps.push(w.rps);
        }
        offset += Math.ceil(stage.duration_s);
    }
    const stages = report.stages.map((s) => s.name).join(' → ');
    return [
        xyChart({ title: `p95 latency per second (${stages})`, yLabel: 'ms', labels, values: p95, kind: 'line' }),
        xyChart({ title: `requests per second (${stages})`, yLabel: 'req/s', labels, values: rps, kind: 'bar' }),
    ].filter(Boolean);
}
/** The p95 of one stage over the last stored results, oldest first, this run last. */
function historyChart(stage, points) {
    if (points.length < 2)
        return '';
    return xyChart({
        title: `${stage}: p95 over the last ${points.length} runs`,
        yLabel: 'ms',
        labels: points.map((p) => p.label),
        values: points.map((p) => p.p95),
        kind: 'line',
    });
}

// EXTERNAL MODULE: ./src/report/stage-outcomes.ts
var stage_outcomes = __nccwpck_require__(5948);
;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * Markdown for people: summary.md / the job summary (everything), and the PR comment (the short
 * form). Pure: report in, text out. Every name that came from a plan or a response is escaped.
 */





const LATENCY_COLUMNS = ['p50', 'p95', 'p99'];
function stageVerdict(report, stage) {
    const own = report.checks.filter((c) => c.stage === stage.name).map((c) => c.verdict);
    if (stage.generator_saturated || (stage.dropped > 0 && stage.kind !== 'stress'))
        own.push('warn');
    return (0,format/* worst */.QZ)(own);
}
/**
 * "19.2 ms (+20.9% vs 15.9 ms)" when a regression check compared this metric, else the bare value.
 * Error rates show their change in percentage points.
 */
function metricCell(report, stage, metric, current) {
    const check = report.checks.find((c) => c.stage === stage.name && c.metric === metric && c.kind === 'regression');
    if (!check)
        return current;
    if (check.delta_pp !== undefined)
        return `${current} (${check.delta_pp >= 0 ? '+' : ''}${check.delta_pp.toFixed(2)}pp vs ${(0,format/* fmtMetric */.IZ)(metric, check.baseline)})`;
    if (check.delta_pct === undefined || check.delta_pct === null)
        return current;
    return `${current} (${check.delta_pct >= 0 ? '+' : ''}${check.delta_pct.toFixed(1)}% vs ${(0,format/* fmtMetric */.IZ)(metric, check.baseline)})`;
}
function headline(report) {
    const lines = [`## ${format/* ICON */.kb[report.verdict]} perf-gate: ${report.verdict}`, ''];
    if (report.imported) {
        // Another tool ran the load (and on its own machine, maybe): this runner measured nothing.
        const rules = report.plan ? `, rules from ${(0,report_escape/* code */.aY)(report.plan)}` : ', default rules';
        lines.push(`Results of ${report.imported.tool} imported from ${(0,report_escape/* code */.aY)(report.imported.file)} (\`compare --from ${report.imported.tool}\`), ${report.duration_s} s${rules}.`);
    }
    else {
        lines.push(`Plan ${(0,report_escape/* code */.aY)(report.plan)} against ${(0,report_escape/* code */.aY)(report.target)}, ${report.duration_s} s, ${report.runner.cores} × ${(0,report_escape.md)(report.runner.cpu)}.`);
    }
    if (report.shard) {
        const { index, count } = report.shard;
        lines.push(`Shard ${index}/${count} of the plan's load: not gated (its numbers are part of the load, not the plan's); \`perf-gate merge\` of all ${count} shard reports gates the whole.`);
    }
    else if (report.ab) {
        const rounds = Object.entries(report.ab.rounds)
            .map(([name, n]) => `${(0,report_escape.md)(name)} ${n}`)
            .join(', ');
        const at = (commit) => (commit ? ` (commit ${(0,report_escape/* code */.aY)(commit.slice(0, 7))})` : '');
        lines.push(`Same-runner A/B: head ${(0,report_escape/* code */.aY)(report.target)}${at(report.ab.head_commit)} against base ${(0,report_escape/* code */.aY)(report.ab.base_target)}${at(report.ab.base_commit)} in alternating rounds (${rounds}); changes are judged on the paired rounds.`);
    }
    else if (report.baseline) {
        const b = report.baseline;
        const commit = b.commit ? ` on commit ${(0,report_escape.md)(b.commit.slice(0, 7))}` : '';
        lines.push(`Compared with the baseline from ${(0,format/* fmtTime */.Xd)(b.started_at)}${commit} (${(0,report_escape.md)(b.source)}).${b.explanation ? ` ${(0,report_escape.md)(b.explanation)}` : ''}`);
    }
    else {
        lines.push(`${(0,format/* withoutBaseline */.m4)(report)}.`);
    }
    if (report.history && (report.baseline || report.ab))
        lines.push('', `History: ${(0,format/* historyPhrase */.Yg)(report.history)}.`);
    if (report.merged_from) {
        const starts = report.merged_from.map((f) => Date.parse(f.started_at));
        // Shards overlap only as far as their jobs started together: the spread says how far.
        const spread = (Math.max(...starts) - Math.min(...starts)) / 1000;
        lines.push('', `Merged from ${starts.length} shards (\`run --shard i/${starts.length}\`), started within ${spread.toFixed(1)} s of each other: histograms added, counts summed.`);
    }
    if (report.cancelled)
        lines.push('', '⚠️ **The run was cancelled**: the results below are partial.');
    for (const s of report.stages.filter((st) => st.aborted)) {
        const a = s.aborted;
        const rule = a.rule === 'target_down' ? 'the default target_down rule' : `abort_when ${(0,report_escape/* code */.aY)(a.rule)}`;
        lines.push('', `⛔ **Stage ${(0,report_escape.md)(s.name)} was aborted** ${a.at_s.toFixed(1)} s in by ${rule}: ${(0,report_escape.md)(a.reason)}. Its results are partial, and any later stages were skipped.`);
    }
    if (report.accepted) {
        const n = report.accepted.checks;
        lines.push('', `✋ **Regressions accepted** (${(0,report_escape.md)(report.accepted.reason)}): ${n} failed regression check${n === 1 ? ' is' : 's are'} reported as ${n === 1 ? 'a warning' : 'warnings'} instead of failing.`);
    }
    return lines;
}
function stageTable(report) {
    // The cost column only where the app's figures were read (target.start or target.process).
    const cost = report.stages.some((s) => s.resources);
    const lines = [
        `| | stage | requests | rps | errors | p50 | p95 | p99 |${cost ? ' cost (CPU/request · peak memory) |' : ''}`,
        `|---|---|---:|---:|---:|---:|---:|---:|${cost ? '---:|' : ''}`,
    ];
    for (const s of report.stages) {
        const cells = LATENCY_COLUMNS.map((m) => metricCell(report, s, m, (0,format/* fmtMs */.mq)(s.latency_ms[m])));
        const rps = metricCell(report, s, 'rps', s.rps.toFixed(1));
        const errors = metricCell(report, s, 'error_rate', (0,format/* fmtPct */.pT)(s.error_rate));
        if (cost)
            cells.push(costCells(report, s).join(' · '));
        lines.push(`| ${format/* ICON */.kb[stageVerdict(report, s)]} | ${(0,report_escape.md)(s.name)} (${(0,report_escape.md)(s.kind)}${s.protocol === 'ws' ? ', ws' : ''}) | ${s.requests} | ${rps} | ${errors} | ${cells.join(' | ')} |`);
    }
    return lines;
}
/**
 * What the app spent, as two cells: CPU ms per request and peak memory, each with its change
 * against the baseline where a regression rule compared it ("2.27 ms CPU (+48.3% vs 2.27 ms)"); "—"
 * for a figure the source could not give (stageNotes says why).
 */
function costCells(report, s) {
    const r = s.resources;
    const cpu = r?.cpu_ms_per_request;
    const peak = r?.rss_mb_peak;
    return [
        cpu === null || cpu === undefined ? '— CPU' : metricCell(report, s, 'cpu_per_request', `${(0,format/* fmtCpuMs */.UG)(cpu)} CPU`),
        peak === null || peak === undefined ? '— peak' : metricCell(report, s, 'rss_peak', `${(0,format/* fmtMb */.f)(peak)} peak`),
    ];
}
function checkTable(report, checks) {
    const lines = ['| | stage | metric | rule | baseline | current | change [95% interval] | method |', '|---|---|---|---|---:|---:|---|---|'];
    for (const c of (0,format/* bySeverity */.Np)(checks)) {
        const rule = c.kind !== 'regression' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} ${(0,format/* comparedWith */.o3)(report, c)}`;
        const note = c.note ? ` (${(0,report_escape.md)(c.note)})` : '';
        lines.push(`| ${format/* ICON */.kb[c.verdict]} | ${(0,report_escape.md)(c.stage)} | ${c.metric} | ${(0,report_escape/* code */.aY)(rule).replace(/\|/g, '\\|')} | ${(0,format/* fmtMetric */.IZ)(c.metric, c.baseline)} | ${(0,format/* fmtMetric */.IZ)(c.metric, c.current)} | ${c.kind === 'regression' ? (0,format/* fmtChange */.M3)(c) : ''} | ${(0,report_escape.md)(c.method)}${note} |`);
    }
    return lines;
}
function details(summary, body, open = false) {
    return [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}
/** Where this run falls in the noise band of past runs (median ± σ̂, σ̂ from the MAD). */
function bandTable(report) {
    if (!report.bands?.length)
        return [];
    const lines = ['| stage | metric | past runs | median | σ̂ | this run | position |', '|---|---|---:|---:|---:|---:|---:|'];
    for (const b of report.bands) {
        const far = Math.abs(b.position_sigma) >= 3 ? ' ⚠️' : '';
        lines.push(`| ${(0,report_escape.md)(b.stage)} | ${b.metric} | ${b.n} | ${(0,format/* fmtMetric */.IZ)(b.metric, b.median)} | ${(0,format/* fmtMetric */.IZ)(b.metric, b.sigma)} | ${(0,format/* fmtMetric */.IZ)(b.metric, b.current)} | ${b.position_sigma >= 0 ? '+' : ''}${b.position_sigma.toFixed(1)}σ${far} |`);
    }
    return [...lines, ''];
}
/** Per stage: endpoints, error kinds and status codes, for the collapsed section. */
function stageDetails(s) {
    const lines = [`**${(0,report_escape.md)(s.name)}**`, '', '| endpoint | requests | errors | p50 | p95 | p99 |', '|---|---:|---:|---:|---:|---:|'];
    for (const e of s.endpoints) {
        // errors is null for an imported endpoint whose tool gave no failure count.
        lines.push(`| ${(0,report_escape.md)(e.name)} | ${e.requests} | ${(0,format/* fmtCount */.bg)(e.errors)} | ${(0,format/* fmtMs */.mq)(e.latency_ms.p50)} | ${(0,format/* fmtMs */.mq)(e.latency_ms.p95)} | ${(0,format/* fmtMs */.mq)(e.latency_ms.p99)} |`);
    }
    const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
    const codes = Object.entries(s.status_codes).map(([code, n]) => `${code}: ${n}`);
    lines.push('', `Errors: ${kinds.length ? kinds.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}. Status codes: ${codes.join(', ') || 'none'}.`);
    if (s.error_samples)
        lines.push('', `Transport errors seen: ${Object.entries(s.error_samples)
            .map(([m, n]) => `${(0,report_escape.md)(m)} (${n}×)`)
            .join('; ')}.`);
    return lines;
}
const DIAGNOSIS_ICON = { warn: '⚠️', info: 'ℹ️' };
/** The PR comment names this many findings; the job summary has them all, with their evidence. */
const COMMENT_DIAGNOSES = 3;
/** "What this run says": each finding with its evidence, or (the comment) the first few titles. */
function diagnosesSection(report, compact) {
    const ds = report.diagnoses ?? [];
    if (ds.length === 0)
        return [];
    const shown = compact ? ds.slice(0, COMMENT_DIAGNOSES) : ds;
    const lines = ['', compact ? '**What this run says**' : '### What this run says', ''];
    for (const d of shown) {
        lines.push(`- ${DIAGNOSIS_ICON[d.severity]} **${(0,report_escape.md)(d.stage)}**: ${(0,report_escape.md)(d.title)}`);
        if (!compact)
            lines.push(...d.evidence.map((e) => `  - ${(0,report_escape.md)(e)}`));
    }
    if (ds.length > shown.length)
        lines.push(`- and ${ds.length - shown.length} more${compact ? ', with their figures, in the job summary' : ''}.`);
    return lines;
}
function renderSummary(report, extras = {}) {
    const lines = [...headline(report), '', ...stageTable(report), ...diagnosesSection(report, false)];
    if (report.checks.length > 0)
        lines.push('', ...details('Checks', checkTable(report, report.checks), true));
    const notes = stageNotes(report);
    if (notes.length > 0)
        lines.push('', ...notes.map((n) => `- ${n}`));
    const steps = (0,stage_outcomes/* stressStepTables */._T)(report.stages);
    if (steps.length > 0)
        lines.push('', ...details('Stress steps', steps, true));
    const charts = timelineCharts(report);
    if (charts.length > 0)
        lines.push('', ...details('Timeline', charts.flatMap((c) => [c, '']), true));
    const trends = Object.entries(extras.history ?? {})
        .map(([stage, points]) => historyChart(stage, points))
        .filter(Boolean);
    if (trends.length > 0 || report.bands?.length)
        lines.push('', ...details('History', [...bandTable(report), ...trends.flatMap((c) => [c, ''])]));
    lines.push('', ...details('Endpoints and errors', report.stages.flatMap((s) => [...stageDetails(s), ''])));
    lines.push('');
    return lines.join('\n');
}
/** The PR comment: headline, the deltas table, what failed, and where the rest is. */
function renderComment(report, extras = {}) {
    const lines = [...headline(report), '', ...stageTable(report)];
    // What the table cannot show of stress and soak stages: the breaking point, drift and memory.
    const outcomes = report.stages.map(outcomeNote).filter((n) => n !== undefined);
    if (outcomes.length > 0)
        lines.push('', ...outcomes.map((n) => `- ${n}`));
    lines.push(...diagnosesSection(report, true));
    const notable = report.checks.filter((c) => c.verdict !== 'pass');
    if (notable.length > 0)
        lines.push('', ...checkTable(report, notable));
    if (extras.runUrl)
        lines.push('', `Full report, charts and history: [the job summary](${extras.runUrl}).`);
    lines.push('');
    return lines.join('\n');
}
/** Plain sentences for what the tables cannot show: distrust, drops, spikes, bursts, errors. */
function stageNotes(report) {
    const notes = [];
    for (const s of report.stages) {
        const name = (0,report_escape.md)(s.name);
        if (s.generator_saturated) {
            notes.push(`⚠️ **${name}**: the load generator was saturated (${(0,report_escape.md)(s.generator.reason ?? '')}); this stage's numbers describe the generator, not the target, and cannot fail the gate.`);
        }
        const outcome = (0,stage_outcomes/* outcomeNote */.z)(s);
        if (outcome)
            notes.push(outcome);
        if (s.dropped > 0 && s.kind !== 'stress') {
            notes.push(`⚠️ **${name}**: ${s.dropped} scheduled requests were dropped because max_in_flight requests were already outstanding (the target was too slow for the asked rate).`);
        }
        if (s.spike) {
            const rec = s.spike.recovery_ms === null ? 'never recovered' : `recovered in ${(s.spike.recovery_ms / 1000).toFixed(0)} s`;
            notes.push(`**${name}**: pre-spike p95 ${(0,format/* fmtMs */.mq)(s.spike.pre_p95_ms)}, peak p95 ${(0,format/* fmtMs */.mq)(s.spike.peak_p95_ms)}, ${rec}.`);
        }
        if (s.cycles && s.cycles.length > 0) {
            const parts = s.cycles.map((c) => `${(0,format/* fmtMs */.mq)(c.duration_ms)} (${c.successes} ok${c.errors ? `, ${c.errors} failed` : ''})`);
            notes.push(`**${name}**: burst cycles ${parts.join(', ')}.`);
        }
        if (s.protocol === 'ws')
            notes.push(wsNote(s));
        if (s.resources)
            notes.push(resourcesNote(s, s.resources));
        if (s.imported)
            notes.push(importedNote(s, s.imported));
        if (s.sessions && s.sessions.failed > 0)
            notes.push(`${s.sessions.failed >= s.sessions.users ? '❌' : '⚠️'} **${name}**: ${(0,report_escape.md)((0,flows/* sessionLine */.vN)(s.sessions))}.`);
        if (s.unsent)
            notes.push(`${s.requests === 0 ? '❌' : '⚠️'} **${name}**: ${(0,report_escape.md)((0,flows/* unsentLine */.Uu)(s.unsent))}; perf-gate never sends a literal placeholder.`);
        for (const o of [...(s.setup ?? []), ...(s.verify ?? [])].filter((x) => !x.ok)) {
            const which = s.setup?.includes(o) ? 'setup' : 'verify';
            notes.push(`❌ **${name}** ${which} ${(0,report_escape/* code */.aY)(o.name)}: ${(0,report_escape.md)(o.problems.join('; '))}${o.sample ? ` (${(0,report_escape.md)(o.sample)})` : ''}.`);
        }
        const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
        if (kinds.length > 0)
            notes.push(`**${name}** errors: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}${s.retry_after_seen ? ` (Retry-After sent ${s.retry_after_seen}×${retryAfterRange(s.retry_after_s)})` : ''}.`);
    }
    return notes;
}
/** The app's figures in a sentence: where they came from, and why any is missing. */
function resourcesNote(s, r) {
    if (r.cpu_ms_per_request === null && r.rss_mb_peak === null) {
        return `⚠️ **${(0,report_escape.md)(s.name)}**: what the app spent could not be read (${(0,report_escape.md)(r.source)}: ${(0,report_escape.md)(r.error ?? 'no value')}); rules on cpu_per_request and rss_peak warn, never fail.`;
    }
    const parts = [
        r.cpu_pct === null ? undefined : `${r.cpu_pct}% of a core`,
        r.cpu_ms === null || r.cpu_ms === undefined ? undefined : `${r.cpu_ms.toFixed(0)} ms CPU in all`,
    ];
    if (r.rss_mb_start !== undefined && r.rss_mb_start !== null && r.rss_mb_end !== undefined && r.rss_mb_end !== null)
        parts.push(`memory ${(0,format/* fmtMb */.f)(r.rss_mb_start)} → ${(0,format/* fmtMb */.f)(r.rss_mb_end)}`);
    if (r.rss_mb_peak === null)
        parts.push(`no memory figure${r.error ? ` (${(0,report_escape.md)(r.error)})` : ''}`);
    if (r.note)
        parts.push((0,report_escape.md)(r.note));
    return `**${(0,report_escape.md)(s.name)}** app (${(0,report_escape.md)(r.source)}): ${parts.filter((p) => p !== undefined).join(', ')}.`;
}
/** What an imported stage lacks, and how its regressions are judged. */
function importedNote(s, imported) {
    const missing = imported.missing.length ? ` Not in the ${imported.tool} results (shown as —): ${imported.missing.map(report_escape.md).join(', ')}.` : '';
    const own = imported.tool_thresholds ?? [];
    const failed = own.filter((t) => !t.ok);
    const verdicts = own.length
        ? ` ${imported.tool}'s own thresholds (not gated here): ${own.length - failed.length} of ${own.length} passed${failed.length ? `; failed: ${failed.map((t) => `${(0,report_escape/* code */.aY)(t.metric)} ${(0,report_escape/* code */.aY)(t.rule)}`).join(', ')}` : ''}.`
        : '';
    const notes = (imported.notes ?? []).map((n) => ` ${(0,report_escape.md)(n)}.`).join('');
    const trends = Object.entries(imported.trends ?? {});
    const trendText = trends.length
        ? ` Custom trends (rules name them \`trend:NAME\`): ${trends.map(([n, l]) => `${(0,report_escape/* code */.aY)(n)} p50 ${(0,format/* fmtMs */.mq)(l.p50)}, p95 ${(0,format/* fmtMs */.mq)(l.p95)}, max ${(0,format/* fmtMs */.mq)(l.max)}`).join('; ')}.`
        : '';
    const errors = [imported.failures, imported.exceptions]
        .filter((e) => e !== undefined)
        .map((e) => ` ${topErrors(e)}`)
        .join('');
    return `**${(0,report_escape.md)(s.name)}**: measured by ${imported.tool}; regressions are point comparisons (one summary per run, no per-second data to measure noise).${missing}${verdicts}${trendText}${notes}${errors}`;
}
/** "Top errors (run_failures.csv, 881 in 6 kinds): `GET /: timed out` ×246; …". */
function topErrors(e) {
    if (e.rows === 0)
        return `${(0,report_escape/* code */.aY)(e.from)}: no errors listed.`;
    const shown = e.top.map((t) => `${(0,report_escape/* code */.aY)(t.error.length > 160 ? `${t.error.slice(0, 157)}…` : t.error)} ×${t.count}`).join('; ');
    const more = e.distinct > e.top.length ? `; and ${e.distinct - e.top.length} more kinds` : '';
    return `Top errors (${(0,report_escape/* code */.aY)(e.from)}, ${e.total} in ${e.distinct} kind${e.distinct === 1 ? '' : 's'}): ${shown}${more}.`;
}
/** One sentence per ws stage: what the message table cannot show (connections, closes, stream). */
function wsNote(s) {
    const parts = [];
    const c = s.connections;
    if (c)
        parts.push(`${c.opened} connections opened (${c.planned} planned, peak ${c.peak} open, ${c.open_at_end} open at the end${c.failed ? `, ${c.failed} failed to open` : ''})`);
    if (s.connect_ms && c && c.opened > 0)
        parts.push(`connect p50 ${(0,format/* fmtMs */.mq)(s.connect_ms.p50)}, p99 ${(0,format/* fmtMs */.mq)(s.connect_ms.p99)}`);
    const closes = Object.entries(s.closes_by_code ?? {});
    parts.push(closes.length ? `closed by the server or network: ${closes.map(([code, n]) => `${code} ×${n}`).join(', ')}` : 'no unexpected closes');
    if (s.reconnects)
        parts.push(`${s.reconnects} reconnects`);
    if (s.messages_per_s !== undefined)
        parts.push(`${s.messages_per_s.toFixed(1)} messages/s`);
    if (s.gap_ms)
        parts.push(`gap p50 ${(0,format/* fmtMs */.mq)(s.gap_ms.p50)}, p99 ${(0,format/* fmtMs */.mq)(s.gap_ms.p99)}`);
    if (s.lag_ms)
        parts.push(`lag p50 ${(0,format/* fmtMs */.mq)(s.lag_ms.p50)}, p99 ${(0,format/* fmtMs */.mq)(s.lag_ms.p99)}`);
    if (s.unmatched_replies)
        parts.push(`${s.unmatched_replies} replies matched no message`);
    return `**${(0,report_escape.md)(s.name)}** (ws ${s.ws_mode ?? ''}): ${parts.join('; ')}.`;
}
/** `, 30 s` or `, 1–30 s`: the Retry-After values seen, when readable. */
function retryAfterRange(r) {
    if (!r)
        return '';
    return r.min === r.max ? `, ${r.min} s` : `, ${r.min}–${r.max} s`;
}


/***/ }),

/***/ 5948:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ stressFinding),
/* harmony export */   _T: () => (/* binding */ stressStepTables),
/* harmony export */   z: () => (/* binding */ outcomeNote)
/* harmony export */ });
/* unused harmony export fmtLevel */
/* harmony import */ var _model_format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(826);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4031);


/** "180/s" or "40 users". */
function fmtLevel(stress, level) {
    if (level === null)
        return '—';
    const n = String(+level.toFixed(3));
    return stress.unit === 'rps' ? `${n}/s` : `${n} user${level === 1 ? '' : 's'}`;
}
/** Conditions as code spans (`p95 < 200ms (was 412 ms)`), safe in a table cell. */
const conditions = (list, sep = '; ') => (list ?? []).map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c).replace(/\|/g, '\\|')).join(sep);
/**
 * What a stress stage found, as one sentence for every surface (summary, PR comment, report.html):
 * the branching lives here once, so no surface says "broke at null" of a stage cut short.
 */
function stressFinding(x, style) {
    const level = (n) => fmtLevel(x, n);
    // Cut (abort_when, target_down, Ctrl-C) before the first step ended: nothing was judged.
    if (x.steps.length === 0)
        return 'no breaking point: no step ran to its end';
    const broke = x.steps.find((st) => !st.passed);
    const why = broke?.broke?.length ? `: ${style.conditions(broke.broke)}` : '';
    if (x.breaking_point === null)
        return `no breaking point: the first step already broke (broke at ${level(broke?.level ?? x.steps[0].level)}${why})`;
    const point = `breaking point ${style.strong(level(x.breaking_point))}`;
    if (broke)
        return `${point} (broke at ${level(broke.level)}${why})`;
    if (x.reached_max)
        return `${point} (every step up to max ${level(x.max)} passed: the target held the most the plan asked)`;
    // Some steps passed, then the stage was cut: the capacity is at least this, not where it broke.
    return `${point} (stopped before a step broke)`;
}
const MARKDOWN = { strong: (t) => `**${t}**`, conditions: (list) => conditions(list) };
/** One sentence per stress or soak stage (undefined for other stages). */
function outcomeNote(s) {
    const name = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(s.name);
    if (s.stress) {
        const x = s.stress;
        const stepping = x.levels ? `levels ${x.levels.map((l) => fmtLevel(x, l)).join(', ')}` : `steps of ${fmtLevel(x, x.step)}`;
        return `**${name}**: ${stressFinding(x, MARKDOWN)}; ${stepping} every ${x.every_s} s, judged on ${conditions(x.until, ', ')}.`;
    }
    if (s.soak) {
        const d = s.soak.drift;
        const drift = d.delta_pct === null
            ? 'p95 drift not measured (a tenth without requests)'
            : `p95 drift ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtSigned */ ._Q)(d.delta_pct, '%')} (first tenth ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMs */ .mq)(d.first_p95)} → last tenth ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMs */ .mq)(d.last_p95)})`;
        const m = s.soak.memory;
        const memory = !m
            ? ''
            : m.error !== undefined
                ? `; memory not read from ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(m.url)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(m.error)}`
                : `; resident memory ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtBytes */ .zi)(m.before_bytes)} → ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtBytes */ .zi)(m.after_bytes)} (${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtSigned */ ._Q)(m.growth_pct ?? 0, '%')}) from ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(m.url)}`;
        return `**${name}**: ${drift}${memory}.`;
    }
    return undefined;
}
/** The steps of every stress stage, one compact table each (empty when there are none). */
function stressStepTables(stages) {
    const lines = [];
    for (const s of stages) {
        const x = s.stress;
        if (!x || x.steps.length === 0)
            continue;
        lines.push(`**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(s.name)}** (${x.unit === 'rps' ? 'rate' : 'users'} per step)`, '', '| | level | requests | rps | errors | p50 | p95 | p99 | broke |', '|---|---:|---:|---:|---:|---:|---:|---:|---|');
        for (const st of x.steps) {
            const mark = st.passed ? (st.level === x.breaking_point ? '🏁' : '✅') : '❌';
            const cells = [
                fmtLevel(x, st.level),
                st.requests,
                st.rps.toFixed(1),
                (0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtPct */ .pT)(st.error_rate),
                (0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMs */ .mq)(st.latency_ms.p50),
                (0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMs */ .mq)(st.latency_ms.p95),
                (0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMs */ .mq)(st.latency_ms.p99),
                conditions(st.broke),
            ];
            lines.push(`| ${mark} | ${cells.join(' | ')} |`);
        }
        lines.push('');
    }
    return lines;
}


/***/ }),

/***/ 1013:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/version.ts

const VERSION = package_namespaceObject.rE;


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 992:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".cli.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/input-checks.ts
var input_checks = __nccwpck_require__(2321);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/baseline/report-file.ts
var report_file = __nccwpck_require__(4540);
// EXTERNAL MODULE: ./src/baseline/store.ts
var store = __nccwpck_require__(4494);
;// CONCATENATED MODULE: ./src/baseline/report-folder.ts
/**
 * Past results from a folder of report.json files (`--history DIR`): what a local user or a CI
 * job that keeps its reports as artifacts has instead of a data branch. Read-only; files that are
 * not perf-gate reports of this plan on this runner are passed over, as the branch store does.
 */





/** Folders below DIR are searched this deep (DIR/<run>/report.json is the usual layout). */
const MAX_DEPTH = 2;
class ReportFolder {
    dir;
    description;
    leftOut;
    constructor(dir) {
        this.dir = dir;
        this.description = `folder ${dir}`;
    }
    /** Newest first (by the run's start time), at most `n`. */
    async history(request, n) {
        const found = [];
        const seen = new Set();
        const leftOut = {};
        const pass = (why) => void (leftOut[why] = (leftOut[why] ?? 0) + 1);
        for (const file of await this.jsonFiles(this.dir, 0)) {
            let report;
            try {
                report = await (0,report_file/* readReportFile */.$h)(file);
            }
            catch {
                continue; // other JSON in the folder (package.json, a summary export)
            }
            const f = report.fingerprints;
            // Without fingerprints nothing shows it is this plan on this runner; an A/B report measured
            // two builds sharing the runner's cores: neither is a past run of this plan.
            if (!f || !(0,store/* samePlan */.c)(f.plan, request) || f.runner !== request.runnerFingerprint) {
                pass(!f ? 'without fingerprints' : f.runner !== request.runnerFingerprint ? 'another runner' : 'another plan');
                continue;
            }
            // A shard measured a part of the load: not a past run of the plan.
            if (report.cancelled || report.verdict === 'fail' || report.ab || report.shard) {
                pass(report.cancelled ? 'cancelled' : report.verdict === 'fail' ? 'failed' : report.ab ? 'A/B' : 'shard');
                continue;
            }
            // The same run kept twice (report.json and a --save-baseline copy) must count once.
            const key = `${report.started_at} ${report.target}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            found.push({ report, commit: 'local', run: report.started_at, savedAt: report.started_at });
        }
        this.leftOut = Object.keys(leftOut).length > 0 ? leftOut : undefined;
        return found.sort((a, b) => b.report.started_at.localeCompare(a.report.started_at)).slice(0, n);
    }
    async jsonFiles(dir, depth) {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (err) {
            if (depth > 0)
                return [];
            throw new errors/* BaselineError */.s$(`cannot read the history folder ${dir}: ${err.code === 'ENOENT' ? 'no such folder' : err.message}`);
        }
        const files = [];
        for (const e of entries) {
            const p = external_node_path_default().join(dir, e.name);
            if (e.isFile() && e.name.endsWith('.json'))
                files.push(p);
            else if (e.isDirectory() && depth < MAX_DEPTH)
                files.push(...(await this.jsonFiles(p, depth + 1)));
        }
        return files;
    }
}

// EXTERNAL MODULE: ./src/baseline/file-store.ts
var file_store = __nccwpck_require__(1617);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __nccwpck_require__(826);
// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __nccwpck_require__(8215);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __nccwpck_require__(4031);
;// CONCATENATED MODULE: ./src/report/console.ts



function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
    return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
function renderConsole(report) {
    const rows = [['stage', 'kind', 'requests', 'rps', 'errors', 'p50', 'p95', 'p99', 'max']];
    for (const s of report.stages) {
        rows.push([
            s.name,
            s.protocol === 'ws' ? `${s.kind} (ws)` : s.kind,
            String(s.requests),
            s.rps.toFixed(1),
            (0,format/* fmtPct */.pT)(s.error_rate),
            (0,format/* fmtMs */.mq)(s.latency_ms.p50),
            (0,format/* fmtMs */.mq)(s.latency_ms.p95),
            (0,format/* fmtMs */.mq)(s.latency_ms.p99),
            (0,format/* fmtMs */.mq)(s.latency_ms.max),
        ]);
    }
    const out = [table(rows)];
    if (report.checks.length > 0) {
        const checkRows = [['', 'stage', 'check', 'baseline', 'current', 'change [95% interval]']];
        for (const c of (0,format/* bySeverity */.Np)(report.checks)) {
            checkRows.push([
                c.verdict.toUpperCase(),
                c.stage,
                `${c.metric} ${c.limit}${c.kind === 'regression' ? ` ${(0,format/* comparedWith */.o3)(report, c)}` : ''}`,
                (0,format/* fmtMetric */.IZ)(c.metric, c.baseline),
                (0,format/* fmtMetric */.IZ)(c.metric, c.current),
                c.kind === 'regression' ? (0,format/* fmtChange */.M3)(c) : '',
            ]);
        }
        out.push('', table(checkRows));
    }
    const notes = (0,markdown/* stageNotes */.Eu)(report).map((n) => `- ${(0,report_escape/* plainText */.wh)(n)}`);
    if (notes.length > 0)
        out.push('', ...notes);
    const diagnoses = report.diagnoses ?? [];
    if (diagnoses.length > 0)
        out.push('', 'What this run says:', ...diagnoses.map((d) => `${markdown/* DIAGNOSIS_ICON */.kk[d.severity]} ${d.stage}: ${d.title}`));
    const scope = report.shard
        ? ` (shard ${report.shard.index}/${report.shard.count}: not gated; perf-gate merge gates the whole)`
        : report.baseline || report.ab
            ? ''
            : ` (${(0,format/* withoutBaseline */.m4)(report, true)})`;
    out.push('', `${format/* ICON */.kb[report.verdict]} verdict: ${report.verdict.toUpperCase()}${scope}`);
    return out.join('\n');
}
/** Live progress: rewrites one line on a TTY; in CI a plain line every `everyMs`. */
class ProgressPrinter {
    stream;
    everyMs;
    lastPlain = 0;
    constructor(stream, everyMs = 5000) {
        this.stream = stream;
        this.everyMs = everyMs;
    }
    update(p) {
        const line = `${p.stage}  ${(p.elapsedMs / 1000).toFixed(0)}/${(p.totalMs / 1000).toFixed(0)} s  ${p.rps} req/s  p95 ${(0,format/* fmtMs */.mq)(p.p95)}  errors ${p.errors}/${p.requests}`;
        if (this.stream.isTTY) {
            this.stream.write(`\r\x1b[2K${line}`);
        }
        else if (p.elapsedMs - this.lastPlain >= this.everyMs || p.elapsedMs < this.lastPlain) {
            this.lastPlain = p.elapsedMs;
            this.stream.write(`${line}\n`);
        }
    }
    end() {
        if (this.stream.isTTY)
            this.stream.write('\r\x1b[2K');
        this.lastPlain = 0;
    }
}

// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __nccwpck_require__(1013);
;// CONCATENATED MODULE: ./src/interrupt.ts
/**
 * Process-level edges shared by the CLI and the action: Ctrl-C / a cancelled job, and the last net
 * under errors nothing else caught. Both end in one line, never a stack trace.
 */

/**
 * SIGINT or SIGTERM (Ctrl-C; GitHub cancelling a job sends SIGINT, then SIGTERM) aborts the
 * returned signal: the load stops and the partial report is still written. A second signal exits
 * at once with 130.
 */
function interruptSignal(warn) {
    const controller = new AbortController();
    const onSignal = () => {
        if (controller.signal.aborted)
            process.exit(errors/* EXIT */.dc.interrupted);
        warn('interrupted: stopping the load and writing a partial report (again to quit now)');
        controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return controller.signal;
}
/**
 * The last resort: an error thrown from a callback or a promise nobody awaited would otherwise end
 * the process with Node's stack trace. `fail` gets one line (`perf-gate: internal error: …` for a
 * foreign error) and the exit code from errors.ts; the process then exits with it.
 */
function catchStrayErrors(fail) {
    const onStray = (err) => {
        try {
            fail(`perf-gate: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        finally {
            process.exit((0,errors/* exitCodeFor */.Rr)(err));
        }
    };
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
}
/**
 * The net under a promise that never settles: when the event loop runs dry before the door has
 * its result (a callback that threw inside a library and left a stage waiting forever), Node would
 * exit 0 with no report, a green build. `isDone` says whether the door finished; if not, `fail`
 * gets one line and the process exits 2 (errors.ts: an unknown failure is a bug, never a pass).
 */
function failIfUnfinished(isDone, fail, proc = process) {
    proc.on('beforeExit', () => {
        if (isDone())
            return;
        try {
            fail('perf-gate: internal error: the work ended without a result (something it waited for never finished); no report was written');
        }
        finally {
            proc.exit(errors/* EXIT */.dc.badInput);
        }
    });
}

// EXTERNAL MODULE: ./src/model/redact.ts
var redact = __nccwpck_require__(4012);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * `perf-gate <command>`: parses flags, calls the core, prints, exits. Every failure ends in one
 * line (per plan problem) on stderr and the exit code from errors.ts, never a stack trace.
 */













// Start-up: the engine (core, plan, load, gate) and the demo server are chunks of their own, loaded
// by the command that needs them, so --version and --help start without them.
const loadEngine = () => Promise.all(/* import() */[__nccwpck_require__.e(977), __nccwpck_require__.e(961), __nccwpck_require__.e(871), __nccwpck_require__.e(521), __nccwpck_require__.e(950), __nccwpck_require__.e(470), __nccwpck_require__.e(911)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5911));
const loadShard = () => Promise.all(/* import() */[__nccwpck_require__.e(977), __nccwpck_require__.e(961), __nccwpck_require__.e(521), __nccwpck_require__.e(880)]).then(__nccwpck_require__.bind(__nccwpck_require__, 880));
const HELP = `perf-gate ${version/* VERSION */.x}: performance gate for pull requests and nightly builds

Usage:
  perf-gate run PLAN.yml [--target URL] [--baseline FILE [--force-baseline]] [--save-baseline FILE] [--history DIR]
                        [--no-confirm] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate run PLAN.yml --shard i/n [--target URL] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate merge REPORT.json... [--plan PLAN.yml] [--baseline FILE [--force-baseline]] [--out DIR] [--quiet]
  perf-gate ab PLAN.yml --base-ref REF [--rebuild] [--rounds N] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate ab PLAN.yml --base-url URL --head-url URL [--rounds N] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate compare BASELINE.json CURRENT.json [--plan PLAN.yml] [--force-baseline] [--out DIR]
  perf-gate compare --from k6|locust [BASELINE] CURRENT [--plan GATE.yml] [--baseline FILE] [--save-baseline FILE]
                    [--stage NAME] [--force-baseline] [--out DIR] [--quiet]
  perf-gate validate PLAN.yml
  perf-gate demo [--out DIR] [--quiet]       (demo --serve PORT: only start the demo target)
  perf-gate --version | --help

  --force-baseline compare with a baseline saved for another plan (its load shape differs) all the same
  --no-confirm     fail on the first run: by default (as in the action) a stage that fails a regression rule runs
                   once more, and fails only if the re-run agrees (--confirm is accepted and is the default)
  --history DIR    past report.json files (any *.json in DIR) for band rules ("+3σ", "band") and the trend
  ab               base and head in alternating rounds on this machine, gated on the paired rounds (default 10)
  --base-ref REF   ab: check out REF as a worktree, run target.build in it and here, start both with
                   target.start on free ports (\${PORT}, \${SIDE} = base|head), stop both and remove the worktree;
                   --rebuild: build this checkout even when it is already built at this commit, unchanged
  --shard i/n      run shard i of n (a matrix job): 1/n of every stage's load, an ungated report for merge
  merge            the n shard reports (files, or folders holding them) merged exactly and gated as one run
  --from k6|locust gate another tool's results: k6 --summary-export, handleSummary or machine-readable JSON, Locust
                   PREFIX_stats.csv (0.x: PREFIX_requests.csv; history, failures and exceptions CSVs beside it are read);
                   BASELINE is the same tool's file or a report.json saved with --save-baseline; --plan takes a
                   gate file (thresholds:, regression:, name:); the stage is named after the tool unless --stage

Exit codes: 0 pass (warnings allowed), 1 gate failed, 2 unusable input, 3 target unreachable.`;
/** The plan's secrets, once it has loaded (`onSecrets`): hidden in every line this process prints. */
const redactor = new redact/* Redactor */.pO();
const onSecrets = (values) => void redactor.add(values);
const log = {
    info: (m) => process.stderr.write(`${redactor.text(m)}\n`),
    warn: (m) => process.stderr.write(`warning: ${redactor.text(m)}\n`),
};
function parse(args, options, positionals) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args, options, allowPositionals: true, strict: true });
    }
    catch (err) {
        // Node's wording ("Unknown option '--x'. To specify a positional argument...") trimmed to its point.
        const message = err.message
            .split('\n')[0]
            .replace(/\. To specify a positional.*$/, '')
            .replace(/'/g, '');
        throw new errors/* UsageError */.eb(`${message.charAt(0).toLowerCase()}${message.slice(1)} (see perf-gate --help)`);
    }
    const [min, max] = positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
        throw new errors/* UsageError */.eb(`expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length} (see perf-gate --help)`);
    }
    return parsed;
}
/** --baseline names a file the user expects to exist: a typo is exit 2, not "no baseline yet". */
function existingFileStore(file, force) {
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* BaselineError */.s$(`cannot read ${file}: no such file`);
    return new file_store/* FileStore */.y({ file, force });
}
/** --history names a folder the user expects to exist. */
function existingFolder(dir) {
    if (!(0,external_node_fs_.existsSync)(dir))
        throw new errors/* BaselineError */.s$(`cannot read the history folder ${dir}: no such folder`);
    return new ReportFolder(dir);
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function finish(outcome, quiet) {
    const r = outcome.report;
    const failedChecks = r.checks.filter((c) => c.verdict === 'fail').length;
    process.stdout.write(quiet ? `${r.verdict.toUpperCase()}: ${plural(r.stages.length, 'stage')}, ${plural(failedChecks, 'failed check')}\n` : `${renderConsole(r)}\n`);
    process.stdout.write(`report: ${external_node_path_default().relative(process.cwd(), outcome.reportPath)}\n`);
    process.stdout.write(`html report: ${external_node_path_default().relative(process.cwd(), outcome.htmlPath)}\n`);
    if (outcome.saveError) {
        process.stderr.write(`perf-gate: the baseline could not be saved: ${redactor.text(outcome.saveError)}\n`);
        return errors/* EXIT */.dc.badInput;
    }
    if (outcome.report.cancelled) {
        process.stderr.write('perf-gate: the run was interrupted: the report is partial\n');
        return errors/* EXIT */.dc.interrupted;
    }
    if (outcome.report.verdict === 'fail') {
        const failed = outcome.report.checks.filter((c) => c.verdict === 'fail').map(format/* failurePhrase */.aM);
        process.stderr.write(`perf-gate: the gate failed: ${failed.join('; ')}\n`);
        return errors/* EXIT */.dc.gateFailed;
    }
    return errors/* EXIT */.dc.pass;
}
async function runCommand(args, planOverride) {
    const { values, positionals } = parse(args, {
        target: { type: 'string' },
        baseline: { type: 'string' },
        'save-baseline': { type: 'string' },
        out: { type: 'string' },
        stage: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        confirm: { type: 'boolean' },
        'no-confirm': { type: 'boolean' },
        history: { type: 'string' },
        shard: { type: 'string' },
        'force-baseline': { type: 'boolean' },
    }, planOverride ? [0, 0] : [1, 1]);
    const [{ runAndGate }, { parseShard }] = await Promise.all([loadEngine(), loadShard()]);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const quiet = values.quiet === true;
    const progress = new ProgressPrinter(process.stderr);
    const target = values.target ?? planOverride?.target;
    const outcome = await runAndGate({
        planFile: planOverride?.file ?? positionals[0],
        targetUrl: target,
        baseline: values.baseline !== undefined ? { store: existingFileStore(values.baseline, values['force-baseline'] === true) } : undefined,
        save: values['save-baseline'] !== undefined
            ? { store: new file_store/* FileStore */.y({ file: values['save-baseline'] }), commit: 'local', run: new Date().toISOString() }
            : undefined,
        outDir: values.out ?? 'perf-gate-report',
        stages: values.stage,
        env: planOverride?.env ?? process.env,
        cwd: process.cwd(),
        signal: interruptSignal(log.warn),
        log,
        onSecrets,
        // The action's default too: one verdict from either door on the same numbers. A shard is not
        // gated, so only an explicit --confirm reaches it (and is refused there).
        confirm: shard ? values.confirm === true : values['no-confirm'] !== true,
        runnerProbe: (0,input_checks/* runnerProbeSetting */.jH)(process.env),
        history: values.history !== undefined ? existingFolder(values.history) : undefined,
        shard,
        onStageStart: quiet
            ? undefined
            : (s, i, n, again) => {
                progress.end();
                log.info(`[${again ? 'again ' : ''}${i + 1}/${n}] ${s.name} (${s.kind}${s.protocol === 'ws' ? ', ws' : ''})`);
            },
        onProgress: quiet ? undefined : (p) => progress.update({ ...p, stage: redactor.text(p.stage) }),
    });
    progress.end();
    return finish(outcome, quiet);
}
async function abCommand(args) {
    const { values, positionals } = parse(args, {
        'base-url': { type: 'string' },
        'head-url': { type: 'string' },
        'base-ref': { type: 'string' },
        rebuild: { type: 'boolean' },
        rounds: { type: 'string' },
        out: { type: 'string' },
        stage: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
    }, [1, 1]);
    const baseRef = values['base-ref'];
    if (baseRef === undefined && (values['base-url'] === undefined || values['head-url'] === undefined)) {
        throw new errors/* UsageError */.eb('ab needs --base-ref REF (perf-gate builds and starts both sides), or both --base-url URL and --head-url URL (the two builds, already running)');
    }
    const rounds = (0,input_checks/* abRounds */.bG)(values.rounds, '--rounds');
    const quiet = values.quiet === true;
    const progress = new ProgressPrinter(process.stderr);
    const { runAbAndGate } = await loadEngine();
    const outcome = await runAbAndGate({
        planFile: positionals[0],
        baseUrl: values['base-url'],
        headUrl: values['head-url'],
        baseRef,
        rebuild: values.rebuild === true,
        rounds,
        outDir: values.out ?? 'perf-gate-report',
        stages: values.stage,
        env: process.env,
        cwd: process.cwd(),
        signal: interruptSignal(log.warn),
        log,
        onSecrets,
        onRound: quiet
            ? undefined
            : (s, round, n, side) => {
                progress.end();
                log.info(`${s.name} round ${round + 1}/${n}: ${side}`);
            },
        onProgress: quiet ? undefined : (p) => progress.update({ ...p, stage: redactor.text(p.stage) }),
    });
    progress.end();
    return finish(outcome, quiet);
}
async function compareCommand(args) {
    if (args.some((a) => a === '--from' || a.startsWith('--from=')))
        return compareImportCommand(args);
    const { values, positionals } = parse(args, { plan: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, 'force-baseline': { type: 'boolean' } }, [2, 2]);
    const { compareReports } = await loadEngine();
    const outcome = await compareReports({
        baselineFile: positionals[0],
        currentFile: positionals[1],
        planFile: values.plan,
        outDir: values.out ?? 'perf-gate-report',
        env: process.env,
        cwd: process.cwd(),
        force: values['force-baseline'] === true,
    });
    return finish(outcome, values.quiet === true);
}
/** `compare --from k6|locust [BASELINE] CURRENT`: another tool's results, gated like a run. */
async function compareImportCommand(args) {
    const { values, positionals } = parse(args, {
        from: { type: 'string' },
        plan: { type: 'string' },
        baseline: { type: 'string' },
        'save-baseline': { type: 'string' },
        stage: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean' },
        'force-baseline': { type: 'boolean' },
    }, [1, 2]);
    const [{ compareImported }, { importTool }] = await Promise.all([loadEngine(), Promise.all(/* import() */[__nccwpck_require__.e(977), __nccwpck_require__.e(961), __nccwpck_require__.e(871), __nccwpck_require__.e(521), __nccwpck_require__.e(950), __nccwpck_require__.e(470)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7470))]);
    const tool = importTool(values.from);
    if (positionals.length === 2 && values.baseline !== undefined) {
        throw new errors/* UsageError */.eb('give the baseline once: as the first of two files, or as --baseline FILE');
    }
    const stage = values.stage;
    if (stage !== undefined && stage.trim() === '')
        throw new errors/* UsageError */.eb('--stage takes a stage name, got an empty one');
    const outcome = await compareImported({
        tool,
        resultsFile: positionals.at(-1),
        baselineFile: positionals.length === 2 ? positionals[0] : values.baseline,
        save: values['save-baseline'] !== undefined
            ? { store: new file_store/* FileStore */.y({ file: values['save-baseline'] }), commit: 'local', run: new Date().toISOString() }
            : undefined,
        planFile: values.plan,
        stage,
        outDir: values.out ?? 'perf-gate-report',
        env: process.env,
        cwd: process.cwd(),
        force: values['force-baseline'] === true,
        log,
    });
    return finish(outcome, values.quiet === true);
}
async function mergeCommand(args) {
    const [{ mergeAndGate }, { MAX_SHARDS }] = await Promise.all([loadEngine(), loadShard()]);
    const { values, positionals } = parse(args, { plan: { type: 'string' }, baseline: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, 'force-baseline': { type: 'boolean' } }, [1, MAX_SHARDS]);
    const outcome = await mergeAndGate({
        shardFiles: positionals,
        planFile: values.plan,
        baseline: values.baseline !== undefined ? { store: existingFileStore(values.baseline, values['force-baseline'] === true) } : undefined,
        outDir: values.out ?? 'perf-gate-report',
        env: process.env,
        cwd: process.cwd(),
        log,
    });
    return finish(outcome, values.quiet === true);
}
async function validateCommand(args) {
    const { positionals } = parse(args, {}, [1, 1]);
    const { loadPlan } = await Promise.all(/* import() */[__nccwpck_require__.e(871), __nccwpck_require__.e(950), __nccwpck_require__.e(360)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5887));
    const plan = await loadPlan(positionals[0], process.env);
    process.stdout.write(`${positionals[0]}: ok (${plural(plan.stages.length, 'stage')}, ${plural(plan.requests.length, 'request')})\n`);
    return errors/* EXIT */.dc.pass;
}
/** The demo plan ships beside the bundle: dist/cli.js → ../examples/plan.yml. */
function demoPlanPath() {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    return external_node_path_default().relative(process.cwd(), external_node_path_default().join(here, '..', 'examples', 'plan.yml'));
}
/** `demo --serve PORT`: only the demo target, until stopped (for the action's self-test workflow). */
async function serveDemo(portText) {
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new errors/* UsageError */.eb(`--serve takes a port number, got "${portText}"`);
    const { startDemoServer } = await Promise.all(/* import() */[__nccwpck_require__.e(977), __nccwpck_require__.e(432)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8432));
    const server = await startDemoServer(port);
    log.info(`demo target listening on ${server.url} (Ctrl-C to stop)`);
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await server.close();
    return errors/* EXIT */.dc.pass;
}
async function demoCommand(args) {
    const serveAt = args.indexOf('--serve');
    if (serveAt >= 0)
        return serveDemo(args[serveAt + 1] ?? '');
    const { startDemoServer } = await Promise.all(/* import() */[__nccwpck_require__.e(977), __nccwpck_require__.e(432)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8432));
    const server = await startDemoServer();
    log.info(`demo target listening on ${server.url}; running ${demoPlanPath()} against it`);
    try {
        const env = { ...process.env, PERF_USER: process.env.PERF_USER ?? 'demo', PERF_PASS: process.env.PERF_PASS ?? 'demo' };
        return await runCommand(args, { file: demoPlanPath(), target: server.url, env });
    }
    finally {
        await server.close();
    }
}
async function main(argv) {
    const [command, ...rest] = argv;
    switch (command) {
        case 'run':
            return runCommand(rest);
        case 'compare':
            return compareCommand(rest);
        case 'validate':
            return validateCommand(rest);
        case 'demo':
            return demoCommand(rest);
        case 'ab':
            return abCommand(rest);
        case 'merge':
            return mergeCommand(rest);
        case '--version':
        case '-v':
            process.stdout.write(`${version/* VERSION */.x}\n`);
            return errors/* EXIT */.dc.pass;
        case undefined:
        case '--help':
        case '-h':
        case 'help':
            process.stdout.write(`${HELP}\n`);
            return command === undefined ? errors/* EXIT */.dc.badInput : errors/* EXIT */.dc.pass;
        default:
            throw new errors/* UsageError */.eb(`unknown command "${command}" (commands: run, merge, ab, compare, validate, demo; see perf-gate --help)`);
    }
}
catchStrayErrors((line) => process.stderr.write(`${redactor.text(line)}\n`));
// main() always ends in process.exit: a drained event loop before that means it never settled.
failIfUnfinished(() => false, (line) => process.stderr.write(`${line}\n`));
main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
    // Plan problems stay in the bare file:line:col form that editors and problem matchers parse.
    const message = redactor.text((0,errors/* describeError */.Uc)(err));
    process.stderr.write(err instanceof errors/* PlanError */.W6 ? `${message}\n` : `perf-gate: ${message}\n`);
    process.exit((0,errors/* exitCodeFor */.Rr)(err));
});

var __webpack_exports__main = __webpack_exports__.i;
export { __webpack_exports__main as main };
