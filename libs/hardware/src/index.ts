export * from './precision.js';
export * from './hardware.error.js';
export * from './total-processing-performance.js';
export * from './performance-density.js';
export * from './memory-bandwidth.js';
export * from './accelerator-spec.js';
export * from './nearest-precision.js';
