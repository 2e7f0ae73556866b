/**
 * report.html: the whole report as one self-contained page (inline CSS and SVG, no script, no
 * fetch, a CSP that forbids any), so it opens offline from a downloaded artifact. Pure: report in,
 * markup out. Every string from a plan, a response or a file goes through `html()`.
 */
import { sessionLine } from '../gate/flows.js';
import type { Check, Diagnosis, Report, StageReport, StressOutcome, SoakOutcome, Verdict } from '../model/report.js';
import { bySeverity, comparedWith, fmtBytes, fmtChange, fmtCount, fmtMetric, fmtMs, fmtPct, fmtTime, historyPhrase, withoutBaseline } from '../model/format.js';
import { stressFinding } from './stage-outcomes.js';
import { html } from './escape.js';
import { costCells, metricCell, stageVerdict, type SummaryExtras } from './markdown.js';
import type { HistoryPoint } from './charts.js';
import { lineChart, type LineSeries, type Marker, type Point, type Tick } from './svg.js';
import { decodeHistogram, type Histogram } from '../metrics/histogram.js';

const COLOR = {
  cpu: '#bc4c00',
  memory: '#0a3069',
  rps: '#1f6feb',
  p50: '#2da44e',
  p95: '#d4a72c',
  p99: '#cf222e',
  errors: '#cf222e',
  current: '#1f6feb',
  baseline: '#6e7781',
  rate: '#8250df',
};

/** The percentile curve goes this many nines deep at most (99.999th). */
const MAX_NINES = 5;
const NINES_STEP = 0.05;

