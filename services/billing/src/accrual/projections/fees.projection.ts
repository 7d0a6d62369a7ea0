import type { Projection } from '@dw/projections';
import { streams } from '../../common/events/streams';
import type { FeeAccrued, FeeReversed } from '../domain/holding.events';

/** Every fee charged, and whether it was reversed since: a party's fees for GET /fees. */
export const feesProjection: Projection<'fees', FeeAccrued | FeeReversed> = {
  name: 'fees',
  tables: {
    fees: (t) => `CREATE TABLE ${t} (
      fee_id text PRIMARY KEY,
      party_id text NOT NULL,
      item text NOT NULL,
      receipt_number text,
      lot_id text,
      service_date date NOT NULL,
      charged_on date NOT NULL,
      weight_kg bigint NOT NULL,
      rate_fen bigint NOT NULL,
      amount_fen bigint NOT NULL,
      rate_source text NOT NULL,
      rate_version integer NOT NULL,
      accrued_at timestamptz NOT NULL,
      reversed_at timestamptz,
      reversal_reason text
    )`,
  },
  eventTypes: ['FeeAccrued', 'FeeReversed'],
  async apply(tx, events, tables) {
    for (const event of events) {
      // Only the accrual's holding streams list fees here; other billing streams (the account's, the statement books) record facts about fees of their own.
      if (event.streamType !== streams.holding({ kind: 'receipt', id: '' }).streamType) continue;
      switch (event.type) {
        case 'FeeAccrued': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.fees} (fee_id, party_id, item, receipt_number, lot_id, service_date, charged_on, weight_kg, rate_fen, amount_fen, rate_source, rate_version, accrued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
            [
              d.feeId,
              d.partyId,
              d.item,
              d.receiptNumber,
              d.lotId,
              d.serviceDate,
              d.chargedOn,
              d.weightKg,
              d.rateFen,
              d.amountFen,
              d.rateSource,
              d.rateVersion,
              d.accruedAt,
            ],
          );
          break;
        }
        case 'FeeReversed':
          await tx.query(`UPDATE ${tables.fees} SET reversed_at = $2, reversal_reason = $3 WHERE fee_id = $1`, [
            event.data.feeId,
            event.data.reversedAt,
            event.data.reason,
          ]);
          break;
      }
    }
  },
};
