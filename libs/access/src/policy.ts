import type { Actor, Role } from '@cp/contracts';

/** Anyone, signed in or not (only `me`, so a console can tell whether its key works). */
export const PUBLIC = 'public';
/** Any signed-in caller, whatever its roles: the catalog and published reference data. */
export const SIGNED_IN = 'signed-in';

export type Audience = typeof PUBLIC | typeof SIGNED_IN | readonly Role[];

export interface OperationAccess {
  readonly audience: Audience;
  /**
   * Callers whose only claim is one of these roles see their own records only (a pipeline
   * reads the requests and recommendations it made, not everyone's); resolvers apply it.
   */
  readonly ownRecordsOnly?: readonly Role[];
  /** Why the line is drawn where it is; shown in the README's access table. */
  readonly why: string;
}

const PLANNING: readonly Role[] = ['planner'];
const FINANCE: readonly Role[] = ['finance'];

/**
 * Every root operation of the public GraphQL API (`Query.x`, `Mutation.x`, `Subscription.x`),
 * every sensitive field (`Type.field`) and every HTTP route that serves data (`GET /path`). The role-matrix test checks that the schema has no
 * root operation missing here and that each is enforced as written.
 */
export const GATEWAY_ACCESS: Readonly<Record<string, OperationAccess>> = {
  'Query.me': { audience: PUBLIC, why: 'tells a caller whether its credentials work and which roles they carry' },

  'Query.sites': { audience: SIGNED_IN, why: 'catalog data every role plans or reports against' },
  'Query.site': { audience: SIGNED_IN, why: 'catalog data' },
  'Query.accelerators': { audience: SIGNED_IN, why: 'catalog data' },
  'Query.accelerator': { audience: SIGNED_IN, why: 'catalog data' },
  'Query.capacityPools': { audience: SIGNED_IN, why: 'capacity is shared planning data; contract prices are guarded per field' },
  'Query.referenceData': { audience: SIGNED_IN, why: 'which data versions are in force is needed to read any answer' },
  'Query.legalEntities': { audience: SIGNED_IN, why: 'every workload names its legal entity' },
  'Query.rulePacks': { audience: SIGNED_IN, why: 'published rules explain every verdict' },
  'Query.rulePack': { audience: SIGNED_IN, why: 'published rules explain every verdict' },
  'Query.costDatasets': { audience: SIGNED_IN, why: 'published price books and FX tables explain every estimate' },
  'Query.costDataset': { audience: SIGNED_IN, why: 'published price books and FX tables explain every estimate' },

  'Query.complianceCheck': { audience: ['planner', 'pipeline', 'compliance-admin'], why: 'placement checks are part of planning and of rule administration' },
  'Query.whatIfRulePack': { audience: ['compliance-admin', 'planner'], why: 'drafting rules and seeing their effect on tracked placements' },
  'Query.estimateCost': { audience: ['planner', 'finance', 'pipeline'], why: 'estimates feed plans, budgets and automated requests' },
  'Query.costReport': { audience: FINANCE, why: 'spend by cost centre is finance data' },
  'Query.ledgerEntries': { audience: FINANCE, why: 'the cost ledger is finance data' },
  'Query.budgets': { audience: ['finance', 'planner'], why: 'planners plan within the budgets finance sets' },
  'Query.recommendation': { audience: ['planner', 'pipeline'], ownRecordsOnly: ['pipeline'], why: 'pipelines read their own results only' },
  'Query.replayRecommendation': { audience: ['planner', 'pipeline'], ownRecordsOnly: ['pipeline'], why: 'pipelines read their own results only' },
  'Query.acceptedPlan': { audience: ['planner', 'finance'], why: 'accepted plans commit capacity and spend' },
  'Query.placementAlerts': { audience: ['planner', 'compliance-admin'], why: 'placements a newer rule pack made worse' },
  'Query.portfolioPlan': { audience: PLANNING, why: 'portfolio plans are planning work' },
  'Query.workloadRequest': { audience: ['pipeline', 'planner'], ownRecordsOnly: ['pipeline'], why: 'pipelines read their own results only' },
  'Query.workloadRequests': { audience: ['pipeline', 'planner'], ownRecordsOnly: ['pipeline'], why: 'pipelines read their own results only' },
  'Query.auditLog': { audience: ['admin'], why: 'who did what is for administrators' },
  'Query.apiKeys': { audience: ['admin'], why: 'credentials are administered by administrators' },

  'Mutation.recommendPlacement': { audience: ['planner', 'pipeline'], why: 'planners and pipelines ask where workloads go' },
  'Mutation.submitWorkloadRequest': { audience: ['pipeline', 'planner'], why: 'the HTTP door of the pipeline intake' },
  'Mutation.acceptPlan': { audience: PLANNING, why: 'accepting holds capacity and commits spend' },
  'Mutation.planPortfolio': { audience: PLANNING, why: 'portfolio plans are planning work' },
  'Mutation.reserveCapacity': { audience: ['planner', 'pipeline', 'inventory-admin'], why: 'holding capacity for a placement' },
  'Mutation.confirmReservation': { audience: ['planner', 'pipeline', 'inventory-admin'], why: 'holding capacity for a placement' },
  'Mutation.releaseReservation': { audience: ['planner', 'pipeline', 'inventory-admin'], why: 'holding capacity for a placement' },
  'Mutation.upsertSite': { audience: ['inventory-admin'], why: 'the catalog is kept by inventory administrators' },
  'Mutation.upsertAccelerator': { audience: ['inventory-admin'], why: 'the catalog is kept by inventory administrators' },
  'Mutation.createCapacityPool': { audience: ['inventory-admin'], why: 'the catalog is kept by inventory administrators' },
  'Mutation.updateCapacityPool': { audience: ['inventory-admin'], why: 'the catalog is kept by inventory administrators' },
  'Mutation.adjustPoolCapacity': { audience: ['inventory-admin'], why: 'the catalog is kept by inventory administrators' },
  'Mutation.publishRulePack': { audience: ['compliance-admin'], why: 'only compliance administrators publish rules' },
  'Mutation.upsertLegalEntity': { audience: ['compliance-admin'], why: 'ownership chains decide which rules apply' },
  'Mutation.deleteLegalEntity': { audience: ['compliance-admin'], why: 'ownership chains decide which rules apply' },
  'Mutation.publishCostDataset': { audience: FINANCE, why: 'price books and FX tables are kept by finance' },
  'Mutation.setBudget': { audience: FINANCE, why: 'budgets are set by finance' },
  'Mutation.commitSpend': { audience: ['planner', 'finance'], why: 'committed spend of an accepted plan' },
  'Mutation.recordUsage': { audience: ['finance', 'pipeline'], why: 'actual usage comes from billing and from pipelines' },
  'Mutation.createApiKey': { audience: ['admin'], why: 'credentials are administered by administrators' },
  'Mutation.revokeApiKey': { audience: ['admin'], why: 'credentials are administered by administrators' },

  'Subscription.workloadRequestChanged': { audience: ['pipeline', 'planner'], ownRecordsOnly: ['pipeline'], why: 'pipelines follow their own requests only' },

  'GET /exports/cost-ledger': { audience: FINANCE, why: 'the cost ledger is finance data' },

  'CapacityPool.price': { audience: ['planner', 'finance', 'inventory-admin'], why: 'negotiated contract prices are commercially sensitive' },
};

