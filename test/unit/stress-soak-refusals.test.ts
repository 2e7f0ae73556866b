import { describe, it, expect } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/index.js';
import { shardStage } from '../../src/load/shard.js';
import { roundSpec } from '../../src/load/ab.js';
import { planFingerprint } from '../../src/baseline/fingerprint.js';

const plan = (stages: string, extra = '') =>
  parsePlan(`version: 1\ntarget: { url: http://127.0.0.1:3000 }\nrequests: [{ name: home, path: / }]\nstages:\n${stages}${extra}`, 'plan.yml', {});
const STRESS = '  - { name: capacity, kind: stress, rate: { from: 50/s, step: 50/s, max: 400/s }, every: 2s, until: { p95: "< 200ms" } }\n';
const SOAK = '  - { name: overnight, kind: soak, rate: 10/s, duration: 10s }\n';

describe('stress and soak stages run on one runner, in one piece', () => {
  it('--shard refuses them with a message that names the stage and the way out', () => {
    const [stress] = plan(STRESS).stages;
    const [soak] = plan(SOAK).stages;
    expect(() => shardStage(stress!, { index: 1, count: 2 })).toThrow(UsageError);
    expect(() => shardStage(stress!, { index: 1, count: 2 })).toThrow(
      '--shard: stage "capacity" is a stress stage, which runs on one runner; leave it out of sharded runs (--stage NAME selects the others)',
    );
    expect(() => shardStage(soak!, { index: 2, count: 2 })).toThrow('stage "overnight" is a soak stage');
  });

  it('ab refuses them: neither can be cut into alternating rounds', () => {
    const [stress] = plan(STRESS).stages;
    expect(() => roundSpec(stress!, 10)).toThrow(
      'ab: stage "capacity" is a stress stage, which cannot be split into rounds; compare it with run --baseline instead (or leave it out with --stage)',
    );
  });
});

describe('fingerprint', () => {
  it("a stress stage's steps and break conditions shape the plan; a soak's metrics path too", () => {
    const base = planFingerprint(plan(STRESS));
    expect(planFingerprint(plan(STRESS.replace('step: 50/s', 'step: 25/s')))).not.toBe(base);
    expect(planFingerprint(plan(STRESS.replace('"< 200ms"', '"< 100ms"')))).not.toBe(base);
    expect(planFingerprint(plan(STRESS, 'thresholds:\n  capacity: { breaking_point: "> 100" }\n'))).toBe(base);
    expect(planFingerprint(plan(SOAK))).not.toBe(planFingerprint(plan(SOAK.replace('duration: 10s', 'duration: 10s, metrics: /metrics'))));
  });
});
