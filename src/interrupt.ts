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
