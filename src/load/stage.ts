/**
 * One stage from start to drained: builds the context, picks the executor for the stage kind,
 * watches the generator itself (event-loop lag, late sends) and reports progress once a second.
 */
import { isClosedModel } from '../plan/stage-time.js';
import { setMaxListeners } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ClosedLoadStage, Plan, SpikeStage, StageSpec, WebSocketSpec, WsMode } from '../plan/types.js';
import { plannedDurationMs } from '../plan/stage-time.js';
import { StageMetrics, WsMetrics } from '../metrics/stage-metrics.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import { percentileMs } from '../metrics/histogram.js';
import { judgeGenerator } from '../metrics/merge.js';
import type { HttpClient } from './http.js';
import { now, runSession, type Sequence, type SessionTally, type StageContext, type UnsentTally } from './context.js';
import { DataRows } from './data-rows.js';
import { StageFlows, type FlowOutcome } from './stage-flows.js';
import { runtimeVariables } from '../plan/interpolate.js';
import { fillRows, httpSend, logInUsers, runBurst, runClosed, runOpen, sleepUnlessAborted, type BurstCycle, type OpenResult } from './executors.js';
import { RateSchedule, type RateSegment } from './schedule.js';
import { compileRequest, weightedPicker } from './requests.js';
import { templateNeeds, type Vars } from './template.js';
import { WsStage, wsEndpointName } from './ws.js';
import { AbortWatch, stageAbortRules, type AbortTrigger } from './abort.js';
import { runStress } from './stress.js';
import { SoakWatch } from './soak.js';
import type { ReferenceLatency } from './reference.js';
import type { ResourceSeries } from './resources.js';
import type { SoakOutcome, StressOutcome } from '../model/report.js';
import type { GeneratorHealth, SpikeOutcome } from '../model/records.js';
export type { GeneratorHealth, SpikeOutcome };

export interface StageResult {
  spec: StageSpec;
  startedAt: Date;
  durationMs: number;
  metrics: StageMetrics;
  timeline: TimelineWindow[];
  generator: GeneratorHealth;
  cycles?: BurstCycle[];
  spike?: SpikeOutcome;
  /** Scheduled sends for open-model stages (what was asked). */
  scheduled?: number;
  /** protocol ws: the websocket block's mode. */
  mode?: WsMode;
  /** Runner speed around the stage: a fixed CPU task on every core, ms (RunnerProbe). */
  cpuProbeMs?: number;
  /** perf-gate's reference server timed during the stage and before it (src/load/reference.ts). */
  reference?: ReferenceLatency;
  /** Worker threads the stage ran on, when more than one (`workers:`). */
  workers?: number;
  /** An `abort_when` rule (or the default "target down" rule) ended the stage early. */
  aborted?: AbortTrigger;
  /** kind stress: the steps and the breaking point. */
  stress?: StressOutcome;
  /** kind soak: drift and the target's memory. */
  soak?: SoakOutcome;
  /** The plan has session steps: users that ran them, and those that failed. */
  sessions?: SessionTally;
  /** Requests never sent because a value they need was missing. */
  unsent?: UnsentTally;
  /** `setup:` and `verify:` requests, as they went. */
  setup?: FlowOutcome[];
  verify?: FlowOutcome[];
  /** What the app spent during the stage: the readings of its resource source (src/load/resources.ts). */
  resources?: ResourceSeries;
}

export interface StageProgress {
  stage: string;
  elapsedMs: number;
  totalMs: number;
  requests: number;
  errors: number;
  rps: number;
  p95: number;
}

export interface StageRunOptions {
  plan: Plan;
  client: HttpClient;
  /** The target URL (ws stages connect to it with the scheme swapped). */
  target?: string;
  signal: AbortSignal;
  seq: Sequence;
  onProgress?: (p: StageProgress) => void;
  /**
   * Sessions kept across several runs of one stage against one target (A/B rounds): closed-model
   * users log in once, before the first run's clock starts, and later runs reuse their values;
   * open-model and burst runs reuse the one shared session. Absent: every run logs in afresh.
   */
  sessions?: SessionCache;
  /** The run's data rows (`pick: unique` hands each row out once per run); absent: this stage's own. */
  rows?: DataRows;
  /**
   * false: leave out `setup:` and `verify:` (a worker thread's part: the main thread sends them
   * once around all parts, and passes what setup captured as `baseVars`).
   */
  flows?: boolean;
  baseVars?: Vars;
}

/** Session values by user number (closed model), and the one shared session (open model, bursts). */
export interface SessionCache {
  users: Map<number, Vars>;
  shared?: Vars;
}

