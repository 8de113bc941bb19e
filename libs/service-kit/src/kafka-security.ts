import { readFileSync } from 'node:fs';
import type { KafkaBusOptions } from '@cp/messaging';
import { z } from 'zod';
import { env } from './config.js';

/**
 * Kafka over TLS and with SASL (SCRAM or PLAIN), for deployments; the local broker of the
 * embedded tests speaks plaintext. docker-compose.yml shows a SASL_SSL broker listener.
 */
export const KafkaSecurityEnv = {
  KAFKA_SSL: env.bool(false),
  /** PEM file of the CA that signed the brokers' certificates (default: the system's CAs). */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
};

type KafkaSecurityConfig = z.output<z.ZodObject<typeof KafkaSecurityEnv>>;

/** SASL needs all three of mechanism, user name and password; PLAIN only over TLS. */
export function checkKafkaSecurity(config: Partial<KafkaSecurityConfig>, ctx: z.RefinementCtx): void {
  const given = (['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter((k) => config[k] !== undefined);
  if (given.length > 0 && given.length < 3) {
    for (const key of ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
      if (config[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when any KAFKA_SASL_* is set' });
    }
  }
  if (config.KAFKA_SASL_MECHANISM === 'plain' && !config.KAFKA_SSL) ctx.addIssue({ code: 'custom', path: ['KAFKA_SSL'], message: 'must be true with KAFKA_SASL_MECHANISM=plain (the password would travel in clear)' });
  if (config.KAFKA_SSL_CA_FILE && !config.KAFKA_SSL) ctx.addIssue({ code: 'custom', path: ['KAFKA_SSL'], message: 'must be true when KAFKA_SSL_CA_FILE is set' });
}

/** The kafkajs `ssl` and `sasl` options for KafkaBus. */
export function kafkaSecurity(config: KafkaSecurityConfig, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): Pick<KafkaBusOptions, 'ssl' | 'sasl'> {
  const ssl = config.KAFKA_SSL ? (config.KAFKA_SSL_CA_FILE ? { ca: [readFile(config.KAFKA_SSL_CA_FILE)] } : true) : undefined;
  const sasl =
    config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
      ? ({ mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD } as NonNullable<KafkaBusOptions['sasl']>)
      : undefined;
  return { ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}
