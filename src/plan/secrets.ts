/**
 * Which plan values are secrets, so every output can hide them (src/report/redact.ts) and the
 * action can mask them in the job log (core.setSecret).
 *
 * A secret is any value taken from the environment by `${NAME}` (perf-gate cannot tell a token from
 * a host name: both come from the same place), plus the literal credential part of the headers that
 * carry credentials. Values shorter than MIN_SECRET_LENGTH are not treated as secrets: `1`, `true`,
 * `demo`, a port number would otherwise turn every such substring of a report into `***` (and a
 * stage called `admin` could no longer be found in its baseline).
 */
import type { Plan } from './types.js';

export const MIN_SECRET_LENGTH = 6;

export const isSecretWorthy = (value: string): boolean => value.length >= MIN_SECRET_LENGTH;

/** Request headers whose values are credentials (names lower-cased, as the plan keeps them). */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/** `${name}` / `$${name}` left in a value after load: names the engine fills (captures, seq...). */
const RUNTIME_PLACEHOLDER = /\$?\$\{[^{}]*\}/;

/** `Bearer`, `Basic`, `Token`...: the scheme word before an Authorization credential is not secret. */
const AUTH_SCHEME = /^[A-Za-z][A-Za-z0-9_-]*\s+/;

/**
 * The credential parts of the sensitive header values of a plan (after `${ENV}` substitution):
 * not the auth scheme, not cookie names, not the runtime placeholders (a captured token is filled
 * per request and never written anywhere).
 */
export function headerSecrets(plan: Pick<Plan, 'defaults' | 'requests' | 'session' | 'websocket'>): string[] {
  const maps = [plan.defaults.headers, ...plan.requests.map((r) => r.headers), ...plan.session.map((r) => r.headers), plan.websocket?.headers ?? {}];
  const out = new Set<string>();
  for (const headers of maps) {
    for (const [name, value] of Object.entries(headers)) {
      if (SENSITIVE_HEADERS.has(name))
        credentialParts(name, value)
          .filter(isSecretWorthy)
          .forEach((v) => out.add(v));
    }
  }
  return [...out];
}

function credentialParts(name: string, value: string): string[] {
  return value.split(RUNTIME_PLACEHOLDER).flatMap((literal) => {
    if (name === 'cookie') return literal.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
    if (name.endsWith('authorization')) return [literal.trimStart().replace(AUTH_SCHEME, '').trim()];
    return [literal.trim()];
  });
}
