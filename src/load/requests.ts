/**
 * Plan requests compiled for the run loop: templates compiled once, static headers and bodies
 * shared between requests, and a weighted picker over the mix.
 */
import type { JsonExpectation, RequestSpec } from '../plan/types.js';
import { compileTemplate, jsonStringEscape, templateNeeds, type Template, type Vars } from './template.js';
import type { ErrorKind, HttpOutcome, HttpRequest } from './http.js';
import { readJsonPath } from '../jsonpath.js';

export interface CompiledRequest {
  spec: RequestSpec;
  /** Index into the stage's endpoint metrics. */
  index: number;
  /** The request to send, or undefined when a runtime value it needs has none (it is then never sent). */
  build(vars: Vars): HttpRequest | undefined;
  /** `expect.body`, compiled once. */
  expectedBody?: Template;
  /** The vars keys the request reads (captures, data columns, builtins). */
  needs: string[];
}

export interface CompileOptions {
  /** Names the engine fills (builtins, captures: plan/interpolate.ts runtimeVariables); others are text. */
  runtime?: ReadonlySet<string>;
  /** Keep the response body even without a check that reads it (session, setup, verify: for messages). */
  readBody?: boolean;
}

export function compileRequest(spec: RequestSpec, index: number, o: CompileOptions = {}): CompiledRequest {
  const runtime = o.runtime;
  const path = compileTemplate(spec.path, encodeURIComponent, runtime);
  const headerNames = Object.keys(spec.headers);
  const headerTemplates = headerNames.map((n) => compileTemplate(spec.headers[n]!, undefined, runtime));
  const dynamicHeaders = headerNames.some((n) => spec.headers[n]!.includes('${'));
  let body: Template | undefined;
  const headers: Record<string, string> = { ...spec.headers };
  const bodyText = spec.json !== undefined ? JSON.stringify(spec.json) : spec.body;
  if (spec.json !== undefined) {
    body = compileTemplate(bodyText!, jsonStringEscape, runtime);
    headers['content-type'] ??= 'application/json';
  } else if (spec.body !== undefined) {
    body = compileTemplate(spec.body, undefined, runtime);
  }
  const readBody =
    o.readBody === true ||
    spec.expect?.bodyContains !== undefined ||
    spec.expect?.json !== undefined ||
    (spec.capture !== undefined && Object.keys(spec.capture).length > 0);
  const base = { method: spec.method, timeoutMs: spec.timeoutMs, readBody };
  const expectedBody = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains, undefined, runtime) : undefined;
  const needs = [
    ...new Set([spec.path, ...Object.values(spec.headers), bodyText ?? '', spec.expect?.bodyContains ?? ''].flatMap((t) => templateNeeds(t, runtime))),
  ];
  if (!dynamicHeaders && !spec.path.includes('${') && !(bodyText ?? '').includes('${')) {
    // Nothing to fill in: one request object serves every send.
    const constant: HttpRequest = { ...base, path: spec.path, headers, body: body?.({}) };
    return { spec, index, expectedBody, needs, build: () => constant };
  }
  return {
    spec,
    index,
    expectedBody,
    needs,
    build(vars) {
      let h = headers;
      if (dynamicHeaders) {
        h = { ...headers };
        for (let i = 0; i < headerNames.length; i++) {
          const value = headerTemplates[i]!(vars);
          if (value === undefined) return undefined;
          h[headerNames[i]!] = value;
        }
      }
      const p = path(vars);
      if (p === undefined) return undefined;
      let b: string | undefined;
      if (body) {
        b = body(vars);
        if (b === undefined) return undefined;
      }
      return { ...base, path: p, headers: h, body: b };
    },
  };
}

/**
 * The error kind of an outcome, or undefined for success. An `expect.status` list makes listed
 * codes successes (a 404 can be expected); unlisted ones are errors of their class.
 */
