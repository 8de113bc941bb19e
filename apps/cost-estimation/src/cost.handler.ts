import { Injectable } from '@nestjs/common';
import {
  CostAdminV1,
  type CostAdminCommandV1,
  type CostAdminReplyV1,
  CostLedgerV1,
  type CostLedgerReplyV1,
  EstimateCostV1,
  type EstimateCostReplyV1,
  type EstimateCostRequestV1,
  type LedgerCommandV1,
  UsageRecordedV1,
} from '@cp/contracts';
import { OnEvent, OnMessage } from '@cp/messaging';
import { authorizeCommand } from '@cp/service-kit';
import { BudgetsService } from './budgets/budgets.service.js';
import { EstimatesService } from './estimates/estimates.service.js';
import { LedgerService } from './ledger/ledger.service.js';
import { CostDatasetsService } from './reference-data/cost-datasets.service.js';
import { ReportsService } from './reports/reports.service.js';

/** The bus face of cost-estimation: estimates, the ledger, reports, budgets and reference data. */
@Injectable()
export class CostHandler {
  constructor(
    private readonly estimates: EstimatesService,
    private readonly ledger: LedgerService,
    private readonly reports: ReportsService,
    private readonly budgets: BudgetsService,
    private readonly datasets: CostDatasetsService,
  ) {}

  @OnMessage(EstimateCostV1)
  estimate(request: EstimateCostRequestV1): Promise<EstimateCostReplyV1> {
    return this.estimates.estimate(request);
  }

  @OnMessage(CostLedgerV1)
  async ledgerCommand(command: LedgerCommandV1): Promise<CostLedgerReplyV1> {
    authorizeCommand(CostLedgerV1, command);
    switch (command.command) {
      case 'record':
        return { kind: 'recorded', ...(await this.ledger.record(command.actor, command.source, command.entries)) };
      case 'page':
        return { kind: 'page', ...(await this.ledger.page(command.filter, command.after, command.first)) };
      case 'report':
        return { kind: 'report', report: await this.reports.report(command) };
      case 'setBudget':
        return { kind: 'budget', budget: await this.budgets.set(command.actor, command.costCenter, command.month, command.amount, command.currency) };
      case 'listBudgets':
        return { kind: 'budgets', budgets: await this.budgets.list(command.from, command.to, command.costCenters) };
    }
  }

  @OnMessage(CostAdminV1)
  async admin(command: CostAdminCommandV1): Promise<CostAdminReplyV1> {
    authorizeCommand(CostAdminV1, command);
    switch (command.command) {
      case 'publish':
        return { kind: 'version', ...(await this.datasets.publish(command.actor, command.dataset, command.document)) };
      case 'listVersions':
        return { kind: 'versions', versions: await this.datasets.list(command.dataset) };
      case 'getVersion':
        return { kind: 'document', ...(await this.datasets.getDocument(command.dataset, command.version)) };
    }
  }

  /**
   * Actual usage from pipelines and billing feeds. Deduplicated by the entry's idempotency
   * key, so a replayed feed records nothing twice; a key reused with other content is a
   * CONFLICT, which sends the message to cost.usage.dlq with that reason.
   */
  @OnEvent(UsageRecordedV1)
  async usage(event: UsageRecordedV1): Promise<void> {
    await this.ledger.record({ id: event.recordedBy, roles: ['pipeline'] }, 'KAFKA', [event.entry]);
  }
}
