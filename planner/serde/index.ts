/** planner/serde: physical stage plans, logical plans and expressions ↔ proto (exact literals; scans as table source descriptors). */
export { tableSourcesIn, type PlanDecodeOptions, type PlanEncodeOptions } from './serde-options.ts';
export {
  dataTypeFromProto, dataTypeToProto, literalFromProto, literalToProto, tableSourceFromProto, tableSourceToProto,
} from './value-serde.ts';
export { exprFromProto, exprToProto, aggregateFromProto, aggregateToProto } from './expr-serde.ts';
export { logicalPlanFromProto, logicalPlanToProto } from './logical-serde.ts';
export {
  decodePhysicalPlan, decodeStagePlan, encodePhysicalPlan, encodeStagePlan, physicalPlanFromProto, physicalPlanToProto,
  stagePlanFromProto, stagePlanToProto, type DecodedStagePlan,
} from './physical-serde.ts';
