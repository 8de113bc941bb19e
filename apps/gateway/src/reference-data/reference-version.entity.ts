import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The reference-data versions the services have published, as the gateway learned
 * them from CatalogPublished events; recommendations will record which ones they used.
 */
@Entity({ name: 'reference_versions' })
export class ReferenceVersionEntity {
  @PrimaryColumn('text')
  dataset!: string;

  @PrimaryColumn('text')
  version!: string;

  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  @Column('integer', { name: 'item_count' })
  itemCount!: number;

  @Column('char', { length: 64 })
  checksum!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  /** Id of the event that brought it, for deduplication of redelivered events. */
  @Column('uuid', { name: 'message_id' })
  messageId!: string;
}
