import { describe, it, expect } from 'vitest';
import { excuseDistrusted, stageDistrust, SLOWER_RUNNER_RATIO } from '../../src/gate/trust.js';
import type { Check, StageReport, Verdict } from '../../src/report/types.js';
import { saturatedStage as saturated, stage, thresholdCheck as check } from '../helpers/reports.js';

const excuse = (checks: Check[], current: StageReport[], baseline?: StageReport[], history?: StageReport[][]): Check[] =>
  excuseDistrusted(checks, stageDistrust(current, baseline, history));

describe('a saturated generator', () => {
  it('a failure in a saturated stage becomes a warning with the reason', () => {
    const out = excuse([check('load', 'fail')], [saturated('load', '900 of 1000 sends left more than 10 ms late')]);
    expect(out).toEqual([
      { ...check('load', 'fail'), verdict: 'warn', untrusted: 'generator-saturated', note: 'not trusted: the load generator was saturated (900 of 1000 sends left more than 10 ms late)' },
    ]);
  });

  it('without a reason the note says "saturated"', () => {
    const [c] = excuse([check('load', 'fail', { kind: 'regression' })], [saturated('load')]);
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
    const [c] = excuse([check('load', verdict)], stages);
    expect(c!.verdict).toBe(out);
    if (verdict !== 'fail' || !isSaturated) expect(c).toEqual(check('load', verdict));
  });

  it('only the saturated stage is excused', () => {
    const checks = [check('a', 'fail'), check('b', 'fail'), check('c', 'fail')];
    const out = excuse(checks, [stage({ name: 'a' }), saturated('b', 'lag'), stage({ name: 'c' })]);
    expect(out.map((c) => [c.stage, c.verdict])).toEqual([
      ['a', 'fail'],
      ['b', 'warn'],
      ['c', 'fail'],
    ]);
  });

  it('does not mutate the checks it is given', () => {
    const checks = [check('load', 'fail')];
    excuse(checks, [saturated('load', 'lag')]);
    expect(checks[0]!.verdict).toBe('fail');
    expect(checks[0]!.note).toBeUndefined();
  });
});

describe('a saturated generator in the baseline', () => {
  it('a failure against a baseline stage whose generator was saturated is not trusted either', () => {
    const base = { ...stage(), generator_saturated: true, generator: { ...stage().generator, saturated: true, reason: 'event-loop lag p99 80 ms' } };
    const [c] = excuse([{ stage: 'load', metric: 'p95', kind: 'regression', current: 1, limit: '+15%', method: 'x', verdict: 'fail' }], [stage()], [base]);
    expect(c).toMatchObject({ verdict: 'warn', untrusted: 'baseline-saturated', note: 'not trusted: the load generator was saturated in the baseline (event-loop lag p99 80 ms)' });
  });
});

describe('a runner busier than at baseline time (event-loop lag)', () => {
  const lag = (ms: number): StageReport => stage({ generator: { ...stage().generator, loop_lag_p99_ms: ms } });
  const fail: Check = { stage: 'load', metric: 'p95', kind: 'regression', current: 1, limit: '+15%', method: 'x', verdict: 'fail' };

  it.each([
    [12, 11, 'fail'], // as calm as the baseline run
    [21, 11, 'fail'], // under 2× and under +10 ms
    [25, 11, 'warn'], // both: busier
    [30, 20, 'fail'], // +10 ms but not 2×
  ] as const)('lag p99 %d ms now, %d ms then → %s', (now, then, verdict) => {
    expect(excuse([fail], [lag(now)], [lag(then)])[0]!.verdict).toBe(verdict);
  });

  it('says why, and leaves thresholds and stages without a baseline alone', () => {
    const [c] = excuse([fail], [lag(40)], [lag(12)]);
    expect(c!.note).toBe('not trusted: the runner was busier than when the baseline was measured (event-loop lag p99 40 ms against 12 ms in the baseline run)');
    expect(excuse([{ ...fail, kind: 'threshold' }], [lag(40)], [lag(12)])[0]!.verdict).toBe('fail');
    expect(excuse([fail], [lag(40)], [])[0]!.verdict).toBe('fail');
  });
});

describe('a runner slower than at baseline time (CPU probe)', () => {
  const probe = (ms: number | undefined, name = 'load'): StageReport => stage({ name, cpu_probe_ms: ms });
  const fail: Check = { stage: 'load', metric: 'p95', kind: 'regression', current: 1, limit: '+15%', method: 'x', verdict: 'fail' };

  it.each([
    [34, 34, 'fail'], // the same speed
    [40, 34, 'fail'], // +18 %: within what an idle runner and the threshold allow
    [34 * SLOWER_RUNNER_RATIO, 34, 'warn'], // at the ratio: slower
    [68, 34, 'warn'], // half the CPU
    [20, 34, 'fail'], // faster now: a regression is only more credible
  ] as const)('probe %d ms now, %d ms then → %s', (now, then, verdict) => {
    expect(excuse([fail], [probe(now)], [probe(then)])[0]!.verdict).toBe(verdict);
  });

  it('says by how much and marks the check; thresholds still fail', () => {
    const [c] = excuse([{ ...fail, note: 'confirmed' }], [probe(51)], [probe(34)]);
    expect(c).toMatchObject({
      verdict: 'warn',
      untrusted: 'runner-slower',
      note: 'not trusted: the runner was 1.50× slower than when the baseline was measured (CPU probe 51 ms against 34 ms); confirmed',
    });
    expect(excuse([{ ...fail, kind: 'threshold' }], [probe(51)], [probe(34)])[0]!.verdict).toBe('fail');
  });

  it('without a probe on either side nothing is excused', () => {
    expect(excuse([fail], [probe(undefined)], [probe(34)])[0]!.verdict).toBe('fail');
    expect(excuse([fail], [probe(60)], [probe(undefined)])[0]!.verdict).toBe('fail');
    expect(excuse([fail], [probe(60)], [])[0]!.verdict).toBe('fail');
  });

  it('with no baseline, the median probe of the past runs is the reference', () => {
    const history = [30, 34, 35, 90, 33].map((ms) => [probe(ms)]);
    const [c] = excuse([fail], [probe(60)], undefined, history);
    expect(c).toMatchObject({ verdict: 'warn', untrusted: 'runner-slower' });
    expect(c!.note).toContain('than in the past runs (median) (CPU probe 60 ms against 34 ms)');
    expect(excuse([fail], [probe(40)], undefined, history)[0]!.verdict).toBe('fail');
  });

  it('only the slower stage is excused, and a saturated generator is named first', () => {
    const sat = stage({ name: 'load', cpu_probe_ms: 80, generator_saturated: true, generator: { ...stage().generator, saturated: true, reason: 'lag' } });
    const [c] = excuse([fail], [sat], [probe(34)]);
    expect(c!.untrusted).toBe('generator-saturated');
    const out = excuse([fail, { ...fail, stage: 'other' }], [probe(80), probe(80, 'other')], [probe(34), probe(80, 'other')]);
    expect(out.map((x) => x.verdict)).toEqual(['warn', 'fail']);
  });
});
