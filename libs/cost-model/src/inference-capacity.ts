import { invalid, nonNegative, positive, quotient, text, type Dec, type DecimalInput } from './decimal.js';
import { CALLER_INPUT, decimalRange, describeRange, mapRange, quantity, reversed, sourceOf, type Estimate, type Uncertain } from './estimate.js';

export interface InferenceCapacityInput {
  /** Sustained tokens/s one device serves at the latency target (same token kind as the demand). */
  readonly tokensPerSecondPerDevice: Uncertain<DecimalInput>;
  readonly averageTokensPerSecond: DecimalInput;
  readonly peakTokensPerSecond: DecimalInput;
  /** Spare capacity over peak as a fraction: 0.2 sizes for 1.2 × peak. */
  readonly headroom: DecimalInput;
  /** Hours in a billing month (730 = 8,760 / 12 in the scenario file). */
  readonly hoursPerMonth: DecimalInput;
}

export interface InferenceCapacityOutcome {
  readonly tokensPerSecondPerDevice: string;
  /** Devices to serve peak × (1 + headroom), rounded up. */
  readonly devices: number;
  readonly capacityTokensPerSecond: string;
  readonly deviceHoursPerMonth: string;
  /** Average demand / provisioned capacity: the share of the fleet busy on average. */
  readonly utilisation: string;
}

/** Devices sized for peak demand plus headroom; `range.low` (fewest devices) uses the high throughput. */
export function inferenceCapacity(input: InferenceCapacityInput): Estimate<InferenceCapacityOutcome> {
  const throughput = decimalRange('tokensPerSecondPerDevice', input.tokensPerSecondPerDevice, positive);
  const average = nonNegative('averageTokensPerSecond', input.averageTokensPerSecond);
  const peak = positive('peakTokensPerSecond', input.peakTokensPerSecond);
  const headroom = nonNegative('headroom', input.headroom);
  const hoursPerMonth = positive('hoursPerMonth', input.hoursPerMonth);
  if (peak.lt(average)) throw invalid('peakTokensPerSecond', `must be at least averageTokensPerSecond (${text(average)}), got ${text(peak)}`);

  const sizedFor = peak.mul(headroom.add(1));
  const outcome = (perDevice: Dec): InferenceCapacityOutcome => {
    const devices = sizedFor.div(perDevice).ceil();
    const capacity = devices.mul(perDevice);
    return {
      tokensPerSecondPerDevice: text(perDevice),
      devices: devices.toNumber(),
      capacityTokensPerSecond: text(capacity),
      deviceHoursPerMonth: text(devices.mul(hoursPerMonth)),
      utilisation: text(quotient(average, capacity)),
    };
  };
  const range = mapRange(reversed(throughput), outcome);
  const e = range.expected;

  return {
    breakdown: [
      { name: 'sized-for demand', value: quantity(sizedFor, 'token/s'), formula: `peak ${text(peak)} × (1 + headroom ${text(headroom)})` },
      { name: 'devices', value: { value: String(e.devices), unit: 'device' }, formula: `ceil(${text(sizedFor)} / ${e.tokensPerSecondPerDevice} token/s per device)` },
      { name: 'device-hours per month', value: { value: e.deviceHoursPerMonth, unit: 'device-hour' }, formula: `${e.devices} devices × ${text(hoursPerMonth)} h` },
      { name: 'utilisation', value: { value: e.utilisation, unit: 'fraction' }, formula: `average ${text(average)} / capacity ${e.capacityTokensPerSecond} token/s` },
    ],
    assumptions: [
      { name: 'throughput per device', value: describeRange(throughput, 'token/s'), source: sourceOf(input.tokensPerSecondPerDevice) },
      { name: 'demand', value: `average ${text(average)} / peak ${text(peak)} token/s`, source: CALLER_INPUT },
      { name: 'headroom', value: text(headroom), source: CALLER_INPUT },
      { name: 'hours per month', value: text(hoursPerMonth), source: CALLER_INPUT },
      { name: 'sizing', value: 'fleet is provisioned for peak all month (no autoscaling)', source: 'model convention' },
    ],
    range,
  };
}
