/**
 * A loopback shop for user-flow tests (SPEC §5): logins checked against a user list, item pages
 * behind a bearer token, a stock of 100 that a correct shop never oversells and an overselling one
 * does (a read, a wait, a write: lost updates under concurrency), and its inventory.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Shop {
  url: string;
  /** Logins that succeeded, by name. */
  logins: string[];
  /** Every Authorization header and path the item endpoints saw. */
  seen: Array<{ auth: string | undefined; path: string }>;
  /** The overselling shop reads the stock, yields, then writes it back (a lost update under concurrency). */
  oversells: boolean;
  close(): Promise<void>;
}

export const USERS = [
  ['ann', 'pw-ann-1'],
  ['bob', 'pw-bob-2'],
  ['cy', 'pw-cy-33'],
  ['dee', 'pw-dee-4'],
  ['eve', 'pw-eve-5'],
];

export async function startShop(): Promise<Shop> {
  let stock = 100;
  let sold = 0;
  const shop: Shop = { url: '', logins: [], seen: [], oversells: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = (status: number, doc: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(doc));
      };
      const url = req.url ?? '/';
      if (req.method === 'POST' && url === '/login') {
        const { name, password } = JSON.parse(body || '{}') as { name?: string; password?: string };
        const user = USERS.find(([n, p]) => n === name && p === password);
        if (!user) return json(409, { error: `no user ${name} with that password` });
        shop.logins.push(name!);
        return json(200, { token: `tok-${name}` });
      }
      if (url.startsWith('/items/')) {
        shop.seen.push({ auth: req.headers.authorization, path: url });
        const token = /^Bearer tok-(\w+)$/.exec(req.headers.authorization ?? '');
        return token ? json(200, { id: url.slice(7) }) : json(401, { error: 'no token' });
      }
      if (req.method === 'POST' && url === '/reset') {
        stock = 100;
        sold = 0;
        return json(200, { stock });
      }
      if (req.method === 'POST' && url === '/buy/1') {
        if (!shop.oversells) {
          if (stock <= 0) return json(409, { error: 'sold out' });
          stock--;
          sold++;
          return json(200, { ok: true });
        }
        const seen = stock;
        if (seen <= 0) return json(409, { error: 'sold out' });
        // Reads, waits for "the database", writes what it read minus one: concurrent buyers all sell.
        setTimeout(() => {
          stock = seen - 1;
          sold++;
          json(200, { ok: true });
        }, 5);
        return;
      }
      if (url === '/inventory/1') return json(200, { stock, sold });
      // Behind a login: what a real shop's admin view is.
      if (url === '/admin/inventory/1')
        return /^Bearer tok-\w+$/.test(req.headers.authorization ?? '') ? json(200, { stock, sold }) : json(401, { error: 'log in' });
      // Echoes the query as JSON: a request's own values come back in its body.
      if (url.startsWith('/echo')) return json(200, Object.fromEntries(new URL(url, 'http://x').searchParams));
      json(404, {});
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  shop.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shop.close = () => new Promise((r) => server.close(() => r()));
  return shop;
}
