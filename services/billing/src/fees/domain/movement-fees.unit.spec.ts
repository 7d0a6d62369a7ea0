import { refusalOf } from '@dw/testing';
import { contractTerms, defaultTerms } from '../../rate-card/domain/rate-card.fixtures.spec-helper';
import { loadInFeeOf, loadOutFeeOf, transferFeeOf } from './movement-fees';

// The example cards: the default charges transfer 50 fen/t, load-in 300 fen/t, load-out 250
// (self-collect) or 450 (delivered) fen/t; the example contract copies those movement rates.
describe('movement fees (transfer, load-in, load-out)', () => {
  it('charges the transfer fee to the buyer, once per transfer, by the receipt’s actual weight', () => {
    // 50 fen/t × 300.120 t = 50 × 300 120 / 1000 = 15 006 fen (150.06 yuan), owed by the buyer.
    expect(transferFeeOf(defaultTerms, 'P-BUYER', 300_120)).toEqual({
      item: 'transfer',
      payerPartyId: 'P-BUYER',
      weightKg: 300_120,
      fenPerTonne: 50,
      fen: 15_006,
    });
    // The buyer's own contract prices it: 40 fen/t × 33.333 t = 1 333.32 fen → 1 333 fen.
    expect(transferFeeOf({ ...contractTerms, transferFenPerTonne: 40 }, 'P-BUYER', 33_333).fen).toBe(1_333);
  });

  it('charges load-in to the owner and load-out by the pickup method to the holder', () => {
    // 300 fen/t × 33.333 t = 9 999.9 fen → 10 000 fen.
    expect(loadInFeeOf(defaultTerms, 'P-A', 33_333)).toMatchObject({ item: 'load_in', payerPartyId: 'P-A', fen: 10_000 });
    // Self-collect 250 fen/t × 33.333 t = 8 333.25 → 8 333 fen; delivered 450 × 33.333 = 14 999.85 → 15 000 fen.
    expect(loadOutFeeOf(defaultTerms, 'P-B', 'self_collect', 33_333).fen).toBe(8_333);
    expect(loadOutFeeOf(defaultTerms, 'P-B', 'warehouse_delivery', 33_333).fen).toBe(15_000);
    const unpriced = refusalOf(() => loadOutFeeOf({ ...defaultTerms, loadOut: [] }, 'P-B', 'self_collect', 33_333));
    expect([unpriced.code, unpriced.field]).toEqual(['NO_LOAD_OUT_RATE', 'method']);
  });
});