export function classifyOutcome(
  spec: RequestSpec,
  out: HttpOutcome,
  vars: Vars,
  expectedBody: Template | undefined = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains) : undefined,
): ErrorKind | undefined {
  if (out.failure) return out.failure;
  const s = out.status;
  const expected = spec.expect?.status;
  const statusOk = expected && expected.length > 0 ? expected.includes(s) : s < 400;
  if (!statusOk) {
    if (s === 429) return 'rate_limited';
    if (s >= 500) return 'http_5xx';
    if (s >= 400) return 'http_4xx';
    return 'check';
  }
  if (expectedBody !== undefined) {
    const text = expectedBody(vars);
    if (text === undefined || !(out.body ?? '').includes(text)) return 'check';
  }
  if (spec.expect?.json && jsonMismatches(spec.expect.json, out.body).length > 0) return 'check';
  return undefined;
}

/**
 * What an outcome missed, one phrase each, for messages (a failed session step, setup or verify):
 * "timed out", "409" (or "201, expected 200"; `answered` goes before it), "the body does not
 * contain …", "$.sold is 104, expected 100", a capture that found nothing. Empty: it met them all.
 */
export function outcomeProblems(spec: RequestSpec, out: HttpOutcome, vars: Vars, expectedBody: Template | undefined, answered = ''): string[] {
  if (out.failure) return [out.failure === 'timeout' ? 'timed out' : `no connection${out.failureMessage ? ` (${out.failureMessage})` : ''}`];
  const listed = spec.expect?.status;
  const statusOk = listed && listed.length > 0 ? listed.includes(out.status) : out.status < 400;
  if (!statusOk) return [`${answered}${out.status}${listed && listed.length > 0 ? `, expected ${listed.join(' or ')}` : ''}`];
  const problems: string[] = [];
  if (expectedBody !== undefined) {
    const text = expectedBody(vars);
    if (text === undefined || !(out.body ?? '').includes(text)) problems.push(`the body does not contain ${JSON.stringify(text ?? spec.expect?.bodyContains)}`);
  }
  if (spec.expect?.json) problems.push(...jsonMismatches(spec.expect.json, out.body));
  return problems;
}

/** What in a JSON body misses its `expect.json` entries, one phrase each ("$.sold is 104, expected 100"); empty when all hold. */
export function jsonMismatches(expectations: JsonExpectation[], body: string | undefined): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body ?? '');
  } catch {
    return [`the body is not JSON${body ? ` (${sample(body)})` : ' (empty)'}`];
  }
  const out: string[] = [];
  for (const e of expectations) {
    const v = readJsonPath(doc, e.path);
    if (v === undefined) {
      out.push(`${e.path} is missing, expected ${e.op === '=' ? e.raw : e.raw.trim()}`);
      continue;
    }
    if (!meets(v, e)) out.push(`${e.path} is ${JSON.stringify(v)}, expected ${e.op === '=' ? e.raw : e.raw.trim()}`);
  }
  return out;
}

function meets(v: unknown, e: JsonExpectation): boolean {
  // A literal equals as JSON (0 is not "0"); a rule string (">= 0", "= 100") compares numbers.
  if (e.literal) return sameJson(v, e.value);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isNaN(n)) return false;
  const limit = e.value as number;
  switch (e.op) {
    case '=':
      return n === limit;
    case '!=':
      return n !== limit;
    case '<':
      return n < limit;
    case '<=':
      return n <= limit;
    case '>':
      return n > limit;
    case '>=':
      return n >= limit;
  }
}

/** Deep equality of JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The start of a body, one line, for messages. */
export function sample(body: string, max = 120): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Copy captured values into `vars`; false when one is missing (a `check` failure). */
export function applyCaptures(spec: RequestSpec, body: string | undefined, vars: Vars): boolean {
  if (!spec.capture) return true;
  let doc: unknown;
  try {
    doc = JSON.parse(body ?? '');
  } catch {
    return false;
  }
  let ok = true;
  for (const [name, path] of Object.entries(spec.capture)) {
    const v = readJsonPath(doc, path);
    if (v === undefined || v === null) ok = false;
    else vars[name] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return ok;
}

/** Weighted choice over the mix, by cumulative weights and a binary search. */
export function weightedPicker<T extends { spec: { weight: number } }>(items: T[], random: () => number = Math.random): () => T {
  if (items.length === 1) {
    const only = items[0]!;
    return () => only;
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const it of items) cumulative.push((total += it.spec.weight));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}
