import { refuse, requireNonNegativeInteger, requireOneOf, requireText } from '@dw/kernel';

/**
 * Where goods lie, as the inventory service names a location's area (`AREA_KINDS`): a covered
 * shed (库房, the "warehouse" rate) or an open yard (露天货场). Storage is priced by it.
 */
export const STORAGE_KINDS = ['shed', 'yard'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** How goods leave, as the order service's pickup application names it (`PICKUP_METHODS`). */
export const LOAD_OUT_METHODS = ['self_collect', 'warehouse_delivery'] as const;
export type LoadOutMethod = (typeof LOAD_OUT_METHODS)[number];

/**
 * How the depositor settles (结算方式, 《关于智慧化交割仓库样板的研究与实践》 四（二）3（5）费用结算自动化): a monthly statement paid
 * against an invoice, deduction from a prepaid account as fees accrue, or collection by the
 * exchange on the warehouse's behalf while the receipts trade (标准仓单交易管理办法 第四十一条、第五十三条).
 */
export const SETTLEMENT_METHODS = ['monthly_statement', 'prepaid_account', 'exchange_collected'] as const;
export type SettlementMethod = (typeof SETTLEMENT_METHODS)[number];

/** Storage per tonne per calendar day, for one storage kind and commodity, in integer fen. */
export interface StorageRate {
  readonly storageKind: StorageKind;
  readonly commodity: string;
  readonly fenPerTonneDay: number;
}

export interface LoadOutRate {
  readonly method: LoadOutMethod;
  readonly fenPerTonne: number;
}

/**
 * One version of a rate card: every fee item the warehouse charges, in integer fen per tonne
 * (per tonne per day for storage), applied to actual weights in integer kg.
 */
export interface RateCardTerms {
  readonly settlementMethod: SettlementMethod;
  readonly storage: readonly StorageRate[];
  readonly loadInFenPerTonne: number;
  readonly loadOut: readonly LoadOutRate[];
  readonly transferFenPerTonne: number;
}

/**
 * Refuses terms a fee could not be computed from: a negative or fractional rate, an unknown
 * storage kind, load-out method or settlement method, no storage rate at all, or two rates for
 * the same item (which one would apply?). Returns the terms with commodity codes trimmed.
 */
export function assertRateCardTerms(terms: RateCardTerms): RateCardTerms {
  // rule BILL-RATE-CARD-TERMS
  const settlementMethod = requireOneOf(terms.settlementMethod, SETTLEMENT_METHODS, 'terms.settlementMethod');
  if (!Array.isArray(terms.storage) || terms.storage.length === 0) {
    throw refuse.invalid('LIST_EMPTY', 'terms.storage needs at least one storage rate', 'terms.storage');
  }
  const storage = terms.storage.map((rate, index) => ({
    storageKind: requireOneOf(rate.storageKind, STORAGE_KINDS, `terms.storage[${index}].storageKind`),
    commodity: requireText(rate.commodity, `terms.storage[${index}].commodity`),
    fenPerTonneDay: requireNonNegativeInteger(rate.fenPerTonneDay, `terms.storage[${index}].fenPerTonneDay`),
  }));
  storage.forEach((rate, index) => {
    const first = storage.findIndex((other) => other.storageKind === rate.storageKind && other.commodity === rate.commodity);
    if (first !== index) {
      throw refuse.invalid(
        'DUPLICATE_RATE',
        `terms.storage[${index}] prices ${rate.commodity} in a ${rate.storageKind} again (as terms.storage[${first}])`,
        `terms.storage[${index}]`,
        {
          storageKind: rate.storageKind,
          commodity: rate.commodity,
        },
      );
    }
  });
  const loadOut = (Array.isArray(terms.loadOut) ? terms.loadOut : []).map((rate, index) => ({
    method: requireOneOf(rate.method, LOAD_OUT_METHODS, `terms.loadOut[${index}].method`),
    fenPerTonne: requireNonNegativeInteger(rate.fenPerTonne, `terms.loadOut[${index}].fenPerTonne`),
  }));
  loadOut.forEach((rate, index) => {
    const first = loadOut.findIndex((other) => other.method === rate.method);
    if (first !== index) {
      throw refuse.invalid('DUPLICATE_RATE', `terms.loadOut[${index}] prices ${rate.method} again (as terms.loadOut[${first}])`, `terms.loadOut[${index}]`, {
        method: rate.method,
      });
    }
  });
  return {
    settlementMethod,
    storage,
    loadInFenPerTonne: requireNonNegativeInteger(terms.loadInFenPerTonne, 'terms.loadInFenPerTonne'),
    loadOut,
    transferFenPerTonne: requireNonNegativeInteger(terms.transferFenPerTonne, 'terms.transferFenPerTonne'),
  };
}

/** The storage rate for goods of `commodity` lying in a `storageKind` area; refused when the card has none. */
export function storageRateOf(terms: RateCardTerms, storageKind: StorageKind, commodity: string): number {
  const rate = terms.storage.find((candidate) => candidate.storageKind === storageKind && candidate.commodity === commodity);
  if (!rate) {
    throw refuse.invalid('NO_STORAGE_RATE', `the rate card prices no storage of ${commodity} in a ${storageKind}`, 'commodity', { storageKind, commodity });
  }
  return rate.fenPerTonneDay;
}
