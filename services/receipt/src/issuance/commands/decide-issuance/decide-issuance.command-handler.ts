import { Inject, Injectable } from '@nestjs/common';
import { type EventMetadata, EventStore, type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { businessDateOf } from '../../../common/domain/instant';
import { cardIn, ruleIn } from '../../../common/events/load-streams';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { lotBackingDecider } from '../../../lot-backing/domain/lot-backing.decider';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import { receiptPublicEvents } from '../../../receipt/integration/receipt-events.mapper';
import type { StorageCard } from '../../../storage-card/domain/storage-card';
import type { IssuanceCommand } from '../../domain/issuance.commands';
import { issuanceDecider } from '../../domain/issuance.decider';
import type { IssuanceApproved, IssuanceRejected, IssuanceWithdrawn } from '../../domain/issuance.events';
import { issuancePublicEvents } from '../../integration/issuance-events.mapper';

export type IssuanceDecision =
  | { readonly type: 'ApproveIssuance'; readonly approvalReference: string }
  | { readonly type: 'RejectIssuance'; readonly reason: string }
  | { readonly type: 'WithdrawIssuance'; readonly reason: string };

/**
 * The end of an issuance application, each in one transaction over every stream it touches:
 * - approved by the exchange: the receipts are issued (computed with the rules in force on the
 *   issue date, to the holder's card as it is now) and each lot backs its receipt;
 * - rejected by the exchange, or withdrawn by the warehouse: every held lot is free again.
 */
@Injectable()
export class DecideIssuanceCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, decision: IssuanceDecision, caller: Caller): Promise<{ status: string; receiptNumbers: string[]; version: number }> {
    const { actor, metadata, at } = commandContextOf(caller, decision.type === 'WithdrawIssuance' ? ['clerk', 'manager'] : ['exchange'], this.clock);
    return this.store.transaction(async (tx) => {
      const issuance = streams.issuance(applicationId);
      const loaded = await loadAggregate(tx, issuance.streamId, issuanceDecider);
      const application = loaded.state.application;
      if (!application) throw refuse.notFound('ISSUANCE_NOT_FOUND', `no issuance application ${applicationId}`, { applicationId });
      const command: IssuanceCommand =
        decision.type === 'ApproveIssuance'
          ? {
              type: 'ApproveIssuance',
              data: {
                approvalReference: decision.approvalReference,
                // A card closed since the application is refused by the decider.
                holderCard: (await cardIn(tx, application.holder.storageCard)) as StorageCard,
                rule: await ruleIn(tx, application.commodity, businessDateOf(at)),
                actor,
                at,
              },
            }
          : { type: decision.type, data: { reason: decision.reason, actor, at } };
      const decided = await handleCommandIn(tx, {
        ...issuance,
        decider: issuanceDecider,
        command,
        metadata,
        expectedVersion: loaded.version,
        outboxFor: this.outbox.of(issuanceDecider, issuancePublicEvents),
      });
      const event = decided.appended!.events[0]!;
      if (event.type === 'IssuanceApproved') {
        const receiptNumbers = await this.issue(tx, event.data as IssuanceApproved['data'], actor, metadata);
        return { status: 'approved', receiptNumbers, version: decided.version };
      }
      await this.releaseLots(tx, event.data as (IssuanceRejected | IssuanceWithdrawn)['data'], actor, metadata);
      return { status: decided.state.status, receiptNumbers: [], version: decided.version };
    });
  }

  private async issue(tx: EventStoreTransaction, approved: IssuanceApproved['data'], actor: Actor, metadata: EventMetadata): Promise<string[]> {
    const { applicationId, at } = approved;
    for (const record of approved.receipts) {
      await handleCommandIn(tx, {
        ...streams.receipt(record.receiptNumber),
        decider: receiptDecider,
        command: { type: 'IssueReceipt', data: { record, actor, at } },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
      for (const lot of record.lots) {
        await handleCommandIn(tx, {
          ...streams.lot(lot.lotId),
          decider: lotBackingDecider,
          command: { type: 'AssignLotBacking', data: { applicationId, receiptNumber: record.receiptNumber, actor, at } },
          metadata,
        });
      }
    }
    return approved.receipts.map((record) => record.receiptNumber);
  }

  private async releaseLots(
    tx: EventStoreTransaction,
    ended: (IssuanceRejected | IssuanceWithdrawn)['data'],
    actor: Actor,
    metadata: EventMetadata,
  ): Promise<void> {
    for (const lotId of ended.lotIds) {
      await handleCommandIn(tx, {
        ...streams.lot(lotId),
        decider: lotBackingDecider,
        command: { type: 'ReleaseLotReservation', data: { applicationId: ended.applicationId, actor, at: ended.at } },
        metadata,
      });
    }
  }
}
