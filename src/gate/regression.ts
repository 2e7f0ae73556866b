/**
 * Rules against the baseline (`regression:`), for every stage the baseline also has. Each check
 * carries the interval and the method; only a change whose whole interval is beyond the rule fails.
 */
import type { Metric, RegressionRule } from '../plan/types.js';
import type { Check, StageReport } from '../report/types.js';
import { metricValue, windowColumn, windowSamples } from './metrics.js';
import { bootstrapChangeInterval, judgeInterval, twoProportionInterval, type Interval } from './statistics.js';

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export function evaluateRegressions(rules: RegressionRule[], baseline: StageReport[], current: StageReport[]): Check[] {
  const checks: Check[] = [];
  for (const stage of current) {
    const before = baseline.find((b) => b.name === stage.name);
    if (!before) {
      // Never switch regression gating off in silence (a renamed stage, a partial baseline).
      checks.push({
        stage: stage.name,
        metric: 'baseline',
        kind: 'regression',
        current: null,
        limit: '—',
        method: 'none',
        verdict: 'warn',
        note: `the baseline has no stage "${stage.name}": nothing to compare (baseline stages: ${baseline.map((b) => b.name).join(', ') || 'none'})`,
      });
      continue;
    }
    for (const rule of rules) {
      const check = regressionCheck(rule, before, stage);
      if (check) checks.push(check);
    }
  }
  return checks;
}

export function regressionCheck(rule: RegressionRule, before: StageReport, after: StageReport): Check | undefined {
  const b = metricValue(before, rule.metric);
  const c = metricValue(after, rule.metric);
  if (b === null || c === null) return undefined;
  const base = { stage: after.name, metric: rule.metric, kind: 'regression' as const, baseline: b, current: c, limit: rule.raw };
  const worseIsUp = rule.direction === 'increase';

  if (rule.metric === 'error_rate') {
    const iv = twoProportionInterval(before.errors, before.requests, after.errors, after.requests);
    const deltaPp = (c - b) * 100;
    const ivPp: Interval = { lo: iv.lo * 100, hi: iv.hi * 100 };
    // "+0.5pp" → amount 0.005 as a fraction; compared in pp.
    // A "%" rule on error_rate is relative to the baseline rate: the pp interval divided by it.
    const verdict =
      rule.unit === 'pp'
        ? judgeInterval(ivPp, rule.amount * 100, worseIsUp, deltaPp)
        : b > 0
          ? judgeInterval({ lo: ivPp.lo / b, hi: ivPp.hi / b }, rule.amount, worseIsUp, deltaPp / b)
          : judgeInterval(ivPp, 0, worseIsUp, deltaPp);
    return {
      ...base,
      delta_pct: b > 0 ? round(((c - b) / b) * 100) : null,
      delta_pp: round(deltaPp, 3),
      interval_pp: [round(ivPp.lo, 3), round(ivPp.hi, 3)],
      method: 'two-proportion',
      significant: ivPp.lo > 0 || ivPp.hi < 0,
      verdict,
    };
  }

  if (b === 0) {
    return { ...base, delta_pct: null, method: 'none', verdict: 'pass', note: 'baseline value is 0: no relative change to judge' };
  }
  const deltaPct = ((c - b) / b) * 100;
  const column = windowColumn(rule.metric as Metric);
  const iv = column
    ? bootstrapChangeInterval(windowSamples(before, column.key), windowSamples(after, column.key), deltaPct)
    : undefined;
  if (!iv) {
    // Too few windows to measure noise: judge the point estimate, but never fail on it alone.
    const pointVerdict = judgeInterval({ lo: deltaPct, hi: deltaPct }, rule.amount, worseIsUp);
    return {
      ...base,
      delta_pct: round(deltaPct),
      method: 'point-estimate',
      significant: false,
      verdict: pointVerdict === 'fail' ? 'warn' : pointVerdict,
      note: 'under 3 windows per run: noise unknown, can only warn',
    };
  }
  return {
    ...base,
    delta_pct: round(deltaPct),
    interval_pct: [round(iv.lo), round(iv.hi)],
    method: column!.proxy ? `bootstrap-windows(${column!.key} spread)` : 'bootstrap-windows',
    significant: iv.lo > 0 || iv.hi < 0,
    verdict: judgeInterval(iv, rule.amount, worseIsUp, deltaPct),
  };
}
