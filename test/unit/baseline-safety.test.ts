/**
 * Baselines are never lost or poisoned: atomic writes, corrupt files refused by name, and the save
 * guard that keeps failing, partial and aborted runs from becoming the bar later runs are held to.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asReport, readReportFile, writeJsonAtomic } from '../../src/baseline/report-file.js';
import { compareReports } from '../../src/core.js';
import { FAILING_ERROR_RATE, whyNotBaseline } from '../../src/baseline/save-guard.js';
import { BaselineError } from '../../src/errors.js';
import { seededRandom } from '../../src/gate/statistics.js';
import { readSettings } from '../../src/settings.js';
import type { Report } from '../../src/model/report.js';
import { report, stage } from '../helpers/reports.js';

// fs/promises with switchable failures, to fail a write half-way or a rename as a full disk or a
// crash would; everything else is the real module.
const fail = vi.hoisted(() => ({ rename: false, halfWrite: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (fail.rename) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
      return real.rename(from, to);
    },
    writeFile: async (file: string, data: string) => {
      if (!fail.halfWrite) return real.writeFile(file, data);
      await real.writeFile(file, data.slice(0, data.length >> 1));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-baseline-safety-'));
});
afterEach(() => {
  fail.rename = false;
  fail.halfWrite = false;
});

describe('writeJsonAtomic: the previous baseline survives any failed write', () => {
  const OLD = report({ started_at: '2026-11-20T00:00:00.000Z' });
  const NEW = report({ started_at: '2026-11-24T00:00:00.000Z' });

  async function previous(): Promise<{ file: string; bytes: string }> {
    const file = path.join(dir, 'baseline.json');
    await writeJsonAtomic(file, OLD);
    return { file, bytes: await readFile(file, 'utf8') };
  }

  it('a failed rename leaves the previous baseline byte-identical and no temp file', async () => {
    const { file, bytes } = await previous();
    fail.rename = true;
    await expect(writeJsonAtomic(file, NEW)).rejects.toThrow(/EIO/);
    expect(await readFile(file, 'utf8')).toBe(bytes);
    expect(await readdir(dir)).toEqual(['baseline.json']);
  });

  it('a write that fails half-way (disk full) leaves the previous baseline and no temp file', async () => {
    const { file, bytes } = await previous();
    fail.halfWrite = true;
    await expect(writeJsonAtomic(file, NEW)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(file, 'utf8')).toBe(bytes);
    expect(await readdir(dir)).toEqual(['baseline.json']);
  });

  it('a target that is a folder is refused by the real rename, and its contents stay', async () => {
    const folder = path.join(dir, 'baseline.json');
    await mkdir(folder);
    await writeFile(path.join(folder, 'keep.txt'), 'kept');
    await expect(writeJsonAtomic(folder, NEW)).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/) });
    expect(await readdir(dir)).toEqual(['baseline.json']);
    expect(await readFile(path.join(folder, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('writes racing for one file each land whole: temp names never collide', async () => {
    const file = path.join(dir, 'baseline.json');
    const values = Array.from({ length: 20 }, (_, i) => report({ started_at: `2026-11-24T00:00:${String(i).padStart(2, '0')}.000Z` }));
    await Promise.all(values.map((v) => writeJsonAtomic(file, v)));
    const last = await readReportFile(file);
    expect(values.map((v) => v.started_at)).toContain(last.started_at);
    expect(await readdir(dir)).toEqual(['baseline.json']);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: a mutant sets any field of the JSON to anything
type LooseJson = Record<string, any>;

describe('asReport: a well-formed but wrong baseline is refused naming the file and the field', () => {
  const FILE = 'perf/baseline.json';
  type Mutate = (r: LooseJson) => void;
  const at = (r: LooseJson) => r.stages[0];
  const withWindow = (): Report =>
    report(
      {},
      { timeline: [{ t: 0, rps: 10, p50: 1, p90: 2, p95: 3, p99: 4, max: 5, mean: 1.5, requests: 10, errors: 0, active: 1, late_sends: 0, loop_lag_ms: 1 }] },
    );

  it.each<[string, Mutate, string]>([
    ['p95 a string', (r) => (at(r).latency_ms.p95 = 'x'), 'stages[0] (load): latency_ms.p95 is "x", expected a number ≥ 0'],
    ['p50 missing', (r) => delete at(r).latency_ms.p50, 'latency_ms.p50 is missing, expected a number ≥ 0'],
    ['p99 null (NaN in JSON)', (r) => (at(r).latency_ms.p99 = null), 'latency_ms.p99 is null, expected a number ≥ 0'],
    ['p999 negative', (r) => (at(r).latency_ms.p999 = -1), 'latency_ms.p999 is -1, expected a number ≥ 0'],
    ['latency_ms a number', (r) => (at(r).latency_ms = 5), 'latency_ms is 5, expected an object'],
    ['error_rate a string', (r) => (at(r).error_rate = '0.1'), 'error_rate is "0.1", expected a fraction from 0 to 1'],
    ['error_rate over 1', (r) => (at(r).error_rate = 3), 'error_rate is 3, expected a fraction from 0 to 1'],
    ['rps missing', (r) => delete at(r).rps, 'rps is missing, expected a number ≥ 0'],
    ['requests negative', (r) => (at(r).requests = -5), 'requests is -5, expected a number ≥ 0'],
    ['errors a boolean', (r) => (at(r).errors = true), 'errors is true, expected a number ≥ 0'],
    ['an empty timeline window', (r) => (at(r).timeline = [{}]), 'timeline[0].t is missing, expected a number ≥ 0'],
    ['a window that is null', (r) => (at(r).timeline = [null]), 'timeline[0] is null, expected an object'],
    ['a window p95 a string', (r) => (at(r).timeline[0].p95 = 'slow'), 'timeline[0].p95 is "slow", expected a number ≥ 0'],
    ['a window without requests', (r) => delete at(r).timeline[0].requests, 'timeline[0].requests is missing, expected a number ≥ 0'],
    [
      'an endpoint p95 missing',
      (r) => (at(r).endpoints = [{ name: 'root', requests: 1, errors: 0, latency_ms: { p50: 1, p99: 2 } }]),
      'endpoints[0].latency_ms.p95 is missing, expected a number ≥ 0',
    ],
    ['status_codes null', (r) => (at(r).status_codes = null), 'status_codes is null, expected an object'],
    ['kind a number', (r) => (at(r).kind = 3), 'kind is 3, expected a string'],
    ['histogram a number', (r) => (at(r).histogram = 12), 'histogram is 12, expected a string'],
    ['generator missing', (r) => delete at(r).generator, 'generator is missing, expected an object'],
    ['loop lag a string', (r) => (at(r).generator.loop_lag_p99_ms = '3ms'), 'generator.loop_lag_p99_ms is "3ms", expected a number ≥ 0'],
    ['cpu probe a string', (r) => (at(r).cpu_probe_ms = 'fast'), 'cpu_probe_ms is "fast", expected a number ≥ 0'],
    [
      'spike recovery a string',
      (r) => (at(r).spike = { pre_p95_ms: 1, peak_p95_ms: 2, recovery_ms: 'never' }),
      'spike.recovery_ms is "never", expected a number ≥ 0 or null',
    ],
    ['a long wrong value, shortened', (r) => (at(r).latency_ms.p95 = 'y'.repeat(100)), `latency_ms.p95 is "${'y'.repeat(36)}…, expected`],
  ])('%s', (_name, mutate, field) => {
    const doc = JSON.parse(JSON.stringify(withWindow())) as Record<string, unknown>;
    mutate(doc);
    let caught: unknown;
    try {
      asReport(doc, FILE);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(BaselineError);
    expect((caught as Error).message).toContain(`${FILE}: stages[0] (load): `);
    expect((caught as Error).message).toContain(field);
    expect((caught as Error).message).toMatch(/; the file is damaged: re-create it$/);
  });

  it.each<[string, Mutate, string]>([
    ['started_at missing', (r) => delete r.started_at, 'started_at is missing, expected a string'],
    ['runner null', (r) => (r.runner = null), 'runner is null, expected an object'],
    ['runner.cores a string', (r) => (r.runner.cores = 'two'), 'runner.cores is "two", expected a number ≥ 0'],
    ['fingerprints without a plan', (r) => (r.fingerprints = { runner: 'r' }), 'fingerprints.plan is missing, expected a string'],
  ])('report level: %s', (_name, mutate, field) => {
    const doc = JSON.parse(JSON.stringify(report())) as LooseJson;
    mutate(doc);
    expect(() => asReport(doc, FILE)).toThrow(`${FILE}: ${field}; the file is damaged: re-create it`);
  });

  it('accepts real-shaped stages: a spike that never recovered (null), no cpu probe, windows with zero requests', () => {
    const doc = report(
      {},
      {
        spike: { pre_p95_ms: 3, peak_p95_ms: 40, recovery_ms: null },
        timeline: [{ t: 0, rps: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0, requests: 0, errors: 0, active: 0, late_sends: 0, loop_lag_ms: 0 }],
      },
    );
    expect(asReport(JSON.parse(JSON.stringify(doc)), FILE).stages[0]!.spike?.recovery_ms).toBeNull();
  });
});

describe('fuzz: a mutated report.json on either side of compare gives a verdict or a BaselineError, never another error', () => {
  const REPLACEMENTS: unknown[] = [null, 'x', -1, 1e308, true, {}, [], '', 0, undefined];

  /** Every path to a value in the document. */
  function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [at];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
  }

  function mutate(doc: unknown, at: (string | number)[], to: unknown): unknown {
    if (at.length === 0) return to;
    const copy = JSON.parse(JSON.stringify(doc)) as Record<string | number, unknown>;
    let node = copy;
    for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    if (to === undefined) delete node[at.at(-1)!];
    else node[at.at(-1)!] = to;
    return copy;
  }

  it('300 single-field mutants of a two-stage report', async () => {
    const window = (t: number) => ({
      t,
      rps: 10,
      p50: 1,
      p90: 2,
      p95: 3,
      p99: 4,
      max: 5,
      mean: 1.5,
      requests: 10,
      errors: 0,
      active: 1,
      late_sends: 0,
      loop_lag_ms: 1,
    });
    const base = report({ fingerprints: { plan: 'p', runner: 'r' } }, { timeline: [0, 1, 2, 3, 4, 5].map(window), cpu_probe_ms: 50 });
    base.stages[0]!.endpoints = [{ name: 'root', requests: 1000, errors: 0, latency_ms: { p50: 4, p95: 10, p99: 20 } }];
    base.stages.push(stage({ name: 'spike', kind: 'spike', spike: { pre_p95_ms: 3, peak_p95_ms: 30, recovery_ms: 1200 }, timeline: [0, 1, 2].map(window) }));
    const current = JSON.parse(JSON.stringify(base)) as Report;
    await writeFile(path.join(dir, 'current.json'), JSON.stringify(current));
    const all = paths(base);
    const random = seededRandom(7);
    const outcomes = { verdict: 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const at = all[Math.floor(random() * all.length)]!;
      const to = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
      await writeFile(path.join(dir, 'mutant.json'), JSON.stringify(mutate(base, at, to)) ?? '');
      // Odd rounds mutate the current side: it is read, gated and rendered through the same checks.
      const [baselineFile, currentFile] = i % 2 === 0 ? ['mutant.json', 'current.json'] : ['current.json', 'mutant.json'];
      try {
        const outcome = await compareReports({ baselineFile, currentFile, outDir: 'out', env: {}, cwd: dir });
        expect(['pass', 'warn', 'fail'], `${at.join('.')} → ${JSON.stringify(to)}`).toContain(outcome.report.verdict);
        for (const c of outcome.report.checks)
          expect(Number.isNaN(c.current ?? 0) || Number.isNaN(c.baseline ?? 0), `NaN check after ${at.join('.')} → ${JSON.stringify(to)}`).toBe(false);
        outcomes.verdict++;
      } catch (err) {
        expect(err, `${at.join('.')} → ${JSON.stringify(to)}: ${(err as Error).message}`).toBeInstanceOf(BaselineError);
        outcomes.refused++;
      }
    }
    // Both kinds happen: the fuzz reaches the validation and gets past it.
    expect(outcomes.verdict).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});

