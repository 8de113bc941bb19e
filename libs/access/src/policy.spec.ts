import { describe, expect, it } from '@jest/globals';
import { Role } from '@cp/contracts';
import { COMMAND_ACCESS, commandRefusal, decideAccess, GATEWAY_ACCESS, PUBLIC, SIGNED_IN } from './policy.js';

const actor = (...roles: Role[]) => ({ id: `actor-${roles.join('+') || 'none'}`, roles });

describe('decideAccess', () => {
  it('lets anyone ask who they are, and nobody use an operation the table does not name', () => {
    expect(decideAccess('Query.me', null)).toEqual({ allowed: true, ownRecordsOnly: false });
    expect(decideAccess('Mutation.dropEverything', actor('admin'))).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });

  it('asks for credentials before roles', () => {
    expect(decideAccess('Query.sites', null)).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
    expect(decideAccess('Query.sites', actor())).toEqual({ allowed: true, ownRecordsOnly: false });
  });

  it('keeps the ledger for finance and admin, naming the roles it needs', () => {
    expect(decideAccess('Query.ledgerEntries', actor('finance'))).toMatchObject({ allowed: true });
    expect(decideAccess('Query.ledgerEntries', actor('admin'))).toMatchObject({ allowed: true });
    const denied = decideAccess('Query.ledgerEntries', actor('planner', 'pipeline'));
    expect(denied).toEqual({ allowed: false, code: 'FORBIDDEN', reason: 'Query.ledgerEntries needs one of the roles finance (or admin); the caller has planner, pipeline' });
  });

  it('restricts a pipeline to its own records unless another role lifts it', () => {
    expect(decideAccess('Query.workloadRequests', actor('pipeline'))).toEqual({ allowed: true, ownRecordsOnly: true });
    expect(decideAccess('Query.workloadRequests', actor('pipeline', 'planner'))).toEqual({ allowed: true, ownRecordsOnly: false });
    expect(decideAccess('Query.workloadRequests', actor('admin'))).toEqual({ allowed: true, ownRecordsOnly: false });
  });

  it('lists only known roles, and own-records roles among the audience', () => {
    for (const [key, entry] of Object.entries(GATEWAY_ACCESS)) {
      if (entry.audience === PUBLIC || entry.audience === SIGNED_IN) continue;
      for (const role of entry.audience) expect(Role.options).toContain(role);
      for (const role of entry.ownRecordsOnly ?? []) expect({ key, included: entry.audience.includes(role) }).toEqual({ key, included: true });
    }
  });
});

describe('commandRefusal', () => {
  it('refuses a publishRulePack from a planner and lets compliance admins and admins through', () => {
    expect(commandRefusal('compliance.admin', 'publishRulePack', actor('planner'))).toBe('publishRulePack needs one of the roles compliance-admin (or admin); actor-planner has planner');
    expect(commandRefusal('compliance.admin', 'publishRulePack', actor('compliance-admin'))).toBeNull();
    expect(commandRefusal('compliance.admin', 'publishRulePack', actor('admin'))).toBeNull();
  });

  it('leaves commands it does not list (reads) alone', () => {
    expect(commandRefusal('compliance.admin', 'listRulePacks', actor())).toBeNull();
  });

  it('names every state-changing command with at least one role', () => {
    for (const roles of Object.values(COMMAND_ACCESS)) expect(roles.length).toBeGreaterThan(0);
  });
});
