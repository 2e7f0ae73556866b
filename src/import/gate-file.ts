/**
 * The rules for `compare --from k6|locust`: a k6 or Locust user has no perf-gate plan, only the
 * gate. A gate file is the rules part of a plan and nothing else:
 *
 *   name: checkout          # optional, for the summary
 *   thresholds:
 *     "*": { p95: "< 200ms", error_rate: "< 1%" }
 *   regression: { p95: "+15%", rps: "-10%" }
 *
 * A k6 custom Trend is named `trend:NAME` among a stage's rules, with latency rules of its own:
 * `thresholds: { k6: { "trend:yarp_latency": { p95: "< 50ms" } } }` (src/import/trends.ts judges them).
 *
 * Stage names are the imported ones (`--stage NAME`, default the tool's name). Same parsers and
 * the same file:line:col problems as a plan; `${ENV}` is substituted as in a plan.
 */
import { PlanError } from '../errors.js';
import type { GateRules } from '../gate/index.js';
import { Checks, record } from '../plan/checks.js';
import { interpolate, isRecord } from '../plan/interpolate.js';
import { formatPath, suggestion } from '../plan/issues.js';
import { sortProblems, toProblem, type Env } from '../plan/load.js';
import { parseYaml } from '../plan/positions.js';
import { isMetric, METRICS } from '../plan/units.js';
import { readRegression, readThresholds } from '../plan/validate.js';
import { Redactor } from '../model/redact.js';
import type { StageSpec } from '../plan/types.js';
import { TREND_METRICS, TREND_PREFIX, type TrendRegression, type TrendRule } from './trends.js';
import { parseRegression, parseThreshold } from '../plan/units.js';
import type { RegressionRule } from '../plan/types.js';

export interface GateFile extends GateRules {
  name?: string;
  /** Threshold rules on k6 custom trends (`trend:NAME` keys), by stage name or "*". */
  trends?: TrendRule[];
  /** Regression rules on k6 custom trends (`regression: { "trend:NAME": { p95: "+15%" } }`). */
  trendRegressions?: TrendRegression[];
  /** Values taken from the environment (`${TOKEN}`), to hide in every report, as a plan's. */
  secrets?: string[];
}

const KEYS = ['version', 'name', 'thresholds', 'regression'];

