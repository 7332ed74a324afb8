import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { type BatchField, type LiteralValue, fromRecordBatch, readValue, toArrowSchema, toRecordBatch } from '../../../core/index.ts';
import { IPC_EOS, IpcStreamFraming, framingFor } from '../ipc-stream-framing.ts';
import { FIELDS, batchOf } from './support.ts';

describe('framingFor', () => {
  it('shares one framing per schema signature, with the prefix a fresh framing computes', () => {
    const a = framingFor(toArrowSchema(FIELDS));
    const b = framingFor(toArrowSchema(FIELDS));
    expect(b).toBe(a);
    expect(a.schemaPrefix).toEqual(new IpcStreamFraming(toArrowSchema(FIELDS)).schemaPrefix);
  });

  it('tells schemas apart by name, type, nullability and metadata', () => {
    const base = new arrow.Schema([new arrow.Field('x', new arrow.Int32(), true)]);
    const others = [
      new arrow.Schema([new arrow.Field('y', new arrow.Int32(), true)]),
      new arrow.Schema([new arrow.Field('x', new arrow.Int64(), true)]),
      new arrow.Schema([new arrow.Field('x', new arrow.Int32(), false)]),
      new arrow.Schema([new arrow.Field('x', new arrow.Int32(), true, new Map([['loch.type', 'tstz']]))]),
    ];
    const f = framingFor(base);
    for (const o of others) {
      const g = framingFor(o);
      expect(g).not.toBe(f);
      expect(g.schemaPrefix).toEqual(new IpcStreamFraming(o).schemaPrefix);
    }
  });
});

describe('IpcStreamFraming.encodeBatch', () => {
  // A join output as TPC-H Q2 shuffles it at SF 10: partsupp's ps_partkey (NOT NULL) and the
  // subquery's group key of the same name (nullable), then columns of one name and other types.
  const fields: BatchField[] = [
    { name: 'ps_partkey', type: { kind: 'int32' }, nullable: false },
    { name: 'min', type: { kind: 'float64' }, nullable: true },
    { name: 'ps_partkey', type: { kind: 'int32' }, nullable: true },
    { name: 'v', type: { kind: 'int32' }, nullable: false },
    { name: 'v', type: { kind: 'text' }, nullable: true },
  ];
  const rows: LiteralValue[][] = [[1, 2.5, 1, 7, 'a'], [2, null, null, 8, null], [3, 0.25, 3, 9, 'ccc']];

  it('keeps columns of one name apart: the batches decode with their rows and values', () => {
    const schema = toArrowSchema(fields);
    const framing = new IpcStreamFraming(schema);
    const message = framing.encodeBatch(toRecordBatch(batchOf(rows, fields), schema));
    const stream = new Uint8Array([...framing.schemaPrefix, ...message, ...IPC_EOS]);
    const decoded = [...arrow.RecordBatchReader.from(stream)];
    expect(decoded.map((b) => b.numRows)).toEqual([3]);
    // (the reader's RecordBatch merges its schema's fields by name too; the columns are what Loch reads)
    expect(decoded[0]!.data.children.map((d) => String(d.type))).toEqual(['Int32', 'Float64', 'Int32', 'Int32', 'Utf8']);
    const batch = fromRecordBatch(decoded[0]!);
    expect(rows.map((_, r) => fields.map((f, c) => readValue(batch.column(c), f.type, r)))).toEqual(rows);
  });

  it('refuses a batch whose schema message differs from the stream\'s instead of writing a file that reads as no rows', () => {
    const framing = new IpcStreamFraming(toArrowSchema(fields));
    const other = toArrowSchema(fields.map((f) => ({ ...f, nullable: true })));
    expect(() => framing.encodeBatch(toRecordBatch(batchOf(rows, fields), other))).toThrow(/does not have the schema of the stream/);
    expect(() => framing.encodeBatchParts(toRecordBatch(batchOf(rows, fields), other))).toThrow(/does not have the schema of the stream/);
  });

  it('gives the same bytes as parts whose body pieces view the batch\'s own buffers (no copy)', () => {
    const schema = toArrowSchema(fields);
    const framing = new IpcStreamFraming(schema);
    const batch = batchOf(rows, fields);
    const record = toRecordBatch(batch, schema);
    const parts = framing.encodeBatchParts(record);
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => { joined.set(p, at); return at + p.length; }, 0);
    expect(joined).toEqual(framing.encodeBatch(record));
    const text = batch.column(4);
    expect(parts.some((p) => p.buffer === text.values.buffer && p.byteOffset === text.values.byteOffset)).toBe(true);
  });
});
