import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TimeWindowInput } from '../pools/pools.input.js';

export enum ReservationStatus {
  HELD = 'HELD',
  CONFIRMED = 'CONFIRMED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ReservationStatus, { name: 'ReservationStatus' });

@ObjectType()
export class TimeWindow {
  @Field()
  from!: Date;

  @Field()
  to!: Date;
}

@ObjectType()
export class Reservation {
  @Field(() => ID)
  id!: string;

  @Field()
  poolId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => TimeWindow)
  window!: TimeWindow;

  @Field()
  workloadRef!: string;

  @Field()
  idempotencyKey!: string;

  @Field(() => ReservationStatus)
  status!: ReservationStatus;

  @Field(() => Date, { nullable: true, description: 'A hold not confirmed by then frees its capacity.' })
  expiresAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class ReservationResult {
  @Field(() => Reservation)
  reservation!: Reservation;

  @Field(() => Int, { description: 'Devices of the pool still free in the reservation window.' })
  freeDevices!: number;

  @Field({ description: 'True when the idempotency key had been seen: the first result, nothing reserved again.' })
  replayed!: boolean;
}

@InputType()
export class ReserveCapacityInput {
  @Field()
  poolId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => TimeWindowInput)
  window!: TimeWindowInput;

  @Field()
  workloadRef!: string;

  @Field({ description: 'Repeat a request with the same key to get its first result back.' })
  idempotencyKey!: string;

  @Field(() => Int, { nullable: true, description: 'Hold lifetime in seconds (default 900).' })
  holdSeconds?: number | null;
}
