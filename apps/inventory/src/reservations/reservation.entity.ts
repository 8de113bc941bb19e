import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { CapacityPoolEntity } from '../pools/capacity-pool.entity.js';

@Entity({ name: 'reservations' })
@Unique('reservations_idempotency_key_key', ['idempotencyKey'])
@Index('reservations_pool_window_idx', ['poolId', 'windowFrom', 'windowTo'])
@Check('reservations_quantity_check', '"quantity" > 0')
@Check('reservations_window_check', '"window_to" > "window_from"')
@Check('reservations_status_check', `"status" IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')`)
export class ReservationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'pool_id' })
  poolId!: string;

  @ManyToOne(() => CapacityPoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pool_id', foreignKeyConstraintName: 'reservations_pool_fk' })
  pool?: Relation<CapacityPoolEntity>;

  @Column('integer')
  quantity!: number;

  @Column('timestamptz', { name: 'window_from' })
  windowFrom!: Date;

  @Column('timestamptz', { name: 'window_to' })
  windowTo!: Date;

  @Column('text', { name: 'workload_ref' })
  workloadRef!: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column('text')
  status!: 'HELD' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';

  /** Set while HELD: past it, the hold no longer counts against capacity. */
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
