/**
 * Unit parsers for plan values. Pure: each returns the value in perf-gate's base unit (ms,
 * requests per second, fractions) or throws a UnitError whose message tells the user what to
 * write instead. The validator adds the location. formatMs, formatRate and formatCount write
 * values back the plan's way, for messages.
 */
import { UnitError } from '../errors.js';
import type { Comparison, LatencyMetric, Metric, RegressionRule, ThresholdRule } from './types.js';

export const LATENCY_METRICS: readonly LatencyMetric[] = ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'];
export const METRICS: readonly Metric[] = [
  ...LATENCY_METRICS,
  'error_rate',
  'rps',
  'requests',
  'errors',
  'recovery',
  'breaking_point',
  'drift',
  'memory_growth',
  'cpu_per_request',
  'rss_peak',
];

const NUMBER = String.raw`\d+(?:\.\d+)?|\.\d+`;
const DURATION_PART = new RegExp(String.raw`(${NUMBER})\s*(ms|s|m|h)`, 'y');
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const MS_PER_RATE_UNIT: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

/** How a value looks in a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}

/** Whole microseconds, so `1.1s` is 1100, not 1100.0000000000002. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** `n`, unless digits too many for a double made it Infinity: `"+9999…9%"` is no limit at all. */
function finite(n: number, value: unknown): number {
  if (!Number.isFinite(n)) throw new UnitError(`${show(value)} is too large a number`);
  return n;
}

function isBareNumber(s: string): boolean {
  return new RegExp(`^(?:${NUMBER})$`).test(s);
}

/** `500ms`, `30s`, `1.5s`, `2m`, `1h`, and compounds like `1m30s` → milliseconds. */
export function parseDuration(value: unknown): number {
  const hint = `${show(value)} is not a duration: use 500ms, 30s or 2m`;
  if (typeof value === 'number')
    throw new UnitError(Number.isFinite(value) ? `${show(value)} is not a duration: add a unit, e.g. ${value}s or ${value}ms` : hint);
  if (typeof value !== 'string') throw new UnitError(hint);
  const text = value.trim();
  if (isBareNumber(text)) throw new UnitError(`${show(value)} is not a duration: add a unit, e.g. ${text}s or ${text}ms`);
  if (text.length === 0) throw new UnitError(hint);
  let total = 0;
  let at = 0;
  while (at < text.length) {
    DURATION_PART.lastIndex = at;
    const m = DURATION_PART.exec(text);
    if (!m) throw new UnitError(hint);
    total += Number(m[1]) * MS_PER_UNIT[m[2]!]!;
    at = DURATION_PART.lastIndex;
    while (text[at] === ' ') at++;
  }
  return roundMs(finite(total, value));
}

/** `200/s`, `12000/m`, `5/h`, or a bare number (per second) → requests per second, > 0. */
export function parseRate(value: unknown): number {
  const hint = `${show(value)} is not a rate: use 200/s, 12000/m or a number per second`;
  let perSecond: number;
  if (typeof value === 'number') {
    perSecond = value;
  } else if (typeof value === 'string') {
    const m = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:/\s*(s|m|h))?\s*$`).exec(value);
    if (!m) throw new UnitError(hint);
    perSecond = (Number(m[1]) * 1000) / MS_PER_RATE_UNIT[m[2] ?? 's']!;
  } else {
    throw new UnitError(hint);
  }
  if (!Number.isFinite(perSecond) || perSecond <= 0) throw new UnitError(`${show(value)} is not a rate: it must be more than 0`);
  return perSecond;
}

/** `1%` → 0.01, `0.5%` → 0.005. */
export function parsePercent(value: unknown): number {
  const m = typeof value === 'string' ? new RegExp(String.raw`^\s*(${NUMBER})\s*%\s*$`).exec(value) : null;
  if (!m) throw new UnitError(`${show(value)} is not a percentage: use 1% or 0.5%`);
  return finite(Number(m[1]), value) / 100;
}

function isLatency(metric: string): metric is LatencyMetric {
  return (LATENCY_METRICS as readonly string[]).includes(metric);
}

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

/** The threshold value in the metric's unit (see ThresholdRule.value). */
function thresholdValue(metric: Metric, text: string): number {
  if (isLatency(metric)) {
    // Latencies are milliseconds everywhere in perf-gate, so a bare number means ms.
    return isBareNumber(text) ? Number(text) : parseDuration(text);
  }
  switch (metric) {
    case 'recovery':
      return parseDuration(text);
    case 'error_rate': {
      if (text.endsWith('%')) return parsePercent(text);
      const n = Number(text);
      // "< 1" almost surely means 1 %, not a fraction of 1 (which no run can exceed): refuse it.
      if (isBareNumber(text) && n < 1) return n;
      throw new UnitError(`${show(text)} is not an error rate: use a percentage like 1% (or a fraction like 0.01)`);
    }
    case 'rps': {
      const m = new RegExp(String.raw`^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
      if (!m) throw new UnitError(`${show(text)} is not a request rate: use a number of requests per second, e.g. 190`);
      return Number(m[1]);
    }
    case 'requests':
    case 'errors':
      if (!/^\d+$/.test(text)) throw new UnitError(`${show(text)} is not a count: use a whole number, e.g. 100`);
      return Number(text);
    case 'breaking_point': {
      // The stage's unit: req/s (rate steps) or users (vus steps).
      const m = new RegExp(String.raw`^(${NUMBER})\s*(?:/\s*s)?$`).exec(text);
      if (!m)
        throw new UnitError(
          `${show(text)} is not a breaking point: use the stage's unit, a rate like 400/s (rate steps) or a number of users like 150 (vus steps)`,
        );
      return Number(m[1]);
    }
    case 'drift':
    case 'memory_growth':
      // In percent, as the report states them (delta_pct, growth_pct).
      if (!text.endsWith('%')) throw new UnitError(`${show(text)} is not a change in percent: use e.g. 20%`);
      return parsePercent(text) * 100;
    case 'cpu_per_request':
      // The app's CPU time per request, in ms like every duration in perf-gate: "< 2ms", "< 500us".
      if (isBareNumber(text)) return Number(text);
      if (/^\d+(?:\.\d+)?\s*(?:us|µs)$/.test(text)) return Number(/^[\d.]+/.exec(text)![0]) / 1000;
      return parseDuration(text);
    case 'rss_peak':
      return parseMemorySize(text);
  }
}

