import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '../common/money.model.js';
import { PageInfo } from '../common/page-info.model.js';

export enum Ownership {
  OWNED = 'OWNED',
  LEASED_IAAS = 'LEASED_IAAS',
  COLOCATION = 'COLOCATION',
}
registerEnumType(Ownership, { name: 'Ownership', description: 'Buying the hardware, leasing remote capacity, or placing owned hardware in a third-party facility.' });

export enum PriceBasis {
  ON_DEMAND = 'ON_DEMAND',
  COMMITTED = 'COMMITTED',
  CAPEX = 'CAPEX',
}
registerEnumType(PriceBasis, { name: 'PriceBasis', description: 'ON_DEMAND and COMMITTED: per device-hour. CAPEX: purchase price per device.' });

@ObjectType()
export class PoolPrice {
  @Field(() => PriceBasis)
  basis!: PriceBasis;

  @Field(() => Money)
  amount!: Money;

  @Field()
  source!: string;
}

/** The GraphQL shape; `site` and `accelerator` are resolved in batches. */
@ObjectType({ description: 'Devices of one accelerator at one site under one ownership model.' })
export class CapacityPool {
  @Field(() => ID)
  id!: string;

  siteId!: string;
  acceleratorId!: string;

  @Field(() => Int)
  deviceCount!: number;

  @Field(() => Int)
  devicesPerNode!: number;

  @Field(() => Ownership)
  ownership!: Ownership;

  @Field(() => PoolPrice, { nullable: true, description: 'The contract price: planners, finance and inventory admins see it; others get null with a FORBIDDEN error.' })
  price!: PoolPrice;

  @Field()
  availableFrom!: Date;

  @Field(() => Date, { nullable: true })
  availableTo!: Date | null;

  @Field(() => Int, { description: 'Devices neither held nor reserved in the requested window (now, without one).' })
  freeDevices!: number;

  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it to updateCapacityPool.' })
  version!: number;
}

@ObjectType()
export class CapacityPoolEdge {
  @Field()
  cursor!: string;

  @Field(() => CapacityPool)
  node!: CapacityPool;
}

@ObjectType()
export class CapacityPoolConnection {
  @Field(() => [CapacityPoolEdge])
  edges!: CapacityPoolEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
