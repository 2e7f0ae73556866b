/**
 * The stress stage: the load steps up by `step` (or through the listed levels) every `every` (open
 * model: the rate; closed: the users) and each step is judged on its own requests as it ends. The
 * first step that breaks a condition ends the stage: a target already failing is not hammered
 * harder (open model: the step itself stops sending as soon as its break is certain). Each step's requests
 * are answered before it is judged, so no step inherits another's queue (the gap between steps is
 * the slowest response of the step, usually milliseconds).
 */
import type { StressStage, ThresholdRule } from '../plan/types.js';
import { stressLevels } from '../plan/stage-time.js';
import { SpanMetrics } from '../metrics/stage-metrics.js';
import { summarize, type LatencySummary } from '../metrics/histogram.js';
import { compare } from '../plan/units.js';
import { fmtMetric } from '../model/format.js';
import type { StressOutcome, StressStep } from '../model/report.js';
import { now, type StageContext } from './context.js';
import { httpSend, runOpen, runUsersUntil, type OpenResult } from './executors.js';
import { RateSchedule } from './schedule.js';
import type { Vars } from './template.js';

export interface StressRun {
  outcome: StressOutcome;
  /** Open model: the steps' schedules summed (for the generator's health). */
  open?: OpenResult;
}

/** What a step measured, before it is judged. */
export interface StepNumbers {
  requests: number;
  errors: number;
  latency: LatencySummary;
  /** Open model: sends skipped because max_in_flight requests were outstanding. */
  dropped: number;
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

export async function runStress(ctx: StageContext, spec: StressStage, shared: Vars): Promise<StressRun> {
  const steps: StressStep[] = [];
  const open: OpenResult = { scheduled: 0, sent: 0, dropped: 0, lateSends: 0 };
  const users = new Map<number, Vars>();
  for (const [index, level] of stressLevels(spec).entries()) {
    if (ctx.signal.aborted) break;
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
    } else {
      await runUsersUntil(ctx, level, spec.thinkMs, ctx.t0 + startMs + spec.everyMs, users);
    }
    span.toMs = now() - ctx.t0;
    // A step cut short (abort_when, Ctrl-C) measured too little to pass or break.
    if (ctx.signal.aborted) break;
    const step = judgeStep(spec.until, index, level, startMs, span.toMs - startMs, {
      requests: span.requests,
      errors: span.errors,
      latency: summarize(span.histogram),
      dropped,
    });
    if (endedEarly) step.ended_early = true;
    steps.push(step);
    if (!step.passed) break;
  }
  return { outcome: stressOutcome(spec, steps), open: spec.model === 'open' ? open : undefined };
}

/** A step whose error share reaches this breaks, whatever its conditions say. */
export const ALWAYS_BREAKS_AT_ERRORS = 0.5;

/** The share of requests a latency metric lets be at or over its limit (p95: 5 %); undefined: no count can make the break certain (min, mean). */
const TAIL_SHARE: Partial<Record<string, number>> = { p50: 0.5, p90: 0.1, p95: 0.05, p99: 0.01, p999: 0.001, max: 0 };

/**
 * Open model: a test, cheap enough to ask before every send, of whether the step will break
 * whatever its remaining requests do, so the stage can stop loading a target that is already
 * failing instead of finishing the step. The step sends at most `planned` requests, so once the
 * errors alone, or the requests over a latency limit alone, pass the rule's share of `planned`,
 * the step's final numbers break it too. A dropped send breaks the step outright.
 */
export function certainBreak(until: ThresholdRule[], span: SpanMetrics, planned: number): (dropped: number) => boolean {
  const errorLimits: Array<{ value: number; strict: boolean }> = [];
  const slow: Array<{ w: SpanMetrics['slow'][number]; allowed: number }> = [];
  for (const r of until) {
    // Only upper limits ("< 200ms", "<= 1%") can be known broken before the step ends.
    if (r.op !== '<' && r.op !== '<=') continue;
    if (r.metric === 'error_rate') errorLimits.push({ value: r.value, strict: r.op === '<=' });
    const share = TAIL_SHARE[r.metric];
    if (share === undefined) continue;
    // "< 200ms" breaks at 200 ms or more; "<= 200ms" above 200 ms.
    const w = { ms: r.value, strict: r.op === '<=', count: 0 };
    span.slow.push(w);
    slow.push({ w, allowed: share * planned });
  }
  // Whatever the conditions, a step with half its requests failing breaks (judgeStep): ending it as
  // soon as that is certain also beats target_down's abort, so the breaking point is still found.
  errorLimits.push({ value: ALWAYS_BREAKS_AT_ERRORS, strict: false });
  return (dropped) =>
    dropped > 0 ||
    errorLimits.some((e) => (e.strict ? span.errors / planned > e.value : span.errors / planned >= e.value)) ||
    slow.some((s) => s.w.count > s.allowed);
}

/** One step's numbers against the break conditions (pure). */
export function judgeStep(until: ThresholdRule[], index: number, level: number, startMs: number, durationMs: number, n: StepNumbers): StressStep {
  const errorRate = n.requests > 0 ? round(n.errors / n.requests, 6) : 0;
  const broke: string[] = [];
  if (n.requests === 0) broke.push('no request completed');
  else {
    let errorsBroke = false;
    for (const rule of until) {
      const value = rule.metric === 'error_rate' ? errorRate : n.latency[rule.metric as keyof LatencySummary];
      if (compare(value, rule.op, rule.value)) continue;
      broke.push(`${rule.metric} ${rule.raw} (was ${fmtMetric(rule.metric, value)})`);
      if (rule.metric === 'error_rate') errorsBroke = true;
    }
    // Conditions on latency alone pass a target that fails fast (refused connections, instant 503s).
    if (!errorsBroke && errorRate >= ALWAYS_BREAKS_AT_ERRORS)
      broke.push(`errors ${Math.round(errorRate * 100)}% (a step with half its requests failing always breaks)`);
  }
  // Sends the generator had to skip are load the target did not take: the step was not served.
  if (n.dropped > 0) broke.push(`${n.dropped} sends dropped (max_in_flight requests outstanding)`);
  const step: StressStep = {
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
  if (broke.length > 0) step.broke = broke;
  if (n.dropped > 0) step.dropped = n.dropped;
  return step;
}

/** The steps as run → the breaking point: the last level that passed before the first that broke. */
export function stressOutcome(spec: Pick<StressStage, 'model' | 'from' | 'step' | 'max' | 'levels' | 'everyMs' | 'until'>, steps: StressStep[]): StressOutcome {
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
    breaking_point: passed.length > 0 ? passed[passed.length - 1]!.level : null,
    broke_at: broken ? broken.level : null,
    reached_max: !broken && passed.length === levels.length,
  };
}
