import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../common/page-info.model.js';

export enum Evidence {
  P = 'P',
  S = 'S',
  E = 'E',
  UNVERIFIED = 'UNVERIFIED',
}
registerEnumType(Evidence, { name: 'Evidence', description: 'P primary text, S secondary, E derived by arithmetic, UNVERIFIED no confirmed source.' });

export enum Precision {
  FP4 = 'FP4',
  FP8 = 'FP8',
  FP16 = 'FP16',
  BF16 = 'BF16',
  TF32 = 'TF32',
  INT8 = 'INT8',
  INT4 = 'INT4',
}
registerEnumType(Precision, { name: 'Precision' });

export enum FormFactor {
  SXM = 'SXM',
  OAM = 'OAM',
  PCIE = 'PCIE',
  MODULE = 'MODULE',
  CARD = 'CARD',
}
registerEnumType(FormFactor, { name: 'FormFactor' });

@ObjectType({ description: 'A specification figure with its provenance; unknown figures are null with the reason.' })
export class SpecNumber {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Evidence)
  evidence!: Evidence;

  @Field()
  source!: string;

  @Field()
  asOf!: string;

  @Field(() => String, { nullable: true })
  unknownReason!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class DenseRate {
  @Field(() => Precision)
  precision!: Precision;

  @Field(() => SpecNumber, { description: 'Dense (non-sparse) peak, TFLOPS or TOPS.' })
  rate!: SpecNumber;
}

@ObjectType({ description: 'An accelerator SKU; TPP and performance density are computed from its specification.' })
export class Accelerator {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  vendor!: string;

  @Field({ description: 'Country of the vendor (ISO 3166-1 alpha-2).' })
  originCountry!: string;

  @Field(() => FormFactor)
  formFactor!: FormFactor;

  @Field()
  designedForDataCenter!: boolean;

  @Field(() => Int)
  integratedCircuitsPerDevice!: number;

  @Field(() => [DenseRate])
  denseRates!: DenseRate[];

  @Field(() => SpecNumber)
  memorySizeGb!: SpecNumber;

  @Field(() => String, { nullable: true })
  memoryType!: string | null;

  @Field(() => SpecNumber)
  memoryBandwidthTBps!: SpecNumber;

  @Field(() => String, { nullable: true })
  interconnectName!: string | null;

  @Field(() => SpecNumber, { description: 'Scale-up interconnect bandwidth, GB/s.' })
  interconnectGBps!: SpecNumber;

  @Field(() => SpecNumber)
  tdpW!: SpecNumber;

  @Field(() => SpecNumber)
  logicDieAreaMm2!: SpecNumber;

  @Field(() => Float, { nullable: true, description: 'Total processing performance per device (max over precisions of dense rate × bit length).' })
  tpp!: number | null;

  @Field(() => Float, { nullable: true, description: 'TPP per integrated circuit, the unit export rules assess.' })
  tppPerIntegratedCircuit!: number | null;

  @Field(() => Precision, { nullable: true })
  tppPrecision!: Precision | null;

  @Field(() => String, { nullable: true })
  tppUnknownReason!: string | null;

  @Field(() => Float, { nullable: true, description: 'TPP per mm² of non-planar logic die area.' })
  performanceDensity!: number | null;

  @Field(() => String, { nullable: true })
  performanceDensityUnknownReason!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field()
  catalogVersion!: string;
}

@ObjectType()
export class AcceleratorEdge {
  @Field()
  cursor!: string;

  @Field(() => Accelerator)
  node!: Accelerator;
}

@ObjectType()
export class AcceleratorConnection {
  @Field(() => [AcceleratorEdge])
  edges!: AcceleratorEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true })
  catalogVersion!: string | null;
}
