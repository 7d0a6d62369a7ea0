import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { randomUUID } from 'node:crypto';
import {
  ActorSchema,
  LocalDateSchema,
  LotBecameAvailableSchema,
  LotLocationSchema,
  LotShippedOutSchema,
  StandardCommoditySchema,
  StockHoldKind,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  StockShortfallDetectedSchema,
  inventoryLotTopic,
  toWeight,
} from '@dw/contracts';
import { EventStore, handleCommand } from '@dw/event-store';
import { waitFor } from '@dw/testing';
import { streams } from '../common/events/streams';
import { ReceiptOutbox } from '../common/integration/receipt-outbox';
import type { CancellationPurpose } from '../receipt/domain/receipt.events';
import { receiptDecider } from '../receipt/domain/receipt.decider';
import { receiptPublicEvents } from '../receipt/integration/receipt-events.mapper';
import type { ReceiptRuleTerms } from '../receipt-rule/domain/receipt-rule.terms';
import { EXCHANGE, type Person, type ReceiptTestApp } from './receipt-test-app.spec-helper';

/**
 * Builds the situations receipt specs start from, through the service's own API (and, for lots,
 * the inventory service's real contract on the real topic: the inventory service is another
 * team's, so its LotBecameAvailable is produced here as it would publish it).
 */

export const clerk: Person = { sub: 'clerk-zhao', roles: ['clerk'] };
export const manager: Person = { sub: 'manager-qian', roles: ['manager'] };
export const ops: Person = { sub: 'ops-sun', roles: ['ops'] };
export const depositor = (party: string): Person => ({ sub: `user-${party}`, roles: ['depositor'], partyId: party });

/** Rebar as a warehouse receipt in 1 t units with no tolerance, 90 days from production: the rule fixtures’ one. */
export { tonneRebarTerms as TONNE_RULE } from '../receipt-rule/domain/receipt-rule.fixtures.spec-helper';

export interface LotSpec {
  lotId: string;
  ownerCard: string;
  weightKg: number;
  producedOn: string;
  commodity?: string;
  warehouse?: string;
  /** Inventory's inspection report; `CIQ-<lot>` unless given ('' for an inbound without inspection). */
  inspectionReportRef?: string;
}

export class ReceiptScenario {
  constructor(readonly app: ReceiptTestApp) {}

