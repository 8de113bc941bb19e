/**
 * The facts a CEL condition may read: the declared variables of the rule language. Compilation
 * rejects a reference to any path not listed here, so a typo such as `entity.hqCountyr` fails
 * when the pack is published, not when a candidate is evaluated. The README table is this list.
 */
export type FactType = 'string' | 'date' | 'number' | 'boolean' | 'list<string>' | 'object';

export interface FactNode {
  readonly type: FactType;
  /** May be null: numeric use and field selection need a `!= null` or `has()` guard. */
  readonly nullable: boolean;
  readonly description: string;
  readonly fields?: Readonly<Record<string, FactNode>>;
}

export interface FactName {
  readonly path: string;
  readonly type: FactType;
  readonly nullable: boolean;
  readonly description: string;
}

const leaf = (type: Exclude<FactType, 'object'>, description: string, nullable = false): FactNode => ({ type, nullable, description });
const obj = (description: string, fields: Record<string, FactNode>, nullable = false): FactNode => ({ type: 'object', nullable, description, fields });

const groupsOf = (who: string) => leaf('list<string>', `Country groups of ${who} on the date, from the pack's dated memberships (e.g. "D:5", "A:6", "T:1")`);

const accelerator = obj('The accelerator, per integrated circuit (the unit 3A090 assesses)', {
  id: leaf('string', 'Catalog id, e.g. "nvidia-h100-sxm"'),
  vendor: leaf('string', 'Vendor name as in the catalog, e.g. "NVIDIA", "AMD", "Huawei"'),
  originCountry: leaf('string', 'Country of origin (ISO 3166-1 alpha-2); "CN" marks a PRC chip'),
  designedForDataCenter: leaf('boolean', 'Designed or marketed for data centres (3A090 Note 2, NAC eligibility)'),
  tpp: leaf('number', 'Total processing performance per IC (dense)', true),
  performanceDensity: leaf('number', 'TPP / applicable logic die area (mm²)', true),
  memoryBandwidthGBps: leaf('number', 'Total DRAM bandwidth, GB/s', true),
  interconnectGBps: leaf('number', 'Scale-up interconnect bandwidth, GB/s (stands in for the v2022 aggregate bidirectional I/O figure)', true),
});

