import { formatNumber, round } from './numbers.js';
import type { RecommendCandidate, RiskAssessment, RiskFactor, RiskModel } from './recommend.types.js';

/**
 * Parameters of the risk score. Additive and capped so each part can be read off on its own; the
 * maxima of the parts a surviving candidate can have (licence, conditions, advisories, reported-only,
 * cost spread, state-funded) sum to exactly 1.
 */
export const RISK_MODEL: RiskModel = Object.freeze({
  outcomeBase: Object.freeze({
    ALLOWED: Object.freeze({ value: 0, why: 'No binding rule fired: nothing to satisfy before or during the run.' }),
    ALLOWED_WITH_CONDITIONS: Object.freeze({ value: 0.1, why: 'Allowed only while conditions hold (reporting, filings, end-use checks); a lapse stops the run.' }),
    LICENSE_REQUIRED: Object.freeze({ value: 0.3, why: 'A licence may be refused or delayed beyond its estimated lead time.' }),
    PROHIBITED: Object.freeze({ value: 1, why: 'Never placed; the value only makes riskOf total over every outcome.' }),
  }),
  perCondition: Object.freeze({ value: 0.05, max: 0.2, why: 'Each condition is one more obligation that can fail or be found unmet.' }),
  perAdvisory: Object.freeze({ value: 0.05, max: 0.15, why: 'A rule that fired but is NOT_ENFORCED or PROPOSED today: policy may change during the run.' }),
  reportedOnly: Object.freeze({ value: 0.1, why: 'A deciding rule rests on reports, not official text: its real scope may be wider or narrower.' }),
  costUncertainty: Object.freeze({ value: 0.1, why: 'A wide cost range (high / low − 1, capped at 1) means the estimate can be badly off.' }),
  stateFundedForeignAccelerator: Object.freeze({
    value: 0.15,
    why: 'State-funded sites face domestic-chip policies (e.g. China, reported 2025-11): foreign accelerators there may be ordered out.',
  }),
  cap: 1,
});

/**
 * Risk of one candidate in [0, 1], with its parts. Sums the parameters of RISK_MODEL:
 * base by verdict outcome, + per condition, + per advisory (each capped), + a reported-only
 * deciding rule, + cost spread of the total, + a state-funded site with an accelerator from
 * another country. Reads the verdict, estimate, site and accelerator only.
 */
export function riskOf(candidate: RecommendCandidate): RiskAssessment {
  const { verdict, estimate, site, accelerator } = candidate;
  const m = RISK_MODEL;
  const factors: RiskFactor[] = [];
  const add = (name: RiskFactor['name'], contribution: number, detail: string): void => {
    if (name === 'OUTCOME' || contribution > 0) factors.push({ name, contribution: round(contribution, 4), detail });
  };

  add('OUTCOME', m.outcomeBase[verdict.outcome].value, `verdict ${verdict.outcome}`);

  const conditions = verdict.conditions.length;
  add('CONDITIONS', Math.min(conditions * m.perCondition.value, m.perCondition.max), `${conditions} condition(s) × ${m.perCondition.value}, at most ${m.perCondition.max}`);

  const advisories = verdict.advisories.map((a) => `${a.ruleId} (${a.status})`);
  add(
    'ADVISORIES',
    Math.min(advisories.length * m.perAdvisory.value, m.perAdvisory.max),
    `${advisories.length} advisory rule(s) × ${m.perAdvisory.value}, at most ${m.perAdvisory.max}: ${advisories.join(', ')}`,
  );

  const reported = verdict.reasons.filter((r) => r.status === 'REPORTED_ONLY').map((r) => r.ruleId);
  add('REPORTED_ONLY', reported.length > 0 ? m.reportedOnly.value : 0, `reported-only deciding rule(s): ${reported.join(', ')}`);

  if (estimate !== null) {
    // A ratio needs no exact decimals. A zero low with a positive high is an unbounded spread: the cap.
    const low = Number(estimate.total.low);
    const high = Number(estimate.total.high);
    const spread = low === 0 ? (high === 0 ? 0 : 1) : Math.min(Math.max(high / low - 1, 0), 1);
    add('COST_UNCERTAINTY', spread * m.costUncertainty.value, `cost high / low − 1 = ${formatNumber(spread, 3)} (capped at 1) × ${m.costUncertainty.value}`);
  }

  const foreign = site.stateFunded && accelerator.originCountry !== site.countryCode;
  add(
    'STATE_FUNDED_FOREIGN_ACCELERATOR',
    foreign ? m.stateFundedForeignAccelerator.value : 0,
    `state-funded site in ${site.countryCode} with a ${accelerator.originCountry}-origin accelerator`,
  );

  const sum = factors.reduce((total, f) => total + f.contribution, 0);
  return { score: round(Math.min(sum, m.cap), 4), factors };
}
