/**
 * The three ways a stage releases requests. They differ only in timing; sending and recording is
 * `execute` in context.ts.
 *  - open: requests at scheduled times whatever the target does (rate, spike); latency counts from
 *    the scheduled time, and a send that finds `maxInFlight` requests outstanding is dropped and
 *    counted, never queued out of sight;
 *  - closed: N users, each sending its next request when the previous one returns (vus, baseline);
 *  - burst: `size` requests at the same instant, `cycles` times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { execute, executeAsync, noteUnsent, now, runSession, waitIdle, type StageClock, type StageContext } from './context.js';
import type { RateSchedule } from './schedule.js';
import type { Vars } from './template.js';
import { weightedPicker, type CompiledRequest } from './requests.js';
import type { BurstCycle } from '../model/records.js';
import { RowsExhausted } from '../errors.js';
export type { BurstCycle };

/** Sends one request (or message) meant to leave at `intendedStart`; resolves when it is recorded. */
export type Send = (intendedStart: number) => Promise<void>;

/** A send dispatched later than this after its scheduled time counts as late (generator lag). */
export const LATE_SEND_MS = 10;

export interface OpenResult {
  scheduled: number;
  sent: number;
  dropped: number;
  lateSends: number;
}

/**
 * `send` must count itself in `ctx.inFlight` (and call `settled`) for the cap and the drain to see it.
 * `stop`, asked before every send, ends the schedule early (a stress step whose break is already certain).
 */
export async function runOpen(
  ctx: StageClock,
  schedule: RateSchedule,
  maxInFlight: number,
  send: Send,
  stop?: (sofar: OpenResult) => boolean,
): Promise<OpenResult> {
  const result: OpenResult = { scheduled: schedule.total, sent: 0, dropped: 0, lateSends: 0 };
  let k = 0;
  let stopped = false;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = now() - ctx.t0;
      while (k < schedule.total && !ctx.signal.aborted && !(stopped ||= stop?.(result) === true)) {
        const due = schedule.sendTime(k);
        if (due > elapsed) break;
        k++;
        if (elapsed - due > LATE_SEND_MS) {
          result.lateSends++;
          ctx.metrics.timeline.noteLate(due);
        }
        if (ctx.inFlight >= maxInFlight) {
          result.dropped++;
          ctx.metrics.timeline.noteDropped(due);
          continue;
        }
        result.sent++;
        void send(ctx.t0 + due);
      }
      if (k >= schedule.total || ctx.signal.aborted || stopped) return resolve();
      // Sleep until the next send is due (timers fire ≥ 1 ms late; late sends are counted above).
      setTimeout(tick, Math.max(0, schedule.sendTime(k) - (now() - ctx.t0)));
    };
    tick();
  });
  await waitIdle(ctx);
  return result;
}

export interface ClosedOptions {
  vus: number;
  rampMs: number;
  thinkMs: number;
  durationMs: number;
}

/**
 * The HTTP request sender for `runOpen` / `runBurst`: one pick from the mix per send. With data
 * sets, each request has a row of its own, in vars of its own over the shared session's.
 */
export function httpSend(ctx: StageContext, vars: Vars): Send {
  const pick = requestPicker(ctx, vars);
  if (!pick) return () => Promise.resolve(noteNothingToSend(ctx, vars));
  const sets = ctx.rows.setsIn(ctx.requests.flatMap((r) => r.needs));
  if (sets.length === 0) return (at) => executeAsync(ctx, pick(), vars, at);
  return (at) => {
    const own: Vars = Object.create(vars) as Vars;
    if (!fillRows(ctx, own, sets)) return Promise.resolve();
    return executeAsync(ctx, pick(), own, at, vars);
  };
}

/** Nothing of the mix can be sent with these values: counted as one unsent, with what is missing. */
function noteNothingToSend(ctx: StageContext, vars: Vars): void {
  noteUnsent(
    ctx,
    ctx.requests.flatMap((r) => r.needs),
    vars,
  );
}

/** A new user's values: what setup captured, its number, its data row (closed model); undefined when a unique set ran out. */
export function newUserVars(ctx: StageContext, id: number): Vars | undefined {
  const vars: Vars = { ...ctx.baseVars, vu: String(id) };
  return fillRows(ctx, vars, ctx.rowSets, id) ? vars : undefined;
}

/** Copies this user's (or, without `user`, this request's) rows into `vars`; false, and the stage stopped, when a unique set ran out. */
export function fillRows(ctx: StageContext, vars: Vars, sets: string[], user?: number): boolean {
  if (sets.length === 0) return true;
  try {
    ctx.rows.fill(vars, sets, user, ctx.stage);
    return true;
  } catch (err) {
    if (!(err instanceof RowsExhausted)) throw err;
    ctx.stop(err.message);
    return false;
  }
}

/**
 * What a user may send: the whole mix, or, when its session left values unset, the requests that
 * need none of them (values a request of the mix captures may still come). Undefined: nothing.
 */
