import { describe, expect, it } from 'vitest';
import { MASK, Redactor } from '../../src/model/redact.js';

const SECRET = 'pg s3cret/+&key';

describe('Redactor.text', () => {
  it.each([
    ['plain', `token ${SECRET} in a line`, 'token *** in a line'],
    ['URL-encoded (encodeURIComponent)', `GET /items?key=${encodeURIComponent(SECRET)}`, 'GET /items?key=***'],
    ['URL-encoded (encodeURI, "/" kept)', `GET /items/${encodeURI(SECRET)}`, 'GET /items/***'],
    ['several times', `${SECRET}${SECRET}`, '******'],
    [
      'URL userinfo of any scheme',
      'cannot reach http://bob:hunter2@127.0.0.1:9/x and wss://t0k@h/ws',
      'cannot reach http://***@127.0.0.1:9/x and wss://***@h/ws',
    ],
    ['nothing to hide', 'GET /items?key=public (no credentials) user@example.test', 'GET /items?key=public (no credentials) user@example.test'],
  ])('%s', (_, text, out) => {
    expect(new Redactor().add([SECRET]).text(text)).toBe(out);
  });

  it('hides a secret that contains another one whole', () => {
    expect(new Redactor().add(['abcdef', 'abcdef-long-secret']).text('x abcdef-long-secret y abcdef')).toBe('x *** y ***');
  });

  it('treats secrets as text, not patterns, and ignores empty values', () => {
    const r = new Redactor().add(['a.c*(d', '']);
    expect(r.text('abcd a.c*(d')).toBe(`abcd ${MASK}`);
  });

  it('with nothing added, only strips URL credentials', () => {
    expect(new Redactor().text('https://u:p@h/ and text')).toBe('https://***@h/ and text');
  });
});

describe('Redactor.json', () => {
  it('hides secrets in every string and in error-sample keys, not in encoded fields or other scalars, and leaves the input alone', () => {
    const report = {
      target: 'http://127.0.0.1:3000',
      stages: [
        {
          name: 'load',
          requests: 10,
          endpoints: [{ name: `GET /items?key=${SECRET}`, requests: 10 }],
          error_samples: { [`refused ${SECRET}`]: 2 },
          histogram: `HISTFAAA${SECRET}`,
          ws_histograms: { connect: SECRET, gap: '', lag: '' },
        },
      ],
      fingerprints: { plan: SECRET, runner: 'r' },
      cancelled: false,
    };
    const before = structuredClone(report);
    const out = new Redactor().add([SECRET]).json(report);
    expect(report).toEqual(before);
    expect(out.stages[0]!.endpoints[0]!.name).toBe('GET /items?key=***');
    expect(out.stages[0]!.error_samples).toEqual({ 'refused ***': 2 });
    expect(out.stages[0]!.histogram).toBe(report.stages[0]!.histogram);
    expect(out.stages[0]!.ws_histograms).toEqual(report.stages[0]!.ws_histograms);
    expect(out.fingerprints).toEqual(report.fingerprints);
    expect(out.stages[0]!.requests).toBe(10);
    expect(out.cancelled).toBe(false);
  });

  it('never renames a field of the report, even when a secret equals its name (the baseline stays readable)', () => {
    const report = { stages: [{ name: 'load', timeline: [{ t: 0, requests: 3 }], note: 'timeline of requests' }] };
    const out = new Redactor().add(['timeline', 'requests']).json(report);
    expect(Object.keys(out.stages[0]!)).toEqual(['name', 'timeline', 'note']);
    expect(out.stages[0]!.timeline).toEqual([{ t: 0, requests: 3 }]);
    expect(out.stages[0]!.note).toBe('*** of ***');
  });
});
