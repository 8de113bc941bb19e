import { useEffect, useMemo, useState } from 'react';
import { ApiRequestError, execute } from '../api/client';
import { POOLS, SITES } from '../api/operations';
import { BarChart } from '../components/charts';
import { ErrorBox, Loading } from '../components/error-box';
import { WorldMap } from '../components/world-map';
import { formatInt, formatNumber } from '../format';
import type { CapacityPoolFilter, Ownership, PoolsQuery, SitesQuery } from '../gql/graphql';
import { type Loaded, useViewer } from '../use-api';

type Pool = PoolsQuery['capacityPools']['edges'][number]['node'];
type Site = SitesQuery['sites']['edges'][number]['node'];

const PAGE_SIZE = 100;
/** Enough for the sample portfolio (400 pools) many times over, and a bound on one screen's load. */
const MAX_POOLS = 5_000;

/** Every page of sites and of pools matching the filter (the API serves at most 100 per page). */
function useCapacity(filter: CapacityPoolFilter): Loaded<{ sites: Site[]; pools: Pool[]; truncated: boolean }> {
  const viewer = useViewer();
  const { token } = viewer;
  const [state, setState] = useState<Loaded<{ sites: Site[]; pools: Pool[]; truncated: boolean }>>({ data: null, error: null, loading: true });
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (async () => {
      const sites: Site[] = [];
      for (let after: string | null = null; ; ) {
        const page: SitesQuery = await execute(SITES, { first: PAGE_SIZE, after }, token);
        sites.push(...page.sites.edges.map((e) => e.node));
        if (!page.sites.pageInfo.hasNextPage) break;
        after = page.sites.pageInfo.endCursor ?? null;
      }
      const pools: Pool[] = [];
      let truncated = false;
      for (let after: string | null = null; ; ) {
        const page: PoolsQuery = await execute(POOLS, { first: PAGE_SIZE, after, filter: JSON.parse(key) as CapacityPoolFilter }, token);
        pools.push(...page.capacityPools.edges.map((e) => e.node));
        if (!page.capacityPools.pageInfo.hasNextPage) break;
        if (pools.length >= MAX_POOLS) {
          truncated = true;
          break;
        }
        after = page.capacityPools.pageInfo.endCursor ?? null;
      }
      return { sites, pools, truncated };
    })().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!live) return;
        const apiError = error instanceof ApiRequestError ? error : new ApiRequestError([{ code: 'CLIENT_ERROR', message: String(error), path: null }]);
        setState({ data: null, error: apiError, loading: false });
        if (apiError.code === 'UNAUTHENTICATED') viewer.expire(apiError);
      },
    );
    return () => {
      live = false;
    };
  }, [key, token, viewer]);
  return state;
}

