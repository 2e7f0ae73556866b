/**
 * Real user flows through the bundled CLI (SPEC §5): a stock race judged by `verify`, bad
 * credentials that fail loudly, exit codes, and what the summary and report.json say.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import { startShop, USERS, type Shop } from '../helpers/shop.js';

let shop: Shop;
let dir: string;
beforeAll(async () => {
  shop = await startShop();
  dir = await mkdtemp(path.join(tmpdir(), 'pg-cli-flows-'));
  await writeFile(path.join(dir, 'users.csv'), `name,password\n${USERS.map(([n]) => `${n},wrong-${n}-pw`).join('\n')}\n`);
});
afterAll(async () => {
  await shop.close();
});

const SALE = `version: 1
target: { url: http://127.0.0.1:1 }
requests:
  - { name: buy, method: POST, path: /buy/1, expect: { status: [200, 409] } }
stages:
  - name: sale
    kind: burst
    size: 150
    cycles: 1
    setup: [{ name: reset, method: POST, path: /reset }]
    verify:
      - { name: inventory, path: /inventory/1, expect: { json: { "$.stock": 0, "$.sold": 100 } } }
`;

describe('verify through the CLI', () => {
  it('a correct shop passes (exit 0); one that oversells under 150 concurrent buyers fails (exit 1) and says what it found', async () => {
    await writeFile(path.join(dir, 'sale.yml'), SALE);
    shop.oversells = false;
    const ok = await runCli(['run', 'sale.yml', '--target', shop.url, '--out', 'ok'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    shop.oversells = true;
    try {
      const bad = await runCli(['run', 'sale.yml', '--target', shop.url, '--out', 'bad'], { cwd: dir });
      expect(bad.code, bad.stderr).toBe(1);
      // What the shop answered, in the one line both doors print; no warning, no stack.
      expect(bad.stderr).toMatch(/perf-gate: the gate failed: sale inventory: \$\.(stock|sold) is \d+, expected (0|100)/);
      expect(bad.stderr).not.toMatch(/Warning|\n\s+at /);
      expect(bad.stdout).toMatch(/FAIL\s+sale\s+inventory 2xx\/3xx, \$\.stock = 0, \$\.sold = 100/);
      const report = JSON.parse(await readFile(path.join(dir, 'bad', 'report.json'), 'utf8'));
      const check = report.checks.find((c: { kind: string }) => c.kind === 'verify');
      expect(check).toMatchObject({ stage: 'sale', metric: 'inventory', verdict: 'fail' });
      expect(check.note).toMatch(/\$\.(stock|sold) is \d+, expected (0|100)/);
      const summary = await readFile(path.join(dir, 'bad', 'summary.md'), 'utf8');
      expect(summary).toMatch(/❌ \*\*sale\*\* verify `inventory`: \$\.(stock|sold) is/);
    } finally {
      shop.oversells = false;
    }
  });
});

describe('sessions that fail loudly through the CLI', () => {
  it('bad credentials: exit 1, "login failed for 5 of 5 users: 409 (...)" on the console and in the summary, no item request sent', async () => {
    await writeFile(
      path.join(dir, 'login.yml'),
      `version: 1
target: { url: http://127.0.0.1:1 }
data:
  users: { file: users.csv }
session:
  - { name: login, method: POST, path: /login, json: { name: "\${users.name}", password: "\${users.password}" }, capture: { token: $.token } }
requests:
  - { name: item, path: /items/1, headers: { authorization: "Bearer \${token}" } }
stages:
  - { name: shoppers, kind: load, vus: 5, think: 10ms, duration: 1s }
`,
    );
    shop.seen = [];
    const r = await runCli(['run', 'login.yml', '--target', shop.url, '--out', 'login'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(shop.seen).toHaveLength(0);
    const line = 'login failed for 5 of 5 users: 409 ({"error":"no user ann with that password"})';
    expect(r.stdout).toContain(line);
    expect(r.stderr).toContain(`perf-gate: the gate failed: shoppers ${line}`);
    expect(await readFile(path.join(dir, 'login', 'summary.md'), 'utf8')).toContain(line);
    // The passwords are a data column named like a secret: never in an output.
    const report = await readFile(path.join(dir, 'login', 'report.json'), 'utf8');
    expect(report).not.toContain('wrong-ann-pw');
    expect(JSON.parse(report).stages[0].errors_by_kind.session).toBe(5);
  });
});
