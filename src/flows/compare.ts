/**
 * `perf-gate compare BASELINE.json CURRENT.json`: two saved results gated again, no load.
 */
import path from 'node:path';
import { loadPlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { BaselineError } from '../errors.js';
import { gate } from '../gate/index.js';
import { readReportFile, wholeRun } from '../baseline/report-file.js';
import { otherPlanError } from '../baseline/file-store.js';
import type { Report } from '../model/report.js';
import { samePlan } from '../baseline/store.js';
import { planIdentity, shapeChange } from '../baseline/shape.js';
import { fromCwd } from '../input-checks.js';
import type { Outcome } from './settings.js';
import { gateRules } from './shared.js';
import { finish } from './finish.js';

export interface CompareSettings {
  baselineFile: string;
  currentFile: string;
  planFile?: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Compare results of different plans all the same (`--force-baseline`), with a caveat. */
  force?: boolean;
}

/** Re-gate two saved results without running load (rules from --plan, else the defaults). */
export async function compareReports(s: CompareSettings): Promise<Outcome> {
  const plan = s.planFile ? await loadPlan(fromCwd(s.cwd, s.planFile), s.env) : undefined;
  const baseline = wholeRun(await readReportFile(fromCwd(s.cwd, s.baselineFile)), s.baselineFile);
  const current = wholeRun(await readReportFile(fromCwd(s.cwd, s.currentFile)), s.currentFile);
  const mismatch = planMismatch(s, plan, baseline, current);
  if (mismatch && !s.force) throw mismatch;
  const { checks, verdict } = gate(gateRules(plan), current.stages, { baseline: baseline.stages });
  const report: Report = {
    ...current,
    verdict,
    checks,
    baseline: {
      source: s.baselineFile,
      started_at: baseline.started_at,
      target: baseline.target,
      ...(mismatch && { explanation: `compared although the results were measured for different plans (--force-baseline): their load shapes differ` }),
    },
  };
  return finish(report, { outDir: path.resolve(s.cwd, s.outDir), secrets: plan?.secrets, extras: () => ({ baselineStages: baseline.stages }) });
}

/**
 * Why two reports (and the --plan, when given) describe different loads, as the refusal to throw;
 * undefined when they match or a fingerprint is unknown (reports of an older perf-gate).
 */
function planMismatch(s: CompareSettings, plan: Plan | undefined, baseline: Report, current: Report): BaselineError | undefined {
  const [base, cur] = [baseline.fingerprints?.plan, current.fingerprints?.plan];
  if (plan !== undefined) {
    const identity = planIdentity(plan);
    if (base !== undefined && !samePlan(base, identity)) return otherPlanError(s.baselineFile, baseline, identity);
    if (cur !== undefined && !samePlan(cur, identity)) return otherPlanError(s.currentFile, current, identity);
    return undefined;
  }
  if (base === undefined || cur === undefined || base === cur) return undefined;
  return new BaselineError(
    `${s.baselineFile} and ${s.currentFile} were measured for different plans (${shapeChange(baseline, current.shape, cur)}); pass --force-baseline to compare anyway`,
  );
}
