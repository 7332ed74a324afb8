/**
 * The in-process `QueryEngine`: parse → bind → optimize → physical plan →
 * execute, statement by statement. Execution is injected (`PlanExecutor`) so
 * the coordinator never imports worker code: the embedded default runs plans
 * in this process, the distributed issue runs them on workers over gRPC.
 */
import {
  Batch, LochError, SqlState, T, columnFromValues, toLochError, typeName, type BatchField, type DataType, type ScanPredicate, type SourceColumn,
} from '../core/index.ts';
import {
  PlanContext, QueryBinder, applyGeneratedColumns, bindColumnDefaults, explainStages, planStages, bindInsert, bindMerge, bindDmlAsMerge, dmlNeedsQuery, bindTableDml, splitConjuncts, toScanPredicate, type BoundTableDml, createPhysicalPlan, type BoundQuery, explainLogical, explainPhysical, initParser, optimize, outputColumns,
  parseSql, parseTypeName, type ConstantEvaluator, type LogicalPlan, type PhysicalPlan, type QueryStage, type Statement,
} from '../planner/index.ts';
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import {
  addColumns, mergeSchema, createTable, deltaLocation, dropColumns, renameColumn, describeDetail, describeHistory, loadSnapshot, optimize as optimizeTable, restore, startCreateTable,
  startTransaction, vacuum, clearColumnCache, uncacheColumns, expandGlob,
} from '../storage/index.ts';
import type { ExecuteOptions, QueryEngine, StatementResult } from './query-engine.ts';
import { deleteRows, startTableWrite, updateRows, type RowFunctions, type RowFunctionsFactory, type TableWrite } from './table-dml.ts';
import { compileChecks, enforceChecks } from './check-constraints.ts';
import { applyMergeClauses, mergeTargetScanner } from './table-merge.ts';
import type { SessionCatalog } from './session-catalog.ts';
import { IndexRegistry } from './index-registry.ts';
import { materializeRecursiveCtes } from './recursive-cte.ts';
import { withUniqueKeys } from './unique-keys.ts';
import { copyFormat, writeRows } from './file-output.ts';
import { PreparedStatements } from './prepared-statements.ts';
import { normalizeTimeZone } from './time-zone-setting.ts';
import type { BinderCatalog, Query } from '../planner/index.ts';

/** A running plan. Batches it yields carry no selection vector. */
export interface ExecutionHandle {
  readonly batches: AsyncIterable<Batch>;
  /** EXPLAIN ANALYZE text; complete once `batches` is exhausted. */
  explainAnalyze(): string;
}

export interface PlanExecutor {
  execute(plan: PhysicalPlan, options: { signal?: AbortSignal }): ExecutionHandle;
  readonly evaluateConstant: ConstantEvaluator;
  /** Row-level predicate and projection evaluation for DELETE/UPDATE. */
  readonly rowFunctions: RowFunctionsFactory;
  /** Drops decoded-data caches where plans run (a cluster's workers); the local process's is dropped by the engine. */
  clearCaches?(): void;
  /** The stages this executor would run `plan` as (plain EXPLAIN); default: planStages with the default options. */
  planStages?(plan: PhysicalPlan): Promise<QueryStage[]>;
}

export class SqlEngine implements QueryEngine {
  private readonly catalog: SessionCatalog;
  private readonly executor: PlanExecutor;
  private readonly settings = new Map<string, string>([['search_path', 'public'], ['timezone', 'UTC']]);
  private readonly indexes = new IndexRegistry();
  private readonly prepared = new PreparedStatements();

  /** `settings`: the session's initial settings (a remote client sends its SETs with each request). */
  constructor(catalog: SessionCatalog, executor: PlanExecutor, settings: Readonly<Record<string, string>> = {}) {
    this.catalog = catalog;
    this.executor = executor;
    for (const [k, v] of Object.entries(settings)) this.settings.set(k.toLowerCase(), v);
  }

  async *execute(sql: string, options: ExecuteOptions = {}): AsyncIterable<StatementResult> {
    await initParser();
    const statements = parseSql(sql);
    for (const s of statements) {
      options.signal?.throwIfAborted();
      try {
        yield await this.executeStatement(s.statement, options);
      } catch (e) {
        throw shiftPosition(toLochError(e), s.offset);
      }
    }
  }

  /** Ends the session: its temporary tables go with it. */
  async close(): Promise<void> {
    for (const t of this.catalog.temporaryTables()) {
      this.catalog.drop('table', [t.name], true);
      await rm(t.location, { recursive: true, force: true });
    }
  }

  /** Counts the rows of a query (unique-key checks on temporary tables). */
  private async countRows(sql: string): Promise<number> {
    const [parsed] = parseSql(sql);
    if (parsed?.statement.kind !== 'query') return 0;
    const { logical } = await this.planQuery(parsed.statement);
    let n = 0;
    for await (const b of this.executor.execute(createPhysicalPlan(logical), {}).batches) n += b.length;
    return n;
  }

