/**
 * PostgreSQL text input/output of binary and nested values (issue 6):
 * bytea as `\x0a1b`, arrays as `{1,2,NULL}` (nested arrays `{{1,2},{3}}`),
 * structs as row literals `(1,abc)` and maps — which PostgreSQL lacks — as
 * `{key=>value,…}` quoted like array elements. Leaf values are formatted and
 * parsed by value-text.ts (passed in, so the two files do not import each other).
 */
import type { DataType } from './data-type.ts';
import { LochError, SqlState } from './errors.ts';
import { type LiteralValue, MapValue, StructValue } from './literal.ts';

type Format = (value: LiteralValue, type: DataType) => string;
type Parse = (text: string, type: DataType) => LiteralValue;

/** Text of a non-NULL binary, array, struct or map value. */
export function formatNestedValue(value: LiteralValue, type: DataType, leaf: Format): string {
  switch (type.kind) {
    case 'binary': return `\\x${Buffer.from(value as Uint8Array).toString('hex')}`;
    case 'array': {
      const items = value as readonly LiteralValue[];
      return `{${items.map((v) => arrayElementText(v, type.element, leaf)).join(',')}}`;
    }
    case 'struct': {
      const values = (value as StructValue).values;
      return `(${type.fields.map((f, i) => {
        const v = values[i] ?? null;
        if (v === null) return '';
        const s = leaf(v, f.type);
        return s === '' || /[(),"\\\s]/.test(s) ? `"${s.replace(/(["\\])/g, '$1$1')}"` : s;
      }).join(',')})`;
    }
    case 'map': {
      const m = value as MapValue;
      return `{${m.keys.map((k, i) => `${arrayElementText(k, type.key, leaf)}=>${arrayElementText(m.values[i] ?? null, type.value, leaf)}`).join(',')}}`;
    }
    default: return leaf(value, type);
  }
}

function arrayElementText(v: LiteralValue, type: DataType, leaf: Format): string {
  if (v === null) return 'NULL';
  const s = leaf(v, type);
  if (type.kind === 'array') return s;
  return s === '' || /^null$/i.test(s) || /[{}(),"\\\s=>]/.test(s) ? `"${s.replace(/(["\\])/g, '\\$1')}"` : s;
}

/** Parses PostgreSQL input syntax of a binary, array or struct (22P02 on bad syntax). */
export function parseNestedValue(text: string, type: DataType, leaf: Parse): LiteralValue {
  switch (type.kind) {
    case 'binary': return parseBytea(text);
    case 'array': {
      const p = new Cursor(text, type);
      const v = p.array(type, leaf);
      p.end();
      return v;
    }
    case 'struct': {
      const p = new Cursor(text, type);
      const v = p.struct(type, leaf);
      p.end();
      return v;
    }
    default: throw new LochError(SqlState.featureNotSupported, `cannot read text as ${type.kind} values`);
  }
}

function parseBytea(text: string): Uint8Array {
  if (text.startsWith('\\x')) {
    const hex = text.slice(2).replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new LochError(SqlState.invalidTextRepresentation, `invalid hexadecimal data: "${text}"`);
    return new Uint8Array(Buffer.from(hex, 'hex'));
  }
  // escape format: backslash-octal sequences and doubled backslashes; other characters as UTF-8
  const bytes: number[] = [];
  const utf8 = new TextEncoder().encode(text);
  for (let i = 0; i < utf8.length; i++) {
    const c = utf8[i]!;
    if (c !== 0x5c) { bytes.push(c); continue; }
    if (utf8[i + 1] === 0x5c) { bytes.push(0x5c); i++; continue; }
    const oct = text.slice(i + 1, i + 4);
    if (!/^[0-3][0-7]{2}$/.test(oct)) throw new LochError(SqlState.invalidTextRepresentation, 'invalid input syntax for type bytea');
    bytes.push(parseInt(oct, 8));
    i += 3;
  }
  return Uint8Array.from(bytes);
}

