import { fork, spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
const start = (script, env) => new Promise((res) => { const c = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore','inherit','inherit','ipc'] }); c.once('message', (m) => res({ c, m })); });
const { c: t, m } = await start('bench/gate-target.mjs', { GATE_STALL_P: String(1/40000), GATE_CPU_MS: process.env.CPU ?? '0', GATE_BASE_MS: process.env.BASE ?? '4' });
const url = `http://127.0.0.1:${m.port}/`;
const plan = process.env.PLAN ?? 'bench/plans/gate-calibration.yml';
for (const busy of [false, true, false, true]) {
  const b = busy ? (await start('bench/cpu-busy.mjs', { BUSY_DUTY: '0.7' })).c : undefined;
  const out = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
  spawnSync('node', ['dist/cli.js', 'run', plan, '--target', url, '--out', out, '--quiet']);
  b?.kill('SIGKILL');
  const r = JSON.parse(readFileSync(path.join(out, 'report.json')));
  const s = r.stages[0];
  console.log(busy ? 'busy ' : 'quiet', 'p50', s.latency_ms.p50, 'p95', s.latency_ms.p95, 'p99', s.latency_ms.p99, '| ref', JSON.stringify(s.reference), '| probe', s.cpu_probe_ms, 'cpu%', s.generator.cpu_pct, 'lag', s.generator.loop_lag_p99_ms);
}
t.kill();
