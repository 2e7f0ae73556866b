/**
 * Plan requests compiled for the run loop: templates compiled once, static headers and bodies
 * shared between requests, and a weighted picker over the mix.
 */
import type { RequestSpec } from '../plan/types.js';
import { compileTemplate, jsonStringEscape, type Template, type Vars } from './template.js';
import type { ErrorKind, HttpOutcome, HttpRequest } from './http.js';
import { readJsonPath } from '../jsonpath.js';

export interface CompiledRequest {
  spec: RequestSpec;
  /** Index into the stage's endpoint metrics. */
  index: number;
  build(vars: Vars): HttpRequest;
  /** `expect.body`, compiled once. */
  expectedBody?: Template;
}

export function compileRequest(spec: RequestSpec, index: number): CompiledRequest {
  const path = compileTemplate(spec.path, encodeURIComponent);
  const headerNames = Object.keys(spec.headers);
  const headerTemplates = headerNames.map((n) => compileTemplate(spec.headers[n]!));
  const dynamicHeaders = headerNames.some((n) => spec.headers[n]!.includes('${'));
  let body: Template | undefined;
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.json !== undefined) {
    body = compileTemplate(JSON.stringify(spec.json), jsonStringEscape);
    headers['content-type'] ??= 'application/json';
  } else if (spec.body !== undefined) {
    body = compileTemplate(spec.body);
  }
  const readBody = spec.expect?.bodyContains !== undefined || (spec.capture !== undefined && Object.keys(spec.capture).length > 0);
  const base = { method: spec.method, timeoutMs: spec.timeoutMs, readBody };
  const expectedBody = spec.expect?.bodyContains !== undefined ? compileTemplate(spec.expect.bodyContains) : undefined;
  if (!dynamicHeaders && !spec.path.includes('${') && !(body && (spec.body ?? JSON.stringify(spec.json)).includes('${'))) {
    // Nothing to fill in: one request object serves every send.
    const constant: HttpRequest = { ...base, path: path({}), headers, body: body?.({}) };
    return { spec, index, expectedBody, build: () => constant };
  }
  return {
    spec,
    index,
    expectedBody,
    build(vars) {
      let h = headers;
      if (dynamicHeaders) {
        h = { ...headers };
        for (let i = 0; i < headerNames.length; i++) h[headerNames[i]!] = headerTemplates[i]!(vars);
      }
      return { ...base, path: path(vars), headers: h, body: body?.(vars) };
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
  if (expectedBody !== undefined && !(out.body ?? '').includes(expectedBody(vars))) return 'check';
  return undefined;
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
