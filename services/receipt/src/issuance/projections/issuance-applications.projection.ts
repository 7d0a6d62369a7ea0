import type { Projection } from '@dw/projections';
import { totalKg } from '../../common/domain/weight-kg';
import type { IssuanceEvent } from '../domain/issuance.events';

/** Issuance applications and how each ended, for the order desk and the exchange's queue. */
export const issuanceApplicationsProjection: Projection<'issuance_applications', IssuanceEvent> = {
  name: 'issuance_applications',
  tables: {
    issuance_applications: (t) => `CREATE TABLE ${t} (
      application_id text PRIMARY KEY,
      status text NOT NULL,
      warehouse_id text NOT NULL,
      commodity text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      holder_card text NOT NULL,
      holder_name text NOT NULL,
      receipts jsonb NOT NULL,
      total_kg bigint NOT NULL,
      storage_fees_paid_through date NOT NULL,
      rule_version integer NOT NULL,
      applied_by text NOT NULL,
      applied_at timestamptz NOT NULL,
      approval_reference text,
      issue_date date,
      reason text,
      decided_at timestamptz,
      version integer NOT NULL
    );
    CREATE INDEX ON ${t} (status, application_id)`,
  },
  eventTypes: ['IssuanceApplied', 'IssuanceApproved', 'IssuanceRejected', 'IssuanceWithdrawn'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      const version = recorded.streamPosition;
      switch (event.type) {
        case 'IssuanceApplied': {
          const d = event.data;
          const receipts = d.receipts.map((r) => ({ receiptNumber: r.receiptNumber, weightKg: r.weightKg, lotIds: r.lots.map((lot) => lot.lotId) }));
          await tx.query(
            `INSERT INTO ${tables.issuance_applications} (application_id, status, warehouse_id, commodity, brand, grade, holder_card, holder_name, receipts, total_kg,
                storage_fees_paid_through, rule_version, applied_by, applied_at, version)
             VALUES ($1, 'applied', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            [
              d.applicationId,
              d.warehouseId,
              d.commodity,
              d.brand,
              d.grade,
              d.holder.storageCard,
              d.holder.holderName,
              JSON.stringify(receipts),
              totalKg(d.receipts.map((r) => r.weightKg)),
              d.storageFeesPaidThrough,
              d.rule.version,
              d.actor.subject,
              d.at,
              version,
            ],
          );
          break;
        }
        case 'IssuanceApproved':
          await tx.query(
            `UPDATE ${tables.issuance_applications} SET status = 'approved', approval_reference = $2, issue_date = $3, decided_at = $4, version = $5 WHERE application_id = $1`,
            [event.data.applicationId, event.data.approvalReference, event.data.issueDate, event.data.at, version],
          );
          break;
        case 'IssuanceRejected':
        case 'IssuanceWithdrawn':
          await tx.query(`UPDATE ${tables.issuance_applications} SET status = $2, reason = $3, decided_at = $4, version = $5 WHERE application_id = $1`, [
            event.data.applicationId,
            event.type === 'IssuanceRejected' ? 'rejected' : 'withdrawn',
            event.data.reason,
            event.data.at,
            version,
          ]);
          break;
      }
    }
  },
};
