/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { id roles }\n  }\n": typeof types.MeDocument,
    "\n  query Sites($first: Int!, $after: String) {\n    sites(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name city countryCode region operator latitude longitude stateFunded pue { value } powerPrice { perKwh { amount currency } } } }\n    }\n  }\n": typeof types.SitesDocument,
    "\n  query Pools($first: Int!, $after: String, $filter: CapacityPoolFilter) {\n    capacityPools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id deviceCount freeDevices ownership\n          price { basis amount { amount currency } }\n          site { id name countryCode }\n          accelerator { id name vendor originCountry }\n        }\n      }\n    }\n  }\n": typeof types.PoolsDocument,
    "\n  query LegalEntities {\n    legalEntities { id name hqCountry }\n  }\n": typeof types.LegalEntitiesDocument,
    "\n  mutation Recommend($input: WorkloadInput!) {\n    recommendPlacement(input: $input) {\n      id pricingDate\n      chosen { ...RankedFields }\n      alternatives { ...RankedFields }\n      alternativesOmitted paretoFront\n      rejected {\n        candidateId poolId siteName countryCode acceleratorName ownership filter reason verdictOutcome\n        rules { ruleId title status outcome citations { text url } }\n      }\n      counts { matched candidates survived rejectedByFilter { filter count } }\n    }\n  }\n  fragment RankedFields on RankedPlacement {\n    candidateId poolId siteId siteName countryCode acceleratorName vendor ownership verdictOutcome rank score onParetoFront why warnings\n    objectives { totalCost { amount low high currency } timeToResultDays leadTimeDays riskScore latencyMs }\n    estimate { components { name cost { expected currency } } }\n  }\n": typeof types.RecommendDocument,
    "\n  mutation PlanPortfolio($input: PlanPortfolioInput!) {\n    planPortfolio(input: $input) {\n      id status objective bound gap solveSeconds timeLimitSeconds\n      assignment { workloadId poolId siteId countryCode cost timeDays risk recommendationId }\n      binding { constraint slack relaxationSaving { relaxedBy costSaving objectiveBefore objectiveAfter } }\n      conflicts unassigned\n      withoutOptions { workloadId reason }\n      greedy { cost feasible objective }\n      totals { cost currency riskMean timeDaysWeightedMean }\n      model { variables binaries constraints periods }\n    }\n  }\n": typeof types.PlanPortfolioDocument,
    "\n  mutation AcceptPlan($id: ID!) {\n    acceptPlan(id: $id) {\n      planId\n      placements { id poolId devices reservationId verdictOutcome committed { amount currency } window { from to } }\n    }\n  }\n": typeof types.AcceptPlanDocument,
    "\n  query ComplianceCheck($input: ComplianceCheckInput!) {\n    complianceCheck(input: $input) {\n      poolId\n      verdict {\n        outcome evaluatedFor rulePackVersion leadTimeDays disclaimer notTriggered derived\n        leadTime { low expected high assumed policy ruleId }\n        reasons { ...ReasonFields }\n        advisories { ...ReasonFields }\n        conditions { ruleId description leadTimeDays }\n      }\n    }\n  }\n  fragment ReasonFields on VerdictReason {\n    ruleId title family status outcome\n    citations { text url evidence }\n    triggeredBy { fact value }\n  }\n": typeof types.ComplianceCheckDocument,
    "\n  query RulePacks {\n    rulePacks { version title current ruleCount publishedAt publishedBy }\n  }\n": typeof types.RulePacksDocument,
    "\n  query RulePack($version: String!) {\n    rulePack(version: $version) { summary { version title } document }\n  }\n": typeof types.RulePackDocument,
    "\n  query WhatIf($draft: JSONObject!) {\n    whatIfRulePack(draft: $draft) {\n      baseVersion draftVersion evaluated\n      changes { placementId before after decidingRulesBefore decidingRulesAfter }\n    }\n  }\n": typeof types.WhatIfDocument,
    "\n  query CostReport($filter: LedgerFilterInput!, $groupBy: [ReportDimension!]!, $currency: String!) {\n    costReport(filter: $filter, groupBy: $groupBy, currency: $currency) {\n      currency fxDate fxRatesVersion groupBy\n      rows {\n        key { costCenter siteId vendor month countryCode acceleratorId workloadKind }\n        committed actual budget variance variancePercent overBudget forecastOverBudget entryCount\n      }\n      totals { committed actual budget variance overBudget forecastOverBudget entryCount }\n    }\n  }\n": typeof types.CostReportDocument,
    "\n  query Budgets($from: String!, $to: String!, $costCenters: [String!]) {\n    budgets(from: $from, to: $to, costCenters: $costCenters) { costCenter month amount currency setBy }\n  }\n": typeof types.BudgetsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id roles }\n  }\n": types.MeDocument,
    "\n  query Sites($first: Int!, $after: String) {\n    sites(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name city countryCode region operator latitude longitude stateFunded pue { value } powerPrice { perKwh { amount currency } } } }\n    }\n  }\n": types.SitesDocument,
    "\n  query Pools($first: Int!, $after: String, $filter: CapacityPoolFilter) {\n    capacityPools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id deviceCount freeDevices ownership\n          price { basis amount { amount currency } }\n          site { id name countryCode }\n          accelerator { id name vendor originCountry }\n        }\n      }\n    }\n  }\n": types.PoolsDocument,
    "\n  query LegalEntities {\n    legalEntities { id name hqCountry }\n  }\n": types.LegalEntitiesDocument,
    "\n  mutation Recommend($input: WorkloadInput!) {\n    recommendPlacement(input: $input) {\n      id pricingDate\n      chosen { ...RankedFields }\n      alternatives { ...RankedFields }\n      alternativesOmitted paretoFront\n      rejected {\n        candidateId poolId siteName countryCode acceleratorName ownership filter reason verdictOutcome\n        rules { ruleId title status outcome citations { text url } }\n      }\n      counts { matched candidates survived rejectedByFilter { filter count } }\n    }\n  }\n  fragment RankedFields on RankedPlacement {\n    candidateId poolId siteId siteName countryCode acceleratorName vendor ownership verdictOutcome rank score onParetoFront why warnings\n    objectives { totalCost { amount low high currency } timeToResultDays leadTimeDays riskScore latencyMs }\n    estimate { components { name cost { expected currency } } }\n  }\n": types.RecommendDocument,
    "\n  mutation PlanPortfolio($input: PlanPortfolioInput!) {\n    planPortfolio(input: $input) {\n      id status objective bound gap solveSeconds timeLimitSeconds\n      assignment { workloadId poolId siteId countryCode cost timeDays risk recommendationId }\n      binding { constraint slack relaxationSaving { relaxedBy costSaving objectiveBefore objectiveAfter } }\n      conflicts unassigned\n      withoutOptions { workloadId reason }\n      greedy { cost feasible objective }\n      totals { cost currency riskMean timeDaysWeightedMean }\n      model { variables binaries constraints periods }\n    }\n  }\n": types.PlanPortfolioDocument,
    "\n  mutation AcceptPlan($id: ID!) {\n    acceptPlan(id: $id) {\n      planId\n      placements { id poolId devices reservationId verdictOutcome committed { amount currency } window { from to } }\n    }\n  }\n": types.AcceptPlanDocument,
    "\n  query ComplianceCheck($input: ComplianceCheckInput!) {\n    complianceCheck(input: $input) {\n      poolId\n      verdict {\n        outcome evaluatedFor rulePackVersion leadTimeDays disclaimer notTriggered derived\n        leadTime { low expected high assumed policy ruleId }\n        reasons { ...ReasonFields }\n        advisories { ...ReasonFields }\n        conditions { ruleId description leadTimeDays }\n      }\n    }\n  }\n  fragment ReasonFields on VerdictReason {\n    ruleId title family status outcome\n    citations { text url evidence }\n    triggeredBy { fact value }\n  }\n": types.ComplianceCheckDocument,
    "\n  query RulePacks {\n    rulePacks { version title current ruleCount publishedAt publishedBy }\n  }\n": types.RulePacksDocument,
    "\n  query RulePack($version: String!) {\n    rulePack(version: $version) { summary { version title } document }\n  }\n": types.RulePackDocument,
    "\n  query WhatIf($draft: JSONObject!) {\n    whatIfRulePack(draft: $draft) {\n      baseVersion draftVersion evaluated\n      changes { placementId before after decidingRulesBefore decidingRulesAfter }\n    }\n  }\n": types.WhatIfDocument,
    "\n  query CostReport($filter: LedgerFilterInput!, $groupBy: [ReportDimension!]!, $currency: String!) {\n    costReport(filter: $filter, groupBy: $groupBy, currency: $currency) {\n      currency fxDate fxRatesVersion groupBy\n      rows {\n        key { costCenter siteId vendor month countryCode acceleratorId workloadKind }\n        committed actual budget variance variancePercent overBudget forecastOverBudget entryCount\n      }\n      totals { committed actual budget variance overBudget forecastOverBudget entryCount }\n    }\n  }\n": types.CostReportDocument,
    "\n  query Budgets($from: String!, $to: String!, $costCenters: [String!]) {\n    budgets(from: $from, to: $to, costCenters: $costCenters) { costCenter month amount currency setBy }\n  }\n": types.BudgetsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id roles }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sites($first: Int!, $after: String) {\n    sites(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name city countryCode region operator latitude longitude stateFunded pue { value } powerPrice { perKwh { amount currency } } } }\n    }\n  }\n"): typeof import('./graphql').SitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pools($first: Int!, $after: String, $filter: CapacityPoolFilter) {\n    capacityPools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id deviceCount freeDevices ownership\n          price { basis amount { amount currency } }\n          site { id name countryCode }\n          accelerator { id name vendor originCountry }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PoolsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LegalEntities {\n    legalEntities { id name hqCountry }\n  }\n"): typeof import('./graphql').LegalEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Recommend($input: WorkloadInput!) {\n    recommendPlacement(input: $input) {\n      id pricingDate\n      chosen { ...RankedFields }\n      alternatives { ...RankedFields }\n      alternativesOmitted paretoFront\n      rejected {\n        candidateId poolId siteName countryCode acceleratorName ownership filter reason verdictOutcome\n        rules { ruleId title status outcome citations { text url } }\n      }\n      counts { matched candidates survived rejectedByFilter { filter count } }\n    }\n  }\n  fragment RankedFields on RankedPlacement {\n    candidateId poolId siteId siteName countryCode acceleratorName vendor ownership verdictOutcome rank score onParetoFront why warnings\n    objectives { totalCost { amount low high currency } timeToResultDays leadTimeDays riskScore latencyMs }\n    estimate { components { name cost { expected currency } } }\n  }\n"): typeof import('./graphql').RecommendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanPortfolio($input: PlanPortfolioInput!) {\n    planPortfolio(input: $input) {\n      id status objective bound gap solveSeconds timeLimitSeconds\n      assignment { workloadId poolId siteId countryCode cost timeDays risk recommendationId }\n      binding { constraint slack relaxationSaving { relaxedBy costSaving objectiveBefore objectiveAfter } }\n      conflicts unassigned\n      withoutOptions { workloadId reason }\n      greedy { cost feasible objective }\n      totals { cost currency riskMean timeDaysWeightedMean }\n      model { variables binaries constraints periods }\n    }\n  }\n"): typeof import('./graphql').PlanPortfolioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptPlan($id: ID!) {\n    acceptPlan(id: $id) {\n      planId\n      placements { id poolId devices reservationId verdictOutcome committed { amount currency } window { from to } }\n    }\n  }\n"): typeof import('./graphql').AcceptPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceCheck($input: ComplianceCheckInput!) {\n    complianceCheck(input: $input) {\n      poolId\n      verdict {\n        outcome evaluatedFor rulePackVersion leadTimeDays disclaimer notTriggered derived\n        leadTime { low expected high assumed policy ruleId }\n        reasons { ...ReasonFields }\n        advisories { ...ReasonFields }\n        conditions { ruleId description leadTimeDays }\n      }\n    }\n  }\n  fragment ReasonFields on VerdictReason {\n    ruleId title family status outcome\n    citations { text url evidence }\n    triggeredBy { fact value }\n  }\n"): typeof import('./graphql').ComplianceCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulePacks {\n    rulePacks { version title current ruleCount publishedAt publishedBy }\n  }\n"): typeof import('./graphql').RulePacksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulePack($version: String!) {\n    rulePack(version: $version) { summary { version title } document }\n  }\n"): typeof import('./graphql').RulePackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatIf($draft: JSONObject!) {\n    whatIfRulePack(draft: $draft) {\n      baseVersion draftVersion evaluated\n      changes { placementId before after decidingRulesBefore decidingRulesAfter }\n    }\n  }\n"): typeof import('./graphql').WhatIfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostReport($filter: LedgerFilterInput!, $groupBy: [ReportDimension!]!, $currency: String!) {\n    costReport(filter: $filter, groupBy: $groupBy, currency: $currency) {\n      currency fxDate fxRatesVersion groupBy\n      rows {\n        key { costCenter siteId vendor month countryCode acceleratorId workloadKind }\n        committed actual budget variance variancePercent overBudget forecastOverBudget entryCount\n      }\n      totals { committed actual budget variance overBudget forecastOverBudget entryCount }\n    }\n  }\n"): typeof import('./graphql').CostReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Budgets($from: String!, $to: String!, $costCenters: [String!]) {\n    budgets(from: $from, to: $to, costCenters: $costCenters) { costCenter month amount currency setBy }\n  }\n"): typeof import('./graphql').BudgetsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
