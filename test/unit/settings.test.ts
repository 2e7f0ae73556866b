import { describe, it, expect } from 'vitest';
import { readSettings } from '../../src/settings.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readSettings: the action inputs, read once', () => {
  it('defaults when GitHub has not filled them in (a local run of dist/index.js)', () => {
    expect(readSettings(reader({ plan: 'perf.yml' }))).toMatchObject({
      plan: 'perf.yml',
      baseline: { kind: 'branch', branch: 'perf-gate-data' },
      confirm: true,
      acceptLabel: 'perf-gate:accept',
      baseUrl: undefined,
      abRounds: 10,
      failOn: 'regression',
    });
  });

  it('confirm, accept-label and A/B inputs as written', () => {
    expect(
      readSettings(reader({ plan: 'p.yml', confirm: 'false', 'accept-label': 'perf-ok', 'base-url': 'http://127.0.0.1:3001', 'ab-rounds': '10' })),
    ).toMatchObject({
      confirm: false,
      acceptLabel: 'perf-ok',
      baseUrl: 'http://127.0.0.1:3001',
      abRounds: 10,
    });
    expect(readSettings(reader({ plan: 'p.yml', 'accept-label': 'none' })).acceptLabel).toBeUndefined();
    expect(readSettings(reader({ plan: 'p.yml', 'base-ref': ' 0123abcd ' }))).toMatchObject({ baseRef: '0123abcd', baseUrl: undefined });
    expect(readSettings(reader({ plan: 'p.yml' })).baseRef).toBeUndefined();
  });

  it('import mode: from + results, and then plan (a gate file) is optional', () => {
    expect(readSettings(reader({ from: 'locust', results: 'out/run_stats.csv' }))).toMatchObject({ plan: '', from: 'locust', results: 'out/run_stats.csv' });
    expect(readSettings(reader({ plan: 'p.yml' })).from).toBeUndefined();
  });

  it('merge-reports: one entry a line, blank lines dropped; absent means a normal run', () => {
    expect(readSettings(reader({ plan: 'p.yml', 'merge-reports': 'shards/a/report.json\n\n  shards/b \n' })).mergeReports).toEqual([
      'shards/a/report.json',
      'shards/b',
    ]);
    expect(readSettings(reader({ plan: 'p.yml' })).mergeReports).toBeUndefined();
  });

  it.each([
    [{ 'base-url': 'localhost:3001' }, 'input "base-url": "localhost:3001" is not an absolute http(s) URL'],
    [{ 'ab-rounds': '0' }, 'input "ab-rounds" must be a whole number of rounds from 1 to 100, such as 10; got "0"'],
    [{ 'ab-rounds': '1000' }, 'input "ab-rounds" must be a whole number'],
    [{ confirm: 'maybe' }, 'input "confirm" must be true or false; got "maybe"'],
    [{ 'merge-reports': 'shards', 'base-url': 'http://127.0.0.1:3001' }, 'inputs "merge-reports" and "base-url" do not go together'],
    [{ from: 'jmeter', results: 'r.jtl' }, 'input "from" must be one of k6, locust; got "jmeter"'],
    [{ from: 'k6' }, 'input "from" needs "results"'],
    [{ results: 'summary.json' }, 'input "results" needs "from"'],
    [{ from: 'k6', results: 's.json', 'base-url': 'http://127.0.0.1:3001' }, 'input "from" does not go with "base-url"'],
    [{ 'base-ref': 'abc', 'base-url': 'http://127.0.0.1:3001' }, 'inputs "base-ref" and "base-url" do not go together'],
    [{ 'base-ref': 'abc', target: 'http://127.0.0.1:3000' }, 'inputs "base-ref" and "target" do not go together'],
    [{ 'base-ref': 'abc', 'merge-reports': 'shards' }, 'input "base-ref" does not go with "merge-reports"'],
    [{ 'base-ref': 'abc', from: 'k6', results: 's.json' }, 'input "base-ref" does not go with "from"'],
  ])('%j is refused naming the input', (inputs, message) => {
    expect(() => readSettings(reader({ plan: 'p.yml', ...inputs }))).toThrow(message);
  });
});
