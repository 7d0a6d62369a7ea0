import type { Projection } from '@dw/projections';
import type { RateCardVersionPublished } from '../domain/rate-card.events';

/** Every rate card version (the default's and every contract's), for listing; one card's versions are read from its stream. */
export const rateCardVersionsProjection: Projection<'rate_card_versions', RateCardVersionPublished> = {
  name: 'rate_card_versions',
  tables: {
    // card is '' for the published default, else the party id: one key for both kinds of card.
    rate_card_versions: (t) => `CREATE TABLE ${t} (
      card text NOT NULL,
      party_id text,
      version integer NOT NULL,
      effective_from date NOT NULL,
      terms jsonb NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL,
      PRIMARY KEY (card, version)
    )`,
  },
  eventTypes: ['RateCardVersionPublished'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const { partyId, version, effectiveFrom, terms, actor, at } = recorded.data;
      await tx.query(
        `INSERT INTO ${tables.rate_card_versions} (card, party_id, version, effective_from, terms, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [partyId ?? '', partyId, version, effectiveFrom, JSON.stringify(terms), actor.subject, at],
      );
    }
  },
};
