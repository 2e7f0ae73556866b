/**
 * Past results from a folder of report.json files (`--history DIR`): what a local user or a CI
 * job that keeps its reports as artifacts has instead of a data branch. Read-only; files that are
 * not perf-gate reports of this plan on this runner are passed over, as the branch store does.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BaselineError } from '../errors.js';
import { readReportFile } from './report-file.js';
import { samePlan, type LoadRequest, type StoredResult } from './store.js';

/** Folders below DIR are searched this deep (DIR/<run>/report.json is the usual layout). */
const MAX_DEPTH = 2;

export class ReportFolder {
  readonly description: string;
  leftOut: Record<string, number> | undefined;

  constructor(private readonly dir: string) {
    this.description = `folder ${dir}`;
  }

  /** Newest first (by the run's start time), at most `n`. */
  async history(request: LoadRequest, n: number): Promise<StoredResult[]> {
    const found: StoredResult[] = [];
    const seen = new Set<string>();
    const leftOut: Record<string, number> = {};
    const pass = (why: string): void => void (leftOut[why] = (leftOut[why] ?? 0) + 1);
    for (const file of await this.jsonFiles(this.dir, 0)) {
      let report;
      try {
        report = await readReportFile(file);
      } catch {
        continue; // other JSON in the folder (package.json, a summary export)
      }
      const f = report.fingerprints;
      // Without fingerprints nothing shows it is this plan on this runner; an A/B report measured
      // two builds sharing the runner's cores: neither is a past run of this plan.
      if (!f || !samePlan(f.plan, request) || f.runner !== request.runnerFingerprint) {
        pass(!f ? 'without fingerprints' : f.runner !== request.runnerFingerprint ? 'another runner' : 'another plan');
        continue;
      }
      // A shard measured a part of the load: not a past run of the plan.
      if (report.cancelled || report.verdict === 'fail' || report.ab || report.shard) {
        pass(report.cancelled ? 'cancelled' : report.verdict === 'fail' ? 'failed' : report.ab ? 'A/B' : 'shard');
        continue;
      }
      // The same run kept twice (report.json and a --save-baseline copy) must count once.
      const key = `${report.started_at} ${report.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ report, commit: 'local', run: report.started_at, savedAt: report.started_at });
    }
    this.leftOut = Object.keys(leftOut).length > 0 ? leftOut : undefined;
    return found.sort((a, b) => b.report.started_at.localeCompare(a.report.started_at)).slice(0, n);
  }

  private async jsonFiles(dir: string, depth: number): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (depth > 0) return [];
      throw new BaselineError(
        `cannot read the history folder ${dir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as Error).message}`,
      );
    }
    const files: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isFile() && e.name.endsWith('.json')) files.push(p);
      else if (e.isDirectory() && depth < MAX_DEPTH) files.push(...(await this.jsonFiles(p, depth + 1)));
    }
    return files;
  }
}
