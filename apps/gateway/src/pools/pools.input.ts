import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { SiteRegion } from '../sites/site.model.js';
import { Ownership, PriceBasis } from './pool.model.js';

@InputType({ description: 'Half-open [from, to) in UTC.' })
export class TimeWindowInput {
  @Field()
  from!: Date;

  @Field()
  to!: Date;
}

@InputType()
export class CapacityPoolFilter {
  @Field(() => String, { nullable: true })
  siteId?: string | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => SiteRegion, { nullable: true })
  region?: SiteRegion | null;

  @Field(() => String, { nullable: true })
  acceleratorId?: string | null;

  @Field(() => String, { nullable: true })
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'Vendor country of the accelerator.' })
  originCountry?: string | null;

  @Field(() => [Ownership], { nullable: true })
  ownership?: Ownership[] | null;

  @Field(() => Float, { nullable: true })
  minMemoryGbPerDevice?: number | null;

  @Field(() => TimeWindowInput, { nullable: true, description: 'Compute free capacity over this window.' })
  window?: TimeWindowInput | null;

  @Field(() => Int, { nullable: true })
  minFreeDevices?: number | null;
}

@InputType()
export class PriceInput {
  @Field(() => PriceBasis)
  basis!: PriceBasis;

  @Field({ description: 'Decimal string, e.g. "2.35".' })
  amount!: string;

  @Field()
  currency!: string;

  @Field()
  source!: string;
}

@InputType()
export class CreateCapacityPoolInput {
  @Field()
  siteId!: string;

  @Field()
  acceleratorId!: string;

  @Field(() => Int)
  deviceCount!: number;

  @Field(() => Int, { defaultValue: 8 })
  devicesPerNode!: number;

  @Field(() => Ownership)
  ownership!: Ownership;

  @Field(() => PriceInput)
  price!: PriceInput;

  @Field()
  availableFrom!: Date;

  @Field(() => Date, { nullable: true })
  availableTo?: Date | null;
}

@InputType()
export class UpdateCapacityPoolInput {
  @Field()
  poolId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => Int, { nullable: true })
  devicesPerNode?: number | null;

  @Field(() => Ownership, { nullable: true })
  ownership?: Ownership | null;

  @Field(() => PriceInput, { nullable: true })
  price?: PriceInput | null;

  @Field({ nullable: true })
  availableFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'null clears the end (open-ended).' })
  availableTo?: Date | null;
}

@InputType()
export class AdjustPoolCapacityInput {
  @Field()
  poolId!: string;

  @Field(() => Int, { description: 'Devices to add (positive) or remove (negative).' })
  delta!: number;

  @Field()
  reason!: string;
}
