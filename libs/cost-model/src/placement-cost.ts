import type { CostCandidateV1, CostEstimateV1, CostWorkloadV1 } from '@cp/contracts';
import { capacityCost, type CapacityCostInput, type CapacityCostOutcome, type DevicePower, type PriceBasis, type ReportIn } from './capacity-cost.js';
import { CostModelError } from './cost-model.error.js';
import { scenarioEgressPrice, scenarioLinkGbps, scenarioMfu, scenarioPue, scenarioShipping, scenarioThroughput, type CostScenarios } from './cost-scenarios.js';
import { dataMovement, type DataMovementOutcome } from './data-movement.js';
import { D, invalid, nonNegative, positive, positiveInteger, quotient, text, type Dec, type DecimalInput } from './decimal.js';
import { delayCost } from './delay-cost.js';
import { CASES, decimalRange, mapRange, sourceOf, type Assumption, type Estimate, type LineItem, type Range, type SourcedRange, type Uncertain } from './estimate.js';
import { convert, fxAssumption, type FxRate } from './fx.js';
import { fxTableRates, type FxTable } from './fx-table.js';
import { inferenceCapacity } from './inference-capacity.js';
import { isMoney, money, moneyAmount, sumMoney, type Money, type SourcedMoney } from './money.js';
import { priceBookContractRate, priceBookDeviceHourRate, type PriceBook } from './price-book.js';
import { trainingCompute, type TrainingWork } from './training-compute.js';
import type { ChipSpec } from './performance/chip.js';
import { deriveServing, deriveTrainingMfu, goodputOf, publishedServingRow, runPrecision, trainingMinimumDevices, type ServingRequest } from './performance/performance-model.js';

/** Plain data in: the request's pricing date, report currency and workload, one candidate, and the three data sets. */
export interface PlacementCostInput {
  /** ISO date: FX rows and contract windows are taken as of this date. */
  readonly pricingDate: string;
  readonly reportCurrency: string;
  readonly workload: CostWorkloadV1;
  readonly candidate: CostCandidateV1;
  readonly priceBook: PriceBook;
  readonly scenarios: CostScenarios;
  readonly fx: FxTable;
}

