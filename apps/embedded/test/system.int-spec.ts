import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SiteV1 } from '@cp/contracts';
import { eventually, transports } from '@cp/testing';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import request from 'supertest';
import { startTestSystem, type TestSystem } from './support.js';

interface SitesFile {
  version: string;
  sites: SiteV1[];
}
const catalog = JSON.parse(readFileSync('data/sites/sites.v1.json', 'utf8')) as SitesFile;

/** The same number as a canonical string ("0.0660" and "0.066" are one price). */
const decimal = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);
const money = (m: { amount: string; currency: string } | null) => (m ? { amount: decimal(m.amount), currency: m.currency } : null);

const SITES_PAGE = `query Sites($first: Int, $after: String, $filter: SiteFilter) {
  sites(first: $first, after: $after, filter: $filter) {
    totalCount catalogVersion
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name countryCode city region latitude longitude operator operatorHqCountry ultimateParentHqCountry
      stateFunded powerPrice { perKwh { amount currency } asOf source } pue { value asOf source }
      network { egressPricePerGb { amount currency } internationalBandwidthGbps } notes source asOf } }
  }
}`;

describe.each(transports)('Compute Planner end to end on %s', (transport) => {
  let t: TestSystem;
  const graphql = (query: string, variables: Record<string, unknown> = {}) => t.graphql(query, variables);

  beforeAll(async () => {
    t = await startTestSystem(transport, 'e2e', { serviceHttp: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('pages through every site of the catalog exactly once, in id order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response = await graphql(SITES_PAGE, { first: 7, after });
      expect(response.body.errors).toBeUndefined();
      const connection = response.body.data.sites;
      expect(connection.totalCount).toBe(catalog.sites.length);
      expect(connection.catalogVersion).toBe(catalog.version);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(catalog.sites.map((s) => s.id).sort());
  });

  it('returns each site with the values of its data file, exact decimals included', async () => {
    const response = await graphql(SITES_PAGE, { first: 100 });
    const byId = new Map(response.body.data.sites.edges.map((e: { node: { id: string } }) => [e.node.id, e.node]));
    for (const site of catalog.sites) {
      expect(byId.get(site.id)).toEqual({
        id: site.id,
        name: site.name,
        countryCode: site.countryCode,
        city: site.city,
        region: expect.any(String),
        latitude: site.latitude,
        longitude: site.longitude,
        operator: site.operator,
        operatorHqCountry: site.operatorHqCountry,
        ultimateParentHqCountry: site.ultimateParentHqCountry,
        stateFunded: site.stateFunded,
        powerPrice: site.powerPrice
          ? { perKwh: money(site.powerPrice), asOf: site.powerPrice.asOf, source: site.powerPrice.source }
          : null,
        pue: site.pue ? { ...site.pue, value: decimal(site.pue.value) } : null,
        network: { egressPricePerGb: money(site.network.egressPricePerGb), internationalBandwidthGbps: site.network.internationalBandwidthGbps },
        notes: site.notes,
        source: site.source,
        asOf: site.asOf,
      });
    }
  });

  it('filters by country', async () => {
    const response = await graphql(SITES_PAGE, { first: 100, filter: { countryCode: 'MY' } });
    const nodes = response.body.data.sites.edges.map((e: { node: SiteV1 }) => e.node);
    const expected = catalog.sites.filter((s) => s.countryCode === 'MY').map((s) => s.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(nodes.map((n: SiteV1) => n.id)).toEqual(expected);
    expect(response.body.data.sites.totalCount).toBe(expected.length);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 5, after: 'not-a-cursor' }, 'after'],
    [{ first: 5, filter: { countryCode: 'Malaysia' } }, 'filter.countryCode'],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await graphql(SITES_PAGE, variables);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.body.errors[0].message).toContain(field);
  });

  it('learns of the loaded catalog version through the outbox event', async () => {
    const versions = await eventually(async () => {
      const response = await graphql('{ referenceData(dataset: "sites") { dataset version itemCount checksum effectiveFrom } }');
      const rows = response.body.data?.referenceData as { version: string }[] | undefined;
      return rows && rows.length > 0 ? rows : undefined;
    });
    expect(versions).toEqual([
      { dataset: 'sites', version: catalog.version, itemCount: catalog.sites.length, checksum: expect.stringMatching(/^[0-9a-f]{64}$/), effectiveFrom: '2026-12-01' },
    ]);
  });

  it('serves exactly the committed schema (apps/gateway/schema.gql)', () => {
    const served = printSchema(lexicographicSortSchema(t.system.gateway.app.get(GraphQLSchemaHost).schema));
    expect(`${served}\n`).toBe(readFileSync('apps/gateway/schema.gql', 'utf8'));
  });

  it('reports every service ready, with messaging and database up', async () => {
    for (const service of [t.system.gateway, ...t.system.services]) {
      const response = await request(service.url!).get('/health/ready');
      expect({ service: service.name, status: response.status, body: response.body }).toEqual({
        service: service.name,
        status: 200,
        body: { status: 'ok', checks: { messaging: { status: 'up' }, database: { status: 'up' } } },
      });
    }
  });
});
