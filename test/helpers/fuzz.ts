/**
 * A small seeded fuzzer for plan files (no dependency): a PRNG, and mutators that turn a valid plan
 * into a broken, odd or hostile one: keys deleted, types swapped, huge numbers, unicode, deep
 * nesting, alias bombs, lines deleted or duplicated, characters inserted. Every mutant is a
 * function of (seed, case), so a failure is reproduced from the two numbers alone.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';

/** mulberry32: tiny, fast and good enough to spread mutations; deterministic per seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Values a node's value is swapped for (YAML source text, so tags and odd scalars go in as written). */
export const TYPE_SWAPS: readonly string[] = [
  '"text"',
  "''",
  '0',
  '1',
  '-1',
  '3.5',
  'true',
  'false',
  'null',
  '~',
  '[]',
  '{}',
  '[1, 2]',
  '{a: 1}',
  '[[]]',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '1e3',
  '!!binary aGVsbG8=',
  '2001-12-14t21:59:43.10-05:00',
  '"5s"',
  '"10/s"',
  '"< 200ms"',
  '"+15%"',
];

/** Numbers and number-like strings at and past every edge. */
export const HUGE_NUMBERS: readonly string[] = [
  '1e308',
  '-1e308',
  '1e309',
  String(2 ** 53 + 1),
  '-1',
  '0',
  '-0',
  '0.0000001',
  '999999999999999999999999',
  '4294967297',
  '"999999999h"',
  '"1e9/s"',
  '"999999999999/s"',
  '"0ms"',
  '"0s"',
  '"0/s"',
  '"0.0001/s"',
  '"1000000h"',
  '"99999999999999999999ms"',
  '"9'.padEnd(400, '9') + '/s"',
  '"< 9'.padEnd(400, '9') + '"',
  '"+9'.padEnd(400, '9') + '%"',
  '2147483648',
  '"2147483648ms"',
  '"25d"',
];

/** Text that trips encodings and renderers. */
export const UNICODE: readonly string[] = [
  '😀',
  '👩‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'مرحبا',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'e\u0301',
  '\u2028',
  '\u0085',
  '\t',
  '\r',
  '\\u0000',
  '${',
  '$${X}',
  '${UNSET_VAR}',
  '%s%n',
  '"',
  "'",
  ':',
  '#',
  '&a',
  '*a',
  '!!',
  '|',
  '>',
];

export interface Seed {
  name: string;
  text: string;
}

const indentOf = (line: string): string => /^\s*/.exec(line)![0];

/** All nodes of the document with their parents, depth first (iterative). */
function nodes(doc: Document): { node: Node; parent: Node | undefined; key: unknown }[] {
  const out: { node: Node; parent: Node | undefined; key: unknown }[] = [];
  const stack: { node: Node; parent: Node | undefined; key: unknown }[] = doc.contents
    ? [{ node: doc.contents as Node, parent: undefined, key: undefined }]
    : [];
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    if (isMap(item.node)) for (const p of item.node.items) if (p.value) stack.push({ node: p.value as Node, parent: item.node, key: p.key });
    if (isSeq(item.node)) item.node.items.forEach((v, i) => v && stack.push({ node: v as Node, parent: item.node, key: i }));
  }
  return out;
}

/** Replace one node's value with YAML source text (parsed on its own, so tags and flow work). */
function setValue(parent: Node | undefined, key: unknown, valueText: string, doc: Document): boolean {
  const value = parseDocument(valueText).contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => p.key === key);
    if (!pair) return false;
    pair.value = value;
    return true;
  }
  if (isSeq(parent)) {
    parent.items[key as number] = value;
    return true;
  }
  doc.contents = value;
  return true;
}

/** The document as text: half in block style, half with every collection in flow style; undefined if it cannot be written (an alias without its anchor). */
function stringify(doc: Document, rng: Rng): string | undefined {
  try {
    return rng.chance(0.5) ? doc.toString({ lineWidth: 0 }) : doc.toString({ lineWidth: 0, collectionStyle: 'flow' });
  } catch {
    return undefined;
  }
}

type Mutator = (text: string, rng: Rng) => string;

/** Structural mutations: on the document tree, then written back as YAML. */
const structural: Record<string, (doc: Document, rng: Rng) => boolean> = {
  deleteKey(doc, rng) {
    const maps = nodes(doc).filter((n) => isMap(n.node) && n.node.items.length > 0);
    if (maps.length === 0) return false;
    const map = rng.pick(maps).node;
    if (!isMap(map)) return false;
    map.items.splice(rng.int(map.items.length), 1);
    return true;
  },
  swapType(doc, rng) {
    const all = nodes(doc);
    if (all.length === 0) return false;
    const n = rng.pick(all);
    return setValue(n.parent, n.key, rng.pick(TYPE_SWAPS), doc);
  },
  hugeNumber(doc, rng) {
    const leaves = nodes(doc).filter((n) => isScalar(n.node));
    if (leaves.length === 0) return false;
    const n = rng.pick(leaves);
    return setValue(n.parent, n.key, rng.pick(HUGE_NUMBERS), doc);
  },
  unicode(doc, rng) {
    const scalars = nodes(doc).filter((n) => isScalar(n.node));
    if (scalars.length === 0) return false;
    const n = rng.pick(scalars);
    const s = n.node as Scalar;
    const text = String(s.value ?? '');
    const at = rng.int(text.length + 1);
    s.value = text.slice(0, at) + rng.pick(UNICODE) + text.slice(at);
    // Sometimes the key instead of the value.
    if (rng.chance(0.3) && isMap(n.parent)) {
      const pair = n.parent.items.find((p) => p.key === n.key);
      if (pair && isScalar(pair.key)) pair.key = new Scalar(String(pair.key.value) + rng.pick(UNICODE));
    }
    return true;
  },
  duplicateStage(doc, rng) {
    // Many stages: sums of durations and requests go over the limits.
    const stages = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'stages')?.value : undefined;
    if (!isSeq(stages) || stages.items.length === 0) return false;
    const times = rng.between(2, 40);
    const one = stages.items[rng.int(stages.items.length)];
    for (let i = 0; i < times; i++) stages.items.push(one);
    return true;
  },
};

