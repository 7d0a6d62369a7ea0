import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  ActorSchema,
  EventRegistry,
  inventoryEventSchemas,
  LocalDateSchema,
  LotBecameAvailableSchema,
  LotLocationSchema,
  LotShippedOutSchema,
  receiptEventSchemas,
  StandardCommoditySchema,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  toWeight,
} from '@dw/contracts';
import { type Database, type EventMetadata, type EventStore, loadAggregate, type OutboxMessage } from '@dw/event-store';
import { addCalendarDays, cnMainlandCalendar, type IdGenerator, type LocalDate, ManualClock } from '@dw/kernel';
import { type BusinessCalendars, InboxContext, IntegrationClientDirectory, type Principal, TopicNames } from '@dw/platform';
import { InMemoryEventStore, InMemoryInbox, type Outcome, outcomeOf } from '@dw/testing';
import { streams } from '../common/events/streams';
import { actorOf, type Caller } from '../common/http/caller';
import { ReceiptOutbox } from '../common/integration/receipt-outbox';
import { NumberAllocator } from '../common/numbering/number-allocator';
import { ApplyForIssuanceCommandHandler } from '../issuance/commands/apply-for-issuance/apply-for-issuance.command-handler';
import { DecideIssuanceCommandHandler } from '../issuance/commands/decide-issuance/decide-issuance.command-handler';
import { lotBackingDecider, type LotBackingState } from '../lot-backing/domain/lot-backing.decider';
import { RecordLotShippedWhenLotShippedOutKafkaHandler } from '../lot-backing/integration/record-lot-shipped-when-lot-shipped-out.kafka-handler';
import { RecordStockHoldWhenStockHoldPlacedOrReleasedKafkaHandler } from '../lot-backing/integration/record-stock-hold-when-stock-hold-placed-or-released.kafka-handler';
import { RegisterLotWhenLotBecameAvailableKafkaHandler } from '../lot-backing/integration/register-lot-when-lot-became-available.kafka-handler';
import { CancellationApplicationCommandHandler } from '../receipt/commands/cancellation-application/cancellation-application.command-handler';
import { EXPIRY_SWEEP_ACTOR, ExpirySweepCommandHandler } from '../receipt/commands/expiry-sweep/expiry-sweep.command-handler';
import { MergeReceiptsCommandHandler } from '../receipt/commands/merge-receipts/merge-receipts.command-handler';
import { PlaceHoldCommandHandler } from '../receipt/commands/place-hold/place-hold.command-handler';
import { ProcessCancellationCommandHandler } from '../receipt/commands/process-cancellation/process-cancellation.command-handler';
import { ReleaseHoldCommandHandler } from '../receipt/commands/release-hold/release-hold.command-handler';
import { SplitReceiptCommandHandler } from '../receipt/commands/split-receipt/split-receipt.command-handler';
import { receiptDecider } from '../receipt/domain/receipt.decider';
import type { CancellationPurpose } from '../receipt/domain/receipt.events';
import type { Beneficiary, HoldKind } from '../receipt/domain/receipt.hold';
import { isLive, type ReceiptState } from '../receipt/domain/receipt.state';
import { PublishReceiptRuleVersionCommandHandler } from '../receipt-rule/commands/publish-receipt-rule-version/publish-receipt-rule-version.command-handler';
import { tonneRebarTerms } from '../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { ApplyForStorageCardCommandHandler } from '../storage-card/commands/apply-for-storage-card/apply-for-storage-card.command-handler';
import { ReviewStorageCardCommandHandler } from '../storage-card/commands/review-storage-card/review-storage-card.command-handler';
import { RequestTitleTransferCommandHandler } from '../transfer/commands/request-title-transfer/request-title-transfer.command-handler';

/**
 * The receipt service in memory for model-based tests: its real command handlers and Kafka
 * handlers, constructed directly over InMemoryEventStore (transactions, expected versions and
 * the outbox as the PostgreSQL store has them), driven as its controllers drive them, with a
 * manual clock. Each operation says whether the service took the command or the code it refused
 * it with. No I/O.
 */

