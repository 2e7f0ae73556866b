export const id = 432;
export const ids = [432];
export const modules = {

/***/ 8432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startDemoServer: () => (/* binding */ startDemoServer)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ws__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2977);
/**
 * The bundled demo target for `perf-gate demo` (and a realistic target for tests): login that hands
 * out a token, a fast list, a slower search, an endpoint that fails now and then, and a WebSocket
 * echo at /ws (a JSON message with an "id" is answered with that id). Loopback only.
 */


const POSTS = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `post ${i + 1}`, content: 'lorem ipsum' })));
async function startDemoServer(port = 0) {
    const counts = new Map();
    const tokens = new Set();
    let flaky = 0;
    const server = node_http__WEBPACK_IMPORTED_MODULE_0___default().createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://demo');
        counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
        const json = (status, body) => {
            res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
            res.end(body);
        };
        const authorized = () => tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));
        let body = '';
        req.on('data', (c) => (body += c.toString()));
        req.on('end', () => {
            switch (`${req.method} ${url.pathname}`) {
                case 'GET /healthz':
                    return json(200, '{"ok":true}');
                case 'POST /auth/login': {
                    let user = {};
                    try {
                        user = JSON.parse(body);
                    }
                    catch {
                        /* falls through to 400 */
                    }
                    if (!user.username || !user.password)
                        return json(400, '{"error":"username and password required"}');
                    const token = `demo-${Math.random().toString(36).slice(2)}`;
                    tokens.add(token);
                    return json(200, JSON.stringify({ access_token: token }));
                }
                case 'GET /posts':
                    return authorized() ? json(200, POSTS) : json(401, '{"error":"unauthorized"}');
                case 'POST /posts':
                    return authorized() ? json(201, '{"id":21}') : json(401, '{"error":"unauthorized"}');
                case 'GET /search':
                    // A slower endpoint: 5-15 ms of "work".
                    setTimeout(() => json(200, `{"q":${JSON.stringify(url.searchParams.get('q') ?? '')},"hits":[]}`), 5 + Math.random() * 10);
                    return;
                case 'GET /flaky':
                    return ++flaky % 20 === 0 ? json(500, '{"error":"boom"}') : json(200, '{"ok":true}');
                default:
                    return json(404, '{"error":"not found"}');
            }
        });
    });
    server.keepAliveTimeout = 60_000;
    const wss = new ws__WEBPACK_IMPORTED_MODULE_1__/* .WebSocketServer */ .zu({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
    wss.on('connection', (socket) => {
        socket.on('message', (data, isBinary) => {
            counts.set('ws /ws', (counts.get('ws /ws') ?? 0) + 1);
            if (isBinary)
                return socket.send(data, { binary: true });
            const text = data.toString();
            let id;
            try {
                id = JSON.parse(text)?.id;
            }
            catch {
                /* not JSON: echoed as is */
            }
            socket.send(id === undefined ? text : JSON.stringify({ id, ok: true, at: Date.now() }));
        });
    });
    server.on('upgrade', (req, socket, head) => {
        if (new URL(req.url ?? '/', 'http://demo').pathname !== '/ws') {
            socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
            return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    const { port: actual } = server.address();
    return {
        url: `http://127.0.0.1:${actual}`,
        counts,
        close: () => new Promise((resolve) => {
            for (const c of wss.clients)
                c.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}


/***/ })

};
