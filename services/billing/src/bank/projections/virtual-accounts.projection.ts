import type { Projection } from '@dw/projections';
import type { VirtualAccountAssigned } from '../domain/virtual-accounts.decider';

/** Every virtual account at every bank, for listing; a notification matches through the bank's stream. */
export const virtualAccountsProjection: Projection<'virtual_accounts', VirtualAccountAssigned> = {
  name: 'virtual_accounts',
  tables: {
    virtual_accounts: (t) => `CREATE TABLE ${t} (
      bank_id text NOT NULL,
      party_id text NOT NULL,
      virtual_account text NOT NULL,
      assigned_by text NOT NULL,
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (bank_id, party_id),
      UNIQUE (bank_id, virtual_account)
    )`,
  },
  eventTypes: ['VirtualAccountAssigned'],
  async apply(tx, events, tables) {
    for (const { data } of events) {
      await tx.query(`INSERT INTO ${tables.virtual_accounts} (bank_id, party_id, virtual_account, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)`, [
        data.bankId,
        data.partyId,
        data.virtualAccount,
        data.actor.subject,
        data.at,
      ]);
    }
  },
};
