/**
 * `stages:` → StageSpec. Each kind has keys it needs and keys that would make no sense for it;
 * both are reported here (the schema only knows the union of all stage keys).
 */
import { Checks, int, list, record, str, type Data } from './checks.js';
import { closest, formatPath, suggestion, type Path } from './issues.js';
import { stressStepCount } from './stage-time.js';
import { isMetric, LATENCY_METRICS, parseDuration, parseRate, parseThreshold, show } from './units.js';
import { UnitError } from '../errors.js';
import type { Metric, Protocol, SoakStage, StageSpec, StressStage, ThresholdRule } from './types.js';

type Kind = StageSpec['kind'];

/** Keys only some kinds use, by kind. `name`, `kind`, `protocol`, `max_in_flight`, `connections`, `workers`, `pipelining` go anywhere (the last three have checks of their own below). */
const KIND_KEYS: Record<Kind, readonly string[]> = {
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
const REQUIRED: Record<Kind, readonly string[]> = {
  baseline: ['duration'],
  load: ['duration'],
  spike: ['from', 'to', 'hold', 'after'],
  burst: ['size', 'cycles'],
  stress: ['every'],
  soak: ['duration'],
};

export const STAGE_DEFAULTS = { maxInFlight: 1000, spikeBeforeMs: 5_000, burstPauseMs: 1_000 } as const;

/** Most worker threads a stage may ask for: more is a typo, not a runner (as for --shard). */
export const MAX_WORKERS = 64;

function isKind(v: unknown): v is Kind {
  return typeof v === 'string' && v in KIND_KEYS;
}

/** Shortest soak: its first and last tenths must hold at least one 1-s window each. */
export const MIN_SOAK_MS = 10_000;

export function readStages(c: Checks, raw: unknown): StageSpec[] {
  const stages: StageSpec[] = [];
  const firstIndex = new Map<string, number>();
  list(raw).forEach((item, i) => {
    const data = record(item);
    const stage = readStage(c, data, ['stages', i]);
    if (!stage) return;
    stages.push(stage);
    const seen = firstIndex.get(stage.name);
    if (seen === undefined) return void firstIndex.set(stage.name, i);
    const hint = 'name' in data ? '' : ' (the name defaults to the kind; give each stage a name)';
    const at: Path = 'name' in data ? ['stages', i, 'name'] : ['stages', i];
    c.add(at, `stages[${i}]: duplicate stage name ${show(stage.name)} (also stages[${seen}])${hint}`);
  });
  return stages;
}

/** undefined when the kind itself is missing or wrong (the schema check reports that). */
function readStage(c: Checks, s: Data, path: Path): StageSpec | undefined {
  if (!isKind(s.kind)) return undefined;
  const kind = s.kind;
  const where = formatPath(path);
  const protocol: Protocol = s.protocol === 'ws' ? 'ws' : 'http';
  for (const key of Object.keys(s)) {
    if (KIND_SPECIFIC.has(key) && !KIND_KEYS[kind].includes(key)) {
      c.add([...path, key], `${where}: ${show(key)} does not apply to a ${kind} stage (it uses: ${KIND_KEYS[kind].join(', ')})`, 'key');
    }
  }
  // A misspelt key (`durration`) is already reported with "did you mean"; don't also call it missing.
  const unknown = Object.keys(s).filter((k) => !STAGE_KEYS.has(k));
  for (const key of REQUIRED[kind]) {
    if (!(key in s) && !unknown.some((k) => closest(k, [key]))) c.add(path, `${where} (${kind}) is missing ${show(key)}`);
  }
  if ('connections' in s && protocol !== 'ws') c.add([...path, 'connections'], `${where}: "connections" only applies with protocol: ws`, 'key');
  if ('connections' in s && protocol === 'ws' && kind === 'baseline') {
    c.add([...path, 'connections'], `${where}: a baseline stage uses one connection; use a load stage for more`, 'key');
  }
  if ('vus' in s && protocol === 'ws') {
    c.add(
      [...path, 'vus'],
      `${where}: with protocol: ws use "connections" (each sends its next message when the reply arrives; add rate for the open model)`,
      'key',
    );
  }
  if (str(s.name) === '*') c.add([...path, 'name'], `${where}: "*" cannot be a stage name (in thresholds it means every stage)`);

  const base: Base = { name: str(s.name) ?? kind, protocol, maxInFlight: int(s.max_in_flight) ?? STAGE_DEFAULTS.maxInFlight };
  if (protocol === 'ws') base.connections = kind === 'baseline' ? 1 : (int(s.connections) ?? 1);
  if (protocol === 'ws' && (kind === 'stress' || kind === 'soak')) {
    c.add([...path, 'protocol'], `${where}: a ${kind} stage is HTTP only (protocol: ws is not supported for it yet)`);
  }
  const workers = readWorkers(c, s, path, kind, protocol);
  if (workers !== undefined) base.workers = workers;
  const pipelining = readPipelining(c, s, path, protocol);
  if (pipelining !== undefined) base.pipelining = pipelining;
  const ms = (key: string, fallback: number) => c.unit(s, key, path, parseDuration, fallback);
  const rate = (key: string) => c.unit(s, key, path, parseRate, 1);
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
        c.add([...path, 'to'], `${where}: to (${show(s.to)}) must be higher than from (${show(s.from)})`);
      }
      return stage;
    }
    case 'burst':
      return { ...base, kind, size: int(s.size) ?? 1, cycles: int(s.cycles) ?? 1, pauseMs: ms('pause', STAGE_DEFAULTS.burstPauseMs) };
    case 'stress':
      return readStress(c, s, path, base, ms);
    case 'soak':
      return readSoak(c, s, path, base, ms, rate);
  }
}

