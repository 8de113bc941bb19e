import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { checkKafkaSecurity, kafkaSecurity, KafkaSecurityEnv } from './kafka-security.js';

const Config = z.object(KafkaSecurityEnv).superRefine(checkKafkaSecurity);

describe('Kafka security settings', () => {
  it('are plaintext without settings', () => {
    expect(kafkaSecurity(Config.parse({}))).toEqual({});
  });

  it('give kafkajs SCRAM over TLS with the CA file read', () => {
    const config = Config.parse({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/etc/ca.pem', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cp', KAFKA_SASL_PASSWORD: 's3cret' });
    expect(kafkaSecurity(config, (path) => `PEM of ${path}`)).toEqual({ ssl: { ca: ['PEM of /etc/ca.pem'] }, sasl: { mechanism: 'scram-sha-512', username: 'cp', password: 's3cret' } });
  });

  it('refuse half a SASL setting, naming what is missing', () => {
    const result = Config.safeParse({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'cp' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['KAFKA_SASL_PASSWORD']);
  });

  it('refuse PLAIN without TLS', () => {
    const result = Config.safeParse({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'cp', KAFKA_SASL_PASSWORD: 'p' });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['KAFKA_SSL']);
  });
});
