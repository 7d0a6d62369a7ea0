import { create } from '@bufbuild/protobuf';
import { TitleField, TitleMismatchSchema, TransferMismatchAlarmRaisedSchema, receiptAlarmTopic, toActor, toTimestamp } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/receipt-outbox';
import type { TitleMismatch, TransferMismatchAlarmRaised } from '../domain/title-transfer.policy';

const FIELDS: Readonly<Record<TitleMismatch['field'], TitleField>> = {
  holderName: TitleField.HOLDER_NAME,
  storageCard: TitleField.STORAGE_CARD,
  commodity: TitleField.COMMODITY,
};

/** The alarm, with what was entered and what is recorded, for the operations team. */
export function transferAlarmPublicEvents(pending: PendingEvent): readonly PublicEvent[] {
  const { data } = pending as unknown as TransferMismatchAlarmRaised;
  return [
    publicEvent(
      receiptAlarmTopic,
      TransferMismatchAlarmRaisedSchema,
      create(TransferMismatchAlarmRaisedSchema, {
        receiptNumber: data.receiptNumber,
        transferId: data.transferId,
        mismatches: data.mismatches.map((mismatch) =>
          create(TitleMismatchSchema, { field: FIELDS[mismatch.field], entered: mismatch.entered, recorded: mismatch.recorded }),
        ),
        raisedBy: toActor(data.actor),
        raisedAt: toTimestamp(data.at),
      }),
    ),
  ];
}
