import { describe, it, expect } from 'vitest';
import { Ajv } from 'ajv';
import schema from '../../plan.schema.json' with { type: 'json' };
import { METRICS } from '../../src/plan/units.js';

describe('plan.schema.json', () => {
  it('is a valid schema under strict ajv', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema)).not.toThrow();
  });

  it('knows exactly the metrics the rules parsers know', () => {
    expect(Object.keys(schema.properties.regression.properties)).toEqual(METRICS);
    expect(Object.keys(schema.definitions.thresholdRules.properties)).toEqual(METRICS);
  });
});
