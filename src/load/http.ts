/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */
import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import { DeadlineQueue, SWEEP_MS, type Expiring } from './deadlines.js';
import type { ErrorKind } from '../model/records.js';
import { ERROR_KINDS } from '../model/records.js';
export type { ErrorKind };
export { ERROR_KINDS };

export interface HttpRequest {
  method: string;
  /** Path and query, appended to the target's base path. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Read the body as text (for checks and captures); otherwise it is discarded as it arrives. */
  readBody: boolean;
}

export interface HttpOutcome {
  /** 0 when no response arrived. */
  status: number;
  body?: string;
  /** Transport failure (timeout / connect), classified; undefined when a response arrived. */
  failure?: ErrorKind;
  failureMessage?: string;
  retryAfter?: string;
  /** Cancelled by `cancelAll` (the run was stopped): not a measurement, so not recorded at all. */
  cancelled?: true;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function classifyTransportError(err: unknown): ErrorKind {
  const code = (err as { code?: string } | null)?.code ?? '';
  return TIMEOUT_CODES.has(code) ? 'timeout' : 'connect';
}

/**
 * Bodies read for checks and captures are kept up to exactly this size; the rest is read off the
 * socket and dropped as it arrives (a body nobody reads is never kept at all). A body that never
 * ends ends at the request's deadline, as a timeout.
 */
export const BODY_KEEP_LIMIT = 1024 * 1024;

/**
 * Collects one response straight from undici's dispatch callbacks: no body stream, no per-chunk
 * promise, which is most of what `request()` would cost per request in a load generator. It speaks
 * undici's core handler methods (onConnect / onHeaders / onData / onComplete), as undici's own
 * `request()` does: the controller-style methods make undici wrap every request in two more
 * objects and parse every response's headers into an object, where we need one header of a 429.
 */
class ResponseCollector implements Dispatcher.DispatchHandler, Expiring {
  private status = 0;
  private retryAfter: string | undefined;
  private chunks: Buffer[] | undefined;
  private kept = 0;
  private abort: ((err?: Error) => void) | undefined;
  done = false;

  constructor(
    readBody: boolean,
    private readonly resolve: (outcome: HttpOutcome) => void,
    /** performance.now() after which the request has timed out. */
    readonly deadline: number,
    private readonly client: HttpClient,
  ) {
    if (readBody) this.chunks = [];
  }

  private settle(outcome: HttpOutcome): void {
    if (this.done) return;
    this.done = true;
    this.resolve(outcome);
  }

  /** Called by the client's sweeper at the deadline: the whole request took too long. */
  timeOut(timeoutMs: number): void {
    const message = `no complete response within ${timeoutMs} ms`;
    this.settle({ status: 0, failure: 'timeout', failureMessage: message });
    this.abort?.(new Error(message));
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abort = abort;
    if (this.done) abort(new Error('timed out before it was sent'));
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.status = statusCode;
    if (statusCode === 429) this.retryAfter = rawHeaderValue(rawHeaders, 'retry-after');
    return true;
  }

  /** The run was stopped: settle now, as cancelled, and drop the request. */
  cancel(): void {
    this.settle({ status: 0, cancelled: true });
    this.abort?.(new Error('cancelled: the run was stopped'));
  }

  onData(chunk: Buffer): boolean {
    if (this.chunks && this.kept < BODY_KEEP_LIMIT) {
      const room = BODY_KEEP_LIMIT - this.kept;
      this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      this.kept += Math.min(chunk.length, room);
    }
    return true;
  }

  onComplete(): void {
    this.settle({
      status: this.status,
      body: this.chunks ? Buffer.concat(this.chunks).toString('utf8') : undefined,
      retryAfter: this.retryAfter,
    });
  }

