import fc from 'fast-check';
import { DomainError, foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { BarcodeEvent } from './barcode.events';
import { barcodeDecider } from './barcode.decider';
import { ClaimBarcode } from './barcode.commands';

const spec = deciderSpec(barcodeDecider);
const at = '2025-03-04T03:00:00Z';
const claim = (lotId: string, barcode = 'SG2503-000123'): ClaimBarcode => ({
  type: 'ClaimBarcode',
  data: { barcode, warehouse: 'WH-SH-01', lotId, orderId: `order-of-${lotId}`, actor: 'scanner-3', at },
});
const claimed: BarcodeEvent = { type: 'BarcodeClaimed', data: claim('lot-1').data };

describe('barcode decider', () => {
  it('claims a free barcode', () => {
    spec.given([]).when(claim('lot-1')).then([claimed]);
  });

  it('refuses a second use, naming the lot that holds it', () => {
    spec.given([claimed]).when(claim('lot-2')).thenRefusedWith('DUPLICATE_BARCODE', { barcode: 'SG2503-000123', lotId: 'lot-1', orderId: 'order-of-lot-1' });
    // the same lot scanning it twice is just as much a duplicate
    spec.given([claimed]).when(claim('lot-1')).thenRefusedWith('DUPLICATE_BARCODE');
  });

  it.each([[''], ['has space'], ['-leading-dash'], ['条码'], ['x'.repeat(65)]])('refuses the malformed barcode %j', (barcode) => {
    spec.given([]).when(claim('lot-1', barcode)).thenRefusedWith('BARCODE_INVALID');
  });

  it('whatever the order of claims, exactly the first one per barcode wins', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A1', 'A2', 'A3'), fc.constantFrom('lot-1', 'lot-2')), { maxLength: 20 }), (claims) => {
        const streams = new Map<string, BarcodeEvent[]>();
        for (const [barcode, lotId] of claims) {
          const stream = streams.get(barcode) ?? [];
          try {
            stream.push(...barcodeDecider.decide(claim(lotId, barcode), foldEvents(barcodeDecider, stream)));
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          streams.set(barcode, stream);
        }
        for (const [barcode, stream] of streams) {
          expect(stream).toHaveLength(1);
          expect(stream[0]!.data.lotId).toBe(claims.find(([code]) => code === barcode)![1]);
        }
      }),
    );
  });
});
