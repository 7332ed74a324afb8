/**
 * planner/functions: PostgreSQL's type rules for operators, functions, casts and
 * aggregates. Resolution yields Calls named after the kernels that implement
 * them (worker/expr), with arguments already cast.
 */
export { parseTypeName, UNCONSTRAINED_NUMERIC } from './type-names.ts';
export { negativeNumericScale, roundToNegativeScale } from './numeric-typmod.ts';
export { castExpr, commonSupertype, commonSupertypeOfExprs, unifyTypes, isUnknownLiteral, integerAsDecimal } from './casts.ts';
export { resolveOperator } from './operators.ts';
export { tryCastExpr, isDataException } from './try-cast.ts';
export {
  resolveArrayConstructor, resolveStructConstructor, resolveSubscript, resolveSlice, resolveFieldAccess, noSuchField,
  resolveArrayComparison, resolveNestedFunction,
} from './array-functions.ts';
export { resolveFunction, isVolatile } from './scalar-functions.ts';
export { numberAsTimestampUnits, withTemporalPrecision } from './datetime-functions.ts';
export { javaPatternToTemplate } from './spark-datetime-functions.ts';
export {
  resolveAggregate, resolveOrderedAggregate, aggregateOrder, distinctArgument, isOrderedAggregate, isAggregateName, isPercentileName, AVG_MIN_SCALE,
  type ResolvedAggregate, type AggregateOrder, type AggregateOrderKey,
} from './aggregates.ts';
