/**
 * `abort_when`, evaluated while a stage runs. Completions are counted by *completion* time (the
 * timeline's windows are by start time and close late, so they cannot say what is happening now),
 * in one-second buckets closed by the stage's sampler. A rule holds for a second when that second's
 * completions cross it; it triggers once it has held, second after second, for its `for` time.
 * A second with no completions is no evidence either way: it neither breaks nor extends a streak
 * (the next crossing second then counts the gap, as the target was no better during it).
 *
 * Latency rules need no histogram: the q-th percentile of n values is the ⌈q·n⌉-th smallest, so it
 * is above X exactly when more than n − ⌈q·n⌉ values are above X. Each rule counts its own
 * "above X" completions, one comparison per completion.
 */
import type { AbortPolicy, AbortRule } from '../plan/types.js';
import type { ErrorKind } from './http.js';
import type { AbortTrigger } from '../model/records.js';
export type { AbortTrigger };

/** The always-on rule (unless `abort_when.target_down: false`): the target stopped answering. */
export const TARGET_DOWN_RULE: AbortRule = { metric: 'connect_error_rate', op: '>=', value: 0.95, forMs: 3000, delayMs: 0, raw: 'target_down' };

/** Interval timers fire up to a few ms early against performance.now(): 1999.6 ms is 2 s here. */
const TIMER_SLACK_MS = 50;

const QUANTILES: Partial<Record<AbortRule['metric'], number>> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, max: 1 };

/** The rules that watch a stage: the plan's (for this stage or every stage) and the default one. */
export function stageAbortRules(policy: AbortPolicy | undefined, stage: string): AbortRule[] {
  const rules = (policy?.rules ?? []).filter((r) => r.stages === undefined || r.stages.includes(stage));
  return policy?.targetDown === false ? rules : [...rules, TARGET_DOWN_RULE];
}

interface Watched {
  rule: AbortRule;
  /** Completions above the latency limit in the current second (latency rules). */
  over: number;
  /** Stage time (ms) the current streak of crossing seconds began; undefined = no streak. */
  since?: number;
}

export class AbortWatch {
  private readonly watched: Watched[];
  private readonly latency: Watched[];
  private count = 0;
  private errors = 0;
  private connect = 0;
  /** Stage time (ms) the current second began. */
  private bucketStart = 0;
  private triggered?: AbortTrigger;

  constructor(rules: AbortRule[]) {
    this.watched = rules.map((rule) => ({ rule, over: 0 }));
    this.latency = this.watched.filter((w) => QUANTILES[w.rule.metric] !== undefined);
  }

  get active(): boolean {
    return this.watched.length > 0;
  }

  /** One completion (a request, or an error event without a latency). */
  note(latencyMs: number | undefined, error: ErrorKind | undefined): void {
    this.count++;
    if (error !== undefined) {
      this.errors++;
      if (error === 'connect') this.connect++;
    }
    if (latencyMs === undefined) return;
    for (const w of this.latency) if (w.rule.op === '>' ? latencyMs > w.rule.value : latencyMs >= w.rule.value) w.over++;
  }

  /**
   * Closes the second ending at `elapsedMs` (stage time) and judges it; returns the trigger the
   * first time a rule has held long enough (and the same one on later calls).
   */
  check(elapsedMs: number): AbortTrigger | undefined {
    if (this.triggered) return this.triggered;
    const start = this.bucketStart;
    for (const w of this.watched) {
      // Not judged before `delay`: only seconds that start after it count (delayAbortEval).
      if (start < w.rule.delayMs || this.count === 0) continue;
      if (!this.crosses(w)) {
        w.since = undefined;
        continue;
      }
      w.since ??= start;
      if (elapsedMs - w.since + TIMER_SLACK_MS >= w.rule.forMs) {
        this.triggered = { rule: w.rule.raw, at_s: Math.round(elapsedMs / 100) / 10, reason: this.reason(w, elapsedMs - w.since) };
        break;
      }
    }
    this.count = this.errors = this.connect = 0;
    for (const w of this.latency) w.over = 0;
    this.bucketStart = elapsedMs;
    return this.triggered;
  }

  private crosses(w: Watched): boolean {
    const { metric, op, value } = w.rule;
    const q = QUANTILES[metric];
    if (q !== undefined) {
      const rank = Math.max(1, Math.ceil(q * this.count));
      return w.over > this.count - rank;
    }
    const share = (metric === 'connect_error_rate' ? this.connect : this.errors) / this.count;
    return op === '>' ? share > value : share >= value;
  }

  private reason(w: Watched, heldMs: number): string {
    const held = `${(heldMs / 1000).toFixed(1)} s`;
    const last = `${this.count} completions in the last second`;
    if (w.rule === TARGET_DOWN_RULE) {
      return `the target stopped answering (connect errors on ≥ 95 % of requests for ${held}; ${pct(this.connect / this.count)} of ${last})`;
    }
    const q = QUANTILES[w.rule.metric];
    const now =
      q !== undefined
        ? `${w.over} of ${last} ${w.rule.op === '>' ? 'above' : 'at or above'} ${w.rule.value} ms`
        : `${pct((w.rule.metric === 'connect_error_rate' ? this.connect : this.errors) / this.count)} of ${last} ${w.rule.metric === 'connect_error_rate' ? 'connect errors' : 'errors'}`;
    return `${w.rule.raw} held for ${held} (${now})`;
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(x === 1 || x === 0 ? 0 : 1)} %`;
