/**
 * Process-level edges shared by the CLI and the action: Ctrl-C / a cancelled job, and the last net
 * under errors nothing else caught. Both end in one line, never a stack trace.
 */
import { describeError, EXIT, exitCodeFor } from './errors.js';

/**
 * SIGINT or SIGTERM (Ctrl-C; GitHub cancelling a job sends SIGINT, then SIGTERM) aborts the
 * returned signal: the load stops and the partial report is still written. A second signal exits
 * at once with 130.
 */
export function interruptSignal(warn: (message: string) => void): AbortSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    warn('interrupted: stopping the load and writing a partial report (again to quit now)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

/**
 * The last resort: an error thrown from a callback or a promise nobody awaited would otherwise end
 * the process with Node's stack trace. `fail` gets one line (`perf-gate: internal error: …` for a
 * foreign error) and the exit code from errors.ts; the process then exits with it.
 */
export function catchStrayErrors(fail: (line: string) => void): void {
  const onStray = (err: unknown): void => {
    try {
      fail(`perf-gate: ${describeError(err)}`);
    } finally {
      process.exit(exitCodeFor(err));
    }
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
}

/**
 * The net under a promise that never settles: when the event loop runs dry before the door has
 * its result (a callback that threw inside a library and left a stage waiting forever), Node would
 * exit 0 with no report, a green build. `isDone` says whether the door finished; if not, `fail`
 * gets one line and the process exits 2 (errors.ts: an unknown failure is a bug, never a pass).
 */
export function failIfUnfinished(
  isDone: () => boolean,
  fail: (line: string) => void,
  proc: Pick<NodeJS.EventEmitter, 'on'> & { exit(code: number): void } = process,
): void {
  proc.on('beforeExit', () => {
    if (isDone()) return;
    try {
      fail('perf-gate: internal error: the work ended without a result (something it waited for never finished); no report was written');
    } finally {
      proc.exit(EXIT.badInput);
    }
  });
}
