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
import { Checks, int, list, record, type Data } from './checks.js';
import { formatPath, type Path } from './issues.js';
import { formatCount, formatMs, formatRate, parseDuration, parseRate, show } from './units.js';
import type { Plan, PlanLimits, StageSpec } from './types.js';
import { plannedDurationMs, plannedRequests } from './stage-time.js';

export const DEFAULT_LIMITS: PlanLimits = {
  maxDurationMs: 15 * 60_000,
  maxRequests: 2_000_000,
  maxConnections: 1000,
  maxRate: 20_000,
};

/** Longest wait a timer can hold: 24 days, under setTimeout's 2^31 − 1 ms (about 24.8 days). */
export const MAX_TIMER_MS = 24 * 24 * 3_600_000;

/** The most a plan may raise each limit to: beyond these the numbers stop meaning anything on one runner. */
export const LIMIT_CEILINGS: PlanLimits = {
  maxDurationMs: MAX_TIMER_MS,
  maxRequests: 10_000_000_000,
  maxConnections: 1_000_000,
  maxRate: 10_000_000,
};

const KEYS: Record<keyof PlanLimits, string> = {
  maxDurationMs: 'max_duration',
  maxRequests: 'max_requests',
  maxConnections: 'max_connections',
  maxRate: 'max_rate',
};

const HERE: Path = ['limits'];

/** The `limits:` block with defaults for what it leaves out. */
export function readLimits(c: Checks, raw: Data): PlanLimits {
  const limits = { ...DEFAULT_LIMITS };
  // Counts that are not whole numbers ≥ 1 are the schema check's to report.
  const count = (v: unknown): number => {
    const n = int(v);
    return n !== undefined && n >= 1 ? n : NaN;
  };
  const parsers: Record<keyof PlanLimits, (v: unknown) => number> = {
    maxDurationMs: parseDuration,
    maxRequests: count,
    maxConnections: count,
    maxRate: parseRate,
  };
  for (const field of Object.keys(KEYS) as (keyof PlanLimits)[]) {
    const key = KEYS[field];
    const value = c.unit(raw, key, HERE, parsers[field], DEFAULT_LIMITS[field]);
    if (value > LIMIT_CEILINGS[field]) {
      c.add([...HERE, key], `limits.${key}: ${show(raw[key])} is above the most perf-gate allows (${format(field, LIMIT_CEILINGS[field])})`);
    } else if (value > 0) {
      limits[field] = value;
    } else if (!Number.isNaN(value)) {
      c.add([...HERE, key], `limits.${key} must be more than 0`);
    }
  }
  return limits;
}

/** Stages as the plan has them, each with its index in the `stages:` list (readStages skips entries without a valid kind). */
function withIndex(rawStages: unknown, stages: StageSpec[]): { spec: StageSpec; raw: Data; path: Path }[] {
  const kinds = ['baseline', 'load', 'spike', 'burst', 'stress', 'soak'];
  const valid = list(rawStages)
    .map((item, i) => ({ raw: record(item), path: ['stages', i] as Path }))
    .filter((s) => kinds.includes(s.raw.kind as string));
  return stages.map((spec, i) => ({ spec, raw: valid[i]?.raw ?? {}, path: valid[i]?.path ?? ['stages'] }));
}

/** The stage key that asks for a value: the key when the stage has it, else the stage itself. */
function keyPath(raw: Data, path: Path, ...keys: string[]): Path {
  const key = keys.find((k) => k in raw);
  return key === undefined ? path : [...path, key];
}

const raise = (key: string): string => `; raise limits.${key} to allow it`;

