export const id = 470;
export const ids = [470];
export const modules = {

/***/ 257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ abortChecks)
/* harmony export */ });
/* unused harmony export ABORT_METRIC */
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


/***/ }),

/***/ 6452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aJ: () => (/* binding */ bandPositions),
/* harmony export */   me: () => (/* binding */ evaluateBandRules),
/* harmony export */   wN: () => (/* binding */ MIN_HISTORY)
/* harmony export */ });
/* unused harmony exports noiseBand, sigmaFloor */
/* harmony import */ var _model_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(826);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1370);
/* harmony import */ var _regression_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(446);
/* harmony import */ var _statistics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2296);




/** Fewer past values than this: the band cannot be trusted. */
const MIN_HISTORY = 5;
/** Past runs looked at, newest first: older ones describe a codebase that has moved on. */
const MAX_HISTORY = 20;
/** 1.4826·MAD estimates the standard deviation of normal data. */
const MAD_TO_SIGMA = 1.4826;
const DEFAULT_POSITION_METRICS = ['p50', 'p95', 'p99', 'error_rate', 'rps', 'breaking_point'];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (values) => (0,_statistics_js__WEBPACK_IMPORTED_MODULE_3__/* .quantile */ .YV)([...values].sort((a, b) => a - b), 0.5);
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
function sigmaFloor(metric, median, requests, stressStep = 0) {
    if (_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .LATENCY_METRICS */ .Z$.has(metric) || metric === 'rps')
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
        const v = s ? (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricValue */ .a3)(s, metric) : null;
        if (v !== null && Number.isFinite(v))
            values.push(v);
        if (values.length === MAX_HISTORY)
            break;
    }
    return values;
}
function bandFor(history, stage, metric, k) {
    if (!(0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleApplies */ .bF)(stage, metric))
        return undefined;
    const current = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricValue */ .a3)(stage, metric);
    if (current === null)
        return undefined;
    const values = pastValues(history, stage.name, metric);
    if (values.length < MIN_HISTORY)
        return { current, values };
    const floor = sigmaFloor(metric, median(values), stage.requests, stage.stress && (0,_regression_js__WEBPACK_IMPORTED_MODULE_2__/* .stepResolution */ .Hr)(stage.stress, stage.stress.breaking_point));
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
                position_sigma: round((found.current - band.median) / band.sigma),
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
                const missing = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleApplies */ .bF)(stage, rule.metric) ? (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .missingValue */ .Qh)(stage, rule.metric) : undefined;
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
            const position = band.sigma > 0 ? round((c - band.median) / band.sigma) : undefined;
            const range = `band ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMetric */ .IZ)(rule.metric, band.lo)} – ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMetric */ .IZ)(rule.metric, band.hi)}`;
            // A stress run that broke nothing only says "at least its max": below the band is not a loss.
            const stoppedAtMax = worse && rule.metric === 'breaking_point' && stage.stress?.reached_max === true;
            checks.push({
                ...base,
                baseline: band.median,
                delta_pct: band.median !== 0 ? round(((c - band.median) / band.median) * 100) : null,
                significant: outside,
                verdict: stoppedAtMax ? 'warn' : worse ? 'fail' : 'pass',
                note: stoppedAtMax
                    ? (0,_regression_js__WEBPACK_IMPORTED_MODULE_2__/* .stoppedAtMaxNote */ .NJ)(stage.stress, `the history's band (${range})`)
                    : position !== undefined
                        ? `${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtSigned */ ._Q)(position, 'σ')} from the median of ${band.n} past runs (${range})`
                        : `the ${band.n} past runs show no spread (σ̂ = 0), so any change leaves the band (${range})`,
                band: { n: band.n, median: band.median, sigma: band.sigma, lo: band.lo, hi: band.hi },
                ...(position !== undefined ? { position_sigma: position } : {}),
            });
        }
    }
    return checks;
}


/***/ }),

/***/ 3735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gj: () => (/* binding */ gate),
  Hx: () => (/* reexport */ stagesToConfirm)
});

// UNUSED EXPORTS: DEFAULT_REGRESSION, rulesForStage

