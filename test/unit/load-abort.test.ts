import { describe, it, expect } from 'vitest';
import { AbortWatch, stageAbortRules, TARGET_DOWN_RULE } from '../../src/load/abort.js';
import type { AbortRule } from '../../src/plan/types.js';
import type { ErrorKind } from '../../src/load/http.js';

const errorRate = (over: Partial<AbortRule> = {}): AbortRule => ({
  metric: 'error_rate',
  op: '>',
  value: 0.5,
  forMs: 3000,
  delayMs: 0,
  raw: 'error_rate > 50% for 3s',
  ...over,
});

/** Feeds one second per entry (n completions, `bad` of them failing with `kind`), checking at its end; returns the second (1-based) that triggered. */
function run(
  watch: AbortWatch,
  seconds: Array<{ n: number; bad: number; kind?: ErrorKind; latencyMs?: number; slowMs?: number; slow?: number }>,
): number | undefined {
  for (const [i, s] of seconds.entries()) {
    for (let k = 0; k < s.n; k++) {
      const latency = k < (s.slow ?? 0) ? (s.slowMs ?? 0) : (s.latencyMs ?? 5);
      watch.note(latency, k < s.bad ? (s.kind ?? 'http_5xx') : undefined);
    }
    if (watch.check((i + 1) * 1000)) return i + 1;
  }
  return undefined;
}

describe('AbortWatch: per-second completions, sustained rules', () => {
  it('a sustained error rate triggers once it has held for `for`', () => {
    const watch = new AbortWatch([errorRate()]);
    expect(
      run(watch, [
        { n: 100, bad: 0 },
        { n: 100, bad: 80 },
        { n: 100, bad: 80 },
        { n: 100, bad: 80 },
        { n: 100, bad: 80 },
      ]),
    ).toBe(4);
    const t = watch.check(6000)!;
    expect(t.rule).toBe('error_rate > 50% for 3s');
    expect(t.at_s).toBe(4);
    expect(t.reason).toContain('error_rate > 50% for 3s held for 3.0 s');
    expect(t.reason).toContain('80.0 % of 100 completions in the last second errors');
  });

  it('a timer that fires a little early still counts the second (2 s is 1999.6 ms of stage time)', () => {
    const watch = new AbortWatch([errorRate({ forMs: 2000 })]);
    watch.note(1, 'http_5xx');
    expect(watch.check(999.7)).toBeUndefined();
    watch.note(1, 'http_5xx');
    expect(watch.check(1999.6)?.at_s).toBe(2);
  });

  it('a blip does not: one good second restarts the streak', () => {
    const watch = new AbortWatch([errorRate()]);
    const blips = [80, 80, 0, 80, 80, 0, 100, 100, 10, 100].map((bad) => ({ n: 100, bad }));
    expect(run(watch, blips)).toBeUndefined();
  });

  it('exactly at the limit does not cross ">", does cross ">="', () => {
    expect(run(new AbortWatch([errorRate({ forMs: 0 })]), [{ n: 10, bad: 5 }])).toBeUndefined();
    expect(run(new AbortWatch([errorRate({ forMs: 0, op: '>=' })]), [{ n: 10, bad: 5 }])).toBe(1);
  });

  it('delay: seconds that start before it are not judged (delayAbortEval)', () => {
    const bad = Array.from({ length: 10 }, () => ({ n: 50, bad: 50 }));
    expect(run(new AbortWatch([errorRate({ forMs: 2000 })]), bad)).toBe(2);
    // Judging starts with the second from 5 s to 6 s; 2 s of it → triggers at the end of 7 s.
    expect(run(new AbortWatch([errorRate({ forMs: 2000, delayMs: 5000 })]), bad)).toBe(7);
  });

  it('a second with no completions neither breaks nor extends the streak', () => {
    const watch = new AbortWatch([errorRate({ forMs: 3000 })]);
    // Bad, empty, bad: the streak began at 0 s, and the third second ends it at 3 s.
    expect(
      run(watch, [
        { n: 10, bad: 10 },
        { n: 0, bad: 0 },
        { n: 10, bad: 10 },
      ]),
    ).toBe(3);
    // Empty seconds alone never trigger.
    expect(
      run(new AbortWatch([errorRate({ forMs: 0 })]), [
        { n: 0, bad: 0 },
        { n: 0, bad: 0 },
      ]),
    ).toBeUndefined();
  });

  it("p95: crosses exactly when more than 5 % of the second's completions are slower than the limit", () => {
    const p95 = (): AbortWatch => new AbortWatch([{ metric: 'p95', op: '>', value: 200, forMs: 0, delayMs: 0, raw: 'p95 > 200ms' }]);
    expect(run(p95(), [{ n: 100, bad: 0, slow: 5, slowMs: 500 }])).toBeUndefined(); // the 95th of 100 is still fast
    expect(run(p95(), [{ n: 100, bad: 0, slow: 6, slowMs: 500 }])).toBe(1);
    const max = new AbortWatch([{ metric: 'max', op: '>', value: 1000, forMs: 0, delayMs: 0, raw: 'max > 1s' }]);
    expect(run(max, [{ n: 100, bad: 0, slow: 1, slowMs: 1001 }])).toBe(1);
  });

  it('the default target_down rule: ≥ 95 % connect errors for 3 s, and other errors do not count', () => {
    const resets = Array.from({ length: 6 }, () => ({ n: 40, bad: 40, kind: 'timeout' as const }));
    expect(run(new AbortWatch([TARGET_DOWN_RULE]), resets)).toBeUndefined();
    const watch = new AbortWatch([TARGET_DOWN_RULE]);
    const dying = [
      { n: 100, bad: 0 },
      { n: 100, bad: 50, kind: 'connect' as const },
      ...Array.from({ length: 5 }, () => ({ n: 300, bad: 300, kind: 'connect' as const })),
    ];
    expect(run(watch, dying)).toBe(5);
    const t = watch.check(9000)!;
    expect(t.rule).toBe('target_down');
    expect(t.reason).toMatch(/^the target stopped answering \(connect errors on ≥ 95 % of requests for 3.0 s; 100 % of 300 completions/);
  });

  it("stageAbortRules: the plan's rules for the stage, plus target_down unless turned off", () => {
    const all = errorRate();
    const onlySpike = errorRate({ stages: ['spike'], raw: 'spiky' });
    expect(stageAbortRules(undefined, 'load')).toEqual([TARGET_DOWN_RULE]);
    expect(stageAbortRules({ rules: [all, onlySpike], targetDown: true }, 'load')).toEqual([all, TARGET_DOWN_RULE]);
    expect(stageAbortRules({ rules: [all, onlySpike], targetDown: false }, 'spike')).toEqual([all, onlySpike]);
    expect(new AbortWatch(stageAbortRules({ rules: [], targetDown: false }, 'x')).active).toBe(false);
  });
});
