import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, BudgetV1 } from '@cp/contracts';
import type { DataSource } from 'typeorm';
import { formatAmount } from '../ledger/amounts.js';
import { BudgetEntity } from './budget.entity.js';

export interface BudgetRow {
  readonly costCenter: string;
  /** YYYY-MM */
  readonly month: string;
  readonly amount: string;
  readonly currency: string;
}

function toBudget(row: BudgetEntity): BudgetV1 {
  return { costCenter: row.costCenter, month: row.month.slice(0, 7), amount: formatAmount(row.amount), currency: row.currency, setBy: row.setBy, setAt: row.setAt.toISOString() };
}

/** Monthly budgets per cost centre. */
@Injectable()
export class BudgetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(actor: Actor, costCenter: string, month: string, amount: string, currency: string, now = new Date()): Promise<BudgetV1> {
    const row = this.dataSource.getRepository(BudgetEntity).create({ costCenter, month: `${month}-01`, amount, currency, setBy: actor.id, setAt: now });
    await this.dataSource.getRepository(BudgetEntity).upsert(row, ['costCenter', 'month']);
    return toBudget(row);
  }

  async list(from: string, to: string, costCenters?: readonly string[]): Promise<BudgetV1[]> {
    return (await this.rows(`${from}-01`, `${to}-01`, costCenters, true)).map(toBudget);
  }

  /** Budgets of months overlapping [from, to) (whole months count), optionally for some cost centres. */
  async overlapping(from: string, to: string, costCenters?: readonly string[]): Promise<BudgetRow[]> {
    const rows = await this.rows(`${from.slice(0, 7)}-01`, to, costCenters, false);
    return rows.map((r) => ({ costCenter: r.costCenter, month: r.month.slice(0, 7), amount: r.amount, currency: r.currency }));
  }

  private async rows(fromDay: string, toDay: string, costCenters: readonly string[] | undefined, inclusiveTo: boolean): Promise<BudgetEntity[]> {
    const qb = this.dataSource
      .getRepository(BudgetEntity)
      .createQueryBuilder('b')
      .where(`b.month >= :fromDay AND b.month ${inclusiveTo ? '<=' : '<'} :toDay`, { fromDay, toDay })
      .orderBy('b.cost_center')
      .addOrderBy('b.month');
    if (costCenters) qb.andWhere('b.cost_center = ANY(:costCenters)', { costCenters });
    return qb.getMany();
  }
}
