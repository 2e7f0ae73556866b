// Helpers shared by the benchmark scripts (bench/run.mjs, bench/gate.mjs): running a child process
// with a hard time limit, reading /proc, the machine's facts, medians.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** VmRSS and VmHWM (kB) of a process from /proc/PID/status; undefined once it is gone. */
export function readProcStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
      return m ? Number(m[1]) : undefined;
    };
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Run `cmd ARGS...` (cwd ROOT unless told), one at a time; capture stdout and stderr.
 * Hard limit: SIGTERM after `timeoutMs`, SIGKILL 5 s later. The child is in `children` (a Set the
 * caller kills on exit) while it runs. `sampleRss`: read its VmRSS once a second.
 * Resolves (never rejects) once the process has ended and its output is read:
 * { code, signal, timedOut, stdout, stderr, wallS, samples, hwmKb, spawnError }.
 */
export function runCmd(cmd, args, timeoutMs, { cwd = ROOT, env, children, sampleRss = false } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children?.add(child);
    let stdout = '';
    let stderr = '';
    let spawnError;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const samples = []; // { t: seconds since spawn, rssKb, hwmKb }
    let lastHwmKb;
    const sampler = sampleRss
      ? setInterval(() => {
          const s = readProcStatus(child.pid);
          if (s?.rssKb === undefined) return;
          lastHwmKb = s.hwmKb ?? lastHwmKb;
          samples.push({ t: (performance.now() - t0) / 1000, rssKb: s.rssKb, hwmKb: s.hwmKb });
        }, 1000)
      : undefined;
    let timedOut = false;
    let hardKill;
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      hardKill = setTimeout(() => child.kill('SIGKILL'), 5000);
    }, timeoutMs);
    child.on('exit', () => clearInterval(sampler));
    child.on('error', (err) => {
      spawnError = err.message;
      stderr += `\nspawn failed: ${err.message}`;
    });
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      clearTimeout(hardKill);
      children?.delete(child);
      resolve({ code, signal, timedOut, stdout, stderr, wallS: (performance.now() - t0) / 1000, samples, hwmKb: lastHwmKb, spawnError });
    });
  });
}

/** `node ARGS...` with runCmd. */
export function runNode(args, timeoutMs, opts) {
  return runCmd(process.execPath, args, timeoutMs, opts);
}

/** Whole-machine CPU counters (all cores) from /proc/stat, to see how busy the host was. */
export function hostCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + (f[4] ?? 0) };
  } catch {
    return undefined;
  }
}

/** Share (%) of all cores not idle between two hostCpu() readings. */
export const busyPct = (c0, c1) => (c0 && c1 && c1.total > c0.total ? 100 * (1 - (c1.idle - c0.idle) / (c1.total - c0.total)) : NaN);

export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memGb: (os.totalmem() / 2 ** 30).toFixed(1),
  };
}
