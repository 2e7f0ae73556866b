import { describe, it, expect } from 'vitest';
import { gate } from '../../src/gate/index.js';
import { evaluateThresholds } from '../../src/gate/thresholds.js';
import { breakingPointCheck, evaluateRegressions } from '../../src/gate/regression.js';
import { bandPositions, evaluateBandRules } from '../../src/gate/band.js';
import { parseRegression, parseThreshold } from '../../src/plan/index.js';
import { certainBreak, judgeStep, stressOutcome } from '../../src/load/stress.js';
import { StageMetrics, SpanMetrics } from '../../src/metrics/stage-metrics.js';
import type { StageReport, StressOutcome, StressStep } from '../../src/model/report.js';
import { stage } from '../helpers/reports.js';

const latency = (p95: number) => ({ min: 1, mean: p95 / 2, p50: p95 / 2, p90: p95 * 0.9, p95, p99: p95 * 1.5, p999: p95 * 2, max: p95 * 3 });
const until = [parseThreshold('p95', '< 200ms'), parseThreshold('error_rate', '< 1%')];

function step(index: number, level: number, passed: boolean): StressStep {
  return judgeStep(
    until,
    index,
    level,
    index * 2000,
    2000,
    passed ? { requests: level * 2, errors: 0, latency: latency(20), dropped: 0 } : { requests: level * 2, errors: level, latency: latency(450), dropped: 0 },
  );
}

function stressStage(breakingAt: number | null, o: { from?: number; step?: number; levels?: number } = {}): StageReport {
  const from = o.from ?? 50;
  const by = o.step ?? 50;
  const steps: StressStep[] = [];
  for (let i = 0; i < (o.levels ?? 8); i++) {
    const level = from + i * by;
    const passed = breakingAt === null || level < breakingAt;
    steps.push(step(i, level, passed));
    if (!passed) break;
  }
  const outcome: StressOutcome = stressOutcome({ model: 'open', from, step: by, max: from + ((o.levels ?? 8) - 1) * by, everyMs: 2000, until }, steps);
  // The whole stage's numbers include the broken step: p95 and errors far over the step rules.
  return stage({ name: 'capacity', kind: 'stress', stress: outcome, error_rate: 0.2, errors: 200, latency_ms: latency(400) });
}

describe('stress steps', () => {
  it('a step breaks on each condition it misses, named with the value it had', () => {
    const s = judgeStep(until, 3, 200, 6000, 2100, { requests: 400, errors: 8, latency: latency(412), dropped: 3 });
    expect(s.passed).toBe(false);
    expect(s.broke).toEqual(['p95 < 200ms (was 412 ms)', 'error_rate < 1% (was 2.00%)', '3 sends dropped (max_in_flight requests outstanding)']);
    expect(s).toMatchObject({ index: 3, level: 200, start_s: 6, duration_s: 2.1, error_rate: 0.02, rps: 190.48 });
  });

  it('the breaking point is the last level that passed; broke_at the first that broke; reached_max when none broke', () => {
    expect(stressStage(300).stress).toMatchObject({ breaking_point: 250, broke_at: 300, reached_max: false });
    expect(stressStage(null, { levels: 4 }).stress).toMatchObject({ breaking_point: 200, broke_at: null, reached_max: true });
    expect(stressStage(50).stress).toMatchObject({ breaking_point: null, broke_at: 50, reached_max: false });
  });
});

