import { describe, it, expect } from 'vitest';
import { applyCaptures, classifyOutcome, compileRequest, weightedPicker } from '../../src/load/requests.js';
import type { HttpOutcome } from '../../src/load/http.js';
import type { RequestSpec } from '../../src/plan/types.js';
import { seededRandom } from '../../src/gate/statistics.js';

function spec(overrides: Partial<RequestSpec> = {}): RequestSpec {
  return { name: 'r', method: 'GET', path: '/', weight: 1, headers: {}, timeoutMs: 10_000, ...overrides };
}

describe('compileRequest', () => {
  it('builds method, path, headers and timeout of a static request', () => {
    const c = compileRequest(spec({ method: 'GET', path: '/posts?limit=10', headers: { accept: 'application/json' }, timeoutMs: 2_500 }), 3);
    expect(c.index).toBe(3);
    expect(c.build({})).toEqual({
      method: 'GET',
      path: '/posts?limit=10',
      headers: { accept: 'application/json' },
      body: undefined,
      timeoutMs: 2_500,
      readBody: false,
    });
  });

  it('fills path placeholders URI-encoded', () => {
    const c = compileRequest(spec({ path: '/users/${id}/posts/${seq}' }), 0);
    expect(c.build({ id: 'a b/c', seq: '7' })!.path).toBe('/users/a%20b%2Fc/posts/7');
    expect(c.build({ id: 'x', seq: '8' })!.path).toBe('/users/x/posts/8');
    // unknown names stay as written, unencoded
    // A value with none is never sent as a literal `${id}` (SPEC §5): the request is not built at all.
    expect(c.build({})).toBeUndefined();
  });

  it('fills header placeholders per build without touching the others', () => {
    const c = compileRequest(spec({ headers: { authorization: 'Bearer ${token}', accept: 'text/plain' } }), 0);
    const a = c.build({ token: 'aaa' })!;
    const b = c.build({ token: 'bbb' })!;
    expect(a.headers).toEqual({ authorization: 'Bearer aaa', accept: 'text/plain' });
    expect(b.headers).toEqual({ authorization: 'Bearer bbb', accept: 'text/plain' });
    expect(a.headers).not.toBe(b.headers);
  });

  it('reuses one headers object when no header has a placeholder', () => {
    const c = compileRequest(spec({ path: '/p/${id}', headers: { accept: 'application/json' } }), 0);
    const a = c.build({ id: '1' })!;
    const b = c.build({ id: '2' })!;
    expect(a.headers).toBe(b.headers);
    expect(a.path).toBe('/p/1');
    expect(b.path).toBe('/p/2');
  });

  it('does not share the static headers object with the spec (the spec is not mutated)', () => {
    const s = spec({ method: 'POST', json: { a: 1 }, headers: { accept: 'application/json' } });
    compileRequest(s, 0).build({})!;
    expect(s.headers).toEqual({ accept: 'application/json' });
  });

  it('json bodies get a content-type and JSON-escaped values', () => {
    const c = compileRequest(spec({ method: 'POST', path: '/posts', json: { title: '${title}', n: 2, tags: ['${tag}'] } }), 0);
    const req = c.build({ title: 'he said "hi"\n', tag: 'a\\b' })!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toBe('{"title":"he said \\"hi\\"\\n","n":2,"tags":["a\\\\b"]}');
    expect(JSON.parse(req.body!)).toEqual({ title: 'he said "hi"\n', n: 2, tags: ['a\\b'] });
  });

  it('a json body with placeholders also gets the headers object reused', () => {
    const c = compileRequest(spec({ method: 'POST', json: { id: '${seq}' } }), 0);
    const a = c.build({ seq: '1' })!;
    const b = c.build({ seq: '2' })!;
    expect(a.headers).toBe(b.headers);
    expect([a.body, b.body]).toEqual(['{"id":"1"}', '{"id":"2"}']);
  });

  it('an explicit content-type wins over the json default', () => {
    const c = compileRequest(spec({ method: 'POST', json: { a: 1 }, headers: { 'content-type': 'application/vnd.api+json' } }), 0);
    expect(c.build({})!.headers['content-type']).toBe('application/vnd.api+json');
  });

  it('raw bodies are templated without escaping and get no content-type', () => {
    const c = compileRequest(spec({ method: 'PUT', body: 'name=${name}&q="${q}"' }), 0);
    const req = c.build({ name: 'a b', q: 'x"y' })!;
    expect(req.body).toBe('name=a b&q="x"y"');
    expect(req.headers['content-type']).toBeUndefined();
  });

  it.each<[string, Partial<RequestSpec>, boolean]>([
    ['plain', {}, false],
    ['status expectation only', { expect: { status: [200] } }, false],
    ['body check', { expect: { bodyContains: 'ok' } }, true],
    ['empty body check', { expect: { bodyContains: '' } }, true],
    ['capture', { capture: { token: '$.token' } }, true],
    ['empty capture map', { capture: {} }, false],
  ])('readBody for %s → %s', (_name, overrides, readBody) => {
    expect(compileRequest(spec(overrides), 0).build({})!.readBody).toBe(readBody);
  });
});

