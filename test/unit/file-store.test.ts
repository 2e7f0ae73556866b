import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/baseline/file-store.js';
import { readReportFile } from '../../src/baseline/report-file.js';
import { compareReports, runAndGate } from '../../src/core.js';
import { BaselineError } from '../../src/errors.js';
import type { LoadRequest, StoredResult } from '../../src/baseline/store.js';
import type { Report } from '../../src/model/report.js';
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
    ['plan', { plan: 'plan-0', runner: 'runner-1' }],
    ['plan and runner', { plan: 'plan-0', runner: 'runner-0' }],
  ])('refuses a file saved for another %s, naming both fingerprints and the way out', async (_what, fingerprints) => {
    const store = new FileStore({ file });
    await store.save('perf-plan', stored(fingerprints));
    const load = store.load(REQUEST);
    await expect(load).rejects.toBeInstanceOf(BaselineError);
    await expect(load).rejects.toThrow(
      `${file} was saved for another plan (load shape differs from the baseline's (fingerprint plan-0, this plan plan-1), and the baseline does not record its shape); re-create it, or pass --force-baseline to compare anyway`,
    );
    expect(await store.history(REQUEST, 5)).toEqual([]); // nor is it history for bands
  });

  it('the action names its own switch in the refusal', async () => {
    await new FileStore({ file }).save('perf-plan', stored({ plan: 'plan-0', runner: 'runner-1' }));
    await expect(new FileStore({ file, forceHint: 'set the input force-baseline: true' }).load(REQUEST)).rejects.toThrow(
      /; re-create it, or set the input force-baseline: true to compare anyway$/,
    );
  });

  it.each([
    ['plan (forced)', { plan: 'plan-0', runner: 'runner-1' }, true, /compared although the plan's load shape changed since it was saved \(forced\)$/],
    ['runner', { plan: 'plan-1', runner: 'runner-0' }, false, /compared although it was measured on a different runner \(different CPU\/cores\/OS\)$/],
    [
      'plan (forced) and runner',
      { plan: 'plan-0', runner: 'runner-0' },
      true,
      /load shape changed since it was saved \(forced\) and it was measured on a different runner/,
    ],
  ])('compares a file from another %s, and says so', async (_what, fingerprints, force, text) => {
    await new FileStore({ file }).save('perf-plan', stored(fingerprints));
    const store = new FileStore({ file, force });
    const { result, explanation } = await store.load(REQUEST);
    expect(result).toBeDefined();
    expect(explanation).toMatch(text);
    expect(await store.history(REQUEST, 5)).toHaveLength(1);
  });

  it('a request without a plan fingerprint (merged reports of an older perf-gate) is not refused', async () => {
    await new FileStore({ file }).save('perf-plan', stored({ plan: 'plan-0', runner: 'runner-1' }));
    expect((await new FileStore({ file }).load({ ...REQUEST, planFingerprint: '' })).result).toBeDefined();
  });

  it.each([
    [2, 'has report schema 2; this perf-gate reads schema 1'],
    [undefined, 'has report schema undefined; this perf-gate reads schema 1'],
  ])('a report of schema %s is refused naming both versions, even when forced', async (schema, message) => {
    const other = path.join(dir, 'other-schema.json');
    await writeFile(other, JSON.stringify({ ...report({ fingerprints: { plan: 'plan-1', runner: 'runner-1' } }), schema }));
    const load = new FileStore({ file: other, force: true }).load(REQUEST);
    await expect(load).rejects.toBeInstanceOf(BaselineError);
    await expect(load).rejects.toThrow(`${other} ${message}`);
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
  const shard = (): Report =>
    report({ started_at: '2026-11-23T17:45:01.000Z', fingerprints: { plan: 'plan-1', runner: 'runner-1' }, shard: { index: 2, count: 3 } });
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
    await writeFile(
      path.join(dir, 'plan.yml'),
      'version: 1\ntarget: { url: "http://127.0.0.1:1" }\nrequests: [{ name: root, path: / }]\nstages: [{ name: load, kind: load, rate: 10/s, duration: 1s }]\n',
    );
    const run = runAndGate({
      planFile: 'plan.yml',
      baseline: { store: new FileStore({ file: path.join(dir, 'shard.json') }) },
      outDir: 'out',
      env: {},
      cwd: dir,
      log: quiet,
    });
    await expect(run).rejects.toThrow(/shard\.json is a shard report \(shard 2\/3\): a part of the load/);
    await expect(run).rejects.toBeInstanceOf(BaselineError);
  });
});