describe('a stress step stops early once its break is certain (open model)', () => {
  /** A step of 100 planned requests, recorded through a stage's metrics as the engine records them. */
  function step(rules: string[][]) {
    const metrics = new StageMetrics(['root'], 1000);
    const span = new SpanMetrics(0);
    metrics.spans.push(span);
    const certain = certainBreak(
      rules.map(([m, r]) => parseThreshold(m!, r)),
      span,
      100,
    );
    const record = (latencyMs: number, error = false) => metrics.record(0, 10, latencyMs, error ? 500 : 200, error ? 'http_5xx' : undefined);
    return { certain, record };
  }

  it('p95 < 200ms: certain once more than 5 of the 100 requests took 200 ms or more', () => {
    const s = step([['p95', '< 200ms']]);
    for (let i = 0; i < 90; i++) s.record(10);
    for (let i = 0; i < 5; i++) s.record(200);
    expect(s.certain(0)).toBe(false);
    s.record(250);
    expect(s.certain(0)).toBe(true);
  });

  it('p95 <= 200ms counts only requests over 200 ms; max < 1s breaks at the first request over it', () => {
    const le = step([['p95', '<= 200ms']]);
    for (let i = 0; i < 10; i++) le.record(200);
    expect(le.certain(0)).toBe(false);
    const max = step([['max', '< 1s']]);
    max.record(999);
    expect(max.certain(0)).toBe(false);
    max.record(1000);
    expect(max.certain(0)).toBe(true);
  });

  it('error_rate < 1%: certain at the first error of 100 planned; a dropped send breaks at once; mean and lower limits never stop a step', () => {
    const e = step([['error_rate', '< 1%']]);
    e.record(5);
    expect(e.certain(0)).toBe(false);
    e.record(5, true);
    expect(e.certain(0)).toBe(true);
    const other = step([
      ['mean', '< 10ms'],
      ['p50', '> 1ms'],
    ]);
    for (let i = 0; i < 100; i++) other.record(500);
    expect(other.certain(0)).toBe(false);
    expect(other.certain(1)).toBe(true);
  });
});

