export const id = 318;
export const ids = [318];
export const modules = {

/***/ 47318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   apiBaseUrl: () => (/* binding */ apiBaseUrl),
/* harmony export */   lB: () => (/* binding */ upsertComment),
/* harmony export */   octokitCommentApi: () => (/* binding */ octokitCommentApi),
/* harmony export */   pI: () => (/* binding */ fitComment)
/* harmony export */ });
/* unused harmony exports COMMENT_BUDGET, ACTIONS_BOT_LOGIN, commentMarker */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The ONE sticky pull-request comment per plan (SPEC §4): found by a hidden marker *and* by its
 * author being this token's own identity, then edited in place; created only when none exists.
 * Checking the author means nobody can plant the marker in their own comment to have perf-gate
 * edit (or hide behind) it. The REST calls sit behind `CommentApi` so the logic is tested against
 * a loopback server through the real client.
 */


/** GitHub rejects comment bodies longer than this. */
const COMMENT_LIMIT = 65_536;
/** Where fitComment cuts: well below the limit, leaving room for the marker and the notice. */
const COMMENT_BUDGET = 60_000;
/** GITHUB_TOKEN is an installation token: it cannot read /user, and comments as this bot. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const PER_PAGE = 100;
/** 10,000 comments: far beyond what a PR holds; only a misbehaving API keeps sending full pages. */
const MAX_PAGES = 100;
/**
 * `<!-- perf-gate:plan=<planId> -->`. The id is percent-encoded where it could end the HTML
 * comment (`--`, `>`, `!`) or break the line, and `%` itself is encoded so the mapping stays
 * one-to-one: two plans never share a marker.
 */