/**
 * After an abort (Ctrl-C, a cancelled job), what is still in flight gets this long to answer; then
 * it is cancelled, unrecorded, so a stopped run never waits for slow responses up to their timeout.
 */
export const CANCEL_GRACE_MS = 250;

/** Calls `cancel` CANCEL_GRACE_MS after `signal` aborts; the returned function disarms it. */
function cancelAfterAbort(signal: AbortSignal, cancel: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => {
    timer = setTimeout(cancel, CANCEL_GRACE_MS);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
    clearTimeout(timer);
  };
}

export function rateSegments(s: StageSpec): RateSegment[] | undefined {
  if ((s.kind === 'load' || s.kind === 'soak') && s.model === 'open') {
    return [
      { durationMs: s.rampMs, from: 0, to: s.rate },
      { durationMs: s.durationMs - s.rampMs, from: s.rate, to: s.rate },
    ].filter((x) => x.durationMs > 0);
  }
  if (s.kind === 'spike') {
    return [
      { durationMs: s.beforeMs, from: s.fromRate, to: s.fromRate },
      { durationMs: s.rampMs, from: s.fromRate, to: s.toRate },
      { durationMs: s.holdMs, from: s.toRate, to: s.toRate },
      { durationMs: s.afterMs, from: s.fromRate, to: s.fromRate },
    ].filter((x) => x.durationMs > 0);
  }
  return undefined;
}

/** The open-model schedule of a stage (rate, spike): the whole profile, or a shard's every n-th send. */
export function stageSchedule(s: StageSpec): RateSchedule | undefined {
  const segments = rateSegments(s);
  if (!segments) return undefined;
  return new RateSchedule(segments, s.share ? { offset: s.share.index - 1, stride: s.share.count } : undefined);
}

/** A spike's phases, ms from the stage start: the ramp up begins, the rate drops back (recovery counts from here). */
export function spikePhases(s: SpikeStage): { startMs: number; dropMs: number } {
  return { startMs: s.beforeMs, dropMs: s.beforeMs + s.rampMs + s.holdMs };
}

export async function runStage(spec: StageSpec, o: StageRunOptions): Promise<StageResult> {
  // abort_when: the stage has its own controller, chained with the run's (Ctrl-C still stops it);
  // either way, what is still in flight is cancelled after the grace, not waited for.
  const stageAbort = new AbortController();
  const signal = AbortSignal.any([o.signal, stageAbort.signal]);
  // Every user's think time waits on this signal: a 200-user stage adds 200 listeners, which is no
  // leak, and Node's MaxListenersExceededWarning past 10 must not reach the user's stderr.
  setMaxListeners(0, signal);
  let wsStage: WsStage | undefined;
  const disarm = cancelAfterAbort(signal, () => {
    o.client.cancelAll();
    wsStage?.cancel();
  });
  try {
    return await runStageArmed(spec, { ...o, signal }, stageAbort, (w) => (wsStage = w));
  } finally {
    disarm();
  }
}

async function runStageArmed(spec: StageSpec, o: StageRunOptions, stageAbort: AbortController, onWsStage: (w: WsStage) => void): Promise<StageResult> {
  const p = await prepareStage(spec, o, stageAbort);
  const sessions = await openSessions(p, onWsStage);
  // A soak reads the target's memory before its clock starts (and again once it has drained).
  const soakWatch = spec.kind === 'soak' ? await SoakWatch.start(spec, p.metrics, o.client, o.target ?? o.client.origin, o.plan.defaults.timeoutMs) : undefined;
  const totalMs = plannedDurationMs(spec);
  const clock = startClock(p, sessions.wsStage, totalMs);
  const schedule = stageSchedule(spec);
  let sent: Sent;
  try {
    sent = await send(p, sessions, totalMs, schedule);
  } finally {
    await sessions.wsStage?.shutdown();
    clock.stop();
  }
  const durationMs = now() - p.ctx.t0;
  const soak = await soakWatch?.finish(o.signal.aborted);
  // After the drain; a stage cut short (Ctrl-C, abort_when) has no state worth verifying.
  const verify = o.signal.aborted ? undefined : await p.stageFlows?.verify();
  return stageResult(p, { startedAt: clock.startedAt, durationMs, lag: clock.lag, sent, schedule, soak, verify });
}

