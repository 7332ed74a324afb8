/**
 * A session's prepared statements: PREPARE keeps the parsed statement, EXECUTE
 * substitutes its arguments for the parameters `$1…` (cast to the declared
 * parameter types, when PREPARE gave them) and runs it, DEALLOCATE forgets it.
 * Errors as PostgreSQL: 42P05 for a duplicate name, 26000 for an unknown one,
 * 42601 for a wrong number of arguments.
 */
import { LochError } from '../core/index.ts';
import type { AstExpr, Statement, TypeName } from '../planner/index.ts';

interface Prepared {
  readonly types: readonly TypeName[];
  readonly statement: Statement;
  /** The highest parameter number the statement uses. */
  readonly parameters: number;
}

function maxParam(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((m: number, n) => Math.max(m, maxParam(n)), 0);
  if (node === null || typeof node !== 'object') return 0;
  const o = node as { kind?: unknown; index?: unknown };
  const own = o.kind === 'param' && typeof o.index === 'number' ? o.index : 0;
  return Object.values(node).reduce((m: number, v) => Math.max(m, maxParam(v)), own);
}

function substitute(node: unknown, args: readonly AstExpr[]): unknown {
  if (Array.isArray(node)) return node.map((n) => substitute(n, args));
  if (node === null || typeof node !== 'object') return node;
  const o = node as { kind?: unknown; index?: unknown };
  if (o.kind === 'param' && typeof o.index === 'number') return args[o.index - 1];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = substitute(v, args);
  return out;
}

export class PreparedStatements {
  private readonly statements = new Map<string, Prepared>();

  prepare(name: string, types: readonly TypeName[], statement: Statement): void {
    if (this.statements.has(name)) throw new LochError('42P05', `prepared statement "${name}" already exists`);
    const parameters = maxParam(statement);
    if (types.length > 0 && parameters > types.length) {
      throw new LochError('42P18', `could not determine data type of parameter $${types.length + 1}`);
    }
    this.statements.set(name, { types, statement, parameters });
  }

  /** The statement to run for EXECUTE name(args). */
  bind(name: string, args: readonly AstExpr[]): Statement {
    const p = this.statements.get(name);
    if (!p) throw new LochError('26000', `prepared statement "${name}" does not exist`);
    const expected = p.types.length > 0 ? p.types.length : p.parameters;
    if (args.length !== expected) {
      throw new LochError('42601', `wrong number of parameters for prepared statement "${name}"`, { detail: `Expected ${expected} parameters but got ${args.length}.` });
    }
    const typed = args.map((a, i): AstExpr => (p.types[i] ? { kind: 'typecast', expr: a, type: p.types[i]!, location: -1 } : a));
    return substitute(p.statement, typed) as Statement;
  }

  /** The statement with NULL (of the declared type) for every parameter: what PREPARE checks binds. */
  withNulls(name: string): Statement {
    const p = this.statements.get(name)!;
    const count = Math.max(p.types.length, p.parameters);
    return this.bind(name, Array.from({ length: p.types.length > 0 ? p.types.length : count }, (): AstExpr => ({ kind: 'null', location: -1 })));
  }

  deallocate(name: string | null): void {
    if (name === null) { this.statements.clear(); return; }
    if (!this.statements.delete(name)) throw new LochError('26000', `prepared statement "${name}" does not exist`);
  }
}
