import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Precision } from '../accelerators/accelerator.model.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { WorkloadKind } from '../compliance/compliance.input.js';
import { VerdictOutcome } from '../compliance/verdict.model.js';
import { Ownership } from '../pools/pool.model.js';

export enum CostComponentName {
  COMPUTE_LEASE = 'COMPUTE_LEASE',
  CAPITAL = 'CAPITAL',
  COLOCATION_FEE = 'COLOCATION_FEE',
  POWER = 'POWER',
  DATA_MOVEMENT = 'DATA_MOVEMENT',
  DELAY = 'DELAY',
}
registerEnumType(CostComponentName, { name: 'CostComponentName' });

export enum PriceSourceKind {
  CONTRACT = 'CONTRACT',
  POOL = 'POOL',
  PRICE_BOOK = 'PRICE_BOOK',
}
registerEnumType(PriceSourceKind, { name: 'PriceSourceKind', description: 'CONTRACT: a negotiated rate in the price book; POOL: the pool’s own price; PRICE_BOOK: the market rate for the accelerator.' });

export enum LedgerEntryType {
  COMMITTED = 'COMMITTED',
  ACTUAL = 'ACTUAL',
}
registerEnumType(LedgerEntryType, { name: 'LedgerEntryType', description: 'COMMITTED: spend of an accepted plan; ACTUAL: usage billed or metered.' });

export enum LedgerSource {
  GRAPHQL = 'GRAPHQL',
  KAFKA = 'KAFKA',
  PLAN = 'PLAN',
}
registerEnumType(LedgerSource, { name: 'LedgerSource' });

export enum ReportDimension {
  COST_CENTER = 'COST_CENTER',
  SITE = 'SITE',
  COUNTRY = 'COUNTRY',
  VENDOR = 'VENDOR',
  ACCELERATOR = 'ACCELERATOR',
  WORKLOAD_KIND = 'WORKLOAD_KIND',
  MONTH = 'MONTH',
}
registerEnumType(ReportDimension, { name: 'ReportDimension' });

export enum CostDataset {
  PRICE_BOOK = 'price-book',
  COST_SCENARIOS = 'cost-scenarios',
  FX_RATES = 'fx-rates',
}
registerEnumType(CostDataset, { name: 'CostDataset' });

@ObjectType({ description: 'low / expected / high of an amount; low is the cheapest case. Decimal strings.' })
export class MoneyRange {
  @Field() low!: string;
  @Field() expected!: string;
  @Field() high!: string;
  @Field() currency!: string;
}

@ObjectType()
export class QuantityRange {
  @Field() low!: string;
  @Field() expected!: string;
  @Field() high!: string;
  @Field() unit!: string;
}

@ObjectType()
export class CostComponent {
  @Field(() => CostComponentName) name!: CostComponentName;
  @Field(() => MoneyRange) cost!: MoneyRange;
}

@ObjectType({ description: 'One line of the breakdown, for the expected case, with how it was computed.' })
export class CostLine {
  @Field() name!: string;
  @Field() value!: string;
  @Field() unit!: string;
  @Field() formula!: string;
}

@ObjectType()
export class CostAssumption {
  @Field() name!: string;
  @Field() value!: string;
  @Field({ description: 'Data-set row and version, fact-sheet section, or "caller input".' })
  source!: string;
}

@ObjectType()
export class PriceSource {
  @Field(() => PriceSourceKind) kind!: PriceSourceKind;
  @Field() basis!: string;
  @Field() detail!: string;
}

export enum EvidenceGrade {
  CALLER_INPUT = 'CALLER_INPUT',
  MEASURED = 'MEASURED',
  DERIVED = 'DERIVED',
}
registerEnumType(EvidenceGrade, { name: 'EvidenceGrade', description: 'CALLER_INPUT: given with the request; MEASURED: a published row of the cost scenarios; DERIVED: the calibrated performance model.' });

