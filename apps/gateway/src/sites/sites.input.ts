import { Field, InputType } from '@nestjs/graphql';
import { SiteRegion } from './site.model.js';

@InputType()
export class SiteFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "MY".' })
  countryCode?: string | null;

  @Field(() => SiteRegion, { nullable: true })
  region?: SiteRegion | null;
}
