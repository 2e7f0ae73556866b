export const id = 218;
export const ids = [218];
export const modules = {

/***/ 5858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readJsonPath),
/* harmony export */   H: () => (/* binding */ parseJsonPath)
/* harmony export */ });
/**
 * The JSONPath subset plans use (`$.a.b[0].c`, `$['x-y']`): captures, WebSocket reply fields and
 * timestamps. Shared by the plan checks and the engine, so it sits beside both rather than in either.
 */
/** `$.a.b[0].c` (the JSONPath subset captures use) → the value, or undefined when absent. */
function readJsonPath(doc, path) {
    const steps = parseJsonPath(path);
    let cur = doc;
    for (const step of steps) {
        // Own properties only: `$.constructor` must not find Object's.
        if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, step))
            return undefined;
        cur = cur[step];
    }
    return cur;
}
function parseJsonPath(path) {
    if (!path.startsWith('$'))
        throw new Error(`JSONPath must start with "$": ${path}`);
    const steps = [];
    const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/y;
    let i = 1;
    while (i < path.length) {
        re.lastIndex = i;
        const m = re.exec(path);
        if (!m)
            throw new Error(`unsupported JSONPath "${path}" at character ${i + 1}: use $.a.b[0] or $['a-b']`);
        steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
        i = re.lastIndex;
    }
    return steps;
}


/***/ }),

/***/ 5887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPlan: () => (/* reexport safe */ _load_js__WEBPACK_IMPORTED_MODULE_0__.Yq),
/* harmony export */   wr: () => (/* reexport safe */ _load_js__WEBPACK_IMPORTED_MODULE_0__.wr)
/* harmony export */ });
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9950);
/* harmony import */ var _interpolate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3772);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5244);
/* harmony import */ var _check_stages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3659);







/***/ }),

/***/ 6509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ parsePlaceholder),
/* harmony export */   Kx: () => (/* binding */ PLACEHOLDER),
/* harmony export */   gf: () => (/* binding */ dataKey)
/* harmony export */ });
/* unused harmony export placeholdersIn */
/**
 * The runtime placeholders a request string may hold after `${ENV}` substitution, parsed in one
 * place for the plan checks (which refuse a bad one with its position) and the engine (which fills
 * them per request):
 *  - `${name}`: a builtin (`seq`, `vu`, `iter`) or a value a `capture:` set;
 *  - `${users.email}`: a column of the row a `data:` set gave this user (or this request);
 *  - `${random(1,10)}`: an integer from 1 to 10, both ends included, drawn per request;
 *  - `${uuid()}`: a random (v4) UUID, per request.
 * `$${...}` is the escape for a literal `${...}`.
 */
/** Every `${...}` (or escaped `$${...}`) in a string; group 1 is what is between the braces. */
const PLACEHOLDER = /\$?\$\{([^{}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATA_REF = /^([A-Za-z_][A-Za-z0-9_]*)\.([^.\s]+)$/;
const RANDOM = /^random\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)$/;
const UUID = /^uuid\(\s*\)$/;
/** The placeholder `inner` (the text between the braces) names, or a message saying why it is none. */
function parsePlaceholder(inner) {
    const text = inner;
    if (NAME.test(text))
        return { kind: 'name', name: text };
    if (UUID.test(text))
        return { kind: 'uuid' };
    const random = RANDOM.exec(text);
    if (random) {
        const min = Number(random[1]);
        const max = Number(random[2]);
        if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
            return `\${${text}}: random's bounds must be integers`;
        if (min > max)
            return `\${${text}}: random(MIN,MAX) needs MIN ≤ MAX`;
        return { kind: 'random', min, max };
    }
    if (/^random\b/.test(text))
        return `\${${text}}: write random(MIN,MAX) with two integers, e.g. \${random(1,10)}`;
    const data = DATA_REF.exec(text);
    if (data)
        return { kind: 'data', set: data[1], column: data[2] };
    return `\${${text}} is not a value perf-gate knows: use \${name} (a capture or seq, vu, iter), \${DATA.COLUMN}, \${random(MIN,MAX)} or \${uuid()}`;
}
/** The placeholders of a string, escapes left out. */
function placeholdersIn(text) {
    if (!text.includes('${'))
        return [];
    const out = [];
    for (const m of text.matchAll(PLACEHOLDER))
        if (!m[0].startsWith('$$'))
            out.push(parsePlaceholder(m[1]));
    return out;
}
/** The vars key a data column is kept under (a user's row is copied into its vars). */
const dataKey = (set, column) => `${set}.${column}`;


/***/ })

};