/** Variables of rule conditions. */
export const RULE_FACTS: Readonly<Record<string, FactNode>> = {
  date: leaf('date', 'Evaluation date, "YYYY-MM-DD"; compare lexically (date >= "2025-05-13")'),
  entity: obj('The requesting legal entity', {
    id: leaf('string', 'Entity id (slug)'),
    name: leaf('string', 'Entity name'),
    hqCountry: leaf('string', 'Headquarters country'),
    ultimateParentHqCountry: leaf('string', 'Headquarters country of the ultimate parent; null when the entity is its own parent', true),
    isCiio: leaf('boolean', "Critical information infrastructure operator under China's Cybersecurity Law"),
    restrictedParty: leaf('boolean', 'On the US Entity List or a similar restricted-party list'),
  }),
  workload: obj('The workload and the data it touches', {
    kind: leaf('string', 'TRAINING | FINE_TUNING | INFERENCE | BATCH_INFERENCE'),
    data: obj('The data the workload uses', {
      originCountry: leaf('string', 'Country where the data was collected; null when no data leaves a country', true),
      personalInfoIndividuals: leaf('number', 'Individuals whose (non-sensitive) personal information this transfer carries'),
      sensitivePersonalInfoIndividuals: leaf('number', 'Individuals whose sensitive personal information this transfer carries'),
      importantData: leaf('boolean', 'Contains data notified or published as "important data"'),
      cumulativePersonalInfoIndividualsThisYear: leaf('number', 'Already exported since 1 January of the current year (2024 window)'),
      cumulativeSensitivePersonalInfoIndividualsThisYear: leaf('number', 'Sensitive PI already exported since 1 January of the current year'),
      personalInfoIndividualsSincePreviousYear: leaf('number', 'Already exported since 1 January of the previous year (2022 window)'),
      sensitivePersonalInfoIndividualsSincePreviousYear: leaf('number', 'Sensitive PI already exported since 1 January of the previous year'),
    }),
    servesPublicIn: leaf('list<string>', 'Countries whose public the inference is offered to (empty: internal use)'),
  }),
  placement: obj('The candidate placement', {
    accelerator,
    site: obj('The data-centre site', {
      id: leaf('string', 'Site id'),
      countryCode: leaf('string', 'Site country'),
      stateFunded: leaf('boolean', 'Project with any (Chinese) state funding'),
    }),
    operator: obj('Who runs the site or capacity', {
      name: leaf('string', 'Operator name'),
      hqCountry: leaf('string', 'Operator headquarters country', true),
      ultimateParentHqCountry: leaf('string', "Operator's ultimate-parent headquarters country", true),
    }),
    ownership: leaf('string', 'OWNED (entity buys and ships) | LEASED_IAAS (remote use of capacity it does not own) | COLOCATION (its hardware in another\'s facility)'),
    hardwareMovement: obj(
      'Where hardware moves to make this placement; null when none moves. Guard: `placement.hardwareMovement != null && …`',
      {
        fromCountry: leaf('string', 'Country the hardware leaves'),
        toCountry: leaf('string', 'Country the hardware is delivered to'),
        throughCountries: leaf('list<string>', 'Transit/transshipment countries'),
      },
      true,
    ),
  }),
  derived: obj('Facts computed from the pack and the facts before any rule runs', {
    accelerator: obj('3A090 classification on the date', {
      eccn: leaf('string', 'First matching class of the threshold set in force ("3A090.a" | "3A090.b" | "3A090.c"), else null', true),
      thresholdSet: leaf('string', 'Id of the threshold set in force on the date; null before the first one', true),
    }),
    site: obj('The site country', {
      groups: groupsOf('the site country'),
      d5OrMacau: leaf('boolean', 'Site country in D:5, or Macau (MO)'),
    }),
    entity: obj('The requesting entity', {
      hqCountries: leaf('list<string>', 'HQ country and, when set, ultimate-parent HQ country'),
      groups: groupsOf('the entity HQ and ultimate-parent HQ (union)'),
      d5OrMacauHeaded: leaf('boolean', 'HQ or ultimate parent in D:5 or Macau (MO)'),
    }),
    operator: obj('The operator', {
      hqCountries: leaf('list<string>', 'Operator HQ and ultimate-parent HQ countries (nulls dropped)'),
      groups: groupsOf('the operator HQ and parent HQ (union)'),
      d5OrMacauHeaded: leaf('boolean', 'Operator HQ or ultimate parent in D:5 or Macau (MO)'),
    }),
    recipient: obj('The party that receives the items: the entity for OWNED/COLOCATION, the operator for LEASED_IAAS', {
      party: leaf('string', 'ENTITY | OPERATOR'),
      hqCountries: leaf('list<string>', "The recipient's HQ and ultimate-parent HQ countries"),
      groups: groupsOf("the recipient's HQ and parent HQ (union)"),
      d5OrMacauHeaded: leaf('boolean', 'Recipient HQ or ultimate parent in D:5 or Macau (MO)'),
    }),
    movement: obj('Country groups along the hardware movement (all empty when nothing moves)', {
      toGroups: groupsOf('the destination country'),
      fromGroups: groupsOf('the origin country'),
      throughGroups: groupsOf('the transit countries (union)'),
    }),
    data: obj("China's outbound-data counts", {
      outboundFromCn: leaf('boolean', 'Data collected in mainland China (origin "CN") processed at a site outside it'),
      personalInfoThisYear: leaf('number', 'cumulative…ThisYear + this transfer (2024 window; an upper bound: individuals may overlap)'),
      sensitivePersonalInfoThisYear: leaf('number', 'cumulativeSensitive…ThisYear + this transfer'),
      personalInfoSincePreviousYear: leaf('number', '…SincePreviousYear + this transfer (2022 window)'),
      sensitivePersonalInfoSincePreviousYear: leaf('number', 'sensitive…SincePreviousYear + this transfer'),
    }),
  }),
};

/** Variables of threshold-class conditions: the accelerator alone (classification is a property of the item). */
export const THRESHOLD_FACTS: Readonly<Record<string, FactNode>> = { accelerator };

function flatten(prefix: string, nodes: Readonly<Record<string, FactNode>>): FactName[] {
  return Object.entries(nodes).flatMap(([name, node]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const self: FactName = { path, type: node.type, nullable: node.nullable, description: node.description };
    return node.fields === undefined ? [self] : [self, ...flatten(path, node.fields)];
  });
}

/** Every rule-condition fact path, depth first (the README table). */
export const FACT_NAMES: readonly FactName[] = flatten('', RULE_FACTS);
/** Every threshold-condition fact path. */
export const THRESHOLD_FACT_NAMES: readonly FactName[] = flatten('', THRESHOLD_FACTS);
