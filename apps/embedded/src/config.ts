import { env } from '@cp/service-kit';
import { checkJwtSettings, SecurityEnv } from '@cp/gateway-service';
import { z } from 'zod';

export const EmbeddedConfig = z
  .object({
    /** Local folder for everything the embedded default keeps between runs. */
    CP_DATA_DIR: z.string().min(1).default('.data'),
    /** Start from empty: wipe CP_DATA_DIR first (also `npm start -- --reset`). */
    CP_RESET: env.bool(false),
    EMBEDDED_POSTGRES_PORT: env.port(54329),
    GATEWAY_HOST: env.host,
    GATEWAY_PORT: env.port(4000),
    GRAPHQL_IDE: env.bool(true),
    DATA_DIR: z.string().min(1).default('data'),
    BUS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
    ...SecurityEnv,
    /** The first start makes an admin API key and prints it once; later starts print none. */
    BOOTSTRAP_ADMIN_KEY: env.bool(true),
  })
  .superRefine(checkJwtSettings);
export type EmbeddedConfig = z.output<typeof EmbeddedConfig>;
