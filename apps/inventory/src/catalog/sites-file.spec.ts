import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readSitesFile, SITES_FILE } from './sites-file.js';

function withFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'cp-sites-'));
  mkdirSync(join(dir, 'sites'));
  writeFileSync(join(dir, SITES_FILE), JSON.stringify(content, null, 2));
  return dir;
}

const real = JSON.parse(readFileSync(join('data', SITES_FILE), 'utf8')) as { sites: { id: string; region: string; source: string }[] };

describe('sites data file', () => {
  it('the shipped catalog parses and covers the regions planners compare', async () => {
    const { file } = await readSitesFile('data');
    expect(file.sites.length).toBeGreaterThanOrEqual(25);
    const regions = new Set(file.sites.map((s) => s.region));
    expect([...regions].sort()).toEqual(['China', 'Gulf', 'Japan', 'Southeast Asia', 'United States']);
    for (const site of file.sites) expect(site.source.length).toBeGreaterThan(0);
  });

  it('has a checksum that ignores formatting but not content', async () => {
    const a = await readSitesFile(withFile(real));
    const b = await readSitesFile(withFile(JSON.parse(JSON.stringify(real))));
    expect(a.checksum).toBe(b.checksum);
    const changed = { ...real, sites: real.sites.map((s, i) => (i === 0 ? { ...s, notes: 'changed' } : s)) };
    expect((await readSitesFile(withFile(changed))).checksum).not.toBe(a.checksum);
  });

  it('rejects a duplicate site id', async () => {
    const duplicated = { ...real, sites: [...real.sites, real.sites[0]] };
    await expect(readSitesFile(withFile(duplicated))).rejects.toThrow(`duplicate site id ${real.sites[0]!.id}`);
  });

  it('rejects a site with a malformed field, naming it', async () => {
    const broken = { ...real, sites: real.sites.map((s, i) => (i === 2 ? { ...s, countryCode: 'Malaysia' } : s)) };
    await expect(readSitesFile(withFile(broken))).rejects.toThrow(/sites\.2\.countryCode: must be an ISO 3166-1 alpha-2 code/);
  });
});
