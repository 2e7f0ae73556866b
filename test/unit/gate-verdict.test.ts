import { describe, it, expect } from 'vitest';
import { overallVerdict } from '../../src/gate/verdict.js';
import type { StageReport, Verdict } from '../../src/model/report.js';
import { saturatedStage as saturated, stage, thresholdCheck as check } from '../helpers/reports.js';

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
    expect(
      overallVerdict(
        verdicts.map((v) => check('load', v)),
        [stage(overrides)],
      ),
    ).toBe(out);
  });

  it('a saturated stage without any checks still warns', () => {
    expect(overallVerdict([], [stage({ name: 'ok' }), saturated('hot', 'lag')])).toBe('warn');
  });

  it('no stages and no checks pass', () => {
    expect(overallVerdict([], [])).toBe('pass');
  });
});
