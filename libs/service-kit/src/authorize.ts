import { commandRefusal } from '@cp/access';
import type { Actor, RequestContract, Role } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';

/** The owning service checks roles again: the gateway is not the only thing that can send. */
export function requireRole(actor: Actor, allowed: readonly Role[], action: string): void {
  if (actor.roles.includes('admin') || actor.roles.some((role) => allowed.includes(role))) return;
  throw new HandlerError('FORBIDDEN', `${action} needs one of the roles ${allowed.join(', ')}; ${actor.id} has ${actor.roles.join(', ') || 'none'}`);
}

/**
 * Refuses a state-changing command whose actor lacks the roles `COMMAND_ACCESS` gives it
 * (libs/access), before anything is read or written. Commands without an actor are reads.
 */
export function authorizeCommand(contract: RequestContract, message: { readonly command: string; readonly actor?: Actor }): void {
  if (!message.actor) return;
  const refusal = commandRefusal(contract.topic.name, message.command, message.actor);
  if (refusal) throw new HandlerError('FORBIDDEN', refusal);
}