  /** Binds and optimizes a query; exposed for EXPLAIN and tests. */
  async planQuery(statement: Extract<Statement, { kind: 'query' }>, trace?: (rule: string, plan: LogicalPlan) => void): Promise<{ logical: LogicalPlan; fields: BatchField[] }> {
    const ctx = new PlanContext({ evaluateConstant: this.executor.evaluateConstant, timeZone: this.settings.get('timezone') });
    const { query, catalog } = await this.withRecursive(statement.query);
    const binder = new QueryBinder(catalog, ctx);
    const bound = await binder.bindQuery(query, null);
    const logical = optimize(bound.plan, ctx, trace ? { trace } : undefined);
    const fields = outputColumns(logical).map((c, i) => ({ name: bound.columns[i]?.name ?? c.name, type: c.type, nullable: c.nullable }));
    return { logical, fields };
  }

  /** WITH RECURSIVE: runs the recursive CTEs to their fixed point first (recursive-cte.ts); other queries pass through. */
  private withRecursive(query: Query): Promise<{ query: Query; catalog: BinderCatalog }> {
    return materializeRecursiveCtes(query, this.catalog, async (q, catalog) => {
      const ctx = this.newContext();
      const bound = await new QueryBinder(catalog, ctx).bindQuery(q, null);
      const logical = optimize(bound.plan, ctx);
      const fields = outputColumns(logical).map((c, i) => ({ name: bound.columns[i]?.name ?? c.name, type: c.type, nullable: c.nullable }));
      const batches: Batch[] = [];
      for await (const b of this.executor.execute(createPhysicalPlan(logical), {}).batches) batches.push(b);
      return { fields, batches };
    });
  }

