import { describe, it, expect } from 'vitest';
import { interpolate, interpolateString, runtimeVariables } from '../../src/plan/interpolate.js';

const env = { PERF_USER: 'alice', HOST: 'example.test', EMPTY: '', PERF_TOKEN: 'tok-1234567' };
const runtime = new Set(['seq', 'vu', 'iter', 'token']);

describe('interpolateString', () => {
  it.each([
    ['${PERF_USER}', 'alice'],
    ['user=${PERF_USER}@${HOST}', 'user=alice@example.test'],
    ['[${EMPTY}]', '[]'],
    ['no placeholders', 'no placeholders'],
    ['Bearer ${token}', 'Bearer ${token}'],
    ['id-${seq}-${vu}-${iter}', 'id-${seq}-${vu}-${iter}'],
    ['$${PERF_USER}', '${PERF_USER}'],
    ['$${NOT_SET}', '${NOT_SET}'],
    ['$${seq}', '$${seq}'],
    ['$5 and ${ not a name }', '$5 and ${ not a name }'],
  ])('%j → %j', (text, out) => {
    expect(interpolateString(text, env, runtime)).toMatchObject({ text: out, missing: [] });
  });

  it('names every missing variable', () => {
    expect(interpolateString('${PERF_PASS}:${PERF_USER}:${OTHER}', env, runtime)).toEqual({
      text: '${PERF_PASS}:alice:${OTHER}',
      missing: ['PERF_PASS', 'OTHER'],
      fromEnv: ['alice'],
    });
  });

  it('records every value taken from the environment, not runtime names or escapes', () => {
    expect(interpolateString('${PERF_USER}@${HOST} ${token} ${seq} $${PERF_TOKEN} [${EMPTY}]', env, runtime).fromEnv).toEqual(['alice', 'example.test', '']);
  });
});

describe('runtimeVariables', () => {
  it('has the builtins and every captured name from session and requests', () => {
    const raw = {
      session: [{ capture: { token: '$.t' } }],
      requests: [{ capture: { post_id: '$.id' } }, { path: '/x' }],
    };
    expect([...runtimeVariables(raw)].sort()).toEqual(['iter', 'post_id', 'seq', 'token', 'vu']);
  });

  it('tolerates plans of the wrong shape', () => {
    expect([...runtimeVariables('text')]).toEqual(['seq', 'vu', 'iter']);
    expect([...runtimeVariables({ session: 'x', requests: [null, { capture: [] }] })]).toEqual(['seq', 'vu', 'iter']);
  });
});

describe('interpolate', () => {
  it('substitutes in every string value, not in keys or other scalars', () => {
    const raw = {
      target: { url: 'http://${HOST}' },
      session: [{ json: { user: '${PERF_USER}', n: 3, ok: true }, capture: { token: '$.t' } }],
      requests: [{ headers: { '${HOST}': 'Bearer ${token}' } }],
    };
    expect(interpolate(raw, env)).toMatchObject({
      value: {
        target: { url: 'http://example.test' },
        session: [{ json: { user: 'alice', n: 3, ok: true }, capture: { token: '$.t' } }],
        requests: [{ headers: { '${HOST}': 'Bearer ${token}' } }],
      },
      issues: [],
    });
  });

  it('collects the distinct environment values long enough to be secrets (not short ones, runtime names or escapes)', () => {
    const raw = {
      target: { url: 'http://${HOST}' },
      session: [{ json: { user: '${PERF_USER}', password: '${PERF_TOKEN}', again: '${PERF_TOKEN}' }, capture: { token: '$.t' } }],
      requests: [{ path: '/x?e=${EMPTY}&n=${seq}', headers: { authorization: 'Bearer ${token}', 'x-escaped': '$${PERF_TOKEN}' } }],
    };
    // "alice" (5 characters) is below MIN_SECRET_LENGTH: hiding it would mangle every "alice" in a report.
    expect(interpolate(raw, env).secrets).toEqual(['example.test', 'tok-1234567']);
  });

  it('reports a missing variable at the path of its string', () => {
    const { issues } = interpolate({ session: [{ json: { password: '${PERF_PASS}' } }] }, env);
    expect(issues).toEqual([
      {
        path: ['session', 0, 'json', 'password'],
        at: 'value',
        message: 'environment variable PERF_PASS is not set (used in ${PERF_PASS})',
      },
    ]);
  });
});
