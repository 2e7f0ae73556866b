/**
 * The load destination guard through the bundles: a host that is not loopback is refused before
 * any connection (target.start included), and the first line of a run says where load goes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runNode } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';

let dir: string;
let target: TestTarget;

/** target.start would leave a file behind: proof that nothing was started. */
const plan = (url: string, extra = '') => `version: 1
target:
  url: ${url}
  start: node -e "require('fs').writeFileSync('started', 'x')"
  ready_timeout: 2s${extra}
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 20/s, duration: 1s }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-destination-'));
  target = await startTarget();
  await writeFile(path.join(dir, 'local.yml'), plan('http://127.0.0.1:1').replace(/\n  start: .*\n  ready_timeout: 2s/, ''));
});
afterAll(async () => {
  await target.close();
});

describe('load destination', () => {
  it.each([
    ['a remote --target', ['--target', 'http://perf-gate-test.invalid:8080'], 'plan.yml', 'perf-gate-test.invalid:8080'],
    ['a remote --target (an address)', ['--target', 'http://user:pw@192.0.2.1:3000/?key=k3y'], 'plan.yml', '192.0.2.1:3000'],
    ['a remote target.url', [], 'remote.yml', '192.0.2.1:80'],
  ])('%s without allow_remote exits 2 before any connection', async (_, extra, file, shown) => {
    await writeFile(path.join(dir, 'plan.yml'), plan('http://127.0.0.1:1'));
    await writeFile(path.join(dir, 'remote.yml'), plan('http://192.0.2.1'));
    const started = Date.now();
    const r = await runCli(['run', file, ...extra], { cwd: dir });
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.stderr.trim().split('\n')).toEqual([
      `perf-gate: refusing to send load to ${shown}: it is not a loopback address; to allow it, set target.allow_remote: true in the plan or add ${shown.replace(/:\d+$/, '')} to the allowed-hosts input`,
    ]);
    expect(r.stderr).not.toMatch(/pw|k3y/);
    expect(existsSync(path.join(dir, 'started'))).toBe(false);
  });

  it('the first stderr line names where load goes (no credentials, no query)', async () => {
    const r = await runCli(['run', 'local.yml', '--target', `http://user:pw@127.0.0.1:${target.port}/?key=k3y`, '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`perf-gate: load goes to ${target.url} (loopback)`);
    expect(r.stderr + r.stdout).not.toMatch(/pw|k3y/);
  });

  it('target.allow_remote: true lets a host that is not loopback through, and the first line says so', async () => {
    // 0.0.0.0 is not loopback by the rule, yet reaches this machine: a remote host that answers.
    const url = `http://0.0.0.0:${target.port}`;
    await writeFile(path.join(dir, 'allowed.yml'), plan(url, '\n  allow_remote: true').replace(/\n  start: .*/, ''));
    const r = await runCli(['run', 'allowed.yml', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`perf-gate: load goes to ${url} (remote, allowed by target.allow_remote)`);
  });

  it('the action: refused without allowed-hosts; with the host in allowed-hosts the first log line says why it may go there', async () => {
    const url = `http://0.0.0.0:${target.port}`;
    const run = (inputs: Record<string, string>) => {
      const env: Record<string, string> = { GITHUB_WORKSPACE: dir };
      for (const [k, v] of Object.entries({ plan: 'local.yml', baseline: 'none', comment: 'never', target: url, ...inputs }))
        env[`INPUT_${k.toUpperCase()}`] = v;
      return runNode('dist/index.js', [], { cwd: dir, env });
    };
    const refused = await run({});
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `::error::perf-gate: refusing to send load to 0.0.0.0:${target.port}: it is not a loopback address (0.0.0.0 is a listen address: to reach this machine use 127.0.0.1)`,
    );
    const allowed = await run({ 'allowed-hosts': `other.example.com\n0.0.0.0:${target.port}` });
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(allowed.stdout.split('\n')[0]).toBe(`perf-gate: load goes to ${url} (remote, allowed by the allowed-hosts input)`);
  });
});