export function requestPicker(ctx: StageContext, vars: Vars): (() => CompiledRequest) | undefined {
  // Values still to come: what a request of the mix captures, and data rows drawn per request.
  const later = new Set(ctx.requests.flatMap((r) => [...Object.keys(r.spec.capture ?? {}), ...r.needs.filter((k) => ctx.rows.setsIn([k]).length > 0)]));
  const can = (r: CompiledRequest): boolean => r.needs.every((k) => vars[k] !== undefined || later.has(k));
  if (ctx.requests.every(can)) return ctx.pick;
  const sendable = ctx.requests.filter(can);
  return sendable.length > 0 ? weightedPicker(sendable) : undefined;
}

/** `known`: users already logged in (A/B rounds), by number; they skip the session and keep their values. */
export async function runClosed(ctx: StageContext, o: ClosedOptions, known?: Map<number, Vars>): Promise<void> {
  const endAt = ctx.t0 + o.durationMs;
  const users: Promise<void>[] = [];
  for (let i = 0; i < o.vus; i++) {
    const startDelay = o.vus > 1 ? (o.rampMs * i) / o.vus : 0;
    users.push(runUser(ctx, i + 1, startDelay, endAt, o.thinkMs, known));
  }
  await Promise.all(users);
}

/** Runs the session of users 1..`count` not yet in `known`, all at once, and keeps their values there. */
export async function logInUsers(ctx: StageContext, count: number, known: Map<number, Vars>): Promise<void> {
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((id) => !known.has(id));
  await Promise.all(
    missing.map(async (id) => {
      const vars = newUserVars(ctx, id);
      // Only a session that succeeded is kept for later rounds: a failed login logs in again next time.
      if (vars && (await runSession(ctx, vars)) && !ctx.signal.aborted) known.set(id, vars);
    }),
  );
}

/**
 * Closed-model users 1..`count` sending until `endAt`, all at once. A user already in `known` has
 * run its session and keeps its values (a stress stage's users carry over from step to step).
 */
export async function runUsersUntil(ctx: StageContext, count: number, thinkMs: number, endAt: number, known: Map<number, Vars>): Promise<void> {
  const users: Promise<void>[] = [];
  for (let i = 1; i <= count; i++) users.push(runUser(ctx, i, 0, endAt, thinkMs, known));
  await Promise.all(users);
}

async function runUser(ctx: StageContext, id: number, startDelayMs: number, endAt: number, thinkMs: number, known?: Map<number, Vars>): Promise<void> {
  if (startDelayMs > 0) await sleepUnlessAborted(startDelayMs, ctx.signal);
  if (ctx.signal.aborted || now() >= endAt) return;
  ctx.users++;
  try {
    let vars = known?.get(id);
    if (!vars) {
      vars = newUserVars(ctx, id);
      if (!vars) return;
      if (await runSession(ctx, vars)) known?.set(id, vars);
    }
    // A user whose session failed sends only what needs none of the values it failed to set.
    const pick = requestPicker(ctx, vars);
    if (!pick) return noteNothingToSend(ctx, vars);
    if (thinkMs === 0) return await sendBackToBack(ctx, vars, endAt, pick);
    let iter = 0;
    while (!ctx.signal.aborted && now() < endAt) {
      vars.iter = String(iter++);
      await executeAsync(ctx, pick(), vars, now());
      await sleepUnlessAborted(Math.min(thinkMs, endAt - now()), ctx.signal);
    }
  } finally {
    ctx.users--;
  }
}

/** A user with no think time: each response sends the next request from its callback, no promise per request. */
function sendBackToBack(ctx: StageContext, vars: Vars, endAt: number, pick: () => CompiledRequest): Promise<void> {
  return new Promise((resolve) => {
    let iter = 0;
    const next = (): void => {
      if (ctx.signal.aborted || now() >= endAt) return resolve();
      vars.iter = String(iter++);
      execute(ctx, pick(), vars, now(), next);
    };
    next();
  });
}

export async function runBurst(ctx: StageClock, size: number, cycles: number, pauseMs: number, send: Send): Promise<BurstCycle[]> {
  const out: BurstCycle[] = [];
  for (let c = 0; c < cycles && !ctx.signal.aborted; c++) {
    if (c > 0) await sleepUnlessAborted(pauseMs, ctx.signal);
    const errorsBefore = ctx.metrics.errors;
    const requestsBefore = ctx.metrics.requests;
    const release = now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < size; i++) sends.push(send(release));
    await Promise.all(sends);
    const errors = ctx.metrics.errors - errorsBefore;
    out.push({
      cycle: c + 1,
      duration_ms: Math.round((now() - release) * 1000) / 1000,
      successes: ctx.metrics.requests - requestsBefore - errors,
      errors,
    });
  }
  return out;
}

export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // aborted: the caller checks the signal
  }
}
