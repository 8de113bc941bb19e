export * from './database.js';
export * from './environment.js';
export * from './kafka.js';
export * from './wait.js';
export * from './counting-bus.js';
