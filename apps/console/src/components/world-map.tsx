import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m countries from the world-atlas package, emitted as a file of the build
// and fetched from the gateway: no map tiles from the internet.
import worldUrl from 'world-atlas/countries-110m.json?url';
import { formatInt } from '../format';

export interface MapSite {
  readonly id: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly freeDevices: number;
  readonly devices: number;
}

type Countries = Topology<{ countries: GeometryCollection }>;

let worldPromise: Promise<Countries> | null = null;
function loadWorld(): Promise<Countries> {
  worldPromise ??= fetch(worldUrl).then((r) => {
    if (!r.ok) throw new Error(`world geometry: HTTP ${r.status}`);
    return r.json() as Promise<Countries>;
  });
  return worldPromise;
}

const WIDTH = 960;
const HEIGHT = 470;

export function WorldMap({ sites, selected, onSelect }: { sites: readonly MapSite[]; selected: string | null; onSelect: (id: string) => void }) {
  const [world, setWorld] = useState<Countries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadWorld().then(setWorld, (e: Error) => setError(e.message));
  }, []);

  const projection = useMemo(() => geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const countries = useMemo(() => {
    if (!world) return [];
    const collection = feature(world, world.objects.countries);
    return collection.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' }));
  }, [world, path]);
  const maxFree = Math.max(1, ...sites.map((s) => s.freeDevices));

  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Sites on a world map, sized by free devices" data-testid="site-map">
        <path d={path({ type: 'Sphere' }) ?? ''} className="sphere" />
        <path d={path(geoGraticule10()) ?? ''} className="graticule" />
        {countries.map((c) => (
          <path key={c.key} d={c.d} className="country" />
        ))}
        {sites.map((s) => {
          const at = projection([s.longitude, s.latitude]);
          if (!at) return null;
          const r = 3 + 9 * Math.sqrt(s.freeDevices / maxFree);
          return (
            <circle
              key={s.id}
              cx={at[0]}
              cy={at[1]}
              r={r}
              className={s.id === selected ? 'site-dot selected' : s.freeDevices > 0 ? 'site-dot' : 'site-dot empty'}
              onClick={() => onSelect(s.id)}
            >
              <title>{`${s.name}: ${formatInt(s.freeDevices)} free of ${formatInt(s.devices)} devices`}</title>
            </circle>
          );
        })}
      </svg>
      {error ? <figcaption className="error">The world map could not be drawn: {error}</figcaption> : null}
    </figure>
  );
}
