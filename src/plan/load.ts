/**
 * Plan loading: YAML (with positions) → `${ENV}` substitution → shape check against
 * plan.schema.json → semantic checks and unit conversion. Every step adds located problems; if
 * there are any, one PlanError carries all of them, sorted by line.
 */
import { readFile } from 'node:fs/promises';
import { PlanError, type PlanProblem } from '../errors.js';
import { interpolate } from './interpolate.js';
import type { Issue } from './issues.js';
import { locate, parseYaml, type YamlSource } from './positions.js';
import { Redactor } from '../report/redact.js';
import { headerSecrets } from './secrets.js';
import { schemaIssues } from './schema-check.js';
import type { Plan } from './types.js';
import { buildPlan } from './validate.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parse and validate plan text. Pure; throws PlanError listing every problem found. The plan's
 * secrets (plan/secrets.ts) are on `plan.secrets`; a PlanError's messages never contain them.
 */
export function parsePlan(text: string, file: string, env: Env): Plan {
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length) {
    // The data behind a syntax error is partial: checking it would only add confusing noise.
    throw new PlanError(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
  }
  const substituted = interpolate(parsed.value, env);
  const { plan, issues } = buildPlan(substituted.value, file);
  const all = [...substituted.issues, ...schemaIssues(substituted.value), ...issues];
  const secrets = [...new Set([...substituted.secrets, ...headerSecrets(plan)])];
  if (all.length) {
    // Messages quote the values they refuse: one quoting `${TOKEN}`'s value would print the token.
    const redactor = new Redactor().add(secrets);
    throw new PlanError(sortProblems(all.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
  }
  if (secrets.length) plan.secrets = secrets;
  return plan;
}

/** Read and parse a plan file; an unreadable file is a problem at 1:1 with the OS reason. */
export async function loadPlan(file: string, env: Env = process.env): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = OS_REASONS[code] ?? (err as Error).message;
    throw new PlanError([{ file, line: 1, col: 1, message: `cannot read the plan: ${reason}` }]);
  }
  return parsePlan(text, file, env);
}

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

function toProblem(issue: Issue, source: YamlSource, file: string): PlanProblem {
  return { file, ...locate(source, issue.path, issue.at), message: issue.message };
}

/** By line, then column, then message; exact duplicates dropped. */
export function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
  return sorted.filter((p, i) => i === 0 || p.message !== sorted[i - 1]!.message || p.line !== sorted[i - 1]!.line || p.col !== sorted[i - 1]!.col);
}
