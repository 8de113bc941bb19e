import { deadLetterTopicOf, type TopicSpec } from './contract.js';

/**
 * Every topic of the system. Nothing else may spell a topic name: the broker is run
 * with auto-creation off, and services create exactly these at start-up.
 */
export const Topics = {
  inventorySites: { name: 'inventory.sites', partitions: 3 },
  inventorySitesReply: { name: 'inventory.sites.reply', partitions: 3 },
  inventoryCatalogPublished: { name: 'inventory.catalog-published', partitions: 1 },
  inventoryAccelerators: { name: 'inventory.accelerators', partitions: 3 },
  inventoryAcceleratorsReply: { name: 'inventory.accelerators.reply', partitions: 3 },
  inventoryPools: { name: 'inventory.pools', partitions: 3 },
  inventoryPoolsReply: { name: 'inventory.pools.reply', partitions: 3 },
  inventoryCandidates: { name: 'inventory.candidates', partitions: 3 },
  inventoryCandidatesReply: { name: 'inventory.candidates.reply', partitions: 3 },
  inventoryReservations: { name: 'inventory.reservations', partitions: 3 },
  inventoryReservationsReply: { name: 'inventory.reservations.reply', partitions: 3 },
  inventoryAdmin: { name: 'inventory.admin', partitions: 1 },
  inventoryAdminReply: { name: 'inventory.admin.reply', partitions: 1 },
  /** Keyed by pool id, so one pool's changes stay in order. */
  inventoryPoolChanged: { name: 'inventory.pool.changed', partitions: 3 },
  complianceEvaluate: { name: 'compliance.evaluate', partitions: 3 },
  complianceEvaluateReply: { name: 'compliance.evaluate.reply', partitions: 3 },
  complianceAdmin: { name: 'compliance.admin', partitions: 1 },
  complianceAdminReply: { name: 'compliance.admin.reply', partitions: 1 },
  complianceRulePackPublished: { name: 'compliance.rulepack.published', partitions: 1 },
  costEstimate: { name: 'cost.estimate', partitions: 3 },
  costEstimateReply: { name: 'cost.estimate.reply', partitions: 3 },
  costLedger: { name: 'cost.ledger', partitions: 3 },
  costLedgerReply: { name: 'cost.ledger.reply', partitions: 3 },
  costAdmin: { name: 'cost.admin', partitions: 1 },
  costAdminReply: { name: 'cost.admin.reply', partitions: 1 },
  /** Actual usage from pipelines and billing feeds, keyed by cost centre. */
  costUsage: { name: 'cost.usage', partitions: 3 },
  costDataPublished: { name: 'cost.data-published', partitions: 1 },
  /** Keyed by plan id. */
  placementAccepted: { name: 'placement.accepted', partitions: 3 },
  placementAlerts: { name: 'placement.alerts', partitions: 3 },
  /** Keyed by the pipeline's idempotency key. */
  workloadRequests: { name: 'workload.requests', partitions: 3 },
  /** Keyed by the same idempotency key as the request. */
  placementRecommendations: { name: 'placement.recommendations', partitions: 3 },
} as const satisfies Record<string, TopicSpec>;

/** All topics including the dead-letter topic of each request and event topic. */
export function allTopics(): TopicSpec[] {
  const base = Object.values(Topics);
  const dlqs = base.filter((t) => !t.name.endsWith('.reply')).map(deadLetterTopicOf);
  return [...base, ...dlqs];
}
