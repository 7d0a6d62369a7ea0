import type { Projection } from '@dw/projections';
import type { ReceiptRuleVersionPublished } from '../domain/receipt-rule.events';

/** Every commodity's rule versions, for listing; a commodity's own rules are read from its stream. */
export const receiptRuleVersionsProjection: Projection<'receipt_rule_versions', ReceiptRuleVersionPublished> = {
  name: 'receipt_rule_versions',
  tables: {
    receipt_rule_versions: (t) => `CREATE TABLE ${t} (
      commodity text NOT NULL,
      version integer NOT NULL,
      effective_from date NOT NULL,
      terms jsonb NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL,
      PRIMARY KEY (commodity, version)
    )`,
  },
  eventTypes: ['ReceiptRuleVersionPublished'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const { commodity, version, effectiveFrom, terms, actor, at } = recorded.data;
      await tx.query(
        `INSERT INTO ${tables.receipt_rule_versions} (commodity, version, effective_from, terms, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [commodity, version, effectiveFrom, JSON.stringify(terms), actor.subject, at],
      );
    }
  },
};
