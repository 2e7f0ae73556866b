/**
 * `perf-gate compare --from k6|locust`: another tool's results gated like a perf-gate run.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { readPlanFile } from '../plan/index.js';
import { BaselineError, ImportError } from '../errors.js';
import { type GateRules } from '../gate/index.js';
import { bandPositions, MIN_HISTORY } from '../gate/band.js';
import { asReport, wholeRun } from '../baseline/report-file.js';
import type { Report } from '../model/report.js';
import { type LoadRequest } from '../baseline/store.js';
import { planId as planIdOf } from '../baseline/fingerprint.js';
import { runnerInfo } from '../report/build.js';
import { fromCwd } from '../input-checks.js';
import { companionPaths, gateImported, importResults, isPerfGateReport, parseGateFile, type Companions, type ImportTool } from '../import/index.js';
import type { Logger } from '../model/logger.js';
import type { BaselineSource, BaselineTarget, Outcome } from './settings.js';
import { baselineRef, historyPoints, historyRef, loadBaseline, noteAccepted, readPast } from './shared.js';
import { finish } from './finish.js';

export interface ImportCompareSettings {
  tool: ImportTool;
  /** The tool's results file: k6 --summary-export / handleSummary JSON, Locust PREFIX_stats.csv. */
  resultsFile: string;
  /** A baseline file: the same tool's results, or a perf-gate report saved by --save-baseline (detected). */
  baselineFile?: string;
  /** Or a baseline store (the action's `baseline` input). */
  baseline?: BaselineSource;
  save?: BaselineTarget;
  /** A gate file (thresholds:, regression:, name:) or nothing: the default regression rules. */
  planFile?: string;
  /** Stage name of the import (default: the tool's name). */
  stage?: string;
  /** Folder per plan in a store; default from the gate file's path, else the tool (and --stage) name. */
  planId?: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Compare with a baseline of other stages or endpoints all the same (`--force-baseline`). */
  force?: boolean;
  log: Logger;
  runUrl?: string;
  /** Accept failed regressions, saying why (a PR label), as for a run. */
  accept?: string;
}

/**
 * `compare --from k6|locust`: another tool's results gated like a perf-gate run: thresholds and
 * regression rules from a gate file, a baseline from a file or store, the save guard, the reports.
 */
