import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CostDataset } from '@cp/contracts';

/** Where each cost data set ships in `data/`; publishing a new version through the API needs no file. */
export const DATASET_FILES: Readonly<Record<CostDataset, string>> = {
  'price-book': join('price-books', 'price-book.v1.json'),
  'cost-scenarios': join('cost-scenarios', 'cost-scenarios.v1.json'),
  'fx-rates': join('fx-rates', 'fx-rates.v1.json'),
};

export async function readDatasetFile(dataDir: string, dataset: CostDataset): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dataDir, DATASET_FILES[dataset]), 'utf8')) as Record<string, unknown>;
}
