import { LocalDate, localDate } from '@dw/kernel';
import { RateCardTerms } from './rate-card.terms';

export const d = (text: string): LocalDate => localDate(text);

/**
 * The warehouse's published default in the examples: rebar in a shed 15 fen (0.15 yuan) per
 * tonne per day, in the yard 10; load-in 300 fen (3 yuan) per tonne; load-out 250 (self-collect)
 * or 450 (delivered) per tonne; transfer 50 fen (0.5 yuan) per tonne.
 */
export const defaultTerms: RateCardTerms = {
  settlementMethod: 'monthly_statement',
  storage: [
    { storageKind: 'shed', commodity: 'rebar', fenPerTonneDay: 15 },
    { storageKind: 'yard', commodity: 'rebar', fenPerTonneDay: 10 },
  ],
  loadInFenPerTonne: 300,
  loadOut: [
    { method: 'self_collect', fenPerTonne: 250 },
    { method: 'warehouse_delivery', fenPerTonne: 450 },
  ],
  transferFenPerTonne: 50,
};

/** A depositor's contract in the examples: shed storage of rebar at 20 fen per tonne per day, settled from a prepaid account. */
export const contractTerms: RateCardTerms = {
  ...defaultTerms,
  settlementMethod: 'prepaid_account',
  storage: [{ storageKind: 'shed', commodity: 'rebar', fenPerTonneDay: 20 }],
};
