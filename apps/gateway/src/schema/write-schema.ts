import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printGatewaySchema } from './gateway-schema.js';

// `npm run schema:write`: regenerates the committed SDL after an API change.
await writeFile('apps/gateway/schema.gql', await printGatewaySchema());
console.log('wrote apps/gateway/schema.gql');
