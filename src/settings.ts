/**
 * The action's inputs, read once into one typed object (as actions/checkout's input-helper does).
 * An invalid value fails with a message naming the input.
 */
import * as core from '@actions/core';
import { UsageError } from './errors.js';

export type CommentMode = 'always' | 'on-regression' | 'never';
export type FailOn = 'regression' | 'threshold' | 'never';

export interface ActionSettings {
  plan: string;
  target?: string;
  /** A baseline file path (`file:PATH` or a plain path); data-branch stores come with the GitHub layer. */
  baseline?: string;
  saveBaseline: boolean;
  githubToken?: string;
  comment: CommentMode;
  failOn: FailOn;
  out: string;
  workingDirectory: string;
}

/** Reads an input through `get`, so tests can pass a map instead of INPUT_* variables. */
export type InputReader = (name: string) => string;

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const v = get(name).trim();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`input "${name}" must be one of ${allowed.join(', ')}; got "${v}"`);
}

function bool(get: InputReader, name: string, fallback: boolean): boolean {
  const v = get(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new UsageError(`input "${name}" must be true or false; got "${get(name)}"`);
}

export function readSettings(get: InputReader = (n) => core.getInput(n)): ActionSettings {
  const plan = get('plan').trim();
  if (!plan) throw new UsageError('input "plan" is required: the path of the perf plan (YAML)');
  const target = get('target').trim() || undefined;
  if (target !== undefined) {
    try {
      new URL(target);
    } catch {
      throw new UsageError(`input "target" must be an absolute URL such as http://127.0.0.1:3000; got "${target}"`);
    }
  }
  const baseline = get('baseline').trim() || undefined;
  if (baseline?.startsWith('branch:') || baseline === 'artifact') {
    throw new UsageError(`input "baseline": "${baseline}" stores are not available in this version yet; use file:PATH`);
  }
  return {
    plan,
    target,
    baseline: baseline?.replace(/^file:/, ''),
    saveBaseline: bool(get, 'save-baseline', false),
    githubToken: get('github-token') || undefined,
    comment: oneOf(get, 'comment', ['always', 'on-regression', 'never'] as const, 'always'),
    failOn: oneOf(get, 'fail-on', ['regression', 'threshold', 'never'] as const, 'regression'),
    out: get('out').trim() || 'perf-gate-report',
    workingDirectory: get('working-directory').trim() || '.',
  };
}
