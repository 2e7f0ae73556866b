import { it } from 'vitest';
import { spawn } from 'node:child_process';
import { RunnerProbe } from '../src/load/runner-probe.js';
const ready = async (url: string) => { for (;;) { try { const r = await fetch(url); await r.arrayBuffer(); return; } catch { await new Promise((r) => setTimeout(r, 20)); } } };
it('probe right after a target starts vs later', async () => {
  const probe = await RunnerProbe.start();
  const base: number[] = [];
  for (let i = 0; i < 5; i++) base.push(await probe.measure());
  console.log('no target      ', base.join(' '));
  for (let run = 0; run < 3; run++) {
    const port = 3900 + run;
    const child = spawn('/tmp/js/node_modules/.bin/json-server', ['--port', String(port), '--quiet', '/tmp/js/db.json'], { stdio: 'ignore', detached: true });
    const t0 = performance.now();
    await ready(`http://127.0.0.1:${port}/posts/1`);
    const readyAt = performance.now() - t0;
    const xs: string[] = [];
    for (let i = 0; i < 12; i++) xs.push(`${(performance.now() - t0).toFixed(0)}:${(await probe.measure()).toFixed(0)}`);
    console.log(`json-server ready ${readyAt.toFixed(0)} ms; t:probe`, xs.join(' '));
    process.kill(-child.pid!, 'SIGKILL');
  }
  await probe.close();
}, 120000);
