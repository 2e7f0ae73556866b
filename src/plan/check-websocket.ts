/**
 * `websocket:` → WebSocketSpec, and the checks that tie it to the ws stages (a stream cannot be
 * given a message rate, a burst needs messages to release). Located Issues like every plan check.
 */
import { Checks, int, list, record, str, type Data } from './checks.js';
import { lowerHeaders } from './check-requests.js';
import { formatPath, type Path } from './issues.js';
import { parseDuration, show } from './units.js';
import { parseJsonPath, readJsonPath } from '../jsonpath.js';
import type { ReplyMatcher, StageSpec, WebSocketSpec, WsMode } from './types.js';

export const WS_DEFAULTS = { reconnectBackoffMs: 100 } as const;
const MODES: readonly WsMode[] = ['request_reply', 'stream', 'connect'];
const HERE: Path = ['websocket'];
const at = (...keys: (string | number)[]): Path => [...HERE, ...keys];
const where = (...keys: (string | number)[]): string => formatPath(at(...keys));

/** A template with every `${name}` filled by a stand-in value, to check what it will look like. */
const sample = (text: string): string => text.replace(/\$?\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, (m) => (m.startsWith('$$') ? m.slice(1) : '1'));

export function readWebSocket(c: Checks, raw: Data, defaultTimeoutMs: number): WebSocketSpec {
  const path = str(raw.path) ?? '';
  if (typeof raw.path === 'string' && !path.startsWith('/')) {
    c.add(at('path'), `${where('path')}: ${show(path)} must start with "/" (it is appended to target.url)`);
  }
  const send = str(raw.send);
  const mode: WsMode = MODES.includes(raw.mode as WsMode) ? (raw.mode as WsMode) : send !== undefined ? 'request_reply' : 'connect';
  const spec: WebSocketSpec = {
    path,
    headers: lowerHeaders(raw.headers),
    subprotocols: list(raw.subprotocols).filter((p): p is string => typeof p === 'string'),
    mode,
    reconnect: readReconnect(c, record(raw.reconnect)),
    timeoutMs: c.unit(raw, 'timeout', HERE, parseDuration, defaultTimeoutMs),
  };
  if (send !== undefined) spec.send = send;
  if (typeof raw.subscribe === 'string') spec.subscribe = raw.subscribe;
  if ('expect_reply' in raw) {
    const matcher = readMatcher(c, record(raw.expect_reply), send);
    if (matcher) spec.expectReply = matcher;
  }
  if (typeof raw.timestamp_field === 'string') {
    try {
      parseJsonPath(raw.timestamp_field);
      spec.timestampField = raw.timestamp_field;
    } catch (err) {
      c.add(at('timestamp_field'), `${where('timestamp_field')}: ${(err as Error).message}`);
    }
  }
  checkModeKeys(c, raw, mode);
  return spec;
}

function checkModeKeys(c: Checks, raw: Data, mode: WsMode): void {
  if (mode === 'request_reply' && typeof raw.send !== 'string') {
    c.add('mode' in raw ? at('mode') : HERE, `${formatPath(HERE)}: mode request_reply needs "send" (the message to send)`);
  }
  const only: Record<string, WsMode> = { send: 'request_reply', expect_reply: 'request_reply', subscribe: 'stream', timestamp_field: 'stream' };
  for (const [key, needs] of Object.entries(only)) {
    if (key in raw && mode !== needs) {
      const hint = key === 'send' && mode === 'stream' ? ' (a stream sends "subscribe" once per connection)' : '';
      c.add(at(key), `${where(key)} only applies to mode ${needs}; this block's mode is ${mode}${hint}`, 'key');
    }
  }
}

function readReconnect(c: Checks, raw: Data): WebSocketSpec['reconnect'] {
  const max = int(raw.max) ?? 0;
  if ('max' in raw && (int(raw.max) === undefined || max < 0))
    c.add(at('reconnect', 'max'), `${where('reconnect', 'max')}: ${show(raw.max)} is not a count: use 0, 3, 10`);
  return { max: Math.max(0, max), backoffMs: c.unit(raw, 'backoff', at('reconnect'), parseDuration, WS_DEFAULTS.reconnectBackoffMs) };
}

function readMatcher(c: Checks, raw: Data, send: string | undefined): ReplyMatcher | undefined {
  const keys = ['match', 'regex', 'json_field'].filter((k) => k in raw);
  if (keys.length !== 1) {
    c.add(at('expect_reply'), `${where('expect_reply')}: give exactly one of match, regex or json_field${keys.length ? ` (found ${keys.join(', ')})` : ''}`);
    return undefined;
  }
  const key = keys[0]!;
  const value = raw[key];
  if (typeof value !== 'string' || value === '') return undefined; // the schema check names the type
  if (key === 'match') return { match: value };
  if (key === 'regex') {
    try {
      new RegExp(sample(value));
    } catch (err) {
      c.add(
        at('expect_reply', 'regex'),
        `${where('expect_reply', 'regex')}: not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
      );
      return undefined;
    }
    return { regex: value };
  }
  const field = value.startsWith('$') ? value : `$.${value}`;
  try {
    parseJsonPath(field);
  } catch (err) {
    c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: ${(err as Error).message}`);
    return undefined;
  }
  if (send !== undefined) {
    let doc: unknown;
    try {
      doc = JSON.parse(sample(send));
    } catch {
      c.add(
        at('expect_reply', 'json_field'),
        `${where('expect_reply', 'json_field')}: the send message is not JSON, so it has no field ${show(value)} to match`,
      );
      return undefined;
    }
    if (readJsonPath(doc, field) === undefined) {
      c.add(at('expect_reply', 'json_field'), `${where('expect_reply', 'json_field')}: the send message has no field ${show(value)}`);
    }
  }
  return { jsonField: field };
}

/** What a ws stage can do depends on the block's mode: say so at the stage's line. */
export function checkWsStages(c: Checks, rawStages: unknown, stages: StageSpec[], ws: WebSocketSpec | undefined): void {
  if (!ws) return;
  const raws = list(rawStages).map(record);
  let j = 0;
  raws.forEach((s, i) => {
    if (typeof s.kind !== 'string' || !['baseline', 'load', 'spike', 'burst'].includes(s.kind)) return;
    const stage = stages[j++];
    if (!stage || stage.protocol !== 'ws' || ws.mode === 'request_reply') return;
    const path: Path = ['stages', i];
    if (stage.kind === 'spike' || stage.kind === 'burst') {
      c.add(
        [...path, 'kind'],
        `${formatPath(path)}: a ${stage.kind} stage sends messages, but websocket.mode is ${ws.mode} (use a load stage, or mode request_reply)`,
      );
    } else if ('rate' in s) {
      c.add(
        [...path, 'rate'],
        `${formatPath(path)}: "rate" is a message rate, but websocket.mode is ${ws.mode}: nothing is sent (drop rate; connections and duration apply)`,
        'key',
      );
    }
  });
}
