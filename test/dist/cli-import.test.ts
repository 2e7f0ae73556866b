/**
 * `perf-gate compare --from k6|locust` as a process (dist/cli.js): k6 and Locust results, in the
 * formats of test/fixtures/import, gated by thresholds from a gate file and by regression rules
 * against a baseline (the tool's own file, or a report.json saved with --save-baseline).
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/process.js';
import type { Report } from '../../src/model/report.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-import-'));
  for (const f of ['k6-summary-export.json', 'k6-summary-export-slower.json', 'k6-handle-summary.json', 'locust_stats.csv', 'locust-head_stats.csv']) {
    await copyFile(path.join(FIXTURES, f), path.join(dir, f));
  }
  await writeFile(path.join(dir, 'gate-pass.yml'), 'name: shop\nthresholds:\n  "*": { p95: "< 200ms", error_rate: "< 1%" }\n');
  await writeFile(path.join(dir, 'gate-p95.yml'), 'thresholds:\n  k6: { p95: "< 50ms" }\n');
});

const cli = (args: string[]) => runCli(args, { cwd: dir });
const report = async (out: string): Promise<Report> => JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')) as Report;

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr).not.toContain('internal error');
}

describe('compare --from k6', () => {
  it("a k6 summary within the gate file's thresholds passes (exit 0), imported and marked so", async () => {
    const r = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', '--plan', 'gate-pass.yml', '--out', 'pass']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = await report('pass');
    expect(rep.verdict).toBe('pass');
    expect(rep.imported).toEqual({ tool: 'k6', file: 'k6-summary-export.json' });
    expect(rep.checks.map((c) => [c.metric, c.limit, c.current, c.verdict])).toEqual([
      ['p95', '< 200ms', 58.312, 'pass'],
      ['error_rate', '< 1%', 0.005, 'pass'],
    ]);
    const summary = await readFile(path.join(dir, 'pass', 'summary.md'), 'utf8');
    expect(summary).toContain('Results of k6 imported from `k6-summary-export.json`');
  });

  it('a p95 over the threshold fails the gate: exit 1, the rule named on stderr', async () => {
    const r = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', '--plan', 'gate-p95.yml', '--out', 'p95']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('perf-gate: the gate failed: k6 p95 < 50ms\n');
    expect((await report('p95')).checks).toEqual([expect.objectContaining({ metric: 'p95', current: 58.312, verdict: 'fail', method: 'absolute' })]);
  });

  it('a threshold on a percentile k6 did not report warns (never passes or fails on nothing), with the option to set', async () => {
    await writeFile(path.join(dir, 'gate-p99.yml'), 'thresholds:\n  "*": { p99: "< 100ms" }\n');
    const r = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', '--plan', 'gate-p99.yml', '--out', 'p99']);
    expect(r.code).toBe(0);
    const [check] = (await report('p99')).checks;
    expect(check).toMatchObject({
      metric: 'p99',
      current: null,
      verdict: 'warn',
      note: 'the k6 summary has no p99: add "p(99)" to k6\'s summaryTrendStats option to gate on it',
    });
  });

  it('a regression between two k6 summaries fails (exit 1), the delta in the summary, judged as a point comparison', async () => {
    const r = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', 'k6-summary-export-slower.json', '--out', 'reg']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('perf-gate: the gate failed: k6 p50 +10%; k6 p95 +15%\n');
    const rep = await report('reg');
    const p95 = rep.checks.find((c) => c.metric === 'p95')!;
    expect(p95).toMatchObject({
      kind: 'regression',
      baseline: 58.312,
      current: 81.637,
      delta_pct: 40,
      method: 'point (imported)',
      significant: false,
      verdict: 'fail',
    });
    // Default rules of a load stage; p99 is not in either summary, so it is not judged.
    expect(rep.checks.map((c) => c.metric)).toEqual(['p50', 'p95', 'error_rate', 'rps']);
    const summary = await readFile(path.join(dir, 'reg', 'summary.md'), 'utf8');
    expect(summary).toContain('81.6 ms (+40.0% vs 58.3 ms)');
    expect(summary).toContain('point (imported)');
    expect(rep.baseline).toMatchObject({ source: 'k6-summary-export.json' });
  });

  it('handleSummary JSON is read too (p99 present), and gates against a --summary-export baseline only with --force-baseline (other endpoints)', async () => {
    const refused = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', 'k6-handle-summary.json', '--out', 'hs']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^perf-gate: k6-summary-export\.json holds results of other stages or endpoints than k6-handle-summary\.json \(k6 stage "k6" \(endpoints create-post, list-posts\) against k6 stage "k6" \(endpoints GET \/products, POST \/cart\)\); .* pass --force-baseline/,
    );
    const forced = await cli(['compare', '--from', 'k6', 'k6-summary-export.json', 'k6-handle-summary.json', '--force-baseline', '--out', 'hs']);
    expect(forced.code).toBe(0);
    const rep = await report('hs');
    expect(rep.stages[0]!.latency_ms.p99).toBe(88.14);
    expect(rep.baseline!.explanation).toMatch(/--force-baseline/);
  });
});

describe('compare --from locust', () => {
  it('a Locust pair within the default regression rules passes (exit 0), p99 judged too', async () => {
    const r = await cli(['compare', '--from', 'locust', 'locust_stats.csv', 'locust-head_stats.csv', '--out', 'loc']);
    expect(r.code).toBe(0);
    const rep = await report('loc');
    expect(rep.verdict).toBe('pass');
    expect(rep.checks.map((c) => [c.metric, c.verdict])).toEqual([
      ['p50', 'pass'],
      ['p95', 'pass'],
      ['p99', 'pass'],
      ['error_rate', 'pass'],
      ['rps', 'pass'],
    ]);
    expect(rep.stages[0]!.endpoints.map((e) => e.name)).toEqual(['GET /posts', 'POST /posts', 'GET /posts/[id], by id']);
  });

  it('PREFIX_stats_history.csv beside PREFIX_stats.csv (--csv-full-history) becomes the timeline, charted in the summary', async () => {
    await mkdir(path.join(dir, 'hist'), { recursive: true });
    for (const f of ['locust_stats.csv', 'locust_stats_history.csv']) await copyFile(path.join(FIXTURES, f), path.join(dir, 'hist', f));
    const r = await cli(['compare', '--from', 'locust', 'hist/locust_stats.csv', '--out', 'hist-out']);
    expect(r.code).toBe(0);
    const rep = await report('hist-out');
    expect(rep.stages[0]!.timeline).toHaveLength(60);
    expect(rep.stages[0]!.timeline[31]).toMatchObject({ t: 31, requests: 90, p95: 100 });
    const summary = await readFile(path.join(dir, 'hist-out', 'summary.md'), 'utf8');
    expect(summary).toContain('p95 latency per second (locust)');
  });

  it('--save-baseline keeps a passing import; the next compare reads it back (a report.json, detected) and gates against it', async () => {
    const saved = await cli(['compare', '--from', 'locust', 'locust_stats.csv', '--save-baseline', 'perf/baseline.json', '--out', 'save', '--quiet']);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain('baseline saved to file perf/baseline.json');
    const base = JSON.parse(await readFile(path.join(dir, 'perf', 'baseline.json'), 'utf8')) as Report;
    expect(base).toMatchObject({ tool: 'perf-gate', imported: { tool: 'locust' }, verdict: 'pass' });

    const positional = await cli(['compare', '--from', 'locust', 'perf/baseline.json', 'locust-head_stats.csv', '--out', 'again']);
    expect(positional.code).toBe(0);
    const flag = await cli(['compare', '--from', 'locust', '--baseline', 'perf/baseline.json', 'locust-head_stats.csv', '--out', 'again2']);
    expect(flag.code).toBe(0);
    const rep = await report('again2');
    expect(rep.baseline).toMatchObject({ source: 'perf/baseline.json' });
    expect(rep.checks.find((c) => c.metric === 'p99')).toMatchObject({ baseline: 89, current: 87, delta_pct: -2.25, verdict: 'pass' });
  });

  it('a failing import is not saved as a baseline (the save guard of run), and exits 1', async () => {
    await writeFile(path.join(dir, 'gate-tight.yml'), 'thresholds:\n  locust: { p95: "< 10ms" }\n');
    const r = await cli(['compare', '--from', 'locust', 'locust_stats.csv', '--plan', 'gate-tight.yml', '--save-baseline', 'failed.json', '--out', 'tight']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('baseline not saved to file failed.json: the gate failed');
    expect(existsSync(path.join(dir, 'failed.json'))).toBe(false);
  });
});

describe('compare --from on files real k6 and Locust runs wrote (../shared/realdata)', () => {
  const REALDATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'realdata');

  it('a k6 summary of gRPC only: one line, exit 2', async () => {
    const r = await cli(['compare', '--from', 'k6', path.join(REALDATA, 'k6-handle-summary', 'benc-uk_k6-reporter__tests_data_grpc.json'), '--out', 'grpc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^perf-gate: \S+benc-uk_k6-reporter__tests_data_grpc\.json holds gRPC results \(grpc_req_duration, grpc_reqs\) and no http_req_duration: perf-gate gates the HTTP results of a k6 summary, so there is nothing to gate here\n$/,
    );
    expectNoStack(r.stderr);
  });

  it('a custom k6 trend gated by name (`trend:fast_latency`): exit 1, the rule on stderr', async () => {
    await writeFile(
      path.join(dir, 'gate-trend.yml'),
      'thresholds:\n  k6:\n    "trend:fast_latency": { p95: "< 50ms" }\n    "trend:yarp_latency": { p95: "< 50ms" }\n',
    );
    const r = await cli([
      'compare',
      '--from',
      'k6',
      path.join(REALDATA, 'k6-summary-export', 'NikoyanGar_ApiGatewayBenchmarks__k6_summary.json'),
      '--plan',
      'gate-trend.yml',
      '--out',
      'trend',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('perf-gate: the gate failed: k6 trend:fast_latency p95 < 50ms\n');
    expect((await report('trend')).checks.map((c) => [c.metric, c.current, c.verdict])).toEqual([
      ['trend:fast_latency p95', 137.347, 'fail'],
      ['trend:yarp_latency p95', 1.64, 'pass'],
    ]);
  });

  it('Locust 1.0 files in GBK with their history and failures beside them: read, exit 0', async () => {
    const r = await cli(['compare', '--from', 'locust', path.join(REALDATA, 'locust', 'jiangbm_XFJ__example_stats.csv'), '--out', 'gbk', '--quiet']);
    expect(r.code).toBe(0);
    const rep = await report('gbk');
    expect(rep.stages[0]).toMatchObject({ requests: 84115, errors: 1681 });
    expect(rep.stages[0]!.latency_ms.p95).toBe(1100);
    expect(rep.stages[0]!.timeline).toHaveLength(4848);
    const summary = await readFile(path.join(dir, 'gbk', 'summary.md'), 'utf8');
    expect(summary).toContain('查看影响力榜单');
    expect(summary).toContain('read as GBK');
  });
});

describe('compare --from: unusable input is exit 2 with one line', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown tool', ['compare', '--from', 'jmeter', 'x.json'], /^perf-gate: --from takes k6 or locust, got "jmeter"\n$/],
    ['a missing results file', ['compare', '--from', 'k6', 'nope.json'], /^perf-gate: cannot read nope\.json: no such file\n$/],
    [
      'a Locust CSV given as k6',
      ['compare', '--from', 'k6', 'locust_stats.csv'],
      /^perf-gate: locust_stats\.csv is not JSON \(.*\): perf-gate --from k6 reads/,
    ],
    [
      'a k6 summary given as Locust',
      ['compare', '--from', 'locust', 'k6-summary-export.json'],
      /^perf-gate: k6-summary-export\.json is not a Locust stats CSV: missing columns/,
    ],
    ['two baselines', ['compare', '--from', 'k6', 'a.json', 'b.json', '--baseline', 'c.json'], /^perf-gate: give the baseline once/],
    ['a folder as the results', ['compare', '--from=k6', 'perf'], /^perf-gate: cannot read perf: it is a folder\n$/],
    ['no results file at all', ['compare', '--from', 'locust'], /^perf-gate: expected 1 to 2 argument\(s\), got 0 \(see perf-gate --help\)\n$/],
    [
      'a full plan as the gate file',
      ['compare', '--from', 'k6', 'k6-summary-export.json', '--plan', 'full.yml'],
      /^full\.yml:1:1: target: a gate file for --from holds only thresholds:, regression: and name:/,
    ],
  ])('%s', async (_, args, message) => {
    await writeFile(path.join(dir, 'full.yml'), 'target: { url: "http://127.0.0.1:1" }\nthresholds: {}\n');
    await mkdir(path.join(dir, 'perf'), { recursive: true });
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expectNoStack(r.stderr);
  });

  it('--help shows the --from form', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('perf-gate compare --from k6|locust [BASELINE] CURRENT');
  });
});
