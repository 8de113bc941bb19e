import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry } from '@cp/observability';

/** Prometheus scrape endpoint: the process's registry (every service in it, by `service` label). */
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
