/**
 * Hides secrets in what perf-gate writes: report.json, summary.md, saved baselines, the PR comment,
 * log lines and error messages. Applied at those edges, never to the Plan that runs (thresholds and
 * baselines find stages by name).
 *
 * What it hides: each added value, as written and URL-encoded (a secret in a request path reaches a
 * report percent-encoded), and the user:password of any URL in the text.
 */

export const MASK = '***';

/** `scheme://user:password@`: the userinfo of a URL, whatever the scheme. */
const URL_USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@]+@/g;

/** Report fields that hold encoded data (base64 histograms, hashes), not text: never rewritten. */
const ENCODED_FIELDS: ReadonlySet<string> = new Set(['histogram', 'ws_histograms', 'fingerprints']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Values to hide from now on (empty strings are ignored). */
  add(values: Iterable<string>): this {
    for (const value of values) {
      if (value === '') continue;
      for (const form of [value, encodeURIComponent(value), encodeURI(value)]) this.values.add(form);
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

  /** A copy of a JSON-shaped value (a Report) with every string and key passed through `text`. */
  json<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, item]) => [this.text(k), ENCODED_FIELDS.has(k) ? item : walk(item)]));
      }
      return v;
    };
    return walk(value) as T;
  }
}
