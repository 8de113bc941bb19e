// Writes the performance model's calibration table (leave-one-out) into libs/cost-model/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { calibrationMarkdown, parseCostScenarios } from '../dist/libs/cost-model/src/index.js';

const scenarios = parseCostScenarios(JSON.parse(readFileSync('data/cost-scenarios/cost-scenarios.v1.json', 'utf8')));
const path = 'libs/cost-model/README.md';
const readme = readFileSync(path, 'utf8');
const [start, end] = ['<!-- calibration:start -->', '<!-- calibration:end -->'];
const next = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${calibrationMarkdown(scenarios)}\n${readme.slice(readme.indexOf(end))}`;
writeFileSync(path, next);
console.log(`calibration table written to ${path}`);
