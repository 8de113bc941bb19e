export * from './recommend/index.js';
export * from './portfolio/index.js';
export * from './lead-time.js';
export * from './monthly-spend.js';
