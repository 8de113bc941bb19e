import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { IsoDate, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { PlacementFactsV1, WorkloadFactsV1 } from './facts.v1.js';
import { VerdictV1 } from './verdict.v1.js';

/** gateway -> region-compliance: verdicts for many candidates of one workload in one message. */
export const EvaluateComplianceV1 = defineRequest(
  Topics.complianceEvaluate,
  Topics.complianceEvaluateReply,
  1,
  z
    .object({
      date: IsoDate,
      legalEntityId: Slug,
      /** Evaluate under this published version (default: the current one). */
      rulePackVersion: z.string().min(1).max(50).optional(),
      workload: WorkloadFactsV1,
      candidates: z.array(z.object({ candidateId: z.string().min(1).max(200), placement: PlacementFactsV1 })).min(1).max(5_000),
      /** Keep these placements so what-if runs of draft packs re-check them. */
      track: z.boolean().default(false),
    })
    .strict(),
  z.object({ rulePackVersion: z.string(), verdicts: z.array(z.object({ candidateId: z.string(), verdict: VerdictV1 })) }),
);
export type EvaluateComplianceRequestV1 = RequestOf<typeof EvaluateComplianceV1>;
export type EvaluateComplianceReplyV1 = ReplyOf<typeof EvaluateComplianceV1>;
