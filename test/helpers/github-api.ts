/**
 * A loopback stand-in for the GitHub REST API: the identity (`GET /user`) and issue comments
 * (list with pagination, create, edit), kept in memory. It records every call so tests can check
 * what the client did, and can act as an installation token (no `/user`) or a read-only token
 * (writes answer 403). Used by the comment tests and by dist tests of the action
 * (point `GITHUB_API_URL` at `url`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGitHubOptions {
  /** Login of the token's identity; as an installation token, the bot it comments as. */
  login?: string;
  /** Act as an installation token (GITHUB_TOKEN): `GET /user` answers 403. */
  installationToken?: boolean;
  /** Act as a read-only token (a fork's PR): POST and PATCH answer 403. */
  readOnly?: boolean;
  /** When set, only these 'owner/name' repositories exist (others answer 404, as for no access). */
  repos?: string[];
  /** When set, any other Authorization token answers 401. */
  token?: string;
  /** Extra routes, tried first: return true when handled. */
  route?: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => boolean;
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  login: string;
  created_at: string;
  updated_at: string;
}

export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** An Authorization header was sent (its value is never recorded). */
  authorized: boolean;
}

export interface FakeGitHubApi {
  url: string;
  calls: RecordedCall[];
  comments: FakeComment[];
  /** Adds a comment as if someone had written it; returns it. */
  addComment(c: { repo: string; issueNumber: number; body: string; login: string }): FakeComment;
  /** Changes the behaviour for later requests. */
  set(options: Partial<FakeGitHubOptions>): void;
  close(): Promise<void>;
}

const INSTALLATION_BOT = 'github-actions[bot]';

export async function startFakeGitHubApi(initial: FakeGitHubOptions = {}): Promise<FakeGitHubApi> {
  let options: FakeGitHubOptions = { ...initial };
  const calls: RecordedCall[] = [];
  const comments: FakeComment[] = [];
  let nextId = 1_000;
  let url = '';

  const author = () => (options.installationToken ? INSTALLATION_BOT : (options.login ?? 'perf-gate-user'));
  const repoExists = (owner: string, repo: string) => options.repos === undefined || options.repos.includes(`${owner}/${repo}`);
  const add = (owner: string, repo: string, issueNumber: number, body: string, login: string): FakeComment => {
    const now = new Date().toISOString();
    const c = { id: nextId++, owner, repo, issueNumber, body, login, created_at: now, updated_at: now };
    comments.push(c);
    return c;
  };
  const view = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${url}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: { login: c.login, id: 1, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
  });
  const send = (res: http.ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(data));
  };
  const fail = (res: http.ServerResponse, status: number, message: string) =>
    send(res, status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status) });

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      let body: unknown;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const auth = req.headers.authorization;
      calls.push({ method, path: u.pathname, query: Object.fromEntries(u.searchParams), body, authorized: auth !== undefined });
      if (options.route?.(req, res, raw)) return;

      if (auth === undefined) return fail(res, 401, 'Requires authentication');
      if (options.token !== undefined && auth.replace(/^(token|bearer)\s+/i, '') !== options.token) return fail(res, 401, 'Bad credentials');

      let m: RegExpMatchArray | null;
      if (method === 'GET' && u.pathname === '/user') {
        if (options.installationToken) return fail(res, 403, 'Resource not accessible by integration');
        return send(res, 200, { login: author(), id: 1, type: 'User' });
      }
      if ((m = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/))) {
        const [owner, repo, n] = [m[1]!, m[2]!, Number(m[3])];
        if (!repoExists(owner, repo)) return fail(res, 404, 'Not Found');
        if (method === 'GET') {
          const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30) || 30));
          const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
          const all = comments.filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === n);
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const headers: Record<string, string> = {};
          if (page * perPage < all.length) {
            headers.link = `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
          }
          return send(res, 200, slice.map(view), headers);
        }
        if (method === 'POST') {
          if (options.readOnly) return fail(res, 403, 'Resource not accessible by integration');
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string') return fail(res, 422, 'Invalid request: body is required');
          if (text.length > 65_536) return fail(res, 422, 'Validation Failed: body is too long (maximum is 65536 characters)');
          return send(res, 201, view(add(owner, repo, n, text, author())));
        }
      }
      if ((m = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
        if (!repoExists(m[1]!, m[2]!)) return fail(res, 404, 'Not Found');
        const c = comments.find((x) => x.owner === m![1] && x.repo === m![2] && x.id === Number(m![3]));
        if (!c) return fail(res, 404, 'Not Found');
        if (options.readOnly) return fail(res, 403, 'Resource not accessible by integration');
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== 'string') return fail(res, 422, 'Invalid request: body is required');
        if (text.length > 65_536) return fail(res, 422, 'Validation Failed: body is too long (maximum is 65536 characters)');
        c.body = text;
        c.updated_at = new Date().toISOString();
        return send(res, 200, view(c));
      }
      return fail(res, 404, 'Not Found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    comments,
    addComment: (c) => {
      const [owner, repo] = c.repo.split('/') as [string, string];
      return add(owner, repo, c.issueNumber, c.body, c.login);
    },
    set: (o) => {
      options = { ...options, ...o };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
