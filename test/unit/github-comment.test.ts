import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommentFileError, PerfGateError } from '../../src/errors.js';
import { COMMENT_BUDGET, COMMENT_LIMIT, commentMarker, fitComment } from '../../src/github/comment.js';
import { readCommentFile, stripMarkers, writeCommentFile } from '../../src/github/comment-file.js';
import { pullRequestFacts } from '../../src/github/pull-request.js';

describe('commentMarker: one hidden marker per plan that no plan id can break out of', () => {
  it('is a hidden HTML comment naming the plan', () => {
    expect(commentMarker('perf/api')).toBe('<!-- perf-gate:plan=perf/api -->');
    expect(commentMarker('a-b.c_d')).toBe('<!-- perf-gate:plan=a-b.c_d -->');
  });

  it.each(['a--b', 'x -->', 'x--!>', 'x>y', 'a---b', 'two\nlines', '--', 'tail-'])('%j cannot close the comment early', (id) => {
    const marker = commentMarker(id);
    // The only "--" after the opener is the closing one, and nothing else can end the comment.
    expect(marker.indexOf('--', 4)).toBe(marker.length - 3);
    expect(marker.slice(0, -1)).not.toContain('>');
    expect(marker).not.toContain('\n');
  });

  it('keeps different plans apart, even ids that look like escapes', () => {
    const ids = ['a--b', 'a-%2Db', 'a-%252Db', 'a b', 'a%20b', 'a', 'a ', 'A'];
    expect(new Set(ids.map(commentMarker)).size).toBe(ids.length);
  });
});

