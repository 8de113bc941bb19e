import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Recommendation } from '../recommendations/recommendation.model.js';

@ObjectType()
export class WorkloadRequestError {
  @Field({ description: 'BAD_USER_INPUT, NOT_FOUND or NO_PLACEMENT.' }) code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) field!: string | null;
}

@ObjectType({ description: 'A workload request from a pipeline (Kafka workload.requests) or GraphQL, one per idempotency key.' })
export class WorkloadRequest {
  @Field(() => ID) id!: string;
  @Field() idempotencyKey!: string;
  @Field({ description: 'RECEIVED, EVALUATING, RECOMMENDED or FAILED.' }) status!: string;
  @Field({ description: 'KAFKA or GRAPHQL.' }) source!: string;
  @Field() submittedBy!: string;
  @Field(() => Int, { description: 'Repeats of the key that were recognised and not evaluated again.' }) duplicates!: number;
  @Field(() => WorkloadRequestError, { nullable: true }) error!: WorkloadRequestError | null;
  @Field(() => Recommendation, { nullable: true }) recommendation!: Recommendation | null;
  @Field() receivedAt!: Date;
  @Field() updatedAt!: Date;
}
