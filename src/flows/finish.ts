/**
 * The one way every flow ends: the report redacted, its diagnoses computed, report.json, summary.md
 * and report.html written, and the result kept as a baseline when it may be.
 */
import path from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { describeError } from '../errors.js';
import { renderSummary } from '../report/markdown.js';
import { renderHtml } from '../report/html.js';
import { writeJsonAtomic } from '../baseline/report-file.js';
import { whyNotBaseline } from '../baseline/save-guard.js';
import type { Report } from '../model/report.js';
import type { SummaryExtras } from '../report/markdown.js';
import { Redactor } from '../model/redact.js';
import { diagnose } from '../report/diagnose.js';
import type { Logger } from '../model/logger.js';
import type { BaselineTarget, Outcome } from './settings.js';

/** Keeps a finished result as a baseline when the save guard allows it; a failed save is reported, never thrown. */
export async function keepBaseline(
  report: Report,
  save: BaselineTarget,
  planId: string,
  stages: { ran: number; planned: number },
  log: Logger,
): Promise<Pick<Outcome, 'saved' | 'saveError'>> {
  const why = whyNotBaseline(report, stages);
  if (why) {
    log.warn(`baseline not saved to ${save.store.description}: ${why} (only complete, passing runs become baselines)`);
    return { saved: false };
  }
  try {
    await save.store.save(planId, { report, commit: save.commit, run: save.run, savedAt: new Date().toISOString() });
    log.info(`baseline saved to ${save.store.description}`);
    return { saved: true };
  } catch (err) {
    const saveError = describeError(err);
    log.warn(`baseline not saved to ${save.store.description}: ${saveError}`);
    return { saved: false, saveError };
  }
}

/**
 * Writes report.json, summary.md and report.html. Every report written says what it shows: the
 * diagnoses are (re)computed here from the report as it leaves the process (already redacted, so
 * their evidence can only quote what the report may hold; recomputed for compare and merge, since
 * the rules may have changed since a result was measured, or it came from another tool).
 */
export async function writeReports(report: Report, outDir: string, extras: SummaryExtras = {}): Promise<Omit<Outcome, 'saved'>> {
  report.diagnoses = diagnose(report);
  await mkdir(outDir, { recursive: true });
  const reportPath = path.join(outDir, 'report.json');
  const summaryPath = path.join(outDir, 'summary.md');
  const htmlPath = path.join(outDir, 'report.html');
  const summary = renderSummary(report, extras);
  await writeJsonAtomic(reportPath, report);
  await writeFile(summaryPath, summary);
  await writeFile(htmlPath, renderHtml(report, extras));
  return { report, reportPath, summaryPath, htmlPath, summary, extras };
}

/** How a flow's report leaves the process. */
export interface Finishing {
  /** Where report.json, summary.md and report.html go (absolute). */
  outDir: string;
  /** Values to hide (the plan's or the gate file's secrets); URL credentials are hidden always. */
  secrets?: string[];
  /** What the summary and report.html add (links, history, the baseline's stages), from the report as it leaves. */
  extras?: (report: Report) => SummaryExtras;
  /** Keep the result as a baseline when the save guard allows it. */
  keep?: { target: BaselineTarget; planId: string; stages: { ran: number; planned: number }; log: Logger };
}

/**
 * Every door's last step, in one order: redact (once, before anything is written, so report.json,
 * summary.md, report.html, a saved baseline and the PR comment agree), diagnose, write, then keep.
 * Reports first: a failed save never costs the run's results.
 */
export async function finish(report: Report, f: Finishing): Promise<Outcome> {
  const redacted = new Redactor().add(f.secrets ?? []).json(report);
  const written = await writeReports(redacted, f.outDir, f.extras?.(redacted) ?? {});
  const kept = f.keep ? await keepBaseline(written.report, f.keep.target, f.keep.planId, f.keep.stages, f.keep.log) : { saved: false };
  return { ...written, ...kept };
}
