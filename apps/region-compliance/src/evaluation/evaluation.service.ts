import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluateComplianceReplyV1, EvaluateComplianceRequestV1, RulePackV1, VerdictOutcome } from '@cp/contracts';
import { evaluate, whatIf } from '@cp/compliance-rules';
import type { DataSource } from 'typeorm';
import { LegalEntitiesService } from '../legal-entities/legal-entities.service.js';
import { compileOrReject, RulePacksService } from '../rule-packs/rule-packs.service.js';
import { TrackedPlacementEntity } from './tracked-placement.entity.js';

export interface WhatIfResult {
  baseVersion: string;
  draftVersion: string;
  evaluated: number;
  changes: { placementId: string; before: VerdictOutcome; after: VerdictOutcome; decidingRulesBefore: string[]; decidingRulesAfter: string[] }[];
}

@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rulePacks: RulePacksService,
    private readonly legalEntities: LegalEntitiesService,
  ) {}

  /** One verdict per candidate, all under one pack version and one set of entity facts. */
  async evaluate(request: EvaluateComplianceRequestV1): Promise<EvaluateComplianceReplyV1> {
    const entity = await this.legalEntities.get(request.legalEntityId);
    const { version, compiled } = await this.rulePacks.compiledPack(request.rulePackVersion);
    const verdicts = request.candidates.map((candidate) => ({
      candidateId: candidate.candidateId,
      verdict: evaluate(compiled, { date: request.date, entity, workload: request.workload, placement: candidate.placement }),
    }));
    if (request.track) {
      await this.dataSource.getRepository(TrackedPlacementEntity).upsert(
        request.candidates.map((c) => ({ id: c.candidateId, legalEntityId: entity.id, date: request.date, workload: request.workload, placement: c.placement })),
        ['id'],
      );
    }
    return { rulePackVersion: version, verdicts };
  }

  /** Re-checks every tracked placement under a draft pack (never published) and lists what flips. */
  async whatIf(draft: RulePackV1): Promise<WhatIfResult> {
    const draftCompiled = compileOrReject(draft, 'draft.rules');
    const base = await this.rulePacks.compiledPack();
    const tracked = await this.dataSource.getRepository(TrackedPlacementEntity).find({ order: { id: 'ASC' } });
    const entities = new Map((await this.legalEntities.list()).map((e) => [e.id, e]));
    const placements = tracked.flatMap((t) => {
      const entity = entities.get(t.legalEntityId);
      return entity ? [{ placementId: t.id, facts: { date: t.date, entity, workload: t.workload, placement: t.placement } }] : [];
    });
    return { baseVersion: base.version, draftVersion: draft.version, evaluated: placements.length, changes: whatIf(base.compiled, draftCompiled, placements) };
  }
}