  private async executeStatement(statement: Statement, options: ExecuteOptions): Promise<StatementResult> {
    switch (statement.kind) {
      case 'query': {
        const { logical, fields } = await this.planQuery(statement);
        const handle = this.executor.execute(createPhysicalPlan(logical), { signal: options.signal });
        return { kind: 'rows', fields, batches: handle.batches };
      }
      case 'explain':
        return this.explain(statement, options);
      case 'create_table':
        return this.createTable(statement, options);
      case 'insert':
        return withUniqueKeys(this.catalog.table(statement.table), (q) => this.countRows(q), () => this.insert(statement, options));
      case 'delete':
      case 'update':
        return withUniqueKeys(statement.kind === 'update' ? this.catalog.table(statement.table) : null, (q) => this.countRows(q), () => this.deleteOrUpdate(statement, options));
      case 'alter_table': {
        const table = this.writableDeltaTable(statement.table, 'ALTER', -1);
        const txn = await startTransaction(table.location);
        const current = () => txn.columns.map((c) => c.name);
        for (const a of statement.actions) {
          if (a.kind === 'add_column') {
            if (a.ifNotExists && current().includes(a.column.name)) continue;
            addColumns(txn, [{ name: a.column.name, type: parseTypeName(a.column.type.names, a.column.type.typmods), nullable: !a.column.notNull }]);
          } else if (a.kind === 'drop_column') {
            if (a.ifExists && !current().includes(a.name)) continue;
            dropColumns(txn, [a.name]);
          } else {
            renameColumn(txn, a.from, a.to);
          }
        }
        txn.commitInfo({ operation: 'ALTER TABLE', operationParameters: { actions: JSON.stringify(statement.actions.map((a) => a.kind)) } });
        await txn.commit();
        return { kind: 'status', tag: 'ALTER TABLE' };
      }
      case 'optimize': {
        const table = this.writableDeltaTable(statement.table, 'OPTIMIZE', -1);
        const r = await optimizeTable(table.location, { zOrderBy: statement.zOrderBy });
        return textRows(['path', 'version', 'numFilesRemoved', 'numFilesAdded'], [[table.location, r.version === undefined ? '' : String(r.version), String(r.filesRemoved), String(r.filesAdded)]]);
      }
      case 'vacuum': {
        const table = this.writableDeltaTable(statement.table, 'VACUUM', -1);
        const r = await vacuum(table.location, { dryRun: statement.dryRun, ...(statement.retainHours !== null ? { retentionHours: statement.retainHours } : {}) });
        return statement.dryRun ? textRows(['path'], r.files.map((f) => [f])) : textRows(['path'], [[table.location]]);
      }
      case 'restore': {
        const table = this.writableDeltaTable(statement.table, 'RESTORE', -1);
        const r = await restore(table.location, statement.version !== null ? { version: statement.version } : { timestamp: statement.timestamp! });
        return textRows(['version', 'num_removed_files', 'num_restored_files'], [[String(r.version), String(r.filesRemoved), String(r.filesAdded)]]);
      }
      case 'merge':
        return withUniqueKeys(this.catalog.table(statement.target), (q) => this.countRows(q), () => this.merge(statement, options));
      case 'truncate':
        for (const name of statement.tables) {
          const table = this.writableDeltaTable(name, 'TRUNCATE', -1);
          await deleteRows(await startTableWrite(table.location), this.executor.rowFunctions([], null, []), false);
        }
        return { kind: 'status', tag: 'TRUNCATE TABLE' };
      case 'create_view': {
        // Bind once now so a broken view fails at CREATE time, as in PostgreSQL.
        const { fields } = await this.planQuery({ kind: 'query', query: statement.query });
        rejectDuplicateNames(fields.map((f) => f.name));
        this.catalog.createView(statement.name, statement.sql, statement.orReplace);
        return { kind: 'status', tag: 'CREATE VIEW' };
      }
      case 'drop':
        for (const name of statement.names) {
          const dropped = this.catalog.drop(statement.objectType, name, statement.ifExists);
          if (dropped) this.indexes.dropTable(dropped.name);
          // A managed table's data goes with it (as in Databricks); external locations are left alone.
          if (dropped?.managed) await rm(dropped.location, { recursive: true, force: true });
        }
        return { kind: 'status', tag: statement.objectType === 'table' ? 'DROP TABLE' : 'DROP VIEW' };
      case 'set': {
        // DataFusion's name for the session time zone; RESET (no value) of the zone goes back to UTC
        const name = statement.name === 'datafusion.execution.time_zone' ? 'timezone' : statement.name;
        this.settings.set(name, name === 'timezone' ? normalizeTimeZone(statement.value) : statement.value ?? '');
        return { kind: 'status', tag: 'SET' };
      }
      case 'show': {
        const value = this.settings.get(statement.name);
        if (value === undefined) throw new LochError(SqlState.undefinedObject, `unrecognized configuration parameter "${statement.name}"`);
        return textRows([statement.name], [[value]]);
      }
      case 'show_tables':
        return textRows(['name', 'kind', 'format', 'location'], this.catalog.listTables().map((t) => [t.name, t.kind, t.format, t.location]));
      case 'describe': {
        const columns = await this.catalog.describe(statement.name);
        if (!columns) throw new LochError(SqlState.undefinedTable, `relation "${statement.name.join('.')}" does not exist`);
        return textRows(['col_name', 'data_type', 'nullable'], columns.map((c) => [c.name, typeName(c.type), c.nullable ? 'YES' : 'NO']));
      }
      case 'describe_history': {
        const table = this.catalog.deltaTable(statement.name, 'DESCRIBE HISTORY');
        const history = await describeHistory(table.location, statement.limit !== null ? { limit: statement.limit } : {});
        return textRows(['version', 'timestamp', 'operation', 'operationParameters', 'readVersion', 'isolationLevel', 'isBlindAppend', 'engineInfo'],
          history.map((h) => [String(h.version), new Date(h.timestamp).toISOString(), h.operation ?? '', JSON.stringify(h.operationParameters),
            h.readVersion === undefined ? '' : String(h.readVersion), h.isolationLevel ?? '', h.isBlindAppend === undefined ? '' : String(h.isBlindAppend), h.engineInfo ?? '']));
      }
      case 'describe_detail': {
        const table = this.catalog.deltaTable(statement.name, 'DESCRIBE DETAIL');
        const d = await describeDetail(table.location);
        return textRows(['format', 'id', 'name', 'location', 'version', 'partitionColumns', 'numFiles', 'sizeInBytes', 'properties', 'minReaderVersion', 'minWriterVersion', 'tableFeatures'],
          [[d.format, d.id, table.name, d.location, String(d.version), JSON.stringify(d.partitionColumns), String(d.numFiles), String(d.sizeInBytes),
            JSON.stringify(d.properties), String(d.minReaderVersion), String(d.minWriterVersion), JSON.stringify(d.tableFeatures)]]);
      }
      case 'create_index': {
        // Accepted as a no-op: Databricks has no indexes (see index-registry.ts).
        const table = this.catalog.table(statement.table);
        if (!table) throw new LochError(SqlState.undefinedTable, `relation "${statement.table.join('.')}" does not exist`, statement.location >= 0 ? { position: statement.location + 1 } : {});
        this.indexes.create(statement.name, table.name, statement.ifNotExists);
        return { kind: 'status', tag: 'CREATE INDEX' };
      }
      case 'prepare':
        this.prepared.prepare(statement.name, statement.types, statement.statement);
        if (statement.statement.kind === 'query') {
          // A query must bind at PREPARE time, as in PostgreSQL (parameters as typed NULLs).
          const probe = this.prepared.withNulls(statement.name);
          try {
            if (probe.kind === 'query') await this.planQuery(probe);
          } catch (e) {
            this.prepared.deallocate(statement.name);
            throw e;
          }
        }
        return { kind: 'status', tag: 'PREPARE' };
      case 'execute':
        return this.executeStatement(this.prepared.bind(statement.name, statement.params), options);
      case 'deallocate':
        this.prepared.deallocate(statement.name);
        return { kind: 'status', tag: 'DEALLOCATE' };
      case 'drop_index':
        this.indexes.drop(statement.names, statement.ifExists);
        return { kind: 'status', tag: 'DROP INDEX' };
      case 'transaction':
        return { kind: 'status', tag: statement.tag };
      case 'cache_table':
      case 'uncache_table':
      case 'clear_cache':
        return this.cacheStatement(statement, options);
      case 'copy_to': {
        if (statement.partitionedBy.length > 0) throw new LochError(SqlState.featureNotSupported, 'COPY … TO … PARTITIONED BY is not supported yet');
        const format = copyFormat(statement.path, statement.format);
        const { logical, fields } = await this.planQuery({ kind: 'query', query: statement.query });
        const handle = this.executor.execute(createPhysicalPlan(logical), { signal: options.signal });
        return countResult(await writeRows(statement.path, format, statement.options, fields, handle.batches));
      }
      case 'create_schema':
        this.catalog.createSchema(statement.name[statement.name.length - 1]!, statement.ifNotExists);
        return { kind: 'status', tag: 'CREATE SCHEMA' };
      case 'drop_schema':
        for (const name of statement.names) {
          for (const t of this.catalog.dropSchema(name[name.length - 1]!, statement.ifExists, statement.cascade)) {
            this.indexes.dropTable(t.name);
            if (t.managed) await rm(t.location, { recursive: true, force: true });
          }
        }
        return { kind: 'status', tag: 'DROP SCHEMA' };
    }
  }

