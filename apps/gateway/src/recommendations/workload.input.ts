import { Field, Float, InputType } from '@nestjs/graphql';
import { DataProfileInput } from '../compliance/compliance.input.js';
import { CostWorkloadInput } from '../costs/cost.input.js';
import { Ownership } from '../pools/pool.model.js';
import { TimeWindowInput } from '../pools/pools.input.js';
import { MoneyInput } from '../sites/sites.input.js';

@InputType({ description: 'Where the inference’s users are, for the latency estimate.' })
export class UsersLocationInput {
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field({ description: 'A name for the explanation, e.g. "Shanghai".' }) label!: string;
}

@InputType({ description: 'How much each objective counts; normalised to sum 1. Lower cost, time, risk and latency are better.' })
export class ObjectiveWeightsInput {
  @Field(() => Float, { defaultValue: 1 }) cost!: number;
  @Field(() => Float, { defaultValue: 1 }) time!: number;
  @Field(() => Float, { defaultValue: 1 }) risk!: number;
  @Field(() => Float, { defaultValue: 1 }) latency!: number;
}

@InputType({ description: 'One training or inference workload to place.' })
export class WorkloadInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => CostWorkloadInput, { description: 'Kind, model size, tokens or load, data movements, cost of delay.' })
  workload!: CostWorkloadInput;
  @Field(() => Float, { nullable: true, description: 'Total parameters (all experts); workload.totalParameters, when given, wins. Sizes memory in the performance model.' })
  totalParameters?: number | null;
  @Field(() => Float, { nullable: true, description: 'Memory each device needs, GB (default: no minimum).' })
  minMemoryGbPerDevice?: number | null;
  @Field() legalEntityId!: string;
  @Field() costCenter!: string;
  @Field(() => DataProfileInput, { nullable: true }) data?: DataProfileInput | null;
  @Field(() => [String], { defaultValue: [], description: 'Countries whose public the inference serves.' })
  servesPublicIn!: string[];
  @Field(() => TimeWindowInput, { description: 'When the capacity is needed.' }) window!: TimeWindowInput;
  @Field(() => String, { nullable: true, description: 'Result needed by (ISO 8601 date-time).' }) deadline?: string | null;
  @Field(() => MoneyInput, { nullable: true, description: 'In the report currency; compared with the expected total.' }) budget?: MoneyInput | null;
  @Field({ defaultValue: false, description: 'Keep options that need a licence (their lead time counts).' }) acceptLicensed!: boolean;
  @Field(() => UsersLocationInput, { nullable: true }) users?: UsersLocationInput | null;
  @Field(() => Float, { nullable: true, description: 'Round-trip latency target to the users, ms.' }) latencyTargetMs?: number | null;
  @Field(() => [String], { nullable: true }) vendors?: string[] | null;
  @Field(() => [String], { nullable: true }) excludeVendors?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Chip origin countries to allow.' }) originCountries?: string[] | null;
  @Field(() => [String], { nullable: true }) excludeOriginCountries?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Site countries to leave out.' }) excludeCountries?: string[] | null;
  @Field(() => [Ownership], { nullable: true }) ownership?: Ownership[] | null;
  @Field(() => ObjectiveWeightsInput, { nullable: true }) weights?: ObjectiveWeightsInput | null;
  @Field({ defaultValue: 'USD' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Price and check as of this date (default: today, UTC).' }) pricingDate?: string | null;
}
