/**
 * What every executor shares within one stage: the client, the compiled mix, the metrics, the
 * clock, and the one function that sends a request and records it. Keeping that function here
 * means the open, closed and burst executors differ only in *when* they call it.
 */
import { performance } from 'node:perf_hooks';
import type { ErrorKind, HttpClient, HttpOutcome } from './http.js';
import type { StageMetrics } from '../metrics/stage-metrics.js';
import { applyCaptures, classifyOutcome, outcomeProblems, sample, type CompiledRequest } from './requests.js';
import type { Vars } from './template.js';
import type { DataRows } from './data-rows.js';

/** What the executors need of a stage, whatever the protocol: the clock, the metrics, what is in flight. */
export interface StageClock {
  metrics: StageMetrics;
  /** performance.now() at the stage start. */
  t0: number;
  signal: AbortSignal;
  inFlight: number;
  /** Resolves waiters when inFlight drops to 0. */
  idleWaiters: Array<() => void>;
}

export interface StageContext extends StageClock {
  client: HttpClient;
  requests: CompiledRequest[];
  session: CompiledRequest[];
  pick: () => CompiledRequest;
  /** Peak requests in flight / users active since the last sample. */
  active: number;
  /** Closed model: users started and not finished, the load a closed model offers (in flight is not: it rises with latency). */
  users: number;
  /** Run-wide request sequence, for `${seq}`. */
  seq: Sequence;
  /** The stage's name (a unique data row is kept per stage and user). */
  stage: string;
  /** The plan's data rows, and the sets this stage's session and mix read (filled per user, or per request in the open model). */
  rows: DataRows;
  rowSets: string[];
  /** Values every user starts with: what the stage's `setup:` captured. */
  baseVars: Vars;
  /** Users that ran the session, and those whose session failed (SPEC §5, "Sessions that fail"). */
  sessions: SessionTally;
  /** Requests not sent because a value they need was missing, and which values. */
  unsent: UnsentTally;
  /** Ends the stage for a reason of the engine's own (a unique data set ran out of rows). */
  stop: (reason: string) => void;
}

/** Users that ran the session steps, and how the first failed one failed. */
export interface SessionTally {
  users: number;
  failed: number;
  first?: SessionFailure;
}

export interface SessionFailure {
  /** The step's name (`login`). */
  step: string;
  /** The HTTP status (0: no response). */
  status: number;
  /** `409`, `timeout`, `capture token ($.token) found nothing`, `body misses "ok"`. */
  reason: string;
  /** The start of the response body. */
  sample?: string;
}

export interface UnsentTally {
  count: number;
  /** The missing values' names (`token`), a few. */
  missing: string[];
}

/**
 * Adds one part's unsent requests (a worker thread, an A/B round) into another's. `merge` adds
 * shards' blocks on its own (src/report/merge.ts): it keeps at most five names even from one shard.
 */
export function addUnsentTally(into: UnsentTally | undefined, from: UnsentTally | undefined): UnsentTally | undefined {
  if (!from || from.count === 0) return into;
  if (!into) return { count: from.count, missing: [...from.missing] };
  return { count: into.count + from.count, missing: [...new Set([...into.missing, ...from.missing])].slice(0, 5) };
}

/**
 * The run-wide `${seq}` counter. Each send adds `stride` (default 1): worker i of n starts at
 * i − n with stride n, so its first value is i and no two threads ever send the same value.
 */
export interface Sequence {
  value: number;
  stride?: number;
}

/** The next `${seq}` value, as a string (what templates take). */
export function nextSeq(seq: Sequence): string {
  return String((seq.value += seq.stride ?? 1));
}

export const now = (): number => performance.now();

/**
 * Send one request and record it; `done` runs once it is recorded. `intendedStart` is when the
 * request *should* have gone out (open model: its scheduled time), so generator or pool delays
 * count as latency, never hidden. Callbacks, not promises: this is the run loop's hot path, and a
 * closed-model user sends its next request from inside `done`.
 */
/**
 * `captureInto`: where the response's captures go (default `vars`); an open-model request with a
 * data row of its own sends with vars over the shared ones, and captures into the shared ones.
 */
export function execute(ctx: StageContext, req: CompiledRequest, vars: Vars, intendedStart: number, done: () => void, captureInto: Vars = vars): void {
  vars.seq = nextSeq(ctx.seq);
  const built = req.build(vars);
  if (built === undefined) {
    // A value it needs is missing (a capture that failed): never sent with a literal `${name}`.
    noteUnsent(ctx, req.needs, vars);
    setImmediate(done);
    return;
  }
  ctx.inFlight++;
  if (ctx.inFlight > ctx.active) ctx.active = ctx.inFlight;
  let dispatching = true;
  ctx.client.dispatch(built, (out) => {
    // Cancelled because the run was stopped: no measurement, neither a success nor an error.
    if (!out.cancelled) {
      const error = checkOutcome(ctx, req, vars, out, captureInto);
      ctx.metrics.record(req.index, intendedStart - ctx.t0, now() - intendedStart, out.status, error);
      if (out.retryAfter !== undefined) ctx.metrics.noteRetryAfter(out.retryAfter);
    }
    settled(ctx);
    // Refused before it left (an invalid header): let I/O and timers run before the next send, or
    // a user failing every request at once would recurse and starve the event loop.
    if (dispatching) setImmediate(done);
    else done();
  });
  dispatching = false;
}

