import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A published version of a reference dataset (site catalog, rule pack, price book).' })
export class ReferenceDataVersion {
  @Field()
  dataset!: string;

  @Field()
  version!: string;

  @Field({ description: 'ISO 8601 date from which the version applies.' })
  effectiveFrom!: string;

  @Field(() => Int)
  itemCount!: number;

  @Field({ description: 'SHA-256 of the dataset content.' })
  checksum!: string;

  @Field()
  publishedAt!: Date;

  @Field({ description: 'When the gateway learned of the version.' })
  receivedAt!: Date;
}