describe('a result measured for another plan is refused unless forced (--force-baseline)', () => {
  const quiet = { info: () => {}, warn: () => {} };
  const PLAN_YML =
    'version: 1\ntarget: { url: "http://127.0.0.1:1" }\nrequests: [{ name: root, path: / }]\nstages: [{ name: load, kind: load, rate: 10/s, duration: 1s }]\n';
  const saved = (plan: string) => JSON.stringify(report({ fingerprints: { plan, runner: 'runner-1' } }));
  const compare = (baselineFile: string, currentFile: string, extra: { planFile?: string; force?: boolean } = {}) =>
    compareReports({ baselineFile, currentFile, outDir: 'out', env: {}, cwd: dir, ...extra });

  it('run --baseline refuses it before sending any load', async () => {
    await writeFile(path.join(dir, 'plan.yml'), PLAN_YML);
    await writeFile(path.join(dir, 'old.json'), saved('0123456789ab'));
    // The target (port 1) is unreachable: a BaselineError, not exit 3, shows no load was tried.
    const run = runAndGate({
      planFile: 'plan.yml',
      baseline: { store: new FileStore({ file: path.join(dir, 'old.json') }) },
      outDir: 'out',
      env: {},
      cwd: dir,
      log: quiet,
    });
    await expect(run).rejects.toBeInstanceOf(BaselineError);
    await expect(run).rejects.toThrow(
      /old\.json was saved for another plan \(load shape differs from the baseline's \(fingerprint 0123456789ab, this plan [0-9a-f]{12}\), and the baseline does not record its shape\); re-create it, or pass --force-baseline/,
    );
  });

  it('compare refuses two results of different plans, and compares them when forced, saying so', async () => {
    await writeFile(path.join(dir, 'a.json'), saved('aaaaaaaaaaaa'));
    await writeFile(path.join(dir, 'b.json'), saved('bbbbbbbbbbbb'));
    await expect(compare('a.json', 'b.json')).rejects.toThrow(
      "a.json and b.json were measured for different plans (load shape differs from the baseline's (fingerprint aaaaaaaaaaaa, this plan bbbbbbbbbbbb), and the baseline does not record its shape); pass --force-baseline to compare anyway",
    );
    const forced = await compare('a.json', 'b.json', { force: true });
    expect(forced.report.baseline?.explanation).toMatch(/^compared although the results were measured for different plans \(--force-baseline\)/);
    expect(forced.summary).toContain('compared although the results were measured for different plans');
  });

  it('compare --plan checks both files against the plan', async () => {
    await writeFile(path.join(dir, 'plan.yml'), PLAN_YML);
    const { loadPlan } = await import('../../src/plan/index.js');
    const { planFingerprint } = await import('../../src/baseline/fingerprint.js');
    const mine = planFingerprint(await loadPlan(path.join(dir, 'plan.yml'), {}));
    await writeFile(path.join(dir, 'mine.json'), saved(mine));
    await writeFile(path.join(dir, 'old.json'), saved('0123456789ab'));
    const refusal = (f: string) =>
      `${f} was saved for another plan (load shape differs from the baseline's (fingerprint 0123456789ab, this plan ${mine}), and the baseline does not record its shape); re-create it, or pass --force-baseline to compare anyway`;
    await expect(compare('old.json', 'mine.json', { planFile: 'plan.yml' })).rejects.toThrow(refusal('old.json'));
    await expect(compare('mine.json', 'old.json', { planFile: 'plan.yml' })).rejects.toThrow(refusal('old.json'));
    expect((await compare('mine.json', 'mine.json', { planFile: 'plan.yml' })).report.verdict).toBe('pass');
    expect((await compare('old.json', 'mine.json', { planFile: 'plan.yml', force: true })).report.baseline?.explanation).toMatch(/^compared although/);
  });

  it('results without fingerprints (an older perf-gate) are compared as before', async () => {
    await writeFile(path.join(dir, 'bare.json'), JSON.stringify(report({})));
    await writeFile(path.join(dir, 'a.json'), saved('aaaaaaaaaaaa'));
    expect((await compare('bare.json', 'a.json')).report.baseline?.explanation).toBeUndefined();
  });
});