export function renderHtml(report: Report, extras: SummaryExtras = {}): string {
  const title = `perf-gate ${report.verdict}: ${report.plan}`;
  const baseStages = extras.baselineStages ?? report.ab?.base_stages;
  const baseName = report.ab ? 'base' : 'baseline';
  const body = [
    headline(report),
    diagnosesSection(report.diagnoses ?? []),
    stageOverview(report),
    checksSection(report),
    ...report.stages.map((s, i) =>
      stageSection(
        report,
        s,
        i,
        baseStages?.find((b) => b.name === s.name),
        baseName,
        extras.history?.[s.name],
      ),
    ),
    `<footer>perf-gate ${html(report.version)} · report schema ${report.schema} · generated from report.json</footer>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load: the page is the whole report (an artifact opened offline must look the same).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Without an icon of its own the browser would ask the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${html(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body class="verdict-${report.verdict}">`,
    '<main>',
    ...body.filter(Boolean),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A coloured word, not an emoji: a browser without an emoji font would draw empty boxes. */
const tag = (v: Verdict | 'info'): string => `<span class="tag ${v}">${v}</span>`;

const VERDICT_TEXT = { pass: 'passed', warn: 'passed with warnings', fail: 'failed' } as const;

function headline(r: Report): string {
  const facts: Array<[string, string]> = [
    ['plan', `<code>${html(r.plan)}</code>`],
    ['target', `<code>${html(r.target)}</code>`],
    ['started', `${html(fmtTime(r.started_at))}, ${html(String(r.duration_s))} s`],
    ['runner', html(`${r.runner.cores} × ${r.runner.cpu}, ${r.runner.os} ${r.runner.arch}, Node ${r.runner.node}`)],
  ];
  if (r.imported) facts.push(['imported', html(`${r.imported.tool} results from ${r.imported.file}`)]);
  if (r.ab) {
    const rounds = Object.entries(r.ab.rounds)
      .map(([n, k]) => `${n} ${k}`)
      .join(', ');
    facts.push(['A/B base', html(`${r.ab.base_target}${r.ab.base_commit ? ` (commit ${r.ab.base_commit.slice(0, 7)})` : ''}, alternating rounds (${rounds})`)]);
    if (r.ab.head_commit) facts.push(['A/B head', html(`${r.target} (commit ${r.ab.head_commit.slice(0, 7)})`)]);
  } else if (r.baseline) {
    const b = r.baseline;
    const commit = b.commit ? ` on commit ${b.commit.slice(0, 7)}` : '';
    facts.push([
      'baseline',
      `${html(`${b.source}, measured ${fmtTime(b.started_at)}${commit}`)}${b.explanation ? `<br><span class="muted">${html(b.explanation)}</span>` : ''}`,
    ]);
  } else {
    facts.push(['baseline', html(withoutBaseline(r))]);
  }
  if (r.history && (r.baseline || r.ab)) facts.push(['history', html(historyPhrase(r.history))]);
  if (r.shard) facts.push(['shard', html(`${r.shard.index}/${r.shard.count} of the plan's load (not gated; merge gates the whole)`)]);
  if (r.merged_from) facts.push(['merged', html(`from ${r.merged_from.length} shard reports`)]);
  const alerts: string[] = [];
  if (r.cancelled) alerts.push('<p class="alert warn">The run was cancelled: the results below are partial.</p>');
  for (const s of r.stages.filter((st) => st.aborted)) {
    const a = s.aborted!;
    alerts.push(
      `<p class="alert fail">Stage <b>${html(s.name)}</b> was aborted ${a.at_s.toFixed(1)} s in by ${html(a.rule === 'target_down' ? 'the default target_down rule' : `abort_when ${a.rule}`)}: ${html(a.reason)}. Its results are partial; later stages were skipped.</p>`,
    );
  }
  if (r.accepted)
    alerts.push(
      `<p class="alert warn">Regressions accepted (${html(r.accepted.reason)}): ${r.accepted.checks} failed regression check(s) reported as warnings.</p>`,
    );
  return [
    '<header>',
    `<h1><span class="badge ${r.verdict}">${r.verdict}</span> perf-gate: the run ${VERDICT_TEXT[r.verdict]}</h1>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    ...alerts,
    '</header>',
  ].join('\n');
}

function diagnosesSection(ds: Diagnosis[]): string {
  if (ds.length === 0) return '';
  const items = ds.map((d) => {
    const at = d.at_s !== undefined && Number.isFinite(d.at_s) ? `, ${d.at_s.toFixed(1)} s in` : '';
    const evidence = d.evidence.map((e) => `<li>${html(e)}</li>`).join('');
    return `<li class="diagnosis ${d.severity}" data-id="${html(d.id)}"><p>${tag(d.severity)} <b>${html(d.title)}</b> <span class="muted">(${html(d.stage)}${at})</span></p><ul class="evidence">${evidence}</ul></li>`;
  });
  return `<section id="diagnoses"><h2>What this run says</h2><ul class="diagnoses">${items.join('')}</ul></section>`;
}

/** One row per stage, with changes against the baseline where a regression rule compared them. */
function stageOverview(r: Report): string {
  const cost = r.stages.some((s) => s.resources);
  const rows = r.stages.map((s, i) => {
    const cells = (['p50', 'p95', 'p99'] as const).map((m) => metricCell(r, s, m, fmtMs(s.latency_ms[m])));
    return tr([
      tag(stageVerdict(r, s)),
      `<a href="#stage-${i}">${html(s.name)}</a> <span class="muted">(${html(s.kind)}${s.protocol === 'ws' ? ', ws' : ''})</span>`,
      String(s.requests),
      withDelta(metricCell(r, s, 'rps', s.rps.toFixed(1))),
      withDelta(metricCell(r, s, 'error_rate', fmtPct(s.error_rate))),
      ...cells.map(withDelta),
      ...(cost ? [costCell(r, s)] : []),
    ]);
  });
  // The cost column only where the app's figures were read (target.start or target.process).
  return `<section><h2>Stages</h2>${table(['', 'stage', 'requests', 'rps', 'errors', 'p50', 'p95', 'p99', ...(cost ? ['cost'] : [])], rows, `llrrrrrr${cost ? 'r' : ''}`)}</section>`;
}

/** "3.28 ms CPU · 51.6 MB peak", each change on a line of its own under both ("CPU +42.9% vs 2.29 ms"). */
function costCell(r: Report, s: StageReport): string {
  const parts = costCells(r, s).map((cell) => {
    const at = cell.indexOf(' (');
    return at < 0 ? { value: cell, change: '' } : { value: cell.slice(0, at), change: cell.slice(at + 2, -1) };
  });
  const changes = parts.filter((p) => p.change).map((p) => `<span class="delta">${html(`${p.value.endsWith('peak') ? 'peak' : 'CPU'} ${p.change}`)}</span>`);
  return `${html(parts.map((p) => p.value).join(' · '))}${changes.join('')}`;
}

/** "10.1 ms (+46.1% vs 6.92 ms)": the change on a line of its own under the value, so the columns stay narrow. */
function withDelta(cell: string): string {
  const at = cell.indexOf(' (');
  return at < 0 ? html(cell) : `${html(cell.slice(0, at))}<span class="delta">${html(cell.slice(at + 1))}</span>`;
}

function checksSection(r: Report): string {
  if (r.checks.length === 0) return '';
  const rows = bySeverity(r.checks).map((c: Check) => {
    const rule = c.kind !== 'regression' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} ${comparedWith(r, c)}`;
    return tr(
      [
        tag(c.verdict),
        html(c.stage),
        html(c.metric),
        `<code>${html(rule)}</code>`,
        html(fmtMetric(c.metric, c.baseline)),
        html(fmtMetric(c.metric, c.current)),
        c.kind === 'regression' ? html(fmtChange(c)) : '',
        html(c.method + (c.note ? ` (${c.note})` : '')),
      ],
      `check ${c.verdict}`,
    );
  });
  return `<section id="checks"><h2>Checks</h2>${table(['', 'stage', 'metric', 'rule', 'baseline', 'current', 'change [95% interval]', 'method'], rows, 'llllrrrl')}</section>`;
}

function stageSection(r: Report, s: StageReport, i: number, base: StageReport | undefined, baseName: string, history: HistoryPoint[] | undefined): string {
  const markers = stageMarkers(r, s);
  return [
    `<section class="stage" id="stage-${i}">`,
    `<h2>${tag(stageVerdict(r, s))} Stage ${html(s.name)} <span class="muted">(${html(s.kind)}${s.protocol === 'ws' ? ', ws' : ''}, ${s.duration_s} s)</span></h2>`,
    stageFacts(r, s),
    ...stageWarnings(s),
    '<div class="charts">',
    ...timelineCharts(s, markers),
    percentileChart(s, base, baseName),
    historyChart(s.name, history ?? []),
    '</div>',
    s.stress ? stressSection(s.stress) : '',
    s.soak ? soakSection(s.soak) : '',
    endpointsTable(s),
    '</section>',
  ].join('\n');
}

function stageFacts(r: Report, s: StageReport): string {
  const l = s.latency_ms;
  const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
  const codes = Object.entries(s.status_codes);
  const rows: Array<[string, string]> = [
    ['requests', String(s.requests)],
    ['errors', `${fmtCount(s.errors)} (${html(metricCell(r, s, 'error_rate', fmtPct(s.error_rate)))})`],
    ['rps', html(metricCell(r, s, 'rps', `${s.rps.toFixed(1)}/s`))],
    [
      'latency',
      html(
        `min ${fmtMs(l.min)} · mean ${fmtMs(l.mean)} · p50 ${fmtMs(l.p50)} · p90 ${fmtMs(l.p90)} · p95 ${fmtMs(l.p95)} · p99 ${fmtMs(l.p99)} · p99.9 ${fmtMs(l.p999)} · max ${fmtMs(l.max)}`,
      ),
    ],
    ['errors by kind', kinds.length ? html(kinds.map(([k, n]) => `${k} ${n}`).join(', ')) : 'none'],
    ['status codes', codes.length ? html(codes.map(([k, n]) => `${k}: ${n}`).join(', ')) : 'none'],
  ];
  if (s.retry_after_seen)
    rows.push(['Retry-After', html(`sent ${s.retry_after_seen}×${s.retry_after_s ? ` (${s.retry_after_s.min}–${s.retry_after_s.max} s)` : ''}`)]);
  if (s.error_samples)
    rows.push([
      'transport errors',
      html(
        Object.entries(s.error_samples)
          .map(([m, n]) => `${m} (${n}×)`)
          .join('; '),
      ),
    ]);
  if (s.spike) {
    const rec = s.spike.recovery_ms === null ? 'never recovered' : `recovered in ${(s.spike.recovery_ms / 1000).toFixed(0)} s`;
    rows.push(['spike', html(`pre-spike p95 ${fmtMs(s.spike.pre_p95_ms)}, peak p95 ${fmtMs(s.spike.peak_p95_ms)}, ${rec}`)]);
  }
  if (s.workers) rows.push(['workers', String(s.workers)]);
  if (s.sessions) rows.push(['sessions', html(s.sessions.failed > 0 ? sessionLine(s.sessions) : `${s.sessions.users} users, all succeeded`)]);
  if (s.unsent) rows.push(['not sent', html(`${s.unsent.count} requests: ${s.unsent.missing.map((k) => `\${${k}}`).join(', ')} had no value`)]);
  for (const [which, list] of [
    ['setup', s.setup],
    ['verify', s.verify],
  ] as const) {
    for (const o of list ?? [])
      rows.push([`${which} ${html(o.name)}`, html(o.ok ? `ok (${o.status}; ${o.expected})` : `${o.problems.join('; ')}${o.sample ? ` (${o.sample})` : ''}`)]);
  }
  if (s.resources) rows.push(['app', html(resourcesFact(r, s, s.resources))]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function stageWarnings(s: StageReport): string[] {
  const out: string[] = [];
  if (s.generator_saturated)
    out.push(
      `<p class="alert warn">The load generator was saturated (${html(s.generator.reason ?? '')}): these numbers describe the generator, not the target.</p>`,
    );
  if (s.dropped > 0) out.push(`<p class="alert warn">${s.dropped} scheduled requests were dropped: max_in_flight requests were already outstanding.</p>`);
  return out;
}

/** The moments worth a line on the time axis: an abort, a spike's ramp and drop, the diagnoses. */
function stageMarkers(r: Report, s: StageReport): Marker[] {
  const out: Marker[] = [];
  const spike =
    s.spike?.start_s !== undefined
      ? { start: s.spike.start_s, drop: s.spike.drop_s }
      : s.merge_inputs?.spike_ms && { start: s.merge_inputs.spike_ms.start / 1000, drop: s.merge_inputs.spike_ms.drop / 1000 };
  if (spike) {
    out.push({ x: spike.start, label: 'spike ramp', color: '#bc4c00' });
    if (spike.drop !== undefined) out.push({ x: spike.drop, label: 'spike drop', color: '#bc4c00' });
  }
  for (const d of r.diagnoses ?? [])
    if (d.stage === s.name && d.at_s !== undefined) out.push({ x: d.at_s, label: d.id, color: d.severity === 'warn' ? '#9a6700' : '#0969da' });
  if (s.aborted) out.push({ x: s.aborted.at_s, label: 'aborted', color: '#cf222e' });
  return out;
}

function timelineCharts(s: StageReport, markers: Marker[]): string[] {
  // A window's figures describe the second it starts (or less, when the next one starts sooner: an
  // A/B round's last window): drawn at its middle.
  const middle = (w: StageReport['timeline'][number], i: number): number => {
    const next = s.timeline[i + 1]?.t;
    return w.t + (next !== undefined && next > w.t ? Math.min(1, next - w.t) : 1) / 2;
  };
  const at = (pick: (w: StageReport['timeline'][number]) => number): Point[] => s.timeline.map((w, i) => ({ x: middle(w, i), y: pick(w) }));
  // A loop, not Math.max(...spread): a long soak has more windows than a call takes arguments.
  const end = s.timeline.reduce((m, w) => Math.max(m, w.t + 1), s.duration_s);
  const x = { label: 'seconds into the stage', domain: [0, Number.isFinite(end) && end > 0 ? end : 1] as [number, number] };
  const name = s.name;
  return [
    lineChart({
      title: `${name}: requests per second`,
      x,
      y: { label: 'req/s' },
      series: [{ name: 'rps', points: at((w) => w.rps), color: COLOR.rps }],
      markers,
    }),
    lineChart({
      title: `${name}: latency p50 / p95 / p99 per second`,
      x,
      y: { label: 'latency (ms)' },
      series: (['p50', 'p95', 'p99'] as const).map((p) => ({ name: p, points: at((w) => (w.requests > 0 ? w[p] : Number.NaN)), color: COLOR[p] })),
      markers,
    }),
    lineChart({
      title: `${name}: errors per second`,
      x,
      y: { label: 'errors/s' },
      series: [{ name: 'errors', points: at((w) => w.errors), color: COLOR.errors }],
      markers,
    }),
    ...resourceCharts(s, x, at, markers),
  ].map((svg) => figure(svg));
}

/** The app's CPU per second and its memory, when they were read (windows without them draw no point). */
function resourceCharts(
  s: StageReport,
  x: { label: string; domain: [number, number] },
  at: (pick: (w: StageReport['timeline'][number]) => number) => Point[],
  markers: Marker[],
): string[] {
  if (!s.resources || !s.timeline.some((w) => w.cpu_ms !== undefined || w.rss_mb !== undefined)) return [];
  const out: string[] = [];
  if (s.timeline.some((w) => w.cpu_ms !== undefined)) {
    out.push(
      lineChart({
        title: `${s.name}: the app's CPU per second`,
        x,
        y: { label: 'CPU ms per s (1000 = a core)' },
        series: [{ name: 'CPU', points: at((w) => w.cpu_ms ?? Number.NaN), color: COLOR.cpu }],
        markers,
      }),
    );
  }
  if (s.timeline.some((w) => w.rss_mb !== undefined)) {
    out.push(
      lineChart({
        title: `${s.name}: the app's memory`,
        x,
        y: { label: 'MB' },
        series: [{ name: 'memory', points: at((w) => w.rss_mb ?? Number.NaN), color: COLOR.memory }],
        markers,
      }),
    );
  }
  return out;
}

/** "CPU per request 2.27 ms; 11.4% of a core; peak memory 52.3 MB (45.3 MB at the start, 50.6 MB at the end); from process group 123 (target.start)". */
function resourcesFact(r: Report, s: StageReport, res: NonNullable<StageReport['resources']>): string {
  if (res.cpu_ms_per_request === null && res.rss_mb_peak === null) return `not read (${res.source}: ${res.error ?? 'no value'}); rules on it warn`;
  const cpu = metricCell(r, s, 'cpu_per_request', fmtMetric('cpu_per_request', res.cpu_ms_per_request));
  const peak = metricCell(r, s, 'rss_peak', fmtMetric('rss_peak', res.rss_mb_peak));
  const span =
    res.rss_mb_start !== undefined && res.rss_mb_start !== null && res.rss_mb_end !== undefined && res.rss_mb_end !== null
      ? ` (${fmtMetric('rss_peak', res.rss_mb_start)} at the start, ${fmtMetric('rss_peak', res.rss_mb_end)} at the end)`
      : '';
  return `CPU per request ${cpu}; ${res.cpu_pct ?? '—'}% of a core; peak memory ${peak}${span}; from ${res.source}${res.note ? `; ${res.note}` : ''}${res.error ? `; ${res.error}` : ''}`;
}

/** The stage's p95 over the stored runs, oldest first, this run last (as summary.md's trend chart). */
function historyChart(stage: string, points: HistoryPoint[]): string {
  if (points.length < 2) return '';
  // Every label would overlap on a long history: about eight, the last ("this run") always.
  const every = Math.ceil(points.length / 8);
  const ticks: Tick[] = points.map((p, i) => ({ value: i, label: p.label })).filter((_, i) => (points.length - 1 - i) % every === 0);
  const chart = lineChart({
    title: `${stage}: p95 over the last ${points.length} runs`,
    // Half a run of room either side: the first and last labels stay inside the chart.
    x: { label: 'run (commit or date)', ticks, domain: [-0.5, points.length - 0.5] },
    y: { label: 'p95 (ms)' },
    series: [{ name: 'p95', points: points.map((p, i) => ({ x: i, y: p.p95 })), color: COLOR.p95 }],
  });
  return figure(chart, 'history');
}

/** Latency against percentile on a "nines" axis (0, 90, 99, 99.9 …), this run and the baseline's same stage. */
function percentileChart(s: StageReport, base: StageReport | undefined, baseName: string): string {
  const current = decoded(s.histogram);
  if (!current) return `<p class="muted">No latency histogram in this report${s.histogram ? ' (unreadable)' : ''}: no percentile curve.</p>`;
  const before = base && decoded(base.histogram);
  const series: LineSeries[] = [{ name: 'this run', points: percentileCurve(current), color: COLOR.current }];
  if (before) series.push({ name: baseName, points: percentileCurve(before), color: COLOR.baseline, dashed: true });
  const deepest = Math.max(1, ...series.flatMap((x) => x.points.map((p) => p.x)));
  const ticks: Tick[] = Array.from({ length: Math.floor(deepest + 1e-9) + 1 }, (_, k) => ({ value: k, label: ninesLabel(k) }));
  const chart = lineChart({
    title: `${s.name}: latency by percentile${before ? ` against the ${baseName}` : ''}`,
    x: { label: 'percentile (nines scale)', ticks, domain: [0, deepest] },
    y: { label: 'latency (ms)' },
    series,
  });
  return figure(chart, 'percentiles');
}

/** "0", "90", "99", "99.9", … for k nines. */
export function ninesLabel(k: number): string {
  return k === 0 ? '0' : k === 1 ? '90' : `99.${'9'.repeat(k - 2)}`.replace(/\.$/, '');
}

/** Points of x = −log10(1 − p/100) up to what the sample count resolves (a 1000-request run has no 99.99th). */
export function percentileCurve(h: Histogram): Point[] {
  if (h.totalCount === 0) return [];
  const deepest = Math.min(MAX_NINES, Math.max(1, Math.log10(h.totalCount)));
  const points: Point[] = [];
  for (let i = 0; i * NINES_STEP <= deepest + 1e-9; i++) {
    const x = i * NINES_STEP;
    points.push({ x, y: h.getValueAtPercentile(100 * (1 - 10 ** -x)) / 1000 });
  }
  return points;
}

function decoded(encoded: string | undefined): Histogram | undefined {
  if (!encoded) return undefined;
  try {
    const h = decodeHistogram(encoded);
    return h.totalCount > 0 ? h : undefined;
  } catch {
    return undefined; // a damaged histogram costs its chart, not the report
  }
}

function stressSection(st: StressOutcome): string {
  const unit = st.unit === 'rps' ? 'req/s' : 'users';
  const verdict = stressFinding(st, { strong: html, conditions: (list) => html(list.join('; ')) });
  const rows = st.steps.map((p) =>
    tr(
      [
        String(p.index + 1),
        html(`${p.level} ${unit}`),
        html(`${p.start_s.toFixed(0)}–${(p.start_s + p.duration_s).toFixed(0)} s`),
        String(p.requests),
        String(p.errors),
        html(fmtPct(p.error_rate)),
        p.rps.toFixed(1),
        html(fmtMs(p.latency_ms.p50)),
        html(fmtMs(p.latency_ms.p95)),
        html(fmtMs(p.latency_ms.p99)),
        tag(p.passed ? 'pass' : 'fail'),
        html((p.broke ?? []).join('; ')),
      ],
      p.passed ? 'pass' : 'fail',
    ),
  );
  const markers: Marker[] = [];
  if (st.breaking_point !== null) markers.push({ x: st.breaking_point, label: 'breaking point', color: '#1a7f37' });
  if (st.broke_at !== null) markers.push({ x: st.broke_at, label: 'broke', color: '#cf222e' });
  const chart = lineChart({
    title: `stress: p95 and error rate per step (${st.until.join(', ') || 'no conditions'})`,
    x: { label: `step level (${unit})` },
    y: { label: 'p95 (ms)' },
    y2: { label: 'error rate (%)' },
    series: [
      { name: 'p95', points: st.steps.map((p) => ({ x: p.level, y: p.latency_ms.p95 })), color: COLOR.p95 },
      { name: 'error rate', points: st.steps.map((p) => ({ x: p.level, y: p.error_rate * 100 })), color: COLOR.rate, axis: 'right' },
    ],
    markers,
  });
  const stepping = st.levels
    ? `Levels ${st.levels.join(', ')} ${unit}, ${st.every_s} s each`
    : `From ${st.from} by ${st.step} every ${st.every_s} s up to ${st.max} ${unit}`;
  return [
    '<div class="stress">',
    `<h3>Stress steps</h3><p>${stepping}, until ${html(st.until.join(', ') || '—')}: <b>${verdict}</b>.</p>`,
    table(['step', 'level', 'time', 'requests', 'errors', 'error rate', 'rps', 'p50', 'p95', 'p99', 'passed', 'broke'], rows, 'rrrrrrrrrrll'),
    figure(chart, 'stress'),
    '</div>',
  ].join('\n');
}

function soakSection(so: SoakOutcome): string {
  const d = so.drift;
  const rows: Array<[string, string]> = [
    [
      'p95 drift',
      html(
        `first tenth ${fmtMs(d.first_p95)} → last tenth ${fmtMs(d.last_p95)}${d.delta_pct === null ? '' : ` (${d.delta_pct >= 0 ? '+' : ''}${d.delta_pct.toFixed(1)}%)`}`,
      ),
    ],
  ];
  if (so.memory) {
    const m = so.memory;
    const growth = m.growth_pct === null ? '' : ` (${m.growth_pct >= 0 ? '+' : ''}${m.growth_pct.toFixed(1)}%)`;
    rows.push([
      'target memory',
      html(`${fmtBytes(m.before_bytes)} before → ${fmtBytes(m.after_bytes)} after${growth}, from ${m.url}${m.error ? `; ${m.error}` : ''}`),
    ]);
  }
  return `<div class="soak"><h3>Soak</h3><dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}

function endpointsTable(s: StageReport): string {
  if (s.endpoints.length === 0) return '';
  const rows = s.endpoints.map((e) =>
    tr([html(e.name), String(e.requests), fmtCount(e.errors), html(fmtMs(e.latency_ms.p50)), html(fmtMs(e.latency_ms.p95)), html(fmtMs(e.latency_ms.p99))]),
  );
  return `<h3>Endpoints</h3>${table(['endpoint', 'requests', 'errors', 'p50', 'p95', 'p99'], rows, 'lrrrrr')}`;
}

/** A table row: cells are markup the caller escaped. */
interface Row {
  cells: string[];
  cls?: string;
}

const tr = (cells: string[], cls?: string): Row => ({ cells, cls });

/** `align`: a letter per column, l (text, may wrap) or r (figures: right-aligned, kept on one line). */
function table(head: string[], rows: Row[], align: string): string {
  const td = (tagName: string, i: number, content: string): string => `<${tagName}${align[i] === 'r' ? ' class="num"' : ''}>${content}</${tagName}>`;
  const body = rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c, i) => td('td', i, c)).join('')}</tr>`);
  return `<div class="table"><table><thead><tr>${head.map((h, i) => td('th', i, html(h))).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

function figure(svg: string, cls = 'timeline'): string {
  return `<figure class="${cls}">${svg}</figure>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--soft);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px}
header,section{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:16px}
h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 8px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-size:16px;text-transform:uppercase;letter-spacing:.03em;color:#fff}
.badge.pass{background:#1a7f37}.badge.warn{background:#9a6700}.badge.fail{background:#cf222e}
.tag{display:inline-block;min-width:3.2em;text-align:center;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#6e7781}
.tag.pass{background:#1a7f37}.tag.warn{background:#9a6700}.tag.fail{background:#cf222e}.tag.info{background:#0969da}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
.facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
.muted{color:var(--muted);font-weight:normal}
.delta{display:block;font-size:12px;color:var(--muted)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:1px 4px;border-radius:4px}
.alert{padding:8px 12px;border-radius:6px;margin:10px 0 0}
.alert.warn{background:#fff8c5;border:1px solid #d4a72c}.alert.fail{background:#ffebe9;border:1px solid #ff8182}
.diagnoses{list-style:none;padding:0;margin:0}
.diagnosis{border-left:4px solid #0969da;padding:4px 12px;margin-bottom:10px;background:#f6faff}
.diagnosis.warn{border-left-color:#d4a72c;background:#fffbea}
.diagnosis p{margin:0}.evidence{margin:4px 0 0;padding-left:20px;color:#404850}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap}
th{background:var(--soft);font-weight:600}
tr.fail td{background:#fff5f5}tr.warn td{background:#fffbea}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:12px;margin-top:16px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;background:#fff;padding:4px}
svg.chart{display:block;width:100%;height:auto;font:14px -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
svg.chart .chart-title{font-size:16px;font-weight:600;fill:var(--fg)}
svg.chart text:not([fill]){fill:#424a53}
svg.chart .grid{stroke:#eaeef2}svg.chart .tick,svg.chart .frame{stroke:#8c959f}
svg.chart .axis-label{fill:var(--muted)}
svg.chart .no-data{fill:var(--muted);font-size:14px}
.stress figure{margin-top:12px;max-width:760px}
svg.chart .marker text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;font-size:12px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px}
`;
