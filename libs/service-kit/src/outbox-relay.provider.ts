import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { EventContract } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { rootLogger } from '@cp/observability';
import { OutboxRelay } from '@cp/persistence';
import type { DataSource } from 'typeorm';

/** The relay moving a service's committed outbox rows to the bus (start/stop it with the app). */
export function outboxRelayProvider(token: symbol, service: string, schema: string, contracts: readonly EventContract[]): Provider {
  return {
    provide: token,
    inject: [getDataSourceToken(), MESSAGE_BUS],
    useFactory: (dataSource: DataSource, bus: MessageBus) =>
      new OutboxRelay({
        dataSource,
        schema,
        contracts,
        publish: (contract, payload, options) => bus.publish(contract, payload as never, options),
        onError: (error) => rootLogger().error({ service, err: error }, 'outbox relay failed'),
      }),
  };
}
