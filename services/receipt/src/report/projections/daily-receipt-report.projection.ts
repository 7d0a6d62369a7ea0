import type { Projection } from '@dw/projections';
import { businessDateOf } from '../../common/domain/instant';
import type { ReceiptEvent } from '../../receipt/domain/receipt.events';

/**
 * The facts behind the daily receipt report (per commodity and warehouse), from receipt events:
 * - receipt_report_activity: per Shanghai day, receipts issued (from issuance applications;
 *   split and merge re-issue existing goods and are not counted), cancelled and transferred,
 *   with their weight;
 * - receipt_report_lifespans: the days each receipt was in circulation (from the day it was
 *   issued, until the day it was cancelled, split or merged), with its weight and validity, so
 *   "outstanding" and "expiring" can be answered for any day, not only today.
 * Days are the Shanghai dates of the commands (`at`), so a rebuild reproduces them exactly.
 */
export const dailyReceiptReportProjection: Projection<'receipt_report_activity' | 'receipt_report_lifespans', ReceiptEvent> = {
  name: 'daily_receipt_report',
  tables: {
    receipt_report_activity: (t) => `CREATE TABLE ${t} (
      day date NOT NULL,
      commodity text NOT NULL,
      warehouse_id text NOT NULL,
      issued_count integer NOT NULL DEFAULT 0,
      issued_kg bigint NOT NULL DEFAULT 0,
      cancelled_count integer NOT NULL DEFAULT 0,
      cancelled_kg bigint NOT NULL DEFAULT 0,
      transferred_count integer NOT NULL DEFAULT 0,
      transferred_kg bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (day, commodity, warehouse_id)
    )`,
    receipt_report_lifespans: (t) => `CREATE TABLE ${t} (
      receipt_number text PRIMARY KEY,
      commodity text NOT NULL,
      warehouse_id text NOT NULL,
      weight_kg bigint NOT NULL,
      valid_until date NOT NULL,
      live_from date NOT NULL,
      live_until date
    );
    CREATE INDEX ON ${t} (live_from, live_until)`,
  },
  eventTypes: ['ReceiptIssued', 'TitleTransferred', 'ReceiptCancelled', 'ReceiptSplit', 'ReceiptMerged'],
  async apply(tx, events, tables) {
    const activity = tables.receipt_report_activity;
    const lifespans = tables.receipt_report_lifespans;
    const count = async (column: 'issued' | 'cancelled' | 'transferred', day: string, commodity: string, warehouseId: string, weightKg: number) =>
      tx.query(
        `INSERT INTO ${activity} (day, commodity, warehouse_id, ${column}_count, ${column}_kg) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (day, commodity, warehouse_id) DO UPDATE SET ${column}_count = ${activity}.${column}_count + 1, ${column}_kg = ${activity}.${column}_kg + $4`,
        [day, commodity, warehouseId, weightKg],
      );
    const retire = (receiptNumber: string, day: string) => tx.query(`UPDATE ${lifespans} SET live_until = $2 WHERE receipt_number = $1`, [receiptNumber, day]);

    for (const recorded of events) {
      const event = recorded;
      const day = businessDateOf(event.data.at);
      switch (event.type) {
        case 'ReceiptIssued': {
          const r = event.data.record;
          await tx.query(
            `INSERT INTO ${lifespans} (receipt_number, commodity, warehouse_id, weight_kg, valid_until, live_from) VALUES ($1, $2, $3, $4, $5, $6)`,
            [r.receiptNumber, r.commodity, r.warehouseId, r.weightKg, r.validUntil, day],
          );
          if (r.lineage.origin === 'issuance') await count('issued', day, r.commodity, r.warehouseId, r.weightKg);
          break;
        }
        case 'TitleTransferred': {
          const { rows } = await tx.query<{ warehouse_id: string }>(`SELECT warehouse_id FROM ${lifespans} WHERE receipt_number = $1`, [
            event.data.receiptNumber,
          ]);
          await count('transferred', day, event.data.commodity, rows[0]!.warehouse_id, event.data.weightKg);
          break;
        }
        case 'ReceiptCancelled': {
          const { entitlement } = event.data;
          await count('cancelled', day, entitlement.commodity, entitlement.warehouseId, entitlement.weightKg);
          await retire(event.data.receiptNumber, day);
          break;
        }
        case 'ReceiptSplit':
        case 'ReceiptMerged':
          await retire(event.data.receiptNumber, day);
          break;
        default:
          break;
      }
    }
  },
};
