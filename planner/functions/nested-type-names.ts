/**
 * Nested type names (issue 6): PostgreSQL array suffixes (`integer[]`, `text[][]`)
 * and Spark/Databricks spellings `ARRAY<INT>`, `STRUCT<a: INT, b STRING>`,
 * `MAP<STRING, INT>`, nested freely. planner/sql turns the Spark spellings into
 * one quoted type name before libpg-query sees them (spark-type-names.ts), so
 * they arrive here as a single name such as `array<int>`.
 */
import { type DataType, type StructField, LochError, arrayOf, mapOf, structOf } from '../../core/index.ts';

type ParseBase = (names: readonly string[], typmods: readonly number[]) => DataType;

/** True for a type name this module parses. */
export function isNestedTypeName(name: string): boolean {
  return /[<[]/.test(name);
}

/** Parses `name` (with the typmods of its innermost base type). */
export function parseNestedTypeName(name: string, typmods: readonly number[], base: ParseBase): DataType {
  const p = new TypeTextParser(name, base);
  const t = p.type(typmods);
  p.end();
  return t;
}

class TypeTextParser {
  private pos = 0;
  private readonly text: string;
  private readonly base: ParseBase;
  constructor(text: string, base: ParseBase) { this.text = text; this.base = base; }

  private fail(): LochError {
    return new LochError('42601', `syntax error in type name "${this.text}"`);
  }
  private space(): void { while (/\s/.test(this.text[this.pos] ?? '')) this.pos++; }
  private accept(s: string): boolean {
    this.space();
    if (this.text.startsWith(s, this.pos)) { this.pos += s.length; return true; }
    return false;
  }
  private expect(s: string): void { if (!this.accept(s)) throw this.fail(); }
  end(): void { this.space(); if (this.pos !== this.text.length) throw this.fail(); }

  /** A word, or a double-quoted name (quotes doubled inside). */
  private word(): string {
    this.space();
    if (this.text[this.pos] === '"') {
      let out = '';
      for (this.pos++; this.pos < this.text.length; this.pos++) {
        const c = this.text[this.pos]!;
        if (c === '"') {
          if (this.text[this.pos + 1] === '"') { out += '"'; this.pos++; continue; }
          this.pos++;
          return out;
        }
        out += c;
      }
      throw this.fail();
    }
    const m = /^[A-Za-z_][A-Za-z_0-9$]*/.exec(this.text.slice(this.pos));
    if (!m) throw this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  type(outerTypmods: readonly number[] = []): DataType {
    const name = this.word();
    const lower = name.toLowerCase();
    let t: DataType;
    if ((lower === 'array' || lower === 'struct' || lower === 'map') && this.accept('<')) {
      if (lower === 'array') t = arrayOf(this.type());
      else if (lower === 'map') {
        const k = this.type();
        this.expect(',');
        t = mapOf(k, this.type());
      } else {
        const fields: StructField[] = [];
        if (!this.accept('>')) {
          do {
            const fname = this.word();
            this.accept(':');
            fields.push({ name: fname, type: this.type() });
          } while (this.accept(','));
        } else {
          this.pos--;
        }
        t = structOf(fields);
      }
      this.expect('>');
    } else {
      // a base type: more words (`double precision`) and (p, s)
      let full = lower;
      for (;;) {
        const save = this.pos;
        this.space();
        const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(this.text.slice(this.pos));
        if (!m || ['precision', 'varying', 'with', 'without', 'time', 'zone'].indexOf(m[0].toLowerCase()) < 0) { this.pos = save; break; }
        full += ` ${m[0].toLowerCase()}`;
        this.pos += m[0].length;
      }
      let typmods = outerTypmods;
      if (this.accept('(')) {
        const mods: number[] = [];
        do {
          this.space();
          const m = /^\d+/.exec(this.text.slice(this.pos));
          if (!m) throw this.fail();
          mods.push(Number(m[0]));
          this.pos += m[0].length;
        } while (this.accept(','));
        this.expect(')');
        typmods = mods;
      }
      t = this.base([full], typmods);
    }
    while (this.accept('[')) {
      this.space();
      while (/\d/.test(this.text[this.pos] ?? '')) this.pos++;
      this.expect(']');
      t = arrayOf(t);
    }
    return t;
  }
}
