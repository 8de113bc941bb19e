export const COST_SCHEMA = 'cost';
export const OUTBOX_RELAY = Symbol('COST_OUTBOX_RELAY');
