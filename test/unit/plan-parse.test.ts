import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { loadPlan, parsePlan } from '../../src/plan/index.js';
import { planProblems } from '../helpers/plan.js';

const problems = planProblems;

// The example of SPEC §2, verbatim.
const SPEC_PLAN = `version: 1
target:
  url: http://127.0.0.1:3000        # base URL; --target overrides it
  start: npm run start:test         # optional: command that starts the app under test
  ready: /healthz                   # optional: polled until 2xx before the first stage
  ready_timeout: 60s
defaults:
  timeout: 10s                      # per request
  headers: { accept: application/json }
session:                            # optional: once per virtual user, before its first request
  - name: login
    method: POST
    path: /auth/login
    json: { username: "\${PERF_USER}", password: "\${PERF_PASS}" }
    capture: { token: "$.access_token" }
    expect: { status: 200 }
requests:                           # the weighted mix every stage draws from
  - name: list-posts
    method: GET
    path: /posts
    weight: 5
    headers: { authorization: "Bearer \${token}" }
    expect: { status: 200 }
  - name: create-post
    method: POST
    path: /posts
    weight: 1
    json: { title: "hello", content: "load test" }
    expect: { status: [200, 201] }
websocket:                          # optional; stages with protocol: ws use it
  path: /ws
  send: '{"op":"ping","id":"\${seq}"}'
  expect_reply: { match: '"id":"\${seq}"' }
stages:
  - { name: baseline, kind: baseline, duration: 20s }                 # one user, back to back
  - { name: load,     kind: load,  rate: 200/s, ramp: 10s, duration: 60s }   # open model
  - { name: soak-vus, kind: load,  vus: 50, duration: 60s, think: 100ms }    # closed model
  - { name: spike,    kind: spike, from: 20/s, to: 1000/s, ramp: 5s, hold: 30s, after: 30s }
  - { name: burst,    kind: burst, size: 200, cycles: 5, pause: 5s }
  - { name: ws,       kind: load, protocol: ws, connections: 100, rate: 500/s, duration: 30s }
thresholds:                         # absolute rules, per stage name or "*" for every stage
  "*":   { error_rate: "< 1%" }
  load:  { p95: "< 200ms", p99: "< 500ms", rps: "> 190" }
  spike: { recovery: "< 10s" }
regression:                         # rules against the stored baseline, per metric
  p50: "+10%"
  p95: "+15%"
  p99: "+25%"
  error_rate: "+0.5pp"
  rps: "-10%"
`;

const ENV = { PERF_USER: 'alice', PERF_PASS: 's3cret' };

