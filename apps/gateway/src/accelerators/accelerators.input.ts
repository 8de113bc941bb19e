import { Field, Float, InputType } from '@nestjs/graphql';

@InputType()
export class AcceleratorFilter {
  @Field(() => String, { nullable: true })
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 of the vendor.' })
  originCountry?: string | null;

  @Field(() => Float, { nullable: true })
  minMemoryGb?: number | null;
}