// EXTERNAL MODULE: ./src/gate/band.ts
var band = __webpack_require__(6452);
// EXTERNAL MODULE: ./src/gate/regression.ts
var regression = __webpack_require__(446);
// EXTERNAL MODULE: ./src/gate/thresholds.ts
var thresholds = __webpack_require__(9695);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/gate/metrics.ts
var metrics = __webpack_require__(1370);
// EXTERNAL MODULE: ./src/gate/statistics.ts
var statistics = __webpack_require__(2296);
// EXTERNAL MODULE: ./src/model/format.ts
var format = __webpack_require__(826);
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
    const before = then ? then.cpu_probe_ms : median(past.flatMap((p) => (p.cpu_probe_ms === undefined ? [] : [p.cpu_probe_ms])));
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
        figures: Object.fromEntries(keys.map((k) => [k, median(refs.map((r) => r[k]))])),
        what: `the median of ${refs.length} past run${refs.length === 1 ? '' : 's'}`,
    };
}
function median(xs) {
    return xs.length > 0
        ? (0,statistics/* quantile */.YV)([...xs].sort((a, b) => a - b), 0.5)
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
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
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
    if (!metrics/* LATENCY_METRICS */.Z$.has(metric) && metric !== 'rps')
        return stands(c, e, `a ${metric} change is not a latency the runner can add to: judged as measured`);
    if (!e.now || !e.against) {
        const missing = !e.now ? 'this run has' : e.baselineStage ? 'the baseline has' : 'the past runs have';
        return stands(c, e, `${missing} no reference-server figures to size that by: judged as measured`);
    }
    const added = addedMs(e, metric === 'rps' ? 'mean' : metric);
    if (!added || added.ms < NEGLIGIBLE_MS) {
        return stands(c, e, `perf-gate's reference server answered no slower than in ${e.against.what}${added ? ` (${added.key} ${ms(added.now)} against ${ms(added.then)})` : ''}: nothing to take off`);
    }
    if (!evidenced(e, added))
        return c;
    const source = `perf-gate's reference server answered ${ms(added.ms)} slower at ${added.key} than in ${e.against.what} (${ms(added.then)} → ${ms(added.now)})`;
    const stageRules = (0,regression/* rulesForStage */.t9)(rules.regression, stage.kind);
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
    const verdict = iv ? (0,statistics/* judgeInterval */.hm)(iv, rule.amount, worseIsUp, remaining) : (0,statistics/* judgeInterval */.hm)({ lo: remaining, hi: remaining }, rule.amount, worseIsUp);
    const rest = `${(0,format/* fmtSigned */._Q)(remaining, '%', 1)}${iv ? ` [${(0,format/* fmtSigned */._Q)(iv.lo, '', 1)}, ${(0,format/* fmtSigned */._Q)(iv.hi, '', 1)}]` : ''}`;
    const arithmetic = `${source}, which accounts for ${(0,format/* fmtSigned */._Q)(-sign * explained, '%', 1)} of the ${(0,format/* fmtSigned */._Q)(c.delta_pct, '%', 1)}; the rest is ${rest}`;
    return rejudged(c, e, verdict, arithmetic, {
        by: e.reason,
        runner_ms: round(added.ms, 3),
        explained_pct: round(-sign * explained),
        remaining_pct: round(remaining),
        ...(iv ? { remaining_interval_pct: [round(iv.lo), round(iv.hi)] } : {}),
    });
}
function excuseBand(c, e, addedMsValue, source, metric) {
    const band = c.band;
    const rest = c.current - addedMsValue;
    const verdict = rest > band.hi ? 'fail' : 'pass';
    const arithmetic = `${source}; ${metric} without it is ${ms(rest)} against the band's top ${ms(band.hi)}`;
    return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: round(addedMsValue, 3), remaining: round(rest, 3) });
}
function excuseThreshold(c, stage, e, rules) {
    const metric = c.metric;
    if (metric === 'error_rate')
        return excuseTimeouts(c, stage, e, rules);
    if (!metrics/* LATENCY_METRICS */.Z$.has(metric))
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
    const verdict = (0,thresholds/* compare */.U)(rest, rule.op, rule.value) ? 'pass' : 'fail';
    const arithmetic = `perf-gate's reference server answered ${ms(added.ms)} slower at ${added.key} during the stage than ${e.against.what} (${ms(added.then)} → ${ms(added.now)}); ${metric} without it is ${ms(rest)}`;
    return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: round(added.ms, 3), remaining: round(rest, 3) });
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
        return rejudged(c, e, (0,thresholds/* compare */.U)(rate, rule.op, rule.value) ? 'pass' : 'fail', arithmetic, { by: e.reason, remaining: round(rate, 6) });
    }
    const rule = (0,regression/* rulesForStage */.t9)(rules.regression, stage.kind).find((r) => r.metric === 'error_rate' && r.raw === c.limit && r.unit !== 'sigma');
    const then = e.baselineStage;
    if (!rule || !then)
        return stands(c, e, 'the rule it failed is not one a baseline run can be re-judged by: judged as measured');
    const before = then.error_rate;
    const iv = (0,statistics/* twoProportionInterval */._N)(then.errors, then.requests, errors, stage.requests);
    const ivPp = { lo: iv.lo * 100, hi: iv.hi * 100 };
    const deltaPp = (rate - before) * 100;
    const verdict = (0,regression/* judgeErrorRateChange */.IX)(rule, before, deltaPp, ivPp, true);
    return rejudged(c, e, verdict, `${arithmetic} (${(0,format/* fmtSigned */._Q)(deltaPp, 'pp', 2)})`, { by: e.reason, remaining: round(rate, 6) });
}
/** Closed-model stages: the users running in the steady windows (the median); undefined for open-model stages. */
function steadyUsers(s) {
    const users = s.timeline.filter((w) => w.requests > 0 && w.users !== undefined).map((w) => w.users);
    return users.length > 0 ? median(users) : undefined;
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

// EXTERNAL MODULE: ./src/gate/abort.ts
var abort = __webpack_require__(257);
// EXTERNAL MODULE: ./src/gate/flows.ts
var flows = __webpack_require__(1562);
;// CONCATENATED MODULE: ./src/gate/index.ts










function judge(rules, current, against) {
    const bandRules = (rules.regression ?? []).filter((r) => r.unit === 'sigma');
    const checks = [
        ...(0,thresholds/* evaluateThresholds */.S)(rules.thresholds, current),
        ...(against.baseline ? (0,regression/* evaluateRegressions */.qW)(rules.regression, against.baseline, current, against.estimate) : []),
        // No history source at all (A/B) is not a short history: band rules do not apply there.
        ...(bandRules.length > 0 && against.history ? (0,band/* evaluateBandRules */.me)(bandRules, against.history, current) : []),
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
        checks = (0,verdict/* acceptRegressions */.Z)(checks, options.accept);
    // After the excuses and acceptances: an aborted stage fails, whatever the runner or the label.
    checks = [...checks, ...(0,abort/* abortChecks */.A)(current), ...(0,flows/* flowChecks */.uG)(current)];
    return { checks, verdict: (0,verdict/* overallVerdict */.B)(checks, current) };
}


/***/ }),