describe('gating a stress stage', () => {
  it('only breaking_point rules judge it: the "*" and stage latency/error rules were its break conditions', () => {
    const thresholds = {
      '*': [parseThreshold('p95', '< 200ms'), parseThreshold('error_rate', '< 1%')],
      capacity: [parseThreshold('breaking_point', '> 200')],
    };
    const checks = evaluateThresholds(thresholds, [stressStage(300)]);
    expect(checks.map((c) => [c.metric, c.current, c.verdict])).toEqual([['breaking_point', 250, 'pass']]);
    expect(evaluateThresholds(thresholds, [stressStage(200)]).map((c) => c.verdict)).toEqual(['fail']);
  });

  it('a first step that broke fails a breaking_point threshold, saying why', () => {
    const [c] = evaluateThresholds({ capacity: [parseThreshold('breaking_point', '> 10')] }, [stressStage(50)]);
    expect(c).toMatchObject({ current: null, verdict: 'fail' });
    expect(c!.note).toBe('the first step (50) already broke: p95 < 200ms (was 450 ms); error_rate < 1% (was 50.00%)');
  });

  it('breaking_point rules do not reach other stages; latency rules do not reach stress stages', () => {
    const checks = evaluateThresholds({ '*': [parseThreshold('breaking_point', '> 100'), parseThreshold('p95', '< 200ms')] }, [stage(), stressStage(300)]);
    expect(checks.map((c) => `${c.stage} ${c.metric}`)).toEqual(['load p95', 'capacity breaking_point']);
  });

  const rule = parseRegression('breaking_point', '-10%');
  it('a lower breaking point by more than the rule and more than a step fails', () => {
    const c = breakingPointCheck(rule, stressStage(450), stressStage(300))!;
    expect(c).toMatchObject({ baseline: 400, current: 250, verdict: 'fail', method: 'step-resolution', delta_pct: -37.5 });
    expect(c.note).toBe('400/s → 250/s: 3 steps lower (steps of 50/s)');
  });

  it('one step lower passes, and the note says why (the resolution is one step)', () => {
    const c = breakingPointCheck(rule, stressStage(450), stressStage(400))!;
    expect(c).toMatchObject({ baseline: 400, current: 350, verdict: 'pass', significant: false });
    expect(c.note).toBe(
      "400/s → 350/s: 1 step lower (steps of 50/s); one step is the measurement's resolution (a target near a step's edge lands either side of it), so it passes",
    );
  });

  it('a higher breaking point passes; a first step that now breaks fails; differently stepped baselines warn', () => {
    expect(breakingPointCheck(rule, stressStage(300), stressStage(450))!.verdict).toBe('pass');
    expect(breakingPointCheck(rule, stressStage(300), stressStage(50))!).toMatchObject({
      verdict: 'fail',
      note: 'the first step broke (the baseline held up to 250/s)',
    });
    expect(breakingPointCheck(rule, stressStage(300, { step: 25 }), stressStage(300))!.verdict).toBe('warn');
  });

  describe('listed levels (vus: [10, 50, 100, 500, 1000])', () => {
    const LEVELS = [10, 50, 100, 500, 1000];
    /** A closed-model sweep through LEVELS whose first broken level is `breakingAt`. */
    function sweep(breakingAt: number | null, levels = LEVELS): StageReport {
      const steps: StressStep[] = [];
      for (const [i, level] of levels.entries()) {
        steps.push(step(i, level, breakingAt === null || level < breakingAt));
        if (!steps[i]!.passed) break;
      }
      const outcome = stressOutcome({ model: 'closed', from: levels[0]!, step: 0, max: levels[levels.length - 1]!, levels, everyMs: 2000, until }, steps);
      return stage({ name: 'sweep', kind: 'stress', stress: outcome });
    }

    it('the outcome keeps the list; one level lower passes (the gap is the resolution), two fail, naming the levels', () => {
      expect(sweep(500).stress).toMatchObject({ from: 10, step: 0, max: 1000, levels: LEVELS, breaking_point: 100, broke_at: 500 });
      expect(breakingPointCheck(rule, sweep(500), sweep(100))!).toMatchObject({
        baseline: 100,
        current: 50,
        verdict: 'pass',
        note: expect.stringMatching(/^100 users → 50 users: 1 step lower \(levels 10, 50, 100, 500, 1000 users\); one step is/),
      });
      expect(breakingPointCheck(rule, sweep(500), sweep(50))!).toMatchObject({
        baseline: 100,
        current: 10,
        verdict: 'fail',
        note: '100 users → 10 users: 2 steps lower (levels 10, 50, 100, 500, 1000 users)',
      });
      expect(breakingPointCheck(rule, sweep(500), sweep(1000))!.verdict).toBe('pass');
    });

    it('another list, or steps instead of a list, is not comparable', () => {
      expect(breakingPointCheck(rule, sweep(500, [10, 50, 100, 500, 2000]), sweep(500))!).toMatchObject({
        verdict: 'warn',
        note: 'the baseline stepped differently (levels 10, 50, 100, 500, 2000 users): not comparable',
      });
      expect(breakingPointCheck(rule, stressStage(300), sweep(500))!.verdict).toBe('warn');
    });
  });

  it('a run cut short before its first step ended warns "nothing to compare", never "the first step broke"', () => {
    const cut = stressStage(null);
    cut.stress = { ...cut.stress!, steps: [], breaking_point: null, broke_at: null, reached_max: false };
    expect(breakingPointCheck(rule, stressStage(300), cut)!).toMatchObject({
      verdict: 'warn',
      note: 'no step of this run ran to its end (the stage was cut short): nothing to compare',
    });
  });

  it('the default regression rules of a stress stage judge only its breaking point', () => {
    const checks = evaluateRegressions(undefined, [stressStage(450)], [stressStage(300)]);
    expect(checks.map((c) => [c.metric, c.verdict])).toEqual([['breaking_point', 'fail']]);
    // A plan's own p95 rule does not reach the stress stage either.
    const planRules = [parseRegression('p95', '+10%'), rule];
    expect(evaluateRegressions(planRules, [stressStage(450)], [stressStage(450)]).map((c) => c.metric)).toEqual(['breaking_point']);
  });

  it('a band on breaking_point is at least one step wide, and a lower point is the worse side', () => {
    const history = [400, 400, 400, 400, 400].map((bp) => [stressStage(bp + 50)]);
    const band = parseRegression('breaking_point', 'band');
    expect(band.direction).toBe('decrease');
    expect(evaluateBandRules([band], history, [stressStage(450)])[0]!.verdict).toBe('pass');
    expect(evaluateBandRules([band], history, [stressStage(200)])[0]!.verdict).toBe('fail');
  });

  it("a stress stage's place in its history is its breaking point's, not its overloaded percentiles'", () => {
    const history = [350, 400, 400, 450, 400].map((bp) => [stressStage(bp + 50)]);
    expect(bandPositions(history, [stressStage(300)]).map((b) => [b.metric, b.current, b.median])).toEqual([['breaking_point', 250, 400]]);
  });

  it('a whole gate: a stress stage whose steps broke as designed passes on its breaking point', () => {
    const r = gate({ thresholds: { '*': [parseThreshold('p95', '< 200ms')], capacity: [parseThreshold('breaking_point', '> 200')] } }, [
      { ...stressStage(300), dropped: 12 },
    ]);
    expect(r.verdict).toBe('pass');
  });
});

