/**
 * `abort_when:` → AbortPolicy. Two forms:
 *
 *   abort_when:                      # a list: rules, the "target down" rule stays on
 *     - { metric: error_rate, op: ">", value: 50%, for: 10s, delay: 5s }
 *
 *   abort_when:                      # a map: rules and the default rule's switch
 *     target_down: false
 *     rules:
 *       - { metric: p99, op: ">", value: 2s, for: 5s, stage: spike }
 *
 * Values are written as in `thresholds:` (50%, 0.5, 2s, 200ms, a bare number of ms) and parsed by
 * the same parser. Kept on the Plan, not on StageSpec, so the plan fingerprint never sees it.
 */
import { Checks, list, record, str, type Data } from './checks.js';
import { formatPath, suggestion, type Path } from './issues.js';
import { parseDuration, parseThreshold, show } from './units.js';
import type { AbortMetric, AbortPolicy, AbortRule, StageSpec } from './types.js';

export const ABORT_METRICS: readonly AbortMetric[] = ['error_rate', 'connect_error_rate', 'p50', 'p90', 'p95', 'p99', 'max'];
const ABORT_OPS = ['>', '>='] as const;

export function readAbortWhen(c: Checks, raw: unknown, stages: StageSpec[]): AbortPolicy {
  if (Array.isArray(raw)) return { rules: readRules(c, raw, ['abort_when'], stages), targetDown: true };
  const data = record(raw);
  return {
    rules: readRules(c, list(data.rules), ['abort_when', 'rules'], stages),
    // Wrong types are the schema check's to report; only an explicit false turns the rule off.
    targetDown: data.target_down !== false,
  };
}

function readRules(c: Checks, raw: unknown[], at: Path, stages: StageSpec[]): AbortRule[] {
  const rules: AbortRule[] = [];
  raw.forEach((item, i) => {
    const rule = readRule(c, record(item), [...at, i], stages);
    if (rule) rules.push(rule);
  });
  return rules;
}

function readRule(c: Checks, r: Data, path: Path, stages: StageSpec[]): AbortRule | undefined {
  const metric = str(r.metric);
  const op = str(r.op);
  // Missing or misspelt keys, metrics and ops: the schema check names them.
  if (!metric || !(ABORT_METRICS as readonly string[]).includes(metric) || !op || !(ABORT_OPS as readonly string[]).includes(op)) return undefined;
  if (typeof r.value !== 'string' && typeof r.value !== 'number') return undefined;
  let value: number;
  try {
    // connect_error_rate is a share of requests, written as error_rate is.
    value = parseThreshold(metric === 'connect_error_rate' ? 'error_rate' : metric, `${op} ${r.value}`).value;
  } catch (err) {
    c.add([...path, 'value'], `${formatPath([...path, 'value'])}: ${(err as Error).message}`);
    return undefined;
  }
  const forMs = c.unit(r, 'for', path, parseDuration, 0);
  const delayMs = c.unit(r, 'delay', path, parseDuration, 0);
  const rule: AbortRule = {
    metric: metric as AbortMetric,
    op: op as AbortRule['op'],
    value,
    forMs,
    delayMs,
    raw: describeRule(metric, op, r.value, r.for, r.delay),
  };
  if ('stage' in r) rule.stages = readStageNames(c, r.stage, [...path, 'stage'], stages);
  return rule;
}

function readStageNames(c: Checks, raw: unknown, path: Path, stages: StageSpec[]): string[] {
  const names = stages.map((s) => s.name);
  const wanted = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string');
  wanted.forEach((name, i) => {
    if (!names.includes(name)) {
      c.add(Array.isArray(raw) ? [...path, i] : path, `${formatPath(path)}: unknown stage ${show(name)}${suggestion(name, names)}`);
    }
  });
  return wanted;
}

/** `error_rate > 50% for 2s after 5s`: how reports and messages name a rule. */
function describeRule(metric: string, op: string, value: unknown, forRaw: unknown, delayRaw: unknown): string {
  let text = `${metric} ${op} ${String(value)}`;
  if (typeof forRaw === 'string') text += ` for ${forRaw.trim()}`;
  if (typeof delayRaw === 'string') text += ` after ${delayRaw.trim()}`;
  return text;
}
