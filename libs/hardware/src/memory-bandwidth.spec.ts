// Test-only import: the type:domain external allow-list (zod, decimal.js) is meant for production code.
import { describe, expect, it } from '@jest/globals';
import { InvalidAcceleratorSpecError } from './hardware.error.js';
import { memoryBandwidthGBps } from './memory-bandwidth.js';

describe('memoryBandwidthGBps', () => {
  it.each([
    [3.35, 3350],
    [4.8, 4800],
    [0.614, 614],
    [0.6144, 614.4],
    [8, 8000],
  ])('%p TB/s is exactly %p GB/s', (tbps, gbps) => {
    expect(memoryBandwidthGBps({ memoryBandwidthTBps: { value: tbps } })).toEqual({ value: gbps, unknownReason: null });
  });

  it('passes an unknown bandwidth on with its reason', () => {
    expect(memoryBandwidthGBps({ memoryBandwidthTBps: { value: null, unknownReason: 'UNVERIFIED' } })).toEqual({ value: null, unknownReason: 'UNVERIFIED' });
  });

  it('rejects a non-positive bandwidth', () => {
    expect(() => memoryBandwidthGBps({ memoryBandwidthTBps: { value: 0 } })).toThrow(InvalidAcceleratorSpecError);
  });
});
