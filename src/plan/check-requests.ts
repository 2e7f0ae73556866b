/** `session:` and `requests:` entries → RequestSpec, with defaults applied and names unique. */
import { Checks, list, record, str, type Data } from './checks.js';
import { formatPath, suggestion, type Path } from './issues.js';
import { parseDuration, show } from './units.js';
import type { Expect, JsonExpectation, RequestSpec } from './types.js';
import { parseJsonPath } from '../jsonpath.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface RequestDefaults {
  timeoutMs: number;
  headers: Record<string, string>;
}

/** Header names are case-insensitive: lower-case them so merging and lookups are simple. */
export function lowerHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record(raw))) {
    if (['string', 'number', 'boolean'].includes(typeof value)) out[name.toLowerCase()] = String(value);
  }
  return out;
}

export function readRequests(c: Checks, raw: unknown, path: Path, defaults: RequestDefaults): RequestSpec[] {
  const specs = list(raw).map((item, i) => readRequest(c, record(item), [...path, i], defaults));
  const firstIndex = new Map<string, number>();
  specs.forEach((spec, i) => {
    const seen = firstIndex.get(spec.name);
    if (seen === undefined) return void firstIndex.set(spec.name, i);
    const item = record(list(raw)[i]);
    const hint = 'name' in item ? '' : ` (the name defaults to "METHOD path"; give each a name)`;
    c.add(
      'name' in item ? [...path, i, 'name'] : [...path, i],
      `${formatPath([...path, i])}: duplicate name ${show(spec.name)} (also ${formatPath([...path, seen])})${hint}`,
    );
  });
  return specs;
}

function readRequest(c: Checks, item: Data, path: Path, defaults: RequestDefaults): RequestSpec {
  const method = readMethod(c, item, path);
  const reqPath = str(item.path) ?? '';
  if (typeof item.path === 'string' && !reqPath.startsWith('/')) {
    c.add([...path, 'path'], `${formatPath([...path, 'path'])}: ${show(reqPath)} must start with "/" (it is appended to target.url)`);
  }
  const spec: RequestSpec = {
    name: str(item.name) ?? `${method} ${reqPath}`,
    method,
    path: reqPath,
    weight: typeof item.weight === 'number' && item.weight > 0 ? item.weight : 1,
    headers: { ...defaults.headers, ...lowerHeaders(item.headers) },
    timeoutMs: c.unit(item, 'timeout', path, parseDuration, defaults.timeoutMs),
  };
  // A 0 ms timeout would fail every request before it is sent.
  if ('timeout' in item && spec.timeoutMs <= 0) c.add([...path, 'timeout'], `${formatPath([...path, 'timeout'])} must be longer than 0`);
  if ('body' in item && 'json' in item) c.add([...path, 'json'], `${formatPath(path)}: use either body or json, not both`, 'key');
  if (typeof item.body === 'string') spec.body = item.body;
  if ('json' in item) spec.json = item.json;
  const expect = readExpect(c, record(item.expect), [...path, 'expect']);
  if (expect) spec.expect = expect;
  const capture = readCapture(c, item.capture, [...path, 'capture']);
  if (capture) spec.capture = capture;
  return spec;
}

function readMethod(c: Checks, item: Data, path: Path): string {
  if (typeof item.method !== 'string') return 'GET';
  const method = item.method.toUpperCase();
  if (!METHODS.includes(method)) {
    c.add([...path, 'method'], `${formatPath([...path, 'method'])}: ${show(item.method)} is not an HTTP method${suggestion(method, METHODS)}`);
  }
  return method;
}

function readExpect(c: Checks, raw: Data, path: Path): Expect | undefined {
  const expect: Expect = {};
  if ('status' in raw) expect.status = c.unit(raw, 'status', path, parseStatus, []);
  if (typeof raw.body === 'string') expect.bodyContains = raw.body;
  if ('json' in raw) expect.json = readJsonExpectations(c, record(raw.json), [...path, 'json']);
  return Object.keys(expect).length ? expect : undefined;
}

const RULE = /^\s*(=|==|!=|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/**
 * `json: { "$.stock": 0, "$.sold": ">= 100" }`: a string that reads as a comparison with a number is
 * a rule; anything else is a literal the value must equal (`"sold out"`, `true`, `[1, 2]`).
 */
function readJsonExpectations(c: Checks, raw: Data, path: Path): JsonExpectation[] {
  const out: JsonExpectation[] = [];
  for (const [jsonPath, value] of Object.entries(raw)) {
    const bad = jsonPathProblem(jsonPath);
    if (bad !== undefined) {
      c.add([...path, jsonPath], `${formatPath(path)}: ${show(jsonPath)} ${bad}`, 'key');
      continue;
    }
    if (JSON.stringify(value)?.includes('${')) {
      c.add([...path, jsonPath], `${formatPath([...path, jsonPath])}: expect.json values are compared as written; a \${...} is not filled here`);
      continue;
    }
    const rule = typeof value === 'string' ? RULE.exec(value) : null;
    if (rule) {
      const op = rule[1] === '==' ? '=' : (rule[1] as JsonExpectation['op']);
      out.push({ path: jsonPath, op, value: Number(rule[2]), raw: value as string });
    } else {
      out.push({ path: jsonPath, op: '=', value, raw: JSON.stringify(value), literal: true });
    }
  }
  return out;
}

/** What is wrong with a JSONPath of the subset perf-gate reads (`$.a.b[0]`, `$['x-y']`), or undefined. */
function jsonPathProblem(path: string, example = '$.stock'): string | undefined {
  if (!path.startsWith('$')) return `is not a JSONPath: use one like "${example}" or "$.items[0].id"`;
  try {
    parseJsonPath(path);
    return undefined;
  } catch {
    return "is a JSONPath perf-gate does not read (no wildcards, filters or ..): use $.a.b[0] or $['a-b']";
  }
}

/** `200` or `[200, 201]` → number[]. */
export function parseStatus(v: unknown): number[] {
  const codes = Array.isArray(v) ? v : [v];
  const ok = codes.length > 0 && codes.every((s) => Number.isInteger(s) && (s as number) >= 100 && (s as number) <= 599);
  if (!ok) throw new Error(`${show(v)} is not a status code: use 200 or [200, 201]`);
  return codes as number[];
}

function readCapture(c: Checks, raw: unknown, path: Path): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(record(raw))) {
    if (!VARIABLE_NAME.test(name)) {
      c.add([...path, name], `${formatPath(path)}: ${show(name)} cannot be a variable name: use letters, digits and _ (it is used as \${name})`, 'key');
    }
    const bad = jsonPathProblem(typeof query === 'string' ? query : '', '$.access_token');
    if (bad !== undefined) {
      c.add([...path, name], `${formatPath([...path, name])}: ${show(query)} ${bad}`);
    } else {
      out[name] = query as string;
    }
  }
  return out;
}