@ObjectType({ description: 'Where the throughput or MFU behind an estimate came from, and how it was found.' })
export class PerformanceFigures {
  @Field(() => EvidenceGrade) grade!: EvidenceGrade;
  @Field({ description: 'The row used, or the performance model’s method with its inputs.' }) method!: string;
  @Field(() => Precision, { description: 'The precision the workload runs at on this chip (the nearest it has to the one asked for).' }) precision!: Precision;
  @Field(() => QuantityRange, { nullable: true, description: 'Training: steady-state MFU against the dense peak at `precision`.' }) mfu!: QuantityRange | null;
  @Field(() => QuantityRange, { nullable: true, description: 'Training: share of wall-clock time on useful steps.' }) goodput!: QuantityRange | null;
  @Field(() => QuantityRange, { nullable: true, description: 'Inference: decode tokens/s per device.' }) tokensPerSecondPerDevice!: QuantityRange | null;
  @Field(() => Int, { nullable: true, description: 'Inference: devices one serving replica spans.' }) devicesPerReplica!: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: time to first token, ms (derived figures only).' }) ttftMs!: number | null;
}

@ObjectType()
export class CostEstimate {
  @Field() currency!: string;
  @Field(() => MoneyRange) total!: MoneyRange;
  @Field(() => [CostComponent]) components!: CostComponent[];
  @Field(() => QuantityRange) devices!: QuantityRange;
  @Field(() => QuantityRange) deviceHours!: QuantityRange;
  @Field(() => QuantityRange, { description: 'Training: run length; inference: hours in the priced months.' })
  computeHours!: QuantityRange;
  @Field(() => QuantityRange) transferDays!: QuantityRange;
  @Field(() => Int) leadTimeDays!: number;
  @Field(() => QuantityRange, { description: 'Licence lead time + inbound data transfer + run (training).' })
  timeToResultDays!: QuantityRange;
  @Field(() => MoneyRange, { nullable: true, description: 'The same device-hours at the price book’s on-demand rate (FOCUS ListCost).' })
  listCost!: MoneyRange | null;
  @Field(() => PriceSource) priceSource!: PriceSource;
  @Field(() => PerformanceFigures, { nullable: true, description: 'Absent on estimates stored before the performance model.' })
  performance?: PerformanceFigures | null;
  @Field(() => [CostLine]) breakdown!: CostLine[];
  @Field(() => [CostAssumption]) assumptions!: CostAssumption[];
}

@ObjectType({ description: 'Why a candidate could not be priced; never a silent zero.' })
export class CostError {
  @Field({ description: 'MISSING_PRICE, MISSING_INPUT, NO_FX_RATE, CURRENCY_MISMATCH or INVALID_INPUT.' })
  code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'What is missing, as a path into the data (e.g. "site my-johor-sedenak powerPrice").' })
  missing!: string | null;
}

@ObjectType()
export class PoolCostEstimate {
  @Field(() => ID) poolId!: string;
  @Field() siteId!: string;
  @Field() acceleratorId!: string;
  @Field(() => Ownership) ownership!: Ownership;
  @Field(() => VerdictOutcome, { nullable: true, description: 'The compliance outcome, when a legal entity was given.' })
  complianceOutcome!: VerdictOutcome | null;
  @Field(() => CostEstimate, { nullable: true }) estimate!: CostEstimate | null;
  @Field(() => CostError, { nullable: true }) error!: CostError | null;
}

@ObjectType()
export class CostVersions {
  @Field() priceBook!: string;
  @Field() costScenarios!: string;
  @Field() fxRates!: string;
}

@ObjectType()
export class CostEstimates {
  @Field() pricingDate!: string;
  @Field() currency!: string;
  @Field(() => CostVersions, { description: 'The data-set versions every estimate here used.' })
  versions!: CostVersions;
  @Field(() => [PoolCostEstimate]) estimates!: PoolCostEstimate[];
}