export const DAY_ZERO = '2026-03-01';
export const dateOfDay = (day: number): LocalDate => addCalendarDays(DAY_ZERO, day);
/** 10:00 in Shanghai on that day. */
const instantOfDay = (day: number): string => `${dateOfDay(day)}T02:00:00Z`;

export const COMMODITY = 'rebar';
/**
 * Storage fees are paid at issuance through a day no run reaches, so a cancellation never waits
 * for a payment: the receipt service records payments only from billing (no handler of its own).
 */
const FEES_PAID_THROUGH = '2036-12-31';

export interface CardSpec {
  /** The number the card is allotted: cards are opened in the order given, numbered from SC000001. */
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

const person = (subject: string, role: Principal['roles'][number]): Principal => ({ subject, roles: [role] });
export const clerk = person('clerk', 'clerk');
export const manager = person('manager', 'manager');
/** The integration clients: each is its own party, so a hold it places names it (partyId = its id). */
export const exchange: Principal = { subject: 'SHFE', roles: ['exchange'], name: 'Exchange' };
export const court: Principal = { subject: 'COURT', roles: ['court'], name: 'Court' };
export const bank: Principal = { subject: 'BANK', roles: ['bank'], name: 'Bank' };
/** Whom each kind of hold benefits, and so who alone may release it (a listing's trading hold: nobody by itself, see RCPT ReleaseHold). */
export const BENEFICIARY_OF: Readonly<Record<HoldKind, Principal>> = { pledge: bank, freeze: court, delivery: exchange, trading: exchange };

/** Ids in order (UUID-shaped), so a failing run names the same applications, holds and events when replayed. */
function sequentialIds(): IdGenerator {
  let n = 0;
  return { next: () => `00000000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}` };
}

/** The service's handlers, each constructed with what Nest would inject. */
function receiptHandlers(store: InMemoryEventStore, db: Database, outbox: ReceiptOutbox, ids: IdGenerator, clock: ManualClock) {
  // The handlers are typed with the PostgreSQL store and use only what every EventLog has.
  const log = store as unknown as EventStore;
  const numbers = new NumberAllocator(db);
  // The bank a holder may pledge to (the one connected integration client with role bank); it signs nothing here.
  const clients = new IntegrationClientDirectory([{ id: bank.subject, role: 'bank', name: bank.name!, secret: 'unused-in-memory' }]);
  return {
    publishRule: new PublishReceiptRuleVersionCommandHandler(log, clock),
    applyForCard: new ApplyForStorageCardCommandHandler(log, outbox, numbers, clock),
    reviewCard: new ReviewStorageCardCommandHandler(log, db, outbox, clock),
    applyForIssuance: new ApplyForIssuanceCommandHandler(log, outbox, numbers, ids, clock),
    decideIssuance: new DecideIssuanceCommandHandler(log, outbox, clock),
    transfer: new RequestTitleTransferCommandHandler(log, outbox, ids, clock),
    placeHold: new PlaceHoldCommandHandler(log, outbox, ids, clock, clients),
    releaseHold: new ReleaseHoldCommandHandler(log, outbox, clock),
    split: new SplitReceiptCommandHandler(log, outbox, numbers, clock),
    merge: new MergeReceiptsCommandHandler(log, outbox, numbers, clock),
    cancellationApplication: new CancellationApplicationCommandHandler(log, outbox, clock),
    processCancellation: new ProcessCancellationCommandHandler(log, outbox, clock),
    expirySweep: new ExpirySweepCommandHandler(log, db, outbox, clock),
  };
}

export class InMemoryReceiptService {
  readonly clock = new ManualClock(instantOfDay(0));
  readonly store: InMemoryEventStore;
  today = 0;
  private readonly registry = new EventRegistry().register(...receiptEventSchemas, ...inventoryEventSchemas);
  private readonly handlers: ReturnType<typeof receiptHandlers>;
  private readonly inbox: InMemoryInbox<InboxContext>;
  private readonly correlations = sequentialIds();

