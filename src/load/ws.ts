/**
 * WebSocket stages on `ws`: N connections (opened at once before the clock, or over `ramp`), each
 * reconnecting with backoff up to a cap, and one of three patterns:
 *  - request_reply: messages sent by the same executors as HTTP (open: RateSchedule, latency from
 *    the intended send time; closed: each connection sends its next message on the reply; burst),
 *    each matched to its reply (substring / regex template, or a JSON field equal to the sent one);
 *  - stream: an optional subscribe message, then every message received is counted, with the gaps
 *    between messages and, when the plan names the server's timestamp field, the lag;
 *  - connect: connections opened and held; each connection attempt is a "request".
 * Always: connect time (TCP + upgrade) in its own histogram, open connections as the timeline's
 * `active`, closes perf-gate did not ask for by code, reconnects, errors in the common taxonomy.
 */
import WebSocket, { type RawData } from 'ws';
import type { StageSpec, WebSocketSpec } from '../plan/types.js';
import { recordMs } from '../metrics/histogram.js';
import type { WsMetrics } from '../metrics/stage-metrics.js';
import type { ErrorKind } from './http.js';
import { nextSeq, now, settled, waitIdle, type Sequence, type StageClock } from './context.js';
import { runBurst, runOpen, sleepUnlessAborted, type BurstCycle, type OpenResult } from './executors.js';
import type { RateSchedule } from './schedule.js';
import { compileTemplate, type Template, type Vars } from './template.js';
import { readJsonPath } from '../jsonpath.js';
import { DeadlineQueue, SWEEP_MS } from './deadlines.js';

/** At the end of a stage, connections get this long to finish the close handshake. */
const CLOSE_WAIT_MS = 1000;
const CLOSE_WAIT_ABORTED_MS = 100;
/** Reconnect backoff doubles per consecutive failed attempt, up to this. */
export const MAX_BACKOFF_MS = 10_000;

/** The endpoint name a ws stage's messages are reported under. */
export const wsEndpointName = (ws: WebSocketSpec): string => `ws ${ws.mode} ${ws.path || '/'}`;

/** target URL + path, with the scheme swapped: http → ws, https → wss (ws:// and wss:// kept). */
export function wsUrl(target: string, path: string): string {
  const u = new URL(target);
  const scheme = u.protocol === 'https:' || u.protocol === 'wss:' ? 'wss:' : 'ws:';
  return `${scheme}//${u.host}${u.pathname.replace(/\/+$/, '')}${path}`;
}

const escapeRegex = (v: string): string => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message waiting for its reply. Deadlines rise with intended times, so one FIFO serves them all. */
interface Pending {
  intended: number;
  deadline: number;
  conn: Conn;
  text: string;
  /** What the reply must contain / match / carry; undefined: any reply answers the oldest message. */
  expect?: string | RegExp | { field: string; value: string };
  done: boolean;
  resolve: () => void;
}

const NEVER = /(?!)/;

type ConnState = 'idle' | 'connecting' | 'open' | 'down' | 'dead';

class Conn {
  state: ConnState = 'idle';
  socket: WebSocket | undefined;
  pending: Pending[] = [];
  /** Sends due while the handshake is in flight: they go out on open (their wait counts). */
  queued: Pending[] = [];
  lastFailure: ErrorKind = 'connect';
  reconnectsLeft: number;
  consecutiveFailures = 0;
  /** Timed-out messages whose replies may still arrive: such replies are not `check` failures. */
  lateCredit = 0;
  lastMessageAt: number | undefined;
  readyWaiters: Array<(open: boolean) => void> = [];
  closeWaiters: Array<() => void> = [];
  reconnectTimer: NodeJS.Timeout | undefined;
  readonly vars: Vars;

  constructor(
    readonly id: number,
    reconnects: number,
    shared: Vars,
  ) {
    this.reconnectsLeft = reconnects;
    this.vars = { ...shared, vu: String(id + 1) };
  }

  /** Resolves true once open, false when it never will be (gave up, stage over). */
  whenReady(untilMs: number): Promise<boolean> {
    if (this.state === 'open') return Promise.resolve(true);
    if (this.state === 'dead') return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), Math.max(0, untilMs - now()));
      this.readyWaiters.push((open) => {
        clearTimeout(timer);
        resolve(open);
      });
    });
  }

  wake(open: boolean): void {
    for (const w of this.readyWaiters.splice(0)) w(open);
  }
}

