/**
 * Markdown for what only stress and soak stages measure: the breaking point and its steps, the
 * drift and the target's memory. Pure; names from the plan are escaped.
 */
import type { StageReport, StressOutcome } from '../model/report.js';
import { fmtBytes, fmtMs, fmtPct, fmtSigned } from '../model/format.js';
import { code, md } from './escape.js';

/** "180/s" or "40 users". */
export function fmtLevel(stress: Pick<StressOutcome, 'unit'>, level: number | null): string {
  if (level === null) return '—';
  const n = String(+level.toFixed(3));
  return stress.unit === 'rps' ? `${n}/s` : `${n} user${level === 1 ? '' : 's'}`;
}

/** Conditions as code spans (`p95 < 200ms (was 412 ms)`), safe in a table cell. */
const conditions = (list: string[] | undefined, sep = '; '): string => (list ?? []).map((c) => code(c).replace(/\|/g, '\\|')).join(sep);

/** How a surface styles the parts of a sentence (markdown or HTML); the words between are plain text. */
export interface SentenceStyle {
  strong(text: string): string;
  conditions(list: string[]): string;
}

/**
 * What a stress stage found, as one sentence for every surface (summary, PR comment, report.html):
 * the branching lives here once, so no surface says "broke at null" of a stage cut short.
 */
export function stressFinding(x: StressOutcome, style: SentenceStyle): string {
  const level = (n: number | null): string => fmtLevel(x, n);
  // Cut (abort_when, target_down, Ctrl-C) before the first step ended: nothing was judged.
  if (x.steps.length === 0) return 'no breaking point: no step ran to its end';
  const broke = x.steps.find((st) => !st.passed);
  const why = broke?.broke?.length ? `: ${style.conditions(broke.broke)}` : '';
  if (x.breaking_point === null) return `no breaking point: the first step already broke (broke at ${level(broke?.level ?? x.steps[0]!.level)}${why})`;
  const point = `breaking point ${style.strong(level(x.breaking_point))}`;
  if (broke) return `${point} (broke at ${level(broke.level)}${why})`;
  if (x.reached_max) return `${point} (every step up to max ${level(x.max)} passed: the target held the most the plan asked)`;
  // Some steps passed, then the stage was cut: the capacity is at least this, not where it broke.
  return `${point} (stopped before a step broke)`;
}

const MARKDOWN: SentenceStyle = { strong: (t) => `**${t}**`, conditions: (list) => conditions(list) };

/** One sentence per stress or soak stage (undefined for other stages). */
export function outcomeNote(s: StageReport): string | undefined {
  const name = md(s.name);
  if (s.stress) {
    const x = s.stress;
    const stepping = x.levels ? `levels ${x.levels.map((l) => fmtLevel(x, l)).join(', ')}` : `steps of ${fmtLevel(x, x.step)}`;
    return `**${name}**: ${stressFinding(x, MARKDOWN)}; ${stepping} every ${x.every_s} s, judged on ${conditions(x.until, ', ')}.`;
  }
  if (s.soak) {
    const d = s.soak.drift;
    const drift =
      d.delta_pct === null
        ? 'p95 drift not measured (a tenth without requests)'
        : `p95 drift ${fmtSigned(d.delta_pct, '%')} (first tenth ${fmtMs(d.first_p95)} → last tenth ${fmtMs(d.last_p95)})`;
    const m = s.soak.memory;
    const memory = !m
      ? ''
      : m.error !== undefined
        ? `; memory not read from ${code(m.url)}: ${md(m.error)}`
        : `; resident memory ${fmtBytes(m.before_bytes)} → ${fmtBytes(m.after_bytes)} (${fmtSigned(m.growth_pct ?? 0, '%')}) from ${code(m.url)}`;
    return `**${name}**: ${drift}${memory}.`;
  }
  return undefined;
}

/** The steps of every stress stage, one compact table each (empty when there are none). */
export function stressStepTables(stages: StageReport[]): string[] {
  const lines: string[] = [];
  for (const s of stages) {
    const x = s.stress;
    if (!x || x.steps.length === 0) continue;
    lines.push(
      `**${md(s.name)}** (${x.unit === 'rps' ? 'rate' : 'users'} per step)`,
      '',
      '| | level | requests | rps | errors | p50 | p95 | p99 | broke |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const st of x.steps) {
      const mark = st.passed ? (st.level === x.breaking_point ? '🏁' : '✅') : '❌';
      const cells = [
        fmtLevel(x, st.level),
        st.requests,
        st.rps.toFixed(1),
        fmtPct(st.error_rate),
        fmtMs(st.latency_ms.p50),
        fmtMs(st.latency_ms.p95),
        fmtMs(st.latency_ms.p99),
        conditions(st.broke),
      ];
      lines.push(`| ${mark} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines;
}
