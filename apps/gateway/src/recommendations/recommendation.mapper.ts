import type { RankedCandidate, Rejection } from '@cp/placement';
import { Precision } from '../accelerators/accelerator.model.js';
import type { RecommendationEntity } from './recommendation.entity.js';
import type { Recommendation, RecommendationChange } from './recommendation.model.js';
import type { Computed, StoredResult } from './recommendations.service.js';

interface Shown {
  readonly id: string;
  readonly name: string | null;
  readonly kind: string;
  readonly costCenter: string;
  readonly legalEntityId: string;
  readonly createdAt: Date;
  readonly requestedBy: string;
  readonly pricingDate: string;
  readonly versions: Record<string, string | null>;
  readonly input: Record<string, unknown>;
  readonly result: StoredResult;
}

function ranked(r: RankedCandidate, result: StoredResult): Recommendation['alternatives'][number] {
  const detail = result.details[r.candidateId];
  // A substituted precision is a caveat of the option itself: shown first among its warnings.
  const precision = (result.inventory.precisionAssumptions ?? []).filter((a) => a.acceleratorId === r.acceleratorId).map((a) => a.assumption);
  return {
    ...r,
    ownership: r.ownership as never,
    verdictOutcome: r.verdictOutcome as never,
    warnings: [...precision, ...r.warnings],
    estimate: (detail?.estimate ?? null) as never,
    verdict: (detail?.verdict ?? null) as never,
  };
}

function rejection(r: Rejection): Recommendation['rejected'][number] {
  const rules = 'rules' in r.detail ? r.detail.rules : [];
  return { ...r, ownership: r.ownership as never, verdictOutcome: r.verdictOutcome as never, rules: rules as never, detail: r.detail as unknown as Record<string, unknown> };
}

export function toRecommendation(shown: Shown): Recommendation {
  const { result } = shown;
  const v = shown.versions;
  return {
    id: shown.id,
    name: shown.name,
    kind: shown.kind,
    costCenter: shown.costCenter,
    legalEntityId: shown.legalEntityId,
    createdAt: shown.createdAt,
    requestedBy: shown.requestedBy,
    pricingDate: shown.pricingDate,
    versions: { catalog: v.catalog ?? null, rulePack: v.rulePack ?? null, priceBook: v.priceBook ?? null, costScenarios: v.costScenarios ?? null, fxRates: v.fxRates ?? null },
    chosen: result.chosen ? ranked(result.chosen, result) : null,
    alternatives: result.alternatives.map((a) => ranked(a, result)),
    alternativesOmitted: result.alternativesOmitted,
    paretoFront: result.paretoFront,
    rejected: result.rejected.map(rejection),
    rejectedOmitted: result.rejectedOmitted ?? 0,
    precisionAssumptions: (result.inventory.precisionAssumptions ?? []).map((a) => ({ ...a, requested: Precision[a.requested], runAt: Precision[a.runAt] })),
    counts: {
      matched: result.inventory.matched,
      candidates: result.counts.candidates,
      survived: result.counts.survived,
      rejectedByFilter: Object.entries(result.counts.rejectedByFilter).map(([filter, count]) => ({ filter, count })),
    },
    weights: result.weights,
    model: result.model as unknown as Record<string, unknown>,
    input: shown.input,
  };
}

export function fromEntity(row: RecommendationEntity): Recommendation {
  const result = row.result as unknown as StoredResult;
  const input = row.input;
  return toRecommendation({ ...row, pricingDate: (input.pricingDate as string | undefined) ?? row.createdAt.toISOString().slice(0, 10), result });
}

export function fromComputed(original: RecommendationEntity, computed: Computed, now: Date): Recommendation {
  return toRecommendation({ ...original, createdAt: now, requestedBy: 'replay', pricingDate: computed.pricingDate, versions: computed.versions, result: computed.result });
}

/** What a replay changed: data versions, the choice, ranks of the listed placements, rejections and their reasons. */
export function differences(before: StoredResult, beforeVersions: Record<string, string | null>, after: StoredResult, afterVersions: Record<string, string | null>): RecommendationChange[] {
  const changes: RecommendationChange[] = [];
  for (const key of new Set([...Object.keys(beforeVersions), ...Object.keys(afterVersions)])) {
    const b = beforeVersions[key] ?? null;
    const a = afterVersions[key] ?? null;
    if (b !== a) changes.push({ kind: 'VERSION', description: `${key} version ${b ?? 'none'} → ${a ?? 'none'}`, candidateId: null, before: b, after: a });
  }
  const chosenBefore = before.chosen?.candidateId ?? null;
  const chosenAfter = after.chosen?.candidateId ?? null;
  if (chosenBefore !== chosenAfter) {
    changes.push({ kind: 'CHOSEN', description: `the choice moved from ${chosenBefore ?? 'nothing'} to ${chosenAfter ?? 'nothing'}`, candidateId: chosenAfter, before: chosenBefore, after: chosenAfter });
  } else if (before.chosen && after.chosen && before.chosen.objectives.totalCost.amount !== after.chosen.objectives.totalCost.amount) {
    const c = before.chosen.objectives.totalCost;
    changes.push({ kind: 'COST', description: `the chosen placement's expected cost ${c.amount} → ${after.chosen.objectives.totalCost.amount} ${c.currency}`, candidateId: chosenAfter, before: c.amount, after: after.chosen.objectives.totalCost.amount });
  }
  const rankOf = (r: StoredResult) => new Map([r.chosen, ...r.alternatives].filter((x): x is RankedCandidate => x !== null).map((x) => [x.candidateId, x.rank]));
  const ranksBefore = rankOf(before);
  const ranksAfter = rankOf(after);
  for (const [id, rank] of ranksAfter) {
    const was = ranksBefore.get(id);
    if (was !== undefined && was !== rank) changes.push({ kind: 'RANK', description: `${id} rank ${was} → ${rank}`, candidateId: id, before: String(was), after: String(rank) });
  }
  const rejectedBefore = new Map(before.rejected.map((r) => [r.candidateId, r]));
  const rejectedAfter = new Map(after.rejected.map((r) => [r.candidateId, r]));
  for (const [id, r] of rejectedAfter) {
    const was = rejectedBefore.get(id);
    if (!was) changes.push({ kind: 'NEWLY_REJECTED', description: `${id} is now rejected: ${r.reason}`, candidateId: id, before: null, after: r.filter });
    else if (was.filter !== r.filter) changes.push({ kind: 'REJECTION_REASON', description: `${id} was rejected by ${was.filter}, now by ${r.filter}: ${r.reason}`, candidateId: id, before: was.filter, after: r.filter });
  }
  for (const [id, was] of rejectedBefore) {
    if (!rejectedAfter.has(id)) changes.push({ kind: 'NO_LONGER_REJECTED', description: `${id} is no longer rejected (was ${was.filter})`, candidateId: id, before: was.filter, after: null });
  }
  return changes;
}
