import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, RulePackPublishedV1, type RulePackV1 } from '@cp/contracts';
import { type CompiledRulePack, compileRulePack, RulePackCompileError } from '@cp/compliance-rules';
import { HandlerError } from '@cp/messaging';
import { enqueueEvent, type OutboxRelay } from '@cp/persistence';
import type { DataSource } from 'typeorm';
import { requireRole } from '@cp/service-kit';
import { COMPLIANCE_SCHEMA, OUTBOX_RELAY } from '../region-compliance.constants.js';
import { RulePackEntity } from './rule-pack.entity.js';

export interface RulePackSummary {
  version: string;
  title: string;
  ruleCount: number;
  publishedAt: string;
  publishedBy: string;
  current: boolean;
}

export function summaryOf(row: RulePackEntity): RulePackSummary {
  return { version: row.version, title: row.title, ruleCount: row.ruleCount, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy, current: row.isCurrent };
}

/** Compiles a pack, turning a compiler complaint into a BAD_REQUEST that names the rule. */
export function compileOrReject(pack: RulePackV1, field: string): CompiledRulePack {
  try {
    return compileRulePack(pack);
  } catch (error) {
    if (error instanceof RulePackCompileError) {
      throw new HandlerError('BAD_REQUEST', `${field}: rule ${error.ruleId}: ${error.message}`, `${field}.${error.ruleId}`);
    }
    throw error;
  }
}

/**
 * Published rule packs: immutable versions, one current. Compiled packs are cached by
 * version, so publishing changes later verdicts at once, without a restart.
 */
@Injectable()
export class RulePacksService {
  private readonly compiled = new Map<string, CompiledRulePack>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async list(): Promise<RulePackSummary[]> {
    const rows = await this.dataSource.getRepository(RulePackEntity).find({ order: { publishedAt: 'DESC' } });
    return rows.map(summaryOf);
  }

  async get(version: string): Promise<RulePackEntity> {
    const row = await this.dataSource.getRepository(RulePackEntity).findOneBy({ version });
    if (!row) throw new HandlerError('NOT_FOUND', `version: no rule pack ${version}`, 'version');
    return row;
  }

  async current(): Promise<RulePackEntity> {
    const row = await this.dataSource.getRepository(RulePackEntity).findOneBy({ isCurrent: true });
    if (!row) throw new HandlerError('UNAVAILABLE', 'no rule pack has been published yet');
    return row;
  }

  /** The compiled pack of a version (default: current). */
  async compiledPack(version?: string): Promise<{ version: string; compiled: CompiledRulePack }> {
    const row = version ? await this.get(version) : await this.current();
    let compiled = this.compiled.get(row.version);
    if (!compiled) {
      compiled = compileRulePack(row.pack);
      this.compiled.set(row.version, compiled);
    }
    return { version: row.version, compiled };
  }

  async publish(actor: Actor, pack: RulePackV1, now = new Date()): Promise<RulePackEntity> {
    requireRole(actor, ['compliance-admin'], 'publishRulePack');
    const compiled = compileOrReject(pack, 'pack.rules');
    const checksum = createHash('sha256').update(JSON.stringify(pack)).digest('hex');
    const row = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['cp-rule-pack-publish']);
      const existing = await manager.findOneBy(RulePackEntity, { version: pack.version });
      if (existing) {
        if (existing.checksum === checksum) return existing;
        throw new HandlerError('CONFLICT', `pack.version: ${pack.version} is already published with other content; publish a new version`, 'pack.version');
      }
      await manager.update(RulePackEntity, { isCurrent: true }, { isCurrent: false });
      const saved = await manager.save(
        manager.create(RulePackEntity, { version: pack.version, title: pack.title, pack, checksum, ruleCount: pack.rules.length, publishedAt: now, publishedBy: actor.id, isCurrent: true }),
      );
      await enqueueEvent(manager, COMPLIANCE_SCHEMA, RulePackPublishedV1, {
        version: pack.version,
        ruleCount: pack.rules.length,
        publishedAt: now.toISOString(),
        publishedBy: actor.id,
        checksum,
      });
      return saved;
    });
    this.compiled.set(row.version, compiled);
    this.relay.nudge();
    return row;
  }
}