  private constructor(private readonly cards: readonly CardSpec[]) {
    const ids = sequentialIds();
    this.store = new InMemoryEventStore(this.clock, ids);
    const calendars = { current: () => cnMainlandCalendar } as BusinessCalendars;
    const topics = TopicNames.withPrefix('model');
    const outbox = new ReceiptOutbox(this.registry, topics, calendars);
    this.handlers = receiptHandlers(this.store, new ReceiptDatabaseInMemory(this) as unknown as Database, outbox, ids, this.clock);
    const registerLot = new RegisterLotWhenLotBecameAvailableKafkaHandler(this.clock);
    const stockHolds = new RecordStockHoldWhenStockHoldPlacedOrReleasedKafkaHandler(this.clock);
    const shipped = new RecordLotShippedWhenLotShippedOutKafkaHandler(this.clock, outbox);
    this.inbox = new InMemoryInbox({
      log: this.store,
      registry: this.registry,
      context: (tx, message, messageId, eventType) => new InboxContext(tx, message, messageId, eventType, 'receipt'),
      handlers: {
        [LotBecameAvailableSchema.typeName]: (event, ctx) => registerLot.handle(event, ctx),
        [StockHoldPlacedSchema.typeName]: (event, ctx) => stockHolds.placed(event, ctx),
        [StockHoldReleasedSchema.typeName]: (event, ctx) => stockHolds.released(event, ctx),
        [LotShippedOutSchema.typeName]: (event, ctx) => shipped.handle(event, ctx),
      },
    });
  }

  /**
   * The service on day 0: the model rule published, each card applied for by its party (and
   * approved by a clerk when `approved`), each lot made available by inventory's LotBecameAvailable.
   */
  static async start(cards: readonly CardSpec[], lots: readonly LotSpec[]): Promise<InMemoryReceiptService> {
    const service = new InMemoryReceiptService(cards);
    await service.handlers.publishRule.execute(COMMODITY, { effectiveFrom: DAY_ZERO, terms: tonneRebarTerms }, service.caller(manager));
    for (const card of cards) {
      const { cardNumber } = await service.handlers.applyForCard.execute(service.caller(service.holder(card.cardNumber)), card.holderName);
      if (cardNumber !== card.cardNumber) throw new Error(`card of ${card.partyId} was allotted ${cardNumber}, the spec says ${card.cardNumber}`);
      if (card.approved) await service.handlers.reviewCard.execute(cardNumber, { type: 'ApproveStorageCard' }, service.caller(clerk));
    }
    for (const lot of lots) await service.fromInventory(service.lotBecameAvailable(lot));
    return service;
  }

  /** The depositor person of the party owning `cardNumber`. */
  holder(cardNumber: string): Principal {
    const card = this.cards.find((candidate) => candidate.cardNumber === cardNumber);
    if (!card) throw new Error(`no card ${cardNumber} in this run`);
    return { subject: card.partyId, roles: ['depositor'], partyId: card.partyId };
  }

  private caller(principal: Principal): Caller {
    return { principal, correlationId: this.correlations.next() };
  }

  /** The warehouse applies for one receipt over `lotIds` for the card; the exchange approves it, or rejects it (freeing the lots) when approval is refused. */
  async issue(holderCard: string, lotIds: readonly string[]): Promise<Outcome<string>> {
    const applied = await outcomeOf(() =>
      this.handlers.applyForIssuance.execute(
        {
          warehouseId: 'WH-1',
          commodity: COMMODITY,
          brand: 'Shagang',
          grade: 'HRB400E',
          holderCard,
          receipts: [{ lotIds: [...lotIds] }],
          storageFeesPaidThrough: FEES_PAID_THROUGH,
        },
        this.caller(clerk),
      ),
    );
    if (!applied.ok) return applied;
    const { applicationId } = applied.value;
    const approved = await outcomeOf(() =>
      this.handlers.decideIssuance.execute(applicationId, { type: 'ApproveIssuance', approvalReference: `EX-${applicationId}` }, this.caller(exchange)),
    );
    if (approved.ok) return { ok: true, value: approved.value.receiptNumbers[0]! };
    await this.handlers.decideIssuance.execute(applicationId, { type: 'RejectIssuance', reason: approved.code }, this.caller(exchange));
    return approved;
  }

