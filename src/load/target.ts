/**
 * Getting the target ready before the first stage: optionally start it, then wait until it answers.
 * Failing here is exit 3 (TargetUnreachableError), with the URL and the last error seen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { TargetUnreachableError } from '../errors.js';

/** Start `command` in a shell, in its own process group so stop() ends its children too. */
export function startTarget(command: string, cwd: string): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(command, { shell: true, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timedOut = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
    if (timedOut) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  return { child, output: () => tail, stop };
}

export interface ReadyOptions {
  url: string;
  readyPath?: string;
  timeoutMs: number;
  /** When set, give up early if the started process exits. */
  child?: ChildProcess;
  childOutput?: () => string;
}

/**
 * Poll until the target answers: `readyPath` must give a 2xx; without it a TCP connect is enough.
 * Without a start command or ready path there is nothing to wait for, so callers pass a short timeout.
 */
export async function waitUntilReady(o: ReadyOptions): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  let lastError = 'no answer';
  for (;;) {
    if (o.child && (o.child.exitCode !== null || o.child.signalCode !== null)) {
      const out = o.childOutput?.().trim();
      throw new TargetUnreachableError(
        `target start command exited (${o.child.exitCode ?? o.child.signalCode}) before ${o.url} was ready` + (out ? `; its last output: ${lastLine(out)}` : ''),
      );
    }
    try {
      if (o.readyPath) {
        const readyUrl = new URL(o.readyPath, withSlash(o.url)).toString();
        const res = await request(readyUrl, { headersTimeout: 2000, bodyTimeout: 2000 });
        await res.body.dump();
        if (res.statusCode >= 200 && res.statusCode < 300) return;
        lastError = `${readyUrl} answered ${res.statusCode}`;
      } else {
        await tcpProbe(o.url);
        return;
      }
    } catch (err) {
      lastError = (err as Error).message || String(err);
    }
    if (Date.now() >= deadline) {
      throw new TargetUnreachableError(`target ${o.url} is not reachable: ${lastError}`);
    }
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}

function tcpProbe(targetUrl: string): Promise<void> {
  const u = new URL(targetUrl);
  const port = Number(u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`connect to ${host}:${port} timed out`));
    });
    socket.once('error', (err) => reject(err));
  });
}

const withSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);
const lastLine = (s: string): string => s.split('\n').filter(Boolean).slice(-1)[0] ?? '';
