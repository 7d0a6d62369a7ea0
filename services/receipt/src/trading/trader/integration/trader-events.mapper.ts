import { create } from '@bufbuild/protobuf';
import {
  TraderApprovedSchema,
  TraderBankAccountChangedSchema,
  TraderBankAccountSchema,
  TraderClosedSchema,
  TraderPermissionsChangedSchema,
  TraderQualificationAppliedSchema,
  TraderReinstatedSchema,
  TraderRejectedSchema,
  TraderSuspendedSchema,
  receiptTraderTopic,
  toActor,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../../common/integration/receipt-outbox';
import type { TraderBankAccount } from '../domain/trader';
import { traderDecider, type TraderState } from '../domain/trader.decider';
import type { TraderEvent } from '../domain/trader.events';

const bankAccountOf = (account: TraderBankAccount) => create(TraderBankAccountSchema, { ...account });

/**
 * receipt.trader.v1, keyed by the party id (so billing sees one trader's facts in order). An
 * approval carries the trader as it stands (account number, name, commodities, bank account), so
 * billing opens the trading account from that one message. A trader's own request to close
 * (第十四条) stays internal: only the exchange's closing is a fact for others.
 */
export function traderPublicEvents(pending: PendingEvent, before: TraderState): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as TraderEvent;
  const after = traderDecider.evolve(before, event);
  if (!after) return [];
  const { partyId } = event.data;
  const by = toActor(event.data.actor);
  const at = toTimestamp(event.data.at);
  const topic = receiptTraderTopic;
  switch (event.type) {
    case 'TraderQualificationApplied':
      return [
        publicEvent(
          topic,
          TraderQualificationAppliedSchema,
          create(TraderQualificationAppliedSchema, {
            partyId,
            accountNumber: after.accountNumber,
            name: after.name,
            commodities: [...after.commodities],
            bankAccount: bankAccountOf(after.bankAccount),
            appliedBy: by,
            appliedAt: at,
          }),
          partyId,
        ),
      ];
    case 'TraderApproved':
      return [
        publicEvent(
          topic,
          TraderApprovedSchema,
          create(TraderApprovedSchema, {
            partyId,
            accountNumber: after.accountNumber,
            name: after.name,
            commodities: [...after.commodities],
            bankAccount: bankAccountOf(after.bankAccount),
            approvedBy: by,
            approvedAt: at,
          }),
          partyId,
        ),
      ];
    case 'TraderRejected':
      return [
        publicEvent(topic, TraderRejectedSchema, create(TraderRejectedSchema, { partyId, reason: event.data.reason, rejectedBy: by, rejectedAt: at }), partyId),
      ];
    case 'TraderPermissionsChanged':
      return [
        publicEvent(
          topic,
          TraderPermissionsChangedSchema,
          create(TraderPermissionsChangedSchema, { partyId, commodities: [...after.commodities], changedBy: by, changedAt: at }),
          partyId,
        ),
      ];
    case 'TraderBankAccountChanged':
      return [
        publicEvent(
          topic,
          TraderBankAccountChangedSchema,
          create(TraderBankAccountChangedSchema, { partyId, bankAccount: bankAccountOf(after.bankAccount), changedBy: by, changedAt: at }),
          partyId,
        ),
      ];
    case 'TraderSuspended':
      return [
        publicEvent(
          topic,
          TraderSuspendedSchema,
          create(TraderSuspendedSchema, { partyId, reason: event.data.reason, suspendedBy: by, suspendedAt: at }),
          partyId,
        ),
      ];
    case 'TraderReinstated':
      return [publicEvent(topic, TraderReinstatedSchema, create(TraderReinstatedSchema, { partyId, reinstatedBy: by, reinstatedAt: at }), partyId)];
    case 'TraderClosureRequested':
      return [];
    case 'TraderClosed':
      return [publicEvent(topic, TraderClosedSchema, create(TraderClosedSchema, { partyId, reason: event.data.reason, closedBy: by, closedAt: at }), partyId)];
  }
}
