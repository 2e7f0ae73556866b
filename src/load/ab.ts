/**
 * Same-runner A/B: every stage runs against base and head in alternating short rounds (A B, B A,
 * A B, …), each round the same load, so both sides see the same machine at nearly the same time.
 * Returns the rounds as measured (for paired statistics) and each side merged into one result
 * (for the report). Knows nothing of gates: pairing is the gate's business.
 */
import { UsageError } from '../errors.js';
import type { Plan, StageSpec } from '../plan/types.js';
import { addStageMetrics, StageMetrics } from '../metrics/stage-metrics.js';
import type { TimelineWindow } from '../metrics/timeline.js';
import type { HttpClient } from './http.js';
import { selectStages, stageClient, type RunResult } from './run-plan.js';
import { runStage, type SessionCache, type StageProgress, type StageResult } from './stage.js';
import { waitUntilReady } from './target.js';
import { addUnsentTally, type UnsentTally } from './context.js';
import { sumGenerators, sumSessions } from '../metrics/merge.js';
import type { FlowOutcome } from './stage-flows.js';
import { DataRows } from './data-rows.js';

export type Side = 'base' | 'head';

/** Shortest round: shorter ones would be mostly start-up and drain. */
export const MIN_ROUND_MS = 500;

export interface AbOptions {
  baseUrl: string;
  headUrl: string;
  /** Rounds per stage (each side runs 1/rounds of the stage per round). */
  rounds: number;
  stages?: string[];
  signal?: AbortSignal;
  onRound?: (stage: StageSpec, round: number, rounds: number, side: Side) => void;
  onProgress?: (p: StageProgress) => void;
}

export interface AbStage {
  spec: StageSpec;
  /** Round i of base ran next to round i of head. */
  base: StageResult[];
  head: StageResult[];
}

export interface AbRunResult {
  base: RunResult;
  head: RunResult;
  stages: AbStage[];
}

/**
 * One round's share of a stage, and how many rounds it gets. Timed stages split their steady
 * time (a ramp is warm-up, not something to compare, so rounds run at full load); bursts split
 * their cycles; a spike is one shape that cannot be cut, so it runs once per side.
 */
export function roundSpec(spec: StageSpec, rounds: number): { spec: StageSpec; rounds: number } {
  // Rounds never stretch a stage: each side gets the plan's time, cut into rounds of at least MIN_ROUND_MS.
  const cut = (steadyMs: number): { n: number; ms: number } => {
    const n = Math.max(1, Math.min(rounds, Math.floor(steadyMs / MIN_ROUND_MS)));
    return { n, ms: Math.round(steadyMs / n) };
  };
  switch (spec.kind) {
    case 'baseline': {
      const { n, ms } = cut(spec.durationMs);
      return { spec: { ...spec, durationMs: ms }, rounds: n };
    }
    case 'load': {
      const { n, ms } = cut(spec.durationMs - spec.rampMs);
      return { spec: { ...spec, rampMs: 0, durationMs: ms }, rounds: n };
    }
    case 'burst': {
      // As many rounds as divide the cycles exactly (never more cycles than planned); when only
      // 1 or 2 would, as many whole cycles per round as fit, leaving the remainder out.
      const most = Math.min(rounds, spec.cycles);
      let n = most;
      while (spec.cycles % n !== 0) n--;
      if (n < 3 && most >= 3) n = most;
      return { spec: { ...spec, cycles: Math.floor(spec.cycles / n) }, rounds: n };
    }
    case 'spike':
      return { spec, rounds: 1 };
    case 'stress':
    case 'soak':
      // A stress stage stops where its target breaks and a soak is one long stretch: neither can be
      // cut into rounds that alternate between two builds.
      throw new UsageError(
        `ab: stage "${spec.name}" is a ${spec.kind} stage, which cannot be split into rounds; compare it with run --baseline instead (or leave it out with --stage)`,
      );
  }
}

/**
 * A short, uncounted run against each side before the first round: JIT, connection pools and
 * caches warm up on both builds, so round 1 does not compare a cold generator with a warm one.
 * Undefined for a spike (its own `before` phase is its warm-up).
 */
