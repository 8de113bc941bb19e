import type { TopicSpec } from '@cp/contracts';
import type { Admin } from 'kafkajs';

/**
 * Creates the topics of the contracts (the broker has auto-creation off) and grows
 * partition counts that are below the contract's. Safe to run from every service at
 * once: "already exists" is the expected answer after the first.
 */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.name));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
      });
    } catch (error) {
      // Another service may have created some of them between list and create.
      if (!String((error as Error).message).includes('already exists')) throw error;
    }
  }
  const present = topics.filter((t) => existing.has(t.name));
  if (present.length === 0) return;
  const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
  const grow = metadata.topics.flatMap((meta) => {
    const spec = present.find((t) => t.name === meta.name);
    return spec && meta.partitions.length < spec.partitions ? [{ topic: spec.name, count: spec.partitions }] : [];
  });
  if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
}