/** A stage made ready to run, before its clock starts: its context, its flows and how it may end early. */
interface PreparedStage {
  spec: StageSpec;
  o: StageRunOptions;
  ctx: StageContext;
  metrics: StageMetrics;
  /** The plan's websocket block, for a `protocol: ws` stage. */
  ws?: WebSocketSpec;
  runtime: ReturnType<typeof runtimeVariables>;
  stageFlows?: StageFlows;
  setup?: FlowOutcome[];
  abortWatch: AbortWatch;
  stageAbort: AbortController;
  /** What ended the stage early: an abort_when rule (the sampler) or the engine's own stop (ctx.stop); set once. */
  end: { aborted?: AbortTrigger };
  /** A shard with no part of the stage: it sends nothing, not even the session, and waits out the stage's time. */
  idle: boolean;
}

/** The compiled requests, the metrics, the abort rules, the data rows and `setup:`, as one StageContext. */
async function prepareStage(spec: StageSpec, o: StageRunOptions, stageAbort: AbortController): Promise<PreparedStage> {
  // A ws stage reports its messages as one endpoint; its session (if any) is still HTTP.
  const ws = spec.protocol === 'ws' ? o.plan.websocket : undefined;
  if (spec.protocol === 'ws' && !ws) throw new Error(`stage ${spec.name} uses protocol: ws, but the plan has no websocket: block`);
  const runtime = runtimeVariables(o.plan);
  const mix = spec.requests ? o.plan.requests.filter((r) => spec.requests!.includes(r.name)) : o.plan.requests;
  const requests = mix.map((r, i) => compileRequest(r, i, { runtime }));
  const names = ws ? [wsEndpointName(ws)] : requests.map((r) => r.spec.name);
  // Session steps keep their bodies: a failed login is reported with what the app answered.
  const session = o.plan.session.map((r, i) => compileRequest(r, names.length + i, { runtime, readBody: true }));
  const maxLatencyMs = ws ? ws.timeoutMs : Math.max(o.plan.defaults.timeoutMs, ...o.plan.requests.map((r) => r.timeoutMs));
  const metrics = new StageMetrics([...names, ...session.map((r) => `session:${r.spec.name}`)], maxLatencyMs);
  const abortWatch = new AbortWatch(stageAbortRules(o.plan.abortWhen, spec.name));
  const signal = o.signal;
  const end: PreparedStage['end'] = {};
  if (abortWatch.active) metrics.observe = (latencyMs, error) => abortWatch.note(latencyMs, error);
  const rows = o.rows ?? new DataRows(o.plan.data, spec.share);
  // Shards share a stage's setup and verify out to the first only; worker parts get them from the main thread.
  const flows = o.flows !== false && (spec.share?.index ?? 1) === 1;
  const stageFlows = flows ? new StageFlows({ client: o.client, rows, runtime, signal }, spec, o.plan.session) : undefined;
  const setup = await stageFlows?.setUp();
  // What setup captured (here, or in the main thread for a worker's part) reaches every user.
  const baseVars: Vars = { ...(stageFlows?.baseVars ?? { vu: '0', iter: '0', seq: '0' }), ...(o.baseVars ?? {}) };
  const ctx: StageContext = {
    client: o.client,
    requests,
    session,
    pick: weightedPicker(requests),
    metrics,
    t0: now(),
    signal,
    inFlight: 0,
    active: 0,
    users: 0,
    seq: o.seq,
    idleWaiters: [],
    stage: spec.name,
    rows,
    rowSets: rows.setsIn([...requests, ...session].flatMap((r) => r.needs)),
    baseVars,
    sessions: { users: 0, failed: 0 },
    unsent: { count: 0, missing: [] },
    stop: (reason) => {
      if (end.aborted || signal.aborted) return;
      // The engine's own stop has no rule of the plan: the reason is the rule the report names.
      end.aborted = { rule: reason, at_s: Math.round(((now() - ctx.t0) / 1000) * 10) / 10, reason };
      stageAbort.abort();
    },
  };
  return { spec, o, ctx, metrics, ws, runtime, stageFlows, setup, abortWatch, stageAbort, end, idle: spec.share?.idle === true };
}

/** Who sends, logged in before the clock starts: the shared session, kept closed-model users, a ws stage's connections. */
interface StageSessions {
  /** The one session of open-model and burst stages (and of ws connections). */
  shared: Vars;
  /** Closed-model users' kept sessions (A/B rounds), by user number. */
  users?: Map<number, Vars>;
  wsStage?: WsStage;
}

