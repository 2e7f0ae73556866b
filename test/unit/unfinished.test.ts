/** The net under a promise that never settles (src/interrupt.ts failIfUnfinished): never exit 0 without a result. */
import { EventEmitter } from 'node:events';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { failIfUnfinished } from '../../src/interrupt.js';

function fakeProcess() {
  const emitter = new EventEmitter() as EventEmitter & { exit(code: number): void; codes: number[] };
  emitter.codes = [];
  emitter.exit = (code) => void emitter.codes.push(code);
  return emitter;
}

describe('failIfUnfinished', () => {
  it('a loop that runs dry before the door has its result: one line, exit 2', () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    failIfUnfinished(
      () => false,
      (l) => lines.push(l),
      proc,
    );
    proc.emit('beforeExit');
    expect(lines).toEqual(['perf-gate: internal error: the work ended without a result (something it waited for never finished); no report was written']);
    expect(proc.codes).toEqual([2]);
  });

  it('a door that finished exits as it chose', () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    failIfUnfinished(
      () => true,
      (l) => lines.push(l),
      proc,
    );
    proc.emit('beforeExit');
    expect(lines).toEqual([]);
    expect(proc.codes).toEqual([]);
  });

  it('in a real process: a promise that never settles would exit 0; with the net it exits 2', () => {
    const script = (net: boolean) => `
      ${net ? `process.on('beforeExit', () => { process.stderr.write('unfinished\\n'); process.exit(2); });` : ''}
      new Promise(() => {}).then(() => process.exit(0));`;
    expect(spawnSync(process.execPath, ['-e', script(false)]).status).toBe(0);
    const withNet = spawnSync(process.execPath, ['-e', script(true)], { encoding: 'utf8' });
    expect(withNet.status).toBe(2);
    expect(withNet.stderr).toBe('unfinished\n');
  });
});