export function parseGateFile(text: string, file: string, env: Env, stages: ReadonlyArray<Pick<StageSpec, 'name' | 'kind'>>): GateFile {
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length) throw new PlanError(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
  const substituted = interpolate(parsed.value, env);
  const c = new Checks();
  c.issues.push(...substituted.issues);
  const raw = record(substituted.value);
  if (!isRecord(substituted.value)) c.add([], 'a gate file is a mapping: thresholds: and regression: (see perf-gate --help)');
  for (const key of Object.keys(raw)) {
    if (KEYS.includes(key)) continue;
    const plan = ['target', 'requests', 'stages', 'session', 'defaults', 'websocket', 'limits', 'abort_when'].includes(key);
    c.add(
      [key],
      plan
        ? `${key}: a gate file for --from holds only thresholds:, regression: and name: (the load was run by the other tool)`
        : `unknown key ${JSON.stringify(key)}${suggestion(key, KEYS)}: a gate file holds thresholds:, regression: and name:`,
      'key',
    );
  }
  if ('name' in raw && typeof raw.name !== 'string') c.add(['name'], 'name: a string, e.g. checkout');
  // readThresholds / readRegression skip unknown metrics (a plan's schema check names them): name them here.
  const trends: TrendRule[] = [];
  const plain: Record<string, unknown> = {};
  for (const [stage, metrics] of Object.entries(record(raw.thresholds))) {
    if (!isRecord(metrics)) c.add(['thresholds', stage], `${formatPath(['thresholds', stage])}: a mapping of metric: rule, e.g. { p95: "< 200ms" }`);
    // `trend:NAME` keys are k6 custom trends, with rules of their own; the rest are the plan's metrics.
    plain[stage] = Object.fromEntries(Object.entries(record(metrics)).filter(([metric]) => !metric.startsWith(TREND_PREFIX)));
    for (const [metric, rules] of Object.entries(record(metrics))) {
      if (metric.startsWith(TREND_PREFIX)) trends.push(...trendRules(c, ['thresholds', stage, metric], rules, parseThreshold).map((r) => ({ stage, ...r })));
      else unknownMetric(c, ['thresholds', stage, metric], metric);
    }
  }
  const trendRegressions: TrendRegression[] = [];
  for (const [metric, rules] of Object.entries(record(raw.regression))) {
    if (metric.startsWith(TREND_PREFIX)) trendRegressions.push(...trendRules(c, ['regression', metric], rules, pctRegression));
  }
  if ('thresholds' in raw && !isRecord(raw.thresholds)) c.add(['thresholds'], 'thresholds: a mapping of stage name (or "*"): rules');
  if ('regression' in raw && !isRecord(raw.regression)) c.add(['regression'], 'regression: a mapping of metric: limit, e.g. { p95: "+15%" }');
  for (const metric of Object.keys(record(raw.regression))) if (!metric.startsWith(TREND_PREFIX)) unknownMetric(c, ['regression', metric], metric);

  const rules: GateFile = { thresholds: readThresholds(c, isRecord(raw.thresholds) ? plain : {}, stages) };
  if (trends.length) rules.trends = trends;
  // Absent = the default rules; `regression: {}` = none (thresholds only), as in a plan.
  // (A section of trend rules only is a section too: the defaults are then off, as with any listed rule.)
  if ('regression' in raw)
    rules.regression = readRegression(c, Object.fromEntries(Object.entries(record(raw.regression)).filter(([m]) => !m.startsWith(TREND_PREFIX))));
  if (trendRegressions.length) rules.trendRegressions = trendRegressions;
  if (typeof raw.name === 'string') rules.name = raw.name;
  if (c.issues.length) {
    // As for a plan: a message quoting a refused value must not print a `${TOKEN}`'s value.
    const redactor = new Redactor().add(substituted.secrets);
    throw new PlanError(sortProblems(c.issues.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
  }
  if (substituted.secrets.length) rules.secrets = substituted.secrets;
  return rules;
}

function unknownMetric(c: Checks, path: Array<string>, metric: string): void {
  if (!isMetric(metric)) c.add(path, `${formatPath(path)}: unknown metric ${JSON.stringify(metric)}${suggestion(metric, METRICS)}`, 'key');
}

/** `trend:NAME: { p95: "< 50ms" }` (or `"+15%"`): rules on one k6 custom trend, each parsed by `parse`. */
function trendRules<R>(c: Checks, path: string[], raw: unknown, parse: (metric: string, value: unknown) => R): Array<{ trend: string; rule: R }> {
  const key = path.at(-1)!;
  const trend = key.slice(TREND_PREFIX.length);
  if (trend === '') c.add(path, `${formatPath(path)}: name the trend, e.g. "trend:yarp_latency"`, 'key');
  if (!isRecord(raw)) {
    c.add(path, `${formatPath(path)}: a mapping of latency rules for the k6 trend, e.g. { p95: "${path[0] === 'regression' ? '+15%' : '< 50ms'}" }`);
    return [];
  }
  const out: Array<{ trend: string; rule: R }> = [];
  for (const [metric, value] of Object.entries(raw)) {
    const at = [...path, metric];
    if (!(TREND_METRICS as readonly string[]).includes(metric)) {
      c.add(at, `${formatPath(at)}: ${JSON.stringify(metric)} is not a statistic of a trend${suggestion(metric, [...TREND_METRICS])}`, 'key');
      continue;
    }
    try {
      out.push({ trend, rule: parse(metric, value) });
    } catch (err) {
      c.add(at, `${formatPath(at)}: ${(err as Error).message}`);
    }
  }
  return out;
}

/** A trend's regression limit: a change in percent (one figure per run: no band of its own yet). */
function pctRegression(metric: string, value: unknown): RegressionRule {
  const rule = parseRegression(metric, value);
  if (rule.unit !== 'pct')
    throw new Error(`${JSON.stringify(value)}: a trend's regression limit is a change in percent, e.g. "+15%" (noise bands are not built for trends)`);
  return rule;
}
