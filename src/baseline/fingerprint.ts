/**
 * Fingerprints that decide what may be compared with what: the plan's load shape (requests and
 * stages, not its rules: tightening a threshold keeps the baseline) and the runner's hardware.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../plan/types.js';
import type { RunnerInfo } from '../model/report.js';

const short = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

export type ShapedPlan = Pick<Plan, 'requests' | 'session' | 'stages' | 'defaults' | 'websocket' | 'templates'>;

/**
 * What the plan fingerprint hashes (and a baseline's shape record shows): requests as written
 * (`plan.templates`: `${ENV}` names, not values), header names only, the stages as parsed.
 */
export function loadShape(plan: ShapedPlan) {
  // Header *values* may hold secrets from the environment: only their names shape the load.
  const request = (r: Plan['requests'][number], written = r) => ({
    name: written.name,
    method: written.method,
    path: written.path,
    weight: r.weight,
    headers: Object.keys(r.headers).sort(),
    body: r.body !== undefined || r.json !== undefined,
    timeoutMs: r.timeoutMs,
  });
  const t = plan.templates;
  const ws = plan.websocket && {
    ...plan.websocket,
    ...t?.websocket,
    headers: Object.keys(plan.websocket.headers).sort(),
    send: plan.websocket.send !== undefined,
  };
  return {
    requests: plan.requests.map((r, i) => request(r, t?.requests[i] && { ...r, ...t.requests[i] })),
    session: plan.session.map((r, i) => request(r, t?.session[i] && { ...r, ...t.session[i] })),
    // Setup and verify are sent once, outside the measured time: not load (and their header values
    // may be secrets). A stage's own mix (`requests: [...]`) is.
    stages: plan.stages.map(({ setup: _setup, verify: _verify, ...stage }) => stage),
    websocket: ws,
  };
}

export function planFingerprint(plan: ShapedPlan): string {
  return short(JSON.stringify(loadShape(plan)));
}

/**
 * The fingerprint of the requests as sent, `${ENV}` values substituted: what perf-gate hashed
 * before templates (stored results still carry it), and what tells two A/B sides' loads apart.
 */
export function substitutedFingerprint(plan: ShapedPlan): string {
  return planFingerprint({ ...plan, templates: undefined });
}

/**
 * The "plan" of imported results (`compare --from k6|locust`): the tool, and the stage and endpoint
 * names it measured. A baseline store then matches k6 results of the same scenario with each other,
 * never with perf-gate runs or with another script's results.
 */
export function importFingerprint(tool: string, stages: ReadonlyArray<{ name: string; endpoints: ReadonlyArray<{ name: string }> }>): string {
  return short(JSON.stringify({ imported: tool, stages: stages.map((s) => ({ name: s.name, endpoints: s.endpoints.map((e) => e.name).sort() })) }));
}

export function runnerFingerprint(r: Pick<RunnerInfo, 'os' | 'arch' | 'cpu' | 'cores'>): string {
  // The OS family, not its kernel release: runner images update kernels weekly.
  return short(JSON.stringify({ os: r.os.split(' ')[0], arch: r.arch, cpu: r.cpu, cores: r.cores }));
}

/** A plan id that stays the same while the plan is edited: its path, as a folder name. */
export function planId(planFile: string): string {
  return (
    planFile
      .replace(/\\/g, '/')
      .replace(/^\.\//, '')
      .replace(/\.ya?ml$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'plan'
  );
}
