import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, InventoryAdminV1, type InventoryAdminCommandV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { parseArgs } from '../common/graphql-errors.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { Accelerator } from '../accelerators/accelerator.model.js';
import { AcceleratorInput, type SpecNumberInput } from '../accelerators/accelerators.input.js';
import { CapacityPool } from '../pools/pool.model.js';
import { AdjustPoolCapacityInput, CreateCapacityPoolInput, UpdateCapacityPoolInput } from '../pools/pools.input.js';
import { compact, iso, toCapacityPool } from '../pools/pools.mapper.js';
import { Site } from '../sites/site.model.js';
import { SiteInput } from '../sites/sites.input.js';
import { toSite } from '../sites/sites.mapper.js';

/** Inventory changes for inventory administrators; the inventory service checks the role again. */
@Resolver()
export class InventoryAdminResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Mutation(() => Site, { description: 'Create or replace a site.' })
  async upsertSite(@Args('input') input: SiteInput, @CurrentActor() actor: Actor): Promise<Site> {
    const { egressPricePerGb, internationalBandwidthGbps, networkAsOf, networkSource, powerPrice, pue, ...rest } = input;
    const site = {
      ...rest,
      operatorHqCountry: rest.operatorHqCountry ?? null,
      ultimateParentHqCountry: rest.ultimateParentHqCountry ?? null,
      notes: rest.notes ?? null,
      powerPrice: powerPrice ? { ...powerPrice, unit: 'kWh' } : null,
      pue: pue ? { value: pue.value, asOf: pue.asOf ?? null, source: pue.source } : null,
      network: {
        egressPricePerGb: egressPricePerGb ?? null,
        internationalBandwidthGbps: internationalBandwidthGbps ?? null,
        asOf: networkAsOf ?? null,
        source: networkSource ?? null,
      },
    };
    const reply = await this.send(parseArgs(InventoryAdminV1.request, { command: 'upsertSite', actor, site }));
    if (reply.kind !== 'site') throw new Error('inventory answered upsertSite with another kind');
    return toSite(reply.site);
  }

  @Mutation(() => Accelerator, { description: 'Create or replace an accelerator; TPP and performance density are computed from its figures.' })
  async upsertAccelerator(@Args('input') input: AcceleratorInput, @CurrentActor() actor: Actor): Promise<Accelerator> {
    const spec = (n: SpecNumberInput) => ({ ...n, unknownReason: n.unknownReason ?? null, note: n.note ?? null });
    const accelerator = {
      ...input,
      memoryType: input.memoryType ?? null,
      interconnectName: input.interconnectName ?? null,
      notes: input.notes ?? null,
      denseRates: input.denseRates.map((r) => ({ precision: r.precision, rate: spec(r.rate) })),
      memorySizeGb: spec(input.memorySizeGb),
      memoryBandwidthTBps: spec(input.memoryBandwidthTBps),
      interconnectGBps: spec(input.interconnectGBps),
      tdpW: spec(input.tdpW),
      logicDieAreaMm2: spec(input.logicDieAreaMm2),
    };
    const reply = await this.send(parseArgs(InventoryAdminV1.request, { command: 'upsertAccelerator', actor, accelerator }));
    if (reply.kind !== 'accelerator') throw new Error('inventory answered upsertAccelerator with another kind');
    return reply.accelerator as Accelerator;
  }

  @Mutation(() => CapacityPool, { description: 'Add a capacity pool.' })
  async createCapacityPool(@Args('input') input: CreateCapacityPoolInput, @CurrentActor() actor: Actor): Promise<CapacityPool> {
    const pool = { ...input, availableFrom: iso(input.availableFrom), availableTo: iso(input.availableTo) ?? null };
    return this.pool(parseArgs(InventoryAdminV1.request, { command: 'createPool', actor, pool }));
  }

  @Mutation(() => CapacityPool, { description: 'Change a pool; fails with CONFLICT if it changed since expectedVersion.' })
  async updateCapacityPool(@Args('input') input: UpdateCapacityPoolInput, @CurrentActor() actor: Actor): Promise<CapacityPool> {
    const changes = compact({
      devicesPerNode: input.devicesPerNode,
      ownership: input.ownership,
      price: input.price,
      availableFrom: iso(input.availableFrom),
      ...(input.availableTo === undefined ? {} : { availableTo: iso(input.availableTo) ?? null }),
    });
    if (input.availableTo === null) Object.assign(changes, { availableTo: null });
    return this.pool(parseArgs(InventoryAdminV1.request, { command: 'updatePool', actor, poolId: input.poolId, expectedVersion: input.expectedVersion, changes }));
  }

  @Mutation(() => CapacityPool, { description: 'Add or remove devices; never below what is already reserved.' })
  async adjustPoolCapacity(@Args('input') input: AdjustPoolCapacityInput, @CurrentActor() actor: Actor): Promise<CapacityPool> {
    return this.pool(parseArgs(InventoryAdminV1.request, { command: 'adjustCapacity', actor, ...input }));
  }

  private send(command: InventoryAdminCommandV1) {
    return this.bus.request(InventoryAdminV1, command, { timeoutMs: this.options.requestTimeoutMs });
  }

  private async pool(command: InventoryAdminCommandV1): Promise<CapacityPool> {
    const reply = await this.send(command);
    if (reply.kind !== 'pool') throw new Error('inventory answered a pool command with another kind');
    return toCapacityPool(reply.pool);
  }
}
