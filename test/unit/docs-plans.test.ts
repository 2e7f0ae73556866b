/**
 * Every plan shown in README.md and docs/*.md is a valid plan (issue 20), checked the way a user
 * checks one: `node dist/cli.js validate FILE`, so the docs cannot drift from the validator.
 *
 * Each fenced ```yaml (or ```yml) block, indented or not, is one of:
 * - a workflow: a GitHub Actions workflow or a piece of one (`on:` or `jobs:` at the top, jobs
 *   with `runs-on:`/`steps:`, or a list of steps with `uses:`/`run:`). Not a plan: left out.
 * - a gate file: first line `# gate file…`. `compare --from` reads it, not `validate`, so it is
 *   checked by gating a k6 fixture with it (`compare --from k6 … --plan FILE`): exit 2 is a problem.
 * - a fragment: first line `# fragment…`, a part of a plan (its rules, its target). Its keys are
 *   completed into a whole plan with the FRAME keys it lacks, and that plan is validated.
 * - otherwise a plan, validated as written. A block that is none of these (a plan without
 *   `version:`, a bare `stages:` list) fails here: make it a whole plan, or mark it a fragment.
 *
 * `${ENV}` names the docs use are set (ENV below). Data files a plan names (`data: { users: { file:
 * users.csv } }`) are written beside it, with the columns its `${users.COLUMN}` placeholders read,
 * so a plan with data is validated, never skipped. A failure names the doc, the block's line and
 * the validator's problems with their lines in the doc.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/process.js';

/** The environment the docs' plans read: the demo's login and `ab --base-ref`'s PORT and SIDE. */
const ENV = { PERF_USER: 'docs-user', PERF_PASS: 'docs-password', PORT: '3001', SIDE: 'base' };

/** What a fragment lacks of a whole plan; a key the fragment has is never taken from here. */
const FRAME: Record<string, string> = {
  version: 'version: 1',
  target: 'target: { url: http://127.0.0.1:3000 }',
  requests: 'requests: [{ name: home, path: / }]',
  stages: 'stages: [{ name: load, kind: load, rate: 10/s, duration: 10s }]',
};

const K6_FIXTURE = path.join(ROOT, 'test/fixtures/import/k6-summary-export.json');

type Kind = 'plan' | 'fragment' | 'gate file' | 'workflow';

export interface YamlBlock {
  /** The markdown file, relative to the repository. */
  file: string;
  /** Line of the opening fence (1-based); the block's first line is the next one. */
  line: number;
  /** Columns of indentation the fence had, removed from every line of the block. */
  indent: number;
  text: string;
}

