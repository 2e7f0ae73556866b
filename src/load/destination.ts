/**
 * Where load may go. A plan (or a --target typo) must never send load to someone else's machine by
 * accident: a host that is not loopback needs `target.allow_remote: true` in the plan or the host
 * in the `allowed-hosts` input. Pure, and free of the engine (the action's settings use it).
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';

/** Why load may go to a host. */
export type DestinationGrant = 'loopback' | 'allow_remote' | 'allowed-hosts';

export interface LoadDestination {
  /** The host as written in the URL, lower-cased, IPv6 without brackets. */
  host: string;
  /** The port load goes to (the scheme's default when the URL has none). */
  port: number;
  grant: DestinationGrant;
}

/** One `allowed-hosts` entry: a host name or address, with the port it is limited to (if any). */
export interface AllowedHost {
  host: string;
  port?: number;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and `localhost`: addresses that never leave the machine. */
export function isLoopbackHost(host: string): boolean {
  const h = unbracket(host).toLowerCase().replace(/\.$/, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) {
    if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h)) return true;
    // IPv4-mapped 127.x.y.z, dotted or as the URL parser writes it (::ffff:7f00:1).
    return /^::ffff:127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h);
  }
  return false;
}

/**
 * The `allowed-hosts` input: host names or addresses, with an optional port (`api.example.com`,
 * `api.example.com:8443`, `[2001:db8::1]:443`), separated by newlines or commas.
 */
export function parseAllowedHosts(raw: string): AllowedHost[] {
  return raw
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map(parseAllowedHost);
}

function parseAllowedHost(entry: string): AllowedHost {
  const bad = (): never => {
    throw new UsageError(`input "allowed-hosts": "${entry}" is not a host or host:port (write api.example.com or api.example.com:8443)`);
  };
  if (entry.includes('/') || entry.includes('@')) bad();
  if (isIP(entry) === 6) return { host: entry.toLowerCase() };
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!m) return bad();
  const host = unbracket(m[1]!).toLowerCase();
  if (m[1]!.startsWith('[') && isIP(host) !== 6) bad();
  if (m[2] === undefined) return { host };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) bad();
  return { host, port };
}

/**
 * Checks that load may go to `url` (already checked to be an absolute URL) and says why it may.
 * Refusal is a UsageError (exit 2) naming the host and both ways to allow it.
 */
export function checkLoadDestination(url: string, allowRemote: boolean, allowedHosts: readonly AllowedHost[] = []): LoadDestination {
  const u = new URL(url);
  const host = unbracket(u.hostname).toLowerCase();
  const port = u.port ? Number(u.port) : (DEFAULT_PORTS[u.protocol] ?? 0);
  if (isLoopbackHost(host)) return { host, port, grant: 'loopback' };
  if (allowRemote) return { host, port, grant: 'allow_remote' };
  const bare = host.replace(/\.$/, '');
  if (allowedHosts.some((a) => a.host.replace(/\.$/, '') === bare && (a.port === undefined || a.port === port))) return { host, port, grant: 'allowed-hosts' };
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  const hint = host === '0.0.0.0' || host === '::' ? ` (${host} is a listen address: to reach this machine use 127.0.0.1)` : '';
  throw new UsageError(
    `refusing to send load to ${shown}:${port}: it is not a loopback address${hint}; to allow it, set target.allow_remote: true in the plan or add ${shown} to the allowed-hosts input`,
  );
}

/** The "(loopback)" / "(remote, allowed by …)" part of the line that says where load goes. */
export function describeGrant(grant: DestinationGrant): string {
  return grant === 'loopback' ? 'loopback' : grant === 'allow_remote' ? 'remote, allowed by target.allow_remote' : 'remote, allowed by the allowed-hosts input';
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
