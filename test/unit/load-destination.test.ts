import { describe, it, expect } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkLoadDestination, isLoopbackHost, parseAllowedHosts } from '../../src/load/destination.js';

describe('checkLoadDestination: where load may go', () => {
  it.each([
    ['http://127.0.0.1:3000', 'loopback'],
    ['http://127.0.0.2:3000', 'loopback'],
    ['http://127.255.255.254', 'loopback'],
    ['http://[::1]:3000', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]:3000', 'loopback'],
    ['http://[::ffff:127.0.0.1]:3000', 'loopback'],
    ['http://localhost:3000', 'loopback'],
    ['http://LOCALHOST.:3000', 'loopback'],
    ['ws://127.0.0.1:9000/ws', 'loopback'],
    ['http://user:pw@127.0.0.1:3000/?key=1', 'loopback'],
  ])('%s is %s, allowed without anything', (url, grant) => {
    expect(checkLoadDestination(url, false, []).grant).toBe(grant);
  });

  it.each([
    ['http://0.0.0.0:3000', '0.0.0.0:3000', 'listen address'],
    ['http://[::]:3000', '[::]:3000', 'listen address'],
    ['http://example.com', 'example.com:80', ''],
    ['https://api.example.com/v1', 'api.example.com:443', ''],
    ['http://128.0.0.1:3000', '128.0.0.1:3000', ''],
    ['http://10.0.0.5:8080', '10.0.0.5:8080', ''],
    ['http://localhost.example.com', 'localhost.example.com:80', ''],
    ['http://[2001:db8::1]:8080', '[2001:db8::1]:8080', ''],
  ])('%s is refused (exit 2), naming %s and both ways to allow it', (url, shown, extra) => {
    let err: unknown;
    try {
      checkLoadDestination(url, false, []);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const message = (err as UsageError).message;
    expect(message).toContain(`refusing to send load to ${shown}`);
    expect(message).toContain('target.allow_remote: true');
    expect(message).toContain('allowed-hosts');
    expect(message).not.toContain('\n');
    if (extra) expect(message).toContain(extra);
  });

  it('target.allow_remote allows any host', () => {
    expect(checkLoadDestination('https://api.example.com', true, [])).toEqual({ host: 'api.example.com', port: 443, grant: 'allow_remote' });
  });

  it.each([
    ['https://staging.example.com/x', 'staging.example.com', 'allowed-hosts'],
    ['https://staging.example.com:8443', 'staging.example.com', 'allowed-hosts'],
    ['https://staging.example.com:8443', 'STAGING.example.com:8443', 'allowed-hosts'],
    ['https://staging.example.com', 'staging.example.com:443', 'allowed-hosts'],
    ['http://[2001:db8::1]:8080', '[2001:db8::1]:8080', 'allowed-hosts'],
    ['http://[2001:db8::1]:8080', '2001:db8::1', 'allowed-hosts'],
    ['http://10.0.0.5:8080', 'other.example.com, 10.0.0.5', 'allowed-hosts'],
  ])('allowed-hosts: %s is allowed by "%s"', (url, input, grant) => {
    expect(checkLoadDestination(url, false, parseAllowedHosts(input)).grant).toBe(grant);
  });

  it.each([
    ['https://staging.example.com:8443', 'staging.example.com:443'],
    ['https://staging.example.com', 'staging.example.com:8443'],
    ['https://evil-staging.example.com', 'staging.example.com'],
    ['https://staging.example.com.evil.net', 'staging.example.com'],
  ])('allowed-hosts: %s is still refused with "%s" (host and port must both match)', (url, input) => {
    expect(() => checkLoadDestination(url, false, parseAllowedHosts(input))).toThrow(UsageError);
  });
});

describe('parseAllowedHosts', () => {
  it('reads newline and comma lists, with and without ports', () => {
    expect(parseAllowedHosts(' a.example.com\n\nb.example.com:8443 , [2001:db8::1]:443,2001:db8::2\n')).toEqual([
      { host: 'a.example.com' },
      { host: 'b.example.com', port: 8443 },
      { host: '2001:db8::1', port: 443 },
      { host: '2001:db8::2' },
    ]);
    expect(parseAllowedHosts('')).toEqual([]);
  });

  it.each(['https://a.example.com', 'a.example.com:99999', 'user@a.example.com', 'a.example.com:x', '[nothost]:80'])(
    'refuses %s, naming the input',
    (entry) => {
      expect(() => parseAllowedHosts(entry)).toThrow(/input "allowed-hosts": .* is not a host or host:port/);
    },
  );
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['126.255.255.255', false],
    ['example.com', false],
    ['::ffff:10.0.0.1', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
