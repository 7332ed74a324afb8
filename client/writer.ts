/**
 * `df.write`: saves a DataFrame's result as a table, PySpark style, by running
 * the lakehouse DDL/DML the SQL path understands:
 *
 *   mode       saveAsTable(name)                          save(path)
 *   error      CREATE TABLE n USING f … AS q              CREATE EXTERNAL TABLE tmp … LOCATION p AS q
 *   ignore     CREATE TABLE IF NOT EXISTS n … AS q        (same, IF NOT EXISTS)
 *   overwrite  CREATE OR REPLACE TABLE n … AS q           (same, OR REPLACE)
 *   append     INSERT INTO n q (CREATE … AS q if absent)  INSERT INTO tmp q (CREATE if absent)
 *
 * `save(path)` registers the path under a temporary name (CREATE EXTERNAL TABLE … LOCATION)
 * to learn whether a table exists there, writes (CTAS when absent; INSERT / INSERT OVERWRITE
 * when present) and drops the name afterwards (an external table: dropping keeps the files).
 */
import { LochError, SqlState } from '../core/index.ts';
import type { DataFrame } from './dataframe.ts';
import { quoteIdent, quoteName, quoteString } from './expr-sql.ts';

/** What to do when the target exists. */
export type SaveMode = 'append' | 'overwrite' | 'error' | 'errorifexists' | 'ignore';

interface WriterSettings {
  readonly format: string;
  readonly mode: SaveMode;
  readonly partitionBy: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** Builder of a write; immutable like the DataFrame. */
export class DataFrameWriter {
  readonly df: DataFrame;
  readonly settings: WriterSettings;

  constructor(df: DataFrame, settings: WriterSettings = { format: 'delta', mode: 'error', partitionBy: [], options: {} }) {
    this.df = df;
    this.settings = settings;
  }

  format(name: string): DataFrameWriter { return new DataFrameWriter(this.df, { ...this.settings, format: name.toLowerCase() }); }
  mode(mode: SaveMode): DataFrameWriter {
    if (!['append', 'overwrite', 'error', 'errorifexists', 'ignore'].includes(mode)) throw new LochError(SqlState.invalidParameterValue, `write mode "${mode}" is not one of append, overwrite, error, ignore`);
    return new DataFrameWriter(this.df, { ...this.settings, mode });
  }
  partitionBy(...columns: readonly string[]): DataFrameWriter { return new DataFrameWriter(this.df, { ...this.settings, partitionBy: columns }); }
  option(key: string, value: string | number | boolean): DataFrameWriter { return new DataFrameWriter(this.df, { ...this.settings, options: { ...this.settings.options, [key]: String(value) } }); }

  private createStatement(target: string, location: string | null, query: string): string {
    const { mode, format, partitionBy } = this.settings;
    const head = mode === 'overwrite' ? 'CREATE OR REPLACE' : 'CREATE';
    const external = location !== null ? ' EXTERNAL' : '';
    const ifNotExists = mode === 'ignore' ? ' IF NOT EXISTS' : '';
    const partitions = partitionBy.length > 0 ? ` PARTITIONED BY (${partitionBy.map(quoteIdent).join(', ')})` : '';
    const loc = location !== null ? ` LOCATION ${quoteString(location)}` : '';
    return `${head}${external} TABLE${ifNotExists} ${target} USING ${format}${partitions}${loc} AS ${query}`;
  }

  private async write(target: string, location: string | null): Promise<void> {
    const query = await this.df.toSql();
    if (this.settings.mode === 'append') {
      try {
        await this.df.session.runStatement(`INSERT INTO ${target} ${query}`);
        return;
      } catch (e) {
        if (!(e instanceof LochError) || e.sqlState !== SqlState.undefinedTable) throw e;
      }
    }
    await this.df.session.runStatement(this.createStatement(target, location, query));
  }

  /** Writes into the catalog table `name` (dotted names allowed). */
  saveAsTable(name: string): Promise<void> {
    return this.write(quoteName(name.split('.')), null);
  }

  /** Writes a table at `path` (Delta by default); an existing table there is found by registering it. */
  async save(path: string): Promise<void> {
    const session = this.df.session;
    const tmp = quoteIdent(`__loch_df_save_${process.pid}_${Date.now().toString(36)}`);
    // Registering the path without columns succeeds only when a table exists there (42601 otherwise).
    const exists = await session.runStatement(`CREATE EXTERNAL TABLE ${tmp} USING ${this.settings.format} LOCATION ${quoteString(path)}`)
      .then(() => true, (e: unknown) => {
        if (e instanceof LochError && e.sqlState === SqlState.syntaxError) return false;
        throw e;
      });
    try {
      if (!exists) {
        await session.runStatement(this.createStatement(tmp, path, await this.df.toSql()));
        return;
      }
      switch (this.settings.mode) {
        case 'ignore':
          return;
        case 'append':
          await session.runStatement(`INSERT INTO ${tmp} ${await this.df.toSql()}`);
          return;
        case 'overwrite':
          await session.runStatement(`INSERT OVERWRITE ${tmp} ${await this.df.toSql()}`);
          return;
        default:
          throw new LochError(SqlState.duplicateTable, `a table already exists at "${path}" (save mode "${this.settings.mode}"; use mode('overwrite'), 'append' or 'ignore')`);
      }
    } finally {
      await session.runStatement(`DROP TABLE IF EXISTS ${tmp}`).catch(() => undefined);
    }
  }

  /** Inserts into the existing table `name` by position (`overwrite`: replace its rows). */
  async insertInto(name: string, overwrite = this.settings.mode === 'overwrite'): Promise<void> {
    const query = await this.df.toSql();
    await this.df.session.runStatement(`INSERT ${overwrite ? 'OVERWRITE' : 'INTO'} ${quoteName(name.split('.'))} ${query}`);
  }
}
