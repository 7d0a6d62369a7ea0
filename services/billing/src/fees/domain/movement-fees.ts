import { Fen, refuse } from '@dw/kernel';
import { LoadOutMethod, RateCardTerms } from '../../rate-card/domain/rate-card.terms';
import { perTonneFee } from './per-tonne-fee';

/** A fee owed once for one movement of goods or title, to one party, at the rate card in force that day. */
export interface MovementFee {
  readonly item: 'transfer' | 'load_in' | 'load_out';
  readonly payerPartyId: string;
  readonly weightKg: number;
  readonly fenPerTonne: number;
  readonly fen: Fen;
}

/**
 * The transfer fee of one title transfer (过户费): charged per transfer by the receipt's actual
 * weight to the buyer, at the buyer's rate card in force on the transfer day
 * (标准仓单交易管理办法 第五十四条: 过户费按次按实际重量向买方仓单交易商收取).
 */
export function transferFeeOf(buyerCard: RateCardTerms, buyerPartyId: string, weightKg: number): MovementFee {
  // rule BILL-TRANSFER-FEE-BUYER
  const fenPerTonne = buyerCard.transferFenPerTonne;
  return { item: 'transfer', payerPartyId: buyerPartyId, weightKg, fenPerTonne, fen: perTonneFee(fenPerTonne, weightKg) };
}

/** The load-in fee of goods received for a depositor, by their scale weight. */
export function loadInFeeOf(ownerCard: RateCardTerms, ownerPartyId: string, weightKg: number): MovementFee {
  const fenPerTonne = ownerCard.loadInFenPerTonne;
  return { item: 'load_in', payerPartyId: ownerPartyId, weightKg, fenPerTonne, fen: perTonneFee(fenPerTonne, weightKg) };
}

/** The load-out fee of goods shipped out to their holder, by the pickup method; refused when the card does not price that method. */
export function loadOutFeeOf(holderCard: RateCardTerms, holderPartyId: string, method: LoadOutMethod, weightKg: number): MovementFee {
  const rate = holderCard.loadOut.find((candidate) => candidate.method === method);
  if (!rate) throw refuse.invalid('NO_LOAD_OUT_RATE', `the rate card prices no load-out by ${method}`, 'method', { method });
  return { item: 'load_out', payerPartyId: holderPartyId, weightKg, fenPerTonne: rate.fenPerTonne, fen: perTonneFee(rate.fenPerTonne, weightKg) };
}
