import { describe, it, expect } from 'vitest';
import { readPrometheusValue, RESIDENT_MEMORY } from '../../src/metrics/prometheus.js';

describe('readPrometheusValue', () => {
  const cases: Array<{ name: string; text: string; expected: { value: number } | { error: string } }> = [
    {
      name: 'a plain sample after HELP and TYPE comments',
      text: '# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 52817920\n',
      expected: { value: 52_817_920 },
    },
    { name: 'an exponent', text: 'process_resident_memory_bytes 1.2e+08\n', expected: { value: 120_000_000 } },
    {
      name: 'a sample with labels (one holding a brace and an escaped quote) and a timestamp',
      text: 'process_resident_memory_bytes{app="a}\\"b",pod="x"} 4.5E7 1700000000000\n',
      expected: { value: 45_000_000 },
    },
    {
      name: 'a longer metric with the same prefix first',
      text: 'process_resident_memory_bytes_max 9\nprocess_resident_memory_bytes 7\n',
      expected: { value: 7 },
    },
    { name: 'CRLF line ends and indentation', text: '  # comment\r\n  process_resident_memory_bytes   123  \r\n', expected: { value: 123 } },
    { name: 'a missing metric', text: 'go_goroutines 12\n', expected: { error: 'process_resident_memory_bytes not found in the metrics page' } },
    { name: 'an empty page', text: '', expected: { error: 'process_resident_memory_bytes not found in the metrics page' } },
    {
      name: 'a value that is not a number',
      text: 'process_resident_memory_bytes lots\n',
      expected: { error: 'process_resident_memory_bytes: "lots" is not a number' },
    },
    {
      name: 'unterminated labels',
      text: 'process_resident_memory_bytes{a="b" 5\n',
      expected: { error: 'process_resident_memory_bytes: unterminated labels in "process_resident_memory_bytes{a="b" 5"' },
    },
    {
      name: 'an HTML error page',
      text: '<html><body>Not Found</body></html>',
      expected: { error: 'process_resident_memory_bytes not found in the metrics page' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(readPrometheusValue(c.text, RESIDENT_MEMORY)).toEqual(c.expected);
    });
  }
  it('reads +Inf and NaN as numbers (the caller decides what they mean)', () => {
    expect(readPrometheusValue('x +Inf', 'x')).toEqual({ value: Infinity });
    expect(readPrometheusValue('x NaN', 'x')).toEqual({ value: NaN });
  });
});
