import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IsoDate, SiteV1 } from '@cp/contracts';
import { z } from 'zod';

/** The shape of data/sites/*.json: a versioned dataset with its own source and effective date. */
export const SitesFile = z.object({
  dataset: z.literal('sites'),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1'),
  effectiveFrom: IsoDate,
  source: z.string().min(1),
  sites: z.array(SiteV1).min(1),
});
export type SitesFile = z.output<typeof SitesFile>;

export interface LoadedSitesFile {
  readonly file: SitesFile;
  readonly checksum: string;
  readonly path: string;
}

export const SITES_FILE = join('sites', 'sites.v1.json');

export async function readSitesFile(dataDir: string, relativePath = SITES_FILE): Promise<LoadedSitesFile> {
  const path = join(dataDir, relativePath);
  const raw = await readFile(path, 'utf8');
  const parsed = SitesFile.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const site of parsed.data.sites) {
    if (ids.has(site.id)) throw new Error(`${path}: duplicate site id ${site.id}`);
    ids.add(site.id);
  }
  // Checksum of the parsed content, so whitespace edits do not count as a new version.
  const checksum = createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex');
  return { file: parsed.data, checksum, path };
}
