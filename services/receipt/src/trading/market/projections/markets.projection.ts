import type { Projection } from '@dw/projections';
import type { MarketEvent } from '../domain/market.events';

/** Each commodity's market as the exchange set it, with who changed it last and when; one row per commodity. */
export const marketsProjection: Projection<'markets', MarketEvent> = {
  name: 'markets',
  tables: {
    markets: (t) => `CREATE TABLE ${t} (
      commodity text PRIMARY KEY,
      tradable boolean NOT NULL,
      tick_fen_per_tonne bigint NOT NULL,
      sessions jsonb NOT NULL,
      reference_contract text NOT NULL,
      max_up_bp integer NOT NULL,
      max_down_bp integer NOT NULL,
      suspended boolean NOT NULL,
      suspension_reason text,
      last_change text NOT NULL,
      last_reason text,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      version integer NOT NULL
    )`,
  },
  eventTypes: ['MarketSettingsChanged', 'MarketSessionsChanged', 'MarketPriceBandChanged', 'MarketTradingSuspended', 'MarketTradingResumed'],
  async apply(tx, events, tables) {
    const t = tables.markets;
    for (const event of events) {
      const { commodity, actor, at } = event.data;
      // $1 commodity, $2 last change, $3 reason, $4 by, $5 at, $6 version
      const stamp = [commodity, event.type, 'reason' in event.data ? event.data.reason : null, actor.subject, at, event.streamPosition];
      const set = `last_change = $2, last_reason = $3, changed_by = $4, changed_at = $5, version = $6`;
      switch (event.type) {
        case 'MarketSettingsChanged': {
          const { tradable, tickFenPerTonne, sessions, referenceContract, maxUpBasisPoints, maxDownBasisPoints } = event.data;
          await tx.query(
            `INSERT INTO ${t} (commodity, last_change, last_reason, changed_by, changed_at, version, tradable, tick_fen_per_tonne, sessions,
               reference_contract, max_up_bp, max_down_bp, suspended)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false)
             ON CONFLICT (commodity) DO UPDATE SET ${set}, tradable = $7, tick_fen_per_tonne = $8, sessions = $9, reference_contract = $10,
               max_up_bp = $11, max_down_bp = $12`,
            [...stamp, tradable, tickFenPerTonne, JSON.stringify(sessions), referenceContract, maxUpBasisPoints, maxDownBasisPoints],
          );
          break;
        }
        case 'MarketSessionsChanged':
          await tx.query(`UPDATE ${t} SET ${set}, sessions = $7 WHERE commodity = $1`, [...stamp, JSON.stringify(event.data.sessions)]);
          break;
        case 'MarketPriceBandChanged':
          await tx.query(`UPDATE ${t} SET ${set}, max_up_bp = $7, max_down_bp = $8 WHERE commodity = $1`, [
            ...stamp,
            event.data.maxUpBasisPoints,
            event.data.maxDownBasisPoints,
          ]);
          break;
        case 'MarketTradingSuspended':
          await tx.query(`UPDATE ${t} SET ${set}, suspended = true, suspension_reason = $3 WHERE commodity = $1`, stamp);
          break;
        case 'MarketTradingResumed':
          await tx.query(`UPDATE ${t} SET ${set}, suspended = false, suspension_reason = NULL WHERE commodity = $1`, stamp);
          break;
      }
    }
  },
};
