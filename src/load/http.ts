/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */
import { Pool, type Dispatcher } from 'undici';

export type ErrorKind = 'timeout' | 'connect' | 'http_4xx' | 'http_5xx' | 'rate_limited' | 'check';
export const ERROR_KINDS: readonly ErrorKind[] = ['timeout', 'connect', 'http_4xx', 'http_5xx', 'rate_limited', 'check'];

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
class ResponseCollector implements Dispatcher.DispatchHandler {
  private status = 0;
  private retryAfter: string | undefined;
  private chunks: Buffer[] | undefined;
  private kept = 0;

  constructor(
    readBody: boolean,
    private readonly done: (outcome: HttpOutcome) => void,
  ) {
    if (readBody) this.chunks = [];
  }

  /** Its presence tells undici this handler speaks the controller API (undici 7). */
  onRequestStart(): void {}

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
    this.done({
      status: this.status,
      body: this.chunks ? Buffer.concat(this.chunks).toString('utf8') : undefined,
      retryAfter: this.retryAfter,
    });
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.done({ status: 0, failure: classifyTransportError(err), failureMessage: err.message });
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
          new ResponseCollector(req.readBody, resolve),
        );
      } catch (err) {
        // Invalid arguments (a header value undici refuses) fail this request, not the run.
        resolve({ status: 0, failure: 'connect', failureMessage: (err as Error).message });
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.close().catch(() => this.pool.destroy());
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
