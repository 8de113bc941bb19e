import { Injectable } from '@nestjs/common';
import type { EstimateCostReplyV1, EstimateCostRequestV1 } from '@cp/contracts';
import { CostModelError, estimatePlacementCost } from '@cp/cost-model';
import { CostDatasetsService } from '../reference-data/cost-datasets.service.js';

/**
 * Prices one workload on every candidate of a batch with the versions in force on the pricing
 * date (or those pinned). A candidate that cannot be priced (no price, no FX rate, no TDP)
 * gets its own error naming what is missing; the others are still priced.
 */
@Injectable()
export class EstimatesService {
  constructor(private readonly datasets: CostDatasetsService) {}

  async estimate(request: EstimateCostRequestV1): Promise<EstimateCostReplyV1> {
    const [priceBook, scenarios, fx] = await Promise.all([
      this.datasets.resolve('price-book', request.pricingDate, request.versions.priceBook, 'versions.priceBook'),
      this.datasets.resolve('cost-scenarios', request.pricingDate, request.versions.costScenarios, 'versions.costScenarios'),
      this.datasets.resolve('fx-rates', request.pricingDate, request.versions.fxRates, 'versions.fxRates'),
    ]);
    const results = request.candidates.map((candidate) => {
      try {
        const estimate = estimatePlacementCost({
          pricingDate: request.pricingDate,
          reportCurrency: request.reportCurrency,
          workload: request.workload,
          candidate,
          priceBook: priceBook.document,
          scenarios: scenarios.document,
          fx: fx.document,
        });
        return { candidateId: candidate.candidateId, estimate, error: null };
      } catch (error) {
        if (!(error instanceof CostModelError)) throw error;
        return { candidateId: candidate.candidateId, estimate: null, error: { code: error.code, message: error.message, missing: error.missing } };
      }
    });
    return { versions: { priceBook: priceBook.version, costScenarios: scenarios.version, fxRates: fx.version }, results };
  }
}