  /**
   * CACHE TABLE reads every column of the table once through the executor, which
   * fills the decoded-column cache where the scans run (storage/parquet/column-cache.ts);
   * UNCACHE TABLE drops the entries of the table's files; CLEAR CACHE drops all.
   */
  private async cacheStatement(statement: Extract<Statement, { kind: 'cache_table' | 'uncache_table' | 'clear_cache' }>, options: ExecuteOptions): Promise<StatementResult> {
    if (statement.kind === 'clear_cache') {
      clearColumnCache();
      this.executor.clearCaches?.();
      return { kind: 'status', tag: 'CLEAR CACHE' };
    }
    const table = this.catalog.table(statement.name);
    if (!table) {
      if (statement.kind === 'uncache_table' && statement.ifExists) return { kind: 'status', tag: 'UNCACHE TABLE' };
      throw new LochError(SqlState.undefinedTable, `relation "${statement.name.join('.')}" does not exist`);
    }
    if (statement.kind === 'uncache_table') {
      uncacheColumns(/[*?[{]/.test(table.location) ? await expandGlob(table.location) : [table.location]);
      // Workers drop their whole cache: coarser than one table, never stale.
      this.executor.clearCaches?.();
      return { kind: 'status', tag: 'UNCACHE TABLE' };
    }
    if (!statement.lazy) {
      const sql = `SELECT * FROM ${statement.name.map((p) => `"${p.replace(/"/g, '""')}"`).join('.')}`;
      const [query] = parseSql(sql);
      const result = await this.executeStatement(query!.statement, options);
      if (result.kind === 'rows') for await (const _ of result.batches) { /* decoding fills the cache */ }
    }
    return { kind: 'status', tag: 'CACHE TABLE' };
  }

  /** Runs a bound query to completion, yielding its batches (for CTAS and INSERT). */
  private async planAndRun(bound: BoundQuery, ctx: PlanContext, options: ExecuteOptions): Promise<AsyncIterable<Batch>> {
    const logical = optimize(bound.plan, ctx);
    return this.executor.execute(createPhysicalPlan(logical), { signal: options.signal }).batches;
  }

  private newContext(): PlanContext {
    return new PlanContext({ evaluateConstant: this.executor.evaluateConstant, timeZone: this.settings.get('timezone') });
  }

  private async createTable(statement: Extract<Statement, { kind: 'create_table' }>, options: ExecuteOptions): Promise<StatementResult> {
    const format = (statement.format ?? 'delta').toLowerCase();
    const action = this.catalog.checkCreatable(statement.name, statement);
    if (action === 'skip') return { kind: 'status', tag: 'CREATE TABLE' };
    const declared: SourceColumn[] = statement.columns.map((c) => ({ name: c.name, type: parseTypeName(c.type.names, c.type.typmods), nullable: !c.notNull }));
    if (format !== 'delta') {
      if (!statement.location) throw new LochError(SqlState.syntaxError, `CREATE TABLE … USING ${format} needs a LOCATION`);
      if (statement.asQuery) throw new LochError(SqlState.featureNotSupported, `CREATE TABLE … USING ${format} AS SELECT is not supported; use USING delta`);
      await this.catalog.registerTable({ name: statement.name, format, location: statement.location, options: statement.options, columns: declared, managed: false });
      return { kind: 'status', tag: 'CREATE TABLE' };
    }
    const managed = statement.location === null;
    // A temporary table lives in its own folder of the warehouse, removed when the session ends.
    const location = statement.location ?? this.catalog.managedLocation(statement.temporary ? [`__loch_temp_${process.pid}_${Date.now()}_${statement.name[statement.name.length - 1]}`] : statement.name);
    if (action === 'replace') {
      const old = this.catalog.drop('table', statement.name, true);
      if (old?.managed) await rm(old.location, { recursive: true, force: true });
    }
    const exists = await deltaTableExists(location);
    if (exists && (declared.length > 0 || statement.asQuery)) {
      throw new LochError(SqlState.duplicateTable, `a Delta table already exists at "${location}"; register it with CREATE TABLE ${statement.name.join('.')} USING delta LOCATION '…' and no columns`);
    }
    if (!exists && managed && existsSync(location)) await rm(location, { recursive: true, force: true }); // leftovers of a failed CREATE
    let rows = 0;
    if (!exists) {
      if (statement.asQuery) {
        const ctx = this.newContext();
        const source = await this.withRecursive(statement.asQuery);
        const bound = await new QueryBinder(source.catalog, ctx).bindQuery(source.query, null);
        rejectDuplicateNames(bound.columns.map((c) => c.name));
        const schema = withDefaults(bound.columns.map((c) => ({ name: c.name, type: c.type, nullable: true })), statement.columnDefaults);
        await this.checkDefaults(statement.name.join('.'), schema, statement.columnDefaults);
        const txn = await startCreateTable(location, { schema, partitionColumns: statement.partitionedBy, properties: statement.properties, name: statement.name.join('.') });
        await txn.addFiles(countRows(await this.planAndRun(bound, ctx, options), (n) => { rows += n; }));
        await txn.commit();
      } else {
        if (declared.length === 0) throw new LochError(SqlState.syntaxError, `CREATE TABLE ${statement.name.join('.')} needs columns, AS SELECT, or the LOCATION of an existing Delta table`);
        const constraints = Object.fromEntries(statement.checks.map((c) => [c.name, c.expression]));
        if (statement.checks.length > 0) {
          // Compile once now so a broken CHECK fails the CREATE, as in PostgreSQL.
          await compileChecks(new QueryBinder(this.catalog, this.newContext()), statement.name.join('.'), declared, statement.checks, this.executor.rowFunctions);
        }
        const schema = withDefaults(declared.map((c, i) => {
          const generatedAs = statement.columns[i]!.generatedAs;
          return generatedAs !== undefined ? { ...c, generationExpression: generatedAs } : c;
        }), statement.columnDefaults);
        await this.checkDefaults(statement.name.join('.'), declared, statement.columnDefaults);
        if (schema.some((c) => 'generationExpression' in c)) {
          // Bind the expressions once now so a broken one fails the CREATE.
          const binder = new QueryBinder(this.catalog, this.newContext());
          await applyGeneratedColumns(binder, statement.name.join('.'), declared, generatedOf(schema), declared.map((c) => ({ kind: 'literal', value: null, type: c.type })));
        }
        await createTable(location, { schema, partitionColumns: statement.partitionedBy, properties: statement.properties, constraints, name: statement.name.join('.') });
      }
    }
    await this.catalog.registerTable({
      name: statement.name, format: 'delta', location, options: {}, managed,
      ...(statement.temporary ? { temporary: true, ...(statement.uniqueKeys ? { uniqueKeys: statement.uniqueKeys } : {}) } : {}),
    });
    return statement.asQuery ? { kind: 'status', tag: `SELECT ${rows}` } : { kind: 'status', tag: 'CREATE TABLE' };
  }

