/**
 * A problem found in the parsed plan, addressed by its path in the data (`['stages', 1, 'rate']`)
 * rather than by line: the checks stay pure and the loader turns paths into line:col at the end.
 */

export type Path = readonly (string | number)[];

export interface Issue {
  path: Path;
  /** Point at the key (unknown or misplaced keys) or at the value (bad values, missing keys). */
  at: 'key' | 'value';
  message: string;
}

/** `['stages', 1, 'rate']` → `stages[1].rate`; odd keys such as "*" → `thresholds["*"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || 'the plan';
}

/**
 * Edit distance (Levenshtein, counting a swap of two neighbours as one edit, since `gte` for
 * `get` is a typical typo).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate if it is close enough to be a likely typo, else undefined. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(wanted, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const tolerance = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** `; did you mean "duration"?` or ` (allowed: a, b, c)` when nothing is close. */
export function suggestion(name: string, candidates: readonly string[]): string {
  const near = closest(name, candidates);
  if (near !== undefined) return `; did you mean ${JSON.stringify(near)}?`;
  return candidates.length ? ` (allowed: ${candidates.join(', ')})` : '';
}
