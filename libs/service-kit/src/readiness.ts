import type { MessageBus } from '@cp/messaging';
import { pingDatabase } from '@cp/persistence';
import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './health.controller.js';

export function busReadiness(bus: MessageBus): ReadinessCheck {
  return {
    name: 'messaging',
    check: () => {
      const health = bus.health();
      if (!health.ready) throw new Error(health.detail);
    },
  };
}

export function databaseReadiness(dataSource: DataSource): ReadinessCheck {
  return { name: 'database', check: () => pingDatabase(dataSource) };
}
