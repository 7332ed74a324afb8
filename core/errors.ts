/**
 * One error family for all of Loch. Every error carries a PostgreSQL SQLSTATE so
 * that pg wire, gRPC and the CLI report the same code, and a message that names
 * the object at fault.
 */

/** SQLSTATE codes Loch raises, named after PostgreSQL's condition names. */
export const SqlState = {
  syntaxError: '42601',
  undefinedTable: '42P01',
  undefinedColumn: '42703',
  undefinedFunction: '42883',
  undefinedObject: '42704',
  ambiguousColumn: '42702',
  duplicateColumn: '42701',
  duplicateTable: '42P07',
  duplicateSchema: '42P06',
  invalidSchemaName: '3F000',
  dependentObjectsStillExist: '2BP01',
  groupingError: '42803',
  datatypeMismatch: '42804',
  invalidTextRepresentation: '22P02',
  numericValueOutOfRange: '22003',
  divisionByZero: '22012',
  invalidDatetimeFormat: '22007',
  datetimeFieldOverflow: '22008',
  cardinalityViolation: '21000',
  featureNotSupported: '0A000',
  invalidParameterValue: '22023',
  dataException: '22000',
  notNullViolation: '23502',
  checkViolation: '23514',
  uniqueViolation: '23505',
  serializationFailure: '40001',
  queryCanceled: '57014',
  insufficientPrivilege: '42501',
  invalidName: '42602',
  ioError: '58030',
  dataCorrupted: 'XX001',
  internalError: 'XX000',
} as const;

export type SqlStateCode = (typeof SqlState)[keyof typeof SqlState] | string;

export interface LochErrorOptions {
  /** 1-based character position in the SQL text, as PostgreSQL reports it. */
  position?: number;
  hint?: string;
  detail?: string;
  cause?: unknown;
}

export class LochError extends Error {
  readonly sqlState: SqlStateCode;
  readonly position: number | undefined;
  readonly hint: string | undefined;
  readonly detail: string | undefined;

  constructor(sqlState: SqlStateCode, message: string, options: LochErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LochError';
    this.sqlState = sqlState;
    this.position = options.position;
    this.hint = options.hint;
    this.detail = options.detail;
  }
}

export function isLochError(e: unknown): e is LochError {
  return e instanceof LochError;
}

/** Wraps anything thrown into a LochError (unknown failures become XX000). */
export function toLochError(e: unknown): LochError {
  if (e instanceof LochError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LochError(SqlState.internalError, message, { cause: e });
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) { bestDistance = d; best = c; }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