describe('parsePlan on the SPEC §2 example', () => {
  const plan = parsePlan(SPEC_PLAN, 'plan.yml', ENV);

  it('keeps the target and applies its defaults', () => {
    expect(plan.version).toBe(1);
    expect(plan.file).toBe('plan.yml');
    expect(plan.target).toEqual({ url: 'http://127.0.0.1:3000', start: 'npm run start:test', ready: '/healthz', readyTimeoutMs: 60_000 });
    expect(plan.defaults).toEqual({ timeoutMs: 10_000, headers: { accept: 'application/json' } });
  });

  it('substitutes the environment and leaves captured and builtin names for the engine', () => {
    expect(plan.session).toEqual([
      {
        name: 'login',
        method: 'POST',
        path: '/auth/login',
        weight: 1,
        headers: { accept: 'application/json' },
        json: { username: 'alice', password: 's3cret' },
        capture: { token: '$.access_token' },
        expect: { status: [200] },
        timeoutMs: 10_000,
      },
    ]);
    expect(plan.requests[0]!.headers).toEqual({ accept: 'application/json', authorization: 'Bearer ${token}' });
    expect(plan.websocket).toEqual({
      path: '/ws',
      headers: {},
      subprotocols: [],
      mode: 'request_reply',
      send: '{"op":"ping","id":"${seq}"}',
      expectReply: { match: '"id":"${seq}"' },
      reconnect: { max: 0, backoffMs: 100 },
      timeoutMs: 10_000,
    });
  });

  it('normalizes the request mix', () => {
    expect(plan.requests.map((r) => [r.name, r.method, r.path, r.weight, r.expect?.status])).toEqual([
      ['list-posts', 'GET', '/posts', 5, [200]],
      ['create-post', 'POST', '/posts', 1, [200, 201]],
    ]);
    expect(plan.requests[1]!.json).toEqual({ title: 'hello', content: 'load test' });
  });

  it('converts every stage to ms and requests per second', () => {
    const base = { protocol: 'http', maxInFlight: 1000 };
    expect(plan.stages).toEqual([
      { ...base, name: 'baseline', kind: 'baseline', durationMs: 20_000 },
      { ...base, name: 'load', kind: 'load', model: 'open', rate: 200, rampMs: 10_000, durationMs: 60_000 },
      { ...base, name: 'soak-vus', kind: 'load', model: 'closed', vus: 50, rampMs: 0, thinkMs: 100, durationMs: 60_000 },
      { ...base, name: 'spike', kind: 'spike', fromRate: 20, toRate: 1000, beforeMs: 5_000, rampMs: 5_000, holdMs: 30_000, afterMs: 30_000 },
      { ...base, name: 'burst', kind: 'burst', size: 200, cycles: 5, pauseMs: 5_000 },
      { ...base, protocol: 'ws', connections: 100, name: 'ws', kind: 'load', model: 'open', rate: 500, rampMs: 0, durationMs: 30_000 },
    ]);
  });

  it('parses thresholds and regression rules into their units', () => {
    expect(plan.thresholds).toEqual({
      '*': [{ metric: 'error_rate', op: '<', value: 0.01, raw: '< 1%' }],
      load: [
        { metric: 'p95', op: '<', value: 200, raw: '< 200ms' },
        { metric: 'p99', op: '<', value: 500, raw: '< 500ms' },
        { metric: 'rps', op: '>', value: 190, raw: '> 190' },
      ],
      spike: [{ metric: 'recovery', op: '<', value: 10_000, raw: '< 10s' }],
    });
    expect(plan.regression).toEqual([
      { metric: 'p50', direction: 'increase', unit: 'pct', amount: 10, raw: '+10%' },
      { metric: 'p95', direction: 'increase', unit: 'pct', amount: 15, raw: '+15%' },
      { metric: 'p99', direction: 'increase', unit: 'pct', amount: 25, raw: '+25%' },
      { metric: 'error_rate', direction: 'increase', unit: 'pp', amount: 0.005, raw: '+0.5pp' },
      { metric: 'rps', direction: 'decrease', unit: 'pct', amount: 10, raw: '-10%' },
    ]);
  });

  it('names both missing credentials when the environment lacks them', () => {
    expect(problems(SPEC_PLAN, {})).toEqual([
      '14:23: environment variable PERF_USER is not set (used in ${PERF_USER})',
      '14:49: environment variable PERF_PASS is not set (used in ${PERF_PASS})',
    ]);
  });
});

describe('parsePlan defaults', () => {
  const plan = parsePlan(
    `version: 1
target:
  url: https://staging.example.test
defaults:
  timeout: 2s
  headers: { Accept: text/plain, X-Team: perf }
requests:
  - path: /a
  - method: post
    path: /b
    timeout: 500ms
    headers: { ACCEPT: application/json }
stages:
  - kind: load
    vus: 5
    duration: 10s
  - kind: spike
    from: 600/m
    to: 100
    hold: 1m
    after: 1m30s
  - kind: burst
    size: 10
    cycles: 3
    max_in_flight: 50
`,
    'plan.yml',
    {},
  );

  it('names requests "METHOD path", upper-cases methods, merges lower-cased headers', () => {
    expect(plan.requests).toEqual([
      { name: 'GET /a', method: 'GET', path: '/a', weight: 1, headers: { accept: 'text/plain', 'x-team': 'perf' }, timeoutMs: 2_000 },
      { name: 'POST /b', method: 'POST', path: '/b', weight: 1, headers: { accept: 'application/json', 'x-team': 'perf' }, timeoutMs: 500 },
    ]);
  });

  it('names stages after their kind and fills stage defaults', () => {
    expect(plan.target.readyTimeoutMs).toBe(60_000);
    expect(plan.stages).toEqual([
      { name: 'load', kind: 'load', protocol: 'http', maxInFlight: 1000, model: 'closed', vus: 5, rampMs: 0, thinkMs: 0, durationMs: 10_000 },
      {
        name: 'spike',
        kind: 'spike',
        protocol: 'http',
        maxInFlight: 1000,
        fromRate: 10,
        toRate: 100,
        beforeMs: 5_000,
        rampMs: 0,
        holdMs: 60_000,
        afterMs: 90_000,
      },
      { name: 'burst', kind: 'burst', protocol: 'http', maxInFlight: 50, size: 10, cycles: 3, pauseMs: 1_000 },
    ]);
    expect(plan.thresholds).toEqual({});
    expect(plan.regression).toBeUndefined(); // no section: the gate applies its default rules
  });

  it('lets a websocket-only plan have no requests', () => {
    const ws = `version: 1
target: { url: ws://127.0.0.1:3000 }
websocket: { path: /ws, send: ping }
stages:
  - { kind: load, protocol: ws, connections: 10, rate: 50/s, duration: 5s }
`;
    expect(problems(ws)).toEqual([]);
  });
});

