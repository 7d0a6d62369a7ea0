import { Command, Decider, DomainError, DomainEvent, LocalDate, addCalendarDays, foldEvents, localDate, refuse } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { issuanceDecider } from '../../issuance/domain/issuance.decider';
import { IssuanceApproved } from '../../issuance/domain/issuance.events';
import { lotBackingDecider, LotBackingState } from '../../lot-backing/domain/lot-backing.decider';
import { LotBackingCommand } from '../../lot-backing/domain/lot-backing.commands';
import { LotBackingEvent } from '../../lot-backing/domain/lot-backing.events';
import { receiptRuleDecider, ruleInForceOn } from '../../receipt-rule/domain/receipt-rule.decider';
import { ReceiptRuleTerms } from '../../receipt-rule/domain/receipt-rule.terms';
import { storageCardDecider, StorageCardState } from '../../storage-card/domain/storage-card.decider';
import { StorageCard } from '../../storage-card/domain/storage-card';
import { RequestTitleTransfer } from '../../transfer/domain/transfer.commands';
import { receiptTransferCommands, transferBatchDecider } from '../../transfer/domain/transfer.decider';
import { receiptDecider } from './receipt.decider';
import { CancellationPurpose, ReceiptEvent, ReceiptSplit } from './receipt.events';
import { Beneficiary, HoldKind } from './receipt.hold';
import { ReceiptState, isLive } from './receipt.state';
import { TransferMismatchAlarmRaised, TransferRefusal } from '../../transfer/domain/title-transfer.policy';

/**
 * The receipt service's flows composed from its deciders in memory, the way its command
 * handlers compose them over the event store: each flow reads streams, decides, and commits
 * every stream's new events together or none (a refusal anywhere discards the transaction).
 * Used by the model-based property test; no I/O.
 */

export const DAY_ZERO = '2026-03-01';
export const dateOfDay = (day: number): LocalDate => addCalendarDays(DAY_ZERO, day);
// 10:00 in Shanghai on that day.
const instantOfDay = (day: number): string => `${dateOfDay(day)}T02:00:00Z`;

/** One unit = 1 000 kg with no tolerance: any set of whole-tonne lots makes a valid receipt. */
export const MODEL_RULE: ReceiptRuleTerms = {
  receiptKind: 'warehouse',
  unitKg: 1_000,
  unitToleranceBp: 0,
  validity: { basis: 'production-date', days: 90 },
  maxProductionSpanDays: null,
};

export interface CardSpec {
  readonly cardNumber: string;
  readonly partyId: string;
  readonly holderName: string;
  readonly approved: boolean;
}
export interface LotSpec {
  readonly lotId: string;
  readonly weightKg: number;
  readonly ownerCard: string;
  readonly producedDay: number;
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly alarms: number };

const system: Actor = { subject: 'system', role: 'system' };
const manager: Actor = { subject: 'manager', role: 'manager' };
const clerk: Actor = { subject: 'clerk', role: 'clerk' };
export const exchangeActor: Actor = { subject: 'exchange', role: 'exchange', partyId: 'SHFE' };
export const courtActor: Actor = { subject: 'court', role: 'court', partyId: 'COURT' };
export const bankActor: Actor = { subject: 'bank', role: 'bank', partyId: 'BANK' };
export const BENEFICIARIES: Readonly<Record<HoldKind, Beneficiary>> = {
  pledge: { kind: 'bank', partyId: 'BANK', name: 'Bank' },
  freeze: { kind: 'court', partyId: 'COURT', name: 'Court' },
  delivery: { kind: 'exchange', partyId: 'SHFE', name: 'Exchange' },
};

const streamOf = {
  card: (cardNumber: string) => `storage-card-${cardNumber}`,
  lot: (lotId: string) => `lot-backing-${lotId}`,
  receipt: (receiptNumber: string) => `receipt-${receiptNumber}`,
  issuance: (applicationId: string) => `issuance-${applicationId}`,
  transfer: (transferId: string) => `transfer-${transferId}`,
  rule: 'rules-rebar',
};

class Transaction {
  private readonly staged = new Map<string, DomainEvent[]>();
  constructor(private readonly streams: Map<string, DomainEvent[]>) {}

  state<C extends Command, S, E extends DomainEvent>(decider: Decider<C, S, E>, streamId: string): S {
    return foldEvents(decider, [...(this.streams.get(streamId) ?? []), ...(this.staged.get(streamId) ?? [])] as E[]);
  }

