import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LegalEntityV1, RulePackV1 } from '@cp/contracts';
import { z } from 'zod';

export const RULE_PACK_FILE = join('rule-packs', 'rule-pack.v1.json');
export const LEGAL_ENTITIES_FILE = join('legal-entities', 'legal-entities.v1.json');

const LegalEntitiesFile = z.object({ dataset: z.literal('legal-entities'), version: z.string(), source: z.string(), entities: z.array(LegalEntityV1) });

async function readJson<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export const readRulePackFile = (dataDir: string) => readJson(join(dataDir, RULE_PACK_FILE), RulePackV1);
export const readLegalEntitiesFile = (dataDir: string) => readJson(join(dataDir, LEGAL_ENTITIES_FILE), LegalEntitiesFile);
