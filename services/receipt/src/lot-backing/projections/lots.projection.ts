import type { Projection } from '@dw/projections';
import type { LotBackingEvent } from '../domain/lot-backing.events';

/**
 * Lots known from the inventory service and what they back: available (free for an issuance
 * application), reserved (held for one), backing (a live receipt's goods), entitled (cancelled for
 * a pickup, waiting under the entitlement), spot (cancelled to spot goods, in store), shipped (gone).
 */
export const lotsProjection: Projection<'lots', LotBackingEvent> = {
  name: 'lots',
  tables: {
    lots: (t) => `CREATE TABLE ${t} (
      lot_id text PRIMARY KEY,
      commodity text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      warehouse_id text NOT NULL,
      location text NOT NULL,
      pieces integer NOT NULL,
      weight_kg bigint NOT NULL,
      production_dates jsonb NOT NULL,
      owner_card text NOT NULL,
      inspection_report_ref text NOT NULL,
      status text NOT NULL,
      application_id text,
      receipt_number text,
      entitlement_id text,
      stock_holds integer NOT NULL,
      registered_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX ON ${t} (status, lot_id);
    CREATE INDEX ON ${t} (owner_card, lot_id)`,
  },
  eventTypes: [
    'LotRegistered',
    'LotReservedForIssuance',
    'LotReservationReleased',
    'LotBackingAssigned',
    'LotBackingReassigned',
    'LotBackingReleased',
    'LotShipped',
    'LotStockHoldPlaced',
    'LotStockHoldReleased',
  ],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      const version = recorded.streamPosition;
      switch (event.type) {
        case 'LotRegistered': {
          const lot = event.data.lot;
          await tx.query(
            `INSERT INTO ${tables.lots} (lot_id, commodity, brand, grade, warehouse_id, location, pieces, weight_kg, production_dates, owner_card, inspection_report_ref, status, stock_holds, registered_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'available', 0, $12, $13)`,
            [
              lot.lotId,
              lot.commodity,
              lot.brand,
              lot.grade,
              lot.warehouseId,
              lot.location,
              lot.pieces,
              lot.weightKg,
              JSON.stringify(lot.productionDates),
              lot.ownerCard,
              lot.inspectionReportRef,
              event.data.at,
              version,
            ],
          );
          break;
        }
        case 'LotReservedForIssuance':
          await tx.query(`UPDATE ${tables.lots} SET status = 'reserved', application_id = $2, version = $3 WHERE lot_id = $1`, [
            event.data.lotId,
            event.data.applicationId,
            version,
          ]);
          break;
        case 'LotReservationReleased':
          await tx.query(`UPDATE ${tables.lots} SET status = 'available', application_id = NULL, version = $2 WHERE lot_id = $1`, [event.data.lotId, version]);
          break;
        case 'LotBackingAssigned':
          await tx.query(`UPDATE ${tables.lots} SET status = 'backing', application_id = NULL, receipt_number = $2, version = $3 WHERE lot_id = $1`, [
            event.data.lotId,
            event.data.receiptNumber,
            version,
          ]);
          break;
        case 'LotBackingReassigned':
          await tx.query(`UPDATE ${tables.lots} SET receipt_number = $2, version = $3 WHERE lot_id = $1`, [
            event.data.lotId,
            event.data.toReceiptNumber,
            version,
          ]);
          break;
        case 'LotBackingReleased': {
          // The receipt it backed stays named: the goods were that receipt's until its cancellation.
          const pickup = event.data.purpose === 'pickup';
          await tx.query(`UPDATE ${tables.lots} SET status = $2, owner_card = $3, entitlement_id = $4, version = $5 WHERE lot_id = $1`, [
            event.data.lotId,
            pickup ? 'entitled' : 'spot',
            event.data.entitledCard,
            pickup ? event.data.entitlementId : null,
            version,
          ]);
          break;
        }
        case 'LotShipped':
          await tx.query(`UPDATE ${tables.lots} SET status = 'shipped', version = $2 WHERE lot_id = $1`, [event.data.lotId, version]);
          break;
        // The decider records each placement and release once, so counting them is exact.
        case 'LotStockHoldPlaced':
          await tx.query(`UPDATE ${tables.lots} SET stock_holds = stock_holds + 1, version = $2 WHERE lot_id = $1`, [event.data.lotId, version]);
          break;
        case 'LotStockHoldReleased':
          await tx.query(`UPDATE ${tables.lots} SET stock_holds = stock_holds - 1, version = $2 WHERE lot_id = $1`, [event.data.lotId, version]);
          break;
      }
    }
  },
};
