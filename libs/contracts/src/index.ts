export * from './contract.js';
export * from './topics.js';
export * from './envelope.js';
export * from './common/pagination.js';
export * from './common/reference.js';
export * from './inventory/site.v1.js';
export * from './inventory/list-sites.v1.js';
export * from './inventory/catalog-published.v1.js';
