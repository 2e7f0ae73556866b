import { describe, it, expect } from 'vitest';
import { compileTemplate, jsonStringEscape } from '../../src/load/template.js';
import { parseJsonPath, readJsonPath } from '../../src/jsonpath.js';

describe('compileTemplate', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['/posts', { id: '1' }, '/posts'],
    ['', {}, ''],
    ['/posts/${id}', { id: '42' }, '/posts/42'],
    ['${a}${b}', { a: 'x', b: 'y' }, 'xy'],
    ['Bearer ${token}', { token: 'abc.def' }, 'Bearer abc.def'],
    ['${seq}-${vu}-${seq}', { seq: '7', vu: '3' }, '7-3-7'],
    ['${_under_score1}!', { _under_score1: 'ok' }, 'ok!'],
    // A runtime name with no value (a failed capture): no string at all, so nothing is sent.
    ['/users/${id}/posts', {}, undefined],
    ['${missing}', {}, undefined],
    ['${a}-${b}', { a: '1' }, undefined],
    // Data columns are read from the row the user (or request) was given.
    ['/u/${users.email}', { 'users.email': 'a@b' }, '/u/a@b'],
    ['/u/${users.email}', {}, undefined],
    // A set-but-empty value is a value.
    ['[${a}]', { a: '' }, '[]'],
    // `$${name}` is the escape for a literal `${name}`.
    ['$${HOME}/x', { HOME: '/root' }, '${HOME}/x'],
    ['$${a}=${a}', { a: '1' }, '${a}=1'],
    ['cost $$5 and $${x}', {}, 'cost $$5 and ${x}'],
    // Not a placeholder: left as is.
    ['cost: ${1abc} and ${ spaced }', { '1abc': 'no' }, 'cost: ${1abc} and ${ spaced }'],
    ['$id {id} $ {id}', { id: 'no' }, '$id {id} $ {id}'],
    ['price ${} then ${x}', { x: '5' }, 'price ${} then 5'],
    // Values are inserted verbatim: no second pass over the inserted text.
    ['${a}', { a: '${b}', b: 'nope' }, '${b}'],
  ])('%j with %j → %j', (text, vars, out: string | undefined) => {
    expect(compileTemplate(text)(vars)).toBe(out);
  });

  it('a template without placeholders ignores the escape and returns the text as is', () => {
    let called = 0;
    const t = compileTemplate('{"a":"b\\"c"}', (v) => {
      called++;
      return v.toUpperCase();
    });
    expect(t({ a: 'z' })).toBe('{"a":"b\\"c"}');
    expect(called).toBe(0);
  });

  it('the escape function is applied to the values only, never to the literal text', () => {
    const calls: string[] = [];
    const t = compileTemplate('<b>${name}</b> & <i>${other}</i>', (v) => {
      calls.push(v);
      return v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    });
    expect(t({ name: 'a<b', other: 'x&y' })).toBe('<b>a&lt;b</b> & <i>x&amp;y</i>');
    expect(calls).toEqual(['a<b', 'x&y']);
  });

  it('names that are not runtime names, and escaped `$${name}` literals, are text, not passed through the escape', () => {
    const calls: string[] = [];
    const t = compileTemplate(
      '[${gone}] [$${lit}] [${set}]',
      (v) => {
        calls.push(v);
        return `<${v}>`;
      },
      new Set(['set']),
    );
    expect(t({ set: 'v', lit: 'no' })).toBe('[${gone}] [${lit}] [<v>]');
    expect(calls).toEqual(['v']);
  });

  it('a template of escaped placeholders only is constant', () => {
    const t = compileTemplate('$${a} and $${b}');
    expect(t({ a: '1', b: '2' })).toBe('${a} and ${b}');
    expect(t({})).toBe('${a} and ${b}');
  });

  it('encodeURIComponent as the escape encodes path values', () => {
    const t = compileTemplate('/search/${q}?page=${p}', encodeURIComponent);
    expect(t({ q: 'a b/c?d', p: '2' })).toBe('/search/a%20b%2Fc%3Fd?page=2');
  });

  it('${random(MIN,MAX)} draws an integer within both ends, anew per render', () => {
    const t = compileTemplate('/items/${random(1,10)}');
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(t({})!);
    expect([...seen].map((p) => Number(p.slice(7))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const negative = compileTemplate('${random(-2, -2)}');
    expect(negative({})).toBe('-2');
  });

  it('${uuid()} is a fresh v4 UUID per render', () => {
    const t = compileTemplate('{"id":"${uuid()}"}', jsonStringEscape);
    const a = JSON.parse(t({})!).id as string;
    const b = JSON.parse(t({})!).id as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('a compiled template is reusable with different vars', () => {
    const t = compileTemplate('id=${id}');
    expect(['1', '2', '3'].map((id) => t({ id }))).toEqual(['id=1', 'id=2', 'id=3']);
  });
});

describe('jsonStringEscape', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak\ttab', 'line\\nbreak\\ttab'],
    ['\u0001ctl', '\\u0001ctl'],
    ['ünïcødé ✓', 'ünïcødé ✓'],
  ])('%j → %j', (value, escaped) => {
    expect(jsonStringEscape(value)).toBe(escaped);
  });

  it('inserted into a JSON string literal, the value parses back unchanged', () => {
    const t = compileTemplate('{"title":"${title}","n":1}', jsonStringEscape);
    for (const title of ['a "quoted" \\ value', 'x\ny', '}{"', '']) {
      expect(JSON.parse(t({ title })!)).toEqual({ title, n: 1 });
    }
  });
});

