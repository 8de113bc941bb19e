import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A portfolio plan as it was solved: the input, the solver's answer, and for every assigned
 * workload what acceptPlan needs (its input snapshot, the chosen pool's verdict and estimate).
 */
@Entity({ name: 'portfolio_plans' })
export class PortfolioPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

  @Column('jsonb')
  input!: Record<string, unknown>;

  @Column('jsonb')
  result!: Record<string, unknown>;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
