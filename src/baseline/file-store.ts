/**
 * Results as JSON files (`--baseline FILE`, `--save-baseline FILE`, `compare A B`). Reading checks
 * that the file really is a perf-gate report of a schema we understand; writing is atomic (temp
 * file + rename), so an interrupted write never leaves half a baseline.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BaselineError } from '../errors.js';
import { REPORT_SCHEMA, type Report } from '../report/types.js';

export async function readReportFile(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new BaselineError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${file} is not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ')}`);
  }
  return asReport(doc, file);
}

/**
 * A report that stands for a whole run: a shard's (`run --shard i/n`) is a part of the load, and
 * comparing with it would judge the whole against a fraction (a third of the rps, of the contention).
 */
export function wholeRun(report: Report, file: string): Report {
  if (report.shard) {
    throw new BaselineError(`${file} is a shard report (shard ${report.shard.index}/${report.shard.count}): a part of the load; merge the shards (perf-gate merge) and compare with that`);
  }
  return report;
}

export function asReport(doc: unknown, file: string): Report {
  const r = doc as Partial<Report> | null;
  if (!r || typeof r !== 'object' || r.tool !== 'perf-gate' || !Array.isArray(r.stages)) {
    throw new BaselineError(`${file} is not a perf-gate report (expected "tool": "perf-gate" and a "stages" list)`);
  }
  if (r.schema !== REPORT_SCHEMA) {
    throw new BaselineError(`${file} has report schema ${String(r.schema)}; this perf-gate reads schema ${REPORT_SCHEMA}`);
  }
  for (const [i, s] of r.stages.entries()) {
    if (!s || typeof s.name !== 'string' || typeof s.requests !== 'number' || !s.latency_ms || !Array.isArray(s.timeline)) {
      throw new BaselineError(`${file}: stages[${i}] is incomplete (needs name, requests, latency_ms, timeline)`);
    }
  }
  return r as Report;
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(tmp, file);
}