async function openSessions(p: PreparedStage, onWsStage: (w: WsStage) => void): Promise<StageSessions> {
  const { spec, o, ctx, ws, idle } = p;
  // Open-model and burst stages share one session, set up before the clock starts.
  const shared: Vars = o.sessions?.shared ?? { ...ctx.baseVars, vu: '1', iter: '0' };
  if (!o.sessions?.shared && (!isClosedModel(spec) || ws)) fillRows(ctx, shared, ctx.rows.setsIn(ctx.session.flatMap((r) => r.needs)));
  const closedModel = isClosedModel(spec);
  if (!idle && (!closedModel || ws) && !o.sessions?.shared) {
    // Kept for later A/B rounds only when it succeeded: a failed one is tried again next round.
    if ((await runSession(ctx, shared)) && o.sessions) o.sessions.shared = shared;
  }
  // Kept sessions: every user logs in before the clock starts, so no run's time goes to logging in.
  // (A stress stage keeps its own users from step to step, and is never run in rounds.)
  const users = closedModel && !ws && !idle && spec.kind !== 'stress' ? o.sessions?.users : undefined;
  if (users) await logInUsers(ctx, spec.kind === 'baseline' ? 1 : (spec as ClosedLoadStage).vus, users);
  let wsStage: WsStage | undefined;
  if (ws) p.metrics.ws = new WsMetrics();
  if (ws && !idle) {
    // Each connection has its data row, as a closed-model user does.
    const wsSets = ctx.rows.setsIn([ws.path, ws.send ?? '', ws.subscribe ?? '', ...Object.values(ws.headers)].flatMap((t) => templateNeeds(t, p.runtime)));
    const fillRow = wsSets.length > 0 ? (vars: Vars, id: number): boolean => fillRows(ctx, vars, wsSets, id) : undefined;
    wsStage = new WsStage(spec, ws, ctx, { target: o.target ?? o.client.origin, vars: shared, seq: o.seq, runtime: p.runtime, fillRow });
    onWsStage(wsStage);
    // Without a ramp, connections open before the clock: the stage measures messages, not the storm
    // (connect times are in their own histogram either way).
    await wsStage.prepare();
  }
  return { shared, users, wsStage };
}

type LagMonitor = ReturnType<typeof monitorEventLoopDelay>;

/** The stage's clock, started: when it started, the whole stage's loop lag, and `stop` (the sampler and the monitors). */
interface StageClock {
  startedAt: Date;
  lag: LagMonitor;
  stop(): void;
}

/**
 * Starts the stage's clock (ctx.t0) and, once a second, the sampler: active users and connections,
 * loop lag, the abort_when rules, progress. Two lag monitors: the whole stage, and the current second.
 */
function startClock(p: PreparedStage, wsStage: WsStage | undefined, totalMs: number): StageClock {
  const { spec, o, ctx, metrics, abortWatch, idle } = p;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const lagThisSecond = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  lagThisSecond.enable();
  const startedAt = new Date();
  ctx.t0 = now();
  let lastRequests = 0;
  const sampler = setInterval(() => {
    const elapsed = now() - ctx.t0;
    if (wsStage) {
      metrics.timeline.sampleActive(elapsed, wsStage.sampleActive());
    } else {
      metrics.timeline.sampleActive(elapsed, ctx.active);
      ctx.active = ctx.inFlight;
      if (ctx.users > 0) metrics.timeline.sampleUsers(elapsed, ctx.users);
    }
    if (lagThisSecond.count > 0) metrics.timeline.sampleLag(elapsed, lagThisSecond.percentile(99) / 1e6);
    lagThisSecond.reset();
    if (abortWatch.active && !p.end.aborted && !idle) {
      p.end.aborted = abortWatch.check(elapsed);
      if (p.end.aborted) p.stageAbort.abort();
    }
    o.onProgress?.({
      stage: spec.name,
      elapsedMs: elapsed,
      totalMs,
      requests: metrics.requests,
      errors: metrics.errors,
      rps: metrics.requests - lastRequests,
      p95: percentileMs(metrics.histogram, 95),
    });
    lastRequests = metrics.requests;
  }, 1000);
  sampler.unref();
  return {
    startedAt,
    lag,
    stop: () => {
      clearInterval(sampler);
      lag.disable();
      lagThisSecond.disable();
    },
  };
}

/** What the executor reports besides the metrics: open-model sends, burst cycles, stress steps. */
interface Sent {
  open?: OpenResult;
  cycles?: BurstCycle[];
  stress?: StressOutcome;
}

