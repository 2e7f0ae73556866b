/**
 * The one core both doors (CLI and action) open: load the plan, run it, gate against a baseline,
 * write the reports. I/O at the edges goes through `Logger`; nothing here knows about GitHub.
 */
import path from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { loadPlan } from './plan/index.js';
import type { Plan } from './plan/types.js';
import { runPlan, selectStages, type RunOptions } from './load/run-plan.js';
import { existsSync } from 'node:fs';
import { NotImplementedError, UsageError } from './errors.js';
import { gate, DEFAULT_REGRESSION, type GateRules } from './gate/index.js';
import { buildReport, stageReport } from './report/build.js';
import { renderSummary } from './report/markdown.js';
import { readReportFile, writeJsonAtomic } from './baseline/file-store.js';
import type { Report } from './report/types.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RunSettings {
  planFile: string;
  targetUrl?: string;
  baselineFile?: string;
  saveBaselineFile?: string;
  outDir: string;
  stages?: string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  signal?: AbortSignal;
  log: Logger;
  onProgress?: RunOptions['onProgress'];
  onStageStart?: RunOptions['onStageStart'];
  /** The action's first run has no baseline file yet; the CLI's --baseline must exist. */
  missingBaselineOk?: boolean;
}

export interface Outcome {
  report: Report;
  reportPath: string;
  summaryPath: string;
  summary: string;
}

/** A path as the user wrote it when cwd is the process's own, so messages show what they typed. */
function fromCwd(cwd: string, file: string): string {
  return path.resolve(cwd) === process.cwd() ? file : path.resolve(cwd, file);
}

export function gateRules(plan: Plan | undefined): GateRules {
  return {
    thresholds: plan?.thresholds ?? {},
    regression: plan?.regression ?? DEFAULT_REGRESSION,
  };
}

/** `--target` / the `target` input: an absolute http(s) URL, checked before anything waits on it. */
export function checkTargetUrl(url: string, what: string): void {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`${what} "${url}" is not an absolute http(s) URL: write it like http://127.0.0.1:3000`);
}

export async function runAndGate(s: RunSettings): Promise<Outcome> {
  if (s.targetUrl !== undefined) checkTargetUrl(s.targetUrl, '--target');
  const plan = await loadPlan(fromCwd(s.cwd, s.planFile), s.env);
  const wsStages = selectStages(plan, s.stages).filter((st) => st.protocol === 'ws');
  if (wsStages.length > 0) {
    throw new NotImplementedError(`WebSocket stages (${wsStages.map((st) => st.name).join(', ')}: protocol: ws)`);
  }
  // Read the baseline before any load: a bad baseline file is exit 2 without hammering the target.
  const baseline = s.baselineFile ? await readBaseline(fromCwd(s.cwd, s.baselineFile), s) : undefined;
  const run = await runPlan(plan, {
    targetUrl: s.targetUrl,
    stages: s.stages,
    cwd: s.cwd,
    signal: s.signal,
    onProgress: s.onProgress,
    onStageStart: s.onStageStart,
  });
  const stages = run.stages.map(stageReport);
  const { checks, verdict } = gate(gateRules(plan), stages, baseline?.stages);
  const cancelled = s.signal?.aborted ?? false;
  const report = buildReport({ planFile: s.planFile, run, stages, checks, verdict, baseline, baselineSource: s.baselineFile, cancelled });
  const outcome = await writeReports(report, path.resolve(s.cwd, s.outDir));

  if (s.saveBaselineFile) {
    // A baseline holds every stage of the plan: a --stage subset would silently narrow later gates.
    const why =
      report.verdict === 'fail' ? 'the gate failed' : cancelled ? 'the run was interrupted' : run.stages.length !== plan.stages.length ? 'only some stages ran (--stage)' : undefined;
    if (why) {
      s.log.warn(`baseline not saved to ${s.saveBaselineFile}: ${why} (only complete, passing runs become baselines)`);
    } else {
      await writeJsonAtomic(path.resolve(s.cwd, s.saveBaselineFile), report);
      s.log.info(`baseline saved to ${s.saveBaselineFile}`);
    }
  }
  return outcome;
}

/** A missing baseline is an error unless the caller allows a first run (`missingBaselineOk`). */
async function readBaseline(file: string, s: RunSettings): Promise<Report | undefined> {
  if (s.missingBaselineOk && !existsSync(file)) {
    s.log.info(`no baseline at ${file} yet: this run is checked against the absolute thresholds only`);
    return undefined;
  }
  return readReportFile(file);
}

export interface CompareSettings {
  baselineFile: string;
  currentFile: string;
  planFile?: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
export async function compareReports(s: CompareSettings): Promise<Outcome> {
  const plan = s.planFile ? await loadPlan(fromCwd(s.cwd, s.planFile), s.env) : undefined;
  const baseline = await readReportFile(fromCwd(s.cwd, s.baselineFile));
  const current = await readReportFile(fromCwd(s.cwd, s.currentFile));
  const { checks, verdict } = gate(gateRules(plan), current.stages, baseline.stages);
  const report: Report = {
    ...current,
    verdict,
    checks,
    baseline: { source: s.baselineFile, started_at: baseline.started_at, target: baseline.target },
  };
  return writeReports(report, path.resolve(s.cwd, s.outDir));
}

export async function writeReports(report: Report, outDir: string): Promise<Outcome> {
  await mkdir(outDir, { recursive: true });
  const reportPath = path.join(outDir, 'report.json');
  const summaryPath = path.join(outDir, 'summary.md');
  const summary = renderSummary(report);
  await writeJsonAtomic(reportPath, report);
  await writeFile(summaryPath, summary);
  return { report, reportPath, summaryPath, summary };
}
