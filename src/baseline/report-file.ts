/**
 * Results as JSON files (`--baseline FILE`, `--save-baseline FILE`, `compare A B`). Reading checks
 * that the file really is a perf-gate report of a schema we understand; writing is atomic (temp
 * file + rename), so an interrupted write never leaves half a baseline.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BaselineError } from '../errors.js';
import { REPORT_SCHEMA, type Report } from '../model/report.js';

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
    throw new BaselineError(
      `${file} is a shard report (shard ${report.shard.index}/${report.shard.count}): a part of the load; merge the shards (perf-gate merge) and compare with that`,
    );
  }
  return report;
}

/** A perf-gate report written in another report schema (by another perf-gate version): readable, not comparable. */
export function isOtherReportSchema(doc: unknown): boolean {
  const r = doc as Partial<Report> | null;
  return !!r && typeof r === 'object' && r.tool === 'perf-gate' && r.schema !== REPORT_SCHEMA;
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
  const wrong = wrongField(r, REPORT_FIELDS);
  if (wrong) throw new BaselineError(`${file}: ${wrong}; the file is damaged: re-create it`);
  for (const [i, s] of r.stages.entries()) {
    if (!s || typeof s.name !== 'string' || typeof s.requests !== 'number' || !s.latency_ms || !Array.isArray(s.timeline)) {
      throw new BaselineError(`${file}: stages[${i}] is incomplete (needs name, requests, latency_ms, timeline)`);
    }
    const wrong = wrongStageField(s);
    if (wrong) throw new BaselineError(`${file}: stages[${i}] (${s.name}): ${wrong}; the file is damaged: re-create it`);
  }
  return r as Report;
}

/**
 * What a field must hold. A well-formed but wrong file (a hand edit, a bad merge, another tool)
 * is refused here, by file and field, instead of turning into NaN checks or a TypeError later.
 */
type Kind = 'count' | 'fraction' | 'count-or-null' | 'fraction-or-null' | 'string' | 'object' | 'list';
/** A dotted path (children are checked only when their parent is there) and what it holds; `?` marks optional fields. */
type Field = readonly [path: string, kind: Kind];

const EXPECTED: Record<Kind, string> = {
  count: 'a number ≥ 0',
  fraction: 'a fraction from 0 to 1',
  'count-or-null': 'a number ≥ 0 or null',
  'fraction-or-null': 'a fraction from 0 to 1 or null',
  string: 'a string',
  object: 'an object',
  list: 'a list',
};

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const HOLDS: Record<Kind, (v: unknown) => boolean> = {
  count: isCount,
  fraction: (v) => isCount(v) && (v as number) <= 1,
  'count-or-null': (v) => v === null || isCount(v),
  'fraction-or-null': (v) => v === null || (isCount(v) && (v as number) <= 1),
  string: (v) => typeof v === 'string',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  list: Array.isArray,
};

/** What the summary and the comparison read of the report around its stages. */
const REPORT_FIELDS: Field[] = [
  ['started_at', 'string'],
  ['plan', 'string'],
  ['target', 'string'],
  ['runner', 'object'],
  ['runner.os', 'string'],
  ['runner.arch', 'string'],
  ['runner.cpu', 'string'],
  ['runner.cores', 'count'],
  ['fingerprints?', 'object'],
  ['fingerprints.plan', 'string'],
  ['fingerprints.runner', 'string'],
  ['shard?', 'object'],
];

