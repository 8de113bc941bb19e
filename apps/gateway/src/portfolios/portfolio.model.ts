import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PortfolioAssignment {
  @Field() workloadId!: string;
  @Field() poolId!: string;
  @Field() siteId!: string;
  @Field() countryCode!: string;
  @Field() cost!: string;
  @Field(() => Float) timeDays!: number;
  @Field(() => Float) risk!: number;
  @Field(() => ID, { description: 'The recommendation computed for this workload (its other options and rejections).' }) recommendationId!: string;
}

@ObjectType()
export class PortfolioTotals {
  @Field() cost!: string;
  @Field() currency!: string;
  @Field(() => Float) timeDaysWeightedMean!: number;
  @Field(() => Float) riskMean!: number;
}

@ObjectType()
export class RelaxationSaving {
  @Field() relaxedBy!: string;
  @Field(() => Float) objectiveBefore!: number;
  @Field(() => Float) objectiveAfter!: number;
  @Field() costSaving!: string;
}

@ObjectType()
export class BindingConstraint {
  @Field() constraint!: string;
  @Field(() => Float) slack!: number;
  @Field(() => RelaxationSaving, { nullable: true }) relaxationSaving!: RelaxationSaving | null;
}

@ObjectType()
export class PortfolioModelSize {
  @Field(() => Int) variables!: number;
  @Field(() => Int) constraints!: number;
  @Field(() => Int) binaries!: number;
  @Field(() => Int) periods!: number;
}

@ObjectType()
export class GreedyBaseline {
  @Field() cost!: string;
  @Field(() => Float) objective!: number;
  @Field() feasible!: boolean;
}

@ObjectType()
export class WorkloadWithoutOptions {
  @Field() workloadId!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'A portfolio plan: the assignment, objective, bound and gap, binding constraints and what relaxing them would save, or the conflicting constraints.' })
export class PortfolioPlan {
  @Field(() => ID) id!: string;
  @Field({ description: 'OPTIMAL, FEASIBLE_TIME_LIMIT, INFEASIBLE or NO_SOLUTION_TIME_LIMIT.' }) status!: string;
  @Field(() => [PortfolioAssignment]) assignment!: PortfolioAssignment[];
  @Field(() => [String]) unassigned!: string[];
  @Field(() => [WorkloadWithoutOptions], { description: 'Workloads no pool could take (every candidate rejected), with the reason.' }) withoutOptions!: WorkloadWithoutOptions[];
  @Field(() => PortfolioTotals) totals!: PortfolioTotals;
  @Field(() => Float, { nullable: true }) objective!: number | null;
  @Field(() => Float, { nullable: true }) bound!: number | null;
  @Field(() => Float, { nullable: true }) gap!: number | null;
  @Field(() => Float) solveSeconds!: number;
  @Field(() => Float) timeLimitSeconds!: number;
  @Field(() => PortfolioModelSize) model!: PortfolioModelSize;
  @Field(() => [BindingConstraint]) binding!: BindingConstraint[];
  @Field(() => [String], { nullable: true }) conflicts!: string[] | null;
  @Field(() => GreedyBaseline, { description: 'Each workload in order takes its cheapest option that still fits, ignoring policy.' }) greedy!: GreedyBaseline;
  @Field() createdAt!: Date;
}
