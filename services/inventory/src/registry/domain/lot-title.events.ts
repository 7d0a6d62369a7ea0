import { DomainEvent } from '@dw/kernel';

/** Who holds title: a storage card, the party behind it and the name on it (as the receipt service published them). */
export interface TitleHolder {
  readonly storageCard: string;
  readonly partyId: string;
  readonly name: string;
}

export const RECEIPT_HOLD_KINDS = ['pledge', 'freeze', 'delivery'] as const;
export type ReceiptHoldKind = (typeof RECEIPT_HOLD_KINDS)[number];

/** Who a receipt hold protects (a bank, the exchange or a court); only it lifts the hold. */
export interface HoldBeneficiary {
  readonly kind: 'bank' | 'exchange' | 'court' | 'unknown';
  readonly partyId: string;
  readonly name: string;
}

export const ENTITLEMENT_PURPOSES = ['pickup', 'spot_conversion'] as const;
export type EntitlementPurpose = (typeof ENTITLEMENT_PURPOSES)[number];

interface Stamped {
  readonly lotId: string;
  readonly actor: string;
  readonly at: string;
}

/**
 * Inventory's record of the title to one lot, taken from the receipt service's events
 * (receipt.receipt.v1, receipt.entitlement.v1). The receipt service decides title; inventory
 * follows it in its own log so that its stock views and its own refusals never wait on a call.
 */
/** The lot now backs `receiptNumber` (issued over it, or a split/merge successor of `previousReceipt`). */
export type LotBackedReceipt = DomainEvent<
  'LotBackedReceipt',
  Stamped & {
    readonly receiptNumber: string;
    /** The receipts it was split or merged from (empty for an issuance); they no longer back the lot. */
    readonly parents: readonly string[];
    /** The receipt that backed the lot until now, if any. */
    readonly previousReceipt: string | null;
    readonly holder: TitleHolder;
  }
>;
/** The receipt backing the lot left circulation into `successors` (split or merge); the lot stays backed until a successor names it. */
export type LotReceiptSucceeded = DomainEvent<'LotReceiptSucceeded', Stamped & { readonly receiptNumber: string; readonly successors: readonly string[] }>;
export type LotTitleTransferred = DomainEvent<
  'LotTitleTransferred',
  Stamped & { readonly receiptNumber: string; readonly transferId: string; readonly from: TitleHolder; readonly to: TitleHolder }
>;
export type LotReceiptHoldPlaced = DomainEvent<
  'LotReceiptHoldPlaced',
  Stamped & {
    readonly receiptNumber: string;
    readonly holdId: string;
    readonly kind: ReceiptHoldKind;
    readonly beneficiary: HoldBeneficiary;
    readonly reason: string;
  }
>;
export type LotReceiptHoldReleased = DomainEvent<
  'LotReceiptHoldReleased',
  Stamped & { readonly receiptNumber: string; readonly holdId: string; readonly kind: ReceiptHoldKind }
>;
/** The receipt was cancelled (注销): the lot backs no receipt any more and is released to the entitlement's holder. */
export type LotEntitled = DomainEvent<
  'LotEntitled',
  Stamped & {
    readonly receiptNumber: string;
    readonly entitlementId: string;
    readonly purpose: EntitlementPurpose;
    readonly holder: TitleHolder;
  }
>;

export type LotTitleEvent = LotBackedReceipt | LotReceiptSucceeded | LotTitleTransferred | LotReceiptHoldPlaced | LotReceiptHoldReleased | LotEntitled;
export const LOT_TITLE_EVENT_TYPES: readonly LotTitleEvent['type'][] = [
  'LotBackedReceipt',
  'LotReceiptSucceeded',
  'LotTitleTransferred',
  'LotReceiptHoldPlaced',
  'LotReceiptHoldReleased',
  'LotEntitled',
];
