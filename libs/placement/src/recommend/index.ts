export { recommendPlacement, MAX_ALTERNATIVES } from './recommend-placement.js';
export { estimateRttMs, greatCircleKm, LATENCY_MODEL } from './latency.js';
export { riskOf, RISK_MODEL } from './risk.js';
export { SCORING_MODEL } from './scoring.js';
export { RecommendError, type RecommendErrorCode } from './recommend.error.js';
export * from './recommend.types.js';
