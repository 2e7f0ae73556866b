import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { ReportFolder } from '../../src/baseline/report-folder.js';
import { report } from '../helpers/reports.js';

const request = { planId: 'perf', planFingerprint: 'plan-1', runnerFingerprint: 'runner-1' };
const fingerprints = { plan: 'plan-1', runner: 'runner-1' };

describe('ReportFolder: past runs from a folder of report.json files', () => {
  it('newest first; only this plan on this runner; no failed, cancelled, A/B, shard or unfingerprinted runs; each run once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-history-'));
    await mkdir(path.join(dir, 'run-2', 'out'), { recursive: true });
    const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
    const files: Record<string, unknown> = {
      'a.json': report({ started_at: at(1), fingerprints }),
      'run-2/out/report.json': report({ started_at: at(2), fingerprints }),
      'run-2/baseline.json': report({ started_at: at(2), fingerprints }), // the same run, kept twice
      'c.json': report({ started_at: at(3), fingerprints: { plan: 'plan-2', runner: 'runner-1' } }),
      'd.json': report({ started_at: at(4), fingerprints: { plan: 'plan-1', runner: 'runner-2' } }),
      'e.json': report({ started_at: at(5), fingerprints, verdict: 'fail' }),
      'f.json': report({ started_at: at(6), fingerprints, cancelled: true }),
      'g.json': report({ started_at: at(7), fingerprints, ab: { base_target: 'x', rounds: {}, base_stages: [] } }),
      'h.json': report({ started_at: at(8) }),
      'i.json': report({ started_at: at(9), fingerprints }),
      'shard.json': report({ started_at: '2026-01-10T00:00:00.000Z', fingerprints, shard: { index: 1, count: 3 } }),
      'package.json': { name: 'not a report' },
    };
    for (const [name, doc] of Object.entries(files)) await writeFile(path.join(dir, name), JSON.stringify(doc));
    await writeFile(path.join(dir, 'broken.json'), '{');
    const folder = new ReportFolder(dir);
    const found = await folder.history(request, 20);
    expect(found.map((r) => r.report.started_at)).toEqual([at(9), at(2), at(1)]);
    // What was passed over, and why, for the summary ("left out: 1 failed, 1 cancelled").
    expect(folder.leftOut).toEqual({ 'another plan': 1, 'another runner': 1, failed: 1, cancelled: 1, 'A/B': 1, 'without fingerprints': 1, shard: 1 });
    expect((await new ReportFolder(dir).history(request, 2)).length).toBe(2);
  });

  it('a folder that does not exist is a clear error', async () => {
    await expect(new ReportFolder('/no/such/folder').history(request, 5)).rejects.toThrow('cannot read the history folder /no/such/folder: no such folder');
  });
});
