/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */
import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import { DeadlineQueue, SWEEP_MS, type Expiring } from './deadlines.js';

/** `closed_abnormally`: a WebSocket the server or network closed during the stage (ws stages only). */
export type ErrorKind = 'timeout' | 'connect' | 'http_4xx' | 'http_5xx' | 'rate_limited' | 'check' | 'closed_abnormally';
export const ERROR_KINDS: readonly ErrorKind[] = ['timeout', 'connect', 'http_4xx', 'http_5xx', 'rate_limited', 'check', 'closed_abnormally'];

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
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function classifyTransportError(err: unknown): ErrorKind {
  const code = (err as { code?: string } | null)?.code ?? '';
  return TIMEOUT_CODES.has(code) ? 'timeout' : 'connect';
}

/** Bodies read for checks and captures are kept up to this size; the rest is counted, not kept. */
const BODY_KEEP_LIMIT = 1024 * 1024;

/**
 * Collects one response straight from undici's dispatch callbacks: no body stream, no per-chunk
 * promise, which is most of what `request()` would cost per request in a load generator.
 */
class ResponseCollector implements Dispatcher.DispatchHandler, Expiring {
  private status = 0;
  private retryAfter: string | undefined;
  private chunks: Buffer[] | undefined;
  private kept = 0;
  private controller: Dispatcher.DispatchController | undefined;
  done = false;

  constructor(
    readBody: boolean,
    private readonly resolve: (outcome: HttpOutcome) => void,
    /** performance.now() after which the request has timed out. */
    readonly deadline: number,
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
    this.controller?.abort(new Error(message));
  }

  /** Also tells undici this handler speaks the controller API (undici 7). */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.done) controller.abort(new Error('timed out before it was sent'));
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    if (statusCode === 429) this.retryAfter = headerValue(headers['retry-after']);
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.chunks && this.kept < BODY_KEEP_LIMIT) {
      this.chunks.push(chunk);
      this.kept += chunk.length;
    }
  }

  onResponseEnd(): void {
    this.settle({
      status: this.status,
      body: this.chunks ? Buffer.concat(this.chunks).toString('utf8') : undefined,
      retryAfter: this.retryAfter,
    });
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.settle({ status: 0, failure: classifyTransportError(err), failureMessage: err.message });
  }
}

export interface HttpClientOptions {
  /** Most connections to open (undefined = as many as requests in flight). */
  connections?: number;
  pipelining?: number;
}

export class HttpClient {
  private readonly pool: Pool;
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
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? null,
      pipelining: options.pipelining ?? 1,
      keepAliveTimeout: 30_000,
      connectTimeout: 10_000,
    });
  }

  send(req: HttpRequest): Promise<HttpOutcome> {
    return new Promise((resolve) => {
      const collector = new ResponseCollector(req.readBody, resolve, performance.now() + req.timeoutMs);
      this.track(collector, req.timeoutMs);
      try {
        this.pool.dispatch(
          {
            path: this.basePath + req.path,
            method: req.method as Dispatcher.HttpMethod,
            headers: req.headers,
            body: req.body,
            headersTimeout: req.timeoutMs,
            bodyTimeout: req.timeoutMs,
          },
          collector,
        );
      } catch (err) {
        // Invalid arguments (a header value undici refuses) fail this request, not the run.
        collector.onResponseError(undefined as never, err as Error);
      }
    });
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

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // Requests we timed out may still hold sockets: destroy rather than wait for them.
    await this.pool.destroy().catch(() => {});
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
