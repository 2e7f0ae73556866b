import { describe, it, expect } from 'vitest';
import { renderComment, renderSummary, stageNotes } from '../../src/report/markdown.js';
import { renderConsole } from '../../src/report/console.js';
import { judgeStep, stressOutcome } from '../../src/load/stress.js';
import { parseThreshold } from '../../src/plan/index.js';
import type { StageReport } from '../../src/model/report.js';
import { report, stage } from '../helpers/reports.js';

const until = [parseThreshold('p95', '< 50ms')];
const lat = (p95: number) => ({ min: 1, mean: 2, p50: p95 / 2, p90: p95, p95, p99: p95 * 2, p999: p95 * 2, max: p95 * 3 });
const steps = [60, 120, 180, 240].map((level, i) =>
  judgeStep(until, i, level, i * 2000, 2000, { requests: level * 2, errors: 0, latency: lat(level === 240 ? 386 : 8), dropped: level === 240 ? 3 : 0 }),
);
const stressStage: StageReport = stage({
  name: 'capacity',
  kind: 'stress',
  dropped: 3,
  stress: stressOutcome({ model: 'open', from: 60, step: 60, max: 600, everyMs: 2000, until }, steps),
});
const soakStage: StageReport = stage({
  name: 'overnight',
  kind: 'soak',
  soak: {
    drift: { first_p95: 4.1, last_p95: 21, delta_pct: 412.2 },
    memory: { url: 'http://127.0.0.1:3000/metrics', before_bytes: 100e6, after_bytes: 120e6, growth_pct: 20 },
  },
});

describe('stress and soak in the summary', () => {
  it('one line per stress stage: breaking point, the step that broke and why, the conditions', () => {
    expect(stageNotes(report({ stages: [stressStage] }))).toEqual([
      '**capacity**: breaking point **180/s** (broke at 240/s: `p95 < 50ms (was 386 ms)`; `3 sends dropped (max_in_flight requests outstanding)`); steps of 60/s every 2 s, judged on `p95 < 50ms`.',
    ]);
  });

  it('a stress stage whose first step broke, and one that reached max, in users', () => {
    const first = stage({
      name: 'u',
      kind: 'stress',
      stress: stressOutcome({ model: 'closed', from: 10, step: 10, max: 30, everyMs: 5000, until }, [
        judgeStep(until, 0, 10, 0, 5000, { requests: 50, errors: 0, latency: lat(90), dropped: 0 }),
      ]),
    });
    expect(stageNotes(report({ stages: [first] }))[0]).toBe(
      '**u**: no breaking point: the first step already broke (broke at 10 users: `p95 < 50ms (was 90.0 ms)`); steps of 10 users every 5 s, judged on `p95 < 50ms`.',
    );
    const all = [10, 20, 30].map((l, i) => judgeStep(until, i, l, i * 5000, 5000, { requests: 50, errors: 0, latency: lat(9), dropped: 0 }));
    const max = stage({ name: 'u', kind: 'stress', stress: stressOutcome({ model: 'closed', from: 10, step: 10, max: 30, everyMs: 5000, until }, all) });
    expect(stageNotes(report({ stages: [max] }))[0]).toBe(
      '**u**: breaking point **30 users** (every step up to max 30 users passed: the target held the most the plan asked); steps of 10 users every 5 s, judged on `p95 < 50ms`.',
    );
  });

  it('one line per soak stage: drift and memory, or why the memory could not be read', () => {
    expect(stageNotes(report({ stages: [soakStage] }))).toEqual([
      '**overnight**: p95 drift +412.2% (first tenth 4.10 ms → last tenth 21.0 ms); resident memory 100.0 MB → 120.0 MB (+20.0%) from `http://127.0.0.1:3000/metrics`.',
    ]);
    const failed = stage({
      name: 'o',
      kind: 'soak',
      soak: {
        drift: { first_p95: 0, last_p95: 0, delta_pct: null },
        memory: { url: 'http://h/metrics', before_bytes: null, after_bytes: null, growth_pct: null, error: 'before: GET /metrics answered 404' },
      },
    });
    expect(stageNotes(report({ stages: [failed] }))[0]).toBe(
      '**o**: p95 drift not measured (a tenth without requests); memory not read from `http://h/metrics`: before: GET /metrics answered 404.',
    );
  });

  it('the summary has a steps table with the breaking point marked; drops in the broken step do not warn the stage', () => {
    const text = renderSummary(report({ stages: [stressStage], checks: [] }));
    expect(text).toContain('<details open><summary>Stress steps</summary>');
    expect(text).toContain('| 🏁 | 180/s | 360 | 180.0 | 0.00% | 4.00 ms | 8.00 ms | 16.0 ms |  |');
    expect(text).toContain(
      '| ❌ | 240/s | 480 | 240.0 | 0.00% | 193 ms | 386 ms | 772 ms | `p95 < 50ms (was 386 ms)`; `3 sends dropped (max_in_flight requests outstanding)` |',
    );
    expect(text).toMatch(/\| ✅ \| capacity \(stress\) \|/);
    expect(text).not.toContain('scheduled requests were dropped');
    expect(renderConsole(report({ stages: [stressStage] }))).toContain('capacity: breaking point 180/s');
  });

  it('the PR comment carries the stress and soak lines too, not the steps table', () => {
    const text = renderComment(report({ stages: [stressStage, soakStage, stage()], checks: [] }));
    expect(text).toContain('- **capacity**: breaking point **180/s** (broke at 240/s');
    expect(text).toContain('- **overnight**: p95 drift +412.2%');
    expect(text).not.toContain('Stress steps');
  });
});
