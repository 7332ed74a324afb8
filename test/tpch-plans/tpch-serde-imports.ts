/** What the serde round-trip test needs from planner/ and proto/ (through their index files). */
export {
  createPhysicalPlan, decodeStagePlan, encodeStagePlan, explainLogical, explainStages, logicalPlanFromProto, logicalPlanToProto, parseSql,
} from '../../planner/index.ts';
export { encodeMessage, decodeMessage } from '../../proto/index.ts';
