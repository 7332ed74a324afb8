/**
 * Window function calls as the Window node (logical) and WindowExec
 * (physical) hold them. Every call of one node shares the node's PARTITION BY
 * and ORDER BY; each has its own frame (PostgreSQL's default when the query
 * gave none: RANGE UNBOUNDED PRECEDING .. CURRENT ROW with ORDER BY, the whole
 * partition without).
 */
import type { DataType } from '../../core/index.ts';
import type { Expr } from '../expr.ts';

/** One end of a frame. `offset` (a constant expression) is set for `preceding` / `following`. */
export interface FrameBound {
  readonly kind: 'unbounded_preceding' | 'preceding' | 'current_row' | 'following' | 'unbounded_following';
  readonly offset: Expr | null;
}

/** ROWS / RANGE / GROUPS frame with its EXCLUDE option. */
export interface WindowFrame {
  readonly mode: 'rows' | 'range' | 'groups';
  readonly start: FrameBound;
  readonly end: FrameBound;
  readonly exclude: 'no_others' | 'current_row' | 'group' | 'ties';
}

/** Ranking and value functions that only exist as window functions. */
export const WINDOW_ONLY_FUNCTIONS: ReadonlySet<string> = new Set([
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'first_value', 'last_value', 'nth_value',
]);

/**
 * One window function call. `fn` is a WINDOW_ONLY_FUNCTIONS name or an
 * aggregate registry name (sum, count_star, …; planner/functions). `filter` is
 * an aggregate's FILTER (WHERE …).
 */
export interface WindowFunctionCall {
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly filter: Expr | null;
  readonly frame: WindowFrame;
  readonly type: DataType;
  /** DISTINCT aggregate (DataFusion/DuckDB; PostgreSQL refuses it): each value counts once per frame. */
  readonly distinct?: boolean;
  /** IGNORE NULLS (lag, lead, first_value, last_value, nth_value): NULL arguments are skipped. */
  readonly ignoreNulls?: boolean;
}

/** The frame PostgreSQL uses when a window gives none. */
export const DEFAULT_FRAME: WindowFrame = {
  mode: 'range',
  start: { kind: 'unbounded_preceding', offset: null },
  end: { kind: 'current_row', offset: null },
  exclude: 'no_others',
};

/** Every expression of a call (arguments, filter, frame offsets). */
export function windowCallExprs(c: WindowFunctionCall): Expr[] {
  const out = [...c.args];
  if (c.filter) out.push(c.filter);
  if (c.frame.start.offset) out.push(c.frame.start.offset);
  if (c.frame.end.offset) out.push(c.frame.end.offset);
  return out;
}

/** The call with `fn` applied to each of its expressions. */
export function mapWindowCall(c: WindowFunctionCall, fn: (e: Expr) => Expr): WindowFunctionCall {
  const bound = (b: FrameBound): FrameBound => (b.offset ? { ...b, offset: fn(b.offset) } : b);
  return {
    ...c,
    args: c.args.map(fn),
    filter: c.filter ? fn(c.filter) : null,
    frame: { ...c.frame, start: bound(c.frame.start), end: bound(c.frame.end) },
  };
}

/** `ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES` (the default frame prints as written by PostgreSQL). */
export function formatFrame(frame: WindowFrame, format: (e: Expr) => string): string {
  const bound = (b: FrameBound): string => {
    switch (b.kind) {
      case 'unbounded_preceding': return 'UNBOUNDED PRECEDING';
      case 'unbounded_following': return 'UNBOUNDED FOLLOWING';
      case 'current_row': return 'CURRENT ROW';
      case 'preceding': return `${format(b.offset!)} PRECEDING`;
      case 'following': return `${format(b.offset!)} FOLLOWING`;
    }
  };
  const exclude = frame.exclude === 'no_others' ? '' : ` EXCLUDE ${frame.exclude === 'current_row' ? 'CURRENT ROW' : frame.exclude.toUpperCase()}`;
  return `${frame.mode.toUpperCase()} BETWEEN ${bound(frame.start)} AND ${bound(frame.end)}${exclude}`;
}
