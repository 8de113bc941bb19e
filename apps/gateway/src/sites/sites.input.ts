import { Field, Float, InputType } from '@nestjs/graphql';
import { SiteRegion } from './site.model.js';

@InputType()
export class SiteFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "MY".' })
  countryCode?: string | null;

  @Field(() => SiteRegion, { nullable: true })
  region?: SiteRegion | null;
}

@InputType()
export class MoneyInput {
  @Field({ description: 'Decimal string.' })
  amount!: string;

  @Field()
  currency!: string;
}

@InputType()
export class PowerPriceInput {
  @Field({ description: 'Tariff per kWh in the local currency, decimal string.' })
  amount!: string;

  @Field()
  currency!: string;

  @Field()
  asOf!: string;

  @Field()
  source!: string;
}

@InputType()
export class PueInput {
  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  asOf?: string | null;

  @Field()
  source!: string;
}

@InputType()
export class SiteInput {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  countryCode!: string;

  @Field()
  city!: string;

  @Field(() => SiteRegion)
  region!: SiteRegion;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field()
  operator!: string;

  @Field(() => String, { nullable: true })
  operatorHqCountry?: string | null;

  @Field(() => String, { nullable: true })
  ultimateParentHqCountry?: string | null;

  @Field()
  stateFunded!: boolean;

  @Field(() => PowerPriceInput, { nullable: true })
  powerPrice?: PowerPriceInput | null;

  @Field(() => PueInput, { nullable: true })
  pue?: PueInput | null;

  @Field(() => MoneyInput, { nullable: true })
  egressPricePerGb?: MoneyInput | null;

  @Field(() => Float, { nullable: true })
  internationalBandwidthGbps?: number | null;

  @Field(() => String, { nullable: true })
  networkAsOf?: string | null;

  @Field(() => String, { nullable: true })
  networkSource?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field()
  source!: string;

  @Field()
  asOf!: string;
}
