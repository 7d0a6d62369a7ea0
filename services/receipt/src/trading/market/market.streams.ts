import type { StreamRef } from '../../common/events/streams';

/** A commodity's market on the trading platform, as the exchange sets it. */
export const marketStream = (commodity: string): StreamRef => ({ streamId: `market-${commodity}`, streamType: 'market' });

/** The exchange's settlement prices of a commodity on one trading day, copied from billing: small streams, one per day. */
export const referencePricesStream = (commodity: string, tradingDay: string): StreamRef => ({
  streamId: `reference-prices-${commodity}-${tradingDay}`,
  streamType: 'reference-prices',
});
