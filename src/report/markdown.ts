/** summary.md: what a reviewer reads first (also the GitHub job summary). Pure: report in, text out. */
import type { Check, Report, StageReport } from './types.js';
import { ICON, bySeverity, fmtChange, fmtMetric, fmtMs, fmtPct, fmtTime, worst } from './format.js';

const LATENCY_COLUMNS = ['p50', 'p95', 'p99'] as const;

function stageVerdict(report: Report, stage: StageReport) {
  const own = report.checks.filter((c) => c.stage === stage.name).map((c) => c.verdict);
  if (stage.generator_saturated || stage.dropped > 0) own.push('warn');
  return worst(own);
}

function latencyCell(report: Report, stage: StageReport, metric: (typeof LATENCY_COLUMNS)[number]): string {
  const current = fmtMs(stage.latency_ms[metric]);
  const check = report.checks.find((c) => c.stage === stage.name && c.metric === metric && c.kind === 'regression');
  if (!check || check.delta_pct === undefined || check.delta_pct === null) return current;
  return `${current} (${check.delta_pct >= 0 ? '+' : ''}${check.delta_pct.toFixed(1)}%)`;
}

export function renderSummary(report: Report): string {
  const lines: string[] = [];
  lines.push(`## ${ICON[report.verdict]} perf-gate: ${report.verdict}`);
  lines.push('');
  lines.push(`Plan \`${report.plan}\` against \`${report.target}\`, ${report.duration_s} s, ${report.runner.cores} × ${report.runner.cpu}.`);
  if (report.baseline) {
    lines.push(`Compared with the baseline from ${fmtTime(report.baseline.started_at)} (${report.baseline.source}).`);
  } else {
    lines.push('No baseline to compare against: only the absolute thresholds were applied.');
  }
  if (report.cancelled) lines.push('', '⚠️ **The run was cancelled**: the results below are partial.');
  lines.push('');
  lines.push('| | stage | requests | rps | errors | p50 | p95 | p99 |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const s of report.stages) {
    const cells = LATENCY_COLUMNS.map((m) => latencyCell(report, s, m));
    lines.push(`| ${ICON[stageVerdict(report, s)]} | ${s.name} (${s.kind}) | ${s.requests} | ${s.rps.toFixed(1)} | ${fmtPct(s.error_rate)} | ${cells.join(' | ')} |`);
  }
  if (report.checks.length > 0) {
    lines.push('');
    lines.push('<details open><summary>Checks</summary>');
    lines.push('');
    lines.push('| | stage | metric | rule | baseline | current | change [95% interval] | method |');
    lines.push('|---|---|---|---|---:|---:|---|---|');
    for (const c of bySeverity(report.checks)) lines.push(checkRow(c));
    lines.push('');
    lines.push('</details>');
  }
  const notes = stageNotes(report);
  if (notes.length > 0) {
    lines.push('');
    for (const n of notes) lines.push(`- ${n}`);
  }
  lines.push('');
  return lines.join('\n');
}

function checkRow(c: Check): string {
  const rule = c.kind === 'threshold' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} vs baseline`;
  const note = c.note ? ` (${c.note})` : '';
  return `| ${ICON[c.verdict]} | ${c.stage} | ${c.metric} | \`${rule}\` | ${fmtMetric(c.metric, c.baseline)} | ${fmtMetric(c.metric, c.current)} | ${c.kind === 'regression' ? fmtChange(c) : ''} | ${c.method}${note} |`;
}

/** Plain sentences for what the tables cannot show: distrust, drops, spikes, bursts, errors. */
export function stageNotes(report: Report): string[] {
  const notes: string[] = [];
  for (const s of report.stages) {
    if (s.generator_saturated) {
      notes.push(`⚠️ **${s.name}**: the load generator was saturated (${s.generator.reason}); this stage's numbers describe the generator, not the target, and cannot fail the gate.`);
    }
    if (s.dropped > 0) {
      notes.push(`⚠️ **${s.name}**: ${s.dropped} scheduled requests were dropped because max_in_flight requests were already outstanding (the target was too slow for the asked rate).`);
    }
    if (s.spike) {
      const rec = s.spike.recovery_ms === null ? 'never recovered' : `recovered in ${(s.spike.recovery_ms / 1000).toFixed(0)} s`;
      notes.push(`**${s.name}**: pre-spike p95 ${fmtMs(s.spike.pre_p95_ms)}, peak p95 ${fmtMs(s.spike.peak_p95_ms)}, ${rec}.`);
    }
    if (s.cycles && s.cycles.length > 0) {
      const parts = s.cycles.map((c) => `${fmtMs(c.duration_ms)} (${c.successes} ok${c.errors ? `, ${c.errors} failed` : ''})`);
      notes.push(`**${s.name}**: burst cycles ${parts.join(', ')}.`);
    }
    const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
    if (kinds.length > 0) notes.push(`**${s.name}** errors: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}${s.retry_after_seen ? ` (Retry-After sent ${s.retry_after_seen}×)` : ''}.`);
  }
  return notes;
}