  /** The seller transfers the receipts to the buyer's card, typing its name and card as `entry` says (a wrong entry raises alarms). */
  transfer(
    receiptNumbers: readonly string[],
    sellerCard: string,
    buyerCard: string,
    entry: 'correct' | 'wrongName' | 'wrongCard' | 'wrongCommodity',
  ): Promise<Outcome> {
    const seller = this.cards.find((card) => card.cardNumber === sellerCard)!;
    return outcomeOf(() =>
      this.handlers.transfer.execute(
        {
          entered: {
            holderName: entry === 'wrongName' ? `${seller.holderName}有限` : seller.holderName,
            storageCard: entry === 'wrongCard' ? `${seller.cardNumber}0` : seller.cardNumber,
          },
          buyerCard,
          lines: receiptNumbers.map((receiptNumber, i) => ({ receiptNumber, commodity: entry === 'wrongCommodity' && i === 0 ? 'wire rod' : COMMODITY })),
        },
        this.caller(this.holder(sellerCard)),
      ),
    );
  }

  /**
   * A hold as its controller places it: a pledge by `who` (the holder) to the bank connected to
   * the warehouse; a freeze or delivery hold by `who` (exchange or court) in its own name.
   * The hold id is the service's.
   */
  placeHold(receiptNumber: string, kind: HoldKind, who: Principal): Promise<Outcome<string>> {
    return outcomeOf(async () => {
      const caller = this.caller(who);
      const actor = actorOf(who, kind === 'pledge' ? ['depositor'] : ['exchange', 'court']);
      const beneficiary: Beneficiary =
        kind === 'pledge'
          ? this.handlers.placeHold.pledgeeBank({ partyId: bank.subject })
          : { kind: actor.role as 'exchange' | 'court', partyId: actor.partyId!, name: who.name ?? who.subject };
      return (await this.handlers.placeHold.execute(receiptNumber, { kind, beneficiary, reason: kind }, actor, caller)).holdId;
    });
  }

  releaseHold(receiptNumber: string, holdId: string, who: Principal): Promise<Outcome> {
    return outcomeOf(() => this.handlers.releaseHold.execute(receiptNumber, holdId, 'done', this.caller(who)));
  }

  /** The holder splits the receipt into children of the lots given; the children's numbers are the service's. */
  async split(receiptNumber: string, children: readonly { lotIds: readonly string[]; weightKg: number }[], who: Principal): Promise<Outcome<string[]>> {
    const split = await outcomeOf(() =>
      this.handlers.split.execute(
        receiptNumber,
        { children: children.map((child) => ({ lotIds: [...child.lotIds], weightKg: child.weightKg })) },
        this.caller(who),
      ),
    );
    return split.ok ? { ok: true, value: split.value.children } : split;
  }

  async merge(parentNumbers: readonly string[], who: Principal): Promise<Outcome<string>> {
    const merged = await outcomeOf(() => this.handlers.merge.execute(parentNumbers, this.caller(who)));
    return merged.ok ? { ok: true, value: merged.value.receiptNumber } : merged;
  }

  /** Cancellation (注销) as it happens: the holder applies, and a clerk processes the application at once. */
  async cancel(receiptNumber: string, who: Principal, purpose: CancellationPurpose = 'pickup'): Promise<Outcome> {
    const applied = await outcomeOf(() => this.handlers.cancellationApplication.apply(receiptNumber, purpose, this.caller(who)));
    if (!applied.ok) return applied;
    return outcomeOf(() => this.handlers.processCancellation.execute(receiptNumber, this.caller(clerk)));
  }

  /** Moves the clock on by `days` and runs the day's expiry sweep, as its schedule does. */
  async advance(days: number): Promise<void> {
    this.today += days;
    this.clock.set(instantOfDay(this.today));
    const trigger: EventMetadata = { actor: { ...EXPIRY_SWEEP_ACTOR }, correlationId: this.correlations.next() };
    await this.handlers.expirySweep.sweep(trigger);
  }

  /** A message from the inventory service (its outbox's bytes), through the receipt service's Kafka handlers. */
  async fromInventory(message: OutboxMessage): Promise<void> {
    await this.inbox.deliver(message);
  }