/***/ 1370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ missingValue),
/* harmony export */   YF: () => (/* binding */ windowSamples),
/* harmony export */   Z$: () => (/* binding */ LATENCY_METRICS),
/* harmony export */   a3: () => (/* binding */ metricValue),
/* harmony export */   bF: () => (/* binding */ ruleApplies),
/* harmony export */   fK: () => (/* binding */ windowColumn),
/* harmony export */   kJ: () => (/* binding */ absentNote),
/* harmony export */   um: () => (/* binding */ windowBuckets),
/* harmony export */   vR: () => (/* binding */ resourceNote),
/* harmony export */   y$: () => (/* binding */ PERCENTILE_OF)
/* harmony export */ });
/* harmony import */ var _model_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(826);
/* harmony import */ var _metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5835);


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
                    note: `the first step (${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtMetric */ .IZ)('breaking_point', first.level)}${stage.stress.unit === 'vus' ? ' users' : ''}) already broke: ${(first.broke ?? []).join('; ')}`,
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
            b = ws.every((w) => typeof w.histogram === 'string') ? ws.map((w) => (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .histogramBuckets */ .k9)((0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(w.histogram))) : null;
        }
        catch {
            b = null;
        }
        bucketsOf.set(s, b);
    }
    return b ?? undefined;
}


/***/ }),

/***/ 446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hr: () => (/* binding */ stepResolution),
/* harmony export */   IX: () => (/* binding */ judgeErrorRateChange),
/* harmony export */   NJ: () => (/* binding */ stoppedAtMaxNote),
/* harmony export */   f9: () => (/* binding */ windowBootstrap),
/* harmony export */   iW: () => (/* binding */ IMPORTED_POINT_METHOD),
/* harmony export */   qW: () => (/* binding */ evaluateRegressions),
/* harmony export */   t9: () => (/* binding */ rulesForStage)
/* harmony export */ });
/* unused harmony exports PERCENTILE_METHOD, RATIO_METHOD, cpuRatioSamples, DEFAULT_REGRESSION, regressionCheck, peakMemoryCheck, PEAK_METHOD, recoveryCheck, breakingPointCheck */
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1370);
/* harmony import */ var _model_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(826);
/* harmony import */ var _statistics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2296);
/* harmony import */ var _metrics_resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(460);