  /** Binds column DEFAULTs once at CREATE so a broken one (or one that reads a column) fails the statement. */
  private async checkDefaults(table: string, columns: readonly SourceColumn[], defaults: Readonly<Record<string, string>> | undefined): Promise<void> {
    if (!defaults) return;
    await bindColumnDefaults(new QueryBinder(this.catalog, this.newContext()), table, columns, Object.entries(defaults).map(([column, expression]) => ({ column, expression })));
  }

  /** The Delta table `name` for a write, or the PostgreSQL error for a missing or read-only relation. */
  private writableDeltaTable(name: readonly string[], verb: string, location: number): { name: string; location: string } {
    const table = this.catalog.table(name);
    if (!table) throw new LochError(SqlState.undefinedTable, `relation "${name.join('.')}" does not exist`, location >= 0 ? { position: location + 1 } : {});
    if (table.format !== 'delta') throw new LochError(SqlState.featureNotSupported, `cannot ${verb} "${table.name}": it is a ${table.format} table over files; only Delta tables take writes`);
    return table;
  }

  private async deleteOrUpdate(statement: Extract<Statement, { kind: 'delete' | 'update' }>, options: ExecuteOptions): Promise<StatementResult> {
    const verb = statement.kind === 'delete' ? 'DELETE' : 'UPDATE';
    const table = this.writableDeltaTable(statement.table, `${verb} from`, statement.location);
    if (dmlNeedsQuery(statement)) return this.deleteOrUpdateByQuery(statement, table, options);
    const write = await startTableWrite(table.location);
    const { columns, constraints } = write;
    const binder = new QueryBinder(this.catalog, this.newContext());
    let bound = await bindTableDml(binder, table.name, statement.alias, columns, statement.where, statement.kind === 'update' ? statement.set : []);
    if (statement.kind === 'update') {
      const generated = constraints.generated;
      const explicit = generated.find((g) => statement.set.some((s) => s.column === g.column));
      if (explicit) throw generatedColumnError(explicit.column);
      if (generated.length > 0) {
        // Generated columns follow the other new values: bind over the bound columns, then read the new values.
        const newValues = await applyGeneratedColumns(binder, table.name, columns, generated, bound.newValues);
        bound = { ...bound, newValues };
      }
    }
    const rows = this.executor.rowFunctions(bound.columns, bound.where, bound.newValues);
    // Data skipping: only files whose partition values and statistics may hold matching rows are read
    // (and recorded as read, with the predicates, for conflict checks).
    const skipping = dmlScanPredicates(table.name, bound, columns).filter((p): p is ScanPredicate => p !== null);
    const target = skipping.length > 0 ? { ...write, files: write.txn.filesMatching(skipping) } : write;
    let n: number;
    if (statement.kind === 'delete') {
      n = await deleteRows(target, rows, bound.where !== null);
    } else {
      const checks = await compileChecks(new QueryBinder(this.catalog, this.newContext()), table.name, columns, constraints.checks, this.executor.rowFunctions);
      n = await updateRows(target, rows, (batches) => enforceChecks(table.name, checks, batches));
    }
    return { kind: 'status', tag: `${verb} ${n}` };
  }

