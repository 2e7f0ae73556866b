import { describe, it, expect } from 'vitest';
import { RateSchedule, type RateSegment } from '../../src/load/schedule.js';

const constant = (rate: number, durationMs: number): RateSegment => ({ durationMs, from: rate, to: rate });
const ramp = (from: number, to: number, durationMs: number): RateSegment => ({ durationMs, from, to });

/** Every send time of a schedule, in order. */
function allTimes(s: RateSchedule): number[] {
  const out: number[] = [];
  for (let k = 0; k < s.total; k++) out.push(s.sendTime(k));
  return out;
}

/** A spike as the spike stage builds it: before, ramp up, hold, ramp down (instant), after. */
const spike: RateSegment[] = [constant(20, 2_000), ramp(20, 1000, 5_000), constant(1000, 10_000), constant(20, 3_000)];

describe('RateSchedule totals', () => {
  it.each<[string, RateSegment[], number, number]>([
    ['200/s × 5 s', [constant(200, 5_000)], 1000, 5_000],
    ['1/s × 1 s', [constant(1, 1_000)], 1, 1_000],
    ['0.1/s × 10 s (float sums)', [constant(0.1, 10_000)], 1, 10_000],
    ['3/s × 3.3 s (floor of 9.9)', [constant(3, 3_300)], 9, 3_300],
    ['ramp 0→100/s over 10 s = r·d/2', [ramp(0, 100, 10_000)], 500, 10_000],
    ['ramp 0→200/s over 5 s', [ramp(0, 200, 5_000)], 500, 5_000],
    ['ramp 100→0/s over 2 s', [ramp(100, 0, 2_000)], 100, 2_000],
    ['ramp 0→3/s over 1 s (1.5 → 1)', [ramp(0, 3, 1_000)], 1, 1_000],
    ['ramp then hold: 0→200 over 10 s + 200 × 50 s', [ramp(0, 200, 10_000), constant(200, 50_000)], 1000 + 10_000, 60_000],
    ['spike profile', spike, 40 + 2550 + 10_000 + 60, 20_000],
    ['zero-rate pause in the middle', [constant(10, 1_000), constant(0, 5_000), constant(10, 1_000)], 20, 7_000],
    ['no segments', [], 0, 0],
  ])('%s → %d sends over %d ms', (_name, segments, total, durationMs) => {
    const s = new RateSchedule(segments);
    expect(s.total).toBe(total);
    expect(s.durationMs).toBe(durationMs);
  });
});

