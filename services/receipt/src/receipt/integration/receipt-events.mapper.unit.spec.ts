import { fromBinary } from '@bufbuild/protobuf';
import {
  EntitlementPurpose,
  EventRegistry,
  OutboundEntitlementGrantedSchema,
  ReceiptCancelledSchema,
  ReceiptExpiredSchema,
  ReceiptGoodsShortfallRecordedSchema,
  ReceiptGoodsShortfallResolvedSchema,
  ReceiptHoldBeneficiaryKind,
  ReceiptHoldKind,
  ReceiptHoldReleasedSchema,
  ReceiptIssuedSchema,
  ReceiptOrigin,
  ReceiptShortfallResolution,
  receiptEventSchemas,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { cnMainlandCalendar, foldEvents } from '@dw/kernel';
import { TopicNames, type BusinessCalendars } from '@dw/platform';
import { ReceiptOutbox } from '../../common/integration/receipt-outbox';
import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { receiptDecider } from '../domain/receipt.decider';
import type { ReceiptEvent } from '../domain/receipt.events';
import {
  at,
  bank,
  cancelled,
  issued,
  pledged,
  recordR1,
  seller,
  sellerHolder,
  shortfallRecorded,
  shortfallResolved,
  system,
} from '../domain/receipt.fixtures.spec-helper';
import { receiptPublicEvents } from './receipt-events.mapper';

// The calendar the log holds, here the bundled 2025-2026 years (what a fresh log is seeded with).
const calendars = { current: () => cnMainlandCalendar } as BusinessCalendars;
const outbox = new ReceiptOutbox(new EventRegistry().register(...receiptEventSchemas), TopicNames.withPrefix('ci'), calendars);
const outboxFor = outbox.of(receiptDecider, receiptPublicEvents);
/** The public messages of `events`, decided on `before`. */
const publish = (events: Parameters<ReturnType<typeof outboxFor>>[0], before: Parameters<typeof outboxFor>[0]) => outboxFor(before)(events);

const pending = (event: ReceiptEvent, eventId = '01900000-0000-7000-8000-000000000001'): PendingEvent => ({
  eventId,
  streamId: 'receipt-R-1',
  streamType: 'receipt',
  type: event.type,
  data: event.data,
  schemaVersion: 1,
  metadata: { actor: seller, correlationId: 'c-1' },
  recordedAt: new Date(at),
});

describe('receipt events in public (receipt.receipt.v1, receipt.entitlement.v1)', () => {
  it('publishes an issued receipt with its goods, holder, validity and lineage', () => {
    const child = { ...recordR1, receiptNumber: 'R-1A', lineage: { origin: 'split' as const, parent: 'R-1' } };
    const [message] = publish([pending(issued(child))], receiptDecider.initialState());
    expect([message!.topic, message!.key, message!.headers.ce_type]).toEqual(['ci.receipt.receipt.v1', 'receipt-R-1', ReceiptIssuedSchema.typeName]);
    const body = fromBinary(ReceiptIssuedSchema, message!.payload);
    expect(body).toMatchObject({
      receiptNumber: 'R-1A',
      origin: ReceiptOrigin.SPLIT,
      parentReceiptNumbers: ['R-1'],
      validUntil: { value: '2026-06-03' },
      ruleVersion: 1,
    });
    expect(body.goods).toMatchObject({ commodity: 'rebar', warehouse: 'WH-WX', weight: { kg: 600_000n } });
    expect(body.lots.map((lot) => lot.lotId)).toEqual(['LOT-1', 'LOT-2']);
  });

  it('names the beneficiary and the holds left when a hold is released (from the state before the event)', () => {
    const before = foldEvents(receiptDecider, [issued(), pledged()]);
    const released: ReceiptEvent = {
      type: 'ReceiptHoldReleased',
      data: { receiptNumber: 'R-1', holdId: 'H-1', kind: 'pledge', reason: 'repaid', actor: bank, at },
    };
    const body = fromBinary(ReceiptHoldReleasedSchema, publish([pending(released)], before)[0]!.payload);
    expect(body).toMatchObject({
      holdId: 'H-1',
      kind: ReceiptHoldKind.PLEDGE,
      beneficiary: { kind: ReceiptHoldBeneficiaryKind.BANK, partyId: 'ICBC-SH' },
      remainingHolds: 0,
      holder: { storageCard: sellerHolder.storageCard },
      releasedBy: { subject: bank.subject, role: 'bank', partyId: 'ICBC-SH' },
    });
  });

  it('publishes a cancellation twice: on the receipt topic, and as the entitlement keyed by its id with a distinct, stable message id', () => {
    const cancellation = cancelled('spot-conversion', seller);
    const state = foldEvents(receiptDecider, [issued()]);
    const [onReceipt, entitlement] = publish([pending(cancellation)], state);
    expect(fromBinary(ReceiptCancelledSchema, onReceipt!.payload)).toMatchObject({
      entitlementId: 'ENT-R-1',
      purpose: EntitlementPurpose.SPOT_CONVERSION,
      lotIds: ['LOT-1', 'LOT-2'],
    });
    expect([entitlement!.topic, entitlement!.key]).toEqual(['ci.receipt.entitlement.v1', 'ENT-R-1']);
    expect(fromBinary(OutboundEntitlementGrantedSchema, entitlement!.payload)).toMatchObject({
      holderStorageCard: 'SC-0001',
      total: { kg: 600_000n },
      purpose: EntitlementPurpose.SPOT_CONVERSION,
    });
    expect(entitlement!.messageId).not.toBe(onReceipt!.messageId);
    expect(entitlement!.headers.ce_id).toBe(entitlement!.messageId);
    // A relay retry maps the same event to the same two ids.
    expect(publish([pending(cancellation)], state).map((m) => m.messageId)).toEqual([onReceipt!.messageId, entitlement!.messageId]);
  });

  it('publishes an expiry with the last trading day within validity, and nothing for a fees update', () => {
    // Valid through Sunday 2026-10-04, inside National Day (Oct 1–7): the last trading day is Wednesday 09-30.
    const state = foldEvents(receiptDecider, [issued({ ...recordR1, validUntil: d('2026-10-04') })]);
    const expired: ReceiptEvent = {
      type: 'ReceiptExpired',
      data: { receiptNumber: 'R-1', asOf: d('2026-10-05'), validUntil: d('2026-10-04'), actor: system, at },
    };
    expect(fromBinary(ReceiptExpiredSchema, publish([pending(expired)], state)[0]!.payload).lastTradingDay?.value).toBe('2026-09-30');
    const fees: ReceiptEvent = {
      type: 'StorageFeesPaidThroughAdvanced',
      data: { receiptNumber: 'R-1', paidThrough: d('2026-04-30'), previous: d('2026-03-31'), actor: system, at },
    };
    expect(publish([pending(fees)], state)).toEqual([]);
  });

  it('publishes a goods shortfall and its resolution with the lot, the variance and the shortfalls left open', () => {
    const before = foldEvents(receiptDecider, [issued()]);
    const [recorded] = publish([pending(shortfallRecorded())], before);
    expect([recorded!.topic, recorded!.key, recorded!.headers.ce_type]).toEqual([
      'ci.receipt.receipt.v1',
      'receipt-R-1',
      ReceiptGoodsShortfallRecordedSchema.typeName,
    ]);
    expect(fromBinary(ReceiptGoodsShortfallRecordedSchema, recorded!.payload)).toMatchObject({
      receiptNumber: 'R-1',
      lotId: 'LOT-1',
      stocktakeId: 'ST-1',
      varianceId: 'missing_piece:P-0007',
      deltaPieces: -1,
      delta: { kg: -2_500n },
      approver: 'inv-manager-sun',
      pledgedTo: ['ICBC-SH'],
      openShortfalls: 1,
      goods: { weight: { kg: 600_000n } },
      holder: { storageCard: sellerHolder.storageCard },
    });
    const short = foldEvents(receiptDecider, [issued(), shortfallRecorded()]);
    const resolved = fromBinary(ReceiptGoodsShortfallResolvedSchema, publish([pending(shortfallResolved())], short)[0]!.payload);
    expect(resolved).toMatchObject({
      varianceId: 'missing_piece:P-0007',
      lotId: 'LOT-1',
      resolution: ReceiptShortfallResolution.REPLENISHED,
      reference: 'ST-2/weight_variance:P-0007',
      openShortfalls: 0,
      resolvedBy: { subject: 'manager-qian', role: 'manager' },
    });
  });
});
