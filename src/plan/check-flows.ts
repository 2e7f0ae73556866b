/**
 * What a stage sends besides its load, and what every request string may hold:
 *  - `requests: [name, ...]` on a stage: its part of the mix;
 *  - `setup:` / `verify:` on a stage: requests sent once before it and after it has drained;
 *  - placeholders (src/plan/placeholders.ts): each must parse, and a data column must exist;
 *  - `pick: unique` sets: the plan's closed-model users must not need more rows than the file has.
 */
import { closedUsers } from './stage-time.js';
import { Checks, list, record, str, type Data } from './checks.js';
import { readRequests, type RequestDefaults } from './check-requests.js';
import { formatPath, suggestion, type Path } from './issues.js';
import { parsePlaceholder, PLACEHOLDER } from './placeholders.js';
import { show } from './units.js';
import type { DataSet, Plan, StageSpec } from './types.js';

/** Reads each stage's `requests`, `setup` and `verify` into its spec (matched by position in the raw list). */
export function readStageFlows(c: Checks, rawStages: unknown, stages: StageSpec[], requestNames: string[], defaults: RequestDefaults): void {
  const raws = list(rawStages).map(record);
  for (const stage of stages) {
    const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
    if (i < 0) continue;
    const raw = raws[i]!;
    const at: Path = ['stages', i];
    if ('requests' in raw) {
      const names = list(raw.requests);
      if (stage.protocol === 'ws')
        c.add([...at, 'requests'], `${formatPath(at)}: requests: picks from the HTTP mix; a ws stage sends the websocket: block`, 'key');
      names.forEach((n, j) => {
        if (typeof n === 'string' && !requestNames.includes(n)) {
          c.add([...at, 'requests', j], `${formatPath([...at, 'requests', j])}: no request is named ${show(n)}${suggestion(n, requestNames)}`);
        }
      });
      const picked = names.filter((n): n is string => typeof n === 'string');
      if (names.length === 0)
        c.add([...at, 'requests'], `${formatPath([...at, 'requests'])}: name at least one request (or drop the key to draw from them all)`);
      else stage.requests = [...new Set(picked)];
    }
    if ('setup' in raw) stage.setup = readRequests(c, raw.setup, [...at, 'setup'], defaults);
    if ('verify' in raw) stage.verify = readRequests(c, raw.verify, [...at, 'verify'], defaults);
  }
}

/** Every placeholder in the request strings: it parses, and names a declared data set and column. */
export function checkPlaceholders(c: Checks, raw: Data, data: Record<string, DataSet>): void {
  const check = (text: string, path: Path): void => {
    if (!text.includes('${')) return;
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (m[0].startsWith('$$')) continue;
      const p = parsePlaceholder(m[1]!);
      if (typeof p === 'string') {
        c.add(path, `${formatPath(path)}: ${p}`);
        continue;
      }
      if (p.kind !== 'data') continue;
      const set = data[p.set];
      if (!set) {
        // A set declared but unreadable is reported at its file already.
        if (p.set in record(raw.data)) continue;
        const known = Object.keys(record(raw.data));
        c.add(
          path,
          `${formatPath(path)}: \${${p.set}.${p.column}} names no data set${known.length ? suggestion(p.set, known) : `: declare it, e.g. data: { ${p.set}: { file: ${p.set}.csv } }`}`,
        );
      } else if (!set.columns.includes(p.column)) {
        c.add(path, `${formatPath(path)}: ${set.file} has no column ${show(p.column)}${suggestion(p.column, set.columns)}`);
      }
    }
  };
  for (const [key, value] of requestStrings(raw)) check(value, key);
}

/** Every string under the request lists (session, requests, stages' setup/verify) and the websocket block, with its path. */
function* requestStrings(raw: Data): Generator<[Path, string]> {
  function* walk(v: unknown, path: Path): Generator<[Path, string]> {
    if (typeof v === 'string') yield [path, v];
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* walk(x, [...path, i]);
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) yield* walk(x, [...path, k]);
  }
  yield* walk(record(raw.defaults).headers, ['defaults', 'headers']);
  yield* walk(raw.session, ['session']);
  yield* walk(raw.requests, ['requests']);
  yield* walk(raw.websocket, ['websocket']);
  for (const [i, s] of list(raw.stages).entries()) {
    yield* walk(record(s).setup, ['stages', i, 'setup']);
    yield* walk(record(s).verify, ['stages', i, 'verify']);
  }
}

/** The data sets a request's strings name. */
export function dataSetsOf(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!v.includes('${')) return;
      for (const m of v.matchAll(PLACEHOLDER)) {
        const p = m[0].startsWith('$$') ? undefined : parsePlaceholder(m[1]!);
        if (typeof p === 'object' && p.kind === 'data') out.add(p.set);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

/**
 * `pick: unique` hands each row out once in the run: the closed-model users of the stages that read
 * the set (each a row for its session) must fit in the file, and worker threads cannot share one cursor.
 */
export function checkUniqueRows(c: Checks, plan: Plan, rawStages: unknown): void {
  const raws = list(rawStages).map(record);
  for (const set of Object.values(plan.data ?? {})) {
    if (set.pick !== 'unique') continue;
    const sessionUses = plan.session.some((r) => dataSetsOf(r).has(set.name));
    const users: string[] = [];
    let total = 0;
    for (const stage of plan.stages) {
      const mix = stage.requests ? plan.requests.filter((r) => stage.requests!.includes(r.name)) : plan.requests;
      const uses = sessionUses || mix.some((r) => dataSetsOf(r).has(set.name));
      if (!uses) continue;
      const n = closedUsers(stage);
      if (n > 0) {
        total += n;
        users.push(`${stage.name} ${n}`);
      }
      if (stage.workers !== undefined && stage.workers !== 1) {
        const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
        c.add(
          ['stages', Math.max(0, i), 'workers'],
          `${formatPath(['stages', Math.max(0, i)])}: reads data set ${show(set.name)} (pick: unique), whose rows cannot be shared out between worker threads; drop workers: or use pick: sequential`,
        );
      }
    }
    if (total > set.rows.length) {
      c.add(
        ['data', set.name, 'pick'],
        `data.${set.name}: pick: unique gives every user its own row, but the plan's closed-model stages start ${total} users (${users.join(', ')}) and ${set.file} has ${set.rows.length} rows`,
      );
    }
  }
}
