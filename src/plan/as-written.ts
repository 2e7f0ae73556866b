/**
 * The plan's requests as written: `${NAME}` of the environment kept as the name, not its value.
 * The plan fingerprint hashes these, so a value from the environment (a tenant id in a path, a
 * token) never makes a stored baseline "another plan", wherever in the request it is used.
 */
import { Checks, record } from './checks.js';
import { readRequests } from './check-requests.js';
import { readWebSocket } from './check-websocket.js';
import { interpolate } from './interpolate.js';
import type { PlanTemplates, RequestSpec } from './types.js';

/** An environment that answers every name with its own placeholder, so substitution keeps `${NAME}`. */
const NAMES_KEPT: Readonly<Record<string, string | undefined>> = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? `\${${name}}` : undefined) });

/** `parsed`: the plan's YAML data before substitution. Its problems were reported on the substituted plan. */
export function planTemplates(parsed: unknown): PlanTemplates {
  const raw = record(interpolate(parsed, NAMES_KEPT).value);
  const unused = new Checks();
  const defaults = { timeoutMs: 0, headers: {} };
  const written = (r: RequestSpec) => ({ name: r.name, method: r.method, path: r.path });
  const templates: PlanTemplates = {
    requests: readRequests(unused, raw.requests, ['requests'], defaults).map(written),
    session: readRequests(unused, raw.session, ['session'], defaults).map(written),
  };
  if ('websocket' in raw) {
    const ws = readWebSocket(unused, record(raw.websocket), 0);
    templates.websocket = { path: ws.path, subscribe: ws.subscribe, expectReply: ws.expectReply };
  }
  return templates;
}
