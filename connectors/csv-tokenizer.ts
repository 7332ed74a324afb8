/**
 * RFC 4180 record tokenizer over bytes. It finds the fields of one record and
 * records their byte ranges; it never copies or decodes. Quotes are only
 * special at the start of a field; inside a quoted field a doubled quote is a
 * literal quote and delimiters and newlines are data.
 *
 *   buf:   1,"a ""b""",x\r\n2,…
 *          ^ ^        ^ ^   ^ returned position (start of next record)
 *   start: 0 3        13
 *   end:   1 11       14      flags: 0, QUOTED|ESCAPED, 0
 *
 * `next` returns -1 when the record is not complete in `buf[pos, end)` and more
 * input may follow; the caller then carries the tail over to the next chunk.
 */
import { FIELD_ESCAPED, FIELD_QUOTED } from './column-builder.ts';

const LF = 10;
const CR = 13;

/** Thrown (as a code) for malformed quoting; the reader adds file and line. */
export type CsvSyntaxProblem = 'unterminated quoted field' | 'unexpected character after closing quote';

export class CsvTokenizer {
  readonly delimiter: number;
  /** Quote byte, or -1 when quoting is disabled. */
  readonly quote: number;
  fieldCount = 0;
  fieldStart: Int32Array = new Int32Array(64);
  fieldEnd: Int32Array = new Int32Array(64);
  fieldFlags: Uint8Array = new Uint8Array(64);
  /** Newlines consumed by the last record (its terminator and any inside quotes). */
  newlines = 0;
  /** Set when `next` returns -2: what is wrong with the record. */
  problem: CsvSyntaxProblem | null = null;

  constructor(delimiter: number, quote: number) {
    this.delimiter = delimiter;
    this.quote = quote;
  }

  private grow(): void {
    const n = this.fieldStart.length * 2;
    const s = new Int32Array(n); s.set(this.fieldStart); this.fieldStart = s;
    const e = new Int32Array(n); e.set(this.fieldEnd); this.fieldEnd = e;
    const f = new Uint8Array(n); f.set(this.fieldFlags); this.fieldFlags = f;
  }

  private push(start: number, end: number, flags: number): void {
    if (this.fieldCount === this.fieldStart.length) this.grow();
    const k = this.fieldCount++;
    this.fieldStart[k] = start;
    this.fieldEnd[k] = end;
    this.fieldFlags[k] = flags;
  }

  /**
   * Tokenizes the record starting at `pos`. Returns the position after its
   * terminator, -1 if more input is needed, -2 on a syntax problem (`problem`).
   * At end of input (`eof`) a final record without a newline is complete.
   */
  next(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    const delimiter = this.delimiter;
    const quote = this.quote;
    this.fieldCount = 0;
    this.newlines = 0;
    this.problem = null;
    let i = pos;
    for (;;) {
      // one field starts at i
      if (i < end && buf[i] === quote) {
        const start = i + 1;
        let j = start;
        let flags = FIELD_QUOTED;
        let newlines = 0;
        for (;;) {
          if (j >= end) {
            if (eof) { this.problem = 'unterminated quoted field'; return -2; }
            return -1;
          }
          const c = buf[j]!;
          if (c === quote) {
            if (j + 1 >= end && !eof) return -1; // cannot tell a doubled quote yet
            if (buf[j + 1] === quote) { flags |= FIELD_ESCAPED; j += 2; continue; }
            break;
          }
          if (c === LF) newlines++;
          j++;
        }
        this.newlines += newlines;
        this.push(start, j, flags);
        i = j + 1; // after the closing quote
        if (i >= end) {
          return eof ? end : -1;
        }
        const c = buf[i]!;
        if (c === delimiter) { i++; continue; }
        if (c === LF) { this.newlines++; return i + 1; }
        if (c === CR) {
          if (i + 1 >= end) return eof ? end : -1;
          if (buf[i + 1] === LF) { this.newlines++; return i + 2; }
        }
        this.problem = 'unexpected character after closing quote';
        return -2;
      }
      // unquoted field: scan to delimiter or end of line
      const start = i;
      while (i < end) {
        const c = buf[i]!;
        if (c === delimiter || c === LF) break;
        i++;
      }
      if (i >= end) {
        if (!eof) return -1;
        let e = end;
        if (e > start && buf[e - 1] === CR) e--;
        this.push(start, e, 0);
        return end;
      }
      if (buf[i] === delimiter) {
        this.push(start, i, 0);
        i++;
        continue;
      }
      // LF ends the record; a CR right before it belongs to the terminator
      const e = i > start && buf[i - 1] === CR ? i - 1 : i;
      this.push(start, e, 0);
      this.newlines++;
      return i + 1;
    }
  }

  /** True when the last record was an empty line (one empty unquoted field). */
  isBlankRecord(): boolean {
    return this.fieldCount === 1 && this.fieldFlags[0] === 0 && this.fieldEnd[0] === this.fieldStart[0];
  }
}
