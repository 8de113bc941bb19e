import { Field, Float, InputType } from '@nestjs/graphql';
import { WorkloadInput } from '../recommendations/workload.input.js';

@InputType()
export class PortfolioWorkloadInput {
  @Field({ description: 'Unique within the portfolio.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Workloads of one group must land in the same country.' }) group?: string | null;
  @Field(() => WorkloadInput) workload!: WorkloadInput;
}

@InputType()
export class PortfolioPolicyInput {
  @Field(() => String, { nullable: true, description: 'Total expected cost ≤ budget (report currency).' }) budget?: string | null;
  @Field(() => Float, { nullable: true, description: 'Share (0..1) of inference devices on domestic chips at home.' }) minDomesticInferenceShare?: number | null;
  @Field(() => Float, { nullable: true, description: 'Share (0..1) of training spend allowed in any one country.' }) maxTrainingSpendShareInOneCountry?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true when groups are given.' }) keepGroupsTogether?: boolean | null;
}

@InputType()
export class PortfolioWeightsInput {
  @Field(() => Float, { defaultValue: 1 }) cost!: number;
  @Field(() => Float, { defaultValue: 0 }) time!: number;
  @Field(() => Float, { defaultValue: 0 }) risk!: number;
}

@InputType({ description: 'Many workloads placed at once by a MIP (HiGHS).' })
export class PlanPortfolioInput {
  @Field(() => [PortfolioWorkloadInput]) workloads!: PortfolioWorkloadInput[];
  @Field(() => PortfolioPolicyInput, { nullable: true }) policy?: PortfolioPolicyInput | null;
  @Field(() => PortfolioWeightsInput, { nullable: true }) weights?: PortfolioWeightsInput | null;
  @Field(() => Float, { defaultValue: 30, description: 'Solver time limit, seconds (always set).' }) timeLimitSeconds!: number;
  @Field(() => Float, { nullable: true, description: 'Stop at this relative gap (default 0.01).' }) mipRelGap?: number | null;
}