function commentMarker(planId) {
    const escaped = planId.replace(/[%<>!\s\p{Cc}]|(?<=-)-/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
    return `<!-- perf-gate:plan=${escaped} -->`;
}
/**
 * The body cut at a line boundary to COMMENT_BUDGET characters, with a line saying where the
 * rest is. Code fences and <details> left open by the cut are closed so the notice shows.
 */
function fitComment(body, runUrl) {
    if (body.length <= COMMENT_BUDGET)
        return body;
    const notice = `… truncated: the full report is in the job summary${runUrl ? `: ${runUrl}` : '.'}`;
    for (let room = COMMENT_BUDGET - notice.length - 16; room > 0; room -= 1_000) {
        let cut = body.lastIndexOf('\n', room);
        if (cut <= 0) {
            cut = room;
            const code = body.charCodeAt(cut - 1);
            if (code >= 0xd800 && code <= 0xdbff)
                cut--; // do not split a surrogate pair
        }
        const kept = body.slice(0, cut);
        const fences = kept.split('\n').filter((l) => /^\s*(```|~~~)/.test(l)).length;
        const openDetails = (kept.match(/<details\b/gi)?.length ?? 0) - (kept.match(/<\/details>/gi)?.length ?? 0);
        const closers = (fences % 2 === 1 ? '\n```' : '') + '\n</details>'.repeat(Math.max(0, openDetails));
        const fitted = `${kept}${closers}\n\n${notice}\n`;
        if (fitted.length <= COMMENT_BUDGET)
            return fitted;
    }
    return `${notice}\n`; // unreachable for any realistic runUrl
}
const sameLogin = (a, b) => a.toLowerCase() === b.toLowerCase();
function forbidden(err, doing, t) {
    if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubApiError */ .OS) || (err.status !== 401 && err.status !== 403 && err.status !== 404))
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommentForbiddenError */ .JN(`could not ${doing} on ${t.owner}/${t.repo}#${t.issueNumber} (${err.message}). ` +
        'A pull request from a fork gets a read-only token (hand the comment to a workflow_run job); ' +
        'otherwise give the job `permissions: pull-requests: write`.', err.status);
}
async function step(name, t, call) {
    try {
        return await call();
    }
    catch (err) {
        throw forbidden(err, name, t) ?? err;
    }
}
/** The first (oldest) comment carrying the marker that this identity wrote, if any. */
async function findOwnComment(api, t, marker, me) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const comments = await step('list the comments', t, () => api.listComments(t, page, PER_PAGE));
        const mine = comments.find((c) => c.body.includes(marker) && sameLogin(c.author, me));
        if (mine)
            return mine;
        if (comments.length < PER_PAGE)
            return undefined;
    }
    return undefined;
}
async function upsertComment(api, target, planId, body, options = {}) {
    const marker = commentMarker(planId);
    const text = `${marker}\n${body}`.length > COMMENT_LIMIT ? `${marker}\n${fitComment(body)}` : `${marker}\n${body}`;
    const me = await step("read the token's identity", target, () => api.whoAmI());
    const existing = await findOwnComment(api, target, marker, me);
    if (existing) {
        try {
            const c = await api.updateComment(target, existing.id, text);
            return { action: 'updated', id: c.id, url: c.url };
        }
        catch (err) {
            // 404 on an id we just listed: the comment was deleted meanwhile, so write a new one.
            if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubApiError */ .OS && err.status === 404))
                throw forbidden(err, 'update the perf-gate comment', target) ?? err;
        }
    }
    // `comment: on-regression` on a passing run: keep an earlier comment true, but start none.
    if (options.createIfMissing === false)
        return { action: 'skipped' };
    const c = await step('create the perf-gate comment', target, () => api.createComment(target, text));
    return { action: 'created', id: c.id, url: c.url };
}
/** Token-shaped strings, so no error text from the client can carry one into a log. */
const TOKEN_LIKE = /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})\b/g;
function redact(text, token) {
    const out = token.length >= 4 ? text.split(token).join('***') : text;
    return out.replace(TOKEN_LIKE, '***');
}
function apiError(err, what, token) {
    const status = typeof err?.status === 'number' ? err.status : undefined;
    // Octokit's message is GitHub's own ("Resource not accessible by integration - https://docs…").
    const detail = err instanceof Error ? err.message : String(err);
    const answered = status !== undefined && status < 500 ? `GitHub answered ${status}` : `GitHub request failed${status ? ` (${status})` : ''}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubApiError */ .OS(redact(`${what}: ${answered}: ${detail}`, token), status);
}
/** Where the REST API is: `$GITHUB_API_URL` on a runner, github.com's API elsewhere. */
function apiBaseUrl(env) {
    return env.GITHUB_API_URL || 'https://api.github.com';
}
const toComment = (c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '', url: c.html_url });
/** CommentApi over `@actions/github`'s Octokit. */
function octokitCommentApi(token, options) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: options.baseUrl.replace(/\/+$/, '') });
    const call = async (what, fn) => {
        try {
            return await fn();
        }
        catch (err) {
            throw apiError(err, what, token);
        }
    };
    return {
        async whoAmI() {
            try {
                const { data } = await octokit.rest.users.getAuthenticated();
                return data.login;
            }
            catch (err) {
                // An installation token (GITHUB_TOKEN) may not read /user: it is the Actions bot.
                if (err?.status === 403)
                    return options.installationLogin ?? ACTIONS_BOT_LOGIN;
                throw apiError(err, 'GET /user', token);
            }
        },
        listComments: (t, page, perPage) => call(`listing comments of ${t.owner}/${t.repo}#${t.issueNumber}`, async () => {
            const { data } = await octokit.rest.issues.listComments({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: perPage, page });
            return data.map(toComment);
        }),
        createComment: (t, body) => call(`creating a comment on ${t.owner}/${t.repo}#${t.issueNumber}`, async () => {
            const { data } = await octokit.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body });
            return toComment(data);
        }),
        updateComment: (t, id, body) => call(`updating comment ${id} on ${t.owner}/${t.repo}`, async () => {
            const { data } = await octokit.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: id, body });
            return toComment(data);
        }),
        pullRequest: (t) => call(`reading pull request ${t.owner}/${t.repo}#${t.issueNumber}`, async () => {
            const { data } = await octokit.rest.pulls.get({ owner: t.owner, repo: t.repo, pull_number: t.issueNumber });
            return { headSha: data.head.sha, state: data.state };
        }),
    };
}


/***/ })

};
