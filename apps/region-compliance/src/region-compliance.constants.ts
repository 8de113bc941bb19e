export const COMPLIANCE_SCHEMA = 'compliance';
export const OUTBOX_RELAY = Symbol('COMPLIANCE_OUTBOX_RELAY');
