/** Terminal output: the final table, and progress (a live line on a TTY, plain lines in CI). */
import type { Report } from '../model/report.js';
import type { StageProgress } from '../load/stage.js';
import { bySeverity, comparedWith, fmtChange, fmtMetric, fmtMs, fmtPct, ICON, withoutBaseline } from '../model/format.js';
import { DIAGNOSIS_ICON, stageNotes } from './markdown.js';
import { plainText } from './escape.js';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

export function renderConsole(report: Report): string {
  const rows = [['stage', 'kind', 'requests', 'rps', 'errors', 'p50', 'p95', 'p99', 'max']];
  for (const s of report.stages) {
    rows.push([
      s.name,
      s.protocol === 'ws' ? `${s.kind} (ws)` : s.kind,
      String(s.requests),
      s.rps.toFixed(1),
      fmtPct(s.error_rate),
      fmtMs(s.latency_ms.p50),
      fmtMs(s.latency_ms.p95),
      fmtMs(s.latency_ms.p99),
      fmtMs(s.latency_ms.max),
    ]);
  }
  const out = [table(rows)];
  if (report.checks.length > 0) {
    const checkRows = [['', 'stage', 'check', 'baseline', 'current', 'change [95% interval]']];
    for (const c of bySeverity(report.checks)) {
      checkRows.push([
        c.verdict.toUpperCase(),
        c.stage,
        `${c.metric} ${c.limit}${c.kind === 'regression' ? ` ${comparedWith(report, c)}` : ''}`,
        fmtMetric(c.metric, c.baseline),
        fmtMetric(c.metric, c.current),
        c.kind === 'regression' ? fmtChange(c) : '',
      ]);
    }
    out.push('', table(checkRows));
  }
  const notes = stageNotes(report).map((n) => `- ${plainText(n)}`);
  if (notes.length > 0) out.push('', ...notes);
  const diagnoses = report.diagnoses ?? [];
  if (diagnoses.length > 0) out.push('', 'What this run says:', ...diagnoses.map((d) => `${DIAGNOSIS_ICON[d.severity]} ${d.stage}: ${d.title}`));
  const scope = report.shard
    ? ` (shard ${report.shard.index}/${report.shard.count}: not gated; perf-gate merge gates the whole)`
    : report.baseline || report.ab
      ? ''
      : ` (${withoutBaseline(report, true)})`;
  out.push('', `${ICON[report.verdict]} verdict: ${report.verdict.toUpperCase()}${scope}`);
  return out.join('\n');
}

/** Live progress: rewrites one line on a TTY; in CI a plain line every `everyMs`. */
export class ProgressPrinter {
  private lastPlain = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly everyMs = 5000,
  ) {}

  update(p: StageProgress): void {
    const line = `${p.stage}  ${(p.elapsedMs / 1000).toFixed(0)}/${(p.totalMs / 1000).toFixed(0)} s  ${p.rps} req/s  p95 ${fmtMs(p.p95)}  errors ${p.errors}/${p.requests}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`);
    } else if (p.elapsedMs - this.lastPlain >= this.everyMs || p.elapsedMs < this.lastPlain) {
      this.lastPlain = p.elapsedMs;
      this.stream.write(`${line}\n`);
    }
  }

  end(): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[2K');
    this.lastPlain = 0;
  }
}
