import type { Projection } from '@dw/projections';
import type { TraderEvent } from '../domain/trader.events';

const STATUS_OF: Readonly<Partial<Record<TraderEvent['type'], string>>> = {
  TraderApproved: 'approved',
  TraderRejected: 'rejected',
  TraderSuspended: 'suspended',
  TraderReinstated: 'approved',
  TraderClosed: 'closed',
};

/** Receipt traders for lists and reads (the trader itself, managers, the exchange); one row per party. */
export const tradersProjection: Projection<'traders', TraderEvent> = {
  name: 'traders',
  tables: {
    traders: (t) => `CREATE TABLE ${t} (
      party_id text PRIMARY KEY,
      account_number text NOT NULL,
      name text NOT NULL,
      commodities jsonb NOT NULL,
      bank_account jsonb NOT NULL,
      status text NOT NULL,
      closure_requested boolean NOT NULL,
      last_reason text,
      applied_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX ON ${t} (status, party_id)`,
  },
  eventTypes: [
    'TraderQualificationApplied',
    'TraderApproved',
    'TraderRejected',
    'TraderPermissionsChanged',
    'TraderBankAccountChanged',
    'TraderSuspended',
    'TraderReinstated',
    'TraderClosureRequested',
    'TraderClosed',
  ],
  async apply(tx, events, tables) {
    const t = tables.traders;
    for (const event of events) {
      const { partyId, at } = event.data;
      const touch = [partyId, at, event.streamPosition];
      switch (event.type) {
        case 'TraderQualificationApplied': {
          const { accountNumber, name, commodities, bankAccount } = event.data;
          // A party applies again after a rejection or a closing: the row starts over.
          await tx.query(
            `INSERT INTO ${t} (party_id, account_number, name, commodities, bank_account, status, closure_requested, last_reason, applied_at, updated_at, version)
             VALUES ($1, $4, $5, $6, $7, 'applied', false, NULL, $2, $2, $3)
             ON CONFLICT (party_id) DO UPDATE SET account_number = $4, name = $5, commodities = $6, bank_account = $7, status = 'applied',
               closure_requested = false, last_reason = NULL, applied_at = $2, updated_at = $2, version = $3`,
            [...touch, accountNumber, name, JSON.stringify(commodities), JSON.stringify(bankAccount)],
          );
          break;
        }
        case 'TraderPermissionsChanged':
          await tx.query(`UPDATE ${t} SET commodities = $4, updated_at = $2, version = $3 WHERE party_id = $1`, [
            ...touch,
            JSON.stringify(event.data.commodities),
          ]);
          break;
        case 'TraderBankAccountChanged':
          await tx.query(`UPDATE ${t} SET bank_account = $4, updated_at = $2, version = $3 WHERE party_id = $1`, [
            ...touch,
            JSON.stringify(event.data.bankAccount),
          ]);
          break;
        case 'TraderClosureRequested':
          await tx.query(`UPDATE ${t} SET closure_requested = true, last_reason = $4, updated_at = $2, version = $3 WHERE party_id = $1`, [
            ...touch,
            event.data.reason,
          ]);
          break;
        default: {
          const reason = 'reason' in event.data ? event.data.reason : null;
          await tx.query(
            `UPDATE ${t} SET status = $4, last_reason = $5, closure_requested = closure_requested AND $4 <> 'closed', updated_at = $2, version = $3 WHERE party_id = $1`,
            [...touch, STATUS_OF[event.type], reason],
          );
        }
      }
    }
  },
};
