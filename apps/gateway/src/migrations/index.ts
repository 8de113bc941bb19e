import { InitialGatewaySchema1764576000000 } from './1764576000000-initial-gateway-schema.js';

/** In order of application; TypeORM runs the pending ones. */
export const gatewayMigrations = [InitialGatewaySchema1764576000000];
