/** A receipt trader's standing on the platform (标准仓单交易管理办法 第六条至第十四条). */
export type TraderStatus = 'applied' | 'approved' | 'rejected' | 'suspended' | 'closed';

/** The trader's bank settlement account at a depository bank, where its withdrawals are paid (第三十条). */
export interface TraderBankAccount {
  readonly accountName: string;
  readonly accountNumber: string;
  readonly bank: string;
}

/**
 * A receipt trader (仓单交易商): one per depositor party, its trading account number being the
 * number of the party's storage card it named (第十条: one account per trader, the same number
 * as in the receipt registry).
 */
export interface Trader {
  readonly partyId: string;
  readonly accountNumber: string;
  readonly name: string;
  /** The commodities the exchange permits it to trade. */
  readonly commodities: readonly string[];
  readonly bankAccount: TraderBankAccount;
  readonly status: TraderStatus;
  /** The trader asked the exchange to cancel its qualification (第十四条) and the exchange has not yet closed it. */
  readonly closureRequested: boolean;
}

/** How a qualification ends: revoked by the exchange (第十二条) or cancelled at the trader's own request (第十四条). */
export type TraderClosureBasis = 'revocation' | 'request';
export const TRADER_CLOSURE_BASES: readonly TraderClosureBasis[] = ['revocation', 'request'];
