import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, env, parseConfig } from './config.js';

const Schema = z.object({ KAFKA_BROKERS: env.kafkaBrokers, DATABASE_URL: env.databaseUrl, PORT: env.port(4000), FLAG: env.bool(false) });

describe('parseConfig', () => {
  it('parses and applies defaults', () => {
    expect(parseConfig(Schema, { KAFKA_BROKERS: 'a:9092, b:9093', DATABASE_URL: 'postgres://x@h/db' })).toEqual({
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      DATABASE_URL: 'postgres://x@h/db',
      PORT: 4000,
      FLAG: false,
    });
  });

  it('names every bad variable in one error, with the value given', () => {
    let error: unknown;
    try {
      parseConfig(Schema, { KAFKA_BROKERS: 'no-port', PORT: '70000', FLAG: 'yes' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^KAFKA_BROKERS="no-port": each broker must be host:port/);
    expect(problems[1]).toMatch(/^DATABASE_URL: is required/);
    expect(problems[2]).toMatch(/^PORT="70000": /);
    expect(problems[3]).toMatch(/^FLAG="yes": must be true or false/);
  });
});
