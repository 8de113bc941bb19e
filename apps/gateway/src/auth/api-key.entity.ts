import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An API key for a pipeline, service or person. The secret is shown once at creation and
 * only its argon2id hash is kept; the key's id travels in the token so a lookup is one row.
 */
@Entity({ name: 'api_keys' })
@Index('api_keys_bootstrap_key', ['bootstrap'], { unique: true, where: '"bootstrap"' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  roles!: string[];

  @Column('text', { name: 'secret_hash' })
  secretHash!: string;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { name: 'revoked_by', nullable: true })
  revokedBy!: string | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  /** The admin key the first start creates; at most one ever exists, so none is made twice. */
  @Column('boolean', { default: false })
  bootstrap!: boolean;
}
