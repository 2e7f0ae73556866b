/**
 * `compare --from k6|locust`: another tool's results file → a perf-gate report (one stage), so the
 * thresholds, regression rules, baseline stores, summary and PR comment work for it. Pure: text in,
 * report out; reading the file is the caller's.
 */
import { UsageError } from '../errors.js';
import { parseK6 } from './k6.js';
import { parseLocust } from './locust.js';
import { importedReport, type ImportContext, type ImportedRun, type ImportTool } from './stage.js';
import type { Report } from '../report/types.js';

export type { ImportContext, ImportTool } from './stage.js';
export { parseGateFile, type GateFile } from './gate-file.js';

export const IMPORT_TOOLS: readonly ImportTool[] = ['k6', 'locust'];

export function importTool(value: string, flag = '--from'): ImportTool {
  if ((IMPORT_TOOLS as readonly string[]).includes(value)) return value as ImportTool;
  throw new UsageError(`${flag} takes ${IMPORT_TOOLS.join(' or ')}, got "${value}"`);
}

/** A file written beside the results by the same run (Locust's PREFIX_stats_history.csv). */
export interface Companion {
  text: string;
  file: string;
}

const READERS: Record<ImportTool, (text: string, file: string, history?: Companion) => ImportedRun> = { k6: (text, file) => parseK6(text, file), locust: parseLocust };

export function parseResults(tool: ImportTool, text: string, file: string, history?: Companion): ImportedRun {
  return READERS[tool](text, file, history);
}

export function importResults(tool: ImportTool, text: string, ctx: ImportContext, history?: Companion): Report {
  return importedReport(parseResults(tool, text, ctx.file, history), ctx);
}

/** Where the run's history file would be: Locust's PREFIX_stats.csv → PREFIX_stats_history.csv. */
export function companionPath(tool: ImportTool, file: string): string | undefined {
  return tool === 'locust' && file.endsWith('_stats.csv') ? `${file.slice(0, -'_stats.csv'.length)}_stats_history.csv` : undefined;
}

/** Whether a file's text is a perf-gate report (a baseline saved with --save-baseline) rather than the tool's output. */
export function isPerfGateReport(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { tool?: unknown } | null;
    return typeof doc === 'object' && doc !== null && doc.tool === 'perf-gate';
  } catch {
    return false;
  }
}