export function warmUpSpec(oneRound: StageSpec): StageSpec | undefined {
  switch (oneRound.kind) {
    case 'baseline':
    case 'load':
      return { ...oneRound, name: `${oneRound.name} (warm-up)`, durationMs: Math.min(1000, oneRound.durationMs) };
    case 'burst':
      return { ...oneRound, name: `${oneRound.name} (warm-up)`, cycles: 1 };
    case 'spike':
    case 'stress':
    case 'soak':
      return undefined;
  }
}

/** A round's sending time, s: its planned time (a burst's and a spike's: as run). */
const roundSeconds = (p: StageResult): number => ('durationMs' in p.spec ? p.spec.durationMs : p.durationMs) / 1000;

/**
 * One side's rounds as one timeline, against time in the rounds: round k's windows start where
 * round k−1's sending time ended (0.6-s rounds: 0, 0.6, 1.2 …), and a window the round's end cut
 * short gives its rate over the time it covered, not per whole second (a 0.6-s round is not a
 * second at 60 % of the rate).
 */
export function joinTimelines(parts: StageResult[]): TimelineWindow[] {
  const out: TimelineWindow[] = [];
  let offset = 0;
  for (const p of parts) {
    const length = roundSeconds(p);
    for (const w of p.timeline) {
      const covered = Math.min(1, length - w.t);
      const rps = covered > 0 && covered < 1 ? Math.round((w.requests / covered) * 10) / 10 : w.rps;
      out.push({ ...w, t: Math.round((offset + w.t) * 1000) / 1000, rps });
    }
    offset += length;
  }
  return out;
}

/** One side's rounds as one stage result: histograms added, counts summed, timelines joined. */
export function mergeRounds(parts: StageResult[]): StageResult {
  const first = parts[0]!;
  const metrics = new StageMetrics(
    first.metrics.endpoints.map((e) => e.name),
    1000,
  );
  for (const p of parts) addStageMetrics(metrics, p.metrics);
  const spec: StageSpec =
    first.spec.kind === 'burst'
      ? { ...first.spec, cycles: parts.reduce((a, p) => a + (p.spec.kind === 'burst' ? p.spec.cycles : 0), 0) }
      : first.spec.kind === 'spike'
        ? first.spec
        : first.spec.kind === 'stress'
          ? first.spec
          : { ...first.spec, durationMs: parts.reduce((a, p) => a + ('durationMs' in p.spec ? p.spec.durationMs : 0), 0) };
  const scheduled = first.scheduled !== undefined ? parts.reduce((a, p) => a + (p.scheduled ?? 0), 0) : undefined;
  return {
    spec,
    startedAt: first.startedAt,
    durationMs: parts.reduce((a, p) => a + p.durationMs, 0),
    metrics,
    timeline: joinTimelines(parts),
    // Judged on the totals, as for a stage run in one piece: one late second in six rounds is not saturation.
    generator: sumGenerators(
      parts.map((p) => p.generator),
      scheduled,
      metrics.requests,
    ),
    cycles: first.cycles ? parts.flatMap((p) => p.cycles ?? []).map((c, i) => ({ ...c, cycle: i + 1 })) : undefined,
    spike: first.spike,
    scheduled,
    mode: first.mode,
    aborted: roundsAborted(parts),
    sessions: sumSessions(parts.map((p) => p.sessions)),
    unsent: parts.reduce<UnsentTally | undefined>((a, p) => addUnsentTally(a, p.unsent), undefined),
    // Every round sets up and verifies; a failure in any round is the one to show.
    setup: worstFlows(parts.map((p) => p.setup)),
    verify: worstFlows(parts.map((p) => p.verify)),
  };
}

/** Per request name: the first failed outcome among the rounds, else the last round's. */
function worstFlows(rounds: Array<FlowOutcome[] | undefined>): FlowOutcome[] | undefined {
  const present = rounds.filter((r): r is FlowOutcome[] => r !== undefined);
  if (present.length === 0) return undefined;
  const last = present[present.length - 1]!;
  return last.map((o, i) => present.map((r) => r[i]).find((x) => x !== undefined && !x.ok) ?? o);
}

