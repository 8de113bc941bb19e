import { Injectable } from '@nestjs/common';
import { type InventoryAdminCommandV1, InventoryAdminV1, type InventoryAdminReplyV1 } from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { authorizeCommand } from '@cp/service-kit';
import { InventoryAdminService } from './inventory-admin.service.js';

@Injectable()
export class InventoryAdminHandler {
  constructor(private readonly admin: InventoryAdminService) {}

  @OnMessage(InventoryAdminV1)
  execute(command: InventoryAdminCommandV1): Promise<InventoryAdminReplyV1> {
    authorizeCommand(InventoryAdminV1, command);
    return this.admin.execute(command);
  }
}
