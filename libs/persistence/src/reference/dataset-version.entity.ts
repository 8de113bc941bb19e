import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One load of a reference dataset (sites, rule packs, price books) into a service schema.
 * A published version is immutable: loading it again with other content is refused.
 */
@Entity({ name: 'dataset_versions' })
@Unique('dataset_versions_dataset_version_key', ['dataset', 'version'])
export class DatasetVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  dataset!: string;

  @Column('text')
  version!: string;

  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  @Column('char', { length: 64 })
  checksum!: string;

  @Column('text')
  source!: string;

  @Column('integer', { name: 'item_count' })
  itemCount!: number;

  @CreateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
