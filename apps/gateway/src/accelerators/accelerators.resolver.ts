import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CountryCode, ListAcceleratorsV1, Slug } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { z } from 'zod';
import { parseArgs } from '../common/graphql-errors.js';
import { toConnection } from '../common/connection.js';
import type { GatewayContext } from '../common/loaders.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { Accelerator, AcceleratorConnection } from './accelerator.model.js';
import { AcceleratorFilter } from './accelerators.input.js';

const AcceleratorsArgs = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().min(1).max(200).nullable(),
  filter: z
    .object({ vendor: z.string().min(1).max(100).nullish(), originCountry: CountryCode.nullish(), minMemoryGb: z.number().positive().max(100_000).nullish() })
    .nullable(),
});

@Resolver(() => Accelerator)
export class AcceleratorsResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Query(() => AcceleratorConnection, { description: 'The accelerator catalog, ordered by id (Relay connection).' })
  async accelerators(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => AcceleratorFilter, nullable: true }) filter: AcceleratorFilter | null,
  ): Promise<AcceleratorConnection> {
    const args = parseArgs(AcceleratorsArgs, { first, after: after ?? null, filter: filter ?? null });
    const reply = await this.bus.request(
      ListAcceleratorsV1,
      {
        first: args.first,
        after: args.after,
        filter: {
          ...(args.filter?.vendor ? { vendor: args.filter.vendor } : {}),
          ...(args.filter?.originCountry ? { originCountry: args.filter.originCountry } : {}),
          ...(args.filter?.minMemoryGb ? { minMemoryGb: args.filter.minMemoryGb } : {}),
        },
      },
      { timeoutMs: this.options.requestTimeoutMs },
    );
    return { ...toConnection(reply, args.after, (node) => node as Accelerator), catalogVersion: reply.catalogVersion };
  }

  @Query(() => Accelerator, { description: 'One accelerator; NOT_FOUND if the id is unknown.' })
  async accelerator(@Args('id', { type: () => ID }) id: string, @Context() context: GatewayContext): Promise<Accelerator> {
    parseArgs(z.object({ id: Slug }), { id });
    return (await context.loaders.accelerator.load(id)) as Accelerator;
  }
}
