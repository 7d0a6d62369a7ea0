import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { LotFacts } from '../../lot-backing/domain/lot-facts';
import { ReceiptRecord } from '../../receipt/domain/receipt.record';
import { d, factoryRebarTerms, rebarRuleV1 } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { AppliedRule } from '../../receipt-rule/domain/receipt-rule.terms';
import { StorageCard } from '../../storage-card/domain/storage-card';
import { ApplyForIssuance, IssuanceCommand } from './issuance.commands';
import { issuanceDecider } from './issuance.decider';
import { IssuanceEvent } from './issuance.events';

const appliedAt = '2026-03-20T02:00:00Z'; // 2026-03-20 in Shanghai
const approvedAt = '2026-03-23T03:00:00Z'; // 2026-03-23 in Shanghai
const clerk: Actor = { subject: 'clerk-zhao', role: 'clerk' };
const exchange: Actor = { subject: 'shfe-api', role: 'exchange', partyId: 'SHFE' };
const card: StorageCard = { cardNumber: 'SC-0001', ownerPartyId: 'party-hengda', holderName: '恒达钢铁贸易有限公司', status: 'approved' };
const holder = { storageCard: 'SC-0001', holderName: '恒达钢铁贸易有限公司', partyId: 'party-hengda' };

const lot = (lotId: string, weightKg: number, produced: string, overrides: Partial<LotFacts> = {}): LotFacts => ({
  lotId,
  commodity: 'rebar',
  brand: 'Shagang',
  grade: 'HRB400E',
  warehouseId: 'WH-WX',
  location: `Y1-${lotId}`,
  pieces: Math.ceil(weightKg / 3_000), // bundles of about 3 t
  weightKg,
  productionDates: [d(produced)],
  ownerCard: 'SC-0001',
  inspectionReportRef: `CIQ-${lotId}`,
  ...overrides,
});
const lot1 = lot('LOT-1', 300_000, '2026-03-05');
const lot2 = lot('LOT-2', 150_000, '2026-03-06');
const lot3 = lot('LOT-3', 155_000, '2026-03-08');
const line = (l: LotFacts) => ({ lotId: l.lotId, location: l.location, pieces: l.pieces, weightKg: l.weightKg, productionDates: l.productionDates });

const apply = (overrides: Partial<ApplyForIssuance['data']> = {}): IssuanceCommand => ({
  type: 'ApplyForIssuance',
  data: {
    applicationId: 'APP-1',
    warehouseId: 'WH-WX',
    commodity: 'rebar',
    brand: 'Shagang',
    grade: 'HRB400E',
    holderCard: card,
    receipts: [
      { receiptNumber: 'R-1', lots: [lot1] },
      { receiptNumber: 'R-2', lots: [lot2, lot3] },
    ],
    storageFeesPaidThrough: '2026-03-31',
    rule: rebarRuleV1,
    actor: clerk,
    at: appliedAt,
    ...overrides,
  },
});

const applied: IssuanceEvent = {
  type: 'IssuanceApplied',
  data: {
    applicationId: 'APP-1',
    warehouseId: 'WH-WX',
    commodity: 'rebar',
    brand: 'Shagang',
    grade: 'HRB400E',
    holder,
    // R-2 is LOT-2 + LOT-3: 150 000 + 155 000 = 305 000 kg, inside one unit's 291 000–309 000 kg.
    receipts: [
      { receiptNumber: 'R-1', weightKg: 300_000, lots: [line(lot1)], productionDates: [d('2026-03-05')] },
      { receiptNumber: 'R-2', weightKg: 305_000, lots: [line(lot2), line(lot3)], productionDates: [d('2026-03-06'), d('2026-03-08')] },
    ],
    storageFeesPaidThrough: d('2026-03-31'),
    rule: rebarRuleV1,
    actor: clerk,
    at: appliedAt,
  },
};

const approve = (overrides: Partial<{ holderCard: StorageCard; rule: AppliedRule; at: string; actor: Actor }> = {}): IssuanceCommand => ({
  type: 'ApproveIssuance',
  data: { approvalReference: 'SHFE-APPR-77', holderCard: card, rule: rebarRuleV1, actor: exchange, at: approvedAt, ...overrides },
});

const record = (
  receiptNumber: string,
  weightKg: number,
  lots: LotFacts[],
  validUntil: string,
  rule = rebarRuleV1,
  issueDate = '2026-03-23',
): ReceiptRecord => ({
  receiptNumber,
  commodity: 'rebar',
  brand: 'Shagang',
  grade: 'HRB400E',
  warehouseId: 'WH-WX',
  weightKg,
  lots: lots.map(line),
  productionDates: lots.flatMap((l) => l.productionDates),
  holder,
  issueDate: d(issueDate),
  validUntil: d(validUntil),
  storageFeesPaidThrough: d('2026-03-31'),
  rule,
  lineage: { origin: 'issuance', applicationId: 'APP-1' },
});

