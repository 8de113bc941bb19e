import type { CostEstimateV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Ledger quantities keep at most 8 decimal places (the column's scale). */
const QUANTITY_DECIMALS = 8;
/** Committed spend is booked in minor units (cents for USD), as monthlySpend does. */
const AMOUNT_DECIMALS = 2;
/** Components that do not scale with the hours held: data moves once; a delay is not billed. */
const FIXED = new Set(['DATA_MOVEMENT']);
const NOT_SPEND = new Set(['DELAY']);

/** A plan that cannot hold its capacity: the code says why; the service turns it into CONFLICT. */
export class RunHoldError extends Error {
  constructor(
    readonly code: 'RUN_OUTSIDE_WINDOW' | 'NO_DEVICE_HOURS',
    message: string,
  ) {
    super(message);
    this.name = 'RunHoldError';
  }
}

/** The capacity an accepted placement reserves: `devices` for `window`, `hours` long. */
export interface RunHold {
  readonly window: { readonly from: string; readonly to: string };
  readonly devices: number;
  /** Hours held, exact (whole hours for a training run unless the window clips it). */
  readonly hours: string;
  /** devices × hours. */
  readonly deviceHours: string;
  /** How the window was sized, for the ledger description. */
  readonly basis: string;
}

export interface RunHoldInput {
  readonly kind: string;
  /** The window the workload asked for. */
  readonly window: { readonly from: string; readonly to: string };
  /** When the pool can first be used (a later start than the window's is the earliest the candidate allows). */
  readonly availableFrom: string | null;
  /** Devices the placement uses: the run's for training, the sized fleet for inference. */
  readonly devices: number;
  readonly estimate: CostEstimateV1;
}

const isTraining = (kind: string) => kind === 'TRAINING' || kind === 'FINE_TUNING';

function instant(field: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not a date-time: ${value}`);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Hours between two instants, to the 8 decimal places a ledger quantity keeps. */
const hoursBetween = (from: number, to: number) => new Exact(to - from).div(HOUR_MS).toDecimalPlaces(QUANTITY_DECIMALS);

/**
 * Sizes the reservation of an accepted placement. Training holds the devices for the
 * estimate's expected wall-clock run, rounded up to whole hours, from the window's start or the
 * pool's first available moment if later, clipped to the window; a 2-day run in a 2-month
 * window holds 2 days. Inference serves for the whole window. Throws RunHoldError when the
 * run cannot start inside the window.
 */
export function runHoldOf(input: RunHoldInput): RunHold {
  const from = instant('window.from', input.window.from);
  const to = instant('window.to', input.window.to);
  if (!isTraining(input.kind)) {
    const hours = hoursBetween(from, to);
    return {
      window: { from: iso(from), to: iso(to) },
      devices: input.devices,
      hours: hours.toFixed(),
      deviceHours: hours.mul(input.devices).toFixed(),
      basis: `${input.kind.toLowerCase().replaceAll('_', ' ')}: serves for the whole window`,
    };
  }
  const availableFrom = input.availableFrom === null ? from : instant('pool.availableFrom', input.availableFrom);
  const start = Math.max(from, availableFrom);
  if (start >= to) {
    throw new RunHoldError('RUN_OUTSIDE_WINDOW', `the pool is available from ${iso(availableFrom)}, when the window (${iso(from)} to ${iso(to)}) has ended; the run cannot start inside it`);
  }
  const runHours = new Exact(input.estimate.computeHours.expected);
  const wholeHours = Exact.max(1, runHours.ceil());
  const end = Math.min(start + wholeHours.mul(HOUR_MS).toNumber(), to);
  const hours = hoursBetween(start, end);
  const clipped = end === to && hours.lt(wholeHours);
  const started = start > from ? `from ${iso(start)}, when the pool becomes available` : 'from the window start';
  return {
    window: { from: iso(start), to: iso(end) },
    devices: input.devices,
    hours: hours.toFixed(),
    deviceHours: hours.mul(input.devices).toFixed(),
    basis: clipped
      ? `training run of ${runHours.toFixed()} h expected, ${started}, clipped to the window end after ${hours.toFixed()} h`
      : `training run of ${runHours.toFixed()} h expected, rounded up to ${wholeHours.toFixed()} h, ${started}`,
  };
}

/**
 * What the hold commits: the estimate's time-bound costs (lease, capital, colocation, power) at
 * their expected rate per device-hour, times the device-hours held, plus its one-off costs
 * (data movement). The cost of delay prices waiting, not capacity, so it is not committed.
 * Rounded half-even to cents, as the ledger books it.
 */
export function committedSpend(estimate: CostEstimateV1, hold: RunHold): string {
  const estimated = new Exact(estimate.deviceHours.expected);
  if (estimated.lte(0)) throw new RunHoldError('NO_DEVICE_HOURS', `the estimate has no device-hours (${estimate.deviceHours.expected}) to price the hold by`);
  let timeBound = new Exact(0);
  let fixed = new Exact(0);
  for (const c of estimate.components) {
    if (NOT_SPEND.has(c.name)) continue;
    if (FIXED.has(c.name)) fixed = fixed.add(c.cost.expected);
    else timeBound = timeBound.add(c.cost.expected);
  }
  return timeBound.div(estimated).mul(hold.deviceHours).add(fixed).toDecimalPlaces(AMOUNT_DECIMALS).toFixed(AMOUNT_DECIMALS);
}

export interface MonthlyCommitment {
  /** YYYY-MM-DD, inclusive: the day the hold enters the month. */
  readonly chargePeriodStart: string;
  /** YYYY-MM-DD, exclusive: the day after it leaves the month (never past the month). */
  readonly chargePeriodEnd: string;
  readonly amount: string;
  /** Device-hours held in the month; the parts add up to the hold's device-hours. */
  readonly deviceHours: string;
}

/**
 * Splits a committed amount over the calendar months of the hold by the device-hours held in
 * each, so every ledger entry's amount and device-hours describe the same slice of the hold.
 * The last month takes the rounding remainders, so both add up exactly.
 */
export function commitmentByMonth(amount: string, hold: RunHold): MonthlyCommitment[] {
  const total = new Exact(amount);
  const totalDeviceHours = new Exact(hold.deviceHours);
  const from = instant('hold.from', hold.window.from);
  const to = instant('hold.to', hold.window.to);
  const parts: { start: number; end: number }[] = [];
  for (let cursor = from; cursor < to; ) {
    const d = new Date(cursor);
    const end = Math.min(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1), to);
    parts.push({ start: cursor, end });
    cursor = end;
  }
  const span = new Exact(to - from);
  let amountSoFar = new Exact(0);
  let hoursSoFar = new Exact(0);
  return parts.map((part, index) => {
    const last = index === parts.length - 1;
    const share = new Exact(part.end - part.start).div(span);
    const partAmount = last ? total.sub(amountSoFar) : total.mul(share).toDecimalPlaces(AMOUNT_DECIMALS);
    const partHours = last ? totalDeviceHours.sub(hoursSoFar) : totalDeviceHours.mul(share).toDecimalPlaces(QUANTITY_DECIMALS);
    amountSoFar = amountSoFar.add(partAmount);
    hoursSoFar = hoursSoFar.add(partHours);
    return {
      chargePeriodStart: iso(Math.floor(part.start / DAY_MS) * DAY_MS).slice(0, 10),
      chargePeriodEnd: iso(Math.ceil(part.end / DAY_MS) * DAY_MS).slice(0, 10),
      amount: partAmount.toFixed(AMOUNT_DECIMALS),
      deviceHours: partHours.toDecimalPlaces(QUANTITY_DECIMALS).toFixed(),
    };
  });
}
