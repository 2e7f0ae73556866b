/** Run a plan text through the real engine and build its stage reports, as `perf-gate run` does. */
import { parsePlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/load/run-plan.js';
import { stageReport } from '../../src/report/build.js';
import type { StageReport } from '../../src/model/report.js';

export async function runText(text: string, targetUrl: string, env: Record<string, string> = {}): Promise<StageReport[]> {
  const plan = parsePlan(text, 'test.yml', env);
  const run = await runPlan(plan, { targetUrl, cwd: process.cwd(), probe: false });
  return run.stages.map(stageReport);
}
