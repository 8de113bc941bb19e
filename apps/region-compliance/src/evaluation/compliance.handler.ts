import { Injectable } from '@nestjs/common';
import {
  ComplianceAdminV1,
  type ComplianceAdminReplyV1,
  type ComplianceCommandV1,
  EvaluateComplianceV1,
  type EvaluateComplianceReplyV1,
  type EvaluateComplianceRequestV1,
} from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { authorizeCommand } from '@cp/service-kit';
import { LegalEntitiesService } from '../legal-entities/legal-entities.service.js';
import { RulePacksService, summaryOf } from '../rule-packs/rule-packs.service.js';
import { EvaluationService } from './evaluation.service.js';

@Injectable()
export class ComplianceHandler {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly rulePacks: RulePacksService,
    private readonly legalEntities: LegalEntitiesService,
  ) {}

  @OnMessage(EvaluateComplianceV1)
  evaluate(request: EvaluateComplianceRequestV1): Promise<EvaluateComplianceReplyV1> {
    return this.evaluation.evaluate(request);
  }

  @OnMessage(ComplianceAdminV1)
  async admin(command: ComplianceCommandV1): Promise<ComplianceAdminReplyV1> {
    authorizeCommand(ComplianceAdminV1, command);
    switch (command.command) {
      case 'listRulePacks':
        return { kind: 'rulePacks', rulePacks: await this.rulePacks.list() };
      case 'getRulePack': {
        const row = await this.rulePacks.get(command.version);
        return { kind: 'rulePack', summary: summaryOf(row), pack: row.pack };
      }
      case 'publishRulePack': {
        const row = await this.rulePacks.publish(command.actor, command.pack);
        return { kind: 'rulePack', summary: summaryOf(row), pack: row.pack };
      }
      case 'whatIf':
        return { kind: 'whatIf', ...(await this.evaluation.whatIf(command.draft)) };
      case 'listLegalEntities':
        return { kind: 'legalEntities', legalEntities: await this.legalEntities.list() };
      case 'upsertLegalEntity':
        return { kind: 'legalEntity', legalEntity: await this.legalEntities.upsert(command.actor, command.entity) };
      case 'deleteLegalEntity':
        await this.legalEntities.remove(command.actor, command.id);
        return { kind: 'deleted', id: command.id };
    }
  }
}
