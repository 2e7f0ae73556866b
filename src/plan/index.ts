export { loadPlan, parsePlan, readPlanFile, type Env } from './load.js';
export { interpolate, interpolateString, runtimeVariables, BUILTIN_VARIABLES } from './interpolate.js';
export { parseDuration, parseRate, parsePercent, parseThreshold, parseRegression, METRICS, LATENCY_METRICS } from './units.js';
export { PLAN_DEFAULTS } from './validate.js';
export { STAGE_DEFAULTS } from './check-stages.js';
export type * from './types.js';
