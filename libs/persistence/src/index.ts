export * from './data-source.js';
export * from './outbox/outbox.js';
export * from './reference/dataset-version.entity.js';
export * from './schema-drift.js';
export * from './embedded/embedded-database.js';
