import { create } from '@bufbuild/protobuf';
import {
  PlannedReceiptSchema,
  ReceiptIssuanceAppliedSchema,
  ReceiptIssuanceApprovedSchema,
  ReceiptIssuanceRejectedSchema,
  ReceiptIssuanceWithdrawnSchema,
  receiptIssuanceTopic,
  toActor,
  toWeight,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { totalKg } from '../../common/domain/weight-kg';
import { pb } from '../../common/integration/proto-values';
import { publicEvent, type PublicEvent } from '../../common/integration/receipt-outbox';
import type { IssuanceState } from '../domain/issuance.decider';
import type { IssuanceEvent } from '../domain/issuance.events';

/** Issuance applications in public: which lots are held for which application, and how it ended. */
export function issuancePublicEvents(pending: PendingEvent, _before: IssuanceState): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as IssuanceEvent;
  const topic = receiptIssuanceTopic;
  switch (event.type) {
    case 'IssuanceApplied': {
      const data = event.data;
      return [
        publicEvent(
          topic,
          ReceiptIssuanceAppliedSchema,
          create(ReceiptIssuanceAppliedSchema, {
            applicationId: data.applicationId,
            warehouse: data.warehouseId,
            commodity: data.commodity,
            brand: data.brand,
            grade: data.grade,
            holder: pb.holder(data.holder),
            receipts: data.receipts.map((receipt) =>
              create(PlannedReceiptSchema, {
                receiptNumber: receipt.receiptNumber,
                weight: toWeight(receipt.weightKg),
                lotIds: receipt.lots.map((lot) => lot.lotId),
              }),
            ),
            total: toWeight(totalKg(data.receipts.map((receipt) => receipt.weightKg))),
            storageFeesPaidThrough: pb.date(data.storageFeesPaidThrough),
            ruleVersion: data.rule.version,
            appliedBy: toActor(data.actor),
            appliedAt: toTimestamp(data.at),
          }),
        ),
      ];
    }
    case 'IssuanceApproved': {
      const data = event.data;
      return [
        publicEvent(
          topic,
          ReceiptIssuanceApprovedSchema,
          create(ReceiptIssuanceApprovedSchema, {
            applicationId: data.applicationId,
            approvalReference: data.approvalReference,
            issueDate: pb.date(data.issueDate),
            receiptNumbers: data.receipts.map((record) => record.receiptNumber),
            total: toWeight(totalKg(data.receipts.map((record) => record.weightKg))),
            approvedBy: toActor(data.actor),
            approvedAt: toTimestamp(data.at),
          }),
        ),
      ];
    }
    case 'IssuanceRejected':
      return [
        publicEvent(
          topic,
          ReceiptIssuanceRejectedSchema,
          create(ReceiptIssuanceRejectedSchema, {
            applicationId: event.data.applicationId,
            reason: event.data.reason,
            lotIds: [...event.data.lotIds],
            rejectedBy: toActor(event.data.actor),
            rejectedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'IssuanceWithdrawn':
      return [
        publicEvent(
          topic,
          ReceiptIssuanceWithdrawnSchema,
          create(ReceiptIssuanceWithdrawnSchema, {
            applicationId: event.data.applicationId,
            reason: event.data.reason,
            lotIds: [...event.data.lotIds],
            withdrawnBy: toActor(event.data.actor),
            withdrawnAt: toTimestamp(event.data.at),
          }),
        ),
      ];
  }
}
