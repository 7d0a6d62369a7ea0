import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor, ActorRole } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { actorOf, metadataOf, type Caller } from '../../../common/http/caller';
import { nowOf } from '../../../common/http/clock-instant';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import type { StorageCardCommand } from '../../domain/storage-card.commands';
import { storageCardDecider } from '../../domain/storage-card.decider';
import { storageCardPublicEvents } from '../../integration/storage-card-events.mapper';

export type CardDecision =
  | { readonly type: 'ApproveStorageCard' }
  | { readonly type: 'RejectStorageCard'; readonly reason: string }
  | { readonly type: 'SuspendStorageCard'; readonly reason: string }
  | { readonly type: 'ReinstateStorageCard' }
  | { readonly type: 'CloseStorageCard'; readonly reason: string };

/** Who may take each decision; the decider checks the finer rules (a depositor closes only its own card). */
const DECIDERS: Readonly<Record<CardDecision['type'], readonly ActorRole[]>> = {
  ApproveStorageCard: ['clerk', 'manager'],
  RejectStorageCard: ['clerk', 'manager'],
  SuspendStorageCard: ['clerk', 'manager'],
  ReinstateStorageCard: ['clerk', 'manager'],
  CloseStorageCard: ['manager', 'depositor'],
};

/** Staff review of storage cards (approve, reject, suspend, reinstate) and closing. */
@Injectable()
export class ReviewStorageCardCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cardNumber: string, decision: CardDecision, caller: Caller, expectedVersion?: number): Promise<{ status: string; version: number }> {
    const actor = actorOf(caller.principal, DECIDERS[decision.type]);
    const command = await this.commandOf(cardNumber, decision, actor);
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.storageCard(cardNumber),
        decider: storageCardDecider,
        command,
        metadata: metadataOf(caller, actor),
        expectedVersion,
        outboxFor: this.outbox.of(storageCardDecider, storageCardPublicEvents),
      }),
    );
    return { status: handled.state!.status, version: handled.version };
  }

  private async commandOf(cardNumber: string, decision: CardDecision, actor: Actor): Promise<StorageCardCommand> {
    const at = nowOf(this.clock);
    switch (decision.type) {
      case 'CloseStorageCard':
        return { type: decision.type, data: { reason: decision.reason, liveReceipts: await this.liveReceiptsOn(cardNumber), actor, at } };
      case 'RejectStorageCard':
      case 'SuspendStorageCard':
        return { type: decision.type, data: { reason: decision.reason, actor, at } };
      default:
        return { type: decision.type, data: { actor, at } };
    }
  }

  /**
   * Receipts the card holds, from the receipts read model. It follows the log within
   * milliseconds; a receipt moving to the card in that instant would be refused its transfer
   * anyway once the card is closed (only approved cards receive title).
   */
  private async liveReceiptsOn(cardNumber: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM receipts WHERE holder_card = $1 AND status IN ('outstanding', 'expired')`,
      [cardNumber],
    );
    return rows[0]!.n;
  }
}
