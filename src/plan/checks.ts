/** The collector the semantic checks share: Issues by path, and unit parsing with fallbacks. */
import { formatPath, type Issue, type Path } from './issues.js';
import { isRecord } from './interpolate.js';

export type Data = Record<string, unknown>;

export class Checks {
  readonly issues: Issue[] = [];

  add(path: Path, message: string, at: 'key' | 'value' = 'value'): void {
    this.issues.push({ path, at, message });
  }

  /**
   * `parse(obj[key])`, or `fallback` when the key is absent. A bad value is reported (with the
   * parser's message) and also yields `fallback`, so checking goes on and finds every problem.
   */
  unit<T>(obj: Data, key: string, path: Path, parse: (v: unknown) => T, fallback: T): T {
    if (!(key in obj)) return fallback;
    try {
      return parse(obj[key]);
    } catch (err) {
      this.add([...path, key], `${formatPath([...path, key])}: ${(err as Error).message}`);
      return fallback;
    }
  }
}

/** The value as a map, or an empty one: wrong shapes are the schema check's to report. */
export function record(v: unknown): Data {
  return isRecord(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}
