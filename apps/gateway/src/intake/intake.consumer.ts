import { Inject, Injectable } from '@nestjs/common';
import { WorkloadRequestedV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus, OnEvent } from '@cp/messaging';
import { createLoaders } from '../common/loaders.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { IntakeService } from './intake.service.js';

/**
 * workload.requests: invalid messages never get here (they go to workload.requests.dlq with
 * the reason); valid ones are evaluated before the offset moves on.
 */
@Injectable()
export class IntakeConsumer {
  constructor(
    private readonly intake: IntakeService,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @OnEvent(WorkloadRequestedV1)
  async onWorkloadRequested(event: WorkloadRequestedV1): Promise<void> {
    await this.intake.submit(event.idempotencyKey, event.submittedBy, event.request, 'KAFKA', createLoaders(this.bus, this.options.requestTimeoutMs));
  }
}