  /** Inventory's LotBecameAvailable for a lot, as its inbound completion publishes it. */
  private lotBecameAvailable(lot: LotSpec): OutboxMessage {
    const message = create(LotBecameAvailableSchema, {
      lotId: lot.lotId,
      orderId: `IN-${lot.lotId}`,
      warehouse: 'WH-1',
      ownerStorageCard: lot.ownerCard,
      commodity: create(StandardCommoditySchema, { code: COMMODITY, product: 'rebar' }),
      brand: 'Shagang',
      grade: 'HRB400E',
      pieces: lot.weightKg / 1_000,
      net: toWeight(lot.weightKg),
      productionDates: [create(LocalDateSchema, { value: dateOfDay(lot.producedDay) })],
      locations: [create(LotLocationSchema, { locationId: `LOC-${lot.lotId}`, pieces: lot.weightKg / 1_000, net: toWeight(lot.weightKg) })],
      completedBy: create(ActorSchema, { subject: 'operator-1', role: 'operator' }),
      completedAt: timestampFromDate(this.clock.now()),
      inspectionReportRef: `CIQ-${lot.lotId}`,
    });
    return {
      messageId: `available-${lot.lotId}`,
      topic: 'inventory.lot.v1',
      key: `lot-${lot.lotId}`,
      payload: this.registry.encodeEvent(LotBecameAvailableSchema.typeName, message),
      headers: { ce_type: LotBecameAvailableSchema.typeName },
    };
  }

  /** Every receipt in the log by number, folded from its stream. */
  receipts(): Promise<Map<string, ReceiptState>> {
    const receiptStreams = new Set(
      this.store
        .all()
        .filter((event) => event.streamType === streams.receipt('').streamType)
        .map((event) => event.streamId),
    );
    return this.store.transaction(async (tx) => {
      const receipts = new Map<string, ReceiptState>();
      for (const streamId of receiptStreams) {
        const { state } = await loadAggregate(tx, streamId, receiptDecider);
        receipts.set(state.record!.receiptNumber, state);
      }
      return receipts;
    });
  }

  async liveReceipts(): Promise<ReceiptState[]> {
    return [...(await this.receipts()).values()].filter(isLive);
  }

  lot(lotId: string): Promise<LotBackingState> {
    return this.store.transaction(async (tx) => (await loadAggregate(tx, streams.lot(lotId).streamId, lotBackingDecider)).state);
  }

  /** Error-proofing alarms recorded so far (TransferMismatchAlarmRaised, one per mismatched line of a refused transfer). */
  alarms(): number {
    return this.store.all().filter((event) => event.type === 'TransferMismatchAlarmRaised').length;
  }
}

/**
 * What the handlers ask of PostgreSQL beyond the log, answered in memory: the numbering
 * sequences (NumberAllocator), and the receipts read model's outstanding receipts past validity
 * (the expiry sweep), as the projection shows them once it has caught up with the log. Any other
 * SQL fails the test: a handler that comes to need more must be given it here.
 */
class ReceiptDatabaseInMemory {
  private readonly sequences = new Map<string, number>();

  constructor(private readonly service: InMemoryReceiptService) {}

  async query(sql: string, params: readonly unknown[] = []): Promise<{ rows: unknown[]; rowCount: number }> {
    const nextval = /^SELECT nextval\('(\w+)'\) AS n$/.exec(sql);
    if (nextval) {
      const n = (this.sequences.get(nextval[1]!) ?? 0) + 1;
      this.sequences.set(nextval[1]!, n);
      return { rows: [{ n: String(n) }], rowCount: 1 };
    }
    if (sql.startsWith(`SELECT receipt_number FROM receipts WHERE status = 'outstanding' AND valid_until < $1 ORDER BY valid_until, receipt_number`)) {
      const asOf = params[0] as string;
      const rows = [...(await this.service.receipts()).values()]
        .filter((receipt) => receipt.status === 'outstanding' && receipt.record!.validUntil < asOf)
        .sort((a, b) => a.record!.validUntil.localeCompare(b.record!.validUntil) || a.record!.receiptNumber.localeCompare(b.record!.receiptNumber))
        .map((receipt) => ({ receipt_number: receipt.record!.receiptNumber }));
      return { rows, rowCount: rows.length };
    }
    throw new Error(`the in-memory receipt service has no answer to: ${sql}`);
  }
}
