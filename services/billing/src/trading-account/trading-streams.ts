import type { StreamRef } from '../common/events/streams';

/** The streams of the trading platform's money (标准仓单交易管理办法 第五章) in billing's log. */
export const tradingStreams = {
  /** One trader's trading account. */
  account: (partyId: string): StreamRef => ({ streamId: `trading-account-${partyId}`, streamType: 'trading-account' }),
  /** Every trading account number and its trader. */
  directory: (): StreamRef => ({ streamId: 'trading-directory', streamType: 'trading-directory' }),
  /** One take's payment, decided once. */
  takePayment: (takeId: string): StreamRef => ({ streamId: `take-payment-${takeId}`, streamType: 'take-payment' }),
  /** One bank transaction of a trading deposit, booked once. */
  deposit: (bankId: string, bankTransactionId: string): StreamRef => ({
    streamId: `trading-deposit-${bankId}-${bankTransactionId}`,
    streamType: 'trading-deposit',
  }),
  /** A commodity's trading fee rates. */
  feeRates: (commodity: string): StreamRef => ({ streamId: `trading-fee-rates-${commodity}`, streamType: 'trading-fee-rates' }),
} as const;

export const TRADING_ACCOUNT_STREAM_PREFIX = 'trading-account-';
/** The party of a trading account stream id; null for another stream. */
export function partyOfTradingAccountStream(streamId: string): string | null {
  if (!streamId.startsWith(TRADING_ACCOUNT_STREAM_PREFIX)) return null;
  return streamId.slice(TRADING_ACCOUNT_STREAM_PREFIX.length);
}