describe('RateSchedule.sendTime', () => {
  it.each([
    [200, 0, 0],
    [200, 1, 5],
    [200, 2, 10],
    [200, 999, 4995],
    [50, 7, 140],
    [1000, 123, 123],
    [3, 2, 666.6666666666666],
  ])('constant %d/s: send %d is due at %d ms (k / rate)', (rate, k, ms) => {
    const s = new RateSchedule([constant(rate, 5_000)]);
    expect(s.sendTime(k)).toBeCloseTo(ms, 9);
  });

  it('ramp 0→r: send k is due at sqrt(2k·d/r) (the integral r·t²/(2d) reaches k)', () => {
    const s = new RateSchedule([ramp(0, 100, 10_000)]);
    for (const k of [0, 1, 2, 50, 125, 300, 499]) {
      expect(s.sendTime(k)).toBeCloseTo(Math.sqrt((2 * k * 10) / 100) * 1000, 6);
    }
    // Halfway through the ramp a quarter of the sends have gone.
    expect(s.sendTime(125)).toBeCloseTo(5_000, 6);
  });

  it('ramp down r→0 ends exactly at the end of the segment', () => {
    const s = new RateSchedule([ramp(100, 0, 2_000)]);
    expect(s.total).toBe(100);
    expect(s.sendTime(0)).toBe(0);
    // ∫ = 100t − 25t² reaches 75 at t = 1 s.
    expect(s.sendTime(75)).toBeCloseTo(1_000, 6);
    expect(s.sendTime(99)).toBeLessThan(2_000);
  });

  it.each<[string, RateSegment[]]>([
    ['constant 200/s × 5 s', [constant(200, 5_000)]],
    ['ramp 0→100 over 10 s', [ramp(0, 100, 10_000)]],
    ['ramp then hold', [ramp(0, 200, 10_000), constant(200, 50_000)]],
    ['spike', spike],
    ['ramp down', [ramp(1000, 20, 5_000)]],
    ['pause in the middle', [constant(10, 1_000), constant(0, 5_000), constant(10, 1_000)]],
    ['odd fractional rates', [constant(7.3, 1_700), ramp(7.3, 0.9, 2_300), constant(13, 900)]],
  ])('%s: first at 0, non-decreasing, last before the end', (_name, segments) => {
    const s = new RateSchedule(segments);
    const times = allTimes(s);
    expect(times.length).toBe(s.total);
    expect(times[0]).toBe(0);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(times[times.length - 1]!).toBeLessThan(s.durationMs);
    expect(times.every(Number.isFinite)).toBe(true);
  });

  it.each<[string, RateSegment[], number, number]>([
    // 10/s for 1 s then 20/s: send 10 opens the second segment exactly.
    ['10/s → 20/s, send 10', [constant(10, 1_000), constant(20, 1_000)], 10, 1_000],
    ['10/s → 20/s, send 9', [constant(10, 1_000), constant(20, 1_000)], 9, 900],
    ['10/s → 20/s, send 11', [constant(10, 1_000), constant(20, 1_000)], 11, 1_050],
    ['10/s → 20/s, send 29', [constant(10, 1_000), constant(20, 1_000)], 29, 1_950],
    // Fractional boundary: 1.5 sends in the first segment, so send 2 is 0.5 send into the second.
    ['1/s × 1.5 s → 2/s, send 1', [constant(1, 1_500), constant(2, 1_000)], 1, 1_000],
    ['1/s × 1.5 s → 2/s, send 2', [constant(1, 1_500), constant(2, 1_000)], 2, 1_750],
    // The pause is skipped: send 10 is due when the rate comes back.
    ['pause: send 10', [constant(10, 1_000), constant(0, 5_000), constant(10, 1_000)], 10, 6_000],
    ['pause: send 19', [constant(10, 1_000), constant(0, 5_000), constant(10, 1_000)], 19, 6_900],
    // Spike: 40 sends before the ramp, 2590 at the start of the hold, 12590 at the start of "after".
    ['spike: last pre-spike send', spike, 39, 1_950],
    ['spike: first ramp send', spike, 40, 2_000],
    ['spike: first hold send', spike, 2590, 7_000],
    ['spike: second hold send', spike, 2591, 7_001],
    ['spike: first after send', spike, 12_590, 17_000],
    ['spike: last send', spike, 12_649, 19_950],
  ])('segment boundaries are exact: %s', (_name, segments, k, ms) => {
    const s = new RateSchedule(segments);
    expect(s.sendTime(k)).toBeCloseTo(ms, 6);
  });

  it('counts per second of a spike follow the profile', () => {
    const s = new RateSchedule(spike);
    const perSecond = new Array<number>(20).fill(0);
    for (const t of allTimes(s)) perSecond[Math.floor(t / 1000)]!++;
    expect(perSecond.slice(0, 2)).toEqual([20, 20]);
    // Ramp 20→1000 over 5 s: 196/s², so second i of the ramp has 20 + 196·(i + 0.5) sends.
    expect(perSecond.slice(2, 7)).toEqual([118, 314, 510, 706, 902]);
    expect(perSecond.slice(7, 17)).toEqual(new Array(10).fill(1000));
    expect(perSecond.slice(17, 20)).toEqual([20, 20, 20]);
  });

  it('asking for an earlier send after a later one rewinds correctly', () => {
    const s = new RateSchedule([constant(10, 1_000), constant(20, 1_000), constant(40, 1_000)]);
    expect(s.sendTime(45)).toBeCloseTo(2_375, 6);
    expect(s.sendTime(5)).toBeCloseTo(500, 6);
    expect(s.sendTime(15)).toBeCloseTo(1_250, 6);
  });
});
