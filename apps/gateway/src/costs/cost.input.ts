import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DataProfileInput, WorkloadKind } from '../compliance/compliance.input.js';
import { Precision } from '../accelerators/accelerator.model.js';
import { MoneyInput } from '../sites/sites.input.js';
import { LedgerEntryType } from './cost.model.js';

export enum ModelType {
  DENSE = 'DENSE',
  MOE = 'MOE',
}
registerEnumType(ModelType, { name: 'ModelType', description: 'DENSE, or mixture-of-experts (give active parameters per token).' });

export enum LeaseBasis {
  ON_DEMAND = 'ON_DEMAND',
  COMMITTED = 'COMMITTED',
}
registerEnumType(LeaseBasis, { name: 'LeaseBasis', description: 'The device-hour rate to price a lease at.' });

export enum DataMovementKind {
  DATASET_TO_SITE = 'DATASET_TO_SITE',
  CHECKPOINTS = 'CHECKPOINTS',
  WEIGHTS_TO_INFERENCE = 'WEIGHTS_TO_INFERENCE',
  OTHER = 'OTHER',
}
registerEnumType(DataMovementKind, { name: 'DataMovementKind' });

export enum DataMovementMode {
  NETWORK = 'NETWORK',
  SHIP_DRIVES = 'SHIP_DRIVES',
}
registerEnumType(DataMovementMode, { name: 'DataMovementMode' });

export enum DataDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(DataDirection, { name: 'DataDirection', description: 'INBOUND into the candidate site (counts toward time to result); OUTBOUND out of it.' });

@InputType({ description: 'An uncertain input: low ≤ expected ≤ high.' })
export class RangeInput {
  @Field(() => Float) low!: number;
  @Field(() => Float) expected!: number;
  @Field(() => Float) high!: number;
}

@InputType()
export class DataMovementInput {
  @Field(() => DataMovementKind) kind!: DataMovementKind;
  @Field(() => Float, { description: 'Decimal gigabytes.' }) volumeGb!: number;
  @Field(() => DataMovementMode) mode!: DataMovementMode;
  @Field(() => DataDirection) direction!: DataDirection;
  @Field(() => MoneyInput, { nullable: true, description: 'Per GB; default: the site’s egress price (OUTBOUND), else egressScenarioId.' })
  egressPricePerGb?: MoneyInput | null;
  @Field(() => String, { nullable: true, description: 'A network.egressPrices row of the cost scenarios.' })
  egressScenarioId?: string | null;
  @Field(() => Float, { nullable: true, description: 'Sustained Gbit/s; default: the site’s international bandwidth, else linkScenarioId.' })
  linkGbps?: number | null;
  @Field(() => String, { nullable: true, description: 'A network.links row of the cost scenarios.' })
  linkScenarioId?: string | null;
}

@InputType({ description: 'The workload to price. Training fields apply to TRAINING and FINE_TUNING, inference fields to INFERENCE and BATCH_INFERENCE.' })
export class CostWorkloadInput {
  @Field(() => WorkloadKind) kind!: WorkloadKind;

  @Field(() => Float, { nullable: true, description: 'Parameters active per token (all of them for a dense model): training FLOPs, and serving compute for an MoE model.' })
  activeParameters?: number | null;
  @Field(() => Float, { nullable: true, description: 'All parameters (every expert of an MoE model): sizes memory for training and serving; the performance model needs it when no throughput or MFU is given.' })
  totalParameters?: number | null;
  @Field(() => String, { nullable: true, description: 'A published model architecture of the cost scenarios (e.g. deepseek-v3, llama-3-1-70b): exact KV cache and parameter counts.' })
  architectureId?: string | null;
  @Field(() => Float, { nullable: true, description: 'Training: tokens; FLOPs = 6 × activeParameters × tokens.' })
  tokens?: number | null;
  @Field(() => Float, { nullable: true, description: 'Training: FLOPs directly, instead of activeParameters and tokens.' })
  flops?: number | null;
  @Field(() => ModelType, { nullable: true, description: 'DENSE or MOE (inference default DENSE).' }) modelType?: ModelType | null;
  @Field(() => Precision, { nullable: true, description: 'Training: the precision whose dense peak MFU refers to; inference: the serving precision of the weights (default BF16). A chip without it runs at the nearest one it has, stated in the estimate.' })
  precision?: Precision | null;
  @Field(() => RangeInput, { nullable: true, description: 'Training: overrides the scenario MFU (fractions).' })
  mfu?: RangeInput | null;
  @Field(() => String, { nullable: true }) mfuScenarioId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Training: devices to use on each pool (default: the whole pool).' })
  devices?: number | null;

