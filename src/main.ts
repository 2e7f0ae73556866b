/**
 * The action: inputs → the same core as the CLI → job summary, outputs, failure. One try/catch
 * ends in core.setFailed. PR comments and data-branch baselines come with the GitHub layer.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { runAndGate } from './core.js';
import { describeError, PlanError } from './errors.js';
import { readSettings, type ActionSettings } from './settings.js';
import { baselineWriteRefusal, readRunContext } from './github/context.js';
import type { Report } from './report/types.js';

/** Whether the gate's result should fail the job, given `fail-on`. */
export function shouldFail(report: Report, failOn: ActionSettings['failOn']): boolean {
  if (failOn === 'never') return false;
  const failed = report.checks.filter((c) => c.verdict === 'fail');
  return failOn === 'threshold' ? failed.some((c) => c.kind === 'threshold') : failed.length > 0;
}

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const cwd = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), settings.workingDirectory);
    const outcome = await runAndGate({
      planFile: settings.plan,
      targetUrl: settings.target,
      baselineFile: settings.baseline,
      missingBaselineOk: true,
      saveBaselineFile: baselineToSave(settings),
      outDir: settings.out,
      env: process.env,
      cwd,
      log: { info: (m) => core.info(m), warn: (m) => core.warning(m) },
      onStageStart: (s, i, n) => core.info(`[${i + 1}/${n}] ${s.name} (${s.kind})`),
    });
    core.setOutput('verdict', outcome.report.verdict);
    core.setOutput('report-path', outcome.reportPath);
    core.setOutput('summary', outcome.summary);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary).write();
    const failed = outcome.report.checks.filter((c) => c.verdict === 'fail').map((c) => `${c.stage} ${c.metric} ${c.limit}`);
    if (shouldFail(outcome.report, settings.failOn)) {
      core.setFailed(`perf-gate: the gate failed: ${failed.join('; ')}`);
    } else if (failed.length > 0) {
      core.warning(`perf-gate: the gate failed (${failed.join('; ')}), but fail-on: ${settings.failOn} lets the job pass`);
    }
  } catch (err) {
    if (err instanceof PlanError) {
      // One annotation per problem, on the plan's line, so it shows in the PR's diff view.
      for (const p of err.problems) core.error(p.message, { file: p.file, startLine: p.line, startColumn: p.col });
      core.setFailed(`perf-gate: the plan has ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} (see the annotations above)`);
      return;
    }
    core.setFailed(`perf-gate: ${describeError(err)}`);
  }
}

/** The baseline file to write, if this run may write one (and says why not otherwise). */
function baselineToSave(settings: ActionSettings): string | undefined {
  if (!settings.saveBaseline) return undefined;
  if (!settings.baseline) {
    core.warning('save-baseline is true but no baseline input names a file: nothing will be saved');
    return undefined;
  }
  const refusal = baselineWriteRefusal(readRunContext(process.env));
  if (refusal) {
    core.info(`baseline not saved: ${refusal}`);
    return undefined;
  }
  return settings.baseline;
}
