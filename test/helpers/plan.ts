/** Plan-parsing helpers shared by the plan tests. */
import { expect } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';

/** Every problem of a plan text as `line:col: message`, or [] when the plan is valid; each located in plan.yml. */
export function planProblems(text: string, env: Record<string, string> = {}): string[] {
  try {
    parsePlan(text, 'plan.yml', env);
    return [];
  } catch (err) {
    if (!(err instanceof PlanError)) throw err;
    expect(err.problems.every((p) => p.file === 'plan.yml')).toBe(true);
    return err.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
  }
}