/** A recursive-descent reader of array and row literals. */
class Cursor {
  readonly text: string;
  readonly type: DataType;
  pos = 0;
  constructor(text: string, type: DataType) { this.text = text; this.type = type; }

  fail(): LochError {
    const name = this.type.kind === 'array' ? 'array' : 'record';
    return new LochError(SqlState.invalidTextRepresentation, `malformed ${name} literal: "${this.text}"`);
  }
  skipSpace(): void { while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++; }
  end(): void { this.skipSpace(); if (this.pos !== this.text.length) throw this.fail(); }
  expect(c: string): void { this.skipSpace(); if (this.text[this.pos] !== c) throw this.fail(); this.pos++; }

  array(type: DataType & { kind: 'array' }, leaf: Parse): LiteralValue[] {
    this.expect('{');
    const out: LiteralValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') { this.pos++; return out; }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '{' && type.element.kind === 'array') out.push(this.array(type.element, leaf));
      else {
        const { text, quoted } = this.token('{},');
        out.push(!quoted && /^null$/i.test(text) ? null : leaf(text, type.element));
      }
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') throw this.fail();
    }
  }

  struct(type: DataType & { kind: 'struct' }, leaf: Parse): StructValue {
    this.expect('(');
    const values: LiteralValue[] = [];
    for (let i = 0; i < type.fields.length; i++) {
      const { text, quoted } = this.token('(),', true);
      values.push(!quoted && text === '' ? null : leaf(text, type.fields[i]!.type));
      const c = this.text[this.pos++];
      if (c === (i === type.fields.length - 1 ? ')' : ',')) continue;
      throw this.fail();
    }
    return new StructValue(values);
  }

  /** One element: quoted ("a\"b" or, in rows, "a""b") or bare up to a delimiter. */
  token(delims: string, keepSpace = false): { text: string; quoted: boolean } {
    if (!keepSpace) this.skipSpace();
    let out = '';
    let quoted = false;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '"') {
        quoted = true;
        this.pos++;
        for (;;) {
          if (this.pos >= this.text.length) throw this.fail();
          const d = this.text[this.pos++]!;
          if (d === '\\') { out += this.text[this.pos++] ?? ''; continue; }
          if (d === '"') {
            if (keepSpace && this.text[this.pos] === '"') { out += '"'; this.pos++; continue; }
            break;
          }
          out += d;
        }
        continue;
      }
      if (delims.includes(c)) break;
      if (c === '\\') { out += this.text[this.pos + 1] ?? ''; this.pos += 2; continue; }
      out += c;
      this.pos++;
    }
    return { text: quoted || keepSpace ? out : out.trimEnd(), quoted };
  }
}

/**
 * Nested values as DataFusion and DuckDB print them: lists `[1, 2, NULL]`,
 * structs `{a: 1, b: x}` (DuckDB quotes field names: `{'a': 1}`), maps
 * `{k: v}` (DuckDB `{k=v}`); `leaf` prints the non-NULL scalars.
 */
export function formatBracketed(value: LiteralValue, type: DataType, leaf: Format, dialect: 'datafusion' | 'duckdb'): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'array':
      return `[${(value as readonly LiteralValue[]).map((v) => formatBracketed(v, type.element, leaf, dialect)).join(', ')}]`;
    case 'struct': {
      const values = (value as StructValue).values;
      const name = (n: string): string => (dialect === 'duckdb' ? `'${n}'` : n);
      return `{${type.fields.map((f, i) => `${name(f.name)}: ${formatBracketed(values[i] ?? null, f.type, leaf, dialect)}`).join(', ')}}`;
    }
    case 'map': {
      const m = value as MapValue;
      const sep = dialect === 'duckdb' ? '=' : ': ';
      return `{${m.keys.map((k, i) => `${formatBracketed(k, type.key, leaf, dialect)}${sep}${formatBracketed(m.values[i] ?? null, type.value, leaf, dialect)}`).join(', ')}}`;
    }
    default: return leaf(value, type);
  }
}
