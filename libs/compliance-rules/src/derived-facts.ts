import { isCelError } from '@bufbuild/cel';
import type { ComplianceFactsV1, RulePackV1 } from '@cp/contracts';
import type { CompiledRulePack, CompiledThresholdSet } from './compile-rule-pack.js';
import { RuleEvaluationError } from './compliance-rules.error.js';

interface PartyFacts {
  hqCountries: string[];
  groups: string[];
  d5OrMacauHeaded: boolean;
}

/** The `derived.*` facts (see fact-schema.ts): computed once per evaluation, before any rule. */
export type DerivedFacts = {
  accelerator: { eccn: string | null; thresholdSet: string | null };
  site: { groups: string[]; d5OrMacau: boolean };
  entity: PartyFacts;
  operator: PartyFacts;
  recipient: PartyFacts & { party: 'ENTITY' | 'OPERATOR' };
  movement: { toGroups: string[]; fromGroups: string[]; throughGroups: string[] };
  data: {
    outboundFromCn: boolean;
    personalInfoThisYear: number;
    sensitivePersonalInfoThisYear: number;
    personalInfoSincePreviousYear: number;
    sensitivePersonalInfoSincePreviousYear: number;
  };
};

const MACAU = 'MO';
const D5 = 'D:5';

export function inInterval(date: string, from: string, to: string | null): boolean {
  return from <= date && (to === null || date < to);
}

export function deriveFacts(compiled: CompiledRulePack, facts: ComplianceFactsV1): DerivedFacts {
  const { date, entity, workload, placement } = facts;
  const groupsOf = (countries: readonly (string | null)[]) => countryGroupsOn(compiled.countryGroups, date, countries);
  const party = (countries: readonly (string | null)[]): PartyFacts => {
    const hqCountries = unique(countries.filter((c): c is string => c !== null));
    const groups = groupsOf(hqCountries);
    return { hqCountries, groups, d5OrMacauHeaded: groups.includes(D5) || hqCountries.includes(MACAU) };
  };
  const entityFacts = party([entity.hqCountry, entity.ultimateParentHqCountry]);
  const operatorFacts = party([placement.operator.hqCountry, placement.operator.ultimateParentHqCountry]);
  const siteGroups = groupsOf([placement.site.countryCode]);
  const movement = placement.hardwareMovement;
  const outboundFromCn = workload.data.originCountry === 'CN' && placement.site.countryCode !== 'CN';
  const d = workload.data;
  return {
    accelerator: classify(compiled.thresholds, date, placement.accelerator),
    site: { groups: siteGroups, d5OrMacau: siteGroups.includes(D5) || placement.site.countryCode === MACAU },
    entity: entityFacts,
    operator: operatorFacts,
    recipient: placement.ownership === 'LEASED_IAAS' ? { party: 'OPERATOR', ...operatorFacts } : { party: 'ENTITY', ...entityFacts },
    movement:
      movement === null
        ? { toGroups: [], fromGroups: [], throughGroups: [] }
        : { toGroups: groupsOf([movement.toCountry]), fromGroups: groupsOf([movement.fromCountry]), throughGroups: groupsOf(movement.throughCountries) },
    data: {
      outboundFromCn,
      personalInfoThisYear: d.cumulativePersonalInfoIndividualsThisYear + d.personalInfoIndividuals,
      sensitivePersonalInfoThisYear: d.cumulativeSensitivePersonalInfoIndividualsThisYear + d.sensitivePersonalInfoIndividuals,
      personalInfoSincePreviousYear: d.personalInfoIndividualsSincePreviousYear + d.personalInfoIndividuals,
      sensitivePersonalInfoSincePreviousYear: d.sensitivePersonalInfoIndividualsSincePreviousYear + d.sensitivePersonalInfoIndividuals,
    },
  };
}

/** Groups (sorted, unique) of any of the countries on the date. */
export function countryGroupsOn(rows: RulePackV1['countryGroups'], date: string, countries: readonly (string | null)[]): string[] {
  const wanted = new Set(countries.filter((c): c is string => c !== null));
  return unique(rows.filter((row) => wanted.has(row.country) && inInterval(date, row.from, row.to)).map((row) => row.group)).sort();
}

function classify(
  sets: readonly CompiledThresholdSet[],
  date: string,
  accelerator: ComplianceFactsV1['placement']['accelerator'],
): DerivedFacts['accelerator'] {
  const set = sets.find((s) => inInterval(date, s.effectiveFrom, s.effectiveTo));
  if (set === undefined) return { eccn: null, thresholdSet: null };
  for (const c of set.classes) {
    const result = c.condition.run({ accelerator });
    if (isCelError(result)) throw new RuleEvaluationError(`${set.id}/${c.eccn}`, result.message);
    if (typeof result !== 'boolean') throw new RuleEvaluationError(`${set.id}/${c.eccn}`, `condition returned ${typeof result}, not a boolean`);
    if (result) return { eccn: c.eccn, thresholdSet: set.id };
  }
  return { eccn: null, thresholdSet: set.id };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