describe('parsePlan problems, located', () => {
  const HEAD = `version: 1
target:
  url: http://127.0.0.1:3000
requests:
  - path: /posts
`; // lines 1-5; the plans below start at line 6

  it.each([
    {
      name: 'YAML syntax error',
      text: `version: 1
target:
  url: http://127.0.0.1:3000
  start: [npm, run
stages: []
`,
      expected: ['5:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    },
    {
      name: 'duplicate key (YAML)',
      text: `version: 1
target: { url: http://a.test }
target: { url: http://b.test }
`,
      expected: ['3:1: Map keys must be unique'],
    },
    {
      name: 'unknown key, with did-you-mean, at the key',
      text: `${HEAD}stages:
  - name: base
    kind: baseline
    durration: 20s
`,
      expected: ['9:5: unknown key "durration" in stages[0]; did you mean "duration"?'],
    },
    {
      name: 'unknown key with nothing close lists the allowed keys',
      text: `version: 1
target:
  url: http://127.0.0.1:3000
  colour: blue
`,
      expected: [
        '1:1: the plan is missing "stages"',
        '4:3: unknown key "colour" in target (allowed: url, build, start, ready, ready_timeout, allow_remote, process)',
      ],
    },
    {
      name: 'bad duration, at the value',
      text: `${HEAD}stages:
  - kind: baseline
    duration: fast
`,
      expected: ['8:15: stages[0].duration: "fast" is not a duration: use 500ms, 30s or 2m'],
    },
    {
      name: 'load with both rate and vus',
      text: `${HEAD}stages:
  - name: mixed
    kind: load
    rate: 100/s
    vus: 10
    duration: 30s
`,
      expected: ['10:5: stages[0]: use either rate (open model) or vus (closed model), not both'],
    },
    {
      name: 'unknown threshold stage',
      text: `${HEAD}stages:
  - { name: load, kind: load, rate: 10/s, duration: 10s }
thresholds:
  lod: { p95: "< 200ms" }
`,
      expected: ['9:3: thresholds: unknown stage "lod"; did you mean "load"?'],
    },
    {
      name: 'unknown metric',
      text: `${HEAD}stages:
  - { name: load, kind: load, rate: 10/s, duration: 10s }
thresholds:
  load:
    pp95: "< 200ms"
regression:
  latency: "+5%"
`,
      expected: [
        '10:5: unknown metric "pp95" in thresholds.load; did you mean "p95"?',
        '12:3: unknown metric "latency" in regression (allowed: min, mean, p50, p90, p95, p99, p999, max, error_rate, rps, requests, errors, recovery, breaking_point, drift, memory_growth, cpu_per_request, rss_peak)',
      ],
    },
    {
      name: 'recovery on a stage that is not a spike',
      text: `${HEAD}stages:
  - { name: load, kind: load, rate: 10/s, duration: 10s }
thresholds:
  load: { recovery: "< 5s" }
  "*": { recovery: "< 5s" }
`,
      expected: [
        '9:11: thresholds.load: recovery is only measured by spike stages; "load" is a load stage',
        '10:10: thresholds["*"]: recovery is only measured by spike stages, and this plan has none',
      ],
    },
    {
      name: 'missing environment variable, at its string',
      text: `version: 1
target:
  url: http://127.0.0.1:3000
requests:
  - path: /x?user=\${PERF_USER}
    headers:
      x-pass: \${PERF_PASS}
stages:
  - kind: baseline
    duration: \${STAGE_TIME}
`,
      expected: ['7:15: environment variable PERF_PASS is not set (used in ${PERF_PASS})'],
    },
    {
      name: 'no requests for an http stage',
      text: `version: 1
target: { url: http://127.0.0.1:3000 }
requests: []
stages:
  - { kind: baseline, duration: 5s }
`,
      expected: ['3:11: requests: add at least one request (every http stage draws from this list)'],
    },
    {
      name: 'stage kind rules',
      text: `${HEAD}stages:
  - { kind: spike, from: 20/s, to: 10/s, hold: 0s, vus: 3 }
  - { kind: lod, duration: 10s }
  - { kind: load, rate: 10, duration: 10s, ramp: 10s, think: 1s }
  - { kind: burst, size: 5 }
  - { kind: baseline, duration: 5s }
  - { name: ws, kind: baseline, duration: 5s, connections: 2 }
  - { kind: baseline, duration: 5s }
`,
      expected: [
        '7:5: stages[0] (spike) is missing "after"',
        '7:36: stages[0]: to ("10/s") must be higher than from ("20/s")',
        '7:48: stages[0].hold must be longer than 0',
        '7:52: stages[0]: "vus" does not apply to a spike stage (it uses: from, to, before, ramp, hold, after)',
        '8:13: stages[1].kind: "lod" is not valid; did you mean "load"?',
        '9:50: stages[2]: ramp ("10s") must be shorter than duration ("10s"): the ramp is part of it',
        '9:55: stages[2]: "think" only applies with vus (closed model)',
        '10:5: stages[3] (burst) is missing "cycles"',
        '12:47: stages[5]: "connections" only applies with protocol: ws',
        '13:5: stages[6]: duplicate stage name "baseline" (also stages[4]) (the name defaults to the kind; give each stage a name)',
      ],
    },
    {
      name: 'several problems in one file: all reported, sorted by line',
      text: `version: 2
target:
  url: localhost:3000
  ready_timeout: 60
defaults: { timeout: soon }
requests:
  - { method: gte, path: posts, weight: 0, expect: { status: [200, "ok"] } }
  - { path: /a, body: x, json: {}, capture: { my-id: id } }
  - { path: /a }
stages:
  - { kind: baseline, duration: 5s, max_in_flight: 0 }
regression:
  p95: "15%"
`,
      expected: [
        '1:10: version must be 1',
        '3:8: target.url: "localhost:3000" is not an absolute http(s) or ws(s) URL, e.g. http://127.0.0.1:3000',
        '4:18: target.ready_timeout: 60 is not a duration: add a unit, e.g. 60s or 60ms',
        '5:22: defaults.timeout: "soon" is not a duration: use 500ms, 30s or 2m',
        '7:15: requests[0].method: "gte" is not an HTTP method; did you mean "GET"?',
        '7:26: requests[0].path: "posts" must start with "/" (it is appended to target.url)',
        '7:41: requests[0].weight must be > 0',
        '7:62: requests[0].expect.status: [200,"ok"] is not a status code: use 200 or [200, 201]',
        '8:26: requests[1]: use either body or json, not both',
        '8:47: requests[1].capture: "my-id" cannot be a variable name: use letters, digits and _ (it is used as ${name})',
        '8:54: requests[1].capture.my-id: "id" is not a JSONPath: use one like "$.access_token" or "$.items[0].id"',
        '9:5: requests[2]: duplicate name "GET /a" (also requests[1]) (the name defaults to "METHOD path"; give each a name)',
        '11:52: stages[0].max_in_flight must be >= 1',
        '13:8: regression.p95: "15%" is not a regression limit: use a signed change like "+15%" or "-10%", a noise band like "+3σ", or "band"',
      ],
    },
    {
      name: 'empty file',
      text: '',
      expected: ['1:1: the plan is empty'],
    },
  ])('$name', ({ text, expected }) => {
    expect(problems(text, { STAGE_TIME: '3s', PERF_USER: 'alice' })).toEqual(expected);
  });
});

describe('loadPlan', () => {
  it('reads and parses a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'perf-gate-plan-'));
    const file = join(dir, 'plan.yml');
    await writeFile(file, SPEC_PLAN);
    const plan = await loadPlan(file, ENV);
    expect(plan.file).toBe(file);
    expect(plan.stages).toHaveLength(6);
  });

  it('turns an unreadable file into a PlanError at 1:1 with the reason', async () => {
    const missing = join(tmpdir(), 'perf-gate-no-such-plan.yml');
    const err = await loadPlan(missing, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).problems).toEqual([{ file: missing, line: 1, col: 1, message: 'cannot read the plan: no such file or directory' }]);
  });
});

describe('parsePlan YAML hints', () => {
  it('tells to quote an unquoted ${...} that breaks a flow map', () => {
    const found = problems(`version: 1
target: { url: http://127.0.0.1:3000 }
requests: [{ path: /a }]
stages:
  - { kind: baseline, duration: \${STAGE_TIME} }
`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^5:\d+: .* \(put values that contain \$\{\.\.\.\} in quotes: "\$\{NAME\}"\)$/);
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    expect(problems(bomb.join('\n') + '\n')[0]).toMatch(/^1:1: .*alias/i);
  });
});

describe('regression section', () => {
  const base = `version: 1
target: { url: "http://127.0.0.1:1" }
requests: [{ path: / }]
stages: [{ kind: baseline, duration: 1s }]
`;
  it('an empty regression map means no regression rules, not the defaults', () => {
    expect(parsePlan(`${base}regression: {}\n`, 'p.yml', {}).regression).toEqual([]);
    expect(parsePlan(base, 'p.yml', {}).regression).toBeUndefined();
  });
});
