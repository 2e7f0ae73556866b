/**
 * Every file that real k6 and Locust runs wrote (../shared/realdata, PROVENANCE.md there says where
 * each came from and what is unusual in it) through compareImported, as `compare --from` reads
 * them: a verdict whose requests and p95 are the file's own, or, for a file with no HTTP results,
 * one clear line (exit 2). Companion files (Locust's history, failures, exceptions) are found beside
 * the stats file, as the CLI finds them. The files are read where they are, never copied.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareImported } from '../../src/core.js';
import { ImportError } from '../../src/errors.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const REALDATA = path.resolve(REPO, '..', 'shared', 'realdata');
const log = { info: () => {}, warn: () => {} };
let out: string;

// Not skipped when absent: CI has shared/ beside the clone, and a skipped gate test would pass in silence.
if (!existsSync(REALDATA)) throw new Error(`${REALDATA} is missing: the real k6/Locust files live beside the repository (shared/realdata)`);

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'perf-gate-realdata-'));
});

interface Expected {
  requests: number;
  /** The stage's p95 (3 decimals, as a report holds it); null where the file has none. */
  p95: number | null;
  /** null: unknown (the file counts no failures). */
  error_rate: number | null;
  /** The files read beside it (Locust companions). */
  companions?: string[];
  /** Anything else of the stage to check. */
  also?: (stage: Awaited<ReturnType<typeof compareImported>>['report']['stages'][number], summary: string) => void;
}

const CASES: Array<[string, 'k6' | 'locust', Expected]> = [
  [
    'k6-summary-export/szboynono_k6-html-reporter__dev_export_groups_thresholds.json',
    'k6',
    {
      requests: 105,
      p95: 640.775,
      error_rate: null,
      also: (s, summary) => {
        // k6 ≈v0.29: no http_req_failed. Unknown, not 0; said so.
        expect(s.errors).toBeNull();
        expect(s.imported!.missing).toContain(
          'error_rate (no http_req_failed metric: k6 before v0.31 did not count failed requests, nor does a run whose systemTags drop expected_response)',
        );
        // true = FAILED in an export: p(90)=595 against "p(90) < 400".
        expect(s.imported!.tool_thresholds).toContainEqual({ metric: 'http_req_duration', rule: 'p(90) < 400', ok: false });
        expect(s.imported!.tool_thresholds).toContainEqual({ metric: 'http_req_duration', rule: 'p(95) < 1000', ok: true });
        expect(summary).toMatch(/\| 105 \| 8\.7 \| — \|/);
      },
    },
  ],
  [
    'k6-summary-export/andreposman_qr-code-generator__summary-export.json',
    'k6',
    {
      requests: 493168,
      // Custom summaryTrendStats without p(90)/p(95): absent, not guessed; p(99) and p(99.9) read.
      p95: null,
      error_rate: 0,
      also: (s) => {
        expect(s.latency_ms).toMatchObject({ p50: 3.12, p90: null, p99: 348.649, p999: 787.113, max: 1737.376 });
        expect(s.imported!.missing).toEqual(['p90', 'p95']);
      },
    },
  ],
  [
    'k6-summary-export/NikoyanGar_ApiGatewayBenchmarks__k6_summary.json',
    'k6',
    {
      requests: 613790,
      p95: 83.939,
      error_rate: 0,
      also: (s) => {
        expect(Object.keys(s.imported!.trends!)).toEqual(['fast_latency', 'ocelot_latency', 'yarp_latency']);
        expect(s.imported!.trends!.yarp_latency).toMatchObject({ p95: 1.64, max: 196.596 });
        expect(s.imported!.trends!.fast_latency!.p95).toBe(137.347);
        expect(s.imported!.tool_thresholds).toContainEqual({ metric: 'fast_latency', rule: 'p(95)<50', ok: false });
        expect(s.imported!.tool_thresholds!.filter((t) => !t.ok)).toHaveLength(1);
        // Tagged sub-metrics are neither endpoints nor the whole.
        expect(s.endpoints).toEqual([]);
      },
    },
  ],
  [
    'k6-handle-summary/benc-uk_k6-reporter__tests_data_simple.json',
    'k6',
    {
      requests: 878,
      p95: 30.026,
      error_rate: 0.397494,
      also: (s) => {
        expect(s.errors).toBe(349);
        expect(s.latency_ms.p99).toBe(39.577);
        expect(s.duration_s).toBe(24.425);
        expect(s.imported!.tool_thresholds).toEqual([
          { metric: 'http_req_duration', rule: 'p(95)<1000', ok: true },
          { metric: 'iteration_duration', rule: 'max<4000', ok: true },
        ]);
      },
    },
  ],
  [
    'locust/jiangbm_XFJ__example_stats.csv',
    'locust',
    {
      requests: 84115,
      p95: 1100,
      error_rate: 0.019985,
      companions: ['jiangbm_XFJ__example_stats_history.csv', 'jiangbm_XFJ__example_failures.csv'],
      also: (s, summary) => {
        // GBK names, decoded and said so; `"None","Aggregated"` is the aggregate row.
        expect(s.endpoints.map((e) => e.name)).toContain('GET 查看影响力榜单');
        expect(s.imported!.notes).toContain('jiangbm_XFJ__example_stats.csv is not UTF-8: read as GBK (cp936, as Locust on a Chinese Windows writes it)');
        expect(s.imported!.failures).toMatchObject({ rows: 51, total: 1681, distinct: 51 });
        expect(s.imported!.failures!.top[0]).toEqual({ error: 'GET 查看影响力榜单: 500 Server Error:  for url: 查看影响力榜单', count: 363 });
        // Locust 1.0 history: Aggregated rows only, but "current" percentiles: a timeline, N/A row skipped.
        expect(s.timeline).toHaveLength(4848);
        expect(s.timeline[0]).toMatchObject({ t: 0, requests: 18, p95: 1100 });
        expect(s.timeline.every((w) => w.p95 > 0)).toBe(true);
        expect(s.timeline.reduce((n, w) => n + w.requests, 0)).toBe(84115);
        expect(summary).toContain('Top errors (`jiangbm_XFJ__example_failures.csv`, 1681 in 51 kinds)');
      },
    },
  ],
  [
    'locust/Nikita-Filonov_load-testing-hub__locust_stats.csv',
    'locust',
    {
      requests: 11779,
      p95: 7800,
      error_rate: 0,
      companions: ['Nikita-Filonov_load-testing-hub__locust_stats_history.csv', 'Nikita-Filonov_load-testing-hub__locust_exceptions.csv'],
      also: (s, summary) => {
        // Custom percentiles 50…100 without 99.9%: p999 absent; gRPC type names kept.
        expect(s.latency_ms).toMatchObject({ p50: 5100, p90: 7600, p99: 8200, p999: null, max: 10975.365 });
        expect(s.endpoints[0]!.name).toMatch(/^grpc \/backend\.diftech/);
        // --csv-full-history: a window every 5 s, the all-N/A first row is no 0 ms point.
        expect(s.timeline).toHaveLength(35);
        expect(s.timeline[0]).toMatchObject({ t: 0, requests: 127, p95: 990 });
        expect(s.timeline.reduce((n, w) => n + w.requests, 0)).toBe(11779);
        expect(s.imported!.exceptions).toMatchObject({ rows: 0, total: 0 });
        expect(summary).toContain('`Nikita-Filonov_load-testing-hub__locust_exceptions.csv`: no errors listed.');
      },
    },
  ],
  [
    'locust/kei-gnu_locust-scenario__example_stats.csv',
    'locust',
    {
      requests: 881,
      p95: 60000,
      error_rate: 1,
      companions: ['kei-gnu_locust-scenario__example_failures.csv'],
      also: (s) => {
        expect(s.endpoints.map((e) => e.name)).toContain('GET http://192.168.100.38:30946/?post_type=product&paged=2');
        expect(s.imported!.failures!.top[0]).toEqual({
          error: `GET http://192.168.100.38:30946/: "RetriesExceeded('http://192.168.100.38:30946/', 1, original=timed out)"`,
          count: 246,
        });
      },
    },
  ],
  [
    'locust/AEther-Frisko_Project6SuperSorter3400__3_locust_requests.csv',
    'locust',
    {
      requests: 131655,
      p95: 5000,
      error_rate: 0.037181,
      companions: ['AEther-Frisko_Project6SuperSorter3400__3_locust_failures.csv'],
      also: (s) => {
        expect(s.endpoints.map((e) => e.name.split(' ')[0])).toEqual(expect.arrayContaining(['PATCH', 'PUT', 'DELETE']));
        // 319 rows, unique only by memory address: merged into a few kinds.
        expect(s.imported!.failures).toMatchObject({ rows: 319, total: 4895 });
        expect(s.imported!.failures!.distinct).toBeLessThan(40);
        expect(s.imported!.failures!.top[0]).toEqual({
          error: "PATCH /api/move: RemoteDisconnected('Remote end closed connection without response')",
          count: 1744,
        });
      },
    },
  ],
];