/** Runs the stage's executor for its kind (or its ws stage, or, on an idle shard, waits out its time) until drained. */
async function send(p: PreparedStage, sessions: StageSessions, totalMs: number, schedule: RateSchedule | undefined): Promise<Sent> {
  const { spec, ctx } = p;
  const { shared, users, wsStage } = sessions;
  if (p.idle) {
    // Waits out the stage's planned time, so the shards stay in step (a busy shard also drains).
    await sleepUnlessAborted(totalMs, p.o.signal);
    return {};
  }
  if (wsStage) {
    const { open, cycles } = await wsStage.run({ plannedMs: totalMs, schedule });
    return { open, cycles };
  }
  switch (spec.kind) {
    case 'baseline':
      await runClosed(ctx, { vus: 1, rampMs: 0, thinkMs: 0, durationMs: spec.durationMs }, users);
      return {};
    case 'load':
    case 'soak':
      if (spec.model === 'closed') {
        await runClosed(ctx, spec, users);
        return {};
      }
      return { open: await runOpen(ctx, schedule!, spec.maxInFlight, httpSend(ctx, shared)) };
    case 'stress': {
      const { outcome, open } = await runStress(ctx, spec, shared);
      return { stress: outcome, open };
    }
    case 'spike':
      return { open: await runOpen(ctx, schedule!, spec.maxInFlight, httpSend(ctx, shared)) };
    case 'burst':
      return { cycles: await runBurst(ctx, spec.size, spec.cycles, spec.pauseMs, httpSend(ctx, shared)) };
  }
}

/** The drained stage as a StageResult. */
function stageResult(
  p: PreparedStage,
  r: {
    startedAt: Date;
    durationMs: number;
    lag: LagMonitor;
    sent: Sent;
    schedule: RateSchedule | undefined;
    soak: SoakOutcome | undefined;
    verify: FlowOutcome[] | undefined;
  },
): StageResult {
  const { spec, ctx, metrics, idle } = p;
  const { open, cycles, stress } = r.sent;
  const timeline = metrics.timeline.finish();
  const phases = spec.kind === 'spike' ? spikePhases(spec) : undefined;
  const generator = generatorHealth(r.lag, open, metrics.requests);
  return {
    spec,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    metrics,
    timeline,
    generator,
    cycles,
    // An idle shard's part of an open-model stage is 0 sends, still a count that merge sums.
    scheduled: open?.scheduled ?? (idle && r.schedule ? 0 : undefined),
    mode: p.ws?.mode,
    spike: phases && spikeOutcome(timeline, phases.startMs, phases.dropMs),
    aborted: p.end.aborted,
    stress,
    soak: r.soak,
    sessions: ctx.session.length > 0 && !idle ? ctx.sessions : undefined,
    unsent: ctx.unsent.count > 0 ? ctx.unsent : undefined,
    setup: p.setup,
    verify: r.verify,
  };
}

function generatorHealth(lag: ReturnType<typeof monitorEventLoopDelay>, open: OpenResult | undefined, requests: number): GeneratorHealth {
  const p99 = Number.isFinite(lag.percentile(99)) ? lag.percentile(99) / 1e6 : 0;
  const max = Number.isFinite(lag.max) ? lag.max / 1e6 : 0;
  return judgeGenerator(
    { late_sends: open?.lateSends ?? 0, dropped: open?.dropped ?? 0, loop_lag_p99_ms: round3(p99), loop_lag_max_ms: round3(max) },
    open?.scheduled,
    requests,
  );
}

/** Within 20 % of the pre-spike p95, and never stricter than 1 ms (loopback noise). */
export function spikeOutcome(timeline: TimelineWindow[], spikeStartMs: number, dropMs: number): SpikeOutcome {
  const pre = timeline.filter((w) => w.requests > 0 && (w.t + 1) * 1000 <= spikeStartMs).map((w) => w.p95);
  const prePeriod = pre.length > 0 ? pre : timeline.filter((w) => w.requests > 0 && w.t * 1000 < spikeStartMs).map((w) => w.p95);
  const preP95 = median(prePeriod);
  const during = timeline.filter((w) => w.requests > 0 && w.t * 1000 >= spikeStartMs && w.t * 1000 < dropMs);
  const peak = during.reduce((m, w) => Math.max(m, w.p95), 0);
  const limit = Math.max(preP95 * 1.2, preP95 + 1);
  const recovered = timeline.find((w) => w.requests > 0 && w.t * 1000 >= dropMs && w.p95 <= limit);
  return {
    pre_p95_ms: preP95,
    peak_p95_ms: peak,
    recovery_ms: recovered ? Math.max(0, recovered.t * 1000 - dropMs) : null,
    start_s: spikeStartMs / 1000,
    drop_s: dropMs / 1000,
  };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
