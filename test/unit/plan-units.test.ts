import { describe, it, expect } from 'vitest';
import { parseDuration, parsePercent, parseRate, parseRegression, parseThreshold } from '../../src/plan/units.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5s', 1_500],
    ['1.1s', 1_100],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['0s', 0],
    [' 10 s ', 10_000],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['fast', '"fast" is not a duration: use 500ms, 30s or 2m'],
    ['30', '"30" is not a duration: add a unit, e.g. 30s or 30ms'],
    [30, '30 is not a duration: add a unit, e.g. 30s or 30ms'],
    ['', '"" is not a duration'],
    ['10 sec', '"10 sec" is not a duration'],
    ['-5s', '"-5s" is not a duration'],
    ['5d', '"5d" is not a duration'],
    [null, 'null is not a duration'],
  ])('%j is refused', (value, message) => {
    expect(() => parseDuration(value)).toThrow(message);
  });
});

describe('parseRate', () => {
  it.each([
    ['200/s', 200],
    ['12000/m', 200],
    ['7200/h', 2],
    ['0.5/s', 0.5],
    ['200', 200],
    [200, 200],
    [' 30 / s ', 30],
  ])('%j → %d per second', (value, perSecond) => {
    expect(parseRate(value)).toBe(perSecond);
  });

  it.each([
    ['5/ms', 'is not a rate: use 200/s, 12000/m'],
    ['fast', '"fast" is not a rate'],
    ['0/s', 'it must be more than 0'],
    [0, 'it must be more than 0'],
    [-3, 'is not a rate'],
    [true, 'true is not a rate'],
  ])('%j is refused', (value, message) => {
    expect(() => parseRate(value)).toThrow(message);
  });
});

describe('parsePercent', () => {
  it.each([
    ['1%', 0.01],
    ['0.5%', 0.005],
    ['100%', 1],
  ])('%j → %d', (text, fraction) => {
    expect(parsePercent(text)).toBe(fraction);
  });

  it.each([['1'], ['one%'], [0.01]])('%j is refused', (value) => {
    expect(() => parsePercent(value)).toThrow('is not a percentage: use 1% or 0.5%');
  });
});

describe('parseThreshold', () => {
  it.each([
    ['p95', '< 200ms', '<', 200],
    ['p99', '<= 1.5s', '<=', 1_500],
    ['mean', '< 20', '<', 20],
    ['max', '<2s', '<', 2_000],
    ['recovery', '< 10s', '<', 10_000],
    ['error_rate', '< 1%', '<', 0.01],
    ['error_rate', '<= 0.02', '<=', 0.02],
    ['rps', '> 190', '>', 190],
    ['rps', '>= 190/s', '>=', 190],
    ['requests', '>= 1000', '>=', 1000],
    ['errors', '< 5', '<', 5],
  ])('%s %j → %s %d', (metric, raw, op, value) => {
    expect(parseThreshold(metric, raw)).toEqual({ metric, op, value, raw });
  });

  it.each([
    ['p95', '200ms', 'is not a threshold: write a comparison and a value'],
    ['p95', '= 200ms', 'is not a threshold'],
    ['p95', '< fast', '"fast" is not a duration'],
    ['recovery', '< 10', '"10" is not a duration: add a unit'],
    ['error_rate', '< 5', 'is not an error rate: use a percentage like 1%'],
    ['error_rate', '< 1', 'is not an error rate: use a percentage like 1%'], // a fraction of 1 could never fail
    ['rps', '> lots', 'is not a request rate'],
    ['errors', '< 1.5', 'is not a count'],
    ['p96', '< 200ms', 'unknown metric "p96"'],
    ['p95', 200, '200 is not a threshold'],
  ])('%s %j is refused', (metric, raw, message) => {
    expect(() => parseThreshold(metric, raw)).toThrow(message);
  });
});

describe('parseRegression', () => {
  it.each([
    ['p95', '+15%', 'increase', 'pct', 15],
    ['rps', '-10%', 'decrease', 'pct', 10],
    ['p50', '+2.5%', 'increase', 'pct', 2.5],
    ['error_rate', '+0.5pp', 'increase', 'pp', 0.005],
    ['error_rate', '+50%', 'increase', 'pct', 50],
  ])('%s %j → %s by %d %s', (metric, raw, direction, unit, amount) => {
    expect(parseRegression(metric, raw)).toEqual({ metric, direction, unit, amount, raw });
  });

  it.each([
    ['p95', '15%', 'is not a regression limit: use a signed change like "+15%"'],
    ['p95', '+15', 'is not a regression limit'],
    ['p95', '+0.5pp', 'percentage points (pp) only apply to error_rate'],
    ['error_rate', 'more', '(or "+0.5pp")'],
    ['latency', '+10%', 'unknown metric "latency"'],
    ['p95', 'bad', 'a noise band like "+3σ", or "band"'],
  ])('%s %j is refused', (metric, raw, message) => {
    expect(() => parseRegression(metric, raw)).toThrow(message);
  });
});

describe('parseRegression: noise bands against past runs', () => {
  it.each([
    ['p95', '+3σ', 'increase', 3],
    ['p95', '+3sigma', 'increase', 3],
    ['rps', '-2.5σ', 'decrease', 2.5],
    ['p99', '+2 σ', 'increase', 2],
    ['p50', ' + 4 sigma ', 'increase', 4],
    ['p95', '+.5σ', 'increase', 0.5],
    ['recovery', '+3σ', 'increase', 3],
    ['requests', '-3σ', 'decrease', 3],
    ['errors', '+3σ', 'increase', 3],
  ])('%s %j → %s by %dσ', (metric, raw, direction, amount) => {
    expect(parseRegression(metric, raw)).toEqual({ metric, direction, unit: 'sigma', amount, raw });
  });

  it.each([
    ['p95', 'band', 'increase'],
    ['error_rate', 'Band', 'increase'],
    ['rps', 'BAND', 'decrease'],
    ['recovery', ' band ', 'increase'],
  ])('%s %j → 3σ, %s is worse', (metric, raw, direction) => {
    expect(parseRegression(metric, raw)).toEqual({ metric, direction, unit: 'sigma', amount: 3, raw });
  });

  it.each([
    ['p95', '+0σ', '"+0σ": a noise band needs a width above 0'],
    ['p95', '-0.0sigma', 'a noise band needs a width above 0'],
    ['p95', '3σ', '"3σ" is not a regression limit: use a signed change like "+15%" or "-10%", a noise band like "+3σ", or "band"'],
    ['p95', '+σ', '"+σ" is not a regression limit'],
    ['p95', '+3 s', 'is not a regression limit'],
    ['p95', 'bands', 'is not a regression limit'],
    ['error_rate', '+3', '(or "+0.5pp"), a noise band like "+3σ", or "band"'],
  ])('%s %j is refused', (metric, raw, message) => {
    expect(() => parseRegression(metric, raw)).toThrow(message);
  });
});
