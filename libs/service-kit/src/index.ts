export * from './config.js';
export * from './database.js';
export * from './health.controller.js';
export * from './health.module.js';
export * from './readiness.js';
export * from './service.js';
export * from './outbox-relay.provider.js';
export * from './authorize.js';
