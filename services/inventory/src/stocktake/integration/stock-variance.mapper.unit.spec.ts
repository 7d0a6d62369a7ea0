import { fromBinary } from '@bufbuild/protobuf';
import {
  EventRegistry,
  fromWeight,
  inventoryEventSchemas,
  StockShortfallDetectedSchema,
  StockVarianceAppliedSchema,
  StockVarianceEvidence,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { foldEvents } from '@dw/kernel';
import { TopicNames } from '@dw/platform';
import { stockDecider } from '../../stock/domain/stock.decider';
import type { StockEvent } from '../../stock/domain/stock.events';
import { stockVarianceOutbox } from './stock-variance.mapper';

const topics = TopicNames.withPrefix('unit');
const registry = new EventRegistry().register(...inventoryEventSchemas);
const outboxFor = stockVarianceOutbox(topics, registry);
const at = '2025-03-31T07:00:00Z';
const lotId = 'lot-wo-1';
const received: StockEvent = {
  type: 'StockReceived',
  data: {
    lotId,
    orderId: 'wo-1',
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    commodityCode: 'rb-400e-20-sg',
    quantity: { pieces: 3, kg: 6_000 },
    actor: 'desk',
    at,
  },
};
const applied = (
  varianceId: string,
  pieces: number,
  kg: number,
  evidence: Extract<StockEvent, { type: 'StockVarianceApplied' }>['data']['evidence'],
): StockEvent => ({
  type: 'StockVarianceApplied',
  data: {
    lotId,
    stocktakeId: 'stocktake-wo-st-1',
    varianceId,
    delta: { pieces, kg },
    reason: `${varianceId.split(':')[0]}: checked on the floor`,
    evidence,
    actor: 'counter-5',
    at,
  },
});
const messagesOf = (event: StockEvent) =>
  outboxFor(foldEvents(stockDecider, [received]))([
    {
      eventId: '00000000-0000-7000-8000-000000000009',
      streamId: `stock-${lotId}`,
      streamType: 'stock',
      type: event.type,
      data: event.data,
      schemaVersion: 1,
      metadata: { actor: { subject: 'counter-5', role: 'operator' }, correlationId: 'wo-st-1' },
      recordedAt: new Date(at),
    } satisfies PendingEvent,
  ]);
const approval = { approver: 'manager-2', reason: 'searched rows 1–3 twice; written off', at };

describe('stock variances to public messages', () => {
  it('publishes a written-off missing piece as StockVarianceApplied and a StockShortfallDetected alarm, keyed by the lot', () => {
    // B2 of 2,000 kg not found: the book goes from 3 pieces / 6,000 kg to 2 / 4,000, so the delta is −1 piece, −2,000 kg
    const [variance, alarm, ...rest] = messagesOf(applied('missing_piece:B2', -1, -2_000, { reading: null, approval }));
    expect(rest).toEqual([]);
    for (const message of [variance!, alarm!]) {
      expect(message.topic).toBe('unit.inventory.lot.v1');
      expect(message.key).toBe(lotId);
      expect(message.headers.ce_id).toBe(message.messageId);
    }
    expect(variance!.messageId).toBe('00000000-0000-7000-8000-000000000009');
    expect(alarm!.messageId).not.toBe(variance!.messageId);
    expect(alarm!.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const published = fromBinary(StockVarianceAppliedSchema, variance!.payload);
    expect(published).toMatchObject({
      lotId,
      warehouse: 'WH-SH-01',
      ownerStorageCard: 'SC-0001',
      stocktakeId: 'stocktake-wo-st-1',
      varianceId: 'missing_piece:B2',
      deltaPieces: -1,
      reason: 'missing_piece: checked on the floor',
      evidence: StockVarianceEvidence.MANAGER_APPROVAL,
      scaleId: '',
      approver: 'manager-2',
      approvalReason: 'searched rows 1–3 twice; written off',
      appliedBy: { subject: 'counter-5', role: 'operator' },
    });
    expect(fromWeight(published.delta!)).toBe(-2_000);
    const shortfall = fromBinary(StockShortfallDetectedSchema, alarm!.payload);
    expect(shortfall).toMatchObject({
      lotId,
      ownerStorageCard: 'SC-0001',
      stocktakeId: 'stocktake-wo-st-1',
      varianceId: 'missing_piece:B2',
      deltaPieces: -1,
      approver: 'manager-2',
    });
    expect(fromWeight(shortfall.delta!)).toBe(-2_000);
    // the same event mapped again gives the same ids: consumers’ inboxes drop a replay
    expect(messagesOf(applied('missing_piece:B2', -1, -2_000, { reading: null, approval })).map((m) => m.messageId)).toEqual([
      variance!.messageId,
      alarm!.messageId,
    ]);
  });

  it('names in the shortfall alarm the live receipt the goods back and every party whose pledge or freeze the loss eats into', () => {
    // The lot backs receipt WR-7, pledged by its holder to ICBC, and carries a court freeze as stock
    // (placed before the receipt): a missing 2,000 kg bundle leaves WR-7's 6,000 kg standing on 4,000.
    const frozen: StockEvent = {
      type: 'HoldPlaced',
      data: { lotId, holdId: 'F-1', kind: 'freeze', quantity: { pieces: 1, kg: 2_000 }, reason: 'court order', holder: 'court-sh', actor: 'desk', at },
    };
    const loss = applied('missing_piece:B3', -1, -2_000, { reading: null, approval });
    const underReceipt: StockEvent = { ...loss, data: { ...loss.data, goodsUnder: { receiptNumber: 'WR-7', pledgedTo: ['bank-icbc'] } } } as StockEvent;
    const [, alarm] = outboxFor(foldEvents(stockDecider, [received, frozen]))([
      {
        eventId: '00000000-0000-7000-8000-000000000010',
        streamId: `stock-${lotId}`,
        streamType: 'stock',
        type: underReceipt.type,
        data: underReceipt.data,
        schemaVersion: 1,
        metadata: { actor: { subject: 'counter-5', role: 'operator' }, correlationId: 'wo-st-1' },
        recordedAt: new Date(at),
      } satisfies PendingEvent,
    ]);
    expect(fromBinary(StockShortfallDetectedSchema, alarm!.payload)).toMatchObject({ receiptNumber: 'WR-7', pledgedTo: ['bank-icbc', 'court-sh'] });
    // Goods no receipt backs and nobody holds: the alarm names no receipt and no party.
    const [, plain] = messagesOf(applied('missing_piece:B2', -1, -2_000, { reading: null, approval }));
    expect(fromBinary(StockShortfallDetectedSchema, plain!.payload)).toMatchObject({ receiptNumber: '', pledgedTo: [] });
  });

  it('publishes a gain weighed on a signed scale with the reading as its evidence, and no alarm', () => {
    // B1 booked at 2,000 kg, weighed 2,050 kg on scale 07: +50 kg
    const [variance, ...rest] = messagesOf(applied('weight_variance:B1', 0, 50, { reading: { scaleId: 'SCALE-07', readingId: 'R-1' }, approval: null }));
    expect(rest).toEqual([]);
    const published = fromBinary(StockVarianceAppliedSchema, variance!.payload);
    expect(published).toMatchObject({ evidence: StockVarianceEvidence.SCALE_READING, scaleId: 'SCALE-07', readingId: 'R-1', approver: '', deltaPieces: 0 });
    expect(fromWeight(published.delta!)).toBe(50);
  });
});
