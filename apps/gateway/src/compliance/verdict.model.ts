import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Evidence } from '../accelerators/accelerator.model.js';

export enum VerdictOutcome {
  ALLOWED = 'ALLOWED',
  ALLOWED_WITH_CONDITIONS = 'ALLOWED_WITH_CONDITIONS',
  LICENSE_REQUIRED = 'LICENSE_REQUIRED',
  PROHIBITED = 'PROHIBITED',
}
registerEnumType(VerdictOutcome, { name: 'VerdictOutcome' });

export enum RuleFamily {
  EXPORT_CONTROL = 'EXPORT_CONTROL',
  HOST_COUNTRY = 'HOST_COUNTRY',
  DATA_TRANSFER = 'DATA_TRANSFER',
  DOMESTIC_POLICY = 'DOMESTIC_POLICY',
  RISK = 'RISK',
}
registerEnumType(RuleFamily, { name: 'RuleFamily' });

export enum RuleStatus {
  IN_FORCE = 'IN_FORCE',
  NOT_ENFORCED = 'NOT_ENFORCED',
  PROPOSED = 'PROPOSED',
  REPORTED_ONLY = 'REPORTED_ONLY',
}
registerEnumType(RuleStatus, { name: 'RuleStatus' });

@ObjectType()
export class Citation {
  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => Evidence)
  evidence!: Evidence;
}

@ObjectType()
export class TriggeringFact {
  @Field({ description: 'Path of the fact, e.g. "placement.site.countryCode".' })
  fact!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  value!: unknown;
}

@ObjectType()
export class VerdictReason {
  @Field()
  ruleId!: string;

  @Field()
  title!: string;

  @Field(() => RuleFamily)
  family!: RuleFamily;

  @Field(() => RuleStatus)
  status!: RuleStatus;

  @Field(() => VerdictOutcome)
  outcome!: VerdictOutcome;

  @Field(() => [Citation])
  citations!: Citation[];

  @Field(() => [TriggeringFact])
  triggeredBy!: TriggeringFact[];
}

@ObjectType()
export class VerdictCondition {
  @Field()
  ruleId!: string;

  @Field()
  description!: string;

  @Field(() => Int, { nullable: true })
  leadTimeDays!: number | null;
}

@ObjectType({ description: 'Decision support, not legal advice: rule packs are data the user maintains.' })
export class Verdict {
  @Field(() => VerdictOutcome)
  outcome!: VerdictOutcome;

  @Field(() => [VerdictReason], { description: 'The binding rules that decided the outcome, most severe first.' })
  reasons!: VerdictReason[];

  @Field(() => [VerdictReason], { description: 'Rules that fired but do not bind (not enforced, proposed).' })
  advisories!: VerdictReason[];

  @Field(() => [VerdictCondition])
  conditions!: VerdictCondition[];

  @Field(() => Int)
  leadTimeDays!: number;

  @Field(() => [String], { description: 'Rules in force on the date that did not fire.' })
  notTriggered!: string[];

  @Field(() => GraphQLJSONObject, { description: 'Derived facts: the 3A090 class and the country groups on the date.' })
  derived!: Record<string, unknown>;

  @Field()
  rulePackVersion!: string;

  @Field()
  evaluatedFor!: string;

  @Field()
  disclaimer!: string;
}

@ObjectType()
export class ComplianceCheck {
  @Field()
  poolId!: string;

  @Field(() => Verdict)
  verdict!: Verdict;
}

@ObjectType()
export class LegalEntity {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  hqCountry!: string;

  @Field(() => String, { nullable: true })
  ultimateParentHqCountry!: string | null;

  @Field()
  isCiio!: boolean;

  @Field()
  restrictedParty!: boolean;
}

@ObjectType()
export class RulePackSummary {
  @Field()
  version!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  ruleCount!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  publishedBy!: string;

  @Field()
  current!: boolean;
}

@ObjectType()
export class RulePack {
  @Field(() => RulePackSummary)
  summary!: RulePackSummary;

  @Field(() => GraphQLJSONObject, { description: 'The pack as published (rules with CEL conditions, thresholds, country groups).' })
  document!: Record<string, unknown>;
}

@ObjectType()
export class WhatIfChange {
  @Field()
  placementId!: string;

  @Field(() => VerdictOutcome)
  before!: VerdictOutcome;

  @Field(() => VerdictOutcome)
  after!: VerdictOutcome;

  @Field(() => [String])
  decidingRulesBefore!: string[];

  @Field(() => [String])
  decidingRulesAfter!: string[];
}

@ObjectType()
export class WhatIfResult {
  @Field()
  baseVersion!: string;

  @Field()
  draftVersion!: string;

  @Field(() => Int, { description: 'Tracked placements re-checked.' })
  evaluated!: number;

  @Field(() => [WhatIfChange])
  changes!: WhatIfChange[];
}
