import { describe, expect, it } from '@jest/globals';
import { VerdictV1 } from '@cp/contracts';
import { compileRulePack } from './compile-rule-pack.js';
import { RuleEvaluationError } from './compliance-rules.error.js';
import { decidingRuleIds, DISCLAIMER, evaluate } from './evaluate.js';
import { aReview, aRule, aRulePack } from './test/a-rule-pack.js';
import { aScenario, Chips, Entities, loadRulePack, moving, Operators } from './test/a-scenario.js';

describe('evaluate', () => {
  it('applies a rule from effectiveFrom (inclusive) to effectiveTo (exclusive)', () => {
    const pack = compileRulePack(aRulePack({ rules: [aRule({ id: 'window', effectiveFrom: '2024-01-01', effectiveTo: '2024-02-01' })] }));
    const on = (date: string) => evaluate(pack, aScenario({ date }));
    expect([on('2023-12-31'), on('2024-01-01'), on('2024-01-31'), on('2024-02-01')].map((v) => v.outcome)).toEqual(['ALLOWED', 'LICENSE_REQUIRED', 'LICENSE_REQUIRED', 'ALLOWED']);
    expect(on('2024-01-15').notTriggered).toEqual([]);
    expect(on('2024-02-01').notTriggered).toEqual([]);
  });

  it('lets IN_FORCE and REPORTED_ONLY rules decide; NOT_ENFORCED and PROPOSED become advisories', () => {
    const pack = compileRulePack(
      aRulePack({
        rules: [
          aRule({ id: 'in-force', outcome: 'ALLOWED_WITH_CONDITIONS' }),
          aRule({ id: 'reported', status: 'REPORTED_ONLY', outcome: 'LICENSE_REQUIRED' }),
          aRule({ id: 'not-enforced', status: 'NOT_ENFORCED', outcome: 'PROHIBITED' }),
          aRule({ id: 'proposed', status: 'PROPOSED', outcome: 'PROHIBITED' }),
        ],
      }),
    );
    const verdict = evaluate(pack, aScenario());
    expect(verdict.outcome).toBe('LICENSE_REQUIRED');
    expect(verdict.reasons.map((r) => r.ruleId)).toEqual(['reported', 'in-force']);
    expect(verdict.advisories.map((r) => r.ruleId)).toEqual(['not-enforced', 'proposed']);
    expect(decidingRuleIds(verdict)).toEqual(['reported']);
  });

  it('orders reasons most severe first and collects their conditions', () => {
    const pack = compileRulePack(
      aRulePack({
        rules: [
          aRule({ id: 'a', outcome: 'ALLOWED_WITH_CONDITIONS', conditionsToSatisfy: [{ description: 'file', leadTimeDays: 180 }] }),
          aRule({ id: 'b', outcome: 'PROHIBITED', conditionsToSatisfy: [{ description: 'remove chips', leadTimeDays: null }] }),
          aRule({ id: 'c', outcome: 'LICENSE_REQUIRED', condition: 'false' }),
          aRule({ id: 'd', outcome: 'LICENSE_REQUIRED', status: 'PROPOSED', conditionsToSatisfy: [{ description: 'ignored', leadTimeDays: 999 }] }),
        ],
      }),
    );
    const verdict = evaluate(pack, aScenario());
    expect(verdict.outcome).toBe('PROHIBITED');
    expect(verdict.reasons.map((r) => r.ruleId)).toEqual(['b', 'a']);
    expect(verdict.conditions).toEqual([
      { ruleId: 'b', description: 'remove chips', leadTimeDays: null },
      { ruleId: 'a', description: 'file', leadTimeDays: 180 },
    ]);
    expect(verdict.leadTimeDays).toBe(180);
    expect(verdict.notTriggered).toEqual(['c']);
  });

  describe('lead time', () => {
    const leadOf = (...rules: ReturnType<typeof aRule>[]) => evaluate(compileRulePack(aRulePack({ rules })), aScenario());

    it.each([
      {
        name: 'one licence rule: its review range, policy and source',
        rules: [aRule({ id: 'lic', review: aReview({ low: 30, expected: 90, high: 180, source: 'observed cases' }, 'CASE_BY_CASE') })],
        lead: { low: 30, expected: 90, high: 180, ruleId: 'lic', policy: 'CASE_BY_CASE', source: 'observed cases', assumed: true },
      },
      {
        name: 'two licences run in parallel: the longest of each case, the source of the longest expected',
        rules: [
          aRule({ id: 'slow-start', review: aReview({ low: 60, expected: 90, high: 120, assumed: false, source: 'published' }, 'PUBLISHED_PROCESSING_TIME') }),
          aRule({ id: 'long-tail', review: aReview({ low: 30, expected: 120, high: 365, assumed: true, source: 'assumed' }, 'PRESUMPTION_OF_DENIAL') }),
        ],
        lead: { low: 60, expected: 120, high: 365, ruleId: 'long-tail', policy: 'PRESUMPTION_OF_DENIAL', source: 'assumed', assumed: true },
      },
      {
        name: 'a fixed condition longer than every review case sets all three, and nothing assumed remains',
        rules: [
          aRule({ id: 'lic', review: aReview({ low: 30, expected: 60, high: 120, assumed: true }) }),
          aRule({ id: 'notify', outcome: 'ALLOWED_WITH_CONDITIONS', conditionsToSatisfy: [{ description: 'notify 200 days ahead', leadTimeDays: 200 }] }),
        ],
        lead: { low: 200, expected: 200, high: 200, ruleId: 'notify', policy: null, assumed: false, evidence: 'E' },
      },
      {
        name: 'an equal expected keeps the first contributor in reason order, reviews before conditions',
        rules: [aRule({ id: 'lic', review: aReview({ low: 10, expected: 30, high: 60, assumed: false, evidence: 'P' }, 'PUBLISHED_PROCESSING_TIME'), conditionsToSatisfy: [{ description: 'notify', leadTimeDays: 30 }] })],
        lead: { low: 30, expected: 30, high: 60, ruleId: 'lic', policy: 'PUBLISHED_PROCESSING_TIME', evidence: 'P', assumed: false },
      },
    ])('$name', ({ rules, lead }) => {
      const verdict = leadOf(...rules);
      expect(verdict.leadTime).toMatchObject(lead);
      expect(verdict.leadTimeDays).toBe(lead.expected);
      expect(VerdictV1.parse(verdict)).toEqual(verdict);
    });

    it('is null (and 0 days) when only zero-day conditions bind, and ignores advisories', () => {
      const verdict = leadOf(
        aRule({ id: 'aca', outcome: 'ALLOWED_WITH_CONDITIONS', conditionsToSatisfy: [{ description: 'keep records', leadTimeDays: 0 }] }),
        aRule({ id: 'draft', status: 'PROPOSED', review: aReview({ low: 400, expected: 500, high: 600 }) }),
      );
      expect(verdict).toMatchObject({ outcome: 'ALLOWED_WITH_CONDITIONS', leadTime: null, leadTimeDays: 0 });
    });

    it('returns each binding reason with its review', () => {
      const review = aReview({ low: 5, expected: 6, high: 7 }, 'PRESUMPTION_OF_APPROVAL');
      const verdict = leadOf(aRule({ id: 'lic', review }), aRule({ id: 'plain', outcome: 'ALLOWED_WITH_CONDITIONS' }));
      expect(verdict.reasons.map((r) => [r.ruleId, r.review])).toEqual([
        ['lic', review],
        ['plain', null],
      ]);
    });
  });

  it('is ALLOWED with no lead time when nothing fires', () => {
    const verdict = evaluate(compileRulePack(aRulePack({ rules: [aRule({ condition: 'false' })] })), aScenario());
    expect(verdict).toMatchObject({ outcome: 'ALLOWED', reasons: [], advisories: [], conditions: [], leadTimeDays: 0, leadTime: null, notTriggered: ['test-rule'] });
  });

  it('reports the facts a rule read, with their values', () => {
    const pack = compileRulePack(
      aRulePack({ rules: [aRule({ condition: "placement.hardwareMovement != null && placement.hardwareMovement.toCountry == 'MY' && derived.entity.d5OrMacauHeaded" })] }),
    );
    const verdict = evaluate(pack, aScenario({ entity: Entities.CN, placement: { ownership: 'OWNED', hardwareMovement: moving('US', 'MY') } }));
    expect(verdict.reasons[0].triggeredBy).toEqual([
      { fact: 'placement.hardwareMovement', value: { fromCountry: 'US', toCountry: 'MY', throughCountries: [] } },
      { fact: 'placement.hardwareMovement.toCountry', value: 'MY' },
      { fact: 'derived.entity.d5OrMacauHeaded', value: true },
    ]);
  });

  it('derives country groups on the date from dated memberships', () => {
    const pack = compileRulePack(aRulePack());
    const kh = (date: string) => evaluate(pack, aScenario({ date, placement: { site: { id: 'kh-1', countryCode: 'KH', stateFunded: false } } })).derived;
    expect(kh('2021-12-08')).toMatchObject({ site: { groups: [], d5OrMacau: false } });
    expect(kh('2021-12-09')).toMatchObject({ site: { groups: ['D:5'], d5OrMacau: true } });
    expect(kh('2026-02-03')).toMatchObject({ site: { groups: [], d5OrMacau: false } });
  });

  it('derives entity, operator and recipient groups, with the ultimate parent and Macau', () => {
    const pack = compileRulePack(aRulePack());
    const owned = evaluate(pack, aScenario({ entity: Entities.SG_WITH_CN_PARENT, placement: { ownership: 'OWNED' } })).derived;
    expect(owned).toMatchObject({
      entity: { hqCountries: ['SG', 'CN'], groups: ['D:5'], d5OrMacauHeaded: true },
      operator: { hqCountries: ['SG'], groups: [], d5OrMacauHeaded: false },
      recipient: { party: 'ENTITY', d5OrMacauHeaded: true },
      movement: { toGroups: [], fromGroups: [], throughGroups: [] },
    });
    const leased = evaluate(pack, aScenario({ entity: { hqCountry: 'MO' }, placement: { operator: Operators.CN } })).derived;
    expect(leased).toMatchObject({ entity: { d5OrMacauHeaded: true }, recipient: { party: 'OPERATOR', hqCountries: ['CN'], d5OrMacauHeaded: true } });
  });

  it('derives the 3A090 class from the threshold set in force, per IC', () => {
    const pack = compileRulePack(loadRulePack());
    const eccn = (date: string, accelerator = Chips.H100) => evaluate(pack, aScenario({ date, placement: { accelerator } })).derived.accelerator;
    expect(eccn('2022-10-06')).toEqual({ eccn: null, thresholdSet: null });
    expect(eccn('2022-10-07')).toEqual({ eccn: '3A090.a', thresholdSet: 'us-3a090-v2022' });
    expect(eccn('2023-11-16', Chips.A800)).toEqual({ eccn: null, thresholdSet: 'us-3a090-v2022' });
    expect(eccn('2023-11-17', Chips.A800)).toEqual({ eccn: '3A090.a', thresholdSet: 'us-3a090-v2023' });
    expect(eccn('2024-06-01', Chips.DC_3A090B)).toEqual({ eccn: '3A090.b', thresholdSet: 'us-3a090-v2023' });
    expect(eccn('2024-12-02', Chips.HBM_STACK)).toEqual({ eccn: '3A090.c', thresholdSet: 'us-3a090-v2024' });
    expect(eccn('2024-12-02', Chips.H20)).toEqual({ eccn: null, thresholdSet: 'us-3a090-v2024' });
    expect(eccn('2026-06-01', Chips.RTX_PRO_6000D)).toEqual({ eccn: null, thresholdSet: 'us-3a090-v2024' });
  });

  it('derives China outbound-data counts including this transfer', () => {
    const verdict = evaluate(
      compileRulePack(aRulePack()),
      aScenario({ workload: { data: { originCountry: 'CN', personalInfoIndividuals: 10, cumulativePersonalInfoIndividualsThisYear: 5, personalInfoIndividualsSincePreviousYear: 7, sensitivePersonalInfoIndividuals: 1 } } }),
    );
    expect(verdict.derived.data).toEqual({
      outboundFromCn: true,
      personalInfoThisYear: 15,
      sensitivePersonalInfoThisYear: 1,
      personalInfoSincePreviousYear: 17,
      sensitivePersonalInfoSincePreviousYear: 1,
    });
  });

  it('returns a valid VerdictV1, the same every time, with the disclaimer', () => {
    const pack = compileRulePack(loadRulePack());
    const facts = aScenario({ date: '2026-01-15', entity: Entities.CN, placement: { site: { id: 'cn-1', countryCode: 'CN', stateFunded: false }, ownership: 'OWNED', hardwareMovement: moving('US', 'CN') } });
    const first = evaluate(pack, facts);
    expect(VerdictV1.parse(first)).toEqual(first);
    expect(evaluate(pack, facts)).toEqual(first);
    expect(first).toMatchObject({ rulePackVersion: '2026.12.2', evaluatedFor: '2026-01-15', disclaimer: DISCLAIMER });
    expect(DISCLAIMER).toMatch(/not legal advice/);
  });

  it('does not let the verdict share mutable state with the facts', () => {
    const facts = aScenario({ placement: { ownership: 'OWNED', hardwareMovement: moving('US', 'MY', ['SG']) } });
    const pack = compileRulePack(aRulePack({ rules: [aRule({ condition: 'placement.hardwareMovement != null' })] }));
    const verdict = evaluate(pack, facts);
    (verdict.reasons[0].triggeredBy[0].value as { throughCountries: string[] }).throughCountries.push('XX');
    expect(facts.placement.hardwareMovement?.throughCountries).toEqual(['SG']);
  });

  it('throws RuleEvaluationError with the rule id when a condition fails or is not boolean', () => {
    const failing = compileRulePack(aRulePack({ rules: [aRule({ id: 'adds-string', condition: 'placement.accelerator.id + 1 == 2' })] }));
    expect(() => evaluate(failing, aScenario())).toThrow(RuleEvaluationError);
    expect(() => evaluate(failing, aScenario())).toThrow(/adds-string/);
    const notBoolean = compileRulePack(aRulePack({ rules: [aRule({ id: 'returns-string', condition: 'placement.accelerator.id' })] }));
    expect(() => evaluate(notBoolean, aScenario())).toThrow(/returns-string: condition returned string/);
  });
});
