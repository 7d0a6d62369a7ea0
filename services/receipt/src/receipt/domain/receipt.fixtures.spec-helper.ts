import { Actor } from '../../common/domain/actor';
import { d, rebarRuleV1 } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { StorageCard } from '../../storage-card/domain/storage-card';
import { CancellationPurpose, ReceiptEvent } from './receipt.events';
import { BackingLot, Holder, ReceiptRecord } from './receipt.record';
import { GoodsShortfall } from './receipt.shortfall';

export const at = '2026-04-01T02:00:00Z'; // 2026-04-01 10:00 in Shanghai

export const seller: Actor = { subject: 'user-li', role: 'depositor', partyId: 'party-hengda' };
export const buyerActor: Actor = { subject: 'user-chen', role: 'depositor', partyId: 'party-huadong' };
export const stranger: Actor = { subject: 'user-wang', role: 'depositor', partyId: 'party-other' };
export const exchange: Actor = { subject: 'shfe-api', role: 'exchange', partyId: 'SHFE' };
export const bank: Actor = { subject: 'icbc-api', role: 'bank', partyId: 'ICBC-SH' };
export const otherBank: Actor = { subject: 'boc-api', role: 'bank', partyId: 'BOC-SH' };
export const court: Actor = { subject: 'court-clerk-1', role: 'court', partyId: 'PUDONG-COURT' };
export const clerk: Actor = { subject: 'clerk-zhao', role: 'clerk' };
export const system: Actor = { subject: 'expiry-job', role: 'system' };
export const manager: Actor = { subject: 'manager-qian', role: 'manager' };
/** The handler of inventory's events, acting as the system. */
export const inventoryHandler: Actor = { subject: 'inventory-events', role: 'system' };

export const sellerCard: StorageCard = { cardNumber: 'SC-0001', ownerPartyId: 'party-hengda', holderName: '恒达钢铁贸易有限公司', status: 'approved' };
export const buyerCard: StorageCard = { cardNumber: 'SC-0002', ownerPartyId: 'party-huadong', holderName: '华东建材有限公司', status: 'approved' };
export const sellerHolder: Holder = { storageCard: 'SC-0001', holderName: '恒达钢铁贸易有限公司', partyId: 'party-hengda' };
export const buyerHolder: Holder = { storageCard: 'SC-0002', holderName: '华东建材有限公司', partyId: 'party-huadong' };

export const lotLine = (lotId: string, weightKg: number, produced: string): BackingLot => ({
  lotId,
  location: `Y1-${lotId}`,
  pieces: Math.ceil(weightKg / 3_000),
  weightKg,
  productionDates: [d(produced)],
});

/** Two units of rebar over two whole lots; valid through 03-05 + 90 days = 2026-06-03. */
export const recordR1: ReceiptRecord = {
  receiptNumber: 'R-1',
  commodity: 'rebar',
  brand: 'Shagang',
  grade: 'HRB400E',
  warehouseId: 'WH-WX',
  weightKg: 600_000,
  lots: [lotLine('LOT-1', 300_000, '2026-03-05'), lotLine('LOT-2', 300_000, '2026-03-08')],
  productionDates: [d('2026-03-05'), d('2026-03-08')],
  holder: sellerHolder,
  issueDate: d('2026-03-23'),
  validUntil: d('2026-06-03'),
  storageFeesPaidThrough: d('2026-03-31'),
  rule: rebarRuleV1,
  lineage: { origin: 'issuance', applicationId: 'APP-1' },
};

/**
 * One unit of rebar over LOT-3, produced 03-10, valid through 03-10 + 90 days: 21 days to 03-31,
 * +30 = 51 (04-30), +31 = 82 (05-31), +8 → 2026-06-08; its storage fees are paid through 04-15.
 */
export const recordR2: ReceiptRecord = {
  ...recordR1,
  receiptNumber: 'R-2',
  weightKg: 300_000,
  lots: [lotLine('LOT-3', 300_000, '2026-03-10')],
  productionDates: [d('2026-03-10')],
  validUntil: d('2026-06-08'),
  storageFeesPaidThrough: d('2026-04-15'),
};

export const issued = (record: ReceiptRecord = recordR1): ReceiptEvent => ({ type: 'ReceiptIssued', data: { record, actor: exchange, at } });

/** R-1 cancelled (注销): the goods it held become an outbound entitlement of its holder. */
export const cancelled = (purpose: CancellationPurpose, actor: Actor = clerk, when = at): ReceiptEvent => ({
  type: 'ReceiptCancelled',
  data: {
    receiptNumber: 'R-1',
    purpose,
    entitlement: { holder: sellerHolder, warehouseId: 'WH-WX', commodity: 'rebar', brand: 'Shagang', grade: 'HRB400E', lots: recordR1.lots, weightKg: 600_000 },
    actor,
    at: when,
  },
});

/** A court freezes a receipt (R-1 unless named). */
export const frozen = (receiptNumber = 'R-1'): ReceiptEvent => ({
  type: 'ReceiptHoldPlaced',
  data: {
    receiptNumber,
    hold: { holdId: 'F-1', kind: 'freeze', beneficiary: { kind: 'court', partyId: 'PUDONG-COURT', name: 'Pudong' }, reason: 'case', placedAt: at },
    actor: court,
    at,
  },
});

/** The seller pledges a receipt (R-1 unless named) to ICBC for a loan, as hold `holdId`. */
export const pledged = (receiptNumber = 'R-1', holdId = 'H-1'): ReceiptEvent => ({
  type: 'ReceiptHoldPlaced',
  data: {
    receiptNumber,
    hold: { holdId, kind: 'pledge', beneficiary: { kind: 'bank', partyId: 'ICBC-SH', name: 'ICBC' }, reason: 'loan', placedAt: at },
    actor: seller,
    at,
  },
});

export const detectedAt = '2026-04-01T01:30:00Z';

/** Inventory's stocktake ST-1 found one 2 500 kg coil of LOT-1 (behind R-1, pledged to ICBC) missing. */
export const shortfall = (varianceId = 'missing_piece:P-0007'): GoodsShortfall => ({
  varianceId,
  stocktakeId: 'ST-1',
  lotId: 'LOT-1',
  deltaPieces: -1,
  deltaKg: -2_500,
  approver: 'inv-manager-sun',
  approvalReason: 'coil not found at the count',
  detectedAt,
  pledgedTo: ['ICBC-SH'],
  recordedAt: at,
  resolution: null,
});
export const shortfallRecorded = (varianceId = 'missing_piece:P-0007'): ReceiptEvent => ({
  type: 'GoodsShortfallRecorded',
  data: { receiptNumber: 'R-1', shortfall: shortfall(varianceId), actor: inventoryHandler, at },
});
/** A manager recorded that the coil was found again. */
export const shortfallResolved = (varianceId = 'missing_piece:P-0007'): ReceiptEvent => ({
  type: 'GoodsShortfallResolved',
  data: {
    receiptNumber: 'R-1',
    varianceId,
    outcome: 'replenished',
    reference: 'ST-2/weight_variance:P-0007',
    reason: 'the coil was found in bay Y3 at the recount',
    actor: manager,
    at,
  },
});
