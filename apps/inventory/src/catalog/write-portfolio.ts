import { readFile, writeFile } from 'node:fs/promises';
import { readSitesFile } from './sites-file.js';
import { generatePortfolio, parsePortfolioSpec, portfolioAccelerators, renderPoolsFile } from './portfolio-generator.js';

// `npm run data:pools` (from the repository root): regenerates the committed sample portfolio
// after the spec, the sites or the accelerator catalog change. The unit tests fail until it is rerun.
const SPEC_FILE = 'data/pools/portfolio-spec.v1.json';
const ACCELERATORS_FILE = 'data/accelerators/accelerators.v1.json';
const POOLS_FILE = 'data/pools/pools.v1.json';

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

const spec = parsePortfolioSpec(await readJson(SPEC_FILE));
const { file: sites } = await readSitesFile('data');
const accelerators = portfolioAccelerators(await readJson(ACCELERATORS_FILE));
const pools = generatePortfolio(spec, sites.sites, accelerators);
await writeFile(POOLS_FILE, renderPoolsFile(spec, pools));
console.log(`wrote ${POOLS_FILE}: ${pools.length} pools (seed ${spec.seed})`);
