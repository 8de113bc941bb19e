import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CapacityPoolV1, IsoDate } from '@cp/contracts';
import { z } from 'zod';
import type { CapacityPoolEntity } from './capacity-pool.entity.js';

export const PoolDefinition = CapacityPoolV1.omit({ freeDevices: true, version: true });
export type PoolDefinition = z.output<typeof PoolDefinition>;

/** data/pools/pools.v1.json: the sample portfolio, generated from data/pools/portfolio-spec.v1.json. */
export const PoolsFile = z.object({
  dataset: z.literal('pools'),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1'),
  effectiveFrom: IsoDate,
  source: z.string().min(1),
  seed: z.number().int(),
  pools: z.array(PoolDefinition),
});
export type PoolsFile = z.output<typeof PoolsFile>;

export const POOLS_FILE = join('pools', 'pools.v1.json');

export interface LoadedPoolsFile {
  readonly file: PoolsFile;
  readonly checksum: string;
}

export async function readPoolsFile(dataDir: string, relativePath = POOLS_FILE): Promise<LoadedPoolsFile | null> {
  const path = join(dataDir, relativePath);
  if (!existsSync(path)) return null;
  const parsed = PoolsFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const pool of parsed.data.pools) {
    if (ids.has(pool.id)) throw new Error(`${path}: duplicate pool id ${pool.id}`);
    ids.add(pool.id);
  }
  return { file: parsed.data, checksum: createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex') };
}

export function toPoolEntity(pool: PoolDefinition, catalogVersion: string): Partial<CapacityPoolEntity> {
  return {
    id: pool.id,
    siteId: pool.siteId,
    acceleratorId: pool.acceleratorId,
    deviceCount: pool.deviceCount,
    devicesPerNode: pool.devicesPerNode,
    ownership: pool.ownership,
    priceBasis: pool.price.basis,
    priceAmount: pool.price.amount,
    priceCurrency: pool.price.currency,
    priceSource: pool.price.source,
    availableFrom: new Date(pool.availableFrom),
    availableTo: pool.availableTo ? new Date(pool.availableTo) : null,
    catalogVersion,
  };
}
