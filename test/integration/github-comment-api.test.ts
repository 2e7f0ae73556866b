/**
 * upsertComment through the real Octokit client against a loopback stand-in for the REST API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS_BOT_LOGIN, COMMENT_LIMIT, apiBaseUrl, commentMarker, octokitCommentApi, upsertComment } from '../../src/github/comment.js';
import { CommentForbiddenError, GitHubApiError } from '../../src/errors.js';
import { type FakeGitHubApi, type FakeGitHubOptions, startFakeGitHubApi } from '../helpers/github-api.js';

const TOKEN = 'ghp_TESTTOKEN0123456789abcdefABCDEF0123';
const target = { owner: 'acme', repo: 'api', issueNumber: 7 };
let fake: FakeGitHubApi | undefined;

async function setup(options: FakeGitHubOptions = {}) {
  fake = await startFakeGitHubApi({ login: 'perf-bot', token: TOKEN, ...options });
  return { fake, api: octokitCommentApi(TOKEN, { baseUrl: fake.url }) };
}

const writes = (f: FakeGitHubApi) => f.calls.filter((c) => c.method === 'POST' || c.method === 'PATCH').map((c) => `${c.method} ${c.path}`);

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('upsertComment: one sticky comment per plan', () => {
  it('creates on the first run and edits the same comment on the second', async () => {
    const { fake, api } = await setup();
    const first = await upsertComment(api, target, 'perf-api', 'run 1');
    expect(first.action).toBe('created');
    expect(first.url).toBe(`https://github.com/acme/api/pull/7#issuecomment-${first.id}`);
    const second = await upsertComment(api, target, 'perf-api', 'run 2');
    expect(second).toEqual({ action: 'updated', id: first.id, url: first.url });

    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]!.body).toBe(`${commentMarker('perf-api')}\nrun 2`);
    expect(writes(fake)).toEqual(['POST /repos/acme/api/issues/7/comments', `PATCH /repos/acme/api/issues/comments/${first.id}`]);
    expect(fake.calls.every((c) => c.authorized)).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments')).every((c) => c.query.per_page === '100')).toBe(true);
  });

  it('keeps plans apart: a second plan gets its own comment', async () => {
    const { fake, api } = await setup();
    await upsertComment(api, target, 'perf-api', 'api');
    await upsertComment(api, target, 'perf-web', 'web');
    await upsertComment(api, target, 'perf-api', 'api again');
    expect(fake.comments.map((c) => c.body)).toEqual([`${commentMarker('perf-api')}\napi again`, `${commentMarker('perf-web')}\nweb`]);
  });

  it('leaves a comment carrying the marker by someone else alone', async () => {
    const { fake, api } = await setup();
    const planted = fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'mallory', body: `${commentMarker('perf-api')}\nall green!` });
    const result = await upsertComment(api, target, 'perf-api', 'the real report');
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(planted.id);
    expect(planted.body).toBe(`${commentMarker('perf-api')}\nall green!`);
    expect(writes(fake)).toEqual(['POST /repos/acme/api/issues/7/comments']);
    await upsertComment(api, target, 'perf-api', 'again');
    expect(fake.comments).toHaveLength(2);
    expect(writes(fake)[1]).toBe(`PATCH /repos/acme/api/issues/comments/${result.id}`);
  });

  it('ignores its own comments on other PRs and comments without the marker', async () => {
    const { fake, api } = await setup();
    fake.addComment({ repo: 'acme/api', issueNumber: 8, login: 'perf-bot', body: `${commentMarker('perf-api')}\nother PR` });
    fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'perf-bot', body: 'perf-gate:plan=perf-api, but no marker' });
    expect((await upsertComment(api, target, 'perf-api', 'x')).action).toBe('created');
  });

  it('finds its comment on page 2 of 150', async () => {
    const { fake, api } = await setup();
    for (let i = 0; i < 150; i++) {
      const mine = i === 120;
      fake.addComment({
        repo: 'acme/api',
        issueNumber: 7,
        login: mine ? 'perf-bot' : `user${i % 7}`,
        body: mine ? `${commentMarker('perf-api')}\nold` : `comment ${i}`,
      });
    }
    const markedId = fake.comments[120]!.id;
    const result = await upsertComment(api, target, 'perf-api', 'new');
    expect(result).toMatchObject({ action: 'updated', id: markedId });
    expect(fake.comments).toHaveLength(150);
    expect(fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments')).map((c) => c.query.page)).toEqual(['1', '2']);
  });

  it('reads every page before deciding there is none (exactly 100, then an empty page)', async () => {
    const { fake, api } = await setup();
    for (let i = 0; i < 100; i++) fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'someone', body: `c${i}` });
    expect((await upsertComment(api, target, 'perf-api', 'x')).action).toBe('created');
    expect(fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments')).map((c) => c.query.page)).toEqual(['1', '2']);
  });

  it('an oversized body is fitted under the limit rather than rejected', async () => {
    const { fake, api } = await setup();
    await upsertComment(api, target, 'perf-api', `${'x'.repeat(99)}\n`.repeat(700));
    expect(fake.comments[0]!.body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fake.comments[0]!.body).toContain('… truncated');
  });

  it('writes a new comment when its old one was deleted between listing and editing', async () => {
    const { fake, api } = await setup({
      route: (req, res) => {
        if (req.method !== 'PATCH') return false;
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
        return true;
      },
    });
    fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'perf-bot', body: `${commentMarker('perf-api')}\nold` });
    expect((await upsertComment(api, target, 'perf-api', 'new')).action).toBe('created');
  });
});

describe('whoAmI: the token’s own identity', () => {
  it('a personal access token is the user /user names', async () => {
    const { api } = await setup({ login: 'octo-person' });
    expect(await api.whoAmI()).toBe('octo-person');
  });

  it('GITHUB_TOKEN (an installation token, /user answers 403) is github-actions[bot]', async () => {
    const { fake, api } = await setup({ installationToken: true });
    expect(await api.whoAmI()).toBe(ACTIONS_BOT_LOGIN);
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/user' });
  });

  it('another app’s installation token can name its own bot', async () => {
    const fake2 = await startFakeGitHubApi({ installationToken: true });
    try {
      expect(await octokitCommentApi(TOKEN, { baseUrl: fake2.url, installationLogin: 'my-app[bot]' }).whoAmI()).toBe('my-app[bot]');
    } finally {
      await fake2.close();
    }
  });

  it('with GITHUB_TOKEN the sticky comment still sticks, and the bot’s planted look-alikes by others do not count', async () => {
    const { fake, api } = await setup({ installationToken: true });
    fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'github-actions', body: `${commentMarker('perf-api')}\nnot the bot` });
    const first = await upsertComment(api, target, 'perf-api', 'one');
    const second = await upsertComment(api, target, 'perf-api', 'two');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(fake.comments.find((c) => c.id === first.id)).toMatchObject({ login: 'github-actions[bot]', body: `${commentMarker('perf-api')}\ntwo` });
    expect(fake.comments).toHaveLength(2);
  });

  it('a rejected token is an API error, not the bot', async () => {
    const fake2 = await startFakeGitHubApi({ token: 'something-else' });
    try {
      const err = await octokitCommentApi(TOKEN, { baseUrl: fake2.url })
        .whoAmI()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitHubApiError);
      expect((err as GitHubApiError).status).toBe(401);
    } finally {
      await fake2.close();
    }
  });
});

describe('a token that may not write (a fork’s PR, no pull-requests: write)', () => {
  async function forbiddenError(run: () => Promise<unknown>): Promise<CommentForbiddenError> {
    const err = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CommentForbiddenError);
    return err as CommentForbiddenError;
  }

  it('creating answers 403: a typed error with a stable code, without the token', async () => {
    const { fake, api } = await setup({ readOnly: true, installationToken: true });
    const err = await forbiddenError(() => upsertComment(api, target, 'perf-api', 'report'));
    expect(err.code).toBe('E_COMMENT_FORBIDDEN');
    expect(err.status).toBe(403);
    expect(err.message).toContain('acme/api#7');
    expect(err.message).toContain('Resource not accessible by integration');
    expect(err.message).toContain('pull-requests: write');
    expect(`${err.message}\n${err.stack}`).not.toContain(TOKEN);
    expect(fake.comments).toHaveLength(0);
  });

  it('editing answers 403 the same way', async () => {
    const { fake, api } = await setup({ readOnly: true });
    fake.addComment({ repo: 'acme/api', issueNumber: 7, login: 'perf-bot', body: `${commentMarker('perf-api')}\nold` });
    const err = await forbiddenError(() => upsertComment(api, target, 'perf-api', 'new'));
    expect(err.status).toBe(403);
    expect(err.message).not.toContain(TOKEN);
    expect(fake.comments[0]!.body).toContain('old');
  });

  it('a repository the token cannot see (404 on listing) is forbidden too', async () => {
    const { fake, api } = await setup({ repos: ['acme/api'] });
    const err = await forbiddenError(() => upsertComment(api, { owner: 'acme', repo: 'secret', issueNumber: 1 }, 'p', 'x'));
    expect(err.status).toBe(404);
    expect(err.message).toContain('list the comments on acme/secret#1');
    expect(writes(fake)).toEqual([]);
  });

  it('a server error is a GitHubApiError with its status, still without the token', async () => {
    const { api } = await setup({
      route: (req, res) => {
        if (req.method !== 'POST') return false;
        res.writeHead(502, { 'content-type': 'application/json' }).end(`{"message":"upstream said ${TOKEN}"}`);
        return true;
      },
    });
    const err = await upsertComment(api, target, 'perf-api', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).code).toBe('E_GITHUB_API');
    expect((err as GitHubApiError).status).toBe(502);
    expect((err as Error).message).not.toContain(TOKEN);
  });
});

describe('apiBaseUrl', () => {
  it('is $GITHUB_API_URL, else github.com’s API', () => {
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example/api/v3' })).toBe('https://ghe.example/api/v3');
    expect(apiBaseUrl({})).toBe('https://api.github.com');
    expect(apiBaseUrl({ GITHUB_API_URL: '' })).toBe('https://api.github.com');
  });
});