/** Every stage, and the plan as a whole, against the limits (defaults or the plan's own). */
export function checkLimits(c: Checks, raw: Data, plan: Plan): void {
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
      c.add(peak.at, `${formatPath(peak.at)}: ${formatRate(peak.value)} is above limits.max_rate (${formatRate(limits.maxRate)})${raise('max_rate')}`);
    }
    checkConcurrency(c, spec, s, path, limits);
    // The whole run's planned time: reported once, at the stage that takes it over the limit.
    const stageMs = plannedDurationMs(spec);
    totalMs += stageMs;
    if (!durationReported && totalMs > limits.maxDurationMs) {
      durationReported = true;
      const at = keyPath(s, path, 'duration', 'hold', 'cycles', 'every');
      const what =
        stageMs > limits.maxDurationMs ? `${where} runs ${formatMs(stageMs)}` : `${where} brings the planned time of the run to ${formatMs(totalMs)}`;
      c.add(at, `${what}, above limits.max_duration (${formatMs(limits.maxDurationMs)})${raise('max_duration')}`);
    }
    // The whole run's scheduled requests (open model, spikes, bursts; closed models are capped at run time).
    const requests = plannedRequests(spec);
    if (requests === undefined) continue;
    totalRequests += requests;
    if (!requestsReported && totalRequests > limits.maxRequests) {
      requestsReported = true;
      const at = keyPath(s, path, 'rate', 'to', 'size', 'cycles');
      const what =
        requests > limits.maxRequests
          ? `${where} schedules ${formatCount(requests)} requests`
          : `${where} brings the requests the run schedules to ${formatCount(totalRequests)}`;
      c.add(at, `${what}, above limits.max_requests (${formatCount(limits.maxRequests)})${raise('max_requests')}`);
    }
  }
}

/** The highest open-model rate a stage asks for, and the key that asks for it. */
function peakRate(spec: StageSpec, s: Data, path: Path): { value: number; at: Path } | undefined {
  if (spec.kind === 'spike') return { value: spec.toRate, at: keyPath(s, path, 'to') };
  if ((spec.kind === 'load' || spec.kind === 'soak') && spec.model === 'open') return { value: spec.rate, at: keyPath(s, path, 'rate') };
  if (spec.kind === 'stress' && spec.model === 'open') {
    // The highest level: `max` of the steps, or the last of listed levels.
    return { value: spec.max, at: 'rate' in s ? [...path, 'rate', spec.levels ? spec.levels.length - 1 : 'max'] : path };
  }
  return undefined;
}

/** Requests a stage may have in flight (closed users, a burst, ws connections, the open model's cap). */
function checkConcurrency(c: Checks, spec: StageSpec, s: Data, path: Path, limits: PlanLimits): void {
  const cap = `limits.max_connections (${formatCount(limits.maxConnections)})`;
  const over = (value: number, key: string, what: string): void => {
    if (value <= limits.maxConnections) return;
    const at = keyPath(s, path, key);
    // An open stage's default max_in_flight can be over a lowered limit: say which knob to turn.
    const fix = key in s ? raise('max_connections') : `; set ${key} lower or raise limits.max_connections`;
    c.add(at, `${formatPath(at)}: ${what} is above ${cap}${fix}`);
  };
  if (spec.connections !== undefined) over(spec.connections, 'connections', `${formatCount(spec.connections)} connections`);
  if (spec.protocol === 'ws') return;
  switch (spec.kind) {
    case 'load':
    case 'soak':
      if (spec.model === 'closed') over(spec.vus, 'vus', `${formatCount(spec.vus)} users`);
      else over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
      break;
    case 'stress':
      if (spec.model === 'closed') over(spec.max, 'vus', `up to ${formatCount(spec.max)} users`);
      else over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
      break;
    case 'spike':
      over(spec.maxInFlight, 'max_in_flight', `${formatCount(spec.maxInFlight)} requests in flight`);
      break;
    case 'burst':
      over(spec.size, 'size', `a burst of ${formatCount(spec.size)} requests at once`);
      break;
    case 'baseline':
      break;
  }
}

/** Durations a timer waits on, by path: each at most MAX_TIMER_MS; the ones marked `positive` also above 0. */
function checkTimers(c: Checks, raw: Data): void {
  const check = (obj: Data, key: string, path: Path, positive: boolean): void => {
    if (!(key in obj)) return;
    let ms: number;
    try {
      ms = parseDuration(obj[key]);
    } catch {
      return; // a bad duration is reported where the key is read
    }
    const at: Path = [...path, key];
    if (ms > MAX_TIMER_MS) c.add(at, `${formatPath(at)}: ${show(obj[key])} is longer than ${formatMs(MAX_TIMER_MS)}, the longest wait perf-gate can time`);
    else if (positive && ms <= 0) c.add(at, `${formatPath(at)} must be longer than 0`);
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
    for (const key of ['duration', 'ramp', 'think', 'before', 'hold', 'after', 'pause', 'every']) check(record(item), key, ['stages', i], false);
  });
}

function format(field: keyof PlanLimits, value: number): string {
  if (field === 'maxDurationMs') return formatMs(value);
  if (field === 'maxRate') return formatRate(value);
  return formatCount(value);
}
