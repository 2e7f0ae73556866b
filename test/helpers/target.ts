/**
 * A configurable loopback HTTP target for tests: injected delay, stalls, errors, 429s, hangs and
 * resets, with a count of what it served so tests can compare it with the report.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TargetBehaviour {
  /** Fixed delay before answering, ms. */
  delayMs?: number;
  /** Every `everyMs`, requests arriving in the first `forMs` wait until the stall ends. */
  stall?: { everyMs: number; forMs: number };
  /** Fraction (0..1) of requests answered 500, spread evenly (deterministic). */
  errorRate?: number;
  /** Custom routes: return true when handled. */
  route?: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => boolean;
}

export interface TestTarget {
  url: string;
  port: number;
  served: () => number;
  byPath: Map<string, number>;
  headersSeen: http.IncomingHttpHeaders[];
  set(b: TargetBehaviour): void;
  close(): Promise<void>;
}

export async function startTarget(initial: TargetBehaviour = {}): Promise<TestTarget> {
  let behaviour = initial;
  let served = 0;
  let errorAcc = 0;
  const byPath = new Map<string, number>();
  const headersSeen: http.IncomingHttpHeaders[] = [];
  const t0 = Date.now();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/healthz') {
        res.end('ok');
        return;
      }
      served++;
      byPath.set(path, (byPath.get(path) ?? 0) + 1);
      if (headersSeen.length < 50) headersSeen.push(req.headers);
      if (behaviour.route?.(req, res, body)) return;
      let wait = behaviour.delayMs ?? 0;
      if (behaviour.stall) {
        const phase = (Date.now() - t0) % behaviour.stall.everyMs;
        if (phase < behaviour.stall.forMs) wait += behaviour.stall.forMs - phase;
      }
      let status = 200;
      if (behaviour.errorRate) {
        errorAcc += behaviour.errorRate;
        if (errorAcc >= 1) {
          errorAcc -= 1;
          status = 500;
        }
      }
      const answer = (): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '{"ok":true}' : '{"error":"injected"}');
      };
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served: () => served,
    byPath,
    headersSeen,
    set: (b) => {
      behaviour = b;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A plan with one GET / request and the given stages (YAML flow lines). */
export function planText(stages: string[], extra = ''): string {
  return `version: 1
target:
  url: http://127.0.0.1:1
defaults:
  timeout: 2s
requests:
  - { name: root, method: GET, path: / }
stages:
${stages.map((s) => `  - ${s}`).join('\n')}
${extra}`;
}
