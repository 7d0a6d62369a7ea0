import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { d, factoryRebarTerms, rebarRuleV1 } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { ReceiptCommand, SplitChildRequest } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { ReceiptEvent } from './receipt.events';
import { ReceiptRecord } from './receipt.record';
import { ReceiptState } from './receipt.state';
import { at, exchange, frozen, issued, lotLine, recordR1, recordR2, seller, sellerHolder, stranger, system } from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);
const stateOf = (...events: ReceiptEvent[]): ReceiptState => foldEvents(receiptDecider, events);

const split = (children: SplitChildRequest[], actor: Actor = seller): ReceiptCommand => ({ type: 'SplitReceipt', data: { children, actor, at } });
const child = (receiptNumber: string, lotIds: string[], weightKg: number): SplitChildRequest => ({ receiptNumber, lotIds, weightKg });
const expiredR1: ReceiptEvent = {
  type: 'ReceiptExpired',
  data: { receiptNumber: 'R-1', asOf: d('2026-06-04'), validUntil: d('2026-06-03'), actor: system, at },
};

describe('receipt decider: split', () => {
  it('splits into children that partition the lots, inheriting validity and fees date, issued today', () => {
    const [lot1, lot2] = recordR1.lots;
    const childRecord = (receiptNumber: string, lot: typeof lot1): ReceiptRecord => ({
      ...recordR1,
      receiptNumber,
      weightKg: 300_000,
      lots: [lot!],
      productionDates: lot!.productionDates,
      issueDate: d('2026-04-01'), // the split date (at = 2026-04-01 10:00 Shanghai)
      validUntil: d('2026-06-03'), // the parent's, though R-1B's goods (03-08) alone would give 06-06
      lineage: { origin: 'split', parent: 'R-1' },
    });
    spec
      .given([issued()])
      .when(split([child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-2'], 300_000)]))
      .then([{ type: 'ReceiptSplit', data: { receiptNumber: 'R-1', children: [childRecord('R-1A', lot1), childRecord('R-1B', lot2)], actor: seller, at } }]);
    expect(
      stateOf(issued(), ...receiptDecider.decide(split([child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-2'], 300_000)]), stateOf(issued()))),
    ).toMatchObject({
      status: 'split',
      successors: ['R-1A', 'R-1B'],
    });
  });

  it.each<[string, SplitChildRequest[], string, string]>([
    ['a single child', [child('R-1A', ['LOT-1', 'LOT-2'], 600_000)], 'SPLIT_NEEDS_TWO_CHILDREN', 'children'],
    [
      'weights not summing to 600 000 kg (300 000 + 299 000)',
      [child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-2'], 299_000)],
      'SPLIT_WEIGHTS_DO_NOT_SUM',
      'children',
    ],
    [
      'a child stated at other than its lots’ weight (the sum still matches: 299 000 + 301 000)',
      [child('R-1A', ['LOT-1'], 299_000), child('R-1B', ['LOT-2'], 301_000)],
      'SPLIT_CHILD_WEIGHT_MISMATCH',
      'children[0].weightKg',
    ],
    ['a child of 0 kg', [child('R-1A', ['LOT-1', 'LOT-2'], 600_000), child('R-1B', [], 0)], 'INVALID_WEIGHT', 'children[1].weightKg'],
    ['a lot given twice', [child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-1'], 300_000)], 'SPLIT_LOT_ASSIGNED_TWICE', 'children[1].lotIds[0]'],
    ['a lot of another receipt', [child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-9'], 300_000)], 'SPLIT_LOT_NOT_ON_RECEIPT', 'children[1].lotIds[0]'],
    ['a child without lots', [child('R-1A', [], 300_000), child('R-1B', ['LOT-2'], 300_000)], 'SPLIT_CHILD_WITHOUT_LOTS', 'children[0].lotIds'],
    [
      'a child numbered as the parent',
      [child('R-1', ['LOT-1'], 300_000), child('R-1B', ['LOT-2'], 300_000)],
      'DUPLICATE_RECEIPT_NUMBER',
      'children[0].receiptNumber',
    ],
    [
      'two children with one number',
      [child('R-1A', ['LOT-1'], 300_000), child('R-1A', ['LOT-2'], 300_000)],
      'DUPLICATE_RECEIPT_NUMBER',
      'children[1].receiptNumber',
    ],
  ])('refuses %s', (_, children, code, field) => {
    const error = refusalOf(() => receiptDecider.decide(split(children), stateOf(issued())));
    expect([error.code, error.field]).toEqual([code, field]);
  });

  it('refuses a child outside the unit rule: 300 + 150 = 450 t rounds to 2 units, below their 582 t', () => {
    const r2: ReceiptRecord = {
      ...recordR1,
      receiptNumber: 'R-2',
      weightKg: 605_000, // 2 units: inside 582 000–618 000 kg
      lots: [lotLine('LOT-A', 300_000, '2026-03-05'), lotLine('LOT-B', 150_000, '2026-03-06'), lotLine('LOT-C', 155_000, '2026-03-07')],
      productionDates: [d('2026-03-05'), d('2026-03-06'), d('2026-03-07')],
    };
    const error = refusalOf(() =>
      receiptDecider.decide(split([child('R-2A', ['LOT-A', 'LOT-B'], 450_000), child('R-2B', ['LOT-C'], 155_000)]), stateOf(issued(r2))),
    );
    expect([error.code, error.field, error.details]).toEqual([
      'RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE',
      'children[0].weightKg',
      { weightKg: 450_000, units: 2, unitKg: 300_000, toleranceBp: 300, minKg: 582_000, maxKg: 618_000 },
    ]);
    // The same lots arranged 300 t | 150 + 155 = 305 t satisfy one unit each.
    expect(() =>
      receiptDecider.decide(split([child('R-2A', ['LOT-A'], 300_000), child('R-2B', ['LOT-B', 'LOT-C'], 305_000)]), stateOf(issued(r2))),
    ).not.toThrow();
  });

  it('only the holder splits, and not a held or expired receipt', () => {
    const halves = [child('R-1A', ['LOT-1'], 300_000), child('R-1B', ['LOT-2'], 300_000)];
    spec.given([issued()]).when(split(halves, stranger)).thenRefusedWith('RECEIPT_NOT_FOUND');
    spec.given([issued(), frozen()]).when(split(halves)).thenRefusedWith('RECEIPT_HELD');
    spec.given([issued(), expiredR1]).when(split(halves)).thenRefusedWith('RECEIPT_EXPIRED');
  });
});

describe('receipt decider: merge', () => {
  const merge = (parents: ReceiptState[], actor: Actor = seller, receiptNumber = 'R-3'): ReceiptCommand => ({
    type: 'MergeReceipts',
    data: { receiptNumber, parents, actor, at },
  });

  it('merges into a receipt with all lots and weight, the SHORTER validity and the earliest fees date', () => {
    const merged: ReceiptRecord = {
      ...recordR1,
      receiptNumber: 'R-3',
      weightKg: 900_000, // 600 000 + 300 000: three units, inside 873 000–927 000 kg
      lots: [...recordR1.lots, ...recordR2.lots],
      productionDates: [d('2026-03-05'), d('2026-03-08'), d('2026-03-10')],
      issueDate: d('2026-04-01'),
      validUntil: d('2026-06-03'), // R-1's 06-03, not R-2's 06-08
      storageFeesPaidThrough: d('2026-03-31'), // R-1's 03-31, not R-2's 04-15
      lineage: { origin: 'merge', parents: ['R-1', 'R-2'] },
    };
    spec
      .given([])
      .when(merge([stateOf(issued()), stateOf(issued(recordR2))]))
      .then([{ type: 'ReceiptIssued', data: { record: merged, actor: seller, at } }]);
  });

  it('retires each parent into the merged receipt', () => {
    spec
      .given([issued()])
      .when({ type: 'RetireIntoMerge', data: { mergedInto: 'R-3', actor: seller, at } })
      .then([{ type: 'ReceiptMerged', data: { receiptNumber: 'R-1', mergedInto: 'R-3', actor: seller, at } }]);
    spec
      .given([issued(), frozen()])
      .when({ type: 'RetireIntoMerge', data: { mergedInto: 'R-3', actor: seller, at } })
      .thenRefusedWith('RECEIPT_HELD');
  });

  it.each<[string, Partial<ReceiptRecord>]>([
    ['brand', { brand: 'Yonggang' }],
    ['grade', { grade: 'HRB500E' }],
    ['warehouseId', { warehouseId: 'WH-TJ' }],
    // The same depositor holding through a second card: title on two cards is not merged.
    ['holder', { holder: { ...sellerHolder, storageCard: 'SC-0009' } }],
    ['ruleVersion', { rule: { ...rebarRuleV1, version: 2 } }],
    ['commodity', { commodity: 'wire rod', rule: { ...rebarRuleV1, commodity: 'wire rod' } }],
  ])('refuses parents that differ in %s', (attribute, change) => {
    const error = refusalOf(() =>
      receiptDecider.decide(merge([stateOf(issued()), stateOf(issued({ ...recordR2, ...change }))]), receiptDecider.initialState()),
    );
    expect([error.code, error.details.attribute]).toEqual(['MERGE_ATTRIBUTE_MISMATCH', attribute]);
  });

  it('refuses a held parent, an expired one, another holder’s and a single one', () => {
    spec
      .given([])
      .when(merge([stateOf(issued(), frozen()), stateOf(issued(recordR2))]))
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([])
      .when(merge([stateOf(issued(), expiredR1), stateOf(issued(recordR2))]))
      .thenRefusedWith('RECEIPT_EXPIRED');
    spec
      .given([])
      .when(merge([stateOf(issued()), stateOf(issued(recordR2))], stranger))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([])
      .when(merge([stateOf(issued())]))
      .thenRefusedWith('MERGE_NEEDS_TWO_RECEIPTS');
    spec
      .given([])
      .when(merge([stateOf(issued()), stateOf(issued())]))
      .thenRefusedWith('DUPLICATE_RECEIPT_NUMBER');
  });

  it('refuses a merged receipt whose production dates would span more than the rule allows', () => {
    // Factory rebar: at most 10 consecutive days; 03-01 … 03-15 is 15 days.
    const factoryRule = { ...rebarRuleV1, terms: factoryRebarTerms };
    const early = { ...recordR2, receiptNumber: 'F-1', rule: factoryRule, lots: [lotLine('LOT-E', 300_000, '2026-03-01')], productionDates: [d('2026-03-01')] };
    const late = { ...recordR2, receiptNumber: 'F-2', rule: factoryRule, lots: [lotLine('LOT-L', 300_000, '2026-03-15')], productionDates: [d('2026-03-15')] };
    const error = refusalOf(() => receiptDecider.decide(merge([stateOf(issued(early)), stateOf(issued(late))]), receiptDecider.initialState()));
    expect([error.code, error.field, error.details.spanDays]).toEqual(['PRODUCTION_DATE_SPAN_EXCEEDED', 'merged.productionDates', 15]);
  });

  it('refuses merging into a number already used', () => {
    spec
      .given([issued(recordR2)])
      .when(merge([stateOf(issued()), stateOf(issued(recordR2))], seller, 'R-2'))
      .thenRefusedWith('RECEIPT_NUMBER_TAKEN');
  });

  it('the exchange cannot merge on the holder’s behalf', () => {
    spec
      .given([])
      .when(merge([stateOf(issued()), stateOf(issued(recordR2))], exchange))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
