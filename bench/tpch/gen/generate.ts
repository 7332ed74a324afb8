/**
 * Entry point of the generator: the batches of one TPC-H table at one scale
 * factor, optionally one chunk of it.
 *
 * Chunks (`part` of `parts`, 0-based) split the *driving* rows into contiguous
 * ranges as dbgen's -C/-S do: orders for orders and lineitem, parts for part
 * and partsupp. Every chunk starts its random streams at its first row, so
 * chunks can be generated independently (in parallel) and concatenate to the
 * whole table.
 */
import type { Batch } from '../../../core/index.ts';
import { LochError } from '../../../core/index.ts';
import { type GenContext, type RowRange, chunkRange, genContext } from './context.ts';
import { generateCustomer } from './customer.ts';
import { generateNation, generateRegion, nationCount, regionCount } from './nation-region.ts';
import { countLineitems, generateLineitem, generateOrders } from './orders-lineitem.ts';
import { generatePart, generatePartsupp } from './part-partsupp.ts';
import { type TpchTable, isTpchTable } from './schema.ts';
import { loadDistributions } from './distributions.ts';
import { tpchScale } from './scale.ts';
import { SUPPLIERS_PER_PART } from './seeds.ts';
import { generateSupplier } from './supplier.ts';

/** Options of `generateTpchTable`. */
export interface GenerateOptions {
  /** Maximum rows per batch (default 65536). */
  readonly batchSize?: number;
  /** Which chunk to generate, 0-based (default 0). */
  readonly part?: number;
  /** Number of chunks the table is split into (default 1). */
  readonly parts?: number;
  /** dists.dss to read (default: the copy beside the generator). */
  readonly distsPath?: string;
}

/** Default rows per generated batch. */
export const DEFAULT_TPCH_BATCH_SIZE = 65536;

type TableGenerator = (ctx: GenContext, range: RowRange, batchSize: number) => Generator<Batch>;

const generators: Record<TpchTable, TableGenerator> = {
  nation: generateNation,
  region: generateRegion,
  part: generatePart,
  partsupp: generatePartsupp,
  supplier: generateSupplier,
  customer: generateCustomer,
  orders: generateOrders,
  lineitem: generateLineitem,
};

/** Number of driving rows of a table: its rows, except parts for partsupp and orders for lineitem. */
export function drivingRowCount(table: TpchTable, ctx: Pick<GenContext, 'scale' | 'dists'>): number {
  switch (table) {
    case 'nation': return nationCount(ctx);
    case 'region': return regionCount(ctx);
    case 'part':
    case 'partsupp': return ctx.scale.parts;
    case 'supplier': return ctx.scale.suppliers;
    case 'customer': return ctx.scale.customers;
    case 'orders':
    case 'lineitem': return ctx.scale.orders;
  }
}

/**
 * The rows of `table` at scale factor `sf` as batches in Loch's layouts
 * (see tpchTableFields for the columns), identical to dbgen 2.17.3's output.
 * Arguments are validated at the call; rows are generated as the result is
 * iterated (the text pool is built on first use, about 3 s).
 */
export function generateTpchTable(table: TpchTable, sf: number, options: GenerateOptions = {}): Generator<Batch> {
  if (!isTpchTable(table)) throw new LochError('42P01', `"${String(table)}" is not a TPC-H table`);
  const batchSize = options.batchSize ?? DEFAULT_TPCH_BATCH_SIZE;
  const parts = options.parts ?? 1;
  const part = options.part ?? 0;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new LochError('22023', `TPC-H batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isInteger(parts) || parts < 1 || !Number.isInteger(part) || part < 0 || part >= parts) {
    throw new LochError('22023', `TPC-H chunk part ${part} of ${parts} is invalid (need 0 <= part < parts)`);
  }
  const counts = { scale: tpchScale(sf), dists: loadDistributions(options.distsPath) };
  const range = chunkRange(drivingRowCount(table, counts), part, parts);
  return generateRange(table, sf, range, batchSize, options.distsPath);
}

function* generateRange(table: TpchTable, sf: number, range: RowRange, batchSize: number, distsPath: string | undefined): Generator<Batch> {
  if (range.count <= 0) return;
  yield* generators[table](genContext(sf, distsPath), range, batchSize);
}

/**
 * Exact number of rows `generateTpchTable` yields for these arguments, without
 * generating them: lineitem draws only the per-order line counts (fast).
 */
export function tpchTableRowCount(table: TpchTable, sf: number, options: Pick<GenerateOptions, 'part' | 'parts' | 'distsPath'> = {}): number {
  if (!isTpchTable(table)) throw new LochError('42P01', `"${String(table)}" is not a TPC-H table`);
  const counts = { scale: tpchScale(sf), dists: loadDistributions(options.distsPath) };
  const range = chunkRange(drivingRowCount(table, counts), options.part ?? 0, options.parts ?? 1);
  if (table === 'partsupp') return range.count * SUPPLIERS_PER_PART;
  if (table !== 'lineitem') return range.count;
  return countLineitems(range);
}
