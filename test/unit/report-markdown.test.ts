import { describe, it, expect } from 'vitest';
import { renderConsole } from '../../src/report/console.js';
import { renderComment, renderSummary, stageNotes } from '../../src/report/markdown.js';
import type { Check, Report, StageReport } from '../../src/model/report.js';
import { report, SPEC_STAGE, stage as plainStage } from '../helpers/reports.js';
const stage = (o: Parameters<typeof plainStage>[0] = {}) => plainStage({ ...SPEC_STAGE, ...o });

const p95Regression = (delta: number | null, verdict: Check['verdict'] = 'fail'): Check => ({
  stage: 'load',
  metric: 'p95',
  kind: 'regression',
  baseline: 3.5,
  current: 5.6,
  delta_pct: delta,
  limit: '+15%',
  interval_pct: [55.2, 64.9],
  method: 'bootstrap-windows',
  significant: true,
  verdict,
});

const rowOf = (md: string, name: string): string => md.split('\n').find((l) => l.includes(`| ${name} (`))!;

describe('renderSummary', () => {
  it.each<[Report['verdict'], string]>([
    ['pass', '## ✅ perf-gate: pass'],
    ['warn', '## ⚠️ perf-gate: warn'],
    ['fail', '## ❌ perf-gate: fail'],
  ])('verdict %s → headline %j', (verdict, headline) => {
    expect(renderSummary(report({ verdict })).split('\n')[0]).toBe(headline);
  });

  it('names the plan, target, duration and runner', () => {
    expect(renderSummary(report())).toContain('Plan `examples/plan.yml` against `http://127.0.0.1:3000`, 95.2 s, 2 × Test CPU.');
  });

  it('a run judged by band rules against past runs alone says so, never thresholds only', () => {
    const band: Check = {
      stage: 'load',
      metric: 'p95',
      kind: 'regression',
      current: 3.9,
      baseline: 3.8,
      limit: '+3σ',
      method: 'history-band',
      verdict: 'pass',
      band: { n: 5, median: 3.8, sigma: 0.1, lo: 3.5, hi: 4.1 },
    };
    const r = report({ baseline: null, checks: [band], history: { source: 'folder runs', runs: 5, left_out: { failed: 2, cancelled: 1 } } });
    const md = renderSummary(r);
    expect(md).toContain(
      'No baseline: the absolute thresholds, and band rules against the median of 5 past runs read from folder runs (left out: 2 failed, 1 cancelled).',
    );
    expect(md).not.toContain('only the absolute thresholds');
    expect(md).toContain('`p95 +3σ vs median of 5 past runs`');
    expect(renderConsole(r)).toContain('verdict: PASS (no baseline: thresholds and band rules against 5 past runs)');
    // Past runs read, but too few for a band: thresholds only, and the history is still accounted for.
    const young = renderSummary(report({ baseline: null, history: { source: 'folder runs', runs: 2 } }));
    expect(young).toContain('No baseline to compare against: only the absolute thresholds were applied (history: 2 past runs read from folder runs).');
  });

  it('says "No baseline" when there is none', () => {
    const md = renderSummary(report({ baseline: null }));
    expect(md).toContain('No baseline to compare against: only the absolute thresholds were applied.');
    expect(md).not.toContain('Compared with the baseline');
    expect(renderSummary(report({ baseline: undefined }))).toContain('No baseline to compare against');
  });

  it('a cancelled run says its results are partial', () => {
    const partial = '⚠️ **The run was cancelled**: the results below are partial.';
    expect(renderSummary(report({ cancelled: true }))).toContain(partial);
    expect(renderSummary(report({ cancelled: false }))).not.toContain('cancelled');
  });

  it('names the baseline when there is one', () => {
    const md = renderSummary(report({ baseline: { source: 'perf-baseline.json', started_at: '2024-12-31T00:00:00.000Z', target: 'x' } }));
    expect(md).toContain('Compared with the baseline from 2024-12-31 00:00 UTC (perf-baseline.json).');
    expect(md).not.toContain('No baseline');
  });

  it('has one row per stage with requests, rps, error rate and p50/p95/p99', () => {
    const md = renderSummary(
      report({
        stages: [
          stage(),
          stage({
            name: 'spike',
            kind: 'spike',
            requests: 40,
            rps: 20,
            errors: 0,
            error_rate: 0,
            latency_ms: { min: 1, mean: 2, p50: 12.34, p90: 100, p95: 150.4, p99: 1234, p999: 2000, max: 3000 },
          }),
        ],
      }),
    );
    expect(md).toContain('| | stage | requests | rps | errors | p50 | p95 | p99 |');
    expect(rowOf(md, 'load')).toBe('| ✅ | load (load) | 12000 | 199.8 | 0.025% | 1.80 ms | 3.90 ms | 9.70 ms |');
    expect(rowOf(md, 'spike')).toBe('| ✅ | spike (spike) | 40 | 20.0 | 0.00% | 12.3 ms | 150 ms | 1.23 s |');
    expect(md.split('\n').filter((l) => /^\| (✅|⚠️|❌) \| \w+ \(/.test(l))).toHaveLength(2);
  });

  it.each<[number, string]>([
    [60, '5.60 ms (+60.0% vs 3.50 ms)'],
    [11.44, '5.60 ms (+11.4% vs 3.50 ms)'],
    [0, '5.60 ms (+0.0% vs 3.50 ms)'],
    [-12.5, '5.60 ms (-12.5% vs 3.50 ms)'],
  ])('a p95 regression check of %d %% shows the delta in the stage row', (delta, cell) => {
    const s = stage({ latency_ms: { ...stage().latency_ms, p95: 5.6 } });
    const md = renderSummary(report({ stages: [s], checks: [p95Regression(delta)] }));
    expect(rowOf(md, 'load')).toContain(`| ${cell} |`);
    // only p95 has a check: p50 and p99 stay bare
    expect(rowOf(md, 'load')).toContain('| 1.80 ms | ');
    expect(rowOf(md, 'load')).toMatch(/\| 9\.70 ms \|$/);
  });

  it('no delta in the row when the check has none (baseline 0) or is a threshold', () => {
    const s = stage({ latency_ms: { ...stage().latency_ms, p95: 5.6 } });
    const threshold: Check = { stage: 'load', metric: 'p95', kind: 'threshold', current: 5.6, limit: '< 200ms', method: 'absolute', verdict: 'pass' };
    for (const checks of [[p95Regression(null)], [threshold]]) {
      expect(rowOf(renderSummary(report({ stages: [s], checks })), 'load')).toContain('| 5.60 ms |');
    }
  });

  it('the stage icon is the worst of its checks, and warns when saturated or dropping', () => {
    const checks: Check[] = [p95Regression(60, 'fail'), { ...p95Regression(1, 'pass'), stage: 'other' }];
    const md = renderSummary(
      report({
        stages: [stage(), stage({ name: 'other' }), stage({ name: 'dropper', dropped: 5 }), stage({ name: 'hot', generator_saturated: true })],
        checks,
      }),
    );
    expect(rowOf(md, 'load').startsWith('| ❌ |')).toBe(true);
    expect(rowOf(md, 'other').startsWith('| ✅ |')).toBe(true);
    expect(rowOf(md, 'dropper').startsWith('| ⚠️ |')).toBe(true);
    expect(rowOf(md, 'hot').startsWith('| ⚠️ |')).toBe(true);
  });

  it('lists every check with rule, baseline, current, change and interval', () => {
    const md = renderSummary(
      report({
        checks: [
          p95Regression(60),
          { stage: 'load', metric: 'error_rate', kind: 'threshold', current: 0.00025, limit: '< 1%', method: 'absolute', verdict: 'pass' },
          {
            stage: 'load',
            metric: 'error_rate',
            kind: 'regression',
            baseline: 0,
            current: 0.03,
            delta_pct: null,
            delta_pp: 3,
            limit: '+0.5pp',
            interval_pp: [1.943, 4.057],
            method: 'two-proportion',
            significant: true,
            verdict: 'fail',
          },
        ],
      }),
    );
    expect(md).toContain('<details open><summary>Checks</summary>');
    expect(md).toContain('| ❌ | load | p95 | `p95 +15% vs baseline` | 3.50 ms | 5.60 ms | +60.0% [55.2, 64.9] | bootstrap-windows |');
    expect(md).toContain('| ✅ | load | error_rate | `error_rate < 1%` | — | 0.025% |  | absolute |');
    expect(md).toContain('| ❌ | load | error_rate | `error_rate +0.5pp vs baseline` | 0.00% | 3.00% | +3.00pp [1.94, 4.06] | two-proportion |');
  });

  it('no checks → no checks table', () => {
    expect(renderSummary(report())).not.toContain('<summary>Checks</summary>');
  });

  it('a check note is shown after its method', () => {
    const md = renderSummary(report({ checks: [{ ...p95Regression(60, 'warn'), note: 'not trusted' }] }));
    expect(md).toContain('| bootstrap-windows (not trusted) |');
  });
});

describe('stageNotes', () => {
  it.each<[string, Partial<StageReport>, string]>([
    [
      'saturated',
      {
        generator_saturated: true,
        generator: { late_sends: 9, dropped: 0, loop_lag_p99_ms: 80, loop_lag_max_ms: 90, saturated: true, reason: 'event-loop lag p99 80 ms' },
      },
      "⚠️ **load**: the load generator was saturated (event-loop lag p99 80 ms); this stage's numbers describe the generator, not the target, and cannot fail the gate.",
    ],
    ['dropped', { dropped: 17 }, '⚠️ **load**: 17 scheduled requests were dropped because max_in_flight'],
    [
      'spike recovered',
      { spike: { pre_p95_ms: 2, peak_p95_ms: 150, recovery_ms: 4_000 } },
      '**load**: pre-spike p95 2.00 ms, peak p95 150 ms, recovered in 4 s.',
    ],
    [
      'spike never recovered',
      { spike: { pre_p95_ms: 2, peak_p95_ms: 150, recovery_ms: null } },
      '**load**: pre-spike p95 2.00 ms, peak p95 150 ms, never recovered.',
    ],
    [
      'bursts',
      {
        cycles: [
          { cycle: 0, duration_ms: 45.5, successes: 200, errors: 0 },
          { cycle: 1, duration_ms: 1500, successes: 190, errors: 10 },
        ],
      },
      '**load**: burst cycles 45.5 ms (200 ok), 1.50 s (190 ok, 10 failed).',
    ],
    [
      'errors by kind',
      { errors_by_kind: { timeout: 1, connect: 0, http_4xx: 0, http_5xx: 2, rate_limited: 4, check: 0, closed_abnormally: 0 }, retry_after_seen: 4 },
      '**load** errors: timeout 1, http_5xx 2, rate_limited 4 (Retry-After sent 4×).',
    ],
  ])('%s', (_name, overrides, text) => {
    const notes = stageNotes(report({ stages: [stage(overrides)] }));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(text);
    expect(renderSummary(report({ stages: [stage(overrides)] }))).toContain(`- ${notes[0]}`);
  });

  it('a healthy stage has no notes', () => {
    expect(stageNotes(report())).toEqual([]);
  });
});

describe('What this run says (diagnoses)', () => {
  const finding = (i: number, severity: 'warn' | 'info' = 'warn') => ({
    id: 'saturation',
    stage: `stage-${i}`,
    severity,
    title: `Finding ${i}: p95 bends at 50 req/s.`,
    evidence: [`low load: p95 10 ms (${i})`, 'error: <script>|x'],
    at_s: i,
  });

  it('the summary lists every finding with its evidence, escaped', () => {
    const text = renderSummary(report({ diagnoses: [finding(1), finding(2, 'info')] }));
    const at = text.split('\n').indexOf('### What this run says');
    expect(at).toBeGreaterThan(0);
    expect(text.split('\n').slice(at, at + 8)).toEqual([
      '### What this run says',
      '',
      '- ⚠️ **stage-1**: Finding 1: p95 bends at 50 req/s.',
      '  - low load: p95 10 ms (1)',
      '  - error: &lt;script&gt;&#124;x',
      '- ℹ️ **stage-2**: Finding 2: p95 bends at 50 req/s.',
      '  - low load: p95 10 ms (2)',
      '  - error: &lt;script&gt;&#124;x',
    ]);
  });

  it('the comment names the first three, without evidence, and points to the rest', () => {
    const text = renderComment(report({ diagnoses: [1, 2, 3, 4, 5].map((i) => finding(i)) }));
    const lines = text.split('\n');
    const at = lines.indexOf('**What this run says**');
    expect(lines.slice(at, at + 6)).toEqual([
      '**What this run says**',
      '',
      '- ⚠️ **stage-1**: Finding 1: p95 bends at 50 req/s.',
      '- ⚠️ **stage-2**: Finding 2: p95 bends at 50 req/s.',
      '- ⚠️ **stage-3**: Finding 3: p95 bends at 50 req/s.',
      '- and 2 more, with their figures, in the job summary.',
    ]);
    expect(text).not.toContain('low load');
  });

  it.each([
    ['none', []],
    ['absent', undefined],
  ])('no section when there are %s', (_name, diagnoses) => {
    expect(renderSummary(report({ diagnoses }))).not.toContain('What this run says');
    expect(renderComment(report({ diagnoses }))).not.toContain('What this run says');
  });
});

describe('the cost column (what the app spent)', () => {
  const resources = {
    source: 'process group 42 (target.start)',
    cpu_ms_per_request: 3.36,
    cpu_pct: 16.8,
    rss_mb_peak: 51.6,
    rss_mb_start: 45.3,
    rss_mb_end: 50.5,
    cpu_ms: 1008,
    samples: 7,
  };
  const cpuCheck: Check = {
    stage: 'load',
    metric: 'cpu_per_request',
    kind: 'regression',
    baseline: 2.27,
    current: 3.36,
    delta_pct: 48.3,
    limit: '+20%',
    interval_pct: [44.1, 52.7],
    method: 'bootstrap-windows(ratio)',
    significant: true,
    verdict: 'fail',
  };
  it('summary and comment: CPU per request with its change, and peak memory', () => {
    const r = report({ checks: [cpuCheck] }, { ...SPEC_STAGE, resources });
    for (const text of [renderSummary(r), renderComment(r)]) {
      expect(text).toContain('| p99 | cost (CPU/request · peak memory) |');
      expect(rowOf(text, 'load')).toMatch(/\| 3\.36 ms CPU \(\+48\.3% vs 2\.27 ms\) · 51\.6 MB peak \|$/);
    }
    expect(stageNotes(r)).toContain('**load** app (process group 42 (target.start)): 16.8% of a core, 1008 ms CPU in all, memory 45.3 MB → 50.5 MB.');
  });
  it('no column without a resource source; an unreadable source shows — and says why', () => {
    expect(renderSummary(report())).not.toContain('cost');
    const r = report(
      {},
      {
        ...SPEC_STAGE,
        resources: {
          source: 'pid_file app.pid',
          cpu_ms_per_request: null,
          cpu_pct: null,
          rss_mb_peak: null,
          samples: 0,
          error: 'cannot read the pid file app.pid',
        },
      },
    );
    expect(rowOf(renderSummary(r), 'load')).toMatch(/\| — CPU · — peak \|$/);
    expect(stageNotes(r)).toContain(
      '⚠️ **load**: what the app spent could not be read (pid_file app.pid: cannot read the pid file app.pid); rules on cpu_per_request and rss_peak warn, never fail.',
    );
  });
});
