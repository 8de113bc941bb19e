import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, ReservationCommandsV1, type ReservationReplyV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { parseArgs } from '../common/graphql-errors.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { compact, iso } from '../pools/pools.mapper.js';
import { type Reservation, ReservationResult, ReserveCapacityInput } from './reservation.model.js';

function toResult(reply: ReservationReplyV1): ReservationResult {
  const r = reply.reservation;
  return {
    reservation: {
      ...r,
      window: { from: new Date(r.window.from), to: new Date(r.window.to) },
      expiresAt: r.expiresAt ? new Date(r.expiresAt) : null,
      createdAt: new Date(r.createdAt),
    } as Reservation,
    freeDevices: reply.freeDevices,
    replayed: reply.replayed,
  };
}

@Resolver(() => ReservationResult)
export class ReservationsResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Mutation(() => ReservationResult, { description: 'Hold capacity in a pool for a window; never overbooks; idempotent by key.' })
  async reserveCapacity(@Args('input') input: ReserveCapacityInput, @CurrentActor() actor: Actor): Promise<ReservationResult> {
    const command = parseArgs(ReservationCommandsV1.request, {
      command: 'reserve',
      actor,
      ...compact({ poolId: input.poolId, quantity: input.quantity, workloadRef: input.workloadRef, idempotencyKey: input.idempotencyKey, holdSeconds: input.holdSeconds }),
      window: { from: iso(input.window.from), to: iso(input.window.to) },
    });
    return toResult(await this.bus.request(ReservationCommandsV1, command, { timeoutMs: this.options.requestTimeoutMs }));
  }

  @Mutation(() => ReservationResult, { description: 'Turn a hold into a reservation before it expires.' })
  async confirmReservation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ReservationResult> {
    const command = parseArgs(ReservationCommandsV1.request, { command: 'confirm', actor, reservationId: id }, { reservationId: 'id' });
    return toResult(await this.bus.request(ReservationCommandsV1, command, { timeoutMs: this.options.requestTimeoutMs }));
  }

  @Mutation(() => ReservationResult, { description: 'Give the capacity back; releasing twice is harmless.' })
  async releaseReservation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ReservationResult> {
    const command = parseArgs(ReservationCommandsV1.request, { command: 'release', actor, reservationId: id }, { reservationId: 'id' });
    return toResult(await this.bus.request(ReservationCommandsV1, command, { timeoutMs: this.options.requestTimeoutMs }));
  }
}
