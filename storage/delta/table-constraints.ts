/**
 * What writers must enforce on new rows, read from a table's metadata (PROTOCOL.md
 * "Column Invariants", "CHECK Constraints", "Generated Columns"): the SQL layer
 * evaluates these expressions over the rows it is about to write (Loch's storage
 * layer cannot evaluate SQL) and raises 23514 / 23502 before `addFiles`.
 * NOT NULL is also checked by `addFiles` itself.
 */
import type { DeltaMetadata } from './delta-actions.ts';
import { parseSchemaFields } from './schema-serialization.ts';

/** Constraints of a table. */
export interface TableConstraints {
  /** CHECK constraints: name (as stored, lower case) → SQL boolean expression. */
  readonly checks: ReadonlyArray<{ readonly name: string; readonly expression: string }>;
  /** Column invariants (`delta.invariants`, legacy): column → SQL boolean expression. */
  readonly invariants: ReadonlyArray<{ readonly column: string; readonly expression: string }>;
  /** Generated columns: column → SQL expression its value must equal (NULL-safe). */
  readonly generated: ReadonlyArray<{ readonly column: string; readonly expression: string }>;
  /** Column defaults (`CURRENT_DEFAULT`, the allowColumnDefaults feature): column → SQL expression. */
  readonly defaults?: ReadonlyArray<{ readonly column: string; readonly expression: string }>;
  /** Columns declared NOT NULL. */
  readonly notNull: readonly string[];
  /** `delta.appendOnly`: rows may be added, never changed or removed. */
  readonly appendOnly: boolean;
}

/** The constraints a writer must enforce for `metadata`. */
export function tableConstraints(metadata: DeltaMetadata): TableConstraints {
  const checks = Object.entries(metadata.configuration)
    .filter(([k]) => k.startsWith('delta.constraints.'))
    .map(([k, v]) => ({ name: k.slice('delta.constraints.'.length), expression: v }));
  const fields = parseSchemaFields(metadata.schemaString);
  const invariants: Array<{ column: string; expression: string }> = [];
  const generated: Array<{ column: string; expression: string }> = [];
  const defaults: Array<{ column: string; expression: string }> = [];
  for (const f of fields) {
    const def = f.metadata.CURRENT_DEFAULT;
    if (typeof def === 'string') defaults.push({ column: f.name, expression: def });
    const inv = f.metadata['delta.invariants'];
    if (typeof inv === 'string') {
      try {
        const e = (JSON.parse(inv) as { expression?: { expression?: string } }).expression?.expression;
        if (e) invariants.push({ column: f.name, expression: e });
      } catch { /* not JSON: not an invariant Loch can honour; writers of such tables are rare */ }
    }
    const gen = f.metadata['delta.generationExpression'];
    if (typeof gen === 'string') generated.push({ column: f.name, expression: gen });
  }
  return {
    checks, invariants, generated, ...(defaults.length > 0 ? { defaults } : {}),
    notNull: fields.filter((f) => !f.nullable).map((f) => f.name),
    appendOnly: (metadata.configuration['delta.appendOnly'] ?? '').toLowerCase() === 'true',
  };
}
