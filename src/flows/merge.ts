/**
 * `perf-gate merge` (and the action's merge mode): the shards' reports merged exactly and gated as
 * one run.
 */
import path from 'node:path';
import { readdir, stat } from 'node:fs/promises';
import { loadPlan } from '../plan/index.js';
import { UsageError } from '../errors.js';
import { gate } from '../gate/index.js';
import { mergeShardReports } from '../report/merge.js';
import { readReportFile } from '../baseline/report-file.js';
import type { Report } from '../model/report.js';
import { samePlan, type LoadRequest } from '../baseline/store.js';
import { planId as planIdOf } from '../baseline/fingerprint.js';
import { planIdentity, shapeChange } from '../baseline/shape.js';
import { fromCwd } from '../input-checks.js';
import type { BaselineSource, Outcome } from './settings.js';
import type { Logger } from '../model/logger.js';
import { baselineRef, gateRules, loadBaseline } from './shared.js';
import { finish } from './finish.js';

export interface MergeSettings {
  /**
   * The report.json of every shard (`run --shard i/n`), in any order; a folder stands for every
   * report.json below it (what actions/download-artifact leaves: one folder per shard's artifact).
   */
  shardFiles: string[];
  /** Thresholds and regression rules; without it, the default regression rules only. */
  planFile?: string;
  /** A report.json (a single run's or an earlier merge's) to gate regressions against. */
  baseline?: BaselineSource;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  log: Logger;
  runUrl?: string;
}

/** `perf-gate merge`: the shards' reports merged exactly into one, gated as a single run would be. */
export async function mergeAndGate(s: MergeSettings): Promise<Outcome> {
  const plan = s.planFile ? await loadPlan(fromCwd(s.cwd, s.planFile), s.env) : undefined;
  const paths = await shardReportPaths(s.shardFiles, s.cwd);
  const files = await Promise.all(paths.map(async (file) => ({ file, report: await readReportFile(fromCwd(s.cwd, file)) })));
  const merged = mergeShardReports(files);
  const identity = plan && planIdentity(plan);
  if (identity && merged.fingerprints && !samePlan(merged.fingerprints.plan, identity)) {
    // Rules may change freely; a different load shape means the rules may not fit.
    s.log.warn(
      `${s.planFile} does not describe the load the shards ran (${shapeChange(merged, identity.planShape, identity.planFingerprint, 'the shards')}): its rules are applied all the same`,
    );
  }
  const request: LoadRequest = {
    planId: planIdOf(s.planFile ?? merged.plan),
    planFingerprint: merged.fingerprints?.plan ?? '',
    planShape: merged.shape,
    runnerFingerprint: merged.fingerprints?.runner ?? '',
  };
  const baseline = s.baseline ? await loadBaseline(s.baseline, request, s.log) : undefined;
  const { checks, verdict } = gate(gateRules(plan), merged.stages, { baseline: baseline?.report.stages });
  const report: Report = { ...merged, checks, verdict };
  if (baseline && s.baseline) report.baseline = baselineRef(s.baseline, baseline);
  return finish(report, {
    outDir: path.resolve(s.cwd, s.outDir),
    secrets: plan?.secrets,
    extras: () => ({ runUrl: s.runUrl, baselineStages: baseline?.report.stages }),
  });
}

/** Each entry as given, or, for a folder, every report.json below it (sorted, so the order is stable). */
export async function shardReportPaths(entries: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of entries) {
    const info = await stat(fromCwd(cwd, entry)).catch(() => undefined);
    if (!info) throw new UsageError(`${entry}: no such shard report or folder`);
    if (!info.isDirectory()) {
      out.push(entry);
      continue;
    }
    const found = (await readdir(fromCwd(cwd, entry), { recursive: true }))
      .filter((f) => path.basename(f) === 'report.json')
      .sort()
      .map((f) => path.join(entry, f));
    if (found.length === 0) throw new UsageError(`${entry}: a folder with no report.json below it (the shards' reports are what merge needs)`);
    out.push(...found);
  }
  return out;
}
