export const id = 570;
export const ids = [570];
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
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6696);
/* harmony import */ var _check_stages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3659);







/***/ })

};
