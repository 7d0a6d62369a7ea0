import { create } from '@bufbuild/protobuf';
import {
  BankNotificationConflictRaisedSchema,
  BankPaymentReceivedSchema,
  billingAlarmTopic,
  billingBankTopic,
  LocalDateSchema,
  ReconciliationBreakKind,
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  toActor,
  toTimestamp,
  UnmatchedBankPaymentAssignedSchema,
  UnmatchedBankPaymentRaisedSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/billing-outbox';
import type { BankStatementEvent } from '../domain/bank-statement.decider';
import type { BankTransactionEvent } from '../domain/bank-transaction.decider';
import type { BreakKind } from '../domain/reconciliation';

const date = (value: string) => create(LocalDateSchema, { value });
const alarmKey = (bankId: string) => `bank-${bankId}`;
const BREAK_KINDS: Record<BreakKind, ReconciliationBreakKind> = {
  line_without_entry: ReconciliationBreakKind.LINE_WITHOUT_ENTRY,
  entry_without_line: ReconciliationBreakKind.ENTRY_WITHOUT_LINE,
  amount_differs: ReconciliationBreakKind.AMOUNT_DIFFERS,
};

/** A bank transaction in public: the payment booked to its party (billing.bank.v1), and the alarms for people (billing.alarm.v1). */
export function bankTransactionPublicEvents(pending: PendingEvent): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as BankTransactionEvent;
  switch (event.type) {
    case 'BankPaymentMatched': {
      const data = event.data;
      const received = publicEvent(
        billingBankTopic,
        BankPaymentReceivedSchema,
        create(BankPaymentReceivedSchema, {
          paymentId: data.paymentId,
          partyId: data.partyId,
          bankId: data.bankId,
          bankTransactionId: data.bankTransactionId,
          virtualAccount: data.virtualAccount,
          amountFen: BigInt(data.amountFen),
          valueDate: date(data.valueDate),
          receivedAt: toTimestamp(data.receivedAt),
          kind: data.kind,
          assignedBy: data.assignedBy?.subject ?? '',
        }),
        data.partyId,
      );
      if (data.assignedBy === undefined) return [received];
      const assigned = publicEvent(
        billingAlarmTopic,
        UnmatchedBankPaymentAssignedSchema,
        create(UnmatchedBankPaymentAssignedSchema, {
          paymentId: data.paymentId,
          bankId: data.bankId,
          partyId: data.partyId,
          note: data.note ?? '',
          assignedBy: toActor(data.assignedBy),
          assignedAt: toTimestamp(data.at),
        }),
        alarmKey(data.bankId),
      );
      return [received, assigned];
    }
    case 'BankPaymentHeldUnmatched': {
      const data = event.data;
      return [
        publicEvent(
          billingAlarmTopic,
          UnmatchedBankPaymentRaisedSchema,
          create(UnmatchedBankPaymentRaisedSchema, {
            paymentId: data.paymentId,
            bankId: data.bankId,
            bankTransactionId: data.bankTransactionId,
            virtualAccount: data.virtualAccount,
            amountFen: BigInt(data.amountFen),
            valueDate: date(data.valueDate),
            payerName: data.payerName,
            reason: data.reason,
            raisedAt: toTimestamp(data.at),
          }),
          alarmKey(data.bankId),
        ),
      ];
    }
    case 'BankNotificationConflicted': {
      const data = event.data;
      return [
        publicEvent(
          billingAlarmTopic,
          BankNotificationConflictRaisedSchema,
          create(BankNotificationConflictRaisedSchema, {
            bankId: data.bankId,
            bankTransactionId: data.bankTransactionId,
            differingFields: [...data.differs],
            recordedAmountFen: BigInt(data.recorded.amountFen),
            notifiedAmountFen: BigInt(data.notified.amountFen),
            raisedAt: toTimestamp(data.at),
          }),
          alarmKey(data.bankId),
        ),
      ];
    }
  }
}

/** A statement's reconciliation in public: each break raised and resolved (billing.alarm.v1); the statement itself stays internal. */
export function bankStatementPublicEvents(pending: PendingEvent): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as BankStatementEvent;
  switch (event.type) {
    case 'BankStatementReceived':
      return [];
    case 'ReconciliationBreakRaised': {
      const data = event.data;
      return [
        publicEvent(
          billingAlarmTopic,
          ReconciliationBreakRaisedSchema,
          create(ReconciliationBreakRaisedSchema, {
            breakId: data.breakId,
            bankId: data.bankId,
            statementDate: date(data.statementDate),
            kind: BREAK_KINDS[data.kind],
            bankTransactionId: data.bankTransactionId,
            ...(data.statementAmountFen !== null ? { statementAmountFen: BigInt(data.statementAmountFen) } : {}),
            ...(data.bookAmountFen !== null ? { bookAmountFen: BigInt(data.bookAmountFen) } : {}),
            raisedAt: toTimestamp(data.at),
          }),
          alarmKey(data.bankId),
        ),
      ];
    }
    case 'ReconciliationBreakResolved': {
      const data = event.data;
      return [
        publicEvent(
          billingAlarmTopic,
          ReconciliationBreakResolvedSchema,
          create(ReconciliationBreakResolvedSchema, {
            breakId: data.breakId,
            bankId: data.bankId,
            statementDate: date(data.statementDate),
            resolution: data.resolution,
            resolvedBy: toActor(data.actor),
            resolvedAt: toTimestamp(data.at),
          }),
          alarmKey(data.bankId),
        ),
      ];
    }
  }
}
