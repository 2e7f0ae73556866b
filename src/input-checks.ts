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

/** A/B rounds per stage when neither --rounds nor the `ab-rounds` input says. */
export const DEFAULT_AB_ROUNDS = 10;

/**
 * The A/B rounds a door was given (`--rounds`, the `ab-rounds` input), checked once, here, for both
 * doors: a whole number from 1 to 100. `name` is how the door calls it in the message.
 */
export function abRounds(text: string | undefined, name: string): number {
  const given = text?.trim() || String(DEFAULT_AB_ROUNDS);
  if (!/^[1-9]\d*$/.test(given) || Number(given) > 100)
    throw new UsageError(`${name} must be a whole number of rounds from 1 to 100, such as 10; got "${given}"`);
  return Number(given);
}
