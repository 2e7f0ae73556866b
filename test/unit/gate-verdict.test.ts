import { describe, it, expect } from 'vitest';
import { excuseBusierRunner, excuseSaturatedStages, overallVerdict } from '../../src/gate/verdict.js';
import type { Check, StageReport, Verdict } from '../../src/report/types.js';
import { stage } from '../helpers/reports.js';

function saturated(name: string, reason?: string): StageReport {
  return stage({ name, generator_saturated: true, generator: { late_sends: 900, dropped: 0, loop_lag_p99_ms: 80, loop_lag_max_ms: 200, saturated: true, reason } });
}

const check = (stageName: string, verdict: Verdict, extra: Partial<Check> = {}): Check => ({
  stage: stageName,
  metric: 'p95',
  kind: 'threshold',
  current: 10,
  limit: '< 5ms',
  method: 'absolute',
  verdict,
  ...extra,
});

describe('excuseSaturatedStages', () => {
  it('a failure in a saturated stage becomes a warning with the reason', () => {
    const out = excuseSaturatedStages([check('load', 'fail')], [saturated('load', '900 of 1000 sends left more than 10 ms late')]);
    expect(out).toEqual([
      { ...check('load', 'fail'), verdict: 'warn', note: 'not trusted: the load generator was saturated (900 of 1000 sends left more than 10 ms late)' },
    ]);
  });

  it('without a reason the note says "saturated"', () => {
    const [c] = excuseSaturatedStages([check('load', 'fail', { kind: 'regression' })], [saturated('load')]);
    expect(c!.verdict).toBe('warn');
    expect(c!.note).toBe('not trusted: the load generator was saturated (saturated)');
  });

  it.each<[Verdict, boolean, Verdict]>([
    ['fail', true, 'warn'],
    ['warn', true, 'warn'],
    ['pass', true, 'pass'],
    ['fail', false, 'fail'],
    ['warn', false, 'warn'],
    ['pass', false, 'pass'],
  ])('%s in a stage with saturated=%s → %s', (verdict, isSaturated, out) => {
    const stages = [isSaturated ? saturated('load', 'lag') : stage()];
    const [c] = excuseSaturatedStages([check('load', verdict)], stages);
    expect(c!.verdict).toBe(out);
    if (verdict !== 'fail' || !isSaturated) expect(c).toEqual(check('load', verdict));
  });

  it('only the saturated stage is excused', () => {
    const checks = [check('a', 'fail'), check('b', 'fail'), check('c', 'fail')];
    const out = excuseSaturatedStages(checks, [stage({ name: 'a' }), saturated('b', 'lag'), stage({ name: 'c' })]);
    expect(out.map((c) => [c.stage, c.verdict])).toEqual([
      ['a', 'fail'],
      ['b', 'warn'],
      ['c', 'fail'],
    ]);
  });

  it('does not mutate the checks it is given', () => {
    const checks = [check('load', 'fail')];
    excuseSaturatedStages(checks, [saturated('load', 'lag')]);
    expect(checks[0]!.verdict).toBe('fail');
    expect(checks[0]!.note).toBeUndefined();
  });
});

describe('overallVerdict', () => {
  it.each<[string, Verdict[], Partial<StageReport>, Verdict]>([
    ['no checks, healthy stage', [], {}, 'pass'],
    ['all pass', ['pass', 'pass'], {}, 'pass'],
    ['one warn', ['pass', 'warn'], {}, 'warn'],
    ['one fail among warns', ['warn', 'fail', 'pass'], {}, 'fail'],
    ['saturated generator, all checks pass', ['pass'], { generator_saturated: true }, 'warn'],
    ['dropped sends, all checks pass', ['pass'], { dropped: 3 }, 'warn'],
    ['dropped sends and a failure', ['fail'], { dropped: 3 }, 'fail'],
  ])('%s → %s', (_name, verdicts, overrides, out) => {
    expect(overallVerdict(verdicts.map((v) => check('load', v)), [stage(overrides)])).toBe(out);
  });

  it('a saturated stage without any checks still warns', () => {
    expect(overallVerdict([], [stage({ name: 'ok' }), saturated('hot', 'lag')])).toBe('warn');
  });

  it('no stages and no checks pass', () => {
    expect(overallVerdict([], [])).toBe('pass');
  });
});

describe('excuseSaturatedStages: the baseline side', () => {
  it('a failure against a baseline stage whose generator was saturated is not trusted either', () => {
    const base = { ...stage(), generator_saturated: true, generator: { ...stage().generator, saturated: true, reason: 'event-loop lag p99 80 ms' } };
    const [c] = excuseSaturatedStages([{ stage: 'load', metric: 'p95', kind: 'regression', current: 1, limit: '+15%', method: 'x', verdict: 'fail' }], [stage()], [base]);
    expect(c).toMatchObject({ verdict: 'warn', note: 'not trusted: the load generator was saturated (in the baseline: event-loop lag p99 80 ms)' });
  });
});

describe('excuseBusierRunner: a runner busier than at baseline time', () => {
  const lag = (ms: number): StageReport => stage({ generator: { ...stage().generator, loop_lag_p99_ms: ms } });
  const fail: Check = { stage: 'load', metric: 'p95', kind: 'regression', current: 1, limit: '+15%', method: 'x', verdict: 'fail' };

  it.each([
    [12, 11, 'fail'], // as calm as the baseline run
    [21, 11, 'fail'], // under 2× and under +10 ms
    [25, 11, 'warn'], // both: busier
    [30, 20, 'fail'], // +10 ms but not 2×
  ] as const)('lag p99 %d ms now, %d ms then → %s', (now, then, verdict) => {
    expect(excuseBusierRunner([fail], [lag(now)], [lag(then)])[0]!.verdict).toBe(verdict);
  });

  it('says why, and leaves thresholds and stages without a baseline alone', () => {
    const [c] = excuseBusierRunner([fail], [lag(40)], [lag(12)]);
    expect(c!.note).toBe('not trusted: the runner was busier than when the baseline was measured (event-loop lag p99 40 ms against 12 ms in the baseline run)');
    expect(excuseBusierRunner([{ ...fail, kind: 'threshold' }], [lag(40)], [lag(12)])[0]!.verdict).toBe('fail');
    expect(excuseBusierRunner([fail], [lag(40)], [])[0]!.verdict).toBe('fail');
  });
});
