/** The `websocket:` block and ws stages: typed, defaulted, and every problem at its line:col. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { planProblems } from '../helpers/plan.js';

const problems = planProblems;

/** Lines 1-2; the websocket block starts at line 3, its keys at column 3. */
const plan = (ws: string, stages = '  - { name: ws, kind: load, protocol: ws, connections: 2, rate: 10/s, duration: 1s }'): string =>
  `version: 1\ntarget: { url: http://127.0.0.1:1 }\nwebsocket:\n${ws}\nstages:\n${stages}\n`;

describe('websocket block', () => {
  it('is typed with defaults: request_reply when send is set, timeout from defaults, no reconnects', () => {
    const p = parsePlan(
      plan(`  path: /ws\n  send: '{"id":"\${seq}"}'\n  expect_reply: { json_field: id }\n  headers: { Authorization: "Bearer x" }\n  subprotocols: [v1]`),
      'plan.yml',
      {},
    );
    expect(p.websocket).toEqual({
      path: '/ws',
      headers: { authorization: 'Bearer x' },
      subprotocols: ['v1'],
      mode: 'request_reply',
      send: '{"id":"${seq}"}',
      expectReply: { jsonField: '$.id' },
      reconnect: { max: 0, backoffMs: 100 },
      timeoutMs: 10_000,
    });
    expect(p.stages[0]).toMatchObject({ protocol: 'ws', connections: 2, model: 'open', rate: 10 });
  });

  it('defaults to connect without send; a ws load stage without rate is closed over its connections', () => {
    const p = parsePlan(
      plan('  path: /ws\n  reconnect: { max: 3, backoff: 50ms }', '  - { name: hold, kind: load, protocol: ws, connections: 5, ramp: 1s, duration: 3s }'),
      'plan.yml',
      {},
    );
    expect(p.websocket).toMatchObject({ mode: 'connect', reconnect: { max: 3, backoffMs: 50 } });
    expect(p.stages[0]).toMatchObject({ kind: 'load', model: 'closed', vus: 5, connections: 5, rampMs: 1000 });
  });

  it('a stream with subscribe and timestamp_field', () => {
    const p = parsePlan(
      plan('  path: /feed\n  mode: stream\n  subscribe: "{}"\n  timestamp_field: $.E', '  - { kind: load, protocol: ws, connections: 2, duration: 3s }'),
      'plan.yml',
      {},
    );
    expect(p.websocket).toMatchObject({ mode: 'stream', subscribe: '{}', timestampField: '$.E' });
  });

  it.each([
    ['path without /', '  path: ws', ['4:9: websocket.path: "ws" must start with "/" (it is appended to target.url)']],
    ['unknown key', '  path: /ws\n  sned: hi', ['5:3: unknown key "sned" in websocket; did you mean "send"?']],
    ['bad mode', '  path: /ws\n  mode: streaming', ['5:9: websocket.mode: "streaming" is not valid; did you mean "stream"?']],
    ['request_reply without send', '  path: /ws\n  mode: request_reply', ['5:9: websocket: mode request_reply needs "send" (the message to send)']],
    [
      'two matchers',
      `  send: hi\n  expect_reply: { match: hi, regex: h. }`,
      ['5:17: websocket.expect_reply: give exactly one of match, regex or json_field (found match, regex)'],
    ],
    ['bad regex', `  send: hi\n  expect_reply: { regex: "(" }`, [/^5:26: websocket\.expect_reply\.regex: not a valid regular expression/]],
    [
      'json_field on a non-JSON message',
      `  send: ping \${seq}\n  expect_reply: { json_field: id }`,
      ['5:31: websocket.expect_reply.json_field: the send message is not JSON, so it has no field "id" to match'],
    ],
    [
      'json_field the message lacks',
      `  send: '{"op":"x"}'\n  expect_reply: { json_field: id }`,
      ['5:31: websocket.expect_reply.json_field: the send message has no field "id"'],
    ],
    ['subscribe outside stream', '  send: hi\n  subscribe: x', ["5:3: websocket.subscribe only applies to mode stream; this block's mode is request_reply"]],
    ['bad timestamp_field', '  mode: stream\n  timestamp_field: E', ['5:20: websocket.timestamp_field: JSONPath must start with "$": E']],
    ['bad backoff', '  reconnect: { max: 2, backoff: soon }', [/^4:33: websocket\.reconnect\.backoff: "soon" is not a duration/]],
  ])('%s', (_name, ws, expected) => {
    const got = problems(plan(ws, '  - { name: ws, kind: load, protocol: ws, duration: 1s }'));
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });
});

describe('ws stages', () => {
  it.each([
    ['vus instead of connections', '  - { kind: load, protocol: ws, vus: 3, duration: 1s }', [/^6:33: stages\[0\]: with protocol: ws use "connections"/]],
    [
      'rate on a stream',
      '  - { kind: load, protocol: ws, rate: 5/s, duration: 1s }',
      ['6:33: stages[0]: "rate" is a message rate, but websocket.mode is stream: nothing is sent (drop rate; connections and duration apply)'],
    ],
    [
      'burst on a stream',
      '  - { kind: burst, protocol: ws, size: 5, cycles: 1 }',
      ['6:13: stages[0]: a burst stage sends messages, but websocket.mode is stream (use a load stage, or mode request_reply)'],
    ],
    [
      'connections on a baseline',
      '  - { kind: baseline, protocol: ws, connections: 3, duration: 1s }',
      ['6:37: stages[0]: a baseline stage uses one connection; use a load stage for more'],
    ],
    ['connections below 1', '  - { kind: load, protocol: ws, connections: 0, duration: 1s }', [/^6:46: stages\[0\]\.connections/]],
  ])('%s', (_name, stages, expected) => {
    const got = problems(plan('  mode: stream', stages));
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });
});
