/**
 * client/: the TypeScript DataFrame API (issue 5). Other folders import only this file;
 * applications import `loch/client` (cli/client-entry.ts), which also registers the
 * embedded engine for `Loch.embedded()`.
 */
export { Loch } from './session.ts';
export { DataFrame, type ActionOptions, type ExplainMode } from './dataframe.ts';
export { GroupedData } from './grouped-data.ts';
export { Column, col, column, expr, lit, type ColumnExpr, type ColumnOrLiteral, type LiteralInput, type SqlSource } from './column.ts';
export { F, type ColumnLike, type DatePart } from './functions.ts';
export { Window, WindowSpec, type WindowFrame } from './window.ts';
export { DataFrameReader, type CsvOptions, type DeltaOptions } from './reader.ts';
export { DataFrameWriter, type SaveMode } from './writer.ts';
export { DataStreamReader, DataStreamWriter, type Trigger } from './streaming.ts';
export { GrpcTransport, CONNECTION_FAILURE, CONNECTION_REFUSED, type GrpcTransportOptions } from './grpc-transport.ts';
export { registerEmbeddedTransport, type EmbeddedOptions, type EmbeddedTransportFactory, type LochTransport, type TransportExecuteOptions, type TransportResult } from './transport.ts';
export type { RowObject, RowValue } from './row-values.ts';
export type { InputRow } from './local-data.ts';
export type { JoinType, PlanNode } from './plan.ts';
export { LochError, SqlState } from '../core/index.ts';
