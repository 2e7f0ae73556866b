import { describe, it, expect } from 'vitest';
import { parsePlan } from '../../src/plan/index.js';
import { planFingerprint } from '../../src/baseline/fingerprint.js';
import type { Plan } from '../../src/plan/types.js';
import { planProblems } from '../helpers/plan.js';

const HEAD = `version: 1
target:
  url: http://127.0.0.1:3000
requests:
  - { path: / }
stages:
  - { name: warm, kind: baseline, duration: 5s }
  - { name: load, kind: load, rate: 10/s, duration: 20s }
`;

function parse(text: string): Plan {
  return parsePlan(text, 'plan.yml', {});
}

const problems = planProblems;

describe('abort_when: parsing', () => {
  it('absent: no policy (the engine applies the default target_down rule)', () => {
    expect(parse(HEAD).abortWhen).toBeUndefined();
  });

  it("the list form: rules, values in the metric's unit, target_down on", () => {
    const plan = parse(`${HEAD}abort_when:
  - { metric: error_rate, op: ">", value: 50%, for: 10s, delay: 5s }
  - { metric: p95, op: ">=", value: 2s, stage: load }
  - { metric: p99, op: ">", value: 750 }
  - { metric: connect_error_rate, op: ">", value: 0.2, stage: [warm, load] }
`);
    expect(plan.abortWhen).toEqual({
      targetDown: true,
      rules: [
        { metric: 'error_rate', op: '>', value: 0.5, forMs: 10_000, delayMs: 5_000, raw: 'error_rate > 50% for 10s after 5s' },
        { metric: 'p95', op: '>=', value: 2000, forMs: 0, delayMs: 0, stages: ['load'], raw: 'p95 >= 2s' },
        { metric: 'p99', op: '>', value: 750, forMs: 0, delayMs: 0, raw: 'p99 > 750' },
        { metric: 'connect_error_rate', op: '>', value: 0.2, forMs: 0, delayMs: 0, stages: ['warm', 'load'], raw: 'connect_error_rate > 0.2' },
      ],
    });
  });

  it('the map form turns the default rule off', () => {
    expect(parse(`${HEAD}abort_when: { target_down: false }\n`).abortWhen).toEqual({ targetDown: false, rules: [] });
    const plan = parse(`${HEAD}abort_when:
  target_down: true
  rules:
    - { metric: max, op: ">", value: 5s, for: 2s }
`);
    expect(plan.abortWhen).toEqual({ targetDown: true, rules: [{ metric: 'max', op: '>', value: 5000, forMs: 2000, delayMs: 0, raw: 'max > 5s for 2s' }] });
  });

  it('is not part of the plan fingerprint: adding rules keeps every stored baseline', () => {
    const withRules = parse(`${HEAD}abort_when:\n  - { metric: error_rate, op: ">", value: 50%, for: 2s }\n`);
    expect(planFingerprint(withRules)).toBe(planFingerprint(parse(HEAD)));
    expect(withRules.stages.every((s) => !('abortWhen' in s) && !('abort_when' in s))).toBe(true);
  });

  it.each([
    {
      name: 'an unknown metric, with a suggestion',
      text: `abort_when:\n  - { metric: eror_rate, op: ">", value: 50% }\n`,
      expected: ['10:15: abort_when[0].metric: "eror_rate" is not valid; did you mean "error_rate"?'],
    },
    {
      name: 'an op the rule cannot abort on',
      text: `abort_when:\n  - { metric: p95, op: "<", value: 2s }\n`,
      expected: ['10:24: abort_when[0].op: "<" is not valid; did you mean ">"?'],
    },
    {
      name: "a bad value, in the metric's words",
      text: `abort_when:\n  - { metric: error_rate, op: ">", value: lots }\n`,
      expected: ['10:43: abort_when[0].value: "lots" is not an error rate: use a percentage like 1% (or a fraction like 0.01)'],
    },
    {
      name: 'a bad for: duration',
      text: `abort_when:\n  - { metric: p99, op: ">", value: 1s, for: 10 }\n`,
      expected: ['10:45: abort_when[0].for: 10 is not a duration: add a unit, e.g. 10s or 10ms'],
    },
    {
      name: 'an unknown stage',
      text: `abort_when:\n  rules:\n    - { metric: p99, op: ">", value: 1s, stage: lod }\n`,
      expected: ['11:49: abort_when.rules[0].stage: unknown stage "lod"; did you mean "load"?'],
    },
    {
      name: 'a missing value and an unknown key',
      text: `abort_when:\n  - { metric: p99, op: ">", after: 5s }\n`,
      expected: ['10:5: abort_when[0] is missing "value"', '10:29: unknown key "after" in abort_when[0] (allowed: metric, op, value, for, delay, stage)'],
    },
    {
      name: 'target_down that is not a boolean',
      text: `abort_when:\n  target_down: off\n`,
      expected: ['10:16: abort_when.target_down must be true or false'],
    },
  ])('located problems: $name', ({ text, expected }) => {
    expect(problems(`${HEAD}${text}`)).toEqual(expected);
  });
});

describe('target.ready', () => {
  it.each(['http://elsewhere.example/healthz', '//elsewhere.example/healthz', 'healthz'])(
    '%s is refused, located: the probe must stay on the target',
    (ready) => {
      expect(problems(HEAD.replace('url: http://127.0.0.1:3000', `url: http://127.0.0.1:3000\n  ready: "${ready}"`))).toEqual([
        expect.stringMatching(/^4:\d+: target\.ready: .* must be a path on the target, starting with one \/, e\.g\. \/healthz$/),
      ]);
    },
  );

  it('a path is read', () => {
    expect(parse(HEAD.replace('url: http://127.0.0.1:3000', 'url: http://127.0.0.1:3000\n  ready: /healthz?deep=1')).target.ready).toBe('/healthz?deep=1');
  });
});

describe('target.allow_remote', () => {
  it('is read (absent = not allowed)', () => {
    expect(parse(HEAD).target.allowRemote).toBeUndefined();
    expect(parse(HEAD.replace('url: http://127.0.0.1:3000', 'url: https://staging.example.test\n  allow_remote: true')).target.allowRemote).toBe(true);
  });
});
