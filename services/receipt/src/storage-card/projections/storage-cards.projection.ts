import type { Projection } from '@dw/projections';
import type { StorageCardEvent } from '../domain/storage-card.events';

const STATUS_OF: Readonly<Record<Exclude<StorageCardEvent['type'], 'StorageCardApplied'>, string>> = {
  StorageCardApproved: 'approved',
  StorageCardRejected: 'rejected',
  StorageCardSuspended: 'suspended',
  StorageCardReinstated: 'approved',
  StorageCardClosed: 'closed',
};

/** Storage cards for lists (staff: all; a depositor: its own); one row per card. */
export const storageCardsProjection: Projection<'storage_cards', StorageCardEvent> = {
  name: 'storage_cards',
  tables: {
    storage_cards: (t) => `CREATE TABLE ${t} (
      card_number text PRIMARY KEY,
      owner_party_id text NOT NULL,
      holder_name text NOT NULL,
      status text NOT NULL,
      last_reason text,
      applied_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX ON ${t} (owner_party_id, card_number);
    CREATE INDEX ON ${t} (status, card_number)`,
  },
  eventTypes: ['StorageCardApplied', ...(Object.keys(STATUS_OF) as (keyof typeof STATUS_OF)[])],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      if (event.type === 'StorageCardApplied') {
        await tx.query(
          `INSERT INTO ${tables.storage_cards} (card_number, owner_party_id, holder_name, status, applied_at, updated_at, version)
           VALUES ($1, $2, $3, 'applied', $4, $4, $5)`,
          [event.data.cardNumber, event.data.ownerPartyId, event.data.holderName, event.data.at, recorded.streamPosition],
        );
        continue;
      }
      const reason = 'reason' in event.data ? event.data.reason : null;
      await tx.query(`UPDATE ${tables.storage_cards} SET status = $2, last_reason = $3, updated_at = $4, version = $5 WHERE card_number = $1`, [
        event.data.cardNumber,
        STATUS_OF[event.type],
        reason,
        event.data.at,
        recorded.streamPosition,
      ]);
    }
  },
};
