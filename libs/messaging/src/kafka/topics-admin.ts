import type { TopicSpec } from '@cp/contracts';
import kafkajs, { type Admin } from 'kafkajs';

// Not among the named exports Node detects in kafkajs' CommonJS build.
const { ConfigResourceTypes } = kafkajs;

export interface EnsureTopicsOptions {
  /** How long to wait for every partition to have a leader (default 60 s). */
  readonly timeoutMs?: number;
  /** Pause between metadata polls (default 200 ms). */
  readonly pollMs?: number;
}

/** Broker answers that mean "not yet", while a new topic's partitions are being assigned. */
const NOT_YET = ['does not host this topic-partition', 'leader', 'unknown topic', 'not available'];

function isNotYet(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error).toLowerCase();
  return NOT_YET.some((fragment) => message.includes(fragment));
}

/**
 * A batch of thousands of candidates with their estimates can pass the broker's 1 MB default
 * even compressed; the topic allows 16 MiB, so no broker-wide setting is needed.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const TOPIC_CONFIG = [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the topics of the contracts (the broker has auto-creation off), grows partition
 * counts that are below the contract's, and returns only when every partition's leader serves it.
 * Safe to run from every service at once: "already exists" is the expected answer after the
 * first.
 *
 * kafkajs' own `waitForLeaders` gives up after its retry budget (about ten seconds), which a
 * freshly formatted broker on a slow machine can exceed while it creates dozens of topics;
 * the wait here is bounded by `timeoutMs` instead, and only "not yet" answers are retried.
 */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[], options: EnsureTopicsOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const pollMs = options.pollMs ?? 200;
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.name));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1, configEntries: TOPIC_CONFIG })),
      });
    } catch (error) {
      // Another service may have created some of them between list and create.
      if (!String((error as Error).message).includes('already exists')) throw error;
    }
  }
  const present = topics.filter((t) => existing.has(t.name));
  if (present.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
    const grow = metadata.topics.flatMap((meta) => {
      const spec = present.find((t) => t.name === meta.name);
      return spec && meta.partitions.length < spec.partitions ? [{ topic: spec.name, count: spec.partitions }] : [];
    });
    if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
    // Topics created before the size limit was raised get it too (the only override we set).
    await admin.alterConfigs({
      validateOnly: false,
      resources: present.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.name, configEntries: TOPIC_CONFIG })),
    });
  }
  await waitForLeaders(admin, topics, deadline, pollMs);
}

async function waitForLeaders(admin: Admin, topics: readonly TopicSpec[], deadline: number, pollMs: number): Promise<void> {
  let waitingFor = topics.map((t) => t.name);
  let lastProblem = 'no metadata yet';
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: waitingFor });
      const ready = new Set(
        metadata.topics
          .filter((meta) => {
            const spec = topics.find((t) => t.name === meta.name);
            return spec !== undefined && meta.partitions.length >= spec.partitions && meta.partitions.every((p) => p.leader >= 0);
          })
          .map((meta) => meta.name),
      );
      // The controller's metadata names a leader before that broker has taken the partition
      // over; listing offsets goes to the leader itself, so it answers only once it serves.
      await Promise.all([...ready].map((name) => admin.fetchTopicOffsets(name)));
      waitingFor = waitingFor.filter((name) => !ready.has(name));
      if (waitingFor.length === 0) return;
      lastProblem = `no leader yet for ${waitingFor.slice(0, 3).join(', ')}${waitingFor.length > 3 ? ` and ${waitingFor.length - 3} more` : ''}`;
    } catch (error) {
      if (!isNotYet(error)) throw error;
      lastProblem = String((error as Error).message);
    }
    if (Date.now() >= deadline) throw new Error(`Kafka topics not ready in time: ${lastProblem}`);
    await sleep(pollMs);
  }
}
