/** report.html from hand-built reports: structure, escaping, degenerate data, no outside references. */
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareReports } from '../../src/core.js';
import { describe, expect, it } from 'vitest';
import { ninesLabel, percentileCurve, renderHtml } from '../../src/report/html.js';
import { renderSummary } from '../../src/report/markdown.js';
import { lineChart, niceScale } from '../../src/report/svg.js';
import { html } from '../../src/report/escape.js';
import { createHistogram, encodeHistogram, recordMs } from '../../src/metrics/histogram.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';
import type { Report, StageReport, StressOutcome } from '../../src/model/report.js';
import { report, stage, thresholdCheck } from '../helpers/reports.js';

/** An encoded histogram of n latencies spread from lo to hi ms (a long tail at the top). */
function histogramOf(n: number, lo: number, hi: number): string {
  const h = createHistogram();
  for (let i = 0; i < n; i++) recordMs(h, lo + (hi - lo) * (i / n) ** 6);
  return encodeHistogram(h);
}

function windows(n: number, f: (t: number) => Partial<TimelineWindow> = () => ({})): TimelineWindow[] {
  return Array.from({ length: n }, (_, t) => ({
    t,
    rps: 100,
    p50: 4,
    p90: 8,
    p95: 10,
    p99: 20,
    max: 40,
    mean: 5,
    requests: 100,
    errors: 0,
    active: 3,
    late_sends: 0,
    loop_lag_ms: 0,
    ...f(t),
  }));
}

const STRESS: StressOutcome = {
  unit: 'rps',
  from: 50,
  step: 50,
  every_s: 5,
  max: 300,
  until: ['p95 < 50ms', 'error_rate < 1%'],
  steps: [50, 100, 150, 200].map((level, index) => ({
    index,
    level,
    start_s: index * 5,
    duration_s: 5,
    requests: level * 5,
    errors: level === 200 ? 40 : 0,
    error_rate: level === 200 ? 0.04 : 0,
    rps: level,
    latency_ms: { p50: level / 10, p95: level === 200 ? 180 : level / 5, p99: level / 4 },
    passed: level < 200,
    ...(level === 200 && { broke: ['p95 < 50ms (was 180 ms)', 'error_rate < 1% (was 4.00%)'] }),
  })),
  breaking_point: 150,
  broke_at: 200,
  reached_max: false,
};

/** Everything the page can show: a baseline, checks, diagnoses, an abort, a spike, stress and soak. */
function fullReport(): { report: Report; baselineStages: StageReport[] } {
  const steady = stage({
    name: 'steady',
    histogram: histogramOf(20_000, 2, 120),
    timeline: windows(30, (t) => ({ p50: 4 + t / 10, p95: 10 + t / 3, p99: 20 + (t > 20 ? 30 : 0), errors: t > 20 ? 5 : 0, rps: 100 - (t > 20 ? 10 : 0) })),
    endpoints: [{ name: 'GET /items', requests: 1000, errors: 3, latency_ms: { p50: 4, p95: 10, p99: 20 } }],
    errors_by_kind: { timeout: 2, connect: 0, http_4xx: 0, http_5xx: 1, rate_limited: 5, check: 0, closed_abnormally: 0 },
    status_codes: { '200': 992, '429': 5, '500': 1 },
    aborted: { rule: 'error_rate > 50% for 2s', at_s: 27, reason: 'error_rate 61% for 2 s' },
    spike: { pre_p95_ms: 10, peak_p95_ms: 40, recovery_ms: null, start_s: 10, drop_s: 20 },
  });
  const stress = stage({ name: 'climb', kind: 'stress', histogram: histogramOf(3000, 1, 200), timeline: windows(20), stress: STRESS });
  const soak = stage({
    name: 'soak',
    kind: 'soak',
    histogram: histogramOf(5000, 1, 30),
    timeline: windows(60),
    soak: {
      drift: { first_p95: 10, last_p95: 14, delta_pct: 40 },
      memory: { url: 'http://127.0.0.1:9100/metrics', before_bytes: 50e6, after_bytes: 80e6, growth_pct: 60 },
    },
  });
  const r = report({
    verdict: 'fail',
    baseline: { source: 'branch perf-gate-data', started_at: '2024-12-31T12:00:00.000Z', target: 'http://127.0.0.1:3000', commit: 'abcdef1234567' },
    stages: [steady, stress, soak],
    checks: [
      thresholdCheck('steady', 'fail'),
      {
        stage: 'steady',
        metric: 'p95',
        kind: 'regression',
        baseline: 8,
        current: 10,
        delta_pct: 25,
        interval_pct: [20, 30],
        limit: '+15%',
        method: 'bootstrap',
        verdict: 'fail',
      },
      thresholdCheck('soak', 'pass'),
    ],
    diagnoses: [
      {
        id: 'rate-limited',
        stage: 'steady',
        severity: 'warn',
        title: 'The target rate-limited this run',
        evidence: ['5 of 8 errors were 429', 'Retry-After 1–2 s'],
        at_s: 21,
      },
      {
        id: 'saturation',
        stage: 'climb',
        severity: 'info',
        title: 'Latency grows with rate above 150 req/s',
        evidence: ['p95 30 ms at 150 req/s, 180 ms at 200 req/s'],
      },
    ],
  });
  return { report: r, baselineStages: [{ ...steady, histogram: histogramOf(20_000, 1, 60) }] };
}

