import { describe, expect, it } from '@jest/globals';
import { HELD_BACK_LIST_MAX, type HeldBackFilter, type WorkloadRequirementsV1 } from '@cp/contracts';
import { heldBackOf, heldBackReason, precisionAssumptionsOf } from './held-back.js';
import type { CandidateRow } from './pool-query.js';

const requirements: WorkloadRequirementsV1 = {
  deviceCount: 100_000,
  minMemoryGbPerDevice: 80,
  minInterconnectGBps: 400,
  precisions: ['BF16'],
  window: { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' },
  vendors: ['NVIDIA', 'Huawei'],
  excludeOriginCountries: ['CN'],
  ownership: ['LEASED_IAAS'],
};

function aRow(overrides: Partial<CandidateRow> = {}): CandidateRow {
  return {
    id: 'pool-my-johor-h100-1',
    site_id: 'my-johor-sedenak',
    accelerator_id: 'nvidia-h100-sxm',
    device_count: 4096,
    devices_per_node: 8,
    ownership: 'LEASED_IAAS',
    price_basis: 'COMMITTED',
    price_amount: '2.35',
    price_currency: 'USD',
    price_source: 'test',
    available_from: new Date('2026-01-01T00:00:00Z'),
    available_to: null,
    version: 1,
    vendor: 'NVIDIA',
    origin_country: 'US',
    precisions: ['FP8', 'BF16', 'INT8'],
    memory_gb: 80,
    interconnect_gbps: 900,
    free_devices: null,
    filter: null,
    matched: 0,
    in_filter: 1,
    nth_in_filter: 1,
    rn: 1,
    ...overrides,
  };
}

describe('heldBackReason', () => {
  it.each<[HeldBackFilter, Partial<CandidateRow>, string]>([
    ['VENDOR', { vendor: 'Biren' }, 'vendor Biren is not among the requested (NVIDIA, Huawei)'],
    ['ORIGIN', { vendor: 'Huawei', origin_country: 'CN' }, 'accelerator origin CN is excluded (CN)'],
    ['OWNERSHIP', { ownership: 'OWNED' }, 'ownership OWNED is not among the requested (LEASED_IAAS)'],
    ['PRECISION', { precisions: ['INT8'] }, 'needs a dense rate at or near BF16 (accepts BF16, FP16), accelerator has rates for INT8 only'],
    ['PRECISION', { precisions: [] }, 'needs a dense rate at or near BF16 (accepts BF16, FP16), accelerator has no known dense rate'],
    ['MEMORY', { memory_gb: 64 }, 'needs 80 GB per device, accelerator has 64 GB'],
    ['MEMORY', { memory_gb: null }, 'needs 80 GB per device, accelerator has an unknown memory size'],
    ['INTERCONNECT', { interconnect_gbps: 392 }, 'needs 400 GB/s interconnect, accelerator has 392 GB/s'],
    ['POOL_SIZE', {}, 'needs 100000 devices, pool has 4096'],
    [
      'WINDOW',
      { available_to: new Date('2027-03-15T00:00:00Z') },
      'pool is available from 2026-01-01T00:00:00Z to 2027-03-15T00:00:00Z, not throughout the window 2027-03-01T00:00:00Z to 2027-04-01T00:00:00Z',
    ],
    ['CAPACITY', { device_count: 200_000, free_devices: 64_000 }, 'needs 100000 devices free throughout the window, pool has 64000 free of 200000'],
  ])('%s: %j → %s', (filter, row, reason) => {
    expect(heldBackReason(aRow({ ...row, filter }), requirements)).toBe(reason);
  });
});

describe('heldBackOf', () => {
  it('counts every held-back pool by filter and lists the first ones with reasons, saying how many it left out', () => {
    const listed = Array.from({ length: HELD_BACK_LIST_MAX }, (_, i) => aRow({ id: `pool-${i}`, filter: 'POOL_SIZE', in_filter: 250, rn: i + 1 }));
    // One row of each filter past the list, so its count is known: never listed.
    const countOnly = aRow({ id: 'pool-window', filter: 'WINDOW', in_filter: 7, rn: HELD_BACK_LIST_MAX + 1 });
    const candidate = aRow({ id: 'pool-ok', filter: null, free_devices: 4096 });
    const heldBack = heldBackOf([candidate, ...listed, countOnly], requirements);
    expect(heldBack.byFilter).toEqual({ POOL_SIZE: 250, WINDOW: 7 });
    expect(heldBack.pools).toHaveLength(HELD_BACK_LIST_MAX);
    expect(heldBack.omitted).toBe(250 + 7 - HELD_BACK_LIST_MAX);
    expect(heldBack.pools[0]).toEqual({
      poolId: 'pool-0',
      siteId: 'my-johor-sedenak',
      acceleratorId: 'nvidia-h100-sxm',
      ownership: 'LEASED_IAAS',
      filter: 'POOL_SIZE',
      reason: 'needs 100000 devices, pool has 4096',
    });
  });

  it('is empty when nothing was held back', () => {
    expect(heldBackOf([aRow({ free_devices: 10 })], requirements)).toEqual({ byFilter: {}, pools: [], omitted: 0 });
  });
});

describe('precisionAssumptionsOf', () => {
  it('names each accelerator kept at another precision once, and none that has the requested one', () => {
    const rows = [
      aRow({ id: 'pool-a', accelerator_id: 'huawei-ascend-910b', precisions: ['FP16', 'INT8'] }),
      aRow({ id: 'pool-b', accelerator_id: 'huawei-ascend-910b', precisions: ['FP16', 'INT8'] }),
      aRow({ id: 'pool-c' }),
    ];
    const assumptions = precisionAssumptionsOf(rows, requirements);
    expect(assumptions).toEqual([{ acceleratorId: 'huawei-ascend-910b', requested: 'BF16', runAt: 'FP16', assumption: expect.stringMatching(/^No BF16 rate: runs at FP16/) }]);
  });

  it('assumes nothing without a requested precision', () => {
    expect(precisionAssumptionsOf([aRow({ precisions: ['FP16'] })], { ...requirements, precisions: undefined })).toEqual([]);
  });
});
