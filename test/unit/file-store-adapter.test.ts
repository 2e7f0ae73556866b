import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/baseline/file-store-adapter.js';
import { readReportFile } from '../../src/baseline/file-store.js';
import { compareReports, runAndGate } from '../../src/core.js';
import { BaselineError } from '../../src/errors.js';
import type { LoadRequest, StoredResult } from '../../src/baseline/store.js';
import type { Report } from '../../src/report/types.js';
import { report } from '../helpers/reports.js';

const REQUEST: LoadRequest = { planId: 'perf-plan', planFingerprint: 'plan-1', runnerFingerprint: 'runner-1' };

function stored(fingerprints?: Report['fingerprints']): StoredResult {
  return { report: report({ started_at: '2026-11-23T17:45:01.000Z', fingerprints }), commit: 'abc', run: '7-1', savedAt: '2026-11-23T17:46:00.000Z' };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-file-store-'));
  file = path.join(dir, 'perf', 'baseline.json');
});

describe('FileStore', () => {
  it('describes itself by its path', () => {
    expect(new FileStore({ file: 'perf/baseline.json' }).description).toBe('file perf/baseline.json');
  });

  it('a missing file is no baseline yet, not an error', async () => {
    const store = new FileStore({ file });
    expect(await store.load(REQUEST)).toEqual({ result: undefined, explanation: `no baseline yet: ${file} does not exist` });
    expect(await store.history(REQUEST, 5)).toEqual([]);
  });

  it('saves the bare report, which --baseline FILE reads back', async () => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored({ plan: 'plan-1', runner: 'runner-1' }));
    const doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(doc.tool).toBe('perf-gate');
    expect(doc).not.toHaveProperty('commit');
    expect((await readReportFile(file)).fingerprints).toEqual({ plan: 'plan-1', runner: 'runner-1' });
  });

  it('loads a matching file with a plain explanation', async () => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored({ plan: 'plan-1', runner: 'runner-1' }));
    const { result, explanation } = await store.load(REQUEST);
    expect(result?.report.started_at).toBe('2026-11-23T17:45:01.000Z');
    expect(result?.commit).toBe('local');
    expect(explanation).toBe(`baseline: ${file} (run started 2026-11-23 17:45 UTC)`);
  });

  it.each([
    ['plan', { plan: 'plan-0', runner: 'runner-1' }, /compared although the plan's load shape changed since it was saved$/],
    ['runner', { plan: 'plan-1', runner: 'runner-0' }, /compared although it was measured on a different runner \(different CPU\/cores\/OS\)$/],
    ['both', { plan: 'plan-0', runner: 'runner-0' }, /load shape changed since it was saved and it was measured on a different runner/],
  ])('still compares a file from another %s, and says so', async (_what, fingerprints, text) => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored(fingerprints));
    const { result, explanation } = await store.load(REQUEST);
    expect(result).toBeDefined();
    expect(explanation).toMatch(text);
  });

  it('a file without fingerprints (an older perf-gate) is compared with a caveat', async () => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored());
    const { result, explanation } = await store.load(REQUEST);
    expect(result).toBeDefined();
    expect(explanation).toMatch(/no fingerprints, so a changed plan or runner cannot be detected/);
  });

  it('history holds at most the one result', async () => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored({ plan: 'plan-1', runner: 'runner-1' }));
    expect(await store.history(REQUEST, 10)).toHaveLength(1);
    expect(await store.history(REQUEST, 0)).toEqual([]);
  });

  it('a file that is not a report is a BaselineError', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{ "hello": 1 }');
    await expect(new FileStore({ file: path.join(dir, 'bad.json') }).load(REQUEST)).rejects.toMatchObject({ code: 'E_BASELINE' });
  });
});

describe('a shard report is a part of the load, never a whole run to compare with', () => {
  const shard = (): Report => report({ started_at: '2026-11-23T17:45:01.000Z', fingerprints: { plan: 'plan-1', runner: 'runner-1' }, shard: { index: 2, count: 3 } });
  const quiet = { info: () => {}, warn: () => {} };

  it('compare refuses it on either side, naming the file', async () => {
    await writeFile(path.join(dir, 'shard.json'), JSON.stringify(shard()));
    await writeFile(path.join(dir, 'whole.json'), JSON.stringify(report({})));
    const compare = (baselineFile: string, currentFile: string) => compareReports({ baselineFile, currentFile, outDir: 'out', env: {}, cwd: dir });
    const message = 'shard.json is a shard report (shard 2/3): a part of the load; merge the shards (perf-gate merge) and compare with that';
    await expect(compare('shard.json', 'whole.json')).rejects.toThrow(message);
    await expect(compare('whole.json', 'shard.json')).rejects.toThrow(message);
  });

  it('run --baseline refuses it before sending any load', async () => {
    await writeFile(path.join(dir, 'shard.json'), JSON.stringify(shard()));
    await writeFile(path.join(dir, 'plan.yml'), 'version: 1\ntarget: { url: "http://127.0.0.1:1" }\nrequests: [{ name: root, path: / }]\nstages: [{ name: load, kind: load, rate: 10/s, duration: 1s }]\n');
    const run = runAndGate({ planFile: 'plan.yml', baseline: { store: new FileStore({ file: path.join(dir, 'shard.json') }) }, outDir: 'out', env: {}, cwd: dir, log: quiet });
    await expect(run).rejects.toThrow(/shard\.json is a shard report \(shard 2\/3\): a part of the load/);
    await expect(run).rejects.toBeInstanceOf(BaselineError);
  });
});