const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
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
        const interval = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .bootstrapChangeInterval */ .o9)(cpuRatioSamples(before), cpuRatioSamples(after), pointPct);
        return interval && { interval, method: RATIO_METHOD };
    }
    const percentile = _metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .PERCENTILE_OF */ .y$[metric];
    const beforeBuckets = percentile === undefined ? undefined : (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .windowBuckets */ .um)(before);
    const afterBuckets = percentile === undefined ? undefined : (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .windowBuckets */ .um)(after);
    if (percentile !== undefined && beforeBuckets && afterBuckets) {
        const interval = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .resampledPercentileInterval */ .i2)(beforeBuckets, afterBuckets, percentile);
        return interval && { interval, method: PERCENTILE_METHOD };
    }
    const column = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .windowColumn */ .fK)(metric);
    if (!column)
        return undefined;
    const interval = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .bootstrapChangeInterval */ .o9)((0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .windowSamples */ .YF)(before, column.key), (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .windowSamples */ .YF)(after, column.key), pointPct);
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
    const ws = (0,_metrics_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .cpuWindows */ .ok)(s.timeline);
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
            if (r.unit === 'sigma' || !(0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleApplies */ .bF)(stage, r.metric))
                continue;
            const check = regressionCheck(r, before, stage, estimate);
            if (check)
                checks.push(check);
            else if (rules) {
                // A rule the plan asks for, on a figure an imported run lacks: never dropped in silence.
                const why = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .absentNote */ .kJ)(stage, r.metric) ?? (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .absentNote */ .kJ)(before, r.metric) ?? resourceAbsent(r.metric, before, stage);
                if (why)
                    checks.push({
                        stage: stage.name,
                        metric: r.metric,
                        kind: 'regression',
                        current: (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(stage, r.metric),
                        baseline: (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(before, r.metric),
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
    if ((0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(after, metric) === null)
        return (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceNote */ .vR)(after, metric);
    if ((0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(before, metric) === null)
        return `the baseline has no CPU per request: ${(0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceNote */ .vR)(before, metric)}`;
    return undefined;
}
function regressionCheck(rule, before, after, estimate = windowBootstrap) {
    if (rule.metric === 'recovery')
        return recoveryCheck(rule, before, after);
    if (rule.metric === 'breaking_point')
        return breakingPointCheck(rule, before, after);
    if (rule.metric === 'rss_peak')
        return peakMemoryCheck(rule, before, after);
    const b = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(before, rule.metric);
    const c = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(after, rule.metric);
    if (b === null || c === null)
        return undefined;
    const base = { stage: after.name, metric: rule.metric, kind: 'regression', baseline: b, current: c, limit: rule.raw };
    const worseIsUp = rule.direction === 'increase';
    if (rule.metric === 'error_rate') {
        const iv = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .twoProportionInterval */ ._N)(before.errors, before.requests, after.errors, after.requests);
        const deltaPp = (c - b) * 100;
        const ivPp = { lo: iv.lo * 100, hi: iv.hi * 100 };
        const verdict = judgeErrorRateChange(rule, b, deltaPp, ivPp, worseIsUp);
        return {
            ...base,
            delta_pct: b > 0 ? round(((c - b) / b) * 100) : null,
            delta_pp: round(deltaPp, 3),
            interval_pp: [round(ivPp.lo, 3), round(ivPp.hi, 3)],
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
        const pointVerdict = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
        return {
            ...base,
            delta_pct: round(deltaPct),
            method: 'point-estimate',
            significant: false,
            verdict: pointVerdict === 'fail' ? 'warn' : pointVerdict,
            note: `inconclusive: too few samples to measure the noise (under 3 windows or rounds per run)${pointVerdict === 'fail' ? `; the measured change ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtSigned */ ._Q)(deltaPct, '%')} exceeds ${rule.raw}` : ''}`,
        };
    }
    const iv = found.interval;
    const verdict = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)(iv, rule.amount, worseIsUp, deltaPct);
    return {
        ...base,
        delta_pct: round(deltaPct),
        interval_pct: [round(iv.lo), round(iv.hi)],
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
    const verdict = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
    const tool = (after.imported ?? before.imported).tool;
    return {
        ...base,
        delta_pct: round(deltaPct),
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
        note: `inconclusive: noise ±${noise.toFixed(unit === 'pp' ? 2 : 1)}${unit} around ${(0,_model_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtSigned */ ._Q)(point, unit, unit === 'pp' ? 2 : 1)} straddles ${limit}`,
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
    const b = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(before, 'rss_peak');
    const c = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(after, 'rss_peak');
    const base = { stage: after.name, metric: 'rss_peak', kind: 'regression', baseline: b, current: c, limit: rule.raw, method: PEAK_METHOD };
    if (c === null)
        return { ...base, verdict: 'warn', note: (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceNote */ .vR)(after, 'rss_peak') };
    if (b === null)
        return { ...base, verdict: 'warn', note: `the baseline has no peak memory: ${(0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceNote */ .vR)(before, 'rss_peak')}` };
    if (b === 0)
        return { ...base, delta_pct: null, verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
    if (rule.unit !== 'pct')
        return undefined;
    const deltaPct = ((c - b) / b) * 100;
    const verdict = (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)({ lo: deltaPct, hi: deltaPct }, rule.amount, rule.direction === 'increase');
    return {
        ...base,
        delta_pct: round(deltaPct),
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
    const verdict = Math.abs(c - b) <= RECOVERY_RESOLUTION_MS ? 'pass' : (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)(iv, rule.amount, rule.direction === 'increase', pct(c));
    return {
        ...base,
        delta_pct: round(pct(c)),
        interval_pct: [round(iv.lo), round(iv.hi)],
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
    const verdict = Math.abs(c - b) <= resolution + 1e-9 ? 'pass' : (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)(iv, rule.amount, worseIsUp, pct(c));
    const moved = steps === 0 ? 'the same step' : `${Math.abs(steps)} step${Math.abs(steps) === 1 ? '' : 's'} ${steps > 0 ? 'higher' : 'lower'}`;
    const why = Math.abs(steps) === 1 ? "; one step is the measurement's resolution (a target near a step's edge lands either side of it), so it passes" : '';
    return {
        ...base,
        delta_pct: round(pct(c)),
        interval_pct: [round(iv.lo), round(iv.hi)],
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
        return (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)(ivPp, rule.amount * 100, worseIsUp, deltaPp);
    if (before > 0)
        return (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)({ lo: ivPp.lo / before, hi: ivPp.hi / before }, rule.amount, worseIsUp, deltaPp / before);
    return (0,_statistics_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeInterval */ .hm)(ivPp, 0, worseIsUp, deltaPp);
}


/***/ }),

/***/ 2296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ seededRandom),
/* harmony export */   YV: () => (/* binding */ quantile),
/* harmony export */   _N: () => (/* binding */ twoProportionInterval),
/* harmony export */   hm: () => (/* binding */ judgeInterval),
/* harmony export */   i2: () => (/* binding */ resampledPercentileInterval),
/* harmony export */   o9: () => (/* binding */ bootstrapChangeInterval)
/* harmony export */ });
/* unused harmony exports weightedMean, MIN_WINDOWS, MAX_BLOCKS */
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


/***/ }),

/***/ 9695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ evaluateThresholds),
/* harmony export */   U: () => (/* reexport safe */ _plan_units_js__WEBPACK_IMPORTED_MODULE_1__.UD)
/* harmony export */ });
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1370);
/* harmony import */ var _plan_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3772);



