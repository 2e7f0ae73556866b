/**
 * The action: inputs → the same core as the CLI → job summary, outputs, failure. One try/catch
 * ends in core.setFailed. PR comments and data-branch baselines come with the GitHub layer.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { runAndGate } from './core.js';
import { describeError } from './errors.js';
import { readSettings, type ActionSettings } from './settings.js';
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
      saveBaselineFile: settings.saveBaseline ? settings.baseline : undefined,
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
    if (shouldFail(outcome.report, settings.failOn)) {
      const failed = outcome.report.checks.filter((c) => c.verdict === 'fail').map((c) => `${c.stage} ${c.metric} ${c.limit}`);
      core.setFailed(`perf-gate: the gate failed: ${failed.join('; ')}`);
    }
  } catch (err) {
    core.setFailed(`perf-gate: ${describeError(err)}`);
  }
}