/** The first abort_when trigger among the rounds, its time counted over the rounds joined. */
function roundsAborted(parts: StageResult[]): StageResult['aborted'] {
  let offsetMs = 0;
  for (const p of parts) {
    if (p.aborted) return { ...p.aborted, at_s: Math.round((offsetMs / 1000 + p.aborted.at_s) * 10) / 10 };
    offsetMs += p.durationMs;
  }
  return undefined;
}

export async function runAb(plan: Plan, o: AbOptions): Promise<AbRunResult> {
  const stages = selectStages(plan, o.stages);
  const signal = o.signal ?? new AbortController().signal;
  const urls: Record<Side, string> = { base: o.baseUrl, head: o.headUrl };
  // A stage that cannot be cut into rounds is refused before any load, not after the stages before it.
  for (const spec of stages) roundSpec(spec, o.rounds);
  // Both must answer before any load: a dead head is exit 3, not a lopsided comparison.
  for (const url of [o.baseUrl, o.headUrl]) {
    await waitUntilReady({ url, readyPath: plan.target.ready, timeoutMs: plan.target.ready ? plan.target.readyTimeoutMs : 1000, signal });
  }
  const startedAt = new Date();
  const t0 = Date.now();
  const seq = { value: 0 };
  // Each side hands out the plan's data rows as one run would (the same rows to the same users).
  const rows: Record<Side, DataRows> = { base: new DataRows(plan.data), head: new DataRows(plan.data) };
  const out: AbStage[] = [];
  let warmedUp = false;
  // abort_when ended a round (either side): no more rounds, no more stages.
  let stopped = false;
  for (const [stageIndex, spec] of stages.entries()) {
    if (signal.aborted || stopped) break;
    const { spec: oneRound, rounds } = roundSpec(spec, o.rounds);
    const clients: Record<Side, HttpClient> = { base: stageClient(o.baseUrl, oneRound), head: stageClient(o.headUrl, oneRound) };
    // Each side's users log in once per stage (before the warm-up or the first round's clock), not once per round.
    const sessions: Record<Side, SessionCache> = { base: { users: new Map() }, head: { users: new Map() } };
    const stage: AbStage = { spec, base: [], head: [] };
    try {
      const warmUp = warmedUp ? undefined : warmUpSpec(oneRound);
      for (const side of warmUp ? (['base', 'head'] as const) : []) {
        if (!signal.aborted)
          await runStage(warmUp!, { plan, client: clients[side], target: urls[side], signal, seq, sessions: sessions[side], rows: rows[side] });
      }
      if (warmUp) warmedUp = true;
      for (let round = 0; round < rounds && !signal.aborted; round++) {
        // ABBA order: whichever side runs second in a round runs first in the next, so a warming
        // (or tiring) machine favours neither; stages alternate too (a spike has one round).
        const order: Side[] = (round + stageIndex) % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
        const results: Partial<Record<Side, StageResult>> = {};
        for (const side of order) {
          if (signal.aborted) break;
          o.onRound?.(spec, round, rounds, side);
          results[side] = await runStage(oneRound, {
            plan,
            client: clients[side],
            target: urls[side],
            signal,
            seq,
            onProgress: o.onProgress,
            sessions: sessions[side],
            rows: rows[side],
          });
        }
        // An interrupted round has no (whole) partner: it is left out of both sides.
        if (signal.aborted) break;
        if (results.base && results.head) {
          stage.base.push(results.base);
          stage.head.push(results.head);
        }
        if (results.base?.aborted || results.head?.aborted) {
          stopped = true;
          break;
        }
      }
    } finally {
      await Promise.all([clients.base.close(), clients.head.close()]);
    }
    if (stage.base.length > 0) out.push(stage);
  }
  const durationMs = Date.now() - t0;
  const side = (s: Side): RunResult => ({ target: urls[s], startedAt, durationMs, stages: out.map((st) => mergeRounds(st[s])), again: [] });
  return { base: side('base'), head: side('head'), stages: out };
}