type Base = { name: string; protocol: Protocol; maxInFlight: number; connections?: number; workers?: number | 'auto'; pipelining?: number };

/** Deeper pipelines only queue requests behind one slow response (head-of-line blocking). */
export const MAX_PIPELINING = 64;

/**
 * `pipelining: N`: HTTP requests per connection in flight. `pipelining: 1` is the default and is
 * dropped, so it does not change the plan's fingerprint.
 */
function readPipelining(c: Checks, s: Data, path: Path, protocol: Protocol): number | undefined {
  if (!('pipelining' in s)) return undefined;
  const at: Path = [...path, 'pipelining'];
  const v = int(s.pipelining);
  if (v === undefined || v < 1 || v > MAX_PIPELINING) {
    c.add(at, `${formatPath(at)}: ${show(s.pipelining)} is not a pipelining depth: use a whole number from 1 (no pipelining) to ${MAX_PIPELINING}`);
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
function readWorkers(c: Checks, s: Data, path: Path, kind: Kind, protocol: Protocol): number | 'auto' | undefined {
  if (!('workers' in s)) return undefined;
  const at: Path = [...path, 'workers'];
  const where = formatPath(path);
  const v = s.workers;
  if (v !== 'auto' && (int(v) === undefined || (v as number) < 1)) {
    c.add(at, `${formatPath(at)}: ${show(v)} is not a number of workers: use auto (one per core) or a whole number from 1 to ${MAX_WORKERS}`);
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
    c.add(
      at,
      `${where}: workers applies to HTTP stages only: a ws stage's connections and the replies matched to them live on one thread (spread connections over runners with --shard)`,
      'key',
    );
    return undefined;
  }
  return v === 1 ? undefined : (v as number | 'auto');
}

function readLoad(c: Checks, s: Data, path: Path, base: Base, ms: (key: string, fallback: number) => number, rate: (key: string) => number): StageSpec {
  const where = formatPath(path);
  if ('rate' in s && 'vus' in s) c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
  const ws = base.protocol === 'ws';
  // A ws load stage without rate is closed: each connection sends its next message on the reply.
  if (!ws && !('rate' in s) && !('vus' in s)) c.add(path, `${where} (${str(s.kind) ?? 'load'}) needs rate (open model) or vus (closed model)`);
  if ('think' in s && ('rate' in s || (!ws && !('vus' in s)))) {
    c.add(
      [...path, 'think'],
      ws ? `${where}: "think" only applies to the closed model (connections without rate)` : `${where}: "think" only applies with vus (closed model)`,
      'key',
    );
  }
  if (typeof s.vus === 'object' && s.vus !== null)
    c.add([...path, 'vus'], `${where}: vus is a number of users here (steps like { from, step, max } or a list of levels are for stress stages)`);
  const durationMs = positive(c, s, path, 'duration', ms('duration', 1));
  const rampMs = ms('ramp', 0);
  if ('ramp' in s && 'duration' in s && rampMs >= durationMs) {
    c.add([...path, 'ramp'], `${where}: ramp (${show(s.ramp)}) must be shorter than duration (${show(s.duration)}): the ramp is part of it`);
  }
  if (ws && !('rate' in s)) {
    return { ...base, kind: 'load', model: 'closed', vus: base.connections ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
  }
  if ('vus' in s && !('rate' in s)) {
    return { ...base, kind: 'load', model: 'closed', vus: int(s.vus) ?? 1, rampMs, thinkMs: ms('think', 0), durationMs };
  }
  return { ...base, kind: 'load', model: 'open', rate: rate('rate'), rampMs, durationMs };
}

/** A stage that lasts 0 ms measures nothing. */
function positive(c: Checks, s: Data, path: Path, key: string, value: number): number {
  if (key in s && value <= 0) c.add([...path, key], `${formatPath([...path, key])} must be longer than 0`);
  return value;
}

/** More steps than this is a typo (a step of 0.001/s), not a search for a breaking point. */
export const MAX_STRESS_STEPS = 1000;

/** A stress stage's `rate:` or `vus:` map: where the steps start, how much each adds, the most. */
const STEP_KEYS = ['from', 'step', 'max'] as const;

function readStress(c: Checks, s: Data, path: Path, base: Base, ms: (key: string, fallback: number) => number): StressStage {
  const where = formatPath(path);
  const closed = 'vus' in s && !('rate' in s);
  if ('rate' in s && 'vus' in s) c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
  if (!('rate' in s) && !('vus' in s))
    c.add(
      path,
      `${where} (stress) needs rate: { from, step, max } or a list of rates (open model), or vus: { from, step, max } or a list of user counts (closed model)`,
    );
  if ('think' in s && !closed) c.add([...path, 'think'], `${where}: "think" only applies with vus (closed model)`, 'key');
  const key = closed ? 'vus' : 'rate';
  const levels = readSteps(c, s[key], [...path, key], closed);
  const everyMs = positive(c, s, path, 'every', ms('every', 1));
  const stage: StressStage = {
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
export const BREAK_METRICS: readonly Metric[] = [...LATENCY_METRICS, 'error_rate'];

export const isBreakMetric = (m: Metric): boolean => BREAK_METRICS.includes(m);

function readUntil(c: Checks, raw: unknown, path: Path): ThresholdRule[] {
  const where = formatPath(path);
  const example = '{ p95: "< 200ms", error_rate: "< 1%" }';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length === 0) {
    c.add(path, `${where}: write the conditions every step must meet, e.g. ${example}`);
    return [];
  }
  const rules: ThresholdRule[] = [];
  for (const [metric, rule] of Object.entries(raw as Data)) {
    const at: Path = [...path, metric];
    if (!isMetric(metric)) continue; // the schema check names it, with a suggestion
    if (!isBreakMetric(metric)) {
      c.add(
        at,
        `${where}: ${show(metric)} cannot judge a step: a step is judged on its latency percentiles and error_rate${suggestion(metric, BREAK_METRICS)}`,
        'key',
      );
      continue;
    }
    try {
      rules.push(parseThreshold(metric, rule));
    } catch (err) {
      c.add(at, `${formatPath(at)}: ${(err as Error).message}`);
    }
  }
  return rules;
}

/** A user count of a stress step: a whole number from 1. */
const userCount = (v: unknown): number => {
  if (int(v) === undefined || (v as number) < 1) throw new UnitError(`${show(v)} is not a number of users: use a whole number from 1`);
  return v as number;
};

type Steps = Pick<StressStage, 'from' | 'step' | 'max' | 'levels'>;

/**
 * `vus: [10, 50, 100, 500]` or `rate: [50/s, 200/s]`: the levels run in order, each going up.
 * `from` and `max` are the first and last; `step` is 0 (the gaps are the list's).
 */
function readLevels(c: Checks, raw: unknown[], path: Path, users: boolean): Steps {
  const where = formatPath(path);
  const issuesBefore = c.issues.length;
  if (raw.length === 0) c.add(path, `${where}: list at least one level, e.g. ${users ? '[10, 50, 100]' : '[50/s, 200/s, 1000/s]'}`);
  if (raw.length > MAX_STRESS_STEPS) c.add(path, `${where}: ${raw.length.toLocaleString('en-US')} levels; at most ${MAX_STRESS_STEPS}`);
  const levels = raw.map((v, i) => {
    try {
      return users ? userCount(v) : parseRate(v);
    } catch (err) {
      c.add([...path, i], `${formatPath([...path, i])}: ${(err as Error).message}`);
      return 1;
    }
  });
  if (c.issues.length === issuesBefore) {
    const down = levels.findIndex((level, i) => i > 0 && level <= levels[i - 1]!);
    if (down > 0)
      c.add(
        [...path, down],
        `${formatPath([...path, down])}: ${show(raw[down])} does not go up from ${show(raw[down - 1])}: list the levels from lowest to highest, each once`,
      );
  }
  return { from: levels[0] ?? 1, step: 0, max: levels[levels.length - 1] ?? 1, levels };
}

function readSteps(c: Checks, raw: unknown, path: Path, users: boolean): Steps {
  const out = { from: 1, step: 1, max: 1 };
  const where = formatPath(path);
  const example = users ? '{ from: 10, step: 10, max: 200 }' : '{ from: 50/s, step: 50/s, max: 2000/s }';
  if (raw === undefined) return out;
  if (Array.isArray(raw)) return readLevels(c, raw, path, users);
  if (typeof raw !== 'object' || raw === null) {
    c.add(
      path,
      `${where}: a stress stage steps its ${users ? 'users' : 'rate'}: write ${example}, or list the levels: ${users ? '[10, 50, 100, 500]' : '[50/s, 200/s, 1000/s]'}`,
    );
    return out;
  }
  const data = raw as Data;
  for (const k of Object.keys(data)) {
    if (!(STEP_KEYS as readonly string[]).includes(k)) c.add([...path, k], `${where}: unknown key ${show(k)} (the steps are ${example})`, 'key');
  }
  const issuesBefore = c.issues.length;
  for (const k of STEP_KEYS) {
    if (!(k in data)) {
      c.add(path, `${where} is missing ${show(k)} (the steps are ${example})`);
      continue;
    }
    out[k] = c.unit(data, k, path, users ? userCount : parseRate, 1);
  }
  // Only steps that are all there and all numbers can be counted or compared.
  if (c.issues.length > issuesBefore) return out;
  if (out.max < out.from) {
    c.add(
      [...path, 'max'],
      `${formatPath([...path, 'max'])}: ${show(data.max)} is below from (${show(data.from)}): max is the highest level the steps may reach`,
    );
  } else if (stressStepCount(out) > MAX_STRESS_STEPS) {
    c.add(
      [...path, 'step'],
      `${formatPath([...path, 'step'])}: ${show(data.step)} makes ${stressStepCount(out).toLocaleString('en-US')} steps from ${show(data.from)} to ${show(data.max)}; at most ${MAX_STRESS_STEPS} (take bigger steps)`,
    );
  }
  return out;
}

function readSoak(c: Checks, s: Data, path: Path, base: Base, ms: (key: string, fallback: number) => number, rate: (key: string) => number): SoakStage {
  const load = readLoad(c, s, path, base, ms, rate) as Extract<StageSpec, { kind: 'load' }>;
  const where = formatPath(path);
  const steadyMs = load.durationMs - load.rampMs;
  if ('duration' in s && load.durationMs > 0 && steadyMs > 0 && steadyMs < MIN_SOAK_MS) {
    const what = load.rampMs > 0 ? `${show(s.duration)} with a ${show(s.ramp)} ramp holds it ${steadyMs / 1000}s` : `${show(s.duration)} is shorter`;
    c.add(
      [...path, 'duration'],
      `${where}: a soak stage must hold its load at least ${MIN_SOAK_MS / 1000}s after its ramp (${what}): its drift compares the first and last tenth of that`,
    );
  }
  const soak: SoakStage = { ...load, kind: 'soak' };
  if ('metrics' in s) {
    const m = s.metrics;
    // A path on the target, like target.ready: an absolute or //host value would send the probe
    // elsewhere, past the load-destination check.
    if (typeof m !== 'string' || !/^\/(?!\/)/.test(m)) {
      c.add([...path, 'metrics'], `${formatPath([...path, 'metrics'])}: ${show(m)} must be a path on the target, starting with one /, e.g. /metrics`);
    } else {
      soak.metricsPath = m;
    }
  }
  return soak;
}
