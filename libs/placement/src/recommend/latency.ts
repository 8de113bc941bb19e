import { round } from './numbers.js';
import type { LatencyModel, LatLon } from './recommend.types.js';

/**
 * The round-trip latency model: a planning estimate from geography alone, stated so a planner
 * can disagree with a number rather than with a black box. Model assumptions, not measurements.
 */
export const LATENCY_MODEL: LatencyModel = Object.freeze({
  earthRadiusKm: Object.freeze({
    value: 6371.0088,
    why: 'Mean Earth radius (IUGG, WGS 84 ellipsoid); the sphere errs by under 0.5% against the ellipsoid, far less than the route factor below.',
  }),
  fibreKmPerSecond: Object.freeze({
    value: 200_000,
    why: 'Light in silica fibre: c / n with n ≈ 1.47 gives ~204,000 km/s; 200,000 km/s (5 µs per km) is the usual planning round-down.',
  }),
  routeInflation: Object.freeze({
    value: 1.5,
    why:
      'Model assumption: fibre follows roads, rail, coasts and cable landings, so the path is longer than the great circle. ' +
      '1.5× sits between a straight cable (1.0×) and the 2.1× line-of-sight rule of thumb from Internet measurement campaigns ' +
      '(quoted by Bozkurt et al., "Dissecting Latency in the Internet\'s Fiber Infrastructure", 2017), which also includes routing detours.',
  }),
  excludes: 'Queuing, router and server processing, serialisation and last-mile access are not modelled: real round trips are higher, never lower.',
});

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance by the haversine formula, kilometres. */
export function greatCircleKm(from: LatLon, to: LatLon): number {
  const dLat = toRadians(to.latitude - from.latitude);
  const dLon = toRadians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  // min(1, …) keeps antipodal points from a NaN through rounding just above 1.
  return 2 * LATENCY_MODEL.earthRadiusKm.value * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Estimated round trip between two points, milliseconds, to 0.1 ms:
 * great circle × 2 (there and back) ÷ fibre speed × route inflation (`LATENCY_MODEL`).
 * Null when either end is unknown (no users given).
 */
export function estimateRttMs(from: LatLon | null, to: LatLon | null): number | null {
  if (from === null || to === null) return null;
  return rttOfDistance(greatCircleKm(from, to));
}

/** The round trip of `estimateRttMs` for a great-circle distance already known, ms to 0.1. */
export function rttOfDistance(km: number): number {
  const seconds = ((km * 2) / LATENCY_MODEL.fibreKmPerSecond.value) * LATENCY_MODEL.routeInflation.value;
  return round(seconds * 1000, 1);
}