/** `execute` as a promise (burst releases, one-off sends). */
export function executeAsync(ctx: StageContext, req: CompiledRequest, vars: Vars, intendedStart: number, captureInto: Vars = vars): Promise<void> {
  return new Promise((resolve) => execute(ctx, req, vars, intendedStart, resolve, captureInto));
}

/** One request (or message) in flight has finished: wake `waitIdle` when none are left. */
export function settled(ctx: StageClock): void {
  if (--ctx.inFlight === 0 && ctx.idleWaiters.length > 0) for (const w of ctx.idleWaiters.splice(0)) w();
}

/** Unsent requests, none sent and none in flight: nothing of the stage can ever be sent. */
const UNSENT_STOP = 1000;

/** A request (or a user's whole mix) not sent for want of values: counted, and named. */
export function noteUnsent(ctx: StageContext, needs: readonly string[], vars: Vars): void {
  ctx.unsent.count++;
  if (ctx.unsent.missing.length < 5) {
    for (const k of needs) if (vars[k] === undefined && !ctx.unsent.missing.includes(k)) ctx.unsent.missing.push(k);
  }
  // A user back to back would otherwise spin on requests it can never build.
  if (ctx.unsent.count >= UNSENT_STOP && ctx.metrics.requests === 0 && ctx.inFlight === 0) {
    ctx.stop(`no request could be sent: ${ctx.unsent.missing.map((k) => `\${${k}}`).join(', ')} had no value`);
  }
}

/**
 * Runs the plan's session steps for one user, in order (recorded under their own endpoints only);
 * true when every step met its `expect` and its captures. The first step that does not ends the
 * session: the user has an error of kind `session`, and the steps after it, which may need what it
 * failed to set, are not sent.
 */
export async function runSession(ctx: StageContext, vars: Vars): Promise<boolean> {
  if (ctx.session.length === 0) return true;
  ctx.sessions.users++;
  for (const step of ctx.session) {
    if (ctx.signal.aborted) return false;
    const start = now();
    vars.seq = nextSeq(ctx.seq);
    const request = step.build(vars);
    if (request === undefined) {
      failSession(ctx, { step: step.spec.name, status: 0, reason: `${missingNames(step, vars)} had no value` });
      return false;
    }
    const out = await ctx.client.send(request);
    if (out.cancelled) return false;
    const error = classifyOutcome(step.spec, out, vars, step.expectedBody);
    const captured = error === undefined ? missingCapture(step, out.body, vars) : undefined;
    if (out.failureMessage !== undefined) ctx.metrics.noteErrorMessage(out.failureMessage);
    ctx.metrics.recordSessionStep(step.index, now() - start, error ?? (captured ? 'check' : undefined));
    if (error !== undefined || captured !== undefined) {
      const reason = captured ?? outcomeProblems(step.spec, out, vars, step.expectedBody).join('; ');
      failSession(ctx, { step: step.spec.name, status: out.status, reason, sample: out.body ? sample(out.body) : undefined });
      return false;
    }
  }
  return true;
}

function failSession(ctx: StageContext, failure: SessionFailure): void {
  ctx.sessions.failed++;
  ctx.sessions.first ??= failure;
  ctx.metrics.recordSessionFailure(Math.max(0, now() - ctx.t0));
}

/** The captures a session step's body did not hold, as a phrase; undefined when all were found. */
function missingCapture(step: CompiledRequest, body: string | undefined, vars: Vars): string | undefined {
  if (applyCaptures(step.spec, body, vars)) return undefined;
  const lost = Object.entries(step.spec.capture ?? {}).filter(([name]) => vars[name] === undefined);
  return `capture ${lost.map(([name, path]) => `${name} (${path})`).join(', ') || 'a value'} found nothing`;
}

function missingNames(req: CompiledRequest, vars: Vars): string {
  return (
    req.needs
      .filter((k) => vars[k] === undefined)
      .map((k) => `\${${k}}`)
      .join(', ') || 'a value'
  );
}

/** Classify and capture: what every response goes through, whatever records it. */
function checkOutcome(ctx: StageContext, req: CompiledRequest, vars: Vars, out: HttpOutcome, captureInto: Vars): ErrorKind | undefined {
  let error = classifyOutcome(req.spec, out, vars, req.expectedBody);
  if (error === undefined && !applyCaptures(req.spec, out.body, captureInto)) error = 'check';
  if (out.failureMessage !== undefined) ctx.metrics.noteErrorMessage(out.failureMessage);
  return error;
}

export function waitIdle(ctx: StageClock): Promise<void> {
  if (ctx.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => ctx.idleWaiters.push(resolve));
}
