/**
 * Markdown for people: summary.md / the job summary (everything), and the PR comment (the short
 * form). Pure: report in, text out. Every name that came from a plan or a response is escaped.
 */
import { sessionLine, unsentLine } from '../gate/flows.js';
import type { Check, Diagnosis, Report, StageReport } from '../model/report.js';
import {
  ICON,
  bySeverity,
  comparedWith,
  fmtChange,
  fmtCount,
  fmtCpuMs,
  fmtMb,
  fmtMetric,
  fmtMs,
  fmtPct,
  fmtTime,
  historyPhrase,
  withoutBaseline,
  worst,
} from '../model/format.js';
import { code, md } from './escape.js';
import { historyChart, timelineCharts, type HistoryPoint } from './charts.js';
import { outcomeNote, stressStepTables } from './stage-outcomes.js';

const LATENCY_COLUMNS = ['p50', 'p95', 'p99'] as const;

export interface SummaryExtras {
  /** Per stage, the p95 of the last stored results (oldest first), for the trend chart. */
  history?: Record<string, HistoryPoint[]>;
  /** Link to the workflow run (the comment points there for the full report). */
  runUrl?: string;
  /** The stages of the report this run was compared with (its histograms draw the HTML report's baseline curve). */
  baselineStages?: StageReport[];
}

export function stageVerdict(report: Report, stage: StageReport) {
  const own = report.checks.filter((c) => c.stage === stage.name).map((c) => c.verdict);
  if (stage.generator_saturated || (stage.dropped > 0 && stage.kind !== 'stress')) own.push('warn');
  return worst(own);
}

/**
 * "19.2 ms (+20.9% vs 15.9 ms)" when a regression check compared this metric, else the bare value.
 * Error rates show their change in percentage points.
 */
export function metricCell(report: Report, stage: StageReport, metric: string, current: string): string {
  const check = report.checks.find((c) => c.stage === stage.name && c.metric === metric && c.kind === 'regression');
  if (!check) return current;
  if (check.delta_pp !== undefined)
    return `${current} (${check.delta_pp >= 0 ? '+' : ''}${check.delta_pp.toFixed(2)}pp vs ${fmtMetric(metric, check.baseline)})`;
  if (check.delta_pct === undefined || check.delta_pct === null) return current;
  return `${current} (${check.delta_pct >= 0 ? '+' : ''}${check.delta_pct.toFixed(1)}% vs ${fmtMetric(metric, check.baseline)})`;
}

function headline(report: Report): string[] {
  const lines = [`## ${ICON[report.verdict]} perf-gate: ${report.verdict}`, ''];
  if (report.imported) {
    // Another tool ran the load (and on its own machine, maybe): this runner measured nothing.
    const rules = report.plan ? `, rules from ${code(report.plan)}` : ', default rules';
    lines.push(
      `Results of ${report.imported.tool} imported from ${code(report.imported.file)} (\`compare --from ${report.imported.tool}\`), ${report.duration_s} s${rules}.`,
    );
  } else {
    lines.push(`Plan ${code(report.plan)} against ${code(report.target)}, ${report.duration_s} s, ${report.runner.cores} × ${md(report.runner.cpu)}.`);
  }
  if (report.shard) {
    const { index, count } = report.shard;
    lines.push(
      `Shard ${index}/${count} of the plan's load: not gated (its numbers are part of the load, not the plan's); \`perf-gate merge\` of all ${count} shard reports gates the whole.`,
    );
  } else if (report.ab) {
    const rounds = Object.entries(report.ab.rounds)
      .map(([name, n]) => `${md(name)} ${n}`)
      .join(', ');
    const at = (commit: string | undefined): string => (commit ? ` (commit ${code(commit.slice(0, 7))})` : '');
    lines.push(
      `Same-runner A/B: head ${code(report.target)}${at(report.ab.head_commit)} against base ${code(report.ab.base_target)}${at(report.ab.base_commit)} in alternating rounds (${rounds}); changes are judged on the paired rounds.`,
    );
  } else if (report.baseline) {
    const b = report.baseline;
    const commit = b.commit ? ` on commit ${md(b.commit.slice(0, 7))}` : '';
    lines.push(`Compared with the baseline from ${fmtTime(b.started_at)}${commit} (${md(b.source)}).${b.explanation ? ` ${md(b.explanation)}` : ''}`);
  } else {
    lines.push(`${withoutBaseline(report)}.`);
  }
  if (report.history && (report.baseline || report.ab)) lines.push('', `History: ${historyPhrase(report.history)}.`);
  if (report.merged_from) {
    const starts = report.merged_from.map((f) => Date.parse(f.started_at));
    // Shards overlap only as far as their jobs started together: the spread says how far.
    const spread = (Math.max(...starts) - Math.min(...starts)) / 1000;
    lines.push(
      '',
      `Merged from ${starts.length} shards (\`run --shard i/${starts.length}\`), started within ${spread.toFixed(1)} s of each other: histograms added, counts summed.`,
    );
  }
  if (report.cancelled) lines.push('', '⚠️ **The run was cancelled**: the results below are partial.');
  for (const s of report.stages.filter((st) => st.aborted)) {
    const a = s.aborted!;
    const rule = a.rule === 'target_down' ? 'the default target_down rule' : `abort_when ${code(a.rule)}`;
    lines.push(
      '',
      `⛔ **Stage ${md(s.name)} was aborted** ${a.at_s.toFixed(1)} s in by ${rule}: ${md(a.reason)}. Its results are partial, and any later stages were skipped.`,
    );
  }
  if (report.accepted) {
    const n = report.accepted.checks;
    lines.push(
      '',
      `✋ **Regressions accepted** (${md(report.accepted.reason)}): ${n} failed regression check${n === 1 ? ' is' : 's are'} reported as ${n === 1 ? 'a warning' : 'warnings'} instead of failing.`,
    );
  }
  return lines;
}

