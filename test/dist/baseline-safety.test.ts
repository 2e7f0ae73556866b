/**
 * Baselines are never lost or poisoned, through the bundled CLI: a run that did not start, a failing
 * target, a corrupt file and a file of another plan. Refusals of a baseline come before any load
 * (the target counts what it served).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runNode } from '../helpers/process.js';
import { startTarget, type TestTarget } from '../helpers/target.js';
import { report } from '../helpers/reports.js';

let dir: string;
let target: TestTarget;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-baseline-safety-'));
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});
beforeEach(() => {
  target.set({});
});

const plan = (url: string, rate = '20/s') => `version: 1
target:
  url: ${url}
requests:
  - name: root
    path: /
stages:
  - { name: load, kind: load, rate: ${rate}, duration: 1s }
`;

async function writePlan(name: string, url: string, rate?: string): Promise<string> {
  await writeFile(path.join(dir, name), plan(url, rate));
  return name;
}

/** No stack trace: no "    at fn (file:line)" frames, no internal error wording. */
function expectOneLine(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr).not.toContain('internal error');
}

describe('a run that is not a complete, healthy measurement never becomes a baseline', () => {
  it('an unreachable target with --save-baseline exits 3 and writes no baseline file', async () => {
    const file = await writePlan('unreachable.yml', 'http://127.0.0.1:1');
    const r = await runCli(['run', file, '--save-baseline', 'unreachable-base.json', '--out', 'out-unreachable', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expectOneLine(r.stderr);
    expect(existsSync(path.join(dir, 'unreachable-base.json'))).toBe(false);
  });

  it('a run whose target answers 503 to everything is not saved, and says why', async () => {
    target.set({
      route: (_req, res) => {
        res.statusCode = 503;
        res.end('down for maintenance');
        return true;
      },
    });
    const file = await writePlan('failing.yml', target.url);
    const before = target.served();
    const r = await runCli(['run', file, '--save-baseline', 'failing-base.json', '--out', 'out-failing', '--quiet'], { cwd: dir });
    expect(target.served() - before).toBeGreaterThan(0); // the load ran
    // No threshold or baseline to fail: the gate passes, but the numbers are a failing target's.
    expect(r.code, r.stderr).toBe(0);
    // (Abort rules, where they stop such a stage first, say "was aborted" instead.)
    expect(r.stderr).toMatch(
      /warning: baseline not saved to file failing-base\.json: (the target was failing: stage load had 100% errors|stage load was aborted).*\(only complete, passing runs become baselines\)/,
    );
    expect(existsSync(path.join(dir, 'failing-base.json'))).toBe(false);
  });
});

describe('a baseline that cannot be trusted is refused before any load (exit 2)', () => {
  it('run --baseline corrupt.json exits 2 before any load, naming the file and the field', async () => {
    const corrupt = JSON.parse(JSON.stringify(report())) as { stages: { latency_ms: Record<string, unknown> }[] }; // a copy: report() shares its stage numbers
    corrupt.stages[0]!.latency_ms.p95 = 'fast';
    await writeFile(path.join(dir, 'corrupt.json'), JSON.stringify(corrupt));
    const file = await writePlan('corrupt.yml', target.url);
    const before = target.served();
    const r = await runCli(['run', file, '--baseline', 'corrupt.json', '--out', 'out-corrupt', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('perf-gate: corrupt.json: stages[0] (load): latency_ms.p95 is "fast", expected a number ≥ 0; the file is damaged: re-create it');
    expectOneLine(r.stderr);
    expect(target.served() - before).toBe(0);
  });

  it('run --baseline of another plan exits 2 before any load; --force-baseline compares it with a caveat', async () => {
    await writeFile(path.join(dir, 'other-plan.json'), JSON.stringify(report({ fingerprints: { plan: '0123456789ab', runner: '0123456789ab' } })));
    const file = await writePlan('this-plan.yml', target.url);
    const before = target.served();
    const refused = await runCli(['run', file, '--baseline', 'other-plan.json', '--out', 'out-other', '--quiet'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(
      /^perf-gate: other-plan\.json was saved for another plan \(load shape differs from the baseline's \(fingerprint 0123456789ab, this plan [0-9a-f]{12}\), and the baseline does not record its shape\); re-create it, or pass --force-baseline to compare anyway$/m,
    );
    expect(target.served() - before).toBe(0);

    const forced = await runCli(['run', file, '--baseline', 'other-plan.json', '--force-baseline', '--out', 'out-forced', '--quiet'], { cwd: dir });
    expect([0, 1], forced.stderr).toContain(forced.code);
    expect(target.served() - before).toBeGreaterThan(0);
    const written = JSON.parse(await readFile(path.join(dir, 'out-forced', 'report.json'), 'utf8')) as { baseline: { explanation: string } };
    expect(written.baseline.explanation).toMatch(/compared although the plan's load shape changed since it was saved \(forced\)/);
  });

  it('a baseline saved with one rate and run with another is refused naming stage, field and before → after', async () => {
    const saved = await writePlan('rate-20.yml', target.url, '20/s');
    const r1 = await runCli(['run', saved, '--save-baseline', 'rate-base.json', '--out', 'out-rate-20', '--quiet'], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const file = await writePlan('rate-30.yml', target.url, '30/s');
    const before = target.served();
    const refused = await runCli(['run', file, '--baseline', 'rate-base.json', '--out', 'out-rate-30', '--quiet'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain(
      `perf-gate: rate-base.json was saved for another plan (load shape differs from the baseline's: stage "load": rate 20 → 30); re-create it, or pass --force-baseline to compare anyway\n`,
    );
    expectOneLine(refused.stderr);
    expect(target.served() - before).toBe(0);
  });

  it('an environment value in a request path keeps the baseline usable when the value changes', async () => {
    await writeFile(path.join(dir, 'tenant.yml'), plan(target.url).replace('path: /', 'path: /tenants/${PERF_TENANT}/items'));
    const saved = await runCli(['run', 'tenant.yml', '--save-baseline', 'tenant-base.json', '--out', 'out-tenant-a', '--quiet'], {
      cwd: dir,
      env: { PERF_TENANT: 'acme' },
    });
    expect(saved.code, saved.stderr).toBe(0);
    const again = await runCli(['run', 'tenant.yml', '--baseline', 'tenant-base.json', '--out', 'out-tenant-b', '--quiet'], {
      cwd: dir,
      env: { PERF_TENANT: 'globex' },
    });
    expect([0, 1], again.stderr).toContain(again.code);
    expect(again.stderr).not.toContain('another plan');
    const written = JSON.parse(await readFile(path.join(dir, 'out-tenant-b', 'report.json'), 'utf8')) as {
      baseline: { source: string; explanation?: string } | null;
      shape: { requests: Array<{ path: string }> };
    };
    expect(written.baseline?.source).toContain('tenant-base.json');
    expect(written.baseline?.explanation ?? '').not.toMatch(/load shape/);
    // The shape records the template, not the value.
    expect(written.shape.requests[0]!.path).toBe('/tenants/${PERF_TENANT}/items');
    expect(target.byPath.get('/tenants/globex/items')).toBeGreaterThan(0);
  });

  it('compare refuses results of two different plans (exit 2) unless --force-baseline', async () => {
    await writeFile(path.join(dir, 'plan-a.json'), JSON.stringify(report({ fingerprints: { plan: 'aaaaaaaaaaaa', runner: 'r' } })));
    await writeFile(path.join(dir, 'plan-b.json'), JSON.stringify(report({ fingerprints: { plan: 'bbbbbbbbbbbb', runner: 'r' } })));
    const refused = await runCli(['compare', 'plan-a.json', 'plan-b.json', '--out', 'out-compare'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('perf-gate: plan-a.json and plan-b.json were measured for different plans');
    const forced = await runCli(['compare', 'plan-a.json', 'plan-b.json', '--force-baseline', '--out', 'out-compare'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
  });
});

describe('the action: a file: baseline of another plan fails the step before any load, unless force-baseline', () => {
  async function runAction(inputs: Record<string, string>, name: string) {
    const summary = path.join(dir, `${name}-summary.md`);
    const output = path.join(dir, `${name}-output.txt`);
    await writeFile(summary, '');
    await writeFile(output, '');
    const env: Record<string, string> = { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    return runNode('dist/index.js', [], { cwd: dir, env });
  }

  it('refuses with the input to set, and compares when it is set', async () => {
    await writeFile(path.join(dir, 'action-other.json'), JSON.stringify(report({ fingerprints: { plan: '0123456789ab', runner: '0123456789ab' } })));
    const file = await writePlan('action-plan.yml', target.url);
    const inputs = { plan: file, baseline: 'file:action-other.json', comment: 'never', confirm: 'false', out: 'out-action' };
    const before = target.served();
    const refused = await runAction(inputs, 'action-refused');
    expect(refused.code, refused.stdout).toBe(1);
    expect(refused.stdout).toMatch(
      /::error::perf-gate: .*action-other\.json was saved for another plan \(load shape differs from the baseline's \(fingerprint 0123456789ab, this plan [0-9a-f]{12}\), and the baseline does not record its shape\); re-create it, or set the input force-baseline: true to compare anyway/,
    );
    expect(target.served() - before).toBe(0);

    const forced = await runAction({ ...inputs, 'force-baseline': 'true' }, 'action-forced');
    expect(forced.stdout).toContain("compared although the plan's load shape changed since it was saved (forced)");
    expect(target.served() - before).toBeGreaterThan(0);
  });
});
