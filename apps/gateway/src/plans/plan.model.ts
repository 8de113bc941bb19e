import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../common/money.model.js';
import { Verdict, VerdictOutcome } from '../compliance/verdict.model.js';

@ObjectType()
export class AcceptedWindow {
  @Field() from!: Date;
  @Field() to!: Date;
}

@ObjectType({ description: 'A placement of an accepted plan: its confirmed reservation and committed spend.' })
export class AcceptedPlacement {
  @Field(() => ID) id!: string;
  @Field() poolId!: string;
  @Field(() => ID) reservationId!: string;
  @Field(() => Int) devices!: number;
  @Field(() => AcceptedWindow, {
    description: "The reservation's window: a training run's expected wall-clock length rounded up to whole hours, from the window start (or the pool's first available moment), clipped to the window; an inference placement's whole window.",
  })
  window!: AcceptedWindow;
  @Field(() => Money, { description: "The hold's device-hours at the estimate's rate plus one-off data movement (no cost of delay), committed to the cost ledger by month with each month's device-hours." })
  committed!: Money;
  @Field(() => VerdictOutcome) verdictOutcome!: VerdictOutcome;
  @Field() rulePackVersion!: string;
  @Field() acceptedBy!: string;
  @Field() acceptedAt!: Date;
}

@ObjectType()
export class AcceptedPlan {
  @Field(() => ID) planId!: string;
  @Field(() => [AcceptedPlacement]) placements!: AcceptedPlacement[];
}

@ObjectType()
export class AlertRule {
  @Field() ruleId!: string;
  @Field() title!: string;
  @Field(() => [String], { description: 'Citation texts, with URLs where known.' }) citations!: string[];
}

@ObjectType()
export class AlertVerdict {
  @Field(() => VerdictOutcome) outcome!: VerdictOutcome;
  @Field() rulePackVersion!: string;
}

@ObjectType({ description: 'An accepted placement whose verdict got worse under a new rule pack.' })
export class PlacementAlert {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID) placementId!: string;
  @Field() poolId!: string;
  @Field(() => AlertVerdict) before!: AlertVerdict;
  @Field(() => AlertVerdict) after!: AlertVerdict;
  @Field(() => Verdict, { description: 'The new verdict in full.' }) verdict!: Verdict;
  @Field(() => [AlertRule], { description: 'The rules that decided the new outcome.' }) decidingRules!: AlertRule[];
  @Field(() => String, { nullable: true, description: 'Where a fresh recommendation for the same workload would go now.' }) suggestedPoolId!: string | null;
  @Field(() => ID, { nullable: true }) suggestedRecommendationId!: string | null;
  @Field() raisedAt!: Date;
}
