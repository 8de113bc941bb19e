import { Injectable } from '@nestjs/common';
import { ListAcceleratorsV1, type ListAcceleratorsReplyV1, type ListAcceleratorsRequestV1 } from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { AcceleratorsService } from './accelerators.service.js';

@Injectable()
export class AcceleratorsHandler {
  constructor(private readonly accelerators: AcceleratorsService) {}

  @OnMessage(ListAcceleratorsV1)
  list(request: ListAcceleratorsRequestV1): Promise<ListAcceleratorsReplyV1> {
    return this.accelerators.list(request);
  }
}
