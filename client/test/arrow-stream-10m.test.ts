/**
 * Issue 5: a 10-million-row `toArrowStream()` is consumed with bounded client
 * memory — batches arrive as the consumer pulls them and are released after use,
 * so the peak of heap + Arrow buffers stays far below the result's size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loch, col } from 'loch/client';

const ROWS = 10_000_000;

describe('toArrowStream over 10 million rows', () => {
  let loch: Loch;
  beforeAll(async () => { loch = await Loch.embedded(); });
  afterAll(() => loch?.close());

  it('streams every row while client memory stays bounded', async () => {
    const df = loch.range(ROWS).select(col('id'), col('id').multiply(2).alias('twice'), col('id').mod(1000).alias('bucket'));
    const used = (): number => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    let rows = 0;
    let batches = 0;
    let bytes = 0;
    let checksum = 0;
    let baseline = 0;
    let peak = 0;
    for await (const batch of df.toArrowStream()) {
      rows += batch.numRows;
      batches++;
      for (const child of batch.data.children) bytes += child.values.byteLength;
      const bucket = batch.getChild('bucket')!.data[0]!.values as BigInt64Array;
      checksum += Number(bucket[0]!);
      if (batches === 20) baseline = used();
      if (batches > 20) peak = Math.max(peak, used());
    }
    expect(rows).toBe(ROWS);
    expect(batches).toBeGreaterThan(100);
    expect(checksum).toBeGreaterThanOrEqual(0);
    // 3 bigint columns of 10M rows: 240 MB went through the stream.
    expect(bytes).toBe(ROWS * 3 * 8);
    const growthMb = (peak - baseline) / 2 ** 20;
    expect(growthMb).toBeLessThan(96);
  }, 300_000);
});