function evaluateThresholds(thresholds, stages) {
    const checks = [];
    for (const stage of stages) {
        const rules = [...(thresholds['*'] ?? []), ...(thresholds[stage.name] ?? [])];
        for (const rule of rules) {
            // "*" rules reach every stage; a stress stage's latency and error rules judged its steps instead.
            if (!(0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleApplies */ .bF)(stage, rule.metric))
                continue;
            const current = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .metricValue */ .a3)(stage, rule.metric);
            const base = { stage: stage.name, metric: rule.metric, kind: 'threshold', limit: rule.raw, method: 'absolute' };
            if (rule.metric === 'recovery' && !stage.spike)
                continue; // "*" rules reach every stage; recovery exists for spikes only
            if (current === null) {
                checks.push({ ...base, current: null, ...((0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .missingValue */ .Qh)(stage, rule.metric) ?? { verdict: 'warn', note: 'no requests completed: nothing to check' }) });
                continue;
            }
            checks.push({ ...base, current, verdict: (0,_plan_units_js__WEBPACK_IMPORTED_MODULE_1__/* .compare */ .UD)(current, rule.op, rule.value) ? 'pass' : 'fail' });
        }
    }
    return checks;
}


/***/ }),

/***/ 5950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ overallVerdict),
/* harmony export */   Z: () => (/* binding */ acceptRegressions)
/* harmony export */ });
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


/***/ }),

/***/ 7470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IMPORT_TOOLS: () => (/* binding */ IMPORT_TOOLS),
  companionPaths: () => (/* binding */ companionPaths),
  gateImported: () => (/* reexport */ gateImported),
  importResults: () => (/* binding */ importResults),
  importTool: () => (/* binding */ importTool),
  isPerfGateReport: () => (/* binding */ isPerfGateReport),
  parseGateFile: () => (/* reexport */ parseGateFile),
  parseResults: () => (/* binding */ parseResults)
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(5175);
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

