import type { Projection } from '@dw/projections';
import type { HolderChanged, HoldingOpened, StorageClosedThrough } from '../domain/holding.events';

/**
 * Each receipt's or lot's timeline in brief: its holder now, the day it left billing's charge
 * and the last day closed. The day close reads it to find what still has days to charge.
 */
export const holdingsProjection: Projection<'holdings', HoldingOpened | HolderChanged | StorageClosedThrough> = {
  name: 'holdings',
  tables: {
    holdings: (t) => `CREATE TABLE ${t} (
      kind text NOT NULL,
      id text NOT NULL,
      holder_party_id text,
      opened_on date NOT NULL,
      ended_on date,
      closed_through date,
      PRIMARY KEY (kind, id)
    )`,
  },
  eventTypes: ['HoldingOpened', 'HolderChanged', 'StorageClosedThrough'],
  async apply(tx, events, tables) {
    for (const event of events) {
      const { kind, id } = event.data.thing;
      switch (event.type) {
        case 'HoldingOpened':
          await tx.query(`INSERT INTO ${tables.holdings} (kind, id, holder_party_id, opened_on) VALUES ($1, $2, $3, $4)`, [
            kind,
            id,
            event.data.holderPartyId,
            event.data.on,
          ]);
          break;
        case 'HolderChanged':
          await tx.query(
            `UPDATE ${tables.holdings} SET holder_party_id = $3, ended_on = CASE WHEN $3::text IS NULL THEN $4::date ELSE NULL END WHERE kind = $1 AND id = $2`,
            [kind, id, event.data.holderPartyId, event.data.on],
          );
          break;
        case 'StorageClosedThrough':
          await tx.query(`UPDATE ${tables.holdings} SET closed_through = $3 WHERE kind = $1 AND id = $2`, [kind, id, event.data.through]);
          break;
      }
    }
  },
};
