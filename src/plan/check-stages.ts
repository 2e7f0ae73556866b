/**
 * `stages:` → StageSpec. Each kind has keys it needs and keys that would make no sense for it;
 * both are reported here (the schema only knows the union of all stage keys).
 */
import { Checks, int, list, record, str, type Data } from './checks.js';
import { closest, formatPath, type Path } from './issues.js';
import { parseDuration, parseRate, show } from './units.js';
import type { Protocol, StageSpec } from './types.js';

type Kind = StageSpec['kind'];

/** Keys only some kinds use, by kind. `name`, `kind`, `protocol`, `max_in_flight`, `connections`, `workers`, `pipelining` go anywhere (the last three have checks of their own below). */
const KIND_KEYS: Record<Kind, readonly string[]> = {
  baseline: ['duration'],
  load: ['duration', 'rate', 'vus', 'ramp', 'think'],
  spike: ['from', 'to', 'before', 'ramp', 'hold', 'after'],
  burst: ['size', 'cycles', 'pause'],
};
const KIND_SPECIFIC = new Set(Object.values(KIND_KEYS).flat());
const STAGE_KEYS = new Set(['name', 'kind', 'protocol', 'max_in_flight', 'connections', 'workers', 'pipelining', ...KIND_SPECIFIC]);
const REQUIRED: Record<Kind, readonly string[]> = {
  baseline: ['duration'],
  load: ['duration'],
  spike: ['from', 'to', 'hold', 'after'],
  burst: ['size', 'cycles'],
};

export const STAGE_DEFAULTS = { maxInFlight: 1000, spikeBeforeMs: 5_000, burstPauseMs: 1_000 } as const;

/** Most worker threads a stage may ask for: more is a typo, not a runner (as for --shard). */
export const MAX_WORKERS = 64;

function isKind(v: unknown): v is Kind {
  return typeof v === 'string' && v in KIND_KEYS;
}

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
    c.add([...path, 'vus'], `${where}: with protocol: ws use "connections" (each sends its next message when the reply arrives; add rate for the open model)`, 'key');
  }
  if (str(s.name) === '*') c.add([...path, 'name'], `${where}: "*" cannot be a stage name (in thresholds it means every stage)`);

  const base: Base = { name: str(s.name) ?? kind, protocol, maxInFlight: int(s.max_in_flight) ?? STAGE_DEFAULTS.maxInFlight };
  if (protocol === 'ws') base.connections = kind === 'baseline' ? 1 : (int(s.connections) ?? 1);
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
  if (protocol === 'ws') {
    c.add(at, `${where}: workers applies to HTTP stages only: a ws stage's connections and the replies matched to them live on one thread (spread connections over runners with --shard)`, 'key');
    return undefined;
  }
  return v === 1 ? undefined : (v as number | 'auto');
}

function readLoad(
  c: Checks,
  s: Data,
  path: Path,
  base: Base,
  ms: (key: string, fallback: number) => number,
  rate: (key: string) => number,
): StageSpec {
  const where = formatPath(path);
  if ('rate' in s && 'vus' in s) c.add([...path, 'vus'], `${where}: use either rate (open model) or vus (closed model), not both`, 'key');
  const ws = base.protocol === 'ws';
  // A ws load stage without rate is closed: each connection sends its next message on the reply.
  if (!ws && !('rate' in s) && !('vus' in s)) c.add(path, `${where} (load) needs rate (open model) or vus (closed model)`);
  if ('think' in s && ('rate' in s || (!ws && !('vus' in s)))) {
    c.add([...path, 'think'], ws ? `${where}: "think" only applies to the closed model (connections without rate)` : `${where}: "think" only applies with vus (closed model)`, 'key');
  }
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
