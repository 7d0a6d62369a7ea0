import { Decider, LocalDate, localDate, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { businessDateOf } from '../../common/domain/instant';
import { totalKg } from '../../common/domain/weight-kg';
import { LotFacts } from '../../lot-backing/domain/lot-facts';
import { BackingLot, ReceiptRecord, holderOf, productionDatesOf } from '../../receipt/domain/receipt.record';
import { assertReceiptConforms } from '../../receipt-rule/domain/receipt-conformance';
import { requireRuleInForce } from '../../receipt-rule/domain/receipt-rule.terms';
import { validUntilOf } from '../../receipt-rule/domain/receipt-validity';
import { requireApprovedCard } from '../../storage-card/domain/storage-card';
import { ApplyForIssuance, IssuanceCommand } from './issuance.commands';
import { IssuanceApplied, IssuanceEvent, PlannedReceipt } from './issuance.events';

/**
 * One stream per issuance application: the warehouse applies over available lots, the lots are
 * held for it, the exchange approves (the receipts are then issued and the lots back them) or
 * rejects (the lots are released). The warehouse may withdraw while it is pending.
 */
export interface IssuanceState {
  readonly status: 'none' | 'applied' | 'approved' | 'rejected' | 'withdrawn';
  readonly application: IssuanceApplied['data'] | null;
}

const SPEC_ATTRIBUTES = ['commodity', 'brand', 'grade', 'warehouseId'] as const;

function pending(state: IssuanceState): IssuanceApplied['data'] {
  // rule RCPT-ISSUE-ON-EXCHANGE-APPROVAL
  if (!state.application) throw refuse.notFound('ISSUANCE_NOT_FOUND', 'no such issuance application');
  if (state.status !== 'applied') {
    throw refuse.conflict('ISSUANCE_NOT_PENDING', `application ${state.application.applicationId} is already ${state.status}`, {
      status: state.status,
    });
  }
  return state.application;
}

function backingLot(lot: LotFacts): BackingLot {
  const { lotId, location, pieces, weightKg, productionDates } = lot;
  return { lotId, location, pieces, weightKg, productionDates };
}

/**
 * Every lot must be the goods applied for, inspected (its inspection report known: inspection and
 * receipt into store come before the exchange's approval), owned by the card the receipts go to,
 * and in one receipt only.
 */
function planReceipts(data: ApplyForIssuance['data'], holderCardNumber: string): PlannedReceipt[] {
  // rules RCPT-WHOLE-LOTS, RCPT-LOT-MATCHES-APPLICATION, RCPT-NUMBER-ONCE, RCPT-INSPECTED-BEFORE-RECEIPT
  if (data.receipts.length === 0) throw refuse.invalid('ISSUANCE_EMPTY', 'an application issues at least one receipt', 'receipts');
  const numbers = new Set<string>();
  const lotIds = new Set<string>();
  return data.receipts.map((receipt, i) => {
    const receiptNumber = requireText(receipt.receiptNumber, `receipts[${i}].receiptNumber`);
    if (numbers.has(receiptNumber)) {
      throw refuse.invalid('DUPLICATE_RECEIPT_NUMBER', `receipt number ${receiptNumber} appears twice`, `receipts[${i}].receiptNumber`, { receiptNumber });
    }
    numbers.add(receiptNumber);
    if (receipt.lots.length === 0) throw refuse.invalid('RECEIPT_WITHOUT_LOTS', `receipt ${receiptNumber} names no lots`, `receipts[${i}].lots`);
    receipt.lots.forEach((lot, j) => {
      const field = `receipts[${i}].lots[${j}]`;
      if (lotIds.has(lot.lotId)) {
        throw refuse.invalid('DUPLICATE_LOT_IN_APPLICATION', `lot ${lot.lotId} is named twice`, field, { lotId: lot.lotId });
      }
      lotIds.add(lot.lotId);
      for (const attribute of SPEC_ATTRIBUTES) {
        if (lot[attribute] !== data[attribute]) {
          throw refuse.invalid('LOT_SPEC_MISMATCH', `lot ${lot.lotId} is ${attribute} ${lot[attribute]}, not ${data[attribute]}`, `${field}.${attribute}`, {
            lotId: lot.lotId,
            attribute,
            lotValue: lot[attribute],
            appliedValue: data[attribute],
          });
        }
      }
      // rule RCPT-INSPECTED-BEFORE-RECEIPT
      if (lot.inspectionReportRef === '') {
        throw refuse.invalid('LOT_NOT_INSPECTED', `lot ${lot.lotId} has no inspection report`, `${field}.inspectionReportRef`, { lotId: lot.lotId });
      }
      if (lot.ownerCard !== holderCardNumber) {
        throw refuse.invalid('LOT_OWNER_MISMATCH', `lot ${lot.lotId} belongs to card ${lot.ownerCard}, not ${holderCardNumber}`, `${field}.ownerCard`, {
          lotId: lot.lotId,
          ownerCard: lot.ownerCard,
          holderCard: holderCardNumber,
        });
      }
    });
    return {
      receiptNumber,
      weightKg: totalKg(receipt.lots.map((lot) => lot.weightKg)),
      lots: receipt.lots.map(backingLot),
      productionDates: productionDatesOf(receipt.lots),
    };
  });
}

function lotIdsOf(application: IssuanceApplied['data']): string[] {
  return application.receipts.flatMap((receipt) => receipt.lots.map((lot) => lot.lotId));
}

function recordOf(
  application: IssuanceApplied['data'],
  planned: PlannedReceipt,
  issueDate: LocalDate,
  rule: ReceiptRecord['rule'],
  holder: ReceiptRecord['holder'],
): ReceiptRecord {
  return {
    receiptNumber: planned.receiptNumber,
    commodity: application.commodity,
    brand: application.brand,
    grade: application.grade,
    warehouseId: application.warehouseId,
    weightKg: planned.weightKg,
    lots: planned.lots,
    productionDates: planned.productionDates,
    holder,
    issueDate,
    validUntil: validUntilOf(rule.terms, issueDate, planned.productionDates),
    storageFeesPaidThrough: application.storageFeesPaidThrough,
    rule,
    lineage: { origin: 'issuance', applicationId: application.applicationId },
  };
}

export const issuanceDecider: Decider<IssuanceCommand, IssuanceState, IssuanceEvent> = {
  initialState: () => ({ status: 'none', application: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'IssuanceApplied':
        return { status: 'applied', application: event.data };
      case 'IssuanceApproved':
        return { ...state, status: 'approved' };
      case 'IssuanceRejected':
        return { ...state, status: 'rejected' };
      case 'IssuanceWithdrawn':
        return { ...state, status: 'withdrawn' };
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    const today = businessDateOf(at);
    switch (command.type) {
      case 'ApplyForIssuance': {
        // rule RCPT-ISSUE-ON-EXCHANGE-APPROVAL
        requireRole(actor, ['clerk', 'manager'], 'apply to issue receipts');
        const data = command.data;
        const applicationId = requireText(data.applicationId, 'applicationId');
        if (state.status !== 'none') throw refuse.conflict('ISSUANCE_ALREADY_EXISTS', `application ${applicationId} already exists`, { applicationId });
        for (const attribute of SPEC_ATTRIBUTES) requireText(data[attribute], attribute);
        const holderCard = requireApprovedCard(data.holderCard, 'holderCard');
        const storageFeesPaidThrough = localDate(data.storageFeesPaidThrough, 'storageFeesPaidThrough');
        const rule = requireRuleInForce(data.rule, data.commodity, today);
        const receipts = planReceipts(data, holderCard.cardNumber);
        receipts.forEach((receipt, i) => assertReceiptConforms(rule.terms, receipt, `receipts[${i}]`));
        return [
          {
            type: 'IssuanceApplied',
            data: {
              applicationId,
              warehouseId: data.warehouseId,
              commodity: data.commodity,
              brand: data.brand,
              grade: data.grade,
              holder: holderOf(holderCard),
              receipts,
              storageFeesPaidThrough,
              rule,
              actor,
              at,
            },
          },
        ];
      }
      case 'ApproveIssuance': {
        // rules RCPT-ISSUE-ON-EXCHANGE-APPROVAL, RCPT-NOT-EXPIRED-AT-ISSUE
        requireRole(actor, ['exchange'], 'approve an issuance');
        const issueDate = today;
        const application = pending(state);
        const approvalReference = requireText(command.data.approvalReference, 'approvalReference');
        const holderCard = requireApprovedCard(command.data.holderCard, 'holderCard');
        if (holderCard.cardNumber !== application.holder.storageCard) {
          throw refuse.invalid('HOLDER_CARD_MISMATCH', `the application issues to card ${application.holder.storageCard}`, 'holderCard', {
            expected: application.holder.storageCard,
            given: holderCard.cardNumber,
          });
        }
        // The rules in force on the issue date apply, which may be a newer version than at application.
        const rule = requireRuleInForce(command.data.rule, application.commodity, issueDate);
        const receipts = application.receipts.map((planned, i) => {
          assertReceiptConforms(rule.terms, planned, `receipts[${i}]`);
          const record = recordOf(application, planned, issueDate, rule, holderOf(holderCard));
          if (record.validUntil < issueDate) {
            throw refuse.conflict('RECEIPT_PAST_VALIDITY_AT_ISSUE', `receipt ${record.receiptNumber} would be valid only until ${record.validUntil}`, {
              receiptNumber: record.receiptNumber,
              validUntil: record.validUntil,
              issueDate,
            });
          }
          return record;
        });
        return [{ type: 'IssuanceApproved', data: { applicationId: application.applicationId, approvalReference, issueDate, receipts, actor, at } }];
      }
      case 'RejectIssuance': {
        requireRole(actor, ['exchange'], 'reject an issuance');
        const application = pending(state);
        const reason = requireText(command.data.reason, 'reason');
        return [{ type: 'IssuanceRejected', data: { applicationId: application.applicationId, reason, lotIds: lotIdsOf(application), actor, at } }];
      }
      case 'WithdrawIssuance': {
        requireRole(actor, ['clerk', 'manager'], 'withdraw an issuance application');
        const application = pending(state);
        const reason = requireText(command.data.reason, 'reason');
        return [{ type: 'IssuanceWithdrawn', data: { applicationId: application.applicationId, reason, lotIds: lotIdsOf(application), actor, at } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};