// EXTERNAL MODULE: ./src/baseline/fingerprint.ts
var fingerprint = __webpack_require__(4319);
// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/model/report.ts
var report = __webpack_require__(5235);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
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
    return Object.fromEntries(LATENCY_KEYS.map((k) => [k, l[k] === undefined ? null : (0,build/* round */.LI)(l[k])]));
}
function endpointReport(e) {
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
        duration_s: (0,build/* round */.LI)(run.duration_s),
        requests: run.requests,
        // null when the file has no failure count (shown as —; rules on it warn): cast as latency_ms is.
        errors: run.errors,
        error_rate: (run.errors === null ? null : (0,build/* errorRate */.zi)(run.requests, run.errors)),
        rps: (0,build/* round */.LI)(run.rps, 2),
        latency_ms: latencySummary(run.latency),
        errors_by_kind: errorsByKind(run.status_codes),
        status_codes: run.status_codes,
        endpoints: run.endpoints.map(endpointReport),
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
        version: version/* VERSION */.x,
        schema: report/* REPORT_SCHEMA */.D,
        verdict: 'pass',
        plan: ctx.plan ?? '',
        target: `(measured by ${run.tool})`,
        started_at: ctx.startedAt,
        duration_s: (0,build/* round */.LI)(run.duration_s, 1),
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
const REQUIRED = ['Type', 'Name', 'Request Count', 'Failure Count', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Requests/s'];
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
function table(text, file, required, what, hint = locust_HINT) {
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
    return table(decoded.text, input.file, required, () => what, hint);
}
function parseLocust(input, file, companions = {}) {
    const decoded = decodeText(input);
    const notes = encodingNote(file, decoded.encoding);
    const { data, cell, num, count, has, names } = table(decoded.text, file, REQUIRED, (h) => h.includes('Timestamp') ? 'Locust stats CSV (it looks like PREFIX_stats_history.csv: give PREFIX_stats.csv)' : 'Locust stats CSV');
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
    const { data, cell, num, count, has } = table(decoded.text, file, HISTORY_REQUIRED, () => 'Locust stats history CSV');
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
            rps: (0,build/* round */.LI)(requests / dt, 2),
            ...pct,
            mean: requests > 0 ? (0,build/* round */.LI)(Math.max(0, sum / requests)) : 0,
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
        notes.push(`${file} covers ${covered} of the run's ${statsRequests} requests (${(0,build/* round */.LI)((covered / Math.max(1, statsRequests)) * 100, 1)}%): Locust writes its history every ${every ?? 'few'} s, so the run's last seconds are not in the timeline`);
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

// EXTERNAL MODULE: ./src/plan/checks.ts
var checks = __webpack_require__(2650);
// EXTERNAL MODULE: ./src/plan/interpolate.ts
var interpolate = __webpack_require__(264);
// EXTERNAL MODULE: ./src/plan/issues.ts
var issues = __webpack_require__(1439);
// EXTERNAL MODULE: ./src/plan/load.ts + 3 modules
var load = __webpack_require__(9950);
// EXTERNAL MODULE: ./src/plan/positions.ts
var positions = __webpack_require__(5843);
// EXTERNAL MODULE: ./src/plan/units.ts
var units = __webpack_require__(3772);
// EXTERNAL MODULE: ./src/plan/validate.ts + 3 modules
var validate = __webpack_require__(9496);
// EXTERNAL MODULE: ./src/model/redact.ts
var redact = __webpack_require__(4012);
// EXTERNAL MODULE: ./src/gate/index.ts + 2 modules
var gate = __webpack_require__(3735);
// EXTERNAL MODULE: ./src/gate/thresholds.ts
var thresholds = __webpack_require__(9695);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/gate/statistics.ts
var statistics = __webpack_require__(2296);
// EXTERNAL MODULE: ./src/gate/regression.ts
var regression = __webpack_require__(446);
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
const K6_STAT = {
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
    const result = (0,gate/* gate */.Gj)(rules, current, against, options);
    let regressions = against.baseline ? trendRegressionChecks(rules.trendRegressions ?? [], against.baseline, current) : [];
    // As gate() does for its own: a maintainer's accept label makes failed regressions warnings.
    if (options.accept)
        regressions = (0,verdict/* acceptRegressions */.Z)(regressions, options.accept);
    const checks = [...explainAbsent(result.checks, current), ...trendChecks(rules.trends ?? [], current), ...regressions];
    return { checks, verdict: (0,verdict/* overallVerdict */.B)(checks, current) };
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
                method: regression/* IMPORTED_POINT_METHOD */.iW,
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
            const verdict = (0,statistics/* judgeInterval */.hm)({ lo: delta, hi: delta }, rule.amount, rule.direction === 'increase');
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
                const stat = K6_STAT[rule.metric];
                checks.push({
                    ...base,
                    current: null,
                    verdict: 'warn',
                    note: `the k6 summary has no ${rule.metric} of ${trend}: add "${stat}" to k6's summaryTrendStats option to gate on it`,
                });
                continue;
            }
            checks.push({ ...base, current: value, verdict: (0,thresholds/* compare */.U)(value, rule.op, rule.value) ? 'pass' : 'fail' });
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











const KEYS = ['version', 'name', 'thresholds', 'regression'];
function parseGateFile(text, file, env, stages) {
    const parsed = (0,positions/* parseYaml */.hN)(text);
    if (parsed.syntaxErrors.length)
        throw new src_errors/* PlanError */.W6((0,load/* sortProblems */.dS)(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
    const substituted = (0,interpolate/* interpolate */.GW)(parsed.value, env);
    const c = new checks/* Checks */.sR();
    c.issues.push(...substituted.issues);
    const raw = (0,checks/* record */.g1)(substituted.value);
    if (!(0,interpolate/* isRecord */.u4)(substituted.value))
        c.add([], 'a gate file is a mapping: thresholds: and regression: (see perf-gate --help)');
    for (const key of Object.keys(raw)) {
        if (KEYS.includes(key))
            continue;
        const plan = ['target', 'requests', 'stages', 'session', 'defaults', 'websocket', 'limits', 'abort_when'].includes(key);
        c.add([key], plan
            ? `${key}: a gate file for --from holds only thresholds:, regression: and name: (the load was run by the other tool)`
            : `unknown key ${JSON.stringify(key)}${(0,issues/* suggestion */.h)(key, KEYS)}: a gate file holds thresholds:, regression: and name:`, 'key');
    }
    if ('name' in raw && typeof raw.name !== 'string')
        c.add(['name'], 'name: a string, e.g. checkout');
    // readThresholds / readRegression skip unknown metrics (a plan's schema check names them): name them here.
    const trends = [];
    const plain = {};
    for (const [stage, metrics] of Object.entries((0,checks/* record */.g1)(raw.thresholds))) {
        if (!(0,interpolate/* isRecord */.u4)(metrics))
            c.add(['thresholds', stage], `${(0,issues/* formatPath */.jV)(['thresholds', stage])}: a mapping of metric: rule, e.g. { p95: "< 200ms" }`);
        // `trend:NAME` keys are k6 custom trends, with rules of their own; the rest are the plan's metrics.
        plain[stage] = Object.fromEntries(Object.entries((0,checks/* record */.g1)(metrics)).filter(([metric]) => !metric.startsWith(TREND_PREFIX)));
        for (const [metric, rules] of Object.entries((0,checks/* record */.g1)(metrics))) {
            if (metric.startsWith(TREND_PREFIX))
                trends.push(...trendRules(c, ['thresholds', stage, metric], rules, units/* parseThreshold */.B7).map((r) => ({ stage, ...r })));
            else
                unknownMetric(c, ['thresholds', stage, metric], metric);
        }
    }
    const trendRegressions = [];
    for (const [metric, rules] of Object.entries((0,checks/* record */.g1)(raw.regression))) {
        if (metric.startsWith(TREND_PREFIX))
            trendRegressions.push(...trendRules(c, ['regression', metric], rules, pctRegression));
    }
    if ('thresholds' in raw && !(0,interpolate/* isRecord */.u4)(raw.thresholds))
        c.add(['thresholds'], 'thresholds: a mapping of stage name (or "*"): rules');
    if ('regression' in raw && !(0,interpolate/* isRecord */.u4)(raw.regression))
        c.add(['regression'], 'regression: a mapping of metric: limit, e.g. { p95: "+15%" }');
    for (const metric of Object.keys((0,checks/* record */.g1)(raw.regression)))
        if (!metric.startsWith(TREND_PREFIX))
            unknownMetric(c, ['regression', metric], metric);
    const rules = { thresholds: (0,validate/* readThresholds */.rZ)(c, (0,interpolate/* isRecord */.u4)(raw.thresholds) ? plain : {}, stages) };
    if (trends.length)
        rules.trends = trends;
    // Absent = the default rules; `regression: {}` = none (thresholds only), as in a plan.
    // (A section of trend rules only is a section too: the defaults are then off, as with any listed rule.)
    if ('regression' in raw)
        rules.regression = (0,validate/* readRegression */.Y1)(c, Object.fromEntries(Object.entries((0,checks/* record */.g1)(raw.regression)).filter(([m]) => !m.startsWith(TREND_PREFIX))));
    if (trendRegressions.length)
        rules.trendRegressions = trendRegressions;
    if (typeof raw.name === 'string')
        rules.name = raw.name;
    if (c.issues.length) {
        // As for a plan: a message quoting a refused value must not print a `${TOKEN}`'s value.
        const redactor = new redact/* Redactor */.pO().add(substituted.secrets);
        throw new src_errors/* PlanError */.W6((0,load/* sortProblems */.dS)(c.issues.map((i) => (0,load/* toProblem */.H8)({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
    }
    if (substituted.secrets.length)
        rules.secrets = substituted.secrets;
    return rules;
}
function unknownMetric(c, path, metric) {
    if (!(0,units/* isMetric */.NI)(metric))
        c.add(path, `${(0,issues/* formatPath */.jV)(path)}: unknown metric ${JSON.stringify(metric)}${(0,issues/* suggestion */.h)(metric, units/* METRICS */.Cb)}`, 'key');
}
/** `trend:NAME: { p95: "< 50ms" }` (or `"+15%"`): rules on one k6 custom trend, each parsed by `parse`. */
function trendRules(c, path, raw, parse) {
    const key = path.at(-1);
    const trend = key.slice(TREND_PREFIX.length);
    if (trend === '')
        c.add(path, `${(0,issues/* formatPath */.jV)(path)}: name the trend, e.g. "trend:yarp_latency"`, 'key');
    if (!(0,interpolate/* isRecord */.u4)(raw)) {
        c.add(path, `${(0,issues/* formatPath */.jV)(path)}: a mapping of latency rules for the k6 trend, e.g. { p95: "${path[0] === 'regression' ? '+15%' : '< 50ms'}" }`);
        return [];
    }
    const out = [];
    for (const [metric, value] of Object.entries(raw)) {
        const at = [...path, metric];
        if (!TREND_METRICS.includes(metric)) {
            c.add(at, `${(0,issues/* formatPath */.jV)(at)}: ${JSON.stringify(metric)} is not a statistic of a trend${(0,issues/* suggestion */.h)(metric, [...TREND_METRICS])}`, 'key');
            continue;
        }
        try {
            out.push({ trend, rule: parse(metric, value) });
        }
        catch (err) {
            c.add(at, `${(0,issues/* formatPath */.jV)(at)}: ${err.message}`);
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






const IMPORT_TOOLS = ['k6', 'locust'];
function importTool(value, flag = '--from') {
    if (IMPORT_TOOLS.includes(value))
        return value;
    throw new src_errors/* UsageError */.eb(`${flag} takes ${IMPORT_TOOLS.join(' or ')}, got "${value}"`);
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


/***/ }),

/***/ 460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ stageResources),
/* harmony export */   ok: () => (/* binding */ cpuWindows)
/* harmony export */ });
/* unused harmony export cpuAt */
const MB = 1024 * 1024;
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
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
const mb = (bytes) => (bytes === null ? null : round(bytes / MB, 1));
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
    out.cpu_ms = round(cpuMs, 3);
    out.cpu_ms_per_request = requests > 0 ? round(cpuMs / requests, 4) : null;
    out.cpu_pct = durationMs > 0 ? round((cpuMs / durationMs) * 100, 1) : null;
    const start = rssNear(points, startMs);
    const end = rssNear(points, endMs);
    // The readings within the span, and those standing for its two ends.
    const rss = [start, end, ...points.filter((p) => p.at >= startMs && p.at <= endMs).map((p) => p.rssBytes)].filter((b) => b !== null);
    out.rss_mb_peak = rss.length > 0 ? mb(Math.max(...rss)) : null;
    out.rss_mb_start = mb(start);
    out.rss_mb_end = mb(end);
    out.rss_growth_pct = start !== null && end !== null && start > 0 ? round(((end - start) / start) * 100, 2) : null;
    if (series.lifetimePeakBytes !== undefined)
        out.memory_peak_lifetime_mb = mb(series.lifetimePeakBytes);
    for (const w of timeline) {
        const from = startMs + w.t * 1000;
        const to = Math.min(endMs, from + 1000);
        if (to <= from)
            continue;
        w.cpu_ms = round(Math.max(0, cpuAt(points, to) - cpuAt(points, from)) / 1000, 3);
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


/***/ }),

/***/ 1817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Di: () => (/* binding */ stoppedOf),
/* harmony export */   kd: () => (/* binding */ earlyStop),
/* harmony export */   sq: () => (/* binding */ RUN_LIMIT_METHOD)
/* harmony export */ });
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


/***/ }),

/***/ 5066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ perSecond),
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   LI: () => (/* binding */ round),
/* harmony export */   Qy: () => (/* reexport safe */ _model_format_js__WEBPACK_IMPORTED_MODULE_4__.Qy),
/* harmony export */   X0: () => (/* binding */ stageReport),
/* harmony export */   ZV: () => (/* binding */ runnerInfo),
/* harmony export */   fT: () => (/* binding */ countsByCode),
/* harmony export */   sC: () => (/* binding */ endpointReport),
/* harmony export */   zi: () => (/* binding */ errorRate)
/* harmony export */ });
/* harmony import */ var _model_stop_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1817);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5835);
/* harmony import */ var _load_stage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8521);
/* harmony import */ var _plan_stage_time_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6515);
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5235);
/* harmony import */ var _metrics_resources_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(460);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1013);
/* harmony import */ var _model_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(826);
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
    const sendingMs = r.spec.kind === 'burst' ? r.durationMs : Math.min((0,_plan_stage_time_js__WEBPACK_IMPORTED_MODULE_5__/* .plannedDurationMs */ .du)(r.spec), r.durationMs);
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
        latency_ms: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(m.histogram),
        errors_by_kind: { ...m.errorsByKind },
        status_codes: countsByCode(m.statusCodes),
        endpoints: m.endpoints
            .filter((e) => e.requests > 0)
            .map((e) => ({ ...endpointReport(e.name, e.requests, e.errors, e.histogram), ...(shard ? { histogram: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(e.histogram) } : {}) })),
        timeline: r.timeline,
        histogram: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(m.histogram),
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
    const s = (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(h);
    return { name, requests, errors, latency_ms: { p50: s.p50, p95: s.p95, p99: s.p99 } };
}
function mergeInputs(r, sendingMs) {
    const inputs = { sending_s: round(sendingMs / 1000, 6) };
    if (r.spec.kind === 'spike') {
        const p = (0,_load_stage_js__WEBPACK_IMPORTED_MODULE_2__/* .spikePhases */ .hA)(r.spec);
        inputs.spike_ms = { start: p.startMs, drop: p.dropMs };
    }
    const w = r.metrics.ws;
    if (w)
        inputs.ws_histograms = { connect: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(w.connect), gap: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(w.gap), lag: (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(w.lag) };
    return inputs;
}
/**
 * The app's figures over the stage's measured span (its clock start for its duration), and each
 * window's. A soak with no metrics page takes its memory growth from the same readings.
 */
function addResources(report, r) {
    const res = (0,_metrics_resources_js__WEBPACK_IMPORTED_MODULE_6__/* .stageResources */ .Gn)(r.resources, r.startedAt.getTime(), r.durationMs, report.requests, report.timeline);
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
    report.connect_ms = (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(w.connect);
    report.closes_by_code = countsByCode(w.closesByCode);
    report.reconnects = w.reconnects;
    report.connections = { planned: r.spec.connections ?? 1, opened: w.opened, failed: w.connectFailures, peak: w.peakOpen, open_at_end: w.openAtEnd };
    if (r.mode === 'request_reply')
        report.unmatched_replies = w.unmatchedReplies;
    if (r.mode === 'stream') {
        report.messages_per_s = perSecond(w.received, sendingMs);
        report.gap_ms = (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(w.gap);
        if (w.lag.totalCount > 0)
            report.lag_ms = (0,_metrics_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(w.lag);
    }
}
function runnerInfo() {
    const cpus = node_os__WEBPACK_IMPORTED_MODULE_0___default().cpus();
    return {
        os: `${node_os__WEBPACK_IMPORTED_MODULE_0___default().platform()} ${node_os__WEBPACK_IMPORTED_MODULE_0___default().release()}`,
        arch: node_os__WEBPACK_IMPORTED_MODULE_0___default().arch(),
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        node: process.version,
    };
}
function buildReport(i) {
    const report = {
        tool: 'perf-gate',
        version: _version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x,
        schema: _model_report_js__WEBPACK_IMPORTED_MODULE_7__/* .REPORT_SCHEMA */ .D,
        verdict: i.verdict,
        plan: i.planFile,
        target: (0,_model_format_js__WEBPACK_IMPORTED_MODULE_4__/* .displayUrl */ .Qy)(i.run.target),
        started_at: i.run.startedAt.toISOString(),
        duration_s: round(i.run.durationMs / 1000, 1),
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
    const stopped = (0,_model_stop_js__WEBPACK_IMPORTED_MODULE_8__/* .earlyStop */ .kd)(report);
    if (stopped)
        report.stopped = stopped;
    return report;
}


/***/ })

};