  /** DELETE/UPDATE with subqueries, USING or FROM: run as a one-clause MERGE (planner/binder/bind-dml-join.ts). */
  private async deleteOrUpdateByQuery(statement: Extract<Statement, { kind: 'delete' | 'update' }>, table: { name: string; location: string }, options: ExecuteOptions): Promise<StatementResult> {
    const verb = statement.kind === 'delete' ? 'DELETE' : 'UPDATE';
    const { txn, files, columns, constraints } = await startTableWrite(table.location);
    const ctx = this.newContext();
    const binder = new QueryBinder(this.catalog, ctx);
    const set = statement.kind === 'update' ? statement.set : [];
    const from = (statement.kind === 'update' ? statement.from : statement.using) ?? [];
    let bound = await bindDmlAsMerge(binder, table.name, statement.alias, columns, mergeTargetScanner(txn, files, columns), statement.where, set, from);
    const generated = constraints.generated;
    if (statement.kind === 'update' && generated.length > 0) {
      const explicit = generated.find((g) => set.some((s) => s.column === g.column));
      if (explicit) throw generatedColumnError(explicit.column);
      bound = { ...bound, clauses: [{ ...bound.clauses[0]!, newRow: await applyGeneratedColumns(binder, table.name, columns, generated, bound.clauses[0]!.newRow) }] };
    }
    const joined = await this.planAndRun({ plan: bound.plan, columns: bound.columns }, ctx, options);
    const outcome = await applyMergeClauses(bound, files, joined, this.executor.rowFunctions);
    if (outcome.affected === 0) return { kind: 'status', tag: `${verb} 0` };
    const checks = await compileChecks(new QueryBinder(this.catalog, this.newContext()), table.name, columns, constraints.checks, this.executor.rowFunctions);
    txn.readFiles(files);
    txn.commitInfo({ operation: verb, operationParameters: { predicate: '[query]' } });
    if (outcome.deletes.length > 0) await txn.deleteRows(outcome.deletes, { changeType: 'delete' });
    if (outcome.updated.length > 0) await txn.addFiles(enforceChecks(table.name, checks, outcome.updated), { changeType: 'update_postimage' });
    await txn.commit();
    return { kind: 'status', tag: `${verb} ${outcome.affected}` };
  }

  private async merge(statement: Extract<Statement, { kind: 'merge' }>, options: ExecuteOptions): Promise<StatementResult> {
    const table = this.writableDeltaTable(statement.target, 'MERGE into', statement.location);
    const { txn, files, columns, constraints } = await startTableWrite(table.location);
    const ctx = this.newContext();
    const binder = new QueryBinder(this.catalog, ctx);
    let bound = await bindMerge(binder, table.name, statement.alias, columns, mergeTargetScanner(txn, files, columns), statement.source, statement.on, statement.clauses);
    const generated = constraints.generated;
    if (generated.length > 0) {
      const clauses = [];
      for (const c of bound.clauses) clauses.push(c.newRow.length > 0 ? { ...c, newRow: await applyGeneratedColumns(binder, table.name, columns, generated, c.newRow) } : c);
      bound = { ...bound, clauses };
    }
    const joined = await this.planAndRun({ plan: bound.plan, columns: bound.columns }, ctx, options);
    const outcome = await applyMergeClauses(bound, files, joined, this.executor.rowFunctions);
    if (outcome.affected === 0) return { kind: 'status', tag: 'MERGE 0' };
    const checks = await compileChecks(new QueryBinder(this.catalog, this.newContext()), table.name, columns, constraints.checks, this.executor.rowFunctions);
    txn.readFiles(files);
    txn.commitInfo({ operation: 'MERGE', operationParameters: { predicate: '[on]', matchedPredicates: JSON.stringify(statement.clauses.map((c) => ({ actionType: c.action.kind }))) } });
    if (outcome.deletes.length > 0) await txn.deleteRows(outcome.deletes, { changeType: 'delete' });
    if (outcome.updated.length > 0) await txn.addFiles(enforceChecks(table.name, checks, outcome.updated), { changeType: 'update_postimage' });
    if (outcome.inserted.length > 0) await txn.addFiles(enforceChecks(table.name, checks, outcome.inserted), { changeType: 'insert' });
    await txn.commit();
    return { kind: 'status', tag: `MERGE ${outcome.affected}` };
  }

  private async insert(statement: Extract<Statement, { kind: 'insert' }>, options: ExecuteOptions): Promise<StatementResult> {
    const target = this.catalog.table(statement.table);
    if (target && FILE_TABLE_FORMATS.has(target.format) && !statement.overwrite) return this.insertIntoFiles(target, statement, options);
    const table = this.writableDeltaTable(statement.table, 'INSERT into', statement.location);
    const write = await startTableWrite(table.location);
    const { txn, constraints } = write;
    const columns = this.autoMergeSchema() ? await this.evolveSchemaForInsert(write, statement) : write.columns;
    const ctx = this.newContext();
    const generated = constraints.generated;
    const source = await this.withRecursive(statement.query);
    const insertBinder = new QueryBinder(source.catalog, ctx);
    const defaults = constraints.defaults && constraints.defaults.length > 0 ? await bindColumnDefaults(insertBinder, table.name, columns, constraints.defaults) : undefined;
    let bound = await bindInsert(insertBinder, source.query, table.name, columns, statement.columns, defaults);
    if (generated.length > 0 && bound.plan.kind === 'project') {
      const width = outputColumns(bound.plan.input).length;
      const named = statement.columns.length > 0 ? statement.columns : columns.slice(0, width).map((c) => c.name);
      const explicit = generated.find((g) => named.includes(g.column));
      if (explicit) throw generatedColumnError(explicit.column);
      const exprs = await applyGeneratedColumns(insertBinder, table.name, columns, generated, bound.plan.exprs);
      bound = { ...bound, plan: { ...bound.plan, exprs } };
    }
    let rowsMustMatch: RowFunctions | null = null;
    if (statement.replaceWhere) {
      const dml = await bindTableDml(new QueryBinder(this.catalog, this.newContext()), table.name, null, columns, statement.replaceWhere, []);
      txn.overwrite(partitionPredicates(table.name, dml, columns));
      // Every written row must fall inside the replaced range, as Delta's replaceWhere requires.
      rowsMustMatch = this.executor.rowFunctions(dml.columns, { kind: 'call', fn: 'not', args: [{ kind: 'call', fn: 'coalesce', args: [dml.where!, { kind: 'literal', value: false, type: T.boolean }], type: T.boolean }], type: T.boolean }, []);
    } else if (statement.overwrite) {
      txn.overwrite();
    }
    txn.commitInfo({ operation: 'WRITE', operationParameters: { mode: statement.overwrite ? 'Overwrite' : 'Append', partitionBy: JSON.stringify(txn.metadata.partitionColumns) } });
    const checks = await compileChecks(new QueryBinder(this.catalog, this.newContext()), table.name, columns, constraints.checks, this.executor.rowFunctions);
    let rows = 0;
    const written = enforceChecks(table.name, checks, countRows(await this.planAndRun(bound, ctx, options), (n) => { rows += n; }));
    await txn.addFiles(rowsMustMatch ? insideReplaceWhere(table.name, rowsMustMatch, written) : written);
    await txn.commit();
    return { kind: 'status', tag: `INSERT 0 ${rows}` };
  }

