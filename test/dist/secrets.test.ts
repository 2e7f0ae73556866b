/**
 * Secrets never leave the process: a value planted in the environment (used in a request path, an
 * Authorization header, a cookie, a login body, the target's userinfo), a Set-Cookie from the
 * target and a token captured at login are searched for in everything the bundles write: stdout,
 * stderr, report.json, summary.md, the saved baseline, GITHUB_OUTPUT, the job summary, the PR
 * comment (posted or handed off). The action must also ask the runner to mask the value.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runNode, withoutMaskCommands } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/github-api.js';

const SECRET = 'pg-planted-7f3a9c41';
const COOKIE = 'pg-cookie-5e1d';
const TOKEN = 'tok-planted-93ab';
const GITHUB_TOKEN = 'ghs_plantedGitHubToken0123456789';
const PLANTED = [SECRET, COOKIE, TOKEN, GITHUB_TOKEN];

let dir: string;
let target: TestTarget;
let api: FakeGitHubApi;

const planFor = (url: string) => `version: 1
target: { url: "${url.replace('://', '://pguser:${PERF_SECRET}@')}" }
session:
  - { name: login, method: POST, path: /login, json: { password: "\${PERF_SECRET}" }, capture: { token: "$.token" }, expect: { status: 200 } }
requests:
  - path: /items?key=\${PERF_SECRET}
    headers: { authorization: "Bearer \${PERF_SECRET}", cookie: "sid=\${PERF_SECRET}" }
  - { name: me, path: /me, headers: { x-session: "\${token}" }, expect: { status: 200 } }
stages:
  - { name: load, kind: load, rate: 10/s, duration: 1s }
thresholds:
  "*": { error_rate: "< 1%" }
regression: {}   # 10 requests are too few for a steady p95: only the threshold decides
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-secrets-'));
  target = await startTarget({
    route: (req, res) => {
      // Every answer sets a session cookie; the login also hands out a token the plan captures.
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': `sid=${COOKIE}; HttpOnly` });
      res.end(req.url === '/login' ? JSON.stringify({ token: TOKEN }) : '{"ok":true}');
      return true;
    },
  });
  api = await startFakeGitHubApi({ installationToken: true, token: GITHUB_TOKEN });
  await writeFile(path.join(dir, 'plan.yml'), planFor(target.url));
});
afterAll(async () => {
  await target.close();
  await api.close();
});

/** Every planted string found in `text`, with the name of the output it was found in. */
function leaks(outputs: Record<string, string>): string[] {
  return Object.entries(outputs).flatMap(([name, text]) =>
    PLANTED.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s))).map((s) => `${s} in ${name}`),
  );
}

/** Every file below `root`, by relative path → content. */
async function filesBelow(root: string): Promise<Record<string, string>> {
  if (!existsSync(root)) return {};
  const out: Record<string, string> = {};
  for (const name of await readdir(root, { recursive: true })) {
    const file = path.join(root, name);
    if ((await stat(file)).isFile()) out[name] = await readFile(file, 'utf8');
  }
  return out;
}

