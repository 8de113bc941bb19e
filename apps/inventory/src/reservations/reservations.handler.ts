import { Injectable } from '@nestjs/common';
import { type ReservationCommandV1, ReservationCommandsV1, type ReservationReplyV1 } from '@cp/contracts';
import { OnMessage } from '@cp/messaging';
import { authorizeCommand } from '@cp/service-kit';
import { ReservationsService } from './reservations.service.js';

@Injectable()
export class ReservationsHandler {
  constructor(private readonly reservations: ReservationsService) {}

  @OnMessage(ReservationCommandsV1)
  execute(command: ReservationCommandV1): Promise<ReservationReplyV1> {
    authorizeCommand(ReservationCommandsV1, command);
    return this.reservations.execute(command);
  }
}
