/**
 * HTTP over undici: one Pool per target origin (keep-alive, no connection cap: the executor's
 * in-flight cap is the limit, so a slow target cannot make requests queue invisibly in the pool).
 * `send` never throws: every outcome, good or bad, is classified into the error taxonomy.
 */
import { Pool } from 'undici';

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

export class HttpClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  readonly origin: string;

  constructor(targetUrl: string, options: { pipelining?: number } = {}) {
    const url = new URL(targetUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      pipelining: options.pipelining ?? 1,
      keepAliveTimeout: 30_000,
      connectTimeout: 10_000,
    });
  }

  async send(req: HttpRequest): Promise<HttpOutcome> {
    try {
      const res = await this.pool.request({
        path: this.basePath + req.path,
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const retryAfter = res.statusCode === 429 ? headerValue(res.headers['retry-after']) : undefined;
      if (req.readBody) {
        const body = await res.body.text();
        return { status: res.statusCode, body, retryAfter };
      }
      await res.body.dump();
      return { status: res.statusCode, retryAfter };
    } catch (err) {
      return { status: 0, failure: classifyTransportError(err), failureMessage: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.close().catch(() => this.pool.destroy());
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