  decide<C extends Command, S, E extends DomainEvent>(decider: Decider<C, S, E>, streamId: string, command: C): E[] {
    const events = decider.decide(command, this.state(decider, streamId));
    this.staged.set(streamId, [...(this.staged.get(streamId) ?? []), ...events]);
    return events;
  }

  commit(): void {
    for (const [streamId, events] of this.staged) this.streams.set(streamId, [...(this.streams.get(streamId) ?? []), ...events]);
  }
}

export class TitleRegistry {
  readonly streams = new Map<string, DomainEvent[]>();
  readonly alarms: TransferMismatchAlarmRaised[] = [];
  today = 0;
  private sequence = 0;

  constructor(
    private readonly cards: readonly CardSpec[],
    lots: readonly LotSpec[],
  ) {
    const at = instantOfDay(0);
    this.must(
      this.transaction((tx) =>
        tx.decide(receiptRuleDecider, streamOf.rule, {
          type: 'PublishReceiptRuleVersion',
          data: { commodity: 'rebar', effectiveFrom: DAY_ZERO, terms: MODEL_RULE, actor: manager, at },
        }),
      ),
    );
    for (const card of cards) {
      this.must(
        this.transaction((tx) => {
          const stream = streamOf.card(card.cardNumber);
          const owner: Actor = { subject: card.partyId, role: 'depositor', partyId: card.partyId };
          tx.decide(storageCardDecider, stream, {
            type: 'ApplyForStorageCard',
            data: { cardNumber: card.cardNumber, ownerPartyId: card.partyId, holderName: card.holderName, actor: owner, at },
          });
          if (card.approved) tx.decide(storageCardDecider, stream, { type: 'ApproveStorageCard', data: { actor: clerk, at } });
        }),
      );
    }
    for (const lot of lots) {
      const facts = {
        lotId: lot.lotId,
        commodity: 'rebar',
        brand: 'Shagang',
        grade: 'HRB400E',
        warehouseId: 'WH-1',
        location: `LOC-${lot.lotId}`,
        pieces: lot.weightKg / 1_000,
        weightKg: lot.weightKg,
        productionDates: [dateOfDay(lot.producedDay)],
        ownerCard: lot.ownerCard,
        inspectionReportRef: `CIQ-${lot.lotId}`,
      };
      this.must(
        this.transaction((tx) =>
          tx.decide(lotBackingDecider, streamOf.lot(lot.lotId), { type: 'RegisterAvailableLot', data: { lot: facts, actor: system, at } }),
        ),
      );
    }
  }

  private at(): string {
    return instantOfDay(this.today);
  }

  holderActor(cardNumber: string): Actor {
    const card = this.cards.find((candidate) => candidate.cardNumber === cardNumber)!;
    return { subject: card.partyId, role: 'depositor', partyId: card.partyId };
  }

  private transaction(work: (tx: Transaction) => unknown): Outcome {
    const tx = new Transaction(this.streams);
    try {
      work(tx);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A refused transfer's alarms are recorded on their own, outside the rolled-back transaction.
      const alarms = error instanceof TransferRefusal ? error.alarms : [];
      this.alarms.push(...alarms);
      return { ok: false, code: error.code, alarms: alarms.length };
    }
    tx.commit();
    return { ok: true };
  }

  private must(outcome: Outcome): void {
    if (!outcome.ok) throw new Error(`harness setup refused: ${outcome.code}`);
  }

  private card(tx: Transaction, cardNumber: string): StorageCard | null {
    return tx.state(storageCardDecider, streamOf.card(cardNumber)) as StorageCardState;
  }

