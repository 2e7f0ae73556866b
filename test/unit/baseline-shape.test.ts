/**
 * The plan fingerprint hashes what the plan says (requests as written, `${ENV}` names not values),
 * and a result refused as "another plan" names what changed: stage, field, before → after.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFingerprint, substitutedFingerprint } from '../../src/baseline/fingerprint.js';
import { planIdentity, planShape, shapeChange, shapeDifferences } from '../../src/baseline/shape.js';
import { FileStore } from '../../src/baseline/file-store.js';
import { runAndGate, type Logger } from '../../src/core.js';
import { BaselineError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';
import { report } from '../helpers/reports.js';

const quiet: Logger = { info: () => {}, warn: () => {} };

const PLAN = `version: 1
target: { url: "http://127.0.0.1:1" }
requests:
  - { name: tenant-items, path: "/tenants/\${TENANT}/items", headers: { x-tenant: "\${TENANT}" } }
  - { path: "/orgs/\${TENANT}" }
stages:
  - { name: warm, kind: baseline, duration: 1s }
  - { name: load, kind: load, rate: 50/s, ramp: 1s, duration: 30s }
`;
const parse = (text: string, env: Record<string, string> = { TENANT: 'acme' }) => parsePlan(text, 'plan.yml', env);

describe('the plan fingerprint hashes the plan as written', () => {
  it('an environment value in a path (or a default request name) does not change it; in a header it never did', () => {
    expect(planFingerprint(parse(PLAN, { TENANT: 'globex' }))).toBe(planFingerprint(parse(PLAN)));
    // The value is still what is sent.
    expect(parse(PLAN).requests.map((r) => r.path)).toEqual(['/tenants/acme/items', '/orgs/acme']);
    // What an older perf-gate hashed (values substituted) differs per value: kept as the former fingerprint.
    expect(substitutedFingerprint(parse(PLAN, { TENANT: 'globex' }))).not.toBe(substitutedFingerprint(parse(PLAN)));
    expect(planIdentity(parse(PLAN)).formerPlanFingerprint).toBe(substitutedFingerprint(parse(PLAN)));
  });

  it('a plan without environment values in its requests keeps the fingerprint perf-gate gave it before (known answers)', async () => {
    // Computed by the fingerprint before templates (commit 7702e84), with every variable set.
    const env = new Proxy({}, { get: (_t, n) => (typeof n === 'string' ? `v-${n}` : undefined) }) as Record<string, string>;
    for (const [file, known] of [
      ['examples/plan.yml', '57fc244f9acc'],
      ['test/fixtures/spec-plan.yml', '03060d7f78ec'],
      ['test/fixtures/stress-soak-plan.yml', '2bdca31904b6'],
    ] as const) {
      const plan = parsePlan(await readFile(file, 'utf8'), file, env);
      expect(planFingerprint(plan), file).toBe(known);
      expect(planIdentity(plan).formerPlanFingerprint, file).toBeUndefined();
    }
  });

  it('what the plan says still counts: another path template or rate is another fingerprint', () => {
    const base = planFingerprint(parse(PLAN));
    expect(planFingerprint(parse(PLAN.replace('/items"', '/things"')))).not.toBe(base);
    expect(planFingerprint(parse(PLAN.replace('50/s', '80/s')))).not.toBe(base);
  });
});

describe('the shape record and its differences', () => {
  it('records stages and requests with plan keys and plan units, requests as written', () => {
    const shape = planShape(parse(PLAN));
    expect(shape.stages[1]).toEqual({
      name: 'load',
      protocol: 'http',
      max_in_flight: 1000,
      kind: 'load',
      model: 'open',
      rate: 50,
      ramp: '1s',
      duration: '30s',
    });
    expect(shape.requests[0]).toMatchObject({ name: 'tenant-items', method: 'GET', path: '/tenants/${TENANT}/items', headers: 'x-tenant', timeout: '10s' });
    expect(shape.requests[1]).toMatchObject({ name: 'GET /orgs/${TENANT}', path: '/orgs/${TENANT}' });
  });

  it.each([
    ['a rate', PLAN.replace('50/s', '80/s'), ['stage "load": rate 50 → 80']],
    ['a duration and a ramp', PLAN.replace('ramp: 1s, duration: 30s', 'duration: 1m'), ['stage "load": ramp 1s → 0ms', 'stage "load": duration 30s → 1m']],
    [
      'the model',
      PLAN.replace('rate: 50/s', 'vus: 5'),
      ['stage "load": model open → closed', 'stage "load": rate 50 → (none)', 'stage "load": vus (none) → 5', 'stage "load": think (none) → 0ms'],
    ],
    ['a stage added', `${PLAN}  - { name: spike, kind: burst, size: 10, cycles: 1 }\n`, ['stage "spike": added']],
    ['a stage removed', PLAN.replace(/  - \{ name: warm.*\n/, ''), ['stage "warm": removed']],
    ['stages reordered', PLAN.replace(/(  - \{ name: warm.*\n)(  - \{ name: load.*\n)/, '$2$1'), ['stages reordered: warm, load → load, warm']],
    ['a path template', PLAN.replace('/items"', '/things"'), ['request "tenant-items": path /tenants/${TENANT}/items → /tenants/${TENANT}/things']],
  ])('%s', (_what, after, expected) => {
    expect(shapeDifferences(planShape(parse(PLAN)), planShape(parse(after)))).toEqual(expected);
  });

  it('a result without a shape record (an older perf-gate) says so, with both fingerprints', () => {
    expect(shapeChange({ fingerprints: { plan: 'aaaaaaaaaaaa' } }, planShape(parse(PLAN)), 'bbbbbbbbbbbb')).toBe(
      "load shape differs from the baseline's (fingerprint aaaaaaaaaaaa, this plan bbbbbbbbbbbb), and the baseline does not record its shape",
    );
    // A damaged record counts as none rather than failing the run.
    expect(shapeChange({ shape: { stages: 'x' } }, planShape(parse(PLAN)), 'b')).toMatch(/does not record its shape$/);
  });

  it('lists at most five differences, then how many more', () => {
    const before = planShape(parse(PLAN));
    const after = planShape(
      parse(
        PLAN.replace(/  - \{ name: (warm|load).*\n/g, '') +
          '  - { name: a, kind: baseline, duration: 1s }\n  - { name: b, kind: baseline, duration: 1s }\n  - { name: c, kind: baseline, duration: 1s }\n  - { name: d, kind: baseline, duration: 1s }\n',
      ),
    );
    expect(shapeChange({ shape: before }, after, 'x')).toBe(
      'load shape differs from the baseline\'s: stage "warm": removed; stage "load": removed; stage "a": added; stage "b": added; stage "c": added; and 1 more',
    );
  });
});

describe('a baseline file through run', () => {
  async function saveBaseline(plan: ReturnType<typeof parse>, fingerprint = planFingerprint(plan)): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-shape-'));
    await writeFile(path.join(dir, 'base.json'), JSON.stringify(report({ fingerprints: { plan: fingerprint, runner: 'r' }, shape: planShape(plan) })));
    return dir;
  }

  it('refused before any load, naming the stage, the field and before → after (known answer)', async () => {
    const dir = await saveBaseline(parse(PLAN));
    await writeFile(path.join(dir, 'plan.yml'), PLAN.replace('50/s', '80/s'));
    // The target (port 1) is unreachable: a BaselineError, not exit 3, shows no load was tried.
    const run = runAndGate({
      planFile: 'plan.yml',
      baseline: { store: new FileStore({ file: path.join(dir, 'base.json') }) },
      outDir: 'out',
      env: { TENANT: 'acme' },
      cwd: dir,
      log: quiet,
    });
    await expect(run).rejects.toBeInstanceOf(BaselineError);
    await expect(run).rejects.toThrow(
      `${path.join(dir, 'base.json')} was saved for another plan (load shape differs from the baseline's: stage "load": rate 50 → 80); re-create it, or pass --force-baseline to compare anyway`,
    );
  });

  it('saved by an older perf-gate under the fingerprint with the value substituted: still this plan', async () => {
    const plan = parse(PLAN);
    const dir = await saveBaseline(plan, substitutedFingerprint(plan));
    const request = { planId: 'p', runnerFingerprint: 'r', ...planIdentity(plan) };
    expect((await new FileStore({ file: path.join(dir, 'base.json') }).load(request)).result).toBeDefined();
  });
});
