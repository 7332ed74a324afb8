/**
 * Turns filter conjuncts over a scan's columns into `ScanPredicate`s the
 * reader may use to skip files, row groups or pages (core/scan.ts). Only the
 * simple shapes readers understand: `column op literal`, `column IN (literals)`
 * and `column IS [NOT] NULL`, with literals of exactly the column's type.
 */
import { typesEqual } from '../../core/index.ts';
import type { LiteralValue } from '../../core/index.ts';
import type { ScanPredicate } from '../../core/index.ts';
import type { Expr } from '../expr.ts';
import type { Scan } from '../logical/logical-plan.ts';
import { COMPARISON_FLIP } from './expr-utils.ts';

const OPS: Readonly<Record<string, '=' | '<>' | '<' | '<=' | '>' | '>='>> = {
  eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=', neq: '<>', lte: '<=', gte: '>=',
};

/** The scan predicate equivalent to `pred`, or null when the reader could not use it. */
export function toScanPredicate(pred: Expr, scan: Scan): ScanPredicate | null {
  if (pred.kind === 'in_list') {
    if (pred.negated) return null;
    const col = scanColumn(pred.input, scan);
    if (!col) return null;
    const values: LiteralValue[] = [];
    for (const e of pred.list) {
      if (e.kind !== 'literal' || e.value === null || !typesEqual(e.type, col.type)) return null;
      values.push(e.value);
    }
    return { kind: 'in', column: col.sourceIndex, values };
  }
  if (pred.kind !== 'call') return null;
  if ((pred.fn === 'is_null' || pred.fn === 'is_not_null') && pred.args.length === 1) {
    const col = scanColumn(pred.args[0]!, scan);
    return col ? { kind: 'is_null', column: col.sourceIndex, negated: pred.fn === 'is_not_null' } : null;
  }
  const op = OPS[pred.fn];
  if (op === undefined || pred.args.length !== 2) return null;
  let [a, b] = pred.args as [Expr, Expr];
  let fn = pred.fn;
  if (a.kind === 'literal') { [a, b] = [b, a]; fn = COMPARISON_FLIP[fn]!; }
  const col = scanColumn(a, scan);
  if (!col || b.kind !== 'literal' || b.value === null || !typesEqual(b.type, col.type)) return null;
  return { kind: 'compare', column: col.sourceIndex, op: OPS[fn]!, value: b.value };
}

function scanColumn(e: Expr, scan: Scan): Scan['columns'][number] | null {
  if (e.kind !== 'column') return null;
  return scan.columns.find((c) => c.id === e.id) ?? null;
}

/** A stable text key of a scan predicate, to avoid pushing the same one twice. */
export function scanPredicateKey(p: ScanPredicate): string {
  const v = (x: LiteralValue): string => (typeof x === 'bigint' ? `${x}n` : JSON.stringify(x));
  switch (p.kind) {
    case 'compare': return `${p.column}${p.op}${v(p.value)}`;
    case 'in': return `${p.column} in ${p.values.map(v).join(',')}`;
    case 'is_null': return `${p.column} is ${p.negated ? 'not ' : ''}null`;
  }
}

/** The scan with the usable conjuncts added to `pushedPredicates` (same object when none is new). */
export function withScanPredicates(scan: Scan, preds: readonly Expr[]): Scan {
  const seen = new Set(scan.pushedPredicates.map(scanPredicateKey));
  const added: ScanPredicate[] = [];
  for (const pred of preds) {
    const sp = toScanPredicate(pred, scan);
    if (sp === null) continue;
    const key = scanPredicateKey(sp);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(sp);
  }
  return added.length === 0 ? scan : { ...scan, pushedPredicates: [...scan.pushedPredicates, ...added] };
}
