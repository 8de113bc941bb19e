import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { CostLedgerV1, LedgerFilterV1, type LedgerEntryV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import type { Request, Response } from 'express';
import type { Actor } from '@cp/contracts';
import { HttpAccess } from '../auth/access.guard.js';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor.decorator.js';
import type { Principal } from '../auth/principal.js';
import { auditDetail } from '../audit/audit-detail.js';
import { AuditService } from '../audit/audit.service.js';
import { toGraphQLError } from '../common/graphql-errors.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { writeLedgerCsv, writeLedgerXlsx } from './ledger-export.js';

/** Entries fetched per bus round trip: memory stays bounded by one page, whatever the ledger's size. */
export const EXPORT_PAGE_SIZE = 5_000;

const LIST_PARAMS = ['costCenters', 'siteIds', 'countryCodes', 'vendors', 'acceleratorIds', 'workloadKinds', 'entryTypes'] as const;

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', write: writeLedgerCsv },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeLedgerXlsx },
} as const;

function fail(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/**
 * Finance exports of the cost ledger as CSV or XLSX with FOCUS column names:
 * GET /exports/cost-ledger.csv?from=2026-01-01&to=2027-01-01&costCenters=a,b
 * with a bearer token of a finance (or admin) caller. The file is streamed page by page.
 */
@Controller('exports')
export class LedgerExportController {
  private readonly logger = new Logger('LedgerExport');

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    private readonly audit: AuditService,
  ) {}

  @Get('cost-ledger.:format')
  @HttpAccess('GET /exports/cost-ledger')
  async export(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const spec = FORMATS[format as keyof typeof FORMATS];
    if (!spec) return fail(res, 404, 'NOT_FOUND', `format: no export format ${format}; use csv or xlsx`, 'format');

    const raw: Record<string, unknown> = { from: query.from, to: query.to };
    for (const name of LIST_PARAMS) {
      if (typeof query[name] === 'string' && query[name] !== '') raw[name] = (query[name] as string).split(',').map((s) => s.trim());
    }
    const parsed = LedgerFilterV1.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || 'query';
      return fail(res, 400, 'BAD_USER_INPUT', `${field}: ${issue.message}`, field);
    }
    const filter = parsed.data;

    // The first page is fetched before any byte is sent, so a bad request still gets a status.
    let first;
    try {
      first = await this.page(filter, null);
    } catch (error) {
      const mapped = toGraphQLError(error);
      return fail(res, mapped.extensions.code === 'BAD_USER_INPUT' ? 400 : 502, String(mapped.extensions.code), mapped.message);
    }
    const name = `cost-ledger_${filter.from}_${filter.to}.${format}`;
    res.status(200).setHeader('Content-Type', spec.type).setHeader('Content-Disposition', `attachment; filename="${name}"`).setHeader('Cache-Control', 'no-store');
    const started = performance.now();
    const audited = (outcome: string, extra: Record<string, unknown>) =>
      this.audit.recordAfter([
        {
          actorId: actor.id,
          actorRoles: actor.roles,
          authMethod: principal.method,
          channel: 'HTTP',
          action: `GET /exports/cost-ledger.${format}`,
          outcome,
          detail: { filter: auditDetail(filter), ...extra },
          clientIp: req.ip ?? null,
          durationMs: Math.round(performance.now() - started),
        },
      ]);
    try {
      const { rows } = await spec.write(this.entries(filter, first), res);
      this.logger.log(`exported ${rows} ledger rows as ${format} for ${actor.id}`);
      await audited('OK', { rows });
    } catch (error) {
      await audited('INTERRUPTED', { error: error instanceof Error ? error.message.slice(0, 500) : String(error) });
      // Headers are gone: all that is left is to cut the stream so the client sees a broken file, not a short one.
      this.logger.error(`export failed after headers: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.destroyed) res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async *entries(filter: LedgerFilterV1, first: { entries: LedgerEntryV1[]; endCursor: string | null; hasNextPage: boolean }): AsyncGenerator<LedgerEntryV1> {
    let page = first;
    for (;;) {
      yield* page.entries;
      if (!page.hasNextPage) return;
      page = await this.page(filter, page.endCursor);
    }
  }

  private async page(filter: LedgerFilterV1, after: string | null): Promise<{ entries: LedgerEntryV1[]; endCursor: string | null; hasNextPage: boolean }> {
    const reply = await this.bus.request(CostLedgerV1, { command: 'page', filter, after, first: EXPORT_PAGE_SIZE }, { timeoutMs: this.options.requestTimeoutMs });
    if (reply.kind !== 'page') throw new Error(`cost.ledger answered ${reply.kind} to a page request`);
    return reply;
  }
}
