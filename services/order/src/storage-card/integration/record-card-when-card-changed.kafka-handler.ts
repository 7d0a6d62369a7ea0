import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import {
  ContractFieldMissingError,
  fromTimestamp,
  type StorageCard as PublishedCard,
  type StorageCardApplied,
  StorageCardAppliedSchema,
  type StorageCardApproved,
  StorageCardApprovedSchema,
  type StorageCardClosed,
  StorageCardClosedSchema,
  type StorageCardReinstated,
  StorageCardReinstatedSchema,
  type StorageCardRejected,
  StorageCardRejectedSchema,
  StorageCardStatus as PublishedStatus,
  type StorageCardSuspended,
  StorageCardSuspendedSchema,
} from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import type { StorageCardStatus } from '../domain/storage-card.events';
import { recordStorageCardIn } from '../storage-cards';

const STATUS_OF: Readonly<Partial<Record<PublishedStatus, StorageCardStatus>>> = {
  [PublishedStatus.APPLIED]: 'applied',
  [PublishedStatus.APPROVED]: 'approved',
  [PublishedStatus.REJECTED]: 'rejected',
  [PublishedStatus.SUSPENDED]: 'suspended',
  [PublishedStatus.CLOSED]: 'closed',
};

/**
 * The receipt service applied, approved, rejected, suspended, reinstated or closed a storage
 * card: the order desk's copy follows, so an order may name only an approved card, for the
 * card's own party. Every event carries the card as it now is; Kafka keeps one card's events in
 * order (key = card number).
 */
@Controller()
export class RecordCardWhenCardChangedKafkaHandler {
  @EventPattern(StorageCardAppliedSchema.typeName)
  onApplied(@Payload() event: StorageCardApplied, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.appliedAt, ctx);
  }

  @EventPattern(StorageCardApprovedSchema.typeName)
  onApproved(@Payload() event: StorageCardApproved, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.approvedAt, ctx);
  }

  @EventPattern(StorageCardRejectedSchema.typeName)
  onRejected(@Payload() event: StorageCardRejected, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.rejectedAt, ctx);
  }

  @EventPattern(StorageCardSuspendedSchema.typeName)
  onSuspended(@Payload() event: StorageCardSuspended, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.suspendedAt, ctx);
  }

  @EventPattern(StorageCardReinstatedSchema.typeName)
  onReinstated(@Payload() event: StorageCardReinstated, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.reinstatedAt, ctx);
  }

  @EventPattern(StorageCardClosedSchema.typeName)
  onClosed(@Payload() event: StorageCardClosed, @Ctx() ctx: InboxContext) {
    return this.record(event.card, event.closedAt, ctx);
  }

  private async record(card: PublishedCard | undefined, at: Timestamp | undefined, ctx: InboxContext): Promise<void> {
    if (!card) throw new ContractFieldMissingError('card');
    const status = STATUS_OF[card.status];
    if (!status) throw new ContractFieldMissingError('card.status');
    await recordStorageCardIn(
      ctx.store,
      {
        type: 'RecordStorageCardStatus',
        data: { storageCard: card.cardNumber, party: card.ownerPartyId, holderName: card.holderName, status, at: fromTimestamp(at, 'at') },
      },
      ctx.causedMetadata(),
    );
  }
}