@ObjectType()
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field() idempotencyKey!: string;
  @Field(() => LedgerEntryType) entryType!: LedgerEntryType;
  @Field() costCenter!: string;
  @Field(() => String, { nullable: true }) workloadId!: string | null;
  @Field(() => WorkloadKind) workloadKind!: WorkloadKind;
  @Field() siteId!: string;
  @Field() countryCode!: string;
  @Field() vendor!: string;
  @Field() acceleratorId!: string;
  @Field(() => String, { nullable: true }) poolId!: string | null;
  @Field() chargePeriodStart!: string;
  @Field() chargePeriodEnd!: string;
  @Field({ description: 'FOCUS BilledCost, exact decimal.' }) amount!: string;
  @Field() currency!: string;
  @Field(() => String, { nullable: true, description: 'FOCUS ListCost.' }) listAmount!: string | null;
  @Field(() => String, { nullable: true }) deviceHours!: string | null;
  @Field(() => String, { nullable: true }) priceBookVersion!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => LedgerSource) source!: LedgerSource;
  @Field() recordedBy!: string;
  @Field() recordedAt!: Date;
}

@ObjectType()
export class LedgerPage {
  @Field(() => [LedgerEntry]) entries!: LedgerEntry[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class RecordResult {
  @Field(() => Int) recorded!: number;
  @Field(() => Int, { description: 'Entries whose idempotency key was already recorded with the same content.' })
  duplicates!: number;
  @Field(() => [ID]) ids!: string[];
}

@ObjectType()
export class ReportKey {
  @Field(() => String, { nullable: true }) costCenter!: string | null;
  @Field(() => String, { nullable: true }) siteId!: string | null;
  @Field(() => String, { nullable: true }) countryCode!: string | null;
  @Field(() => String, { nullable: true }) vendor!: string | null;
  @Field(() => String, { nullable: true }) acceleratorId!: string | null;
  @Field(() => WorkloadKind, { nullable: true }) workloadKind!: WorkloadKind | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month!: string | null;
}

@ObjectType()
export class ReportFigures {
  @Field({ description: 'Committed (planned) spend, in the report currency.' }) committed!: string;
  @Field({ description: 'Actual spend, in the report currency.' }) actual!: string;
  @Field(() => String, { nullable: true, description: 'Budget of the cost centres and months the row covers; null when budgets do not apply to the row.' })
  budget!: string | null;
  @Field(() => String, { nullable: true, description: 'actual − budget; positive is over budget.' }) variance!: string | null;
  @Field(() => String, { nullable: true }) variancePercent!: string | null;
  @Field(() => Boolean, { nullable: true }) overBudget!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'max(committed, actual) > budget.' }) forecastOverBudget!: boolean | null;
  @Field(() => Int) entryCount!: number;
}

@ObjectType()
export class ReportRow extends ReportFigures {
  @Field(() => ReportKey) key!: ReportKey;
}

@ObjectType()
export class FxRateUsed {
  @Field() from!: string;
  @Field() to!: string;
  @Field() rate!: string;
  @Field({ description: 'Date of the FX row applied.' }) rowDate!: string;
  @Field() source!: string;
}

@ObjectType()
export class CostReport {
  @Field() currency!: string;
  @Field() fxDate!: string;
  @Field() fxRatesVersion!: string;
  @Field(() => [FxRateUsed]) fxRatesUsed!: FxRateUsed[];
  @Field(() => [ReportDimension]) groupBy!: ReportDimension[];
  @Field(() => [ReportRow]) rows!: ReportRow[];
  @Field(() => ReportFigures) totals!: ReportFigures;
}

@ObjectType()
export class Budget {
  @Field() costCenter!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() amount!: string;
  @Field() currency!: string;
  @Field() setBy!: string;
  @Field() setAt!: Date;
}

@ObjectType()
export class CostDatasetVersion {
  @Field(() => CostDataset) dataset!: CostDataset;
  @Field() version!: string;
  @Field() effectiveFrom!: string;
  @Field() source!: string;
  @Field() checksum!: string;
  @Field(() => Int) itemCount!: number;
  @Field() publishedAt!: Date;
  @Field() publishedBy!: string;
  @Field({ description: 'The version an estimate priced today uses.' }) inForceToday!: boolean;
}

@ObjectType()
export class CostDatasetDocument {
  @Field(() => CostDatasetVersion) version!: CostDatasetVersion;
  @Field(() => GraphQLJSONObject) document!: Record<string, unknown>;
}

@ObjectType()
export class PublishCostDatasetResult {
  @Field(() => CostDatasetVersion) version!: CostDatasetVersion;
  @Field({ description: 'False when this exact version and content was already published.' }) created!: boolean;
}
