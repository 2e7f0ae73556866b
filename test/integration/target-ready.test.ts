/** Getting a misbehaving target ready: never ready, a start command that dies or cannot start, a stale server on the port, a host that does not resolve. */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { parsePlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/load/run-plan.js';
import { exitCodeFor, PortInUseError, TargetUnreachableError } from '../../src/errors.js';

/** /ready: 503 for ever; /stuck: accepts the request, never answers. */
const neverReady = {
  route: (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url === '/ready') {
      res.writeHead(503);
      res.end('starting');
      return true;
    }
    return req.url === '/stuck';
  },
};

let target: TestTarget;
beforeAll(async () => {
  target = await startTarget(neverReady);
});
afterAll(async () => {
  await target.close();
});

/** Nothing listens on port 1: a start command's URL must be free (a listener there is a stale server). */
const FREE_URL = 'http://127.0.0.1:1';

const plan = (targetBlock: string): string => `version: 1
target: ${targetBlock}
requests:
  - { name: root, path: / }
stages:
  - { name: load, kind: load, rate: 10/s, duration: 1s }
`;

/** runPlan's rejection and how long it took. */
async function failure(text: string, opts: { cwd?: string; signal?: AbortSignal } = {}): Promise<{ err: unknown; ms: number }> {
  const started = Date.now();
  try {
    await runPlan(parsePlan(text, 'test.yml', {}), { cwd: opts.cwd ?? process.cwd(), probe: false, signal: opts.signal });
  } catch (err) {
    return { err, ms: Date.now() - started };
  }
  throw new Error('runPlan did not fail');
}

describe('a target that never gets ready', () => {
  it('ready: answering 503 with ready_timeout 1s fails within ~1.5 s, naming the 503 and no credentials', async () => {
    const url = target.url.replace('http://', 'http://pg-user:pg-secret@');
    const { err, ms } = await failure(plan(`{ url: "${url}/?token=pg-query", ready: /ready, ready_timeout: 1s }`));
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toContain(`target ${target.url} is not reachable: ${target.url}/ready answered 503`);
    expect((err as Error).message).not.toMatch(/pg-secret|pg-user|pg-query/);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1500);
  });

  it('a ready probe that hangs is cut at the time left, so exit 3 still comes within ready_timeout', async () => {
    // Accepts the connection, never answers: without the clamp one probe alone would take 2 s.
    const { err, ms } = await failure(plan(`{ url: "${target.url}", ready: /stuck, ready_timeout: 600ms }`));
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toMatch(/\/stuck gave no answer within \d+ ms/);
    expect(ms).toBeLessThan(1100);
  });

  it('Ctrl-C during the ready wait ends it at once: no stages, no error', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const run = await runPlan(parsePlan(plan(`{ url: "${target.url}", ready: /ready, ready_timeout: 30s }`), 'test.yml', {}), {
      cwd: process.cwd(),
      probe: false,
      signal: controller.signal,
    });
    expect(run.stages).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a start command that fails', () => {
  it('exits early: exit 3 at once with its exit code and last output line', async () => {
    const { err, ms } = await failure(plan(`{ url: "${FREE_URL}", start: "sh -c 'echo starting; echo boom >&2; exit 7'", ready: /ready, ready_timeout: 30s }`));
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toMatch(/^target start command exited \(7\) before http:\/\/127\.0\.0\.1:\d+ was ready; its last output: boom$/);
    expect(ms).toBeLessThan(2000);
  });

  it('cannot be started (its working directory does not exist): exit 3, one line, no crash', async () => {
    const { err, ms } = await failure(plan(`{ url: "${FREE_URL}", start: "node server.js", ready: /ready, ready_timeout: 30s }`), {
      cwd: '/nonexistent/perf-gate-test',
    });
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toBe(
      `target start command could not be started (its working directory /nonexistent/perf-gate-test does not exist) before ${FREE_URL} was ready`,
    );
    expect(ms).toBeLessThan(2000);
  });
});

describe('a port that already answers before target.start runs', () => {
  it('is exit 3 naming host:port, within a second, and the start command never runs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-stale-'));
    const { err, ms } = await failure(plan(`{ url: "${target.url}", start: "touch started", ready_timeout: 30s }`), { cwd: dir });
    expect(err).toBeInstanceOf(PortInUseError);
    expect(exitCodeFor(err)).toBe(3);
    expect((err as Error).message).toBe(`something is already listening on 127.0.0.1:${target.port}: stop it, or drop target.start to test the running server`);
    expect(ms).toBeLessThan(1000);
    expect(existsSync(path.join(dir, 'started'))).toBe(false);
  });
});

describe('a host that does not resolve', () => {
  it('is exit 3 naming the host, within the 1 s retry (plus one bounded probe)', async () => {
    const { err, ms } = await failure(plan('{ url: "http://perf-gate-test.invalid:8080", allow_remote: true }'));
    expect(err).toBeInstanceOf(TargetUnreachableError);
    expect((err as Error).message).toMatch(/^target http:\/\/perf-gate-test\.invalid:8080 is not reachable: .*perf-gate-test\.invalid/);
    expect(ms).toBeLessThan(3000);
  });
});

describe('stopping a started target', () => {
  it('waits for the whole process group, not the shell: an app that ignores SIGTERM gets SIGKILL after the grace, and an obedient one ends at once', async () => {
    const { startTarget: startCommand } = await import('../../src/load/target.js');
    const { groupRunning } = await import('../../src/load/process-group.js');
    const app = (ignoreTerm: boolean) =>
      `node -e "${ignoreTerm ? "process.on('SIGTERM', () => {}); " : ''}require('http').createServer().listen(0, '127.0.0.1', () => console.log('up'))"`;
    for (const [ignoreTerm, atLeastMs, atMostMs] of [
      [true, 2900, 4500],
      [false, 0, 1500],
    ] as const) {
      const started = startCommand(app(ignoreTerm), process.cwd());
      // The shell starts node as its child: wait until the app itself runs.
      for (let i = 0; i < 100 && !started.output().includes('up'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(started.output()).toContain('up');
      const t0 = Date.now();
      await started.stop();
      const ms = Date.now() - t0;
      expect(groupRunning(started.child.pid!), `ignoreTerm=${ignoreTerm}`).toBe(false);
      expect(ms).toBeGreaterThanOrEqual(atLeastMs);
      expect(ms).toBeLessThan(atMostMs);
    }
  });
});