/** Memory sizes in MiB, as the report states them: `512MB`, `1.5GB`, `300MiB`, `2GiB`, or a bare number of MB (1 MB = 1 MiB = 2^20 bytes). */
export function parseMemorySize(text: string): number {
  const m = new RegExp(String.raw`^(${NUMBER})\s*(k|m|g)?(i?b)?$`, 'i').exec(text.trim());
  if (!m || (m[2] === undefined && m[3] !== undefined))
    throw new UnitError(`${show(text)} is not a memory size: use e.g. 512MB or 1.5GB (MB = MiB = 2^20 bytes)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase();
  return unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : n;
}

/** `parseThreshold('p95', '< 200ms')` → { metric: 'p95', op: '<', value: 200, raw: '< 200ms' }. */
export function parseThreshold(metric: string, raw: unknown): ThresholdRule {
  if (!isMetric(metric)) throw new UnitError(`unknown metric ${show(metric)}`);
  const m = typeof raw === 'string' ? /^\s*(<=|>=|<|>)\s*(.*?)\s*$/.exec(raw) : null;
  if (!m || typeof raw !== 'string') {
    throw new UnitError(`${show(raw)} is not a threshold: write a comparison and a value, e.g. "< 200ms" or "> 190"`);
  }
  return { metric, op: m[1] as Comparison, value: finite(thresholdValue(metric, m[2]!), raw), raw };
}

/**
 * `+15%` (worse when it rises by more than 15 %), `-10%` (worse when it falls by more than 10 %),
 * `+0.5pp` (error_rate only: percentage points, stored as a fraction, 0.005), `+3σ` / `+3sigma`
 * (worse when it rises beyond median + 3σ̂ of past runs) and `band` (3σ̂ on the worse side: down
 * for rps, up for everything else).
 */
export function parseRegression(metric: string, raw: unknown): RegressionRule {
  if (!isMetric(metric)) throw new UnitError(`unknown metric ${show(metric)}`);
  if (typeof raw === 'string' && /^\s*band\s*$/i.test(raw)) {
    return { metric, direction: metric === 'rps' || metric === 'breaking_point' ? 'decrease' : 'increase', unit: 'sigma', amount: 3, raw };
  }
  const m = typeof raw === 'string' ? new RegExp(String.raw`^\s*([+-])\s*(${NUMBER})\s*(%|pp|σ|sigma)\s*$`).exec(raw) : null;
  if (!m || typeof raw !== 'string') {
    throw new UnitError(
      `${show(raw)} is not a regression limit: use a signed change like "+15%" or "-10%"${metric === 'error_rate' ? ' (or "+0.5pp")' : ''}, a noise band like "+3σ", or "band"`,
    );
  }
  const unit = m[3] === 'pp' ? 'pp' : m[3] === '%' ? 'pct' : 'sigma';
  if (unit === 'pp' && metric !== 'error_rate') {
    throw new UnitError(`${show(raw)}: percentage points (pp) only apply to error_rate; use a percentage like "+15%"`);
  }
  // A band of width 0 would fail on any change at all.
  if (unit === 'sigma' && Number(m[2]) <= 0) throw new UnitError(`${show(raw)}: a noise band needs a width above 0, e.g. "+3σ"`);
  // A higher breaking point is only better: a "+" rule would fail the run for gaining capacity.
  if (metric === 'breaking_point' && m[1] === '+') {
    throw new UnitError(`${show(raw)}: a breaking point can only regress downwards: write "-${m[2]}${m[3]}"`);
  }
  const amount = finite(unit === 'pp' ? Number(m[2]) / 100 : Number(m[2]), raw);
  return { metric, direction: m[1] === '+' ? 'increase' : 'decrease', unit, amount, raw };
}

/** `v op limit`: whether a value meets a threshold rule. */
export const compare = (v: number, op: ThresholdRule['op'], limit: number): boolean =>
  op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>' ? v > limit : v >= limit;

/** 20000 → "20000/s"; fractions keep up to 3 decimals. */
export function formatRate(perSecond: number): string {
  return `${+perSecond.toFixed(3)}/s`;
}

/** 2000000 → "2,000,000" (requests are easier to read grouped). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 900000 → "15m", 5400000 → "1h30m", 1500 → "1.5s": the plan's own way of writing durations. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${+ms.toFixed(3)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = +((ms % 60_000) / 1000).toFixed(3);
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
