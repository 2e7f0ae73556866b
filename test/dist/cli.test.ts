/** The bundled CLI as a process: exit codes, located plan problems, one-line failures, files written. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { existsSync } from 'node:fs';
import { ROOT, runCli } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { VERSION } from '../../src/version.js';
import { startDemoServer } from '../../src/demo/server.js';

let dir: string;
let target: TestTarget;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-cli-'));
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

const GOOD = `version: 1
target:
  url: http://127.0.0.1:1
requests:
  - name: root
    path: /
stages:
  - { name: load, kind: load, rate: 50/s, duration: 3s }
thresholds:
  load: { p95: "< 500ms" }
`;

/** No stack trace: no "    at fn (file:line)" frames, no internal error wording. */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr).not.toContain('internal error');
}

describe('bad plans: exit 2 with file:line:col for every problem', () => {
  const cases: Array<[string, string, RegExp[]]> = [
    ['yaml syntax', `version: 1\ntarget:\n  url: http://127.0.0.1:1\nrequests: [\n`, [/^bad\.yml:\d+:\d+: /m]],
    ['unknown key, did you mean', GOOD.replace('duration: 3s }', 'durration: 3s }'), [/^bad\.yml:8:43: unknown key "durration".*did you mean "duration"/m]],
    ['bad duration', GOOD.replace('duration: 3s', 'duration: fast'), [/^bad\.yml:8:\d+: .*"fast" is not a duration/m]],
    ['missing env var', GOOD.replace('path: /', 'path: /${NOPE_NOT_SET}'), [/^bad\.yml:6:\d+: .*NOPE_NOT_SET/m]],
    ['unknown stage in thresholds', GOOD.replace('  load: { p95', '  lod: { p95'), [/^bad\.yml:10:3: .*"lod".*did you mean "load"/m]],
    [
      'several problems, all reported in line order',
      GOOD.replace('path: /', 'path: /\n    weight: -1').replace('rate: 50/s', 'rate: 50/s, vus: 3'),
      [/^bad\.yml:7:\d+: .*weight/m, /^bad\.yml:9:\d+: .*(rate|vus)/m],
    ],
  ];
  for (const [name, text, patterns] of cases) {
    it(name, async () => {
      await writeFile(path.join(dir, 'bad.yml'), text);
      for (const command of ['validate', 'run']) {
        const r = await runCli(command === 'run' ? ['run', 'bad.yml', '--target', target.url] : ['validate', 'bad.yml'], { cwd: dir });
        expect(r.code, r.stderr).toBe(2);
        for (const p of patterns) expect(r.stderr).toMatch(p);
        expectNoStack(r.stderr);
      }
    });
  }

  it('a plan file that does not exist', async () => {
    const r = await runCli(['validate', 'missing.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^missing\.yml:1:1: cannot read the plan/m);
  });
});

describe('run, exit codes and files', () => {
  it('validate accepts a good plan', async () => {
    await writeFile(path.join(dir, 'good.yml'), GOOD);
    const r = await runCli(['validate', 'good.yml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('good.yml: ok');
  });

  it('an unreachable target exits 3 naming the URL', async () => {
    await writeFile(path.join(dir, 'good.yml'), GOOD);
    const r = await runCli(['run', 'good.yml', '--target', 'http://127.0.0.1:9'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^perf-gate: target http:\/\/127\.0\.0\.1:9 is not reachable: .*ECONNREFUSED/m);
    expectNoStack(r.stderr);
  });

  it('a missing baseline file exits 2 before any load is sent', async () => {
    const before = target.served();
    const r = await runCli(['run', 'good.yml', '--target', target.url, '--baseline', 'nope.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^perf-gate: cannot read nope\.json: no such file/m);
    expect(target.served()).toBe(before);
  });

  it('bad flags and unknown commands exit 2 with one line', async () => {
    for (const args of [['run', 'good.yml', '--bogus'], ['frobnicate'], ['compare', 'only-one.json']]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('run writes report.json and summary.md, saves a baseline, and compare re-gates saved results', async () => {
    await writeFile(path.join(dir, 'good.yml'), GOOD.replace('regression', 'regression'));
    target.set({ delayMs: 5 });
    const base = await runCli(['run', 'good.yml', '--target', target.url, '--out', 'out-base', '--save-baseline', 'base.json'], { cwd: dir });
    expect(base.code, base.stderr).toBe(0);
    expect(base.stdout).toMatch(/stage\s+kind\s+requests/);
    const report = JSON.parse(await readFile(path.join(dir, 'out-base', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ tool: 'perf-gate', schema: 1, verdict: 'pass', target: target.url });
    expect(report.stages[0]).toMatchObject({ name: 'load', kind: 'load', protocol: 'http', requests: 150, errors: 0 });
    expect(typeof report.stages[0].histogram).toBe('string');
    expect(await readFile(path.join(dir, 'out-base', 'summary.md'), 'utf8')).toContain('perf-gate: pass');
    expect(base.stdout).toContain(`html report: ${path.join('out-base', 'report.html')}`);
    expect(await readFile(path.join(dir, 'out-base', 'report.html'), 'utf8')).toContain('<svg class="chart"');

    target.set({ delayMs: 15 });
    const slow = await runCli(['run', 'good.yml', '--target', target.url, '--out', 'out-slow', '--quiet'], { cwd: dir });
    expect(slow.code).toBe(0); // no baseline given: thresholds only, and p95 < 500ms holds

    const same = await runCli(['compare', 'base.json', 'out-base/report.json', '--out', 'cmp-same', '--quiet'], { cwd: dir });
    expect(same.code, same.stderr).toBe(0);
    const worse = await runCli(['compare', 'base.json', 'out-slow/report.json', '--plan', 'good.yml', '--out', 'cmp-worse', '--quiet'], { cwd: dir });
    expect(worse.code, worse.stdout + worse.stderr).toBe(1);
    expect(worse.stderr).toMatch(/^perf-gate: the gate failed: load p50 \+10%/m);
  });

  it('a corrupt baseline is reported, not crashed on', async () => {
    await writeFile(path.join(dir, 'corrupt.json'), '{"tool": "perf-gate", "stages": [');
    const r = await runCli(['compare', 'corrupt.json', 'out-base/report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^perf-gate: corrupt\.json is not valid JSON/m);
    await writeFile(path.join(dir, 'other.json'), '{"hello": 1}');
    const o = await runCli(['compare', 'other.json', 'out-base/report.json'], { cwd: dir });
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('is not a perf-gate report');
  });

  it('Ctrl-C stops the load within a second, even against a slow target, writes a partial report marked cancelled, and saves no baseline', async () => {
    // Half the requests take 5 s (timeout 10 s): at Ctrl-C some are always in flight.
    const plan = GOOD.replace('duration: 3s', 'duration: 30s')
      .replace('    path: /', '    path: /\n  - { name: slow, path: /slow }')
      .replace('requests:', 'defaults: { timeout: 10s }\nrequests:');
    await writeFile(path.join(dir, 'long.yml'), plan);
    target.set({
      delayMs: 2,
      route: (req, res) => {
        if (req.url !== '/slow') return false;
        setTimeout(() => res.end('late'), 5000);
        return true;
      },
    });
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'dist/cli.js'), 'run', 'long.yml', '--target', target.url, '--out', 'out-cancel', '--save-baseline', 'cancel-base.json'],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise((r) => setTimeout(r, 2500));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(Date.now() - sentAt).toBeLessThan(1500);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expectNoStack(stderr);
    const report = JSON.parse(await readFile(path.join(dir, 'out-cancel', 'report.json'), 'utf8'));
    expect(report.cancelled).toBe(true);
    const byName = Object.fromEntries(report.stages[0].endpoints.map((e: { name: string; requests: number }) => [e.name, e.requests]));
    // The fast half was measured; the slow requests cut off by Ctrl-C are not counted at all (no errors).
    expect(byName.root).toBeGreaterThan(20);
    expect(byName.slow ?? 0).toBe(0);
    expect(report.stages[0].errors).toBe(0);
    expect(existsSync(path.join(dir, 'cancel-base.json'))).toBe(false);
  });

  it('a second Ctrl-C quits at once, without waiting for a started target that ignores SIGTERM, and leaves it not running', async () => {
    // The started target ignores SIGTERM: after one Ctrl-C perf-gate would wait 3 s before SIGKILL.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(p));
      });
    });
    const pidFile = path.join(dir, 'stubborn.pid');
    await writeFile(
      path.join(dir, 'stubborn.mjs'),
      `import http from 'node:http'; import fs from 'node:fs';
process.on('SIGTERM', () => {}); fs.writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
http.createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1');`,
    );
    const plan = GOOD.replace('duration: 3s', 'duration: 30s').replace(
      'target:\n  url: http://127.0.0.1:1',
      `target:\n  url: http://127.0.0.1:${port}\n  start: node stubborn.mjs\n  ready: /\n  ready_timeout: 10s`,
    );
    await writeFile(path.join(dir, 'stubborn.yml'), plan);
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'run', 'stubborn.yml', '--out', 'out-stubborn'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((r) => child.on('close', r));
    try {
      await new Promise((r) => setTimeout(r, 2500));
      expect(existsSync(pidFile), stderr).toBe(true);
      const sentAt = Date.now();
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(Date.now() - sentAt).toBeLessThan(1500);
      expectNoStack(stderr);
      // The started target went with it (SIGKILL to its process group), not left listening.
      await new Promise((r) => setTimeout(r, 300));
      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      child.kill('SIGKILL');
      try {
        process.kill(Number(await readFile(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        /* gone, as it should be */
      }
    }
  });

  it.each([
    [
      'a start command that exits early',
      '{ url: "http://127.0.0.1:1", start: "echo boom >&2; exit 7", ready: /healthz, ready_timeout: 30s }',
      /^perf-gate: target start command exited \(7\) before http:\/\/127\.0\.0\.1:1 was ready; its last output: boom\n$/,
    ],
    [
      'a host that does not resolve',
      '{ url: "http://perf-gate-test.invalid:8080", allow_remote: true }',
      /^perf-gate: target http:\/\/perf-gate-test\.invalid:8080 is not reachable: .*perf-gate-test\.invalid.*\n$/,
    ],
  ])('%s: exit 3, one line, quickly', async (_name, targetBlock, line) => {
    await writeFile(path.join(dir, 'unready.yml'), GOOD.replace('target:\n  url: http://127.0.0.1:1', `target: ${targetBlock}`));
    const started = Date.now();
    const r = await runCli(['run', 'unready.yml', '--out', 'out-unready'], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    // The run's first line says where load goes; then one line says why it could not.
    const [where, ...why] = r.stderr.split(/(?<=\n)/);
    expect(where).toMatch(/^perf-gate: load goes to /);
    expect(why.join('')).toMatch(line);
    expectNoStack(r.stderr);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a stale server already on the port of target.start: exit 3 naming host:port, no load sent, the command not run', async () => {
    const block = `{ url: "${target.url}", start: "touch started-stale", ready: /healthz, ready_timeout: 30s }`;
    await writeFile(path.join(dir, 'stale.yml'), GOOD.replace('target:\n  url: http://127.0.0.1:1', `target: ${block}`));
    const served = target.served();
    const r = await runCli(['run', 'stale.yml', '--out', 'out-stale'], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      `\nperf-gate: something is already listening on 127.0.0.1:${target.port}: stop it, or drop target.start to test the running server\n`,
    );
    expectNoStack(r.stderr);
    expect(target.served()).toBe(served);
    expect(existsSync(path.join(dir, 'started-stale'))).toBe(false);
  });

  it('an error nothing caught (a stray exception, a rejected promise) is one line and exit 2, no stack trace', async () => {
    await writeFile(path.join(dir, 'good.yml'), GOOD);
    for (const stray of ['setTimeout(() => { throw new Error("pg-stray") }, 200)', 'setTimeout(() => Promise.reject(new Error("pg-stray")), 200)']) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          `data:text/javascript,${encodeURIComponent(stray)}`,
          path.join(ROOT, 'dist/cli.js'),
          'run',
          'good.yml',
          '--target',
          target.url,
          '--out',
          'out-stray',
        ],
        {
          cwd: dir,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((r) => child.on('close', r));
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/^perf-gate: internal error: pg-stray$/m);
      expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });

  it('a --target that is not an http(s) URL exits 2 at once', async () => {
    for (const bad of ['127.0.0.1:3000', 'notaurl', 'ftp://127.0.0.1/']) {
      const started = Date.now();
      const r = await runCli(['run', 'good.yml', '--target', bad], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--target "${bad}" is not an absolute http(s) URL`);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('a 200-user stage with think time prints nothing on stderr perf-gate did not mean to (no MaxListenersExceededWarning)', async () => {
    await writeFile(
      path.join(dir, 'many-users.yml'),
      `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: crowd, kind: load, vus: 200, think: 20ms, duration: 2s }
`,
    );
    target.set({ delayMs: 1 });
    const r = await runCli(['run', 'many-users.yml', '--target', target.url, '--out', 'many-users', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/Warning|\(node:\d+\)/);
  });

  it('runs a WebSocket stage against the demo target: report fields, summary line, exit 0', async () => {
    const demo = await startDemoServer();
    try {
      const ws = `version: 1
target: { url: http://127.0.0.1:1 }
websocket:
  path: /ws
  send: '{"op":"ping","id":"\${seq}"}'
  expect_reply: { json_field: id }
stages:
  - { name: live, kind: load, protocol: ws, connections: 5, rate: 50/s, duration: 2s }
thresholds:
  live: { p95: "< 200ms", error_rate: "< 1%" }
`;
      await writeFile(path.join(dir, 'ws.yml'), ws);
      const v = await runCli(['validate', 'ws.yml'], { cwd: dir });
      expect(v.code).toBe(0);
      expect(v.stdout).not.toContain('cannot run');
      const r = await runCli(['run', 'ws.yml', '--target', demo.url, '--out', 'out-ws'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/live\s+load \(ws\)\s+100\s/);
      expect(r.stdout).toContain('live (ws request_reply): 5 connections opened');
      expect(demo.counts.get('ws /ws')).toBe(100);
      const report = JSON.parse(await readFile(path.join(dir, 'out-ws', 'report.json'), 'utf8'));
      const s = report.stages[0];
      expect(s).toMatchObject({ protocol: 'ws', ws_mode: 'request_reply', requests: 100, errors: 0, closes_by_code: {}, reconnects: 0 });
      expect(s.connect_ms.p50).toBeGreaterThan(0);
      expect(s.errors_by_kind.closed_abnormally).toBe(0);
    } finally {
      await demo.close();
    }
  });

  it('a --stage subset is never saved as a baseline, and a stage missing from the baseline warns', async () => {
    const two = GOOD.replace(
      '  - { name: load, kind: load, rate: 50/s, duration: 3s }',
      '  - { name: load, kind: load, rate: 50/s, duration: 3s }\n  - { name: warm, kind: baseline, duration: 1s }',
    );
    await writeFile(path.join(dir, 'two.yml'), two);
    target.set({ delayMs: 1 });
    const partial = await runCli(['run', 'two.yml', '--target', target.url, '--stage', 'warm', '--save-baseline', 'partial.json', '--quiet'], { cwd: dir });
    expect(partial.code).toBe(0);
    expect(partial.stderr).toContain('baseline not saved to file partial.json: only some stages ran (--stage)');
    expect(existsSync(path.join(dir, 'partial.json'))).toBe(false);

    // base.json is the one-stage plan's: another load shape, compared only when forced.
    const r = await runCli(['run', 'two.yml', '--target', target.url, '--baseline', 'base.json', '--force-baseline', '--out', 'out-two'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/WARN\s+warm\s+baseline/);
    const report = JSON.parse(await readFile(path.join(dir, 'out-two', 'report.json'), 'utf8'));
    const missing = report.checks.find((c: { stage: string; metric: string }) => c.stage === 'warm' && c.metric === 'baseline');
    expect(missing).toMatchObject({ verdict: 'warn', kind: 'regression' });
    expect(missing.note).toContain('the baseline has no stage "warm"');
    expect(report.verdict).toBe('warn');
  });
});

describe('ab, band rules and confirm through the bundled CLI', () => {
  const AB_PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 200/s, duration: 3s }
regression:
  p50: "+10%"
`;

  it('ab gates a slower head against base on paired rounds (exit 1), and an equal one passes (exit 0)', async () => {
    const head = await startTarget({ delayMs: 4 });
    try {
      await writeFile(path.join(dir, 'ab.yml'), AB_PLAN);
      target.set({ delayMs: 4 });
      const same = await runCli(['ab', 'ab.yml', '--base-url', target.url, '--head-url', head.url, '--rounds', '3', '--out', 'ab-same', '--quiet'], {
        cwd: dir,
      });
      expect(same.code, same.stdout + same.stderr).toBe(0);
      const report = JSON.parse(await readFile(path.join(dir, 'ab-same', 'report.json'), 'utf8'));
      expect(report.ab).toMatchObject({ base_target: target.url, rounds: { load: 3 } });
      expect(report.checks[0]).toMatchObject({ metric: 'p50', method: 'paired-bootstrap(rounds=3)' });
      expect(await readFile(path.join(dir, 'ab-same', 'summary.md'), 'utf8')).toContain('Same-runner A/B: head');

      head.set({ delayMs: 12 });
      const slower = await runCli(['ab', 'ab.yml', '--base-url', target.url, '--head-url', head.url, '--rounds', '3', '--out', 'ab-slow', '--quiet'], {
        cwd: dir,
      });
      expect(slower.code, slower.stdout + slower.stderr).toBe(1);
      expect(slower.stderr).toMatch(/^perf-gate: the gate failed: load p50 \+10%$/m);
    } finally {
      await head.close();
    }
  });

  it('a failed regression is confirmed by a re-run by default, as the action does; --no-confirm fails on the first run', async () => {
    await writeFile(path.join(dir, 'confirm.yml'), AB_PLAN);
    target.set({ delayMs: 4 });
    const base = await runCli(['run', 'confirm.yml', '--target', target.url, '--save-baseline', 'confirm-base.json', '--out', 'confirm-base', '--quiet'], {
      cwd: dir,
    });
    expect(base.code, base.stderr).toBe(0);
    target.set({ delayMs: 12 });
    const confirmed = await runCli(['run', 'confirm.yml', '--target', target.url, '--baseline', 'confirm-base.json', '--out', 'confirm-default'], { cwd: dir });
    expect(confirmed.code, confirmed.stderr).toBe(1);
    expect(confirmed.stderr).toContain('confirming: load failed a regression rule; running it once more');
    const first = JSON.parse(await readFile(path.join(dir, 'confirm-default', 'report.json'), 'utf8'));
    expect(first.checks.find((c: { metric: string }) => c.metric === 'p50')).toMatchObject({ verdict: 'fail', confirmation: { verdict: 'fail' } });
    const unconfirmed = await runCli(
      ['run', 'confirm.yml', '--target', target.url, '--baseline', 'confirm-base.json', '--no-confirm', '--out', 'confirm-off'],
      { cwd: dir },
    );
    expect(unconfirmed.code, unconfirmed.stderr).toBe(1);
    expect(unconfirmed.stderr).not.toContain('confirming:');
    const off = JSON.parse(await readFile(path.join(dir, 'confirm-off', 'report.json'), 'utf8'));
    expect(off.checks.find((c: { metric: string }) => c.metric === 'p50').confirmation).toBeUndefined();
    // A shard is not gated: the default does not make it refuse to run.
    const shard = await runCli(['run', 'confirm.yml', '--target', target.url, '--shard', '1/2', '--out', 'confirm-shard', '--quiet'], { cwd: dir });
    expect(shard.code, shard.stderr).toBe(0);
    target.set({ delayMs: 4 });
  });

  it('ab without --head-url, or with bad rounds, is exit 2 with one line', async () => {
    for (const args of [
      ['ab', 'ab.yml', '--base-url', target.url],
      ['ab', 'ab.yml', '--base-url', target.url, '--head-url', target.url, '--rounds', 'many'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expectNoStack(r.stderr);
    }
  });

  it('a "band" rule judges the run against --history: inside passes, far above fails', async () => {
    await writeFile(path.join(dir, 'band.yml'), AB_PLAN.replace('p50: "+10%"', 'p50: band'));
    target.set({ delayMs: 4 });
    const first = await runCli(['run', 'band.yml', '--target', target.url, '--out', 'band-first', '--quiet'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    // Five past runs: copies of the first with a ±15 % spread in p50 (σ̂ ≈ 10 %), each a day apart.
    const report = JSON.parse(await readFile(path.join(dir, 'band-first', 'report.json'), 'utf8'));
    const p50 = report.stages[0].latency_ms.p50;
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'band-history'), { recursive: true });
    for (const [i, f] of [0.85, 0.93, 1, 1.07, 1.15].entries()) {
      const past = {
        ...report,
        started_at: `2026-01-0${i + 1}T00:00:00.000Z`,
        stages: [{ ...report.stages[0], latency_ms: { ...report.stages[0].latency_ms, p50: p50 * f } }],
      };
      await writeFile(path.join(dir, 'band-history', `run-${i}.json`), JSON.stringify(past));
    }
    const inside = await runCli(['run', 'band.yml', '--target', target.url, '--history', 'band-history', '--out', 'band-inside', '--quiet'], { cwd: dir });
    const insideReport = JSON.parse(await readFile(path.join(dir, 'band-inside', 'report.json'), 'utf8'));
    const check = insideReport.checks.find((c: { method: string }) => c.method === 'history-band');
    expect(check, JSON.stringify(insideReport.checks)).toMatchObject({ metric: 'p50', limit: 'band', band: { n: 5 }, verdict: 'pass' });
    expect(inside.code, inside.stderr).toBe(0);
    expect(insideReport.bands.find((b: { metric: string }) => b.metric === 'p50')).toMatchObject({ n: 5 });

    target.set({ delayMs: 20 });
    const far = await runCli(['run', 'band.yml', '--target', target.url, '--history', 'band-history', '--out', 'band-far', '--quiet'], { cwd: dir });
    expect(far.code, far.stdout + far.stderr).toBe(1);
    expect(far.stderr).toMatch(/^perf-gate: the gate failed: load p50 band$/m);
    const missing = await runCli(['run', 'band.yml', '--target', target.url, '--history', 'no-such-dir', '--quiet'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('perf-gate: cannot read the history folder no-such-dir: no such folder');
  });
});
