/**
 * Window specifications for window functions (issue 5), PySpark style:
 *
 *   F.sum('x').over(Window.partitionBy('k').orderBy('t').rowsBetween(Window.unboundedPreceding, Window.currentRow))
 *     ─►  sum("x") OVER (PARTITION BY "k" ORDER BY "t" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
 *
 * Frame bounds are row offsets relative to the current row: negative = PRECEDING,
 * positive = FOLLOWING, 0 = CURRENT ROW, ±Infinity = UNBOUNDED.
 */
import type { Column, ColumnExpr } from './column.ts';
import { toColumn } from './column.ts';

/** A frame clause: `ROWS|RANGE BETWEEN start AND end`. */
export interface WindowFrame {
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: number;
  readonly end: number;
}

/** An immutable window: partitioning, ordering and an optional frame. */
export class WindowSpec {
  readonly partition: readonly ColumnExpr[];
  readonly order: readonly ColumnExpr[];
  readonly frame: WindowFrame | null;

  constructor(partition: readonly ColumnExpr[], order: readonly ColumnExpr[], frame: WindowFrame | null) {
    this.partition = partition;
    this.order = order;
    this.frame = frame;
  }

  partitionBy(...columns: readonly (Column | string)[]): WindowSpec {
    return new WindowSpec(columns.map((c) => toColumn(c).expr), this.order, this.frame);
  }

  orderBy(...columns: readonly (Column | string)[]): WindowSpec {
    return new WindowSpec(this.partition, columns.map((c) => toColumn(c).expr), this.frame);
  }

  rowsBetween(start: number, end: number): WindowSpec {
    return new WindowSpec(this.partition, this.order, checkFrame('ROWS', start, end));
  }

  rangeBetween(start: number, end: number): WindowSpec {
    return new WindowSpec(this.partition, this.order, checkFrame('RANGE', start, end));
  }
}

function checkFrame(unit: 'ROWS' | 'RANGE', start: number, end: number): WindowFrame {
  if (start === Infinity || end === -Infinity || start > end) {
    throw new RangeError(`${unit.toLowerCase()}Between(${start}, ${end}): the frame must start before it ends`);
  }
  for (const b of [start, end]) if (Number.isFinite(b) && !Number.isInteger(b)) throw new RangeError(`${unit.toLowerCase()}Between: ${b} is not a whole number of rows`);
  return { unit, start, end };
}

/** Entry point for window specs, as PySpark's `Window`. */
export const Window = {
  unboundedPreceding: -Infinity,
  unboundedFollowing: Infinity,
  currentRow: 0,
  partitionBy(...columns: readonly (Column | string)[]): WindowSpec {
    return new WindowSpec([], [], null).partitionBy(...columns);
  },
  orderBy(...columns: readonly (Column | string)[]): WindowSpec {
    return new WindowSpec([], [], null).orderBy(...columns);
  },
} as const;
