/**
 * YAML with positions. We use `yaml` (not js-yaml) because it keeps a node tree with source
 * ranges for every key and value, so any problem found later in the plain data can be pointed at
 * its exact line:col; js-yaml only returns plain objects and positions only for syntax errors.
 */
import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Path } from './issues.js';

export interface Position {
  line: number;
  col: number;
}

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource;
  /** The plain data (undefined when there were syntax errors). */
  value: unknown;
  syntaxErrors: (Position & { message: string })[];
}

/**
 * Deepest nesting of maps and lists a plan may have. Real plans stay under 10 (a `json:` body adds a
 * few); the limit is far below where the YAML composer, `toJS` or the recursive walks after them
 * would run out of stack, so a hostile or broken file gets a located message instead.
 */
export const MAX_DEPTH = 64;
export const DEPTH_MESSAGE = `the plan is nested deeper than ${MAX_DEPTH} levels`;

/** How many aliases `toJS` may expand: refuses "billion laughs" bombs. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  let doc: Document;
  try {
    // prettyErrors off: we want the bare message and place the position ourselves.
    // logLevel error: yaml's warnings (a map used as a key) would print as process warnings.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    // The parser catches its own stack overflow (RESOURCE_EXHAUSTION, below): this is the backstop.
    const message = err instanceof RangeError ? DEPTH_MESSAGE : `cannot parse the plan: ${(err as Error).message}`;
    return { source: { doc: new Document(null), lines }, value: undefined, syntaxErrors: [{ line: 1, col: 1, message }] };
  }
  const source = { doc, lines };
  // The parser catches its own stack overflow as a RESOURCE_EXHAUSTION error (one or several):
  // one problem, at the first, says what it means.
  const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message));
  const syntaxErrors = (overflow ? [overflow] : doc.errors).map((e) => {
    const pos = lines.linePos(e.pos[0]);
    if (e === overflow) return { ...pos, message: DEPTH_MESSAGE };
    return { ...pos, message: e.message.split('\n')[0]! + placeholderHint(text, pos.line) };
  });
  if (syntaxErrors.length) return { source, value: undefined, syntaxErrors };
  // Deep nesting in the node tree is refused before toJS, which recurses once per level.
  const deepNode = tooDeep(doc.contents, nodeChildren);
  if (deepNode) return { source, value: undefined, syntaxErrors: [{ ...(startOf(source, deepNode as Node) ?? { line: 1, col: 1 }), message: DEPTH_MESSAGE }] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // toJS refuses alias bombs ("Excessive alias count"); report it like any YAML error.
    const message = err instanceof RangeError ? DEPTH_MESSAGE : (err as Error).message;
    return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message }] };
  }
  // Aliases can stack anchors into data deeper than any one node path: check the result as well.
  if (tooDeep(value, valueChildren))
    return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message: `${DEPTH_MESSAGE} (once its aliases are expanded)` }] };
  return { source, value, syntaxErrors };
}

/**
 * The first item nested more than MAX_DEPTH collections deep, or undefined. Iterative (an explicit
 * stack) so that the check itself cannot overflow, and it stops descending at the limit.
 */
function tooDeep<T>(root: T, children: (item: T) => readonly T[] | undefined): T | undefined {
  const stack: [T, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    const kids = children(item);
    if (!kids) continue;
    if (depth >= MAX_DEPTH) return item;
    for (const kid of kids) stack.push([kid, depth + 1]);
  }
  return undefined;
}

/** A map's or list's child nodes (a pair's key and value); undefined for scalars and aliases. */
function nodeChildren(node: unknown): unknown[] | undefined {
  if (isMap(node)) return node.items.flatMap((p) => [p.key, p.value]);
  if (isSeq(node)) return node.items;
  return undefined;
}

function valueChildren(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return value instanceof Map ? [...value.values()] : Object.values(value);
  return undefined;
}

/** `{ duration: ${D} }` is a YAML error (the `{` of `${` opens a map): say how to write it. */
function placeholderHint(text: string, line: number): string {
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  return /(^|[\s,[{:])\$\{/.test(lineText) ? ' (put values that contain ${...} in quotes: "${NAME}")' : '';
}

function startOf(source: YamlSource, node: Node | null | undefined): Position | undefined {
  return node?.range ? source.lines.linePos(node.range[0]) : undefined;
}

/**
 * line:col of `path` in the document: of its KEY (`at: 'key'`) or its VALUE. When the path goes
 * further than the document (a key that is missing), the deepest node found stands in for it.
 */
export function locate(source: YamlSource, path: Path, at: 'key' | 'value'): Position {
  let node = source.doc.contents as Node | null;
  let best = startOf(source, node) ?? { line: 1, col: 1 };
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    let key: Node | null = null;
    let next: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(part));
      if (!pair) break;
      key = pair.key as Node | null;
      next = pair.value as Node | null;
    } else if (isSeq(node)) {
      next = node.items[Number(part)] as Node | null;
      if (next === undefined) break;
    } else {
      break;
    }
    const keyPos = startOf(source, key);
    const valuePos = startOf(source, next);
    // An empty value (`duration:`) has no node of its own: its key is the best place to point.
    best = (last && at === 'key' ? keyPos : (valuePos ?? keyPos)) ?? best;
    node = next;
  }
  return best;
}
