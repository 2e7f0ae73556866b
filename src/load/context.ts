/**
 * What every executor shares within one stage: the client, the compiled mix, the metrics, the
 * clock, and the one function that sends a request and records it. Keeping that function here
 * means the open, closed and burst executors differ only in *when* they call it.
 */
import { performance } from 'node:perf_hooks';
import type { ErrorKind, HttpClient, HttpOutcome } from './http.js';
import type { StageMetrics } from '../metrics/stage-metrics.js';
import { applyCaptures, classifyOutcome, type CompiledRequest } from './requests.js';
import type { Vars } from './template.js';

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
export function execute(ctx: StageContext, req: CompiledRequest, vars: Vars, intendedStart: number, done: () => void): void {
  ctx.inFlight++;
  if (ctx.inFlight > ctx.active) ctx.active = ctx.inFlight;
  vars.seq = nextSeq(ctx.seq);
  let dispatching = true;
  ctx.client.dispatch(req.build(vars), (out) => {
    // Cancelled because the run was stopped: no measurement, neither a success nor an error.
    if (!out.cancelled) {
      const error = checkOutcome(ctx, req, vars, out);
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
export function executeAsync(ctx: StageContext, req: CompiledRequest, vars: Vars, intendedStart: number): Promise<void> {
  return new Promise((resolve) => execute(ctx, req, vars, intendedStart, resolve));
}

/** One request (or message) in flight has finished: wake `waitIdle` when none are left. */
export function settled(ctx: StageClock): void {
  if (--ctx.inFlight === 0 && ctx.idleWaiters.length > 0) for (const w of ctx.idleWaiters.splice(0)) w();
}

/** Run the session steps for one user, in order; recorded under their own endpoints only. */
/** Runs the plan's session steps for one user; true when every step met its expectations. */
export async function runSession(ctx: StageContext, vars: Vars): Promise<boolean> {
  let ok = true;
  for (const step of ctx.session) {
    if (ctx.signal.aborted) return false;
    const start = now();
    vars.seq = nextSeq(ctx.seq);
    const out = await ctx.client.send(step.build(vars));
    if (out.cancelled) return false;
    const error = checkOutcome(ctx, step, vars, out);
    if (error !== undefined) ok = false;
    ctx.metrics.recordSessionStep(step.index, now() - start, error);
  }
  return ok;
}

/** Classify and capture: what every response goes through, whatever records it. */
function checkOutcome(ctx: StageContext, req: CompiledRequest, vars: Vars, out: HttpOutcome): ErrorKind | undefined {
  let error = classifyOutcome(req.spec, out, vars, req.expectedBody);
  if (error === undefined && !applyCaptures(req.spec, out.body, vars)) error = 'check';
  if (out.failureMessage !== undefined) ctx.metrics.noteErrorMessage(out.failureMessage);
  return error;
}

export function waitIdle(ctx: StageClock): Promise<void> {
  if (ctx.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => ctx.idleWaiters.push(resolve));
}
