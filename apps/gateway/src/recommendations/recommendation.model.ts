import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Precision } from '../accelerators/accelerator.model.js';
import { Citation, Verdict, VerdictOutcome } from '../compliance/verdict.model.js';
import { CostEstimate } from '../costs/cost.model.js';
import { Ownership } from '../pools/pool.model.js';

@ObjectType()
export class PlacementCost {
  @Field({ description: 'Expected total, exact decimal.' }) amount!: string;
  @Field() currency!: string;
  @Field() low!: string;
  @Field() high!: string;
}

@ObjectType()
export class PlacementObjectives {
  @Field(() => PlacementCost) totalCost!: PlacementCost;
  @Field(() => Float, { description: 'Expected days: licence lead time + inbound transfer + run.' }) timeToResultDays!: number;
  @Field(() => Float) leadTimeDays!: number;
  @Field(() => Float, { description: '0 (lowest) to 1.' }) riskScore!: number;
  @Field(() => Float, { nullable: true, description: 'Estimated round trip to the users, ms.' }) latencyMs!: number | null;
}

@ObjectType()
export class NormalisedObjectives {
  @Field(() => Float) cost!: number;
  @Field(() => Float) time!: number;
  @Field(() => Float) risk!: number;
  @Field(() => Float) latency!: number;
}

@ObjectType()
export class RiskFactor {
  @Field() name!: string;
  @Field(() => Float) contribution!: number;
  @Field() detail!: string;
}

/** What names a candidate to a planner, ranked or rejected. */
@ObjectType({ isAbstract: true })
abstract class PlacementLabel {
  @Field(() => ID) candidateId!: string;
  @Field() poolId!: string;
  @Field() siteId!: string;
  @Field() siteName!: string;
  @Field() countryCode!: string;
  @Field() acceleratorId!: string;
  @Field() acceleratorName!: string;
  @Field() vendor!: string;
  @Field(() => Ownership) ownership!: Ownership;
}

@ObjectType({ description: 'A placement that passed every filter, with its rank and why.' })
export class RankedPlacement extends PlacementLabel {
  @Field(() => VerdictOutcome) verdictOutcome!: VerdictOutcome;
  @Field(() => Int) rank!: number;
  @Field(() => Float, { description: 'Σ weight × normalised objective; lower is better.' }) score!: number;
  @Field(() => PlacementObjectives) objectives!: PlacementObjectives;
  @Field(() => NormalisedObjectives) normalised!: NormalisedObjectives;
  @Field(() => [RiskFactor]) riskFactors!: RiskFactor[];
  @Field() onParetoFront!: boolean;
  @Field(() => [String], { description: 'Chosen: why it beat the runner-up; alternatives: how it compares with the chosen one.' }) why!: string[];
  @Field(() => [String]) warnings!: string[];
  @Field(() => CostEstimate, { nullable: true, description: 'The full estimate (chosen and the first 50 alternatives).' }) estimate!: CostEstimate | null;
  @Field(() => Verdict, { nullable: true, description: 'The full verdict (chosen and the first 50 alternatives).' }) verdict!: Verdict | null;
}

@ObjectType()
export class RuleReference {
  @Field() ruleId!: string;
  @Field() title!: string;
  @Field() family!: string;
  @Field() status!: string;
  @Field(() => VerdictOutcome) outcome!: VerdictOutcome;
  @Field(() => [Citation]) citations!: Citation[];
}

@ObjectType({ description: 'A candidate that was dropped, by the first filter it failed, with the numbers.' })
export class PlacementRejection extends PlacementLabel {
  @Field({
    description:
      'Held back by inventory before compliance and cost: VENDOR, ORIGIN, OWNERSHIP, PRECISION, MEMORY, INTERCONNECT, POOL_SIZE, WINDOW or CAPACITY; ' +
      'then PROHIBITED, LICENSE_NOT_ACCEPTED, EXCLUDED_COUNTRY, NOT_PRICED, INSUFFICIENT_CAPACITY, MISSES_DEADLINE, OVER_BUDGET or LATENCY.',
  })
  filter!: string;
  @Field(() => VerdictOutcome, { nullable: true, description: 'Null for a pool inventory held back: compliance never evaluated it.' }) verdictOutcome!: VerdictOutcome | null;
  @Field({ description: 'A sentence naming the site, pool, rule or limit and the numbers.' }) reason!: string;
  @Field(() => [RuleReference], { description: 'The deciding rules with their citations, for compliance rejections.' }) rules!: RuleReference[];
  @Field(() => GraphQLJSONObject) detail!: Record<string, unknown>;
}

