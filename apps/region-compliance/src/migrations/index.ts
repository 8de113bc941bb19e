import { InitialRegionComplianceSchema1764576000000 } from './1764576000000-initial-region-compliance-schema.js';
import { LegalEntitiesRulePacks1764594000000 } from './1764594000000-legal-entities-rule-packs.js';
import { OutboxTraceContext1764640000000 } from './1764640000000-outbox-trace-context.js';

/** In order of application; TypeORM runs the pending ones. */
export const regionComplianceMigrations = [InitialRegionComplianceSchema1764576000000, LegalEntitiesRulePacks1764594000000, OutboxTraceContext1764640000000];
