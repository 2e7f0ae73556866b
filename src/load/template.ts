/**
 * Runtime templates: `${name}` placeholders left in plan strings after env substitution (session
 * captures, `${seq}`, `${vu}`). Compiled once per plan; rendering a string without placeholders
 * returns it as is, so the common case costs nothing per request.
 */

export type Vars = Record<string, string>;
export type Template = (vars: Vars) => string;

// `$${name}` is the plan's escape for a literal `${name}` (the loader keeps it for runtime names).
const PLACEHOLDER = /\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function compileTemplate(text: string, escape: (v: string) => string = (v) => v): Template {
  if (!text.includes('${')) return () => text;
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  let literal = '';
  for (const m of text.matchAll(PLACEHOLDER)) {
    literal += text.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[0].startsWith('$$')) {
      literal += m[0].slice(1);
      continue;
    }
    literals.push(literal);
    literal = '';
    names.push(m[1]!);
  }
  literals.push(literal + text.slice(last));
  if (names.length === 0) {
    const plain = literals[0]!;
    return () => plain;
  }
  const unset = names.map((n) => `\${${n}}`);
  return (vars) => {
    let out = literals[0]!;
    for (let i = 0; i < names.length; i++) {
      const v = vars[names[i]!];
      // An unknown name stays as written: it was a literal (an escaped `$${HOME}`), or a capture
      // that failed, which the target then shows plainly instead of an empty string.
      out += (v === undefined ? unset[i]! : escape(v)) + literals[i + 1]!;
    }
    return out;
  };
}

/** Escape a value for insertion inside a JSON string literal. */
export const jsonStringEscape = (v: string): string => JSON.stringify(v).slice(1, -1);
