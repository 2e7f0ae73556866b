/**
 * What a stage's spec amounts to when it runs: a stress stage's levels and step count, how long a
 * stage lasts and how many requests its schedule sends (where that is known before the run). The
 * engine schedules and reports by these; the validator (check-limits.ts) bounds them.
 */
import type { StageSpec, StressStage } from './types.js';

/** A stress stage's levels, lowest first: from, from + step, … up to max (the worst case: no step breaks). */
export function stressLevels(s: Pick<StressStage, 'from' | 'step' | 'max' | 'levels'>): number[] {
  if (s.levels) return s.levels;
  return Array.from({ length: stressStepCount(s) }, (_, i) => +(s.from + i * s.step).toFixed(6));
}

/** How many steps fit from `from` to `max` (the epsilon keeps 0.1/s steps from losing their last one to rounding). */
export function stressStepCount(s: Pick<StressStage, 'from' | 'step' | 'max' | 'levels'>): number {
  if (s.levels) return s.levels.length;
  if (!(s.step > 0) || s.max < s.from) return 1;
  return Math.floor((s.max - s.from) / s.step + 1e-9) + 1;
}

/** Planned length of a stage (burst: its pauses, not counting response times; stress: every step up to max). */
export function plannedDurationMs(s: StageSpec): number {
  switch (s.kind) {
    case 'baseline':
    case 'load':
    case 'soak':
      return s.durationMs;
    case 'stress':
      return stressStepCount(s) * s.everyMs;
    case 'spike':
      return s.beforeMs + s.rampMs + s.holdMs + s.afterMs;
    case 'burst':
      return s.pauseMs * (s.cycles - 1);
  }
}

/** Requests (or ws messages) a stage's schedule sends, when that is known before the run: open model and bursts. */
export function plannedRequests(s: StageSpec): number | undefined {
  const area = (fromPerS: number, toPerS: number, ms: number): number => ((fromPerS + toPerS) / 2) * (ms / 1000);
  switch (s.kind) {
    case 'load':
    case 'soak':
      return s.model === 'open' ? area(0, s.rate, s.rampMs) + area(s.rate, s.rate, s.durationMs - s.rampMs) : undefined;
    case 'stress': {
      // Every step up to max: n steps at from, from + step, …: n·from + step·n(n − 1)/2 req/s in all.
      if (s.model !== 'open') return undefined;
      const n = stressStepCount(s);
      const rates = s.levels ? s.levels.reduce((sum, rate) => sum + rate, 0) : n * s.from + (s.step * n * (n - 1)) / 2;
      return rates * (s.everyMs / 1000);
    }
    case 'spike':
      return area(s.fromRate, s.fromRate, s.beforeMs + s.afterMs) + area(s.fromRate, s.toRate, s.rampMs) + area(s.toRate, s.toRate, s.holdMs);
    case 'burst':
      return s.size * s.cycles;
    case 'baseline':
      return undefined;
  }
}

/** Stages whose users each run a session and keep their values (and their data row): the closed model. */
export function isClosedModel(s: StageSpec): boolean {
  return s.kind === 'baseline' || ((s.kind === 'load' || s.kind === 'soak' || s.kind === 'stress') && s.model === 'closed');
}

/** Users a closed-model stage starts (baseline 1, a stress stage its most), 0 for open-model stages. */
export function closedUsers(s: StageSpec): number {
  if (!isClosedModel(s)) return 0;
  return s.kind === 'baseline' ? 1 : s.kind === 'stress' ? s.max : (s as { vus: number }).vus;
}
