import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineWriteRefusal, readRunContext, type RunContext } from '../../src/github/context.js';

describe('baselineWriteRefusal: only trusted runs write baselines', () => {
  it.each<[Partial<RunContext>, string | undefined]>([
    [{ eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, undefined],
    [{ eventName: 'workflow_dispatch', ref: 'refs/heads/main', defaultBranch: 'main' }, undefined],
    [{ eventName: 'schedule', ref: 'refs/heads/main' }, undefined],
    [{ eventName: '', ref: '' }, undefined], // a local run of the bundle, not on Actions
    // On Actions an empty or missing event name proves nothing: no write.
    [{ eventName: '', ref: 'refs/heads/main', defaultBranch: 'main', onActions: true }, 'GITHUB_EVENT_NAME is empty'],
    [{ eventName: 'pull_request', ref: 'refs/pull/1/merge', defaultBranch: 'main' }, 'this is a pull_request run'],
    [{ eventName: 'pull_request_target', ref: 'refs/heads/main', defaultBranch: 'main' }, 'this is a pull_request_target run'],
    [{ eventName: 'merge_group', ref: 'refs/heads/main', defaultBranch: 'main' }, 'this is a merge_group run'], // any other event
    [{ eventName: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' }, 'refs/heads/feature is not the default branch (main)'],
    [{ eventName: 'workflow_dispatch', ref: 'refs/heads/dev', defaultBranch: 'main' }, 'refs/heads/dev is not the default branch (main)'],
    // No readable payload: a push cannot show it is on the default branch, so it does not write.
    [{ eventName: 'push', ref: 'refs/heads/main' }, 'does not name the default branch'],
  ])('%j → %s', (ctx, refusal) => {
    const reason = baselineWriteRefusal({ eventName: '', ref: '', ...ctx });
    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(refusal);
  });

  it('reads the event, ref and default branch from the runner environment', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pg-ctx-'));
    const event = path.join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/trunk', GITHUB_EVENT_PATH: event, GITHUB_SHA: 'a'.repeat(40) };
    const runEnv = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' };
    expect(readRunContext({ ...env, ...runEnv })).toEqual({
      eventName: 'push',
      onActions: false,
      ref: 'refs/heads/trunk',
      defaultBranch: 'trunk',
      payload: { repository: { default_branch: 'trunk' } },
      repository: 'o/r',
      sha: 'a'.repeat(40),
      run: '42-2',
      runUrl: 'https://github.com/o/r/actions/runs/42',
    });
    expect(readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).defaultBranch).toBeUndefined();
  });

  it('on GitHub Actions without an event name, a run may not write a baseline', () => {
    const ctx = readRunContext({ GITHUB_ACTIONS: 'true', GITHUB_REF: 'refs/heads/main' });
    expect(ctx).toMatchObject({ eventName: '', onActions: true });
    expect(baselineWriteRefusal(ctx)).toMatch(/^GITHUB_EVENT_NAME is empty, so this run cannot show it is a push, schedule or workflow_dispatch run/);
    expect(baselineWriteRefusal(readRunContext({}))).toBeUndefined(); // the bundle run by hand, off Actions
  });
});
