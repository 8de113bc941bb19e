import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A requesting legal entity: who asks matters as much as where (the D:5/Macau-headquarters rule). */
@Entity({ name: 'legal_entities' })
export class LegalEntityEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('char', { name: 'hq_country', length: 2 })
  hqCountry!: string;

  @Column('char', { name: 'ultimate_parent_hq_country', length: 2, nullable: true })
  ultimateParentHqCountry!: string | null;

  @Column('boolean', { name: 'is_ciio' })
  isCiio!: boolean;

  @Column('boolean', { name: 'restricted_party' })
  restrictedParty!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
