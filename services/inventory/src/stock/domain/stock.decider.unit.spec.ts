import fc from 'fast-check';
import { DomainError, foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { Stock, stockDecider, stockLevels } from './stock.decider';
import { StockCommand } from './stock.commands';
import { StockEvent } from './stock.events';
import { Quantity } from './quantity';
import type { VarianceEvidence } from '../../stocktake/domain/variance-evidence';

const spec = deciderSpec(stockDecider);
const at = '2025-03-05T02:00:00Z';
const actor = 'clerk-3';
const lotId = 'lot-1';
const q = (pieces: number, kg: number): Quantity => ({ pieces, kg });

const received: StockEvent = {
  type: 'StockReceived',
  data: { lotId, orderId: 'wo-1', warehouse: 'WH-SH-01', owner: 'SC-0001', commodityCode: 'rb-400e-20-sg', quantity: q(3, 6_000), actor, at },
};
const hold = (holdId: string, kind: 'reservation' | 'freeze', quantity: Quantity, holder: string): StockCommand => ({
  type: 'PlaceHold',
  data: {
    lotId,
    holdId,
    kind,
    quantity,
    reason: kind === 'freeze' ? 'pledged to bank' : 'promised to outbound order wo-out-1',
    holder,
    backingReceipt: null,
    actor,
    at,
  },
});
type Title = { backingReceipt: string | null; entitlementId: string | null };
const unbacked: Title = { backingReceipt: null, entitlementId: null };
const shipUnder = (orderId: string, quantity: Quantity, title: Title = unbacked, orderEntitlementId: string | null = null): StockCommand => ({
  type: 'ShipOut',
  data: { lotId, orderId, quantity, title, orderEntitlementId, actor, at },
});
const placed = (holdId: string, kind: 'reservation' | 'freeze', quantity: Quantity, holder: string): StockEvent =>
  stockDecider.decide(hold(holdId, kind, quantity, holder), foldEvents(stockDecider, [received]))[0]!;
const levels = (events: StockEvent[]) => stockLevels(foldEvents(stockDecider, events) as Stock);
const plainGoods = { receiptNumber: null, pledgedTo: [] };
const approved: VarianceEvidence = { reading: null, approval: { approver: 'manager-1', reason: 're-weighed twice, confirmed', at } };
const variance = (varianceId: string, delta: Quantity, evidence: VarianceEvidence = approved): StockCommand => ({
  type: 'ApplyStocktakeVariance',
  data: { lotId, stocktakeId: 'st-1', varianceId, delta, reason: 'bundle found short on re-weigh', evidence, goodsUnder: plainGoods, actor, at },
});

const reservation = placed('h-1', 'reservation', q(2, 4_000), 'receipt-service');
const freeze = placed('h-2', 'freeze', q(1, 2_000), 'bank:ICBC-SH');

describe('stock decider', () => {
  it('books a received lot once', () => {
    spec.given([]).when({ type: 'ReceiveStock', data: received.data }).then([received]);
    spec.given([received]).when({ type: 'ReceiveStock', data: received.data }).thenRefusedWith('STOCK_EXISTS');
    spec
      .given([])
      .when(shipUnder('o', q(1, 1)))
      .thenRefusedWith('STOCK_NOT_FOUND');
  });

  it('splits on hand into reserved, frozen and available', () => {
    // 3 pieces / 6,000 kg on hand − 2 / 4,000 reserved − 1 / 2,000 frozen = 0 / 0 available
    expect(levels([received, reservation, freeze])).toEqual({ onHand: q(3, 6_000), reserved: q(2, 4_000), frozen: q(1, 2_000), available: q(0, 0) });
  });

  it('refuses a hold beyond what is available, in either unit', () => {
    spec
      .given([received, reservation, freeze])
      .when(hold('h-3', 'freeze', q(0, 1), 'court'))
      .thenRefusedWith('INSUFFICIENT_AVAILABLE', {
        asked: q(0, 1),
        available: q(0, 0),
      });
    // 1 piece / 2,000 kg free after the reservation: 1 piece fits but 2,001 kg does not
    spec
      .given([received, reservation])
      .when(hold('h-3', 'freeze', q(1, 2_001), 'court'))
      .thenRefusedWith('INSUFFICIENT_AVAILABLE', { available: q(1, 2_000) });
  });

  it('refuses a hold without reason or holder, a reused hold id and an empty quantity', () => {
    spec
      .given([received])
      .when({ ...hold('h-1', 'freeze', q(1, 1), 'x'), data: { ...hold('h-1', 'freeze', q(1, 1), 'x').data, reason: ' ' } } as StockCommand)
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([received])
      .when(hold('h-1', 'freeze', q(1, 1), ' '))
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([received, reservation])
      .when(hold('h-1', 'freeze', q(0, 1), 'x'))
      .thenRefusedWith('HOLD_EXISTS');
    spec
      .given([received])
      .when(hold('h-9', 'freeze', q(0, 0), 'x'))
      .thenRefusedWith('QUANTITY_INVALID');
    spec
      .given([received])
      .when(hold('h-9', 'freeze', q(-1, 0), 'x'))
      .thenRefusedWith('QUANTITY_INVALID');
  });

  it('releases a hold only for its holder; to anyone else it answers as a missing hold, naming no holder', () => {
    spec
      .given([received, reservation, freeze])
      .when({ type: 'ReleaseHold', data: { lotId, holdId: 'h-2', holder: 'receipt-service', actor, at } })
      .thenRefusedWith('HOLD_NOT_FOUND', { holdId: 'h-2' });
    spec
      .given([received, reservation, freeze])
      .when({ type: 'ReleaseHold', data: { lotId, holdId: 'h-2', holder: 'bank:ICBC-SH', actor, at } })
      .then([{ type: 'HoldReleased', data: { lotId, holdId: 'h-2', kind: 'freeze', quantity: q(1, 2_000), holder: 'bank:ICBC-SH', actor, at } }]);
    spec
      .given([received])
      .when({ type: 'ReleaseHold', data: { lotId, holdId: 'h-2', holder: 'bank:ICBC-SH', actor, at } })
      .thenRefusedWith('HOLD_NOT_FOUND');
    // A lot with no stock at all answers the same: the release route does not tell which lots exist.
    spec
      .given([])
      .when({ type: 'ReleaseHold', data: { lotId, holdId: 'h-2', holder: 'bank:ICBC-SH', actor, at } })
      .thenRefusedWith('HOLD_NOT_FOUND', { holdId: 'h-2' });
  });

  it('ships out only what is not held', () => {
    const ship = (quantity: Quantity): StockCommand => shipUnder('wo-out-1', quantity);
    spec
      .given([received, reservation])
      .when(ship(q(2, 4_000)))
      .thenRefusedWith('INSUFFICIENT_AVAILABLE');
    const shipped = [received, reservation, ...stockDecider.decide(ship(q(1, 2_000)), foldEvents(stockDecider, [received, reservation]))];
    // 3 / 6,000 − 1 / 2,000 shipped = 2 / 4,000 on hand, all of it reserved
    expect(levels(shipped)).toMatchObject({ onHand: q(2, 4_000), available: q(0, 0) });
  });

  it('refuses a stock hold on goods backing a live receipt: they are pledged or frozen through the receipt', () => {
    const onReceiptGoods = {
      ...hold('h-9', 'freeze', q(1, 2_000), 'bank:ICBC-SH'),
      data: { ...hold('h-9', 'freeze', q(1, 2_000), 'bank:ICBC-SH').data, backingReceipt: 'WR-1' },
    };
    spec
      .given([received])
      .when(onReceiptGoods as StockCommand)
      .thenRefusedWith('HOLD_ON_RECEIPT_GOODS', { lotId, receiptNumber: 'WR-1' });
    // a reservation too: goods behind a receipt are promised by the receipt itself
    spec
      .given([received])
      .when({ ...onReceiptGoods, data: { ...onReceiptGoods.data, kind: 'reservation' } } as StockCommand)
      .thenRefusedWith('HOLD_ON_RECEIPT_GOODS');
  });

  it('ships goods of a receipt only once it is cancelled, and then only under the order carrying its entitlement', () => {
    const all = q(3, 6_000);
    spec
      .given([received])
      .when(shipUnder('wo-out-1', all, { backingReceipt: 'WR-1', entitlementId: null }))
      .thenRefusedWith('LOT_BACKS_RECEIPT', { receiptNumber: 'WR-1' });
    const entitled = { backingReceipt: null, entitlementId: 'ENT-WR-1' };
    spec
      .given([received])
      .when(shipUnder('wo-out-2', all, entitled, 'ENT-WR-2'))
      .thenRefusedWith('ENTITLEMENT_NOT_CARRIED', { orderId: 'wo-out-2', entitlementId: 'ENT-WR-1' });
    spec
      .given([received])
      .when(shipUnder('wo-out-3', all, entitled, null))
      .thenRefusedWith('ENTITLEMENT_NOT_CARRIED');
    spec
      .given([received])
      .when(shipUnder('wo-out-1', all, entitled, 'ENT-WR-1'))
      .then([{ type: 'StockShippedOut', data: { lotId, orderId: 'wo-out-1', quantity: all, actor, at } }]);
  });

  it('applies a stocktake loss from unheld goods and a gain always, each variance once', () => {
    // a bundle re-weighed 30 kg light: 6,000 − 30 = 5,970 kg, still 3 pieces
    const loss = [received, ...stockDecider.decide(variance('v-1', q(0, -30)), foldEvents(stockDecider, [received]))];
    expect(levels(loss).onHand).toEqual(q(3, 5_970));
    spec
      .given(loss)
      .when(variance('v-1', q(0, -30)))
      .thenRefusedWith('VARIANCE_ALREADY_APPLIED');
    spec
      .given([received, reservation, freeze])
      .when(variance('v-2', q(0, -30)))
      .thenRefusedWith('INSUFFICIENT_AVAILABLE');
    spec
      .given([received, reservation, freeze])
      .when(variance('v-3', q(1, 2_000)))
      .then([
        {
          type: 'StockVarianceApplied',
          data: {
            lotId,
            stocktakeId: 'st-1',
            varianceId: 'v-3',
            delta: q(1, 2_000),
            reason: 'bundle found short on re-weigh',
            evidence: approved,
            goodsUnder: plainGoods,
            actor,
            at,
          },
        },
      ]);
  });

  it('refuses a correction mixing a gain and a loss, or with no reason', () => {
    spec
      .given([received])
      .when(variance('v-1', q(1, -30)))
      .thenRefusedWith('QUANTITY_INVALID');
    spec
      .given([received])
      .when({ ...variance('v-1', q(0, -30)), data: { ...variance('v-1', q(0, -30)).data, reason: '' } } as StockCommand)
      .thenRefusedWith('FIELD_REQUIRED');
  });
});

describe('stock book: the evidence behind a stocktake correction', () => {
  const none: VarianceEvidence = { reading: null, approval: null };
  const scale: VarianceEvidence = { reading: { scaleId: 'SCALE-07', readingId: 'R-1' }, approval: null };

  it('writes off a loss only with a manager’s approval, even when a scale weighed it', () => {
    spec
      .given([received])
      .when(variance('v-1', q(-1, -2_000), none))
      .thenRefusedWith('WRITE_OFF_NOT_APPROVED', { varianceIds: ['v-1'] });
    spec
      .given([received])
      .when(variance('v-1', q(0, -30), scale))
      .thenRefusedWith('WRITE_OFF_NOT_APPROVED', { varianceIds: ['v-1'] });
    // 3 pieces / 6,000 kg less one missing bundle of 2,000 kg = 2 pieces / 4,000 kg
    const written = [received, ...stockDecider.decide(variance('v-1', q(-1, -2_000)), foldEvents(stockDecider, [received]))];
    expect(levels(written).onHand).toEqual(q(2, 4_000));
  });

  it('takes a gain only from a signed scale reading or with a manager’s approval, never from a hand-typed weight alone', () => {
    spec
      .given([received])
      .when(variance('v-1', q(0, 40), none))
      .thenRefusedWith('WEIGHT_VARIANCE_UNVERIFIED', { varianceIds: ['v-1'] });
    // 6,000 kg + 40 kg weighed over on a signed scale = 6,040 kg
    const weighed = [received, ...stockDecider.decide(variance('v-1', q(0, 40), scale), foldEvents(stockDecider, [received]))];
    expect(levels(weighed).onHand).toEqual(q(3, 6_040));
    expect(weighed[1]).toMatchObject({ type: 'StockVarianceApplied', data: { evidence: scale } });
  });
});

describe('stock invariants', () => {
  const quantity = fc.record({ pieces: fc.integer({ min: 0, max: 4 }), kg: fc.integer({ min: 0, max: 9_000 }) });
  const holders = fc.constantFrom('receipt-service', 'bank', 'court');
  const command: fc.Arbitrary<StockCommand> = fc.oneof(
    fc
      .tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4'), fc.constantFrom('reservation' as const, 'freeze' as const), quantity, holders)
      .map(([id, kind, qty, holder]) => hold(id, kind, qty, holder)),
    fc
      .tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4'), holders)
      .map(([holdId, holder]): StockCommand => ({ type: 'ReleaseHold', data: { lotId, holdId, holder, actor, at } })),
    quantity.map((qty): StockCommand => shipUnder('o', qty)),
    fc.tuple(fc.constantFrom('v1', 'v2', 'v3'), fc.boolean(), quantity).map(([id, loss, qty]) => variance(id, loss ? q(-qty.pieces, -qty.kg) : qty)),
  );

  it('on hand = received − shipped out + variances, and holds never exceed on hand', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const log: StockEvent[] = [received];
        for (const c of commands) {
          try {
            log.push(...stockDecider.decide(c, foldEvents(stockDecider, log)));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const sum = (type: StockEvent['type'], pick: (e: StockEvent) => Quantity) =>
          log.filter((e) => e.type === type).reduce((acc, e) => q(acc.pieces + pick(e).pieces, acc.kg + pick(e).kg), q(0, 0));
        const shipped = sum('StockShippedOut', (e) => (e.data as { quantity: Quantity }).quantity);
        const variances = sum('StockVarianceApplied', (e) => (e.data as { delta: Quantity }).delta);
        const { onHand, reserved, frozen, available } = levels(log);
        // recomputed from the log's events, not from the decider's running totals
        expect(onHand).toEqual(q(3 - shipped.pieces + variances.pieces, 6_000 - shipped.kg + variances.kg));
        expect(reserved.pieces + frozen.pieces).toBeLessThanOrEqual(onHand.pieces);
        expect(reserved.kg + frozen.kg).toBeLessThanOrEqual(onHand.kg);
        expect(available.pieces).toBeGreaterThanOrEqual(0);
        expect(available.kg).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
