import { describe, expect, it } from '@jest/globals';
import { estimateRttMs, greatCircleKm, LATENCY_MODEL } from './latency.js';

const JOHOR_BAHRU = { latitude: 1.46, longitude: 103.76 };
const SHANGHAI = { latitude: 31.23, longitude: 121.47 };
const LONDON = { latitude: 51.5074, longitude: -0.1278 };
const NEW_YORK = { latitude: 40.7128, longitude: -74.006 };

describe('greatCircleKm', () => {
  const cases = [
    // Singapore–Shanghai is ~3,800 km by air; Johor Bahru sits just north of Singapore.
    { name: 'Johor Bahru to Shanghai', from: JOHOR_BAHRU, to: SHANGHAI, km: 3_798 },
    { name: 'London to New York', from: LONDON, to: NEW_YORK, km: 5_570 },
    { name: 'the same point', from: SHANGHAI, to: SHANGHAI, km: 0 },
    { name: 'antipodes (half the circumference)', from: { latitude: 0, longitude: 0 }, to: { latitude: 0, longitude: 180 }, km: Math.PI * 6371.0088 },
  ];
  it.each(cases)('$name ≈ $km km', ({ from, to, km }) => {
    expect(Math.abs(greatCircleKm(from, to) - km)).toBeLessThanOrEqual(Math.max(km * 0.002, 1e-9));
  });

  it('is symmetric', () => {
    expect(greatCircleKm(JOHOR_BAHRU, SHANGHAI)).toBeCloseTo(greatCircleKm(SHANGHAI, JOHOR_BAHRU), 9);
  });
});

describe('estimateRttMs', () => {
  it('is great circle × 2 / 200,000 km/s × the route factor', () => {
    const km = greatCircleKm(JOHOR_BAHRU, SHANGHAI);
    const expected = ((km * 2) / 200_000) * 1.5 * 1000;
    expect(estimateRttMs(JOHOR_BAHRU, SHANGHAI)).toBeCloseTo(expected, 1);
    // 3,798 km → 2 × 3,798 / 200,000 s = 37.98 ms in fibre, × 1.5 = 57.0 ms.
    expect(estimateRttMs(JOHOR_BAHRU, SHANGHAI)).toBe(57);
  });

  it('London to New York: 5,570 km → 2 × 5,570 / 200,000 s × 1.5 = 83.6 ms', () => {
    expect(estimateRttMs(LONDON, NEW_YORK)).toBeCloseTo(83.6, 0);
  });

  it('is null without users', () => {
    expect(estimateRttMs(JOHOR_BAHRU, null)).toBeNull();
    expect(estimateRttMs(null, SHANGHAI)).toBeNull();
  });

  it('states every parameter with its reason', () => {
    expect(LATENCY_MODEL.fibreKmPerSecond.value).toBe(200_000);
    expect(LATENCY_MODEL.routeInflation.value).toBe(1.5);
    for (const p of [LATENCY_MODEL.earthRadiusKm, LATENCY_MODEL.fibreKmPerSecond, LATENCY_MODEL.routeInflation]) expect(p.why.length).toBeGreaterThan(20);
    expect(Object.isFrozen(LATENCY_MODEL.routeInflation)).toBe(true);
  });
});
