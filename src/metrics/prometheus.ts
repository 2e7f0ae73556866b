/**
 * Reading one sample out of Prometheus text exposition format (the `/metrics` page of most
 * services). Pure, and never throws: a page without the metric, or with a value that is not a
 * number, is an error string the report shows.
 */

/** The metric a soak stage reads: the target's resident memory in bytes (client libraries' process collector). */
export const RESIDENT_MEMORY = 'process_resident_memory_bytes';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

/**
 * The value of `name` in a Prometheus text page: the first sample of that name (labels allowed),
 * `{ value }`, or `{ error }` saying what was wrong. Lines: `# HELP`/`# TYPE`/comments are skipped;
 * `name{label="v",…} value [timestamp]`; values like `1.2e+08`, `+Inf`, `NaN`.
 */
export function readPrometheusValue(text: string, name: string): { value: number } | { error: string } {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = NAME.exec(line);
    if (!m || m[0] !== name) continue;
    let rest = line.slice(m[0].length);
    if (rest.startsWith('{')) {
      const end = labelsEnd(rest);
      if (end < 0) return { error: `${name}: unterminated labels in "${clip(line)}"` };
      rest = rest.slice(end + 1);
    }
    const valueText = rest.trim().split(/\s+/)[0] ?? '';
    const value = parseSampleValue(valueText);
    if (value === undefined) return { error: `${name}: "${clip(valueText)}" is not a number` };
    return { value };
  }
  return { error: `${name} not found in the metrics page` };
}

/** Index of the `}` closing a label set, skipping quoted values (which may hold `}` and escaped quotes). */
function labelsEnd(s: string): number {
  let quoted = false;
  for (let i = 1; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '}') return i;
  }
  return -1;
}

function parseSampleValue(text: string): number | undefined {
  if (/^[+-]?Inf$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
