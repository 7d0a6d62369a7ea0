import type { Projection } from '@dw/projections';
import type { ReceiptEvent } from '../domain/receipt.events';
import { resolutionOf } from '../domain/receipt.shortfall';

/**
 * Every receipt ever issued, for lists and the expiry sweep: status, holder, validity and the
 * holds on it, the holder's pending cancellation application (the warehouse's queue) and the
 * stocktake shortfalls behind it. Single receipts are served from their streams (always current, with an ETag);
 * this is the searchable copy.
 */
export const receiptsProjection: Projection<'receipts', ReceiptEvent> = {
  name: 'receipts',
  tables: {
    receipts: (t) => `CREATE TABLE ${t} (
      receipt_number text PRIMARY KEY,
      status text NOT NULL,
      commodity text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      warehouse_id text NOT NULL,
      weight_kg bigint NOT NULL,
      holder_card text NOT NULL,
      holder_name text NOT NULL,
      holder_party_id text NOT NULL,
      issue_date date NOT NULL,
      valid_until date NOT NULL,
      storage_fees_paid_through date NOT NULL,
      rule_version integer NOT NULL,
      lots jsonb NOT NULL,
      production_dates jsonb NOT NULL,
      lineage jsonb NOT NULL,
      holds jsonb NOT NULL,
      successors jsonb NOT NULL,
      cancellation_application jsonb,
      shortfalls jsonb NOT NULL DEFAULT '[]'::jsonb,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${t} (holder_party_id, receipt_number);
    CREATE INDEX ON ${t} (holder_card, receipt_number);
    CREATE INDEX ON ${t} (status, valid_until);
    CREATE INDEX ON ${t} (receipt_number) WHERE cancellation_application IS NOT NULL`,
  },
  eventTypes: [
    'ReceiptIssued',
    'TitleTransferred',
    'ReceiptHoldPlaced',
    'ReceiptHoldReleased',
    'ReceiptSplit',
    'ReceiptMerged',
    'ReceiptCancellationApplied',
    'ReceiptCancellationWithdrawn',
    'ReceiptCancellationRejected',
    'ReceiptCancelled',
    'ReceiptExpired',
    'StorageFeesPaidThroughAdvanced',
    'GoodsShortfallRecorded',
    'GoodsShortfallResolved',
  ],
  async apply(tx, events, tables) {
    const t = tables.receipts;
    for (const recorded of events) {
      const event = recorded;
      const stamp = [recorded.streamPosition, recorded.recordedAt];
      switch (event.type) {
        case 'ReceiptIssued': {
          const r = event.data.record;
          await tx.query(
            `INSERT INTO ${t} (receipt_number, status, commodity, brand, grade, warehouse_id, weight_kg, holder_card, holder_name, holder_party_id,
                issue_date, valid_until, storage_fees_paid_through, rule_version, lots, production_dates, lineage, holds, successors, version, updated_at)
             VALUES ($1, 'outstanding', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '[]', '[]', $17, $18)`,
            [
              r.receiptNumber,
              r.commodity,
              r.brand,
              r.grade,
              r.warehouseId,
              r.weightKg,
              r.holder.storageCard,
              r.holder.holderName,
              r.holder.partyId,
              r.issueDate,
              r.validUntil,
              r.storageFeesPaidThrough,
              r.rule.version,
              JSON.stringify(r.lots),
              JSON.stringify(r.productionDates),
              JSON.stringify(r.lineage),
              ...stamp,
            ],
          );
          break;
        }
        case 'TitleTransferred': {
          const to = event.data.to;
          await tx.query(`UPDATE ${t} SET holder_card = $2, holder_name = $3, holder_party_id = $4, version = $5, updated_at = $6 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            to.storageCard,
            to.holderName,
            to.partyId,
            ...stamp,
          ]);
          break;
        }
        case 'ReceiptHoldPlaced':
          await tx.query(`UPDATE ${t} SET holds = holds || jsonb_build_array($2::jsonb), version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            JSON.stringify(event.data.hold),
            ...stamp,
          ]);
          break;
        case 'ReceiptHoldReleased':
          await tx.query(
            `UPDATE ${t} SET holds = (SELECT coalesce(jsonb_agg(h ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(holds) WITH ORDINALITY AS x(h, n) WHERE h->>'holdId' <> $2),
                version = $3, updated_at = $4 WHERE receipt_number = $1`,
            [event.data.receiptNumber, event.data.holdId, ...stamp],
          );
          break;
        case 'ReceiptSplit':
          await tx.query(`UPDATE ${t} SET status = 'split', successors = $2, version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            JSON.stringify(event.data.children.map((child) => child.receiptNumber)),
            ...stamp,
          ]);
          break;
        case 'ReceiptMerged':
          await tx.query(`UPDATE ${t} SET status = 'merged', successors = $2, version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            JSON.stringify([event.data.mergedInto]),
            ...stamp,
          ]);
          break;
        case 'ReceiptCancellationApplied':
          await tx.query(`UPDATE ${t} SET cancellation_application = $2, version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            JSON.stringify({ purpose: event.data.purpose, appliedAt: event.data.at, appliedBy: event.data.actor }),
            ...stamp,
          ]);
          break;
        case 'ReceiptCancellationWithdrawn':
        case 'ReceiptCancellationRejected':
          await tx.query(`UPDATE ${t} SET cancellation_application = NULL, version = $2, updated_at = $3 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            ...stamp,
          ]);
          break;
        case 'ReceiptCancelled':
          await tx.query(`UPDATE ${t} SET status = 'cancelled', cancellation_application = NULL, version = $2, updated_at = $3 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            ...stamp,
          ]);
          break;
        case 'ReceiptExpired':
          await tx.query(`UPDATE ${t} SET status = 'expired', version = $2, updated_at = $3 WHERE receipt_number = $1`, [event.data.receiptNumber, ...stamp]);
          break;
        case 'StorageFeesPaidThroughAdvanced':
          await tx.query(`UPDATE ${t} SET storage_fees_paid_through = $2, version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            event.data.paidThrough,
            ...stamp,
          ]);
          break;
        case 'GoodsShortfallRecorded':
          await tx.query(`UPDATE ${t} SET shortfalls = shortfalls || jsonb_build_array($2::jsonb), version = $3, updated_at = $4 WHERE receipt_number = $1`, [
            event.data.receiptNumber,
            JSON.stringify(event.data.shortfall),
            ...stamp,
          ]);
          break;
        case 'GoodsShortfallResolved':
          await tx.query(
            `UPDATE ${t} SET shortfalls = (SELECT jsonb_agg(CASE WHEN s->>'varianceId' = $2 THEN jsonb_set(s, '{resolution}', $3::jsonb) ELSE s END ORDER BY n)
                  FROM jsonb_array_elements(shortfalls) WITH ORDINALITY AS x(s, n)),
                version = $4, updated_at = $5 WHERE receipt_number = $1`,
            [event.data.receiptNumber, event.data.varianceId, JSON.stringify(resolutionOf(event.data)), ...stamp],
          );
          break;
      }
    }
  },
};
