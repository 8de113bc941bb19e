import type { Actor, Role } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';

/** The owning service checks roles again: the gateway is not the only thing that can send. */
export function requireRole(actor: Actor, allowed: readonly Role[], action: string): void {
  if (actor.roles.includes('admin') || actor.roles.some((role) => allowed.includes(role))) return;
  throw new HandlerError('FORBIDDEN', `${action} needs one of the roles ${allowed.join(', ')}`);
}
