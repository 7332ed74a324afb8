/**
 * DataFusion's `arrow_cast(expr, 'ArrowType')` with a constant type name: a cast
 * to the Loch type that stores that Arrow type (Utf8/LargeUtf8/Utf8View → text,
 * Int8/Int16 → smallint, UInt64 → numeric(20), Float16 → real, Date32/Date64 → date,
 * Decimal*(p, s) → numeric(p, s), Binary/FixedSizeBinary → bytea, Dictionary(K, V) and
 * RunEndEncoded(…, "values": V) → V's type).
 * Other types stay a call of arrow_cast: the binder resolves the temporal ones
 * (Timestamp, Time32/64, Duration, Interval), whose meaning depends on the source
 * type (planner/functions/arrow-cast-temporal.ts); the rest fail as an unknown function.
 */
import type { AstExpr, TypeName } from './ast.ts';

const SIMPLE: Record<string, TypeName> = {
  utf8: { names: ['text'], typmods: [] }, largeutf8: { names: ['text'], typmods: [] }, utf8view: { names: ['text'], typmods: [] },
  int8: { names: ['smallint'], typmods: [] }, int16: { names: ['smallint'], typmods: [] }, int32: { names: ['int'], typmods: [] },
  int64: { names: ['bigint'], typmods: [] }, uint8: { names: ['smallint'], typmods: [] }, uint16: { names: ['int'], typmods: [] },
  uint32: { names: ['bigint'], typmods: [] }, uint64: { names: ['numeric'], typmods: [20, 0] },
  float16: { names: ['real'], typmods: [] }, float32: { names: ['real'], typmods: [] }, float64: { names: ['double precision'], typmods: [] },
  boolean: { names: ['boolean'], typmods: [] }, date32: { names: ['date'], typmods: [] }, date64: { names: ['date'], typmods: [] },
  binary: { names: ['bytea'], typmods: [] }, largebinary: { names: ['bytea'], typmods: [] }, binaryview: { names: ['bytea'], typmods: [] },
};

/** The SQL type for an Arrow type name as DataFusion spells it, or null when Loch has none. */
export function arrowTypeName(text: string): TypeName | null {
  const t = text.replace(/\s+/g, '').toLowerCase();
  const simple = SIMPLE[t];
  if (simple) return simple;
  const dict = /^dictionary\([a-z0-9]+,(.+)\)$/.exec(t);
  if (dict) return arrowTypeName(dict[1]!);
  // run-end encoding, like a dictionary, only changes the layout: the values' type
  const ree = /^runendencoded\(.*"values":(?:non-null)?(.+)\)$/.exec(t);
  if (ree) return arrowTypeName(ree[1]!);
  if (/^fixedsizebinary\(\d+\)$/.test(t)) return { names: ['bytea'], typmods: [] };
  const dec = /^decimal(?:32|64|128|256)?\((\d+),(-?\d+)\)$/.exec(t);
  if (dec) {
    const p = Number(dec[1]);
    const s = Number(dec[2]);
    // Decimal256 precisions (up to 76) and negative scales: numeric's typmod rules (planner/functions/type-names.ts)
    return p <= 76 && s >= -p && s <= p ? { names: ['numeric'], typmods: [p, s] } : null;
  }
  return null;
}

/** `arrow_cast(e, 'Type')` as a cast when the type maps to a Loch type; null otherwise. */
export function arrowCast(args: readonly AstExpr[], location: number): AstExpr | null {
  if (args.length !== 2 || args[1]!.kind !== 'string') return null;
  const type = arrowTypeName(args[1]!.value);
  return type ? { kind: 'typecast', expr: args[0]!, type, location } : null;
}
