/**
 * The BaselineStore over one JSON file (`baseline: file:perf/baseline.json`, `--baseline FILE`).
 * The file holds the bare Report, as `--save-baseline` has always written it, so old files keep
 * working. A file saved for another plan (its load shape differs) is refused before any load is
 * sent, unless forced: then it is compared, and the explanation says so. A file from another runner
 * is compared with that caveat (a single file cannot hold one result per runner).
 */
import { stat } from 'node:fs/promises';
import { BaselineError } from '../errors.js';
import type { Report } from '../model/report.js';
import { readReportFile, wholeRun, writeJsonAtomic } from './report-file.js';
import { shapeChange } from './shape.js';
import { samePlan, type BaselineStore, type LoadRequest, type LoadResult, type StoredResult } from './store.js';

export interface FileStoreOptions {
  file: string;
  /** Compare a file saved for another plan all the same (`--force-baseline`), with a caveat. */
  force?: boolean;
  /** How the user forces it, for the refusal: `pass --force-baseline` (CLI), `set force-baseline: true` (action). */
  forceHint?: string;
}

/**
 * The refusal of a result measured for another plan: its numbers describe another load, so a
 * comparison would judge the change of plan, not of code. Says what changed, where the saved
 * result records its shape.
 */
export function otherPlanError(
  file: string,
  saved: Report,
  request: Pick<LoadRequest, 'planFingerprint' | 'planShape'>,
  forceHint = 'pass --force-baseline',
): BaselineError {
  return new BaselineError(
    `${file} was saved for another plan (${shapeChange(saved, request.planShape, request.planFingerprint)}); re-create it, or ${forceHint} to compare anyway`,
  );
}

export class FileStore implements BaselineStore {
  readonly description: string;
  private readonly file: string;
  private readonly force: boolean;
  private readonly forceHint: string | undefined;

  constructor(options: FileStoreOptions) {
    this.file = options.file;
    this.force = options.force ?? false;
    this.forceHint = options.forceHint;
    this.description = `file ${options.file}`;
  }

  async load(request: LoadRequest): Promise<LoadResult> {
    const found = await this.read();
    if (!found) return { result: undefined, explanation: `no baseline yet: ${this.file} does not exist` };
    wholeRun(found.report, this.file); // a shard report is refused as such, whichever plan it ran
    const saved = this.otherPlan(found, request);
    if (saved !== undefined && !this.force) throw otherPlanError(this.file, found.report, request, this.forceHint);
    return { result: found, explanation: this.explain(found, request) };
  }

  /** Writes the bare report (not a StoredResult), so `--baseline FILE` reads it back unchanged. */
  async save(_planId: string, result: StoredResult): Promise<void> {
    await writeJsonAtomic(this.file, result.report);
  }

  /** The one result the file holds, when it qualifies as it does for `load` (another plan's does not, unless forced). */
  async history(request: LoadRequest, n: number): Promise<StoredResult[]> {
    if (n < 1) return [];
    const found = await this.read();
    return found && (this.force || this.otherPlan(found, request) === undefined) ? [found] : [];
  }

  /** The file's plan fingerprint when it differs from the run's; undefined when either is unknown. */
  private otherPlan(found: StoredResult, request: LoadRequest): string | undefined {
    const saved = found.report.fingerprints?.plan;
    return saved !== undefined && request.planFingerprint !== '' && !samePlan(saved, request) ? saved : undefined;
  }

  private async read(): Promise<StoredResult | undefined> {
    let savedAt: string | undefined;
    try {
      savedAt = (await stat(this.file)).mtime.toISOString();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // Any other problem: readReportFile reports it as a BaselineError.
    }
    // A bare report knows no commit or run id: "local" and its start time, as for local runs.
    const report = await readReportFile(this.file);
    return { report, commit: 'local', run: report.started_at, savedAt: savedAt ?? report.started_at };
  }

  private explain(found: StoredResult, request: LoadRequest): string {
    const lead = `baseline: ${this.file} (run started ${when(found.report.started_at)})`;
    const fingerprints = found.report.fingerprints;
    if (!fingerprints) return `${lead}; it has no fingerprints, so a changed plan or runner cannot be detected`;
    const caveats: string[] = [];
    if (this.otherPlan(found, request) !== undefined) caveats.push(`the plan's load shape changed since it was saved (forced)`);
    if (fingerprints.runner !== request.runnerFingerprint) caveats.push('it was measured on a different runner (different CPU/cores/OS)');
    return caveats.length === 0 ? lead : `${lead}, compared although ${caveats.join(' and ')}`;
  }
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
