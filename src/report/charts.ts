/**
 * Mermaid `xychart-beta` charts, which GitHub renders in job summaries and comments. Series are
 * downsampled to at most MAX_POINTS so a long soak still draws a readable line.
 */
import type { Report } from '../model/report.js';
import { mermaidLabel } from './escape.js';

const MAX_POINTS = 60;

export interface Series {
  title: string;
  yLabel: string;
  labels: string[];
  values: number[];
  kind: 'line' | 'bar';
}

/** Keep every k-th point (max of each bucket for latency: a spike must not vanish). */
export function downsample(labels: string[], values: number[], max = MAX_POINTS): { labels: string[]; values: number[] } {
  if (values.length <= max) return { labels, values };
  const k = Math.ceil(values.length / max);
  const out = { labels: [] as string[], values: [] as number[] };
  for (let i = 0; i < values.length; i += k) {
    out.labels.push(labels[i]!);
    out.values.push(Math.max(...values.slice(i, i + k)));
  }
  return out;
}

export function xyChart(s: Series): string {
  const { labels, values } = downsample(s.labels, s.values);
  if (values.length === 0) return '';
  const num = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(s.title)}"`,
    `  x-axis [${labels.map((l) => `"${mermaidLabel(l)}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(s.yLabel)}"`,
    `  ${s.kind} [${values.map(num).join(', ')}]`,
    '```',
  ].join('\n');
}

/** p95 and rps per second across the whole run, stages one after another. */
export function timelineCharts(report: Report): string[] {
  const labels: string[] = [];
  const p95: number[] = [];
  const rps: number[] = [];
  let offset = 0;
  for (const stage of report.stages) {
    for (const w of stage.timeline) {
      labels.push(`${offset + w.t}s`);
      p95.push(w.p95);
      rps.push(w.rps);
    }
    offset += Math.ceil(stage.duration_s);
  }
  const stages = report.stages.map((s) => s.name).join(' → ');
  return [
    xyChart({ title: `p95 latency per second (${stages})`, yLabel: 'ms', labels, values: p95, kind: 'line' }),
    xyChart({ title: `requests per second (${stages})`, yLabel: 'req/s', labels, values: rps, kind: 'bar' }),
  ].filter(Boolean);
}

export interface HistoryPoint {
  /** Short commit or date. */
  label: string;
  p95: number;
}

/** The p95 of one stage over the last stored results, oldest first, this run last. */
export function historyChart(stage: string, points: HistoryPoint[]): string {
  if (points.length < 2) return '';
  return xyChart({
    title: `${stage}: p95 over the last ${points.length} runs`,
    yLabel: 'ms',
    labels: points.map((p) => p.label),
    values: points.map((p) => p.p95),
    kind: 'line',
  });
}
