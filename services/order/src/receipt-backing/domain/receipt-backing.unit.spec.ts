import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { LotBackingEvent, lotBackingDecider, ReceiptBackingEvent, receiptBackingDecider } from './receipt-backing';

const receipts = deciderSpec(receiptBackingDecider);
const lots = deciderSpec(lotBackingDecider);
const issued: ReceiptBackingEvent = { type: 'ReceiptLotsRecorded', data: { receiptNumber: 'WR-1', lotIds: ['lot-a', 'lot-b'] } };

describe('which lots back live receipts (ORD-RECEIPT-LOTS-NEED-ENTITLEMENT)', () => {
  it('records a receipt’s lots once, and ends it with those lots whatever the ending event names', () => {
    receipts.given([]).when({ type: 'RecordReceiptLots', data: issued.data }).then([issued]);
    receipts.given([issued]).when({ type: 'RecordReceiptLots', data: issued.data }).then([]);
    receipts
      .given([issued])
      .when({ type: 'EndReceipt', data: { receiptNumber: 'WR-1', lotIds: [], reason: 'split' } })
      .then([{ type: 'ReceiptEnded', data: { receiptNumber: 'WR-1', lotIds: ['lot-a', 'lot-b'], reason: 'split' } }]);
  });

  it('ends a receipt it never saw issued with the lots its cancellation names, and ignores an issue after the end', () => {
    const ended: ReceiptBackingEvent = { type: 'ReceiptEnded', data: { receiptNumber: 'WR-1', lotIds: ['lot-a'], reason: 'cancelled' } };
    receipts.given([]).when({ type: 'EndReceipt', data: ended.data }).then([ended]);
    receipts.given([ended]).when({ type: 'RecordReceiptLots', data: issued.data }).then([]);
  });

  it('keeps a lot backed while any live receipt stands on it, whichever of a split’s child and parent arrives first', () => {
    const byParent: LotBackingEvent = { type: 'LotBacked', data: { lotId: 'lot-a', receiptNumber: 'WR-1' } };
    const byChild: LotBackingEvent = { type: 'LotBacked', data: { lotId: 'lot-a', receiptNumber: 'WR-1-1' } };
    const parentReleased: LotBackingEvent = { type: 'LotReleased', data: { lotId: 'lot-a', receiptNumber: 'WR-1' } };
    // The child's ReceiptIssued came before the parent's ReceiptSplit.
    expect(foldEvents(lotBackingDecider, [byParent, byChild, parentReleased]).receipts).toEqual(['WR-1-1']);
    lots.given([byParent, byChild]).when({ type: 'BackLot', data: byChild.data }).then([]);
    lots.given([byChild]).when({ type: 'ReleaseLot', data: parentReleased.data }).then([]);
  });
});
