import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load.js';
import { headerSecrets, MIN_SECRET_LENGTH } from '../../src/plan/secrets.js';
import { planFingerprint } from '../../src/baseline/fingerprint.js';
import { PlanError } from '../../src/errors.js';

const SECRET = 'pg-planted-7f3a9c41';

const plan = (extra = '') => `version: 1
target: { url: "http://127.0.0.1:3000" }
defaults:
  headers: { x-api-key: "literal-api-key-1", accept: "application/json-literal" }
session:
  - { name: login, method: POST, path: /login, json: { password: "\${PERF_SECRET}" }, capture: { token: "$.token" } }
requests:
  - path: /items?key=\${PERF_SECRET}
    headers: { authorization: "Bearer \${token}", cookie: "sid=\${token}; pref=cookie-literal-9; a=b" }
  - { name: other, path: /other, headers: { proxy-authorization: "Basic dXNlcjpwYXNzd29yZA==", "x-plain": "not-a-secret-value" } }
${extra}stages:
  - { name: load, kind: load, rate: 10/s, duration: 1s }
`;

describe('the plan records its secrets', () => {
  it('values from the environment and the literal credentials of sensitive headers, not schemes, cookie names or runtime names', () => {
    const p = parsePlan(plan(), 'plan.yml', { PERF_SECRET: SECRET, SHORT: 'true' });
    expect(new Set(p.secrets)).toEqual(new Set([SECRET, 'literal-api-key-1', 'cookie-literal-9', 'dXNlcjpwYXNzd29yZA==']));
  });

  it('a plan with none has no secrets field', () => {
    const bare = 'version: 1\ntarget: { url: "http://127.0.0.1:3000" }\nrequests: [{ path: "/" }]\nstages: [{ name: s, kind: baseline, duration: 1s }]\n';
    expect(parsePlan(bare, 'plan.yml', { UNUSED: SECRET }).secrets).toBeUndefined();
  });

  it('headerSecrets ignores values shorter than MIN_SECRET_LENGTH', () => {
    const short = 'x'.repeat(MIN_SECRET_LENGTH - 1);
    const headers = { authorization: `Bearer ${short}`, cookie: `a=${short}`, 'x-api-key': 'y'.repeat(MIN_SECRET_LENGTH) };
    expect(headerSecrets({ defaults: { timeoutMs: 1, headers }, requests: [], session: [] })).toEqual(['y'.repeat(MIN_SECRET_LENGTH)]);
  });

  it('secrets never change the plan fingerprint', () => {
    const a = parsePlan(plan().replace('/items?key=${PERF_SECRET}', '/items'), 'plan.yml', { PERF_SECRET: SECRET });
    const b = parsePlan(plan().replace('/items?key=${PERF_SECRET}', '/items'), 'plan.yml', { PERF_SECRET: 'another-value-entirely' });
    expect(a.secrets).not.toEqual(b.secrets);
    expect(planFingerprint(a)).toBe(planFingerprint(b));
  });

  it('a plan error quoting a value from the environment does not print it', () => {
    const text = plan().replace('path: /items?key=', 'path: items?key=').replace('rate: 10/s', 'rate: "${PERF_SECRET}"');
    let err: unknown;
    try {
      parsePlan(text, 'plan.yml', { PERF_SECRET: SECRET });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanError);
    const message = (err as PlanError).message;
    expect(message).toMatch(/^plan\.yml:8:\d+: .*"items\?key=\*\*\*" must start with "\/"/m);
    expect(message).toMatch(/"\*\*\*" is not a rate/);
    expect(message).not.toContain(SECRET);
  });
});
