import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Ownership } from '../pools/pool.model.js';

export enum WorkloadKind {
  TRAINING = 'TRAINING',
  FINE_TUNING = 'FINE_TUNING',
  INFERENCE = 'INFERENCE',
  BATCH_INFERENCE = 'BATCH_INFERENCE',
}
registerEnumType(WorkloadKind, { name: 'WorkloadKind' });

@InputType({ description: 'Personal and important data the workload moves (counts of individuals).' })
export class DataProfileInput {
  @Field(() => String, { nullable: true, description: 'Country where the data was collected.' })
  originCountry?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  personalInfoIndividuals!: number;

  @Field(() => Int, { defaultValue: 0 })
  sensitivePersonalInfoIndividuals!: number;

  @Field({ defaultValue: false })
  importantData!: boolean;

  @Field(() => Int, { defaultValue: 0, description: 'Already exported since 1 January this year.' })
  cumulativePersonalInfoIndividualsThisYear!: number;

  @Field(() => Int, { defaultValue: 0 })
  cumulativeSensitivePersonalInfoIndividualsThisYear!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Exported during the previous calendar year.' })
  personalInfoIndividualsSincePreviousYear!: number;

  @Field(() => Int, { defaultValue: 0 })
  sensitivePersonalInfoIndividualsSincePreviousYear!: number;
}

@InputType()
export class HardwareMovementInput {
  @Field()
  fromCountry!: string;

  @Field()
  toCountry!: string;

  @Field(() => [String], { defaultValue: [] })
  throughCountries!: string[];
}

@InputType()
export class ComplianceCheckInput {
  @Field({ description: 'Evaluate as of this date (YYYY-MM-DD).' })
  date!: string;

  @Field()
  legalEntityId!: string;

  @Field({ description: 'The candidate placement: a capacity pool (site, accelerator, operator).' })
  poolId!: string;

  @Field(() => Ownership, { nullable: true, description: "How the entity would hold it; defaults to the pool's ownership model." })
  ownership?: Ownership | null;

  @Field(() => HardwareMovementInput, { nullable: true, description: 'Where hardware moves to make the placement (buying or shipping).' })
  hardwareMovement?: HardwareMovementInput | null;

  @Field(() => WorkloadKind)
  workloadKind!: WorkloadKind;

  @Field(() => DataProfileInput, { nullable: true })
  data?: DataProfileInput | null;

  @Field(() => [String], { defaultValue: [], description: 'Countries whose public the inference serves.' })
  servesPublicIn!: string[];

  @Field(() => String, { nullable: true, description: 'A published rule-pack version (default: current).' })
  rulePackVersion?: string | null;

  @Field({ defaultValue: false, description: 'Keep this placement for what-if runs of draft rule packs.' })
  track!: boolean;
}

@InputType()
export class LegalEntityInput {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  hqCountry!: string;

  @Field(() => String, { nullable: true })
  ultimateParentHqCountry?: string | null;

  @Field({ defaultValue: false })
  isCiio!: boolean;

  @Field({ defaultValue: false })
  restrictedParty!: boolean;
}
