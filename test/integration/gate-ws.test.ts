/**
 * The gate on real WebSocket runs, through the whole core (plan → load → gate → files): a saved
 * baseline of an echo at 5 ms, an unchanged re-run that passes, a message-latency regression that fails.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../helpers/gate.js';
import { startWsTarget, type WsTarget } from '../helpers/ws-target.js';
import type { Report } from '../../src/model/report.js';

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
websocket:
  path: /echo
  send: '{"id":"\${seq}"}'
  expect_reply: { json_field: id }
stages:
  - { name: ws, kind: load, protocol: ws, connections: 4, rate: 100/s, duration: 4s }
thresholds:
  ws: { error_rate: "< 1%" }
regression:
  p50: "+10%"
  p95: "+15%"
  error_rate: "+0.5pp"
  rps: "-10%"
`;

let target: WsTarget;
let dir: string;

beforeAll(async () => {
  target = await startWsTarget();
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-gate-ws-'));
  await writeFile(path.join(dir, 'plan.yml'), PLAN);
});
afterAll(async () => {
  await target.close();
});

const run = (out: string, extra: { baseline?: string; save?: string } = {}): Promise<Report> => runGate({ dir, targetUrl: target.url, out, ...extra });

describe('regression gate on WebSocket message latency', () => {
  it('an unchanged re-run passes; replies 8 ms slower fail on p50', async () => {
    target.set({ delayMs: 5 });
    const base = await run('base', { save: 'baseline.json' });
    expect(base.verdict).not.toBe('fail');
    const saved = JSON.parse(await readFile(path.join(dir, 'baseline.json'), 'utf8')) as Report;
    expect(saved.stages[0]!.protocol).toBe('ws');
    expect(saved.stages[0]!.requests).toBe(400);

    const again = await run('same', { baseline: 'baseline.json' });
    expect(
      again.checks.filter((c) => c.verdict === 'fail'),
      JSON.stringify(again.checks),
    ).toEqual([]);

    target.set({ delayMs: 13 });
    const slower = await run('slower', { baseline: 'baseline.json' });
    expect(slower.verdict).toBe('fail');
    const p50 = slower.checks.find((c) => c.metric === 'p50')!;
    expect(p50.verdict).toBe('fail');
    expect(p50.delta_pct!).toBeGreaterThan(50);
    const summary = await readFile(path.join(dir, 'slower', 'summary.md'), 'utf8');
    expect(summary).toContain('ws (load, ws)');
    expect(summary).toMatch(/\*\*ws\*\* \(ws request_reply\): 4 connections opened/);
  });
});
