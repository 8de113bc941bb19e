import { Injectable } from '@nestjs/common';
import { CandidatesV1, type CandidatesReplyV1, type CandidatesRequestV1, ListPoolsV1, type ListPoolsReplyV1, type ListPoolsRequestV1 } from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { PoolsService } from './pools.service.js';

@Injectable()
export class PoolsHandler {
  constructor(private readonly pools: PoolsService) {}

  @OnMessage(ListPoolsV1)
  list(request: ListPoolsRequestV1): Promise<ListPoolsReplyV1> {
    return this.pools.list(request);
  }

  @OnMessage(CandidatesV1)
  candidates(request: CandidatesRequestV1): Promise<CandidatesReplyV1> {
    return this.pools.candidates(request);
  }
}
