import { Injectable } from '@nestjs/common';
import { ListSitesV1, type ListSitesReplyV1, type ListSitesRequestV1 } from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { SitesService } from './sites.service.js';

@Injectable()
export class SitesHandler {
  constructor(private readonly sites: SitesService) {}

  @OnMessage(ListSitesV1)
  list(request: ListSitesRequestV1): Promise<ListSitesReplyV1> {
    return this.sites.list(request);
  }
}
