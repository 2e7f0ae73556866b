/**
 * Turnkey A/B (`ab --base-ref`) where it goes wrong, on a real throwaway repository and real
 * processes: a ref that names nothing, a build that fails, a side that never gets ready, a plan
 * that cannot tell the sides apart. Each is one clear error naming the side and the command, and
 * leaves no process, no worktree and no changed file behind. Also: rounds compare like with like
 * (closed-model users log in once per side; timelines against time in the rounds).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAbAndGate, type Logger } from '../../src/core.js';
import { BuildError, GitRefError, TargetUnreachableError, UsageError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';
import { runAb } from '../../src/load/ab.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { AB_PLAN, alive, appPids, changes, git, makeAbRepo, tempRoot, worktrees, type AbRepo } from '../helpers/ab-repo.js';

const quiet: Logger = { info: () => {}, warn: () => {} };
let repo: AbRepo;

beforeAll(async () => {
  repo = await makeAbRepo(await tempRoot());
  // Variants of the plan, committed so the checkout stays clean.
  const variant = (from: string, to: string) => AB_PLAN.replace(from, to);
  await writeFile(path.join(repo.dir, 'build-fails.yml'), variant('build: node build.mjs', 'build: node -e "console.log(\'no compiler\'); process.exit(4)"'));
  await writeFile(
    path.join(repo.dir, 'head-dies.yml'),
    variant('start: node app.mjs ${PORT}', 'start: test ${SIDE} = base && node app.mjs ${PORT} || (sleep 1; exit 1)'),
  );
  await writeFile(path.join(repo.dir, 'one-port.yml'), variant('url: http://127.0.0.1:${PORT}', 'url: http://127.0.0.1:9'));
  await writeFile(path.join(repo.dir, 'quick.yml'), variant('duration: 3s', 'duration: 1s'));
  await writeFile(path.join(repo.dir, 'side-in-path.yml'), variant('path: /search', 'path: "/search/${SIDE}"'));
  git(repo.dir, 'add', '.');
  git(repo.dir, 'commit', '-q', '-m', 'plan variants');
}, 30_000);

const ab = (plan: string, baseRef: string) =>
  runAbAndGate({
    planFile: plan,
    baseRef,
    rounds: 2,
    outDir: 'perf-gate-report',
    env: { PIDS_DIR: repo.pids, PATH: process.env.PATH },
    cwd: repo.dir,
    log: quiet,
  });

/** Nothing of either side is left: no live app, no worktree, no changed file. */
function leftNothing(): void {
  for (const [side, pid] of Object.entries(appPids(repo))) expect(alive(pid), `${side} app ${pid} still running`).toBe(false);
  expect(worktrees(repo)).toHaveLength(1);
  expect(changes(repo)).toBe('');
}

describe('ab --base-ref: failures are one clear line, and nothing is left behind', () => {
  it('a ref that names nothing is exit 2 before anything is built', async () => {
    const err = await ab('plan.yml', 'no-such-branch').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitRefError);
    expect((err as GitRefError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/^base ref "no-such-branch" names no commit in .*repo \(fetch it first/);
    leftNothing();
  });

  it('a build that fails is exit 3, naming the side, the command and its last output', async () => {
    const err = await ab('build-fails.yml', 'HEAD').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/^base build failed: target\.build `node -e .*` exited \(4\) in .*perf-gate-base-.*; its last output: no compiler$/);
    leftNothing();
  }, 20_000);

  it('a side that never gets ready is exit 3 naming it; the other side, already up, is stopped', async () => {
    const err = await ab('head-dies.yml', 'HEAD').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toMatch(
      /^head side \(target\.start `test head = base && node app\.mjs \d+ \|\| \(sleep 1; exit 1\)` in .*repo\) never got ready: target start command exited \(1\)/,
    );
    // The base side did start (it wrote its pid), and was stopped with the run.
    expect(appPids(repo).base).toBeGreaterThan(0);
    leftNothing();
  }, 30_000);

  it('refuses a plan whose sides would share one URL, or send different loads, before building', async () => {
    await expect(ab('one-port.yml', 'HEAD')).rejects.toThrow(/target\.url must hold \$\{PORT\}/);
    await expect(ab('side-in-path.yml', 'HEAD')).rejects.toThrow(/\$\{PORT\} or \$\{SIDE\} outside target: would make base and head send different loads/);
    await expect(
      runAbAndGate({ planFile: 'plan.yml', baseRef: 'HEAD', baseUrl: 'http://127.0.0.1:1', outDir: 'x', env: {}, cwd: repo.dir, log: quiet }),
    ).rejects.toThrow(UsageError);
    leftNothing();
  });
});

