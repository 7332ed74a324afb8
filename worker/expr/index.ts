/** worker/expr: vectorized evaluation of bound expressions (planner/expr.ts). */
export { compileExpr, compilePredicate, evaluateConstant, type CompiledExpr, type CompiledPredicate } from './compile.ts';
