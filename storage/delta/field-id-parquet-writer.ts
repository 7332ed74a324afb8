/**
 * Parquet data files for column-mapped tables: PROTOCOL.md ("Writer Requirements
 * for Column Mapping") asks writers to store each column's `delta.columnMapping.id`
 * as the Parquet `field_id`, which `writeParquetFile` has no option for. This
 * writer builds the same Arrow schema (write-conversion.ts) with the
 * `PARQUET:field_id` field metadata arrow-rs turns into `field_id`, and encodes
 * the file in one piece (data files are cut at ~128 MiB, so that is bounded).
 */
import * as arrow from 'apache-arrow';
import type { Batch, BatchField } from '../../core/index.ts';
import type { ObjectStore } from '../object-store/object-store.ts';
import { materializeBatch } from '../batch-gather.ts';
import { parquetWriteField, toParquetWriteData } from '../parquet/write-conversion.ts';
import { LOCH_SCHEMA_METADATA_KEY } from '../parquet/loch-metadata.ts';
import * as pw from '../parquet/wasm.ts';

/** Writes `batches` as a Parquet object whose columns carry `fieldIds`; returns its size. */
export async function writeParquetWithFieldIds(
  store: ObjectStore, key: string, fields: readonly BatchField[], fieldIds: readonly (number | undefined)[], batches: readonly Batch[],
  options: { compression: 'snappy' | 'zstd' | 'none'; rowGroupSize: number },
): Promise<number> {
  const schema = new arrow.Schema(fields.map((f, i) => {
    const base = parquetWriteField(f);
    const metadata = new Map(base.metadata);
    if (fieldIds[i] !== undefined) metadata.set('PARQUET:field_id', String(fieldIds[i]));
    return new arrow.Field(base.name, base.type, base.nullable, metadata);
  }));
  const records = batches.map((input) => {
    const b = materializeBatch(input);
    const children = b.columns.map((c, i) => toParquetWriteData(c, fields[i]!.type, schema.fields[i]!.type));
    return new arrow.RecordBatch(schema, arrow.makeData({ type: new arrow.Struct(schema.fields), length: b.numRows, nullCount: 0, children }));
  });
  const table = pw.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(schema, records), 'stream'));
  const compression = options.compression === 'zstd' ? pw.Compression.ZSTD : options.compression === 'none' ? pw.Compression.UNCOMPRESSED : pw.Compression.SNAPPY;
  const props = new pw.WriterPropertiesBuilder()
    .setCompression(compression)
    .setMaxRowGroupSize(options.rowGroupSize)
    .setStatisticsEnabled(pw.EnabledStatistics.Chunk)
    .setCreatedBy('loch')
    .setKeyValueMetadata(new Map([[LOCH_SCHEMA_METADATA_KEY, JSON.stringify(fields.map((f) => ({ name: f.name, type: f.type, nullable: f.nullable })))]]))
    .build();
  const bytes = pw.writeParquet(table, props);
  await store.put(key, bytes);
  return bytes.byteLength;
}
