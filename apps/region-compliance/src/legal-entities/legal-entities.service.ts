import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, LegalEntityV1 } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';
import type { DataSource } from 'typeorm';
import { requireRole } from '@cp/service-kit';
import { TrackedPlacementEntity } from '../evaluation/tracked-placement.entity.js';
import { LegalEntityEntity } from './legal-entity.entity.js';

export function toLegalEntityV1(row: LegalEntityEntity): LegalEntityV1 {
  return { id: row.id, name: row.name, hqCountry: row.hqCountry, ultimateParentHqCountry: row.ultimateParentHqCountry, isCiio: row.isCiio, restrictedParty: row.restrictedParty };
}

@Injectable()
export class LegalEntitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<LegalEntityV1[]> {
    return (await this.dataSource.getRepository(LegalEntityEntity).find({ order: { id: 'ASC' } })).map(toLegalEntityV1);
  }

  async get(id: string, field = 'legalEntityId'): Promise<LegalEntityV1> {
    const row = await this.dataSource.getRepository(LegalEntityEntity).findOneBy({ id });
    if (!row) throw new HandlerError('NOT_FOUND', `${field}: no legal entity ${id}`, field);
    return toLegalEntityV1(row);
  }

  async upsert(actor: Actor, entity: LegalEntityV1): Promise<LegalEntityV1> {
    requireRole(actor, ['compliance-admin'], 'upsertLegalEntity');
    await this.dataSource.getRepository(LegalEntityEntity).upsert(entity, ['id']);
    return this.get(entity.id, 'entity.id');
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requireRole(actor, ['compliance-admin'], 'deleteLegalEntity');
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(TrackedPlacementEntity, { legalEntityId: id })) {
        throw new HandlerError('CONFLICT', `id: ${id} has tracked placements; it cannot be deleted`, 'id');
      }
      const result = await manager.delete(LegalEntityEntity, { id });
      if (!result.affected) throw new HandlerError('NOT_FOUND', `id: no legal entity ${id}`, 'id');
    });
  }
}
