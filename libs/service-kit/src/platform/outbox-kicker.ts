import { Inject, Injectable } from '@nestjs/common';
import { OutboxRelayService } from '@dhi/persistence';

/** After a transaction that enqueued outbox events, call kick() to publish promptly instead of at the next poll. */
@Injectable()
export class OutboxKicker {
  constructor(@Inject(OutboxRelayService) private readonly relay: OutboxRelayService) {}

  kick(): void {
    this.relay.kick();
  }
}
