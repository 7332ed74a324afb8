/**
 * Issue 5: the 22 TPC-H queries written with the DataFrame API (tpch-dataframes.ts)
 * return DuckDB's answers at SF 0.01, exactly as the SQL versions do (test/tpch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F, Loch, col, type DataFrame } from 'loch/client';
import { fromArrowField, readValue, type BatchField, type LiteralValue } from '../../core/index.ts';
import type { Rows } from '../support/results.ts';
import { SHARED_TPCH, compareWithAnswer, expectedAnswer, tblTablesDdl } from '../support/tpch.ts';
import { tpchDataFrame } from './tpch-dataframes.ts';

/** An Arrow result as the Rows the TPC-H comparison reads. */
async function rowsOf(loch: Loch, n: number): Promise<Rows> {
  return rowsOfDataFrame(tpchDataFrame(loch, n));
}

async function rowsOfDataFrame(df: DataFrame): Promise<Rows> {
  const table = await df.toArrow();
  const fields: BatchField[] = table.schema.fields.map((f) => ({ name: f.name, type: fromArrowField(f), nullable: f.nullable }));
  const rows: LiteralValue[][] = [];
  for (const batch of table.batches) {
    for (let r = 0; r < batch.numRows; r++) rows.push(fields.map((f, c) => readValue(batch.data.children[c]!, f.type, r)));
  }
  return { fields, rows };
}

describe('TPC-H SF 0.01 written with the DataFrame API', () => {
  let loch: Loch;
  beforeAll(async () => {
    loch = await Loch.embedded();
    await loch.runStatement(tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
  });
  afterAll(() => loch?.close());

  it('the comparison notices a wrong answer (Q6 with a wider discount band)', async () => {
    const table = await tpchDataFrame(loch, 6).toArrow();
    expect(table.numRows).toBe(1);
    const broken = await rowsOfDataFrame(loch.table('lineitem').filter(col('l_quantity').lt(24)).agg(F.sum(col('l_extendedprice').multiply(col('l_discount'))).alias('revenue')));
    expect(compareWithAnswer(broken, expectedAnswer(6))).not.toEqual([]);
  });

  for (let q = 1; q <= 22; q++) {
    it(`Q${q} returns DuckDB's answer`, async () => {
      const rows = await rowsOf(loch, q);
      expect(compareWithAnswer(rows, expectedAnswer(q))).toEqual([]);
    });
  }
});

describe('DataFrames on the embedded cluster (Loch.embedded({ workers: 2 }))', () => {
  let loch: Loch;
  beforeAll(async () => {
    loch = await Loch.embedded({ workers: 2 });
    await loch.runStatement(tblTablesDdl(`${SHARED_TPCH}/dbgen-sf0.01`));
  }, 180_000);
  afterAll(() => loch?.close(), 60_000);

  for (const q of [1, 3, 9, 18]) {
    it(`Q${q} runs on worker processes and returns DuckDB's answer`, async () => {
      expect(compareWithAnswer(await rowsOf(loch, q), expectedAnswer(q))).toEqual([]);
    }, 60_000);
  }
});