export interface WsStageOptions {
  target: string;
  /** Session captures and `vu`; each connection gets its own copy with `vu` = its number. */
  vars: Vars;
  seq: Sequence;
  /** Names the engine fills (builtins, captures); other plain `${NAME}`s are text. */
  runtime?: ReadonlySet<string>;
  /** Gives connection N (1-based) its data row, as a closed-model user gets one; false: none left. */
  fillRow?: (vars: Vars, connection: number) => boolean;
}

export interface WsTiming {
  /** The stage's planned sending time (stream and connect stages hold their connections this long). */
  plannedMs: number;
  /** Open-model stages (rate, spike): the message schedule. */
  schedule?: RateSchedule;
}

export interface WsOutcome {
  open?: OpenResult;
  cycles?: BurstCycle[];
}

export class WsStage {
  private readonly conns: Conn[] = [];
  private started = 0;
  private rr = 0;
  private openNow = 0;
  private peakSinceSample = 0;
  private ending = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly due = new DeadlineQueue<Pending>();
  private readonly path: Template;
  private readonly headers: Array<[string, Template]>;
  private readonly sendT?: Template;
  private readonly subscribeT?: Template;
  private readonly matchT?: Template;
  private readonly regexT?: Template;
  private readonly m: WsMetrics;
  private readonly rampMs: number;

  constructor(
    private readonly spec: StageSpec,
    private readonly ws: WebSocketSpec,
    private readonly ctx: StageClock,
    private readonly o: WsStageOptions,
  ) {
    if (!ctx.metrics.ws) throw new Error('WsStage needs StageMetrics.ws');
    this.m = ctx.metrics.ws;
    const runtime = o.runtime;
    this.path = compileTemplate(ws.path, encodeURIComponent, runtime);
    this.headers = Object.entries(ws.headers).map(([k, v]) => [k, compileTemplate(v, undefined, runtime)]);
    if (ws.send !== undefined) this.sendT = compileTemplate(ws.send, undefined, runtime);
    if (ws.subscribe !== undefined) this.subscribeT = compileTemplate(ws.subscribe, undefined, runtime);
    const e = ws.expectReply;
    if (e && 'match' in e) this.matchT = compileTemplate(e.match, undefined, runtime);
    if (e && 'regex' in e) this.regexT = compileTemplate(e.regex, escapeRegex, runtime);
    // Connections open over a load stage's ramp; other kinds open them all before the clock.
    this.rampMs = spec.kind === 'load' ? spec.rampMs : 0;
    const n = spec.connections ?? 1;
    for (let i = 0; i < n; i++) {
      const conn = new Conn(i, ws.reconnect.max, o.vars);
      if (o.fillRow && !o.fillRow(conn.vars, i + 1)) break;
      this.conns.push(conn);
    }
  }

  /** Before the clock: without a ramp, open every connection and wait for each first outcome. */
  async prepare(): Promise<void> {
    if (this.rampMs > 0) return;
    await Promise.all(this.conns.map((c) => this.start(c)));
  }

  /** The most connections open since the last sample (the timeline's `active`). */
  sampleActive(): number {
    const peak = Math.max(this.peakSinceSample, this.openNow);
    this.peakSinceSample = this.openNow;
    return peak;
  }

  async run(timing: WsTiming): Promise<WsOutcome> {
    const n = this.conns.length;
    if (this.rampMs > 0) {
      for (const c of this.conns) {
        const delay = (this.rampMs * c.id) / n;
        if (delay === 0) void this.start(c);
        else this.later(delay, () => void this.start(c));
      }
    }
    const out: WsOutcome = {};
    try {
      if (this.ws.mode !== 'request_reply') {
        await sleepUnlessAborted(this.ctx.t0 + timing.plannedMs - now(), this.ctx.signal);
      } else {
        this.sweeper = setInterval(() => this.expire(), SWEEP_MS);
        const send = (at: number): Promise<void> => this.message(this.pick(), at);
        if (timing.schedule) {
          out.open = await runOpen(this.ctx, timing.schedule, this.spec.maxInFlight, send);
        } else if (this.spec.kind === 'burst') {
          out.cycles = await runBurst(this.ctx, this.spec.size, this.spec.cycles, this.spec.pauseMs, send);
        } else {
          const think = this.spec.kind === 'load' && this.spec.model === 'closed' ? this.spec.thinkMs : 0;
          await Promise.all(this.conns.map((c) => this.closedLoop(c, this.ctx.t0 + timing.plannedMs, think)));
        }
        await waitIdle(this.ctx);
      }
    } finally {
      await this.shutdown();
    }
    return out;
  }

