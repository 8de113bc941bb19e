import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Evidence, FormFactor, Precision } from './accelerator.model.js';

@InputType()
export class AcceleratorFilter {
  @Field(() => String, { nullable: true })
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 of the vendor.' })
  originCountry?: string | null;

  @Field(() => Float, { nullable: true })
  minMemoryGb?: number | null;
}

@InputType()
export class SpecNumberInput {
  @Field(() => Float, { nullable: true, description: 'null when unknown; then unknownReason is required.' })
  value!: number | null;

  @Field(() => Evidence)
  evidence!: Evidence;

  @Field()
  source!: string;

  @Field({ description: 'ISO 8601 date of the source.' })
  asOf!: string;

  @Field(() => String, { nullable: true })
  unknownReason?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class DenseRateInput {
  @Field(() => Precision)
  precision!: Precision;

  @Field(() => SpecNumberInput, { description: 'Dense (non-sparse) peak, TFLOPS or TOPS.' })
  rate!: SpecNumberInput;
}

@InputType({ description: 'An accelerator as published; TPP and performance density are computed, never entered.' })
export class AcceleratorInput {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  vendor!: string;

  @Field()
  originCountry!: string;

  @Field(() => FormFactor)
  formFactor!: FormFactor;

  @Field()
  designedForDataCenter!: boolean;

  @Field(() => Int, { defaultValue: 1 })
  integratedCircuitsPerDevice!: number;

  @Field({ defaultValue: true, description: 'Logic dies on a FinFET/GAA process.' })
  nonPlanarLogic!: boolean;

  @Field(() => [DenseRateInput])
  denseRates!: DenseRateInput[];

  @Field(() => SpecNumberInput)
  memorySizeGb!: SpecNumberInput;

  @Field(() => String, { nullable: true })
  memoryType?: string | null;

  @Field(() => SpecNumberInput)
  memoryBandwidthTBps!: SpecNumberInput;

  @Field(() => String, { nullable: true })
  interconnectName?: string | null;

  @Field(() => SpecNumberInput)
  interconnectGBps!: SpecNumberInput;

  @Field(() => SpecNumberInput)
  tdpW!: SpecNumberInput;

  @Field(() => SpecNumberInput)
  logicDieAreaMm2!: SpecNumberInput;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
