/**
 * CSV through csv-parse (RFC 4180: quoted cells with commas, doubled quotes and line breaks, as
 * Locust's exceptions.csv has; CRLF or LF; a BOM; no trailing newline), and the text of a file
 * whose bytes may not be UTF-8 (Locust on Windows wrote names in the system code page). Pure.
 */
import { parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';

export interface CsvRow {
  /** 1-based line of the row's first character, for messages. */
  line: number;
  cells: string[];
}

export function parseCsv(text: string, file = 'the CSV file'): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Any line end, even mixed in one file (an edited file, a Windows checkout of part of it); a
    // quote inside an unquoted cell is text (Locust 0.x/1.0 joined rows by hand, unescaped).
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ImportError(`${file}${e.lines ? `:${e.lines}` : ''}: not readable as CSV (${e.message.replace(/\s+/g, ' ')})`);
  }
  // info.lines is where a record ends: a cell with line breaks started that many lines earlier
  // (csv-parse counts each \r and \n inside quotes as a line).
  return records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, c) => n + (c.match(/[\r\n]/g)?.length ?? 0), 0), cells: record }));
}

/** A file's text, and the encoding assumed when its bytes were not UTF-8. */
export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8: "GBK" (decoded), or "escaped" (bytes shown as \xNN). */
  encoding?: 'GBK' | 'escaped';
}

/**
 * UTF-8 when the bytes are UTF-8. Otherwise GBK (cp936, what Locust on a Chinese Windows wrote),
 * when the bytes decode as GBK to CJK text; otherwise each byte that is not UTF-8 is shown as
 * \xNN. Never throws: a name in an unknown code page must not stop the gate.
 */
export function decodeText(input: string | Uint8Array): DecodedText {
  if (typeof input === 'string') return { text: input };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    // not UTF-8: below
  }
  const gbk = decodeGbk(input);
  if (gbk !== undefined) return { text: gbk, encoding: 'GBK' };
  return { text: escapeInvalidUtf8(input), encoding: 'escaped' };
}

/** GBK text, when the bytes are GBK and every non-ASCII character is CJK (else a guess, not a decoding). */
function decodeGbk(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    return undefined; // no GBK decoder (Node without full ICU), or not GBK
  }
  // eslint-disable-next-line no-control-regex
  const foreign = text.replace(/[\u0000-\u007f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]/g, '');
  return foreign.length === 0 ? text : undefined;
}

/** UTF-8 where the bytes are, \xNN for each byte that is not. */
function escapeInvalidUtf8(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= bytes.length) {
      try {
        out += decoder.decode(bytes.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // an invalid sequence: escape its first byte and go on
      }
    }
    out += `\\x${b.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}