  /**
   * INSERT into a parquet/csv/json table whose LOCATION is a folder (DataFusion's listing
   * tables): the rows go to one new file in the folder. A table over one file refuses.
   */
  private async insertIntoFiles(table: { name: string; format: string; location: string; options: Readonly<Record<string, string>> }, statement: Extract<Statement, { kind: 'insert' }>, options: ExecuteOptions): Promise<StatementResult> {
    const folder = table.location.endsWith('/') || (existsSync(table.location) && statSync(table.location).isDirectory());
    if (!folder) {
      throw new LochError(SqlState.featureNotSupported, `cannot INSERT into "${table.name}": its LOCATION "${table.location}" is one file; a ${table.format} table takes INSERT when its LOCATION is a folder (ending in /)`);
    }
    const columns = (await this.catalog.describe([table.name]))!;
    const ctx = this.newContext();
    const source = await this.withRecursive(statement.query);
    const bound = await bindInsert(new QueryBinder(source.catalog, ctx), source.query, table.name, columns, statement.columns);
    const fields = columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
    const folderPath = table.location.endsWith('/') ? table.location : `${table.location}/`;
    const rows = await writeRows(folderPath, table.format, table.options, fields, await this.planAndRun(bound, ctx, options));
    this.catalog.refresh([table.name]);
    return { kind: 'status', tag: `INSERT 0 ${rows}` };
  }

  /** Delta's schema evolution on write, enabled per session as on Databricks. */
  private autoMergeSchema(): boolean {
    const v = this.settings.get('spark.databricks.delta.schema.automerge.enabled');
    return v !== undefined && /^(true|on|1)$/i.test(v);
  }

  /**
   * INSERT with schema evolution: columns the query brings that the table lacks are
   * added (nullable, at the end) in the same commit as the rows. With a column list
   * the unknown names are the new columns; without one, the query's columns beyond
   * the table's width are, named as the query names them.
   */
  private async evolveSchemaForInsert(write: TableWrite, statement: Extract<Statement, { kind: 'insert' }>): Promise<readonly SourceColumn[]> {
    const probe = await new QueryBinder(this.catalog, this.newContext()).bindQuery(statement.query, null);
    const known = new Set(write.columns.map((c) => c.name.toLowerCase()));
    const added: SourceColumn[] = [];
    if (statement.columns.length > 0) {
      statement.columns.forEach((name, i) => {
        const c = probe.columns[i];
        if (c !== undefined && !known.has(name.toLowerCase())) added.push({ name, type: c.type, nullable: true });
      });
    } else {
      for (const c of probe.columns.slice(write.columns.length)) {
        if (c.name === '?column?' || known.has(c.name.toLowerCase())) {
          throw new LochError(SqlState.syntaxError, `INSERT has more expressions than target columns, and the extra column "${c.name}" cannot become a new column`, { hint: 'Name it with AS, or list the target columns.' });
        }
        known.add(c.name.toLowerCase());
        added.push({ name: c.name, type: c.type, nullable: true });
      }
    }
    if (added.length === 0 || !mergeSchema(write.txn, added)) return write.columns;
    return write.txn.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
  }

  private async explain(statement: Extract<Statement, { kind: 'explain' }>, options: ExecuteOptions): Promise<StatementResult> {
    const inner = statement.statement;
    if (inner.kind !== 'query') throw new LochError(SqlState.featureNotSupported, 'EXPLAIN supports queries only');
    const lines: string[] = [];
    const trace = statement.verbose
      ? (rule: string, plan: LogicalPlan) => { lines.push(`-- after ${rule}`, ...explainLogical(plan).split('\n')); }
      : undefined;
    const { logical } = await this.planQuery(inner, trace);
    const physical = createPhysicalPlan(logical);
    if (statement.analyze) {
      const handle = this.executor.execute(physical, { signal: options.signal });
      for await (const _batch of handle.batches) { /* drain: EXPLAIN ANALYZE runs the query */ }
      lines.push(...handle.explainAnalyze().split('\n'));
    } else {
      lines.push('Logical plan:', ...indent(explainLogical(logical)), 'Physical plan:', ...indent(explainPhysical(physical)));
      // The stages the cluster runs (issue 4), with its distribution settings; the embedded engine runs the single-process plan above.
      const stages = await (this.executor.planStages?.(physical) ?? planStages(physical));
      lines.push('Distributed plan:', ...indent(explainStages(stages)));
    }
    return textRows(['QUERY PLAN'], lines.map((l) => [l]));
  }
}

