import type { EventStoreTransaction } from '@dw/event-store';
import { DomainError, type LocalDate } from '@dw/kernel';
import type { LotFacts } from '../../lot-backing/domain/lot-facts';
import { lotBackingDecider } from '../../lot-backing/domain/lot-backing.decider';
import { receiptRuleDecider, ruleInForceOn } from '../../receipt-rule/domain/receipt-rule.decider';
import type { AppliedRule } from '../../receipt-rule/domain/receipt-rule.terms';
import type { StorageCard } from '../../storage-card/domain/storage-card';
import { storageCardDecider } from '../../storage-card/domain/storage-card.decider';
import { streams } from './streams';
import { loadAggregate } from '@dw/event-store';

/*
 * Cross-stream facts a decision needs, read inside its transaction: the handler passes them in
 * the command, and the decider judges them (deciders never read).
 */

/** A storage card as it is now; null when there is none (the decider refuses with CARD_NOT_FOUND). */
export async function cardIn(tx: EventStoreTransaction, cardNumber: string): Promise<StorageCard | null> {
  return (await loadAggregate(tx, streams.storageCard(cardNumber).streamId, storageCardDecider)).state;
}

/** A commodity's rule version in force on `date` (NO_RECEIPT_RULE_IN_FORCE when none). */
export async function ruleIn(tx: EventStoreTransaction, commodity: string, date: LocalDate): Promise<AppliedRule> {
  return ruleInForceOn((await loadAggregate(tx, streams.receiptRule(commodity).streamId, receiptRuleDecider)).state, date);
}

/** A registered lot's facts and stream version; LOT_NOT_AVAILABLE when inventory never made it available. */
export async function lotIn(tx: EventStoreTransaction, lotId: string, field: string): Promise<{ lot: LotFacts; version: number }> {
  const { state, version } = await loadAggregate(tx, streams.lot(lotId).streamId, lotBackingDecider);
  // Same code as the lot decider's own refusal, with the field of the request that named the lot.
  if (state.status === 'unregistered') throw new DomainError('LOT_NOT_AVAILABLE', `lot ${lotId} is not available for receipts`, 'not_found', { lotId }, field);
  return { lot: state.lot, version };
}