describe('fitComment: stays under GitHub’s 65,536-character limit and says where the rest is', () => {
  const line = `${'x'.repeat(99)}\n`; // 100 characters a line
  const runUrl = 'https://github.com/o/r/actions/runs/42';

  it('leaves a body within the budget alone', () => {
    expect(fitComment('short\n', runUrl)).toBe('short\n');
    const exact = 'y'.repeat(COMMENT_BUDGET);
    expect(fitComment(exact, runUrl)).toBe(exact);
  });

  it('cuts one character over the budget at a line boundary and links the run', () => {
    const body = line.repeat(600) + 'z'; // 60,001
    const fitted = fitComment(body, runUrl);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(fitted.endsWith(`… truncated: the full report is in the job summary: ${runUrl}\n`)).toBe(true);
    const kept = fitted.slice(0, fitted.indexOf('\n\n… truncated'));
    expect(body.startsWith(kept)).toBe(true);
    expect(kept.split('\n').every((l) => l === 'x'.repeat(99))).toBe(true); // only whole lines
  });

  it('without a run URL still says where the report is', () => {
    const fitted = fitComment(line.repeat(1_000));
    expect(fitted.endsWith('… truncated: the full report is in the job summary.\n')).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_BUDGET);
  });

  it('cuts a single enormous line without splitting a surrogate pair', () => {
    const fitted = fitComment('😀'.repeat(40_000), runUrl);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('closes a code fence and <details> the cut left open, so the notice is visible', () => {
    const body = `<details><summary>Timeline</summary>\n\n\`\`\`mermaid\n${line.repeat(700)}\`\`\`\n</details>\n`;
    const fitted = fitComment(body, runUrl);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(fitted).toMatch(/\n```\n<\/details>\n\n… truncated/);
  });

  it('a budget well below the limit leaves room for the marker', () => {
    expect(COMMENT_LIMIT - COMMENT_BUDGET).toBeGreaterThan(commentMarker('p'.repeat(100)).length + 1_000);
  });
});

describe('pullRequestFacts: the event payload, as untrusted data', () => {
  const sha = (c: string) => c.repeat(40);
  const pr = (head: unknown, extra: Record<string, unknown> = {}) => ({
    number: 7,
    pull_request: { number: 7, head: { sha: sha('a'), repo: head }, base: { sha: sha('b'), repo: { full_name: 'acme/api' } }, ...extra },
    repository: { full_name: 'acme/api' },
  });

  it('a branch of the same repository', () => {
    expect(pullRequestFacts('pull_request', pr({ full_name: 'acme/api' }))).toEqual({
      number: 7,
      baseRepo: 'acme/api',
      headRepo: 'acme/api',
      fromFork: false,
      headSha: sha('a'),
      baseSha: sha('b'),
      labels: [],
    });
  });

  it('label names, ignoring entries that are not labels', () => {
    const payload = pr({ full_name: 'acme/api' }, { labels: [{ name: 'perf-gate:accept' }, { id: 3 }, 'bug', { name: 42 }, { name: 'docs' }] });
    expect(pullRequestFacts('pull_request', payload)?.labels).toEqual(['perf-gate:accept', 'docs']);
    expect(pullRequestFacts('pull_request', pr({ full_name: 'acme/api' }, { labels: 'perf-gate:accept' }))?.labels).toEqual([]);
  });

  it('a fork, for pull_request and pull_request_target alike', () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      expect(pullRequestFacts(event, pr({ full_name: 'mallory/api' }))).toMatchObject({ number: 7, headRepo: 'mallory/api', fromFork: true });
    }
  });

  it('a fork deleted after the PR was opened is still a fork', () => {
    expect(pullRequestFacts('pull_request', pr(null))).toMatchObject({ headRepo: '', fromFork: true });
  });

  it('names differing only in case are the same repository', () => {
    expect(pullRequestFacts('pull_request', pr({ full_name: 'ACME/Api' }))?.fromFork).toBe(false);
  });

  it('no base sha is fine', () => {
    const payload = pr({ full_name: 'acme/api' });
    delete (payload.pull_request.base as { sha?: string }).sha;
    expect(pullRequestFacts('pull_request', payload)).not.toHaveProperty('baseSha');
  });

  it.each<[string, string, unknown]>([
    ['push', 'push', pr({ full_name: 'acme/api' })],
    ['schedule', 'schedule', {}],
    ['workflow_run', 'workflow_run', pr({ full_name: 'acme/api' })],
    ['null payload', 'pull_request', null],
    ['string payload', 'pull_request', 'pull_request'],
    ['array payload', 'pull_request', []],
    ['no pull_request', 'pull_request', { number: 7 }],
    ['empty pull_request', 'pull_request', { pull_request: {} }],
    ['number as string', 'pull_request', pr({ full_name: 'acme/api' }, { number: '7' })],
    ['negative number', 'pull_request', pr({ full_name: 'acme/api' }, { number: -1 })],
    ['fractional number', 'pull_request', pr({ full_name: 'acme/api' }, { number: 1.5 })],
    ['head repo not a repo', 'pull_request', pr('acme/api')],
    ['head full_name not owner/name', 'pull_request', pr({ full_name: 'acme/api/../x' })],
    ['head sha missing', 'pull_request', pr({ full_name: 'acme/api' }, { head: { repo: { full_name: 'acme/api' } } })],
    ['head sha not hex', 'pull_request', pr({ full_name: 'acme/api' }, { head: { sha: 'main', repo: { full_name: 'acme/api' } } })],
    ['base repo missing', 'pull_request', { pull_request: { number: 7, head: { sha: sha('a'), repo: { full_name: 'acme/api' } }, base: {} } }],
  ])('%s → undefined', (_name, event, payload) => {
    expect(pullRequestFacts(event, payload)).toBeUndefined();
  });
});

describe('readCommentFile: the fork hand-off, as hostile input', () => {
  let dir: string;
  const good = { version: 1, pr: 12, repo: 'acme/api', plan: 'perf-api', body: '### perf-gate: pass\n' };
  const write = async (name: string, content: unknown) => {
    const file = path.join(dir, name);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const rejection = (fn: () => unknown): CommentFileError => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(CommentFileError);
      return err as CommentFileError;
    }
    throw new Error('expected a CommentFileError');
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pg-comment-file-'));
  });

  it('accepts a good file', async () => {
    expect(readCommentFile(await write('good.json', good), 'acme/api')).toEqual({ pr: 12, planId: 'perf-api', body: good.body });
  });

  it('round-trips what writeCommentFile writes (creating the folder)', () => {
    const file = path.join(dir, 'nested', 'deeper', 'comment.json');
    writeCommentFile(file, { pr: 3, repo: 'acme/api', planId: 'load.v2', body: 'hello' });
    expect(readCommentFile(file, 'acme/api')).toEqual({ pr: 3, planId: 'load.v2', body: 'hello' });
    // An A/B run's comment (its own, beside the usual one) is handed off the same way.
    writeCommentFile(file, { pr: 3, repo: 'acme/api', planId: 'perf-plan (A/B)', body: 'ab' });
    expect(readCommentFile(file, 'acme/api')).toEqual({ pr: 3, planId: 'perf-plan (A/B)', body: 'ab' });
  });

  it('writeCommentFile refuses what the reader would reject', () => {
    const file = path.join(dir, 'refused.json');
    rejection(() => writeCommentFile(file, { pr: 3, repo: 'acme/api', planId: 'has space', body: '' }));
    rejection(() => writeCommentFile(file, { pr: 0, repo: 'acme/api', planId: 'p', body: '' }));
    rejection(() => writeCommentFile(file, { pr: 3, repo: 'not a repo', planId: 'p', body: '' }));
    rejection(() => writeCommentFile(file, { pr: 3, repo: 'acme/api', planId: 'p', body: 'b'.repeat(COMMENT_LIMIT + 1) }));
  });

  it.each<[string, unknown]>([
    ['an array', [good]],
    ['null', null],
    ['version 2', { ...good, version: 2 }],
    ['version "1"', { ...good, version: '1' }],
    ['no version', { pr: 12, repo: 'acme/api', plan: 'perf-api', body: '' }],
    ['pr as string', { ...good, pr: '12' }],
    ['pr 0', { ...good, pr: 0 }],
    ['pr negative', { ...good, pr: -3 }],
    ['pr fractional', { ...good, pr: 1.5 }],
    ['pr beyond safe integers', { ...good, pr: 2 ** 60 }],
    ['another repo', { ...good, repo: 'mallory/api' }],
    ['repo differing in case', { ...good, repo: 'Acme/api' }],
    ['repo not a string', { ...good, repo: ['acme/api'] }],
    ['plan with a space', { ...good, plan: 'perf api' }],
    ['plan with another suffix', { ...good, plan: 'perf (A/B) (A/B)' }],
    ['A/B suffix alone', { ...good, plan: ' (A/B)' }],
    ['plan with a slash', { ...good, plan: '../x' }],
    ['plan with a marker closer', { ...good, plan: 'x-->' }],
    ['plan empty', { ...good, plan: '' }],
    ['plan of 101 characters', { ...good, plan: 'p'.repeat(101) }],
    ['plan not a string', { ...good, plan: 5 }],
    ['body not a string', { ...good, body: { text: 'x' } }],
    ['body missing', { version: 1, pr: 12, repo: 'acme/api', plan: 'perf-api' }],
    ['body over the limit', { ...good, body: 'b'.repeat(COMMENT_LIMIT + 1) }],
    ['an unexpected field', { ...good, token: 'x' }],
  ])('rejects %s', async (name, content) => {
    const file = await write(`${name.replace(/\W+/g, '_')}.json`, content);
    const err = rejection(() => readCommentFile(file, 'acme/api'));
    expect(err.code).toBe('E_COMMENT_FILE');
    expect(err.exitCode).toBe(2);
    expect(err).toBeInstanceOf(PerfGateError);
  });

  it('accepts a body of exactly the limit', async () => {
    const body = 'b'.repeat(COMMENT_LIMIT);
    expect(readCommentFile(await write('limit.json', { ...good, body }), 'acme/api').body).toBe(body);
  });

  it('rejects text that is not JSON, a missing file, a directory, a symlink and an oversized file', async () => {
    rejection(() => readCommentFile(path.join(dir, 'missing.json'), 'acme/api'));
    expect(rejection(() => readCommentFile(path.join(dir, 'missing.json'), 'acme/api')).message).toContain('ENOENT');
    rejection(() => readCommentFile(dir, 'acme/api'));
    const notJson = await write('not-json.json', '{"version": 1,');
    expect(rejection(() => readCommentFile(notJson, 'acme/api')).message).toContain('not valid JSON');
    const link = path.join(dir, 'link.json');
    await symlink(await write('target.json', good), link);
    rejection(() => readCommentFile(link, 'acme/api'));
    const huge = await write('huge.json', ' '.repeat(COMMENT_LIMIT * 7));
    expect(rejection(() => readCommentFile(huge, 'acme/api')).message).toContain('larger than');
  });

  it('does not echo the attacker’s repo text in the message', async () => {
    const file = await write('echo.json', { ...good, repo: '::set-output name=x::pwned' });
    expect(rejection(() => readCommentFile(file, 'acme/api')).message).not.toContain('set-output');
  });

  it('checks the PR number when the caller knows it', async () => {
    const file = await write('pr.json', good);
    expect(readCommentFile(file, 'acme/api', { expectedPr: 12 }).pr).toBe(12);
    rejection(() => readCommentFile(file, 'acme/api', { expectedPr: 13 }));
  });

  it('strips perf-gate markers from the body, including ones the stripping would assemble', async () => {
    const body = 'a <!-- perf-gate:plan=other --> b <!--perf-gate:plan=x --> c <!-- PERF-GATE:plan=y --> <!-- perf<!-- perf-gate:-gate:plan=z -->';
    const out = readCommentFile(await write('markers.json', { ...good, body }), 'acme/api').body;
    expect(out).not.toMatch(/<!--\s*perf-gate:/i);
    expect(out.startsWith('a plan=other --> b')).toBe(true);
    expect(stripMarkers('<!-- <!-- perf-gate:perf-gate:plan=p -->')).toBe('plan=p -->');
  });
});
