import { describe, it, expect } from 'vitest';
import { renderConsole } from '../../src/report/console.js';
import type { Check, Report } from '../../src/model/report.js';
import { report, SPEC_STAGE, stage as plainStage } from '../helpers/reports.js';
const stage = (o: Parameters<typeof plainStage>[0] = {}) => plainStage({ ...SPEC_STAGE, ...o });

const withBaseline = { baseline: { source: 'base.json', started_at: '2024-12-31T00:00:00.000Z', target: 'x' } };
const squash = (line: string): string => line.trim().split(/\s+/).join(' ');

describe('renderConsole', () => {
  it('starts with the table header and has one aligned row per stage', () => {
    const out = renderConsole(
      report({
        stages: [
          stage(),
          stage({
            name: 'spike-a-long-name',
            kind: 'spike',
            requests: 40,
            rps: 20,
            error_rate: 0,
            latency_ms: { ...stage().latency_ms, p95: 150.4, max: 3000 },
          }),
        ],
      }),
    );
    const lines = out.split('\n');
    expect(squash(lines[0]!)).toBe('stage kind requests rps errors p50 p95 p99 max');
    expect(squash(lines[1]!)).toBe('load load 12000 199.8 0.025% 1.80 ms 3.90 ms 9.70 ms 31.0 ms');
    expect(squash(lines[2]!)).toBe('spike-a-long-name spike 40 20.0 0.00% 1.80 ms 150 ms 9.70 ms 3.00 s');
    // columns are padded to a common width
    expect(new Set(lines.slice(0, 3).map((l) => [...l].length)).size).toBe(1);
    expect(lines[0]!.startsWith('stage            ')).toBe(true);
  });

  it.each<[Report['verdict'], boolean, string]>([
    ['pass', false, '✅ verdict: PASS (no baseline: thresholds only)'],
    ['warn', false, '⚠️ verdict: WARN (no baseline: thresholds only)'],
    ['fail', true, '❌ verdict: FAIL'],
    ['pass', true, '✅ verdict: PASS'],
  ])('verdict %s (baseline %s) → last line %j', (verdict, hasBaseline, line) => {
    const out = renderConsole(report({ verdict, ...(hasBaseline ? withBaseline : {}) }));
    expect(out.split('\n').at(-1)).toBe(line);
  });

  it('lists checks with verdict, rule and change', () => {
    const checks: Check[] = [
      {
        stage: 'load',
        metric: 'p95',
        kind: 'regression',
        baseline: 3.5,
        current: 5.6,
        delta_pct: 60,
        limit: '+15%',
        interval_pct: [55.2, 64.9],
        method: 'bootstrap-windows',
        verdict: 'fail',
      },
      { stage: 'load', metric: 'rps', kind: 'threshold', current: 199.8, limit: '> 190', method: 'absolute', verdict: 'pass' },
    ];
    const lines = renderConsole(report({ verdict: 'fail', checks, ...withBaseline }))
      .split('\n')
      .map(squash);
    expect(lines).toContain('stage check baseline current change [95% interval]');
    expect(lines).toContain('FAIL load p95 +15% vs baseline 3.50 ms 5.60 ms +60.0% [55.2, 64.9]');
    expect(lines).toContain('PASS load rps > 190 — 199.8/s');
  });

  it('no checks → no checks table', () => {
    expect(renderConsole(report())).not.toContain('change [95% interval]');
  });

  it('stage notes are plain bullet lines without markdown bold', () => {
    const out = renderConsole(report({ stages: [stage({ dropped: 4 })] }));
    expect(out).toContain('- ⚠️ load: 4 scheduled requests were dropped');
    expect(out).not.toContain('**');
  });

  it('one line per diagnosis, before the verdict', () => {
    const diagnoses = [
      { id: 'rate-limited', stage: 'load', severity: 'warn' as const, title: 'The target rate-limited this load.', evidence: ['300 429s'] },
      { id: 'saturation', stage: 'ramp', severity: 'info' as const, title: 'Saturation at 50 req/s.', evidence: ['p95 10 ms'] },
    ];
    const lines = renderConsole(report({ diagnoses })).split('\n');
    const at = lines.indexOf('What this run says:');
    expect(lines.slice(at, at + 3)).toEqual(['What this run says:', '⚠️ load: The target rate-limited this load.', 'ℹ️ ramp: Saturation at 50 req/s.']);
    expect(renderConsole(report())).not.toContain('What this run says');
  });
});
