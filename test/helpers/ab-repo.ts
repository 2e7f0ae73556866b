/**
 * A throwaway git repository for turnkey A/B (`ab --base-ref`): a tiny app with a build step, a plan
 * that builds and starts it on `${PORT}`, and helpers to commit a slowdown and to check that a run
 * left nothing behind (no process of either side, no worktree, no changed file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/**
 * The app: GET / and GET /search answer after `delay` ms (search after `delay + slowMs`). It will not
 * start unless its build ran in its own tree (built.txt), and it writes its pid to $PIDS_DIR/$SIDE.pid.
 */
export function appSource(slowMs: number): string {
  return `import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
const built = readFileSync(new URL('./built.txt', import.meta.url), 'utf8');
const port = Number(process.argv[2]);
const SLOW_MS = ${slowMs};
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end(built);
  setTimeout(() => res.end('{"ok":true}'), req.url === '/search' ? 1 + SLOW_MS : 1);
});
server.listen(port, '127.0.0.1', () => {
  if (process.env.PIDS_DIR) writeFileSync(process.env.PIDS_DIR + '/' + process.env.SIDE + '.pid', String(process.pid));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
}

export const AB_PLAN = `version: 1
target:
  url: http://127.0.0.1:\${PORT}
  build: node build.mjs
  start: node app.mjs \${PORT}
  ready: /healthz
  ready_timeout: 10s
requests:
  - { name: home, path: /, weight: 1 }
  - { name: search, path: /search, weight: 3 }
stages:
  - { name: load, kind: load, vus: 2, think: 10ms, duration: 3s }
regression:
  p50: "+50%"
  p95: "+50%"
  error_rate: "+1pp"
`;

export interface AbRepo {
  /** The repository (its checkout is the head). */
  dir: string;
  /** Where the apps write their pids ($PIDS_DIR). */
  pids: string;
  /** The commit before the slowdown, and the one with it (HEAD). */
  before: string;
  after: string;
}

/** A repository with the app and the plan committed, then a commit slowing /search by `slowMs`. */
export async function makeAbRepo(root: string, slowMs = 6): Promise<AbRepo> {
  const dir = path.join(root, 'repo');
  const pids = path.join(root, 'pids');
  await mkdir(dir, { recursive: true });
  await mkdir(pids, { recursive: true });
  git(dir, 'init', '-q');
  await writeFile(path.join(dir, '.gitignore'), 'built.txt\nperf-gate-report/\n');
  await writeFile(path.join(dir, 'build.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync('built.txt', 'built for ' + process.env.SIDE);\n`);
  await writeFile(path.join(dir, 'app.mjs'), appSource(0));
  await writeFile(path.join(dir, 'plan.yml'), AB_PLAN);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'app');
  const before = git(dir, 'rev-parse', 'HEAD');
  await writeFile(path.join(dir, 'app.mjs'), appSource(slowMs));
  git(dir, 'commit', '-q', '-am', `search ${slowMs} ms slower`);
  return { dir, pids, before, after: git(dir, 'rev-parse', 'HEAD') };
}

export const tempRoot = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'perf-gate-turnkey-'));

/** Whether `pid` is a live process (a zombie, which nobody may reap in a container, is not). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pids the apps wrote, by side. */
export function appPids(repo: AbRepo): Record<string, number> {
  if (!existsSync(repo.pids)) return {};
  return Object.fromEntries(readdirSync(repo.pids).map((f) => [f.replace(/\.pid$/, ''), Number(readFileSync(path.join(repo.pids, f), 'utf8'))]));
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The worktrees git knows of (the checkout itself included). */
export const worktrees = (repo: AbRepo): string[] =>
  git(repo.dir, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree '));

/** What `git status` shows, ignored files left out (built.txt, reports): empty when nothing changed. */
export const changes = (repo: AbRepo): string => git(repo.dir, 'status', '--porcelain');
