// nginx and wrk for bench/run.mjs: find them (installing Debian's nginx-light and wrk with apt-get
// when missing and running as root), and run nginx as a foreground child serving a 1 KiB file on
// 127.0.0.1 from a generated config in a temp dir.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCmd } from './lib.mjs';

/** Absolute path of an executable: `env` (if set), else the first of `candidates`, else $PATH. */
function findExecutable(name, env, candidates = []) {
  const executable = (p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env) return executable(env) ? env : undefined;
  for (const c of candidates) if (executable(c)) return c;
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const p = path.join(dir, name);
    if (executable(p)) return p;
  }
  return undefined;
}

const find = () => ({
  nginx: findExecutable('nginx', process.env.BENCH_NGINX, ['/usr/sbin/nginx']),
  wrk: findExecutable('wrk', process.env.BENCH_WRK, ['/usr/bin/wrk']),
});

/**
 * nginx and wrk, installed with `apt-get install -y nginx-light wrk` when one is missing (root only;
 * one `apt-get update` and a retry if the first install fails). Never throws: a tool still missing
 * afterwards is undefined, and `notes` say why.
 * During the install a /usr/sbin/policy-rc.d that answers 101 is put in place (when there is none),
 * so the package does not start a system nginx on port 80 that this benchmark would leave running.
 */
