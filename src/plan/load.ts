/**
 * Plan loading: YAML (with positions) → `${ENV}` substitution → shape check against
 * plan.schema.json → semantic checks and unit conversion. Every step adds located problems; if
 * there are any, one PlanError carries all of them, sorted by line.
 */
import { open } from 'node:fs/promises';
import { PlanError, type PlanProblem } from '../errors.js';
import { planTemplates } from './as-written.js';
import { interpolate } from './interpolate.js';
import type { Issue } from './issues.js';
import { locate, parseYaml, type YamlSource } from './positions.js';
import { Redactor } from '../model/redact.js';
import { headerSecrets } from './secrets.js';
import { schemaIssues } from './schema-check.js';
import type { Plan } from './types.js';
import { buildPlan } from './validate.js';
import { dataReaderBeside, dataSecrets, type DataReader } from './check-data.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Largest plan file read: real plans are a few KB; this keeps a wrong or hostile file from being parsed at all. */
export const MAX_PLAN_BYTES = 1024 * 1024;

/** The one problem of a plan over MAX_PLAN_BYTES, or undefined. */
function sizeProblem(bytes: number, file: string): PlanProblem | undefined {
  if (bytes <= MAX_PLAN_BYTES) return undefined;
  return { file, line: 1, col: 1, message: `the plan is ${formatBytes(bytes)}; a plan may be at most ${formatBytes(MAX_PLAN_BYTES)}` };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Parse and validate plan text. Pure; throws PlanError listing every problem found. The plan's
 * secrets (plan/secrets.ts) are on `plan.secrets`; a PlanError's messages never contain them.
 */
export function parsePlan(text: string, file: string, env: Env, readData: DataReader = dataReaderBeside(file)): Plan {
  const tooBig = sizeProblem(Buffer.byteLength(text, 'utf8'), file);
  if (tooBig) throw new PlanError([tooBig]);
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length) {
    // The data behind a syntax error is partial: checking it would only add confusing noise.
    throw new PlanError(sortProblems(parsed.syntaxErrors.map((e) => ({ file, ...e }))));
  }
  const substituted = interpolate(parsed.value, env);
  const { plan, issues } = buildPlan(substituted.value, file, readData);
  const all = [...substituted.issues, ...schemaIssues(substituted.value), ...issues];
  const secrets = [...new Set([...substituted.secrets, ...headerSecrets(plan), ...dataSecrets(plan.data)])];
  if (all.length) {
    // Messages quote the values they refuse: one quoting `${TOKEN}`'s value would print the token.
    const redactor = new Redactor().add(secrets);
    throw new PlanError(sortProblems(all.map((i) => toProblem({ ...i, message: redactor.text(i.message) }, parsed.source, file))));
  }
  if (secrets.length) plan.secrets = secrets;
  plan.templates = planTemplates(parsed.value);
  return plan;
}

/** Read and parse a plan file; an unreadable file is a problem at 1:1 with the OS reason. */
export async function loadPlan(file: string, env: Env = process.env): Promise<Plan> {
  return parsePlan(await readPlanFile(file), file, env);
}

/** A plan's (or gate file's) text, size-checked; an unreadable file is a PlanError at 1:1 with the OS reason. */
export async function readPlanFile(file: string): Promise<string> {
  try {
    return await readPlanText(file);
  } catch (err) {
    if (err instanceof PlanError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = OS_REASONS[code] ?? (err as Error).message;
    throw new PlanError([{ file, line: 1, col: 1, message: `cannot read the plan: ${reason}` }]);
  }
}

/**
 * The file's text, read no further than one byte past MAX_PLAN_BYTES: a huge file (or a device such
 * as /dev/zero, whose size says 0) is refused without loading it.
 */
async function readPlanText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(MAX_PLAN_BYTES + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const tooBig = sizeProblem(Math.max(size, filled), file);
    if (tooBig) throw new PlanError([tooBig]);
    return buffer.toString('utf8', 0, filled);
  } finally {
    await handle.close();
  }
}

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

export function toProblem(issue: Issue, source: YamlSource, file: string): PlanProblem {
  return { file, ...locate(source, issue.path, issue.at), message: issue.message };
}

/** By line, then column, then message; exact duplicates dropped. */
export function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
  return sorted.filter((p, i) => i === 0 || p.message !== sorted[i - 1]!.message || p.line !== sorted[i - 1]!.line || p.col !== sorted[i - 1]!.col);
}