/** The value once it has stopped changing for `ms` (typing in a filter reloads once, not per key). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Group {
  key: string;
  pools: number;
  devices: number;
  free: number;
}

function groupBy(pools: readonly Pool[], keyOf: (p: Pool) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const p of pools) {
    const key = keyOf(p);
    const g = groups.get(key) ?? { key, pools: 0, devices: 0, free: 0 };
    g.pools += 1;
    g.devices += p.deviceCount;
    g.free += p.freeDevices;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.free - a.free || a.key.localeCompare(b.key));
}

function GroupTable({ title, groups, testId }: { title: string; groups: Group[]; testId: string }) {
  return (
    <section className="panel">
      <BarChart width={420} title={`${title}: free and total devices`} series={['free', 'total']} bars={groups.map((g) => ({ label: g.key, values: [g.free, g.devices] }))} />
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{title}</th>
            <th className="num">pools</th>
            <th className="num">devices</th>
            <th className="num">free</th>
            <th className="num">free %</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <td>{g.key}</td>
              <td className="num">{formatInt(g.pools)}</td>
              <td className="num">{formatInt(g.devices)}</td>
              <td className="num">{formatInt(g.free)}</td>
              <td className="num">{g.devices ? formatNumber((100 * g.free) / g.devices) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const OWNERSHIPS: Ownership[] = ['LEASED_IAAS', 'OWNED', 'COLOCATION'];

/** The pools of the site picked on the map or in the table. */
function SitePools({ site, pools, onClose }: { site: Site | null; pools: Pool[]; onClose: () => void }) {
  if (!site) return null;
  return (
    <section className="panel" data-testid="site-pools">
      <h2>
        {site.name} <span className="muted">{site.countryCode} · {site.operator}</span>{' '}
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </h2>
      {pools.length === 0 ? <p className="muted">No pool of this site matches the filter.</p> : null}
      <table>
        <thead>
          <tr>
            <th>pool</th>
            <th>accelerator</th>
            <th>ownership</th>
            <th className="num">devices</th>
            <th className="num">free</th>
            <th className="num">price</th>
          </tr>
        </thead>
        <tbody>
          {pools.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>
                {p.accelerator.name} <span className="muted">{p.accelerator.vendor}</span>
              </td>
              <td>{p.ownership}</td>
              <td className="num">{formatInt(p.deviceCount)}</td>
              <td className="num">{formatInt(p.freeDevices)}</td>
              <td className="num">
                {p.price ? (
                  <>
                    {p.price.amount.amount} {p.price.amount.currency} <span className="muted">{p.price.basis === 'CAPEX' ? 'per device' : 'per device-hour'}</span>
                  </>
                ) : (
                  <span className="muted">not shown to your role</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CapacityPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [vendor, setVendor] = useState('');
  const [origin, setOrigin] = useState('');
  const [ownership, setOwnership] = useState<Ownership | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const filter = useMemo<CapacityPoolFilter>(() => {
    const f: CapacityPoolFilter = {};
    if (from && to && from < to) f.window = { from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` };
    if (vendor.trim()) f.vendor = vendor.trim();
    if (origin.trim()) f.originCountry = origin.trim().toUpperCase();
    if (ownership) f.ownership = [ownership];
    return f;
  }, [from, to, vendor, origin, ownership]);
  const { data, error, loading } = useCapacity(useDebounced(filter, 300));

  const bySite = useMemo(() => groupBy(data?.pools ?? [], (p) => p.site.id), [data]);
  const siteRows = useMemo(() => {
    const stats = new Map(bySite.map((g) => [g.key, g]));
    return (data?.sites ?? []).map((s) => ({ site: s, pools: stats.get(s.id)?.pools ?? 0, devices: stats.get(s.id)?.devices ?? 0, free: stats.get(s.id)?.free ?? 0 }));
  }, [data, bySite]);
  const totals = useMemo(() => ({ pools: data?.pools.length ?? 0, devices: bySite.reduce((n, g) => n + g.devices, 0), free: bySite.reduce((n, g) => n + g.free, 0) }), [data, bySite]);

  return (
    <div className="page">
      <h1>Capacity</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Capacity filter">
        <label>
          Free from
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          to
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Vendor
          <input value={vendor} placeholder="any" onChange={(e) => setVendor(e.target.value)} />
        </label>
        <label>
          Chip origin
          <input value={origin} placeholder="any (e.g. CN, US)" onChange={(e) => setOrigin(e.target.value)} />
        </label>
        <label>
          Ownership
          <select value={ownership} onChange={(e) => setOwnership(e.target.value as Ownership | '')}>
            <option value="">any</option>
            {OWNERSHIPS.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
      </form>
      <ErrorBox error={error} />
      {loading && !data ? <Loading what="sites and pools" /> : null}
      {data ? (
        <>
          <p className="summary" data-testid="capacity-summary">
            {formatInt(data.sites.length)} sites · {formatInt(totals.pools)} pools · {formatInt(totals.devices)} devices · <strong>{formatInt(totals.free)} free</strong>
            {filter.window ? ` in ${from} – ${to}` : ' now'}
            {data.truncated ? ` (first ${formatInt(MAX_POOLS)} pools only)` : ''}
          </p>
          <WorldMap sites={siteRows.map((r) => ({ ...r.site, freeDevices: r.free, devices: r.devices }))} selected={selected} onSelect={setSelected} />
          {selected ? <SitePools site={data.sites.find((x) => x.id === selected) ?? null} pools={data.pools.filter((p) => p.site.id === selected)} onClose={() => setSelected(null)} /> : null}
          <div className="grid3">
            <GroupTable title="Vendor" testId="by-vendor" groups={groupBy(data.pools, (p) => p.accelerator.vendor)} />
            <GroupTable title="Chip origin" testId="by-origin" groups={groupBy(data.pools, (p) => p.accelerator.originCountry)} />
            <GroupTable title="Ownership" testId="by-ownership" groups={groupBy(data.pools, (p) => p.ownership)} />
          </div>
          <section className="panel">
            <h2>Sites</h2>
            <table data-testid="sites-table">
              <thead>
                <tr>
                  <th>site</th>
                  <th>country</th>
                  <th>operator</th>
                  <th className="num">pools</th>
                  <th className="num">devices</th>
                  <th className="num">free</th>
                  <th className="num">PUE</th>
                  <th className="num">power / kWh</th>
                </tr>
              </thead>
              <tbody>
                {siteRows.map(({ site, pools, devices, free }) => (
                  <tr key={site.id} className={site.id === selected ? 'selected' : undefined} onClick={() => setSelected(site.id)}>
                    <td title={site.id}>
                      {site.name}
                      <div className="muted">{site.city}</div>
                    </td>
                    <td>{site.countryCode}</td>
                    <td>{site.operator}</td>
                    <td className="num">{formatInt(pools)}</td>
                    <td className="num">{formatInt(devices)}</td>
                    <td className="num">{formatInt(free)}</td>
                    <td className="num">{site.pue?.value ?? '—'}</td>
                    <td className="num">{site.powerPrice ? `${site.powerPrice.perKwh.amount} ${site.powerPrice.perKwh.currency}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </div>
  );
}