describe('gating a soak stage', () => {
  const soak = (drift: number | null, memory?: NonNullable<StageReport['soak']>['memory']): StageReport =>
    stage({
      name: 'overnight',
      kind: 'soak',
      soak: { drift: { first_p95: 10, last_p95: drift === null ? 0 : 10 * (1 + drift / 100), delta_pct: drift }, ...(memory ? { memory } : {}) },
    });
  const thresholds = { overnight: [parseThreshold('drift', '< 20%'), parseThreshold('memory_growth', '< 10%')] };

  it('drift and memory growth are judged in percent', () => {
    const mem = { url: 'http://127.0.0.1:1/metrics', before_bytes: 100e6, after_bytes: 125e6, growth_pct: 25 };
    const checks = evaluateThresholds(thresholds, [soak(35, mem)]);
    expect(checks.map((c) => [c.metric, c.current, c.verdict])).toEqual([
      ['drift', 35, 'fail'],
      ['memory_growth', 25, 'fail'],
    ]);
    expect(evaluateThresholds(thresholds, [soak(5, { ...mem, after_bytes: 102e6, growth_pct: 2 })]).map((c) => c.verdict)).toEqual(['pass', 'pass']);
  });

  it('an unreadable metrics page warns on memory_growth, never fails it', () => {
    const mem = { url: 'http://127.0.0.1:1/metrics', before_bytes: null, after_bytes: null, growth_pct: null, error: 'before: GET /metrics answered 404' };
    const [, c] = evaluateThresholds(thresholds, [soak(5, mem)]);
    expect(c).toMatchObject({
      metric: 'memory_growth',
      current: null,
      verdict: 'warn',
      note: "the target's memory could not be read: before: GET /metrics answered 404",
    });
  });

  it('a soak without a metrics page is not judged on memory_growth by "*" rules; drift without data warns', () => {
    const checks = evaluateThresholds({ '*': [parseThreshold('memory_growth', '< 10%'), parseThreshold('drift', '< 20%')] }, [soak(null), stage()]);
    expect(checks.map((c) => [c.stage, c.metric, c.verdict])).toEqual([['overnight', 'drift', 'warn']]);
  });
});

