import { InitialInventorySchema1764576000000 } from './1764576000000-initial-inventory-schema.js';
import { AcceleratorsPoolsReservations1764590400000 } from './1764590400000-accelerators-pools-reservations.js';
import { OutboxTraceContext1764640000000 } from './1764640000000-outbox-trace-context.js';

/** In order of application; TypeORM runs the pending ones. */
export const inventoryMigrations = [InitialInventorySchema1764576000000, AcceleratorsPoolsReservations1764590400000, OutboxTraceContext1764640000000];
