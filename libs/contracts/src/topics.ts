import { deadLetterTopicOf, type TopicSpec } from './contract.js';

/**
 * Every topic of the system. Nothing else may spell a topic name: the broker is run
 * with auto-creation off, and services create exactly these at start-up.
 */
export const Topics = {
  inventorySites: { name: 'inventory.sites', partitions: 3 },
  inventorySitesReply: { name: 'inventory.sites.reply', partitions: 3 },
  inventoryCatalogPublished: { name: 'inventory.catalog-published', partitions: 1 },
} as const satisfies Record<string, TopicSpec>;

/** All topics including the dead-letter topic of each request and event topic. */
export function allTopics(): TopicSpec[] {
  const base = Object.values(Topics);
  const dlqs = base.filter((t) => !t.name.endsWith('.reply')).map(deadLetterTopicOf);
  return [...base, ...dlqs];
}