/** Every attribute value that could load something: there must be none pointing outside. */
const references = (page: string): string[] =>
  [...page.matchAll(/\b(?:src|href|xlink:href|action|srcset|poster|data)\s*=\s*["']?([^"' >]*)/gi)].map((m) => m[1]!);

describe('renderHtml', () => {
  it('a full report: headline, diagnoses, checks, a section per stage with three timeline charts and the percentile curve, stress and soak', () => {
    const { report: r, baselineStages } = fullReport();
    const page = renderHtml(r, { baselineStages });
    if (process.env.PERF_GATE_HTML_SAMPLE) writeFileSync(process.env.PERF_GATE_HTML_SAMPLE, page);
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<title>perf-gate fail: examples/plan.yml</title>');
    expect(page).toContain('branch perf-gate-data, measured 2024-12-31 12:00 UTC on commit abcdef1');
    // Diagnoses, most important first, each with its evidence.
    expect(page).toMatch(/<section id="diagnoses">[\s\S]*rate-limited[\s\S]*5 of 8 errors were 429[\s\S]*saturation/);
    expect(page).toContain('class="diagnosis warn"');
    // Checks table: failures first.
    expect(page.indexOf('<section id="checks">')).toBeGreaterThan(0);
    expect(page).toContain('+25.0% [20.0, 30.0]');
    // Three stages; each has rps, latency and errors over time plus the curve; stress has its own chart.
    expect(page.match(/<section class="stage"/g)).toHaveLength(3);
    expect(page.match(/<svg class="chart"/g)).toHaveLength(3 * 4 + 1);
    expect(page).toContain('steady: latency p50 / p95 / p99 per second');
    expect(page.match(/data-series="p9[59]"/g)!.length).toBeGreaterThanOrEqual(6);
    // Markers on the time axis: the abort, the spike's ramp and drop, the diagnosis' moment.
    for (const label of ['aborted', 'spike ramp', 'spike drop', 'rate-limited']) expect(page).toContain(`>${label}</text>`);
    // Stress: steps table, breaking point and the conditions broken.
    expect(page).toContain('breaking point 150/s (broke at 200/s: p95 &lt; 50ms (was 180 ms)');
    expect(page).toContain('p95 &lt; 50ms (was 180 ms)');
    expect(page).toMatch(/>breaking point<\/text>/);
    // Soak: drift and memory.
    expect(page).toContain('first tenth 10.0 ms → last tenth 14.0 ms (+40.0%)');
    expect(page).toContain('50.0 MB before → 80.0 MB after (+60.0%)');
    // Tables: the stage's figures.
    expect(page).toContain('rate_limited 5');
    expect(page).toContain('200: 992, 429: 5, 500: 1');
    expect(page).toContain('GET /items');
  });

  it('a stage with stored history gets its p95 trend chart, this run last', () => {
    const { report: r } = fullReport();
    const history = {
      steady: [...Array.from({ length: 19 }, (_, i) => ({ label: `c0ffee${i}`.slice(0, 7), p95: 8 + (i % 3) })), { label: 'this run', p95: 10 }],
    };
    const page = renderHtml(r, { history });
    const figure = /<figure class="history">[\s\S]*?<\/figure>/.exec(page)![0];
    expect(figure).toContain('steady: p95 over the last 20 runs');
    expect(figure).toContain('>this run</text>');
    expect(figure.match(/class="tick"/g)!.length).toBeLessThanOrEqual(10);
    expect(page.match(/<figure class="history">/g)).toHaveLength(1);
    expect(renderHtml(r, { history: { steady: [{ label: 'this run', p95: 10 }] } })).not.toContain('class="history"');
  });

  it('is self-contained: no script, no stylesheet or image links, nothing pointing outside the document', () => {
    const { report: r, baselineStages } = fullReport();
    const page = renderHtml(r, { baselineStages });
    expect(page).not.toMatch(/<script|<link rel="stylesheet"|<img|<iframe|@import|url\(/i);
    expect(page).toContain("default-src 'none'");
    for (const ref of references(page)) expect(ref, ref).toMatch(/^(#|data:,$)/);
    // URLs appear only as text (the target, the soak's metrics URL), never as something to load.
    for (const m of page.matchAll(/https?:\/\//g)) {
      const before = page.slice(Math.max(0, m.index! - 40), m.index);
      expect(before, before).not.toMatch(/(src|href|action)\s*=\s*["']?$/i);
    }
  });

  it('the baseline curve is drawn only when the baseline stages are known', () => {
    const { report: r, baselineStages } = fullReport();
    const curve = (page: string): string[] => [...page.matchAll(/<figure class="percentiles">[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    const withBase = curve(renderHtml(r, { baselineStages }));
    expect(withBase).toHaveLength(3);
    expect(withBase[0]).toContain('data-series="baseline"');
    expect(withBase[0]).toContain('data-series="this run"');
    // Only 'steady' has a same-named baseline stage.
    expect(withBase[1]).not.toContain('data-series="baseline"');
    const without = curve(renderHtml(r));
    expect(without.every((f) => f.includes('data-series="this run"') && !f.includes('data-series="baseline"'))).toBe(true);
    // A/B: the base side's stages are the baseline, named "base".
    const ab = renderHtml({ ...r, ab: { base_target: 'http://127.0.0.1:3001', rounds: { steady: 4 }, base_stages: baselineStages } });
    expect(curve(ab)[0]).toContain('data-series="base"');
  });

  it('escapes a stage named <script> and every other name from a plan or a response', () => {
    const evil = '<script>alert(1)</script>';
    const r = report({
      plan: `"><img src=x onerror=alert(1)>.yml`,
      stages: [
        stage({
          name: evil,
          timeline: windows(3),
          histogram: histogramOf(100, 1, 5),
          endpoints: [{ name: `GET /a?b=<b>&c='d'`, requests: 1, errors: 0, latency_ms: { p50: 1, p95: 1, p99: 1 } }],
          error_samples: { '<iframe src=//evil>': 2 },
        }),
      ],
      checks: [thresholdCheck(evil, 'fail', { note: '<b>bold</b>' })],
      diagnoses: [{ id: '"><svg onload=alert(1)>', stage: evil, severity: 'warn', title: '<u>title</u>', evidence: ['<i>e</i>'], at_s: 1 }],
    });
    const page = renderHtml(r);
    expect(page).not.toContain('<script');
    expect(page).not.toMatch(/<(img|iframe|u|i)[\s>]/);
    expect(page).not.toContain('<b>bold</b>');
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<svg onload');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('GET /a?b=&lt;b&gt;&amp;c=&#39;d&#39;');
    expect(page).toContain('data-id="&quot;&gt;&lt;svg onload=alert(1)&gt;"');
    expect(html(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it.each([
    ['no timeline windows, no histogram (an imported report)', { timeline: [], histogram: '', requests: 0, rps: 0 }],
    ['one window', { timeline: windows(1), histogram: histogramOf(1, 3, 3) }],
    [
      'all zeros',
      { timeline: windows(5, () => ({ rps: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0, requests: 0, errors: 0 })), requests: 0, rps: 0, duration_s: 0 },
    ],
    [
      'null-ish percentiles and an unreadable histogram',
      { timeline: windows(4, () => ({ p95: null as unknown as number, p99: Number.NaN, rps: Number.POSITIVE_INFINITY })), histogram: 'not base64!' },
    ],
    ['a zero-length stage', { timeline: [], duration_s: 0, histogram: '' }],
  ] as Array<[string, Partial<StageReport>]>)('%s: renders without NaN or Infinity', (_, overrides) => {
    const s = stage({ name: 'edge', ...overrides });
    const stress: StressOutcome = { ...STRESS, steps: STRESS.steps.slice(0, 1).map((p) => ({ ...p, passed: false })), breaking_point: null, broke_at: 50 };
    const r = report({
      stages: [
        s,
        { ...s, name: 'edge-stress', kind: 'stress', stress },
        {
          ...s,
          name: 'edge-soak',
          soak: {
            drift: { first_p95: 0, last_p95: 0, delta_pct: null },
            memory: { url: 'http://x', before_bytes: null, after_bytes: null, growth_pct: null, error: 'connection refused' },
          },
        },
      ],
      imported: { tool: 'k6', file: 'summary.json' },
      diagnoses: [{ id: 'x', stage: 'edge', severity: 'info', title: 't', evidence: [], at_s: Number.NaN }],
    });
    const page = renderHtml(r, { baselineStages: [s] });
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
    expect(page).toContain('k6 results from summary.json');
    expect(page).toContain('no breaking point: the first step already broke (broke at 50/s');
    if (!overrides.histogram || overrides.histogram === 'not base64!') expect(page).toContain('No latency histogram in this report');
  });
});

describe('svg line chart', () => {
  it('ticks are round and cover the data; a flat or empty range still gets a span', () => {
    expect(niceScale(0, 87).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceScale(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale(0, 0.013).hi).toBeCloseTo(0.014);
    expect(niceScale(Number.NaN, Number.NaN).ticks.length).toBeGreaterThan(1);
  });

  it('breaks the line at a missing value, labels axes and legend, and says "no data" when there is none', () => {
    const svg = lineChart({
      title: 'gaps',
      x: { label: 'seconds' },
      y: { label: 'ms' },
      series: [
        {
          name: 'p95',
          color: '#000',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: null },
            { x: 2, y: 3 },
            { x: 3, y: 4 },
          ],
        },
      ],
    });
    expect(svg).toMatch(/d="M[\d.]+ [\d.]+ M[\d.]+ [\d.]+ L[\d.]+ [\d.]+"/);
    expect(svg).toContain('aria-label="gaps"');
    expect(svg).toContain('>seconds</text>');
    expect(svg).toContain('>p95</text>');
    const empty = lineChart({ title: 'empty', x: { label: 's' }, y: { label: 'ms' }, series: [{ name: 'a', color: '#000', points: [] }] });
    expect(empty).toContain('>no data</text>');
    expect(empty).not.toMatch(/NaN|Infinity/);
  });

  it('a long series is thinned to the max of each bucket: a one-point spike survives', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: i === 5_003 ? 999 : 1 }));
    const svg = lineChart({ title: 'soak', x: { label: 's' }, y: { label: 'ms' }, series: [{ name: 'p95', color: '#000', points }] });
    const d = /d="([^"]+)"/.exec(svg)![1]!;
    expect(d.split(' L').length).toBeLessThanOrEqual(800);
    expect(svg).toContain('to 999');
  });
});

describe('percentile curve', () => {
  it('x is the number of nines, as deep as the sample count resolves; labels read 0, 90, 99, 99.9', () => {
    expect([0, 1, 2, 3, 4].map(ninesLabel)).toEqual(['0', '90', '99', '99.9', '99.99']);
    const h = createHistogram();
    for (let i = 1; i <= 1000; i++) recordMs(h, i);
    const points = percentileCurve(h);
    expect(points[0]).toEqual({ x: 0, y: 1 });
    expect(points.at(-1)!.x).toBeCloseTo(3);
    const at = (x: number) => points.find((p) => Math.abs(p.x - x) < 1e-9)!.y!;
    expect(at(1)).toBeCloseTo(900, -1);
    expect(at(2)).toBeCloseTo(990, -1);
    expect(percentileCurve(createHistogram())).toEqual([]);
  });
});

describe('report.html beside report.json', () => {
  it("compare writes it, with the baseline file's curve under this run's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-html-compare-'));
    try {
      const withHist = (lo: number, hi: number) => report({}, { histogram: histogramOf(2000, lo, hi), timeline: windows(5) });
      await writeFile(path.join(dir, 'base.json'), JSON.stringify(withHist(1, 10)));
      await writeFile(path.join(dir, 'head.json'), JSON.stringify(withHist(2, 20)));
      const outcome = await compareReports({ baselineFile: 'base.json', currentFile: 'head.json', outDir: 'out', env: {}, cwd: dir });
      expect(outcome.htmlPath).toBe(path.join(dir, 'out', 'report.html'));
      const page = await readFile(outcome.htmlPath, 'utf8');
      expect(page).toContain('data-series="this run"');
      expect(page).toContain('data-series="baseline"');
      expect(page).toContain('base.json, measured');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('report.html and summary.md say the same of the same figures', () => {
  const cut = (steps: StressOutcome['steps'], breaking_point: number | null): StressOutcome => ({
    ...STRESS,
    steps,
    breaking_point,
    broke_at: null,
    reached_max: false,
  });
  it.each<[string, StressOutcome, string, string]>([
    ['a stress stage cut before its first step ended', cut([], null), 'no breaking point: no step ran to its end', 'no breaking point: no step ran to its end'],
    [
      'a stress stage cut after two steps passed',
      cut(STRESS.steps.slice(0, 2), 100),
      '<b>breaking point 100/s (stopped before a step broke)</b>',
      'breaking point **100/s** (stopped before a step broke)',
    ],
  ])('%s: neither "broke at null" nor "the first step already broke"', (_name, stress, inHtml, inSummary) => {
    const r = report({ stages: [stage({ name: 'cap', kind: 'stress', stress })] });
    const page = renderHtml(r);
    const summary = renderSummary(r);
    expect(page).toContain(inHtml);
    expect(summary).toContain(inSummary);
    for (const text of [page, summary]) {
      expect(text).not.toMatch(/broke at (null|—)/);
      expect(text).not.toContain('already broke');
    }
  });

  it('an imported endpoint without a failure count shows "—" for its errors, not "null"', () => {
    const s = stage({ name: 'k6', endpoints: [{ name: 'login', requests: 400, errors: null, latency_ms: { p50: 10, p95: 20, p99: 30 } }] as never });
    const page = renderHtml(report({ stages: [s] }));
    expect(page).toMatch(/<td[^>]*>login<\/td><td[^>]*>400<\/td><td[^>]*>—<\/td>/);
    expect(page).not.toContain('>null<');
  });

  it('soak memory is in MB (10⁶ bytes) in both', () => {
    const soak = {
      drift: { first_p95: 10, last_p95: 11, delta_pct: 10 },
      memory: { url: 'http://h/metrics', before_bytes: 100 * 2 ** 20, after_bytes: 110 * 2 ** 20, growth_pct: 10 },
    };
    const r = report({ stages: [stage({ name: 'night', kind: 'soak', soak })] });
    expect(renderHtml(r)).toContain('104.9 MB before → 115.3 MB after');
    expect(renderSummary(r)).toContain('resident memory 104.9 MB → 115.3 MB');
    expect(renderHtml(r)).not.toContain('MiB');
  });

  it('a soak of 40 hours (144 000 windows, more than a call takes arguments) renders', () => {
    const s = stage({ name: 'long', kind: 'soak', duration_s: 100, timeline: windows(144_000) });
    expect(() => renderHtml(report({ stages: [s] }))).not.toThrow();
  });
});

describe("report.html: the app's cost", () => {
  it("a cost column, the app's facts, and CPU-per-second and memory charts", async () => {
    const { report: build, SPEC_STAGE: spec } = await import('../helpers/reports.js');
    const timeline = [0, 1, 2, 3].map((t) => ({
      t,
      rps: 50,
      p50: 2,
      p90: 3,
      p95: 4,
      p99: 5,
      max: 6,
      mean: 2.5,
      requests: 50,
      errors: 0,
      active: 1,
      late_sends: 0,
      loop_lag_ms: 0,
      cpu_ms: 110 + t,
      rss_mb: 45 + t,
    }));
    const r = build(
      {},
      {
        ...spec,
        timeline,
        resources: {
          source: 'cgroup /sys/fs/cgroup/app',
          cpu_ms_per_request: 2.27,
          cpu_pct: 11.4,
          rss_mb_peak: 52.3,
          rss_mb_start: 45.3,
          rss_mb_end: 50.6,
          samples: 7,
        },
      },
    );
    const page = renderHtml(r);
    expect(page).toContain('<th class="num">cost</th>');
    expect(page).toContain('2.27 ms CPU · 52.3 MB peak');
    expect(page).toContain(
      'CPU per request 2.27 ms; 11.4% of a core; peak memory 52.3 MB (45.3 MB at the start, 50.6 MB at the end); from cgroup /sys/fs/cgroup/app',
    );
    expect(page).toContain(html("load: the app's CPU per second"));
    expect(page).toContain(html("load: the app's memory"));
    expect(renderHtml(build())).not.toContain('>cost</th>');
  });
});
