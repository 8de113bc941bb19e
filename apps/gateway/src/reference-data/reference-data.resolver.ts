import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReferenceVersionEntity } from './reference-version.entity.js';
import { ReferenceDataVersion } from './reference-version.model.js';

@Resolver(() => ReferenceDataVersion)
export class ReferenceDataResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => [ReferenceDataVersion], { description: 'Published reference-data versions, newest first.' })
  async referenceData(
    @Args('dataset', { type: () => String, nullable: true }) dataset: string | null,
  ): Promise<ReferenceDataVersion[]> {
    return this.dataSource.getRepository(ReferenceVersionEntity).find({
      where: dataset ? { dataset } : {},
      order: { publishedAt: 'DESC', version: 'DESC' },
    });
  }
}
