/** The `workers` stage key: parsed for HTTP load, spike and burst stages, refused elsewhere with a located reason. */
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';
import { planFingerprint } from '../../src/baseline/fingerprint.js';
import { planText } from '../helpers/target.js';

/** The plan's problems as the CLI prints them (file:line:col: message), one a line; '' when it is valid. */
const problems = (text: string): string => {
  try {
    parsePlan(text, 'plan.yml', {});
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError);
    return (err as PlanError).message;
  }
};

const WS = `websocket:
  path: /ws
  send: "ping"
`;

describe('stage key workers', () => {
  it('is kept on load, spike and burst stages: a number or auto', () => {
    const plan = parsePlan(
      planText([
        '{ name: open, kind: load, rate: 100/s, duration: 2s, workers: 2 }',
        '{ name: users, kind: load, vus: 4, duration: 2s, workers: auto }',
        '{ name: spike, kind: spike, from: 10/s, to: 50/s, hold: 1s, after: 1s, workers: 64 }',
        '{ name: burst, kind: burst, size: 10, cycles: 2, workers: 3 }',
      ]),
      'plan.yml',
      {},
    );
    expect(plan.stages.map((s) => s.workers)).toEqual([2, 'auto', 64, 3]);
  });

  it('is left out when absent or 1, so the plan fingerprint stays what it was', () => {
    const without = parsePlan(planText(['{ name: open, kind: load, rate: 100/s, duration: 2s }']), 'plan.yml', {});
    const one = parsePlan(planText(['{ name: open, kind: load, rate: 100/s, duration: 2s, workers: 1 }']), 'plan.yml', {});
    const two = parsePlan(planText(['{ name: open, kind: load, rate: 100/s, duration: 2s, workers: 2 }']), 'plan.yml', {});
    expect('workers' in without.stages[0]!).toBe(false);
    expect('workers' in one.stages[0]!).toBe(false);
    expect(planFingerprint(one)).toBe(planFingerprint(without));
    expect(planFingerprint(two)).not.toBe(planFingerprint(without));
  });

  it.each<[string, string, string]>([
    [
      'on a baseline stage, at the key',
      '{ name: floor, kind: baseline, duration: 2s, workers: 2 }',
      'plan.yml:9:50: stages[0]: a baseline stage is one user sending back to back, which cannot be split over worker threads (remove workers)',
    ],
    [
      'on a ws stage, at the key',
      '{ name: ws, kind: load, protocol: ws, connections: 4, rate: 10/s, duration: 2s, workers: 2 }',
      "plan.yml:9:85: stages[0]: workers applies to HTTP stages only: a ws stage's connections and the replies matched to them live on one thread (spread connections over runners with --shard)",
    ],
    [
      'above 64',
      '{ name: open, kind: load, rate: 10/s, duration: 2s, workers: 65 }',
      'plan.yml:9:66: stages[0].workers: 65 workers is more than 64; auto uses every core the runner has',
    ],
    [
      '0',
      '{ name: open, kind: load, rate: 10/s, duration: 2s, workers: 0 }',
      'plan.yml:9:66: stages[0].workers: 0 is not a number of workers: use auto (one per core) or a whole number from 1 to 64',
    ],
    [
      'a word',
      '{ name: open, kind: load, rate: 10/s, duration: 2s, workers: all }',
      'plan.yml:9:66: stages[0].workers: "all" is not a number of workers: use auto (one per core) or a whole number from 1 to 64',
    ],
    [
      'a fraction',
      '{ name: open, kind: load, rate: 10/s, duration: 2s, workers: 1.5 }',
      'plan.yml:9:66: stages[0].workers: 1.5 is not a number of workers: use auto (one per core) or a whole number from 1 to 64',
    ],
  ])('%s: one located problem', (_name, stage, expected) => {
    expect(problems(planText([stage], WS))).toEqual(expected);
  });
});

describe('stage key pipelining', () => {
  it('is kept on HTTP stages, left out when absent or 1 (fingerprint unchanged)', () => {
    const piped = parsePlan(planText(['{ name: users, kind: load, vus: 8, duration: 2s, pipelining: 4 }']), 'plan.yml', {});
    const one = parsePlan(planText(['{ name: users, kind: load, vus: 8, duration: 2s, pipelining: 1 }']), 'plan.yml', {});
    const without = parsePlan(planText(['{ name: users, kind: load, vus: 8, duration: 2s }']), 'plan.yml', {});
    expect(piped.stages[0]!.pipelining).toBe(4);
    expect('pipelining' in one.stages[0]!).toBe(false);
    expect(planFingerprint(one)).toBe(planFingerprint(without));
    expect(planFingerprint(piped)).not.toBe(planFingerprint(without));
  });

  it.each<[string, string, RegExp]>([
    ['zero', '{ name: u, kind: load, vus: 8, duration: 2s, pipelining: 0 }', /^plan\.yml:9:\d+: .*pipelining/],
    ['above 64', '{ name: u, kind: load, vus: 8, duration: 2s, pipelining: 65 }', /^plan\.yml:9:\d+: .*pipelining/],
    [
      'a ws stage',
      '{ name: ws, kind: load, protocol: ws, connections: 4, rate: 10/s, duration: 2s, pipelining: 2 }',
      /^plan\.yml:9:\d+: stages\[0\]: pipelining applies to HTTP stages only/,
    ],
  ])('is refused %s, at the key', (_name, stage, message) => {
    expect(problems(planText([stage], stage.includes('ws') ? WS : undefined))).toMatch(message);
  });
});
