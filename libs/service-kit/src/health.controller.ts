import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A named dependency check; it throws (or rejects) when the dependency is not usable. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void> | void;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; detail?: string }>;
}

/**
 * Liveness answers while the process runs; readiness only when every dependency
 * (Kafka, the database) is usable, so an orchestrator routes traffic to ready instances only.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[]) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<HealthReport> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await c.check();
          return [c.name, { status: 'up' as const }] as const;
        } catch (error) {
          return [c.name, { status: 'down' as const, detail: (error as Error).message }] as const;
        }
      }),
    );
    const report: HealthReport = {
      status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'unavailable',
      checks: Object.fromEntries(results),
    };
    if (report.status !== 'ok') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
