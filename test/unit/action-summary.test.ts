import { describe, expect, it } from 'vitest';
import { fitSummary } from '../../src/main.js';
import { renderSummary } from '../../src/report/markdown.js';
import { report, stage } from '../helpers/reports.js';

describe('job summary', () => {
  it('stays under GitHub 1 MiB limit, cut at a line with a pointer to the report', () => {
    const long = Array.from({ length: 30_000 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`).join('\n');
    const fitted = fitSummary(long, 'out/report.json');
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1_000_000);
    expect(fitted).toMatch(/\|\n\n… the summary was cut at GitHub's 1 MiB limit: the full report is out\/report\.json/);
    expect(fitSummary('small', 'r.json')).toBe('small');
  });

  it('the stage row shows rps and error-rate changes beside the latency ones', () => {
    const r = report({
      stages: [stage({ rps: 90, error_rate: 0.02 })],
      checks: [
        {
          stage: 'load',
          metric: 'rps',
          kind: 'regression',
          baseline: 100,
          current: 90,
          delta_pct: -10,
          limit: '-10%',
          method: 'bootstrap-windows',
          verdict: 'warn',
        },
        {
          stage: 'load',
          metric: 'error_rate',
          kind: 'regression',
          baseline: 0.01,
          current: 0.02,
          delta_pct: 100,
          delta_pp: 1,
          limit: '+0.5pp',
          method: 'two-proportion',
          verdict: 'warn',
        },
      ],
    });
    const row = renderSummary(r)
      .split('\n')
      .find((l) => l.includes('| load (load) |'))!;
    expect(row).toContain('| 90.0 (-10.0% vs 100.0/s) |');
    expect(row).toContain('| 2.00% (+1.00pp vs 1.00%) |');
  });
});