describe('secrets in the CLI bundle', () => {
  it('a run with --out and --save-baseline: no planted value in stdout, stderr, report.json, summary.md or the baseline', async () => {
    const seenBefore = target.headersSeen.length;
    const r = await runCli(['run', 'plan.yml', '--out', 'cli-out', '--save-baseline', 'cli-base.json'], { cwd: dir, env: { PERF_SECRET: SECRET } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The values were really used: the secret in the path and the headers, the captured token sent.
    const seen = target.headersSeen.slice(seenBefore);
    expect(seen.some((h) => h.authorization === `Bearer ${SECRET}` && h.cookie === `sid=${SECRET}`)).toBe(true);
    expect(seen.some((h) => h['x-session'] === TOKEN)).toBe(true);
    const report = JSON.parse(await readFile(path.join(dir, 'cli-out', 'report.json'), 'utf8'));
    expect(report.stages[0].endpoints.map((e: { name: string }) => e.name).sort()).toEqual(['GET /items?key=***', 'me', 'session:login']);
    expect(report.target).toBe(target.url);
    expect(await readFile(path.join(dir, 'cli-out', 'summary.md'), 'utf8')).toContain('| GET /items?key=\\*\\*\\* |');

    const baseline = await readFile(path.join(dir, 'cli-base.json'), 'utf8');
    expect(baseline).toContain('GET /items?key=***');
    expect(leaks({ stdout: r.stdout, stderr: r.stderr, baseline, ...(await filesBelow(path.join(dir, 'cli-out'))) })).toEqual([]);
  });

  it('a plan error whose refused value holds the secret: stderr shows *** instead', async () => {
    await writeFile(
      path.join(dir, 'bad.yml'),
      planFor(target.url).replace('path: /items?key=', 'path: items?key=').replace('rate: 10/s', 'rate: "${PERF_SECRET}"'),
    );
    const r = await runCli(['run', 'bad.yml'], { cwd: dir, env: { PERF_SECRET: SECRET } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yml:\d+:\d+: .*"items\?key=\*\*\*" must start with "\/"/m);
    expect(r.stderr).toMatch(/^bad\.yml:\d+:\d+: .*"\*\*\*" is not a rate/m);
    expect(leaks({ stdout: r.stdout, stderr: r.stderr })).toEqual([]);
  });

  it('an unreachable target whose URL holds the secret (userinfo and query): exit 3, no secret in the message', async () => {
    await writeFile(
      path.join(dir, 'closed.yml'),
      planFor('http://127.0.0.1:1').replace(
        'url: "http://pguser:${PERF_SECRET}@127.0.0.1:1"',
        'url: "http://pguser:${PERF_SECRET}@127.0.0.1:1/?key=${PERF_SECRET}"',
      ),
    );
    const r = await runCli(['run', 'closed.yml', '--out', 'closed-out'], { cwd: dir, env: { PERF_SECRET: SECRET } });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/^perf-gate: /m);
    expect(leaks({ stdout: r.stdout, stderr: r.stderr })).toEqual([]);
  });
});

describe('secrets in the action bundle', () => {
  async function runAction(label: string, headRepo: string, plan = 'plan.yml') {
    const files = {
      summary: path.join(dir, `${label}-summary.md`),
      output: path.join(dir, `${label}-output.txt`),
      event: path.join(dir, `${label}-event.json`),
    };
    await writeFile(files.summary, '');
    await writeFile(files.output, '');
    const repo = (fullName: string) => ({ full_name: fullName, default_branch: 'main' });
    await writeFile(
      files.event,
      JSON.stringify({
        number: 5,
        repository: repo('o/r'),
        pull_request: { number: 5, head: { sha: 'e'.repeat(40), repo: repo(headRepo) }, base: { sha: 'd'.repeat(40), repo: repo('o/r') } },
      }),
    );
    const r = await runNode('dist/index.js', [], {
      cwd: dir,
      env: {
        PERF_SECRET: SECRET,
        GITHUB_WORKSPACE: dir,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REF: 'refs/pull/5/merge',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: api.url,
        INPUT_PLAN: plan,
        INPUT_OUT: `${label}-out`,
        INPUT_BASELINE: 'file:cli-base.json',
        'INPUT_SAVE-BASELINE': 'true',
        'INPUT_COMMENT-FILE': `${label}-comment/comment.json`,
        'INPUT_GITHUB-TOKEN': GITHUB_TOKEN,
      },
    });
    return { ...r, summary: await readFile(files.summary, 'utf8'), output: await readFile(files.output, 'utf8') };
  }

  it('a pull request run masks the value for the runner, and no summary, output, comment or report holds a planted value', async () => {
    const r = await runAction('pr', 'o/r');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`::add-mask::${SECRET}`);
    expect(r.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`);
    const posted = api.calls.filter((c) => c.method === 'POST' || c.method === 'PATCH');
    expect(posted).toHaveLength(1);
    const comment = JSON.stringify(posted[0]!.body);
    expect(comment).toContain('perf-gate: pass');
    expect(r.summary).toContain('| GET /items?key=\\*\\*\\* |');
    expect(await readFile(path.join(dir, 'pr-out', 'report.json'), 'utf8')).toContain('"GET /items?key=***"');
    expect(
      leaks({
        stdout: withoutMaskCommands(r.stdout),
        stderr: r.stderr,
        summary: r.summary,
        output: r.output,
        comment,
        ...(await filesBelow(path.join(dir, 'pr-out'))),
      }),
    ).toEqual([]);
  });

  it("a fork's pull request: the comment handed off to a file holds no planted value either", async () => {
    const r = await runAction('fork', 'someone/fork');
    expect(r.code, r.stdout).toBe(0);
    const handOff = await filesBelow(path.join(dir, 'fork-comment'));
    expect(Object.keys(handOff)).toEqual(['comment.json']);
    expect(handOff['comment.json']).toContain('perf-gate: pass');
    expect(
      leaks({
        stdout: withoutMaskCommands(r.stdout),
        stderr: r.stderr,
        summary: r.summary,
        output: r.output,
        ...handOff,
        ...(await filesBelow(path.join(dir, 'fork-out'))),
      }),
    ).toEqual([]);
  });

  it('a plan error whose refused value holds the secret: the annotations show *** instead', async () => {
    const r = await runAction('bad', 'o/r', 'bad.yml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=bad\.yml,line=\d+,col=\d+::.*"\*\*\*" is not a rate/m);
    expect(leaks({ stdout: withoutMaskCommands(r.stdout), stderr: r.stderr, summary: r.summary, output: r.output })).toEqual([]);
  });
});