const LATENCY = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
/** What a gate compares (gate/metrics.ts, excuse.ts, regression.ts) and the summary prints, per stage. */
const STAGE_FIELDS: Field[] = [
  ['kind', 'string'],
  ...(['requests', 'errors', 'rps'] as const).map((k): Field => [k, 'count']),
  ['error_rate', 'fraction'],
  ['latency_ms', 'object'],
  ...LATENCY.map((k): Field => [`latency_ms.${k}`, 'count']),
  ['endpoints', 'list'],
  ['errors_by_kind', 'object'],
  ['status_codes', 'object'],
  ['histogram?', 'string'],
  ['generator', 'object'],
  ['generator.loop_lag_p99_ms', 'count'],
  ['cpu_probe_ms?', 'count'],
  ['reference?', 'object'],
  ...(['p50', 'p90', 'p95', 'p99', 'mean'] as const).map((k): Field => [`reference.${k}`, 'count']),
  ['spike?', 'object'],
  ['spike.pre_p95_ms', 'count'],
  ['spike.peak_p95_ms', 'count'],
  ['spike.recovery_ms', 'count-or-null'],
];
/** The window columns the regression rules sample (gate/metrics.ts windowSamples). */
const WINDOW_FIELDS: Field[] = [
  ...['t', 'requests', 'errors', 'rps', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'].map((k): Field => [k, 'count']),
  ['histogram?', 'string'],
];
const ENDPOINT_FIELDS: Field[] = [
  ['name', 'string'],
  ['requests', 'count'],
  ['errors', 'count'],
  ['latency_ms', 'object'],
  ...['p50', 'p95', 'p99'].map((k): Field => [`latency_ms.${k}`, 'count']),
];

/**
 * Imported stages (`compare --from k6|locust`, StageReport.imported) hold null for what their tool
 * did not report: a percentile, an endpoint's errors, the stage's errors and error rate (k6 before
 * v0.31). Everything else is as strict.
 */
const orNull = (fields: Field[], nullable: (path: string) => boolean): Field[] =>
  fields.map(([p, k]) => ((k === 'count' || k === 'fraction') && nullable(p) ? [p, k === 'count' ? 'count-or-null' : 'fraction-or-null'] : [p, k]));
const IMPORTED_STAGE_FIELDS = orNull(STAGE_FIELDS, (p) => p.startsWith('latency_ms.') || p === 'errors' || p === 'error_rate');
const IMPORTED_ENDPOINT_FIELDS = orNull(ENDPOINT_FIELDS, (p) => p.startsWith('latency_ms.') || p === 'errors');

/** The first field of `doc` that does not hold what it must, as `latency_ms.p95 is "x", expected a number ≥ 0`. */
function wrongField(doc: unknown, fields: readonly Field[], prefix = ''): string | undefined {
  for (const [spec, kind] of fields) {
    const optional = spec.endsWith('?');
    const keys = (optional ? spec.slice(0, -1) : spec).split('.');
    let parent = doc as Record<string, unknown> | undefined;
    for (const key of keys.slice(0, -1)) parent = parent?.[key] as Record<string, unknown> | undefined;
    if (parent === undefined || parent === null) continue; // an optional parent that is absent
    const value = parent[keys.at(-1)!];
    if (value === undefined && optional) continue;
    if (!HOLDS[kind](value)) return `${prefix}${keys.join('.')} is ${shown(value)}, expected ${EXPECTED[kind]}`;
  }
  return undefined;
}

/** The first field of a stored stage (its windows and endpoints included) that is wrong; undefined when usable. */
export function wrongStageField(stage: unknown): string | undefined {
  const s = stage as Record<string, unknown>;
  const inList = (list: unknown, what: string, fields: readonly Field[]): string | undefined => {
    for (const [i, item] of (list as unknown[]).entries()) {
      if (!HOLDS.object(item)) return `${what}[${i}] is ${shown(item)}, expected ${EXPECTED.object}`;
      const wrong = wrongField(item, fields, `${what}[${i}].`);
      if (wrong) return wrong;
    }
    return undefined;
  };
  const imported = HOLDS.object(s.imported);
  return (
    wrongField(s, imported ? IMPORTED_STAGE_FIELDS : STAGE_FIELDS) ??
    inList(s.timeline, 'timeline', WINDOW_FIELDS) ??
    inList(s.endpoints, 'endpoints', imported ? IMPORTED_ENDPOINT_FIELDS : ENDPOINT_FIELDS)
  );
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
