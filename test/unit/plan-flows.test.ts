/** Plan keys for real user flows (SPEC §5): data sets, placeholders, per-stage mixes, setup and verify. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { isSecretColumn, tableFromCsv, tableFromJson } from '../../src/plan/check-data.js';
import { shardPlan } from '../../src/load/shard.js';
import { parsePlaceholder } from '../../src/plan/placeholders.js';
import { planProblems } from '../helpers/plan.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pg-plan-flows-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const users = file('users.csv', 'name,password\nann,"pw, with comma"\nbob,pw-bob-2\n');
const usersJson = file(
  'users.json',
  JSON.stringify([
    { name: 'ann', age: 31 },
    { name: 'bob', tags: ['x'] },
  ]),
);

const head = `version: 1
target: { url: http://127.0.0.1:3000 }
`;

describe('data sets', () => {
  it('reads a CSV with a header row (quoted cells kept whole) and a JSON array of objects', () => {
    const plan = parsePlan(
      `${head}data:
  users: { file: ${users} }
  people: { file: ${usersJson}, pick: random }
requests: [{ name: home, path: "/u/\${users.name}?age=\${people.age}" }]
stages: [{ name: b, kind: baseline, duration: 1s }]
`,
      'plan.yml',
      {},
    );
    expect(plan.data!.users).toMatchObject({
      pick: 'sequential',
      columns: ['name', 'password'],
      rows: [
        ['ann', 'pw, with comma'],
        ['bob', 'pw-bob-2'],
      ],
    });
    // JSON: every key of any row is a column; a missing one is "", a non-string its JSON.
    expect(plan.data!.people).toMatchObject({
      pick: 'random',
      columns: ['name', 'age', 'tags'],
      rows: [
        ['ann', '31', ''],
        ['bob', '', '["x"]'],
      ],
    });
  });

  it('a password column is a secret: hidden like an env value', () => {
    const plan = parsePlan(
      `${head}data:\n  users: { file: ${users} }\nrequests: [{ name: home, path: "/\${users.name}" }]\nstages: [{ name: b, kind: baseline, duration: 1s }]\n`,
      'plan.yml',
      {},
    );
    expect(plan.secrets).toEqual(expect.arrayContaining(['pw, with comma', 'pw-bob-2']));
    expect(plan.secrets).not.toContain('ann');
  });

  it('names a missing file, a bad pick, an unknown set and an unknown column where they are written', () => {
    expect(
      planProblems(`${head}data:
  users: { file: ${users} }
  gone: { file: ${path.join(dir, 'nope.csv')} }
  odd: { file: ${users}, pick: shuffle }
requests:
  - { name: a, path: "/\${users.nmae}" }
  - { name: b, path: "/\${people.name}" }
stages: [{ name: b, kind: baseline, duration: 1s }]
`),
    ).toEqual([
      `5:17: data.gone.file: cannot read "${path.join(dir, 'nope.csv')}": no such file (paths are relative to the plan)`,
      '6:59: data.odd.pick: "shuffle" is not valid (allowed: sequential, random, unique)',
      `8:22: requests[0].path: ${users} has no column "nmae"; did you mean "name"?`,
      '9:22: requests[1].path: ${people.name} names no data set (allowed: users, gone, odd)',
    ]);
  });

  it('CSV and JSON files that cannot be tables say why, with the file line', () => {
    expect(tableFromCsv('a,b\n1,2,3\n')).toMatch(/^:2: not readable as CSV/);
    expect(tableFromCsv('a,,c\n1,2,3\n')).toBe(':1: column 2 of the header row has no name');
    expect(tableFromCsv('a,a\n1,2\n')).toBe(':1: the header row names "a" twice');
    expect(tableFromCsv('')).toMatch(/is empty/);
    expect(tableFromJson('{"a":1}')).toMatch(/must be a JSON array of objects/);
    expect(tableFromJson('[1,')).toMatch(/is not valid JSON/);
  });

  it('pick: unique refuses a plan whose closed-model users need more rows than the file has', () => {
    expect(
      planProblems(`${head}data:
  users: { file: ${users}, pick: unique }
session: [{ name: login, method: POST, path: /login, json: { u: "\${users.name}" } }]
requests: [{ name: home, path: / }]
stages:
  - { name: warm, kind: baseline, duration: 1s }
  - { name: load, kind: load, vus: 2, duration: 1s }
`),
    ).toEqual([
      `4:61: data.users: pick: unique gives every user its own row, but the plan's closed-model stages start 3 users (warm 1, load 2) and ${users} has 2 rows`,
    ]);
  });
});

describe('placeholders', () => {
  it.each([
    ['uuid()', { kind: 'uuid' }],
    ['random(1,10)', { kind: 'random', min: 1, max: 10 }],
    ['random( -5 , 5 )', { kind: 'random', min: -5, max: 5 }],
    ['users.email', { kind: 'data', set: 'users', column: 'email' }],
    ['token', { kind: 'name', name: 'token' }],
  ])('${%s} → %j', (inner, parsed) => {
    expect(parsePlaceholder(inner)).toEqual(parsed);
  });

  it('refuses what it cannot fill, at the string, before anything is sent', () => {
    expect(
      planProblems(`${head}requests:
  - { name: a, path: "/\${random(10,1)}" }
  - { name: b, path: "/\${random(1)}" }
  - { name: c, path: /c, headers: { x-id: "\${uuid}" } }
  - { name: d, path: "/\${ spaced }" }
stages: [{ name: b, kind: baseline, duration: 1s }]
`),
    ).toEqual([
      '4:22: requests[0].path: ${random(10,1)}: random(MIN,MAX) needs MIN ≤ MAX',
      '5:22: requests[1].path: ${random(1)}: write random(MIN,MAX) with two integers, e.g. ${random(1,10)}',
      '6:43: environment variable uuid is not set (used in ${uuid}); for a value drawn per request write ${uuid()}',
      expect.stringMatching(/^7:22: requests\[3\]\.path: \$\{ spaced \} is not a value perf-gate knows/),
    ]);
  });
});

describe('per-stage mix, setup and verify', () => {
  it('reads requests:, setup: and verify: (with expect.json literals and rules) on a stage', () => {
    const plan = parsePlan(
      `${head}requests:
  - { name: browse, path: / }
  - { name: buy, method: POST, path: /buy/1, weight: 3 }
stages:
  - name: sale
    kind: burst
    size: 10
    cycles: 1
    requests: [buy]
    setup: [{ name: reset, method: POST, path: /reset, capture: { item: $.id } }]
    verify:
      - { name: stock, path: "/inventory/\${item}", expect: { json: { "$.stock": 0, "$.sold": ">= 100", "$.state": "closed", "$.tags": [a] } } }
`,
      'plan.yml',
      {},
    );
    const s = plan.stages[0]!;
    expect(s.requests).toEqual(['buy']);
    expect(s.setup?.map((r) => r.name)).toEqual(['reset']);
    expect(s.verify?.[0]?.path).toBe('/inventory/${item}');
    expect(s.verify?.[0]?.expect?.json).toEqual([
      { path: '$.stock', op: '=', value: 0, raw: '0', literal: true },
      { path: '$.sold', op: '>=', value: 100, raw: '>= 100' },
      { path: '$.state', op: '=', value: 'closed', raw: '"closed"', literal: true },
      { path: '$.tags', op: '=', value: ['a'], raw: '["a"]', literal: true },
    ]);
  });

  it('names a request the stage cannot draw, a ws stage with a mix, and an expect.json key that is not a path', () => {
    expect(
      planProblems(`${head}requests: [{ name: browse, path: / }]
websocket: { path: /ws, mode: connect }
stages:
  - { name: a, kind: burst, size: 1, cycles: 1, requests: [brows] }
  - { name: w, kind: load, protocol: ws, connections: 1, duration: 1s, requests: [browse] }
  - { name: v, kind: baseline, duration: 1s, verify: [{ path: /x, expect: { json: { stock: 0 } } }] }
`),
    ).toEqual([
      '6:60: stages[0].requests[0]: no request is named "brows"; did you mean "browse"?',
      expect.stringMatching(/^7:\d+: stages\[1\]: requests: picks from the HTTP mix/),
      expect.stringMatching(/^8:\d+: stages\[2\]\.verify\[0\]\.expect\.json: "stock" is not a JSONPath/),
    ]);
  });
});

describe('what the engine could not fill or read is refused at load', () => {
  it('JSONPaths outside the subset (captures and expect.json), placeholders in defaults.headers and in expect.json values', () => {
    expect(
      planProblems(`${head}data:
  users: { file: ${users} }
defaults:
  headers: { x-a: "\${random(5,1)}" }
requests:
  - { name: a, path: /a, capture: { t: "$..token" } }
  - { name: b, path: /b, expect: { json: { "$.items[*].id": 1, "$.who": "\${users.name}" } } }
stages: [{ name: b, kind: baseline, duration: 1s }]
`),
    ).toEqual([
      '6:19: defaults.headers.x-a: ${random(5,1)}: random(MIN,MAX) needs MIN ≤ MAX',
      expect.stringMatching(/^8:40: requests\[0\]\.capture\.t: "\$\.\.token" is a JSONPath perf-gate does not read/),
      expect.stringMatching(/^9:44: requests\[1\]\.expect\.json: "\$\.items\[\*\]\.id" is a JSONPath perf-gate does not read/),
      '9:73: requests[1].expect.json["$.who"]: expect.json values are compared as written; a ${...} is not filled here',
    ]);
  });

  it.each([
    ['password', true],
    ['userPassword', true],
    ['api_key', true],
    ['auth-token', true],
    ['PIN', true],
    ['pwd', true],
    ['author', false],
    ['keyword', false],
    ['monkey', false],
    ['name', false],
  ])('a column named %s holds secrets: %s', (column, secret) => {
    expect(isSecretColumn(column)).toBe(secret);
  });
});

describe('--shard and setup/verify', () => {
  it('a sharded run refuses a stage with setup or verify (they run once per run)', () => {
    const plan = parsePlan(
      `${head}requests: [{ name: a, path: /a }]\nstages:\n  - { name: sale, kind: burst, size: 4, cycles: 1, verify: [{ path: /inventory }] }\n`,
      'plan.yml',
      {},
    );
    expect(() => shardPlan(plan, { index: 1, count: 2 })).toThrow(
      '--shard: stage "sale" has verify requests, which run once per run and cannot be shared out; leave it out of sharded runs (--stage NAME selects the others)',
    );
  });
});
