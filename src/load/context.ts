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
  /** Run-wide request sequence, for `${seq}`. */
  seq: { value: number };
}

export const now = (): number => performance.now();

/**
 * Send one request and record it. `intendedStart` is when the request *should* have gone out
 * (open model: its scheduled time), so generator or pool delays count as latency, never hidden.
 */
export async function execute(ctx: StageContext, req: CompiledRequest, vars: Vars, intendedStart: number): Promise<void> {
  ctx.inFlight++;
  if (ctx.inFlight > ctx.active) ctx.active = ctx.inFlight;
  try {
    const { out, error } = await sendAndCheck(ctx, req, vars);
    ctx.metrics.record(req.index, intendedStart - ctx.t0, now() - intendedStart, out.status, error);
    if (out.retryAfter !== undefined) ctx.metrics.retryAfterSeen++;
  } finally {
    // Fire-and-forget callers (the open model) rely on this running whatever happened above.
    settled(ctx);
  }
}

/** One request (or message) in flight has finished: wake `waitIdle` when none are left. */
export function settled(ctx: StageClock): void {
  if (--ctx.inFlight === 0 && ctx.idleWaiters.length > 0) for (const w of ctx.idleWaiters.splice(0)) w();
}

/** Run the session steps for one user, in order; recorded under their own endpoints only. */
export async function runSession(ctx: StageContext, vars: Vars): Promise<void> {
  for (const step of ctx.session) {
    if (ctx.signal.aborted) return;
    const start = now();
    const { error } = await sendAndCheck(ctx, step, vars);
    ctx.metrics.recordSessionStep(step.index, now() - start, error);
  }
}

/** Send, classify, capture: the part every request shares, whatever records it. */
async function sendAndCheck(ctx: StageContext, req: CompiledRequest, vars: Vars): Promise<{ out: HttpOutcome; error: ErrorKind | undefined }> {
  vars.seq = String(++ctx.seq.value);
  const out = await ctx.client.send(req.build(vars));
  let error = classifyOutcome(req.spec, out, vars, req.expectedBody);
  if (error === undefined && !applyCaptures(req.spec, out.body, vars)) error = 'check';
  if (out.failureMessage !== undefined) ctx.metrics.noteErrorMessage(out.failureMessage);
  return { out, error };
}

export function waitIdle(ctx: StageClock): Promise<void> {
  if (ctx.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => ctx.idleWaiters.push(resolve));
}