describe('parseJsonPath', () => {
  it.each<[string, Array<string | number>]>([
    ['$', []],
    ['$.a', ['a']],
    ['$.a.b[0].c', ['a', 'b', 0, 'c']],
    ['$[0]', [0]],
    ['$[12][3]', [12, 3]],
    ["$['x-y']", ['x-y']],
    ['$["x y"].z', ['x y', 'z']],
    ["$.data['access-token']", ['data', 'access-token']],
    ['$.access_token', ['access_token']],
    ['$.$ref', ['$ref']],
    ['$.kebab-name', ['kebab-name']],
  ])('%s → %j', (path, steps) => {
    expect(parseJsonPath(path)).toEqual(steps);
  });

  it.each([
    ['a.b', 'JSONPath must start with "$": a.b'],
    ['', 'JSONPath must start with "$": '],
    ['.a', 'JSONPath must start with "$"'],
    ['$a', 'unsupported JSONPath "$a" at character 2'],
    ['$.a[', 'unsupported JSONPath "$.a[" at character 4'],
    ['$..a', 'unsupported JSONPath "$..a" at character 2'],
    ['$.a[*]', 'unsupported JSONPath "$.a[*]" at character 4'],
    ['$.a[-1]', 'unsupported JSONPath "$.a[-1]" at character 4'],
    ['$.0', 'unsupported JSONPath "$.0" at character 2'],
    ["$['']", 'unsupported JSONPath'],
    ['$.a.', 'unsupported JSONPath "$.a." at character 4'],
  ])('%j throws %j', (path, message) => {
    expect(() => parseJsonPath(path)).toThrow(message);
  });
});

describe('readJsonPath', () => {
  const doc = {
    access_token: 'tok',
    a: { b: [{ c: 1 }, { c: 'two' }], n: null, zero: 0, f: false, empty: '' },
    'x-y': 'dash',
    list: [10, 20, 30],
  };

  it.each<[string, unknown]>([
    ['$', doc],
    ['$.access_token', 'tok'],
    ['$.a.b[0].c', 1],
    ['$.a.b[1].c', 'two'],
    ['$.a.b[0]', { c: 1 }],
    ["$['x-y']", 'dash'],
    ['$.list[2]', 30],
    // Falsy values are values, not "missing".
    ['$.a.n', null],
    ['$.a.zero', 0],
    ['$.a.f', false],
    ['$.a.empty', ''],
    // Missing → undefined.
    ['$.nope', undefined],
    ['$.a.b[5].c', undefined],
    ['$.a.b[0].c.d', undefined],
    ['$.a.n.x', undefined],
    ['$.access_token.length', undefined],
    ['$.list[3]', undefined],
  ])('%s → %j', (path, value) => {
    expect(readJsonPath(doc, path)).toEqual(value);
  });

  it('reads from a top-level array and from scalars', () => {
    expect(readJsonPath([{ id: 9 }], '$[0].id')).toBe(9);
    expect(readJsonPath('text', '$.a')).toBeUndefined();
    expect(readJsonPath(null, '$.a')).toBeUndefined();
    expect(readJsonPath(42, '$')).toBe(42);
  });

  it('bad paths throw even when the document is empty', () => {
    expect(() => readJsonPath({}, 'a.b')).toThrow('JSONPath must start with "$"');
    expect(() => readJsonPath({}, '$[x]')).toThrow('unsupported JSONPath');
  });

  // Own properties only: keys every object inherits (constructor, toString, __proto__) are not
  // "found", so a capture `{ id: "$.constructor" }` against `{}` is missing, not a function.
  it('missing keys that exist on Object.prototype read as undefined', () => {
    const parsed = JSON.parse('{"id":1}') as unknown;
    expect(readJsonPath(parsed, '$.constructor')).toBeUndefined();
    expect(readJsonPath(parsed, '$.toString')).toBeUndefined();
  });
});
