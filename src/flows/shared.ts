import type { Plan } from '../plan/types.js';
import { BaselineError, describeError } from '../errors.js';
import { type GateRules } from '../gate/index.js';
import { wholeRun } from '../baseline/report-file.js';
import type { Report } from '../model/report.js';
import { type LoadRequest, type StoredResult } from '../baseline/store.js';
import { displayUrl } from '../report/build.js';
import type { HistoryPoint } from '../report/charts.js';
import { checkLoadDestination, describeGrant } from '../load/destination.js';
import type { Logger } from '../model/logger.js';
import type { BaselineSource, HistorySource, PlanRunSettings } from './settings.js';

/** Band rules and the trend chart look this many runs back. */
export const HISTORY_RUNS = 20;

export function gateRules(plan: Plan | undefined): GateRules {
  return { thresholds: plan?.thresholds ?? {}, regression: plan?.regression };
}

/**
 * Refuses a destination that is not loopback unless the plan or the action allows it (exit 2,
 * before any connection, the readiness probe and target.start included), then says where load goes:
 * the first line of every run.
 */
export function announceLoad(plan: Plan, targets: Array<[label: string, url: string]>, s: PlanRunSettings): void {
  const checked = targets.map(
    ([label, url]) => `${label}${displayUrl(url)} (${describeGrant(checkLoadDestination(url, plan.target.allowRemote === true, s.allowedHosts).grant)})`,
  );
  s.log.info(`perf-gate: load goes to ${checked.join(' and ')}`);
}

/** What a run was compared with, for report.json and the summary. */
export function baselineRef(source: BaselineSource, found: StoredResult & { explanation: string }): NonNullable<Report['baseline']> {
  return {
    source: source.store.description,
    started_at: found.report.started_at,
    target: found.report.target,
    commit: found.commit === 'local' ? undefined : found.commit,
    explanation: found.explanation,
  };
}

/** The stored result to compare with; a PR whose base has none falls back to the newest one. */
export async function loadBaseline(source: BaselineSource, request: LoadRequest, log: Logger): Promise<(StoredResult & { explanation: string }) | undefined> {
  try {
    return await findBaseline(source, request, log);
  } catch (err) {
    if (!source.optional || !(err instanceof BaselineError)) throw err;
    log.warn(`${source.store.description} could not be read (${err.message}): this run is checked against the absolute thresholds only`);
    return undefined;
  }
}

export async function findBaseline(source: BaselineSource, request: LoadRequest, log: Logger): Promise<(StoredResult & { explanation: string }) | undefined> {
  let loaded = await source.store.load({ ...request, commits: source.commits });
  if (!loaded.result && source.commits) {
    const newest = await source.store.load(request);
    if (newest.result) loaded = { result: newest.result, explanation: `no result for the PR's base commits; nearest: ${newest.explanation}` };
  }
  if (loaded.result) wholeRun(loaded.result.report, source.store.description);
  log.info(loaded.result ? loaded.explanation : `${loaded.explanation}: this run is checked against the absolute thresholds only`);
  return loaded.result ? { ...loaded.result, explanation: loaded.explanation } : undefined;
}

/** A maintainer's acceptance is recorded when it turned at least one failure into a warning. */
export function noteAccepted(report: Report, reason: string | undefined): void {
  const n = report.checks.filter((c) => c.accepted).length;
  if (reason && n > 0) report.accepted = { reason, checks: n };
}

/** What the report says of the past runs it read; undefined when there was nothing to read or nothing read. */
export function historyRef(store: HistorySource | undefined, past: StoredResult[]): Report['history'] {
  if (!store || (past.length === 0 && !store.leftOut)) return undefined;
  return { source: store.description, runs: past.length, ...(store.leftOut ? { left_out: store.leftOut } : {}) };
}

/** Past results are for bands and the chart: a store that cannot list them costs those, not the run. */
export async function readPast(store: HistorySource | undefined, request: LoadRequest, log: Logger): Promise<StoredResult[]> {
  if (!store) return [];
  try {
    return await store.history(request, HISTORY_RUNS);
  } catch (err) {
    log.info(`no history from ${store.description}: ${describeError(err)}`);
    return [];
  }
}

/**
 * Per stage, the p95 of stored results (oldest first) and this run last, for the trend chart. A run
 * without a p95 (an import whose tool did not write one: null) is left out, not drawn as 0 ms.
 */
export function historyPoints(history: StoredResult[], current: Report): Record<string, HistoryPoint[]> | undefined {
  if (history.length === 0) return undefined;
  const out: Record<string, HistoryPoint[]> = {};
  const past = [...history].reverse();
  const measured = (p95: number | null): p95 is number => typeof p95 === 'number' && Number.isFinite(p95);
  for (const stage of current.stages) {
    const points = past.flatMap((h) => {
      const s = h.report.stages.find((x) => x.name === stage.name);
      return s && measured(s.latency_ms.p95) ? [{ label: h.commit === 'local' ? h.savedAt.slice(5, 16) : h.commit.slice(0, 7), p95: s.latency_ms.p95 }] : [];
    });
    out[stage.name] = measured(stage.latency_ms.p95) ? [...points, { label: 'this run', p95: stage.latency_ms.p95 }] : points;
  }
  return out;
}
