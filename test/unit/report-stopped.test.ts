/** The one early-stop record (report.json `stopped`, src/model/stop.ts), with known answers, for new and old reports. */
import { describe, expect, it } from 'vitest';
import { earlyStop, stoppedOf } from '../../src/model/stop.js';
import { whyNotBaseline } from '../../src/baseline/save-guard.js';
import { report, stage, thresholdCheck } from '../helpers/reports.js';

const limitCheck = thresholdCheck('users', 'fail', {
  metric: 'requests',
  current: 512,
  limit: '< 500 (limits.max_requests)',
  method: 'run limit',
  note: 'the run sent 512 requests, reaching limits.max_requests (500) in stage "users", and was stopped',
});

describe('earlyStop: what ended a run early, whichever mechanism', () => {
  it('a limit stop (read from its check)', () => {
    expect(earlyStop(report({ verdict: 'fail', checks: [limitCheck] }))).toEqual({
      by: 'limit',
      stage: 'users',
      rule: 'limits.max_requests',
      at_s: null,
      reason: 'the run sent 512 requests, reaching limits.max_requests (500) in stage "users", and was stopped',
    });
  });

  it('an abort_when rule', () => {
    const r = report({}, { aborted: { rule: 'error_rate > 50% for 2s', at_s: 3.1, reason: 'error rate 93% for 2 s' } } as never);
    expect(earlyStop(r)).toEqual({ by: 'abort_when', stage: 'load', rule: 'error_rate > 50% for 2s', at_s: 3.1, reason: 'error rate 93% for 2 s' });
  });

  it('a cancel', () => {
    expect(earlyStop(report({ cancelled: true }))).toMatchObject({ by: 'cancel', stage: 'load', rule: 'cancel', at_s: null });
  });

  it("a stress stage's certain break: its step ended early", () => {
    const steps = [
      {
        index: 0,
        level: 50,
        start_s: 0,
        duration_s: 5,
        requests: 250,
        errors: 0,
        error_rate: 0,
        rps: 50,
        latency_ms: { p50: 1, p95: 2, p99: 3 },
        passed: true,
      },
      {
        index: 1,
        level: 100,
        start_s: 5,
        duration_s: 2.5,
        requests: 250,
        errors: 0,
        error_rate: 0,
        rps: 100,
        latency_ms: { p50: 1, p95: 300, p99: 400 },
        passed: false,
        broke: ['p95 < 200ms (was 300 ms)'],
        ended_early: true,
      },
    ];
    const r = report({
      stages: [
        stage({
          name: 'capacity',
          kind: 'stress',
          stress: {
            unit: 'rps',
            from: 50,
            step: 50,
            every_s: 5,
            max: 500,
            until: ['p95 < 200ms'],
            steps,
            breaking_point: 50,
            broke_at: 100,
            reached_max: false,
          },
        }),
      ],
    });
    expect(earlyStop(r)).toEqual({
      by: 'break',
      stage: 'capacity',
      rule: 'p95 < 200ms (was 300 ms)',
      at_s: 7.5,
      reason: 'step 2 (100) broke and ended early: p95 < 200ms (was 300 ms)',
    });
  });

  it('a run that ran its plan has none; a recorded stop wins over what the parts say', () => {
    expect(earlyStop(report())).toBeUndefined();
    const recorded = { by: 'cancel' as const, rule: 'cancel', at_s: null, reason: 'interrupted' };
    expect(stoppedOf(report({ stopped: recorded, checks: [limitCheck] }))).toBe(recorded);
  });
});

describe('the save guard reads the one record', () => {
  it.each([
    [
      'a limit stop names the limit, not just "the gate failed"',
      report({ verdict: 'fail', checks: [limitCheck] }),
      /^the run was stopped early \(the run sent 512 requests/,
    ],
    [
      'a recorded abort',
      report({ verdict: 'fail', stopped: { by: 'abort_when', stage: 'load', rule: 'target_down', at_s: 3, reason: 'the target stopped answering' } }),
      /^stage load was aborted \(the target stopped answering\)/,
    ],
    ['a recorded cancel', report({ stopped: { by: 'cancel', rule: 'cancel', at_s: null, reason: 'interrupted' } }), /^the run was interrupted$/],
  ])('%s', (_, r, reason) => {
    expect(whyNotBaseline(r, { ran: 1, planned: 1 })).toMatch(reason);
  });

  it('a stress break is a result, not an early end: such a run may become a baseline', () => {
    const r = report({ stopped: { by: 'break', stage: 'capacity', rule: 'p95 < 200ms', at_s: 7.5, reason: 'step 2 broke' } });
    expect(whyNotBaseline(r, { ran: 1, planned: 1 })).toBeUndefined();
  });
});
