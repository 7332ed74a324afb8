/**
 * Name resolution scopes. A scope holds the relations of one query level's
 * FROM clause; its parent is the enclosing query (for correlated subqueries).
 * Resolving a name in an ancestor records the column as an outer reference in
 * every scope in between, which becomes `SubqueryExpr.outerRefs`.
 */
import { LochError, SqlState, closestName } from '../../core/index.ts';
import type { ColumnId } from '../expr.ts';
import type { PlanColumn } from '../logical/logical-plan.ts';
import type { Query } from '../sql/ast.ts';
import type { LogicalPlan } from '../logical/logical-plan.ts';

/** One FROM item visible by name. `hidden` columns resolve only when qualified (USING duplicates). */
export interface ScopeRelation {
  readonly qualifier: string | null;
  readonly columns: readonly PlanColumn[];
  readonly hidden?: ReadonlySet<ColumnId>;
}

/** A WITH-clause entry, bound lazily on first reference. */
export interface CteBinding {
  readonly name: string;
  readonly query: Query;
  readonly columnNames: readonly string[];
  readonly cteId: number;
  bound: { plan: LogicalPlan; columns: readonly PlanColumn[] } | null;
  refCount: number;
  /** The scope the CTE body binds in (earlier CTEs visible, no FROM relations). */
  readonly scope: Scope;
}

export class Scope {
  readonly relations: ScopeRelation[] = [];
  readonly ctes = new Map<string, CteBinding>();
  readonly outerRefs = new Set<ColumnId>();
  readonly parent: Scope | null;

  constructor(parent: Scope | null) {
    this.parent = parent;
  }

  addRelation(r: ScopeRelation): void {
    this.relations.push(r);
  }

  /** All columns of this level, for star expansion and grouping checks. */
  allColumns(): PlanColumn[] {
    return this.relations.flatMap((r) => r.columns);
  }

  lookupCte(name: string): CteBinding | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const c = s.ctes.get(name);
      if (c) return c;
    }
    return null;
  }

  /** Resolves `parts` (col | rel.col | schema.rel.col) here or in an ancestor. */
  resolve(parts: readonly string[], location: number): PlanColumn {
    const found = this.tryResolve(parts, location);
    if (found) return found;
    const name = parts[parts.length - 1]!;
    const candidates: string[] = [];
    for (let s: Scope | null = this; s; s = s.parent) candidates.push(...s.allColumns().map((c) => c.name));
    const suggestion = closestName(name, candidates);
    const qualifier = parts.length > 1 ? parts[parts.length - 2]! : null;
    if (qualifier && !this.hasQualifier(qualifier)) {
      throw new LochError(SqlState.undefinedTable, `missing FROM-clause entry for table "${qualifier}"`, { position: location + 1 });
    }
    throw new LochError(SqlState.undefinedColumn, `column "${parts.join('.')}" does not exist`, {
      position: location + 1,
      hint: suggestion ? `Perhaps you meant to reference the column "${suggestion}".` : undefined,
    });
  }

  private hasQualifier(q: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.relations.some((r) => r.qualifier === q)) return true;
    return false;
  }

  private tryResolve(parts: readonly string[], location: number): PlanColumn | null {
    const path: Scope[] = [];
    for (let s: Scope | null = this; s; s = s.parent) {
      const hit = s.resolveLocal(parts, location);
      if (hit) {
        for (const inner of path) inner.outerRefs.add(hit.id);
        return hit;
      }
      path.push(s);
    }
    return null;
  }

  private resolveLocal(parts: readonly string[], location: number): PlanColumn | null {
    const name = parts[parts.length - 1]!;
    const qualifier = parts.length >= 2 ? parts[parts.length - 2]! : null;
    const matches: PlanColumn[] = [];
    for (const r of this.relations) {
      if (qualifier !== null && r.qualifier !== qualifier) continue;
      for (const c of r.columns) {
        if (c.name !== name) continue;
        if (qualifier === null && r.hidden?.has(c.id)) continue;
        matches.push(c);
      }
    }
    if (matches.length > 1) {
      throw new LochError(SqlState.ambiguousColumn, `column reference "${parts.join('.')}" is ambiguous`, { position: location + 1 });
    }
    return matches[0] ?? null;
  }
}
