import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { loadPlan, parsePlan } from '../../src/plan/index.js';
import { DEFAULT_LIMITS, MAX_TIMER_MS } from '../../src/plan/check-limits.js';
import { planFingerprint } from '../../src/baseline/fingerprint.js';
import { failStoppedRun } from '../../src/gate/limits.js';
import { planProblems } from '../helpers/plan.js';

const problems = planProblems;

const HEAD = `version: 1
target:
  url: http://127.0.0.1:3000
requests:
  - path: /posts
`; // lines 1-5; `stages:` is line 6, the first stage line 7

const plan = (stages: string, tail = ''): string => `${HEAD}stages:\n${stages}${tail}`;

describe('default limits: a stage above one is refused, located at its key', () => {
  it.each([
    {
      name: 'max_rate: an open-model rate',
      stages:
        '  - { name: a, kind: baseline, duration: 1s }\n  - { name: b, kind: baseline, duration: 1s }\n  - { name: hot, kind: load, rate: 50000/s, duration: 2s }\n',
      expected: '9:36: stages[2].rate: 50000/s is above limits.max_rate (20000/s); raise limits.max_rate to allow it',
    },
    {
      name: "max_rate: a spike's peak",
      stages: '  - { kind: spike, from: 10/s, to: 30000/s, hold: 1s, after: 1s }\n',
      expected: '7:36: stages[0].to: 30000/s is above limits.max_rate (20000/s); raise limits.max_rate to allow it',
    },
    {
      name: 'max_connections: closed-model users',
      stages: '  - { kind: load, vus: 5000, duration: 10s }\n',
      expected: '7:24: stages[0].vus: 5,000 users is above limits.max_connections (1,000); raise limits.max_connections to allow it',
    },
    {
      name: "max_connections: a burst's size",
      stages: '  - { kind: burst, size: 100000, cycles: 1 }\n',
      expected: '7:26: stages[0].size: a burst of 100,000 requests at once is above limits.max_connections (1,000); raise limits.max_connections to allow it',
    },
    {
      name: 'max_connections: max_in_flight of an open stage',
      stages: '  - { kind: load, rate: 100/s, duration: 2s, max_in_flight: 1000000000 }\n',
      expected:
        '7:61: stages[0].max_in_flight: 1,000,000,000 requests in flight is above limits.max_connections (1,000); raise limits.max_connections to allow it',
    },
    {
      name: 'max_duration: one long stage',
      stages: '  - { kind: load, vus: 10, duration: 20m }\n',
      expected: '7:38: stages[0] runs 20m, above limits.max_duration (15m); raise limits.max_duration to allow it',
    },
    {
      name: 'max_duration: the stages summed, at the stage that passes it',
      stages: '  - { name: a, kind: load, vus: 10, duration: 10m }\n  - { name: b, kind: load, vus: 10, duration: 6m }\n',
      expected: '8:47: stages[1] brings the planned time of the run to 16m, above limits.max_duration (15m); raise limits.max_duration to allow it',
    },
    {
      name: 'max_requests: an open-model total (rate × time, ramps included)',
      // 0 → 5000/s over 2 min averages 2500/s (300,000), then 5000/s for 7 min (2,100,000).
      stages: '  - { kind: load, rate: 5000/s, ramp: 2m, duration: 9m }\n',
      expected: '7:25: stages[0] schedules 2,400,000 requests, above limits.max_requests (2,000,000); raise limits.max_requests to allow it',
    },
    {
      name: 'max_requests: bursts and open stages summed',
      stages: '  - { name: a, kind: burst, size: 1000, cycles: 1000, pause: 10ms }\n  - { name: b, kind: load, rate: 10000/s, duration: 2m }\n',
      expected:
        '8:34: stages[1] brings the requests the run schedules to 2,200,000, above limits.max_requests (2,000,000); raise limits.max_requests to allow it',
    },
  ])('$name', ({ stages, expected }) => {
    expect(problems(plan(stages))).toEqual([expected]);
  });

  it('the same stages pass once limits: raises each limit', () => {
    const text = plan(
      '  - { name: a, kind: load, rate: 50000/s, duration: 1m }\n  - { name: b, kind: load, vus: 5000, duration: 20m }\n  - { name: c, kind: burst, size: 100000, cycles: 2 }\n',
      'limits: { max_rate: 50000/s, max_connections: 100000, max_duration: 1h, max_requests: 5000000 }\n',
    );
    expect(problems(text)).toEqual([]);
    expect(parsePlan(text, 'plan.yml', {}).limits).toEqual({ maxDurationMs: 3_600_000, maxRequests: 5_000_000, maxConnections: 100_000, maxRate: 50_000 });
  });

  it('a plan within the defaults needs no limits: block, and gets the defaults', () => {
    const p = parsePlan(
      plan('  - { kind: load, rate: 20000/s, duration: 1m, max_in_flight: 1000 }\n  - { kind: burst, size: 1000, cycles: 3 }\n'),
      'plan.yml',
      {},
    );
    expect(p.limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({ maxDurationMs: 900_000, maxRequests: 2_000_000, maxConnections: 1000, maxRate: 20_000 });
  });

  it('a lowered max_connections names the default max_in_flight an open stage inherits', () => {
    expect(problems(plan('  - { kind: load, rate: 10/s, duration: 2s }\n', 'limits: { max_connections: 100 }\n'))).toEqual([
      '7:5: stages[0]: 1,000 requests in flight is above limits.max_connections (100); set max_in_flight lower or raise limits.max_connections',
    ]);
  });

  it('limits: stays out of the plan fingerprint (baselines of the plan still match)', () => {
    const stages = '  - { kind: load, rate: 100/s, duration: 2s }\n';
    const without = parsePlan(plan(stages), 'plan.yml', {});
    const raised = parsePlan(plan(stages, 'limits: { max_rate: 50000/s, max_requests: 9000000 }\n'), 'plan.yml', {});
    expect(planFingerprint(raised)).toBe(planFingerprint(without));
  });

  it('refuses bad limit values, located', () => {
    expect(
      problems(
        plan(
          '  - { kind: baseline, duration: 1s }\n',
          'limits:\n  max_rate: fast\n  max_requests: 0\n  max_duration: 100d\n  max_connections: 1e300\n  max_requests_typo: 1\n',
        ),
      ),
    ).toEqual([
      '9:13: limits.max_rate: "fast" is not a rate: use 200/s, 12000/m or a number per second',
      '10:17: limits.max_requests must be >= 1',
      '11:17: limits.max_duration: "100d" is not a duration: use 500ms, 30s or 2m',
      '12:20: limits.max_connections: 1e+300 is above the most perf-gate allows (1,000,000)',
      '13:3: unknown key "max_requests_typo" in limits; did you mean "max_requests"?',
    ]);
  });
});

describe('durations no timer can hold, and zero timeouts', () => {
  it.each([
    [
      'a stage duration',
      '  - { kind: baseline, duration: 999999999h }\n',
      '7:33: stages[0].duration: "999999999h" is longer than 576h, the longest wait perf-gate can time',
    ],
    [
      'think time',
      '  - { kind: load, vus: 1, think: 1000000h, duration: 1s }\n',
      '7:34: stages[0].think: "1000000h" is longer than 576h, the longest wait perf-gate can time',
    ],
    [
      'a burst pause',
      '  - { kind: burst, size: 1, cycles: 2, pause: 600h }\n',
      '7:47: stages[0].pause: "600h" is longer than 576h, the longest wait perf-gate can time',
    ],
  ])('%s over 24 days is refused, located', (_name, stages, expected) => {
    // The long stage is also over max_duration; the timer problem is the one asserted here.
    expect(problems(plan(stages))).toContain(expected);
  });

  it('24 days is the bound, under setTimeout’s 2^31 − 1 ms', () => {
    expect(MAX_TIMER_MS).toBe(24 * 24 * 3_600_000);
    expect(MAX_TIMER_MS).toBeLessThan(2 ** 31 - 1);
  });

  it('timeout: 0ms is refused, located (request, defaults, target, websocket)', () => {
    const text = `version: 1
target: { url: http://127.0.0.1:3000, ready: /healthz, ready_timeout: 0s }
defaults: { timeout: 0ms }
requests:
  - { path: /a, timeout: 0ms }
websocket: { path: /ws, send: ping, timeout: 0s }
stages:
  - { kind: baseline, duration: 1s }
`;
    expect(problems(text)).toEqual([
      '2:71: target.ready_timeout must be longer than 0',
      '3:22: defaults.timeout must be longer than 0',
      '5:26: requests[0].timeout must be longer than 0',
      '6:46: websocket.timeout must be longer than 0',
    ]);
  });
});

describe('plan size and nesting limits', () => {
  it('a plan over 1 MiB is one problem at 1:1 naming its size and the limit', () => {
    const text = `${plan('  - { kind: baseline, duration: 1s }\n')}# ${'x'.repeat(2 * 1024 * 1024)}\n`;
    expect(problems(text)).toEqual(['1:1: the plan is 2 MiB; a plan may be at most 1 MiB']);
  });

  it('loadPlan refuses a huge file without parsing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'perf-gate-limits-'));
    const file = join(dir, 'huge.yml');
    await writeFile(file, `version: 1\n# ${'y'.repeat(3 * 1024 * 1024)}\n`);
    const err = await loadPlan(file, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).problems).toEqual([{ file, line: 1, col: 1, message: 'the plan is 3 MiB; a plan may be at most 1 MiB' }]);
  });

  it.each([
    ['flow lists', (n: number) => `version: 1\njson: ${'['.repeat(n)}${']'.repeat(n)}\n`, [70, 2000, 20000]],
    ['flow maps', (n: number) => `version: 1\njson: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`, [70, 2000, 20000]],
    // Block nesting needs n² bytes of indentation: 1000 levels is already half the size limit.
    ['block maps', (n: number) => `version: 1\njson:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`, [70, 1000]],
    ['block lists', (n: number) => `version: 1\njson:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}- `).join('\n')}1\n`, [70, 1000]],
  ])('%s nested deeper than 64 levels are refused, located, at any depth', (_name, nest, depths) => {
    expect(problems(nest(60)).join('\n')).not.toContain('nested deeper');
    for (const n of depths) {
      const found = problems(nest(n));
      expect(found, `${n} levels`).toHaveLength(1);
      expect(found[0]).toMatch(/^\d+:\d+: the plan is nested deeper than 64 levels$/);
      const [line] = found[0]!.split(':').map(Number);
      expect(line).toBeGreaterThanOrEqual(2);
    }
  });

  it('an alias that stacks one anchor into another deeper than 64 levels is refused', () => {
    const nested = (inner: string): string => `${'['.repeat(40)}${inner}${']'.repeat(40)}`;
    const text = `a: &a ${nested('1')}\nb: ${nested('*a')}\n`;
    expect(problems(text)).toEqual(['1:1: the plan is nested deeper than 64 levels (once its aliases are expanded)']);
  });

  it('an alias bomb is refused (toJS maxAliasCount), at 1:1', () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(problems(`${bomb.join('\n')}\n`)).toEqual(['1:1: Excessive alias count indicates a resource exhaustion attack']);
  });
});

describe('a run stopped by a limit fails the gate', () => {
  it('adds a failed "run limit" check with the reason, whatever the other checks said', () => {
    const stopped = {
      limit: 'max_requests' as const,
      cap: 500,
      value: 503,
      stage: 'users',
      message: 'the run sent 503 requests, reaching limits.max_requests (500)',
    };
    const result = failStoppedRun({ checks: [], verdict: 'pass' }, stopped);
    expect(result.verdict).toBe('fail');
    expect(result.checks).toEqual([
      {
        stage: 'users',
        metric: 'requests',
        kind: 'threshold',
        current: 503,
        limit: '< 500 (limits.max_requests)',
        method: 'run limit',
        verdict: 'fail',
        note: stopped.message,
      },
    ]);
    expect(failStoppedRun({ checks: [], verdict: 'warn' }, undefined)).toEqual({ checks: [], verdict: 'warn' });
  });
});