  async expectStatus(answer: { status: number; body: unknown }, status: number): Promise<void> {
    if (answer.status !== status) throw new Error(`expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** A depositor applies for a card and a clerk approves it. */
  async openCard(owner: Person, holderName: string): Promise<string> {
    const applied = await this.app.as(owner, 'POST', '/storage-cards', { holderName });
    await this.expectStatus(applied, 201);
    const cardNumber = applied.body.cardNumber as string;
    await this.expectStatus(await this.app.as(clerk, 'POST', `/storage-cards/${cardNumber}/approve`), 200);
    return cardNumber;
  }

  async publishRule(commodity: string, terms: ReceiptRuleTerms, effectiveFrom: string): Promise<void> {
    await this.expectStatus(await this.app.as(manager, 'POST', `/receipt-rules/${commodity}/versions`, { effectiveFrom, terms }), 201);
  }

  /** LotBecameAvailable on the real topic, as the inventory service publishes it; waits until the receipt service has the lots. */
  async lotsBecomeAvailable(lots: readonly LotSpec[]): Promise<void> {
    await this.publishLots(lots);
    await waitFor(
      async () => {
        const known = await this.app.db.query<{ lot_id: string }>(`SELECT lot_id FROM lots WHERE lot_id = ANY($1)`, [lots.map((lot) => lot.lotId)]);
        return known.rowCount === new Set(lots.map((lot) => lot.lotId)).size;
      },
      { timeoutMs: 60_000, describe: `lots ${lots.map((lot) => lot.lotId).join(', ')} registered from Kafka` },
    );
  }

  /** The messages only, each with its own CloudEvents id (a redelivery of the same facts is a new message). */
  async publishLots(lots: readonly LotSpec[]): Promise<void> {
    await this.publishInventoryLotEvents(
      LotBecameAvailableSchema,
      lots.map((lot) =>
        create(LotBecameAvailableSchema, {
          lotId: lot.lotId,
          orderId: `IN-${lot.lotId}`,
          warehouse: lot.warehouse ?? 'WH-WUXI',
          ownerStorageCard: lot.ownerCard,
          commodity: create(StandardCommoditySchema, { code: lot.commodity ?? 'rebar', product: 'rebar', standardName: 'HRB400E rebar' }),
          brand: 'Shagang',
          grade: 'HRB400E',
          pieces: Math.max(1, Math.round(lot.weightKg / 2_000)),
          net: toWeight(lot.weightKg),
          productionDates: [create(LocalDateSchema, { value: lot.producedOn })],
          locations: [create(LotLocationSchema, { locationId: `Y1-${lot.lotId}`, pieces: 1, net: toWeight(lot.weightKg) })],
          completedBy: create(ActorSchema, { subject: 'operator-1', role: 'operator' }),
          completedAt: timestampFromDate(this.app.clock.now()),
          inspectionReportRef: lot.inspectionReportRef ?? `CIQ-${lot.lotId}`,
        }),
      ),
    );
  }

  /** Inventory's LotShippedOut on the real topic: the lot's last pieces left, `netKg` weighed out in all. */
  async lotShippedOut(lot: { lotId: string; entitlementId: string; ownerCard: string; bookKg: number; netKg: number }): Promise<void> {
    await this.publishInventoryLotEvents(LotShippedOutSchema, [
      create(LotShippedOutSchema, {
        lotId: lot.lotId,
        orderId: `out-${lot.entitlementId || lot.lotId}`,
        entitlementId: lot.entitlementId,
        warehouse: 'WH-WUXI',
        ownerStorageCard: lot.ownerCard,
        pieces: 1,
        net: toWeight(lot.netKg),
        book: toWeight(lot.bookKg),
        overShort: toWeight(lot.netKg - lot.bookKg),
        shippedBy: create(ActorSchema, { subject: 'operator-1', role: 'operator' }),
        shippedAt: timestampFromDate(this.app.clock.now()),
      }),
    ]);
  }

  /** Inventory's StockHoldPlaced (a freeze for a bank, by default) or StockHoldReleased on the real topic. */
  async stockHold(change: 'placed' | 'released', lotId: string, holdId: string): Promise<void> {
    const by = create(ActorSchema, { subject: 'clerk-inventory', role: 'clerk' });
    const at = timestampFromDate(this.app.clock.now());
    const common = { lotId, holdId, kind: StockHoldKind.FREEZE, holder: 'bank-icbc' };
    if (change === 'placed') {
      await this.publishInventoryLotEvents(StockHoldPlacedSchema, [
        create(StockHoldPlacedSchema, { ...common, reason: 'pledged as stock', pieces: 1, weight: toWeight(1_000), placedBy: by, placedAt: at }),
      ]);
    } else {
      await this.publishInventoryLotEvents(StockHoldReleasedSchema, [create(StockHoldReleasedSchema, { ...common, releasedBy: by, releasedAt: at })]);
    }
  }

  /**
   * Inventory's StockShortfallDetected on the real topic: a manager approved the write-off of
   * `deltaKg` (negative) of the lot's goods found missing at stocktake `stocktakeId`, naming the
   * receipt the goods back ('' for none) and the parties the loss reaches.
   */
  async stockShortfallDetected(shortfall: {
    lotId: string;
    ownerCard: string;
    receiptNumber: string;
    varianceId: string;
    deltaPieces: number;
    deltaKg: number;
    stocktakeId?: string;
    pledgedTo?: string[];
  }): Promise<void> {
    await this.publishInventoryLotEvents(StockShortfallDetectedSchema, [
      create(StockShortfallDetectedSchema, {
        lotId: shortfall.lotId,
        warehouse: 'WH-WUXI',
        ownerStorageCard: shortfall.ownerCard,
        stocktakeId: shortfall.stocktakeId ?? 'ST-1',
        varianceId: shortfall.varianceId,
        deltaPieces: shortfall.deltaPieces,
        delta: toWeight(shortfall.deltaKg),
        approver: 'inv-manager-sun',
        approvalReason: 'not found at the count',
        detectedAt: timestampFromDate(this.app.clock.now()),
        receiptNumber: shortfall.receiptNumber,
        pledgedTo: shortfall.pledgedTo ?? [],
      }),
    ]);
  }

  /** Inventory lot events as the inventory service publishes them: keyed by lot, each message with its own CloudEvents id. */
  async publishInventoryLotEvents<Desc extends DescMessage>(schema: Desc, messages: readonly (MessageShape<Desc> & { lotId: string })[]): Promise<void> {
    await this.app.publishAll(
      inventoryLotTopic,
      schema,
      messages.map((message) => ({ key: `lot-${message.lotId}`, message })),
    );
  }

  /** The warehouse applies for one receipt per lot group; returns the application and its receipt numbers. */
  async apply(
    holderCard: string,
    lotGroups: readonly (readonly string[])[],
    options: { commodity?: string; warehouseId?: string; feesPaidThrough?: string } = {},
  ) {
    return this.app.as(clerk, 'POST', '/issuance-applications', {
      warehouseId: options.warehouseId ?? 'WH-WUXI',
      commodity: options.commodity ?? 'rebar',
      brand: 'Shagang',
      grade: 'HRB400E',
      holderCard,
      storageFeesPaidThrough: options.feesPaidThrough ?? '2026-12-31',
      receipts: lotGroups.map((lotIds) => ({ lotIds })),
    });
  }

  /** Application and the exchange's signed approval: the receipts exist when this returns. */
  async issue(
    holderCard: string,
    lotGroups: readonly (readonly string[])[],
    options: { commodity?: string; warehouseId?: string; feesPaidThrough?: string } = {},
  ): Promise<string[]> {
    const applied = await this.apply(holderCard, lotGroups, options);
    await this.expectStatus(applied, 201);
    const approved = await this.app.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: `SHFE-${applied.body.applicationId.slice(0, 8)}`,
    });
    await this.expectStatus(approved, 200);
    return approved.body.receiptNumbers as string[];
  }

  async transfer(seller: Person, entered: { holderName: string; storageCard: string }, buyerCard: string, receipts: readonly string[], commodity = 'rebar') {
    return this.app.as(seller, 'POST', '/transfers', { entered, buyerCard, lines: receipts.map((receiptNumber) => ({ receiptNumber, commodity })) });
  }

  /**
   * Cancellation as it happens: the holder applies, then the warehouse's clerk processes. The
   * first refusal is the answer (an application refused is never processed).
   */
  async cancel(holder: Person, receiptNumber: string, purpose: CancellationPurpose) {
    const applied = await this.app.as(holder, 'POST', `/receipts/${receiptNumber}/cancellation-application`, { purpose });
    if (applied.status !== 201) return applied;
    return this.app.as(clerk, 'POST', `/receipts/${receiptNumber}/cancellation-application/process`);
  }

  /**
   * Billing's record that the holder's storage fees are paid through `paidThrough`. Billing will
   * own this and send it; until it exists the spec records it as billing would, through the
   * receipt's decider and outbox in the service's own store.
   */
  async recordStorageFeesPaid(receiptNumber: string, paidThrough: string, at: string): Promise<void> {
    const actor = { subject: 'billing', role: 'system' as const };
    await handleCommand(this.app.app.get(EventStore), {
      ...streams.receipt(receiptNumber),
      decider: receiptDecider,
      command: { type: 'RecordStorageFeesPaid', data: { paidThrough, actor, at } },
      metadata: { actor, correlationId: randomUUID() },
      outboxFor: this.app.app.get(ReceiptOutbox).of(receiptDecider, receiptPublicEvents),
    });
  }

  /** The number of events in the service's whole log: a refusal must leave it unchanged. */
  async eventCount(): Promise<number> {
    const { rows } = await this.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    return rows[0]!.n;
  }
}
