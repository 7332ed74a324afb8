/** Window function calls ↔ proto WindowFunctionCall (shared by LogicalWindow and WindowExec). */
import type { loch } from '../../proto/index.ts';
import type { FrameBound, WindowFrame, WindowFunctionCall } from '../logical/window-function.ts';
import { exprFromProto, exprToProto, optionalExprFromProto } from './expr-serde.ts';
import type { PlanDecodeOptions, PlanEncodeOptions } from './serde-options.ts';
import { dataTypeFromProto, dataTypeToProto, malformedPlan } from './value-serde.ts';

const BOUNDS = new Set(['unbounded_preceding', 'preceding', 'current_row', 'following', 'unbounded_following']);
const MODES = new Set(['rows', 'range', 'groups']);
const EXCLUDES = new Set(['no_others', 'current_row', 'group', 'ties']);

function boundToProto(b: FrameBound, options: PlanEncodeOptions): loch.v1.WindowFrameBound.$Properties {
  return { kind: b.kind, ...(b.offset ? { offset: exprToProto(b.offset, options) } : {}) };
}

function boundFromProto(m: loch.v1.WindowFrameBound.$Properties | null | undefined, options: PlanDecodeOptions): FrameBound {
  const kind = m?.kind ?? '';
  if (!BOUNDS.has(kind)) throw malformedPlan(`window frame bound "${kind}"`);
  return { kind: kind as FrameBound['kind'], offset: optionalExprFromProto(m?.offset, options) };
}

/** A window function call as proto WindowFunctionCall. */
export function windowCallToProto(c: WindowFunctionCall, options: PlanEncodeOptions = {}): loch.v1.WindowFunctionCall.$Properties {
  return {
    fn: c.fn, args: c.args.map((a) => exprToProto(a, options)), ...(c.filter ? { filter: exprToProto(c.filter, options) } : {}),
    frame: { mode: c.frame.mode, start: boundToProto(c.frame.start, options), end: boundToProto(c.frame.end, options), exclude: c.frame.exclude },
    type: dataTypeToProto(c.type), ...(c.ignoreNulls ? { ignoreNulls: true } : {}), ...(c.distinct ? { distinct: true } : {}),
  };
}

/** A proto WindowFunctionCall back to a call. */
export function windowCallFromProto(m: loch.v1.WindowFunctionCall.$Properties, options: PlanDecodeOptions): WindowFunctionCall {
  const f = m.frame;
  const mode = f?.mode ?? '';
  const exclude = f?.exclude ?? '';
  if (!MODES.has(mode) || !EXCLUDES.has(exclude)) throw malformedPlan(`window frame ${mode} exclude ${exclude}`);
  const frame: WindowFrame = {
    mode: mode as WindowFrame['mode'], start: boundFromProto(f?.start, options), end: boundFromProto(f?.end, options), exclude: exclude as WindowFrame['exclude'],
  };
  return {
    fn: m.fn ?? '', args: (m.args ?? []).map((a) => exprFromProto(a, options)), filter: optionalExprFromProto(m.filter, options),
    frame, type: dataTypeFromProto(m.type), ...(m.ignoreNulls ? { ignoreNulls: true } : {}), ...(m.distinct ? { distinct: true } : {}),
  };
}
