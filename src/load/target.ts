/**
 * Getting the target ready before the first stage: optionally start it, then wait until it answers.
 * Failing here is exit 3 (TargetUnreachableError), with the URL (credentials and query left out)
 * and the last error seen, within `ready_timeout`: each probe gets at most the time left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { PortInUseError, TargetUnreachableError } from '../errors.js';
import { displayUrl } from '../model/format.js';
import { groupRunning, signalGroup } from './process-group.js';

/** The longest one readiness probe may take (less when `ready_timeout` has less left). */
const PROBE_TIMEOUT_MS = 2000;
/** A probe always gets this long, even at the deadline: the last chance is a real one. */
const MIN_PROBE_MS = 50;
/** Pause between probes. */
const PROBE_PAUSE_MS = 250;
/** How long a started target gets to end after SIGTERM before its group gets SIGKILL. */
const STOP_GRACE_MS = 3000;
const STOP_POLL_MS = 50;
/** After SIGKILL the processes are gone within milliseconds; this bounds the wait for them. */
const KILL_WAIT_MS = 500;
/** After the start command exits, how long its output may still trickle in before it is quoted. */
const OUTPUT_SETTLE_MS = 200;
/** How long the port-in-use check waits for a connect: loopback refuses at once, so this only bounds odd hosts. */
const PORT_CHECK_MS = 500;

