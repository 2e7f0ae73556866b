/**
 * A configurable loopback WebSocket target for tests: echo (with an injected delay), a broadcaster
 * at a fixed rate with a timestamp field, a server that kills every Nth connection without a close
 * frame (1006 on the client), one that refuses upgrades. Counts what it saw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface WsBehaviour {
  /** Echo every message after this many ms (default 0). */
  delayMs?: number;
  /** Instead of echoing, answer with this function's text(s) (undefined: no answer); n counts per connection. */
  reply?: (text: string, n: number) => string | string[] | undefined;
  /** Send `perSecond` messages to every connection, `{"E": <ms since epoch − lagMs>, "n": i}`. */
  broadcast?: { perSecond: number; lagMs?: number };
  /** Connection number k (1-based) with k % every === 0 is dropped (no close frame) `afterMs` after it opened. */
  kill?: { every: number; afterMs: number };
  /** Answer every upgrade with this HTTP status instead of 101. */
  refuse?: number;
}

export interface WsTarget {
  url: string;
  connections: () => number;
  messages: () => number;
  subscribes: string[];
  set(b: WsBehaviour): void;
  close(): Promise<void>;
}

export async function startWsTarget(initial: WsBehaviour = {}): Promise<WsTarget> {
  let behaviour = initial;
  let connections = 0;
  let messages = 0;
  const subscribes: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200);
    res.end('ok');
  });
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  server.on('upgrade', (req, socket, head) => {
    if (behaviour.refuse) {
      socket.end(`HTTP/1.1 ${behaviour.refuse} Refused\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket) => {
    const k = ++connections;
    const b = behaviour;
    if (b.kill && k % b.kill.every === 0) later(b.kill.afterMs, () => ws.terminate());
    if (b.broadcast) {
      const period = 1000 / b.broadcast.perSecond;
      const start = Date.now();
      let sent = 0;
      // Catch up on every tick, so the rate holds even when timers fire late.
      const tick = setInterval(() => {
        if (ws.readyState !== ws.OPEN) return clearInterval(tick);
        const due = Math.floor((Date.now() - start) / period);
        while (sent < due) ws.send(JSON.stringify({ E: Date.now() - (b.broadcast!.lagMs ?? 0), n: sent++ }));
      }, 2);
      ws.on('close', () => clearInterval(tick));
    }
    let n = 0;
    ws.on('message', (data) => {
      messages++;
      const text = data.toString();
      if (behaviour.broadcast) return void subscribes.push(text);
      const answer = behaviour.reply ? behaviour.reply(text, ++n) : text;
      if (answer === undefined) return;
      const send = (): void => {
        if (ws.readyState === ws.OPEN) for (const a of Array.isArray(answer) ? answer : [answer]) ws.send(a);
      };
      const delay = behaviour.delayMs ?? 0;
      if (delay > 0) later(delay, send);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    messages: () => messages,
    subscribes,
    set: (b) => {
      behaviour = b;
    },
    close: () =>
      new Promise((r) => {
        for (const t of timers) clearTimeout(t);
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A plan with a websocket block (YAML lines) and the given stages (YAML flow lines). */
export function wsPlanText(websocket: string[], stages: string[], extra = ''): string {
  return `version: 1
target:
  url: http://127.0.0.1:1
defaults:
  timeout: 2s
websocket:
${websocket.map((l) => `  ${l}`).join('\n')}
stages:
${stages.map((s) => `  - ${s}`).join('\n')}
${extra}`;
}
