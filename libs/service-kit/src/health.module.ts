import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import type { DataSource } from 'typeorm';
import { HealthController, READINESS_CHECKS } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { busReadiness, databaseReadiness } from './readiness.js';

/** `/health/live`, `/health/ready` (messaging and database) and `/metrics` (Prometheus) for a service. */
@Module({})
export class HealthModule {
  static forService(): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [MESSAGE_BUS, getDataSourceToken()],
          useFactory: (bus: MessageBus, dataSource: DataSource) => [busReadiness(bus), databaseReadiness(dataSource)],
        },
      ],
    };
  }
}
