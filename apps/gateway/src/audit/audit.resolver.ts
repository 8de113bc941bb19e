import { Args, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { userInputError } from '../common/graphql-errors.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';

@ObjectType({ description: 'One audited action: who, when, what, and how it ended.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field() actorId!: string;
  @Field(() => [String]) actorRoles!: string[];
  @Field({ description: 'API_KEY, JWT, STATIC_TOKEN, NONE or REFUSED (credentials that did not check out); KAFKA for a pipeline message; GATEWAY for a result stored by the gateway for an actor it authenticated (the request entry says how).' }) authMethod!: string;
  @Field({ description: 'GRAPHQL, HTTP or KAFKA.' }) channel!: string;
  @Field({ description: 'Mutation.acceptPlan, GET /exports/cost-ledger.csv, workload.requests …' }) action!: string;
  @Field({ description: 'OK, or the error code the caller got.' }) outcome!: string;
  @Field(() => [String]) targets!: string[];
  @Field(() => GraphQLJSONObject, { description: 'Arguments without secrets, cut to size; the error message if any.' }) detail!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) clientIp!: string | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
}

@ObjectType()
export class AuditLogPage {
  @Field(() => [AuditEntry]) entries!: AuditEntry[];
  @Field(() => String, { nullable: true, description: 'Pass as after for the next page; null on the last.' }) endCursor!: string | null;
}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact action, e.g. Mutation.publishRulePack.' }) action?: string | null;
  @Field(() => String, { nullable: true }) outcome?: string | null;
  @Field(() => String, { nullable: true, description: 'An id the action created or touched.' }) target?: string | null;
  @Field(() => Date, { nullable: true, description: 'Inclusive.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

function cursorOf(entry: AuditEntryEntity): string {
  return Buffer.from(`${entry.at.toISOString()}|${entry.id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^\d{1,19}$/.test(id) || Number.isNaN(date.getTime())) throw userInputError('after', 'is not a cursor this query returned');
  return { at: date, id };
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogPage, { description: 'The append-only audit log, newest first.' })
  async auditLog(
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditLogPage> {
    if (first < 1 || first > 1_000) throw userInputError('first', 'must be from 1 to 1000');
    for (const name of ['from', 'to'] as const) {
      const value = filter?.[name];
      if (value && Number.isNaN(value.getTime())) throw userInputError(`filter.${name}`, 'is not a date-time');
    }
    const rows = await this.audit.page(filter ?? {}, first + 1, after ? parseCursor(after) : null);
    const entries = rows.slice(0, first);
    return { entries, endCursor: rows.length > first ? cursorOf(entries[entries.length - 1]!) : null };
  }
}