export async function compareImported(s: ImportCompareSettings): Promise<Outcome> {
  const runner = runnerInfo();
  // Bytes, not text: the readers decode them (a Locust file written on Windows may not be UTF-8).
  const importFile = async (file: string): Promise<{ bytes: Uint8Array; startedAt: string }> => {
    const at = fromCwd(s.cwd, file);
    try {
      const [bytes, info] = await Promise.all([readFile(at), stat(at)]);
      return { bytes, startedAt: info.mtime.toISOString() };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ImportError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
    }
  };
  /** The files the run wrote beside the results (Locust: history = the timeline, failures, exceptions; 0.x distribution). */
  const companions = async (file: string): Promise<Companions> => {
    const out: Companions = {};
    for (const [kind, other] of Object.entries(companionPaths(s.tool, file)) as Array<[keyof Companions, string]>) {
      if (existsSync(fromCwd(s.cwd, other))) out[kind] = { text: (await importFile(other)).bytes, file: other };
    }
    return out;
  };
  const read = await importFile(s.resultsFile);
  const current = importResults(
    s.tool,
    read.bytes,
    { file: s.resultsFile, stage: s.stage, startedAt: read.startedAt, runner, plan: s.planFile },
    await companions(s.resultsFile),
  );
  const gateFile = s.planFile
    ? parseGateFile(
        await readPlanFile(fromCwd(s.cwd, s.planFile)),
        s.planFile,
        s.env,
        current.stages.map((st) => ({ name: st.name, kind: 'load' as const })),
      )
    : undefined;
  const rules: GateRules & Pick<NonNullable<typeof gateFile>, 'trends' | 'trendRegressions'> = {
    thresholds: gateFile?.thresholds ?? {},
    regression: gateFile?.regression,
    trends: gateFile?.trends,
    trendRegressions: gateFile?.trendRegressions,
  };
  const request: LoadRequest = {
    planId: s.planId ?? planIdOf(s.planFile ?? (s.stage ? `${s.tool}-${s.stage}` : s.tool)),
    planFingerprint: current.fingerprints!.plan,
    runnerFingerprint: current.fingerprints!.runner,
  };

  let baseline: { report: Report; ref: NonNullable<Report['baseline']> } | undefined;
  if (s.baselineFile !== undefined) {
    const b = await importFile(s.baselineFile);
    const report = isPerfGateReport(b.bytes)
      ? wholeRun(
          asReport(
            JSON.parse(
              Buffer.from(b.bytes)
                .toString('utf8')
                .replace(/^\uFEFF/, ''),
            ),
            s.baselineFile,
          ),
          s.baselineFile,
        )
      : importResults(
          s.tool,
          b.bytes,
          { file: s.baselineFile, stage: s.stage, startedAt: b.startedAt, runner, plan: s.planFile },
          await companions(s.baselineFile),
        );
    const other = report.fingerprints?.plan !== undefined && report.fingerprints.plan !== request.planFingerprint;
    if (other && !s.force) {
      throw new BaselineError(
        `${s.baselineFile} holds results of other stages or endpoints than ${s.resultsFile} (${describeStages(report)} against ${describeStages(current)}); compare like with like (--stage NAME names the stage), or pass --force-baseline to compare anyway`,
      );
    }
    baseline = {
      report,
      ref: {
        source: s.baselineFile,
        started_at: report.started_at,
        target: report.target,
        ...(other && { explanation: 'compared although the baseline holds other stages or endpoints (--force-baseline)' }),
      },
    };
  } else if (s.baseline) {
    const found = await loadBaseline(s.baseline, request, s.log);
    if (found) baseline = { report: found.report, ref: baselineRef(s.baseline, found) };
  }

  // A store's past imports (the data branch) feed band rules ("+3σ": one figure per run is what a band
  // judges, so it is the noise-aware rule for imports) and the trend chart; a baseline file has none.
  const past = await readPast(s.baseline?.store ?? s.save?.store, request, s.log);
  const history = past.map((p) => p.report.stages);
  // The gate of a run, plus the rules on k6 custom trends (src/import/trends.ts).
  const { checks, verdict } = gateImported(rules, current.stages, { baseline: baseline?.report.stages, history }, { accept: s.accept });
  const report: Report = { ...current, verdict, checks, baseline: baseline?.ref ?? null };
  if (past.length >= MIN_HISTORY) report.bands = bandPositions(history, report.stages);
  report.history = historyRef(s.baseline?.store ?? s.save?.store, past);
  noteAccepted(report, s.accept);
  // Redacted like every other report: k6 names requests by URL, so an endpoint name can carry
  // `user:password@`, and the gate file's `${ENV}` values are hidden as a plan's are.
  return finish(report, {
    outDir: path.resolve(s.cwd, s.outDir),
    secrets: gateFile?.secrets,
    extras: (r) => ({ runUrl: s.runUrl, history: historyPoints(past, r), baselineStages: baseline?.report.stages }),
    keep: s.save && { target: s.save, planId: request.planId, stages: { ran: 1, planned: 1 }, log: s.log },
  });
}

/** `k6 stage "k6" (endpoints a, b)`: what a result holds, for the refusal of a mismatched baseline. */
function describeStages(r: Report): string {
  const who = r.imported ? r.imported.tool : 'perf-gate';
  return `${who} ${r.stages.map((st) => `stage "${st.name}"${st.endpoints.length ? ` (endpoints ${st.endpoints.map((e) => e.name).join(', ')})` : ''}`).join(', ')}`;
}
