/** Run a plan file through the whole core (load → gate → reports) with file baselines, quietly. */
import path from 'node:path';
import { runAndGate, type Logger } from '../../src/core.js';
import { FileStore } from '../../src/baseline/file-store.js';
import type { Report } from '../../src/model/report.js';

const quiet: Logger = { info: () => {}, warn: () => {} };

export interface GateRun {
  /** Directory holding plan.yml; baselines and outputs are written there. */
  dir: string;
  targetUrl: string;
  out: string;
  baseline?: string;
  save?: string;
}

export async function runGate(r: GateRun): Promise<Report> {
  const o = await runAndGate({
    planFile: 'plan.yml',
    targetUrl: r.targetUrl,
    baseline: r.baseline ? { store: new FileStore({ file: path.join(r.dir, r.baseline) }) } : undefined,
    save: r.save ? { store: new FileStore({ file: path.join(r.dir, r.save) }), commit: 'local', run: 'test' } : undefined,
    outDir: r.out,
    env: {},
    cwd: r.dir,
    log: quiet,
    // A regression must fail here whatever else the machine is doing (the probe has its own tests).
    runnerProbe: false,
  });
  return o.report;
}
