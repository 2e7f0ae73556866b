/**
 * `compare --from k6|locust`: another tool's results file → a perf-gate report (one stage), so the
 * thresholds, regression rules, baseline stores, summary and PR comment work for it. Pure: bytes
 * or text in, report out; reading the files is the caller's.
 */
import { UsageError } from '../errors.js';
import { parseK6 } from './k6.js';
import { parseLocust, type LocustCompanions } from './locust.js';
import { importedReport, type ImportContext, type ImportedRun, type ImportTool } from './stage.js';
import type { Report } from '../model/report.js';

export type { ImportContext, ImportTool, ImportInput } from './stage.js';
export { parseGateFile, type GateFile } from './gate-file.js';
export { gateImported } from './trends.js';

export const IMPORT_TOOLS: readonly ImportTool[] = ['k6', 'locust'];

export function importTool(value: string, flag = '--from'): ImportTool {
  if ((IMPORT_TOOLS as readonly string[]).includes(value)) return value as ImportTool;
  throw new UsageError(`${flag} takes ${IMPORT_TOOLS.join(' or ')}, got "${value}"`);
}

/** Files written beside the results by the same run (Locust's history, failures, exceptions; 0.x distribution). */
export type Companions = LocustCompanions;
export type CompanionKind = keyof Companions;

const READERS: Record<ImportTool, (input: string | Uint8Array, file: string, companions?: Companions) => ImportedRun> = {
  k6: (input, file) => parseK6(input, file),
  locust: parseLocust,
};

export function parseResults(tool: ImportTool, input: string | Uint8Array, file: string, companions?: Companions): ImportedRun {
  return READERS[tool](input, file, companions);
}

export function importResults(tool: ImportTool, input: string | Uint8Array, ctx: ImportContext, companions?: Companions): Report {
  return importedReport(parseResults(tool, input, ctx.file, companions), ctx);
}

/**
 * Where the run's other files would be: Locust's PREFIX_stats.csv (or 0.x PREFIX_requests.csv) →
 * PREFIX_stats_history.csv, PREFIX_failures.csv, PREFIX_exceptions.csv, PREFIX_distribution.csv.
 */
export function companionPaths(tool: ImportTool, file: string): Partial<Record<CompanionKind, string>> {
  const prefix = tool === 'locust' ? /^(.*)_(stats|requests)\.csv$/.exec(file)?.[1] : undefined;
  if (prefix === undefined) return {};
  return {
    history: `${prefix}_stats_history.csv`,
    failures: `${prefix}_failures.csv`,
    exceptions: `${prefix}_exceptions.csv`,
    distribution: `${prefix}_distribution.csv`,
  };
}

/** Whether a file's text is a perf-gate report (a baseline saved with --save-baseline) rather than the tool's output. */
export function isPerfGateReport(input: string | Uint8Array): boolean {
  try {
    const doc = JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input)) as { tool?: unknown } | null;
    return typeof doc === 'object' && doc !== null && doc.tool === 'perf-gate';
  } catch {
    return false;
  }
}
