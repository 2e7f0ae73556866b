/**
 * `data:` sets: a CSV file with a header row (through csv-parse, strict RFC 4180) or a JSON array
 * of objects, read once at load, relative to the plan's folder. Every problem is an Issue at the
 * set's `file:` value, with the file's own line where the file has one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Checks, record, str } from './checks.js';
import { formatPath, type Path } from './issues.js';
import { show } from './units.js';
import { isSecretWorthy } from './secrets.js';
import type { DataSet } from './types.js';

export const DATA_PICKS: ReadonlyArray<DataSet['pick']> = ['sequential', 'random', 'unique'];
const SET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Largest data file read: a million short rows fit; a wrong file (a database dump) is refused. */
export const MAX_DATA_BYTES = 64 * 1024 * 1024;

/** Reads a data file named in a plan; `file` as written there. Throws with the OS reason. */
export type DataReader = (file: string) => string;

/** Files relative to the plan's folder, as k6's open() and Artillery's payload read them. */
export function dataReaderBeside(planFile: string): DataReader {
  const dir = path.dirname(planFile);
  return (file) => {
    const full = path.resolve(dir, file);
    const text = readFileSync(full, 'utf8');
    if (Buffer.byteLength(text) > MAX_DATA_BYTES) throw new Error(`it is over ${MAX_DATA_BYTES / 1024 / 1024} MiB`);
    return text;
  };
}

export function readData(c: Checks, raw: unknown, read: DataReader): Record<string, DataSet> {
  const out: Record<string, DataSet> = {};
  for (const [name, entryRaw] of Object.entries(record(raw))) {
    const p: Path = ['data', name];
    if (!SET_NAME.test(name)) {
      c.add(p, `${formatPath(p)}: ${show(name)} cannot be a data set name: use letters, digits and _ (it is used as \${${name}.COLUMN})`, 'key');
      continue;
    }
    const entry = record(entryRaw);
    const file = str(entry.file);
    if (file === undefined) continue; // the schema check names the missing key
    const pick = (str(entry.pick) ?? 'sequential') as DataSet['pick'];
    // A pick that is none of these is the schema check's to name (with the allowed ones).
    if (!DATA_PICKS.includes(pick)) continue;
    let text: string;
    try {
      text = read(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file (paths are relative to the plan)' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
      c.add([...p, 'file'], `${formatPath([...p, 'file'])}: cannot read ${show(file)}: ${reason}`);
      continue;
    }
    const table = /\.json$/i.test(file) ? tableFromJson(text) : tableFromCsv(text);
    if (typeof table === 'string') {
      c.add([...p, 'file'], `${formatPath([...p, 'file'])}: ${file}${table}`);
      continue;
    }
    if (table.rows.length === 0) {
      c.add([...p, 'file'], `${formatPath([...p, 'file'])}: ${file} has no rows`);
      continue;
    }
    out[name] = { name, file, pick, ...table };
  }
  return out;
}

type Table = Pick<DataSet, 'columns' | 'rows'>;

/** A table, or what is wrong (text that follows the file name: ":3: ..." or " is ..."). */
export function tableFromCsv(text: string): Table | string {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch (err) {
    const e = err as Error & { lines?: number };
    return `${e.lines ? `:${e.lines}` : ''}: not readable as CSV (${e.message.replace(/\s+/g, ' ')})`;
  }
  const [header, ...rows] = records;
  if (!header) return ' is empty: a CSV data file starts with a header row (its column names)';
  const columns = header.map((h) => h.trim());
  const blank = columns.findIndex((h) => h === '');
  if (blank >= 0) return `:1: column ${blank + 1} of the header row has no name`;
  const twice = columns.find((h, i) => columns.indexOf(h) !== i);
  if (twice !== undefined) return `:1: the header row names ${show(twice)} twice`;
  return { columns, rows };
}

export function tableFromJson(text: string): Table | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return ` is not valid JSON (${(err as Error).message})`;
  }
  if (!Array.isArray(doc) || !doc.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    return ' must be a JSON array of objects, e.g. [{"name": "ann", "password": "..."}]';
  }
  const columns = [...new Set(doc.flatMap((r) => Object.keys(r as object)))];
  const rows = (doc as Array<Record<string, unknown>>).map((r) => columns.map((col) => cellText(r[col])));
  return { columns, rows };
}

/** A JSON value as a template fills it: strings as they are, anything else as its JSON; missing as "". */
const cellText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Column names that hold credentials: their values are hidden in every output like env secrets.
 * By word (`api_key`, `userPassword`, `auth-token`), so `author`, `keyword` and `monkey` are not.
 */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pin',
  'secret',
  'token',
  'key',
  'apikey',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'cookie',
  'session',
  'otp',
]);
export const isSecretColumn = (column: string): boolean =>
  column
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word));

export function dataSecrets(data: Record<string, DataSet> | undefined): string[] {
  const out = new Set<string>();
  for (const set of Object.values(data ?? {})) {
    set.columns.forEach((col, i) => {
      if (isSecretColumn(col)) for (const row of set.rows) if (isSecretWorthy(row[i] ?? '')) out.add(row[i]!);
    });
  }
  return [...out];
}