/** Files with no HTTP results: one line, exit 2. */
const REFUSED: Array<[string, 'k6' | 'locust', RegExp]> = [
  [
    'k6-handle-summary/benc-uk_k6-reporter__tests_data_grpc.json',
    'k6',
    /^benc-uk_k6-reporter__tests_data_grpc\.json holds gRPC results \(grpc_req_duration, grpc_reqs\) and no http_req_duration: perf-gate gates the HTTP results of a k6 summary, so there is nothing to gate here$/,
  ],
];

const run = (rel: string, tool: 'k6' | 'locust', outDir: string) =>
  compareImported({ tool, resultsFile: path.basename(rel), outDir: path.join(out, outDir), env: {}, cwd: path.join(REALDATA, path.dirname(rel)), log });

describe('real k6 and Locust files (../shared/realdata)', () => {
  it.each(CASES)('%s', async (rel, tool, want) => {
    const outDir = rel.replace(/[^\w]+/g, '-');
    const r = await run(rel, tool, outDir);
    expect(r.report.verdict).toBe('pass');
    const [stage] = r.report.stages;
    expect(stage).toMatchObject({ requests: want.requests, error_rate: want.error_rate });
    expect(stage!.latency_ms.p95).toBe(want.p95);
    const summary = await readFile(path.join(out, outDir, 'summary.md'), 'utf8');
    expect(summary).not.toMatch(/NaN|undefined|null/);
    for (const c of want.companions ?? []) expect(existsSync(path.join(REALDATA, path.dirname(rel), c))).toBe(true);
    want.also?.(stage!, summary);
  });

  it.each(REFUSED)('%s: one clear line', async (rel, tool, message) => {
    const err = await run(rel, tool, 'refused').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(message);
  });

  it('every k6 and Locust file there is one of the cases above (or a companion a case reads)', () => {
    const covered = new Set([
      ...CASES.flatMap(([rel, , w]) => [rel, ...(w.companions ?? []).map((c) => path.join(path.dirname(rel), c))]),
      ...REFUSED.map(([rel]) => rel),
    ]);
    const all = ['k6-summary-export', 'k6-handle-summary', 'locust'].flatMap((d) => readdirSync(path.join(REALDATA, d)).map((f) => path.join(d, f)));
    expect(all.filter((f) => !covered.has(f))).toEqual([]);
  });
});
