import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { toArrowSchema } from '../../../core/index.ts';
import { IpcStreamFraming, framingFor } from '../ipc-stream-framing.ts';
import { FIELDS } from './support.ts';

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