describe('stress gating: the cases a review found', () => {
  const rule = parseRegression('breaking_point', '-10%');

  it('a run that reached a lower max than the baseline broke at warns "not comparable", never fails', () => {
    // The baseline broke at 1050/s (breaking point 1000); this run's max is 500/s and nothing broke.
    const before = stressStage(1050, { from: 50, step: 50, levels: 40 });
    const after = stressStage(null, { from: 50, step: 50, levels: 10 });
    expect(after.stress).toMatchObject({ breaking_point: 500, reached_max: true });
    const c = breakingPointCheck(rule, before, after)!;
    expect(c).toMatchObject({ verdict: 'warn', baseline: 1000, current: 500 });
    expect(c.note).toBe("this run stopped at its max (500/s), below the baseline's breaking point (1000/s): not comparable");
    // A run that broke below the baseline still fails.
    expect(breakingPointCheck(rule, before, stressStage(500, { levels: 40 }))!.verdict).toBe('fail');
  });

  it('a band on breaking_point warns, never fails, for a run that reached its max below the band', () => {
    const history = [1000, 1000, 1000, 1000, 1000].map((bp) => [stressStage(bp + 50, { levels: 40 })]);
    const [c] = evaluateBandRules([parseRegression('breaking_point', 'band')], history, [stressStage(null, { levels: 10 })]);
    expect(c).toMatchObject({ verdict: 'warn', current: 500 });
    expect(c!.note).toMatch(/^this run stopped at its max \(500\/s\), below the history's band \(band .* – .*\): not comparable$/);
    expect(evaluateBandRules([parseRegression('breaking_point', 'band')], history, [stressStage(500, { levels: 40 })])[0]!.verdict).toBe('fail');
  });

  it('a band on breaking_point fails a run whose first step broke, as the % rule does', () => {
    const history = [400, 400, 400, 400, 400].map((bp) => [stressStage(bp + 50)]);
    for (const raw of ['band', '-3σ']) {
      const checks = evaluateBandRules([parseRegression('breaking_point', raw)], history, [stressStage(50)]);
      expect(checks.map((c) => [c.metric, c.current, c.verdict])).toEqual([['breaking_point', null, 'fail']]);
      expect(checks[0]!.note).toBe('the first step (50) already broke: p95 < 200ms (was 450 ms); error_rate < 1% (was 50.00%)');
    }
  });

  it('a band rule on a figure an imported stage lacks warns, naming how to get it', () => {
    const imported = stage({ imported: { tool: 'k6', missing: ['p99'] }, latency_ms: { ...latency(100), p99: null as unknown as number } });
    const history = [1, 2, 3, 4, 5].map(() => [stage({ latency_ms: latency(100) })]);
    const checks = evaluateBandRules([parseRegression('p99', '+3σ')], history, [imported]);
    expect(checks.map((c) => [c.metric, c.verdict, c.note])).toEqual([
      ['p99', 'warn', 'the k6 summary has no p99: add "p(99)" to k6\'s summaryTrendStats option to gate on it'],
    ]);
  });

  it('a regression: block with no breaking_point rule keeps the stress default; regression: {} is still off', () => {
    const checks = evaluateRegressions([parseRegression('p95', '+15%')], [stressStage(450)], [stressStage(300)]);
    expect(checks.map((c) => [c.stage, c.metric, c.limit, c.verdict])).toEqual([['capacity', 'breaking_point', '-10%', 'fail']]);
    expect(evaluateRegressions([], [stressStage(450)], [stressStage(300)])).toEqual([]);
    // A plan rule on breaking_point is the plan's, not the default's.
    expect(evaluateRegressions([parseRegression('breaking_point', '-50%')], [stressStage(450)], [stressStage(300)]).map((c) => c.verdict)).toEqual(['pass']);
  });

  it('a step with half its requests failing breaks even when its conditions are on latency only', () => {
    const p95Only = [parseThreshold('p95', '< 200ms')];
    const s = judgeStep(p95Only, 1, 100, 2000, 2000, { requests: 200, errors: 126, latency: latency(1), dropped: 0 });
    expect(s.passed).toBe(false);
    expect(s.broke).toEqual(['errors 63% (a step with half its requests failing always breaks)']);
    expect(judgeStep(p95Only, 1, 100, 2000, 2000, { requests: 200, errors: 99, latency: latency(1), dropped: 0 }).passed).toBe(true);
    // An error_rate condition that already broke is not said twice.
    expect(judgeStep(until, 1, 100, 2000, 2000, { requests: 200, errors: 126, latency: latency(1), dropped: 0 }).broke).toEqual([
      'error_rate < 1% (was 63.00%)',
    ]);
  });

  it('with latency-only conditions, a step is certain to break once half its planned requests failed', () => {
    const metrics = new StageMetrics(['root'], 1000);
    const span = new SpanMetrics(0);
    metrics.spans.push(span);
    const certain = certainBreak([parseThreshold('p95', '< 200ms')], span, 100);
    for (let i = 0; i < 49; i++) metrics.record(0, 10, 1, 0, 'connect');
    expect(certain(0)).toBe(false);
    metrics.record(0, 10, 1, 0, 'connect');
    expect(certain(0)).toBe(true);
  });
});
