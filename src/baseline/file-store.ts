/**
 * Results as JSON files (`--baseline FILE`, `--save-baseline FILE`, `compare A B`). Reading checks
 * that the file really is a perf-gate report of a schema we understand; writing is atomic (temp
 * file + rename), so an interrupted write never leaves half a baseline.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
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

/** The schema of a perf-gate report written by another version, or undefined when it is ours (or no report). */
export function otherReportSchema(doc: unknown): unknown {
  const r = doc as Partial<Report> | null;
  if (!r || typeof r !== 'object' || r.tool !== 'perf-gate' || r.schema === REPORT_SCHEMA) return undefined;
  return r.schema ?? 'none';
}

export function asReport(doc: unknown, file: string): Report {
  const r = doc as Partial<Report> | null;
  if (!r || typeof r !== 'object' || r.tool !== 'perf-gate' || !Array.isArray(r.stages)) {
    throw new BaselineError(`${file} is not a perf-gate report (expected "tool": "perf-gate" and a "stages" list)`);
  }
  // Another schema's numbers may mean other things: never compared, and no flag forces it.
  if (r.schema !== REPORT_SCHEMA) {
    throw new BaselineError(`${file} has report schema ${String(r.schema)}; this perf-gate reads schema ${REPORT_SCHEMA}`);
  }
  for (const [i, s] of r.stages.entries()) {
    if (!s || typeof s.name !== 'string' || typeof s.requests !== 'number' || !s.latency_ms || !Array.isArray(s.timeline)) {
      throw new BaselineError(`${file}: stages[${i}] is incomplete (needs name, requests, latency_ms, timeline)`);
    }
    const wrong = wrongStageField(s);
    if (wrong) throw new BaselineError(`${file}: stages[${i}] (${s.name}): ${wrong}; the file is damaged: re-create it`);
  }
  return r as Report;
}

/** Counts and rates a gate compares: a finite number ≥ 0 (error_rate at most 1). */
const STAGE_NUMBERS = ['requests', 'errors', 'error_rate', 'rps'] as const;
const LATENCY_NUMBERS = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
/** The window columns the regression rules sample (gate/metrics.ts windowSamples). */
const WINDOW_NUMBERS = ['t', 'requests', 'errors', 'rps', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'] as const;

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * The first field of a stored stage the gate would read that does not hold what it must, said as
 * "latency_ms.p95 is "x", expected a number ≥ 0"; undefined when the stage is usable. A well-formed
 * but wrong file must be refused by name here, not turn into NaN checks or a TypeError later.
 */
export function wrongStageField(stage: unknown): string | undefined {
  const s = stage as Record<string, unknown>;
  const bad = (field: string, value: unknown, expected = 'a number ≥ 0'): string => `${field} is ${shown(value)}, expected ${expected}`;
  for (const key of STAGE_NUMBERS) if (!isCount(s[key])) return bad(key, s[key]);
  if ((s.error_rate as number) > 1) return bad('error_rate', s.error_rate, 'a fraction from 0 to 1');
  const latency = s.latency_ms as Record<string, unknown>;
  if (typeof latency !== 'object') return bad('latency_ms', latency, 'an object');
  for (const key of LATENCY_NUMBERS) if (!isCount(latency[key])) return bad(`latency_ms.${key}`, latency[key]);
  for (const [w, window] of (s.timeline as unknown[]).entries()) {
    if (!window || typeof window !== 'object') return bad(`timeline[${w}]`, window, 'a window object');
    for (const key of WINDOW_NUMBERS) {
      const value = (window as Record<string, unknown>)[key];
      if (!isCount(value)) return bad(`timeline[${w}].${key}`, value);
    }
  }
  if (s.histogram !== undefined && typeof s.histogram !== 'string') return bad('histogram', s.histogram, 'a string');
  const generator = s.generator as Record<string, unknown> | undefined;
  if (!generator || typeof generator !== 'object') return bad('generator', generator, 'an object');
  if (!isCount(generator.loop_lag_p99_ms)) return bad('generator.loop_lag_p99_ms', generator.loop_lag_p99_ms);
  if (s.cpu_probe_ms !== undefined && !isCount(s.cpu_probe_ms)) return bad('cpu_probe_ms', s.cpu_probe_ms);
  if (s.spike !== undefined) {
    const recovery = (s.spike as Record<string, unknown> | null)?.recovery_ms;
    if (recovery !== null && !isCount(recovery)) return bad('spike.recovery_ms', recovery, 'a number ≥ 0 or null');
  }
  return undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * Writes through a temp file in the same folder, renamed over the target: a reader sees the old
 * file or the new one, never half of one. The temp name is unique per process and call (two
 * containers sharing a volume may share a pid), and a failed write or rename removes it, leaving
 * the previous file untouched.
 */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}
