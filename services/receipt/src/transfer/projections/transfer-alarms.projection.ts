import type { Projection } from '@dw/projections';
import type { TransferMismatchAlarmRaised } from '../domain/title-transfer.policy';

/** Error-proofing alarms for the operations team's follow-up (detect → alert → handle; rule RCPT-TRANSFER-MATCH). */
export const transferAlarmsProjection: Projection<'transfer_alarms', TransferMismatchAlarmRaised> = {
  name: 'transfer_alarms',
  tables: {
    transfer_alarms: (t) => `CREATE TABLE ${t} (
      alarm_id uuid PRIMARY KEY,
      receipt_number text NOT NULL,
      transfer_id text NOT NULL,
      mismatches jsonb NOT NULL,
      raised_by jsonb NOT NULL,
      raised_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${t} (receipt_number, raised_at)`,
  },
  eventTypes: ['TransferMismatchAlarmRaised'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const { data } = recorded;
      await tx.query(
        `INSERT INTO ${tables.transfer_alarms} (alarm_id, receipt_number, transfer_id, mismatches, raised_by, raised_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [recorded.eventId, data.receiptNumber, data.transferId, JSON.stringify(data.mismatches), JSON.stringify(data.actor), data.at],
      );
    }
  },
};
