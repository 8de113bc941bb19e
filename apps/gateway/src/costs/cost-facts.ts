import type { AcceleratorV1, CapacityPoolV1, CostCandidateV1, SiteV1 } from '@cp/contracts';

/** The facts cost-estimation needs about one pool, from inventory's answers (it reads no other schema). */
export function costCandidateOf(pool: CapacityPoolV1, site: SiteV1, accelerator: AcceleratorV1): Omit<CostCandidateV1, 'leadTimeDays' | 'devices'> {
  const networkSource = site.network.source ?? site.source;
  return {
    candidateId: pool.id,
    pool: { id: pool.id, ownership: pool.ownership, price: pool.price, deviceCount: pool.deviceCount },
    accelerator: {
      id: accelerator.id,
      vendor: accelerator.vendor,
      denseRates: accelerator.denseRates.map((r) => ({ precision: r.precision, tflops: r.rate.value, source: `accelerators ${accelerator.catalogVersion} ${accelerator.id} ${r.precision}: ${r.rate.source}` })),
      tdpW: accelerator.tdpW.value,
      memoryGb: accelerator.memorySizeGb.value,
      memoryBandwidthTBps: accelerator.memoryBandwidthTBps.value,
      interconnectGBps: accelerator.interconnectGBps.value,
    },
    site: {
      id: site.id,
      countryCode: site.countryCode,
      powerPrice: site.powerPrice ? { amount: site.powerPrice.amount, currency: site.powerPrice.currency, asOf: site.powerPrice.asOf, source: `site ${site.id}: ${site.powerPrice.source}` } : null,
      pue: site.pue ? { value: site.pue.value, source: `site ${site.id}: ${site.pue.source}` } : null,
      egressPricePerGb: site.network.egressPricePerGb ? { ...site.network.egressPricePerGb, source: `site ${site.id}: ${networkSource}` } : null,
      internationalBandwidthGbps: site.network.internationalBandwidthGbps,
    },
  };
}
