import { Injectable } from '@nestjs/common';
import { RulePackPublishedV1 } from '@cp/contracts';
import { OnEvent } from '@cp/messaging';
import { PlansService } from './plans.service.js';

/** Keeps accepted plans true to the rules: every published pack re-checks them. */
@Injectable()
export class PlacementAlertsConsumer {
  constructor(private readonly plans: PlansService) {}

  /** Idempotent (one alert per placement and pack); a failure is retried by the bus. */
  @OnEvent(RulePackPublishedV1)
  async onRulePackPublished(event: RulePackPublishedV1): Promise<void> {
    await this.plans.recheck(event);
  }
}
