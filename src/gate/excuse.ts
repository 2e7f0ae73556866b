/**
 * Excuses in proportion: when the machine, not the code, may explain part of a failed check, only
 * that part is taken off, and what remains is judged against the same rule. A +140 % p50 on a
 * runner that added 0.4 ms still fails; a +12 % p95 of which the runner added 9 % does not.
 *
 * What the runner added is measured in the unit of the check: perf-gate's reference server
 * (src/load/reference.ts) is timed beside the target during every stage, through the same event
 * loop as the load, so its latency gain over the baseline run's reference, at the same percentile,
 * is the scheduling delay the machine (a neighbour, steal time, a lagging generator) added to a
 * request. Scheduling delay adds to a request's time; it does not multiply it, so the CPU probe
 * (1.56× slower on a runner where an unchanged p95 moved +6 %) only names the reason, never sizes it.
 *
 * - Latency rules against a baseline or the history: the runner-added milliseconds at that
 *   percentile (reference now − reference then) come off the current value and its interval.
 * - rps rules of a closed-model stage: users wait for their responses, so the same milliseconds
 *   lower the throughput; the rps those users would have had without them is judged instead.
 * - Thresholds judge this run alone; only a generator that fell behind (saturated) excuses part of
 *   them: the reference's gain over its idle figures just before the stage.
 * - Error rates: a saturated generator that could not read responses in time makes timeouts;
 *   those (and only those) come off.
 * Nothing is excused without the reference figures on both sides (a baseline stored before they
 * were measured): the check stands as measured, and says why nothing was taken off.
 */
import type { Metric, RegressionRule, ThresholdRule } from '../plan/types.js';
import type { Check, StageReport, UntrustedReason } from '../model/report.js';
import type { ReferenceLatency } from '../load/reference.js';
import { LATENCY_METRICS } from './metrics.js';
import { judgeInterval, quantile, twoProportionInterval, type Interval } from './statistics.js';
import { compare } from './thresholds.js';
import { judgeErrorRateChange, rulesForStage } from './regression.js';
import { fmtSigned } from '../model/format.js';

/**
 * The CPU probe this much slower than at baseline time names the reason "runner-slower" (an idle
 * runner repeats its probe within ±5 %; a neighbour holding a third of one core of two adds 40 %).
 */
export const SLOWER_RUNNER_RATIO = 1.25;
/** perf-gate's own CPU over the stage this near a whole core: the generator itself was the bottleneck. */
const GENERATOR_BOUND_PCT = 85;

type ReferenceKey = 'p50' | 'p90' | 'p95' | 'p99' | 'mean';
/** The reference percentile that stands for each latency metric (the reference has no tail past p99). */
const REFERENCE_KEY: Partial<Record<Metric, ReferenceKey>> = {
  min: 'p50',
  p50: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  p999: 'p99',
  max: 'p99',
  mean: 'mean',
};

/** Reference figures to compare with, and what they are ("the baseline run"). */
interface ReferencePoint {
  figures: Partial<Record<ReferenceKey, number>>;
  what: string;
}

/** What the machine did to one stage, against what it is compared with. */
export interface RunnerEffect {
  reason: UntrustedReason;
  /** Why, in one phrase: "the runner was 1.62× slower than when the baseline was measured (CPU probe 27 ms against 17 ms)". */
  why: string;
  now?: ReferenceLatency;
  /** Regression and band rules: the baseline run's or the history's reference; thresholds: this stage's idle reference. */
  against?: ReferencePoint;
  /** The generator itself was the bottleneck (saturated and near a whole core): its timeouts are its own. */
  generatorBound: boolean;
  /**
   * A sign of trouble besides the reference: the generator fell behind, the CPU probe read slow, or
   * the event loop lagged far more than in the baseline run. A failure then says what came of it,
   * even when nothing could be taken off; without one, a failure nothing explains is left as it is.
   */
  trouble: boolean;
  /** The baseline's stage, for its error counts. */
  baselineStage?: StageReport;
}

export interface StageEffects {
  /** For rules against a baseline or the history. */
  comparison?: RunnerEffect;
  /** For thresholds: only when the generator fell behind. */
  thresholds?: RunnerEffect;
}

