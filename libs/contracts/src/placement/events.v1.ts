import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../contract.js';
import { VerdictOutcome } from '../compliance/verdict.v1.js';
import { Topics } from '../topics.js';

/** gateway -> anyone: a plan was accepted; its capacity is reserved and its spend committed. */
export const PlacementAcceptedV1 = defineEvent(
  Topics.placementAccepted,
  1,
  z.object({
    planId: z.string(),
    acceptedBy: z.string(),
    acceptedAt: z.iso.datetime({ offset: true }),
    placements: z.array(
      z.object({
        placementId: z.string(),
        workloadRef: z.string(),
        poolId: z.string(),
        reservationId: z.uuid(),
        devices: z.number().int().positive(),
        window: z.object({ from: z.string(), to: z.string() }),
        committed: z.object({ amount: z.string(), currency: z.string() }),
      }),
    ),
  }),
);
export type PlacementAcceptedV1 = PayloadOf<typeof PlacementAcceptedV1>;

/** gateway -> anyone: a new rule pack made an accepted placement's verdict worse. */
export const PlacementAlertRaisedV1 = defineEvent(
  Topics.placementAlerts,
  1,
  z.object({
    alertId: z.string(),
    planId: z.string(),
    placementId: z.string(),
    poolId: z.string(),
    before: z.object({ outcome: VerdictOutcome, rulePackVersion: z.string() }),
    after: z.object({ outcome: VerdictOutcome, rulePackVersion: z.string(), decidingRules: z.array(z.string()) }),
    suggestedPoolId: z.string().nullable(),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
);
export type PlacementAlertRaisedV1 = PayloadOf<typeof PlacementAlertRaisedV1>;
