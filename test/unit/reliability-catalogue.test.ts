/**
 * docs/reliability.md promises a behaviour per case and names the test that proves it. This keeps
 * the promise honest: every row must cite a test file that exists and a test (or describe) name
 * that is in it, so a renamed or deleted test cannot leave a catalogue line without its proof.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CATALOGUE = path.join(ROOT, 'docs/reliability.md');

export interface CatalogueRow {
  line: number;
  caseText: string;
  proofs: { file: string; name: string }[];
}

/** Table rows whose last cell cites proofs as `test/path.test.ts` › "test name" (one or more, separated by `<br>`). */
export function catalogueRows(markdown: string): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  markdown.split('\n').forEach((text, i) => {
    if (!/^\|/.test(text) || /^\|\s*-/.test(text)) return;
    const cells = text
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length < 3 || cells[0] === 'case') return;
    const proofs = [...cells[cells.length - 1]!.matchAll(/`(test\/[^`]+\.test\.ts)`\s*›\s*"([^"]+)"/g)].map((m) => ({ file: m[1]!, name: m[2]! }));
    rows.push({ line: i + 1, caseText: cells[0]!, proofs });
  });
  return rows;
}

describe('docs/reliability.md: every promise names a test that exists', () => {
  const rows = catalogueRows(readFileSync(CATALOGUE, 'utf8'));

  it('has a row for every case the catalogue covers', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((r) => [r.line, r.caseText, r] as const))('line %i (%s) cites tests that exist', (_line, _case, row) => {
    expect(row.proofs.length, `docs/reliability.md:${row.line} cites no test`).toBeGreaterThan(0);
    for (const proof of row.proofs) {
      const file = path.join(ROOT, proof.file);
      expect(existsSync(file), `docs/reliability.md:${row.line}: ${proof.file} does not exist`).toBe(true);
      // The name as written in the test source (quotes inside names are escaped in the source).
      const source = readFileSync(file, 'utf8').replace(/\\(['"`])/g, '$1');
      expect(source.includes(proof.name), `docs/reliability.md:${row.line}: ${proof.file} has no test named "${proof.name}"`).toBe(true);
    }
  });
});
