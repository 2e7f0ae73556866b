import { describe, it, expect } from 'vitest';
import { evenPart, MAX_SHARDS, parseShard, shardPlan, shardStage, type Shard } from '../../src/load/shard.js';
import { RateSchedule, type RateSegment } from '../../src/load/schedule.js';
import { stageSchedule } from '../../src/load/stage.js';
import { UsageError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';
import { planText } from '../helpers/target.js';
import type { StageSpec } from '../../src/plan/types.js';

const base = { protocol: 'http' as const, maxInFlight: 1000 };
const shards = (count: number): Shard[] => Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));

function sendTimes(s: RateSchedule): number[] {
  const out: number[] = [];
  for (let k = 0; k < s.total; k++) out.push(s.sendTime(k));
  return out;
}

describe('parseShard', () => {
  it.each<[string, Shard]>([
    ['1/3', { index: 1, count: 3 }],
    ['3/3', { index: 3, count: 3 }],
    [' 2/4 ', { index: 2, count: 4 }],
    ['1/1', { index: 1, count: 1 }],
    [`64/${MAX_SHARDS}`, { index: 64, count: 64 }],
  ])('%s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each<[string, RegExp]>([
    ['0/3', /shard number must be from 1 to 3/],
    ['4/3', /shard number must be from 1 to 3/],
    ['1/0', /number of shards must be from 1 to 64/],
    ['1/65', /number of shards must be from 1 to 64/],
    ['a/b', /takes i\/n .* got "a\/b"/],
    ['1-3', /takes i\/n/],
    ['1/3/5', /takes i\/n/],
    ['', /takes i\/n/],
    ['-1/3', /takes i\/n/],
  ])('%s is a UsageError with one line', (text, message) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(message);
    try {
      parseShard(text);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('open-model sends: every n-th send of the whole schedule', () => {
  const ramp: RateSegment[] = [
    { durationMs: 1000, from: 0, to: 1000 },
    { durationMs: 2000, from: 1000, to: 1000 },
  ];
  const spike: RateSegment[] = [
    { durationMs: 2000, from: 20, to: 20 },
    { durationMs: 5000, from: 20, to: 1000 },
    { durationMs: 10_000, from: 1000, to: 1000 },
    { durationMs: 3000, from: 20, to: 20 },
  ];
  it.each<[string, RateSegment[], number]>([
    ['ramp 0→1000/s over 1 s, then 1000/s for 2 s, n = 3', ramp, 3],
    ['the same, n = 7 (2500 sends: not a multiple)', ramp, 7],
    ['7/s for 1 s, n = 3', [{ durationMs: 1000, from: 7, to: 7 }], 3],
    ['2/s for 1 s, n = 3 (shard 3 sends nothing)', [{ durationMs: 1000, from: 2, to: 2 }], 3],
    ['a spike profile, n = 4', spike, 4],
    ['n = 1 is the whole schedule', ramp, 1],
  ])('%s: the union of the shards is the whole schedule, exactly', (_name, segments, n) => {
    const whole = new RateSchedule(segments);
    const parts = shards(n).map((s) => new RateSchedule(segments, { offset: s.index - 1, stride: n }));
    expect(parts.reduce((a, p) => a + p.total, 0)).toBe(whole.total);
    // Sizes differ by at most 1, the first shards taking the remainder.
    for (const [i, p] of parts.entries()) expect(p.total).toBe(evenPart(whole.total, { index: i + 1, count: n }));
    const union = parts.flatMap(sendTimes).sort((a, b) => a - b);
    expect(union).toEqual(sendTimes(whole));
  });

  it('the sends interleave in time: shard i makes sends i−1, i−1+n, …', () => {
    const segments: RateSegment[] = [{ durationMs: 1000, from: 7, to: 7 }];
    const whole = sendTimes(new RateSchedule(segments));
    expect(sendTimes(new RateSchedule(segments, { offset: 0, stride: 3 }))).toEqual([whole[0], whole[3], whole[6]]);
    expect(sendTimes(new RateSchedule(segments, { offset: 1, stride: 3 }))).toEqual([whole[1], whole[4]]);
    expect(sendTimes(new RateSchedule(segments, { offset: 2, stride: 3 }))).toEqual([whole[2], whole[5]]);
  });

  it('through shardStage: load with a ramp and a spike keep the whole count; max_in_flight is divided, rounded up', () => {
    const load: StageSpec = { ...base, name: 'load', kind: 'load', model: 'open', rate: 1000, rampMs: 1000, durationMs: 3000 };
    const spikeStage: StageSpec = {
      ...base,
      name: 'spike',
      kind: 'spike',
      fromRate: 20,
      toRate: 1000,
      beforeMs: 2000,
      rampMs: 5000,
      holdMs: 10_000,
      afterMs: 3000,
    };
    for (const spec of [load, spikeStage]) {
      const whole = stageSchedule(spec)!;
      const parts = shards(3).map((s) => shardStage(spec, s));
      expect(parts.map((p) => p.maxInFlight)).toEqual([334, 334, 334]);
      expect(parts.map((p) => p.share)).toEqual(shards(3).map((s) => ({ ...s, idle: false })));
      const union = parts.flatMap((p) => sendTimes(stageSchedule(p)!)).sort((a, b) => a - b);
      expect(union).toEqual(sendTimes(whole));
    }
  });

  it('a schedule with fewer sends than shards leaves the last shards idle', () => {
    const tiny: StageSpec = { ...base, name: 'tiny', kind: 'load', model: 'open', rate: 2, rampMs: 0, durationMs: 1000 };
    expect(shards(3).map((s) => shardStage(tiny, s).share?.idle)).toEqual([false, false, true]);
  });
});

describe('users, bursts, connections: split as evenly as possible, remainder first', () => {
  it.each<[number, number, number[]]>([
    [7, 3, [3, 2, 2]],
    [9, 3, [3, 3, 3]],
    [200, 3, [67, 67, 66]],
    [2, 3, [1, 1, 0]],
    [1, 1, [1]],
  ])('%d over %d shards: %j', (total, n, parts) => {
    expect(shards(n).map((s) => evenPart(total, s))).toEqual(parts);
  });

  it('closed-model users: a shard without users is idle (it waits the stage out)', () => {
    const vus: StageSpec = { ...base, name: 'vus', kind: 'load', model: 'closed', vus: 2, rampMs: 0, thinkMs: 10, durationMs: 2000 };
    const parts = shards(3).map((s) => shardStage(vus, s));
    expect(parts.map((p) => (p.kind === 'load' && p.model === 'closed' ? p.vus : -1))).toEqual([1, 1, 0]);
    expect(parts.map((p) => p.share?.idle)).toEqual([false, false, true]);
    expect(parts.every((p) => p.kind === 'load' && p.model === 'closed' && p.durationMs === 2000 && p.thinkMs === 10)).toBe(true);
  });

  it('burst size splits; cycles and pause stay', () => {
    const burst: StageSpec = { ...base, name: 'burst', kind: 'burst', size: 200, cycles: 5, pauseMs: 1000 };
    expect(shards(3).map((s) => shardStage(burst, s))).toEqual(
      [67, 67, 66].map((size, i) => ({ ...burst, size, share: { index: i + 1, count: 3, idle: false } })),
    );
  });

  it('a baseline stage (one user) runs on shard 1; the others are idle', () => {
    const floor: StageSpec = { ...base, name: 'floor', kind: 'baseline', durationMs: 5000 };
    expect(shards(3).map((s) => shardStage(floor, s).share?.idle)).toEqual([false, true, true]);
  });

  it('ws connections split like users; closed ws stages may leave a shard idle', () => {
    const ws = { ...base, protocol: 'ws' as const };
    const closed: StageSpec = { ...ws, name: 'ws', kind: 'load', model: 'closed', vus: 5, connections: 5, rampMs: 0, thinkMs: 0, durationMs: 1000 };
    const parts = shards(3).map((s) => shardStage(closed, s));
    expect(parts.map((p) => p.connections)).toEqual([2, 2, 1]);
    expect(parts.map((p) => (p.kind === 'load' && p.model === 'closed' ? p.vus : -1))).toEqual([2, 2, 1]);
    const open: StageSpec = { ...ws, name: 'ws-rate', kind: 'load', model: 'open', rate: 100, connections: 4, rampMs: 0, durationMs: 1000 };
    expect(shards(3).map((s) => shardStage(open, s).connections)).toEqual([2, 1, 1]);
  });

  it('a ws stage that sends on a schedule or in bursts needs a connection per shard', () => {
    const ws = { ...base, protocol: 'ws' as const };
    const open: StageSpec = { ...ws, name: 'ws-rate', kind: 'load', model: 'open', rate: 100, connections: 2, rampMs: 0, durationMs: 1000 };
    const burst: StageSpec = { ...ws, name: 'ws-burst', kind: 'burst', size: 30, cycles: 2, pauseMs: 100, connections: 2 };
    for (const spec of [open, burst]) {
      expect(() => shardStage(spec, { index: 1, count: 3 })).toThrow(UsageError);
      expect(() => shardStage(spec, { index: 1, count: 3 })).toThrow(
        `stage "${spec.name}" sends its messages over 2 WebSocket connections, too few for 3 shards`,
      );
      expect(() => shardStage(spec, { index: 2, count: 2 })).not.toThrow();
    }
  });

  it('shardPlan shards every stage and keeps everything else', () => {
    const plan = parsePlan(planText(['{ name: load, kind: load, rate: 30/s, duration: 1s }', '{ name: vus, kind: load, vus: 4, duration: 1s }']), 'p.yml', {});
    const part = shardPlan(plan, { index: 2, count: 3 });
    expect(part.requests).toBe(plan.requests);
    expect(part.stages.map((s) => s.share)).toEqual([
      { index: 2, count: 3, idle: false },
      { index: 2, count: 3, idle: false },
    ]);
    expect(stageSchedule(part.stages[0]!)!.total).toBe(10);
    expect(plan.stages[0]!.share).toBeUndefined();
  });
});
