/**
 * The two sides of `ab --base-ref REF`, built and running: each side's `target.build` run in its
 * own tree, its `target.start` started on its own free port, both waited for, and both process
 * groups stopped afterwards (SIGTERM, SIGKILL after the grace, as for `run`), whatever happened.
 * Every failure names the side and the command.
 */
import type { Logger } from '../model/logger.js';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { BuildError, TargetUnreachableError, UsageError } from '../errors.js';
import type { Plan } from '../plan/types.js';
import type { Side } from '../load/ab.js';
import { refuseOccupiedPort, startTarget, waitUntilReady, type StartedTarget } from '../load/target.js';
import type { BuildCache } from './build-cache.js';

export interface AbSide {
  side: Side;
  /** The plan as loaded for this side: `${PORT}` and `${SIDE}` filled with its port and name. */
  plan: Plan;
  /** Where its build and start commands run: the checkout (head) or the worktree (base). */
  cwd: string;
  /** Its commands' environment: perf-gate's, with PORT and SIDE set. */
  env: NodeJS.ProcessEnv;
  /** Skip `target.build` when this cache says it built the tree as it is (the checkout only), unless `rebuild`. */
  cache?: BuildCache;
  rebuild?: boolean;
}

export interface SidesOptions {
  signal: AbortSignal;
  log: Logger;
}

/** `n` distinct free loopback ports (bound, read, released: each side's app binds its own). */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

/** What `--base-ref` needs of the plan: a start command, and a URL that differs per side (`${PORT}`). */
export function checkSides(sides: AbSide[]): void {
  const [base, head] = sides;
  if (!head!.plan.target.start) {
    throw new UsageError(
      `${head!.plan.file}: --base-ref needs target.start, the command that starts one build of the app on \${PORT} (or start both builds yourself and pass --base-url and --head-url)`,
    );
  }
  if (base!.plan.target.url === head!.plan.target.url) {
    throw new UsageError(
      `${head!.plan.file}: with --base-ref, target.url must hold \${PORT} (each side listens on its own port), e.g. http://127.0.0.1:\${PORT}; it is ${head!.plan.target.url} for both sides`,
    );
  }
}

/** Runs `target.build` of one side to its end; a failure is exit 3 naming the side and the command. */
async function build(s: AbSide, o: SidesOptions): Promise<void> {
  const command = s.plan.target.build;
  if (!command || o.signal.aborted) return;
  if (!s.rebuild && (await s.cache?.fresh(command))) {
    o.log.info(`${s.side}: build skipped: \`${command}\` already built ${s.cwd} at this commit, and nothing changed since (--rebuild builds anyway)`);
    return;
  }
  o.log.info(`${s.side}: building (${command}) in ${s.cwd}`);
  const t0 = Date.now();
  const running = startTarget(command, s.cwd, s.env);
  const onAbort = (): void => void running.stop();
  o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await running.ended;
  } finally {
    o.signal.removeEventListener('abort', onAbort);
    // Whatever the build left running in its group (a watcher, a daemon) ends with it.
    await running.stop();
  }
  if (o.signal.aborted) return;
  if (running.child.exitCode !== 0) {
    const why = running.failure() ?? { reason: `ended by ${running.child.signalCode}`, lastOutput: '' };
    throw new BuildError(
      `${s.side} build failed: target.build \`${command}\` ${why.reason} in ${s.cwd}${why.lastOutput ? `; its last output: ${why.lastOutput}` : ''}`,
    );
  }
  o.log.info(`${s.side}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await s.cache?.record(command);
}

/**
 * Builds both sides (one after the other: they share the machine), starts both, waits until both
 * answer, runs `fn`, and stops both process groups, also when anything fails or is interrupted.
 */
export async function withSidesRunning<T>(sides: AbSide[], o: SidesOptions, fn: () => Promise<T>): Promise<T> {
  const started: Array<{ side: AbSide; target: StartedTarget }> = [];
  try {
    for (const s of sides) await build(s, o);
    for (const s of sides) {
      if (o.signal.aborted) break;
      // The port was free when chosen; this catches a fixed port in target.url, or a port taken since.
      await refuseOccupiedPort(s.plan.target.url, `start both builds yourself and pass --base-url and --head-url (${s.side} side)`);
      o.log.info(`${s.side}: starting (${s.plan.target.start}) on ${s.plan.target.url}`);
      started.push({ side: s, target: startTarget(s.plan.target.start!, s.cwd, s.env) });
    }
    // One side that cannot get ready ends the wait for the other too.
    const gaveUp = new AbortController();
    const signal = AbortSignal.any([o.signal, gaveUp.signal]);
    await Promise.all(
      started.map(async ({ side, target }) => {
        try {
          await waitUntilReady({
            url: side.plan.target.url,
            readyPath: side.plan.target.ready,
            timeoutMs: side.plan.target.readyTimeoutMs,
            started: target,
            signal,
          });
        } catch (err) {
          gaveUp.abort();
          const message = err instanceof Error ? err.message : String(err);
          throw new TargetUnreachableError(`${side.side} side (target.start \`${side.plan.target.start}\` in ${side.cwd}) never got ready: ${message}`);
        }
      }),
    );
    return await fn();
  } finally {
    await Promise.all(started.map(({ target }) => target.stop()));
  }
}
