/**
 * Runtime templates: the placeholders left in plan strings after env substitution
 * (src/plan/placeholders.ts: captures, `${seq}`, `${vu}`, data columns, `${random(1,10)}`,
 * `${uuid()}`). Compiled once per plan; rendering a string without placeholders returns it as is,
 * so the common case costs nothing per request.
 *
 * A runtime name with no value (a capture that failed) makes the render `undefined`: the caller
 * never sends such a request, rather than put a literal `${token}` on the wire.
 */
import { randomUUID } from 'node:crypto';
import { dataKey, parsePlaceholder, PLACEHOLDER } from '../plan/placeholders.js';

export type Vars = Record<string, string>;
/** The filled string, or undefined when a runtime value it needs is missing. */
export type Template = (vars: Vars) => string | undefined;

/** What a template reads from `vars`: a key, or a value drawn per render. */
type Part = string | (() => string);

/**
 * `runtime`: the names the engine fills (builtins, captures). Any other plain `${NAME}` is literal
 * text: it can only be what an escaped `$${NAME}` became at load (an unset env name is refused
 * there). Absent: every name is a runtime name.
 */
export function compileTemplate(text: string, escapeValue: (v: string) => string = (v) => v, runtime?: ReadonlySet<string>): Template {
  if (!text.includes('${')) return () => text;
  const literals: string[] = [];
  const parts: Part[] = [];
  let last = 0;
  let literal = '';
  for (const m of text.matchAll(PLACEHOLDER)) {
    literal += text.slice(last, m.index);
    last = m.index! + m[0].length;
    const p = m[0].startsWith('$$') ? undefined : parsePlaceholder(m[1]!);
    const part = typeof p === 'object' ? partOf(p, runtime) : undefined;
    if (part === undefined) {
      literal += m[0].startsWith('$$') ? m[0].slice(1) : m[0];
      continue;
    }
    literals.push(literal);
    literal = '';
    parts.push(part);
  }
  literals.push(literal + text.slice(last));
  if (parts.length === 0) {
    const plain = literals[0]!;
    return () => plain;
  }
  return (vars) => {
    let out = literals[0]!;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const v = typeof part === 'string' ? vars[part] : part();
      if (v === undefined) return undefined;
      out += escapeValue(v) + literals[i + 1]!;
    }
    return out;
  };
}

function partOf(p: Exclude<ReturnType<typeof parsePlaceholder>, string>, runtime: ReadonlySet<string> | undefined): Part | undefined {
  switch (p.kind) {
    case 'name':
      return !runtime || runtime.has(p.name) ? p.name : undefined;
    case 'data':
      return dataKey(p.set, p.column);
    case 'random': {
      const { min } = p;
      const span = p.max - p.min + 1;
      return () => String(min + Math.floor(Math.random() * span));
    }
    case 'uuid':
      return randomUUID;
  }
}

/** The vars keys a string needs set (captures, builtins, data columns); draws (random, uuid) need none. */
export function templateNeeds(text: string, runtime?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (!text.includes('${')) return out;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[0].startsWith('$$')) continue;
    const p = parsePlaceholder(m[1]!);
    if (typeof p === 'string') continue;
    if (p.kind === 'name' && (!runtime || runtime.has(p.name))) out.push(p.name);
    if (p.kind === 'data') out.push(dataKey(p.set, p.column));
  }
  return out;
}

/** Escape a value for insertion inside a JSON string literal. */
export const jsonStringEscape = (v: string): string => JSON.stringify(v).slice(1, -1);
