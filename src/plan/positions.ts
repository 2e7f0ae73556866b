/**
 * YAML with positions. We use `yaml` (not js-yaml) because it keeps a node tree with source
 * ranges for every key and value, so any problem found later in the plain data can be pointed at
 * its exact line:col; js-yaml only returns plain objects and positions only for syntax errors.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
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

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  // prettyErrors off: we want the bare message and place the position ourselves.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const source = { doc, lines };
  const syntaxErrors = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { ...pos, message: e.message.split('\n')[0]! + placeholderHint(text, pos.line) };
  });
  if (syntaxErrors.length) return { source, value: undefined, syntaxErrors };
  try {
    return { source, value: doc.toJS({ maxAliasCount: 100 }), syntaxErrors };
  } catch (err) {
    // toJS refuses alias bombs ("Excessive alias count"); report it like any YAML error.
    return { source, value: undefined, syntaxErrors: [{ line: 1, col: 1, message: (err as Error).message }] };
  }
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
    best = (last && at === 'key' ? keyPos : valuePos ?? keyPos) ?? best;
    node = next;
  }
  return best;
}
