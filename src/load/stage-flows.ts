/**
 * A stage's `setup:` and `verify:` requests (SPEC §5): sent once, one after another, outside the
 * measured time. Setup prepares the app (reset the stock) and its captures reach every user;
 * verify reads the app's state once the stage has drained ("sold exactly 100"), and each verify
 * request becomes a check of kind `verify`. Neither is recorded in the stage's metrics.
 */
import type { RequestSpec } from '../plan/types.js';
import type { HttpClient } from './http.js';
import { applyCaptures, compileRequest, outcomeProblems, sample } from './requests.js';
import type { DataRows } from './data-rows.js';
import type { Vars } from './template.js';
import type { FlowOutcome } from '../model/records.js';
export type { FlowOutcome };

/** A request's `expect`, as one phrase. */
export function expectedText(spec: RequestSpec): string {
  const parts = [spec.expect?.status?.length ? spec.expect.status.join(' or ') : '2xx/3xx'];
  if (spec.expect?.bodyContains !== undefined) parts.push(`body contains ${JSON.stringify(spec.expect.bodyContains)}`);
  for (const e of spec.expect?.json ?? []) parts.push(e.op === '=' ? `${e.path} = ${e.raw}` : `${e.path} ${e.raw.trim()}`);
  return parts.join(', ');
}

export interface FlowContext {
  client: HttpClient;
  rows: DataRows;
  runtime: ReadonlySet<string>;
  signal: AbortSignal;
}

/** Sends `steps` in order with `vars` (captures are written into it); stops early only when the run is stopped. */
export async function sendOnce(f: FlowContext, steps: RequestSpec[], vars: Vars): Promise<FlowOutcome[]> {
  const out: FlowOutcome[] = [];
  for (const spec of steps) {
    if (f.signal.aborted) break;
    const step = compileRequest(spec, 0, { runtime: f.runtime, readBody: true });
    // A row of its own per request, over the shared values (as an open-model request draws).
    const own: Vars = Object.create(vars) as Vars;
    const sets = f.rows.setsIn(step.needs);
    if (sets.length > 0) {
      try {
        f.rows.fill(own, sets);
      } catch (err) {
        out.push({ name: spec.name, ok: false, status: 0, problems: [(err as Error).message], expected: expectedText(spec) });
        continue;
      }
    }
    const request = step.build(own);
    if (request === undefined) {
      const missing = step.needs.filter((k) => own[k] === undefined).map((k) => `\${${k}}`);
      out.push({ name: spec.name, ok: false, status: 0, problems: [`not sent: ${missing.join(', ')} had no value`], expected: expectedText(spec) });
      continue;
    }
    const res = await f.client.send(request);
    if (res.cancelled) break;
    const problems = outcomeProblems(spec, res, own, step.expectedBody, 'answered ');
    if (problems.length === 0 && !applyCaptures(spec, res.body, own)) problems.push(`capture ${Object.keys(spec.capture ?? {}).join(', ')} found nothing`);
    // Captures carry over to the next step and to the stage (own's values are copied back).
    for (const k of Object.keys(own)) if (!sets.some((s) => k.startsWith(`${s}.`)) && k !== 'seq') vars[k] = own[k]!;
    out.push({
      name: spec.name,
      ok: problems.length === 0,
      status: res.status,
      problems,
      expected: expectedText(spec),
      ...(problems.length > 0 && res.body ? { sample: sample(res.body) } : {}),
    });
  }
  return out;
}

/**
 * A stage's setup and verify, with what they need: the values setup captures (copied into
 * `baseVars`, which every user starts from), and, when a setup or verify request needs a value the
 * plan's session captures (a verify behind a login), one session of their own, run first. That
 * session's values stay with setup and verify: users log in for themselves.
 */
export class StageFlows {
  /** What every user of the stage starts from: builtins at 0 and what setup captured. */
  readonly baseVars: Vars = { vu: '0', iter: '0', seq: '0' };
  private sessionVars: Vars = {};

  constructor(
    private readonly f: FlowContext,
    private readonly spec: { setup?: RequestSpec[]; verify?: RequestSpec[] },
    private readonly session: RequestSpec[],
  ) {}

  /** Sends the session (when needed) and setup; their outcomes, or undefined when the stage has no setup and needed no session. */
  async setUp(): Promise<FlowOutcome[] | undefined> {
    const out: FlowOutcome[] = [];
    if (this.needsSession()) {
      const vars: Vars = { ...this.baseVars };
      const steps = await sendOnce(this.f, this.session, vars);
      // A failed login is a failed setup: what verify finds behind it would mean nothing.
      out.push(...steps.filter((o) => !o.ok).map((o) => ({ ...o, name: `session ${o.name}` })));
      for (const name of captured(this.session)) if (vars[name] !== undefined) this.sessionVars[name] = vars[name]!;
    }
    if (this.spec.setup) {
      const vars: Vars = { ...this.baseVars, ...this.sessionVars };
      out.push(...(await sendOnce(this.f, this.spec.setup, vars)));
      for (const name of captured(this.spec.setup)) if (vars[name] !== undefined) this.baseVars[name] = vars[name]!;
    }
    return this.spec.setup || out.length > 0 ? out : undefined;
  }

  /** Sends verify (after the stage drained). */
  async verify(): Promise<FlowOutcome[] | undefined> {
    if (!this.spec.verify) return undefined;
    return sendOnce(this.f, this.spec.verify, { ...this.baseVars, ...this.sessionVars });
  }

  private needsSession(): boolean {
    const names = new Set(captured(this.session));
    if (names.size === 0) return false;
    const requests = [...(this.spec.setup ?? []), ...(this.spec.verify ?? [])];
    return requests.some((r) => compileRequest(r, 0, { runtime: this.f.runtime }).needs.some((k) => names.has(k)));
  }
}

const captured = (requests: RequestSpec[]): string[] => requests.flatMap((r) => Object.keys(r.capture ?? {}));
