/**
 * `run --shard i/n`: one shard's part of every stage, so that n runs (a GitHub Actions matrix)
 * together send exactly the plan's load and `merge` can add their histograms into one result.
 *  - open-model rates (load with rate, spike): every n-th send of the whole schedule, starting at
 *    send i − 1, so the shards' counts add up to the schedule's total and their sends interleave;
 *    `max_in_flight` is divided too (rounded up);
 *  - users (vus), burst size and WebSocket connections: split as evenly as possible, the first
 *    shards taking the remainder (7 users over 3 shards: 3, 2, 2);
 *  - a baseline stage (one user) runs on shard 1; shards whose part is empty wait the stage out.
 * Pure: the plan in, the plan this shard runs out.
 */
import { UsageError } from '../errors.js';
import type { Plan, StageShare, StageSpec } from '../plan/types.js';
import { stageSchedule } from './stage.js';

/** More shards than this is a typo, not a matrix (GitHub caps a matrix at 256 jobs). */
export const MAX_SHARDS = 64;

/** Shard `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard takes i/n (this shard's number / the number of shards), such as 2/3; got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`--shard ${text}: the number of shards must be from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${text}: the shard number must be from 1 to ${count}`);
  return { index, count };
}

/** This shard's part of `total` things split into parts that differ by at most 1, the first ones larger. */
export function evenPart(total: number, shard: Shard): number {
  return Math.floor(total / shard.count) + (shard.index - 1 < total % shard.count ? 1 : 0);
}

/**
 * The stage as this shard runs it (the counts are the shard's part; `share` says which part).
 * Parts compose: part i of n of a stage that is already part j of m (a worker thread's part of a
 * `--shard` run) runs every (m·n)-th send from send (j − 1) + (i − 1)·m, i.e. part j + (i − 1)·m of m·n.
 */
export function shardStage(spec: StageSpec, shard: Shard): StageSpec {
  const outer = spec.share;
  const share = (idle: boolean): StageShare =>
    outer
      ? { index: outer.index + (shard.index - 1) * outer.count, count: outer.count * shard.count, idle: idle || outer.idle }
      : { index: shard.index, count: shard.count, idle };
  const ws = spec.protocol === 'ws';
  const connections = ws ? { connections: evenPart(spec.connections ?? 1, shard) } : {};
  switch (spec.kind) {
    case 'baseline':
      // One user cannot be divided: shard 1 measures the floor, the others keep quiet meanwhile.
      return { ...spec, ...connections, share: share(shard.index !== 1) };
    case 'burst': {
      if (ws) needsConnectionPerShard(spec, shard);
      const size = evenPart(spec.size, shard);
      return { ...spec, ...connections, size, share: share(size === 0) };
    }
    case 'load':
      if (spec.model === 'closed') {
        // ws closed stages: vus is the number of connections.
        const vus = evenPart(spec.vus, shard);
        return { ...spec, ...connections, vus, share: share(vus === 0) };
      }
      return openShare(spec, shard, connections, share);
    case 'spike':
      return openShare(spec, shard, connections, share);
    case 'stress':
    case 'soak':
      // A stress stage decides each next step from the step just run, which shards cannot share;
      // a soak's drift and memory are one target's, read by one runner.
      throw new UsageError(
        `--shard: stage "${spec.name}" is a ${spec.kind} stage, which runs on one runner; leave it out of sharded runs (--stage NAME selects the others)`,
      );
  }
}

function openShare(spec: StageSpec, shard: Shard, connections: { connections?: number }, share: (idle: boolean) => StageShare): StageSpec {
  if (spec.protocol === 'ws') needsConnectionPerShard(spec, shard);
  const part: StageSpec = { ...spec, ...connections, maxInFlight: Math.ceil(spec.maxInFlight / shard.count), share: share(false) };
  // A schedule with fewer sends than shards (2 sends, shard 3) leaves this shard nothing to send.
  return { ...part, share: share((stageSchedule(part)?.total ?? 0) === 0) };
}

/** A ws stage that sends messages on a schedule or in bursts needs a connection in every shard to send them on. */
function needsConnectionPerShard(spec: StageSpec, shard: Shard): void {
  const connections = spec.connections ?? 1;
  if (connections < shard.count) {
    throw new UsageError(
      `--shard ${shard.index}/${shard.count}: stage "${spec.name}" sends its messages over ${connections} WebSocket connection${connections === 1 ? '' : 's'}, ` +
        `too few for ${shard.count} shards (each needs one): use at most ${connections} shard${connections === 1 ? '' : 's'} or more connections`,
    );
  }
}

/** The plan this shard runs: every stage's part. The plan's fingerprint stays the whole plan's. */
export function shardPlan(plan: Plan, shard: Shard): Plan {
  for (const s of plan.stages) {
    // Setup and verify are one run's (reset the stock, then count what was sold): shards would each
    // reset it, or verify while the others still sell, and setup's captures would reach one shard only.
    if (s.setup || s.verify)
      throw new UsageError(
        `--shard: stage "${s.name}" has ${s.setup ? 'setup' : 'verify'} requests, which run once per run and cannot be shared out; leave it out of sharded runs (--stage NAME selects the others)`,
      );
  }
  return { ...plan, stages: plan.stages.map((s) => shardStage(s, shard)) };
}
