export * from './metrics.js';
export * from './tracing.js';
export * from './logging.js';