export interface StartedTarget {
  child: ChildProcess;
  /** The last 2000 characters the command printed (stdout and stderr). */
  output: () => string;
  /** Why the command is no longer running (exited, or could not be started), and its last output line; undefined while it runs. */
  failure: () => { reason: string; lastOutput: string } | undefined;
  /** Resolves once the command has ended (its output read) or could not be started. */
  ended: Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Start `command` in a shell, in its own process group so stop() ends its children too. `env`:
 * its environment (default: perf-gate's own).
 */
export function startTarget(command: string, cwd: string, env?: NodeJS.ProcessEnv): StartedTarget {
  const child = spawn(command, { shell: true, cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  let ended = false;
  const endedPromise = new Promise<void>((resolve) => {
    const end = (): void => {
      ended = true;
      resolve();
    };
    // Without this listener a command that cannot spawn (no such cwd) crashes the process.
    child.once('error', (err) => {
      spawnError = err;
      end();
    });
    child.once('close', end);
    // A child that leaves its output pipes open to a grandchild never "closes".
    child.once('exit', () => setTimeout(end, OUTPUT_SETTLE_MS).unref());
  });
  const failure = (): { reason: string; lastOutput: string } | undefined => {
    const lastOutput = lastLine(tail.trim());
    if (spawnError)
      return { reason: `could not be started (${existsSync(cwd) ? spawnError.message : `its working directory ${cwd} does not exist`})`, lastOutput };
    return ended ? { reason: `exited (${child.exitCode ?? child.signalCode})`, lastOutput } : undefined;
  };
  // perf-gate quitting before stop() (a second Ctrl-C quits at once, an error exits) must not leave
  // the target running: the group gets SIGKILL as the process exits, if any of it still runs.
  const pgid = child.pid;
  const killOnExit = (): void => {
    if (pgid !== undefined && groupRunning(pgid)) signalGroup(pgid, 'SIGKILL');
  };
  if (pgid !== undefined) process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    if (pgid === undefined) return;
    // SIGTERM, then up to STOP_GRACE_MS for every process of the group (not only the shell) to end.
    if (groupRunning(pgid) && signalGroup(pgid, 'SIGTERM')) {
      const deadline = Date.now() + STOP_GRACE_MS;
      while (groupRunning(pgid) && Date.now() < deadline) await sleep(STOP_POLL_MS);
      if (groupRunning(pgid)) {
        signalGroup(pgid, 'SIGKILL');
        // SIGKILL is delivered at once but the processes take a moment to be gone.
        const killDeadline = Date.now() + KILL_WAIT_MS;
        while (groupRunning(pgid) && Date.now() < killDeadline) await sleep(STOP_POLL_MS);
      }
    }
    process.removeListener('exit', killOnExit);
  };
  return { child, output: () => tail, failure, ended: endedPromise, stop };
}

export interface ReadyOptions {
  url: string;
  readyPath?: string;
  timeoutMs: number;
  /** When set, give up as soon as the started command exits. */
  started?: StartedTarget;
  /** An abort (Ctrl-C) ends the wait at once; the caller checks the signal. */
  signal?: AbortSignal;
}

/**
 * Poll until the target answers: `readyPath` must give a 2xx; without it a TCP connect is enough.
 * Without a start command or ready path there is nothing to wait for, so callers pass a short timeout.
 */
export async function waitUntilReady(o: ReadyOptions): Promise<void> {
  const shown = displayUrl(o.url);
  const deadline = Date.now() + o.timeoutMs;
  let lastError = 'no answer';
  // Ends a probe or a pause early: the command exited, or the run was stopped.
  const wake = new AbortController();
  const onWake = (): void => wake.abort();
  void o.started?.ended.then(onWake);
  o.signal?.addEventListener('abort', onWake, { once: true });
  try {
    for (;;) {
      const gone = o.started?.failure();
      if (gone) {
        const said = gone.lastOutput ? `; its last output: ${gone.lastOutput}` : '';
        throw new TargetUnreachableError(`target start command ${gone.reason} before ${shown} was ready${said}`);
      }
      if (o.signal?.aborted) return;
      const budget = Math.min(PROBE_TIMEOUT_MS, Math.max(MIN_PROBE_MS, deadline - Date.now()));
      try {
        await probe(o, budget, wake.signal);
        return;
      } catch (err) {
        lastError = (err as Error).message || String(err);
      }
      if (wake.signal.aborted) continue;
      if (Date.now() >= deadline) throw new TargetUnreachableError(`target ${shown} is not reachable: ${lastError}`);
      await sleep(Math.min(PROBE_PAUSE_MS, Math.max(0, deadline - Date.now())), undefined, { signal: wake.signal }).catch(() => {});
    }
  } finally {
    o.signal?.removeEventListener('abort', onWake);
  }
}

/** One readiness probe, given up after `budgetMs` or when `wake` aborts. */
async function probe(o: ReadyOptions, budgetMs: number, wake: AbortSignal): Promise<void> {
  const signal = AbortSignal.any([wake, AbortSignal.timeout(budgetMs)]);
  if (!o.readyPath) return tcpProbe(o.url, budgetMs, signal);
  const readyUrl = new URL(o.readyPath, withSlash(o.url)).toString();
  try {
    const res = await request(readyUrl, { signal, headersTimeout: budgetMs, bodyTimeout: budgetMs });
    await res.body.dump();
    if (res.statusCode >= 200 && res.statusCode < 300) return;
    throw new Error(`${displayUrl(readyUrl)} answered ${res.statusCode}`);
  } catch (err) {
    if (signal.aborted && !wake.aborted) throw new Error(`${displayUrl(readyUrl)} gave no answer within ${budgetMs} ms`);
    throw err;
  }
}

/** The host and port a target URL connects to (default ports filled in, IPv6 brackets dropped). */
function hostPort(targetUrl: string): { host: string; port: number } {
  const u = new URL(targetUrl);
  const port = Number(u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80));
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port };
}

/**
 * Before `target.start` runs: when the target's port already accepts connections, a stale server
 * (an earlier run's, a dev server) would be measured instead of the app the plan starts, so stop
 * with exit 3. A refused, failed or unanswered connect means the port is free to start on.
 */
export async function refuseOccupiedPort(targetUrl: string, instead = 'drop target.start to test the running server'): Promise<void> {
  const { host, port } = hostPort(targetUrl);
  const answered = await tcpProbe(targetUrl, PORT_CHECK_MS, AbortSignal.timeout(PORT_CHECK_MS)).then(
    () => true,
    () => false,
  );
  if (answered) {
    const shown = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    throw new PortInUseError(`something is already listening on ${shown}: stop it, or ${instead}`);
  }
}

function tcpProbe(targetUrl: string, budgetMs: number, signal: AbortSignal): Promise<void> {
  const { host, port } = hostPort(targetUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (err: Error): void => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      reject(err);
    };
    // Also bounds a DNS lookup that hangs (a resolver with no network).
    const onAbort = (): void => fail(new Error(`connect to ${host}:${port} gave no answer within ${budgetMs} ms`));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    socket.once('error', fail);
  });
}

export const withSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);
const lastLine = (s: string): string => s.split('\n').filter(Boolean).slice(-1)[0] ?? '';
