import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cost centre's budget for one calendar month; setting it again replaces it. */
@Entity({ name: 'budgets' })
export class BudgetEntity {
  @PrimaryColumn('text', { name: 'cost_center' })
  costCenter!: string;

  /** First day of the month. */
  @PrimaryColumn('date')
  month!: string;

  @Column('numeric', { precision: 28, scale: 8 })
  amount!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('text', { name: 'set_by' })
  setBy!: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt!: Date;
}