describe('classifyOutcome', () => {
  const out = (status: number, extra: Partial<HttpOutcome> = {}): HttpOutcome => ({ status, ...extra });

  it.each<[string, Partial<RequestSpec>, HttpOutcome, string | undefined]>([
    ['transport timeout', {}, out(0, { failure: 'timeout' }), 'timeout'],
    ['transport connect failure', {}, out(0, { failure: 'connect' }), 'connect'],
    ['transport failure wins over an expected status', { expect: { status: [0] } }, out(0, { failure: 'connect' }), 'connect'],
    ['200', {}, out(200), undefined],
    ['204', {}, out(204), undefined],
    ['302 with no expectation is fine', {}, out(302), undefined],
    ['399', {}, out(399), undefined],
    ['400', {}, out(400), 'http_4xx'],
    ['404 without expect.status', {}, out(404), 'http_4xx'],
    ['404 with expect.status [404]', { expect: { status: [404] } }, out(404), undefined],
    ['404 with expect.status [200, 404]', { expect: { status: [200, 404] } }, out(404), undefined],
    ['empty expect.status list = default rule', { expect: { status: [] } }, out(404), 'http_4xx'],
    ['429', {}, out(429), 'rate_limited'],
    ['429 with expect.status [200]', { expect: { status: [200] } }, out(429), 'rate_limited'],
    ['429 expected', { expect: { status: [429] } }, out(429), undefined],
    ['500', {}, out(500), 'http_5xx'],
    ['503', {}, out(503), 'http_5xx'],
    ['500 with expect.status [200]', { expect: { status: [200] } }, out(500), 'http_5xx'],
    ['404 with expect.status [200]', { expect: { status: [200] } }, out(404), 'http_4xx'],
    ['200 with expect.status [201] → check', { expect: { status: [201] } }, out(200), 'check'],
    ['301 with expect.status [200] → check', { expect: { status: [200] } }, out(301), 'check'],
    ['201 with expect.status [200, 201]', { expect: { status: [200, 201] } }, out(201), undefined],
  ])('%s → %s', (_name, overrides, outcome, kind) => {
    expect(classifyOutcome(spec(overrides), outcome, {})).toBe(kind);
  });

  it.each<[string, string | undefined, Record<string, string>, string | undefined]>([
    ['"ok":true', '{"ok":true}', {}, undefined],
    ['"ok":true', '{"ok":false}', {}, 'check'],
    ['"ok":true', undefined, {}, 'check'],
    ['', '', {}, undefined],
    ['"id":"${seq}"', '{"op":"pong","id":"7"}', { seq: '7' }, undefined],
    ['"id":"${seq}"', '{"op":"pong","id":"7"}', { seq: '8' }, 'check'],
  ])('body must contain %j: body %j with %j → %s', (contains, body, vars, kind) => {
    expect(classifyOutcome(spec({ expect: { bodyContains: contains } }), out(200, { body }), vars)).toBe(kind);
  });

  it('a bad status is reported as its class before the body check', () => {
    expect(classifyOutcome(spec({ expect: { status: [200], bodyContains: 'ok' } }), out(503, { body: 'ok' }), {})).toBe('http_5xx');
  });
});