/**
 * State-changing commands the services accept over the bus, by contract name and command,
 * with the roles that may send them. Services refuse the rest with FORBIDDEN, so a message
 * that did not come through the gateway gets no further than one that did.
 */
export const COMMAND_ACCESS: Readonly<Record<string, readonly Role[]>> = {
  'inventory.admin.upsertSite': ['inventory-admin'],
  'inventory.admin.upsertAccelerator': ['inventory-admin'],
  'inventory.admin.createPool': ['inventory-admin'],
  'inventory.admin.updatePool': ['inventory-admin'],
  'inventory.admin.adjustCapacity': ['inventory-admin'],
  'inventory.reservations.reserve': ['planner', 'pipeline', 'inventory-admin'],
  'inventory.reservations.confirm': ['planner', 'pipeline', 'inventory-admin'],
  'inventory.reservations.release': ['planner', 'pipeline', 'inventory-admin'],
  'compliance.admin.publishRulePack': ['compliance-admin'],
  'compliance.admin.upsertLegalEntity': ['compliance-admin'],
  'compliance.admin.deleteLegalEntity': ['compliance-admin'],
  'cost.admin.publish': ['finance'],
  'cost.ledger.record': ['planner', 'finance', 'pipeline'],
  'cost.ledger.setBudget': ['finance'],
};

