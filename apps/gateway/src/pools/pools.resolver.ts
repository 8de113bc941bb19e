import { Inject } from '@nestjs/common';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ListPoolsV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { z } from 'zod';
import { Accelerator } from '../accelerators/accelerator.model.js';
import { toConnection } from '../common/connection.js';
import { parseArgs } from '../common/graphql-errors.js';
import type { GatewayContext } from '../common/loaders.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { Site } from '../sites/site.model.js';
import { toSite } from '../sites/sites.mapper.js';
import { CapacityPool, CapacityPoolConnection, PoolPrice } from './pool.model.js';
import { CapacityPoolFilter } from './pools.input.js';
import { compact, iso, toCapacityPool } from './pools.mapper.js';

const PageArgs = z.object({ first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100') });

@Resolver(() => CapacityPool)
export class PoolsResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Query(() => CapacityPoolConnection, { description: 'Capacity pools with their free capacity, ordered by id (Relay connection).' })
  async capacityPools(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => CapacityPoolFilter, nullable: true }) filter: CapacityPoolFilter | null,
  ): Promise<CapacityPoolConnection> {
    parseArgs(PageArgs, { first });
    const f = filter ?? {};
    const request = parseArgs(ListPoolsV1.request, {
      first,
      after: after ?? null,
      filter: compact({
        siteId: f.siteId,
        countryCode: f.countryCode,
        region: f.region,
        acceleratorId: f.acceleratorId,
        vendor: f.vendor,
        originCountry: f.originCountry,
        ownership: f.ownership,
        minMemoryGbPerDevice: f.minMemoryGbPerDevice,
        minFreeDevices: f.minFreeDevices,
        window: f.window ? { from: iso(f.window.from), to: iso(f.window.to) } : undefined,
      }),
    });
    const reply = await this.bus.request(ListPoolsV1, request, { timeoutMs: this.options.requestTimeoutMs });
    return toConnection(reply, request.after, toCapacityPool);
  }

  @ResolveField(() => Site)
  async site(@Parent() pool: CapacityPool, @Context() context: GatewayContext): Promise<Site> {
    return toSite(await context.loaders.site.load(pool.siteId));
  }

  /** Resolved here, not as a plain property, so the access guard runs on it (CapacityPool.price). */
  @ResolveField(() => PoolPrice, { nullable: true })
  price(@Parent() pool: CapacityPool): PoolPrice {
    return pool.price;
  }

  @ResolveField(() => Accelerator)
  async accelerator(@Parent() pool: CapacityPool, @Context() context: GatewayContext): Promise<Accelerator> {
    return (await context.loaders.accelerator.load(pool.acceleratorId)) as Accelerator;
  }
}