type TrainingWorkload = Extract<CostWorkloadV1, { kind: 'TRAINING' | 'FINE_TUNING' }>;
type InferenceWorkload = Extract<CostWorkloadV1, { kind: 'INFERENCE' | 'BATCH_INFERENCE' }>;
type Candidate = CostCandidateV1;
type ComponentName = CostEstimateV1['components'][number]['name'];
type PriceSource = CostEstimateV1['priceSource'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOURS_PER_DAY = new D(24);
const MODEL = 'model convention';

/** Converts into the report currency at the pricing date and records each FX row used, once. */
class ReportCurrency {
  readonly fxRates: readonly FxRate[];
  private readonly used = new Map<string, Assumption>();

  constructor(
    readonly currency: string,
    fx: FxTable,
    readonly onDate: string,
  ) {
    this.fxRates = fxTableRates(fx);
  }

  get reportIn(): ReportIn {
    return { currency: this.currency, fxRates: this.fxRates, onDate: this.onDate };
  }

  /** Records (and checks) the row for `from`, throwing NO_FX_RATE if there is none. */
  note(from: string): void {
    if (from !== this.currency && !this.used.has(from)) this.used.set(from, fxAssumption(this.fxRates, from, this.currency, this.onDate));
  }

  convert<M extends Money>(m: M): Money {
    this.note(m.currency);
    return convert(m, this.currency, this.fxRates, this.onDate);
  }

  get assumptions(): Assumption[] {
    return [...this.used.values()];
  }
}

/** What the workload holds: devices and hours per device in each case, with how they were found. */
interface Usage {
  readonly devices: Range<number>;
  readonly hoursPerDevice: Range<string>;
  /** Training: the run; inference: the priced months. */
  readonly computeHours: Range<string>;
  /** Days the run itself adds to time to result (0 for inference: serving is the result). */
  readonly runDays: Range<Dec>;
  readonly breakdown: LineItem[];
  readonly assumptions: Assumption[];
  readonly performance: NonNullable<CostEstimateV1['performance']>;
}

/** One cost component per case, already in the report currency. */
interface Component {
  readonly name: ComponentName;
  readonly cost: Range<Money>;
  readonly formula: string;
}

/**
 * The all-in cost of one workload on one candidate, in the report currency, as the
 * CostEstimateV1 message shape (exact decimal strings; the caller rounds for display).
 *
 * - Devices and hours. Training and fine-tuning run on `candidate.devices ?? pool.deviceCount`
 *   devices at the accelerator's dense rate for `workload.precision` (absent: MISSING_INPUT
 *   `accelerator.denseRates.<PRECISION>`) and an MFU of `workload.mfu`, else the scenario row
 *   `workload.mfuScenarioId` (its ratePrecision must be the workload's), else the row naming the
 *   accelerator with the workload's model type and precision, else for a non-NVIDIA vendor the
 *   `<modeltype>-domestic-unverified` row if its precision matches, else MISSING_INPUT `mfu`.
 *   Wall-clock hours = FLOPs / (devices × peak × MFU × 3600) (rounded once), and device-hours =
 *   devices × wall-clock hours, so every price multiplies the device-hours reported. Inference
 *   takes `workload.tokensPerSecondPerDevice`, else the row `throughputScenarioId`, else the
 *   first DECODE row for the accelerator, else MISSING_INPUT `tokensPerSecondPerDevice`, sizes
 *   the fleet for peak × (1 + headroom) and holds it hoursPerMonth × months; a fleet larger than
 *   the pool is still priced, and the assumptions say by how many devices the pool is short.
 * - Price. LEASED_IAAS, basis = workload.basis ?? the pool's price basis (a CAPEX price on a
 *   leased pool is not a lease rate, so ON_DEMAND is looked up): (1) a price-book contract rate
 *   for the pool and basis in force on the pricing date (CONTRACT), (2) the pool's own price if
 *   its basis is that basis (POOL), (3) the price-book device-hour row for the accelerator and
 *   basis, the only row or else the SPECIALTY row or else the ANY row (PRICE_BOOK, its range
 *   kept), (4) else MISSING_PRICE `priceBook <version> deviceHourRates <acceleratorId>/<basis>`.
 *   Power is in the lease rate. OWNED and COLOCATION pools use their own price (POOL): a CAPEX
 *   price is amortised straight-line over hardwareLife.months × calendar.hoursPerMonth; an
 *   ON_DEMAND or COMMITTED price is an internal chargeback per device-hour standing in for
 *   capital. Power = TDP (null: MISSING_INPUT `accelerator.tdpW`) × workload.powerUtilisation
 *   (default 1, conservative) × site PUE (else the `global-average` scenario row) × site power
 *   price (null: MISSING_PRICE `site <id> powerPrice`). No colocation fee data exists, so none
 *   is charged, and the assumptions say so. `listCost` prices the same device-hours at the
 *   price book's ON_DEMAND row (same tier rule), or is null when the book has none.
 * - Data movement, per item i: NETWORK egress price = item price ?? (OUTBOUND: the site's)
 *   ?? the scenario `egressScenarioId` ?? MISSING_PRICE `dataMovements[i].egressPricePerGb`;
 *   link = item speed ?? the site's international bandwidth ?? the scenario `linkScenarioId`
 *   (an UNVERIFIED speed throws its reason) ?? MISSING_INPUT `dataMovements[i].linkGbps`;
 *   SHIP_DRIVES uses the scenario shipping terms. Inbound items run in parallel: the slowest
 *   adds to time to result. Outbound items add cost only.
 * - Delay: candidate.leadTimeDays × workload.costOfDelayPerDay (converted); without a cost of
 *   delay there is no DELAY component, but the days still count.
 * - FX: every amount is converted at the FX table's row in force on the pricing date (no row:
 *   NO_FX_RATE naming the pair and date); each row used is in the assumptions.
 * - Output: components that apply (COMPUTE_LEASE, CAPITAL, COLOCATION_FEE, POWER,
 *   DATA_MOVEMENT, DELAY), total = exact sum per case, `low` the cheapest and fastest case;
 *   timeToResultDays = lead time + slowest inbound transfer + run days (training) or lead time
 *   + transfer (inference). Amounts are exact: nothing is rounded to cents here.
 * - A value that cannot be computed on throws INVALID_INPUT naming its path (`workload.work.tokens`).
 */
export function estimatePlacementCost(input: PlacementCostInput): CostEstimateV1 {
  const { workload, candidate, priceBook, scenarios, fx } = input;
  if (typeof input.pricingDate !== 'string' || !ISO_DATE.test(input.pricingDate)) throw invalid('pricingDate', `must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(input.pricingDate)}`);
  if (typeof input.reportCurrency !== 'string' || !/^[A-Z]{3}$/.test(input.reportCurrency)) throw invalid('reportCurrency', `must be an ISO 4217 code, got ${JSON.stringify(input.reportCurrency)}`);
  const report = new ReportCurrency(input.reportCurrency, fx, input.pricingDate);
  const breakdown: LineItem[] = [];
  const assumptions: Assumption[] = [
    datasetAssumption('price-book', priceBook, input.pricingDate),
    datasetAssumption('cost-scenarios', scenarios, input.pricingDate),
    datasetAssumption('fx-rates', fx, input.pricingDate),
  ];

  const training = workload.kind === 'TRAINING' || workload.kind === 'FINE_TUNING';
  const usage = training ? trainingUsage(workload as TrainingWorkload, candidate, scenarios) : inferenceUsage(workload as InferenceWorkload, candidate, scenarios);
  breakdown.push(...usage.breakdown);
  assumptions.push(...usage.assumptions);

  // Capacity: lease, or capital plus power.
  const terms = capacityTerms(input, report);
  assumptions.push(...terms.assumptions);
  const capacity = capacityByCase(usage.devices, usage.hoursPerDevice, terms.build);
  breakdown.push(...prefixed('capacity', capacity.breakdown.filter((line) => line.name !== 'total')));
  assumptions.push(...prefixed('capacity', capacity.assumptions.filter((a) => !a.name.startsWith('FX '))));
  const deviceHours = mapRange(capacity.range, (r) => new D(r.deviceHours));
  const components: Component[] = [];
  const pick = (name: ComponentName, part: keyof Omit<CapacityCostOutcome, 'deviceHours' | 'total'>, formula: string): void => {
    if (capacity.range.expected[part] !== null) components.push({ name, cost: mapRange(capacity.range, (r) => r[part] as Money), formula });
  };
  pick('COMPUTE_LEASE', 'lease', `${terms.priceSource.basis} rate × device-hours`);
  pick('CAPITAL', 'capital', terms.priceSource.basis === 'CAPEX' ? 'purchase price × device-hours / (life months × hours per month)' : 'chargeback rate × device-hours');
  pick('COLOCATION_FEE', 'colocationFee', 'colocation fee × device-hours / hours per month');
  pick('POWER', 'power', 'TDP × device-hours × utilisation × PUE / 1000 × power price');

  const listCost = listCostOf(input, deviceHours, report, breakdown, assumptions);
  const inboundDays = dataMovements(input, report, components, breakdown, assumptions);

  // Delay: the lead time always counts in days; it is a cost only when a cost of delay is given.
  const lead = leadTimeOf(candidate);
  const perDay = workload.costOfDelayPerDay;
  if (perDay !== undefined) moneyAmount('workload.costOfDelayPerDay', perDay);
  const delay = delayCost({
    leadTimeDays: { low: lead, expected: lead, high: lead, source: candidate.leadTimeSource ?? 'candidate.leadTimeDays (compliance verdict)' },
    costOfDelayPerDay: perDay === undefined ? null : { ...report.convert(perDay), source: `workload.costOfDelayPerDay ${perDay.amount} ${perDay.currency} (caller input)` },
    currency: report.currency,
  });
  breakdown.push(...prefixed('delay', delay.breakdown));
  assumptions.push(...prefixed('delay', delay.assumptions));
  if (perDay !== undefined) components.push({ name: 'DELAY', cost: mapRange(delay.range, (r) => r.cost), formula: 'lead time days × cost of delay per day' });

  const total = mapRange(usage.devices, (_d, c) => sumMoney(components.map((k) => k.cost[c]), report.currency));
  const timeToResult = mapRange(usage.runDays, (run, c) => new D(lead).add(inboundDays[c]).add(run));
  for (const k of components) breakdown.push({ name: `component ${k.name}`, value: k.cost.expected, formula: k.formula });
  breakdown.push(
    { name: 'total', value: total.expected, formula: `sum of ${components.map((k) => k.name).join(' + ')} in ${report.currency}` },
    {
      name: 'time to result',
      value: { value: text(timeToResult.expected), unit: 'day' },
      formula: training
        ? `lead time ${lead} d + slowest inbound transfer ${text(inboundDays.expected)} d + run ${text(usage.runDays.expected)} d`
        : `lead time ${lead} d + slowest inbound transfer ${text(inboundDays.expected)} d`,
    },
  );
  assumptions.push(...report.assumptions);

  return {
    currency: report.currency,
    total: moneyRange(total, report.currency),
    components: components.map((k) => ({ name: k.name, cost: moneyRange(k.cost, report.currency) })),
    devices: quantityRange(mapRange(usage.devices, (d) => String(d)), 'device'),
    deviceHours: quantityRange(mapRange(deviceHours, text), 'device-hour'),
    computeHours: quantityRange(usage.computeHours, 'hour'),
    transferDays: quantityRange(mapRange(inboundDays, text), 'day'),
    leadTimeDays: lead,
    timeToResultDays: quantityRange(mapRange(timeToResult, text), 'day'),
    listCost: listCost === null ? null : moneyRange(listCost, report.currency),
    priceSource: terms.priceSource,
    performance: usage.performance,
    breakdown: breakdown.map(flatten),
    assumptions,
  };
}

// ---------------------------------------------------------------------------------------------
// Usage

function chipOf(candidate: Candidate): ChipSpec {
  const a = candidate.accelerator;
  return {
    id: a.id,
    vendor: a.vendor,
    denseRates: a.denseRates.map((r) => ({ precision: r.precision, tflops: r.tflops })),
    memoryGb: a.memoryGb ?? null,
    memoryBandwidthTBps: a.memoryBandwidthTBps ?? null,
    interconnectGBps: a.interconnectGBps ?? null,
  };
}

function rangeQuantity(range: Range<number>, unit: string): CostEstimateV1['devices'] {
  return { low: String(range.low), expected: String(range.expected), high: String(range.high), unit };
}

function trainingUsage(workload: TrainingWorkload, candidate: Candidate, scenarios: CostScenarios): Usage {
  const { accelerator, pool } = candidate;
  const work = trainingWork(workload.work);
  const devices = candidate.devices === undefined ? positiveInteger('candidate.pool.deviceCount', pool.deviceCount) : positiveInteger('candidate.devices', candidate.devices);
  const chip = chipOf(candidate);
  const run = runPrecision(chip, workload.precision, 'accelerator.denseRates');
  const rate = accelerator.denseRates.find((r) => r.precision === run.precision)!;
  positive(`candidate.accelerator.denseRates.${run.precision}`, rate.tflops!);
  const sizing = workload.totalParameters ?? ('activeParameters' in workload.work && workload.modelType === 'DENSE' ? workload.work.activeParameters : undefined);
  const assumptions: Assumption[] = [];
  if (sizing !== undefined && chip.memoryGb !== null) {
    const minimum = trainingMinimumDevices(scenarios, chip, sizing);
    if (devices < minimum.devices) {
      throw new CostModelError('INFEASIBLE', `workload.devices: ${devices} × ${accelerator.id} cannot hold the weights, gradients and optimizer state: at least ${minimum.devices} devices (${minimum.formula})`, { missing: 'workload.devices' });
    }
    assumptions.push({ name: 'training: memory', value: `needs at least ${minimum.devices} devices with full sharding (${minimum.formula}); ${devices} used`, source: 'cost-scenarios performanceModel.trainingBytesPerParameter' });
  }
  const mfu = resolveMfu(workload, candidate, scenarios, chip, run.precision);
  const goodput = goodputOf(scenarios);
  const m = decimalRange('mfu', mfu.mfu, fraction);
  // Published MFU rows and the derived MFU are steady-state; restarts, checkpoints and evaluation come on top.
  const effective: SourcedRange<string> = {
    low: text(m.low.mul(goodput.low)),
    expected: text(m.expected.mul(goodput.expected)),
    high: text(m.high.mul(goodput.high)),
    source: `${sourceOf(mfu.mfu)} × goodput ${goodput.low} / ${goodput.expected} / ${goodput.high} (${goodput.source})`,
  };
  const computed = trainingCompute(work, { denseRatePerDevice: rate.tflops!, precision: run.precision, rateSource: rate.source, mfu: effective, devices });

  assumptions.push(...prefixed('training', computed.assumptions), { name: 'training: MFU choice', value: mfu.how, source: MODEL }, ...mfu.assumptions);
  assumptions.push({ name: 'training: goodput', value: `${goodput.low} / ${goodput.expected} / ${goodput.high} of wall-clock time is useful steps`, source: goodput.source ?? MODEL });
  if (run.assumption !== null) assumptions.push({ name: 'precision', value: run.assumption, source: 'libs/hardware nearestPrecision' });
  if (candidate.devices !== undefined && devices > pool.deviceCount) {
    assumptions.push({ name: 'pool shortfall', value: `the run uses ${devices} devices, pool ${pool.id} has ${pool.deviceCount}: short by ${devices - pool.deviceCount} devices`, source: 'candidate.devices vs candidate.pool.deviceCount' });
  }
  const wallClock = mapRange(computed.range, (r) => r.wallClockHours);
  return {
    devices: { low: devices, expected: devices, high: devices },
    hoursPerDevice: wallClock,
    computeHours: wallClock,
    runDays: mapRange(wallClock, (h) => quotient(new D(h), HOURS_PER_DAY)),
    // Device-hours come from the capacity lines (devices × wall-clock), so the price multiplies what is reported.
    breakdown: prefixed('training', computed.breakdown.filter((line) => line.name !== 'device-hours')),
    assumptions,
    performance: {
      grade: mfu.grade,
      method: mfu.how,
      precision: run.precision,
      mfu: rangeQuantity(mapRange(m, (d) => d.toNumber()), 'fraction'),
      goodput: rangeQuantity(goodput, 'fraction'),
      tokensPerSecondPerDevice: null,
      devicesPerReplica: null,
      ttftMs: null,
    },
  };
}

function trainingWork(work: TrainingWorkload['work']): TrainingWork {
  if ('flops' in work) return { flops: positive('workload.work.flops', work.flops).toFixed() };
  return { activeParameters: positive('workload.work.activeParameters', work.activeParameters).toFixed(), tokens: positive('workload.work.tokens', work.tokens).toFixed() };
}

function fraction(name: string, value: DecimalInput): Dec {
  const d = positive(name, value);
  if (d.gt(1)) throw invalid(name, `must be a fraction in (0, 1], got ${text(d)}`);
  return d;
}

type Grade = NonNullable<CostEstimateV1['performance']>['grade'];

/**
 * The MFU (steady state, against the `precision` peak): workload.mfu, else workload.mfuScenarioId,
 * else a published row (evidence P or S) naming the accelerator, model type and precision
 * (MEASURED), else the performance model (DERIVED).
 */
function resolveMfu(workload: TrainingWorkload, candidate: Candidate, scenarios: CostScenarios, chip: ChipSpec, precision: TrainingWorkload['precision']): { mfu: Uncertain<DecimalInput>; how: string; grade: Grade; assumptions: readonly Assumption[] } {
  const { accelerator } = candidate;
  const { modelType } = workload;
  if (workload.mfu !== undefined) {
    decimalRange('workload.mfu', workload.mfu, fraction);
    return { mfu: { ...workload.mfu, source: 'workload.mfu (caller input)' }, how: 'workload.mfu given', grade: 'CALLER_INPUT', assumptions: [] };
  }
  if (workload.mfuScenarioId !== undefined) {
    const mfu = scenarioMfu(scenarios, workload.mfuScenarioId);
    const row = scenarios.mfu.find((r) => r.id === workload.mfuScenarioId);
    if (row !== undefined && row.ratePrecision !== precision) {
      throw invalid('workload.mfuScenarioId', `names mfu row ${row.id}, a fraction of the ${row.ratePrecision} peak, but the workload trains at ${precision} on ${accelerator.id}`);
    }
    return { mfu, how: `workload.mfuScenarioId ${workload.mfuScenarioId}`, grade: row !== undefined && row.evidence !== 'UNVERIFIED' ? 'MEASURED' : 'DERIVED', assumptions: [] };
  }
  const row = scenarios.mfu.find((r) => r.acceleratorIds.includes(accelerator.id) && r.modelType === modelType && r.ratePrecision === precision && (r.evidence === 'P' || r.evidence === 'S') && !r.vendorClaim);
  if (row !== undefined) return { mfu: scenarioMfu(scenarios, row.id), how: `mfu row ${row.id}: published for ${accelerator.id}, ${modelType}, ${precision} peak`, grade: 'MEASURED', assumptions: [] };
  const derived = deriveTrainingMfu(scenarios, chip, modelType, precision);
  return { mfu: derived.mfu, how: derived.method, grade: derived.grade, assumptions: derived.assumptions };
}

function inferenceUsage(workload: InferenceWorkload, candidate: Candidate, scenarios: CostScenarios): Usage {
  const { pool } = candidate;
  const average = nonNegative('workload.averageTokensPerSecond', workload.averageTokensPerSecond);
  const peak = positive('workload.peakTokensPerSecond', workload.peakTokensPerSecond);
  if (peak.lt(average)) throw invalid('workload.peakTokensPerSecond', `must be at least averageTokensPerSecond (${text(average)}), got ${text(peak)}`);
  const headroom = nonNegative('workload.headroom', workload.headroom);
  const months = positive('workload.months', workload.months);
  const throughput = resolveThroughput(workload, candidate, scenarios);
  const hoursPerMonth = new D(scenarios.calendar.hoursPerMonth);
  const replica = throughput.devicesPerReplica;
  // A derived fleet comes in whole replicas: size it in replica-sized "devices", then multiply back.
  const fleet = inferenceCapacity({
    tokensPerSecondPerDevice: replica === 1 ? throughput.value : scaleRange(throughput.value, replica),
    averageTokensPerSecond: text(average),
    peakTokensPerSecond: text(peak),
    headroom: text(headroom),
    hoursPerMonth: text(hoursPerMonth),
  });
  const hours = text(hoursPerMonth.mul(months));
  const devices = mapRange(fleet.range, (r) => r.devices * replica);
  const assumptions: Assumption[] = [
    ...prefixed('inference', fleet.assumptions.map((a) => (a.name === 'hours per month' ? { ...a, source: citeCalendar(scenarios) } : a))),
    { name: 'inference: throughput choice', value: throughput.how, source: MODEL },
    ...throughput.assumptions,
    { name: 'inference: months priced', value: `${text(months)} months × ${text(hoursPerMonth)} h = ${hours} h per device`, source: 'workload.months (caller input)' },
  ];
  if (replica > 1) {
    assumptions.push({ name: 'inference: replicas', value: `${CASES.map((c) => `${fleet.range[c].devices} (${c})`).join(' / ')} replicas of ${replica} devices; average load needs ${CASES.map((c) => fleet.range[c].utilisation).join(' / ')} of that capacity`, source: MODEL });
  }
  const short = CASES.filter((c) => devices[c] > pool.deviceCount);
  if (short.length > 0) {
    assumptions.push({
      name: 'pool shortfall',
      value: `pool ${pool.id} has ${pool.deviceCount} devices; the fleet needs ${CASES.map((c) => `${devices[c]} (${c})`).join(' / ')}: short by ${short.map((c) => `${devices[c] - pool.deviceCount} devices (${c})`).join(', ')}; priced as sized`,
      source: 'sized fleet vs candidate.pool.deviceCount',
    });
  }
  const zero = new D(0);
  const perDevice = decimalRange('tokensPerSecondPerDevice', throughput.value, positive);
  return {
    devices,
    hoursPerDevice: { low: hours, expected: hours, high: hours },
    computeHours: { low: hours, expected: hours, high: hours },
    runDays: { low: zero, expected: zero, high: zero },
    breakdown: prefixed('inference', fleet.breakdown),
    assumptions,
    performance: {
      grade: throughput.grade,
      method: throughput.how,
      precision: throughput.precision,
      mfu: null,
      goodput: null,
      tokensPerSecondPerDevice: { low: text(perDevice.low), expected: text(perDevice.expected), high: text(perDevice.high), unit: 'token/s' },
      devicesPerReplica: replica,
      ttftMs: throughput.ttftMs,
    },
  };
}

function scaleRange(value: Uncertain<DecimalInput>, factor: number): SourcedRange<string> {
  const r = decimalRange('tokensPerSecondPerDevice', value, positive);
  return { low: text(r.low.mul(factor)), expected: text(r.expected.mul(factor)), high: text(r.high.mul(factor)), source: sourceOf(value) };
}

interface Throughput {
  readonly value: Uncertain<DecimalInput>;
  readonly how: string;
  readonly grade: Grade;
  readonly precision: InferenceWorkload['precision'];
  /** Devices one replica spans; 1 where the figure is per device and no replica size is known. */
  readonly devicesPerReplica: number;
  readonly ttftMs: number | null;
  readonly assumptions: readonly Assumption[];
}

/**
 * Tokens/s per device: workload.tokensPerSecondPerDevice, else workload.throughputScenarioId,
 * else a published decode row that measured this chip, model, precision and a comparable
 * context (MEASURED), else the performance model (DERIVED), which needs totalParameters.
 */
function resolveThroughput(workload: InferenceWorkload, candidate: Candidate, scenarios: CostScenarios): Throughput {
  const { accelerator } = candidate;
  const asked = workload.precision;
  if (workload.tokensPerSecondPerDevice !== undefined) {
    decimalRange('workload.tokensPerSecondPerDevice', workload.tokensPerSecondPerDevice, positive);
    return { value: { ...workload.tokensPerSecondPerDevice, source: 'workload.tokensPerSecondPerDevice (caller input)' }, how: 'workload.tokensPerSecondPerDevice given', grade: 'CALLER_INPUT', precision: asked, devicesPerReplica: 1, ttftMs: null, assumptions: [] };
  }
  if (workload.throughputScenarioId !== undefined) {
    const value = scenarioThroughput(scenarios, workload.throughputScenarioId);
    const row = scenarios.inferenceThroughput.find((r) => r.id === workload.throughputScenarioId);
    const other = row !== undefined && row.acceleratorId !== accelerator.id ? `; the row measures ${row.acceleratorId}, applied to ${accelerator.id} as requested` : '';
    return { value, how: `workload.throughputScenarioId ${workload.throughputScenarioId}${other}`, grade: 'MEASURED', precision: row?.serving?.precision ?? asked, devicesPerReplica: 1, ttftMs: null, assumptions: [] };
  }
  const totalParameters = workload.totalParameters ?? (workload.modelType === 'DENSE' ? workload.activeParameters : undefined);
  const architecture = workload.architectureId === undefined ? undefined : scenarios.performanceModel.architectures.find((a) => a.id === workload.architectureId);
  if (workload.architectureId !== undefined && architecture === undefined) throw invalid('workload.architectureId', `cost-scenarios ${scenarios.version} has no architecture ${workload.architectureId}`);
  if (totalParameters === undefined && architecture === undefined) {
    throw new CostModelError(
      'MISSING_INPUT',
      `no throughput for ${accelerator.id}: pass workload.totalParameters (and activeParameters for an MoE model) or workload.architectureId so the performance model can size it, or workload.tokensPerSecondPerDevice`,
      { missing: 'workload.totalParameters' },
    );
  }
  if (workload.modelType === 'MOE' && workload.activeParameters === undefined && architecture === undefined) {
    throw new CostModelError('MISSING_INPUT', `an MoE model needs workload.activeParameters (parameters per token) or workload.architectureId`, { missing: 'workload.activeParameters' });
  }
  const chip = chipOf(candidate);
  const request: ServingRequest = {
    kind: workload.kind,
    modelType: architecture?.modelType ?? workload.modelType,
    precision: asked,
    totalParameters: architecture?.totalParameters ?? totalParameters!,
    activeParameters: architecture?.activeParameters ?? workload.activeParameters ?? totalParameters!,
    architectureId: workload.architectureId,
    contextLength: workload.contextLength,
    concurrentSequences: workload.concurrentSequences,
    tpotTargetMs: workload.tpotTargetMs,
    ttftTargetMs: workload.ttftTargetMs,
  };
  const run = runPrecision(chip, asked, 'accelerator.denseRates');
  const row = workload.concurrentSequences === undefined ? publishedServingRow(scenarios, chip, request, run.precision) : null;
  if (row !== null) {
    const notes: Assumption[] = run.assumption === null ? [] : [{ name: 'precision', value: run.assumption, source: 'libs/hardware nearestPrecision' }];
    return {
      value: scenarioThroughput(scenarios, row.id),
      how: `inferenceThroughput row ${row.id}: published for ${accelerator.id}, the same model at ${run.precision}${row.serving?.tpotMs ? `, TPOT ${row.serving.tpotMs} ms` : ''}`,
      grade: 'MEASURED',
      precision: run.precision,
      devicesPerReplica: 1,
      ttftMs: null,
      assumptions: notes,
    };
  }
  const derived = deriveServing(scenarios, chip, request);
  return {
    value: derived.tokensPerSecondPerDevice,
    how: derived.method,
    grade: derived.grade,
    precision: derived.runPrecision,
    devicesPerReplica: derived.devicesPerReplica,
    ttftMs: derived.ttftMs,
    assumptions: derived.assumptions,
  };
}

// ---------------------------------------------------------------------------------------------
// Price

interface CapacityTerms {
  readonly priceSource: PriceSource;
  readonly assumptions: Assumption[];
  readonly build: (devices: number, hours: Uncertain<DecimalInput>) => CapacityCostInput;
}

function capacityTerms(input: PlacementCostInput, report: ReportCurrency): CapacityTerms {
  const { candidate, workload, priceBook, scenarios } = input;
  const { pool, accelerator, site } = candidate;
  moneyAmount('candidate.pool.price', pool.price);
  const poolPrice: SourcedMoney = { amount: pool.price.amount, currency: pool.price.currency, source: `pool ${pool.id} price (${pool.price.basis}): ${pool.price.source}` };
  const assumptions: Assumption[] = [];

  if (pool.ownership === 'LEASED_IAAS') {
    const basis: PriceBasis = workload.basis ?? (pool.price.basis === 'CAPEX' ? 'ON_DEMAND' : pool.price.basis);
    assumptions.push({
      name: 'lease basis',
      value:
        workload.basis !== undefined
          ? `${basis} (workload.basis)`
          : pool.price.basis === 'CAPEX'
            ? `ON_DEMAND: pool ${pool.id} carries a CAPEX price, which is not a lease rate, and no workload.basis was given`
            : `${basis} (the basis of pool ${pool.id}'s own price)`,
      source: workload.basis !== undefined ? 'caller input' : MODEL,
    });
    const resolved = leaseRate(input, basis, poolPrice);
    assumptions.push({ name: 'lease rate source', value: `${resolved.priceSource.kind}: ${resolved.priceSource.detail}`, source: resolved.source });
    const rate = resolved.price;
    report.note((isRangeMoney(rate) ? rate.expected : rate).currency);
    return {
      priceSource: resolved.priceSource,
      assumptions,
      build: (devices, hours) => ({ ownership: 'LEASED_IAAS', devices, hours, basis, priceBook: { [basis]: rate }, reportIn: report.reportIn }),
    };
  }

  if (pool.ownership !== 'OWNED' && pool.ownership !== 'COLOCATION') throw invalid('candidate.pool.ownership', `must be OWNED, LEASED_IAAS or COLOCATION, got ${JSON.stringify(pool.ownership)}`);
  if (workload.basis !== undefined) {
    assumptions.push({ name: 'lease basis', value: `workload.basis ${workload.basis} not used: pool ${pool.id} is ${pool.ownership} and priced by its own ${pool.price.basis} price`, source: MODEL });
  }
  const power = devicePower(assumptions);
  report.note(power.powerPrice?.currency ?? report.currency);
  report.note(pool.price.currency);
  const hoursPerMonth = scenarios.calendar.hoursPerMonth;
  assumptions.push({ name: 'hours per month', value: String(hoursPerMonth), source: citeCalendar(scenarios) });
  if (pool.ownership === 'COLOCATION') {
    assumptions.push({ name: 'colocation fee', value: `none charged: no data set holds colocation fees (price-book ${priceBook.version} has none), so the estimate excludes the facility's fee`, source: MODEL });
  }

  if (pool.price.basis === 'CAPEX') {
    const life = scenarios.hardwareLife;
    assumptions.push({ name: 'hardware life', value: `${life.months} months, straight-line`, source: `cost-scenarios ${scenarios.version} hardwareLife [${life.evidence}]: ${life.source}` });
    return {
      priceSource: { kind: 'POOL', basis: 'CAPEX', detail: `pool ${pool.id} purchase price ${pool.price.amount} ${pool.price.currency} per device, amortised over ${life.months} months × ${hoursPerMonth} h` },
      assumptions,
      build: (devices, hours) => ({
        ownership: pool.ownership as 'OWNED',
        devices,
        hours,
        purchasePricePerDevice: poolPrice,
        lifeMonths: life.months,
        hoursPerMonth,
        power,
        reportIn: report.reportIn,
        ...(pool.ownership === 'COLOCATION' ? { colocationFeePerDeviceMonth: null } : {}),
      }),
    };
  }
  return {
    priceSource: {
      kind: 'POOL',
      basis: pool.price.basis,
      detail: `pool ${pool.id} ${pool.ownership} internal chargeback ${pool.price.amount} ${pool.price.currency} per device-hour (${pool.price.basis}) standing in for capital; power on top`,
    },
    assumptions,
    build: (devices, hours) => ({
      ownership: pool.ownership as 'OWNED',
      devices,
      hours,
      chargebackRatePerDeviceHour: poolPrice,
      hoursPerMonth,
      power,
      reportIn: report.reportIn,
      ...(pool.ownership === 'COLOCATION' ? { colocationFeePerDeviceMonth: null } : {}),
    }),
  };

  function devicePower(notes: Assumption[]): DevicePower {
    if (accelerator.tdpW === null) {
      throw new CostModelError('MISSING_INPUT', `accelerator ${accelerator.id} has no known TDP (accelerator.tdpW); power of an ${pool.ownership} pool needs it`, { missing: 'accelerator.tdpW' });
    }
    positive('candidate.accelerator.tdpW', accelerator.tdpW);
    if (site.powerPrice === null) {
      throw new CostModelError('MISSING_PRICE', `site ${site.id} has no power price (site ${site.id} powerPrice); power of an ${pool.ownership} pool is never priced at zero`, { missing: `site ${site.id} powerPrice` });
    }
    moneyAmount('candidate.site.powerPrice', site.powerPrice);
    const u = workload.powerUtilisation;
    if (u !== undefined) fraction01('workload.powerUtilisation', u);
    const utilisation: SourcedRange<DecimalInput> =
      u === undefined ? { low: 1, expected: 1, high: 1, source: 'default 1 (full TDP): conservative, no workload.powerUtilisation given' } : { low: u, expected: u, high: u, source: 'workload.powerUtilisation (caller input)' };
    let pue: SourcedRange<DecimalInput>;
    if (site.pue !== null) {
      const value = toPue('candidate.site.pue.value', site.pue.value);
      pue = { low: value, expected: value, high: value, source: `site ${site.id} PUE: ${site.pue.source}` };
    } else {
      pue = scenarioPue(scenarios, 'global-average');
      notes.push({ name: 'PUE', value: `site ${site.id} gives no PUE: the global-average row (${pue.expected}) is used`, source: pue.source ?? MODEL });
    }
    return {
      tdpW: accelerator.tdpW,
      utilisation,
      pue,
      powerPrice: { amount: site.powerPrice.amount, currency: site.powerPrice.currency, asOf: site.powerPrice.asOf, source: `site ${site.id} power price: ${site.powerPrice.source}` },
    };
  }
}

interface LeaseRate {
  readonly price: Uncertain<SourcedMoney>;
  readonly priceSource: PriceSource;
  readonly source: string;
}

function leaseRate(input: PlacementCostInput, basis: PriceBasis, poolPrice: SourcedMoney): LeaseRate {
  const { candidate, priceBook, pricingDate } = input;
  const { pool, accelerator } = candidate;
  const contract = priceBookContractRate(priceBook, pool.id, basis, pricingDate);
  if (contract !== null) {
    moneyAmount(`priceBook contractRates ${pool.id}/${basis}`, contract.price);
    return {
      price: contract.price,
      priceSource: { kind: 'CONTRACT', basis, detail: `contract rate ${contract.row.rate} ${contract.row.currency} per device-hour for pool ${pool.id}, valid ${contract.row.validFrom} to ${contract.row.validTo ?? 'open'}` },
      source: contract.price.source ?? MODEL,
    };
  }
  if (pool.price.basis === basis) {
    return { price: poolPrice, priceSource: { kind: 'POOL', basis, detail: `pool ${pool.id} ${basis} price ${pool.price.amount} ${pool.price.currency} per device-hour` }, source: poolPrice.source ?? MODEL };
  }
  const match = priceBookDeviceHourRate(priceBook, accelerator.id, basis);
  if (match === null) {
    const missing = `priceBook ${priceBook.version} deviceHourRates ${accelerator.id}/${basis}`;
    throw new CostModelError(
      'MISSING_PRICE',
      `no ${basis} rate for pool ${pool.id}: no contract rate on ${pricingDate}, the pool's own price is ${pool.price.basis}, and there is no ${missing} row; a missing price is never zero`,
      { missing },
    );
  }
  const r = match.row.rate;
  return {
    price: match.price,
    priceSource: { kind: 'PRICE_BOOK', basis, detail: `price-book ${priceBook.version} deviceHourRates/${match.row.id} ${r.low} / ${r.expected} / ${r.high} ${match.row.currency} per device-hour; ${match.tierChoice}` },
    source: match.price.source ?? MODEL,
  };
}

/** capacityCost once when every case holds the same devices, else once per case (inference sizes the fleet per case). */
function capacityByCase(devices: Range<number>, hours: Range<string>, build: CapacityTerms['build']): Estimate<CapacityCostOutcome> {
  if (devices.low === devices.expected && devices.expected === devices.high) return capacityCost(build(devices.expected, hours));
  const runs = mapRange(devices, (d) => capacityCost(build(d, hours)));
  return { breakdown: runs.expected.breakdown, assumptions: runs.expected.assumptions, range: mapRange(runs, (run, c) => run.range[c]) };
}

function listCostOf(input: PlacementCostInput, deviceHours: Range<Dec>, report: ReportCurrency, breakdown: LineItem[], assumptions: Assumption[]): Range<Money> | null {
  const { priceBook, candidate } = input;
  const match = priceBookDeviceHourRate(priceBook, candidate.accelerator.id, 'ON_DEMAND');
  if (match === null) {
    assumptions.push({ name: 'list cost', value: `none: price-book ${priceBook.version} has no ON_DEMAND row for ${candidate.accelerator.id}`, source: MODEL });
    return null;
  }
  const row = match.row;
  const cost = mapRange(deviceHours, (dh, c) => report.convert(money(dh.mul(row.rate[c]), row.currency)));
  breakdown.push({ name: 'list cost (ON_DEMAND)', value: cost.expected, formula: `${text(deviceHours.expected)} device-hours × ${row.rate.expected} ${row.currency}/device-hour (deviceHourRates/${row.id})` });
  assumptions.push({ name: 'list cost', value: `ON_DEMAND row ${row.id}, ${row.rate.low} / ${row.rate.expected} / ${row.rate.high} ${row.currency} per device-hour; ${match.tierChoice}`, source: match.price.source ?? MODEL });
  return cost;
}

// ---------------------------------------------------------------------------------------------
// Data movement

/** Adds the DATA_MOVEMENT component (when there are items) and returns the slowest inbound transfer per case. */
function dataMovements(input: PlacementCostInput, report: ReportCurrency, components: Component[], breakdown: LineItem[], assumptions: Assumption[]): Range<Dec> {
  const { workload, scenarios } = input;
  let inbound: Range<Dec> = { low: new D(0), expected: new D(0), high: new D(0) };
  const costs: Range<Money>[] = [];
  workload.dataMovements.forEach((item, i) => {
    const path = `dataMovements[${i}]`;
    const volumeGb = text(nonNegative(`workload.${path}.volumeGb`, item.volumeGb));
    let moved: Estimate<DataMovementOutcome>;
    if (item.mode === 'SHIP_DRIVES') {
      moved = dataMovement({ volumeGb, mode: 'SHIP_DRIVES', shipping: scenarioShipping(scenarios) });
    } else {
      moved = dataMovement({ volumeGb, mode: 'NETWORK', egressPricePerGb: egressPrice(input, item, path), linkGbps: linkSpeed(input, item, path) });
    }
    const label = `${path} ${item.kind} ${item.direction} ${item.mode}`;
    breakdown.push(...prefixed(label, moved.breakdown));
    assumptions.push(...prefixed(label, moved.assumptions));
    costs.push(mapRange(moved.range, (r) => report.convert(r.cost)));
    if (item.direction === 'INBOUND') inbound = mapRange(inbound, (days, c) => D.max(days, moved.range[c].transferDays));
    else assumptions.push({ name: `${label}: timing`, value: 'outbound: adds cost only, not time to result', source: MODEL });
  });
  if (costs.length > 0) {
    components.push({
      name: 'DATA_MOVEMENT',
      cost: mapRange(inbound, (_d, c) => sumMoney(costs.map((k) => k[c]), report.currency)),
      formula: `sum of ${costs.length} data movement${costs.length === 1 ? '' : 's'}`,
    });
    assumptions.push({ name: 'data movement timing', value: 'inbound transfers run in parallel: the slowest adds to time to result', source: MODEL });
  }
  return inbound;
}

type Movement = PlacementCostInput['workload']['dataMovements'][number];

function egressPrice(input: PlacementCostInput, item: Movement, path: string): SourcedMoney {
  const { site } = input.candidate;
  if (item.egressPricePerGb !== undefined) {
    moneyAmount(`workload.${path}.egressPricePerGb`, item.egressPricePerGb);
    return { ...item.egressPricePerGb, source: `workload.${path}.egressPricePerGb (caller input)` };
  }
  if (item.direction === 'OUTBOUND' && site.egressPricePerGb !== null) {
    moneyAmount('candidate.site.egressPricePerGb', site.egressPricePerGb);
    return { amount: site.egressPricePerGb.amount, currency: site.egressPricePerGb.currency, source: `site ${site.id} egress price: ${site.egressPricePerGb.source}` };
  }
  if (item.egressScenarioId !== undefined) return scenarioEgressPrice(input.scenarios, item.egressScenarioId);
  throw new CostModelError(
    'MISSING_PRICE',
    `${path} needs an egress price (${path}.egressPricePerGb): none given${item.direction === 'OUTBOUND' ? `, site ${site.id} has none` : ''} and no egressScenarioId; pass "0" for a free path, it is never assumed`,
    { missing: `${path}.egressPricePerGb` },
  );
}

function linkSpeed(input: PlacementCostInput, item: Movement, path: string): SourcedRange<DecimalInput> {
  const { site } = input.candidate;
  if (item.linkGbps !== undefined) {
    const gbps = text(positive(`workload.${path}.linkGbps`, item.linkGbps));
    return { low: gbps, expected: gbps, high: gbps, source: `workload.${path}.linkGbps (caller input)` };
  }
  if (site.internationalBandwidthGbps !== null) {
    const gbps = text(positive('candidate.site.internationalBandwidthGbps', site.internationalBandwidthGbps));
    return { low: gbps, expected: gbps, high: gbps, source: `site ${site.id} internationalBandwidthGbps` };
  }
  if (item.linkScenarioId !== undefined) return scenarioLinkGbps(input.scenarios, item.linkScenarioId);
  throw new CostModelError('MISSING_INPUT', `${path} needs a link speed (${path}.linkGbps): none given, site ${site.id} has no international bandwidth and no linkScenarioId`, {
    missing: `${path}.linkGbps`,
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function leadTimeOf(candidate: Candidate): number {
  const lead = candidate.leadTimeDays;
  if (typeof lead !== 'number' || !Number.isInteger(lead) || lead < 0) throw invalid('candidate.leadTimeDays', `must be a whole number of days ≥ 0, got ${lead}`);
  return lead;
}

function fraction01(name: string, value: DecimalInput): Dec {
  const d = nonNegative(name, value);
  if (d.gt(1)) throw invalid(name, `must be a fraction in [0, 1], got ${text(d)}`);
  return d;
}

function toPue(name: string, value: DecimalInput): string {
  const d = positive(name, value);
  if (d.lt(1)) throw invalid(name, `must be at least 1, got ${text(d)}`);
  return text(d);
}

function citeCalendar(scenarios: CostScenarios): string {
  return `cost-scenarios ${scenarios.version} calendar [${scenarios.calendar.evidence}]: ${scenarios.calendar.source}`;
}

function datasetAssumption(dataset: string, doc: { version: string; effectiveFrom: string; source: string }, pricingDate: string): Assumption {
  const early = pricingDate < doc.effectiveFrom ? `; the pricing date ${pricingDate} precedes it` : '';
  return { name: `${dataset} version`, value: `${doc.version} (effective from ${doc.effectiveFrom}${early})`, source: `data set ${dataset} ${doc.version}` };
}

function isRangeMoney(value: Uncertain<SourcedMoney>): value is SourcedRange<SourcedMoney> {
  return typeof value === 'object' && value !== null && 'expected' in value;
}

function prefixed<T extends { name: string }>(prefix: string, items: readonly T[]): T[] {
  return items.map((item) => ({ ...item, name: `${prefix}: ${item.name}` }));
}

function flatten(line: LineItem): CostEstimateV1['breakdown'][number] {
  return isMoney(line.value)
    ? { name: line.name, value: line.value.amount, unit: line.value.currency, formula: line.formula }
    : { name: line.name, value: line.value.value, unit: line.value.unit, formula: line.formula };
}

function moneyRange(range: Range<Money>, currency: string): CostEstimateV1['total'] {
  for (const c of CASES) {
    if (range[c].currency !== currency) throw new CostModelError('CURRENCY_MISMATCH', `${c} is in ${range[c].currency}, the estimate is in ${currency}`, { missing: `fx ${range[c].currency}/${currency}` });
  }
  return { low: range.low.amount, expected: range.expected.amount, high: range.high.amount, currency };
}

function quantityRange(range: Range<string>, unit: string): CostEstimateV1['devices'] {
  return { low: range.low, expected: range.expected, high: range.high, unit };
}
