import { describe, expect, it } from '@jest/globals';
import { compileRulePack } from './compile-rule-pack.js';
import { RulePackCompileError } from './compliance-rules.error.js';
import { aReview, aRule, aRulePack, aThresholdSet } from './test/a-rule-pack.js';
import { loadRulePack } from './test/a-scenario.js';

function compileError(run: () => unknown): RulePackCompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof RulePackCompileError) return error;
    throw error;
  }
  throw new Error('expected a RulePackCompileError');
}

const withCondition = (condition: string) => aRulePack({ rules: [aRule({ id: 'us-test-rule', condition })] });

describe('compileRulePack', () => {
  it('compiles the published pack', () => {
    const compiled = compileRulePack(loadRulePack());
    expect(compiled.version).toBe('2026.12.2');
    expect(compiled.rules.length).toBeGreaterThanOrEqual(30);
    expect(compiled.thresholds.map((t) => t.id)).toEqual(['us-3a090-v2022', 'us-3a090-v2023', 'us-3a090-v2024']);
  });

  it('records the fact paths a condition reads, in order', () => {
    const compiled = compileRulePack(withCondition("placement.hardwareMovement != null && placement.hardwareMovement.toCountry == 'CN' && 'D:5' in derived.entity.groups"));
    expect(compiled.rules[0].condition.paths).toEqual(['placement.hardwareMovement', 'placement.hardwareMovement.toCountry', 'derived.entity.groups']);
  });

  it.each([
    ['a syntax error', "entity.hqCountry ==", /CEL syntax error/],
    ['a typo in an entity fact', "entity.hqCountyr == 'CN'", /unknown fact 'entity\.hqCountyr' \(did you mean 'hqCountry'\?\)/],
    ['an undeclared variable', "foo.bar == 'CN'", /unknown fact 'foo'/],
    ['a typo in a derived fact', 'derived.entity.d5OrMacaoHeaded', /unknown fact 'derived\.entity\.d5OrMacaoHeaded' \(did you mean 'd5OrMacauHeaded'\?\)/],
    ['a field of a scalar fact', "placement.ownership.kind == 'x'", /'placement\.ownership' is a string and has no field 'kind'/],
    ['an unknown function', "placement.accelerator.id.startWith('nvidia')", /unknown function 'startWith'/],
    ['an unguarded nullable object', "placement.hardwareMovement.toCountry == 'CN'", /reads a field of 'placement\.hardwareMovement', which may be null/],
    ['an unguarded nullable number', 'placement.accelerator.tpp >= 4800', /'placement\.accelerator\.tpp' may be null/],
    ['an unguarded nullable method target', "entity.ultimateParentHqCountry.startsWith('C')", /'entity\.ultimateParentHqCountry' may be null/],
  ])('rejects %s, naming the rule', (_label, condition, message) => {
    const error = compileError(() => compileRulePack(withCondition(condition)));
    expect(error.ruleId).toBe('us-test-rule');
    expect(error.code).toBe('RULE_PACK_COMPILE_ERROR');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a != null guard', "placement.hardwareMovement != null && placement.hardwareMovement.toCountry == 'CN'"],
    ['a has() guard', "has(placement.hardwareMovement) && 'MY' in placement.hardwareMovement.throughCountries"],
    ['a guarded number', 'placement.accelerator.tpp != null && placement.accelerator.tpp >= 4800'],
    ['comprehension variables', "workload.servesPublicIn.exists(c, c == 'CN') && derived.site.groups.all(g, g != 'A:6')"],
    ['equality with a nullable string', "entity.ultimateParentHqCountry == 'CN'"],
    ['date comparison', "date >= '2025-05-13'"],
  ])('accepts %s', (_label, condition) => {
    expect(() => compileRulePack(withCondition(condition))).not.toThrow();
  });

  it('rejects a bad threshold class, naming set and class', () => {
    const pack = aRulePack({ thresholds: [aThresholdSet({ id: 'v2023', classes: [{ eccn: '3A090.a', condition: 'accelerator.tppp >= 4800' }] })] });
    const error = compileError(() => compileRulePack(pack));
    expect(error.ruleId).toBe('v2023/3A090.a');
    expect(error.message).toMatch(/unknown fact 'accelerator\.tppp'/);
  });

  it('limits threshold conditions to the accelerator facts', () => {
    const pack = aRulePack({ thresholds: [aThresholdSet({ classes: [{ eccn: '3A090.a', condition: "placement.site.countryCode == 'CN'" }] })] });
    expect(compileError(() => compileRulePack(pack)).message).toMatch(/unknown fact 'placement'/);
  });

  it.each([
    ['effectiveTo equal to effectiveFrom', { effectiveFrom: '2024-01-01', effectiveTo: '2024-01-01' }],
    ['effectiveTo before effectiveFrom', { effectiveFrom: '2024-01-01', effectiveTo: '2023-12-31' }],
    ['an impossible date', { effectiveFrom: '2024-02-30', effectiveTo: null }],
  ])('rejects a rule with %s', (_label, dates) => {
    const error = compileError(() => compileRulePack(aRulePack({ rules: [aRule({ id: 'dated-rule', ...dates })] })));
    expect(error.ruleId).toBe('dated-rule');
  });

  it('rejects duplicate rule ids', () => {
    const error = compileError(() => compileRulePack(aRulePack({ rules: [aRule({ id: 'twice' }), aRule({ id: 'twice' })] })));
    expect(error).toMatchObject({ ruleId: 'twice', detail: 'duplicate rule id' });
  });

  it('rejects overlapping threshold sets', () => {
    const pack = aRulePack({ thresholds: [aThresholdSet({ id: 'old', effectiveFrom: '2022-10-07', effectiveTo: '2024-01-01' }), aThresholdSet({ id: 'new', effectiveFrom: '2023-11-17' })] });
    const error = compileError(() => compileRulePack(pack));
    expect(error.ruleId).toBeNull();
    expect(error.message).toMatch(/old and new overlap/);
  });

  it('rejects a country-group row that ends before it starts', () => {
    const pack = aRulePack({ countryGroups: [{ group: 'D:5', country: 'KH', from: '2026-02-03', to: '2021-12-09', source: 'x' }] });
    expect(compileError(() => compileRulePack(pack)).message).toMatch(/KH D:5/);
  });

  it('refuses LICENSE_REQUIRED rules without a review, naming every one, whatever their status', () => {
    const pack = aRulePack({
      rules: [
        aRule({ id: 'has-review' }),
        aRule({ id: 'no-review', review: null }),
        aRule({ id: 'proposed-no-review', status: 'PROPOSED', review: null }),
        aRule({ id: 'conditions-need-none', outcome: 'ALLOWED_WITH_CONDITIONS', review: null }),
      ],
    });
    const error = compileError(() => compileRulePack(pack));
    expect(error.ruleId).toBe('no-review');
    expect(error.message).toMatch(/no-review: no review .*; proposed-no-review: no review/);
    expect(error.message).not.toMatch(/has-review|conditions-need-none/);
  });

  it('refuses a licence lead time that starts at 0 days, and a range out of order', () => {
    const zero = compileError(() => compileRulePack(aRulePack({ rules: [aRule({ id: 'instant', review: aReview({ low: 0 }) })] })));
    expect(zero).toMatchObject({ ruleId: 'instant' });
    expect(zero.message).toMatch(/lead time low 0 days/);
    const disordered = compileError(() => compileRulePack(aRulePack({ rules: [aRule({ id: 'disordered', review: aReview({ low: 90, expected: 30 }) })] })));
    expect(disordered.ruleId).toBe('disordered');
    expect(disordered.message).toMatch(/rules\.0\.review\.leadTimeDays\.expected: must satisfy low ≤ expected ≤ high/);
  });

  it('lets a rule that needs no licence state a review, or none', () => {
    const pack = aRulePack({ rules: [aRule({ id: 'nac', outcome: 'ALLOWED_WITH_CONDITIONS', review: aReview({ low: 25, expected: 25, high: 25 }, 'PUBLISHED_PROCESSING_TIME') }), aRule({ id: 'plain', outcome: 'ALLOWED_WITH_CONDITIONS' })] });
    expect(compileRulePack(pack).rules.map((r) => r.rule.review?.policy ?? null)).toEqual(['PUBLISHED_PROCESSING_TIME', null]);
  });

  it('rejects input that is not a RulePackV1', () => {
    const pack = aRulePack({ rules: [aRule({ citations: [] })] });
    const error = compileError(() => compileRulePack(pack));
    expect(error.ruleId).toBe(pack.rules[0]!.id);
    expect(error.message).toMatch(/rules\.0\.citations/);
    const rootError = compileError(() => compileRulePack({ ...pack, version: '' }));
    expect(rootError.ruleId).toBeNull();
  });
});