/** Every fenced yaml block of a markdown text, with the indentation of its fence removed. */
export function yamlBlocks(file: string, markdown: string): YamlBlock[] {
  const lines = markdown.split('\n');
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(\w*)/.exec(lines[i]!);
    if (!open) continue;
    const [, space, fence, lang] = open;
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.trim().startsWith(fence!) && lines[j]!.trim().replace(/[`~]/g, '') === '')) j++;
    if (lang === 'yaml' || lang === 'yml') {
      const indent = space!.length;
      const body = lines.slice(i + 1, j).map((l) => (l.slice(0, indent).trim() === '' ? l.slice(indent) : l));
      blocks.push({ file, line: i + 1, indent, text: body.join('\n') + '\n' });
    }
    i = j;
  }
  return blocks;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStep = (v: unknown): boolean => isMap(v) && ('uses' in v || 'run' in v);
const isJob = (v: unknown): boolean => isMap(v) && ('runs-on' in v || 'steps' in v);

export function kindOf(block: YamlBlock): Kind {
  const first =
    block.text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (/^#\s*fragment\b/i.test(first)) return 'fragment';
  if (/^#\s*gate file\b/i.test(first)) return 'gate file';
  let doc: unknown;
  try {
    doc = parse(block.text);
  } catch {
    return 'plan'; // the validator says what is wrong with it
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every(isStep)) return 'workflow';
  if (isMap(doc) && !('version' in doc)) {
    const values = Object.values(doc);
    if ('jobs' in doc || 'on' in doc || (values.length > 0 && values.every(isJob))) return 'workflow';
  }
  return 'plan';
}

/** The README and every page under docs/. */
function docs(): YamlBlock[] {
  const files = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  return files.flatMap((f) => yamlBlocks(f, readFileSync(path.join(ROOT, f), 'utf8')));
}

/** The data files a plan names, written beside it: a column for every `${SET.COLUMN}` it reads. */
function writeDataFiles(dir: string, planText: string): string[] {
  let doc: unknown;
  try {
    doc = parse(planText);
  } catch {
    return [];
  }
  const data = isMap(doc) && isMap(doc.data) ? doc.data : {};
  const written: string[] = [];
  for (const [set, spec] of Object.entries(data)) {
    if (!isMap(spec) || typeof spec.file !== 'string') continue;
    const columns = [...new Set([...planText.matchAll(new RegExp(`\\$\\{${set}\\.(\\w+)\\}`, 'g'))].map((m) => m[1]!))];
    if (columns.length === 0) columns.push('id');
    const rows = Array.from({ length: 10_000 }, (_, n) => Object.fromEntries(columns.map((c) => [c, `${c}-${n + 1}`])));
    const file = path.join(dir, spec.file);
    mkdirSync(path.dirname(file), { recursive: true });
    if (spec.file.endsWith('.json')) writeFileSync(file, JSON.stringify(rows));
    else writeFileSync(file, [columns.join(','), ...rows.map((r) => columns.map((c) => r[c]).join(','))].join('\n') + '\n');
    written.push(spec.file);
  }
  return written;
}

/** The validator's `FILE:LINE:COL:` turned into the doc's own line and column. */
function inDoc(block: YamlBlock, fileName: string, output: string): string {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return output.replace(
    new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'),
    (_, l: string, c: string) => `${block.file}:${block.line + Number(l)}:${Number(c) + block.indent}`,
  );
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-docs-plans-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const blocks = docs();

describe('every plan in the README and docs/ passes `perf-gate validate`', () => {
  it('finds the plans (the test cannot pass by finding none)', () => {
    const kinds = blocks.map(kindOf);
    expect(kinds.filter((k) => k === 'plan').length).toBeGreaterThanOrEqual(8);
    expect(kinds.filter((k) => k === 'gate file').length).toBeGreaterThanOrEqual(2);
    // The README's tiny plan is one of them.
    expect(blocks.some((b, i) => b.file === 'README.md' && kinds[i] === 'plan')).toBe(true);
  });

  for (const [n, block] of blocks.entries()) {
    const kind = kindOf(block);
    const where = `${block.file}:${block.line} (${kind})`;
    if (kind === 'workflow') {
      it(`${where} is a workflow, not a plan`, () => {
        expect(block.text).not.toMatch(/^version:/m);
      });
      continue;
    }
    it(where, async () => {
      const dir = path.join(temp, `block-${n}`);
      mkdirSync(dir, { recursive: true });
      const fileName = kind === 'gate file' ? 'gate.yml' : 'plan.yml';
      let text = block.text;
      if (kind === 'fragment') {
        const doc: unknown = parse(text);
        const has = isMap(doc) ? Object.keys(doc) : [];
        expect(isMap(doc), `${where}: a fragment must be a map of plan keys`).toBe(true);
        text +=
          Object.entries(FRAME)
            .filter(([k]) => !has.includes(k))
            .map(([, line]) => line)
            .join('\n') + '\n';
      }
      writeFileSync(path.join(dir, fileName), text);
      const data = writeDataFiles(dir, text);
      const args = kind === 'gate file' ? ['compare', '--from', 'k6', K6_FIXTURE, '--plan', fileName, '--out', 'out', '--quiet'] : ['validate', fileName];
      const r = await runCli(args, { cwd: dir, env: ENV });
      const problems = inDoc(block, fileName, `${r.stdout}${r.stderr}`.trim());
      const ok = kind === 'gate file' ? r.code === 0 || r.code === 1 : r.code === 0 && /: ok \(/.test(r.stdout);
      expect(
        ok,
        `${where}: not a valid ${kind === 'gate file' ? 'gate file' : 'plan'} (exit ${r.code}${data.length ? `; data files written: ${data.join(', ')}` : ''}):\n${problems}`,
      ).toBe(true);
    });
  }
});
