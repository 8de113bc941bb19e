import type { SiteV1 } from '@cp/contracts';
import { canonicalDecimal } from '../common/decimal.js';
import type { SiteEntity } from './site.entity.js';

function decimal(value: string | null): string | null {
  return value === null ? null : canonicalDecimal(value);
}

export function toSiteEntity(site: SiteV1, catalogVersion: string): SiteEntity {
  return {
    id: site.id,
    name: site.name,
    countryCode: site.countryCode,
    city: site.city,
    region: site.region,
    latitude: site.latitude,
    longitude: site.longitude,
    operator: site.operator,
    operatorHqCountry: site.operatorHqCountry,
    ultimateParentHqCountry: site.ultimateParentHqCountry,
    stateFunded: site.stateFunded,
    powerPriceAmount: site.powerPrice?.amount ?? null,
    powerPriceCurrency: site.powerPrice?.currency ?? null,
    powerPriceAsOf: site.powerPrice?.asOf ?? null,
    powerPriceSource: site.powerPrice?.source ?? null,
    pue: site.pue?.value ?? null,
    pueAsOf: site.pue?.asOf ?? null,
    pueSource: site.pue?.source ?? null,
    egressPricePerGbAmount: site.network.egressPricePerGb?.amount ?? null,
    egressPriceCurrency: site.network.egressPricePerGb?.currency ?? null,
    internationalBandwidthGbps: site.network.internationalBandwidthGbps,
    networkAsOf: site.network.asOf,
    networkSource: site.network.source,
    notes: site.notes,
    source: site.source,
    asOf: site.asOf,
    catalogVersion,
    retiredInVersion: null,
  } as SiteEntity;
}

export function toSiteV1(row: SiteEntity): SiteV1 {
  return {
    id: row.id,
    name: row.name,
    countryCode: row.countryCode,
    city: row.city,
    region: row.region as SiteV1['region'],
    latitude: row.latitude,
    longitude: row.longitude,
    operator: row.operator,
    operatorHqCountry: row.operatorHqCountry,
    ultimateParentHqCountry: row.ultimateParentHqCountry,
    stateFunded: row.stateFunded,
    powerPrice:
      row.powerPriceAmount !== null && row.powerPriceCurrency !== null && row.powerPriceAsOf !== null
        ? { amount: decimal(row.powerPriceAmount)!, currency: row.powerPriceCurrency, unit: 'kWh', asOf: row.powerPriceAsOf, source: row.powerPriceSource ?? '' }
        : null,
    pue: row.pue !== null ? { value: decimal(row.pue)!, asOf: row.pueAsOf, source: row.pueSource ?? '' } : null,
    network: {
      egressPricePerGb:
        row.egressPricePerGbAmount !== null && row.egressPriceCurrency !== null
          ? { amount: decimal(row.egressPricePerGbAmount)!, currency: row.egressPriceCurrency }
          : null,
      internationalBandwidthGbps: row.internationalBandwidthGbps,
      asOf: row.networkAsOf,
      source: row.networkSource,
    },
    notes: row.notes,
    source: row.source,
    asOf: row.asOf,
  };
}