  /** The warehouse applies for one receipt over `lotIds`; the exchange approves it, or it is rejected and the lots released. */
  issue(holderCard: string, lotIds: readonly string[], receiptNumber: string): Outcome {
    const applicationId = `APP-${++this.sequence}`;
    const issuance = streamOf.issuance(applicationId);
    const at = this.at();
    const applied = this.transaction((tx) => {
      const lots = lotIds.map((lotId) => {
        const lot = tx.state(lotBackingDecider, streamOf.lot(lotId));
        if (lot.status === 'unregistered') throw refuse.notFound('LOT_NOT_AVAILABLE', lotId);
        return lot.lot;
      });
      const rule = ruleInForceOn(tx.state(receiptRuleDecider, streamOf.rule), localDate(dateOfDay(this.today)));
      tx.decide(issuanceDecider, issuance, {
        type: 'ApplyForIssuance',
        data: {
          applicationId,
          warehouseId: 'WH-1',
          commodity: 'rebar',
          brand: 'Shagang',
          grade: 'HRB400E',
          holderCard: this.card(tx, holderCard)!,
          receipts: [{ receiptNumber, lots }],
          storageFeesPaidThrough: dateOfDay(this.today + 30),
          rule,
          actor: clerk,
          at,
        },
      });
      for (const lotId of lotIds)
        tx.decide(lotBackingDecider, streamOf.lot(lotId), { type: 'ReserveLotForIssuance', data: { applicationId, actor: clerk, at } });
    });
    if (!applied.ok) return applied;

    const approved = this.transaction((tx) => {
      const rule = ruleInForceOn(tx.state(receiptRuleDecider, streamOf.rule), localDate(dateOfDay(this.today)));
      const [event] = tx.decide(issuanceDecider, issuance, {
        type: 'ApproveIssuance',
        data: { approvalReference: `EX-${applicationId}`, holderCard: this.card(tx, holderCard)!, rule, actor: exchangeActor, at },
      }) as IssuanceApproved[];
      for (const record of event!.data.receipts) {
        tx.decide(receiptDecider, streamOf.receipt(record.receiptNumber), { type: 'IssueReceipt', data: { record, actor: exchangeActor, at } });
        for (const lot of record.lots) {
          tx.decide(lotBackingDecider, streamOf.lot(lot.lotId), {
            type: 'AssignLotBacking',
            data: { applicationId, receiptNumber: record.receiptNumber, actor: exchangeActor, at },
          });
        }
      }
    });
    if (!approved.ok) {
      this.must(
        this.transaction((tx) => {
          tx.decide(issuanceDecider, issuance, { type: 'RejectIssuance', data: { reason: approved.code, actor: exchangeActor, at } });
          for (const lotId of lotIds)
            tx.decide(lotBackingDecider, streamOf.lot(lotId), { type: 'ReleaseLotReservation', data: { applicationId, actor: exchangeActor, at } });
        }),
      );
    }
    return approved;
  }

  transfer(receiptNumbers: readonly string[], sellerCard: string, buyerCard: string, entry: 'correct' | 'wrongName' | 'wrongCard' | 'wrongCommodity'): Outcome {
    const seller = this.cards.find((card) => card.cardNumber === sellerCard)!;
    const transferId = `T-${++this.sequence}`;
    return this.transaction((tx) => {
      const command: RequestTitleTransfer = {
        type: 'RequestTitleTransfer',
        data: {
          transferId,
          entered: {
            holderName: entry === 'wrongName' ? `${seller.holderName}有限` : seller.holderName,
            storageCard: entry === 'wrongCard' ? `${seller.cardNumber}0` : seller.cardNumber,
          },
          buyerCard: this.card(tx, buyerCard),
          lines: receiptNumbers.map((receiptNumber, i) => ({
            receiptNumber,
            commodity: entry === 'wrongCommodity' && i === 0 ? 'wire rod' : 'rebar',
            current: tx.state(receiptDecider, streamOf.receipt(receiptNumber)),
          })),
          actor: this.holderActor(sellerCard),
          at: this.at(),
        },
      };
      tx.decide(transferBatchDecider, streamOf.transfer(transferId), command);
      for (const { receiptNumber, command: perReceipt } of receiptTransferCommands(command))
        tx.decide(receiptDecider, streamOf.receipt(receiptNumber), perReceipt);
    });
  }

  placeHold(receiptNumber: string, holdId: string, kind: HoldKind, actor: Actor): Outcome {
    return this.transaction((tx) =>
      tx.decide(receiptDecider, streamOf.receipt(receiptNumber), {
        type: 'PlaceHold',
        data: { holdId, kind, beneficiary: BENEFICIARIES[kind], reason: kind, actor, at: this.at() },
      }),
    );
  }

  releaseHold(receiptNumber: string, holdId: string, actor: Actor): Outcome {
    return this.transaction((tx) =>
      tx.decide(receiptDecider, streamOf.receipt(receiptNumber), { type: 'ReleaseHold', data: { holdId, reason: 'done', actor, at: this.at() } }),
    );
  }

  split(receiptNumber: string, children: readonly { receiptNumber: string; lotIds: readonly string[]; weightKg: number }[], actor: Actor): Outcome {
    return this.transaction((tx) => {
      const [event] = tx.decide(receiptDecider, streamOf.receipt(receiptNumber), {
        type: 'SplitReceipt',
        data: { children, actor, at: this.at() },
      }) as ReceiptSplit[];
      for (const record of event!.data.children) {
        tx.decide(receiptDecider, streamOf.receipt(record.receiptNumber), { type: 'IssueReceipt', data: { record, actor, at: this.at() } });
        for (const lot of record.lots) {
          tx.decide(lotBackingDecider, streamOf.lot(lot.lotId), {
            type: 'ReassignLotBacking',
            data: { fromReceiptNumber: receiptNumber, toReceiptNumber: record.receiptNumber, actor, at: this.at() },
          });
        }
      }
    });
  }

