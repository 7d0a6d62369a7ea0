import type { Projection } from '@dw/projections';
import type { LocationEvent } from '../domain/location.events';

/** Locations with their capacity and what they hold now, for GET /locations and put-away planning. */
export const locationsProjection: Projection<'locations', LocationEvent> = {
  name: 'locations',
  tables: {
    locations: (t) => `CREATE TABLE ${t} (
      location_id text PRIMARY KEY,
      warehouse text NOT NULL,
      area_kind text NOT NULL,
      area_name text NOT NULL,
      row_name text NOT NULL,
      slot text NOT NULL,
      capacity_kg bigint,
      capacity_pieces int,
      used_kg bigint NOT NULL DEFAULT 0,
      used_pieces int NOT NULL DEFAULT 0,
      defined_at timestamptz NOT NULL)`,
  },
  eventTypes: ['LocationDefined', 'GoodsPutAway', 'GoodsMovedIn', 'GoodsMovedOut', 'GoodsRemoved'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      if (event.type === 'LocationDefined') {
        const d = event.data;
        await tx.query(
          `INSERT INTO ${tables.locations} (location_id, warehouse, area_kind, area_name, row_name, slot, capacity_kg, capacity_pieces, defined_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [d.locationId, d.warehouse, d.area.kind, d.area.name, d.row, d.slot, d.capacityKg, d.capacityPieces, d.at],
        );
        continue;
      }
      const sign = event.type === 'GoodsPutAway' || event.type === 'GoodsMovedIn' ? 1 : -1;
      await tx.query(`UPDATE ${tables.locations} SET used_kg = used_kg + $2, used_pieces = used_pieces + $3 WHERE location_id = $1`, [
        event.data.locationId,
        sign * event.data.netKg,
        sign * event.data.pieces.length,
      ]);
    }
  },
};