function stageTable(report: Report): string[] {
  // The cost column only where the app's figures were read (target.start or target.process).
  const cost = report.stages.some((s) => s.resources);
  const lines = [
    `| | stage | requests | rps | errors | p50 | p95 | p99 |${cost ? ' cost (CPU/request · peak memory) |' : ''}`,
    `|---|---|---:|---:|---:|---:|---:|---:|${cost ? '---:|' : ''}`,
  ];
  for (const s of report.stages) {
    const cells = LATENCY_COLUMNS.map((m) => metricCell(report, s, m, fmtMs(s.latency_ms[m])));
    const rps = metricCell(report, s, 'rps', s.rps.toFixed(1));
    const errors = metricCell(report, s, 'error_rate', fmtPct(s.error_rate));
    if (cost) cells.push(costCells(report, s).join(' · '));
    lines.push(
      `| ${ICON[stageVerdict(report, s)]} | ${md(s.name)} (${md(s.kind)}${s.protocol === 'ws' ? ', ws' : ''}) | ${s.requests} | ${rps} | ${errors} | ${cells.join(' | ')} |`,
    );
  }
  return lines;
}

/**
 * What the app spent, as two cells: CPU ms per request and peak memory, each with its change
 * against the baseline where a regression rule compared it ("2.27 ms CPU (+48.3% vs 2.27 ms)"); "—"
 * for a figure the source could not give (stageNotes says why).
 */
export function costCells(report: Report, s: StageReport): [string, string] {
  const r = s.resources;
  const cpu = r?.cpu_ms_per_request;
  const peak = r?.rss_mb_peak;
  return [
    cpu === null || cpu === undefined ? '— CPU' : metricCell(report, s, 'cpu_per_request', `${fmtCpuMs(cpu)} CPU`),
    peak === null || peak === undefined ? '— peak' : metricCell(report, s, 'rss_peak', `${fmtMb(peak)} peak`),
  ];
}

function checkTable(report: Report, checks: Check[]): string[] {
  const lines = ['| | stage | metric | rule | baseline | current | change [95% interval] | method |', '|---|---|---|---|---:|---:|---|---|'];
  for (const c of bySeverity(checks)) {
    const rule = c.kind !== 'regression' ? `${c.metric} ${c.limit}` : `${c.metric} ${c.limit} ${comparedWith(report, c)}`;
    const note = c.note ? ` (${md(c.note)})` : '';
    lines.push(
      `| ${ICON[c.verdict]} | ${md(c.stage)} | ${c.metric} | ${code(rule).replace(/\|/g, '\\|')} | ${fmtMetric(c.metric, c.baseline)} | ${fmtMetric(c.metric, c.current)} | ${c.kind === 'regression' ? fmtChange(c) : ''} | ${md(c.method)}${note} |`,
    );
  }
  return lines;
}

