/**
 * compareImported (the core of `compare --from` and the action's import mode) with a baseline store:
 * past imports feed band rules ("+3σ", one figure per run, what a band judges) and the trend chart.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareImported } from '../../src/core.js';
import { importResults } from '../../src/import/index.js';
import { runnerInfo } from '../../src/report/build.js';
import type { BaselineStore, LoadRequest, StoredResult } from '../../src/baseline/store.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
let dir: string;
let summary: string;

/** A store holding past imports of the same k6 script, p95 around 58 ms. */
function storeOf(p95s: Array<number | null>): BaselineStore & { requests: LoadRequest[] } {
  const runner = runnerInfo();
  const results: StoredResult[] = p95s.map((p95, i) => {
    // null: a run whose summaryTrendStats left p(95) out.
    const text = summary.replace('"p(95)": 58.3119,', p95 === null ? '' : `"p(95)": ${p95},`);
    const report = importResults('k6', text, { file: `run${i}.json`, startedAt: `2026-11-0${i + 1}T00:00:00.000Z`, runner, plan: 'gate.yml' });
    return { report, commit: `${i}`.repeat(40), run: `${i}`, savedAt: report.started_at };
  });
  const requests: LoadRequest[] = [];
  return {
    description: 'fake store',
    requests,
    async load(request) {
      requests.push(request);
      const match = results.find((r) => r.report.fingerprints!.plan === request.planFingerprint);
      return match ? { result: match, explanation: 'baseline: the newest' } : { explanation: 'no baseline' };
    },
    async save() {},
    async history(request, n) {
      return results.filter((r) => r.report.fingerprints!.plan === request.planFingerprint).slice(0, n);
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-import-core-'));
  summary = await readFile(path.join(FIXTURES, 'k6-summary-export.json'), 'utf8');
  await writeFile(path.join(dir, 'gate.yml'), 'regression: { p95: "+3σ" }\n');
});

const log = { info: () => {}, warn: () => {} };

describe('compareImported with a baseline store', () => {
  it('a band rule judges an import against past imports: within the band passes, well outside fails', async () => {
    const store = storeOf([58.1, 58.6, 57.9, 58.4, 58.2, 58.0]);
    await writeFile(path.join(dir, 'same.json'), summary);
    await writeFile(path.join(dir, 'slow.json'), summary.replace('"p(95)": 58.3119,', '"p(95)": 75.5,'));
    const base = { tool: 'k6' as const, planFile: 'gate.yml', baseline: { store }, outDir: 'out', env: {}, cwd: dir, log };

    const same = await compareImported({ ...base, resultsFile: 'same.json' });
    expect(same.report.checks).toEqual([expect.objectContaining({ metric: 'p95', method: 'history-band', verdict: 'pass' })]);
    expect(same.report.bands?.length).toBeGreaterThan(0);
    expect(store.requests[0]).toMatchObject({ planId: 'gate', planFingerprint: same.report.fingerprints!.plan });

    const slow = await compareImported({ ...base, resultsFile: 'slow.json', outDir: 'out-slow' });
    expect(slow.report.verdict).toBe('fail');
    expect(slow.report.checks[0]).toMatchObject({ metric: 'p95', method: 'history-band', current: 75.5, verdict: 'fail' });
    // The trend chart of the stored runs and this one.
    expect(slow.summary).toContain('k6: p95 over the last 7 runs');
  });

  it('a young history (under 5 runs) says so instead of judging', async () => {
    await writeFile(path.join(dir, 'same.json'), summary);
    const r = await compareImported({
      tool: 'k6',
      planFile: 'gate.yml',
      baseline: { store: storeOf([58.1, 58.6]) },
      resultsFile: 'same.json',
      outDir: 'out-young',
      env: {},
      cwd: dir,
      log,
    });
    expect(r.report.checks[0]).toMatchObject({ verdict: 'warn', note: 'history band needs 5 past runs with this stage, found 2: not judged' });
  });
});

describe('compareImported redacts what it writes', () => {
  it('URL credentials in a k6 endpoint name and a gate file ${ENV} value reach no report and no saved baseline', async () => {
    // k6 names a request by its URL by default: a threshold on it makes that URL an endpoint.
    const leaky = summary
      .replaceAll('name:list-posts', 'name:https://bot:s3cret@api.example/x?key=tokenvalue-0123456789')
      .replace('"p(95)": 58.3119,', '"p(95)": 58.3119, "thresholds": { "p(95)<400": false },');
    await writeFile(path.join(dir, 'leaky.json'), leaky);
    // The gate file takes the key from the environment: it is a secret wherever it shows up.
    await writeFile(path.join(dir, 'gate-env.yml'), 'name: checkout ${API_KEY}\nthresholds: { "*": { p95: "< 400ms" } }\n');
    const saved: StoredResult[] = [];
    const store = {
      ...storeOf([]),
      async save(_planId: string, result: StoredResult) {
        saved.push(result);
      },
    };
    const r = await compareImported({
      tool: 'k6',
      planFile: 'gate-env.yml',
      resultsFile: 'leaky.json',
      save: { store, commit: 'a'.repeat(40), run: '1' },
      outDir: 'out-redact',
      env: { API_KEY: 'tokenvalue-0123456789' },
      cwd: dir,
      log,
    });
    expect(r.report.stages[0]!.endpoints.map((e) => e.name)).toContain('https://***@api.example/x?key=***');
    expect(r.saved).toBe(true);
    const written = await Promise.all(['report.json', 'summary.md', 'report.html'].map((f) => readFile(path.join(dir, 'out-redact', f), 'utf8')));
    for (const text of [...written, JSON.stringify(saved)]) {
      expect(text).toContain('api.example/x');
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('tokenvalue-0123456789');
    }
  });
});

describe('compareImported: the trend chart', () => {
  it('a past import without a p95 is left out of the chart, not drawn as 0 ms', async () => {
    await writeFile(path.join(dir, 'same.json'), summary);
    const store = storeOf([58.1, null, 58.6, null, 57.9]);
    const r = await compareImported({
      tool: 'k6',
      planFile: 'gate.yml',
      baseline: { store },
      resultsFile: 'same.json',
      outDir: 'out-nullp95',
      env: {},
      cwd: dir,
      log,
    });
    expect(r.extras.history?.k6?.map((p) => p.p95)).toEqual([57.9, 58.6, 58.1, 58.312]);
    expect(r.summary).toContain('k6: p95 over the last 4 runs');
    expect(r.summary).toMatch(/line \[57\.9, 58\.6, 58\.1, 58\.31\]/);
    const page = await readFile(path.join(dir, 'out-nullp95', 'report.html'), 'utf8');
    expect(page).toContain('k6: p95 over the last 4 runs');
  });
});