describe('whyNotBaseline: only complete, passing runs of a healthy target are kept', () => {
  const all = { ran: 1, planned: 1 };
  const failing = (rate: number) => report({}, { error_rate: rate, errors: Math.round(rate * 1000), requests: 1000 });
  const withStage = (extra: Record<string, unknown>) => report({}, extra as never);

  it.each<[string, Report, { ran: number; planned: number }, string | undefined]>([
    ['a clean run', report(), all, undefined],
    ['a failed gate', report({ verdict: 'fail' }), all, 'the gate failed'],
    ['an interrupted run', report({ cancelled: true }), all, 'the run was interrupted'],
    ['a --stage subset', report(), { ran: 1, planned: 2 }, 'only some stages ran (--stage)'],
    ['every request failed', failing(1), all, 'the target was failing: stage load had 100% errors'],
    [`errors at ${FAILING_ERROR_RATE * 100}%`, failing(FAILING_ERROR_RATE), all, 'the target was failing: stage load had 50% errors'],
    ['errors at 49%: a flaky target, judged by the rules, not here', failing(0.49), all, undefined],
    [
      'an aborted stage',
      withStage({ aborted: { rule: 'error_rate > 20% for 5s', at_s: 5, reason: 'error rate 80% for 5 s' } }),
      all,
      'stage load was aborted (error rate 80% for 5 s), so its numbers cover part of the load',
    ],
    [
      'an aborted stage fails the gate too: the abort is named, not "the gate failed"',
      report({ verdict: 'fail' }, { aborted: { rule: 'target_down', at_s: 3, reason: 'the target stopped answering' } } as never),
      all,
      'stage load was aborted (the target stopped answering)',
    ],
    ['a saturated generator', withStage({ generator_saturated: true }), all, 'the load generator was saturated in stage load'],
    [
      "an import whose k6 thresholds failed (k6 exited 99), though perf-gate's rules passed",
      withStage({
        imported: {
          tool: 'k6',
          missing: [],
          tool_thresholds: [
            { metric: 'http_req_duration', rule: 'p(95)<300', ok: true },
            { metric: 'http_req_failed', rule: 'rate<0.01', ok: false },
          ],
        },
      }),
      all,
      "k6's own thresholds failed in stage load (http_req_failed: rate<0.01)",
    ],
    [
      'an import whose k6 thresholds all passed',
      withStage({ imported: { tool: 'k6', missing: [], tool_thresholds: [{ metric: 'http_req_duration', rule: 'p(95)<300', ok: true }] } }),
      all,
      undefined,
    ],
    [
      'a failure a busier runner explained once its part was taken off',
      report({
        verdict: 'warn',
        checks: [
          {
            stage: 'load',
            metric: 'p95',
            kind: 'regression',
            current: 11,
            limit: '+10%',
            method: 'bootstrap-windows(percentile)',
            verdict: 'warn',
            untrusted: 'runner-busier',
          },
        ],
      }),
      all,
      'stage load ran on a runner busier than at baseline time',
    ],
    [
      'a saturated generator with timeouts: the generator is the cause',
      report({}, { generator_saturated: true, error_rate: 0.85 }),
      all,
      'the load generator was saturated',
    ],
  ])('%s', (_name, r, stages, why) => {
    const reason = whyNotBaseline(r, stages);
    if (why === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(why);
  });
});

describe('action input force-baseline', () => {
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
  it('is off unless set, and takes only true or false', () => {
    expect(readSettings(reader({ plan: 'p.yml' })).forceBaseline).toBe(false);
    expect(readSettings(reader({ plan: 'p.yml', 'force-baseline': 'true' })).forceBaseline).toBe(true);
    expect(() => readSettings(reader({ plan: 'p.yml', 'force-baseline': 'sometimes' }))).toThrow(
      'input "force-baseline" must be true or false; got "sometimes"',
    );
  });
});
