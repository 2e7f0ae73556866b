/**
 * The one core both doors (CLI and action) open: a module per flow under src/flows/ (run, ab,
 * compare, merge, compare --from), each ending in the one finishing path (flows/finish.ts:
 * redact, diagnose, write, keep). I/O at the edges goes through `Logger`; nothing here knows GitHub.
 */
export type { Logger } from './model/logger.js';
export type { BaselineSource, BaselineTarget, HistorySource, Outcome, PlanRunSettings, RunSettings } from './flows/settings.js';
export { runAndGate } from './flows/run.js';
export { DEFAULT_AB_ROUNDS, runAbAndGate, type AbSettings } from './flows/ab.js';
export { compareReports, type CompareSettings } from './flows/compare.js';
export { mergeAndGate, shardReportPaths, type MergeSettings } from './flows/merge.js';
export { compareImported, type ImportCompareSettings } from './flows/import.js';
export { writeReports } from './flows/finish.js';
// In src/input-checks.ts, which loads without the engine; exported here as before.
export { checkTargetUrl, fromCwd, runnerProbeSetting } from './input-checks.js';
