/**
 * Input checks shared by the CLI, the action's settings and the core. They live apart from the
 * core so that the action can read and check its inputs without loading the engine (start-up).
 */
import path from 'node:path';
import { UsageError } from './errors.js';

/** PERF_GATE_RUNNER_PROBE=0: a dedicated runner, or a test that must see every regression fail. */
export function runnerProbeSetting(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.PERF_GATE_RUNNER_PROBE !== '0';
}

/** A path as the user wrote it when cwd is the process's own, so messages show what they typed. */
export function fromCwd(cwd: string, file: string): string {
  return path.resolve(cwd) === process.cwd() ? file : path.resolve(cwd, file);
}

/** `--target` / the `target` input: an absolute http(s) URL, checked before anything waits on it. */
export function checkTargetUrl(url: string, what: string): void {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`${what} "${url}" is not an absolute http(s) URL: write it like http://127.0.0.1:3000`);
}