function generatedOf(schema: readonly { name: string; generationExpression?: string }[]): { column: string; expression: string }[] {
  return schema.flatMap((c) => (c.generationExpression !== undefined ? [{ column: c.name, expression: c.generationExpression }] : []));
}

/** PostgreSQL's error for writing a generated column. */
function generatedColumnError(column: string): LochError {
  return new LochError('428C9', `cannot insert a non-DEFAULT value into column "${column}"`, { detail: `Column "${column}" is a generated column.` });
}

/** The conjuncts of a DELETE/UPDATE/REPLACE WHERE as scan predicates on the table's columns (null where one is not). */
function dmlScanPredicates(table: string, dml: BoundTableDml, columns: readonly SourceColumn[]): (ScanPredicate | null)[] {
  if (dml.where === null) return [];
  const scan: Extract<LogicalPlan, { kind: 'scan' }> = {
    kind: 'scan', tableName: table, pushedPredicates: [],
    source: { columns, statistics: async () => ({}), scan: async function* () { /* never scanned */ } },
    columns: dml.columns.map((c, i) => ({ ...c, sourceIndex: i })),
  };
  return splitConjuncts(dml.where).map((conjunct) => toScanPredicate(conjunct, scan));
}

/** REPLACE WHERE: the conjuncts as partition predicates (0A000 for anything else). */
function partitionPredicates(table: string, dml: BoundTableDml, columns: readonly SourceColumn[]): ScanPredicate[] {
  return dmlScanPredicates(table, dml, columns).map((p) => {
    if (!p) throw new LochError(SqlState.featureNotSupported, `REPLACE WHERE on table "${table}" supports comparisons of partition columns with constants, combined with AND`);
    return p;
  });
}

/** Fails (44000) when a row written by INSERT … REPLACE WHERE lies outside the predicate. */
async function* insideReplaceWhere(table: string, outside: RowFunctions, batches: AsyncIterable<Batch>): AsyncIterable<Batch> {
  for await (const b of batches) {
    if (outside.select(b).length > 0) throw new LochError('44000', `a row written to "${table}" does not satisfy the REPLACE WHERE predicate`);
    yield b;
  }
}

/** Passes batches through, reporting how many rows went by (INSERT's row count). */
async function* countRows(batches: AsyncIterable<Batch>, add: (n: number) => void): AsyncIterable<Batch> {
  for await (const b of batches) {
    add(b.length);
    yield b;
  }
}

/** True when `location` holds a Delta table (a `_delta_log` with at least one commit). */
async function deltaTableExists(location: string): Promise<boolean> {
  try {
    await loadSnapshot(deltaLocation(location));
    return true;
  } catch (e) {
    if (e instanceof LochError && e.sqlState === SqlState.undefinedTable) return false;
    throw e;
  }
}

function indent(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0).map((l) => `  ${l}`);
}

/** A small text result (EXPLAIN, SHOW, DESCRIBE) as one batch of Utf8 columns. */
const FILE_TABLE_FORMATS = new Set(['parquet', 'csv', 'json']);

/** A table or view made from a query may not have two columns of one name (PostgreSQL 42701). */
function rejectDuplicateNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new LochError(SqlState.duplicateColumn, `column "${n}" specified more than once`);
    seen.add(n);
  }
}

/** Column specs with their DEFAULT text in the field metadata (Delta's `CURRENT_DEFAULT`). */
function withDefaults<C extends { name: string; metadata?: Readonly<Record<string, unknown>> }>(columns: readonly C[], defaults: Readonly<Record<string, string>> | undefined): C[] {
  if (!defaults) return [...columns];
  return columns.map((c) => (defaults[c.name] !== undefined ? { ...c, metadata: { ...(c.metadata ?? {}), CURRENT_DEFAULT: defaults[c.name] } } : c));
}

/** DataFusion's answer to COPY: one row, one BIGINT column `count`. */
function countResult(rows: number): StatementResult {
  const batch = new Batch([columnFromValues(T.int64, [BigInt(rows)])], 1);
  return { kind: 'rows', fields: [{ name: 'count', type: T.int64, nullable: false }], batches: (async function* () { yield batch; })() };
}

function textRows(names: readonly string[], rows: readonly (readonly string[])[]): StatementResult {
  const fields: BatchField[] = names.map((name) => ({ name, type: T.text as DataType, nullable: false }));
  const columns = names.map((_n, c) => columnFromValues(T.text, rows.map((r) => r[c] ?? '')));
  const batch = new Batch(columns, rows.length);
  return { kind: 'rows', fields, batches: (async function* () { yield batch; })() };
}

function shiftPosition(e: LochError, offset: number): LochError {
  if (e.position === undefined || offset === 0) return e;
  return new LochError(e.sqlState, e.message, { position: e.position + offset, hint: e.hint, detail: e.detail });
}
