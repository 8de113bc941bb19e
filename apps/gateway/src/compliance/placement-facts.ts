import type { AcceleratorV1, CapacityPoolV1, PlacementFactsV1, SiteV1 } from '@cp/contracts';

/** The compliance facts of one pool, from inventory's answers; ownership and movement may be overridden. */
export function placementFactsOf(
  pool: Pick<CapacityPoolV1, 'ownership'>,
  site: SiteV1,
  accelerator: AcceleratorV1,
  overrides: { ownership?: PlacementFactsV1['ownership'] | null; hardwareMovement?: PlacementFactsV1['hardwareMovement'] } = {},
): PlacementFactsV1 {
  return {
    accelerator: {
      id: accelerator.id,
      vendor: accelerator.vendor,
      originCountry: accelerator.originCountry,
      designedForDataCenter: accelerator.designedForDataCenter,
      tpp: accelerator.tppPerIntegratedCircuit,
      performanceDensity: accelerator.performanceDensity,
      memoryBandwidthGBps: accelerator.memoryBandwidthTBps.value === null ? null : accelerator.memoryBandwidthTBps.value * 1_000,
      interconnectGBps: accelerator.interconnectGBps.value,
    },
    site: { id: site.id, countryCode: site.countryCode, stateFunded: site.stateFunded },
    operator: { name: site.operator, hqCountry: site.operatorHqCountry, ultimateParentHqCountry: site.ultimateParentHqCountry },
    ownership: overrides.ownership ?? pool.ownership,
    hardwareMovement: overrides.hardwareMovement ?? null,
  };
}