describe('applyCaptures', () => {
  it('no capture section is a success and leaves vars alone', () => {
    const vars = { a: '1' };
    expect(applyCaptures(spec(), 'not json', vars)).toBe(true);
    expect(vars).toEqual({ a: '1' });
  });

  it.each<[string, string | undefined, Record<string, string>, boolean, Record<string, string>]>([
    ['string value', '{"access_token":"abc"}', { token: '$.access_token' }, true, { token: 'abc' }],
    ['number value', '{"user":{"id":42}}', { id: '$.user.id' }, true, { id: '42' }],
    ['boolean value', '{"ok":false}', { ok: '$.ok' }, true, { ok: 'false' }],
    ['object value as JSON', '{"a":{"b":[1,"x"]}}', { a: '$.a' }, true, { a: '{"b":[1,"x"]}' }],
    ['array element', '{"items":[{"id":"p1"},{"id":"p2"}]}', { first: '$.items[1].id' }, true, { first: 'p2' }],
    ['bracket key', '{"x-id":"q"}', { x: "$['x-id']" }, true, { x: 'q' }],
    ['empty string is a value', '{"s":""}', { s: '$.s' }, true, { s: '' }],
    ['missing', '{"a":1}', { b: '$.b' }, false, {}],
    ['null is missing', '{"b":null}', { b: '$.b' }, false, {}],
    ['not JSON', '<html>', { b: '$.b' }, false, {}],
    ['no body', undefined, { b: '$.b' }, false, {}],
    ['one present, one missing', '{"a":"1"}', { a: '$.a', b: '$.b' }, false, { a: '1' }],
  ])('%s', (_name, body, capture, ok, captured) => {
    const vars: Record<string, string> = {};
    expect(applyCaptures(spec({ capture }), body, vars)).toBe(ok);
    expect(vars).toEqual(captured);
  });

  it('overwrites an earlier value of the same variable', () => {
    const vars = { token: 'old', keep: 'k' };
    expect(applyCaptures(spec({ capture: { token: '$.t' } }), '{"t":"new"}', vars)).toBe(true);
    expect(vars).toEqual({ token: 'new', keep: 'k' });
  });
});

describe('weightedPicker', () => {
  const item = (name: string, weight: number) => ({ name, spec: { weight } });
  const count = (pick: () => { name: string }, n: number): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const k = pick().name;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  };

  it.each<[number[], number]>([
    [[5, 1], 1],
    [[5, 1], 2],
    [[1, 1, 1, 1], 3],
    [[70, 20, 10], 4],
    [[1, 0, 3], 5],
  ])('weights %j, seed %d: each share within 2 percent of its weight over 60000 picks', (weights, seed) => {
    const items = weights.map((w, i) => item(`r${i}`, w));
    const counts = count(weightedPicker(items, seededRandom(seed)), 60_000);
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, i) => {
      const expected = (60_000 * w) / total;
      const got = counts[`r${i}`] ?? 0;
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(0.02 * expected);
    });
  });

  it('weights 5:1 give 50000 : 10000 over 60000 picks (±2 %)', () => {
    const counts = count(weightedPicker([item('list', 5), item('create', 1)], seededRandom(42)), 60_000);
    expect(counts.list! + counts.create!).toBe(60_000);
    expect(counts.list!).toBeGreaterThanOrEqual(49_000);
    expect(counts.list!).toBeLessThanOrEqual(51_000);
    expect(counts.create!).toBeGreaterThanOrEqual(9_800);
    expect(counts.create!).toBeLessThanOrEqual(10_200);
  });

  it('a zero weight is never picked', () => {
    const counts = count(weightedPicker([item('a', 1), item('never', 0), item('b', 1)], seededRandom(7)), 10_000);
    expect(counts.never).toBeUndefined();
  });

  it.each<[number, string]>([
    [0, 'a'],
    [0.1666, 'a'],
    [1 / 6, 'b'],
    [0.4999, 'b'],
    [0.5, 'c'],
    [0.9999999, 'c'],
  ])('weights 1:2:3, random() = %d → %s (cumulative boundaries)', (r, name) => {
    const pick = weightedPicker([item('a', 1), item('b', 2), item('c', 3)], () => r);
    expect(pick().name).toBe(name);
  });

  it('a single item is always picked without drawing a random number', () => {
    let draws = 0;
    const only = item('only', 3);
    const pick = weightedPicker([only], () => {
      draws++;
      return 0.5;
    });
    expect(pick()).toBe(only);
    expect(pick()).toBe(only);
    expect(draws).toBe(0);
  });

  it('the same seed gives the same sequence of picks', () => {
    const items = [item('a', 2), item('b', 3), item('c', 5)];
    const seq = (seed: number) => {
      const pick = weightedPicker(items, seededRandom(seed));
      return Array.from({ length: 50 }, () => pick().name).join('');
    };
    expect(seq(99)).toBe(seq(99));
    expect(seq(99)).not.toBe(seq(100));
  });
});
