/** Rows of data sets handed to users and requests (src/load/data-rows.ts), with known answers. */
import { describe, expect, it } from 'vitest';
import { DataRows } from '../../src/load/data-rows.js';
import { RowsExhausted } from '../../src/errors.js';
import { jsonMismatches } from '../../src/load/requests.js';
import { flowChecks, sessionLine } from '../../src/gate/flows.js';
import type { DataSet } from '../../src/plan/types.js';
import type { Vars } from '../../src/load/template.js';
import { stage } from '../helpers/reports.js';

const set = (pick: DataSet['pick'], n = 4): DataSet => ({
  name: 'users',
  file: 'users.csv',
  pick,
  columns: ['name', 'pw'],
  rows: Array.from({ length: n }, (_, i) => [`u${i + 1}`, `p${i + 1}`]),
});

const names = (rows: DataRows, draws: number, user?: (i: number) => number): string[] =>
  Array.from({ length: draws }, (_, i) => {
    const v: Vars = {};
    rows.fill(v, ['users'], user?.(i));
    return v['users.name']!;
  });

describe('DataRows', () => {
  it('sequential: closed-model user N has row N, wrapping; open-model draws go in order', () => {
    expect(names(new DataRows({ users: set('sequential') }), 6, (i) => i + 1)).toEqual(['u1', 'u2', 'u3', 'u4', 'u1', 'u2']);
    expect(names(new DataRows({ users: set('sequential') }), 5)).toEqual(['u1', 'u2', 'u3', 'u4', 'u1']);
  });

  it('sequential over parts (worker threads, shards): user N of part i of n is the plan user (N-1)·n + i', () => {
    const part = (index: number): string[] => names(new DataRows({ users: set('sequential', 10) }, { index, count: 3 }), 4, (i) => i + 1);
    const all = [...part(1), ...part(2), ...part(3)];
    expect(part(1)).toEqual(['u1', 'u4', 'u7', 'u10']);
    expect(part(2)).toEqual(['u2', 'u5', 'u8', 'u1']);
    // Users 1..10 of the plan have rows 1..10: no row twice among them.
    expect(new Set(all.slice(0, 10)).size).toBeGreaterThanOrEqual(9);
  });

  it('unique: each row once, then RowsExhausted naming the set and the file', () => {
    const rows = new DataRows({ users: set('unique', 3) });
    expect(names(rows, 3, (i) => i + 1)).toEqual(['u1', 'u2', 'u3']);
    expect(() => rows.fill({}, ['users'], 4)).toThrow(RowsExhausted);
    expect(() => rows.fill({}, ['users'])).toThrow('data users: all 3 rows of users.csv were used (pick: unique hands each row out once per run)');
  });

  it('unique over shards: the parts take disjoint rows', () => {
    const a = names(new DataRows({ users: set('unique', 6) }, { index: 1, count: 2 }), 3);
    const b = names(new DataRows({ users: set('unique', 6) }, { index: 2, count: 2 }), 3);
    expect(a).toEqual(['u1', 'u3', 'u5']);
    expect(b).toEqual(['u2', 'u4', 'u6']);
  });

  it('random: every row comes up, none outside the file', () => {
    const seen = new Set(names(new DataRows({ users: set('random') }), 400));
    expect([...seen].sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('copies every column of the row under SET.COLUMN, and knows which keys are its', () => {
    const rows = new DataRows({ users: set('sequential') });
    const v: Vars = {};
    rows.fill(v, ['users'], 2);
    expect(v).toEqual({ 'users.name': 'u2', 'users.pw': 'p2' });
    expect(rows.setsIn(['users.name', 'token', 'other.x', 'seq'])).toEqual(['users']);
  });
});

describe('expect.json', () => {
  // A literal (no raw given) equals as JSON; a rule string compares numbers.
  const e = (path: string, op: '=' | '>=' | '<' | '!=', value: unknown, raw?: string) =>
    raw === undefined ? { path, op, value, raw: JSON.stringify(value), literal: true as const } : { path, op, value, raw };
  it.each<[string, ReturnType<typeof e>[], string | undefined, string[]]>([
    ['literals that hold', [e('$.stock', '=', 0), e('$.state', '=', 'closed')], '{"stock":0,"state":"closed"}', []],
    ['a number that differs', [e('$.sold', '=', 100)], '{"sold":104}', ['$.sold is 104, expected 100']],
    ['a rule that holds', [e('$.stock', '>=', 0, '>= 0')], '{"stock":3}', []],
    ['a rule that does not', [e('$.stock', '>=', 0, '>= 0')], '{"stock":-4}', ['$.stock is -4, expected >= 0']],
    ['a numeric string meets a rule', [e('$.n', '<', 5, '< 5')], '{"n":"4"}', []],
    ['a missing path', [e('$.a.b', '=', 1)], '{"a":{}}', ['$.a.b is missing, expected 1']],
    ['deep equality, key order ignored', [e('$.o', '=', { a: 1, b: [2] })], '{"o":{"b":[2],"a":1}}', []],
    ['1 is not "1" for a literal', [e('$.s', '=', '1')], '{"s":1}', ['$.s is 1, expected "1"']],
    ['"0" is not 0 for a literal', [e('$.n', '=', 0)], '{"n":"0"}', ['$.n is "0", expected 0']],
    ['a rule string "= 100" compares numbers', [e('$.n', '=', 100, '= 100')], '{"n":"100"}', []],
    ['not JSON', [e('$.a', '=', 1)], '<html>oops</html>', ['the body is not JSON (<html>oops</html>)']],
    ['no body', [e('$.a', '=', 1)], undefined, ['the body is not JSON (empty)']],
  ])('%s', (_, expectations, body, out) => {
    expect(jsonMismatches(expectations, body)).toEqual(out);
  });
});

describe('flow checks', () => {
  it('every verify request is a check; a failed setup is one; all sessions failed fails, some failed warns', () => {
    const checks = flowChecks([
      stage({
        name: 'sale',
        setup: [{ name: 'reset', ok: false, status: 500, problems: ['answered 500, expected 2xx/3xx'], sample: 'boom', expected: '2xx/3xx' }],
        verify: [
          { name: 'stock', ok: true, status: 200, problems: [], expected: '2xx/3xx, $.stock = 0' },
          { name: 'sold', ok: false, status: 200, problems: ['$.sold is 104, expected 100'], expected: '2xx/3xx, $.sold = 100' },
        ],
        sessions: { users: 40, failed: 40, step: 'login', status: 409, reason: '409', sample: '{"error":"exists"}' },
      }),
      stage({ name: 'some', sessions: { users: 10, failed: 3, step: 'login', status: 0, reason: 'timeout' } }),
      stage({ name: 'fine', sessions: { users: 10, failed: 0 } }),
    ]);
    expect(checks.map((c) => [c.stage, c.kind, c.metric, c.verdict, c.note])).toEqual([
      ['sale', 'verify', 'setup reset', 'fail', 'answered 500, expected 2xx/3xx (boom)'],
      ['sale', 'verify', 'stock', 'pass', undefined],
      ['sale', 'verify', 'sold', 'fail', '$.sold is 104, expected 100'],
      ['sale', 'threshold', 'sessions', 'fail', 'login failed for 40 of 40 users: 409 ({"error":"exists"})'],
      ['some', 'threshold', 'sessions', 'warn', 'login failed for 3 of 10 users: timeout'],
    ]);
  });

  it('the session line reads as a sentence for one user too', () => {
    expect(sessionLine({ users: 1, failed: 1, step: 'login', reason: 'capture token ($.token) found nothing' })).toBe(
      'login failed for 1 of 1 user: capture token ($.token) found nothing',
    );
  });
});
