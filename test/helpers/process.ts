/** Run a bundled entry point (dist/cli.js, dist/index.js) as a process, as users and GitHub do. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(
  script: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: opts.cwd ?? ROOT,
      // PERF_GATE_RUNNER_PROBE=0 from vitest.config.ts: regressions fail whatever the machine is doing.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PERF_GATE_RUNNER_PROBE: process.env.PERF_GATE_RUNNER_PROBE, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 60_000} ms\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const runCli = (args: string[], opts: Parameters<typeof runNode>[2] = {}): Promise<ProcessResult> => runNode('dist/cli.js', args, opts);

/**
 * An action's stdout without its `::add-mask::VALUE` commands: those are how the runner learns what
 * to mask (it never prints them), so a secret there is not a leak.
 */
export const withoutMaskCommands = (stdout: string): string => stdout.replace(/^::add-mask::.*$/gm, '');
