/**
 * Hides secrets in what perf-gate writes: report.json, summary.md, saved baselines, the PR comment,
 * log lines and error messages. Applied at those edges, never to the Plan that runs (thresholds and
 * baselines find stages by name).
 *
 * What it hides: each added value, as written and URL-encoded (a secret in a request path reaches a
 * report percent-encoded), and the user:password of any URL in the text.
 */

export const MASK = '***';

/** A secret as written and as a URL carries it (percent-encoded): the forms to hide. */
export function secretForms(value: string): string[] {
  return [value, encodeURIComponent(value), encodeURI(value)];
}

/** `scheme://user:password@`: the userinfo of a URL, whatever the scheme. */
const URL_USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@]+@/g;

/** Report fields that hold encoded data (base64 histograms, hashes), not text: never rewritten. */
const ENCODED_FIELDS: ReadonlySet<string> = new Set(['histogram', 'ws_histograms', 'fingerprints']);
/**
 * Maps whose keys are data (an error message with its count), redacted like values. Every other key
 * is a field name of the report: a secret that happens to equal one ("timeline") must not rename
 * it, or the saved baseline would be unreadable.
 */
const DATA_KEYED_FIELDS: ReadonlySet<string> = new Set(['error_samples']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Values to hide from now on (empty strings are ignored). */
  add(values: Iterable<string>): this {
    for (const value of values) {
      if (value === '') continue;
      for (const form of secretForms(value)) this.values.add(form);
    }
    // Longest first, so a secret that contains another is hidden whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    this.pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
    return this;
  }

  text(s: string): string {
    const out = s.replace(URL_USERINFO, `$1${MASK}@`);
    return this.pattern ? out.replace(this.pattern, MASK) : out;
  }

  /** A copy of a JSON-shaped value (a Report) with every string value (and the keys of data-keyed maps) passed through `text`. */
  json<T>(value: T): T {
    const walk = (v: unknown, dataKeys = false): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map((item) => walk(item));
      if (typeof v === 'object' && v !== null) {
        return Object.fromEntries(
          Object.entries(v).map(([k, item]) => [dataKeys ? this.text(k) : k, ENCODED_FIELDS.has(k) ? item : walk(item, DATA_KEYED_FIELDS.has(k))]),
        );
      }
      return v;
    };
    return walk(value) as T;
  }
}