export async function ensureTools({ log, children }) {
  let tools = find();
  const notes = [];
  if (tools.nginx && tools.wrk) return { ...tools, notes, installed: false };
  const missing = ['nginx', 'wrk'].filter((k) => !tools[k]);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    notes.push(`${missing.join(' and ')} not found, and not running as root: \`apt-get install -y nginx-light wrk\` not attempted`);
    return { ...tools, notes, installed: false };
  }
  log(`${missing.join(' and ')} not found: installing with \`apt-get install -y nginx-light wrk\` (as root)`);
  const policy = '/usr/sbin/policy-rc.d';
  let wrotePolicy = false;
  try {
    if (!existsSync(policy)) {
      writeFileSync(policy, '#!/bin/sh\n# written by perf-gate bench/nginx.mjs during apt-get install; removed afterwards\nexit 101\n', { mode: 0o755 });
      wrotePolicy = true;
    }
  } catch {
    // not fatal: the package may start its service, which the note below then mentions
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => runCmd('apt-get', ['install', '-y', 'nginx-light', 'wrk'], 600_000, { env, children });
  try {
    let r = await install();
    if (r.code !== 0) {
      log(`apt-get install failed (exit ${r.code ?? r.signal}); running apt-get update and trying once more`);
      await runCmd('apt-get', ['update'], 600_000, { env, children });
      r = await install();
    }
    tools = find();
    const stillMissing = ['nginx', 'wrk'].filter((k) => !tools[k]);
    if (r.code === 0 && stillMissing.length === 0) {
      notes.push(`${missing.join(' and ')} installed by this run with \`apt-get install -y nginx-light wrk\``);
      if (!wrotePolicy)
        notes.push(
          'the package may have started a system nginx service (/usr/sbin/policy-rc.d was already there); this benchmark uses its own nginx on a free port',
        );
    } else if (r.code === 0) {
      notes.push(
        `\`apt-get install -y nginx-light wrk\` succeeded, yet ${stillMissing.join(' and ')} still not found${process.env.BENCH_NGINX || process.env.BENCH_WRK ? ' (BENCH_NGINX / BENCH_WRK point elsewhere)' : ''}`,
      );
    } else {
      const tail = (r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? '';
      notes.push(
        `\`apt-get install -y nginx-light wrk\` failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}: ${tail}); still missing: ${stillMissing.join(', ') || 'none'}`,
      );
    }
  } finally {
    if (wrotePolicy) rmSync(policy, { force: true });
  }
  return { ...tools, notes, installed: true };
}

/** `nginx -v` and `wrk -v` first lines (both print to stderr). */
export async function toolVersions(tools) {
  const first = async (cmd, args) => {
    if (!cmd) return undefined;
    const r = await runCmd(cmd, args, 10_000);
    return `${r.stderr}\n${r.stdout}`
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean);
  };
  return { nginx: await first(tools.nginx, ['-v']), wrk: (await first(tools.wrk, ['-v']))?.replace(/\s+Copyright.*$/, '') };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const NGINX_BODY_BYTES = 1024;

/** The generated nginx.conf (shown in RESULTS.md with the temp dir as PREFIX). */
export function nginxConfig(prefix, port) {
  return `# generated by perf-gate bench/nginx.mjs
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events {
    worker_connections 4096;
}
http {
    default_type text/plain;
    access_log off;
    sendfile on;
    tcp_nopush on;
    # nginx's default (1000) closes every keep-alive connection after 1000 requests: closed-model
    # generators would then reconnect all the time and measure that.
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${prefix}/www;
        index index.html;
    }
}
`;
}

/**
 * Start nginx in the foreground (`daemon off`) under `timeout` (its own process group; SIGTERM
 * to the whole group after `lifetimeS`, SIGKILL 5 s later), so it cannot outlive the benchmark even
 * if this process is killed. Resolves once `GET /` answers 200 with the 1 KiB body.
 * Returns { url, pid, prefix, port, stop(), kill() }.
 */
export async function startNginx(nginxBin, { lifetimeS, log }) {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'perf-gate-bench-nginx-'));
  // nginx's workers run as an unprivileged user when started as root: let them read the file.
  chmodSync(prefix, 0o755);
  mkdirSync(path.join(prefix, 'www'), { mode: 0o755 });
  writeFileSync(path.join(prefix, 'www', 'index.html'), `${'x'.repeat(NGINX_BODY_BYTES - 1)}\n`, { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig(prefix, port));
  const args = ['-k', '5', String(lifetimeS), nginxBin, '-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', conf, '-g', 'daemon off;'];
  const child = spawn('timeout', args, { cwd: prefix, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  let exited = false;
  const exit = new Promise((resolve) => child.once('close', (code, signal) => ((exited = true), resolve({ code, signal }))));
  child.once('error', (err) => (stderr += `spawn failed: ${err.message}`));
  const group = (sig) => {
    try {
      process.kill(-child.pid, sig); // timeout, nginx master and workers: the group this spawn made
    } catch {
      // already gone
    }
  };
  const handle = {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid,
    port,
    prefix,
    command: `nginx -e PREFIX/error.log -p PREFIX -c PREFIX/nginx.conf -g 'daemon off;'`,
    /** SIGTERM (nginx's fast shutdown) to the group, SIGKILL after 5 s; removes the temp dir. */
    async stop() {
      if (!exited) {
        group('SIGTERM');
        const t = setTimeout(() => group('SIGKILL'), 5000);
        await exit;
        clearTimeout(t);
      }
      group('SIGKILL'); // any worker left behind
      rmSync(prefix, { recursive: true, force: true });
    },
    /** Synchronous, for exit and signal handlers. */
    kill() {
      group('SIGKILL');
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  const deadline = performance.now() + 10_000;
  let last = '';
  while (performance.now() < deadline) {
    if (exited) break;
    try {
      const r = await fetch(handle.url, { signal: AbortSignal.timeout(1000) });
      const body = await r.arrayBuffer();
      if (r.status === 200 && body.byteLength === NGINX_BODY_BYTES) {
        log(`nginx ${handle.url} (pid ${child.pid} = timeout ${lifetimeS} s around the nginx master; config ${conf})`);
        return handle;
      }
      last = `GET / answered ${r.status} with ${body.byteLength} bytes`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const errLog = existsSync(path.join(prefix, 'error.log'))
    ? readFileSync(path.join(prefix, 'error.log'), 'utf8').trim().split('\n').slice(-2).join(' / ')
    : '';
  await handle.stop();
  throw new Error(
    `nginx did not serve the file within 10 s (${exited ? 'it exited' : last}): ${stderr.trim().split('\n').slice(-2).join(' / ')} ${errLog}`.trim(),
  );
}