@ObjectType({ description: 'An accelerator that lacks a requested precision, kept at the nearest one it has; its estimates assume it.' })
export class PrecisionAssumption {
  @Field() acceleratorId!: string;
  @Field(() => Precision) requested!: Precision;
  @Field(() => Precision) runAt!: Precision;
  @Field({ description: 'What running at runAt assumes, in one sentence.' }) assumption!: string;
}

@ObjectType()
export class FilterCount {
  @Field() filter!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class RecommendationCounts {
  @Field(() => Int, { description: 'Pools inventory matched (before its limit).' }) matched!: number;
  @Field(() => Int, { description: 'Every pool considered, held back by inventory or not: survived + the rejections by filter.' }) candidates!: number;
  @Field(() => Int) survived!: number;
  @Field(() => [FilterCount]) rejectedByFilter!: FilterCount[];
}

@ObjectType()
export class ObjectiveWeights {
  @Field(() => Float) cost!: number;
  @Field(() => Float) time!: number;
  @Field(() => Float) risk!: number;
  @Field(() => Float) latency!: number;
}

@ObjectType()
export class DataVersions {
  @Field(() => String, { nullable: true }) catalog!: string | null;
  @Field(() => String, { nullable: true }) rulePack!: string | null;
  @Field(() => String, { nullable: true }) priceBook!: string | null;
  @Field(() => String, { nullable: true }) costScenarios!: string | null;
  @Field(() => String, { nullable: true }) fxRates!: string | null;
}

@ObjectType({ description: 'Where to place one workload, with ranked alternatives, the Pareto front and every rejection explained.' })
export class Recommendation {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field() kind!: string;
  @Field() costCenter!: string;
  @Field() legalEntityId!: string;
  @Field() createdAt!: Date;
  @Field() requestedBy!: string;
  @Field() pricingDate!: string;
  @Field(() => DataVersions, { description: 'The reference data it used, for audit and replay.' }) versions!: DataVersions;
  @Field(() => RankedPlacement, { nullable: true }) chosen!: RankedPlacement | null;
  @Field(() => [RankedPlacement]) alternatives!: RankedPlacement[];
  @Field(() => Int) alternativesOmitted!: number;
  @Field(() => [ID], { description: 'Candidate ids of the non-dominated placements, in rank order.' }) paretoFront!: string[];
  @Field(() => [PlacementRejection], { description: 'Held-back pools first (as many as inventory listed), then the candidates that failed a filter.' }) rejected!: PlacementRejection[];
  @Field(() => Int, { description: 'Rejections counted in counts.rejectedByFilter but not listed in rejected.' }) rejectedOmitted!: number;
  @Field(() => [PrecisionAssumption], { description: 'Accelerators running at another precision than the requested one, with what that assumes.' })
  precisionAssumptions!: PrecisionAssumption[];
  @Field(() => RecommendationCounts) counts!: RecommendationCounts;
  @Field(() => ObjectiveWeights, { description: 'Normalised to sum 1.' }) weights!: ObjectiveWeights;
  @Field(() => GraphQLJSONObject, { description: 'The latency and risk model parameters used.' }) model!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'The input as submitted.' }) input!: Record<string, unknown>;
}

@ObjectType()
export class RecommendationChange {
  @Field({ description: 'CHOSEN, VERSION, RANK, NEWLY_REJECTED, NO_LONGER_REJECTED, REJECTION_REASON or COST.' }) kind!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) candidateId!: string | null;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: 'A stored recommendation recomputed under today’s data, and what changed.' })
export class RecommendationReplay {
  @Field(() => Recommendation) original!: Recommendation;
  @Field(() => Recommendation, { description: 'Not stored: the same input run now.' }) replayed!: Recommendation;
  @Field() chosenChanged!: boolean;
  @Field(() => [RecommendationChange]) changes!: RecommendationChange[];
}
