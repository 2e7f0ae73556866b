/**
 * The runtime placeholders a request string may hold after `${ENV}` substitution, parsed in one
 * place for the plan checks (which refuse a bad one with its position) and the engine (which fills
 * them per request):
 *  - `${name}`: a builtin (`seq`, `vu`, `iter`) or a value a `capture:` set;
 *  - `${users.email}`: a column of the row a `data:` set gave this user (or this request);
 *  - `${random(1,10)}`: an integer from 1 to 10, both ends included, drawn per request;
 *  - `${uuid()}`: a random (v4) UUID, per request.
 * `$${...}` is the escape for a literal `${...}`.
 */

export type Placeholder =
  | { kind: 'name'; name: string }
  | { kind: 'data'; set: string; column: string }
  | { kind: 'random'; min: number; max: number }
  | { kind: 'uuid' };

/** Every `${...}` (or escaped `$${...}`) in a string; group 1 is what is between the braces. */
export const PLACEHOLDER = /\$?\$\{([^{}]*)\}/g;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATA_REF = /^([A-Za-z_][A-Za-z0-9_]*)\.([^.\s]+)$/;
const RANDOM = /^random\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)$/;
const UUID = /^uuid\(\s*\)$/;

/** The placeholder `inner` (the text between the braces) names, or a message saying why it is none. */
export function parsePlaceholder(inner: string): Placeholder | string {
  const text = inner;
  if (NAME.test(text)) return { kind: 'name', name: text };
  if (UUID.test(text)) return { kind: 'uuid' };
  const random = RANDOM.exec(text);
  if (random) {
    const min = Number(random[1]);
    const max = Number(random[2]);
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return `\${${text}}: random's bounds must be integers`;
    if (min > max) return `\${${text}}: random(MIN,MAX) needs MIN ≤ MAX`;
    return { kind: 'random', min, max };
  }
  if (/^random\b/.test(text)) return `\${${text}}: write random(MIN,MAX) with two integers, e.g. \${random(1,10)}`;
  const data = DATA_REF.exec(text);
  if (data) return { kind: 'data', set: data[1]!, column: data[2]! };
  return `\${${text}} is not a value perf-gate knows: use \${name} (a capture or seq, vu, iter), \${DATA.COLUMN}, \${random(MIN,MAX)} or \${uuid()}`;
}

/** The placeholders of a string, escapes left out. */
export function placeholdersIn(text: string): Array<Placeholder | string> {
  if (!text.includes('${')) return [];
  const out: Array<Placeholder | string> = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!m[0].startsWith('$$')) out.push(parsePlaceholder(m[1]!));
  return out;
}

/** The vars key a data column is kept under (a user's row is copied into its vars). */
export const dataKey = (set: string, column: string): string => `${set}.${column}`;
