import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { type FieldNode, getArgumentValues, type GraphQLFormattedError, Kind, type SelectionSetNode } from 'graphql';
import { Authenticator, type RequestWithAuth } from '../auth/authenticator.js';
import { auditDetail, auditTargets } from './audit-detail.js';
import { type AuditRecord, AuditService } from './audit.service.js';

/** Outcomes of reads worth keeping: somebody tried what they may not. */
const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);
/**
 * A flood past the rate limit is recorded once per caller and minute, not once per request:
 * otherwise the refusals themselves would become the load.
 */
const RATE_LIMITED_EVERY_MS = 60_000;

interface Context {
  readonly req?: RequestWithAuth;
}

/**
 * Writes one audit entry per root field of every mutation (recommendPlacement included),
 * whatever its outcome, and one per refused query: who, when, what (arguments without
 * secrets) and how it ended.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<Context> {
  constructor(
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
  ) {}

  private readonly rateLimitedAt = new Map<string, number>();

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    const started = performance.now();
    return {
      willSendResponse: async (rc) => {
        const entries = await this.entries(rc, Math.round(performance.now() - started));
        await this.audit.recordAfter(entries);
      },
    };
  }

  private async entries(rc: GraphQLRequestContextWillSendResponse<Context>, durationMs: number): Promise<AuditRecord[]> {
    const operation = rc.operation;
    const body = rc.response.body;
    if (!operation || body.kind !== 'single') return [];
    const errors = body.singleResult.errors ?? [];
    const data = (body.singleResult.data ?? {}) as Record<string, unknown>;
    const rootType = rc.schema.getRootType(operation.operation);
    const request = rc.contextValue.req;
    const authentication = request ? await this.authenticator.of(request) : null;
    const principal = authentication?.principal ?? null;
    const entries: AuditRecord[] = [];
    for (const field of rootFields(operation.selectionSet)) {
      const responseKey = field.alias?.value ?? field.name.value;
      const fieldErrors = errors.filter((e) => e.path === undefined || e.path[0] === responseKey);
      const outcome = outcomeOf(fieldErrors);
      if (operation.operation !== 'mutation' && !DENIALS.has(outcome)) continue;
      if (outcome === 'RATE_LIMITED' && !this.firstRateLimitedInWindow(principal?.id ?? `ip:${request?.ip ?? request?.socket?.remoteAddress ?? 'unknown'}`)) continue;
      const definition = rootType?.getFields()[field.name.value];
      let args: Record<string, unknown> = {};
      try {
        if (definition) args = getArgumentValues(definition, field, rc.request.variables ?? {});
      } catch {
        args = { variables: rc.request.variables ?? {} };
      }
      entries.push({
        actorId: principal?.id ?? 'anonymous',
        actorRoles: principal?.roles ?? [],
        authMethod: principal?.method ?? (authentication?.failure ? 'REFUSED' : 'NONE'),
        channel: 'GRAPHQL',
        action: `${rootType?.name ?? operation.operation}.${field.name.value}`,
        outcome,
        targets: outcome === 'OK' ? auditTargets(data[responseKey]) : [],
        detail: {
          arguments: auditDetail(args),
          ...(rc.operationName ? { operationName: rc.operationName } : {}),
          ...(fieldErrors[0] ? { error: fieldErrors[0].message.slice(0, 500) } : {}),
        },
        clientIp: request?.ip ?? request?.socket?.remoteAddress ?? null,
        durationMs,
      });
    }
    return entries;
  }

  private firstRateLimitedInWindow(tracker: string, now = Date.now()): boolean {
    const last = this.rateLimitedAt.get(tracker);
    if (last !== undefined && now - last < RATE_LIMITED_EVERY_MS) return false;
    if (this.rateLimitedAt.size > 10_000) this.rateLimitedAt.clear();
    this.rateLimitedAt.set(tracker, now);
    return true;
  }
}

function rootFields(selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s] : s.kind === Kind.INLINE_FRAGMENT ? rootFields(s.selectionSet) : []));
}

function outcomeOf(errors: readonly GraphQLFormattedError[]): string {
  if (errors.length === 0) return 'OK';
  const code = errors[0]!.extensions?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

