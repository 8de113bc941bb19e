import { formatShare, formatSpan } from './time.js';

/** Human names shared by the model's rows, the verifier's errors and the binding report. */
export const constraintName = {
  assignment: (workloadId: string) => `assignment ${workloadId}`,
  capacity: (poolId: string, from: number, to: number) => `capacity ${poolId} ${formatSpan(from, to)}`,
  budget: () => 'budget',
  domestic: (share: number) => `domestic inference share ≥ ${formatShare(share)}`,
  country: (countryCode: string, share: number) => `training spend share in ${countryCode} ≤ ${formatShare(share)}`,
  group: (group: string) => `group ${group} together`,
  option: (workloadId: string, poolId: string) => `option ${workloadId} on ${poolId}`,
};

/** Policy families the conflict search drops, in the order it tries them. */
export const POLICY_FAMILIES = ['budget', 'domestic inference share', 'training country share', 'groups together'] as const;
export type PolicyFamily = (typeof POLICY_FAMILIES)[number];
