import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CountryCode, ListSitesV1, SiteRegion as SiteRegionSchema, Slug } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { z } from 'zod';
import { parseArgs } from '../common/graphql-errors.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import type { GatewayContext } from '../common/loaders.js';
import { Site, SiteConnection } from './site.model.js';
import { SiteFilter } from './sites.input.js';
import { toSite, toSiteConnection } from './sites.mapper.js';

const SitesArgs = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().min(1).max(200).nullable(),
  filter: z.object({ countryCode: CountryCode.nullish(), region: SiteRegionSchema.nullish() }).nullable(),
});

@Resolver(() => SiteConnection)
export class SitesResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Query(() => SiteConnection, { description: 'Data-centre sites of the current catalog, ordered by id (Relay connection).' })
  async sites(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => SiteFilter, nullable: true }) filter: SiteFilter | null,
  ): Promise<SiteConnection> {
    const args = parseArgs(SitesArgs, { first, after: after ?? null, filter: filter ?? null });
    const reply = await this.bus.request(
      ListSitesV1,
      {
        first: args.first,
        after: args.after,
        filter: {
          ...(args.filter?.countryCode ? { countryCode: args.filter.countryCode } : {}),
          ...(args.filter?.region ? { region: args.filter.region } : {}),
        },
      },
      { timeoutMs: this.options.requestTimeoutMs },
    );
    return toSiteConnection(reply, args.after);
  }

  @Query(() => Site, { description: 'One site; NOT_FOUND if the id is unknown.' })
  async site(@Args('id', { type: () => ID }) id: string, @Context() context: GatewayContext): Promise<Site> {
    parseArgs(z.object({ id: Slug }), { id });
    return toSite(await context.loaders.site.load(id));
  }
}