  onError(err: Error): void {
    if ((err as { code?: string }).code === 'UND_ERR_INVALID_ARG') this.client.refused();
    this.settle({ status: 0, failure: classifyTransportError(err), failureMessage: err.message });
  }
}

/** The first value of header `name` (lower case) in undici's raw [name, value, ...] list. */
function rawHeaderValue(raw: Buffer[], name: string): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.length === name.length && raw[i]!.toString('latin1').toLowerCase() === name) return raw[i + 1]!.toString('latin1');
  }
  return undefined;
}

export interface HttpClientOptions {
  /** Most connections to open (undefined = as many as requests in flight). */
  connections?: number;
  pipelining?: number;
}

export class HttpClient {
  private pool: Pool;
  private readonly poolOptions: Pool.Options;
  /** Pools set aside after a refused request until they have finished what they had in flight. */
  private readonly retired = new Set<Pool>();
  private readonly basePath: string;
  readonly origin: string;
  /** One queue per timeout value, so each expires in sending order. */
  private readonly deadlines = new Map<number, DeadlineQueue<ResponseCollector>>();
  /** Runs from the first send until close(): starting and stopping it per request would cost a
   * timer per request whenever one request at a time is in flight (a baseline stage). */
  private sweeper: NodeJS.Timeout | undefined;

  constructor(targetUrl: string, options: HttpClientOptions = {}) {
    const url = new URL(targetUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.poolOptions = {
      connections: options.connections ?? null,
      pipelining: options.pipelining ?? 1,
      keepAliveTimeout: 30_000,
      connectTimeout: 10_000,
    };
    this.pool = new Pool(url.origin, this.poolOptions);
  }

  send(req: HttpRequest): Promise<HttpOutcome> {
    return new Promise((resolve) => this.dispatch(req, resolve));
  }

  /**
   * The run loop's form of `send`: `onDone` is called once with the outcome, with no promise in
   * between (a closed-model user sends its next request from inside it). It may be called before
   * `dispatch` returns, when undici refuses the request outright.
   */
  dispatch(req: HttpRequest, onDone: (outcome: HttpOutcome) => void): void {
    const collector = new ResponseCollector(req.readBody, onDone, performance.now() + req.timeoutMs, this);
    this.track(collector, req.timeoutMs);
    try {
      this.pool.dispatch(
        {
          path: this.basePath + req.path,
          method: req.method as Dispatcher.HttpMethod,
          headers: req.headers,
          body: req.body,
          // The deadline queue above is the one timeout (the whole request, from send to last
          // byte); undici's own two timers would be re-armed on every request for nothing.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        collector,
      );
    } catch (err) {
      // Invalid arguments (a header value undici refuses) fail this request, not the run.
      collector.onError(err as Error);
    }
  }

  /**
   * undici refused a request's arguments (a header value with a line break, say, from a captured
   * value). The connection it was meant for stays marked busy and never takes another request, so
   * after a few refusals every later send would only time out: later sends go to a fresh pool, and
   * this one finishes what it has in flight.
   */
  refused(): void {
    const old = this.pool;
    this.retired.add(old);
    void old.close().then(
      () => this.retired.delete(old),
      () => {},
    );
    this.pool = new Pool(this.origin, this.poolOptions);
  }

  private track(c: ResponseCollector, timeoutMs: number): void {
    let q = this.deadlines.get(timeoutMs);
    if (!q) this.deadlines.set(timeoutMs, (q = new DeadlineQueue<ResponseCollector>()));
    q.push(c);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => {
        const now = performance.now();
        for (const [timeout, queue] of this.deadlines) queue.expire(now, (c) => c.timeOut(timeout));
      }, SWEEP_MS);
      this.sweeper.unref();
    }
  }

  /**
   * Settles every request in flight as cancelled (not recorded) and aborts it: a stopped run must
   * not wait for slow responses up to their timeout. Sends after this are not expected.
   */
  cancelAll(): void {
    for (const queue of this.deadlines.values()) queue.expire(Infinity, (c) => c.cancel());
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // Requests we timed out may still hold sockets: destroy rather than wait for them.
    await Promise.all([this.pool, ...this.retired].map((p) => p.destroy().catch(() => {})));
  }
}