export type AccessDecision =
  | { readonly allowed: true; readonly ownRecordsOnly: boolean }
  | { readonly allowed: false; readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN'; readonly reason: string };

/** Whether `actor` (null: no credentials) may use the operation or field `key`; unknown keys are refused. */
export function decideAccess(key: string, actor: Actor | null, table: Readonly<Record<string, OperationAccess>> = GATEWAY_ACCESS): AccessDecision {
  const entry = table[key];
  if (!entry) return { allowed: false, code: 'FORBIDDEN', reason: `${key} has no access rule, so nobody may use it` };
  if (entry.audience === PUBLIC) return { allowed: true, ownRecordsOnly: false };
  if (!actor) return { allowed: false, code: 'UNAUTHENTICATED', reason: `${key} needs credentials: send Authorization: Bearer <API key or token>` };
  if (entry.audience === SIGNED_IN || actor.roles.includes('admin')) return { allowed: true, ownRecordsOnly: false };
  if (!actor.roles.some((role) => entry.audience.includes(role))) {
    return { allowed: false, code: 'FORBIDDEN', reason: `${key} needs one of the roles ${entry.audience.join(', ')} (or admin); the caller has ${actor.roles.join(', ') || 'none'}` };
  }
  const own = entry.ownRecordsOnly ?? [];
  // Restricted only when every role that grants access is an own-records-only one.
  const unrestricted = actor.roles.some((role) => entry.audience.includes(role) && !own.includes(role));
  return { allowed: true, ownRecordsOnly: !unrestricted };
}

/** Whether `actor` may send the state-changing `command` of the contract `contract`; null when it may. */
export function commandRefusal(contract: string, command: string, actor: Actor): string | null {
  const roles = COMMAND_ACCESS[`${contract}.${command}`];
  if (!roles) return null;
  if (actor.roles.includes('admin') || actor.roles.some((role) => roles.includes(role))) return null;
  return `${command} needs one of the roles ${roles.join(', ')} (or admin); ${actor.id} has ${actor.roles.join(', ') || 'none'}`;
}

/** The access table as Markdown, for the README (a unit test keeps the two equal). */
export function accessTableMarkdown(table: Readonly<Record<string, OperationAccess>> = GATEWAY_ACCESS): string {
  const who = (entry: OperationAccess): string => {
    if (entry.audience === PUBLIC) return 'anyone';
    if (entry.audience === SIGNED_IN) return 'any signed-in caller';
    const own = entry.ownRecordsOnly?.length ? ` (${entry.ownRecordsOnly.join(', ')}: own records only)` : '';
    return `${entry.audience.join(', ')}, admin${own}`;
  };
  const rows = Object.entries(table).map(([key, entry]) => `| \`${key}\` | ${who(entry)} | ${entry.why} |`);
  return ['| operation | who may use it | why |', '| --- | --- | --- |', ...rows].join('\n');
}
