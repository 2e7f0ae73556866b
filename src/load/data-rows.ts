/**
 * Rows of the plan's `data:` sets handed to users and requests (SPEC §5, "Parameterised requests").
 * A row is copied into the vars a template reads, under `SET.COLUMN` keys, so filling a request
 * costs the same as any `${name}`:
 *  - a closed-model user takes its row once, for its session and all its requests;
 *  - an open-model request (and a setup or verify request) takes one per request.
 * Picks: sequential (closed: user N has row N, wrapping; open: the rows in order), random, unique
 * (each row once in the whole run; one more is an error that stops the stage; a user of a stage
 * that starts again, in a later stress step or A/B round, keeps the row it had).
 * Threads and shards share the rows out by their `share`, as `${seq}` is: user N of part i of n
 * is the plan's user (N−1)·n + i, so no two parts hand out the same sequential or unique row.
 */
import { RowsExhausted } from '../errors.js';
import type { DataSet, StageShare } from '../plan/types.js';
import { dataKey } from '../plan/placeholders.js';
import type { Vars } from './template.js';

interface Cursor {
  set: DataSet;
  keys: string[];
  /** Rows taken so far by this part (open-model draws and unique picks). */
  taken: number;
  /**
   * unique: the row each user of a stage took, by `stage#user`: a user that logs in again (its
   * session failed in an earlier stress step or A/B round) keeps its row instead of using up another.
   */
  byUser: Map<string, number>;
}

export class DataRows {
  private readonly cursors = new Map<string, Cursor>();
  private readonly part: { index: number; count: number };

  constructor(sets: Record<string, DataSet> | undefined, share?: Pick<StageShare, 'index' | 'count'>) {
    for (const set of Object.values(sets ?? {}))
      this.cursors.set(set.name, { set, keys: set.columns.map((c) => dataKey(set.name, c)), taken: 0, byUser: new Map() });
    this.part = share ? { index: share.index, count: share.count } : { index: 1, count: 1 };
  }

  /** The sets (by name) that keys such as `users.email` belong to. */
  setsIn(keys: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const k of keys) {
      const dot = k.indexOf('.');
      if (dot > 0 && this.cursors.has(k.slice(0, dot))) out.add(k.slice(0, dot));
    }
    return [...out];
  }

  /**
   * Copies a row of each set into `vars`. `user`: a closed-model user's number in this part (its
   * sequential row); absent: the next row in order. Throws RowsExhausted when a unique set has none left.
   */
  fill(vars: Vars, sets: readonly string[], user?: number, stage = ''): void {
    for (const name of sets) {
      const c = this.cursors.get(name)!;
      const row = c.set.rows[this.rowIndex(c, user, stage)]!;
      for (let i = 0; i < c.keys.length; i++) vars[c.keys[i]!] = row[i] ?? '';
    }
  }

  private rowIndex(c: Cursor, user: number | undefined, stage: string): number {
    const n = c.set.rows.length;
    const { index, count } = this.part;
    switch (c.set.pick) {
      case 'random':
        return Math.floor(Math.random() * n);
      case 'sequential':
        if (user !== undefined) return ((user - 1) * count + index - 1) % n;
        return (c.taken++ * count + index - 1) % n;
      case 'unique': {
        const key = user === undefined ? undefined : `${stage}#${user}`;
        const kept = key === undefined ? undefined : c.byUser.get(key);
        if (kept !== undefined) return kept;
        const i = c.taken * count + index - 1;
        if (i >= n) throw new RowsExhausted(c.set);
        c.taken++;
        if (key !== undefined) c.byUser.set(key, i);
        return i;
      }
    }
  }
}
