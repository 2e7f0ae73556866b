/**
 * The BaselineStore over one JSON file (`baseline: file:perf/baseline.json`, `--baseline FILE`).
 * The file holds the bare Report, as `--save-baseline` has always written it, so old files keep
 * working. The user chose this file explicitly, so it is compared even when its fingerprints
 * differ from the current run's; the explanation says so instead of silently skipping it.
 */
import { stat } from 'node:fs/promises';
import { readReportFile, writeJsonAtomic } from './file-store.js';
import type { BaselineStore, LoadRequest, LoadResult, StoredResult } from './store.js';

export interface FileStoreOptions {
  file: string;
}

export class FileStore implements BaselineStore {
  readonly description: string;
  private readonly file: string;

  constructor(options: FileStoreOptions) {
    this.file = options.file;
    this.description = `file ${options.file}`;
  }

  async load(request: LoadRequest): Promise<LoadResult> {
    const found = await this.read();
    if (!found) return { result: undefined, explanation: `no baseline yet: ${this.file} does not exist` };
    return { result: found, explanation: this.explain(found, request) };
  }

  /** Writes the bare report (not a StoredResult), so `--baseline FILE` reads it back unchanged. */
  async save(_planId: string, result: StoredResult): Promise<void> {
    await writeJsonAtomic(this.file, result.report);
  }

  /** The one result the file holds: an explicitly chosen file qualifies as it does for `load`. */
  async history(_request: LoadRequest, n: number): Promise<StoredResult[]> {
    if (n < 1) return [];
    const found = await this.read();
    return found ? [found] : [];
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
    if (fingerprints.plan !== request.planFingerprint) caveats.push(`the plan's load shape changed since it was saved`);
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
