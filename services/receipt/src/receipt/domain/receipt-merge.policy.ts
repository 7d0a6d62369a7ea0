import { LocalDate, refuse } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { totalKg } from '../../common/domain/weight-kg';
import { assertReceiptConforms } from '../../receipt-rule/domain/receipt-conformance';
import { ReceiptRecord, productionDatesOf } from './receipt.record';
import {
  LiveReceipt,
  ReceiptState,
  requireGoodsInStore,
  requireLiveHeldBy,
  requireNoPendingCancellation,
  requireNotExpired,
  requireNotHeld,
} from './receipt.state';

/** A parent may be merged when it is live, within validity, free of holds, of a pending cancellation and of open shortfalls, and the actor is its holder. */
export function requireMergeable(state: ReceiptState, actor: Actor): LiveReceipt {
  // rule RCPT-MERGE-SAME-GOODS
  const receipt = requireLiveHeldBy(state, actor, 'merge this receipt');
  requireNotHeld(receipt);
  requireNotExpired(receipt);
  requireNoPendingCancellation(receipt);
  requireGoodsInStore(receipt);
  return receipt;
}

const SAME_ON_EVERY_PARENT: readonly { readonly attribute: string; readonly of: (record: ReceiptRecord) => string | number }[] = [
  { attribute: 'commodity', of: (r) => r.commodity },
  { attribute: 'brand', of: (r) => r.brand },
  { attribute: 'grade', of: (r) => r.grade },
  { attribute: 'warehouseId', of: (r) => r.warehouseId },
  { attribute: 'holder', of: (r) => r.holder.storageCard },
  // One receipt is judged by one rule version; receipts issued under different versions stay apart.
  { attribute: 'ruleVersion', of: (r) => r.rule.version },
];

/**
 * The merged receipt: same goods, warehouse and holder on every parent, none held or expired.
 * It carries all the parents' lots and weight, and keeps the SHORTER validity (the earliest
 * valid-until) and the earliest storage fees paid-through date, so merging never extends
 * either. It must itself satisfy the rules (unit band, production-date span).
 */
export function planMerge(receiptNumber: string, parents: readonly ReceiptState[], actor: Actor, mergeDate: LocalDate): ReceiptRecord {
  // rule RCPT-MERGE-SAME-GOODS
  if (parents.length < 2) throw refuse.invalid('MERGE_NEEDS_TWO_RECEIPTS', 'a merge takes at least two receipts', 'parents');
  const records = parents.map((parent) => requireMergeable(parent, actor).record);
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.receiptNumber)) {
      throw refuse.invalid('DUPLICATE_RECEIPT_NUMBER', `receipt ${record.receiptNumber} is named twice`, 'parents', { receiptNumber: record.receiptNumber });
    }
    seen.add(record.receiptNumber);
  }
  const first = records[0]!;
  for (const { attribute, of } of SAME_ON_EVERY_PARENT) {
    const different = records.find((record) => of(record) !== of(first));
    if (different) {
      throw refuse.invalid('MERGE_ATTRIBUTE_MISMATCH', `receipts ${first.receiptNumber} and ${different.receiptNumber} differ in ${attribute}`, 'parents', {
        attribute,
        receiptNumbers: [first.receiptNumber, different.receiptNumber],
        values: [of(first), of(different)],
      });
    }
  }
  const lots = records.flatMap((record) => record.lots);
  const merged: ReceiptRecord = {
    ...first,
    receiptNumber,
    weightKg: totalKg(records.map((record) => record.weightKg)),
    lots,
    productionDates: productionDatesOf(lots),
    issueDate: mergeDate,
    validUntil: records.map((record) => record.validUntil).sort()[0]!,
    storageFeesPaidThrough: records.map((record) => record.storageFeesPaidThrough).sort()[0]!,
    lineage: { origin: 'merge', parents: records.map((record) => record.receiptNumber) },
  };
  assertReceiptConforms(first.rule.terms, merged, 'merged');
  return merged;
}
