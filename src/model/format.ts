/** Number formatting shared by the markdown summary, report.html and the console table. */
import type { Check, Report, Verdict } from './report.js';

export const ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** "—" for a count a report does not have (an imported endpoint without its failures). */
export const fmtCount = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));

/** Memory in MB (10⁶ bytes, as `ps` and most dashboards): one unit in the summary, the comment and report.html. */
export const fmtBytes = (b: number | null | undefined): string => (b === null || b === undefined || !Number.isFinite(b) ? '—' : `${(b / 1e6).toFixed(1)} MB`);

/** "—" for null: an imported stage whose file had no failure count (k6 before v0.31). */
export const fmtPct = (fraction: number | null): string =>
  fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.001 ? 3 : 2)}%`;

export const fmtSigned = (x: number, unit: string, digits = 1): string => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}${unit}`;

export function fmtMetric(metric: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (metric === 'error_rate') return fmtPct(v);
  if (metric === 'rps') return `${v.toFixed(1)}/s`;
  if (metric === 'requests' || metric === 'errors' || metric === 'sessions') return String(v);
  if (metric === 'recovery') return `${(v / 1000).toFixed(v % 1000 === 0 ? 0 : 1)} s`;
  // A stress stage's level: req/s or users, as the plan wrote its steps (the unit is the stage's).
  if (metric === 'breaking_point') return String(+v.toFixed(3));
  if (metric === 'drift' || metric === 'memory_growth') return fmtSigned(v, '%');
  if (metric === 'rss_peak') return fmtMb(v);
  if (metric === 'cpu_per_request') return fmtCpuMs(v);
  return fmtMs(v);
}

/** MiB as "312 MB" (1 MB = 2^20 bytes, as the report's rss_mb figures). */
export const fmtMb = (v: number): string => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} MB`;

/** CPU ms per request: small figures keep three significant digits ("0.0412 ms"). */
export const fmtCpuMs = (v: number): string => `${v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.1 ? v.toFixed(3) : v.toFixed(4)} ms`;

/** "+11.4% [6.0, 17.2]" or "+0.25pp [0.1, 0.4]". */
export function fmtChange(c: Check): string {
  if (c.delta_pp !== undefined) {
    const iv = c.interval_pp ? ` [${c.interval_pp[0].toFixed(2)}, ${c.interval_pp[1].toFixed(2)}]` : '';
    return `${fmtSigned(c.delta_pp, 'pp', 2)}${iv}`;
  }
  if (c.delta_pct === undefined || c.delta_pct === null) return '—';
  const iv = c.interval_pct ? ` [${c.interval_pct[0].toFixed(1)}, ${c.interval_pct[1].toFixed(1)}]` : '';
  return `${fmtSigned(c.delta_pct, '%')}${iv}`;
}

/** "2026-11-23 17:32 UTC" from an ISO timestamp. */
export const fmtTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const SEVERITY = { fail: 0, warn: 1, pass: 2 } as const;

/** Failures first, then warnings, then passes; stable within each. */
export const bySeverity = (checks: Check[]): Check[] => [...checks].sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict]);

/** Worst verdict among checks (pass when there are none). */
export function worst(verdicts: Verdict[]): Verdict {
  return verdicts.includes('fail') ? 'fail' : verdicts.includes('warn') ? 'warn' : 'pass';
}

/** What a regression rule was compared with: the stored baseline, the history band's median, the A/B base. */
export function comparedWith(report: Report, c: Check): string {
  if (c.method === 'history-band') return c.band ? `vs median of ${c.band.n} past runs` : 'vs history';
  return report.ab ? 'vs base' : 'vs baseline';
}

/** "5 past runs from folder runs/ (left out: 2 failed, 1 cancelled)". */
export function historyPhrase(h: NonNullable<Report['history']>): string {
  const left = Object.entries(h.left_out ?? {}).map(([why, n]) => `${n} ${why}`);
  return `${h.runs} past run${h.runs === 1 ? '' : 's'} read from ${h.source}${left.length > 0 ? ` (left out: ${left.join(', ')})` : ''}`;
}

/**
 * What a run without a baseline was judged by: thresholds, and band rules when it had past runs
 * (never "thresholds only" when a band judged it). `short`: the console's verdict line.
 */
export function withoutBaseline(report: Report, short = false): string {
  const banded = report.checks.some((c) => c.method === 'history-band' && c.band);
  if (short)
    return banded && report.history ? `no baseline: thresholds and band rules against ${report.history.runs} past runs` : 'no baseline: thresholds only';
  if (banded && report.history) return `No baseline: the absolute thresholds, and band rules against the median of ${historyPhrase(report.history)}`;
  const past = report.history ? ` (history: ${historyPhrase(report.history)})` : '';
  return `No baseline to compare against: only the absolute thresholds were applied${past}`;
}

/**
 * A failed check as one phrase for the log line both doors print ("the gate failed: …"): the rule,
 * or, for what the app answered (verify, sessions), what it answered.
 */
export function failurePhrase(c: Check): string {
  // What the app answered (verify, sessions), and what could not be sent.
  if (c.note && (c.kind === 'verify' || ['sessions', 'unsent'].includes(c.metric))) return `${c.stage} ${c.kind === 'verify' ? `${c.metric}: ` : ''}${c.note}`;
  return `${c.stage} ${c.metric} ${c.limit}`;
}

/** A URL fit to publish: no user:password, no query (where API keys tend to live). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable URL)';
  }
}
