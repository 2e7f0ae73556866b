/**
 * Semantic checks and conversion of the (already interpolated, shape-checked) plan data into a
 * Plan. Pure: it never throws on bad input; every problem becomes an Issue and checking goes on,
 * so the user sees all of them at once.
 */
import { Checks, list, record, str, type Data } from './checks.js';
import { lowerHeaders, readRequests } from './check-requests.js';
import { isBreakMetric, readStages } from './check-stages.js';
import { readAbortWhen } from './check-abort.js';
import { checkWsStages, readWebSocket } from './check-websocket.js';
import { checkLimits, readLimits } from './check-limits.js';
import { readData, type DataReader } from './check-data.js';
import { checkPlaceholders, checkUniqueRows, readStageFlows } from './check-flows.js';
import { formatPath, suggestion, type Issue } from './issues.js';
import { isMetric, parseDuration, parseRegression, parseThreshold, show } from './units.js';
import type { Metric, Plan, RegressionRule, SoakStage, StageSpec, StressStage, TargetSpec, ThresholdRule } from './types.js';

export const PLAN_DEFAULTS = { requestTimeoutMs: 10_000, readyTimeoutMs: 60_000 } as const;
const URL_PROTOCOLS = ['http:', 'https:', 'ws:', 'wss:'];

/** `readData`: how `data:` files are read (default: none can be, so a plan with `data:` needs one). */
export function buildPlan(data: unknown, file: string, readDataFile?: DataReader): { plan: Plan; issues: Issue[] } {
  const c = new Checks();
  const raw = record(data);
  const defaultsRaw = record(raw.defaults);
  const defaults = {
    timeoutMs: c.unit(defaultsRaw, 'timeout', ['defaults'], parseDuration, PLAN_DEFAULTS.requestTimeoutMs),
    headers: lowerHeaders(defaultsRaw.headers),
  };
  const stages = readStages(c, raw.stages);
  const plan: Plan = {
    version: 1,
    file,
    target: readTarget(c, record(raw.target)),
    defaults,
    session: readRequests(c, raw.session, ['session'], defaults),
    requests: readRequests(c, raw.requests, ['requests'], defaults),
    stages,
    thresholds: readThresholds(c, record(raw.thresholds), stages, hasResourceSource(record(raw.target))),
    limits: readLimits(c, record(raw.limits)),
  };
  readStageFlows(
    c,
    raw.stages,
    stages,
    plan.requests.map((r) => r.name),
    defaults,
  );
  if ('data' in raw) {
    plan.data = readData(c, raw.data, readDataFile ?? noDataFiles);
  }
  checkPlaceholders(c, raw, plan.data ?? {});
  checkUniqueRows(c, plan, raw.stages);
  resolveStressConditions(c, raw.stages, plan);
  // Absent = the default rules; `regression: {}` = none (thresholds only).
  if ('regression' in raw) plan.regression = readRegression(c, record(raw.regression), hasResourceSource(record(raw.target)));
  if ('abort_when' in raw) plan.abortWhen = readAbortWhen(c, raw.abort_when, stages);
  if ('websocket' in raw) plan.websocket = readWebSocket(c, record(raw.websocket), defaults.timeoutMs);
  checkWsStages(c, raw.stages, stages, plan.websocket);
  checkProtocols(c, raw);
  checkLimits(c, raw, plan);
  return { plan, issues: c.issues };
}

const noDataFiles: DataReader = () => {
  throw new Error('data files are read only from a plan file');
};

function readTarget(c: Checks, t: Data): TargetSpec {
  const url = str(t.url) ?? '';
  if (typeof t.url === 'string' && !isAbsoluteUrl(url)) {
    c.add(['target', 'url'], `target.url: ${show(url)} is not an absolute http(s) or ws(s) URL, e.g. http://127.0.0.1:3000`);
  }
  const target: TargetSpec = { url, readyTimeoutMs: c.unit(t, 'ready_timeout', ['target'], parseDuration, PLAN_DEFAULTS.readyTimeoutMs) };
  if (typeof t.build === 'string') target.build = t.build;
  if (typeof t.start === 'string') target.start = t.start;
  if (typeof t.ready === 'string') {
    // A path on the target: an absolute or //host value would send the readiness probe elsewhere,
    // past the load-destination check.
    if (!/^\/(?!\/)/.test(t.ready))
      c.add(['target', 'ready'], `target.ready: ${show(t.ready)} must be a path on the target, starting with one /, e.g. /healthz`);
    target.ready = t.ready;
  }
  if (t.allow_remote === true) target.allowRemote = true;
  if ('process' in t) readProcess(c, record(t.process), target);
  return target;
}

