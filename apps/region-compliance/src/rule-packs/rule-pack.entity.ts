import type { RulePackV1 } from '@cp/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A published rule-pack version; immutable. Exactly one is current. */
@Entity({ name: 'rule_packs' })
@Index('rule_packs_one_current_idx', ['isCurrent'], { unique: true, where: '"is_current"' })
export class RulePackEntity {
  @PrimaryColumn('text')
  version!: string;

  @Column('text')
  title!: string;

  @Column('jsonb')
  pack!: RulePackV1;

  @Column('char', { length: 64 })
  checksum!: string;

  @Column('integer', { name: 'rule_count' })
  ruleCount!: number;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;

  @Column('boolean', { name: 'is_current' })
  isCurrent!: boolean;
}
