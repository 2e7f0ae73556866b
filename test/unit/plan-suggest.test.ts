import { describe, it, expect } from 'vitest';
import { closest, editDistance, formatPath, suggestion } from '../../src/plan/issues.js';

describe('editDistance', () => {
  it.each([
    ['duration', 'duration', 0],
    ['durration', 'duration', 1],
    ['gte', 'get', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('suggestions', () => {
  it.each([
    ['durration', ['name', 'duration'], '; did you mean "duration"?'],
    ['RATE', ['rate', 'ramp'], '; did you mean "rate"?'],
    ['colour', ['url', 'start'], ' (allowed: url, start)'],
  ])('%s among %j', (name, candidates, text) => {
    expect(suggestion(name, candidates)).toBe(text);
  });

  it('does not suggest far-off names', () => {
    expect(closest('zzz', ['to', 'from'])).toBeUndefined();
  });
});

describe('formatPath', () => {
  it.each([
    [[], 'the plan'],
    [['stages', 1, 'rate'], 'stages[1].rate'],
    [['thresholds', '*', 'p95'], 'thresholds["*"].p95'],
    [['requests', 0, 'headers', 'x-team'], 'requests[0].headers.x-team'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
