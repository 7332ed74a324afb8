/**
 * `loch.read`: files and Delta tables by path, as DataFrames.
 *
 *   parquet(path)          → read_parquet('path')            (table function)
 *   json(path)             → read_json('path')               (newline-delimited JSON)
 *   csv(path)              → read_csv('path'[, 'delimiter'])  (table function)
 *   csv(path, {header…})   → a session-scoped external table USING csv OPTIONS (…)
 *   delta(path[, version]) → a session-scoped external table USING delta [VERSION AS OF n]
 *
 * The engine has no table function for Delta paths or for CSV options other than
 * the delimiter, so those register an external table (dropping it keeps the files)
 * under a generated name once per session; `loch.close()` drops the names.
 */
import { LochError, SqlState } from '../core/index.ts';
import { DataFrame } from './dataframe.ts';
import { quoteIdent, quoteString } from './expr-sql.ts';
import type { Loch } from './session.ts';

/** CSV options (header defaults to true, as most files have one). */
export interface CsvOptions {
  readonly header?: boolean;
  readonly delimiter?: string;
  readonly quote?: string;
  readonly nullValue?: string;
}

/** Delta options: time travel. */
export interface DeltaOptions {
  readonly versionAsOf?: number;
  readonly timestampAsOf?: string;
}

/** `loch.read.parquet(...)` etc. */
export class DataFrameReader {
  readonly session: Loch;

  constructor(session: Loch) {
    this.session = session;
  }

  private tableFunction(name: string, args: readonly string[]): DataFrame {
    return new DataFrame(this.session, { kind: 'from', item: async () => ({ text: `${name}(${args.map(quoteString).join(', ')})`, needsAlias: false }) });
  }

  private registered(ddl: string, suffix = ''): DataFrame {
    return new DataFrame(this.session, {
      kind: 'from',
      item: async () => ({ text: `${quoteIdent(await this.session.registerSource(ddl))}${suffix}`, needsAlias: false }),
    });
  }

  /** Parquet files (a path, a directory glob such as `data/*.parquet`). */
  parquet(pathOrGlob: string): DataFrame {
    return this.tableFunction('read_parquet', [pathOrGlob]);
  }

  /** Newline-delimited JSON files. */
  json(pathOrGlob: string): DataFrame {
    return this.tableFunction('read_json', [pathOrGlob]);
  }

  /** CSV files; the column types are inferred by the engine. */
  csv(pathOrGlob: string, options: CsvOptions = {}): DataFrame {
    const { header, delimiter, quote, nullValue } = options;
    if (header === undefined && quote === undefined && nullValue === undefined) {
      return this.tableFunction('read_csv', delimiter === undefined ? [pathOrGlob] : [pathOrGlob, delimiter]);
    }
    const opts: string[] = [];
    if (header !== undefined) opts.push(`header ${quoteString(String(header))}`);
    if (delimiter !== undefined) opts.push(`delimiter ${quoteString(delimiter)}`);
    if (quote !== undefined) opts.push(`quote ${quoteString(quote)}`);
    if (nullValue !== undefined) opts.push(`nullstring ${quoteString(nullValue)}`);
    return this.registered(`USING csv OPTIONS (${opts.join(', ')}) LOCATION ${quoteString(pathOrGlob)}`);
  }

  /** A Delta table by path, optionally at a version or timestamp. */
  delta(path: string, options: DeltaOptions = {}): DataFrame {
    if (options.versionAsOf !== undefined && options.timestampAsOf !== undefined) {
      throw new LochError(SqlState.invalidParameterValue, 'read.delta: give versionAsOf or timestampAsOf, not both');
    }
    if (options.versionAsOf !== undefined && !(Number.isInteger(options.versionAsOf) && options.versionAsOf >= 0)) {
      throw new LochError(SqlState.invalidParameterValue, `read.delta: versionAsOf must be a non-negative integer, not ${options.versionAsOf}`);
    }
    const travel = options.versionAsOf !== undefined ? ` VERSION AS OF ${options.versionAsOf}` : options.timestampAsOf !== undefined ? ` TIMESTAMP AS OF ${quoteString(options.timestampAsOf)}` : '';
    return this.registered(`USING delta LOCATION ${quoteString(path)}`, travel);
  }

  /** `format(f).load(path)`, PySpark's generic form. */
  format(format: 'parquet' | 'csv' | 'json' | 'delta'): { load: (path: string) => DataFrame } {
    return { load: (path) => this[format](path) };
  }

  /** A catalog table (same as `loch.table`). */
  table(name: string): DataFrame {
    return this.session.table(name);
  }
}
