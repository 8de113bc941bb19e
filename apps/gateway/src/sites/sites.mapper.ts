import type { ListSitesReplyV1, SiteV1 } from '@cp/contracts';
import { toConnection } from '../common/connection.js';
import { type Site, type SiteConnection, SiteRegion } from './site.model.js';

export function toSite(site: SiteV1): Site {
  return {
    ...site,
    region: site.region as SiteRegion,
    powerPrice: site.powerPrice
      ? { perKwh: { amount: site.powerPrice.amount, currency: site.powerPrice.currency }, asOf: site.powerPrice.asOf, source: site.powerPrice.source }
      : null,
    pue: site.pue,
    network: site.network,
  };
}

export function toSiteConnection(reply: ListSitesReplyV1, after: string | null): SiteConnection {
  return { ...toConnection(reply, after, toSite), catalogVersion: reply.catalogVersion };
}