  @Field(() => Float, { nullable: true, description: 'Inference: average demand, tokens/s.' })
  averageTokensPerSecond?: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: peak demand, tokens/s.' })
  peakTokensPerSecond?: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: spare capacity over peak (0.2 = 20%).' })
  headroom?: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: months to price.' })
  months?: number | null;
  @Field(() => RangeInput, { nullable: true, description: 'Inference: overrides the scenario throughput per device.' })
  tokensPerSecondPerDevice?: RangeInput | null;
  @Field(() => String, { nullable: true }) throughputScenarioId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Inference: tokens each sequence holds, prompt + output (default 4,096).' })
  contextLength?: number | null;
  @Field(() => Int, { nullable: true, description: 'Inference: sequences in flight per replica (default: as many as memory and the TPOT target allow).' })
  concurrentSequences?: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: time per output token ceiling, ms (default 50; none for BATCH_INFERENCE).' })
  tpotTargetMs?: number | null;
  @Field(() => Float, { nullable: true, description: 'Inference: time to first token ceiling, ms.' })
  ttftTargetMs?: number | null;

  @Field(() => Float, { nullable: true, description: 'Power draw as a fraction of TDP (default 1, conservative).' })
  powerUtilisation?: number | null;
  @Field(() => LeaseBasis, { nullable: true, description: 'Lease basis; default: the pool’s own.' })
  basis?: LeaseBasis | null;
  @Field(() => [DataMovementInput], { defaultValue: [] }) dataMovements!: DataMovementInput[];
  @Field(() => MoneyInput, { nullable: true, description: 'What a day of licence or approval delay costs.' })
  costOfDelayPerDay?: MoneyInput | null;
}

@InputType({ description: 'Take licence lead times from a compliance check of each pool for this legal entity.' })
export class CostComplianceInput {
  @Field() legalEntityId!: string;
  @Field(() => DataProfileInput, { nullable: true }) data?: DataProfileInput | null;
  @Field(() => [String], { defaultValue: [] }) servesPublicIn!: string[];
}

@InputType()
export class CostVersionsInput {
  @Field(() => String, { nullable: true }) priceBook?: string | null;
  @Field(() => String, { nullable: true }) costScenarios?: string | null;
  @Field(() => String, { nullable: true }) fxRates?: string | null;
}

@InputType()
export class EstimateCostInput {
  @Field(() => [ID], { description: 'One or several capacity pools (at most 200).' }) poolIds!: string[];
  @Field(() => CostWorkloadInput) workload!: CostWorkloadInput;
  @Field({ defaultValue: 'USD', description: 'Report currency (ISO 4217).' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Price as of this date (YYYY-MM-DD; default today, UTC).' })
  pricingDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Licence or approval lead time in days for every pool, when no compliance check is asked for.' })
  leadTimeDays?: number | null;
  @Field(() => CostComplianceInput, { nullable: true }) compliance?: CostComplianceInput | null;
  @Field(() => CostVersionsInput, { nullable: true, description: 'Pin data-set versions (default: those in force on pricingDate).' })
  versions?: CostVersionsInput | null;
}

@InputType()
export class LedgerEntryInput {
  @Field({ description: 'Unique per entry: a repeat with the same content is a no-op, with other content a CONFLICT.' })
  idempotencyKey!: string;
  @Field() costCenter!: string;
  @Field(() => String, { nullable: true }) workloadId?: string | null;
  @Field(() => WorkloadKind) workloadKind!: WorkloadKind;
  @Field() siteId!: string;
  @Field() countryCode!: string;
  @Field() vendor!: string;
  @Field() acceleratorId!: string;
  @Field(() => String, { nullable: true }) poolId?: string | null;
  @Field({ description: 'YYYY-MM-DD, inclusive.' }) chargePeriodStart!: string;
  @Field({ description: 'YYYY-MM-DD, exclusive; within the month of the start.' }) chargePeriodEnd!: string;
  @Field({ description: 'Decimal string, at most 8 decimal places.' }) amount!: string;
  @Field() currency!: string;
  @Field(() => String, { nullable: true }) listAmount?: string | null;
  @Field(() => String, { nullable: true }) deviceHours?: string | null;
  @Field(() => String, { nullable: true }) priceBookVersion?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'Ledger rows to read or report on: charge periods starting in [from, to).' })
export class LedgerFilterInput {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => [String], { nullable: true }) costCenters?: string[] | null;
  @Field(() => [String], { nullable: true }) siteIds?: string[] | null;
  @Field(() => [String], { nullable: true }) countryCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) vendors?: string[] | null;
  @Field(() => [String], { nullable: true }) acceleratorIds?: string[] | null;
  @Field(() => [WorkloadKind], { nullable: true }) workloadKinds?: WorkloadKind[] | null;
  @Field(() => [LedgerEntryType], { nullable: true }) entryTypes?: LedgerEntryType[] | null;
}

@InputType()
export class BudgetInput {
  @Field() costCenter!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() amount!: string;
  @Field() currency!: string;
}

