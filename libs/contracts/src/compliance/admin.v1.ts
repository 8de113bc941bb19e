import { z } from 'zod';
import { defineEvent, defineRequest, type PayloadOf, type ReplyOf, type RequestOf } from '../contract.js';
import { Actor } from '../common/actor.js';
import { Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { LegalEntityV1 } from './facts.v1.js';
import { RulePackV1 } from './rule-pack.v1.js';
import { VerdictOutcome } from './verdict.v1.js';

export const RulePackSummaryV1 = z.object({
  version: z.string(),
  title: z.string(),
  ruleCount: z.number().int().nonnegative(),
  publishedAt: z.iso.datetime({ offset: true }),
  publishedBy: z.string(),
  current: z.boolean(),
});

export const ComplianceCommandV1 = z.discriminatedUnion('command', [
  z.object({ command: z.literal('listRulePacks') }).strict(),
  z.object({ command: z.literal('getRulePack'), version: z.string().min(1).max(50) }).strict(),
  z.object({ command: z.literal('publishRulePack'), actor: Actor, pack: RulePackV1 }).strict(),
  /** Re-checks every tracked placement under the draft, never publishing it. */
  z.object({ command: z.literal('whatIf'), draft: RulePackV1 }).strict(),
  z.object({ command: z.literal('listLegalEntities') }).strict(),
  z.object({ command: z.literal('upsertLegalEntity'), actor: Actor, entity: LegalEntityV1 }).strict(),
  z.object({ command: z.literal('deleteLegalEntity'), actor: Actor, id: Slug }).strict(),
]);

export const WhatIfChangeV1 = z.object({ placementId: z.string(), before: VerdictOutcome, after: VerdictOutcome, decidingRulesBefore: z.array(z.string()), decidingRulesAfter: z.array(z.string()) });

/** gateway -> region-compliance: rule packs, legal entities and what-if runs. */
export const ComplianceAdminV1 = defineRequest(
  Topics.complianceAdmin,
  Topics.complianceAdminReply,
  1,
  ComplianceCommandV1,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rulePacks'), rulePacks: z.array(RulePackSummaryV1) }),
    z.object({ kind: z.literal('rulePack'), summary: RulePackSummaryV1, pack: RulePackV1 }),
    z.object({ kind: z.literal('whatIf'), baseVersion: z.string(), draftVersion: z.string(), evaluated: z.number().int(), changes: z.array(WhatIfChangeV1) }),
    z.object({ kind: z.literal('legalEntities'), legalEntities: z.array(LegalEntityV1) }),
    z.object({ kind: z.literal('legalEntity'), legalEntity: LegalEntityV1 }),
    z.object({ kind: z.literal('deleted'), id: z.string() }),
  ]),
);
export type ComplianceCommandV1 = RequestOf<typeof ComplianceAdminV1>;
export type ComplianceAdminReplyV1 = ReplyOf<typeof ComplianceAdminV1>;

/** region-compliance -> anyone: a rule pack version became current. */
export const RulePackPublishedV1 = defineEvent(
  Topics.complianceRulePackPublished,
  1,
  z.object({ version: z.string(), ruleCount: z.number().int(), publishedAt: z.iso.datetime({ offset: true }), publishedBy: z.string(), checksum: z.string() }),
);
export type RulePackPublishedV1 = PayloadOf<typeof RulePackPublishedV1>;