/** The machine's effect on each stage, where there is one to speak of. */
export function runnerEffects(current: StageReport[], baseline: StageReport[] = [], history: StageReport[][] = []): Map<string, StageEffects> {
  const out = new Map<string, StageEffects>();
  for (const s of current) {
    const then = baseline.find((b) => b.name === s.name);
    const past = history.flatMap((run) => run.filter((p) => p.name === s.name));
    const against: ReferencePoint | undefined = then?.reference
      ? { figures: then.reference, what: 'the baseline run' }
      : !then
        ? medianReference(past)
        : undefined;
    const saturated = s.generator_saturated;
    const bound = saturated && (s.generator.cpu_pct ?? 0) >= GENERATOR_BOUND_PCT * (s.workers ?? 1);
    const probe = probeRatio(s, then, past);
    const slower = probe !== undefined && probe.ratio >= SLOWER_RUNNER_RATIO;
    const reason: UntrustedReason = bound ? 'generator-saturated' : slower ? 'runner-slower' : 'runner-busier';
    const why = describe(s, reason, probe, then ? 'when the baseline was measured' : 'in the past runs (median)');
    const trouble = saturated || slower || lagging(s, then);
    const effects: StageEffects = { comparison: { reason, why, now: s.reference, against, generatorBound: bound, baselineStage: then, trouble } };
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

function describe(s: StageReport, reason: UntrustedReason, probe: { ratio: number; now: number; then: number } | undefined, when: string): string {
  const cpu = s.generator.cpu_pct !== undefined ? `${s.generator.cpu_pct.toFixed(0)} % of a core` : 'an unmeasured share of a core';
  switch (reason) {
    case 'generator-saturated':
      return `the load generator was saturated (${s.generator.reason ?? 'saturated'}) using ${cpu}: perf-gate itself was the bottleneck`;
    case 'runner-slower':
      return `the runner was ${probe!.ratio.toFixed(2)}× slower than ${when} (CPU probe ${probe!.now.toFixed(0)} ms against ${probe!.then.toFixed(0)} ms)`;
    default:
      return s.generator_saturated
        ? `the load generator fell behind (${s.generator.reason ?? 'saturated'}) while using only ${cpu}: the whole machine was busy, the target included`
        : `the runner was busier than ${when}`;
  }
}

/** The generator's event loop lagged 2× and 10 ms more than in the baseline run (a slower target leaves it idle, not late). */
function lagging(s: StageReport, then: StageReport | undefined): boolean {
  if (!then) return false;
  const now = s.generator.loop_lag_p99_ms;
  const before = then.generator.loop_lag_p99_ms;
  return now > Math.max(2 * before, before + 10);
}

function probeRatio(s: StageReport, then: StageReport | undefined, past: StageReport[]): { ratio: number; now: number; then: number } | undefined {
  const before = then ? then.cpu_probe_ms : median(past.flatMap((p) => (p.cpu_probe_ms === undefined ? [] : [p.cpu_probe_ms])));
  if (s.cpu_probe_ms === undefined || before === undefined || before <= 0) return undefined;
  return { ratio: s.cpu_probe_ms / before, now: s.cpu_probe_ms, then: before };
}

function medianReference(past: StageReport[]): ReferencePoint | undefined {
  const refs = past.flatMap((p) => (p.reference ? [p.reference] : []));
  if (refs.length === 0) return undefined;
  const keys: ReferenceKey[] = ['p50', 'p90', 'p95', 'p99', 'mean'];
  return {
    figures: Object.fromEntries(keys.map((k) => [k, median(refs.map((r) => r[k]))])),
    what: `the median of ${refs.length} past run${refs.length === 1 ? '' : 's'}`,
  };
}

function median(xs: number[]): number | undefined {
  return xs.length > 0
    ? quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      )
    : undefined;
}

/** The rules a check was judged by, to judge what remains by the same rule. */
export interface JudgedRules {
  thresholds: Record<string, ThresholdRule[]>;
  regression?: RegressionRule[];
}

/** Failed checks with the machine's part taken off and the rest judged again (see the top of this file). */
export function excuseInProportion(checks: Check[], current: StageReport[], effects: Map<string, StageEffects>, rules: JudgedRules): Check[] {
  return checks.map((c) => {
    if (c.verdict !== 'fail' || c.current === null) return c;
    const stage = current.find((s) => s.name === c.stage);
    const e = effects.get(c.stage);
    if (!stage || !e) return c;
    if (c.kind === 'threshold') return e.thresholds ? excuseThreshold(c, stage, e.thresholds, rules) : c;
    return e.comparison ? excuseRegression(c, stage, e.comparison, rules) : c;
  });
}

/** ms the runner added at the reference percentile standing for `metric`; undefined: not measurable. */
function addedMs(e: RunnerEffect, metric: Metric): { ms: number; now: number; then: number; key: ReferenceKey } | undefined {
  const key = REFERENCE_KEY[metric];
  const now = key && e.now?.[key];
  const then = key && e.against?.figures[key];
  // A figure a stored report lacks or holds as a non-number sizes nothing.
  if (!key || typeof now !== 'number' || typeof then !== 'number' || !Number.isFinite(now) || !Number.isFinite(then)) return undefined;
  return { ms: Math.max(0, now - then), now, then, key };
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * A failure that stands: with a sign of trouble, the reason is said and why nothing came off;
 * without one, the check is left as it is (a quiet runner's failure needs no excuse talk).
 */
function stands(c: Check, e: RunnerEffect, what: string, measuredSlower = false): Check {
  if (!e.trouble && !measuredSlower) return c;
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
function evidenced(e: RunnerEffect, added: { ms: number; then: number }): boolean {
  return e.trouble || (added.ms >= 0.25 && added.ms >= added.then);
}

/** The verdict on the rest: a failure that stands, or a warning that the machine explained it. */
function rejudged(c: Check, e: RunnerEffect, verdict: 'pass' | 'warn' | 'fail', arithmetic: string, excuse: NonNullable<Check['excuse']>): Check {
  const withExcuse = { ...c, excuse };
  if (verdict === 'fail') return { ...withExcuse, note: `${e.why}; ${arithmetic}: still beyond ${c.limit}` };
  const rest = verdict === 'pass' ? `within ${c.limit}` : `no longer clearly beyond ${c.limit} (inconclusive)`;
  return { ...withExcuse, verdict: 'warn', untrusted: e.reason, note: `excused: ${e.why}; ${arithmetic}: ${rest} once that is taken off` };
}

function excuseRegression(c: Check, stage: StageReport, e: RunnerEffect, rules: JudgedRules): Check {
  const metric = c.metric as Metric;
  if (metric === 'error_rate') return excuseTimeouts(c, stage, e, rules);
  if (!LATENCY_METRICS.has(metric) && metric !== 'rps') return stands(c, e, `a ${metric} change is not a latency the runner can add to: judged as measured`);
  if (!e.now || !e.against) {
    const missing = !e.now ? 'this run has' : e.baselineStage ? 'the baseline has' : 'the past runs have';
    return stands(c, e, `${missing} no reference-server figures to size that by: judged as measured`);
  }
  const added = addedMs(e, metric === 'rps' ? 'mean' : metric);
  if (!added || added.ms < NEGLIGIBLE_MS) {
    return stands(
      c,
      e,
      `perf-gate's reference server answered no slower than in ${e.against.what}${added ? ` (${added.key} ${ms(added.now)} against ${ms(added.then)})` : ''}: nothing to take off`,
    );
  }
  if (!evidenced(e, added)) return c;
  const source = `perf-gate's reference server answered ${ms(added.ms)} slower at ${added.key} than in ${e.against.what} (${ms(added.then)} → ${ms(added.now)})`;
  const stageRules = rulesForStage(rules.regression, stage.kind);
  // The runner's delay pushes latency up and throughput down, and can explain no other failure.
  const pushed = (r: RegressionRule): boolean => (metric === 'rps' ? r.direction === 'decrease' : r.direction === 'increase');
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
  let explained: number;
  if (metric === 'rps') {
    // Closed model: U users each wait for their response, so rps = U / (time per request); without
    // the runner's milliseconds each request would have taken that much less.
    const users = steadyUsers(stage);
    if (users === undefined || c.current === null || c.current <= 0)
      return stands(c, e, "an open-model stage sends on schedule, so the runner's delay explains no throughput: judged as measured", true);
    const perRequestS = users / c.current;
    // A delay as long as a request's whole time explains the whole drop (never an infinite rps).
    explained = perRequestS > added.ms / 1000 ? ((users / (perRequestS - added.ms / 1000) - c.current) / c.baseline) * 100 : -c.delta_pct;
  } else {
    explained = (added.ms / c.baseline) * 100;
  }
  const worseIsUp = rule.direction === 'increase';
  const sign = worseIsUp ? -1 : 1;
  const remaining = c.delta_pct + sign * explained;
  const iv: Interval | undefined = c.interval_pct && { lo: c.interval_pct[0] + sign * explained, hi: c.interval_pct[1] + sign * explained };
  const verdict = iv ? judgeInterval(iv, rule.amount, worseIsUp, remaining) : judgeInterval({ lo: remaining, hi: remaining }, rule.amount, worseIsUp);
  const rest = `${fmtSigned(remaining, '%', 1)}${iv ? ` [${fmtSigned(iv.lo, '', 1)}, ${fmtSigned(iv.hi, '', 1)}]` : ''}`;
  const arithmetic = `${source}, which accounts for ${fmtSigned(-sign * explained, '%', 1)} of the ${fmtSigned(c.delta_pct, '%', 1)}; the rest is ${rest}`;
  return rejudged(c, e, verdict, arithmetic, {
    by: e.reason,
    runner_ms: round(added.ms, 3),
    explained_pct: round(-sign * explained),
    remaining_pct: round(remaining),
    ...(iv ? { remaining_interval_pct: [round(iv.lo), round(iv.hi)] as [number, number] } : {}),
  });
}

function excuseBand(c: Check, e: RunnerEffect, addedMsValue: number, source: string, metric: Metric): Check {
  const band = c.band!;
  const rest = c.current! - addedMsValue;
  const verdict = rest > band.hi ? 'fail' : 'pass';
  const arithmetic = `${source}; ${metric} without it is ${ms(rest)} against the band's top ${ms(band.hi)}`;
  return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: round(addedMsValue, 3), remaining: round(rest, 3) });
}

function excuseThreshold(c: Check, stage: StageReport, e: RunnerEffect, rules: JudgedRules): Check {
  const metric = c.metric as Metric;
  if (metric === 'error_rate') return excuseTimeouts(c, stage, e, rules);
  if (!LATENCY_METRICS.has(metric)) return stands(c, e, `a ${metric} threshold is not a latency it can add to: judged as measured`);
  const rule = [...(rules.thresholds['*'] ?? []), ...(rules.thresholds[c.stage] ?? [])].find((r) => r.metric === metric && r.raw === c.limit);
  const added = addedMs(e, metric);
  if (!rule) return c;
  if (!added) return stands(c, e, "perf-gate's reference server was not timed in this stage, so nothing can be sized: judged as measured");
  if (added.ms < NEGLIGIBLE_MS) return stands(c, e, `perf-gate's reference server shows no delay over ${e.against!.what} to take off: judged as measured`);
  const rest = c.current! - added.ms;
  const verdict = compare(rest, rule.op, rule.value) ? 'pass' : 'fail';
  const arithmetic = `perf-gate's reference server answered ${ms(added.ms)} slower at ${added.key} during the stage than ${e.against!.what} (${ms(added.then)} → ${ms(added.now)}); ${metric} without it is ${ms(rest)}`;
  return rejudged(c, e, verdict, arithmetic, { by: e.reason, runner_ms: round(added.ms, 3), remaining: round(rest, 3) });
}

/** A generator too busy to read its responses in time makes timeouts: those, and only those, come off. */
function excuseTimeouts(c: Check, stage: StageReport, e: RunnerEffect, rules: JudgedRules): Check {
  const timeouts = stage.errors_by_kind.timeout ?? 0;
  if (!e.generatorBound || timeouts === 0) return stands(c, e, 'a busy machine does not make a target answer errors: judged as measured');
  const errors = Math.max(0, stage.errors - timeouts);
  const rate = stage.requests > 0 ? errors / stage.requests : 0;
  const arithmetic = `${timeouts} of its ${stage.errors} errors were timeouts, which a generator that cannot read its responses makes; without them the error rate is ${(rate * 100).toFixed(2)} %`;
  if (c.kind === 'threshold') {
    const rule = [...(rules.thresholds['*'] ?? []), ...(rules.thresholds[c.stage] ?? [])].find((r) => r.metric === 'error_rate' && r.raw === c.limit);
    if (!rule) return c;
    return rejudged(c, e, compare(rate, rule.op, rule.value) ? 'pass' : 'fail', arithmetic, { by: e.reason, remaining: round(rate, 6) });
  }
  const rule = rulesForStage(rules.regression, stage.kind).find((r) => r.metric === 'error_rate' && r.raw === c.limit && r.unit !== 'sigma');
  const then = e.baselineStage;
  if (!rule || !then) return stands(c, e, 'the rule it failed is not one a baseline run can be re-judged by: judged as measured');
  const before = then.error_rate;
  const iv = twoProportionInterval(then.errors, then.requests, errors, stage.requests);
  const ivPp = { lo: iv.lo * 100, hi: iv.hi * 100 };
  const deltaPp = (rate - before) * 100;
  const verdict = judgeErrorRateChange(rule, before, deltaPp, ivPp, true);
  return rejudged(c, e, verdict, `${arithmetic} (${fmtSigned(deltaPp, 'pp', 2)})`, { by: e.reason, remaining: round(rate, 6) });
}

/** Closed-model stages: the users running in the steady windows (the median); undefined for open-model stages. */
function steadyUsers(s: StageReport): number | undefined {
  const users = s.timeline.filter((w) => w.requests > 0 && w.users !== undefined).map((w) => w.users!);
  return users.length > 0 ? median(users) : undefined;
}
