import { UNPAIRED_SURROGATE } from '@cp/contracts';

/** What an audit entry keeps of a caller's arguments: no secrets, nothing unbounded. */
const SECRET_NAME = /secret|token|password|passphrase|authorization|api[-_]?key|credential/i;
const MAX_STRING = 256;
const MAX_ITEMS = 20;
const MAX_DEPTH = 6;

export function auditDetail(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') {
    // jsonb takes neither NUL nor unpaired surrogates: keep what was sent, visibly replaced.
    const text = value.replaceAll('\u0000', '\uFFFD').replace(new RegExp(UNPAIRED_SURROGATE, 'g'), '\uFFFD');
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length} characters)` : text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => auditDetail(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, 100)) {
      out[key] = SECRET_NAME.test(key) ? '[redacted]' : auditDetail(item, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** Ids in a result worth finding the entry by: the result's own and those one level down. */
export function auditTargets(result: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 1) return;
    if (Array.isArray(node)) return void node.slice(0, MAX_ITEMS).forEach((item) => visit(item, depth));
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string') ids.add(record.id);
    for (const value of Object.values(record)) visit(value, depth + 1);
  };
  visit(result, 0);
  return [...ids].slice(0, MAX_ITEMS);
}