/** `target.process`: exactly one of pid_file and cgroup, a non-empty path (unknown keys: the schema check). */
function readProcess(c: Checks, p: Data, target: TargetSpec): void {
  const named = (['pid_file', 'cgroup'] as const).filter((k) => k in p);
  // Only unknown keys: the schema check names them (with a suggestion).
  if (named.length === 0 && Object.keys(p).length > 0) return;
  if (named.length !== 1) {
    c.add(
      ['target', 'process'],
      `target.process: name ${named.length === 0 ? 'one of' : 'only one of'} pid_file (a file holding the app's process id) or cgroup (a cgroup v2 directory)`,
    );
    return;
  }
  const key = named[0]!;
  const value = p[key];
  if (typeof value !== 'string' || value.trim() === '') {
    c.add(
      ['target', 'process', key],
      `target.process.${key}: must be a path${key === 'cgroup' ? ', e.g. /sys/fs/cgroup/system.slice/app.service' : ', e.g. app.pid'}`,
    );
    return;
  }
  target.process = key === 'pid_file' ? { pidFile: value } : { cgroup: value };
}

function isAbsoluteUrl(url: string): boolean {
  try {
    return URL_PROTOCOLS.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** HTTP stages draw from `requests`, ws stages need the `websocket:` block. */
function checkProtocols(c: Checks, raw: Data): void {
  const stages = list(raw.stages).map(record);
  if (stages.some((s) => s.protocol !== 'ws') && list(raw.requests).length === 0) {
    c.add('requests' in raw ? ['requests'] : [], 'requests: add at least one request (every http stage draws from this list)');
  }
  const wsIndex = stages.findIndex((s) => s.protocol === 'ws');
  if (wsIndex >= 0 && !('websocket' in raw)) {
    c.add(['stages', wsIndex, 'protocol'], `stages[${wsIndex}] uses protocol: ws, but the plan has no websocket: block`);
  }
}

/** A plan's stages, or a gate file's (`compare --from`): the imported ones, known only by name and kind. */
type StageShapes = ReadonlyArray<Pick<StageSpec, 'name' | 'kind'>>;

/** Also read by gate files (`compare --from`, src/import/gate-file.ts), whose stages are the imported ones. */
export function readThresholds(c: Checks, raw: Data, stages: StageShapes, resourced = true): Record<string, ThresholdRule[]> {
  const names = stages.map((s) => s.name);
  const out: Record<string, ThresholdRule[]> = {};
  for (const [stage, metricsRaw] of Object.entries(raw)) {
    if (stage !== '*' && !names.includes(stage)) {
      c.add(['thresholds', stage], `thresholds: unknown stage ${show(stage)}${suggestion(stage, ['*', ...names])}`, 'key');
    }
    const rules: ThresholdRule[] = [];
    for (const [metric, rule] of Object.entries(record(metricsRaw))) {
      if (!isMetric(metric)) continue; // the schema check names it, with a suggestion
      const path = ['thresholds', stage, metric];
      try {
        rules.push(parseThreshold(metric, rule));
      } catch (err) {
        c.add(path, `${formatPath(path)}: ${(err as Error).message}`);
      }
      const kind = MEASURED_BY[metric];
      if (kind) checkMeasuredBy(c, stage, metric, kind, stages);
      if (metric === 'memory_growth') checkMemorySampled(c, stage, stages, resourced);
      if (RESOURCE_METRICS.includes(metric) && !resourced) c.add(path, noResourceSource(['thresholds', stage], metric), 'key');
      checkStressStageRule(c, stage, metric, stages);
    }
    out[stage] = rules;
  }
  return out;
}

/** Metrics only one stage kind measures: anywhere else the rule could never be checked. */
const MEASURED_BY: Partial<Record<string, StageSpec['kind']>> = { recovery: 'spike', breaking_point: 'stress', drift: 'soak', memory_growth: 'soak' };

function checkMeasuredBy(c: Checks, stage: string, metric: string, kind: StageSpec['kind'], stages: StageShapes): void {
  const path = ['thresholds', stage, metric];
  const where = formatPath(['thresholds', stage]);
  if (stage === '*') {
    if (!stages.some((s) => s.kind === kind)) c.add(path, `${where}: ${metric} is only measured by ${kind} stages, and this plan has none`, 'key');
    return;
  }
  const target = stages.find((s) => s.name === stage);
  if (target && target.kind !== kind) {
    c.add(path, `${where}: ${metric} is only measured by ${kind} stages; ${show(stage)} is a ${target.kind} stage`, 'key');
  }
}

/** Metrics read from the app's resource source (target.start's process group, or target.process). */
const RESOURCE_METRICS: readonly string[] = ['cpu_per_request', 'rss_peak'];

/** Whether the plan gives perf-gate a way to read what the app spends: it starts the app, or names its process. */
const hasResourceSource = (t: Data): boolean => typeof t.start === 'string' || (typeof t.process === 'object' && t.process !== null);

const noResourceSource = (where: (string | number)[], metric: string): string =>
  `${formatPath(where)}: ${metric} is read from the app's processes, and this plan names none: add target.start (perf-gate starts the app and reads its process group) or target.process: { pid_file: PATH } or { cgroup: PATH }`;

/** memory_growth needs the soak to read the target's memory: its metrics page, or the app's resource source. */
function checkMemorySampled(c: Checks, stage: string, stages: StageShapes, resourced: boolean): void {
  if (resourced) return;
  const soaks = stages.filter((s): s is SoakStage => s.kind === 'soak' && (stage === '*' || s.name === stage));
  const unsampled = soaks.find((s) => s.metricsPath === undefined);
  if (stage !== '*' && unsampled) {
    c.add(
      ['thresholds', stage, 'memory_growth'],
      `${formatPath(['thresholds', stage])}: memory_growth needs the stage to read the target's memory: add metrics: /metrics (a path serving Prometheus text) to ${show(stage)}`,
      'key',
    );
  } else if (stage === '*' && soaks.length > 0 && soaks.every((s) => s.metricsPath === undefined)) {
    c.add(
      ['thresholds', stage, 'memory_growth'],
      `${formatPath(['thresholds', stage])}: memory_growth needs a soak stage that reads the target's memory (metrics: /metrics), and none does`,
      'key',
    );
  }
}

/**
 * A stress stage's steps are meant to break: its latency and error rules judge each step (they are
 * its break conditions), and its only stage-wide number worth gating is breaking_point. Rules on
 * the totals of all steps (rps, requests, errors) would judge nothing the plan controls.
 */
function checkStressStageRule(c: Checks, stage: string, metric: Metric, stages: StageShapes): void {
  const target = stages.find((s): s is StressStage => s.name === stage && s.kind === 'stress');
  if (!target || metric === 'breaking_point') return;
  if (isBreakMetric(metric)) {
    // With its own until:, the stage's latency and error thresholds would judge nothing at all.
    if (target.untilFrom === 'until')
      c.add(
        ['thresholds', stage, metric],
        `${formatPath(['thresholds', stage])}: ${show(stage)} judges its steps on its until: (${metric} here would judge nothing); move the rule into until:`,
        'key',
      );
    return;
  }
  c.add(
    ['thresholds', stage, metric],
    `${formatPath(['thresholds', stage])}: a stress stage is gated on breaking_point (its steps are judged on latency and error_rate); ${metric} over all its steps has no meaning`,
    'key',
  );
}

/**
 * A stress stage without `until:` is judged step by step on the plan's latency and error_rate
 * thresholds for it and "*"; with neither, no step could ever break. With `until:`, the "*" rules
 * on metrics it does not name are added to it: a plan-wide error limit is never dropped in silence.
 */
function resolveStressConditions(c: Checks, rawStages: unknown, plan: Plan): void {
  const raws = list(rawStages).map(record);
  for (const stage of plan.stages) {
    if (stage.kind !== 'stress') continue;
    if (stage.untilFrom === 'until') {
      // "*" latency and error rules judge its steps too, unless until: sets that metric itself.
      const own = new Set(stage.until.map((r) => r.metric));
      stage.until = [...stage.until, ...(plan.thresholds['*'] ?? []).filter((r) => isBreakMetric(r.metric) && !own.has(r.metric))];
      continue;
    }
    stage.until = [...(plan.thresholds['*'] ?? []), ...(plan.thresholds[stage.name] ?? [])].filter((r) => isBreakMetric(r.metric));
    if (stage.until.length > 0) continue;
    const i = raws.findIndex((r) => (str(r.name) ?? r.kind) === stage.name);
    c.add(
      i >= 0 ? ['stages', i] : ['stages'],
      `${formatPath(['stages', Math.max(0, i)])} (stress) has nothing to break on: add until: { p95: "< 200ms", error_rate: "< 1%" }, or latency / error_rate thresholds for ${show(stage.name)} or "*"`,
    );
  }
}

export function readRegression(c: Checks, raw: Data, resourced = true): RegressionRule[] {
  const rules: RegressionRule[] = [];
  for (const [metric, rule] of Object.entries(raw)) {
    if (!isMetric(metric)) continue; // the schema check names it, with a suggestion
    if (metric === 'drift' || metric === 'memory_growth') {
      // Already a change (last tenth vs first, after vs before): gate it with a threshold.
      c.add(
        ['regression', metric],
        `regression.${metric}: ${metric} is already a change within the run; gate it with a threshold, e.g. thresholds: { "*": { ${metric}: "< ${metric === 'drift' ? 20 : 10}%" } }`,
        'key',
      );
      continue;
    }
    if (RESOURCE_METRICS.includes(metric) && !resourced) c.add(['regression', metric], noResourceSource(['regression'], metric), 'key');
    try {
      rules.push(parseRegression(metric, rule));
    } catch (err) {
      c.add(['regression', metric], `regression.${metric}: ${(err as Error).message}`);
    }
  }
  return rules;
}
