/**
 * `${NAME}` substitution from the environment, at load time, in every string value of the plan.
 *
 * Names the engine fills per request are left as they are: the builtins below and every name a
 * `capture:` in `session` or `requests` defines. Any other name must be set in the environment,
 * otherwise it is a problem that names the variable (SPEC §2).
 *
 * `$${NAME}` is the escape for a literal `${NAME}`: it comes out as `${NAME}`. For runtime names
 * the escape is kept as `$${NAME}` so the engine, which fills runtime names later, still sees it
 * as escaped and does not substitute it.
 */
import type { Issue, Path } from './issues.js';
import { isSecretWorthy } from './secrets.js';

/** Filled by the engine: request sequence number, virtual user number, iteration of that user. */
export const BUILTIN_VARIABLES: readonly string[] = ['seq', 'vu', 'iter'];

const PLACEHOLDER = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface StringResult {
  text: string;
  /** Names used in the string that are neither runtime names nor set in env. */
  missing: string[];
  /** Every value substituted from env, in order (not runtime names, not escapes). */
  fromEnv: string[];
}

export function interpolateString(text: string, env: Readonly<Record<string, string | undefined>>, runtime: ReadonlySet<string>): StringResult {
  const missing: string[] = [];
  const fromEnv: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, escaped: string, name: string) => {
    if (runtime.has(name)) return whole;
    if (escaped) return `\${${name}}`;
    const value = env[name];
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    fromEnv.push(value);
    return value;
  });
  return { text: out, missing, fromEnv };
}

/**
 * Builtins plus every key of every `capture:` map in `session`, `requests` and the stages' `setup`
 * and `verify`: of the raw plan data at load, and of a built Plan (the engine's runtime names).
 */
export function runtimeVariables(raw: unknown): Set<string> {
  const names = new Set(BUILTIN_VARIABLES);
  if (!isRecord(raw)) return names;
  const stages = Array.isArray(raw.stages) ? raw.stages.filter(isRecord) : [];
  for (const list of [raw.session, raw.requests, ...stages.flatMap((s) => [s.setup, s.verify])]) {
    if (!Array.isArray(list)) continue;
    for (const step of list) {
      if (isRecord(step) && isRecord(step.capture)) Object.keys(step.capture).forEach((k) => names.add(k));
    }
  }
  return names;
}

/**
 * Substitute in every string value (not in keys); each missing variable is an Issue at its value.
 * `secrets`: the distinct values taken from env that are long enough to hide (see plan/secrets.ts).
 */
export function interpolate(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  runtime: ReadonlySet<string> = runtimeVariables(value),
): { value: unknown; issues: Issue[]; secrets: string[] } {
  const issues: Issue[] = [];
  const secrets = new Set<string>();
  const walk = (v: unknown, path: Path): unknown => {
    if (typeof v === 'string') {
      const r = interpolateString(v, env, runtime);
      for (const name of r.missing) {
        const meant = name === 'uuid' || name === 'random' ? `; for a value drawn per request write \${${name === 'uuid' ? 'uuid()' : 'random(1,10)'}}` : '';
        issues.push({ path, at: 'value', message: `environment variable ${name} is not set (used in \${${name}})${meant}` });
      }
      r.fromEnv.filter(isSecretWorthy).forEach((s) => secrets.add(s));
      return r.text;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, [...path, k])]));
    return v;
  };
  return { value: walk(value, []), issues, secrets: [...secrets] };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
