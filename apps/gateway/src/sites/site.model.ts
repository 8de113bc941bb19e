import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '../common/money.model.js';
import { PageInfo } from '../common/page-info.model.js';

export enum SiteRegion {
  SOUTHEAST_ASIA = 'Southeast Asia',
  CHINA = 'China',
  JAPAN = 'Japan',
  GULF = 'Gulf',
  UNITED_STATES = 'United States',
}
registerEnumType(SiteRegion, { name: 'SiteRegion' });

@ObjectType({ description: 'Industrial electricity tariff at a site, in the local currency.' })
export class PowerPrice {
  @Field(() => Money)
  perKwh!: Money;

  @Field({ description: 'Date the tariff applies from (ISO 8601).' })
  asOf!: string;

  @Field()
  source!: string;
}

@ObjectType()
export class PowerUsageEffectiveness {
  @Field({ description: 'Decimal string, e.g. "1.25".' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Undated when the source gives a typical value only.' })
  asOf!: string | null;

  @Field()
  source!: string;
}

@ObjectType()
export class SiteNetwork {
  @Field(() => Money, { nullable: true })
  egressPricePerGb!: Money | null;

  @Field(() => Float, { nullable: true })
  internationalBandwidthGbps!: number | null;

  @Field(() => String, { nullable: true })
  asOf!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType({ description: 'A data-centre location with its operator, tariffs and network figures.' })
export class Site {
  @Field(() => ID, { description: 'Readable slug, e.g. "my-johor-sedenak".' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
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

  @Field(() => String, { nullable: true, description: 'Country of the operator headquarters (ISO 3166-1 alpha-2), when known.' })
  operatorHqCountry!: string | null;

  @Field(() => String, { nullable: true, description: "Country of the operator's ultimate parent, when known." })
  ultimateParentHqCountry!: string | null;

  @Field()
  stateFunded!: boolean;

  @Field(() => PowerPrice, { nullable: true })
  powerPrice!: PowerPrice | null;

  @Field(() => PowerUsageEffectiveness, { nullable: true })
  pue!: PowerUsageEffectiveness | null;

  @Field(() => SiteNetwork)
  network!: SiteNetwork;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field({ description: 'Where the site facts come from.' })
  source!: string;

  @Field({ description: 'Date the site facts were last checked (ISO 8601).' })
  asOf!: string;
}

@ObjectType()
export class SiteEdge {
  @Field()
  cursor!: string;

  @Field(() => Site)
  node!: Site;
}

@ObjectType()
export class SiteConnection {
  @Field(() => [SiteEdge])
  edges!: SiteEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field({ description: 'Sites matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Site catalog version the page was read from.' })
  catalogVersion!: string | null;
}
