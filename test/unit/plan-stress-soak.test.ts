import { describe, it, expect } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { plannedDurationMs, plannedRequests, stressLevels } from '../../src/plan/stage-time.js';
import { planProblems } from '../helpers/plan.js';

const problems = planProblems;

const head = `version: 1
target: { url: http://127.0.0.1:3000 }
requests: [{ name: home, path: / }]
`;

describe('stress and soak stages: parsing', () => {
  it('reads an open-model stress stage with until', () => {
    const plan = parsePlan(
      `${head}stages:
  - { name: capacity, kind: stress, rate: { from: 50/s, step: 50/s, max: 2000/s }, every: 10s, until: { p95: "< 200ms", error_rate: "< 1%" } }
`,
      'plan.yml',
      {},
    );
    expect(plan.stages[0]).toMatchObject({ kind: 'stress', model: 'open', from: 50, step: 50, max: 2000, everyMs: 10_000, untilFrom: 'until' });
    const s = plan.stages[0]!;
    expect(s.kind === 'stress' && s.until.map((r) => r.raw)).toEqual(['< 200ms', '< 1%']);
    expect(plannedDurationMs(s)).toBe(40 * 10_000);
    // 50 + 100 + … + 2000 req/s, 10 s each.
    expect(plannedRequests(s)).toBe(((50 + 2000) / 2) * 40 * 10);
  });

  it('reads a closed-model stress stage judged by the plan thresholds, which then judge its steps', () => {
    const plan = parsePlan(
      `${head}stages:
  - { name: users, kind: stress, vus: { from: 10, step: 10, max: 200 }, every: 10s, think: 100ms }
thresholds:
  "*": { error_rate: "< 1%" }
  users: { p95: "< 300ms", breaking_point: "> 100" }
`,
      'plan.yml',
      {},
    );
    const s = plan.stages[0]!;
    expect(s).toMatchObject({ kind: 'stress', model: 'closed', from: 10, step: 10, max: 200, thinkMs: 100, untilFrom: 'thresholds' });
    expect(s.kind === 'stress' && s.until.map((r) => `${r.metric} ${r.raw}`)).toEqual(['error_rate < 1%', 'p95 < 300ms']);
  });

  it('a stress stage with its own until: is also judged by the "*" latency and error rules until: does not name', () => {
    const plan = parsePlan(
      `${head}stages:
  - { name: cap, kind: stress, rate: { from: 50/s, step: 50/s, max: 500/s }, every: 5s, until: { p95: "< 200ms" } }
thresholds:
  "*": { error_rate: "< 1%", p95: "< 900ms", rps: "> 1" }
`,
      'plan.yml',
      {},
    );
    const s = plan.stages[0]!;
    expect(s.kind === 'stress' && s.until.map((r) => `${r.metric} ${r.raw}`)).toEqual(['p95 < 200ms', 'error_rate < 1%']);
  });

  it('reads a soak stage with a metrics path', () => {
    const plan = parsePlan(
      `${head}stages:
  - { name: overnight, kind: soak, rate: 100/s, duration: 10m, metrics: /metrics }
  - { name: users, kind: soak, vus: 50, think: 1s, duration: 10s }
thresholds:
  overnight: { drift: "< 20%", memory_growth: "< 10%" }
`,
      'plan.yml',
      {},
    );
    expect(plan.stages[0]).toMatchObject({ kind: 'soak', model: 'open', rate: 100, durationMs: 600_000, metricsPath: '/metrics' });
    expect(plan.stages[1]).toMatchObject({ kind: 'soak', model: 'closed', vus: 50, thinkMs: 1000 });
    expect(plan.thresholds.overnight!.map((r) => [r.metric, r.value])).toEqual([
      ['drift', 20],
      ['memory_growth', 10],
    ]);
  });

  it('listed levels are the steps, in order: from is the first, max the last', () => {
    const plan = parsePlan(
      `${head}stages:\n  - { name: sweep, kind: stress, vus: [10, 50, 100, 500, 1000], every: 5s, until: { p95: "< 1s" } }\n  - { name: rates, kind: stress, rate: [50/s, 6000/m, 200], every: 2s, until: { p95: "< 1s" } }\n`,
      'plan.yml',
      {},
    );
    const [sweep, rates] = plan.stages;
    expect(sweep).toMatchObject({ kind: 'stress', model: 'closed', from: 10, step: 0, max: 1000, levels: [10, 50, 100, 500, 1000] });
    expect(stressLevels(sweep as never)).toEqual([10, 50, 100, 500, 1000]);
    expect(plannedDurationMs(sweep!)).toBe(5 * 5000);
    expect(rates).toMatchObject({ model: 'open', levels: [50, 100, 200], max: 200 });
    expect(plannedRequests(rates!)).toBe((50 + 100 + 200) * 2);
  });

  it('the levels of a stress stage run from `from` to `max` in steps', () => {
    expect(stressLevels({ from: 50, step: 50, max: 200 })).toEqual([50, 100, 150, 200]);
    expect(stressLevels({ from: 50, step: 40, max: 200 })).toEqual([50, 90, 130, 170]);
    expect(stressLevels({ from: 0.1, step: 0.1, max: 0.3 })).toEqual([0.1, 0.2, 0.3]);
  });

  const cases: Array<{ name: string; plan: string; expected: string[] }> = [
    {
      name: 'a breaking_point regression with a + sign',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" } }\nregression:\n  breaking_point: "+10%"\n`,
      expected: ['7:19: regression.breaking_point: "+10%": a breaking point can only regress downwards: write "-10%"'],
    },
    {
      name: 'a breaking_point band with a + sign',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" } }\nregression:\n  breaking_point: "+3σ"\n`,
      expected: ['7:19: regression.breaking_point: "+3σ": a breaking point can only regress downwards: write "-3σ"'],
    },
    {
      name: 'a stress stage with a plain rate',
      plan: `stages:\n  - { name: s, kind: stress, rate: 100/s, every: 5s, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:36: stages[0].rate: a stress stage steps its rate: write { from: 50/s, step: 50/s, max: 2000/s }, or list the levels: [50/s, 200/s, 1000/s]',
      ],
    },
    {
      name: 'steps missing max, a bad step rate and an unknown key',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 10/s, step: fast, top: 5 }, every: 5s, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:62: stages[0].rate: unknown key "top" (the steps are { from: 50/s, step: 50/s, max: 2000/s })',
        '5:36: stages[0].rate is missing "max" (the steps are { from: 50/s, step: 50/s, max: 2000/s })',
        '5:56: stages[0].rate.step: "fast" is not a rate: use 200/s, 12000/m or a number per second',
      ],
    },
    {
      name: 'max below from',
      plan: `stages:\n  - { name: s, kind: stress, vus: { from: 10, step: 5, max: 5 }, every: 5s, until: { p95: "< 1s" } }\n`,
      expected: ['5:61: stages[0].vus.max: 5 is below from (10): max is the highest level the steps may reach'],
    },
    {
      name: 'a step so small it makes more than 1000 steps',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 0.001/s, max: 20000/s }, every: 1s, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:55: stages[0].rate.step: "0.001/s" makes 19,999,001 steps from "1/s" to "20000/s"; at most 1000 (take bigger steps)',
        // The worst case of all those steps, against the runaway limits, located at the keys that ask for it.
        '5:36: stages[0] schedules 200,000,009,501 requests, above limits.max_requests (2,000,000); raise limits.max_requests to allow it',
        '5:87: stages[0] runs 5555h16m41s, above limits.max_duration (15m); raise limits.max_duration to allow it',
      ],
    },
    {
      name: 'listed levels that do not go up, and a level that is not a number of users',
      plan: `stages:\n  - { name: s, kind: stress, vus: [10, 50, 50, 20], every: 5s, until: { p95: "< 1s" } }\n  - { name: t, kind: stress, vus: [10, 2.5], every: 5s, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:44: stages[0].vus[2]: 50 does not go up from 50: list the levels from lowest to highest, each once',
        '6:40: stages[1].vus[1]: 2.5 is not a number of users: use a whole number from 1',
      ],
    },
    {
      name: 'an empty list of levels, and a rate level that is not a rate',
      plan: `stages:\n  - { name: s, kind: stress, rate: [], every: 5s, until: { p95: "< 1s" } }\n  - { name: t, kind: stress, rate: [10/s, lots], every: 5s, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:36: stages[0].rate: list at least one level, e.g. [50/s, 200/s, 1000/s]',
        '6:43: stages[1].rate[1]: "lots" is not a rate: use 200/s, 12000/m or a number per second',
      ],
    },
    {
      name: 'users that are not whole numbers',
      plan: `stages:\n  - { name: s, kind: stress, vus: { from: 1.5, step: 5, max: 50 }, every: 5s, until: { p95: "< 1s" } }\n`,
      expected: ['5:43: stages[0].vus.from: 1.5 is not a number of users: use a whole number from 1'],
    },
    {
      name: 'no every, no rate or vus',
      plan: `stages:\n  - { name: s, kind: stress, until: { p95: "< 1s" } }\n`,
      expected: [
        '5:5: stages[0] (stress) is missing "every"',
        '5:5: stages[0] (stress) needs rate: { from, step, max } or a list of rates (open model), or vus: { from, step, max } or a list of user counts (closed model)',
      ],
    },
    {
      name: 'until on a metric a step cannot be judged on',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { rps: "> 10" } }\n`,
      expected: [
        '5:92: stages[0].until: "rps" cannot judge a step: a step is judged on its latency percentiles and error_rate (allowed: min, mean, p50, p90, p95, p99, p999, max, error_rate)',
      ],
    },
    {
      name: 'a stress stage with nothing to break on',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s }\nthresholds:\n  s: { breaking_point: "> 3" }\n`,
      expected: [
        '5:5: stages[0] (stress) has nothing to break on: add until: { p95: "< 200ms", error_rate: "< 1%" }, or latency / error_rate thresholds for "s" or "*"',
      ],
    },
    {
      name: 'rules on a stress stage that judge nothing, and a breaking point elsewhere',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" } }\n  - { name: l, kind: load, rate: 5/s, duration: 5s }\nthresholds:\n  s: { rps: "> 3" }\n  l: { breaking_point: "> 3" }\n`,
      expected: [
        '8:8: thresholds.s: a stress stage is gated on breaking_point (its steps are judged on latency and error_rate); rps over all its steps has no meaning',
        '9:8: thresholds.l: breaking_point is only measured by stress stages; "l" is a load stage',
      ],
    },
    {
      name: 'a latency threshold on a stress stage that has its own until',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" } }\nthresholds:\n  "*": { p99: "< 2s" }\n  s: { p95: "< 500ms", breaking_point: "> 2" }\n`,
      expected: ['8:8: thresholds.s: "s" judges its steps on its until: (p95 here would judge nothing); move the rule into until:'],
    },
    {
      name: 'workers and protocol ws on stress and soak',
      plan: `websocket: { path: /ws, send: hi }\nstages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" }, workers: 2 }\n  - { name: k, kind: soak, protocol: ws, connections: 2, rate: 5/s, duration: 10s }\n`,
      expected: [
        '6:107: stages[0]: a stress stage runs on one thread (each step is judged as it ends, on one thread); remove workers',
        '7:38: stages[1]: a soak stage is HTTP only (protocol: ws is not supported for it yet)',
      ],
    },
    {
      name: 'a soak too short, with an absolute metrics URL',
      plan: `stages:\n  - { name: k, kind: soak, rate: 5/s, duration: 5s, metrics: "http://evil.example/metrics" }\n`,
      expected: [
        '5:49: stages[0]: a soak stage must hold its load at least 10s after its ramp ("5s" is shorter): its drift compares the first and last tenth of that',
        '5:62: stages[0].metrics: "http://evil.example/metrics" must be a path on the target, starting with one /, e.g. /metrics',
      ],
    },
    {
      name: 'memory_growth without metrics, drift on a load stage, drift as a regression',
      plan: `stages:\n  - { name: k, kind: soak, rate: 5/s, duration: 10s }\n  - { name: l, kind: load, rate: 5/s, duration: 5s }\nthresholds:\n  k: { memory_growth: "< 10%" }\n  l: { drift: "< 10%" }\nregression:\n  drift: "+10%"\n`,
      expected: [
        '8:8: thresholds.k: memory_growth needs the stage to read the target\'s memory: add metrics: /metrics (a path serving Prometheus text) to "k"',
        '9:8: thresholds.l: drift is only measured by soak stages; "l" is a load stage',
        '11:3: regression.drift: drift is already a change within the run; gate it with a threshold, e.g. thresholds: { "*": { drift: "< 20%" } }',
      ],
    },
    {
      name: 'bad units for the new metrics',
      plan: `stages:\n  - { name: s, kind: stress, rate: { from: 1/s, step: 1/s, max: 5/s }, every: 5s, until: { p95: "< 1s" } }\n  - { name: k, kind: soak, rate: 5/s, duration: 10s, metrics: /metrics }\nthresholds:\n  s: { breaking_point: "> lots" }\n  k: { drift: "< 0.2", memory_growth: "< 10%" }\n`,
      expected: [
        '8:24: thresholds.s.breaking_point: "lots" is not a breaking point: use the stage\'s unit, a rate like 400/s (rate steps) or a number of users like 150 (vus steps)',
        '9:15: thresholds.k.drift: "0.2" is not a change in percent: use e.g. 20%',
      ],
    },
    {
      name: 'a soak whose ramp leaves less than 10 s of steady load',
      plan: `stages:\n  - { name: k, kind: soak, rate: 5/s, ramp: 5s, duration: 12s }\n`,
      expected: [
        '5:59: stages[0]: a soak stage must hold its load at least 10s after its ramp ("12s" with a "5s" ramp holds it 7s): its drift compares the first and last tenth of that',
      ],
    },
    {
      name: 'a step map on a load stage',
      plan: `stages:\n  - { name: l, kind: load, vus: { from: 1, step: 1, max: 5 }, duration: 5s }\n`,
      expected: ['5:33: stages[0]: vus is a number of users here (steps like { from, step, max } or a list of levels are for stress stages)'],
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}, located`, () => {
      expect(problems(head + c.plan).sort()).toEqual([...c.expected].sort());
    });
  }
});
