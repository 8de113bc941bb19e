import { z } from 'zod';
import { PlacementRecommendedV1, WorkloadRequestedV1 } from './workload-request.v1.js';

/**
 * The pipeline-facing messages as JSON Schema (draft 2020-12), for producers and consumers in
 * other languages; committed in libs/contracts/schemas and checked against the code by a test.
 */
export function pipelineJsonSchemas(): Record<string, unknown> {
  const describe = (title: string, topic: string, version: number, schema: Record<string, unknown>) => ({
    ...schema,
    title,
    description: `Payload of ${topic}, message version ${version} (Kafka header cp-version: "${version}"). The message key is the idempotency key.`,
  });
  return {
    'workload-requested.v1.schema.json': describe('WorkloadRequestedV1', WorkloadRequestedV1.topic.name, WorkloadRequestedV1.version, z.toJSONSchema(WorkloadRequestedV1.payload, { io: 'input' }) as Record<string, unknown>),
    'placement-recommended.v1.schema.json': describe('PlacementRecommendedV1', PlacementRecommendedV1.topic.name, PlacementRecommendedV1.version, z.toJSONSchema(PlacementRecommendedV1.payload, { io: 'output' }) as Record<string, unknown>),
  };
}
