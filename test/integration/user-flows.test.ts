/**
 * Real user flows against a loopback shop (SPEC §5): users from a CSV each log in with their own
 * row, random values, a per-stage mix, setup and verify ("exactly 100 sold"), and sessions that
 * fail loudly without ever sending a literal `${token}`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/load/run-plan.js';
import { stageReport } from '../../src/report/build.js';
import { gate } from '../../src/gate/index.js';
import type { StageReport } from '../../src/model/report.js';
import { startShop, USERS, type Shop } from '../helpers/shop.js';

let shop: Shop;
let dir: string;
beforeAll(async () => {
  shop = await startShop();
  dir = mkdtempSync(path.join(tmpdir(), 'pg-flows-'));
  writeFileSync(path.join(dir, 'users.csv'), `name,password\n${USERS.map((u) => u.join(',')).join('\n')}\n`);
  writeFileSync(path.join(dir, 'bad-users.json'), JSON.stringify(USERS.map(([name]) => ({ name, password: 'wrong-password' }))));
});
afterAll(async () => {
  await shop.close();
});

async function run(text: string): Promise<StageReport[]> {
  const file = path.join(dir, 'plan.yml');
  writeFileSync(file, text);
  const plan = parsePlan(text, file, {});
  const result = await runPlan(plan, { targetUrl: shop.url, cwd: dir, probe: false });
  return result.stages.map(stageReport);
}

const LOGIN = `session:
  - name: login
    method: POST
    path: /login
    json: { name: "\${users.name}", password: "\${users.password}" }
    capture: { token: $.token }
`;

describe('users from a data file', () => {
  it('each closed-model user logs in with its own CSV row and sends its own token', async () => {
    shop.logins = [];
    shop.seen = [];
    const [s] = await run(`version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: users.csv }
${LOGIN}requests:
  - { name: item, path: "/items/\${random(1,10)}", headers: { authorization: "Bearer \${token}" } }
stages:
  - { name: load, kind: load, vus: 5, think: 20ms, duration: 1s }
`);
    expect(s!.errors).toBe(0);
    expect([...shop.logins].sort()).toEqual(['ann', 'bob', 'cy', 'dee', 'eve']);
    expect(s!.sessions).toEqual({ users: 5, failed: 0 });
    // Every request carried the token of a user that logged in, and each user's own.
    const tokens = new Set(shop.seen.map((x) => x.auth));
    expect(tokens).toEqual(new Set(USERS.map(([n]) => `Bearer tok-${n}`)));
  });

  it('${random(1,10)} reaches at least 8 distinct values in 200 requests, all within 1..10', async () => {
    shop.seen = [];
    const [s] = await run(`version: 1
target: { url: http://127.0.0.1:1 }
requests:
  - { name: item, path: "/items/\${random(1,10)}", headers: { authorization: "Bearer tok-ann" } }
stages:
  - { name: load, kind: load, rate: 100/s, duration: 2s }
`);
    expect(s!.requests).toBe(200);
    const ids = shop.seen.map((x) => Number(x.path.slice(7)));
    expect(ids).toHaveLength(200);
    expect(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 10)).toBe(true);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(8);
  });
});

const SHOP_PLAN = `version: 1
target: { url: http://127.0.0.1:1 }
requests:
  - { name: browse, path: "/items/1", headers: { authorization: "Bearer tok-ann" } }
  - { name: buy, method: POST, path: /buy/1, expect: { status: [200, 409] } }
stages:
  - name: sale
    kind: burst
    size: 150
    cycles: 1
    requests: [buy]
    setup:
      - { name: reset, method: POST, path: /reset }
    verify:
      - name: inventory
        path: /inventory/1
        expect: { json: { "$.stock": 0, "$.sold": 100 } }
      - name: never negative
        path: /inventory/1
        expect: { json: { "$.stock": ">= 0" } }
`;

describe('setup and verify: 150 buyers race for a stock of 100', () => {
  it('passes verify on a correct shop, and the stage sends only its own part of the mix', async () => {
    shop.oversells = false;
    shop.seen = [];
    const stages = await run(SHOP_PLAN);
    const s = stages[0]!;
    expect(s.requests).toBe(150);
    expect(s.endpoints.map((e) => e.name)).toEqual(['buy']);
    expect(shop.seen).toHaveLength(0); // browse is not in this stage's mix
    expect(s.setup).toEqual([expect.objectContaining({ name: 'reset', ok: true, status: 200 })]);
    expect(s.verify?.map((v) => v.ok)).toEqual([true, true]);
    const result = gate({ thresholds: {}, regression: [] }, stages);
    expect(result.checks.filter((c) => c.kind === 'verify').map((c) => [c.metric, c.verdict])).toEqual([
      ['inventory', 'pass'],
      ['never negative', 'pass'],
    ]);
    expect(result.verdict).toBe('pass');
  });

  it('fails verify on a shop that oversells under concurrency, saying what it found', async () => {
    shop.oversells = true;
    try {
      const stages = await run(SHOP_PLAN);
      const v = stages[0]!.verify!;
      expect(v[0]!.ok).toBe(false);
      expect(v[0]!.problems.join('; ')).toMatch(/\$\.stock is \d+, expected 0|\$\.sold is \d+, expected 100/);
      const result = gate({ thresholds: {}, regression: [] }, stages);
      expect(result.verdict).toBe('fail');
      const failed = result.checks.find((c) => c.kind === 'verify' && c.verdict === 'fail')!;
      expect(failed.limit).toBe('2xx/3xx, $.stock = 0, $.sold = 100');
    } finally {
      shop.oversells = false;
    }
  });
});

describe('sessions that fail loudly', () => {
  it('bad credentials: every user has a session error, no request leaves without its token, the gate fails with the line', async () => {
    shop.seen = [];
    const stages = await run(`version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: bad-users.json }
${LOGIN}requests:
  - { name: item, path: /items/1, headers: { authorization: "Bearer \${token}" } }
stages:
  - { name: load, kind: load, vus: 5, think: 10ms, duration: 1s }
  - { name: open, kind: load, rate: 50/s, duration: 1s }
`);
    const [closed, open] = stages;
    expect(shop.seen).toHaveLength(0);
    expect(closed!.requests).toBe(0);
    expect(closed!.errors_by_kind.session).toBe(5);
    expect(closed!.sessions).toMatchObject({ users: 5, failed: 5, step: 'login', status: 409, reason: '409' });
    expect(closed!.sessions!.sample).toContain('no user');
    expect(open!.sessions).toMatchObject({ users: 1, failed: 1 });
    expect(open!.requests).toBe(0);
    const result = gate({ thresholds: {}, regression: [] }, stages);
    expect(result.verdict).toBe('fail');
    const check = result.checks.find((c) => c.metric === 'sessions' && c.stage === 'load')!;
    expect(check.verdict).toBe('fail');
    expect(check.note).toMatch(/^login failed for 5 of 5 users: 409 \(\{"error":"no user ann with that password"\}\)$/);
  });

  it('a capture a request depends on that never came: the request is counted as unsent, never sent with ${...}', async () => {
    shop.seen = [];
    const [s] = await run(`version: 1
target: { url: http://127.0.0.1:1 }
requests:
  - { name: make, method: POST, path: /nothing, capture: { cart: $.id }, expect: { status: 404 } }
  - { name: item, path: "/items/\${cart}", headers: { authorization: "Bearer tok-ann" } }
stages:
  - { name: load, kind: load, vus: 2, think: 10ms, duration: 1s }
`);
    expect(shop.seen).toHaveLength(0);
    expect(s!.unsent?.count).toBeGreaterThan(0);
    expect(s!.unsent?.missing).toEqual(['cart']);
  });
});

describe('pick: unique', () => {
  it('an open-model stage that needs more rows than the file has stops with a clear reason, and the gate fails', async () => {
    const stages = await run(`version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: users.csv, pick: unique }
requests:
  - { name: item, path: "/items/\${users.name}", headers: { authorization: "Bearer tok-ann" } }
stages:
  - { name: open, kind: load, rate: 50/s, duration: 1s }
`);
    const s = stages[0]!;
    expect(s.requests).toBe(5);
    expect(s.aborted?.reason).toMatch(/data users: all 5 rows of users.csv were used \(pick: unique/);
    expect(gate({ thresholds: {}, regression: [] }, stages).verdict).toBe('fail');
  });
});

describe('values in every place a request reads them', () => {
  it('open model with a row per request: a data column in expect.body is filled, and what a request captures reaches the next', async () => {
    shop.seen = [];
    const [s] = await run(`version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: users.csv, pick: random }
requests:
  - { name: echo, path: "/echo?name=\${users.name}&t=tok-\${users.name}", expect: { body: "\${users.name}" }, capture: { t: $.t } }
  - { name: item, path: /items/1, headers: { authorization: "Bearer \${t}" }, weight: 0.5 }
stages:
  - { name: open, kind: load, rate: 100/s, duration: 1s }
`);
    expect(s!.errors).toBe(0);
    const items = s!.endpoints.find((e) => e.name === 'item');
    expect(items?.requests ?? 0).toBeGreaterThan(0);
    expect(shop.seen.every((x) => /^Bearer tok-\w+$/.test(x.auth ?? ''))).toBe(true);
  });

  it('a verify behind a login runs a session of its own; the users of the stage log in for themselves', async () => {
    const stages = await run(`version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: users.csv }
${LOGIN}requests:
  - { name: buy, method: POST, path: /buy/1, expect: { status: [200, 409] } }
stages:
  - name: sale
    kind: burst
    size: 120
    cycles: 1
    setup: [{ name: reset, method: POST, path: /reset }]
    verify:
      - { name: admin view, path: /admin/inventory/1, headers: { authorization: "Bearer \${token}" }, expect: { json: { "$.sold": 100 } } }
`);
    expect(stages[0]!.verify).toEqual([expect.objectContaining({ name: 'admin view', ok: true, status: 200 })]);
  });

  it('setup that fails to capture what the stage needs: nothing is sent, and the gate fails saying why', async () => {
    shop.seen = [];
    const stages = await run(`version: 1
target: { url: http://127.0.0.1:1 }
requests:
  - { name: item, path: "/items/\${item}", headers: { authorization: "Bearer tok-ann" } }
stages:
  - name: load
    kind: load
    vus: 3
    think: 10ms
    duration: 1s
    setup: [{ name: create, method: POST, path: /reset, capture: { item: $.id } }]
`);
    expect(shop.seen).toHaveLength(0);
    const result = gate({ thresholds: {}, regression: [] }, stages);
    expect(result.checks.filter((c) => c.verdict === 'fail').map((c) => [c.metric, c.note])).toEqual([
      ['setup create', 'capture item found nothing ({"stock":100})'],
      ['unsent', '3 requests were not sent: ${item} had no value (a capture that failed, or one setup did not make)'],
    ]);
  });
});
