/**
 * The plan's load shape as a readable record (report.json `shape`), and what differs between two:
 * a baseline refused as "another plan" says which stage or request changed, and how.
 */
import { formatMs } from '../plan/units.js';
import type { PlanShape, ShapeFields } from '../model/report.js';
import { loadShape, planFingerprint, substitutedFingerprint, type ShapedPlan } from './fingerprint.js';
import type { LoadRequest } from './store.js';

/** What a baseline store is told of the plan: its fingerprint, the former one where it differs, its shape. */
export function planIdentity(plan: ShapedPlan): Pick<LoadRequest, 'planFingerprint' | 'formerPlanFingerprint' | 'planShape'> {
  const [fingerprint, former] = [planFingerprint(plan), substitutedFingerprint(plan)];
  return { planFingerprint: fingerprint, ...(former !== fingerprint && { formerPlanFingerprint: former }), planShape: planShape(plan) };
}

/** Internal field names whose plan key is not their snake_case without `Ms`. */
const PLAN_KEYS: Record<string, string> = { fromRate: 'from', toRate: 'to', metricsPath: 'metrics', expectReply: 'expect_reply' };

/** What the fingerprint hashes, flattened to plan keys: `rampMs: 5000` → `ramp: "5s"`. */
export function planShape(plan: ShapedPlan): PlanShape {
  const s = loadShape(plan);
  const shape: PlanShape = { stages: s.stages.map(fields), requests: s.requests.map(fields), session: s.session.map(fields) };
  if (s.websocket) shape.websocket = fields(s.websocket);
  return shape;
}

function fields(entry: object): ShapeFields {
  const out: ShapeFields = {};
  const add = (key: string, value: unknown, prefix: string): void => {
    if (value === undefined) return;
    const planKey = prefix + (PLAN_KEYS[key] ?? key.replace(/Ms$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    if (typeof value === 'number' && key.endsWith('Ms')) out[planKey] = formatMs(value);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[planKey] = value;
    // Lists: header names, subprotocols, levels; threshold rules (`until`) by what they say.
    else if (Array.isArray(value))
      out[planKey] = value
        .map((v) => (typeof v === 'object' && v !== null && 'raw' in v ? `${(v as { metric: string }).metric} ${String(v.raw)}` : String(v)))
        .join(', ');
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) add(k, v, `${planKey}.`);
  };
  for (const [key, value] of Object.entries(entry)) add(key, value, '');
  return out;
}

/** How many differences a refusal lists before "and N more". */
const MAX_LISTED = 5;

/** `stage "load": rate 50 → 80`, one line per difference; empty when the shapes agree. */
export function shapeDifferences(before: PlanShape, after: PlanShape): string[] {
  const out = [
    ...listDifferences('stage', before.stages, after.stages),
    ...listDifferences('request', before.requests, after.requests),
    ...listDifferences('session step', before.session, after.session),
  ];
  if (before.websocket || after.websocket) out.push(...entryDifferences('websocket', before.websocket, after.websocket));
  return out;
}

function listDifferences(what: string, before: ShapeFields[], after: ShapeFields[]): string[] {
  const names = (list: ShapeFields[]) => list.map((e) => String(e.name));
  const [was, now] = [names(before), names(after)];
  const out: string[] = [];
  for (const name of new Set([...was, ...now])) {
    out.push(
      ...entryDifferences(
        `${what} ${JSON.stringify(name)}`,
        before.find((e) => e.name === name),
        after.find((e) => e.name === name),
      ),
    );
  }
  const common = (a: string[], b: string[]) => a.filter((n) => b.includes(n));
  if (out.length === 0 && common(was, now).join('\n') !== common(now, was).join('\n')) out.push(`${what}s reordered: ${was.join(', ')} → ${now.join(', ')}`);
  return out;
}

function entryDifferences(label: string, before: ShapeFields | undefined, after: ShapeFields | undefined): string[] {
  if (!before) return [`${label}: added`];
  if (!after) return [`${label}: removed`];
  const shown = (v: string | number | boolean | undefined) => (v === undefined ? '(none)' : v === '' ? '""' : String(v));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => k !== 'name' && before[k] !== after[k])
    .map((k) => `${label}: ${k} ${shown(before[k])} → ${shown(after[k])}`);
}

/**
 * Why a result saved for another plan is refused, for the error: what differs from the saved shape,
 * or that the result (of an older perf-gate) does not record it.
 */
export function shapeChange(
  saved: { shape?: unknown; fingerprints?: { plan: string } },
  current: PlanShape | undefined,
  currentPrint: string,
  whose = 'the baseline',
): string {
  const lead = `load shape differs from ${whose}'s`;
  const prints = `fingerprint ${saved.fingerprints?.plan ?? 'unknown'}, this plan ${currentPrint}`;
  if (!isShape(saved.shape)) return `${lead} (${prints}), and ${whose} does not record its shape`;
  const changed = listedChanges(saved, current);
  return changed ? `${lead}: ${changed}` : `${lead} (${prints})`;
}

/** The differences from a saved result's shape record, at most MAX_LISTED of them; undefined when none can be named. */
export function listedChanges(saved: { shape?: unknown }, current: PlanShape | undefined): string | undefined {
  const diffs = isShape(saved.shape) && current ? shapeDifferences(saved.shape, current) : [];
  if (diffs.length === 0) return undefined;
  const more = diffs.length > MAX_LISTED ? `; and ${diffs.length - MAX_LISTED} more` : '';
  return `${diffs.slice(0, MAX_LISTED).join('; ')}${more}`;
}

/** A shape record as perf-gate writes it (a hand-edited or damaged one counts as none). */
function isShape(v: unknown): v is PlanShape {
  const entries = (l: unknown) => Array.isArray(l) && l.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e));
  const r = v as Partial<Record<keyof PlanShape, unknown>> | undefined;
  return typeof v === 'object' && v !== null && entries(r!.stages) && entries(r!.requests) && entries(r!.session);
}