  /**
   * The run was stopped: messages still waiting for a reply are settled unrecorded (neither
   * answered nor failed), and users waiting for a connection give up, so the stage ends now.
   */
  cancel(): void {
    for (const c of this.conns) {
      for (const p of [...c.queued, ...c.pending]) {
        if (p.done) continue;
        p.done = true;
        settled(this.ctx);
        p.resolve();
      }
      c.queued.length = 0;
      c.pending.length = 0;
      c.wake(false);
    }
  }

  /** Close every connection (1000), wait briefly for the handshakes, then drop what is left. */
  async shutdown(): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    this.m.openAtEnd = this.openNow;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    const closing: Promise<void>[] = [];
    for (const c of this.conns) {
      if (c.reconnectTimer) clearTimeout(c.reconnectTimer);
      for (const p of [...c.queued, ...c.pending]) this.finish(p, 'closed_abnormally');
      c.wake(false);
      const s = c.socket;
      if (!s || s.readyState === WebSocket.CLOSED) {
        c.state = 'dead';
        continue;
      }
      closing.push(new Promise((resolve) => c.closeWaiters.push(resolve)));
      s.close(1000);
    }
    if (closing.length === 0) return;
    // A stopped run does not wait a whole second for close handshakes.
    const timer = setTimeout(
      () => {
        for (const c of this.conns) c.socket?.terminate();
      },
      this.ctx.signal.aborted ? CLOSE_WAIT_ABORTED_MS : CLOSE_WAIT_MS,
    );
    await Promise.all(closing);
    clearTimeout(timer);
  }

  /** Closed model: the next message when the last one is answered (or failed), after `think`. */
  private async closedLoop(c: Conn, endAt: number, thinkMs: number): Promise<void> {
    while (!this.ctx.signal.aborted && now() < endAt) {
      if (!(await c.whenReady(endAt))) return;
      await this.message(c, now());
      if (thinkMs > 0) await sleepUnlessAborted(Math.min(thinkMs, endAt - now()), this.ctx.signal);
    }
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Round robin over the connections started so far (all of them once the ramp is over). */
  private pick(): Conn {
    return this.conns[this.rr++ % Math.max(1, this.started)]!;
  }

  /** First connect of a connection: resolves on its first outcome (open or failed). */
  private start(c: Conn): Promise<void> {
    this.started++;
    return new Promise((resolve) => this.connect(c, resolve));
  }

  private connect(c: Conn, firstOutcome?: () => void): void {
    if (this.ending) return;
    c.state = 'connecting';
    const began = now();
    const headers: Record<string, string> = {};
    for (const [k, t] of this.headers) {
      const value = t(c.vars);
      if (value !== undefined) headers[k] = value;
      else return this.neverConnect(c, began, `header ${k}`, firstOutcome);
    }
    const path = this.path(c.vars);
    if (path === undefined) return this.neverConnect(c, began, 'path', firstOutcome);
    let failure = '';
    let opened = false;
    const socket = new WebSocket(wsUrl(this.o.target, path), this.ws.subprotocols, {
      headers,
      handshakeTimeout: this.ws.timeoutMs,
      perMessageDeflate: false,
      followRedirects: false,
    });
    c.socket = socket;
    socket.on('error', (err) => (failure = err.message));
    socket.on('open', () => {
      opened = true;
      const connectMs = now() - began;
      recordMs(this.m.connect, connectMs);
      this.m.opened++;
      this.ctx.metrics.statusCodes.set(101, (this.ctx.metrics.statusCodes.get(101) ?? 0) + 1);
      c.consecutiveFailures = 0;
      c.state = 'open';
      if (++this.openNow > this.peakSinceSample) this.peakSinceSample = this.openNow;
      if (this.openNow > this.m.peakOpen) this.m.peakOpen = this.openNow;
      if (this.ws.mode === 'connect') this.ctx.metrics.record(0, began - this.ctx.t0, connectMs, 0, undefined);
      if (this.ws.mode === 'stream') {
        c.lastMessageAt = now();
        const subscribe = this.subscribeT?.(c.vars);
        if (subscribe !== undefined) socket.send(subscribe);
        else if (this.subscribeT) this.ctx.metrics.noteErrorMessage('subscribe not sent: a value it needs (a capture) had none');
      }
      for (const p of c.queued.splice(0)) if (!p.done) this.transmit(c, p);
      c.wake(true);
      firstOutcome?.();
    });
    socket.on('message', (data, isBinary) => this.onMessage(c, data, isBinary));
    socket.on('close', (code) => {
      for (const w of c.closeWaiters.splice(0)) w();
      if (this.ending) {
        if (opened) this.openNow--;
        c.state = 'dead';
        firstOutcome?.();
        return;
      }
      if (opened) this.onClosed(c, code);
      else this.onConnectFailed(c, began, failure || `closed during the handshake (${code})`);
      firstOutcome?.();
    });
  }

  /** The handshake needs a value the session failed to set: never attempted, and never retried. */
  private neverConnect(c: Conn, began: number, what: string, firstOutcome?: () => void): void {
    c.reconnectsLeft = 0;
    this.onConnectFailed(c, began, `not connected: the websocket ${what} needs a value the session did not set`);
    firstOutcome?.();
  }

  private onConnectFailed(c: Conn, began: number, message: string): void {
    this.m.connectFailures++;
    const status = /Unexpected server response: (\d+)/.exec(message);
    if (status) this.ctx.metrics.statusCodes.set(Number(status[1]), (this.ctx.metrics.statusCodes.get(Number(status[1])) ?? 0) + 1);
    this.ctx.metrics.noteErrorMessage(message);
    c.lastFailure = 'connect';
    if (this.ws.mode === 'connect') this.ctx.metrics.record(0, began - this.ctx.t0, now() - began, 0, 'connect');
    else if (this.ws.mode === 'stream') this.ctx.metrics.recordEvent(0, now() - this.ctx.t0, 'connect');
    for (const p of c.queued.splice(0)) this.finish(p, 'connect');
    c.consecutiveFailures++;
    this.retry(c);
  }

  private onClosed(c: Conn, code: number): void {
    this.openNow--;
    this.m.noteClose(code);
    c.lastFailure = 'closed_abnormally';
    for (const p of c.pending.splice(0)) this.finish(p, 'closed_abnormally');
    if (this.ws.mode !== 'request_reply') this.ctx.metrics.recordEvent(0, now() - this.ctx.t0, 'closed_abnormally');
    this.retry(c);
  }

  /** Reconnect after backoff while the cap allows; otherwise the connection stays down. */
  private retry(c: Conn): void {
    c.socket = undefined;
    if (this.ending || this.ctx.signal.aborted || c.reconnectsLeft <= 0) {
      c.state = 'dead';
      c.wake(false);
      return;
    }
    c.state = 'down';
    c.reconnectsLeft--;
    this.m.reconnects++;
    const delay = Math.min(MAX_BACKOFF_MS, this.ws.reconnect.backoffMs * 2 ** Math.max(0, c.consecutiveFailures - 1));
    c.reconnectTimer = setTimeout(() => {
      c.reconnectTimer = undefined;
      this.connect(c);
    }, delay);
  }

  /** One request/reply message on `c`, meant to leave at `intended`; resolves when recorded. */
  private message(c: Conn, intended: number): Promise<void> {
    this.ctx.inFlight++;
    const vars = c.vars;
    vars.seq = nextSeq(this.o.seq);
    const text = this.sendT!(vars);
    return new Promise((resolve) => {
      const p: Pending = { intended, deadline: intended + this.ws.timeoutMs, conn: c, text: text ?? '', done: false, resolve };
      if (text === undefined) {
        // Never sent with a literal `${name}`: a failed message, and the reason in the samples.
        this.ctx.metrics.noteErrorMessage('message not sent: a value it needs (a capture) had none');
        return this.finish(p, 'check');
      }
      try {
        p.expect = this.expectation(text, vars);
      } catch {
        // A message that is not JSON has no field to match: the reply cannot be matched.
        this.ctx.metrics.noteErrorMessage('the sent message is not JSON: its reply cannot be matched by json_field');
        return this.finish(p, 'check');
      }
      if (c.state === 'open') this.transmit(c, p);
      else if (c.state === 'connecting' || c.state === 'idle') {
        c.queued.push(p);
        this.track(p);
      } else this.finish(p, c.lastFailure);
    });
  }

  private expectation(text: string, vars: Vars): Pending['expect'] {
    // A matcher missing a value matches no reply (NEVER), rather than a literal `${name}`.
    if (this.matchT) return this.matchT(vars) ?? NEVER;
    if (this.regexT) {
      const source = this.regexT(vars);
      return source === undefined ? NEVER : new RegExp(source);
    }
    const e = this.ws.expectReply;
    if (e && 'jsonField' in e) return { field: e.jsonField, value: jsonText(readJsonPath(JSON.parse(text), e.jsonField)) };
    return undefined;
  }

  private transmit(c: Conn, p: Pending): void {
    c.pending.push(p);
    this.track(p);
    c.socket!.send(p.text);
  }

  private tracked = new WeakSet<Pending>();
  private track(p: Pending): void {
    if (this.tracked.has(p)) return;
    this.tracked.add(p);
    this.due.push(p);
  }

  private expire(): void {
    this.due.expire(now(), (p) => {
      p.conn.lateCredit++;
      this.finish(p, 'timeout');
    });
  }

  private finish(p: Pending, error?: ErrorKind): void {
    if (p.done) return;
    p.done = true;
    this.ctx.metrics.record(0, p.intended - this.ctx.t0, now() - p.intended, 0, error);
    settled(this.ctx);
    p.resolve();
  }

  private onMessage(c: Conn, data: RawData, isBinary: boolean): void {
    if (this.ws.mode === 'connect') return;
    const text = isBinary ? '' : rawText(data);
    if (this.ws.mode === 'stream') return this.onStreamMessage(c, text);
    // Drop answered messages from the front so the scan stays short.
    while (c.pending.length > 0 && c.pending[0]!.done) c.pending.shift();
    let doc: unknown;
    let parsed = false;
    const matches = (p: Pending): boolean => {
      const e = p.expect;
      if (e === undefined) return true;
      if (typeof e === 'string') return text.includes(e);
      if (e instanceof RegExp) return e.test(text);
      if (!parsed) {
        parsed = true;
        try {
          doc = JSON.parse(text);
        } catch {
          doc = undefined;
        }
      }
      return jsonText(readJsonPath(doc, e.field)) === e.value;
    };
    const hit = c.pending.find((p) => !p.done && matches(p));
    if (hit) return this.finish(hit);
    if (c.lateCredit > 0) {
      // Most likely the reply of a message that already timed out.
      c.lateCredit--;
      this.m.unmatchedReplies++;
      return;
    }
    const oldest = c.pending.find((p) => !p.done);
    if (!oldest) {
      this.m.unmatchedReplies++;
      return;
    }
    this.ctx.metrics.noteErrorMessage('a reply did not match its message (expect_reply)');
    this.finish(oldest, 'check');
  }

  private onStreamMessage(c: Conn, text: string): void {
    const t = now();
    const gap = t - (c.lastMessageAt ?? t);
    c.lastMessageAt = t;
    this.m.received++;
    recordMs(this.m.gap, gap);
    let latency = gap;
    let error: ErrorKind | undefined;
    if (this.ws.timestampField) {
      let ts: unknown;
      try {
        ts = readJsonPath(JSON.parse(text), this.ws.timestampField);
      } catch {
        ts = undefined;
      }
      const serverMs = typeof ts === 'number' ? ts : typeof ts === 'string' && ts !== '' ? Number(ts) : NaN;
      if (Number.isFinite(serverMs)) {
        latency = Math.max(0, Date.now() - serverMs);
        recordMs(this.m.lag, latency);
      } else {
        error = 'check';
        this.ctx.metrics.noteErrorMessage(`a message had no number at ${this.ws.timestampField}`);
      }
    }
    this.ctx.metrics.record(0, t - this.ctx.t0, latency, 0, error);
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as Buffer).toString('utf8');
}

/** Field values compared as text: `"7"` and `7` are the same id. */
function jsonText(v: unknown): string {
  if (v === undefined) return '\u0000absent';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
