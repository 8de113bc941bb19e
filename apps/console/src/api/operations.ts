// Every operation the console sends. Types come from `node apps/console/codegen.mjs`, generated
// from the committed public schema (apps/gateway/schema.gql) into ../gql.
import { graphql } from '../gql';

export const ME = graphql(`
  query Me {
    me { id roles }
  }
`);

export const SITES = graphql(`
  query Sites($first: Int!, $after: String) {
    sites(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name city countryCode region operator latitude longitude stateFunded pue { value } powerPrice { perKwh { amount currency } } } }
    }
  }
`);

export const POOLS = graphql(`
  query Pools($first: Int!, $after: String, $filter: CapacityPoolFilter) {
    capacityPools(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id deviceCount freeDevices ownership
          price { basis amount { amount currency } }
          site { id name countryCode }
          accelerator { id name vendor originCountry }
        }
      }
    }
  }
`);

export const LEGAL_ENTITIES = graphql(`
  query LegalEntities {
    legalEntities { id name hqCountry }
  }
`);

export const RECOMMEND = graphql(`
  mutation Recommend($input: WorkloadInput!) {
    recommendPlacement(input: $input) {
      id pricingDate
      chosen { ...RankedFields }
      alternatives { ...RankedFields }
      alternativesOmitted paretoFront
      rejected {
        candidateId poolId siteName countryCode acceleratorName ownership filter reason verdictOutcome
        rules { ruleId title status outcome citations { text url } }
      }
      counts { matched candidates survived rejectedByFilter { filter count } }
    }
  }
  fragment RankedFields on RankedPlacement {
    candidateId poolId siteId siteName countryCode acceleratorName vendor ownership verdictOutcome rank score onParetoFront why warnings
    objectives { totalCost { amount low high currency } timeToResultDays leadTimeDays riskScore latencyMs }
    estimate { components { name cost { expected currency } } }
  }
`);

export const PLAN_PORTFOLIO = graphql(`
  mutation PlanPortfolio($input: PlanPortfolioInput!) {
    planPortfolio(input: $input) {
      id status objective bound gap solveSeconds timeLimitSeconds
      assignment { workloadId poolId siteId countryCode cost timeDays risk recommendationId }
      binding { constraint slack relaxationSaving { relaxedBy costSaving objectiveBefore objectiveAfter } }
      conflicts unassigned
      withoutOptions { workloadId reason }
      greedy { cost feasible objective }
      totals { cost currency riskMean timeDaysWeightedMean }
      model { variables binaries constraints periods }
    }
  }
`);

export const ACCEPT_PLAN = graphql(`
  mutation AcceptPlan($id: ID!) {
    acceptPlan(id: $id) {
      planId
      placements { id poolId devices reservationId verdictOutcome committed { amount currency } window { from to } }
    }
  }
`);

export const COMPLIANCE_CHECK = graphql(`
  query ComplianceCheck($input: ComplianceCheckInput!) {
    complianceCheck(input: $input) {
      poolId
      verdict {
        outcome evaluatedFor rulePackVersion leadTimeDays disclaimer notTriggered derived
        leadTime { low expected high assumed policy ruleId }
        reasons { ...ReasonFields }
        advisories { ...ReasonFields }
        conditions { ruleId description leadTimeDays }
      }
    }
  }
  fragment ReasonFields on VerdictReason {
    ruleId title family status outcome
    citations { text url evidence }
    triggeredBy { fact value }
  }
`);

export const RULE_PACKS = graphql(`
  query RulePacks {
    rulePacks { version title current ruleCount publishedAt publishedBy }
  }
`);

export const RULE_PACK = graphql(`
  query RulePack($version: String!) {
    rulePack(version: $version) { summary { version title } document }
  }
`);

export const WHAT_IF = graphql(`
  query WhatIf($draft: JSONObject!) {
    whatIfRulePack(draft: $draft) {
      baseVersion draftVersion evaluated
      changes { placementId before after decidingRulesBefore decidingRulesAfter }
    }
  }
`);

export const COST_REPORT = graphql(`
  query CostReport($filter: LedgerFilterInput!, $groupBy: [ReportDimension!]!, $currency: String!) {
    costReport(filter: $filter, groupBy: $groupBy, currency: $currency) {
      currency fxDate fxRatesVersion groupBy
      rows {
        key { costCenter siteId vendor month countryCode acceleratorId workloadKind }
        committed actual budget variance variancePercent overBudget forecastOverBudget entryCount
      }
      totals { committed actual budget variance overBudget forecastOverBudget entryCount }
    }
  }
`);

export const BUDGETS = graphql(`
  query Budgets($from: String!, $to: String!, $costCenters: [String!]) {
    budgets(from: $from, to: $to, costCenters: $costCenters) { costCenter month amount currency setBy }
  }
`);
