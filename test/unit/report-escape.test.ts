import { describe, expect, it } from 'vitest';
import { renderComment, renderSummary } from '../../src/report/markdown.js';
import { md, code } from '../../src/report/escape.js';
import { downsample, historyChart, timelineCharts, xyChart } from '../../src/report/charts.js';
import { report, stage } from '../helpers/reports.js';
import type { TimelineWindow } from '../../src/metrics/timeline.js';

const HOSTILE = '</details><img src=x onerror=alert(1)> | @octocat *bold* [link](http://x) `tick`';

const windows = (n: number, p95: (t: number) => number): TimelineWindow[] =>
  Array.from({ length: n }, (_, t) => ({
    t,
    rps: 100 + t,
    p50: 1,
    p90: 2,
    p95: p95(t),
    p99: 4,
    max: 5,
    mean: 1,
    requests: 100,
    errors: 0,
    active: 1,
    late_sends: 0,
    loop_lag_ms: 0,
  }));

describe('names from plans and responses cannot inject markup', () => {
  it('md() escapes HTML, table pipes, emphasis, links, mentions and newlines', () => {
    const out = md(HOSTILE + '\nsecond line');
    expect(out).not.toMatch(/<|>/);
    expect(out).not.toContain('|');
    expect(out).toContain('&lt;/details&gt;&lt;img');
    expect(out).toContain('\\*bold\\*');
    expect(out).toContain('\\[link\\]');
    expect(out).toContain('@\u200boctocat');
    expect(out).not.toContain('\n');
    expect(code('a`b')).toBe("`a'b`");
  });

  it('a hostile stage, endpoint and error message stay text in the summary and the comment', () => {
    const s = stage({
      name: HOSTILE,
      endpoints: [{ name: HOSTILE, requests: 1, errors: 1, latency_ms: { p50: 1, p95: 1, p99: 1 } }],
      error_samples: { [HOSTILE]: 3 },
      timeline: windows(3, () => 2),
    });
    const r = report({
      stages: [s],
      checks: [{ stage: HOSTILE, metric: 'p95', kind: 'threshold', current: 1, limit: '< 5ms', method: 'absolute', verdict: 'pass' }],
    });
    for (const text of [renderSummary(r), renderComment(r)]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('</details><img');
      expect(text).not.toMatch(/@octocat/);
      // Every table row keeps its column count: the pipe in the name did not add cells.
      for (const row of text.split('\n').filter((l) => l.startsWith('| ') && l.includes('&lt;/details'))) {
        const header = text.split('\n').find((l) => l.startsWith('| |') || l.startsWith('| endpoint'))!;
        expect(row.split(' | ').length).toBeLessThanOrEqual(header.split(' | ').length);
      }
    }
  });
});

describe('charts', () => {
  it('a Mermaid xychart with labels and values', () => {
    const chart = xyChart({ title: 'p95 "quoted"', yLabel: 'ms', labels: ['0s', '1s'], values: [1.234, 5], kind: 'line' });
    expect(chart).toBe(
      ['```mermaid', 'xychart-beta', `  title "p95 'quoted'"`, '  x-axis ["0s", "1s"]', '  y-axis "ms"', '  line [1.23, 5]', '```'].join('\n'),
    );
  });

  it('downsampling keeps at most 60 points and never hides a spike', () => {
    const values = Array.from({ length: 600 }, (_, i) => (i === 431 ? 900 : 1));
    const d = downsample(
      values.map((_, i) => `${i}s`),
      values,
    );
    expect(d.values.length).toBeLessThanOrEqual(60);
    expect(Math.max(...d.values)).toBe(900);
  });

  it('the summary carries the p95 and rps timeline charts across stages, and a history chart when given', () => {
    const r = report({
      stages: [stage({ name: 'a', duration_s: 3, timeline: windows(3, (t) => t + 1) }), stage({ name: 'b', duration_s: 2, timeline: windows(2, () => 9) })],
    });
    const charts = timelineCharts(r);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('x-axis ["0s", "1s", "2s", "3s", "4s"]');
    expect(charts[0]).toContain('line [1, 2, 3, 9, 9]');
    expect(charts[1]).toContain('bar [100, 101, 102, 100, 101]');
    const summary = renderSummary(r, {
      history: {
        a: [
          { label: 'abc1234', p95: 3 },
          { label: 'def5678', p95: 4 },
        ],
      },
    });
    expect(summary).toContain('xychart-beta');
    expect(summary).toContain('a: p95 over the last 2 runs');
    expect(historyChart('a', [{ label: 'x', p95: 1 }])).toBe(''); // one point is no trend
  });

  it('the comment is the short form: no charts, no endpoint details, failing checks and the run link', () => {
    const r = report({
      stages: [stage({ timeline: windows(3, () => 2) })],
      checks: [
        {
          stage: 'load',
          metric: 'p95',
          kind: 'regression',
          baseline: 2,
          current: 4,
          delta_pct: 100,
          limit: '+15%',
          interval_pct: [90, 110],
          method: 'bootstrap-windows',
          verdict: 'fail',
        },
        { stage: 'load', metric: 'error_rate', kind: 'threshold', current: 0, limit: '< 1%', method: 'absolute', verdict: 'pass' },
      ],
    });
    const comment = renderComment(r, { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(comment).not.toContain('mermaid');
    expect(comment).not.toContain('Endpoints and errors');
    expect(comment).toContain('`p95 +15% vs baseline`');
    expect(comment).not.toContain('`error_rate < 1%`');
    expect(comment).toContain('[the job summary](https://github.com/o/r/actions/runs/1)');
    expect(comment.length).toBeLessThan(renderSummary(r).length);
  });
});

describe('published URLs and handed-off bodies', () => {
  it('displayUrl drops credentials, query and fragment', async () => {
    const { displayUrl } = await import('../../src/report/build.js');
    expect(displayUrl('https://user:s3cret@api.example.com:8443/v1?key=abc#x')).toBe('https://api.example.com:8443/v1');
    expect(displayUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(displayUrl('not a url')).toBe('(unparseable URL)');
  });

  it('a fork-written comment body cannot ping people or cross-link issues', async () => {
    const { neutralize } = await import('../../src/github/post-hand-off.js');
    const out = neutralize('cc @octocat @org/team, see #12 and acme/shop#3; email a@b is fine');
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
    expect(out).not.toMatch(/#\d/);
    expect(out).toContain('@\u200boctocat');
  });
});