  merge(parentNumbers: readonly string[], receiptNumber: string, actor: Actor): Outcome {
    return this.transaction((tx) => {
      const parents = parentNumbers.map((number) => tx.state(receiptDecider, streamOf.receipt(number)));
      tx.decide(receiptDecider, streamOf.receipt(receiptNumber), { type: 'MergeReceipts', data: { receiptNumber, parents, actor, at: this.at() } });
      parents.forEach((parent, i) => {
        tx.decide(receiptDecider, streamOf.receipt(parentNumbers[i]!), { type: 'RetireIntoMerge', data: { mergedInto: receiptNumber, actor, at: this.at() } });
        for (const lot of parent.record!.lots) {
          tx.decide(lotBackingDecider, streamOf.lot(lot.lotId), {
            type: 'ReassignLotBacking',
            data: { fromReceiptNumber: parentNumbers[i]!, toReceiptNumber: receiptNumber, actor, at: this.at() },
          });
        }
      });
    });
  }

  /**
   * The holder applies, settles its storage fees through today (billing's record), and the
   * warehouse processes: the whole cancellation, kept in one step so the model stays about title.
   */
  cancel(receiptNumber: string, actor: Actor, purpose: CancellationPurpose = 'pickup'): Outcome {
    return this.transaction((tx) => {
      const stream = streamOf.receipt(receiptNumber);
      tx.decide(receiptDecider, stream, { type: 'ApplyForCancellation', data: { purpose, actor, at: this.at() } });
      const today = dateOfDay(this.today);
      if (tx.state(receiptDecider, stream).record!.storageFeesPaidThrough < today) {
        tx.decide(receiptDecider, stream, { type: 'RecordStorageFeesPaid', data: { paidThrough: today, actor: system, at: this.at() } });
      }
      const [event] = tx.decide(receiptDecider, stream, { type: 'ProcessCancellation', data: { actor: clerk, at: this.at() } });
      if (event?.type !== 'ReceiptCancelled') throw new Error('cancellation decided no ReceiptCancelled');
      const { holder, lots } = event.data.entitlement;
      for (const lot of lots) {
        tx.decide(lotBackingDecider, streamOf.lot(lot.lotId), {
          type: 'ReleaseLotBacking',
          data: { receiptNumber, entitledCard: holder.storageCard, purpose, entitlementId: `ENT-${receiptNumber}`, actor, at: this.at() },
        });
      }
    });
  }

  /** Moves the clock on and runs the expiry job for the new day over receipts past validity. */
  advance(days: number): void {
    this.today += days;
    const asOf = dateOfDay(this.today);
    for (const [receiptNumber, state] of this.receipts()) {
      if (state.status === 'outstanding' && state.record!.validUntil < asOf) {
        this.must(
          this.transaction((tx) =>
            tx.decide(receiptDecider, streamOf.receipt(receiptNumber), { type: 'FlagExpired', data: { asOf, actor: system, at: this.at() } }),
          ),
        );
      }
    }
  }

  receipts(): Map<string, ReceiptState> {
    const receipts = new Map<string, ReceiptState>();
    for (const streamId of this.streams.keys()) {
      if (streamId.startsWith('receipt-')) {
        const state = foldEvents(receiptDecider, this.streams.get(streamId) as ReceiptEvent[]);
        receipts.set(state.record!.receiptNumber, state);
      }
    }
    return receipts;
  }

  liveReceipts(): ReceiptState[] {
    return [...this.receipts().values()].filter(isLive);
  }

  /**
   * A fact from the inventory service (StockHoldPlaced / StockHoldReleased, LotShippedOut) on the
   * lot's stream, as its Kafka handler records it; refused like the handler's decision.
   */
  fromInventory(lotId: string, command: LotBackingCommand): Outcome {
    return this.transaction((tx) => tx.decide(lotBackingDecider, streamOf.lot(lotId), command));
  }

  lot(lotId: string): LotBackingState {
    return foldEvents(lotBackingDecider, (this.streams.get(streamOf.lot(lotId)) ?? []) as LotBackingEvent[]);
  }
}
