import { describe, it, expect } from 'vitest';
import { joinTimelines, roundSpec } from '../../src/load/ab.js';
import type { StageResult } from '../../src/load/stage.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import type { StageSpec } from '../../src/plan/types.js';

const base = { protocol: 'http' as const, maxInFlight: 1000 };

describe('roundSpec: one round of a stage in A/B', () => {
  it('an open-model load splits its steady time; the ramp is warm-up and is left out', () => {
    const spec: StageSpec = { ...base, name: 'load', kind: 'load', model: 'open', rate: 200, rampMs: 10_000, durationMs: 70_000 };
    expect(roundSpec(spec, 6)).toEqual({ spec: { ...spec, rampMs: 0, durationMs: 10_000 }, rounds: 6 });
  });

  it('closed-model users and the baseline stage split their duration; rounds never stretch a stage', () => {
    const closed: StageSpec = { ...base, name: 'vus', kind: 'load', model: 'closed', vus: 20, rampMs: 0, thinkMs: 0, durationMs: 3_000 };
    expect(roundSpec(closed, 6)).toEqual({ spec: { ...closed, durationMs: 500 }, rounds: 6 });
    // 2 s cannot make 6 rounds of at least 500 ms: 4 rounds, still 2 s per side.
    expect(roundSpec({ ...closed, durationMs: 2_000 }, 6)).toEqual({ spec: { ...closed, durationMs: 500 }, rounds: 4 });
    expect(roundSpec({ ...closed, durationMs: 300 }, 6)).toEqual({ spec: { ...closed, durationMs: 300 }, rounds: 1 });
    const floor: StageSpec = { ...base, name: 'floor', kind: 'baseline', durationMs: 12_000 };
    expect(roundSpec(floor, 4)).toEqual({ spec: { ...floor, durationMs: 3_000 }, rounds: 4 });
  });

  it('a burst splits its cycles, never into more rounds than cycles', () => {
    const burst: StageSpec = { ...base, name: 'burst', kind: 'burst', size: 50, cycles: 12, pauseMs: 1000 };
    expect(roundSpec(burst, 6)).toEqual({ spec: { ...burst, cycles: 2 }, rounds: 6 });
    expect(roundSpec({ ...burst, cycles: 3 }, 6)).toEqual({ spec: { ...burst, cycles: 1 }, rounds: 3 });
    // Never more cycles than planned: 15 → 5 rounds of 3; 13 (prime) → 10 rounds of 1, 3 left out.
    expect(roundSpec({ ...burst, cycles: 15 }, 10)).toEqual({ spec: { ...burst, cycles: 3 }, rounds: 5 });
    expect(roundSpec({ ...burst, cycles: 13 }, 10)).toEqual({ spec: { ...burst, cycles: 1 }, rounds: 10 });
    expect(roundSpec({ ...burst, cycles: 3 }, 2)).toEqual({ spec: { ...burst, cycles: 3 }, rounds: 1 });
  });

  it('a spike cannot be cut: it runs whole, once per side', () => {
    const spike: StageSpec = { ...base, name: 'spike', kind: 'spike', fromRate: 10, toRate: 100, beforeMs: 5000, rampMs: 1000, holdMs: 5000, afterMs: 10_000 };
    expect(roundSpec(spike, 6)).toEqual({ spec: spike, rounds: 1 });
  });
});

describe("joinTimelines: one side's rounds against time in the rounds", () => {
  const window = (t: number, requests: number): TimelineWindow => ({
    t,
    rps: requests,
    p50: 1,
    p90: 1,
    p95: 1,
    p99: 1,
    max: 1,
    mean: 1,
    requests,
    errors: 0,
    active: 1,
    late_sends: 0,
    loop_lag_ms: 0,
  });
  const round = (durationMs: number, windows: TimelineWindow[]) =>
    ({
      spec: { ...base, name: 'load', kind: 'load', model: 'open', rate: 100, rampMs: 0, durationMs },
      durationMs: durationMs + 3,
      timeline: windows,
    }) as unknown as StageResult;

  it('0.6-s rounds start where the last one ended, and their rate is per second of the time they covered', () => {
    const joined = joinTimelines([round(600, [window(0, 60)]), round(600, [window(0, 60)]), round(600, [window(0, 57)])]);
    expect(joined.map((w) => w.t)).toEqual([0, 0.6, 1.2]);
    expect(joined.map((w) => w.rps)).toEqual([100, 100, 95]);
  });

  it("whole seconds stay as they are; only the window a round's end cuts short is rescaled", () => {
    const joined = joinTimelines([round(1500, [window(0, 100), window(1, 50)]), round(1500, [window(0, 100), window(1, 50)])]);
    expect(joined.map((w) => [w.t, w.rps])).toEqual([
      [0, 100],
      [1, 100],
      [1.5, 100],
      [2.5, 100],
    ]);
  });
});
