import { LocalDate, refuse, requireText } from '@dw/kernel';
import { assertWeightKg, totalKg } from '../../common/domain/weight-kg';
import { assertReceiptConforms } from '../../receipt-rule/domain/receipt-conformance';
import { SplitChildRequest } from './receipt.commands';
import { ReceiptRecord, productionDatesOf } from './receipt.record';

/**
 * Children of a split. Lots are whole, so a split partitions the parent's lots: every lot goes
 * to exactly one child and each child weighs exactly its lots, so the children's weights sum
 * exactly to the parent's. Each child weighs at least 1 kg and must satisfy the unit rule of
 * the parent's rule version (see receipt-conformance: whole units within tolerance).
 * A child inherits the parent's holder, goods, rule version, validity and fees paid-through
 * date (a split never extends validity); it is issued on the split date.
 */
export function planSplit(parent: ReceiptRecord, children: readonly SplitChildRequest[], splitDate: LocalDate): ReceiptRecord[] {
  // rules RCPT-NUMBER-ONCE, RCPT-SPLIT-PARTITIONS-LOTS
  if (children.length < 2) throw refuse.invalid('SPLIT_NEEDS_TWO_CHILDREN', 'a split makes at least two receipts', 'children');
  const lotsById = new Map(parent.lots.map((lot) => [lot.lotId, lot]));
  const numbers = new Set([parent.receiptNumber]);
  const assigned = new Set<string>();

  const weights = children.map((child, i) => assertWeightKg(child.weightKg, `children[${i}].weightKg`));
  const childrenKg = totalKg(weights);
  if (childrenKg !== parent.weightKg) {
    throw refuse.invalid('SPLIT_WEIGHTS_DO_NOT_SUM', `children weigh ${childrenKg} kg, the receipt ${parent.weightKg} kg`, 'children', {
      parentKg: parent.weightKg,
      childrenKg,
    });
  }

  const records = children.map((child, i): ReceiptRecord => {
    const receiptNumber = requireText(child.receiptNumber, `children[${i}].receiptNumber`);
    if (numbers.has(receiptNumber)) {
      throw refuse.invalid('DUPLICATE_RECEIPT_NUMBER', `receipt number ${receiptNumber} is already used in this split`, `children[${i}].receiptNumber`, {
        receiptNumber,
      });
    }
    numbers.add(receiptNumber);
    if (child.lotIds.length === 0) throw refuse.invalid('SPLIT_CHILD_WITHOUT_LOTS', `child ${receiptNumber} names no lots`, `children[${i}].lotIds`);
    const lots = child.lotIds.map((lotId, j) => {
      const lot = lotsById.get(lotId);
      if (!lot) {
        throw refuse.invalid('SPLIT_LOT_NOT_ON_RECEIPT', `lot ${lotId} does not back receipt ${parent.receiptNumber}`, `children[${i}].lotIds[${j}]`, {
          lotId,
        });
      }
      if (assigned.has(lotId)) {
        throw refuse.invalid('SPLIT_LOT_ASSIGNED_TWICE', `lot ${lotId} is given to two children`, `children[${i}].lotIds[${j}]`, { lotId });
      }
      assigned.add(lotId);
      return lot;
    });
    const lotsKg = totalKg(lots.map((lot) => lot.weightKg));
    if (lotsKg !== weights[i]) {
      throw refuse.invalid(
        'SPLIT_CHILD_WEIGHT_MISMATCH',
        `child ${receiptNumber}: entered ${weights[i]} kg, its lots weigh ${lotsKg} kg`,
        `children[${i}].weightKg`,
        {
          receiptNumber,
          enteredKg: weights[i],
          lotsKg,
        },
      );
    }
    const record: ReceiptRecord = {
      ...parent,
      receiptNumber,
      weightKg: lotsKg,
      lots,
      productionDates: productionDatesOf(lots),
      issueDate: splitDate,
      lineage: { origin: 'split', parent: parent.receiptNumber },
    };
    assertReceiptConforms(parent.rule.terms, record, `children[${i}]`);
    return record;
  });
  // No lot is left out: the children's lots are distinct lots of the parent whose weights sum
  // to the parent's, which is the weight of all its lots, and every lot weighs at least 1 kg.
  return records;
}
