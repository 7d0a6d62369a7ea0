import { create } from '@bufbuild/protobuf';
import {
  StorageCardAppliedSchema,
  StorageCardApprovedSchema,
  StorageCardClosedSchema,
  StorageCardReinstatedSchema,
  StorageCardRejectedSchema,
  StorageCardSchema,
  StorageCardStatus,
  StorageCardSuspendedSchema,
  receiptStorageCardTopic,
  toActor,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/receipt-outbox';
import type { StorageCardStatus as DomainStatus } from '../domain/storage-card';
import { storageCardDecider, type StorageCardState } from '../domain/storage-card.decider';
import type { StorageCardEvent } from '../domain/storage-card.events';

const STATUSES: Readonly<Record<DomainStatus, StorageCardStatus>> = {
  applied: StorageCardStatus.APPLIED,
  approved: StorageCardStatus.APPROVED,
  rejected: StorageCardStatus.REJECTED,
  suspended: StorageCardStatus.SUSPENDED,
  closed: StorageCardStatus.CLOSED,
};

/** Every storage card fact is public; each message carries the card as it is after the fact. */
export function storageCardPublicEvents(pending: PendingEvent, before: StorageCardState): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as StorageCardEvent;
  const after = storageCardDecider.evolve(before, event);
  if (!after) return [];
  const card = create(StorageCardSchema, {
    cardNumber: after.cardNumber,
    ownerPartyId: after.ownerPartyId,
    holderName: after.holderName,
    status: STATUSES[after.status],
  });
  const by = toActor(event.data.actor);
  const at = toTimestamp(event.data.at);
  const topic = receiptStorageCardTopic;
  switch (event.type) {
    case 'StorageCardApplied':
      return [publicEvent(topic, StorageCardAppliedSchema, create(StorageCardAppliedSchema, { card, appliedBy: by, appliedAt: at }))];
    case 'StorageCardApproved':
      return [publicEvent(topic, StorageCardApprovedSchema, create(StorageCardApprovedSchema, { card, approvedBy: by, approvedAt: at }))];
    case 'StorageCardRejected':
      return [
        publicEvent(topic, StorageCardRejectedSchema, create(StorageCardRejectedSchema, { card, reason: event.data.reason, rejectedBy: by, rejectedAt: at })),
      ];
    case 'StorageCardSuspended':
      return [
        publicEvent(
          topic,
          StorageCardSuspendedSchema,
          create(StorageCardSuspendedSchema, { card, reason: event.data.reason, suspendedBy: by, suspendedAt: at }),
        ),
      ];
    case 'StorageCardReinstated':
      return [publicEvent(topic, StorageCardReinstatedSchema, create(StorageCardReinstatedSchema, { card, reinstatedBy: by, reinstatedAt: at }))];
    case 'StorageCardClosed':
      return [publicEvent(topic, StorageCardClosedSchema, create(StorageCardClosedSchema, { card, reason: event.data.reason, closedBy: by, closedAt: at }))];
  }
}
