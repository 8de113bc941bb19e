import type { AcceleratorV1, HeldBackV1, SiteV1 } from '@cp/contracts';
import type { RecommendHeldBack } from '@cp/placement';

/** Inventory's held-back pools, named with their site and accelerator, as placement counts and lists them. */
export function heldBackInputOf(heldBack: HeldBackV1, sites: ReadonlyMap<string, SiteV1>, accelerators: ReadonlyMap<string, AcceleratorV1>): RecommendHeldBack {
  return {
    byFilter: heldBack.byFilter,
    pools: heldBack.pools.map((p) => {
      const site = sites.get(p.siteId)!;
      const accelerator = accelerators.get(p.acceleratorId)!;
      return {
        poolId: p.poolId,
        siteId: p.siteId,
        siteName: site.name,
        countryCode: site.countryCode,
        acceleratorId: p.acceleratorId,
        acceleratorName: accelerator.name,
        vendor: accelerator.vendor,
        ownership: p.ownership,
        filter: p.filter,
        reason: p.reason,
      };
    }),
  };
}