const spec = deciderSpec(issuanceDecider);

describe('issuance decider', () => {
  describe('the warehouse applies over available lots', () => {
    it('plans each receipt from whole lots: weight is the lots’ sum, production dates their union', () => {
      spec.given([]).when(apply()).then([applied]);
    });

    it('refuses a second application under the same id', () => {
      spec.given([applied]).when(apply()).thenRefusedWith('ISSUANCE_ALREADY_EXISTS');
    });

    it.each<[string, Partial<ApplyForIssuance['data']>, string, string | undefined]>([
      ['no receipts', { receipts: [] }, 'ISSUANCE_EMPTY', 'receipts'],
      ['a receipt without lots', { receipts: [{ receiptNumber: 'R-1', lots: [] }] }, 'RECEIPT_WITHOUT_LOTS', 'receipts[0].lots'],
      [
        'a receipt number twice',
        {
          receipts: [
            { receiptNumber: 'R-1', lots: [lot1] },
            { receiptNumber: 'R-1', lots: [lot2, lot3] },
          ],
        },
        'DUPLICATE_RECEIPT_NUMBER',
        'receipts[1].receiptNumber',
      ],
      [
        'one lot under two receipts',
        {
          receipts: [
            { receiptNumber: 'R-1', lots: [lot1] },
            { receiptNumber: 'R-2', lots: [lot1] },
          ],
        },
        'DUPLICATE_LOT_IN_APPLICATION',
        'receipts[1].lots[0]',
      ],
      [
        'a lot of another brand',
        { receipts: [{ receiptNumber: 'R-1', lots: [lot('LOT-9', 300_000, '2026-03-05', { brand: 'Yonggang' })] }] },
        'LOT_SPEC_MISMATCH',
        'receipts[0].lots[0].brand',
      ],
      [
        'a lot in another warehouse',
        { receipts: [{ receiptNumber: 'R-1', lots: [lot('LOT-9', 300_000, '2026-03-05', { warehouseId: 'WH-TJ' })] }] },
        'LOT_SPEC_MISMATCH',
        'receipts[0].lots[0].warehouseId',
      ],
      [
        'a lot owned by another card',
        { receipts: [{ receiptNumber: 'R-1', lots: [lot('LOT-9', 300_000, '2026-03-05', { ownerCard: 'SC-0002' })] }] },
        'LOT_OWNER_MISMATCH',
        'receipts[0].lots[0].ownerCard',
      ],
      [
        'a receipt of half a unit (150 000 kg, below 291 000 kg)',
        { receipts: [{ receiptNumber: 'R-1', lots: [lot2] }] },
        'RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE',
        'receipts[0].weightKg',
      ],
      ['rules not yet in force on 2026-03-20', { rule: { ...rebarRuleV1, effectiveFrom: d('2026-04-01') } }, 'RULE_NOT_IN_FORCE', 'rule'],
      ['rules of another commodity', { rule: { ...rebarRuleV1, commodity: 'wire rod' } }, 'RULE_COMMODITY_MISMATCH', 'rule'],
      ['an impossible fees date', { storageFeesPaidThrough: '2026-03-32' }, 'INVALID_DATE', 'storageFeesPaidThrough'],
    ])('refuses %s', (_, overrides, code, field) => {
      const error = refusalOf(() => issuanceDecider.decide(apply(overrides), issuanceDecider.initialState()));
      expect([error.code, error.field]).toEqual([code, field]);
    });

    it('refuses a lot without an inspection report: inspection and receipt into store come before the exchange’s approval', () => {
      const uninspected = lot('LOT-9', 300_000, '2026-03-05', { inspectionReportRef: '' });
      const error = refusalOf(() =>
        issuanceDecider.decide(apply({ receipts: [{ receiptNumber: 'R-1', lots: [uninspected] }] }), issuanceDecider.initialState()),
      );
      expect([error.code, error.field, error.details]).toEqual(['LOT_NOT_INSPECTED', 'receipts[0].lots[0].inspectionReportRef', { lotId: 'LOT-9' }]);
    });

    it('issues only to an approved card', () => {
      spec
        .given([])
        .when(apply({ holderCard: { ...card, status: 'suspended' } }))
        .thenRefusedWith('CARD_NOT_APPROVED', { status: 'suspended' });
    });

    it('is the warehouse’s application, not the depositor’s or the exchange’s', () => {
      spec
        .given([])
        .when(apply({ actor: exchange }))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });
  });

  describe('the exchange approves', () => {
    it('issues the records with validity by the rules in force on the issue date', () => {
      // Warehouse rebar, 90 days from the earliest production date:
      // R-1 produced 03-05 → 26 days to 03-31, +30 (04-30) = 56, +31 (05-31) = 87, +3 → 2026-06-03.
      // R-2 earliest 03-06 → 25 days to 03-31, +30 = 55, +31 = 86, +4 → 2026-06-04.
      spec
        .given([applied])
        .when(approve())
        .then([
          {
            type: 'IssuanceApproved',
            data: {
              applicationId: 'APP-1',
              approvalReference: 'SHFE-APPR-77',
              issueDate: d('2026-03-23'),
              receipts: [record('R-1', 300_000, [lot1], '2026-06-03'), record('R-2', 305_000, [lot2, lot3], '2026-06-04')],
              actor: exchange,
              at: approvedAt,
            },
          },
        ]);
    });

    it('applies a newer rule version in force on the issue date (6 months from issue: 03-23 → 09-23)', () => {
      const v2: AppliedRule = { commodity: 'rebar', version: 2, effectiveFrom: d('2026-03-21'), terms: factoryRebarTerms };
      const events = issuanceDecider.decide(approve({ rule: v2 }), foldEvents(issuanceDecider, [applied]));
      expect(events[0]!.type === 'IssuanceApproved' && events[0]!.data.receipts.map((r) => [r.validUntil, r.rule.version])).toEqual([
        ['2026-09-23', 2],
        ['2026-09-23', 2],
      ]);
    });

    it('refuses receipts whose goods are already past validity on the issue date', () => {
      // R-1 is valid through 2026-06-03; issuing on 2026-06-04 (Shanghai) would create an expired receipt.
      spec
        .given([applied])
        .when(approve({ at: '2026-06-03T16:00:00Z' }))
        .thenRefusedWith('RECEIPT_PAST_VALIDITY_AT_ISSUE', { receiptNumber: 'R-1', validUntil: '2026-06-03', issueDate: '2026-06-04' });
    });

    it('refuses when the holder card was suspended since the application, or is another card', () => {
      spec
        .given([applied])
        .when(approve({ holderCard: { ...card, status: 'suspended' } }))
        .thenRefusedWith('CARD_NOT_APPROVED');
      spec
        .given([applied])
        .when(approve({ holderCard: { ...card, cardNumber: 'SC-0002' } }))
        .thenRefusedWith('HOLDER_CARD_MISMATCH');
    });

    it('is for the exchange only, once, and only for an existing application', () => {
      spec
        .given([applied])
        .when(approve({ actor: clerk }))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      const approved = issuanceDecider.decide(approve(), foldEvents(issuanceDecider, [applied]));
      spec
        .given([applied, ...approved])
        .when(approve())
        .thenRefusedWith('ISSUANCE_NOT_PENDING', { status: 'approved' });
      spec.given([]).when(approve()).thenRefusedWith('ISSUANCE_NOT_FOUND');
    });
  });

  describe('rejection and withdrawal release the held lots', () => {
    it('the exchange rejects with a reason', () => {
      spec
        .given([applied])
        .when({ type: 'RejectIssuance', data: { reason: 'inspection certificate missing', actor: exchange, at: approvedAt } })
        .then([
          {
            type: 'IssuanceRejected',
            data: { applicationId: 'APP-1', reason: 'inspection certificate missing', lotIds: ['LOT-1', 'LOT-2', 'LOT-3'], actor: exchange, at: approvedAt },
          },
        ]);
    });

    it('the warehouse withdraws a pending application, but cannot reject it', () => {
      spec
        .given([applied])
        .when({ type: 'WithdrawIssuance', data: { reason: 'wrong lots', actor: clerk, at: approvedAt } })
        .then([
          {
            type: 'IssuanceWithdrawn',
            data: { applicationId: 'APP-1', reason: 'wrong lots', lotIds: ['LOT-1', 'LOT-2', 'LOT-3'], actor: clerk, at: approvedAt },
          },
        ]);
      spec
        .given([applied])
        .when({ type: 'RejectIssuance', data: { reason: 'x', actor: clerk, at: approvedAt } })
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });

    it('refuses a rejection without a reason', () => {
      spec
        .given([applied])
        .when({ type: 'RejectIssuance', data: { reason: ' ', actor: exchange, at: approvedAt } })
        .thenRefusedWith('FIELD_REQUIRED');
    });
  });
});
