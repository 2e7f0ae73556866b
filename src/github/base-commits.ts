/**
 * The commits a PR's result should be compared with, best first: the base branch tip the PR merges
 * into, then its ancestors as far as the checkout has history (actions/checkout's default depth of
 * 1 has none; `fetch-depth: 0` gives the full walk back). The store picks the first that has a result.
 */
import { execFileSync } from 'node:child_process';

export function baseCommits(baseSha: string | undefined, repoDir: string, max = 50): string[] | undefined {
  if (!baseSha) return undefined;
  try {
    const out = execFileSync('git', ['rev-list', '--first-parent', `--max-count=${max}`, baseSha], {
      cwd: repoDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const commits = out.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l));
    return commits.length > 0 ? commits : [baseSha];
  } catch {
    return [baseSha];
  }
}