function details(summary: string, body: string[], open = false): string[] {
  return [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

/** Where this run falls in the noise band of past runs (median ± σ̂, σ̂ from the MAD). */
function bandTable(report: Report): string[] {
  if (!report.bands?.length) return [];
  const lines = ['| stage | metric | past runs | median | σ̂ | this run | position |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const b of report.bands) {
    const far = Math.abs(b.position_sigma) >= 3 ? ' ⚠️' : '';
    lines.push(
      `| ${md(b.stage)} | ${b.metric} | ${b.n} | ${fmtMetric(b.metric, b.median)} | ${fmtMetric(b.metric, b.sigma)} | ${fmtMetric(b.metric, b.current)} | ${b.position_sigma >= 0 ? '+' : ''}${b.position_sigma.toFixed(1)}σ${far} |`,
    );
  }
  return [...lines, ''];
}

/** Per stage: endpoints, error kinds and status codes, for the collapsed section. */
function stageDetails(s: StageReport): string[] {
  const lines = [`**${md(s.name)}**`, '', '| endpoint | requests | errors | p50 | p95 | p99 |', '|---|---:|---:|---:|---:|---:|'];
  for (const e of s.endpoints) {
    // errors is null for an imported endpoint whose tool gave no failure count.
    lines.push(
      `| ${md(e.name)} | ${e.requests} | ${fmtCount(e.errors)} | ${fmtMs(e.latency_ms.p50)} | ${fmtMs(e.latency_ms.p95)} | ${fmtMs(e.latency_ms.p99)} |`,
    );
  }
  const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
  const codes = Object.entries(s.status_codes).map(([code, n]) => `${code}: ${n}`);
  lines.push('', `Errors: ${kinds.length ? kinds.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}. Status codes: ${codes.join(', ') || 'none'}.`);
  if (s.error_samples)
    lines.push(
      '',
      `Transport errors seen: ${Object.entries(s.error_samples)
        .map(([m, n]) => `${md(m)} (${n}×)`)
        .join('; ')}.`,
    );
  return lines;
}

export const DIAGNOSIS_ICON: Record<Diagnosis['severity'], string> = { warn: '⚠️', info: 'ℹ️' };

/** The PR comment names this many findings; the job summary has them all, with their evidence. */
const COMMENT_DIAGNOSES = 3;

/** "What this run says": each finding with its evidence, or (the comment) the first few titles. */
function diagnosesSection(report: Report, compact: boolean): string[] {
  const ds = report.diagnoses ?? [];
  if (ds.length === 0) return [];
  const shown = compact ? ds.slice(0, COMMENT_DIAGNOSES) : ds;
  const lines = ['', compact ? '**What this run says**' : '### What this run says', ''];
  for (const d of shown) {
    lines.push(`- ${DIAGNOSIS_ICON[d.severity]} **${md(d.stage)}**: ${md(d.title)}`);
    if (!compact) lines.push(...d.evidence.map((e) => `  - ${md(e)}`));
  }
  if (ds.length > shown.length) lines.push(`- and ${ds.length - shown.length} more${compact ? ', with their figures, in the job summary' : ''}.`);
  return lines;
}

export function renderSummary(report: Report, extras: SummaryExtras = {}): string {
  const lines = [...headline(report), '', ...stageTable(report), ...diagnosesSection(report, false)];
  if (report.checks.length > 0) lines.push('', ...details('Checks', checkTable(report, report.checks), true));
  const notes = stageNotes(report);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  const steps = stressStepTables(report.stages);
  if (steps.length > 0) lines.push('', ...details('Stress steps', steps, true));
  const charts = timelineCharts(report);
  if (charts.length > 0)
    lines.push(
      '',
      ...details(
        'Timeline',
        charts.flatMap((c) => [c, '']),
        true,
      ),
    );
  const trends = Object.entries(extras.history ?? {})
    .map(([stage, points]) => historyChart(stage, points))
    .filter(Boolean);
  if (trends.length > 0 || report.bands?.length) lines.push('', ...details('History', [...bandTable(report), ...trends.flatMap((c) => [c, ''])]));
  lines.push(
    '',
    ...details(
      'Endpoints and errors',
      report.stages.flatMap((s) => [...stageDetails(s), '']),
    ),
  );
  lines.push('');
  return lines.join('\n');
}

/** The PR comment: headline, the deltas table, what failed, and where the rest is. */
export function renderComment(report: Report, extras: SummaryExtras = {}): string {
  const lines = [...headline(report), '', ...stageTable(report)];
  // What the table cannot show of stress and soak stages: the breaking point, drift and memory.
  const outcomes = report.stages.map(outcomeNote).filter((n) => n !== undefined);
  if (outcomes.length > 0) lines.push('', ...outcomes.map((n) => `- ${n}`));
  lines.push(...diagnosesSection(report, true));
  const notable = report.checks.filter((c) => c.verdict !== 'pass');
  if (notable.length > 0) lines.push('', ...checkTable(report, notable));
  if (extras.runUrl) lines.push('', `Full report, charts and history: [the job summary](${extras.runUrl}).`);
  lines.push('');
  return lines.join('\n');
}

/** Plain sentences for what the tables cannot show: distrust, drops, spikes, bursts, errors. */
export function stageNotes(report: Report): string[] {
  const notes: string[] = [];
  for (const s of report.stages) {
    const name = md(s.name);
    if (s.generator_saturated) {
      notes.push(
        `⚠️ **${name}**: the load generator was saturated (${md(s.generator.reason ?? '')}); this stage's numbers describe the generator, not the target, and cannot fail the gate.`,
      );
    }
    const outcome = outcomeNote(s);
    if (outcome) notes.push(outcome);
    if (s.dropped > 0 && s.kind !== 'stress') {
      notes.push(
        `⚠️ **${name}**: ${s.dropped} scheduled requests were dropped because max_in_flight requests were already outstanding (the target was too slow for the asked rate).`,
      );
    }
    if (s.spike) {
      const rec = s.spike.recovery_ms === null ? 'never recovered' : `recovered in ${(s.spike.recovery_ms / 1000).toFixed(0)} s`;
      notes.push(`**${name}**: pre-spike p95 ${fmtMs(s.spike.pre_p95_ms)}, peak p95 ${fmtMs(s.spike.peak_p95_ms)}, ${rec}.`);
    }
    if (s.cycles && s.cycles.length > 0) {
      const parts = s.cycles.map((c) => `${fmtMs(c.duration_ms)} (${c.successes} ok${c.errors ? `, ${c.errors} failed` : ''})`);
      notes.push(`**${name}**: burst cycles ${parts.join(', ')}.`);
    }
    if (s.protocol === 'ws') notes.push(wsNote(s));
    if (s.resources) notes.push(resourcesNote(s, s.resources));
    if (s.imported) notes.push(importedNote(s, s.imported));
    if (s.sessions && s.sessions.failed > 0) notes.push(`${s.sessions.failed >= s.sessions.users ? '❌' : '⚠️'} **${name}**: ${md(sessionLine(s.sessions))}.`);
    if (s.unsent) notes.push(`${s.requests === 0 ? '❌' : '⚠️'} **${name}**: ${md(unsentLine(s.unsent))}; perf-gate never sends a literal placeholder.`);
    for (const o of [...(s.setup ?? []), ...(s.verify ?? [])].filter((x) => !x.ok)) {
      const which = s.setup?.includes(o) ? 'setup' : 'verify';
      notes.push(`❌ **${name}** ${which} ${code(o.name)}: ${md(o.problems.join('; '))}${o.sample ? ` (${md(o.sample)})` : ''}.`);
    }
    const kinds = Object.entries(s.errors_by_kind).filter(([, n]) => n > 0);
    if (kinds.length > 0)
      notes.push(
        `**${name}** errors: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}${s.retry_after_seen ? ` (Retry-After sent ${s.retry_after_seen}×${retryAfterRange(s.retry_after_s)})` : ''}.`,
      );
  }
  return notes;
}

/** The app's figures in a sentence: where they came from, and why any is missing. */
export function resourcesNote(s: StageReport, r: NonNullable<StageReport['resources']>): string {
  if (r.cpu_ms_per_request === null && r.rss_mb_peak === null) {
    return `⚠️ **${md(s.name)}**: what the app spent could not be read (${md(r.source)}: ${md(r.error ?? 'no value')}); rules on cpu_per_request and rss_peak warn, never fail.`;
  }
  const parts = [
    r.cpu_pct === null ? undefined : `${r.cpu_pct}% of a core`,
    r.cpu_ms === null || r.cpu_ms === undefined ? undefined : `${r.cpu_ms.toFixed(0)} ms CPU in all`,
  ];
  if (r.rss_mb_start !== undefined && r.rss_mb_start !== null && r.rss_mb_end !== undefined && r.rss_mb_end !== null)
    parts.push(`memory ${fmtMb(r.rss_mb_start)} → ${fmtMb(r.rss_mb_end)}`);
  if (r.rss_mb_peak === null) parts.push(`no memory figure${r.error ? ` (${md(r.error)})` : ''}`);
  if (r.note) parts.push(md(r.note));
  return `**${md(s.name)}** app (${md(r.source)}): ${parts.filter((p) => p !== undefined).join(', ')}.`;
}

/** What an imported stage lacks, and how its regressions are judged. */
function importedNote(s: StageReport, imported: NonNullable<StageReport['imported']>): string {
  const missing = imported.missing.length ? ` Not in the ${imported.tool} results (shown as —): ${imported.missing.map(md).join(', ')}.` : '';
  const own = imported.tool_thresholds ?? [];
  const failed = own.filter((t) => !t.ok);
  const verdicts = own.length
    ? ` ${imported.tool}'s own thresholds (not gated here): ${own.length - failed.length} of ${own.length} passed${failed.length ? `; failed: ${failed.map((t) => `${code(t.metric)} ${code(t.rule)}`).join(', ')}` : ''}.`
    : '';
  const notes = (imported.notes ?? []).map((n) => ` ${md(n)}.`).join('');
  const trends = Object.entries(imported.trends ?? {});
  const trendText = trends.length
    ? ` Custom trends (rules name them \`trend:NAME\`): ${trends.map(([n, l]) => `${code(n)} p50 ${fmtMs(l.p50)}, p95 ${fmtMs(l.p95)}, max ${fmtMs(l.max)}`).join('; ')}.`
    : '';
  const errors = [imported.failures, imported.exceptions]
    .filter((e) => e !== undefined)
    .map((e) => ` ${topErrors(e)}`)
    .join('');
  return `**${md(s.name)}**: measured by ${imported.tool}; regressions are point comparisons (one summary per run, no per-second data to measure noise).${missing}${verdicts}${trendText}${notes}${errors}`;
}

/** "Top errors (run_failures.csv, 881 in 6 kinds): `GET /: timed out` ×246; …". */
function topErrors(e: NonNullable<NonNullable<StageReport['imported']>['failures']>): string {
  if (e.rows === 0) return `${code(e.from)}: no errors listed.`;
  const shown = e.top.map((t) => `${code(t.error.length > 160 ? `${t.error.slice(0, 157)}…` : t.error)} ×${t.count}`).join('; ');
  const more = e.distinct > e.top.length ? `; and ${e.distinct - e.top.length} more kinds` : '';
  return `Top errors (${code(e.from)}, ${e.total} in ${e.distinct} kind${e.distinct === 1 ? '' : 's'}): ${shown}${more}.`;
}

/** One sentence per ws stage: what the message table cannot show (connections, closes, stream). */
function wsNote(s: StageReport): string {
  const parts: string[] = [];
  const c = s.connections;
  if (c)
    parts.push(
      `${c.opened} connections opened (${c.planned} planned, peak ${c.peak} open, ${c.open_at_end} open at the end${c.failed ? `, ${c.failed} failed to open` : ''})`,
    );
  if (s.connect_ms && c && c.opened > 0) parts.push(`connect p50 ${fmtMs(s.connect_ms.p50)}, p99 ${fmtMs(s.connect_ms.p99)}`);
  const closes = Object.entries(s.closes_by_code ?? {});
  parts.push(closes.length ? `closed by the server or network: ${closes.map(([code, n]) => `${code} ×${n}`).join(', ')}` : 'no unexpected closes');
  if (s.reconnects) parts.push(`${s.reconnects} reconnects`);
  if (s.messages_per_s !== undefined) parts.push(`${s.messages_per_s.toFixed(1)} messages/s`);
  if (s.gap_ms) parts.push(`gap p50 ${fmtMs(s.gap_ms.p50)}, p99 ${fmtMs(s.gap_ms.p99)}`);
  if (s.lag_ms) parts.push(`lag p50 ${fmtMs(s.lag_ms.p50)}, p99 ${fmtMs(s.lag_ms.p99)}`);
  if (s.unmatched_replies) parts.push(`${s.unmatched_replies} replies matched no message`);
  return `**${md(s.name)}** (ws ${s.ws_mode ?? ''}): ${parts.join('; ')}.`;
}

/** `, 30 s` or `, 1–30 s`: the Retry-After values seen, when readable. */
function retryAfterRange(r: { min: number; max: number } | undefined): string {
  if (!r) return '';
  return r.min === r.max ? `, ${r.min} s` : `, ${r.min}–${r.max} s`;
}