/** Text mutations: on the lines and characters. */
const textual: Record<string, Mutator> = {
  deleteLine(text, rng) {
    const lines = text.split('\n');
    lines.splice(rng.int(lines.length), rng.between(1, 3));
    return lines.join('\n');
  },
  duplicateLine(text, rng) {
    // Also makes duplicate keys.
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  },
  swapLines(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    const j = rng.int(lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  insertChar(text, rng) {
    const at = rng.int(text.length + 1);
    const pool = ['\t', ' ', ':', '-', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '"', "'", '%', '@', '`', '\0', '\uFEFF', '\r', '\n', ...UNICODE];
    let out = text;
    for (let k = rng.between(1, 4); k > 0; k--) out = out.slice(0, at) + rng.pick(pool) + out.slice(at);
    return out;
  },
  indentTabs(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] = lines[i]!.replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
    return lines.join('\n');
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(text.length));
  },
  bom(text) {
    return `\uFEFF${text}`;
  },
  crlf(text) {
    return text.replace(/\n/g, '\r\n');
  },
  deepFlow(text, rng) {
    // A value replaced by a deeply nested flow list or map (mostly around the limit, sometimes thousands).
    const n = rng.chance(0.02) ? rng.between(1000, 3000) : rng.between(30, 150);
    const nest = rng.chance(0.5) ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{a: '.repeat(n)}1${'}'.repeat(n)}`;
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => (/:\s*\S/.test(l) && !/^\s*#/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return `${text}\nx: ${nest}\n`;
    const i = rng.pick(candidates);
    lines[i] = lines[i]!.replace(/:\s*.*$/, `: ${nest}`);
    return lines.join('\n');
  },
  deepBlock(text, rng) {
    // A key followed by a deep block map (indentation grows by one per level).
    const n = rng.chance(0.02) ? rng.between(300, 600) : rng.between(30, 120);
    const chain = Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n');
    return `${text.trimEnd()}\njson:\n${chain} 1\n`;
  },
  aliasBomb(text, rng) {
    const shape = rng.int(5);
    const width = rng.between(2, 12);
    const levels = rng.between(2, 10);
    const lines: string[] = [];
    if (shape === 0) {
      // Billion laughs: each level lists the previous one `width` times.
      lines.push(`a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`);
      for (let i = 1; i < levels; i++)
        lines.push(
          `a${i}: &a${i} [${Array(width)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
    } else if (shape === 1) {
      // Map merges of a map of merges.
      lines.push('m0: &m0 { x: 1, y: 2 }');
      for (let i = 1; i < levels; i++)
        lines.push(
          `m${i}: &m${i} { <<: [${Array(width)
            .fill(`*m${i - 1}`)
            .join(', ')}], k${i}: ${i} }`,
        );
    } else if (shape === 2) {
      // A chain of single aliases, each nested a few levels: deep once expanded.
      lines.push(`c0: &c0 ${'['.repeat(width)}1${']'.repeat(width)}`);
      for (let i = 1; i < levels; i++) lines.push(`c${i}: &c${i} ${'['.repeat(width)}*c${i - 1}${']'.repeat(width)}`);
    } else if (shape === 3) {
      // An alias to an undefined anchor, and an anchor used before it is defined.
      lines.push('u: *nowhere', `v: &v [*v]`);
    } else {
      // Many aliases of one big anchored value.
      lines.push(`big: &big { ${Array.from({ length: width * 10 }, (_, i) => `k${i}: "${'x'.repeat(50)}"`).join(', ')} }`);
      lines.push(
        `many: [${Array(levels * 15)
          .fill('*big')
          .join(', ')}]`,
      );
    }
    // At the top (unknown root keys) or as a value of an existing key.
    return rng.chance(0.5) ? `${lines.join('\n')}\n${text}` : `${text.trimEnd()}\nrequests_extra:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  },
  duplicateKey(text, rng) {
    const lines = text.split('\n');
    const keyed = lines.map((l, i) => (/^\s*[A-Za-z_]+:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (keyed.length === 0) return text;
    const i = rng.pick(keyed);
    const key = /^\s*([A-Za-z_]+):/.exec(lines[i]!)![1];
    lines.splice(i + 1, 0, `${indentOf(lines[i]!)}${key}: ${rng.pick(TYPE_SWAPS)}`);
    return lines.join('\n');
  },
};

export const MUTATORS = [...Object.keys(structural), ...Object.keys(textual)];

/**
 * One mutant of a seed: 1 to 3 mutations, structural or textual. Structural ones rewrite the whole
 * document (sometimes in flow style); a text mutation after them breaks it further.
 */
export function mutate(seed: Seed, rng: Rng): { text: string; applied: string[] } {
  let text = seed.text;
  const applied: string[] = [];
  for (let k = rng.between(1, 3); k > 0; k--) {
    const name = rng.pick(MUTATORS);
    if (name in structural) {
      const doc = parseDocument(text);
      if (doc.errors.length > 0) continue; // already broken text: structural edits need a tree
      if (!structural[name]!(doc, rng)) continue;
      const written = stringify(doc, rng);
      if (written === undefined) continue;
      text = written;
    } else {
      text = textual[name]!(text, rng);
    }
    applied.push(name);
  }
  return { text, applied };
}