describe('ab --base-ref: the build cache of the checkout', () => {
  it('skips the head build when the checkout is built at this commit and unchanged; the base always builds; a change builds again', async () => {
    const runLogged = async (extra: { rebuild?: boolean } = {}) => {
      const lines: string[] = [];
      const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m) };
      const outcome = await runAbAndGate({
        planFile: 'quick.yml',
        baseRef: 'HEAD',
        rounds: 2,
        outDir: 'perf-gate-report',
        env: { PIDS_DIR: repo.pids, PATH: process.env.PATH },
        cwd: repo.dir,
        log,
        ...extra,
      });
      expect(outcome.report.verdict, JSON.stringify(outcome.report.checks)).not.toBe('fail');
      return lines.filter((l) => /^(base|head): (build|built)/.test(l)).map((l) => l.replace(/ in .*| \(.*/, ''));
    };
    expect(await runLogged({ rebuild: true })).toEqual(['base: building', 'base: built', 'head: building', 'head: built']);
    expect(await runLogged()).toEqual([
      'base: building',
      'base: built',
      expect.stringMatching(/^head: build skipped: `node build\.mjs` already built .*repo at this commit, and nothing changed since$/),
    ]);
    // The build's output changed (or is gone): built again.
    await writeFile(path.join(repo.dir, 'built.txt'), 'stale');
    expect(await runLogged()).toEqual(['base: building', 'base: built', 'head: building', 'head: built']);
    leftNothing();
  }, 60_000);
});

describe('A/B rounds compare like with like', () => {
  let base: TestTarget;
  let head: TestTarget;
  const logins = { base: 0, head: 0 };
  const loginRoute = (side: 'base' | 'head') => (req: { url?: string }, res: { end: (b: string) => void }) => {
    if (req.url !== '/login') return false;
    logins[side]++;
    res.end('{"token":"t0k3n"}');
    return true;
  };
  beforeAll(async () => {
    base = await startTarget({ delayMs: 1, route: loginRoute('base') });
    head = await startTarget({ delayMs: 1, route: loginRoute('head') });
  });
  afterAll(async () => {
    await Promise.all([base.close(), head.close()]);
  });

  it('a closed-model user logs in once per side, not once per round; rounds are drawn against time in the round', async () => {
    const plan = parsePlan(
      `version: 1
target: { url: "http://127.0.0.1:1" }
session:
  - { name: login, method: POST, path: /login, capture: { token: "$.token" } }
requests:
  - { name: root, path: /, headers: { authorization: "Bearer \${token}" } }
stages:
  - { name: users, kind: load, vus: 4, duration: 3s }
`,
      'plan.yml',
      {},
    );
    const started = Date.now();
    const run = await runAb(plan, { baseUrl: base.url, headUrl: head.url, rounds: 6 });
    // 4 users per side log in once (before the warm-up's clock), not 4 × 7 times.
    expect(logins).toEqual({ base: 4, head: 4 });
    const stage = run.head.stages[0]!;
    // Six 0.5-s rounds: 3 s of sending per side, and the rounds' time is not stretched by logins.
    expect(stage.spec.kind === 'load' && stage.spec.durationMs).toBe(3000);
    expect(stage.durationMs).toBeLessThan(3600);
    expect(Date.now() - started).toBeLessThan(12_000);
    // Windows at 0, 0.5, 1, … and a half-second window's rate is per second of the time it covered.
    const windows = stage.timeline;
    expect(windows.map((w) => w.t)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    for (const w of windows) expect(w.rps).toBeCloseTo(w.requests / 0.5, 0);
    expect(base.headersSeen.concat(head.headersSeen).every((h) => h.authorization === undefined || h.authorization === 'Bearer t0k3n')).toBe(true);
  }, 30_000);
});
